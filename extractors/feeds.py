"""Feed parsing: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed bytes into a ``ParsedFeed``.

Public API
----------
``parse_feed(body, *, url, content_type=None, content_location=None, content_language=None)``
    -> ``ParsedFeed``. Parses bytes already fetched (see ``extractors.fetching``); it never touches
    the network or the file system. RSS/Atom go through ``feedparser`` with the HTTP headers the
    fetch saw, so the charset in ``Content-Type`` wins over the XML declaration as the RFCs say.
    JSON Feed 1.0/1.1 is parsed here because feedparser 6.0 does not support it.
``canonical_url(url) -> str``
    The URL used for deduplication: scheme/host lower-cased, default port, fragment and tracking
    parameters (``utm_*``, ``fbclid``, ``gclid``, …, via ``courlan.normalize_url``) removed,
    query parameters sorted.
``body_hash(body) -> str``
    ``sha256:<hex>`` of the raw bytes, to notice an unchanged feed served without validators.

Outcomes. ``parse_feed`` never raises for bad input; problems are data::

    ParsedFeed
    ├── ok=True, warning=None        a well-formed feed (zero entries is still ok)
    ├── ok=True, warning="…"         feedparser flagged it ("bozo") but entries were recovered;
    │                                undeclared non-UTF-8 bodies are re-read with a detected
    │                                charset (charset_normalizer) before giving up on the text
    └── ok=False, reason=
        ├── "not_a_feed"             HTML or some other document, well-formed or not
        └── "unparseable"            empty, corrupt gzip, invalid JSON, or XML so malformed that
                                     no entry was recovered
    RejectedEntry.reason (entries that could not be kept, each recorded, none dropped silently)
    ├── "no_identity"                no GUID, no usable link and no title/summary to hash
    ├── "bad_url_scheme"             the link is not http(s) (javascript:, data:, mailto:, …)
    └── "duplicate"                  same item_key as an earlier entry of the same feed

Identity. ``FeedEntry.item_key`` is ``"guid:<guid>"``, else ``"url:<canonical_url>"``, else
``"hash:<sha256 of title + summary>"``. GUIDs are unique only within a feed, so store the key
together with the feed's own key. feedparser resolves a permalink GUID (RSS ``<guid>`` without
``isPermaLink="false"``) against the base like a link, so a relative one becomes absolute.
Text fields are plain text: HTML is stripped (scripts/styles
dropped) after feedparser's sanitiser ran. ``published`` is timezone-aware UTC, from the
published date, else the updated date.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import io
import json
import posixpath
import re
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import charset_normalizer
import feedparser
from courlan import normalize_url

__all__ = [
    "FeedEntry",
    "ParsedFeed",
    "RejectedEntry",
    "body_hash",
    "canonical_url",
    "parse_feed",
]

# A feed body handed to us gzip-compressed (served as a .gz file without Content-Encoding) is
# inflated up to this size; beyond it the body is refused rather than exhausting memory.
MAX_INFLATED_BYTES = 20_000_000
_JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(\.\d+)?/?$")
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF|channel)[\s>]", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


@dataclass(frozen=True)
class FeedEntry:
    """One feed item, with a stable key and plain-text fields."""

    item_key: str  # "guid:…", "url:…" or "hash:…" (see module docstring)
    guid: str | None
    url: str | None  # absolute http(s) link as published (relative links resolved)
    canonical_url: str | None  # canonical_url(url)
    title: str
    summary: str  # plain text
    content: str  # content:encoded / Atom content as plain text, or ""
    published: datetime | None  # timezone-aware UTC
    author: str | None


@dataclass(frozen=True)
class RejectedEntry:
    """An entry that could not be kept, and why; stored so nothing disappears silently."""

    reason: str  # "no_identity", "bad_url_scheme", "duplicate"
    detail: str
    url: str | None


@dataclass(frozen=True)
class ParsedFeed:
    """The result of parsing one feed body."""

    ok: bool  # False: not a feed or unparseable, ``reason`` says which
    reason: str | None  # "not_a_feed", "unparseable" or None
    warning: str | None  # set when a malformed ("bozo") feed still yielded a feed
    title: str
    entries: tuple[FeedEntry, ...]
    rejected: tuple[RejectedEntry, ...]
    detail: str = ""  # one human line about ``reason`` or ``warning``
    format: str = ""  # feedparser version string ("rss20", "atom10", …) or "json11"


def body_hash(body: bytes) -> str:
    """Return ``sha256:<hex>`` of ``body``."""
    return "sha256:" + hashlib.sha256(body).hexdigest()


def canonical_url(url: str) -> str:
    """Return the dedup form of ``url`` (see module docstring); unparseable input comes back
    stripped but otherwise unchanged."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return url
        path = parts.path
        if path:
            # Resolve "." and ".." segments; keep a meaningful trailing slash.
            normal = posixpath.normpath(path)
            if path.endswith("/") and normal != "/":
                normal += "/"
            path = "/" + normal.lstrip("/")
        cleaned = normalize_url(urlunsplit((parts.scheme, parts.netloc, path, parts.query, "")))
    except ValueError:
        return url
    return urlunsplit(urlsplit(cleaned)._replace(fragment=""))


