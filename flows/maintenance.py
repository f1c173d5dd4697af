"""One-off jobs an operator runs by hand: backfill and re-extraction.

Both go through the same stages and the same warehouse loads as a scheduled pass, under the
same lease and with their own ``runs`` row, so a backfill never overlaps a pass and a rerun
changes nothing. They run without Prefect: they are started by hand, not scheduled.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from extractors.analysis import (
    EXTRACTOR_VERSION,
    analyse_article,
    analyse_articles,
    with_headline,
)
from extractors.feeds import FeedEntry, canonical_url
from extractors.text import extract_article_text
from flows import stages
from flows.articles import MAX_FETCH_ATTEMPTS
from flows.passes import warehouse_run
from flows.settings import Settings
from warehouse.db import Warehouse, scalar
from warehouse.load import ArticleRecord, Sighting, article_id_for, stored_texts, text_hash
from warehouse.state import FeedPollOutcome, queued_articles, record_polls

BACKFILL_FEED = "backfill"
REEXTRACT_CHUNK = 500
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


@dataclass(frozen=True)
class JobReport:
    run_id: str
    counts: dict[str, int]


def _progress(total: int, unit: str, description: str) -> tqdm:
    return tqdm(total=total, unit=unit, desc=description, file=sys.stderr,
                disable=None, leave=False)


def backfill(settings: Settings, source: Path) -> JobReport:
    """Load the article URLs listed in a file, or the saved pages of a folder; return counts."""
    warehouse = Warehouse(settings.warehouse.path, settings.warehouse.lock_wait_seconds)
    with warehouse_run(warehouse, "backfill") as run:
        if source.is_dir():
            _backfill_pages(warehouse, settings, run.run_id, source, run.counts)
        else:
            _backfill_urls(warehouse, settings, run.run_id, source, run.counts)
        return JobReport(run.run_id, dict(run.counts.values))


def read_url_list(path: Path) -> list[str]:
    """Return the http(s) URLs of a text file, one per line; blank lines and # comments skipped."""
    urls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


def _backfill_urls(warehouse: Warehouse, settings: Settings, run_id: str, source: Path,
                   counts) -> None:
    urls = read_url_list(source)
    entries = []
    rejected = 0
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            rejected += 1
            continue
        canonical = canonical_url(url)
        entries.append(FeedEntry(item_key=f"url:{canonical}", guid=None, url=url,
                                 canonical_url=canonical, title="", summary="", content="",
                                 published=None, author=None))
    poll = FeedPollOutcome(feed_id=BACKFILL_FEED, url=str(source), status="ok",
                           title="backfill", entries=tuple(entries))
    with warehouse.writing() as conn:
        seen, _ = record_polls(conn, run_id, [poll])
        queue = queued_articles(conn, MAX_FETCH_ATTEMPTS)
    counts.add(entries_seen=seen, articles_failed=rejected)
    wanted = {article_id_for(e.canonical_url) for e in entries}
    queue = [a for a in queue if a.article_id in wanted]
    policy = stages.fetch_policy(settings.fetch)
    with _progress(len(queue), "article", "backfill") as bar:
        for chunk in stages.chunks(queue, stages.ARTICLE_CHUNK):
            counts.add(**stages.process_chunk(warehouse, settings, run_id, chunk,
                                              policy).counts())
            bar.update(len(chunk))


def _saved_pages(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name.lower().endswith(HTML_SUFFIXES):
            yield path


def saved_page_record(path: Path, raw: bytes) -> ArticleRecord | None:
    """Return the article record of a saved page, or None when it has no main text."""
    extracted = extract_article_text(raw, url=None)
    if extracted is None:
        return None
    url = extracted.url
    identity = canonical_url(url) if url else f"file:{text_hash(extracted.text)}"
    return ArticleRecord(
        article_id=article_id_for(identity),
        url=url,
        canonical_url=canonical_url(url) if url else None,
        outlet=extracted.site_name,
        title=extracted.title,
        author=extracted.author,
        published_at=extracted.published,
        site_name=extracted.site_name,
        language=extracted.language,
        text=extracted.text,
        text_source="file",
        analysis=analyse_article(with_headline(extracted.title, extracted.text)),
        sightings=(Sighting(BACKFILL_FEED, f"file:{path.name}", url),),
    )


def _backfill_pages(warehouse: Warehouse, settings: Settings, run_id: str, folder: Path,
                    counts) -> None:
    paths = list(_saved_pages(folder))
    with _progress(len(paths), "page", "backfill") as bar:
        for chunk in stages.chunks(paths, stages.ARTICLE_CHUNK):
            records, failures = [], []
            for path in chunk:
                record = saved_page_record(path, path.read_bytes())
                if record is None:
                    failures.append(stages.FailureRecord(
                        "article", "no_text", "the page has no extractable main text",
                        BACKFILL_FEED, str(path)))
                else:
                    records.append(record)
            counts.add(**stages.load_records(warehouse, settings, run_id, records,
                                             failures).counts())
            counts.add(articles_failed=len(failures))
            bar.update(len(chunk))


def reextract(settings: Settings, *, only_outdated: bool = True) -> JobReport:
    """Re-run the extractors over stored article text; novelties only for what is truly new.

    Articles are read and rewritten ``REEXTRACT_CHUNK`` at a time, in ``article_id`` order, so
    memory stays the same however many articles the warehouse holds.
    """
    warehouse = Warehouse(settings.warehouse.path, settings.warehouse.lock_wait_seconds)
    with warehouse_run(warehouse, "reextract") as run:
        where = "text_hash IS NOT NULL"
        params: list[str] = []
        if only_outdated:
            where += " AND extractor_version IS DISTINCT FROM ?"
            params.append(EXTRACTOR_VERSION)
        with warehouse.reading() as conn:
            total = scalar(conn, f"SELECT count(*) FROM articles WHERE {where}", params)
        after = ""
        with _progress(total, "article", "reextract") as bar:
            while True:
                with warehouse.reading() as conn:
                    rows = conn.execute(
                        "SELECT article_id, url, canonical_url, guid, outlet, title, author,"
                        " published_at, site_name, language, text_source, feed_summary,"
                        " is_seed, fetch_status, fetch_reason FROM articles"
                        f" WHERE {where} AND article_id > ? ORDER BY article_id LIMIT ?",
                        [*params, after, REEXTRACT_CHUNK],
                    ).fetchall()
                    if not rows:
                        break
                    texts = stored_texts(conn, [row[0] for row in rows])
                after = rows[-1][0]
                with_text = [row for row in rows if row[0] in texts]
                analyses = analyse_articles(with_headline(row[5], texts[row[0]])
                                            for row in with_text)
                # The text goes between ``language`` and ``text_source``, as in ArticleRecord.
                records = [
                    ArticleRecord(*row[:10], texts[row[0]], *row[10:], analysis=analysis)
                    for row, analysis in zip(with_text, analyses, strict=True)
                ]
                counts = stages.load_records(warehouse, settings, run.run_id, records).counts()
                counts.pop("pages_extracted")
                counts["articles_new"] = 0
                run.counts.add(**counts)
                bar.update(len(rows))
        return JobReport(run.run_id, dict(run.counts.values))
