"""A real HTTP server on 127.0.0.1 in a thread, for fetch and feed tests (no internet).

Use the session fixture ``http_server`` (import it into a conftest or test module); it yields a
``LoopbackServer`` whose ``.url(path)`` gives an absolute URL. Endpoints:

``/corpus/<path>``            a file from ``tests/fixtures/corpus``; query ``ct=`` sets Content-Type
                              (default guessed), ``gzip=1`` sends it with Content-Encoding: gzip
``/feed/plain``               iconv.xml (windows-1251) with ``charset=windows-1251`` in Content-Type
``/feed/gzip``                the same feed, Content-Encoding: gzip
``/feed/conditional``         honours If-None-Match / If-Modified-Since with 304
``/feed/unconditional``       sends ETag/Last-Modified but always answers 200
``/status/<code>``            that status; 429 and 503 carry ``Retry-After: 1``
``/retry-after/<seconds>``    503 with that Retry-After
``/flaky/<key>/<n>``          503 for the first n requests of key, then 200 "recovered"
``/hang``                     accepts, then sends nothing for 30 s
``/trickle``                  200 headers, then one byte every 0.2 s, forever
``/redirect/<n>``             a chain of n redirects ending at ``/ok``
``/redirect-loop``            ``/redirect-loop`` → ``/redirect-loop-b`` → ``/redirect-loop`` …
``/redirect-to?to=<url>``     302 to any URL (private address, file://, …)
``/big``                      50 MB with Content-Length
``/big-chunked``              50 MB, chunked (no Content-Length)
``/gzip-bomb``                ~100 KB of gzip inflating to 200 MB, Content-Encoding: gzip
``/bad-gzip``                 Content-Encoding: gzip with bytes that are not gzip
``/ok``                       200 "ok"

``server.hits(path)`` counts requests per path (for retry assertions).
"""

from __future__ import annotations

import gzip
import mimetypes
import socket
import sys
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ICONV_FEED = CORPUS / "feeds" / "real" / "node-feedparser" / "iconv.xml"
FEED_ETAG = '"iswatch-v1"'
FEED_LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
BIG_SIZE = 50 * 1024 * 1024
BOMB_INFLATED = 200 * 1024 * 1024


