"""Article building, and feed parsing, spread over worker processes, one per core.

Extraction (trafilatura, then statements, regions and demands) is CPU-bound Python, so threads
would share one core; ``build_articles`` sends each fetched page to a process pool instead and
returns the records in input order. The pool is created on first use (with the fork server,
~0.3 s) and then reused by the chunks of the pass until it is replaced, below;
``article_workers()`` around a pass shuts it down at the end, and interpreter exit shuts down
any pool left over.

Workers come from a ``forkserver`` that has imported the extractors once: forking the pass
process itself would copy its Prefect threads and the locks they hold, and ``spawn`` would make
every worker import trafilatura again. Nor do workers run the pass's main module again, as
Python's children otherwise do (``flows.fork_server_main``): ~9 MB more in each worker under
the ``iswatch`` script, ~70 MB under an entry point that imports Prefect. Workers map large
blocks apart, as the pass does (``flows.memory.tune_malloc``), and hand their free pages back
every few pages, so their heap does not creep up over a long pass: a page's parse tree is many
small blocks, and the holes they leave stay resident otherwise. Even so a worker's heap settles
a few MB higher after its first few hundred pages, so the pool is replaced by a new one every
``PAGES_PER_POOL`` pages, between chunks: the workers of a pass over 10,000 articles then never
get past the state of a pass over 1,000. A worker that fails raises in ``build_articles``, so
the chunk — and the pass — fails red, as it would in-process.

Changed feeds are parsed and recorded in worker processes too (``run_in_workers`` with
``flows.polling.record_changed_feed``), started for the feed poll and stopped after it, though
a feed parses in a fraction of a second: parsing a feed of 10,000 items allocates ~30 MB of
small Python objects, and a few that outlive the parse keep most of Python's 1 MiB arenas they
sit in, so a pass that parsed it in-process held ~26 MB more for the rest of its run. Parsed
apart but recorded here, ten feeds of 1,000 items still left ~3 MB more than one.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, MutableSequence, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from multiprocessing import forkserver, spawn
from typing import TypeVar

from extractors.fetching import FetchResult
from flows import fork_server_main
from flows.articles import FetchedPage, build_article
from flows.memory import release_free_memory, tune_malloc
from warehouse.records import ArticleRecord, spool_text

__all__ = ["article_workers", "build_articles", "run_in_workers", "shutdown_workers",
           "worker_count"]

# Below this many pages to extract, starting the workers costs more than it saves.
MIN_PAGES_FOR_POOL = 2

# A worker hands its free pages back after this many pages: after every page, faulting them in
# again cost ~8% of its speed.
PAGES_PER_RELEASE = 10

# The pool is replaced once its workers have been given this many pages in all. Fork server
# and workers settled ~5 MB higher after the first 1,000 pages, and stayed there up to 6,000
# (benchmarks/README.md). New workers from the fork server start in ~25 ms; with the wait for
# the other chunk in flight, a pass over 10,000 articles took no measurably longer.
PAGES_PER_POOL = 1000

J = TypeVar("J")
R = TypeVar("R")

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pages_given = 0  # to the current pool
_built_since_release = 0  # in a worker


def worker_count() -> int:
    """Return the number of extraction processes: one per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _worker_pool(pages: int = 0) -> ProcessPoolExecutor:
    """Return the pool that ``pages`` more pages go to, starting it if need be; replace it if
    it has had its share of pages.

    Called with ``_lock`` held. The old pool is shut down before the new one starts, so there
    are never more workers than cores; shutting it down waits for the pages still in it (the
    other chunk in flight), and their chunk gets its records as usual.
    """
    global _pool, _pages_given
    if _pool is not None and _pages_given >= PAGES_PER_POOL:
        _pool.shutdown(wait=True)
        _pool = None
    if _pool is None:
        _pool = _new_pool(worker_count())
        _pages_given = 0
    _pages_given += pages
    return _pool


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """Start a pool of ``workers`` processes from the fork server."""
    context = multiprocessing.get_context("forkserver")
    # Imported once in the fork server, so each worker starts with the extractors loaded.
    context.set_forkserver_preload(["flows.fork_server_main", "flows.articles"])
    _start_fork_server()
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=tune_malloc)


