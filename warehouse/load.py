"""Writing a batch of articles and their facts, with novelty and alerts, in one transaction.

Reruns are harmless: an article is keyed by ``article_id`` (from its canonical URL, else its feed
item key), its facts are replaced as a whole, sightings are keyed by (feed, item key), and a
novelty is keyed by its term, so the same input twice gives the same rows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import duckdb

from extractors.analysis import EXTRACTOR_VERSION
from warehouse.db import in_keys, insert_rows, update_rows, utcnow
from warehouse.novelty import NoveltyPolicy, record_novelties
from warehouse.records import ArticleRecord, Sighting, article_id_for, text_hash

__all__ = ["ArticleRecord", "LoadResult", "Sighting", "article_id_for", "load_articles",
           "replace_facts", "stored_texts", "text_hash"]


@dataclass(frozen=True)
class LoadResult:
    articles: int = 0
    statements: int = 0
    region_mentions: int = 0
    demands: int = 0
    alerts_created: int = 0


# Characters per row of ``article_text_parts`` (see migration 0003_article_text_parts). A
# checkpoint compresses the last row group of parts (2,048 rows) in one ZSTD stream, so its
# memory follows the row group's bytes: at most 16.1 MB with parts of 2,048 characters, 6.5 MB
# at 512 (``benchmarks/write_memory.py --corpus``). Parts written before keep their size; the
# ``article_texts`` view joins parts of any size.
TEXT_PART_CHARS = 512

_ARTICLE_COLUMNS = {
    "article_id": "VARCHAR", "url": "VARCHAR", "canonical_url": "VARCHAR", "guid": "VARCHAR",
    "outlet": "VARCHAR", "title": "VARCHAR", "author": "VARCHAR", "published_at": "VARCHAR",
    "site_name": "VARCHAR", "language": "VARCHAR", "text_source": "VARCHAR",
    "text_hash": "VARCHAR", "feed_summary": "VARCHAR", "is_seed": "BOOLEAN",
    "fetch_status": "VARCHAR", "fetch_reason": "VARCHAR", "fetch_attempts": "INTEGER",
    "first_run_id": "VARCHAR", "last_run_id": "VARCHAR", "first_seen_at": "TIMESTAMPTZ",
    "extracted_at": "TIMESTAMPTZ", "extractor_version": "VARCHAR",
}
# An article already stored keeps its first sighting; what was fetched or extracted now
# replaces the old. (``excluded`` is the row written now.)
_ARTICLE_UPDATE = """
    url = COALESCE(articles.url, excluded.url),
    canonical_url = COALESCE(articles.canonical_url, excluded.canonical_url),
    guid = COALESCE(articles.guid, excluded.guid),
    outlet = COALESCE(excluded.outlet, articles.outlet),
    title = COALESCE(excluded.title, articles.title),
    author = COALESCE(excluded.author, articles.author),
    published_at = COALESCE(excluded.published_at, articles.published_at),
    site_name = COALESCE(excluded.site_name, articles.site_name),
    language = COALESCE(excluded.language, articles.language),
    text_source = CASE WHEN excluded.text_hash IS NULL THEN articles.text_source
                       ELSE excluded.text_source END,
    text_hash = COALESCE(excluded.text_hash, articles.text_hash),
    is_seed = articles.is_seed OR excluded.is_seed,
    fetch_status = excluded.fetch_status,
    fetch_reason = excluded.fetch_reason,
    fetch_attempts = articles.fetch_attempts + 1,
    last_run_id = excluded.last_run_id,
    extracted_at = COALESCE(excluded.extracted_at, articles.extracted_at),
    extractor_version = COALESCE(excluded.extractor_version, articles.extractor_version)
