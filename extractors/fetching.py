"""HTTP fetching of feeds and article pages: one ``FetchResult`` per URL, never an exception.

Public API
----------
``fetch_url(url, policy, *, etag=None, last_modified=None, client=None) -> FetchResult``
    One conditional GET with bounded redirects, size, time and retries.
``fetch_many(requests, policy, *, spool_dir=None) -> list[FetchResult]``
    ``fetch_url`` over ``(url, etag, last_modified)`` triples on a bounded thread pool with a
    per-host limit; results come back in input order.
``read_body(result) -> bytes``
    The body of an ``ok`` result, wherever it is.
``FetchPolicy`` (frozen) holds every limit; ``FetchResult`` (frozen) is the only output.

Failures are data, not exceptions. Network and HTTP problems never raise out of this module;
each becomes a ``FetchResult`` whose ``outcome`` sorts it and whose ``reason`` names it::

    FetchResult.outcome
    ├── "ok"            2xx, body read in full (possibly empty)
    ├── "not_modified"  304 to a conditional GET; body empty, validators echoed
    ├── "transient"     worth trying again on a later pass (retried ``policy.retries`` times here)
    │   ├── timeout           connect/read timeout or ``total_timeout`` exceeded (trickling server)
    │   ├── connect_error     refused, reset, TLS failure, any other socket error
    │   ├── dns_error         host name did not resolve
    │   ├── protocol_error    malformed HTTP, or the server closed the connection mid-reply
    │   ├── http_429          rate limited (Retry-After honoured up to ``max_retry_after``)
    │   ├── http_408
    │   ├── http_5xx          e.g. http_500, http_503 (Retry-After honoured on 503)
    │   └── spool_error       the body could not be written to ``spool_dir`` (disk full, ...)
    └── "terminal"      record it and move on; retrying will not help
        ├── http_4xx          e.g. http_404, http_410, http_403 (every 4xx except 408/429)
        ├── http_3xx          a redirect without a usable Location header
        ├── too_large         Content-Length or decompressed body above ``max_bytes``
        ├── too_many_redirects more than ``max_redirects`` hops (loops end here)
        ├── blocked_address   a hop resolves to a private/loopback/link-local/multicast/reserved
        │                     address and is not in ``allow_hosts``
        ├── bad_scheme        not http(s), at the start or on any redirect hop (file://, ftp://)
        ├── bad_url           unparseable URL or no host
        └── decode_error      Content-Encoding that does not decode (corrupt gzip)

Time bounds. ``connect_timeout`` and ``read_timeout`` bound each socket operation;
``total_timeout`` bounds one attempt (all redirect hops and the whole body): a watchdog shuts the
socket when it expires, so a server that trickles bytes forever cannot hold a worker. Worst-case
wall time of one call is about ``(retries + 1) * total_timeout`` plus backoff sleeps (each at most
``max_retry_after``).

Spooling. With ``spool_dir``, an ``ok`` body is written to a file of its own in that directory
as it arrives (``FetchResult.body_file``) instead of being held in memory, so a process fetching
many pages for others to parse holds none of them; ``read_body`` reads it back and deletes it.

Address guard. Every hop's host is resolved before connecting and refused if any address is
non-public. A DNS answer that changes between the check and httpx's own connect (rebinding) is
not covered; proxies from the environment are ignored (``trust_env=False``) so the check applies
to the real destination.
"""

from __future__ import annotations

import email.utils
import importlib.metadata
import ipaddress
import os
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import httpx

__all__ = ["FetchPolicy", "FetchResult", "Outcome", "fetch_many", "fetch_url", "read_body",
           "USER_AGENT"]

def _iswatch_version() -> str:
    try:
        return importlib.metadata.version("iswatch")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


ISWATCH_VERSION = _iswatch_version()
# Operators should add a contact (``[fetch] user_agent``) so site owners can reach them.
USER_AGENT = f"iswatch/{ISWATCH_VERSION} (news monitor of ISW assessment coverage)"

