"""The command line as a user meets it: output, exit status, and what it leaves behind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from extractors.analysis import EXTRACTOR_VERSION, analyse_article
from flows import maintenance
from flows.cli import COMMANDS, main
from flows.passes import PASS_LEASE
from flows.settings import Settings
from tests.conftest import PROJECT_ROOT
from tests.site import NewsSite
from warehouse.db import Warehouse
from warehouse.load import ArticleRecord, load_articles
from warehouse.novelty import NoveltyPolicy
from warehouse.queries import run_query
from warehouse.state import acquire_lease


def write_config(tmp_path: Path, settings_dict: dict[str, Any]) -> Path:
    import json as _json

    def toml_value(value: Any) -> str:
        return _json.dumps(value)

    lines = []
    for section, values in settings_dict.items():
        if section == "feeds":
            for feed in values:
                lines.append("[[feeds]]")
                lines += [f"{k} = {toml_value(v)}" for k, v in feed.items()]
            continue
        lines.append(f"[{section}]")
        lines += [f"{k} = {toml_value(v)}" for k, v in values.items()]
    path = tmp_path / "iswatch.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    return path


def test_help_lists_every_command_with_a_description(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name, (_, description) in COMMANDS.items():
        assert re.search(rf"^\s+{name}\b", out, re.MULTILINE), name
        assert description.split()[0] in out


def test_readme_documents_every_command() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"`iswatch {name}" in readme, f"README does not document iswatch {name}"


def test_readme_quickstart_is_two_commands_and_ci_runs_the_test_command() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1]
    block = quickstart.split("```", 2)[1].split("\n", 1)[1]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "iswatch run" in commands[0] and "pytest" in commands[1]
    assert commands[1] in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_seed_manifest_lists_existing_articles_and_unique_valid_feeds() -> None:
    manifest = tomllib.loads((PROJECT_ROOT / "seeds" / "manifest.toml").read_text("utf-8"))
    assert len(manifest["articles"]) == 2
    for article in manifest["articles"]:
        assert (PROJECT_ROOT / "seeds" / article["file"]).is_file()
        assert article["url"].startswith("https://") and article["outlet"]
    names = [f["name"] for f in manifest["feeds"]]
    urls = [f["url"] for f in manifest["feeds"]]
    assert len(set(names)) == len(names) == len(set(urls)) == 3
    assert any("understandingwar.org" in u for u in urls)
    assert all(u.startswith("https://") for u in urls)


def test_extract_jsonl_follows_the_scorer_contract_without_importing_prefect() -> None:
    lines = [
        {"id": "t1", "text": "Russia wants more land.\nThe Kremlin demanded that Ukraine withdraw"
                             " from Kherson Oblast, ISW said."},
        {"id": "h1", "html": "<html><body><article><p>" + "The Institute for the Study of War "
                             "said Russian forces advanced near Pokrovsk in Donetsk Oblast. " * 3
                             + "</p></article></body></html>"},
    ]
    probe = ("import sys; from flows.cli import main; code = main(['extract', '--jsonl']);"
             "print('PREFECT' if 'prefect' in sys.modules else 'NO-PREFECT', file=sys.stderr);"
             "sys.exit(code)")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT,
                          input="".join(json.dumps(x) + "\n" for x in lines),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().endswith("NO-PREFECT")
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in results] == ["t1", "h1"]
    for result in results:
        assert set(result) >= {"id", "statements", "regions", "demands"}
    assert "UA-65" in results[0]["regions"]
    assert results[0]["statements"][0]["kind"] == "paraphrase"
    assert "UA-14" in results[1]["regions"]


def test_extract_rejects_a_line_that_is_not_json(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "a", "text": "x"}\nnot json\n'))
    assert main(["extract", "--jsonl"]) == 1
    out, err = capsys.readouterr()
    assert "line 2: not a JSON object" in err
    # The line read before the bad one is answered, although its batch was not full.
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]


def test_extract_rejects_a_text_that_is_not_a_string(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "a", "text": "x"}\n'
                                                  '{"id": "b", "text": 5}\n'))
    assert main(["extract", "--jsonl"]) == 1
    out, err = capsys.readouterr()
    assert 'line 2: "text" and "html" must be strings' in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]


def test_extract_jsonl_in_batches_answers_every_line_in_order(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    lines = [{"id": f"n{k}", "text": f"Russia demands that Ukraine cede Kherson Oblast. {k}"}
             for k in range(7)]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(json.dumps(x) + "\n" for x in lines)))
    assert main(["extract", "--jsonl", "--batch", "3"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in results] == [x["id"] for x in lines]
    assert all(r["regions"] == ["UA-65"] for r in results)


def test_extract_jsonl_batch_of_one_answers_each_line_before_the_next_is_sent() -> None:
    import select

    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "extract", "--jsonl",
                             "--batch", "1"], cwd=PROJECT_ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for k, region in enumerate(["Kherson Oblast", "Kharkiv Oblast"]):
            proc.stdin.write(json.dumps({"id": f"q{k}", "text": f"ISW said Russia wants {region}."})
                             + "\n")
            proc.stdin.flush()
            # Read with stdin still open: a reply held back for a fuller batch never comes.
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no reply while the input stays open"
            reply = json.loads(proc.stdout.readline())
            assert reply["id"] == f"q{k}"
            assert reply["regions"] == [["UA-65", "UA-63"][k]]
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()


def test_extract_batch_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--jsonl", "--batch", "0"])
    assert exit_.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_extract_files_prints_one_result_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    seed = PROJECT_ROOT / "seeds" / "000_3fb1af54abccdd8a.txt"
    assert main(["extract", str(seed)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"UA-63", "UA-59"} <= set(result["regions"])
    assert result["statements"]


def test_sql_before_any_pass_says_so(tmp_path: Path, settings_dict: dict[str, Any],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, settings_dict)
    assert main(["sql", "select 1", "--config", str(config)]) == 1
    assert "does not exist yet" in capsys.readouterr().err


def test_sql_formats_and_errors(tmp_path: Path, settings_dict: dict[str, Any],
                                capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, settings_dict)
    Warehouse(settings_dict["warehouse"]["path"]).migrate()
    query = "select 'UA-12' as code, 2 as n union all select 'UA-14', 1 order by n desc"
    assert main(["sql", query, "--config", str(config), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["code,n", "UA-12,2", "UA-14,1"]
    assert main(["sql", query, "--config", str(config), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"code": "UA-12", "n": 2},
                                                   {"code": "UA-14", "n": 1}]
    assert main(["sql", query, "--config", str(config)]) == 0
    assert "(2 rows)" in capsys.readouterr().out
    assert main(["sql", "select * from no_such_table", "--config", str(config)]) == 1
    assert "no_such_table" in capsys.readouterr().err
    assert main(["sql", "drop table articles", "--config", str(config)]) == 1
    assert "read-only" in capsys.readouterr().err


def test_sql_waits_for_a_writing_pass_then_answers(tmp_path: Path, settings_dict: dict[str, Any],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, settings_dict)
    warehouse = Warehouse(settings_dict["warehouse"]["path"])
    warehouse.migrate()
    holding = threading.Event()

    def hold_write_lock() -> None:
        # Another process holds the file in real life; DuckDB's lock is per process, so the
        # holder runs in a child process here.
        proc = subprocess.Popen(
            [sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]);"
             "print('held', flush=True); time.sleep(1.5)", str(warehouse.path)],
            stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        proc.stdout.readline()
        holding.set()
        proc.wait()

    thread = threading.Thread(target=hold_write_lock)
    thread.start()
    assert holding.wait(20)
    started = time.monotonic()
    assert main(["sql", "select count(*) as runs from runs", "--config", str(config)]) == 0
    waited = time.monotonic() - started
    thread.join()
    assert "runs" in capsys.readouterr().out
    assert waited > 0.2, "the query should have waited for the writer"


def test_a_warehouse_path_that_is_not_a_duckdb_file_fails_clearly_and_is_left_alone(
    prefect_server: None, tmp_path: Path, settings_dict: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, settings_dict)
    path = Path(settings_dict["warehouse"]["path"])
    path.parent.mkdir(parents=True, exist_ok=True)
    notes = b"analyst notes, not a warehouse\n" * 200
    path.write_bytes(notes)
    assert main(["run", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"cannot open {path}" in err and "not a valid DuckDB database file" in err
    assert main(["sql", "select 1", "--config", str(config)]) == 1
    assert "not a valid DuckDB database file" in capsys.readouterr().err
    assert path.read_bytes() == notes


def test_overlapping_pass_is_refused_and_a_stale_lease_is_recovered(
    prefect_server: None, tmp_path: Path, settings_dict: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, settings_dict)
    warehouse = Warehouse(settings_dict["warehouse"]["path"])
    with warehouse.writing() as conn:
        acquire_lease(conn, PASS_LEASE, "other-host:123:running", timedelta(minutes=5))
    assert main(["run", "--config", str(config)]) == 3
    assert "another pass is running (other-host:123:running" in capsys.readouterr().err
    assert run_query(warehouse.path, "SELECT count(*) FROM articles")[1] == [(0,)]

    with warehouse.writing() as conn:
        conn.execute("UPDATE leases SET expires_at = now() - INTERVAL 1 MINUTE")
    assert main(["run", "--config", str(config)]) == 0
    assert run_query(warehouse.path, "SELECT count(*) FROM leases")[1] == [(0,)]
    assert run_query(warehouse.path, "SELECT count(*) FROM articles")[1] == [(2,)]


def test_status_tells_the_last_pass_and_feed_health(
    prefect_server: None, tmp_path: Path, settings_dict: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, settings_dict)
    assert main(["status", "--config", str(config)]) == 0
    assert "no pass has run" in capsys.readouterr().out
    assert main(["run", "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["status", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"last pass: \w+ completed", out)
    assert "alerts pending delivery: 0" in out
    assert "cron '0 */2 * * *'" in out


def test_backfill_urls_then_pages_idempotently_and_reextract_finds_nothing_new(
    tmp_path: Path, settings_dict: dict[str, Any], capsys: pytest.CaptureFixture[str],
) -> None:
    site = NewsSite()
    try:
        config = write_config(tmp_path, settings_dict)
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# backfill\n{site.url('/article-dnipro.html')}\n\n"
                        f"{site.url('/article-dnipro.html')}#again\n"
                        f"{site.url('/gone.html')}\nftp://example.org/x\n", encoding="utf-8")
        assert main(["backfill", str(urls), "--config", str(config)]) == 0
        assert "1 articles loaded, 2 failed" in capsys.readouterr().out
        db = Path(settings_dict["warehouse"]["path"])
        assert run_query(db, "SELECT text_source, fetch_status FROM articles ORDER BY 1")[1] == [
            ("none", "failed"), ("page", "ok")]
        assert main(["backfill", str(urls), "--config", str(config)]) == 0
        assert run_query(db, "SELECT count(*) FROM articles")[1] == [(2,)]

        pages = tmp_path / "pages"
        pages.mkdir()
        (pages / "saved.html").write_text(
            site.pages["/article-sanctions.html"][0].decode(), encoding="utf-8")
        (pages / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
        assert main(["backfill", str(pages), "--config", str(config)]) == 0
        assert main(["backfill", str(pages), "--config", str(config)]) == 0
        assert run_query(db, "SELECT count(*) FROM articles WHERE text_source = 'file'")[1] == [
            (1,)]
        assert run_query(db, "SELECT reason FROM failures WHERE url LIKE '%empty.html'")[1] == [
            ("no_text",), ("no_text",)]
        before = run_query(db, "SELECT (SELECT count(*) FROM statements), "
                               "(SELECT count(*) FROM demands), (SELECT count(*) FROM alerts)")
        capsys.readouterr()
        assert main(["reextract", "--all", "--config", str(config)]) == 0
        assert "0 new alerts" in capsys.readouterr().out
        assert run_query(db, "SELECT (SELECT count(*) FROM statements), "
                             "(SELECT count(*) FROM demands), (SELECT count(*) FROM alerts)") \
            == before
        assert main(["backfill", str(tmp_path / "nothing"), "--config", str(config)]) == 2
    finally:
        site.close()


def test_reextract_goes_through_a_large_warehouse_a_chunk_at_a_time(
    tmp_path: Path, settings_dict: dict[str, Any], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(maintenance, "REEXTRACT_CHUNK", 7)
    config = write_config(tmp_path, settings_dict)
    warehouse = Warehouse(Path(settings_dict["warehouse"]["path"]))
    text = ("The Institute for the Study of War (ISW) assessed that the Kremlin demands all of "
            "Donetsk Oblast. ") * 30  # two text parts
    records = [ArticleRecord(f"a{i:02d}", f"https://news.example/{i}", text=text,
                             text_source="page", analysis=analyse_article(text))
               for i in range(25)]
    assert records[0].analysis and len(records[0].analysis.statements) == 30
    with warehouse.writing() as conn:
        load_articles(conn, "r0", records, NoveltyPolicy())
        # Articles an older extractor read, whose facts this one has not written yet.
        conn.execute("UPDATE articles SET extractor_version = '0.0' WHERE article_id < 'a20'")
        conn.execute("DELETE FROM statements WHERE article_id < 'a20'")
    capsys.readouterr()

    assert main(["reextract", "--config", str(config)]) == 0

    assert "0 new alerts" in capsys.readouterr().out
    db = warehouse.path
    assert run_query(db, "SELECT count(*), count(DISTINCT article_id) FROM statements")[1] == [
        (750, 25)]
    assert run_query(db, "SELECT DISTINCT extractor_version FROM articles")[1] == [
        (EXTRACTOR_VERSION,)]
    assert run_query(db, "SELECT trigger, status, statements FROM runs"
                         " WHERE trigger = 'reextract'")[1] == [
        ("reextract", "completed", 600)]


def test_settings_object_round_trips_for_the_flow(settings_dict: dict[str, Any]) -> None:
    settings = Settings.model_validate(settings_dict)
    assert settings.fetch.allow_hosts == ("127.0.0.1",)


def test_sql_answers_while_a_real_pass_runs(tmp_path: Path, settings_dict: dict[str, Any],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = NewsSite()
    try:
        settings_dict["feeds"] = [{"name": "loopback-news", "url": site.url("/feed.xml")}]
        config = write_config(tmp_path, settings_dict)
        Warehouse(settings_dict["warehouse"]["path"]).migrate()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("ISWATCH_", "PREFECT_API"))}
        # The pass runs in its own process with its own temporary Prefect server, as a
        # scheduled pass would next to an analyst's query.
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--config",
                                 str(config)], cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        statuses, exits = [], []
        while proc.poll() is None:
            exits.append(main(["sql", "select status from runs", "--config", str(config),
                               "--format", "csv"]))
            statuses += capsys.readouterr().out.split()[1:]
            time.sleep(0.2)
        assert proc.returncode == 0
        assert exits and set(exits) == {0}, "every query during the pass was answered"
        assert "running" in statuses, "some queries ran while the pass was in progress"
    finally:
        site.close()
