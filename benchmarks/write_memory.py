"""Print the memory DuckDB takes for each statement of a pass's chunk write, by warehouse size.

Chunks of 50 articles are written as a pass writes them (``warehouse.load.load_articles`` in
one transaction, then commit and detach, which checkpoints), each over its articles as the feed
poll stored them, queued without text, into one warehouse as it grows to
each of ``--sizes`` articles. At each size ``--writes`` more chunks are written and, for every
statement, the peak of DuckDB's own allocations is printed (median and highest over the
writes), then the whole write's: what the earlier statements of the transaction still hold
plus a statement's peak, at its highest, and how long the whole write took. The read of the
next 50 queued articles comes last.
The peaks are read from the jemalloc that DuckDB's Linux wheels bundle, per thread: the writer
runs on the calling thread.

The articles are the dev set's texts; one in 25 carries its facts and every other one is a
transient fetch failure left queued, roughly as in the corpus backlog of ``backlog_pass.py``.
``--corpus DIR`` takes the texts of the corpus pages instead (longer: 4,900 characters on
average against 1,600). ``--text-part-chars N`` stores texts in parts of N characters instead
of ``warehouse.load.TEXT_PART_CHARS``: the checkpoint's peak grows as the last row group of
parts fills and peaks when one fills up, so give it ``--writes`` enough to fill a few (60 with
``--corpus``).

Usage: python benchmarks/write_memory.py [--sizes 1000 10000 30000] [--writes 8]
       [--corpus DIR] [--text-part-chars N]
"""

from __future__ import annotations

import argparse
import ctypes
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import dev_texts, machine, read_pages  # noqa: E402
from extractors.analysis import ArticleAnalysis, analyse_articles  # noqa: E402
from extractors.text import extract_article_text  # noqa: E402
from flows.articles import MAX_FETCH_ATTEMPTS  # noqa: E402
from flows.settings import load_settings  # noqa: E402
from flows.stages import ARTICLE_CHUNK, novelty_policy  # noqa: E402
from warehouse import load as warehouse_load  # noqa: E402
from warehouse.db import Warehouse, _duckdb_mallctl  # noqa: E402
from warehouse.load import load_articles  # noqa: E402
from warehouse.records import ArticleRecord, Sighting, article_id_for  # noqa: E402
from warehouse.state import queued_articles  # noqa: E402

RUN_ID = "write-memory"


class ThreadPeak:
    """DuckDB's allocations on this thread: the peak since the last ``reset`` and the net
    amount held, in MB."""

    def __init__(self, mallctl: Callable[..., int]) -> None:
        self._mallctl = mallctl

    def _read(self, name: bytes) -> int:
        value, size = ctypes.c_uint64(0), ctypes.c_size_t(8)
        self._mallctl(name, ctypes.byref(value), ctypes.byref(size), None, 0)
        return value.value

    def reset(self) -> None:
        self._mallctl(b"thread.peak.reset", None, None, None, 0)

    def read(self) -> float:
        return self._read(b"thread.peak.read") / 2**20

    def held(self) -> float:
        return (self._read(b"thread.allocated") - self._read(b"thread.deallocated")) / 2**20


class MeasuredConnection:
    """A connection whose statements each record their allocation peak under a label, and
    the write's peak so far: what its earlier statements still hold plus this one's peak."""

    def __init__(self, conn: Any, peak: ThreadPeak, peaks: dict[str, list[float]]) -> None:
        self._conn, self._peak, self._peaks = conn, peak, peaks
        self.start = peak.held()
        self.write_peak = 0.0

    def execute(self, sql: str, *args: Any) -> Any:
        held = self._peak.held() - self.start
        self._peak.reset()
        result = self._conn.execute(sql, *args)
        statement_peak = self._peak.read()
        self._peaks[" ".join(sql.split())[:56]].append(statement_peak)
        self.write_peak = max(self.write_peak, held + statement_peak)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def article_records(texts: list[str], analyses: list[ArticleAnalysis], first: int,
                    count: int) -> list[ArticleRecord]:
    records = []
    for number in range(first, first + count):
        url = f"http://127.0.0.1/article/{number}"
        base = ArticleRecord(article_id=article_id_for(url), url=url, canonical_url=url,
                             title=f"Article {number}")
        if number % 2:
            records.append(replace(base, fetch_status="retry", fetch_reason="timeout"))
            continue
        text = texts[number % len(texts)]
        analysis = analyses[number % len(texts)] if number % 25 == 0 else ArticleAnalysis()
        records.append(replace(base, text=f"{text} ({number})", text_source="page",
                               analysis=analysis))
    return records


