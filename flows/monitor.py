"""The ``monitor`` flow: one pass from feeds to warehouse to alerts.

seeds (first pass only, the baseline) → poll feeds → queue new articles → fetch pages, extract
text and facts in chunks → load each chunk with its novelties in one transaction → deliver
pending alerts. Tasks are thin wrappers around ``flows.stages`` and ``warehouse``; the
warehouse connection is opened only for each short write so readers get in between.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from flows.memory import release_free_memory, tune_malloc
from flows.settings import apply_prefect_defaults

apply_prefect_defaults()
# Before Prefect starts its threads: glibc gives each new thread that allocates an arena of its
# own, up to 8 per core, and a cap set later leaves those arenas in place (a pass capped in its
# flow body had five, each holding its own free space).
tune_malloc()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402
from prefect.futures import PrefectFuture  # noqa: E402

from extractors.analysis import EXTRACTOR_VERSION  # noqa: E402
from extractors.fetching import FetchPolicy  # noqa: E402
from flows import parallel, stages  # noqa: E402
from flows.alerts import DeliveryReport, deliver_pending_alerts  # noqa: E402
from flows.articles import MAX_FETCH_ATTEMPTS  # noqa: E402
from flows.passes import ActiveRun, PassAlreadyRunning, warehouse_run  # noqa: E402,F401
from flows.prefect_events import confirm_events_often  # noqa: E402
from flows.settings import ConfigError, Settings, load_settings, starting_feeds  # noqa: E402
from warehouse.db import Warehouse  # noqa: E402
from warehouse.load import LoadResult, load_articles  # noqa: E402
from warehouse.state import (  # noqa: E402
    QueuedArticle,
    QueuePosition,
    health_problems,
    load_cursors,
    queue_position,
    queued_articles,
    record_health_alerts,
    register_feeds,
    seeds_loaded,
)

# A served pass (``iswatch serve``, a deployment) runs this module's flow in a process of its
# own; its first Prefect event comes after this import.
confirm_events_often()


@dataclass(frozen=True)
class FeedReport:
    feed_id: str
    status: str
    reason: str | None
    detail: str
    consecutive_failures: int


@dataclass(frozen=True)
class PassSummary:
    """What one pass did, as printed by ``iswatch run`` and stored in ``runs``."""

    run_id: str
    counts: dict[str, int]
    feeds: tuple[FeedReport, ...] = ()
    seeds: LoadResult = LoadResult()
    delivery: DeliveryReport | None = None
    flagged_feeds: tuple[str, ...] = field(default_factory=tuple)


# A chunk's result as it comes back: from a thread of the pass, or from a Dask worker.
ChunkFuture = Future[stages.ChunkResult] | PrefectFuture[stages.ChunkResult]


def warehouse_for(settings: Settings) -> Warehouse:
    return Warehouse(settings.warehouse.path, settings.warehouse.lock_wait_seconds)


@task(name="load-seeds", cache_policy=NO_CACHE)
def load_seeds_task(settings: Settings, run_id: str) -> LoadResult:
    records = stages.read_seed_articles(settings.seeds.path)
    with warehouse_for(settings).writing() as conn:
        return load_articles(conn, run_id, records,
                             stages.novelty_policy(settings, baseline=True))


@task(name="poll-feeds", cache_policy=NO_CACHE)
def poll_feeds_task(settings: Settings, run_id: str, policy: FetchPolicy) -> stages.PollSummary:
    feeds = starting_feeds(settings)
    warehouse = warehouse_for(settings)
    with warehouse.writing() as conn:
        register_feeds(conn, [(f.name, f.url) for f in feeds])
        cursors = load_cursors(conn, [f.name for f in feeds])
    return stages.poll_feeds(warehouse, run_id, cursors, policy)


@task(name="process-articles", cache_policy=NO_CACHE)
def process_articles_task(settings: Settings, run: ActiveRun, policy: FetchPolicy) -> None:
    """Fetch, extract and load every queued article, a chunk at a time, on threads of this
    task: one task run for the whole backlog. A task run per chunk cost Prefect's bookkeeping
    in the pass process with every chunk, and the pass process crept ~1 MB higher over 10,000
    articles than over 1,000 (``benchmarks/README.md``)."""
    warehouse = warehouse_for(settings)
    with ThreadPoolExecutor(max_workers=stages.CHUNKS_IN_FLIGHT,
                            thread_name_prefix="iswatch-chunk") as pool:
        _process_queue(
            warehouse, settings, run, stages.CHUNKS_IN_FLIGHT,
            lambda chunk: pool.submit(stages.process_chunk, warehouse, settings, run.run_id,
                                      chunk, policy))


@task(name="process-chunk", cache_policy=NO_CACHE)
def process_chunk_task(settings: Settings, run_id: str, chunk: list[QueuedArticle],
                       policy: FetchPolicy) -> stages.ChunkResult:
    """Fetch, extract and load one chunk of queued articles (on a Dask worker)."""
    return stages.process_chunk(warehouse_for(settings), settings, run_id, chunk, policy)


@task(name="deliver-alerts", cache_policy=NO_CACHE)
def deliver_alerts_task(settings: Settings, run_id: str) -> DeliveryReport:
    return deliver_pending_alerts(warehouse_for(settings), settings.alerts, run_id=run_id)


@flow(name="monitor", log_prints=False, validate_parameters=False)
def monitor(config_path: str | None = None, settings: Settings | None = None,
            trigger: str = "run") -> PassSummary:
    """One pass of the watch: new feed items to warehouse rows to alerts."""
    settings = settings or load_settings(config_path)
    context = FlowRunContext.get()
    flow_run_id = str(context.flow_run.id) if context and context.flow_run else None
    with warehouse_run(warehouse_for(settings), trigger, flow_run_id) as run, \
            parallel.article_workers():
        return _run_stages(settings, run, get_run_logger())


def _run_stages(settings: Settings, run: ActiveRun,
                logger: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> PassSummary:
    run_id, counts = run.run_id, run.counts
    warehouse = warehouse_for(settings)
    policy = stages.fetch_policy(settings.fetch)
    with warehouse.reading() as conn:
        first_pass = not seeds_loaded(conn)
    seeds = load_seeds_task(settings, run_id) if first_pass else LoadResult()

    polled = poll_feeds_task(settings, run_id, policy)
    polls, entries_seen = polled.polls, polled.entries_seen
    failed_feeds = [p for p in polls if p.failed]
    counts.add(
        feeds_polled=len(polls), feeds_failed=len(failed_feeds),
        feeds_not_modified=sum(p.status in ("not_modified", "unchanged") for p in polls),
        feeds_parsed=sum(p.status == "ok" for p in polls), entries_seen=entries_seen,
    )
    for poll in failed_feeds:
        logger.warning("feed %s failed: %s %s", poll.feed_id, poll.reason, poll.detail)

    if settings.prefect.task_runner == "dask":
        with dask_chunk_runner(settings, run_id, policy) as submit:
            # One chunk per worker at least.
            _process_queue(warehouse, settings, run,
                           max(stages.CHUNKS_IN_FLIGHT, settings.prefect.dask_workers), submit)
    else:
        process_articles_task(settings, run, policy)
    if settings.alerts.health:
        with warehouse.writing() as conn:
            record_health_alerts(conn, run_id, health_problems(
                conn, run_id, settings.fetch.failing_passes_flag, settings.alerts.stale_hours))
    delivery = deliver_alerts_task(settings, run_id)
    counts.add(alerts_sent=delivery.sent)
    if delivery.error:
        logger.warning("alert delivery failed, %d alerts stay pending: %s",
                       delivery.pending, delivery.error)

    with warehouse.reading() as conn:
        health = {row[0]: row[1] for row in conn.execute(
            "SELECT feed_id, consecutive_failures FROM feeds").fetchall()}
    reports = tuple(
        FeedReport(p.feed_id, p.status, p.reason, p.detail, health.get(p.feed_id, 0))
        for p in polls
    )
    flagged = tuple(r.feed_id for r in reports
                    if r.consecutive_failures >= settings.fetch.failing_passes_flag)
    logger.info("pass %s done (extractor %s): %s", run_id, EXTRACTOR_VERSION, counts.values)
    return PassSummary(run_id, dict(counts.values), reports, seeds, delivery, flagged)


def _process_queue(warehouse: Warehouse, settings: Settings, run: ActiveRun, depth: int,
                   submit: Callable[[list[QueuedArticle]], ChunkFuture]) -> None:
    """Submit the queued articles chunk by chunk, ``depth`` chunks in flight, and add up what
    each did, in order.

    With two in flight, one chunk's pages download while the other's are extracted in the
    worker processes or written."""
    in_flight: deque[ChunkFuture] = deque()
    for chunk in _queue_in_chunks(warehouse, settings.fetch.max_articles_per_pass):
        in_flight.append(submit(chunk))
        if len(in_flight) >= depth:
            run.counts.add(**in_flight.popleft().result().counts())
            release_free_memory()
            run.keep_lease()
    while in_flight:
        run.counts.add(**in_flight.popleft().result().counts())


def _queue_in_chunks(warehouse: Warehouse, budget: int | None) -> Iterator[list[QueuedArticle]]:
    """Yield the queued articles chunk by chunk, reading the backlog a page at a time."""
    position: QueuePosition | None = None
    while budget is None or budget > 0:
        size = stages.ARTICLE_CHUNK if budget is None else min(budget, stages.ARTICLE_CHUNK)
        # Read under the write lock: other threads of this pass may be writing.
        with warehouse.writing() as conn:
            chunk = queued_articles(conn, MAX_FETCH_ATTEMPTS, size, position)
        if not chunk:
            return
        yield chunk
        position = queue_position(chunk[-1])
        if budget is not None:
            budget -= len(chunk)


@contextmanager
def dask_chunk_runner(settings: Settings, run_id: str, policy: FetchPolicy
                      ) -> Iterator[Callable[[list[QueuedArticle]], ChunkFuture]]:
    """Yield a function that submits one chunk of articles to a Dask cluster through
    prefect-dask (``[prefect] task_runner = "dask"``): the one at ``dask_address``, or a local
    one started for this pass. Each chunk is a task run of its own, fetched, extracted and
    written by a Dask worker."""
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise ConfigError(
            "prefect.task_runner: 'dask' needs prefect-dask: pip install 'iswatch[dask]'"
        ) from None
    if settings.prefect.dask_address:
        runner = DaskTaskRunner(address=settings.prefect.dask_address)
    else:
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": settings.prefect.dask_workers,
                                                "threads_per_worker": 1})
    with runner:
        yield lambda chunk: runner.submit(
            process_chunk_task,
            parameters={"settings": settings, "run_id": run_id, "chunk": chunk,
                        "policy": policy},
        )


def run_pass(settings: Settings, trigger: str = "run") -> PassSummary:
    """Run one monitored pass as a Prefect flow run and return its summary."""
    confirm_events_often()  # the Prefect API may have been chosen since this module's import
    return monitor(settings=settings, trigger=trigger)
