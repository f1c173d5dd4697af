"""Print how long an analyst's ad-hoc query waits for the warehouse while a busy pass writes.

A pass over a backlog of N corpus pages (served from 127.0.0.1) runs in a subprocess; this
process meanwhile opens the warehouse read-only and runs a query every 100 ms, as
``iswatch sql`` does, and records how long each open + query took. The pass holds DuckDB's
write lock only during its short write transactions, so a reader waits at most for one of them.
Target: ≤ 2 s for every query.

Usage: python benchmarks/query_wait.py [CORPUS_HTML_DIR] [--size 1000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.backlog_pass import backlog_feed, backlog_site  # noqa: E402
from benchmarks.corpus import DEFAULT_CORPUS, machine, read_pages  # noqa: E402
from warehouse.db import Warehouse, WarehouseBusy  # noqa: E402

TARGET_SECONDS = 2.0
QUERY = "SELECT count(*) FROM articles WHERE fetch_status = 'ok'"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--size", type=int, default=1000, help="articles in the backlog")
    args = parser.parse_args()
    pages = [page.html for page in read_pages(args.corpus)]
    print(f"ad-hoc queries during a pass over {args.size} articles; {machine()}")
    waits: list[float] = []
    answers: list[int] = []
    with backlog_site(pages) as (base, feeds), \
            tempfile.TemporaryDirectory(prefix="iswatch-qwait-") as tmp:
        feeds[0] = backlog_feed(base, args.size)
        warehouse_path = Path(tmp) / "iswatch.duckdb"
        child = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("backlog_pass.py")), "--run-pass",
             f"{base}/feed-0.xml", tmp, "0"],
            stdout=subprocess.DEVNULL, cwd=tmp,
        )
        reader = Warehouse(warehouse_path, lock_wait_seconds=60)
        while child.poll() is None:
            if not warehouse_path.exists():
                time.sleep(0.1)
                continue
            started = time.perf_counter()
            try:
                with reader.reading() as conn:
                    row = conn.execute(QUERY).fetchone()
            except WarehouseBusy:
                row = None
            waits.append(time.perf_counter() - started)
            if row is not None:
                answers.append(row[0])
            time.sleep(0.1)
        if child.returncode != 0:
            raise SystemExit(f"the pass failed (exit {child.returncode})")
    if not waits:
        raise SystemExit("the pass ended before any query ran")
    waits.sort()
    p95 = waits[min(len(waits) - 1, int(len(waits) * 0.95))]
    print(f"{len(waits)} queries while the pass ran; answered {len(answers)}, "
          f"articles loaded seen growing {min(answers, default=0)} → {max(answers, default=0)}")
    verdict = "met" if waits[-1] <= TARGET_SECONDS else "MISSED"
    print(f"wait per query: median {statistics.median(waits) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms "
          f"(target ≤ {TARGET_SECONDS:.0f} s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