"""


def load_articles(
    conn: duckdb.DuckDBPyConnection,
    run_id: str,
    records: Sequence[ArticleRecord],
    policy: NoveltyPolicy,
) -> LoadResult:
    """Upsert ``records`` with their facts and sightings, then record novelties and alerts.

    Runs inside the caller's transaction, so the alerts commit with the data that caused them.
    """
    if not records:
        return LoadResult()
    now = utcnow()
    analysed = [r for r in records if r.analysis is not None]
    latest = _last_per_article(records)
    stored, extracted = _stored_articles(conn, [r.article_id for r in latest])
    rows = [
        (
            r.article_id, r.url, r.canonical_url, r.guid, r.outlet, r.title, r.author,
            r.published_at, r.site_name, r.language, r.text_source,
            r.text_digest, r.feed_summary, r.is_seed, r.fetch_status, r.fetch_reason, 1,
            run_id, run_id, now, now if r.analysis is not None else None,
            EXTRACTOR_VERSION if r.analysis is not None else None,
        )
        for r in latest
    ]
    # An insert and an update rather than one upsert: DuckDB's upsert of a chunk took ~22 MB,
    # the update takes ~13 MB and the insert ~6 MB, and a pass's chunks are mostly updates of
    # the articles its feed poll queued.
    insert_rows(conn, "articles", _ARTICLE_COLUMNS, [row for row in rows if row[0] not in stored])
    update_rows(conn, "articles", _ARTICLE_COLUMNS, [row for row in rows if row[0] in stored],
                key="article_id", assignments=_ARTICLE_UPDATE)
    _store_texts(conn, latest, {article_id: stored_hash
                                for article_id, stored_hash in stored.items() if stored_hash})
    insert_rows(
        conn,
        "sightings",
        {"article_id": "VARCHAR", "feed_id": "VARCHAR", "item_key": "VARCHAR", "url": "VARCHAR",
         "first_seen_at": "TIMESTAMPTZ", "run_id": "VARCHAR"},
        [(r.article_id, s.feed_id, s.item_key, s.url, now, run_id)
         for r in records for s in r.sightings],
        on_conflict="ON CONFLICT (feed_id, item_key) DO NOTHING",
    )
    counts = replace_facts(conn, run_id, analysed, stored_facts=extracted)
    alerts = record_novelties(conn, run_id, analysed, policy)
    return LoadResult(len(records), *counts, alerts_created=alerts)


def stored_texts(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, str]:
    """Return the stored text of each of ``article_ids`` that has one, put back together."""
    if not article_ids:
        return {}
    return dict(conn.execute(
        "SELECT article_id, string_agg(part, '' ORDER BY part_index) FROM article_text_parts"
        " WHERE article_id IN (SELECT unnest($1::VARCHAR[])) GROUP BY article_id",
        [list(article_ids)]).fetchall())


def _stored_articles(conn: duckdb.DuckDBPyConnection, article_ids: list[str]
                     ) -> tuple[dict[str, str | None], set[str]]:
    """Return the stored text hash (None without a text) of each of ``article_ids`` stored, and
    those that were extracted before: only these can have facts stored."""
    condition, params = in_keys("article_id", article_ids)
    rows = conn.execute(f"SELECT article_id, text_hash, extracted_at IS NOT NULL FROM articles"
                        f" WHERE {condition}", params).fetchall()
    return ({article_id: stored_hash for article_id, stored_hash, _ in rows},
            {article_id for article_id, _, was_extracted in rows if was_extracted})


def _store_texts(conn: duckdb.DuckDBPyConnection, records: Sequence[ArticleRecord],
                 stored_hashes: dict[str, str]) -> None:
    """Write the texts that are new or changed, in parts; an unchanged text is not written
    again. The parts of a changed text replace all of its old parts.

    A text that waits in a file (``spool_text``) is read and cut into parts by DuckDB itself,
    never becoming a Python string here: a pass's texts, held and converted here, raised the
    pass process's memory spikes over a long backlog (``benchmarks/README.md``).
    """
    changed = [r for r in records if r.text_digest is not None
               and stored_hashes.get(r.article_id) != r.text_digest]
    replaced = [r.article_id for r in changed if r.article_id in stored_hashes]
    if replaced:
        conn.execute("DELETE FROM article_text_parts"
                     " WHERE article_id IN (SELECT unnest($1::VARCHAR[]))", [replaced])
    from_memory: list[tuple[str, str]] = []
    from_files: list[tuple[str, str]] = []  # (article id, path)
    parts_in_files = 0
    for r in changed:
        if r.spooled_text is None:
            from_memory.append((r.article_id, r.text or ""))
        elif _PATTERN_CHARACTERS & set(r.spooled_text.path):
            from_memory.append((r.article_id, _read_text_file(r.spooled_text.path)))
        else:
            from_files.append((r.article_id, r.spooled_text.path))
            parts_in_files += -(-r.spooled_text.characters // TEXT_PART_CHARS)
    insert_rows(
        conn, "article_text_parts",
        {"article_id": "VARCHAR", "part_index": "INTEGER", "part": "VARCHAR"},
        [(article_id, index, part)
         for article_id, text in from_memory for index, part in enumerate(text_parts(text))],
    )
    if from_files:
        inserted = conn.execute(_INSERT_SPOOLED_TEXTS,
                                [[path for _, path in from_files],
                                 [article_id for article_id, _ in from_files]]).fetchone()
        # A text lost on the way must fail the write, not leave an article whose text hash
        # says its text is stored.
        if inserted is None or inserted[0] != parts_in_files:
            raise RuntimeError(f"stored {inserted[0] if inserted else 0} text parts from"
                               f" {len(from_files)} files, expected {parts_in_files}")


def _read_text_file(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


# ``read_text`` takes its paths as patterns, and where a pattern matches another file it reads
# that one instead; a file whose path has a pattern's characters (a TMPDIR named so) is read
# here instead. Each file read is matched back to its article by name.
_PATTERN_CHARACTERS = set("*?[]{}")
# DuckDB's ``length`` and ``substr`` count code points, as Python's ``len`` and slices do, so
# the parts are those ``text_parts`` cuts.
_INSERT_SPOOLED_TEXTS = f"""
    INSERT INTO article_text_parts (article_id, part_index, part)
    WITH files AS (SELECT unnest($1::VARCHAR[]) AS path, unnest($2::VARCHAR[]) AS article_id),
    texts AS (SELECT files.article_id, file.content
              FROM read_text($1::VARCHAR[]) AS file JOIN files ON file.filename = files.path),
    starts AS (SELECT article_id, content,
                      unnest(range(0, length(content), {TEXT_PART_CHARS})) AS start
               FROM texts)
    SELECT article_id, (start // {TEXT_PART_CHARS})::INTEGER,
           substr(content, start + 1, {TEXT_PART_CHARS})
    FROM starts
"""


def text_parts(text: str) -> list[str]:
    """Split ``text`` into the parts ``article_text_parts`` stores, in order."""
    return [text[i:i + TEXT_PART_CHARS] for i in range(0, len(text), TEXT_PART_CHARS)]


def _last_per_article(records: Sequence[ArticleRecord]) -> list[ArticleRecord]:
    by_id: dict[str, ArticleRecord] = {}
    for record in records:
        by_id[record.article_id] = record
    return list(by_id.values())


def replace_facts(
    conn: duckdb.DuckDBPyConnection, run_id: str, records: Sequence[ArticleRecord],
    *, stored_facts: Collection[str] | None = None,
) -> tuple[int, int, int]:
    """Replace the statements, region mentions and demands of ``records``; return their counts.

    ``stored_facts``, when given, holds the articles that may have facts stored (those extracted
    before); the others' facts need no deleting. A pass's articles are mostly new, and each
    delete cost ~7 MB for its hash join.
    """
    records = _last_per_article(records)
    if not records:
        return 0, 0, 0
    old = [r.article_id for r in records
           if stored_facts is None or r.article_id in stored_facts]
    for table in ("statements", "region_mentions", "demands") if old else ():
        conn.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest($1::VARCHAR[]))", [old]
        )
    version = EXTRACTOR_VERSION
    statements = insert_rows(
        conn,
        "statements",
        {"article_id": "VARCHAR", "statement_index": "INTEGER", "sentence_index": "INTEGER",
         "text": "VARCHAR", "kind": "VARCHAR", "quote": "VARCHAR", "cue": "VARCHAR",
         "run_id": "VARCHAR", "extractor_version": "VARCHAR"},
        [(r.article_id, i, s.sentence_index, s.text, s.kind, s.quote, s.cue, run_id, version)
         for r in records if r.analysis for i, s in enumerate(r.analysis.statements)],
    )
    mentions = insert_rows(
        conn,
        "region_mentions",
        {"article_id": "VARCHAR", "mention_index": "INTEGER", "sentence_index": "INTEGER",
         "region_code": "VARCHAR", "region_name": "VARCHAR", "surface": "VARCHAR",
         "place": "VARCHAR", "sentence": "VARCHAR", "isw_attributed": "BOOLEAN",
         "run_id": "VARCHAR", "extractor_version": "VARCHAR"},
        [(r.article_id, i, m.sentence_index, m.region_code, m.region_name, m.surface, m.place,
          m.sentence, m.isw_attributed, run_id, version)
         for r in records if r.analysis for i, m in enumerate(r.analysis.region_mentions)],
    )
    demands = insert_rows(
        conn,
        "demands",
        {"article_id": "VARCHAR", "demand_index": "INTEGER", "sentence_index": "INTEGER",
         "actor": "VARCHAR", "demand_type": "VARCHAR", "regions": "VARCHAR[]",
         "sentence": "VARCHAR", "isw_attributed": "BOOLEAN", "run_id": "VARCHAR",
         "extractor_version": "VARCHAR"},
        [(r.article_id, i, d.sentence_index, d.actor, d.demand_type, list(d.regions), d.sentence,
          d.isw_attributed, run_id, version)
         for r in records if r.analysis for i, d in enumerate(r.analysis.demands)],
    )
    return statements, mentions, demands
