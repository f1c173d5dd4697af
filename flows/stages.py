"""The steps of a pass as plain functions: each joins one extractor stage to the warehouse's
records. No Prefect here; ``flows.monitor`` wraps these in tasks.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

from extractors.analysis import ISW, AttributionProfile, analyse_article
from extractors.feeds import body_hash, canonical_url
from extractors.fetching import FetchPolicy, FetchResult, fetch_many
from flows.articles import FetchedPage
from flows.parallel import build_articles, run_in_workers
from flows.polling import ChangedFeed, poll_outcome, record_changed_feed
from flows.settings import FetchSettings, Settings
from warehouse.db import Warehouse
from warehouse.load import ArticleRecord, article_id_for, load_articles
from warehouse.novelty import NoveltyPolicy
from warehouse.state import (
    FailureRecord,
    FeedCursor,
    FeedPollOutcome,
    QueuedArticle,
    record_failures,
    record_polls,
)

T = TypeVar("T")
ARTICLE_CHUNK = 50
# A pass keeps this many chunks in flight: one is written while the next is extracted.
CHUNKS_IN_FLIGHT = 2


def fetch_policy(fetch: FetchSettings) -> FetchPolicy:
    """Return the extractor's fetch policy from the ``[fetch]`` settings."""
    return FetchPolicy(
        **({"user_agent": fetch.user_agent} if fetch.user_agent else {}),
        connect_timeout=fetch.connect_timeout,
        read_timeout=fetch.read_timeout,
        total_timeout=fetch.total_timeout,
        max_bytes=fetch.max_bytes,
        max_redirects=fetch.max_redirects,
        allow_hosts=tuple(fetch.allow_hosts),
        retries=fetch.retries,
        max_workers=fetch.max_workers,
        per_host=fetch.per_host,
    )


def novelty_policy(settings: Settings, *, baseline: bool = False) -> NoveltyPolicy:
    return NoveltyPolicy(
        actors=tuple(settings.alerts.actors), isw_only=settings.alerts.isw_only, baseline=baseline
    )


# --- seeds --------------------------------------------------------------------------------

def read_seed_articles(seeds_dir: Path, profile: AttributionProfile = ISW) -> list[ArticleRecord]:
    """Return the seed articles listed in ``seeds_dir/manifest.toml``, analysed."""
    manifest = seeds_dir / "manifest.toml"
    with manifest.open("rb") as fh:
        entries = tomllib.load(fh).get("articles", [])
    records = []
    for entry in entries:
        raw = (seeds_dir / entry["file"]).read_text(encoding="utf-8")
        lines = [line.strip() for line in raw.splitlines()]
        title = next((line for line in lines if line), None)
        url = entry["url"]
        records.append(ArticleRecord(
            article_id=article_id_for(canonical_url(url)),
            url=url,
            canonical_url=canonical_url(url),
            outlet=entry.get("outlet"),
            title=title,
            published_at=entry.get("published"),
            text=raw.strip(),
            text_source="seed",
            is_seed=True,
            analysis=analyse_article(raw, profile),
        ))
    return records


# --- feeds --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PollSummary:
    """What polling the feeds did; ``polls`` carry no entries (they are in the warehouse)."""

    polls: tuple[FeedPollOutcome, ...]
    entries_seen: int