class _Bomb:
    """The gzip bomb, built on first use (about a second) and then kept for the session."""

    _lock = threading.Lock()
    _data: bytes | None = None

    @classmethod
    def data(cls) -> bytes:
        with cls._lock:
            if cls._data is None:
                packer = zlib.compressobj(9, zlib.DEFLATED, 31)
                block = bytes(1024 * 1024)
                parts = [packer.compress(block) for _ in range(BOMB_INFLATED // len(block))]
                parts.append(packer.flush())
                cls._data = b"".join(parts)
            return cls._data


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean

    # -- helpers -----------------------------------------------------------------------------
    def _send(
        self,
        status: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        content_type: str = "text/plain; charset=utf-8",
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", {"Location": location})

    # -- routing -----------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        self.server.count(path)
        try:
            self._route(path, query)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first: exactly what several tests provoke

    def _route(self, path: str, query: dict[str, list[str]]) -> None:
        segments = path.strip("/").split("/")
        head = segments[0]
        if path == "/ok":
            self._send(200, b"ok")
        elif head == "corpus":
            self._corpus("/".join(segments[1:]), query)
        elif path == "/feed/plain":
            self._send(200, ICONV_FEED.read_bytes(), content_type=_RSS_1251)
        elif path == "/feed/gzip":
            body = gzip.compress(ICONV_FEED.read_bytes())
            self._send(200, body, {"Content-Encoding": "gzip"}, content_type=_RSS_1251)
        elif path == "/feed/conditional":
            self._conditional_feed()
        elif path == "/feed/unconditional":
            validators = {"ETag": FEED_ETAG, "Last-Modified": FEED_LAST_MODIFIED}
            self._send(200, ICONV_FEED.read_bytes(), validators, content_type=_RSS_1251)
        elif head == "status":
            code = int(segments[1])
            extra = {"Retry-After": "1"} if code in (429, 503) else {}
            self._send(code, f"status {code}".encode(), extra)
        elif head == "retry-after":
            self._send(503, b"busy", {"Retry-After": segments[1]})
        elif head == "flaky":
            key, failures = segments[1], int(segments[2])
            if self.server.count(f"flaky:{key}") <= failures:
                self._send(503, b"not yet")
            else:
                self._send(200, b"recovered")
        elif path == "/hang":
            self.server.stopping.wait(30)
        elif path == "/trickle":
            self._trickle()
        elif head == "redirect":
            remaining = int(segments[1])
            self._redirect(f"/redirect/{remaining - 1}" if remaining > 1 else "/ok")
        elif path == "/redirect-loop":
            self._redirect("/redirect-loop-b")
        elif path == "/redirect-loop-b":
            self._redirect("/redirect-loop")
        elif path == "/redirect-to":
            self._redirect(query["to"][0])
        elif path == "/big":
            self._big(chunked=False)
        elif path == "/big-chunked":
            self._big(chunked=True)
        elif path == "/gzip-bomb":
            self._send(200, _Bomb.data(), {"Content-Encoding": "gzip"})
        elif path == "/bad-gzip":
            self._send(200, b"this is not gzip at all" * 20, {"Content-Encoding": "gzip"})
        else:
            self._send(404, b"not found")

    def _corpus(self, relative: str, query: dict[str, list[str]]) -> None:
        target = (CORPUS / relative).resolve()
        if CORPUS.resolve() not in target.parents or not target.is_file():
            self._send(404, b"no such fixture")
            return
        body = target.read_bytes()
        content_type = query.get("ct", [mimetypes.guess_type(target.name)[0] or "text/xml"])[0]
        headers = {}
        if query.get("gzip") == ["1"]:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self._send(200, body, headers, content_type=content_type)

    def _conditional_feed(self) -> None:
        validators = {"ETag": FEED_ETAG, "Last-Modified": FEED_LAST_MODIFIED}
        if (
            self.headers.get("If-None-Match") == FEED_ETAG
            or self.headers.get("If-Modified-Since") == FEED_LAST_MODIFIED
        ):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self._send(200, ICONV_FEED.read_bytes(), validators, content_type=_RSS_1251)

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")  # no length: the body ends when we hang up
        self.end_headers()
        while not self.server.stopping.wait(0.2):
            self.wfile.write(b"x")
            self.wfile.flush()

    def _big(self, *, chunked: bool) -> None:
        block = b"a" * (1024 * 1024)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(BIG_SIZE))
        self.end_headers()
        for _ in range(BIG_SIZE // len(block)):
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
            else:
                self.wfile.write(block)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


_RSS_1251 = "application/rss+xml; charset=windows-1251"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stopping = threading.Event()
        self._hits: Counter[str] = Counter()
        self._hits_lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that hang up early (timeouts, size caps) are what the tests provoke; any other
        # error is a bug in this server and should be loud.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def count(self, key: str) -> int:
        with self._hits_lock:
            self._hits[key] += 1
            return self._hits[key]

    def hits(self, key: str) -> int:
        with self._hits_lock:
            return self._hits[key]


class LoopbackServer:
    """Handle on the running server: ``url(path)`` and ``hits(path)``."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.host, self.port = server.server_address[:2]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}/{path.lstrip('/')}"

    def hits(self, path: str) -> int:
        return self._server.hits(path)


def start_server() -> tuple[LoopbackServer, _Server, threading.Thread]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, name="loopback-http", daemon=True)
    thread.start()
    # Make sure it accepts before the first test talks to it.
    with socket.create_connection(server.server_address[:2], timeout=5):
        pass
    return LoopbackServer(server), server, thread


@pytest.fixture(scope="session")
def http_server() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1 (free port) for the whole test session."""
    handle, server, thread = start_server()
    try:
        yield handle
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
