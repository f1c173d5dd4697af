"""One changed feed, from its fetched body to warehouse rows, in a worker process of the poll.

What the poll's worker processes run (``flows.parallel.run_in_workers``). A feed of a thousand
items is tens of thousands of Python objects to parse and to record, and the few objects of the
pass that are made among them and outlive them keep that memory fragmented for the rest of a
pass: recorded in the pass process, a poll of ten such feeds left it ~3 MB larger than a poll
of one, through every article after. So each changed feed is parsed and recorded, in one
transaction with its new cursor, by a worker that stops after the poll, and the pass gets back
only the outcome, without the entries. Imports no Prefect and no settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.feeds import ParsedFeed, parse_feed
from extractors.fetching import FetchResult
from warehouse.db import Warehouse
from warehouse.state import FeedCursor, FeedPollOutcome, record_polls


@dataclass(frozen=True)
class ChangedFeed:
    """A feed whose body is new since the last poll, and where to record it."""

    warehouse: Warehouse
    run_id: str
    cursor: FeedCursor
    result: FetchResult
    digest: str


def parsed_feed(result: FetchResult) -> ParsedFeed:
    return parse_feed(result.body, url=result.url, content_type=result.content_type)


def poll_outcome(cursor: FeedCursor, result: FetchResult, digest: str | None,
                 parsed: ParsedFeed | None = None) -> FeedPollOutcome:
    """Return what polling ``cursor``'s feed found; ``parsed`` is its parse, needed when its
    body is new."""
    base = FeedPollOutcome(
        feed_id=cursor.feed_id, url=cursor.url, status=result.outcome,
        http_status=result.status, reason=result.reason, detail=result.detail,
    )
    if digest is None:
        return base
    if digest == cursor.body_hash:
        return replace(base, status="unchanged", etag=result.etag,
                       last_modified=result.last_modified, body_hash=digest)
    if parsed is None:
        raise ValueError(f"feed {cursor.feed_id} has a new body: its outcome needs the parse")
    if not parsed.ok:
        return replace(base, status="terminal", reason=parsed.reason or "unparseable",
                       detail=parsed.warning or "not a feed")
    return replace(
        base, etag=result.etag, last_modified=result.last_modified, body_hash=digest,
        title=parsed.title or None, entries=parsed.entries, rejected=parsed.rejected,
        detail=parsed.warning or "",
    )


def record_changed_feed(feed: ChangedFeed) -> tuple[FeedPollOutcome, int]:
    """Parse the feed and record it (health, sightings, newly queued articles, new cursor) in
    one transaction; return its outcome without entries and the number of entries seen."""
    outcome = poll_outcome(feed.cursor, feed.result, feed.digest, parsed_feed(feed.result))
    with feed.warehouse.writing() as conn:
        seen, _ = record_polls(conn, feed.run_id, [outcome])
    return replace(outcome, entries=(), rejected=()), seen