def _start_fork_server() -> None:
    """Start the fork server, if it is not running, with this process's import path and the
    name of its main module.

    Python's fork server imports the preloaded extractors with the interpreter's default
    import path, not its parent's, and every worker inherits those modules. A pass whose code
    is not the installed iswatch (a deployment's checkout newer than the install, a benchmark
    of another checkout) would then extract with the installed code. The path goes over in
    ``PYTHONPATH``, and the main module's file and name as ``flows.fork_server_main`` reads
    them, set only while the server starts.
    """
    preparation = spawn.get_preparation_data("iswatch-extraction")
    entries = [os.path.abspath(entry or os.curdir) for entry in sys.path]
    saved = os.environ.get("PYTHONPATH")
    settings = {
        "PYTHONPATH": os.pathsep.join(entries + ([saved] if saved else [])),
        fork_server_main.MAIN_PATH_VARIABLE: preparation.get("init_main_from_path", ""),
        fork_server_main.MAIN_NAME_VARIABLE: preparation.get("init_main_from_name", ""),
    }
    saved_settings = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        forkserver.ensure_running()
    finally:
        for name, value in saved_settings.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def shutdown_workers() -> None:
    """Stop the worker processes, if any were started; the next use starts new ones."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_workers)


@contextmanager
def article_workers() -> Iterator[None]:
    """Keep one pool of workers for the duration of the block (a pass), then stop it."""
    try:
        yield
    finally:
        shutdown_workers()


def build_articles(pages: MutableSequence[FetchedPage],
                   text_dir: str | None = None) -> list[ArticleRecord]:
    """Return ``build_article(page)`` for each page, in order, extracted in worker processes;
    with ``text_dir``, each record's text is in a file there (``spool_text``), written by the
    worker that extracted it, instead of in the record.

    Only pages with a body go to the workers; the others (fetch failures) need no extraction
    and are built here. Largest pages are submitted first so one big page does not finish
    alone at the end of the chunk while the other workers idle.

    ``pages`` is taken over: each page in it is replaced by a copy without its body (the
    outcome and reason stay), so a page's body is freed as soon as it is extracted instead of
    once the whole chunk is built and written.
    """
    to_extract = [i for i, page in enumerate(pages) if page.result.outcome == "ok"]
    if not _may_start_processes() or worker_count() < 2 or (
            len(to_extract) < MIN_PAGES_FOR_POOL and _pool is None):
        records = []
        for i, page in enumerate(pages):
            records.append(_build(page, text_dir))
            pages[i] = _without_body(page)
        return records
    to_extract.sort(key=lambda i: _body_size(pages[i].result), reverse=True)
    futures: dict[int, Future[ArticleRecord]] = {}
    # A chunk goes to one pool whole: the pool is replaced only between chunks.
    with _lock:
        pool = _worker_pool(len(to_extract))
        for i in to_extract:
            futures[i] = pool.submit(_build_in_worker, pages[i], text_dir)
            # The pool holds the page until a worker has extracted it, then lets it go.
            pages[i] = _without_body(pages[i])
    try:
        return [futures[i].result() if i in futures else _build(page, text_dir)
                for i, page in enumerate(pages)]
    finally:
        for future in futures.values():
            future.cancel()


def run_in_workers(function: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]:
    """Yield ``function(job)`` for each job, in order, run in worker processes that are started
    for them and stopped once the last is done (the feed poll's: ``flows.polling``).

    ``function`` must be a module's top-level function. At most one result per worker waits
    done and not yet taken. Where no processes may be started (a Dask worker), the jobs run
    here.
    """
    if not jobs:
        return
    if not _may_start_processes():
        for job in jobs:
            yield function(job)
        return
    workers = min(worker_count(), len(jobs))
    with _lock:
        pool = _new_pool(workers)
    try:
        waiting: deque[Future[R]] = deque()
        for job in jobs:
            waiting.append(pool.submit(function, job))
            if len(waiting) > workers:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _may_start_processes() -> bool:
    """A Dask worker is a daemon process, which may not start processes of its own: there the
    cluster's workers are the parallelism."""
    return not multiprocessing.current_process().daemon


def _build(page: FetchedPage, text_dir: str | None) -> ArticleRecord:
    record = build_article(page)
    return record if text_dir is None else spool_text(record, text_dir)


def _build_in_worker(page: FetchedPage, text_dir: str | None) -> ArticleRecord:
    global _built_since_release
    try:
        return _build(page, text_dir)
    finally:
        _built_since_release += 1
        if _built_since_release >= PAGES_PER_RELEASE:
            _built_since_release = 0
            release_free_memory()


def _body_size(result: FetchResult) -> int:
    if result.body_file is None:
        return len(result.body)
    try:
        return os.path.getsize(result.body_file)
    except OSError:
        return 0


def _without_body(page: FetchedPage) -> FetchedPage:
    return replace(page, result=replace(page.result, body=b"", body_file=None))