def parse_feed(
    body: bytes,
    *,
    url: str,
    content_type: str | None = None,
    content_location: str | None = None,
    content_language: str | None = None,
) -> ParsedFeed:
    """Parse a fetched feed body into entries; never raises for malformed input.

    ``url`` is the URL the body came from (final URL after redirects); it is the base for
    relative links unless ``content_location`` or the document's ``xml:base`` says otherwise.
    ``content_type`` is the full HTTP header value, charset included.
    """
    if body[:2] == b"\x1f\x8b":
        try:
            body = _gunzip(body)
        except (zlib.error, ValueError) as err:
            return _failed("unparseable", f"gzip body does not inflate: {err}")
    if not body.strip():
        return _failed("unparseable", "empty body")

    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    first = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"{" or ("json" in media_type and first != b"<"):
        return _parse_json_feed(body, url)

    # Without a Content-Type feedparser calls the feed malformed; application/xml is the
    # neutral choice that lets the XML declaration / BOM decide the encoding (RFC 7303).
    headers = {
        "content-location": content_location or url,
        "content-type": content_type or "application/xml",
    }
    if content_language:
        headers["content-language"] = content_language
    parsed = _feedparser_parse(body, headers)
    exc = parsed.get("bozo_exception")
    if isinstance(exc, feedparser.CharacterEncodingOverride) and "charset=" not in (
        content_type or ""
    ).lower().replace(" ", ""):
        # Declared (or defaulted to) UTF-8 but is not: feedparser falls back to windows-1252,
        # which garbles Cyrillic and CJK feeds. A detected charset, passed as the HTTP charset,
        # usually recovers the text; keep it only if it parses at least as well.
        guess = _guess_charset(body)
        if guess and guess not in ("utf_8", "ascii", "cp1252"):
            headers["content-type"] = f"{headers['content-type']}; charset={guess}"
            retry = _feedparser_parse(body, headers)
            if len(retry.get("entries") or []) >= len(parsed.get("entries") or []):
                parsed = retry
    return _from_feedparser(parsed, body)


def _feedparser_parse(body: bytes, headers: dict[str, str]) -> Any:
    return feedparser.parse(
        io.BytesIO(body),
        response_headers=dict(headers),
        resolve_relative_uris=True,
        sanitize_html=True,
    )


def _guess_charset(body: bytes) -> str | None:
    """A detected charset other than windows-1252, or None to keep feedparser's reading."""
    matches = list(charset_normalizer.from_bytes(body[:200_000]))
    if not matches:
        return None
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 0.01]
    # Latin-1-family text fits several single-byte code pages equally well; feedparser's own
    # windows-1252 fallback is then the better bet than whichever one the detector ranks first.
    if any(m.encoding in _WESTERN for m in plausible):
        return None
    return plausible[0].encoding


