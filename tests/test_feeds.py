"""parse_feed over every fixture feed; identity, encodings, relative links, canonical URLs."""

from __future__ import annotations

import csv
import gzip
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors.feeds import ParsedFeed, body_hash, canonical_url, parse_feed
from extractors.fetching import FetchPolicy, fetch_url
from tests import httpserver
from tests.httpserver import LoopbackServer

http_server = httpserver.http_server  # the session fixture, until tests/conftest.py provides it

FEEDS = Path(__file__).parent / "fixtures" / "corpus" / "feeds"
FEED_URL = "https://feeds.example.org/news/rss.xml"
ICONV_TITLE = "Новости Оренбурга и области / Раздел Новости"

FEED_FILES = sorted(
    p.relative_to(FEEDS).as_posix()
    for p in FEEDS.rglob("*")
    if p.is_file() and not p.name.endswith((".tsv", ".serde.json"))
)


def _expectations() -> dict[str, dict[str, str]]:
    with (FEEDS / "feedparser" / "expectations.tsv").open(encoding="utf-8", newline="") as fh:
        return {
            "feedparser/" + row["path"]: row
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        }


EXPECTATIONS = _expectations()

# Files that must come back ok=False, with the reason. Everything else must be ok=True.
NOT_FEEDS = {
    "real/node-feedparser/notafeed.html": "not_a_feed",
    "real/rss-parser/unrecognized.rss": "not_a_feed",  # an HTML "Document Moved" page
    "real/feed-rs/rss_2.0_invalid_1.xml": "unparseable",  # truncated, no item survives
    "feedparser/illformed/rss_empty_document.xml": "unparseable",
    "feedparser/illformed/aaa_illformed.xml": "unparseable",
    "feedparser/illformed/undeclared_namespace.xml": "unparseable",
    "feedparser/encoding/bozo_invalid-bytes-with-bom.xml": "unparseable",
    "feedparser/entities/160.xml": "unparseable",
    "feedparser/entities/8217.xml": "unparseable",
    "feedparser/entities/attr_amp.xml": "unparseable",
    "feedparser/entities/doesnotexist.xml": "unparseable",
    "feedparser/entities/hellip.xml": "unparseable",
    "feedparser/entities/nbsp.xml": "unparseable",
}


def _headers(path: str) -> dict[str, str]:
    """The HTTP headers feedparser's own tests simulate for this fixture, as parse_feed kwargs."""
    raw = EXPECTATIONS.get(path, {}).get("http_headers") or ""
    kwargs: dict[str, str] = {}
    if ":" in raw:
        name, value = (part.strip() for part in raw.split(":", 1))
        key = {
            "content-type": "content_type",
            "content-location": "content_location",
            "content-language": "content_language",
        }.get(name.lower())
        if key:
            kwargs[key] = value
    return kwargs


def _parse_file(path: str) -> ParsedFeed:
    return parse_feed((FEEDS / path).read_bytes(), url=FEED_URL, **_headers(path))


def test_fixture_set_is_complete() -> None:
    assert len(FEED_FILES) == 150 + 12 + 20 + 18
    assert set(NOT_FEEDS) <= set(FEED_FILES)


@pytest.mark.parametrize("path", FEED_FILES)
def test_every_fixture_parses_or_says_why(path: str) -> None:
    result = _parse_file(path)
    if path in NOT_FEEDS:
        assert (result.ok, result.reason) == (False, NOT_FEEDS[path])
        assert result.entries == () and result.detail
        return
    assert result.ok and result.reason is None
    for entry in result.entries:
        assert entry.item_key.split(":", 1)[0] in ("guid", "url", "hash")
        assert entry.published is None or entry.published.utcoffset().total_seconds() == 0
        assert entry.url is None or entry.url.startswith(("http://", "https://"))
        assert "<script" not in entry.summary.lower() + entry.content.lower()
    keys = [e.item_key for e in result.entries]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    "path", [p for p, row in EXPECTATIONS.items() if row["expect"].startswith("not bozo")]
)
def test_feedparser_wellformed_fixtures_carry_no_warning(path: str) -> None:
    result = _parse_file(path)
    assert result.ok and result.warning is None, result.detail