Outcome = Literal["ok", "not_modified", "transient", "terminal"]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_TRANSIENT_4XX = frozenset({408, 429})
_RETRY_AFTER_STATUSES = frozenset({429, 503})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for one fetch; the defaults suit polite polling of news sites."""

    connect_timeout: float = 10.0  # seconds to open a TCP/TLS connection
    read_timeout: float = 20.0  # seconds to wait for any single read
    total_timeout: float = 60.0  # seconds for one attempt, all hops and the whole body
    max_bytes: int = 5_000_000  # cap on the DECOMPRESSED body; a gzip bomb stops here
    max_redirects: int = 5  # hops followed; one more is ``too_many_redirects``
    user_agent: str = USER_AGENT
    allow_hosts: tuple[str, ...] = ()  # host names or IPs exempt from the address guard
    retries: int = 2  # extra attempts for transient outcomes within one call
    backoff_seconds: float = 0.5  # first backoff; doubles per retry
    max_retry_after: float = 30.0  # honour Retry-After up to this; longer → give up (transient)
    max_workers: int = 8  # fetch_many: threads in all
    per_host: int = 2  # fetch_many: concurrent requests to one host


@dataclass(frozen=True)
class FetchResult:
    """What happened to one URL: outcome, reason code and, when ``ok``, the decoded body (in
    ``body``, or in ``body_file`` when fetched with a spool directory)."""

    requested_url: str
    url: str  # final URL after redirects (the last hop tried on failure)
    outcome: Outcome
    status: int | None  # last HTTP status seen, None when no response arrived
    reason: str | None  # reason code (see module docstring); None for ok/not_modified
    detail: str = ""  # one human-readable line
    body: bytes = b""  # Content-Encoding already removed
    body_file: str | None = None  # the file holding the body instead, when spooled
    content_type: str | None = None  # media type only, lower-cased, e.g. "application/rss+xml"
    charset: str | None = None  # from the Content-Type header, if any
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    retry_after: float | None = field(default=None)  # seconds the server last asked us to wait


class _Refused(Exception):
    """A hop we will not (or cannot) make; carries its FetchResult fields."""

    def __init__(self, outcome: Outcome, reason: str, detail: str, status: int | None = None):
        super().__init__(detail)
        self.outcome: Outcome = outcome
        self.reason = reason
        self.detail = detail
        self.status = status


class _Watchdog:
    """Shuts the current socket once the attempt's deadline passes, unblocking any read."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._stream: Any = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, stream: Any) -> None:
        with self._lock:
            self._stream = stream
            if self.expired:
                _shutdown(stream)

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx ``trace`` extension hook: remember each freshly connected stream."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            if stream is not None:
                self.watch(stream)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            if self._stream is not None:
                _shutdown(self._stream)


def _shutdown(stream: Any) -> None:
    sock = stream.get_extra_info("socket")
    if sock is None:
        return
    try:
        # The base-class method avoids SSLSocket.shutdown, which tears down TLS state that the
        # reading thread is still using; a plain socket shutdown just makes its recv() return.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to unblock


def _check_scheme_and_host(url: str) -> tuple[str, int]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise _Refused("terminal", "bad_url", f"unparseable URL: {err}") from err
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _Refused("terminal", "bad_scheme", f"refusing scheme {scheme or '(none)'!r}")
    host = parts.hostname
    if not host:
        raise _Refused("terminal", "bad_url", "URL has no host")
    return host, port or (443 if scheme == "https" else 80)


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _guard_address(url: str, allow_hosts: tuple[str, ...]) -> None:
    """Raise ``_Refused`` unless every address ``url``'s host resolves to is public."""
    host, port = _check_scheme_and_host(url)
    allowed = {h.lower().strip("[]") for h in allow_hosts}
    if host.lower() in allowed:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise _Refused("transient", "dns_error", f"cannot resolve {host}: {err}") from err
    addresses = {str(info[4][0]) for info in infos}
    for address in sorted(addresses):
        if address in allowed:
            continue
        if not _is_public(address):
            raise _Refused(
                "terminal", "blocked_address", f"{host} resolves to non-public address {address}"
            )


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _status_result(status: int) -> tuple[Outcome, str]:
    if status >= 500 or status in _TRANSIENT_4XX:
        return "transient", f"http_{status}"
    return "terminal", f"http_{status}"


def _exception_reason(err: Exception) -> tuple[Outcome, str]:
    if isinstance(err, httpx.TimeoutException):
        return "transient", "timeout"
    if isinstance(err, httpx.DecodingError):
        return "terminal", "decode_error"
    if isinstance(err, httpx.UnsupportedProtocol):
        return "terminal", "bad_scheme"
    if isinstance(err, httpx.InvalidURL):
        return "terminal", "bad_url"
    if isinstance(err, httpx.ProtocolError):
        return "transient", "protocol_error"
    return "transient", "connect_error"


