"""Feed ingestion over a real loopback server: every corpus feed, and every kind of bad feed.

Assertions are on warehouse rows and feed health, the things an operator and an analyst see.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractors.feeds import parse_feed
from flows.settings import Settings
from tests.httpserver import CORPUS, LoopbackServer
from tests.site import NewsSite, news_site
from warehouse.queries import run_query

FEED_FILES = sorted(
    p for p in (CORPUS / "feeds").rglob("*")
    if p.is_file() and p.suffix in (".xml", ".rss", ".atom", ".rdf", ".json", ".html")
    and not p.name.endswith(".serde.json")
)


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    yield from news_site()


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    return run_query(path, sql)[1]


def test_every_corpus_feed_yields_its_entries_or_a_recorded_reason(
    prefect_server: None, settings_dict: dict[str, Any], http_server: LoopbackServer,
) -> None:
    from flows.monitor import run_pass

    assert len(FEED_FILES) >= 150
    feeds = [{"name": str(p.relative_to(CORPUS / "feeds")),
              "url": http_server.url("/corpus/" + str(p.relative_to(CORPUS)))}
             for p in FEED_FILES]
    settings_dict["feeds"] = feeds
    settings_dict["fetch"]["max_articles_per_pass"] = 0  # corpus links point at the internet
    settings = Settings.model_validate(settings_dict)
    summary = run_pass(settings)
    db = settings.warehouse.path

    assert summary.counts["feeds_polled"] == len(feeds)
    health = {name: (status, reason) for name, status, reason in rows(
        db, "SELECT feed_id, last_status, last_reason FROM feeds")}
    sightings = dict(rows(db, "SELECT feed_id, count(*) FROM sightings GROUP BY 1"))
    feed_failures = {r[0] for r in rows(db, "SELECT feed_id FROM failures WHERE stage='feed'")}
    for feed, path in zip(feeds, FEED_FILES, strict=True):
        status, reason = health[feed["name"]]
        expected = parse_feed(path.read_bytes(), url=feed["url"])
        if expected.ok:
            assert status == "ok", (feed["name"], status, reason)
            assert sightings.get(feed["name"], 0) == len(expected.entries), feed["name"]
        else:
            assert status == "terminal" and reason, feed["name"]
            assert feed["name"] in feed_failures
    assert health["real/node-feedparser/notafeed.html"] == ("terminal", "not_a_feed")
    assert sightings["real/node-feedparser/guid-dupes.xml"] < 10
    # Every entry is an article queued for its page, once, however many feeds list it.
    queued = rows(db, "SELECT count(*), count(DISTINCT article_id) FROM articles "
                      "WHERE fetch_status = 'pending'")[0]
    assert queued[0] == queued[1] > 400

    second = run_pass(settings)
    assert second.counts["feeds_parsed"] == 0
    assert second.counts["feeds_not_modified"] == sum(
        1 for s, _ in health.values() if s == "ok")


def test_mixed_good_and_bad_feeds_complete_and_record_each_failure(
    prefect_server: None, settings_dict: dict[str, Any], http_server: LoopbackServer,
    site: NewsSite,
) -> None:
    from flows.monitor import run_pass

    site.put("/flaky.xml", f"""<?xml version="1.0"?><rss version="2.0"><channel>
