"""fetch_url / fetch_many against a real loopback HTTP server: outcomes, reasons and bounds."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from extractors.fetching import FetchPolicy, fetch_many, fetch_url, read_body
from tests import httpserver
from tests.httpserver import FEED_ETAG, FEED_LAST_MODIFIED, ICONV_FEED, LoopbackServer
from tests.site import NewsSite

http_server = httpserver.http_server  # the session fixture, until tests/conftest.py provides it

FAST = FetchPolicy(
    connect_timeout=2.0,
    read_timeout=1.0,
    total_timeout=3.0,
    max_bytes=1_000_000,
    allow_hosts=("127.0.0.1",),
    retries=0,
    backoff_seconds=0.01,
    max_retry_after=2.0,
)


def test_ok_returns_body_type_and_charset(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/feed/plain"), FAST)
    assert result.outcome == "ok"
    assert result.status == 200 and result.reason is None
    assert result.body == ICONV_FEED.read_bytes()
    assert result.content_type == "application/rss+xml"
    assert result.charset == "windows-1251"
    assert result.url == result.requested_url


def test_gzip_content_encoding_is_decoded(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/feed/gzip"), FAST)
    assert result.outcome == "ok"
    assert result.body == ICONV_FEED.read_bytes()


def test_conditional_get_gives_not_modified(http_server: LoopbackServer) -> None:
    first = fetch_url(http_server.url("/feed/conditional"), FAST)
    assert first.outcome == "ok"
    assert first.etag == FEED_ETAG and first.last_modified == FEED_LAST_MODIFIED

    by_etag = fetch_url(http_server.url("/feed/conditional"), FAST, etag=first.etag)
    assert (by_etag.outcome, by_etag.status, by_etag.body) == ("not_modified", 304, b"")
    assert by_etag.etag == FEED_ETAG

    by_date = fetch_url(
        http_server.url("/feed/conditional"), FAST, last_modified=first.last_modified
    )
    assert by_date.outcome == "not_modified"
    assert by_date.last_modified == FEED_LAST_MODIFIED

    stale = fetch_url(http_server.url("/feed/conditional"), FAST, etag='"old"')
    assert stale.outcome == "ok" and stale.body


def test_server_ignoring_validators_still_returns_the_body(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/feed/unconditional"), FAST, etag=FEED_ETAG)
    assert result.outcome == "ok"
    assert result.body == ICONV_FEED.read_bytes()


@pytest.mark.parametrize(
    ("code", "outcome"),
    [
        (500, "transient"),
        (503, "transient"),
        (429, "transient"),
        (404, "terminal"),
        (410, "terminal"),
        (403, "terminal"),
    ],
)
def test_http_status_is_sorted(http_server: LoopbackServer, code: int, outcome: str) -> None:
    result = fetch_url(http_server.url(f"/status/{code}"), FAST)
    assert (result.outcome, result.status, result.reason) == (outcome, code, f"http_{code}")
    assert result.body == b""


def test_terminal_status_is_not_retried(http_server: LoopbackServer) -> None:
    before = http_server.hits("/status/410")
    result = fetch_url(http_server.url("/status/410"), replace(FAST, retries=3))
    assert result.attempts == 1
    assert http_server.hits("/status/410") == before + 1


def test_transient_failures_are_retried_until_success(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/flaky/a/2"), replace(FAST, retries=2))
    assert result.outcome == "ok" and result.body == b"recovered"
    assert result.attempts == 3


def test_retries_run_out_as_transient(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/flaky/b/5"), replace(FAST, retries=1))
    assert (result.outcome, result.reason, result.attempts) == ("transient", "http_503", 2)


def test_429_retry_after_is_honoured(http_server: LoopbackServer) -> None:
    started = time.monotonic()
    result = fetch_url(http_server.url("/status/429"), replace(FAST, retries=1))
    elapsed = time.monotonic() - started
    assert (result.outcome, result.reason, result.attempts) == ("transient", "http_429", 2)
    assert result.retry_after == 1.0
    assert 0.9 <= elapsed < 3.0  # waited the server's 1 s, not the 0.01 s backoff


def test_retry_after_beyond_the_cap_gives_up_at_once(http_server: LoopbackServer) -> None:
    started = time.monotonic()
    result = fetch_url(http_server.url("/retry-after/3600"), replace(FAST, retries=3))
    assert (result.outcome, result.reason, result.attempts) == ("transient", "http_503", 1)
    assert "max_retry_after" in result.detail
    assert time.monotonic() - started < 1.0


def test_hanging_server_times_out_within_bounds(http_server: LoopbackServer) -> None:
    started = time.monotonic()
    result = fetch_url(http_server.url("/hang"), FAST)
    assert (result.outcome, result.reason) == ("transient", "timeout")
    assert time.monotonic() - started < FAST.read_timeout + 1.0


def test_trickling_server_is_cut_at_total_timeout(http_server: LoopbackServer) -> None:
    policy = replace(FAST, read_timeout=1.0, total_timeout=1.5)
    started = time.monotonic()
    result = fetch_url(http_server.url("/trickle"), policy)
    elapsed = time.monotonic() - started
    assert (result.outcome, result.reason) == ("transient", "timeout")
    assert 1.4 <= elapsed < 3.0


def test_declared_oversize_body_is_refused(http_server: LoopbackServer) -> None:
    started = time.monotonic()
    result = fetch_url(http_server.url("/big"), FAST)
    assert (result.outcome, result.reason, result.body) == ("terminal", "too_large", b"")
    assert time.monotonic() - started < 2.0


def test_undeclared_oversize_body_stops_at_the_cap(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/big-chunked"), FAST)
    assert (result.outcome, result.reason, result.body) == ("terminal", "too_large", b"")


def test_gzip_bomb_is_refused_on_decompressed_size(http_server: LoopbackServer) -> None:
    # Compressed it is ~200 KB, well under max_bytes: only the decompressed count catches it.
    result = fetch_url(http_server.url("/gzip-bomb"), FAST)
    assert (result.outcome, result.reason) == ("terminal", "too_large")


def test_corrupt_gzip_is_a_decode_error(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/bad-gzip"), FAST)
    assert (result.outcome, result.reason) == ("terminal", "decode_error")


def test_redirects_are_followed_and_final_url_reported(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/redirect/3"), FAST)
    assert result.outcome == "ok" and result.body == b"ok"
    assert result.url == http_server.url("/ok")
    assert result.requested_url == http_server.url("/redirect/3")


def test_redirect_chains_are_bounded(http_server: LoopbackServer) -> None:
    policy = replace(FAST, max_redirects=2)
    assert fetch_url(http_server.url("/redirect/2"), policy).outcome == "ok"
    result = fetch_url(http_server.url("/redirect/3"), policy)
    assert (result.outcome, result.reason) == ("terminal", "too_many_redirects")


def test_redirect_loop_ends(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/redirect-loop"), FAST)
    assert (result.outcome, result.reason) == ("terminal", "too_many_redirects")
    assert http_server.hits("/redirect-loop") <= FAST.max_redirects + 1


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/secret",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://192.168.1.1/",
        "http://224.0.0.1/",
    ],
)
def test_redirect_to_private_address_is_blocked(http_server: LoopbackServer, target: str) -> None:
    started = time.monotonic()
    result = fetch_url(http_server.url(f"/redirect-to?to={target}"), FAST)
    assert (result.outcome, result.reason) == ("terminal", "blocked_address")
    assert result.url == target
    assert time.monotonic() - started < 1.0  # refused before any connection attempt


def test_redirect_to_file_scheme_is_refused(http_server: LoopbackServer) -> None:
    result = fetch_url(http_server.url("/redirect-to?to=file:///etc/passwd"), FAST)
    assert (result.outcome, result.reason) == ("terminal", "bad_scheme")


def test_loopback_is_blocked_without_allow_hosts(http_server: LoopbackServer) -> None:
    guarded = replace(FAST, allow_hosts=())
    before = http_server.hits("/ok")
    result = fetch_url(http_server.url("/ok"), guarded)
    assert (result.outcome, result.reason) == ("terminal", "blocked_address")
    assert http_server.hits("/ok") == before  # never connected


@pytest.mark.parametrize(
    "url", ["http://10.1.2.3/", "http://169.254.169.254/", "http://0.0.0.0/", "http://localhost/"]
)
def test_private_targets_are_blocked(url: str) -> None:
    result = fetch_url(url, replace(FAST, allow_hosts=()))
    assert (result.outcome, result.reason) == ("terminal", "blocked_address")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "javascript:alert(1)"]
)
def test_non_http_schemes_are_refused(url: str) -> None:
    result = fetch_url(url, FAST)
    assert (result.outcome, result.reason) == ("terminal", "bad_scheme")


def test_connection_refused_is_transient() -> None:
    # Grab a free port and close it again so nothing listens there.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = fetch_url(f"http://127.0.0.1:{port}/", FAST)
    assert (result.outcome, result.reason) == ("transient", "connect_error")


def test_injected_client_cannot_bypass_the_redirect_guard(http_server: LoopbackServer) -> None:
    with httpx.Client(follow_redirects=True) as client:
        result = fetch_url(http_server.url("/redirect-to?to=http://10.0.0.1/"), FAST, client=client)
    assert result.reason == "blocked_address"


def test_fetch_many_keeps_input_order_and_runs_concurrently(
    http_server: LoopbackServer,
) -> None:
    requests = [
        (http_server.url("/hang"), None, None),
        (http_server.url("/feed/conditional"), FEED_ETAG, None),
        (http_server.url("/status/404"), None, None),
        (http_server.url("/ok"), None, None),
        (http_server.url("/hang"), None, None),
    ]
    policy = replace(FAST, max_workers=4, per_host=4)
    started = time.monotonic()
    results = fetch_many(requests, policy)
    elapsed = time.monotonic() - started
    assert [r.requested_url for r in results] == [url for url, _, _ in requests]
    assert [r.outcome for r in results] == [
        "transient",
        "not_modified",
        "terminal",
        "ok",
        "transient",
    ]
    # Two hangs of read_timeout each, run side by side rather than one after the other.
    assert elapsed < 2 * FAST.read_timeout + 0.8


def test_fetch_many_respects_per_host_limit(http_server: LoopbackServer) -> None:
    requests = [(http_server.url("/hang"), None, None)] * 3
    policy = replace(FAST, max_workers=3, per_host=1, read_timeout=0.5)
    started = time.monotonic()
    results = fetch_many(requests, policy)
    elapsed = time.monotonic() - started
    assert all(r.reason == "timeout" for r in results)
    assert elapsed >= 3 * 0.5 - 0.05  # one at a time to the same host


def test_fetch_many_of_nothing_is_empty() -> None:
    assert fetch_many([], FAST) == []


def test_spooled_bodies_wait_in_files_and_are_read_back_once(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    requests = [(http_server.url("/feed/plain"), None, None),
                (http_server.url("/feed/gzip"), None, None),
                (http_server.url("/status/404"), None, None)]
    results = fetch_many(requests, FAST, spool_dir=str(tmp_path))

    ok, failed = results[:2], results[2]
    assert [(r.outcome, r.body) for r in ok] == [("ok", b""), ("ok", b"")]
    files = sorted(Path(r.body_file or "") for r in ok)
    assert sorted(tmp_path.iterdir()) == files and len(set(files)) == 2
    assert (failed.outcome, failed.body_file) == ("terminal", None)
    assert [read_body(r) for r in ok] == [ICONV_FEED.read_bytes()] * 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ["/big", "/big-chunked", "/gzip-bomb", "/bad-gzip", "/trickle"])
def test_a_refused_body_leaves_no_file_in_the_spool(
    http_server: LoopbackServer, tmp_path: Path, path: str
) -> None:
    policy = replace(FAST, read_timeout=1.0, total_timeout=1.5)
    result = fetch_url(http_server.url(path), policy, spool_dir=str(tmp_path))
    assert result.outcome in ("terminal", "transient") and result.body_file is None
    assert list(tmp_path.iterdir()) == []


def test_a_spool_that_cannot_be_written_is_a_transient_failure(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    result = fetch_url(http_server.url("/ok"), FAST, spool_dir=str(tmp_path / "gone"))
    assert (result.outcome, result.reason, result.status) == ("transient", "spool_error", 200)
    assert str(tmp_path / "gone") in result.detail


def _self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """Write a certificate for 127.0.0.1 signed by its own key; return (cert, key) paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(
            "127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture()
def https_site(tmp_path: Path) -> Iterator[tuple[NewsSite, Path]]:
    """The news site over HTTPS, with a certificate no public CA signed; yields it and the
    certificate's path."""
    cert_path, key_path = _self_signed_certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    site = NewsSite(tls=context)
    site.put("/page.html", "<html><body>signed by nobody</body></html>")
    try:
        yield site, cert_path
    finally:
        site.close()


def test_https_certificates_are_verified_on_every_fetch(
        https_site: tuple[NewsSite, Path]) -> None:
    """Clients share one TLS context; every fetch through it still checks the certificate."""
    site, cert_path = https_site
    page = site.url("/page.html")
    # The site itself works for a client that trusts its certificate.
    trusting = ssl.create_default_context(cafile=str(cert_path))
    with httpx.Client(verify=trusting) as client:
        assert client.get(page).text == "<html><body>signed by nobody</body></html>"

    results = [*fetch_many([(page, None, None), (page, None, None)], FAST),
               fetch_url(page, FAST)]
    for result in results:
        assert (result.outcome, result.reason, result.body) == ("transient", "connect_error", b"")
        assert "CERTIFICATE_VERIFY_FAILED" in result.detail
    assert site.hits["/page.html"] == 1  # only the trusting client's request got through
