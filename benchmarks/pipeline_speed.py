"""Print how fast iswatch turns real pages into warehouse rows, next to bare trafilatura.

(a) a bare ``trafilatura.extract(html)`` loop over the corpus pages, against the whole iswatch
    path from HTML bytes to warehouse rows in one process: ``build_article`` (text with
    ``extract_article_text``, then ``analyse_article``) and ``load_records`` into a real DuckDB
    file, in chunks of ``ARTICLE_CHUNK`` as a pass does. Pages/s for both and their ratio.
(b) the same iswatch path with extraction in ``flows.parallel``'s worker processes (one per
    core), as ``process_chunk`` does it, with ``CHUNKS_IN_FLIGHT`` chunks in flight as a pass
    runs them (one chunk is written while the next is extracted): speed-up over (a). Timed
    with the workers' start-up and, separately, with workers already running (what every
    chunk after a pass's first sees); and, for comparison, one chunk at a time, the workers
    idle while each chunk is written.

Each figure is the best of ``--runs`` runs (other processes only ever slow a run down); the
modes alternate within a run so a busy spell hits them alike.
Usage: python benchmarks/pipeline_speed.py [CORPUS_HTML_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from benchmarks.corpus import DEFAULT_CORPUS, CorpusPage, machine, read_pages  # noqa: E402
from extractors.analysis import prepare  # noqa: E402
from extractors.fetching import FetchResult  # noqa: E402
from flows import parallel  # noqa: E402
from flows.articles import FetchedPage, build_article  # noqa: E402
from flows.settings import Settings  # noqa: E402
from flows.stages import ARTICLE_CHUNK, CHUNKS_IN_FLIGHT, chunks, load_records  # noqa: E402
from warehouse.db import Warehouse  # noqa: E402
from warehouse.load import ArticleRecord, article_id_for  # noqa: E402
from warehouse.records import spool_text  # noqa: E402
from warehouse.state import QueuedArticle  # noqa: E402

TARGET_RATIO = 0.85
TARGET_SPEEDUP = 1.7


def fetched_pages(pages: Sequence[CorpusPage]) -> list[FetchedPage]:
    """Return the corpus pages as the fetch stage hands them on: queued article + 200 body."""
    fetched = []
    for page in pages:
        url = f"http://127.0.0.1/{page.name}.html"
        article = QueuedArticle(article_id_for(url), url, None, page.name, None, None, "corpus")
        fetched.append(FetchedPage(article, FetchResult(
            requested_url=url, url=url, outcome="ok", status=200, reason=None, body=page.html,
            content_type="text/html")))
    return fetched


def bare_trafilatura(pages: Sequence[CorpusPage]) -> None:
    for page in pages:
        trafilatura.extract(page.html)


def iswatch_path(pages: Sequence[FetchedPage],
                 build: Callable[[Sequence[FetchedPage], str], list[ArticleRecord]],
                 in_flight: int = 1) -> int:
    """Build and load every page into a fresh warehouse, ``in_flight`` chunks at a time;
    return the article rows written. As in a pass, each chunk's texts wait in files of a
    temporary directory of its own until the chunk is written."""
    with tempfile.TemporaryDirectory(prefix="iswatch-bench-") as tmp:
        settings = Settings.model_validate({
            "warehouse": {"path": str(Path(tmp) / "bench.duckdb")}, "feeds": [],
            "alerts": {"outbox": str(Path(tmp) / "outbox")},
        })
        warehouse = Warehouse(settings.warehouse.path)
        warehouse.migrate()

        def build_and_load(chunk: list[FetchedPage]) -> int:
            with tempfile.TemporaryDirectory(prefix="iswatch-pages-") as text_dir:
                records = build(chunk, text_dir)
                return load_records(warehouse, settings, "bench", records).articles_new

        with ThreadPoolExecutor(in_flight) as chunk_threads:
            return sum(chunk_threads.map(build_and_load, chunks(pages, ARTICLE_CHUNK)))


def one_process(chunk: Sequence[FetchedPage], text_dir: str) -> list[ArticleRecord]:
    return [spool_text(build_article(page), text_dir) for page in chunk]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder of *.html.gz pages (default {DEFAULT_CORPUS})")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best one counts")
    args = parser.parse_args()
    pages = read_pages(args.corpus)
    fetched = fetched_pages(pages)
    n = len(pages)
    print(f"{n} pages, {sum(len(p.html) for p in pages) / 1e6:.1f} MB of HTML; {machine()}; "
          f"{parallel.worker_count()} extraction workers")

    # Warm-up outside the timing: imports, the Punkt model, compiled patterns, DuckDB.
    bare_trafilatura(pages[:3])
    prepare()
    rows = iswatch_path(fetched[:3], one_process)
    best: dict[str, float] = {}
    for _ in range(args.runs):
        parallel.shutdown_workers()
        laps = {
            "bare": timed(lambda: bare_trafilatura(pages)),
            "one": timed(lambda: iswatch_path(fetched, one_process)),
            "pool_cold": timed(lambda: iswatch_path(fetched, parallel.build_articles,
                                                    CHUNKS_IN_FLIGHT)),
            "pool_warm": timed(lambda: iswatch_path(fetched, parallel.build_articles,
                                                    CHUNKS_IN_FLIGHT)),
            "pool_serial": timed(lambda: iswatch_path(fetched, parallel.build_articles)),
        }
        for mode, seconds in laps.items():
            best[mode] = min(best.get(mode, seconds), seconds)
    parallel.shutdown_workers()
    rows = iswatch_path(fetched, one_process)

    rate = {mode: n / seconds for mode, seconds in best.items()}
    ratio = rate["one"] / rate["bare"]
    speedup_cold = rate["pool_cold"] / rate["one"]
    speedup_warm = rate["pool_warm"] / rate["one"]
    speedup_serial = rate["pool_serial"] / rate["one"]
    print(f"(a) bare trafilatura.extract, 1 process:        {rate['bare']:6.1f} pages/s")
    print(f"(a) iswatch HTML -> warehouse rows, 1 process:  {rate['one']:6.1f} pages/s "
          f"({rows} article rows)")
    print(f"(a) ratio iswatch / trafilatura:                {ratio:6.2f}   (target >= "
          f"{TARGET_RATIO})")
    workers = parallel.worker_count()
    print(f"(b) iswatch, {workers} worker processes, one chunk at a time:      "
          f"{rate['pool_serial']:6.1f} pages/s, speed-up {speedup_serial:.2f}x")
    print(f"(b) iswatch, {workers} worker processes, {CHUNKS_IN_FLIGHT} chunks in flight as a pass"
          f" runs them:")
    print(f"      including the workers' start-up:          {rate['pool_cold']:6.1f} pages/s, "
          f"speed-up {speedup_cold:.2f}x")
    print(f"      workers running:                          {rate['pool_warm']:6.1f} pages/s, "
          f"speed-up {speedup_warm:.2f}x   (target >= {TARGET_SPEEDUP}x)")
    return 0 if ratio >= TARGET_RATIO and speedup_warm >= TARGET_SPEEDUP else 1


if __name__ == "__main__":
    sys.exit(main())
