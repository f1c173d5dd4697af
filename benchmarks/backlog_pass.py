"""Print wall time, peak memory and rows/s of one whole pass over a backlog of N new articles.

A news site on 127.0.0.1 (a thread of this process) serves RSS feeds of ``--items-per-feed``
items (default 1,000: a backlog after a stoppage comes from many sources) listing N article
URLs in all that map round-robin onto the real corpus pages; each N runs
``flows.monitor.run_pass`` in a fresh subprocess (a first pass: seeds baseline, feed poll,
N pages fetched, extracted in the worker processes and loaded, alerts to the outbox) with its
warehouse in a temp folder, so the memory figures of one size do not carry over to the next.

Prefect: by default the passes report to a local Prefect server this script starts (the
``prefect server start`` child that ``iswatch serve`` starts; a served pass runs in its own
process with ``PREFECT_API_URL`` set). ``--prefect ephemeral`` runs them the way a one-off
``iswatch run`` without ``PREFECT_API_URL`` does: Prefect then starts a temporary API server
as a child of the pass, and loads its server code into the pass process as well (~80 MB).

Memory: this process samples the resident set of the pass process and all its descendants from
``/proc`` every 50 ms and reports the peak of the sum, split into the pass with its extraction
workers and Prefect's API server, and the median and peak of the pass process and of its
extraction processes apart. The pass also reports ``getrusage`` ``ru_maxrss`` for itself and
for its largest child.
Sizes below the largest run ``--slices`` times (default 10), each a fresh pass over the next
stretch of the largest backlog's articles (1,000 articles numbered 0-999, then 1000-1999, ...),
since a pass's peak depends on which pages it meets: the largest pass then does the work of
all of them in one go. A peak is one sample of 50 ms, so next to it the script prints the
median and the 99th and 99.9th percentile of pass + workers over the second half of the largest
pass and of the smaller passes together: whether the long pass sits higher throughout, or met
one rare coincidence more. The target "no more at 10,000 than at 1,000" is judged on equal
work: the largest pass is cut into as many stretches of time as there are smaller passes, and
the peaks of its stretches (the first, with the start-up, left out) are set against the
smaller passes' peaks. It counts as more if their mean is higher by a margin that a
permutation test gives less than a 5% chance with both drawn alike. The largest pass's single
peak against the highest of the smaller passes' is printed too; with the same distribution on
both sides it lands above as often as below, so it is no verdict.
``--same-slice`` runs them all over the same first articles instead, and ``--largest-runs K``
repeats the largest pass: how far the peak of one and the same work moves from run to run.
``--max-articles N`` has each pass fetch only N articles of its backlog, as
``fetch.max_articles_per_pass`` does, leaving the rest queued: a pass over 1,000 articles of a
10,000-article backlog, set next to a pass over a backlog of 1,000, tells what the backlog
itself costs from what the work done costs.
Usage: python benchmarks/backlog_pass.py [CORPUS_HTML_DIR] [--sizes 1000 10000]
       [--slices 10] [--prefect server|ephemeral] [--max-articles N] [--same-warehouse]
       [--trace DIR] [--same-slice] [--largest-runs K]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import DEFAULT_CORPUS, machine, read_pages  # noqa: E402
from flows.serve import LocalServer, start_local_server, stop_local_server  # noqa: E402

TARGET_PEAK_MB = 600
# "No more at 10,000 than at 1,000" is judged on equal work (print_growth): the long pass's
# stretches of 1,000 articles against the 1,000-article passes, more only if a difference as
# large would come by chance less often than this.
GROWTH_SIGNIFICANCE = 0.05


# --- the site -----------------------------------------------------------------------------

def backlog_feed(base: str, count: int, first: int = 0) -> bytes:
    """Return an RSS feed of ``count`` items from number ``first``, newest first, each linking
    its own page URL."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    items = []
    for i in range(first, first + count):
        items.append(
            f"<item><title>Backlog article {i}</title><link>{base}/a/{i}.html</link>"
            f"<guid>{base}/a/{i}.html</guid>"
            f"<pubDate>{format_datetime(start + timedelta(minutes=i))}</pubDate>"
            f"<description>{escape(f'Summary of backlog article {i} as the feed gives it.')}"
            "</description></item>"
        )
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            "<title>Backlog</title><link>" + base + "/</link><description>bench</description>"
            + "".join(reversed(items)) + "</channel></rss>").encode("utf-8")