<title>Flaky</title><item><title>Retry me</title>
<link>{http_server.url("/flaky/ingest-article/3")}</link><guid>flaky-1</guid>
<description>Kremlin demands, ISW says.</description></item></channel></rss>""")
    bad = {
        "hangs": ("/hang", "timeout"),
        "server-error": ("/status/500", "http_500"),
        "gone-404": ("/status/404", "http_404"),
        "gone-410": ("/status/410", "http_410"),
        "rate-limited": ("/status/429", "http_429"),
        "redirect-loop": ("/redirect-loop", "too_many_redirects"),
        "fifty-mb": ("/big", "too_large"),
        "gzip-bomb": ("/gzip-bomb", "too_large"),
        "not-a-feed": ("/corpus/feeds/real/node-feedparser/notafeed.html", "not_a_feed"),
        "to-private": ("/redirect-to?to=http://10.1.2.3/feed", "blocked_address"),
    }
    settings_dict["feeds"] = (
        [{"name": "loopback-news", "url": site.url("/feed.xml")},
         {"name": "flaky", "url": site.url("/flaky.xml")}]
        + [{"name": name, "url": http_server.url(path)} for name, (path, _) in bad.items()]
    )
    settings_dict["fetch"].update(total_timeout=2, read_timeout=1, retries=1,
                                  failing_passes_flag=2)
    settings = Settings.model_validate(settings_dict)
    db = settings.warehouse.path

    first = run_pass(settings)
    assert first.counts["feeds_failed"] == len(bad)
    health = {r[0]: r[1:] for r in rows(
        db, "SELECT feed_id, last_status, last_reason, consecutive_failures FROM feeds")}
    for name, (_, reason) in bad.items():
        assert health[name][1] == reason, name
    assert health["loopback-news"] == ("ok", None, 0)
    assert {r[0] for r in rows(db, "SELECT feed_id FROM failures WHERE stage = 'feed'")} \
        == set(bad)
    assert rows(db, "SELECT transient FROM failures WHERE feed_id = 'rate-limited'") == [(True,)]
    assert http_server.hits("/status/429") >= 2, "a 429 is retried within the pass"
    assert rows(db, "SELECT count(*) FROM articles WHERE NOT is_seed AND fetch_status = 'ok'") \
        == [(2,)]
    assert rows(db, "SELECT fetch_status, fetch_reason FROM articles "
                    "WHERE url LIKE '%/flaky/%'") == [("retry", "http_503")]

    second = run_pass(settings)
    assert set(second.flagged_feeds) == set(bad)
    assert rows(db, "SELECT min(consecutive_failures), max(consecutive_failures) FROM feeds "
                    "WHERE feed_id <> 'loopback-news' AND feed_id <> 'flaky'") == [(2, 2)]
    # The transient article failure was retried in the later pass, and is not lost: the page
    # turned out to have no text, so the feed's summary became the article's text.
    assert rows(db, "SELECT fetch_status, fetch_reason, text_source FROM articles "
                    "WHERE url LIKE '%/flaky/%'") == [("failed", "no_text", "feed")]
    assert rows(db, "SELECT count(*) FROM articles WHERE NOT is_seed") == [(4,)]


def test_feeds_recorded_one_by_one_in_the_poll_workers_lose_nothing(
    prefect_server: None, settings_dict: dict[str, Any], http_server: LoopbackServer,
) -> None:
    """Each changed feed is parsed and recorded in a worker process, in a transaction of its
    own; every entry of every feed lands, and the feeds' health with it."""
    from flows.monitor import run_pass

    with_entries = [p for p in FEED_FILES
                    if len(parse_feed(p.read_bytes(), url="http://x/").entries) >= 3][:8]
    expected = {}
    for path in with_entries:
        name = str(path.relative_to(CORPUS))
        expected[name] = len(parse_feed(path.read_bytes(),
                                        url=http_server.url("/corpus/" + name)).entries)
    settings_dict["feeds"] = [{"name": name, "url": http_server.url("/corpus/" + name)}
                              for name in expected]
    settings_dict["fetch"]["max_articles_per_pass"] = 0
    settings = Settings.model_validate(settings_dict)

    summary = run_pass(settings)

    sightings = dict(rows(settings.warehouse.path,
                          "SELECT feed_id, count(*) FROM sightings GROUP BY 1"))
    assert sightings == expected
    assert summary.counts["entries_seen"] >= sum(expected.values())
    assert summary.counts["feeds_parsed"] == len(expected)
    assert len(rows(settings.warehouse.path,
                    "SELECT 1 FROM feeds WHERE last_status = 'ok' AND polls = 1")) == len(expected)