# bozo reasons that leave the XML itself intact: the feed is read, only the charset is in doubt.
_ENCODING_ONLY = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})


# -- RSS / Atom via feedparser ---------------------------------------------------------------


def _from_feedparser(parsed: Any, body: bytes) -> ParsedFeed:
    version = parsed.get("version") or ""
    raw_entries = parsed.get("entries") or []
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warning = f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"

    head = body[:4096]
    if not version and not raw_entries:
        if _HTML_SNIFF.search(head) and not _FEED_SNIFF.search(head):
            return _failed("not_a_feed", "HTML document, not a feed")
        if warning:
            return _failed("unparseable", warning)
        return _failed("not_a_feed", "no RSS/Atom root element")
    if not raw_entries and _HTML_SNIFF.search(head) and not _FEED_SNIFF.search(head):
        return _failed("not_a_feed", "HTML document, not a feed")

    exc = parsed.get("bozo_exception")
    if not raw_entries and warning and not isinstance(exc, _ENCODING_ONLY):
        # Malformed and nothing recovered: an empty-but-valid feed cannot be told apart from
        # one whose items were lost, so flag it instead of reporting "no news".
        return _failed("unparseable", warning)

    feed_info = parsed.get("feed") or {}
    entries, rejected = _collect(_feedparser_item(e) for e in raw_entries)
    return ParsedFeed(
        ok=True,
        reason=None,
        warning=warning,
        title=_detail_text(feed_info, "title"),
        entries=entries,
        rejected=rejected,
        detail=warning or "",
        format=version or "unknown",
    )


def _feedparser_item(entry: Mapping[str, Any]) -> dict[str, Any]:
    content_parts = [
        _to_text(part.get("value", ""), part.get("type", "text/html"))
        for part in entry.get("content") or []
    ]
    # dict.get: FeedParserDict.get maps updated_parsed to published_parsed with a warning.
    plain: dict[str, Any] = entry  # type: ignore[assignment]  # a FeedParserDict
    when = dict.get(plain, "published_parsed") or dict.get(plain, "updated_parsed")
    return {
        "guid": entry.get("id"),
        "link": entry.get("link"),
        "title": _detail_text(entry, "title"),
        "summary": _detail_text(entry, "summary"),
        "content": "\n\n".join(p for p in content_parts if p),
        "published": _struct_to_utc(when),
        "author": entry.get("author"),
    }


def _detail_text(node: Mapping[str, Any], key: str) -> str:
    value = node.get(key) or ""
    detail = node.get(f"{key}_detail") or {}
    return _to_text(value, detail.get("type", "text/html"))