@contextmanager
def backlog_site(pages: Sequence[bytes]) -> Iterator[tuple[str, dict[int, bytes]]]:
    """Serve ``/feed-<N>.xml`` (registered by the caller) and ``/a/<i>.html`` on 127.0.0.1."""
    feeds: dict[int, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            path = self.path.split("?", 1)[0]
            body, content_type = None, "text/html; charset=utf-8"
            if path.startswith("/feed-") and path.endswith(".xml"):
                body = feeds.get(int(path[6:-4]))
                content_type = "application/rss+xml"
            elif path.startswith("/a/") and path.endswith(".html"):
                body = pages[int(path[3:-5]) % len(pages)]
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", feeds
    finally:
        server.shutdown()
        server.server_close()


# --- memory of a process tree -------------------------------------------------------------

def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _memory_and_cmd(pid: int) -> tuple[int, int, str]:
    """Return (RSS, PSS, command line) of ``pid``; PSS shares each page among its users."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return 0, 0, ""
    return rss, pss, cmd


def tree_memory(root: int) -> dict[str, int]:
    """Return RSS and PSS bytes of ``root`` and its descendants, Prefect's server apart.

    ``root_rss`` is the RSS of ``root`` alone: for a pass, the pass process without its
    extraction processes (fork server, workers, resource tracker).
    """
    tree = _children()
    totals = dict.fromkeys(("rss", "pss", "prefect_rss", "prefect_pss", "root_rss"), 0)
    stack = [root]
    while stack:
        pid = stack.pop()
        rss, pss, cmd = _memory_and_cmd(pid)
        prefix = "prefect_" if "prefect" in cmd and ("server" in cmd or "uvicorn" in cmd) else ""
        totals[prefix + "rss"] += rss
        totals[prefix + "pss"] += pss
        if pid == root:
            totals["root_rss"] = rss
        stack.extend(tree.get(pid, ()))
    return totals


@contextmanager
def prefect_api(mode: str) -> Iterator[LocalServer | None]:
    """Yield the local Prefect server the passes report to, or None for the ephemeral API."""
    if mode == "ephemeral":
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="iswatch-prefect-") as home:
        server = start_local_server(Path(home))
        try:
            yield server
        finally:
            stop_local_server(server)


# --- one size, in a subprocess ------------------------------------------------------------

def run_one_pass(feed_urls: str, workdir: Path, max_articles: int | None = None
                 ) -> dict[str, object]:
    """Run one pass over the feeds into ``workdir``, fetching at most ``max_articles`` of
    their articles; return its figures (in the subprocess)."""
    started = time.perf_counter()
    from flows.monitor import run_pass
    from flows.settings import Settings
    from warehouse.db import Warehouse

    imported = time.perf_counter()
    settings = Settings.model_validate({
        "warehouse": {"path": str(workdir / "iswatch.duckdb")},
        "feeds": [{"name": f"backlog-{url.rsplit('-', 1)[1][:-4]}", "url": url}
                  for url in feed_urls.split(",")],
        # One loopback host stands in for many news sites, so it may take every fetch worker.
        "fetch": {"allow_hosts": ["127.0.0.1"], "max_bytes": 20_000_000, "per_host": 8,
                  "max_workers": 8, "max_articles_per_pass": max_articles},
        "alerts": {"outbox": str(workdir / "outbox")},
    })
    summary = run_pass(settings)
    finished = time.perf_counter()
    with Warehouse(settings.warehouse.path).reading() as conn:
        rows = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "statements", "region_mentions", "demands",
                              "sightings")}
    return {
        "import_seconds": imported - started,
        "pass_seconds": finished - imported,
        "counts": summary.counts,
        "rows": rows,
        "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def measure(size: int, base: str, feeds: dict[int, bytes], items_per_feed: int,
            server: LocalServer | None, trace: Path | None = None,
            warehouse_dir: Path | None = None, first_article: int = 0,
            max_articles: int | None = None) -> dict[str, object]:
    """Run one pass over a backlog of ``size`` in a fresh subprocess, sampling its memory.

    The backlog is spread over feeds of ``items_per_feed`` items, as a backlog after a
    stoppage is spread over many sources. Its articles are numbered from ``first_article``;
    the warehouse is a new one in a temp folder unless ``warehouse_dir`` is given. With
    ``max_articles`` the pass fetches only that many of them and leaves the rest queued.
    """
    keys = []
    for first in range(first_article, first_article + size, items_per_feed):
        key = len(feeds)
        feeds[key] = backlog_feed(base, min(items_per_feed, first_article + size - first), first)
        keys.append(key)
    urls = [f"{base}/feed-{key}.xml" for key in keys]
    workdir = (nullcontext(str(warehouse_dir)) if warehouse_dir
               else tempfile.TemporaryDirectory(prefix="iswatch-backlog-"))
    with workdir as tmp:
        started = time.perf_counter()
        env = dict(os.environ)
        if server is not None:
            env["PREFECT_API_URL"] = server.api_url
        child = subprocess.Popen(
            [sys.executable, __file__, "--run-pass", ",".join(urls), tmp,
             str(max_articles or 0)],
            stdout=subprocess.PIPE, text=True, cwd=tmp, env=env,
        )
        peaks: dict[str, int] = {}
        samples: list[str] = []
        pass_and_workers: list[tuple[float, int]] = []
        pass_alone: list[int] = []
        while child.poll() is None:
            sample = tree_memory(child.pid)
            pass_and_workers.append((time.perf_counter() - started, sample["rss"]))
            pass_alone.append(sample["root_rss"])
            if server is not None:
                server_memory = tree_memory(server.process.pid)
                sample["prefect_rss"] += server_memory["rss"] + server_memory["prefect_rss"]
                sample["prefect_pss"] += server_memory["pss"] + server_memory["prefect_pss"]
            if trace is not None:
                samples.append(f"{time.perf_counter() - started:.2f},"
                               f"{sample['root_rss'] / 2**20:.1f},{sample['rss'] / 2**20:.1f}")
            sample["total_rss"] = sample["rss"] + sample["prefect_rss"]
            sample["total_pss"] = sample["pss"] + sample["prefect_pss"]
            for key, value in sample.items():
                peaks[key] = max(peaks.get(key, 0), value)
            time.sleep(0.05)
        wall = time.perf_counter() - started
        out, _ = child.communicate()
        if trace is not None:
            trace.write_text("seconds,pass_rss_mb,pass_and_workers_rss_mb\n"
                             + "\n".join(samples) + "\n")
        if child.returncode != 0:
            raise SystemExit(f"the pass over {size} articles failed (exit {child.returncode})")
    figures = json.loads(out.strip().splitlines()[-1])
    feed_mb = sum(len(feeds[key]) for key in keys) / 1e6
    samples_mb = [(seconds, rss / 2**20) for seconds, rss in pass_and_workers]
    figures.update(size=size, feed_mb=feed_mb, feeds=len(urls), wall_seconds=wall,
                   peak_by_tenth_mb=peaks_by_part(samples_mb, wall, 10),
                   samples_mb=samples_mb,
                   split_mb=split_by_process(pass_and_workers, pass_alone),
                   second_half_mb=[mb for _, mb in samples_mb[len(samples_mb) // 2:]],
                   **{f"peak_{key}_mb": value / 2**20 for key, value in peaks.items()})
    return figures


def split_by_process(pass_and_workers: Sequence[tuple[float, int]],
                     pass_alone: Sequence[int]) -> dict[str, float]:
    """Return the median and peak RSS, in MB, of the pass process and of its extraction
    processes (fork server, workers), the medians over the second half of the run, once
    everything has started."""
    extraction = [total - alone for (_, total), alone in zip(pass_and_workers, pass_alone,
                                                             strict=True)]
    half = len(pass_alone) // 2

    def median(values: Sequence[int]) -> float:
        ordered = sorted(values[half:]) or [0]
        return ordered[len(ordered) // 2] / 2**20

    return {"pass_median": median(pass_alone), "pass_peak": max(pass_alone, default=0) / 2**20,
            "extraction_median": median(extraction),
            "extraction_peak": max(extraction, default=0) / 2**20}


def peaks_by_part(samples: Sequence[tuple[float, float]], wall: float, parts: int
                  ) -> list[float]:
    """Return the peak of the (seconds, value) samples in each of ``parts`` equal stretches
    of ``wall``."""
    peaks = [0.0] * parts
    for seconds, value in samples:
        part = min(parts - 1, int(parts * seconds / wall))
        peaks[part] = max(peaks[part], value)
    return peaks


def permutation_p_value(higher: Sequence[float], lower: Sequence[float]) -> tuple[float, float]:
    """Return how much higher the mean of ``higher`` is than that of ``lower``, and the chance
    of a difference at least as large if both were drawn alike (one-sided permutation test:
    every split of the pooled values when there are at most 200,000, else 100,000 random
    ones)."""
    pooled = [*higher, *lower]
    size, total = len(higher), sum(pooled)
    observed = sum(higher) / size - sum(lower) / len(lower)

    def difference(chosen: Sequence[int]) -> float:
        picked = sum(pooled[i] for i in chosen)
        return picked / size - (total - picked) / len(lower)

    if math.comb(len(pooled), size) <= 200_000:
        splits: Iterable[Sequence[int]] = itertools.combinations(range(len(pooled)), size)
    else:
        chooser = random.Random(0)
        splits = (chooser.sample(range(len(pooled)), size) for _ in range(100_000))
    outcomes = [difference(chosen) >= observed - 1e-9 for chosen in splits]
    return observed, sum(outcomes) / len(outcomes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder of *.html.gz pages (default {DEFAULT_CORPUS})")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000],
                        help="backlog sizes, one fresh pass each")
    parser.add_argument("--items-per-feed", type=int, default=1000,
                        help="items per feed; a backlog of N comes from N / this feeds")
    parser.add_argument("--prefect", choices=("server", "ephemeral"), default="server",
                        help="run each pass against a local Prefect server started here, as "
                        "iswatch serve does (default), or with Prefect's ephemeral API, as a "
                        "one-off iswatch run without PREFECT_API_URL does")
    parser.add_argument("--same-warehouse", action="store_true",
                        help="run the sizes one after another into one warehouse (new articles "
                        "each time), to tell the backlog's memory from the warehouse's")
    parser.add_argument("--trace", type=Path, metavar="DIR",
                        help="write each pass's memory samples to "
                        "DIR/backlog-<N>-from-<first article>.csv")
    parser.add_argument("--max-articles", type=int, metavar="N",
                        help="each pass fetches only N articles of its backlog and leaves the "
                        "rest queued (fetch.max_articles_per_pass), to tell the backlog's "
                        "memory from the work done")
    parser.add_argument("--slices", type=int, default=10,
                        help="each size below the largest runs over this many successive "
                        "slices of the largest backlog, one fresh pass each (default 10: "
                        "1,000 articles ten times over the 10,000)")
    parser.add_argument("--same-slice", action="store_true",
                        help="run every pass of a smaller size over the same first articles, "
                        "to measure how much one and the same work's peak moves between runs")
    parser.add_argument("--largest-runs", type=int, default=1, metavar="K",
                        help="run the largest size K times (default 1)")
    parser.add_argument("--run-pass", nargs=3, metavar=("FEED_URLS", "DIR", "MAX_ARTICLES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_pass:
        feed_urls, workdir, max_articles = args.run_pass
        print(json.dumps(run_one_pass(feed_urls, Path(workdir), int(max_articles) or None)))
        return 0

    pages = [page.html for page in read_pages(args.corpus)]
    print(f"backlog over {len(pages)} corpus pages served from 127.0.0.1; {machine()}; "
          f"Prefect API: {args.prefect}")
    largest = max(args.sizes)
    runs: list[tuple[int, int]] = []  # (size, first article), in order
    first_article = 0
    for size in args.sizes:
        if args.same_warehouse:
            runs.append((size, first_article))
            first_article += size
            continue
        if size == largest:
            runs.extend((size, 0) for _ in range(max(1, args.largest_runs)))
            continue
        slices = max(1, args.slices if args.same_slice else min(args.slices, largest // size))
        runs.extend((size, 0 if args.same_slice else index * size) for index in range(slices))
    results: list[dict[str, object]] = []
    shared_dir = (tempfile.TemporaryDirectory(prefix="iswatch-backlog-") if args.same_warehouse
                  else nullcontext(None))
    with backlog_site(pages) as (base, feeds), prefect_api(args.prefect) as server, \
            shared_dir as shared:
        if args.trace:
            args.trace.mkdir(parents=True, exist_ok=True)
        for size, first in runs:
            trace = args.trace / f"backlog-{size}-from-{first}.csv" if args.trace else None
            figures = measure(size, base, feeds, args.items_per_feed, server, trace,
                              Path(shared) if shared else None, first, args.max_articles)
            figures["first_article"] = first
            results.append(figures)
            if first and not shared:
                print(f"(c) {size:>6} articles, numbers {first}-{first + size - 1}: peak RSS of"
                      f" pass + workers {figures['peak_rss_mb']:.0f} MB (pass process"
                      f" {figures['split_mb']['pass_peak']:.0f}, fork server + workers"
                      f" {figures['split_mb']['extraction_peak']:.0f}); pass"
                      f" {figures['pass_seconds']:.1f} s")
            else:
                print_pass(figures)
    ok = all(r["peak_rss_mb"] <= TARGET_PEAK_MB for r in results)
    if not args.same_warehouse and len(args.sizes) > 1:
        ok = print_growth(results, largest, args.same_slice) and ok
    return 0 if ok else 1


def print_pass(figures: dict[str, object]) -> None:
    """Print the full figures of one pass."""
    size = figures["size"]
    counts = figures["counts"]
    articles = counts["articles_new"] + counts["articles_failed"]
    fact_rows = sum(counts[t] for t in ("statements", "region_mentions", "demands"))
    pass_s = figures["pass_seconds"]
    in_warehouse = figures["rows"]["articles"]
    split = figures["split_mb"]
    done = (f"{size:>6} articles" if articles == size
            else f"{articles} of {size} queued articles (the rest stay queued)")
    print(
        f"(c) {done}: pass {pass_s:6.1f} s"
        f" ({articles / pass_s:5.1f} articles/s,"
        f" {(articles + fact_rows) / pass_s:6.0f} rows/s into DuckDB:"
        f" {articles} articles + {fact_rows} fact rows; {in_warehouse} articles in the"
        f" warehouse after it); process wall "
        f"{figures['wall_seconds']:.1f} s incl. {figures['import_seconds']:.1f} s imports\n"
        f"    peak memory, pass + extraction workers: RSS {figures['peak_rss_mb']:.0f} MB,"
        f" PSS {figures['peak_pss_mb']:.0f} MB; with Prefect's API server: RSS "
        f"{figures['peak_total_rss_mb']:.0f} MB, PSS {figures['peak_total_pss_mb']:.0f} MB"
        f" (target <= {TARGET_PEAK_MB} MB)\n"
        f"    ru_maxrss self {figures['maxrss_self_mb']:.0f} MB, largest child "
        f"{figures['maxrss_children_mb']:.0f} MB; {figures['feeds']} feeds, "
        f"{figures['feed_mb']:.1f} MB; "
        f"pages extracted {figures['counts']['pages_extracted']}\n"
        "    peak RSS of pass + workers in each tenth of the run (MB): "
        + " ".join(f"{mb:.0f}" for mb in figures["peak_by_tenth_mb"]) + "\n"
        f"    RSS median / peak: pass process {split['pass_median']:.0f} /"
        f" {split['pass_peak']:.0f} MB, fork server + workers"
        f" {split['extraction_median']:.0f} / {split['extraction_peak']:.0f} MB"
        " (medians over the second half of the run)"
    )


def quantiles(samples: Sequence[float]) -> str:
    """Return the median, 99th and 99.9th percentile of ``samples`` (MB), for printing."""
    ordered = sorted(samples) or [0.0]
    return " / ".join(f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f}"
                      for q in (0.5, 0.99, 0.999)) + " MB"


def print_growth(results: Sequence[dict[str, object]], largest: int,
                 same_slice: bool = False) -> bool:
    """Print each largest pass's peak next to the smaller passes over its slices (or over its
    first articles again and again); return whether it held no more than they did: on equal
    work when the smaller passes cover the largest one's articles, else by its single peak."""
    met = True
    for large in (r for r in results if r["size"] == largest):
        for size in sorted({r["size"] for r in results if r["size"] != largest}):
            peaks = [r["peak_rss_mb"] for r in results if r["size"] == size]
            first = next(r["peak_rss_mb"] for r in results
                         if r["size"] == size and r["first_article"] == 0)
            ordered = sorted(peaks)
            median = ordered[len(ordered) // 2]
            growth = large["peak_rss_mb"] - ordered[-1]
            over = (f"articles 0-{size - 1}, {len(peaks)} times" if same_slice
                    else f"its first {len(peaks) * size} articles")
            pooled = [mb for r in results if r["size"] == size for mb in r["second_half_mb"]]
            print(f"(c) RSS of pass + workers over the second half of each run, median / 99th"
                  f" / 99.9th percentile: {largest} articles"
                  f" {quantiles(large['second_half_mb'])}; the {len(peaks)} passes of {size}"
                  f" together {quantiles(pooled)}")
            print(f"(c) peak RSS of pass + workers, {largest} articles in one pass:"
                  f" {large['peak_rss_mb']:.0f} MB; {len(peaks)} passes of {size} over {over}:"
                  f" {ordered[0]:.0f}-{ordered[-1]:.0f} MB (median {median:.0f});"
                  f" {largest} vs the highest of them {growth:+.0f} MB, vs their median"
                  f" {large['peak_rss_mb'] - median:+.0f} MB,"
                  f" vs the first pass over articles 0-{size - 1}"
                  f" {large['peak_rss_mb'] - first:+.0f} MB")
            if same_slice or len(peaks) * size != largest or len(peaks) < 3:
                met = met and growth <= 0
                continue
            # The long pass in as many stretches of time as there are short passes, each
            # about one short pass's work; the first, with the start-up, is left out.
            stretches = peaks_by_part(large["samples_mb"], large["wall_seconds"],
                                      len(peaks))[1:]
            excess, chance = permutation_p_value(stretches, peaks)
            grows = chance < GROWTH_SIGNIFICANCE
            met = met and not grows
            print(f"(c) equal work: the peaks of the {len(stretches)} later stretches of"
                  f" {size} articles of the {largest}-article pass"
                  f" {min(stretches):.0f}-{max(stretches):.0f} MB against the {len(peaks)}"
                  f" passes of {size} {ordered[0]:.0f}-{ordered[-1]:.0f} MB: mean"
                  f" {excess:+.1f} MB, chance of that much with no growth {chance:.2f}:"
                  f" {'more' if grows else 'no more'} at {largest:,} (target: no more)")
    return met


if __name__ == "__main__":
    sys.exit(main())