def queued_record(record: ArticleRecord) -> ArticleRecord:
    """Return ``record`` as its feed entry queued it: no text, no facts, not yet fetched, and
    sighted in its feed."""
    return replace(record, text=None, text_source="none", analysis=None,
                   fetch_status="retry", fetch_reason="queued",
                   sightings=(Sighting("feed-0", f"item-{record.article_id}", record.url),))


def corpus_texts(corpus: Path) -> list[str]:
    """Return the main text of each page under ``corpus`` that has one."""
    extracted = (extract_article_text(page.html) for page in read_pages(corpus))
    return [article.text for article in extracted if article is not None and article.text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000],
                        help="warehouse sizes (articles) at which to measure")
    parser.add_argument("--writes", type=int, default=8, help="chunk writes measured per size")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="take the texts of the *.html.gz pages under DIR, not the dev set's")
    parser.add_argument("--text-part-chars", type=int, metavar="N",
                        help="store texts in parts of N characters (default "
                        f"{warehouse_load.TEXT_PART_CHARS})")
    args = parser.parse_args()
    if args.text_part_chars:
        warehouse_load.TEXT_PART_CHARS = args.text_part_chars
    mallctl = _duckdb_mallctl()
    if mallctl is None:
        sys.exit("DuckDB's bundled jemalloc is not reachable here (it is on Linux wheels)")
    peak = ThreadPeak(mallctl)
    texts = corpus_texts(args.corpus) if args.corpus else dev_texts()
    analyses = analyse_articles(texts)
    print(f"DuckDB allocation peaks of a {ARTICLE_CHUNK}-article chunk write, "
          f"{len(texts)} texts of {sum(map(len, texts)) // len(texts):,} characters on average "
          f"in parts of {warehouse_load.TEXT_PART_CHARS}; {machine()}")
    with tempfile.TemporaryDirectory(prefix="iswatch-write-memory-") as tmp:
        settings = load_settings(environ={"ISWATCH_WAREHOUSE__PATH": f"{tmp}/warehouse.duckdb"})
        warehouse = Warehouse(settings.warehouse.path)
        policy = novelty_policy(settings)
        written = 0

        def write(peaks: dict[str, list[float]] | None) -> None:
            nonlocal written
            records = article_records(texts, analyses, written, ARTICLE_CHUNK)
            written += ARTICLE_CHUNK
            # Stored first, as the feed poll queues them: a pass's chunk write updates them.
            with warehouse.writing() as conn:
                load_articles(conn, RUN_ID, [queued_record(r) for r in records], policy)
            if peaks is None:
                with warehouse.writing() as conn:
                    load_articles(conn, RUN_ID, records, policy)
                return
            started = time.perf_counter()
            with warehouse.writing() as conn:
                measured = MeasuredConnection(conn, peak, peaks)
                load_articles(measured, RUN_ID, records, policy)
                held = peak.held() - measured.start
                peak.reset()
            peaks["COMMIT, DETACH (checkpoint)"].append(peak.read())
            peaks["the whole write: held + statement, highest"].append(
                max(measured.write_peak, held + peak.read()))
            milliseconds["the whole write"].append((time.perf_counter() - started) * 1000)

        for size in sorted(args.sizes):
            while written < size:
                write(None)
            peaks: dict[str, list[float]] = defaultdict(list)
            milliseconds: dict[str, list[float]] = defaultdict(list)
            for _ in range(args.writes):
                write(peaks)
            started = time.perf_counter()
            with warehouse.writing() as conn:
                peak.reset()
                queued = queued_articles(conn, MAX_FETCH_ATTEMPTS, ARTICLE_CHUNK)
                peaks["queue read (next 50 of the queue)"].append(peak.read())
            milliseconds["queue read"].append((time.perf_counter() - started) * 1000)
            print(f"warehouse of {written:,} articles, {len(queued)} queued read; MB median / max:")
            for label, values in peaks.items():
                print(f"  {statistics.median(values):5.1f} / {max(values):5.1f}  {label}")
            for label, values in milliseconds.items():
                print(f"  {label}, with attach and detach: {statistics.median(values):.0f} ms"
                      f" median, {max(values):.0f} ms at most")
    return 0


if __name__ == "__main__":
    sys.exit(main())