def poll_feeds(warehouse: Warehouse, run_id: str, cursors: Sequence[FeedCursor],
               policy: FetchPolicy) -> PollSummary:
    """Fetch every feed concurrently (conditional GET) and record what each returned: feeds
    that failed, were not modified or came back unchanged here, in one transaction; each
    changed feed parsed and recorded (health, sightings, newly queued articles) in its own
    transaction, in ``flows.polling``'s worker processes."""
    results = fetch_many([(c.url, c.etag, c.last_modified) for c in cursors], policy)
    digests = [body_hash(r.body) if r.outcome == "ok" else None for r in results]
    polls: list[FeedPollOutcome | None] = [None] * len(cursors)
    changed: list[int] = []
    for i, (cursor, result, digest) in enumerate(zip(cursors, results, digests, strict=True)):
        # A body unchanged since the last poll (a server ignoring conditional headers) is not
        # parsed.
        if digest is not None and digest != cursor.body_hash:
            changed.append(i)
        else:
            polls[i] = poll_outcome(cursor, result, digest)
    unparsed = [poll for poll in polls if poll is not None]
    if unparsed:
        with warehouse.writing() as conn:
            record_polls(conn, run_id, unparsed)
    feeds = [ChangedFeed(warehouse, run_id, cursors[i], results[i], digests[i] or "")
             for i in changed]
    seen = 0
    with closing(run_in_workers(record_changed_feed, feeds)) as recorded:
        for i, (poll, entries) in zip(changed, recorded, strict=True):
            polls[i] = poll
            seen += entries
    return PollSummary(tuple(poll for poll in polls if poll is not None), seen)


# --- articles -----------------------------------------------------------------------------

def fetch_pages(queue: Sequence[QueuedArticle], policy: FetchPolicy,
                spool_dir: str | None = None) -> list[FetchedPage]:
    """Fetch the page of every queued article concurrently; with ``spool_dir``, each body
    into a file there."""
    with_url = [a for a in queue if a.url]
    results = fetch_many([(a.url or "", None, None) for a in with_url], policy,
                         spool_dir=spool_dir)
    pages = [FetchedPage(a, r) for a, r in zip(with_url, results, strict=True)]
    no_url = [
        FetchedPage(a, FetchResult(requested_url="", url="", outcome="terminal", status=None,
                                   reason="no_url", detail="the feed entry has no link"))
        for a in queue if not a.url
    ]
    return pages + no_url


def page_failures(pages: Sequence[FetchedPage]) -> list[FailureRecord]:
    return [
        FailureRecord("article", p.result.reason or p.result.outcome, p.result.detail,
                      None, p.article.url, p.result.outcome == "transient")
        for p in pages if p.result.outcome not in ("ok",)
    ]


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield successive lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class ChunkResult:
    """What loading one chunk of articles did, in ``runs`` counter names."""

    articles_new: int = 0
    articles_failed: int = 0
    pages_extracted: int = 0
    statements: int = 0
    region_mentions: int = 0
    demands: int = 0
    alerts_created: int = 0

    def counts(self) -> dict[str, int]:
        return dict(self.__dict__)


def load_records(warehouse: Warehouse, settings: Settings, run_id: str,
                 records: Sequence[ArticleRecord],
                 failures: Sequence[FailureRecord] = ()) -> ChunkResult:
    """Load built records with their failures and novelties in one transaction."""
    with warehouse.writing() as conn:
        result = load_articles(conn, run_id, records, novelty_policy(settings))
        record_failures(conn, run_id, failures)
    failed = sum(1 for r in records if r.fetch_status != "ok")
    return ChunkResult(
        articles_new=result.articles - failed, articles_failed=failed,
        pages_extracted=sum(1 for r in records if r.text_source in ("page", "file")),
        statements=result.statements, region_mentions=result.region_mentions,
        demands=result.demands, alerts_created=result.alerts_created,
    )


def process_chunk(warehouse: Warehouse, settings: Settings, run_id: str,
                  chunk: Sequence[QueuedArticle], policy: FetchPolicy) -> ChunkResult:
    """Fetch, extract and load one chunk of queued articles.

    Extraction runs in ``flows.parallel``'s worker processes, one per core. The pages' bodies
    wait for them in files of a temporary directory (under ``TMPDIR``), and the texts they
    extract wait there for the warehouse to read them, not in this process's memory: held
    here, two chunks' bodies kept ~13 MB more resident through a pass and fragmented the
    heap, and the texts raised its spikes over a long backlog (``benchmarks/README.md``).
    """
    with tempfile.TemporaryDirectory(prefix="iswatch-pages-") as spool_dir:
        pages = fetch_pages(chunk, policy, spool_dir)
        records = build_articles(pages, spool_dir)
        return load_records(warehouse, settings, run_id, records, page_failures(pages))
