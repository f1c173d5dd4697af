"""Whole passes of the real ``monitor`` flow: seeds, a loopback news site, the warehouse."""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flows.cli import main
from flows.memory import MALLOC_ARENAS, _glibc
from flows.settings import Settings
from tests.site import NewsSite, news_site
from warehouse.queries import run_query
from warehouse.records import text_hash

DATA_TABLES = ("articles", "article_texts", "sightings", "statements", "region_mentions",
               "demands", "alerts", "feeds", "known_terms")


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    yield from news_site()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"


def counts(path: Path) -> dict[str, int]:
    return {t: run_query(path, f"SELECT count(*) FROM {t}")[1][0][0] for t in DATA_TABLES}


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    return run_query(path, sql)[1]


def write_config(tmp_path: Path, settings_dict: dict[str, Any], feeds: list[dict[str, str]]
                 ) -> Path:
    import tomllib  # noqa: F401  (the file below must parse as TOML)

    lines = [f'[warehouse]\npath = "{settings_dict["warehouse"]["path"]}"\n',
             f'[seeds]\npath = "{settings_dict["seeds"]["path"]}"\n',
             '[fetch]\nallow_hosts = ["127.0.0.1"]\nconnect_timeout = 2\nread_timeout = 2\n'
             'total_timeout = 5\nretries = 0\n',
             f'[alerts]\noutbox = "{settings_dict["alerts"]["outbox"]}"\n']
    for feed in feeds:
        lines.append(f'[[feeds]]\nname = "{feed["name"]}"\nurl = "{feed["url"]}"\n')
    path = tmp_path / "iswatch.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_first_pass_loads_seeds_reports_unreachable_feed_and_repeats_identically(
    prefect_server: None, tmp_path: Path, settings_dict: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, settings_dict,
                          [{"name": "unreachable", "url": closed_port_url()}])
    assert main(["run", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "seeds loaded as baseline: 2 articles" in out
    assert "1 polled, 1 failed" in out
    assert "✗ unreachable: unreachable, connect_error" in out
    db = Path(settings_dict["warehouse"]["path"])
    first = counts(db)
    assert first["articles"] == 2 and first["statements"] > 0 and first["demands"] > 0
    assert first["alerts"] == 0, "the seeds are the baseline and never alert"
    assert rows(db, "SELECT list_sort(list(DISTINCT r)) FROM demands, unnest(regions) t(r) "
                    "WHERE actor = 'RU' AND demand_type = 'territorial'") == [
        (["UA-09", "UA-14", "UA-23", "UA-59", "UA-63", "UA-65"],)]

    assert main(["run", "--config", str(config)]) == 0
    assert counts(db) == first
    assert rows(db, "SELECT feed_id, last_status, last_reason, consecutive_failures "
                    "FROM feeds") == [("unreachable", "transient", "connect_error", 2)]
    assert rows(db, "SELECT status, count(*) FROM runs GROUP BY 1") == [("completed", 2)]
    capsys.readouterr()

    assert main(["sql", "select count(*) as n from statements", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].strip() == "n" and str(first["statements"]) in out


def test_pass_over_a_news_site_loads_articles_alerts_once_and_second_pass_is_free(
    prefect_server: None, tmp_path: Path, settings_dict: dict[str, Any], site: NewsSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flows.monitor import run_pass

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    settings_dict["feeds"] = [{"name": "loopback-news", "url": site.url("/feed.xml")},
                              {"name": "also-news", "url": site.url("/feed.xml")}]
    settings = Settings.model_validate(settings_dict)
    summary = run_pass(settings)
    db = settings.warehouse.path

    assert summary.counts["feeds_polled"] == 2 and summary.counts["feeds_failed"] == 0
    # Three items, listed by two feeds: three articles, six sightings.
    assert rows(db, "SELECT count(*) FROM articles WHERE NOT is_seed") == [(3,)]
    assert rows(db, "SELECT count(*) FROM sightings") == [(6,)]
    by_url = dict(rows(db, "SELECT canonical_url, text_source FROM articles WHERE NOT is_seed"))
    assert by_url[site.url("/article-dnipro.html")] == "page", "utm_* removed, page extracted"
    assert by_url[site.url("/missing-article.html")] == "feed", "404 falls back to the summary"
    # pymp-*: multiprocessing's own folder, if this test started the fork server
    assert [p for p in temporary.iterdir() if not p.name.startswith("pymp-")] == [], \
        "the pages' bodies waited in files, all gone"
    assert rows(db, "SELECT reason FROM failures WHERE stage = 'article'") == [("http_404",)]
    assert rows(db, "SELECT title, site_name FROM articles WHERE url LIKE '%dnipro%'") == [
        ("Kremlin widens territorial demands to Dnipropetrovsk Oblast, ISW says",
         "Loopback News")]
    alerts = dict(rows(db, "SELECT alert_id, status FROM alerts"))
    assert alerts.get("new_region:UA-12") == "sent"
    assert alerts.get("new_demand:RU/sanctions_relief") == "sent"
    outbox = list(Path(settings_dict["alerts"]["outbox"]).glob("*.eml"))
    assert len(outbox) == 1
    message = outbox[0].read_text(encoding="utf-8")
    assert "Dnipropetrovsk (UA-12)" in message and "sanctions" in message.lower()
    # Two seeds and three articles have a text (the one whose page failed: its feed summary).
    assert rows(db, "SELECT count(*) FROM articles JOIN article_texts USING (article_id)") == [
        (5,)]
    # Each page's text waited in a file for DuckDB to read it; the hash is of what was stored.
    [(stored_hash, text)] = rows(db, "SELECT text_hash, text FROM articles JOIN article_texts"
                                     " USING (article_id) WHERE url LIKE '%dnipro%'")
    assert stored_hash == text_hash(text) and "Dnipropetrovsk" in text
    # Between passes the file alone holds everything: a copy of just it (a backup) lacks nothing.
    backup = tmp_path / "backup.duckdb"
    shutil.copyfile(db, backup)
    assert counts(backup) == counts(db)

    before = counts(db)
    page_hits = site.hits["/article-dnipro.html"]
    second = run_pass(settings)
    assert counts(db) == before
    assert second.counts["feeds_not_modified"] == 2
    assert second.counts["pages_extracted"] == 0 and second.counts["feeds_parsed"] == 0
    assert site.hits["/article-dnipro.html"] == page_hits
    assert len(list(Path(settings_dict["alerts"]["outbox"]).glob("*.eml"))) == 1


def test_unchanged_body_from_a_server_ignoring_conditional_headers_costs_nothing(
    prefect_server: None, settings_dict: dict[str, Any], site: NewsSite,
) -> None:
    from flows.monitor import run_pass

    site.honour_conditional = False
    settings_dict["feeds"] = [{"name": "loopback-news", "url": site.url("/feed.xml")}]
    settings = Settings.model_validate(settings_dict)
    run_pass(settings)
    second = run_pass(settings)
    assert second.counts["feeds_not_modified"] == 1 and second.counts["feeds_parsed"] == 0
    assert rows(settings.warehouse.path,
                "SELECT last_status, not_modified_polls, polls FROM feeds") == [
        ("unchanged", 1, 2)]


def test_opt_in_health_items_report_a_failing_feed_once_and_a_stale_watch(
    prefect_server: None, settings_dict: dict[str, Any],
) -> None:
    from flows.monitor import run_pass

    settings_dict["feeds"] = [{"name": "dead-feed", "url": closed_port_url()}]
    settings_dict["fetch"].update(failing_passes_flag=2, retries=0)
    settings_dict["alerts"]["health"] = True
    settings = Settings.model_validate(settings_dict)
    outbox = Path(settings_dict["alerts"]["outbox"])
    db = settings.warehouse.path

    run_pass(settings)
    assert not list(outbox.glob("*.eml"))
    run_pass(settings)
    messages = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                for p in outbox.glob("*.eml")]
    assert len(messages) == 1
    assert messages[0]["Subject"] == (
        "iswatch: pipeline health — feed dead-feed failing 2 passes in a row")
    text = messages[0].get_body(("plain",)).get_content()
    assert "Pipeline health" in text and "connect_error" in text
    run_pass(settings)
    assert len(list(outbox.glob("*.eml"))) == 1, "the same failure streak is reported once"

    from warehouse.db import Warehouse

    with Warehouse(db).writing() as conn:
        conn.execute("UPDATE runs SET finished_at = finished_at - INTERVAL 2 DAY")
    run_pass(settings)
    stale = rows(db, "SELECT article_title FROM alerts WHERE alert_id LIKE 'health:stale:%'")
    assert len(stale) == 1 and stale[0][0].startswith("no completed pass for 4")
    assert len(list(outbox.glob("*.eml"))) == 2


def test_page_budget_leaves_the_rest_queued_for_the_next_pass(
    prefect_server: None, settings_dict: dict[str, Any], site: NewsSite,
) -> None:
    from flows.monitor import run_pass

    settings_dict["feeds"] = [{"name": "loopback-news", "url": site.url("/feed.xml")}]
    settings_dict["fetch"]["max_articles_per_pass"] = 2
    settings = Settings.model_validate(settings_dict)
    db = settings.warehouse.path
    run_pass(settings)
    assert rows(db, "SELECT fetch_status = 'pending', count(*) FROM articles WHERE NOT is_seed "
                    "GROUP BY 1 ORDER BY 1") == [(False, 2), (True, 1)]
    run_pass(settings)
    assert rows(db, "SELECT count(*) FROM articles WHERE fetch_status = 'pending'") == [(0,)]
    assert rows(db, "SELECT count(*) FROM articles WHERE NOT is_seed") == [(3,)]


def test_article_chunks_can_run_on_a_dask_cluster_by_configuration(
    prefect_server: None, settings_dict: dict[str, Any], site: NewsSite,
) -> None:
    from flows.monitor import run_pass

    settings_dict["feeds"] = [{"name": "loopback-news", "url": site.url("/feed.xml")}]
    settings_dict["prefect"] = {"task_runner": "dask", "dask_workers": 2}
    settings = Settings.model_validate(settings_dict)
    summary = run_pass(settings)
    db = settings.warehouse.path
    assert summary.counts["articles_new"] + summary.counts["articles_failed"] == 3
    assert rows(db, "SELECT text_source, count(*) FROM articles WHERE NOT is_seed "
                    "GROUP BY 1 ORDER BY 1") == [("feed", 1), ("page", 2)]
    alerts = dict(rows(db, "SELECT alert_id, status FROM alerts"))
    assert alerts.get("new_region:UA-12") == "sent"
    assert rows(db, "SELECT status FROM runs") == [("completed",)]


ARENA_COUNT = """
import ctypes, os, sys, tempfile, threading
if "--import-monitor" in sys.argv:
    import flows.monitor  # noqa: F401
all_running = threading.Barrier(6)
def allocate():
    all_running.wait()  # no thread ends and leaves its arena free for the next
    blocks = [bytearray(4096) for _ in range(200)]
    all_running.wait()
    del blocks
threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "malloc.xml")
    stream = libc.fopen(path.encode(), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(open(path).read().count("<heap nr="))
"""


def test_a_pass_process_keeps_its_threads_to_the_capped_malloc_arenas() -> None:
    # glibc gives every new thread that allocates an arena of its own, each keeping its own
    # free space; importing the flow caps them before Prefect or a pass starts a thread.
    if _glibc() is None:
        pytest.skip("malloc arenas are glibc's")

    def arenas(*args: str) -> int:
        done = subprocess.run([sys.executable, "-c", ARENA_COUNT, *args], capture_output=True,
                              text=True, check=True, cwd=Path(__file__).resolve().parents[1])
        return int(done.stdout.split()[-1])

    assert arenas() > MALLOC_ARENAS  # without the cap, the threads got arenas of their own
    assert arenas("--import-monitor") == MALLOC_ARENAS


def test_a_pass_reporting_to_a_prefect_server_delivers_its_task_run_events(
    prefect_server: None, settings_dict: dict[str, Any],
) -> None:
    # The pass's events client confirms its events every second or ten events
    # (flows.prefect_events); the server must still get every task run's states.
    from prefect.client.orchestration import get_client
    from prefect.events.filters import EventFilter, EventNameFilter, EventRelatedFilter

    from flows.monitor import run_pass

    settings = Settings.model_validate(settings_dict)
    run_pass(settings)
    [(flow_run_id,)] = rows(settings.warehouse.path, "SELECT flow_run_id FROM runs")
    wanted = {(state, task) for state in ("Pending", "Running", "Completed")
              for task in ("load-seeds", "poll-feeds", "deliver-alerts")}
    received: set[tuple[str, str]] = set()
    deadline = time.monotonic() + 30  # the server stores events in batches
    with get_client(sync_client=True) as client:
        while not wanted <= received and time.monotonic() < deadline:
            page = client.read_events(filter=EventFilter(
                related=EventRelatedFilter(id=[f"prefect.flow-run.{flow_run_id}"]),
                event=EventNameFilter(prefix=["prefect.task-run."])), limit=50)
            received = {(event.event.rsplit(".", 1)[1],
                         event.resource["prefect.resource.name"].rsplit("-", 1)[0])
                        for event in page.events}
            time.sleep(0.2)
    assert wanted <= received


def test_events_are_confirmed_often_only_when_reporting_to_a_self_hosted_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prefect.events.clients import PrefectEventsClient
    from prefect.events.worker import EventsWorker
    from prefect.settings import PREFECT_API_KEY, PREFECT_API_URL, temporary_settings

    from flows.prefect_events import (
        CHECKPOINT_EVERY_EVENTS,
        CHECKPOINT_INTERVAL_SECONDS,
        confirm_events_often,
    )

    monkeypatch.setattr(EventsWorker, "_client_override", None)
    ours = (PrefectEventsClient, (("checkpoint_every", CHECKPOINT_EVERY_EVENTS),
                                  ("checkpoint_interval", CHECKPOINT_INTERVAL_SECONDS)))
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert confirm_events_often()
    assert EventsWorker._client_override == ours
    cloud = "https://api.prefect.cloud/api/accounts/a/workspaces/w"
    with temporary_settings({PREFECT_API_URL: cloud, PREFECT_API_KEY: "key"}):
        assert not confirm_events_often()
    assert EventsWorker._client_override is None, "Prefect Cloud keeps Prefect's own client"
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        confirm_events_often()
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert not confirm_events_often()
    assert EventsWorker._client_override is None, "an ephemeral API starts its own server"
    # Someone else's choice of client (Prefect's test utilities, say) is left alone.
    theirs = (PrefectEventsClient, (("checkpoint_every", 5),))
    monkeypatch.setattr(EventsWorker, "_client_override", theirs)
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert not confirm_events_often()
    assert EventsWorker._client_override == theirs
