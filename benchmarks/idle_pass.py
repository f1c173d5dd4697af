"""Print the wall time of a pass in which every feed answers 304, next to Prefect's own floor.

Three fresh subprocesses, each timed from start to exit, best of ``--runs``:
``python -c "import prefect"``; a trivial Prefect flow run (one flow, one task); and
``flows.monitor.run_pass`` over ``--feeds`` feeds on 127.0.0.1 that all answer 304 Not Modified,
on a warehouse primed by an earlier (untimed) pass. All three use Prefect's ephemeral API
server, as ``iswatch run`` does without ``PREFECT_API_URL``, and the same telemetry settings.
Usage: python benchmarks/idle_pass.py [--feeds N] [--runs N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import machine  # noqa: E402
from flows.settings import PREFECT_PRIVACY_DEFAULTS  # noqa: E402

TARGET_OVER_TRIVIAL_FLOW = 3.0

IMPORT_PREFECT = "import prefect"
TRIVIAL_FLOW = """
from prefect import flow, task

@task
def one() -> int:
    return 1

@flow
def trivial() -> int:
    return one()

trivial()
"""
MONITOR_PASS = """
import json, sys
from flows.monitor import run_pass
from flows.settings import Settings
summary = run_pass(Settings.model_validate(json.loads(sys.argv[1])))
print(json.dumps(summary.counts))
"""


def feed_body(base: str, index: int) -> bytes:
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Feed {index}</title><link>{base}/</link><description>idle</description>"
            "</channel></rss>").encode()


@contextmanager
def feeds_site() -> Iterator[str]:
    """Serve ``/feed-<i>.xml`` with an ETag, answering 304 to a matching If-None-Match."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            body = feed_body(base, int(self.path.split("?", 1)[0][6:-4]))
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def timed_python(code: str, *args: str, cwd: str) -> tuple[float, str]:
    """Run ``python -c code`` in a fresh process; return its wall seconds and stdout."""
    env = {**os.environ, **PREFECT_PRIVACY_DEFAULTS,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"subprocess failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=10, help="feeds polled by the pass")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best one counts")
    args = parser.parse_args()
    print(f"{machine()}; {args.feeds} feeds answering 304")
    import json

    with feeds_site() as base, tempfile.TemporaryDirectory(prefix="iswatch-idle-") as tmp:
        settings = json.dumps({
            "warehouse": {"path": str(Path(tmp) / "iswatch.duckdb")},
            "feeds": [{"name": f"feed-{i}", "url": f"{base}/feed-{i}.xml"}
                      for i in range(args.feeds)],
            "fetch": {"allow_hosts": ["127.0.0.1"]},
            "alerts": {"outbox": str(Path(tmp) / "outbox")},
        })
        timed_python(MONITOR_PASS, settings, cwd=tmp)  # primes seeds and every feed's ETag
        best: dict[str, float] = {}
        counts = {}
        for _ in range(args.runs):
            for name, code, extra in (("import", IMPORT_PREFECT, ()),
                                      ("trivial", TRIVIAL_FLOW, ()),
                                      ("pass", MONITOR_PASS, (settings,))):
                seconds, out = timed_python(code, *extra, cwd=tmp)
                best[name] = min(best.get(name, seconds), seconds)
                if name == "pass":
                    counts = json.loads(out.strip().splitlines()[-1])
    if counts.get("feeds_not_modified") != args.feeds or counts.get("pages_extracted"):
        raise SystemExit(f"the timed pass was not all-304: {counts}")
    over = best["pass"] - best["trivial"]
    print(f"(d) python -c 'import prefect':           {best['import']:5.2f} s")
    print(f"(d) trivial Prefect flow run (1 task):    {best['trivial']:5.2f} s")
    print(f"(d) monitor pass, all {args.feeds} feeds 304:      {best['pass']:5.2f} s  "
          f"= trivial flow {over:+.2f} s (target <= +{TARGET_OVER_TRIVIAL_FLOW:.0f} s)")
    return 0 if over <= TARGET_OVER_TRIVIAL_FLOW else 1


if __name__ == "__main__":
    sys.exit(main())
