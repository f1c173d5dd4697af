"""The records that travel between the pipeline's stages and the warehouse.

Plain dataclasses with no database in them, so extraction worker processes can build and
send them without loading DuckDB.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime

from extractors.analysis import ArticleAnalysis


def article_id_for(canonical_url: str | None, item_key: str | None = None) -> str:
    """Return the stable id of an article: a hash of its canonical URL, else of its item key."""
    basis = canonical_url or item_key
    if not basis:
        raise ValueError("an article needs a canonical URL or an item key")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def text_hash(text: str | None) -> str | None:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text else None


@dataclass(frozen=True)
class SpooledText:
    """An article's text waiting in a UTF-8 file for the warehouse to read it (DuckDB's
    ``read_text``), so that it need not pass through the writing process's memory."""

    path: str
    digest: str  # ``text_hash`` of the text
    characters: int  # code points, as ``len`` counts them


@dataclass(frozen=True)
class Sighting:
    """One feed listing the article under one URL."""

    feed_id: str
    item_key: str
    url: str | None


@dataclass(frozen=True)
class ArticleRecord:
    """An article ready for the warehouse: its metadata, text, analysis and sightings."""

    article_id: str
    url: str | None
    canonical_url: str | None = None
    guid: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published_at: str | None = None
    site_name: str | None = None
    language: str | None = None
    text: str | None = None
    text_source: str = "none"
    feed_summary: str | None = None
    is_seed: bool = False
    fetch_status: str = "ok"
    fetch_reason: str | None = None
    analysis: ArticleAnalysis | None = None
    sightings: tuple[Sighting, ...] = field(default_factory=tuple)
    spooled_text: SpooledText | None = None  # the text, when it waits in a file (``text`` None)

    @property
    def text_digest(self) -> str | None:
        """The ``text_hash`` of the text, wherever it is; None without a text."""
        return self.spooled_text.digest if self.spooled_text else text_hash(self.text)


def spool_text(record: ArticleRecord, directory: str) -> ArticleRecord:
    """Return ``record`` with its text moved to a new file in ``directory``; a record without
    a text, or whose file cannot be written (a full disk), is returned as it is: its text is
    then stored from memory."""
    if not record.text:
        return record
    try:
        handle, path = tempfile.mkstemp(dir=directory, prefix=f"{record.article_id}-",
                                        suffix=".txt")
    except OSError:
        return record
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(record.text)
    except OSError:
        os.unlink(path)
        return record
    return replace(record, text=None,
                   spooled_text=SpooledText(path, text_hash(record.text) or "",
                                            len(record.text)))


@dataclass(frozen=True)
class QueuedArticle:
    """An article waiting for its page to be fetched, with what its feed said about it."""

    article_id: str
    url: str | None
    guid: str | None
    title: str | None
    feed_summary: str | None
    published_at: str | None
    outlet: str | None
    fetch_attempts: int = 0
    first_seen_at: datetime | None = None
