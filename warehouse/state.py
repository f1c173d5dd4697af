"""Pipeline state kept in the warehouse: runs, feed cursors and health, failures, the work
queue of articles still to fetch, and the lease that keeps passes from overlapping.

All of it is written in the same transactions as the data it describes, so a crash leaves
either both or neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import duckdb

from extractors.analysis import EXTRACTOR_VERSION
from extractors.feeds import FeedEntry, RejectedEntry
from warehouse.db import MAX_KEYS_LOOKED_UP, in_keys, insert_rows, scalar, utcnow
from warehouse.records import QueuedArticle, article_id_for

RUN_COUNTERS = (
    "feeds_polled", "feeds_failed", "feeds_not_modified", "entries_seen", "articles_new",
    "articles_failed", "statements", "region_mentions", "demands", "alerts_created",
    "alerts_sent", "pages_extracted", "feeds_parsed",
)


@dataclass(frozen=True)
class FeedCursor:
    """What the last poll of a feed left behind for the next conditional request."""

    feed_id: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    consecutive_failures: int = 0


@dataclass(frozen=True)
class FeedPollOutcome:
    """The result of polling one feed, as the warehouse records it."""

    feed_id: str
    url: str
    status: str                  # ok | not_modified | unchanged | transient | terminal
    http_status: int | None = None
    reason: str | None = None
    detail: str = ""
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    title: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    rejected: tuple[RejectedEntry, ...] = ()

    @property
    def failed(self) -> bool:
        return self.status in ("transient", "terminal")


@dataclass(frozen=True)
class FailureRecord:
    stage: str                   # feed | entry | article | alert
    reason: str
    detail: str = ""
    feed_id: str | None = None
    url: str | None = None
    transient: bool = False


@dataclass
class RunCounts:
    """Counters of one pass, summed as its stages finish."""

    values: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RUN_COUNTERS, 0))

    def add(self, **counts: int) -> None:
        for key, value in counts.items():
            self.values[key] += value


# --- runs ---------------------------------------------------------------------------------

def begin_run(conn: duckdb.DuckDBPyConnection, run_id: str, trigger: str,
              flow_run_id: str | None = None) -> None:
    conn.execute(
        "INSERT INTO runs (run_id, started_at, status, trigger, extractor_version, flow_run_id)"
        " VALUES (?, ?, 'running', ?, ?, ?)",
        [run_id, utcnow(), trigger, EXTRACTOR_VERSION, flow_run_id],
    )


def finish_run(conn: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: RunCounts,
               error: str | None = None) -> None:
    assignments = ", ".join(f"{name} = ?" for name in RUN_COUNTERS)
    conn.execute(
        f"UPDATE runs SET finished_at = ?, status = ?, error = ?, {assignments} WHERE run_id = ?",
        [utcnow(), status, error, *(counts.values[n] for n in RUN_COUNTERS), run_id],
    )


def record_failures(conn: duckdb.DuckDBPyConnection, run_id: str,
                    failures: Sequence[FailureRecord]) -> int:
    now = utcnow()
    return insert_rows(
        conn,
        "failures",
        {"run_id": "VARCHAR", "stage": "VARCHAR", "feed_id": "VARCHAR", "url": "VARCHAR",
         "reason": "VARCHAR", "detail": "VARCHAR", "transient": "BOOLEAN",
         "occurred_at": "TIMESTAMPTZ"},
        [(run_id, f.stage, f.feed_id, f.url, f.reason, f.detail, f.transient, now)
         for f in failures],
    )


def seeds_loaded(conn: duckdb.DuckDBPyConnection) -> bool:
    return bool(scalar(conn, "SELECT count(*) FROM articles WHERE is_seed"))


# --- feeds --------------------------------------------------------------------------------

def register_feeds(conn: duckdb.DuckDBPyConnection, feeds: Sequence[tuple[str, str]]) -> None:
    """Make sure each (name, url) has a row; a changed URL resets its conditional-GET cursor."""
    now = utcnow()
    insert_rows(
        conn,
        "feeds",
        {"feed_id": "VARCHAR", "url": "VARCHAR", "added_at": "TIMESTAMPTZ"},
        [(name, url, now) for name, url in feeds],
        on_conflict="ON CONFLICT (feed_id) DO UPDATE SET url = excluded.url, "
        "etag = CASE WHEN feeds.url = excluded.url THEN feeds.etag END, "
        "last_modified = CASE WHEN feeds.url = excluded.url THEN feeds.last_modified END, "
        "body_hash = CASE WHEN feeds.url = excluded.url THEN feeds.body_hash END",
    )


def load_cursors(conn: duckdb.DuckDBPyConnection, feed_ids: Sequence[str]) -> list[FeedCursor]:
    if not feed_ids:
        return []
    condition, keys = in_keys("feed_id", feed_ids)
    rows = conn.execute(
        "SELECT feed_id, url, etag, last_modified, body_hash, consecutive_failures FROM feeds"
        f" WHERE {condition} ORDER BY feed_id", keys,
    ).fetchall()
    order = {name: i for i, name in enumerate(feed_ids)}
    cursors = [FeedCursor(*row) for row in rows]
    return sorted(cursors, key=lambda c: order[c.feed_id])


def record_polls(conn: duckdb.DuckDBPyConnection, run_id: str,
                 polls: Sequence[FeedPollOutcome]) -> tuple[int, int]:
    """Record feed health, failures, sightings and newly queued articles.

    Returns (entries seen, articles queued). New articles enter the queue in this same
    transaction as the new feed cursor, so an article is never lost between passes.
    """
    now = utcnow()
    for poll in polls:
        ok = not poll.failed
        conn.execute(
            """UPDATE feeds SET
                 last_polled_at = $now, last_status = $status, last_http_status = $http,
                 last_reason = $reason, last_error = $detail, last_run_id = $run,
                 polls = polls + 1,
                 not_modified_polls = not_modified_polls + $unchanged,
                 last_success_at = CASE WHEN $ok THEN $now ELSE last_success_at END,
                 consecutive_failures = CASE WHEN $ok THEN 0 ELSE consecutive_failures + 1 END,
                 etag = CASE WHEN $status = 'ok' THEN $etag ELSE etag END,
                 last_modified = CASE WHEN $status = 'ok' THEN $lm ELSE last_modified END,
                 body_hash = CASE WHEN $status = 'ok' THEN $hash ELSE body_hash END,
                 title = COALESCE($title, title)
               WHERE feed_id = $feed""",
            {"now": now, "status": poll.status, "http": poll.http_status,
             "reason": poll.reason, "detail": poll.detail or None, "run": run_id,
             "unchanged": int(poll.status in ("not_modified", "unchanged")), "ok": ok,
             "etag": poll.etag, "lm": poll.last_modified, "hash": poll.body_hash,
             "title": poll.title, "feed": poll.feed_id},
        )
    failures = [
        FailureRecord("feed", p.reason or p.status, p.detail, p.feed_id, p.url,
                      p.status == "transient")
        for p in polls if p.failed
    ] + [
        FailureRecord("entry", r.reason, r.detail, p.feed_id, r.url)
        for p in polls for r in p.rejected
    ]
    record_failures(conn, run_id, failures)

    sightings = []
    seen_ids: dict[str, tuple[FeedPollOutcome, FeedEntry]] = {}
    for poll in polls:
        for entry in poll.entries:
            article_id = article_id_for(entry.canonical_url, entry.item_key)
            sightings.append((article_id, poll.feed_id, entry.item_key, entry.url, now, run_id))
            seen_ids.setdefault(article_id, (poll, entry))
    # An item already sighted keeps the article it was first filed under, even if its URL
    # changed since: its GUID is the stronger identity.
    known_items = {row[0] for row in conn.execute(
        "SELECT feed_id || chr(0) || item_key FROM sightings WHERE item_key IN "
        "(SELECT unnest($1::VARCHAR[]))",
        [[row[2] for row in sightings]],
    ).fetchall()} if sightings else set()
    sightings = [row for row in sightings if f"{row[1]}\0{row[2]}" not in known_items]
    fresh_ids = {row[0] for row in sightings}
    existing: set[str] = set()
    if fresh_ids:
        condition, keys = in_keys("article_id", sorted(fresh_ids))
        existing = {row[0] for row in conn.execute(
            f"SELECT article_id FROM articles WHERE {condition}", keys).fetchall()}
    insert_rows(
        conn,
        "sightings",
        {"article_id": "VARCHAR", "feed_id": "VARCHAR", "item_key": "VARCHAR", "url": "VARCHAR",
         "first_seen_at": "TIMESTAMPTZ", "run_id": "VARCHAR"},
        sightings,
        on_conflict="ON CONFLICT (feed_id, item_key) DO NOTHING",
    )
    queued = []
    for article_id in sorted(fresh_ids - existing):
        poll, entry = seen_ids[article_id]
        summary = entry.content or entry.summary or None
        queued.append((
            article_id, entry.url, entry.canonical_url, entry.guid, poll.title or poll.feed_id,
            entry.title or None, entry.author, entry.published.isoformat() if entry.published
            else None, summary, "pending", 0, run_id, run_id, now, "none",
        ))
    insert_rows(
        conn,
        "articles",
        {"article_id": "VARCHAR", "url": "VARCHAR", "canonical_url": "VARCHAR",
         "guid": "VARCHAR", "outlet": "VARCHAR", "title": "VARCHAR", "author": "VARCHAR",
         "published_at": "VARCHAR", "feed_summary": "VARCHAR", "fetch_status": "VARCHAR",
         "fetch_attempts": "INTEGER", "first_run_id": "VARCHAR", "last_run_id": "VARCHAR",
         "first_seen_at": "TIMESTAMPTZ", "text_source": "VARCHAR"},
        queued,
    )
    return sum(len(p.entries) for p in polls), len(queued)


def queued_articles(conn: duckdb.DuckDBPyConnection, max_attempts: int,
                    limit: int | None = None,
                    after: QueuePosition | None = None) -> list[QueuedArticle]:
    """Return the articles still to fetch, oldest first: new ones and transient failures.

    ``after`` continues from a position returned by ``queue_position``, so a pass reads a
    backlog page by page instead of holding all of it.
    """
    where = "fetch_status IN ('pending', 'retry') AND fetch_attempts < ?"
    params: list[object] = [max_attempts]
    if after is not None:
        where += " AND (first_seen_at, article_id) > (?::TIMESTAMPTZ, ?)"
        params += [after.first_seen_at, after.article_id]
    columns = ("article_id, url, guid, title, feed_summary, published_at, outlet, fetch_attempts,"
               " first_seen_at")
    order = " ORDER BY first_seen_at, article_id"
    if limit is None or limit > MAX_KEYS_LOOKED_UP:
        rows = conn.execute(f"SELECT {columns} FROM articles WHERE {where}{order}"
                            + (f" LIMIT {int(limit)}" if limit is not None else ""),
                            params).fetchall()
        return [QueuedArticle(*row) for row in rows]
    # A page of the queue is found first and then read by key: sorting whole rows to keep the
    # first few took ~8 MB (DuckDB joins them back to the sorted keys by hashing), keys alone
    # ~2.4 MB.
    keys = [row[0] for row in conn.execute(
        f"SELECT article_id FROM articles WHERE {where}{order} LIMIT {int(limit)}", params
    ).fetchall()]
    if not keys:
        return []
    condition, key_params = in_keys("article_id", keys)
    found = {row[0]: QueuedArticle(*row) for row in conn.execute(
        f"SELECT {columns} FROM articles WHERE {condition}", key_params).fetchall()}
    return [found[key] for key in keys]


@dataclass(frozen=True)
class QueuePosition:
    first_seen_at: datetime
    article_id: str


def queue_position(article: QueuedArticle) -> QueuePosition:
    """Return the queue position just after ``article``."""
    if article.first_seen_at is None:
        raise ValueError("a queued article read from the warehouse has its first_seen_at")
    return QueuePosition(article.first_seen_at, article.article_id)


# --- the pass lease -----------------------------------------------------------------------

def acquire_lease(conn: duckdb.DuckDBPyConnection, name: str, holder: str,
                  ttl: timedelta) -> tuple[bool, str | None, datetime | None]:
    """Take the lease unless another holder has it and it has not expired.

    Returns (acquired, current holder, its expiry). An expired lease — a crashed pass — is
    taken over.
    """
    now = utcnow()
    row = conn.execute("SELECT holder, expires_at FROM leases WHERE name = ?", [name]).fetchone()
    if row and row[0] != holder and row[1] > now:
        return False, row[0], row[1]
    conn.execute(
        "INSERT INTO leases VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
        "holder = excluded.holder, acquired_at = excluded.acquired_at, "
        "expires_at = excluded.expires_at",
        [name, holder, now, now + ttl],
    )
    return True, holder, now + ttl


def release_lease(conn: duckdb.DuckDBPyConnection, name: str, holder: str) -> None:
    conn.execute("DELETE FROM leases WHERE name = ? AND holder = ?", [name, holder])



# --- pipeline health ----------------------------------------------------------------------

@dataclass(frozen=True)
class HealthProblem:
    """Something wrong with the watch itself, reported once per occurrence."""

    key: str          # stable: the same problem is one alert however many passes see it
    title: str
    detail: str
    url: str | None = None
    source: str | None = None


def health_problems(conn: duckdb.DuckDBPyConnection, run_id: str, failing_passes: int,
                    stale_hours: float) -> list[HealthProblem]:
    """Return the feeds that just reached ``failing_passes`` failures in a row, and a gap of
    more than ``stale_hours`` since the last completed pass before this one."""
    problems = [
        HealthProblem(
            key=f"health:feed_failing:{feed_id}:{run_id}",
            title=f"feed {feed_id} failing {failures} passes in a row",
            detail=f"last error: {reason or status} {detail or ''}".strip(),
            url=url, source=feed_id,
        )
        for feed_id, url, failures, status, reason, detail in conn.execute(
            "SELECT feed_id, url, consecutive_failures, last_status, last_reason, last_error"
            " FROM feeds WHERE consecutive_failures = ? AND last_run_id = ? ORDER BY feed_id",
            [failing_passes, run_id],
        ).fetchall()
    ]
    last_ok = scalar(
        conn, "SELECT max(finished_at) FROM runs WHERE status = 'completed' AND run_id <> ?",
        [run_id],
    )
    if last_ok is not None and utcnow() - last_ok > timedelta(hours=stale_hours):
        hours = (utcnow() - last_ok).total_seconds() / 3600
        problems.append(HealthProblem(
            key=f"health:stale:{run_id}",
            title=f"no completed pass for {hours:.0f} hours",
            detail=f"the last completed pass before this one finished at "
                   f"{last_ok:%Y-%m-%d %H:%M} UTC; check the schedule and the run log (runs)",
        ))
    return problems


def record_health_alerts(conn: duckdb.DuckDBPyConnection, run_id: str,
                         problems: Sequence[HealthProblem]) -> int:
    """Queue each problem as a pending ``pipeline_health`` alert; return how many are new."""
    return insert_rows(
        conn,
        "alerts",
        {"alert_id": "VARCHAR", "kind": "VARCHAR", "sentence": "VARCHAR",
         "isw_attributed": "BOOLEAN", "article_title": "VARCHAR", "article_url": "VARCHAR",
         "outlet": "VARCHAR", "run_id": "VARCHAR", "status": "VARCHAR", "attempts": "INTEGER",
         "created_at": "TIMESTAMPTZ"},
        [(p.key, "pipeline_health", p.detail, False, p.title, p.url, p.source, run_id,
          "pending", 0, utcnow()) for p in problems],
        on_conflict="ON CONFLICT (alert_id) DO NOTHING",
    )
