"""One fetched page to one article record: text, metadata and facts.

What an extraction worker process runs (see ``flows.parallel``); it imports only the
extractors and the record types, no database and no Prefect.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.analysis import ISW, AttributionProfile, analyse_article, with_headline
from extractors.fetching import FetchResult, read_body
from extractors.text import extract_article_text
from warehouse.records import ArticleRecord, QueuedArticle

# A page that failed this often for transient reasons is given up: the feed's own summary
# becomes its text.
MAX_FETCH_ATTEMPTS = 3


@dataclass(frozen=True)
class FetchedPage:
    article: QueuedArticle
    result: FetchResult


def build_article(page: FetchedPage, profile: AttributionProfile = ISW) -> ArticleRecord:
    """Return the article record for a fetched page: its text, metadata and analysis.

    A page that could not be fetched (terminally, or transiently too often) or yields no
    text falls back to the feed entry's own content; a transient failure is retried later.
    """
    article, result = page.article, page.result
    base = ArticleRecord(
        article_id=article.article_id, url=article.url, guid=article.guid,
        outlet=article.outlet, title=article.title, published_at=article.published_at,
        feed_summary=article.feed_summary,
    )
    extracted = None
    if result.outcome == "ok":
        extracted = extract_article_text(read_body(result), url=result.url,
                                         charset=result.charset)
        if extracted is None:
            result = replace(result, outcome="terminal", reason="no_text",
                             detail="the page has no extractable main text")
    if extracted is not None:
        return replace(
            base,
            title=extracted.title or article.title,
            author=extracted.author,
            published_at=extracted.published or article.published_at,
            site_name=extracted.site_name,
            language=extracted.language,
            text=extracted.text,
            text_source="page",
            analysis=analyse_article(with_headline(extracted.title or article.title,
                                                 extracted.text), profile),
        )
    gave_up = result.outcome == "terminal" or article.fetch_attempts + 1 >= MAX_FETCH_ATTEMPTS
    if not gave_up:
        return replace(base, fetch_status="retry", fetch_reason=result.reason)
    fallback = article.feed_summary
    return replace(
        base,
        fetch_status="failed",
        fetch_reason=result.reason,
        text=fallback,
        text_source="feed" if fallback else "none",
        analysis=analyse_article(with_headline(article.title, fallback), profile)
        if fallback else None,
    )