def _rss(items: str, *, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (
        f"{declaration}<rss version='2.0'><channel><title>T</title>"
        f"<link>https://example.org/</link>{items}</channel></rss>"
    ).encode()


def test_duplicate_guids_collapse_to_the_first_entry() -> None:
    body = _rss(
        "<item><guid isPermaLink='false'>g-1</guid><title>first</title></item>"
        "<item><guid isPermaLink='false'>g-1</guid><title>again</title></item>"
        "<item><guid>https://e.org/2</guid><title>other</title></item>"
        "<item><guid>https://e.org/2</guid><title>other again</title></item>"
    )
    result = parse_feed(body, url=FEED_URL)
    assert [(e.item_key, e.title) for e in result.entries] == [
        ("guid:g-1", "first"),
        ("guid:https://e.org/2", "other"),
    ]
    assert [r.reason for r in result.rejected] == ["duplicate", "duplicate"]


def test_real_feed_with_repeated_guid_element_yields_one_entry() -> None:
    result = _parse_file("real/node-feedparser/guid-dupes.xml")
    assert [e.item_key for e in result.entries] == ["guid:http://www.braingle.com/50366.html"]


def test_identity_falls_back_from_guid_to_url_to_hash() -> None:
    body = _rss(
        "<item><link>https://E.org:443/a?utm_source=rss#top</link><title>linked</title></item>"
        "<item><title>only a title</title><description>and text</description></item>"
    )
    linked, hashed = parse_feed(body, url=FEED_URL).entries
    assert linked.guid is None
    assert linked.item_key == "url:https://e.org/a"
    assert linked.canonical_url == "https://e.org/a"
    assert hashed.item_key.startswith("hash:") and len(hashed.item_key) == 5 + 64
    again = parse_feed(body, url=FEED_URL).entries[1]
    assert again.item_key == hashed.item_key  # stable across runs


def test_entries_without_identity_or_with_bad_links_are_rejected_not_dropped() -> None:
    body = _rss(
        "<item><description></description></item>"
        "<item><title>x</title><link>javascript:alert(1)</link></item>"
        "<item><title>kept</title><link>https://e.org/ok</link></item>"
    )
    result = parse_feed(body, url=FEED_URL)
    assert [e.title for e in result.entries] == ["kept"]
    assert sorted(r.reason for r in result.rejected) == ["bad_url_scheme", "no_identity"]


def test_relative_links_resolve_against_feed_url() -> None:
    result = _parse_file("real/node-feedparser/rss-with-relative-urls.xml")
    assert result.entries[0].url == (
        "https://feeds.example.org/en/games/neverwinter/news/detail/"
        "10743874-neverwinter-%26-jingle-jam-humble-bundle%21"
    )


def test_relative_links_honour_item_xml_base() -> None:
    result = _parse_file("real/node-feedparser/rss-with-item-scoped-html-base.xml")
    assert result.entries[0].url == "https://example.com/first/first"


def test_content_location_overrides_the_fetch_url_as_base() -> None:
    body = (FEEDS / "real/feed-rs/atom_relative.xml").read_bytes()
    result = parse_feed(body, url=FEED_URL, content_location="https://example.com/blog/feed.xml")
    assert result.entries[0].url == "https://example.com/blog/2003/12/13/atom03"


def test_windows_1251_feed_decodes() -> None:
    result = _parse_file("real/node-feedparser/iconv.xml")
    assert result.ok and result.warning is None
    assert result.title == ICONV_TITLE
    assert len(result.entries) == 10
    assert "Бузулуке" in result.entries[0].title


def test_gzip_body_of_a_feed_is_inflated() -> None:
    plain = _parse_file("real/node-feedparser/iconv.xml")
    packed = _parse_file("real/node-feedparser/compressed.xml")
    assert packed.ok and packed.entries == plain.entries


def test_corrupt_gzip_body_is_unparseable() -> None:
    body = gzip.compress(b"<rss/>" * 100)[:40]
    assert (parse_feed(body, url=FEED_URL).reason) == "unparseable"


def test_http_charset_overrides_the_xml_declaration() -> None:
    text = "<item><guid>1</guid><title>Київ</title></item>"
    body = _rss(text, declaration='<?xml version="1.0" encoding="utf-8"?>')
    body = body.decode().encode("cp1251")
    result = parse_feed(body, url=FEED_URL, content_type="application/rss+xml; charset=cp1251")
    assert result.entries[0].title == "Київ"


def test_undeclared_koi8r_is_detected() -> None:
    result = _parse_file("feedparser/illformed/chardet/koi8r.xml")
    assert result.entries[0].summary.startswith("Наверное, единственное")


def test_undeclared_latin1_keeps_western_reading() -> None:
    result = _parse_file("real/rss-parser/uolNoticias.rss")
    assert any("Líder" in e.summary for e in result.entries)


def test_html_is_not_a_feed() -> None:
    body = (FEEDS / "real/node-feedparser/notafeed.html").read_bytes()
    result = parse_feed(body, url=FEED_URL, content_type="text/html; charset=utf-8")
    assert (result.ok, result.reason) == (False, "not_a_feed")


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\xff" * 1000, b"{not json", b"[1, 2]"])
def test_garbage_never_raises(body: bytes) -> None:
    result = parse_feed(body, url=FEED_URL)
    assert not result.ok and result.reason in ("not_a_feed", "unparseable")


def test_entity_expansion_bomb_is_harmless() -> None:
    lol = "".join(
        f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
        "<rss version='2.0'><channel><item><title>&l9;</title></item></channel></rss>"
    ).encode()
    started = time.monotonic()
    result = parse_feed(body, url=FEED_URL)
    assert time.monotonic() - started < 5
    assert all(len(e.title) < 1_000_000 for e in result.entries)


def test_json_feed_is_parsed() -> None:
    result = _parse_file("real/feed-rs/jsonfeed_elastic_1.1.json")
    assert result.ok and result.format == "json11"
    assert result.title == "Blog – InfluxData"
    assert len(result.entries) == 3
    first = result.entries[0]
    assert first.item_key == "url:" + first.url  # these items carry no id
    assert first.url.startswith("https://www.influxdata.com/blog/influxdb-outperforms-graphite")
    assert first.published == datetime(2019, 5, 31, 19, 17, 58, tzinfo=UTC)  # RFC 822 in JSON
    assert first.content.startswith("This blog post has been updated")
    assert first.author == "Chris Churilo, Fake Author 1"


def test_json_feed_1_0_example() -> None:
    result = _parse_file("feedparser/json/example.json")
    assert (result.ok, result.title, len(result.entries)) == (True, "My Example Feed", 2)
    assert all(e.item_key.startswith("guid:") for e in result.entries)


def test_json_that_is_not_a_feed() -> None:
    result = parse_feed(b'{"hello": "world"}', url=FEED_URL, content_type="application/json")
    assert (result.ok, result.reason) == (False, "not_a_feed")


def test_fields_are_plain_text_and_dates_utc() -> None:
    body = _rss(
        "<item><guid>1</guid><title>A &amp; B</title>"
        "<description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</description>"
        "<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
        "<![CDATA[<p>Body</p><script>alert(1)</script><p>more</p>]]></content:encoded>"
        "<pubDate>Thu, 19 Jun 2014 06:00:00 +0300</pubDate>"
        "<author>desk@example.org (News Desk)</author></item>"
    )
    entry = parse_feed(body, url=FEED_URL).entries[0]
    assert entry.title == "A & B"
    assert entry.summary == "Hello world"
    assert entry.content == "Body\n\nmore"
    assert entry.published == datetime(2014, 6, 19, 3, 0, tzinfo=UTC)
    assert entry.author and "News Desk" in entry.author


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (
            "HTTP://Example.COM:80/a/b?utm_source=x&b=2&a=1&fbclid=zz#frag",
            "http://example.com/a/b?a=1&b=2",
        ),
        ("https://example.com:443/p?gclid=1", "https://example.com/p"),
        ("https://example.com:8443/p", "https://example.com:8443/p"),
        ("https://example.com/a/../b/./c", "https://example.com/b/c"),
        ("https://example.com/news/", "https://example.com/news/"),
        ("https://example.com/a?utm_medium=rss&utm_campaign=z", "https://example.com/a"),
        ("  https://example.com/x  ", "https://example.com/x"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_body_hash_is_stable_and_content_sensitive() -> None:
    assert body_hash(b"abc") == body_hash(b"abc")
    assert body_hash(b"abc") != body_hash(b"abd")
    assert body_hash(b"").startswith("sha256:")


def test_fetched_feed_with_http_charset_parses(http_server: LoopbackServer) -> None:
    policy = FetchPolicy(allow_hosts=("127.0.0.1",), retries=0, total_timeout=5)
    for path in ("/feed/plain", "/feed/gzip"):
        fetched = fetch_url(http_server.url(path), policy)
        header = f"{fetched.content_type}; charset={fetched.charset}"
        result = parse_feed(fetched.body, url=fetched.url, content_type=header)
        assert result.ok and result.title == ICONV_TITLE and len(result.entries) == 10