def _one_attempt(
    url: str,
    policy: FetchPolicy,
    client: httpx.Client,
    etag: str | None,
    last_modified: str | None,
    spool_dir: str | None = None,
) -> FetchResult:
    """Follow redirects by hand (each hop guarded) and read the body within the limits."""
    headers = {"User-Agent": policy.user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(
        connect=policy.connect_timeout,
        read=policy.read_timeout,
        write=policy.read_timeout,
        pool=policy.connect_timeout,
    )
    current = url
    status: int | None = None
    with _Watchdog(policy.total_timeout) as watchdog:
        try:
            for hop in range(policy.max_redirects + 1):
                _guard_address(current, policy.allow_hosts)
                with client.stream(
                    "GET",
                    current,
                    headers=headers,
                    timeout=timeout,
                    follow_redirects=False,
                    extensions={"trace": watchdog.trace},
                ) as response:
                    watchdog.watch(response.extensions.get("network_stream"))
                    status = response.status_code
                    if status in _REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise _Refused(
                                "terminal", f"http_{status}", "redirect without Location", status
                            )
                        current = urljoin(current, location.strip())
                        if hop == policy.max_redirects:
                            raise _Refused(
                                "terminal",
                                "too_many_redirects",
                                f"more than {policy.max_redirects} redirects",
                                status,
                            )
                        continue
                    result = _read_response(url, current, response, policy, etag,
                                            last_modified, spool_dir)
                    if watchdog.expired:
                        if result.body_file is not None:
                            _discard(result.body_file)
                        # The shut socket may look like a clean end of a length-less body.
                        raise _Refused(
                            "transient",
                            "timeout",
                            f"gave up after total_timeout={policy.total_timeout}s",
                            status,
                        )
                    return result
            raise AssertionError("unreachable: the redirect loop always returns or raises")
        except _Refused as refused:
            return FetchResult(
                url,
                current,
                refused.outcome,
                refused.status or status,
                refused.reason,
                refused.detail,
            )
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as err:
            outcome: Outcome
            if watchdog.expired:
                outcome, reason = "transient", "timeout"
                detail = f"gave up after total_timeout={policy.total_timeout}s"
            else:
                outcome, reason = _exception_reason(err)
                detail = f"{type(err).__name__}: {err}".strip()
            return FetchResult(url, current, outcome, status, reason, detail)


def _read_response(
    requested: str,
    final: str,
    response: httpx.Response,
    policy: FetchPolicy,
    etag: str | None,
    last_modified: str | None,
    spool_dir: str | None = None,
) -> FetchResult:
    status = response.status_code
    headers = response.headers
    media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower() or None
    common: dict[str, Any] = {
        "content_type": media_type,
        "charset": response.charset_encoding,
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
    }
    if status == 304:
        common["etag"] = common["etag"] or etag
        common["last_modified"] = common["last_modified"] or last_modified
        return FetchResult(requested, final, "not_modified", status, None, "not modified", **common)
    if not 200 <= status < 300:
        outcome, reason = _status_result(status)
        retry_after = None
        if status in _RETRY_AFTER_STATUSES:
            retry_after = _retry_after_seconds(headers.get("retry-after"))
        return FetchResult(
            requested,
            final,
            outcome,
            status,
            reason,
            f"HTTP {status} {response.reason_phrase}",
            retry_after=retry_after,
            **common,
        )
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        return FetchResult(
            requested,
            final,
            "terminal",
            status,
            "too_large",
            f"Content-Length {declared} > max_bytes {policy.max_bytes}",
            **common,
        )
    too_large = FetchResult(
        requested,
        final,
        "terminal",
        status,
        "too_large",
        f"body exceeds max_bytes {policy.max_bytes} after decompression",
        **common,
    )
    if spool_dir is None:
        chunks: list[bytes] = []
        if not _read_within_limit(response, policy.max_bytes, chunks.append):
            return too_large
        return FetchResult(requested, final, "ok", status, None, "", body=b"".join(chunks),
                           **common)
    try:
        descriptor, path = tempfile.mkstemp(dir=spool_dir, suffix=".body")
    except OSError as err:
        raise _spool_error(spool_dir, err, status) from err
    try:
        with os.fdopen(descriptor, "wb") as file:
            complete = _read_within_limit(response, policy.max_bytes, file.write)
    except OSError as err:  # httpx raises its own errors for the network: this is the file
        _discard(path)
        raise _spool_error(spool_dir, err, status) from err
    except BaseException:
        _discard(path)
        raise
    if not complete:
        _discard(path)
        return too_large
    return FetchResult(requested, final, "ok", status, None, "", body_file=path, **common)


def _spool_error(spool_dir: str, err: OSError, status: int) -> _Refused:
    return _Refused("transient", "spool_error", f"cannot keep the body in {spool_dir}: {err}",
                    status)


def _read_within_limit(response: httpx.Response, max_bytes: int,
                       sink: Callable[[bytes], object]) -> bool:
    """Hand the decoded body to ``sink`` piece by piece; False as soon as it exceeds
    ``max_bytes``."""
    size = 0
    for chunk in response.iter_bytes(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            return False
        sink(chunk)
    return True


def read_body(result: FetchResult) -> bytes:
    """Return the body of ``result``; a spooled body is read from its file, which is deleted."""
    if result.body_file is None:
        return result.body
    with open(result.body_file, "rb") as file:
        body = file.read()
    _discard(result.body_file)
    return body


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The TLS settings and CA certificates every client of the process shares: loading the
    certificates takes ~20 ms and a few MB of short-lived allocations, once per chunk of a pass
    otherwise, and the pieces those left behind made a long pass's memory creep up."""
    return httpx.create_ssl_context(trust_env=False)


def _make_client(policy: FetchPolicy, connections: int) -> httpx.Client:
    return httpx.Client(
        verify=_tls_context(),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": policy.user_agent},
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


def fetch_url(
    url: str,
    policy: FetchPolicy,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
    spool_dir: str | None = None,
) -> FetchResult:
    """Return the outcome of GETting ``url`` under ``policy``; never raises for network/HTTP.

    ``etag``/``last_modified`` are the validators stored from the previous fetch; a 304 reply
    gives ``outcome="not_modified"``. A caller-supplied ``client`` is used as is (its redirect
    setting is overridden per request so every hop is guarded); otherwise a private one is made.
    With ``spool_dir``, an ``ok`` body goes to a new file there (``body_file``), not ``body``.
    """
    own_client = client is None
    active = client if client is not None else _make_client(policy, 2)
    try:
        attempt = 0
        while True:
            attempt += 1
            result = replace(
                _one_attempt(url, policy, active, etag, last_modified, spool_dir),
                attempts=attempt,
            )
            if result.outcome != "transient" or attempt > policy.retries:
                return result
            wait = policy.backoff_seconds * (2 ** (attempt - 1))
            if result.retry_after is not None:
                if result.retry_after > policy.max_retry_after:
                    return replace(
                        result,
                        detail=f"{result.detail}; Retry-After {result.retry_after:.0f}s exceeds "
                        f"max_retry_after {policy.max_retry_after:.0f}s",
                    )
                wait = max(wait, result.retry_after)
            time.sleep(wait)
    finally:
        if own_client:
            active.close()


def fetch_many(
    requests: Sequence[tuple[str, str | None, str | None]], policy: FetchPolicy, *,
    spool_dir: str | None = None,
) -> list[FetchResult]:
    """Fetch ``(url, etag, last_modified)`` triples concurrently; results in input order.

    At most ``policy.max_workers`` requests run at once and at most ``policy.per_host`` to any
    one host, so one slow site cannot take every worker. ``spool_dir`` as for ``fetch_url``.
    """
    if not requests:
        return []
    host_limits = {_host_key(url): _host_limit(_host_key(url), policy.per_host)
                   for url, _, _ in requests}

    workers = max(1, min(policy.max_workers, len(requests)))
    results: list[FetchResult | None] = [None] * len(requests)
    with _make_client(policy, workers) as client:

        def run(index: int) -> None:
            url, etag, last_modified = requests[index]
            with host_limits[_host_key(url)]:
                results[index] = fetch_url(url, policy, etag=etag, last_modified=last_modified,
                                           client=client, spool_dir=spool_dir)

        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="iswatch-fetch") as pool:
            # Round-robin over hosts so a long run of one host's URLs does not park every
            # worker on that host's semaphore while other hosts wait.
            for future in [pool.submit(run, i) for i in _interleave_by_host(requests)]:
                future.result()
    return [r for r in results if r is not None]


# Shared by every fetch_many call of the process: a pass fetches several chunks at once, and
# the per-host limit is a promise to each site, not to each call.
_HOST_LIMITS: dict[tuple[str, int], threading.BoundedSemaphore] = {}
_HOST_LIMITS_LOCK = threading.Lock()


def _host_limit(host: str, per_host: int) -> threading.BoundedSemaphore:
    with _HOST_LIMITS_LOCK:
        key = (host, max(per_host, 1))
        if key not in _HOST_LIMITS:
            _HOST_LIMITS[key] = threading.BoundedSemaphore(key[1])
        return _HOST_LIMITS[key]


def _interleave_by_host(requests: Sequence[tuple[str, str | None, str | None]]) -> list[int]:
    queues: dict[str, list[int]] = {}
    for index, (url, _, _) in enumerate(requests):
        queues.setdefault(_host_key(url), []).append(index)
    order: list[int] = []
    while queues:
        for host in list(queues):
            order.append(queues[host].pop(0))
            if not queues[host]:
                del queues[host]
    return order


def _host_key(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
