"""A small news site on 127.0.0.1 for whole-pass tests: a feed and its article pages.

Pages come from ``tests/fixtures/site`` (``{base}`` in them becomes the server's address);
a test can add, replace or remove pages while the server runs. The feed honours
If-None-Match with 304 so a second pass costs nothing.
"""

from __future__ import annotations

import hashlib
import ssl
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).parent / "fixtures" / "site"


class NewsSite:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        """Start serving; over HTTPS with ``tls``, a server-side context holding the site's
        certificate."""
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.hits: Counter[str] = Counter()
        self.honour_conditional = True
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?", 1)[0]
                site.hits[path] += 1
                page = site.pages.get(path)
                if page is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, content_type = page
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if site.honour_conditional and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        scheme = "http"
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.base = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        for file in SITE.iterdir():
            self.put(f"/{file.name}", file.read_text(encoding="utf-8"))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def put(self, path: str, text: str) -> None:
        content_type = ("application/rss+xml; charset=utf-8" if path.endswith(".xml")
                        else "text/html; charset=utf-8")
        self.pages[path] = (text.replace("{base}", self.base).encode("utf-8"), content_type)

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def news_site() -> Iterator[NewsSite]:
    site = NewsSite()
    try:
        yield site
    finally:
        site.close()
