"""The newcomer's tour, offline: one real pass over a made-up news site, ending in an alert email.

``run_demo`` serves the bundled feed and two article pages (``flows/demo/``, written for the tour)
on 127.0.0.1, starts an SMTP server on 127.0.0.1 that keeps what it receives, runs one pass of
the real ``monitor`` flow into a warehouse in a temporary folder, and prints the email that
arrived. The seed articles are the baseline (Russia's claim to Luhansk, Donetsk, Zaporizhzhia,
Kherson, Kharkiv and Sumy); the demo articles bring what is new beyond it: Russia demanding
Dnipropetrovsk oblast, and Russia demanding sanctions relief. Nothing leaves the machine.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any, TextIO

DEMO_FEED = "feed.xml"
DEMO_PAGES = {
    "/news/kremlin-adds-dnipropetrovsk.html": "kremlin-adds-dnipropetrovsk.html",
    "/news/sanctions-before-ceasefire.html": "sanctions-before-ceasefire.html",
}
SHOWN_HEADERS = ("From", "To", "Date", "Subject", "Message-ID")


def demo_file(name: str) -> str:
    """Return the text of a bundled demo file."""
    return (files("flows") / "demo" / name).read_text(encoding="utf-8")


# --- a news site on 127.0.0.1 -------------------------------------------------------------

@contextmanager
def demo_site() -> Iterator[str]:
    """Serve the demo feed and pages on 127.0.0.1; yield the site's base URL."""
    routes: dict[str, tuple[str, str]] = {"/feed.xml": (DEMO_FEED, "application/rss+xml")}
    routes.update({path: (name, "text/html") for path, name in DEMO_PAGES.items()})
    pages: dict[str, tuple[bytes, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            page = pages.get(self.path.split("?", 1)[0])
            if page is None:
                self.send_error(404)
                return
            body, content_type = page
            self.send_response(200)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # the tour prints its own account of what happened

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for path, (name, content_type) in routes.items():
        pages[path] = (demo_file(name).replace("{base}", base).encode("utf-8"), content_type)
    thread = threading.Thread(target=server.serve_forever, name="iswatch-demo-site", daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- a mail server on 127.0.0.1 -----------------------------------------------------------

@dataclass
class Mailbox:
    """What the demo SMTP server received."""

    port: int
    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def demo_mail_server() -> Iterator[Mailbox]:
    """Run an SMTP server on 127.0.0.1 that keeps every message; yield its mailbox."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox(port=free_port())
    # aiosmtpd wants a real port: it connects to itself to check that it started.
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


# --- the tour -----------------------------------------------------------------------------

def demo_settings(base_url: str, smtp_port: int, workdir: Path) -> Any:
    """Return settings for one pass over the demo site into ``workdir``, mailing 127.0.0.1."""
    from flows.settings import Settings

    return Settings.model_validate({
        "warehouse": {"path": str(workdir / "iswatch.duckdb")},
        "feeds": [{"name": "demo-daily", "url": f"{base_url}/feed.xml"}],
        "fetch": {"allow_hosts": ["127.0.0.1"], "connect_timeout": 5, "read_timeout": 5,
                  "total_timeout": 15, "retries": 1},
        "alerts": {"smtp_host": "127.0.0.1", "smtp_port": smtp_port, "smtp_security": "none",
                   "smtp_timeout": 10, "from": "iswatch demo <iswatch@localhost>",
                   "to": ["you@localhost"], "outbox": str(workdir / "outbox")},
    })


def format_email(message: EmailMessage) -> str:
    """Return the headers a reader looks at and the plain-text part of ``message``."""
    lines = [f"{name}: {message[name]}" for name in SHOWN_HEADERS if message[name]]
    text = message.get_body(preferencelist=("plain",))
    body = text.get_content() if text is not None else "(no plain-text part)"
    return "\n".join(lines) + "\n\n" + body.rstrip() + "\n"


def run_demo(*, out: TextIO | None = None, workdir: Path | None = None) -> int:
    """Run the offline tour and print the alert email; return 0 when an alert arrived.

    ``workdir`` keeps the warehouse for a look afterwards; by default it is a temporary folder
    removed at the end.
    """
    out = out or sys.stdout
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        return _tour(workdir, out, kept=True)
    with tempfile.TemporaryDirectory(prefix="iswatch-demo-") as temporary:
        return _tour(Path(temporary), out, kept=False)


def _tour(workdir: Path, out: TextIO, *, kept: bool) -> int:
    from flows.monitor import run_pass  # deferred: importing Prefect takes seconds

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    with demo_site() as base_url, demo_mail_server() as mailbox:
        settings = demo_settings(base_url, mailbox.port, workdir)
        say("iswatch demo — everything below runs on this machine, nothing goes online.")
        say(f"  news feed:    {base_url}/feed.xml (2 made-up articles reporting ISW assessments)")
        say(f"  mail server:  127.0.0.1:{mailbox.port} (keeps what it receives)")
        say(f"  warehouse:    {settings.warehouse.path}")
        say("Running one pass of the monitor flow: the seed articles set the baseline, then the")
        say("feed's articles are fetched, their ISW statements, regions and demands extracted…")
        say()
        summary = run_pass(settings, trigger="demo")
        counts = summary.counts
        say(f"Pass {summary.run_id}: {summary.seeds.articles} seed articles as baseline, "
            f"{counts.get('articles_new', 0)} new articles, "
            f"{counts.get('statements', 0)} ISW statements, {counts.get('demands', 0)} demands, "
            f"{counts.get('alerts_created', 0)} alerts.")
        delivery = summary.delivery
        if delivery is not None and delivery.error:
            say(f"Alert delivery failed: {delivery.error}")
        if not mailbox.messages:
            say("No alert email arrived: the pass found nothing beyond the baseline.")
            return 1
        for message in mailbox.messages:
            say()
            say("=" * 78)
            say(format_email(message).rstrip())
            say("=" * 78)
    say()
    if kept:
        say(f"The warehouse is kept in {workdir}; look inside with")
        say(f"  ISWATCH_WAREHOUSE__PATH={settings.warehouse.path} iswatch alerts")
    say("Next: put your feeds and SMTP server in iswatch.toml, then `iswatch run` or "
        "`iswatch serve` (see the README).")
    return 0