def _struct_to_utc(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


# -- JSON Feed -------------------------------------------------------------------------------


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        return _failed("unparseable", f"invalid JSON: {err}")
    if not isinstance(document, dict) or not _JSON_FEED_VERSION.match(
        str(document.get("version", ""))
    ):
        return _failed("not_a_feed", "JSON without a jsonfeed.org version")
    items = document.get("items")
    if not isinstance(items, list):
        return _failed("unparseable", "JSON Feed without an items list")
    base = url
    feed_url = document.get("feed_url")
    if isinstance(feed_url, str) and feed_url:
        base = urljoin(url, feed_url)
    version = str(document["version"]).rstrip("/").rsplit("/", 1)[-1]
    entries, rejected = _collect(_json_item(item, base) for item in items if isinstance(item, dict))
    skipped = [
        RejectedEntry("no_identity", "JSON Feed item is not an object", None)
        for item in items
        if not isinstance(item, dict)
    ]
    return ParsedFeed(
        ok=True,
        reason=None,
        warning=None,
        title=_plain(html.unescape(str(document.get("title") or ""))),
        entries=entries,
        rejected=rejected + tuple(skipped),
        format="json" + version.replace(".", ""),
    )


def _json_item(item: Mapping[str, Any], base: str) -> dict[str, Any]:
    link = item.get("url") or item.get("external_url")
    if isinstance(link, str) and link.strip():
        link = urljoin(base, link.strip())
    else:
        link = None
    guid = item.get("id")
    authors = item.get("authors") or (
        [item["author"]] if isinstance(item.get("author"), dict) else []
    )
    names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
    content = item.get("content_html")
    content_text = (
        _to_text(content, "text/html")
        if isinstance(content, str)
        else _plain(str(item.get("content_text") or ""))
    )
    return {
        "guid": str(guid) if guid is not None and not isinstance(guid, dict | list) else None,
        "link": link,
        "title": _plain(html.unescape(str(item.get("title") or ""))),
        "summary": _to_text(str(item.get("summary") or ""), "text/html"),
        "content": content_text,
        "published": _iso_to_utc(item.get("date_published") or item.get("date_modified")),
        "author": ", ".join(str(n) for n in names) or None,
    }


def _iso_to_utc(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        # The spec says RFC 3339, but real feeds (WordPress) emit RFC 822 dates.
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# -- shared: identity, dedup, rejection ------------------------------------------------------


def _collect(
    items: Iterable[dict[str, Any]],
) -> tuple[tuple[FeedEntry, ...], tuple[RejectedEntry, ...]]:
    entries: list[FeedEntry] = []
    rejected: list[RejectedEntry] = []
    seen: set[str] = set()
    for item in items:
        made = _make_entry(item)
        if isinstance(made, RejectedEntry):
            rejected.append(made)
        elif made.item_key in seen:
            rejected.append(
                RejectedEntry("duplicate", f"repeats {made.item_key} earlier in the feed", made.url)
            )
        else:
            seen.add(made.item_key)
            entries.append(made)
    return tuple(entries), tuple(rejected)


def _make_entry(item: dict[str, Any]) -> FeedEntry | RejectedEntry:
    guid = item["guid"].strip() if isinstance(item["guid"], str) and item["guid"].strip() else None
    link = item["link"].strip() if isinstance(item["link"], str) and item["link"].strip() else None
    title, summary = item["title"], item["summary"]
    url: str | None = None
    if link is not None:
        try:
            parts = urlsplit(link)
            scheme, host = parts.scheme.lower(), parts.hostname
        except ValueError:
            scheme, host = "", None
        if scheme not in ("http", "https"):
            return RejectedEntry(
                "bad_url_scheme", f"link scheme {scheme or '(none)'!r} is not http(s)", link
            )
        if host:
            url = link
    canonical = canonical_url(url) if url else None
    if guid:
        key = f"guid:{guid}"
    elif canonical:
        key = f"url:{canonical}"
    elif title or summary:
        key = "hash:" + hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    else:
        return RejectedEntry("no_identity", "no guid, no link and no title or summary", link)
    author = item["author"]
    return FeedEntry(
        item_key=key,
        guid=guid,
        url=url,
        canonical_url=canonical,
        title=title,
        summary=summary,
        content=item["content"],
        published=item["published"],
        author=_plain(author) or None if isinstance(author, str) else None,
    )


def _failed(reason: str, detail: str) -> ParsedFeed:
    return ParsedFeed(False, reason, None, "", (), (), detail=detail)


def _gunzip(body: bytes) -> bytes:
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    data = inflater.decompress(body, MAX_INFLATED_BYTES + 1)
    if len(data) > MAX_INFLATED_BYTES or inflater.unconsumed_tail:
        raise ValueError(f"inflates beyond {MAX_INFLATED_BYTES} bytes")
    return data


# -- HTML to text ----------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _to_text(value: str, mime: str | None) -> str:
    """Plain text of a feed field: HTML/XHTML is stripped, plain text only tidied."""
    if not value:
        return ""
    if mime and "html" not in mime:
        return _plain(value)
    collector = _TextCollector()
    collector.feed(value)
    collector.close()
    return _plain("".join(collector.parts))


def _plain(text: str) -> str:
    lines = (_WHITESPACE.sub(" ", line).strip() for line in text.replace("\xa0", " ").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
