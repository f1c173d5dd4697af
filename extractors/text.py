"""Article text: the main text and metadata of one fetched HTML page, via trafilatura.

Public API
----------
``extract_article_text(html, *, url=None, charset=None) -> ArticleText | None``
    ``html`` is the page body as fetched (``FetchResult.body``), ``charset`` the one from the HTTP
    Content-Type (``FetchResult.charset``), ``url`` the final URL (helps metadata). Returns
    ``None`` when the page has no main text; never raises for bad input.

Decoding order: BOM, then the HTTP ``charset``, then ``<meta charset>`` / ``http-equiv`` in the
first 64 KiB, then strict UTF-8, then detection (charset_normalizer, via trafilatura), then UTF-8
with replacement characters. A gzip-compressed body (a saved ``.html.gz``) is inflated first,
capped like any other body.

Outcomes::

    extract_article_text
    ├── ArticleText   main text found (comments excluded; no JavaScript is ever run)
    └── None          no main text, or input refused:
        ├── empty / whitespace / not HTML at all / main text under MIN_TEXT_CHARS
        ├── larger than MAX_HTML_BYTES (raw or after gzip inflation)
        └── HTML that trafilatura or lxml cannot handle (logged at WARNING with the error)
"""

from __future__ import annotations

import codecs
import logging
import re
import zlib
from dataclasses import dataclass
from datetime import date

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document
from trafilatura.utils import decode_file, load_html

from extractors.bylines import byline_author

# trafilatura's fast mode skips its fallback extractors. On the 224 corpus pages it lost text
# only where its result came out under 900 characters (4 pages; full mode found 2-17 times
# more), and never on the 14 pages between 1,000 and 1,500; so a short result is redone in
# full mode, which costs about 1.5 times a fast extraction.
FULL_MODE_BELOW_CHARS = 1000

__all__ = ["ArticleText", "MAX_HTML_BYTES", "MIN_TEXT_CHARS", "extract_article_text"]

LOGGER = logging.getLogger(__name__)

# Same cap as FetchPolicy.max_bytes: larger pages are refused rather than parsed.
MAX_HTML_BYTES = 5_000_000
# Shorter "main text" is a menu or a cookie line that trafilatura's fallbacks picked up.
MIN_TEXT_CHARS = 50
_SNIFF_BYTES = 65_536
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
_META_LANG = re.compile(
    r"""<meta[^>]+http-equiv\s*=\s*["']?content-language["']?[^>]+content\s*=\s*["']?([A-Za-z-]+)""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Errors trafilatura/lxml raise on hostile markup instead of returning None.
_EXTRACTION_ERRORS = (
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    KeyError,
    RecursionError,
    UnicodeError,
    etree.LxmlError,
)


@dataclass(frozen=True)
class ArticleText:
    """Main text of a page, with the metadata trafilatura found."""

    text: str
    title: str | None
    author: str | None
    published: str | None  # ISO date, YYYY-MM-DD
    site_name: str | None
    language: str | None  # from <html lang> or Content-Language meta, e.g. "pl", "en-US"
    url: str | None = None  # the page's own canonical URL (rel=canonical / og:url), if stated


def extract_article_text(
    html: bytes, *, url: str | None = None, charset: str | None = None
) -> ArticleText | None:
    """Return the page's main text and metadata, or None when there is none."""
    if len(html) > MAX_HTML_BYTES:
        LOGGER.warning("page refused, %d bytes > %d: %s", len(html), MAX_HTML_BYTES, url)
        return None
    if html[:2] == b"\x1f\x8b":
        try:
            html = _gunzip(html)
        except (zlib.error, ValueError) as err:
            LOGGER.warning("gzip page does not inflate (%s): %s", err, url)
            return None
    if not html.strip():
        return None
    markup = _decode_html(html, charset)
    try:
        tree = load_html(markup)
        if tree is None:
            return None
        page = _page_metadata(tree, url)
        main_text = _main_text(tree, url, fast=True)
        if len(main_text) < FULL_MODE_BELOW_CHARS:
            main_text = max(main_text, _main_text(tree, url, fast=False), key=len)
        if len(main_text) < MIN_TEXT_CHARS:
            return None
        # Last, because the byline search prunes the tree in place.
        page.author = page.author or byline_author(tree)
    except _EXTRACTION_ERRORS as err:
        LOGGER.warning("extraction failed (%s: %s): %s", type(err).__name__, err, url)
        return None
    return ArticleText(
        text=main_text,
        title=_clean(page.title),
        author=_clean(page.author),
        published=_clean(page.date),
        site_name=_clean(page.sitename),
        language=_clean(page.language) or _page_language(markup),
        url=_clean(page.url) if (page.url or "").startswith(("http://", "https://")) else None,
    )


def _main_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    """Return trafilatura's main text of the page ("" when none); the tree is left intact."""
    document = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
        fast=fast,
    )
    return (document.text or "").strip() if isinstance(document, Document) else ""


def _page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """Return title, author, date, site name and URL, by trafilatura's own metadata steps.

    The author comes only from metadata here; ``byline_author`` looks for it in the page's byline.

    The same steps as ``trafilatura.metadata.extract_metadata`` minus categories, tags and
    licence, which iswatch does not store, and with htmldate's quick date search: the
    metadata, time elements and URL give the same date as the full-text search on 220 of the
    224 corpus pages, for a fraction of the time.
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # noqa: BLE001 - trafilatura's JSON-LD reader has known bugs
        LOGGER.debug("JSON-LD metadata unreadable: %s", err)
    metadata.title = metadata.title or extract_title(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    metadata.date = find_date(tree, url=metadata.url, original_date=True,
                              extensive_search=False, max_date=date.today().isoformat())
    metadata.sitename = (metadata.sitename or extract_sitename(tree) or "").lstrip("@") or None
    return metadata


def _decode_html(html: bytes, charset: str | None = None) -> str:
    """Decode page bytes to text: BOM, HTTP charset, meta charset, UTF-8, detection."""
    for bom, bom_encoding in _BOMS:
        if html.startswith(bom):
            return html.decode(bom_encoding, errors="replace")
    head = html[:_SNIFF_BYTES]
    meta = _META_CHARSET.search(head)
    candidates = [charset, meta.group(1).decode("ascii", "ignore") if meta else None, "utf-8"]
    for candidate in candidates:
        encoding = _codec(candidate)
        if encoding is None:
            continue
        try:
            return html.decode(encoding)
        except UnicodeDecodeError:
            continue
    # trafilatura's own cascade: charset_normalizer guesses, then UTF-8 with replacements.
    return decode_file(html)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    # Browsers read "iso-8859-1"/"ascii" labels as windows-1252 (WHATWG Encoding); so do we.
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def _page_language(markup: str) -> str | None:
    head = markup[:_SNIFF_BYTES]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1) if match else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _gunzip(body: bytes) -> bytes:
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    data = inflater.decompress(body, MAX_HTML_BYTES + 1)
    if len(data) > MAX_HTML_BYTES or inflater.unconsumed_tail:
        raise ValueError(f"inflates beyond {MAX_HTML_BYTES} bytes")
    return data
