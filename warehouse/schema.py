"""The warehouse schema as named, ordered migrations.

Each migration runs in its own transaction together with its row in ``schema_migrations``;
a migration never changes once released, a change is a new migration at the end.
The public tables (``feeds``, ``articles``, ``article_texts`` (a view), ``sightings``,
``statements``, ``region_mentions``, ``demands``, ``alerts``, ``runs``, ``failures``) are the SQL
interface analysts use and are documented column by column in the README.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            status VARCHAR NOT NULL,            -- running | completed | failed
            trigger VARCHAR,        -- run | serve | worker | demo | backfill | reextract
            feeds_polled INTEGER DEFAULT 0,
            feeds_failed INTEGER DEFAULT 0,
            feeds_not_modified INTEGER DEFAULT 0,
            entries_seen INTEGER DEFAULT 0,
            articles_new INTEGER DEFAULT 0,
            articles_failed INTEGER DEFAULT 0,
            statements INTEGER DEFAULT 0,
            region_mentions INTEGER DEFAULT 0,
            demands INTEGER DEFAULT 0,
            alerts_created INTEGER DEFAULT 0,
            alerts_sent INTEGER DEFAULT 0,
            pages_extracted INTEGER DEFAULT 0,
            feeds_parsed INTEGER DEFAULT 0,
            error VARCHAR,
            extractor_version VARCHAR,
            flow_run_id VARCHAR
        );
        CREATE TABLE feeds (
            feed_id VARCHAR PRIMARY KEY,
            url VARCHAR NOT NULL,
            title VARCHAR,
            etag VARCHAR,
            last_modified VARCHAR,
            body_hash VARCHAR,
            added_at TIMESTAMPTZ,
            last_polled_at TIMESTAMPTZ,
            last_success_at TIMESTAMPTZ,
            last_status VARCHAR,    -- ok | not_modified | unchanged | transient | terminal
            last_http_status INTEGER,
            last_reason VARCHAR,
            last_error VARCHAR,
            consecutive_failures INTEGER DEFAULT 0,
            polls INTEGER DEFAULT 0,
            not_modified_polls INTEGER DEFAULT 0,
            last_run_id VARCHAR
        );
        CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY,
            url VARCHAR,
            canonical_url VARCHAR,
            guid VARCHAR,
            outlet VARCHAR,
            title VARCHAR,
            author VARCHAR,
            published_at VARCHAR,
            site_name VARCHAR,
            language VARCHAR,
            text VARCHAR,
            text_source VARCHAR,                -- page | feed | seed | file | none
            text_hash VARCHAR,
            feed_summary VARCHAR,
            is_seed BOOLEAN DEFAULT false,
            fetch_status VARCHAR,               -- ok | retry | failed
            fetch_reason VARCHAR,
            fetch_attempts INTEGER DEFAULT 0,
            first_run_id VARCHAR,
            last_run_id VARCHAR,
            first_seen_at TIMESTAMPTZ,
            extracted_at TIMESTAMPTZ,
            extractor_version VARCHAR
        );
        CREATE TABLE sightings (
            article_id VARCHAR NOT NULL,
            feed_id VARCHAR NOT NULL,
            item_key VARCHAR NOT NULL,
            url VARCHAR,
            first_seen_at TIMESTAMPTZ,
            run_id VARCHAR,
            PRIMARY KEY (feed_id, item_key)
        );
        CREATE TABLE statements (
            article_id VARCHAR NOT NULL,
            statement_index INTEGER NOT NULL,
            sentence_index INTEGER,
            text VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,              -- quote | paraphrase
            quote VARCHAR,
            cue VARCHAR,
            run_id VARCHAR,
            extractor_version VARCHAR
        );
        CREATE TABLE region_mentions (
            article_id VARCHAR NOT NULL,
            mention_index INTEGER NOT NULL,
            sentence_index INTEGER,
            region_code VARCHAR NOT NULL,
            region_name VARCHAR,
            surface VARCHAR,
            place VARCHAR,
            sentence VARCHAR,
            isw_attributed BOOLEAN,
            run_id VARCHAR,
            extractor_version VARCHAR
        );
        CREATE TABLE demands (
            article_id VARCHAR NOT NULL,
            demand_index INTEGER NOT NULL,
            sentence_index INTEGER,
            actor VARCHAR NOT NULL,
            demand_type VARCHAR NOT NULL,
            regions VARCHAR[],
            sentence VARCHAR,
            isw_attributed BOOLEAN,
            run_id VARCHAR,
            extractor_version VARCHAR
        );
        CREATE TABLE failures (
            run_id VARCHAR,
            stage VARCHAR NOT NULL,             -- feed | entry | article | alert
            feed_id VARCHAR,
            url VARCHAR,
            reason VARCHAR NOT NULL,
            detail VARCHAR,
            transient BOOLEAN,
            occurred_at TIMESTAMPTZ
        );
        CREATE TABLE known_terms (
            kind VARCHAR NOT NULL,              -- region | demand
            term VARCHAR NOT NULL,              -- UA-12 | RU/territorial
            first_article_id VARCHAR,
            first_run_id VARCHAR,
            first_seen_at TIMESTAMPTZ,
            baseline BOOLEAN,
            PRIMARY KEY (kind, term)
        );
        CREATE TABLE alerts (
            alert_id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,              -- new_region | new_demand
            region_code VARCHAR,
            region_name VARCHAR,
            actor VARCHAR,
            demand_type VARCHAR,
            sentence VARCHAR,
            isw_attributed BOOLEAN,
            article_id VARCHAR,
            article_title VARCHAR,
            article_url VARCHAR,
            outlet VARCHAR,
            article_published VARCHAR,
            run_id VARCHAR,
            status VARCHAR NOT NULL,            -- pending | sending | sent
            attempts INTEGER DEFAULT 0,
            last_error VARCHAR,
            message_id VARCHAR,
            channel VARCHAR,
            created_at TIMESTAMPTZ,
            sent_at TIMESTAMPTZ
        );
        CREATE TABLE leases (
            name VARCHAR PRIMARY KEY,
            holder VARCHAR NOT NULL,
            acquired_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        );
        """,
    ),
    (
        # DuckDB rewrites a column of every row in a row group when it checkpoints an update
        # to that column; with the text in ``articles``, filling in each queued article's text
        # rewrote the text of all articles at every write, slower and larger as the table grew.
        # The text now goes, once, into its own table.
        "0002_article_texts",
        """
        CREATE TABLE article_texts (
            article_id VARCHAR PRIMARY KEY,
            text VARCHAR NOT NULL
        );
        INSERT INTO article_texts SELECT article_id, text FROM articles WHERE text IS NOT NULL;
        ALTER TABLE articles DROP COLUMN text;
        """,
    ),
    (
        # A checkpoint rewrites, uncompressed in memory, the whole last row group of a table a
        # write appended to. With one whole text per row that was up to 2,048 article texts
        # (~12 MB) at every chunk write of a pass, growing as the row group filled. Texts are
        # now stored in parts of at most 2,048 characters, so a row group holds ~4 MB of text;
        # ``article_texts`` stays the same for queries, as a view that puts the parts together.
        # Parts are compressed with ZSTD, as DuckDB chooses for whole texts: they take 1.4 times
        # the space whole texts did, where DuckDB's own choice for parts took 3 times.
        "0003_article_text_parts",
        """
        CREATE TABLE article_text_parts (
            article_id VARCHAR NOT NULL,
            part_index INTEGER NOT NULL,
            part VARCHAR NOT NULL USING COMPRESSION zstd
        );
        INSERT INTO article_text_parts
            SELECT article_id, i, substr(text, i * 2048 + 1, 2048)
            FROM article_texts, range(0, (length(text) + 2047) // 2048) AS parts(i)
            ORDER BY article_id, i;
        DROP TABLE article_texts;
        CREATE VIEW article_texts AS
            SELECT article_id, string_agg(part, '' ORDER BY part_index) AS text
            FROM article_text_parts GROUP BY article_id;
        """,
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
