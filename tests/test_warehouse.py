"""The warehouse file: migrations, idempotent loads, novelty, readers between writes."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

import warehouse.db as warehouse_db
import warehouse.state as warehouse_state
from extractors.analysis import ArticleAnalysis, Demand, RegionMention, Statement
from warehouse.db import WRITES_PER_INSTANCE, Warehouse, WarehouseBusy
from warehouse.load import TEXT_PART_CHARS, ArticleRecord, Sighting, load_articles
from warehouse.novelty import NoveltyPolicy
from warehouse.queries import run_query
from warehouse.records import QueuedArticle, spool_text, text_hash
from warehouse.schema import MIGRATIONS
from warehouse.state import queue_position, queued_articles

PUBLIC_TABLES = ("feeds", "articles", "article_texts", "sightings", "statements",
                 "region_mentions", "demands",
                 "alerts", "runs", "failures")

# Four parts; paragraph breaks, Cyrillic and a flag (two code points) fall across part ends.
LONG_TEXT = ("ISW assessed that Russian forces advanced near Kupiansk, Харківська область. \n\n"
             "«Ми не віддамо Запоріжжя», said the governor 🇺🇦 ") * 70
LONG_TEXT = LONG_TEXT[:7000]


def article(article_id: str, demands: list[tuple[str, str, tuple[str, ...]]],
            *, seed: bool = False, statements: int = 1) -> ArticleRecord:
    sentence = "Russia demanded that Ukraine cede the regions, ISW said."
    analysis = ArticleAnalysis(
        statements=tuple(Statement(sentence, "paraphrase", None, "ISW said", i)
                         for i in range(statements)),
        region_mentions=(RegionMention("UA-14", "Donetsk", "Donetsk", None, sentence, 0, True),),
        demands=tuple(Demand(actor, kind, regions, f"{actor} wants {kind} {regions}", 0, True)
                      for actor, kind, regions in demands),
    )
    return ArticleRecord(article_id=article_id, url=f"https://news.example/{article_id}",
                         title=f"Title {article_id}", outlet="Example News", text=sentence,
                         text_source="seed" if seed else "page", is_seed=seed,
                         analysis=analysis,
                         sightings=(Sighting("feed-a", f"guid:{article_id}", None),))


def counts(warehouse: Warehouse) -> dict[str, int]:
    with warehouse.reading() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in PUBLIC_TABLES}


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    assert warehouse.migrate() == [name for name, _ in MIGRATIONS]
    assert warehouse.migrate() == []
    with warehouse.reading() as conn:
        recorded = conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        tables = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
    assert recorded == [(i, name) for i, (name, _) in enumerate(MIGRATIONS, start=1)]
    assert set(PUBLIC_TABLES) <= tables


def write_first_schema_warehouse(path: Path) -> None:
    """Write a warehouse as the first release left it: articles a1, a2 (pending), a3."""
    with duckdb.connect(str(path)) as conn:
        conn.execute(MIGRATIONS[0][1])
        conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                     " name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
        conn.execute("INSERT INTO schema_migrations VALUES (1, ?, now())", [MIGRATIONS[0][0]])
        conn.execute("INSERT INTO articles (article_id, url, text, text_hash, text_source,"
                     " fetch_status)"
                     " VALUES ('a1', 'https://news.example/a1', 'Kept text.', ?, 'page', 'ok'),"
                     " ('a2', 'https://news.example/a2', NULL, NULL, NULL, 'pending'),"
                     " ('a3', 'https://news.example/a3', ?, ?, 'page', 'ok')",
                     [text_hash("Kept text."), LONG_TEXT, text_hash(LONG_TEXT)])


def test_a_warehouse_of_the_first_schema_keeps_its_article_texts(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    write_first_schema_warehouse(path)

    assert Warehouse(path).migrate() == [name for name, _ in MIGRATIONS[1:]]

    assert run_query(path, "SELECT article_id, text FROM articles"
                           " LEFT JOIN article_texts USING (article_id) ORDER BY 1")[1] == [
        ("a1", "Kept text."), ("a2", None), ("a3", LONG_TEXT)]
    # Migration 0003 split the texts it moved in parts of 2,048 characters.
    assert run_query(path, "SELECT count(*) FROM article_text_parts WHERE article_id = 'a3'"
                     )[1] == [(-(-len(LONG_TEXT) // 2048),)]
    assert "text" not in run_query(path, "SELECT * FROM articles")[0]

    # A text written again replaces all of its old, longer parts with parts of today's size.
    new_text = LONG_TEXT[::-1]
    with Warehouse(path).writing() as conn:
        load_articles(conn, "run", [replace(article("a3", []), text=new_text)], NoveltyPolicy())
    assert run_query(path, "SELECT text FROM article_texts WHERE article_id = 'a3'")[1] == [
        (new_text,)]
    assert run_query(path, "SELECT count(*), max(length(part)) FROM article_text_parts"
                           " WHERE article_id = 'a3'")[1] == [(14, TEXT_PART_CHARS)]


def test_a_file_is_brought_up_to_date_once_and_again_once_replaced_or_deleted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    migration_checks: list[Path] = []
    apply_migrations = warehouse_db.apply_migrations

    def counted(conn: duckdb.DuckDBPyConnection) -> list[str]:
        migration_checks.append(Path(conn.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = 'warehouse'").fetchone()[0]))
        return apply_migrations(conn)

    monkeypatch.setattr(warehouse_db, "apply_migrations", counted)
    path = tmp_path / "w.duckdb"

    def write(article_id: str) -> None:
        # A pass opens the warehouse anew for each chunk it writes.
        with Warehouse(path).writing() as conn:
            load_articles(conn, "run", [article(article_id, [])], NoveltyPolicy())

    def stored() -> list[str]:
        return [row[0] for row in run_query(path, "SELECT article_id FROM articles"
                                                  " ORDER BY 1")[1]]

    for article_id in ("n1", "n2", "n3"):
        write(article_id)
    assert stored() == ["n1", "n2", "n3"]
    assert migration_checks == [path]

    # An older backup restored over the file is brought up to date before the next write.
    backup = tmp_path / "backup.duckdb"
    write_first_schema_warehouse(backup)
    shutil.copyfile(backup, path)
    write("n4")
    assert stored() == ["a1", "a2", "a3", "n4"]
    assert len(migration_checks) == 2

    path.unlink()
    write("n5")
    assert stored() == ["n5"]
    assert len(migration_checks) == 3


def test_an_article_text_is_stored_once_and_replaced_when_it_changes(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    first = replace(article("a1", []), text=LONG_TEXT)
    changed = replace(first, text="A corrected text, ISW said.")
    for record in (first, first, changed):
        with warehouse.writing() as conn:
            load_articles(conn, "run", [record], NoveltyPolicy())
        assert run_query(warehouse.path, "SELECT a.text_hash, t.text FROM articles a"
                                         " JOIN article_texts t USING (article_id)")[1] == [
            (text_hash(record.text), record.text)]


def test_a_long_text_is_stored_in_parts_and_read_back_whole(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    texts = {"a1": LONG_TEXT, "a2": "x" * TEXT_PART_CHARS, "a3": "y" * (TEXT_PART_CHARS + 1)}
    with warehouse.writing() as conn:
        load_articles(conn, "run", [replace(article(a, []), text=t) for a, t in texts.items()],
                      NoveltyPolicy())
    assert dict(run_query(warehouse.path, "SELECT article_id, text FROM article_texts")[1]) == texts
    assert dict(run_query(warehouse.path, "SELECT article_id, count(*) FROM article_text_parts"
                                          " GROUP BY ALL")[1]) == {"a1": 14, "a2": 1, "a3": 2}


def test_texts_waiting_in_files_are_stored_in_the_same_parts_as_texts_in_memory(
    tmp_path: Path,
) -> None:
    texts = {"a1": LONG_TEXT, "a2": "x" * TEXT_PART_CHARS, "a3": "y" * (TEXT_PART_CHARS + 1),
             # Combining accents and a Windows line end across a part's end.
             "a4": ("Запоріжжя\r\n" + "e\u0301" * 300) * 3, "a5": "ISW said."}
    in_memory, from_files = Warehouse(tmp_path / "m.duckdb"), Warehouse(tmp_path / "f.duckdb")
    records = [replace(article(a, []), text=t) for a, t in texts.items()]
    spool = tmp_path / "spool"
    spool.mkdir()
    # Texts in files and in memory can come in one batch (a chunk's pages and its seeds).
    mixed = [spool_text(r, str(spool)) if r.article_id != "a5" else r for r in records]
    assert [r.text is None for r in mixed] == [True, True, True, True, False]
    # A text whose file cannot be written stays in memory.
    assert spool_text(records[4], str(tmp_path / "missing")) == records[4]
    for warehouse, batch in ((in_memory, records), (from_files, mixed)):
        with warehouse.writing() as conn:
            load_articles(conn, "run", batch, NoveltyPolicy())

    def stored(warehouse: Warehouse) -> list[tuple[Any, ...]]:
        return run_query(warehouse.path, "SELECT article_id, part_index, part"
                                         " FROM article_text_parts ORDER BY 1, 2")[1]

    assert stored(from_files) == stored(in_memory)
    assert dict(run_query(from_files.path, "SELECT article_id, text FROM article_texts")[1]
                ) == texts
    assert run_query(from_files.path, "SELECT article_id, text_hash FROM articles ORDER BY 1"
                     )[1] == [(a, text_hash(t)) for a, t in texts.items()]

    # DuckDB reads a path as a pattern: one that would match another file is read here.
    patterned, decoy = tmp_path / "spool[1]", tmp_path / "spool1"
    patterned.mkdir()
    decoy.mkdir()
    in_patterned = spool_text(replace(records[4], article_id="a6"), str(patterned))
    assert in_patterned.spooled_text is not None
    (decoy / Path(in_patterned.spooled_text.path).name).write_text("decoy", encoding="utf-8")
    with from_files.writing() as conn:
        load_articles(conn, "run", [in_patterned], NoveltyPolicy())
    assert run_query(from_files.path, "SELECT text FROM article_texts WHERE article_id = 'a6'"
                     )[1] == [(texts["a5"],)]

    # The same text again is not written again; a changed one replaces all its old parts.
    before = run_query(from_files.path, "SELECT count(*) FROM article_text_parts")[1]
    again = spool_text(records[0], str(spool))
    changed = spool_text(replace(records[2], text="A corrected text, ISW said."), str(spool))
    with from_files.writing() as conn:
        load_articles(conn, "run2", [again], NoveltyPolicy())
    assert run_query(from_files.path, "SELECT count(*) FROM article_text_parts")[1] == before
    with from_files.writing() as conn:
        load_articles(conn, "run3", [changed], NoveltyPolicy())
    assert run_query(from_files.path, "SELECT text FROM article_texts WHERE article_id = 'a3'"
                     )[1] == [("A corrected text, ISW said.",)]


def test_a_text_file_cut_short_fails_the_write_and_stores_nothing(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    record = spool_text(replace(article("a1", []), text=LONG_TEXT), str(tmp_path))
    assert record.spooled_text is not None
    Path(record.spooled_text.path).write_text(LONG_TEXT[:600], encoding="utf-8")

    with pytest.raises(RuntimeError, match="stored 2 text parts from 1 files, expected 14"):
        with warehouse.writing() as conn:
            load_articles(conn, "run", [record], NoveltyPolicy())

    assert counts(warehouse)["articles"] == 0


def test_same_input_twice_gives_same_rows(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    batch = [article("a1", [("RU", "territorial", ("UA-14", "UA-09"))]),
             article("a2", [("RU", "neutrality", ())], statements=2)]
    with warehouse.writing() as conn:
        load_articles(conn, "run1", batch, NoveltyPolicy())
    first = counts(warehouse)
    with warehouse.writing() as conn:
        result = load_articles(conn, "run2", batch, NoveltyPolicy())
    assert counts(warehouse) == first
    assert result.alerts_created == 0
    assert first["statements"] == 3 and first["demands"] == 2 and first["alerts"] == 4


def test_reloading_a_stored_article_keeps_its_first_sighting_and_takes_the_new_fetch(
        tmp_path: Path) -> None:
    """A stored article loaded again (a queued one once its page is fetched) is updated,
    next to a new one inserted in the same batch."""
    warehouse = Warehouse(tmp_path / "w.duckdb")
    queued = ArticleRecord(article_id="q", url="https://news.example/q", guid="guid:q",
                           title="Feed title", outlet="Example News", fetch_status="retry",
                           fetch_reason="timeout", sightings=(Sighting("feed-a", "guid:q", None),))
    with warehouse.writing() as conn:
        load_articles(conn, "poll", [queued], NoveltyPolicy())
    fetched = replace(article("q", [("RU", "neutrality", ())]), url="https://other.example/q",
                      guid=None, author="A. Writer")
    with warehouse.writing() as conn:
        result = load_articles(conn, "fetch", [fetched, article("n", [])], NoveltyPolicy())
    assert result.articles == 2
    _, rows = run_query(warehouse.path, """
        SELECT article_id, url, guid, title, author, outlet, text_source, fetch_status,
               fetch_reason, fetch_attempts, first_run_id, last_run_id,
               extracted_at IS NOT NULL, text_hash
        FROM articles ORDER BY article_id""")
    assert rows == [
        ("n", "https://news.example/n", None, "Title n", None, "Example News", "page", "ok",
         None, 1, "fetch", "fetch", True, text_hash(fetched.text)),
        ("q", "https://news.example/q", "guid:q", "Title q", "A. Writer", "Example News", "page",
         "ok", None, 2, "poll", "fetch", True, text_hash(fetched.text)),
    ]
    _, texts = run_query(warehouse.path, "SELECT article_id, text FROM article_texts"
                                         " ORDER BY article_id")
    assert texts == [("n", fetched.text), ("q", fetched.text)]


@pytest.fixture(params=["index lookup", "hash join"])
def key_lookup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with lists of keys looked up through the index (a chunk's), and once more as
    a list joined by hashing (more keys than ``MAX_KEYS_LOOKED_UP``)."""
    if request.param == "hash join":
        monkeypatch.setattr(warehouse_db, "MAX_KEYS_LOOKED_UP", 0)
        monkeypatch.setattr(warehouse_state, "MAX_KEYS_LOOKED_UP", 0)
    return str(request.param)


def test_articles_loaded_again_get_their_own_values_and_only_their_facts_replaced(
        tmp_path: Path, key_lookup: str) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    queued = [ArticleRecord(article_id=a, url=f"https://news.example/{a}", title="Feed title",
                            fetch_status="retry", fetch_reason="queued")
              for a in ("q1", "q2", "q3")]
    extracted = article("x", [("RU", "neutrality", ())], statements=3)
    with warehouse.writing() as conn:
        load_articles(conn, "poll", [*queued, extracted], NoveltyPolicy())
    # Fetched in another order than stored; "x" is extracted again with fewer facts.
    fetched = [replace(article(a, [("RU", "territorial", ("UA-14",))], statements=n),
                       title=f"Page title {a}") for a, n in (("q3", 1), ("q1", 2))]
    again = replace(article("x", [], statements=1), title="Corrected")
    with warehouse.writing() as conn:
        load_articles(conn, "fetch", [*fetched, again, article("new", [])], NoveltyPolicy())
    _, rows = run_query(warehouse.path, """
        SELECT a.article_id, a.title, a.fetch_status, a.fetch_attempts,
               (SELECT count(*) FROM statements s WHERE s.article_id = a.article_id),
               (SELECT count(*) FROM demands d WHERE d.article_id = a.article_id)
        FROM articles a ORDER BY a.article_id""")
    assert rows == [
        ("new", "Title new", "ok", 1, 1, 0),
        ("q1", "Page title q1", "ok", 2, 2, 1),
        ("q2", "Feed title", "retry", 1, 0, 0),
        ("q3", "Page title q3", "ok", 2, 1, 1),
        ("x", "Corrected", "ok", 2, 1, 0),
    ]


def test_the_queue_is_read_page_by_page_oldest_first(tmp_path: Path, key_lookup: str) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    ids = [f"a{number:02d}" for number in range(11)]
    for batch in (ids[5:], ids[:5]):  # first seen in two polls: the second batch is younger
        with warehouse.writing() as conn:
            load_articles(conn, "poll", [
                ArticleRecord(article_id=a, url=f"https://news.example/{a}", title=f"T {a}",
                              fetch_status="retry", fetch_reason="queued")
                for a in reversed(batch)  # stored in another order than the queue's
            ] + [article(f"done-{batch[0]}", [])], NoveltyPolicy())
    pages: list[list[QueuedArticle]] = []
    position = None
    with warehouse.writing() as conn:
        while page := queued_articles(conn, max_attempts=5, limit=4, after=position):
            pages.append(page)
            position = queue_position(page[-1])
        everything = queued_articles(conn, max_attempts=5)
    assert [len(page) for page in pages] == [4, 4, 3]
    read = [queued for page in pages for queued in page]
    assert [q.article_id for q in read] == ids[5:] + ids[:5]
    assert read == everything
    assert {(q.url, q.title, q.fetch_attempts) for q in read[:1]} == {
        ("https://news.example/a05", "T a05", 1)}


def test_seed_baseline_never_alerts_and_later_news_does_once(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with warehouse.writing() as conn:
        load_articles(conn, "seed", [article("s", [("RU", "territorial", ("UA-14",))],
                                             seed=True)], NoveltyPolicy(baseline=True))
    with warehouse.writing() as conn:
        load_articles(conn, "r1", [
            article("n1", [("RU", "territorial", ("UA-14", "UA-12"))]),
            article("n2", [("RU", "territorial", ("UA-12",)), ("RU", "sanctions_relief", ())]),
        ], NoveltyPolicy())
    _, rows = run_query(warehouse.path, "SELECT alert_id, article_id, status FROM alerts "
                                        "ORDER BY alert_id")
    assert rows == [("new_demand:RU/sanctions_relief", "n2", "pending"),
                    ("new_region:UA-12", "n1", "pending")]


def test_articles_without_isw_statements_do_not_raise_novelties(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with warehouse.writing() as conn:
        load_articles(conn, "r1", [article("x", [("RU", "regime_change", ())], statements=0)],
                      NoveltyPolicy())
    _, rows = run_query(warehouse.path, "SELECT count(*) FROM alerts")
    assert rows == [(0,)]


def test_actor_filter_limits_novelties(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with warehouse.writing() as conn:
        load_articles(conn, "r1", [article("x", [("US", "ceasefire_first", ()),
                                                 ("RU", "neutrality", ())])],
                      NoveltyPolicy(actors=("RU",)))
    _, rows = run_query(warehouse.path, "SELECT alert_id FROM alerts")
    assert rows == [("new_demand:RU/neutrality",)]


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with pytest.raises(RuntimeError), warehouse.writing() as conn:
        load_articles(conn, "r1", [article("a1", [("RU", "neutrality", ())])], NoveltyPolicy())
        raise RuntimeError("crash before commit")
    assert counts(warehouse)["articles"] == 0 and counts(warehouse)["alerts"] == 0
    with pytest.raises(duckdb.Error), warehouse.writing() as conn:
        conn.execute("SELECT * FROM no_such_table")
    # The next write after failed ones works, and another process can read the file after it.
    with warehouse.writing() as conn:
        load_articles(conn, "r2", [article("a2", [])], NoveltyPolicy())
    read = subprocess.run(
        [sys.executable, "-c", "import duckdb, sys; print(duckdb.connect(sys.argv[1], "
         "read_only=True).execute('SELECT count(*) FROM articles').fetchone()[0])",
         str(warehouse.path)], capture_output=True, text=True, check=True)
    assert read.stdout.strip() == "1"


def test_writes_to_two_files_take_turns_and_let_each_go(tmp_path: Path) -> None:
    # One DuckDB instance per process attaches each file for a write and detaches it after,
    # and is replaced every WRITES_PER_INSTANCE writes.
    first, second = Warehouse(tmp_path / "first.duckdb"), Warehouse(tmp_path / "second.duckdb")
    writes = WRITES_PER_INSTANCE + 2
    for i in range(writes):
        for warehouse in (first, second):
            with warehouse.writing() as conn:
                load_articles(conn, "r1", [article(f"a{i}", [])], NoveltyPolicy())
    read = subprocess.run(
        [sys.executable, "-c", "import duckdb, sys; print(*(duckdb.connect(p, read_only=True)"
         ".execute('SELECT count(*) FROM articles').fetchone()[0] for p in sys.argv[1:]))",
         str(first.path), str(second.path)], capture_output=True, text=True, check=True)
    assert read.stdout.split() == [str(writes), str(writes)]


@contextmanager
def held_by_another_process(path: Path) -> Iterator[None]:
    """Keep ``path`` open read-write in another process for the duration of the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]);"
         "print('held', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_reader_waits_for_writer_then_gives_up_clearly(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    warehouse.migrate()
    with held_by_another_process(warehouse.path), \
            pytest.raises(WarehouseBusy, match="held by another process"), \
            Warehouse(warehouse.path, lock_wait_seconds=0.5).reading():
        pass
    with Warehouse(warehouse.path).reading() as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone() == (0,)


def test_writer_gives_up_clearly_on_a_held_file_and_writes_once_it_is_free(
        tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb", lock_wait_seconds=0.5)
    warehouse.migrate()
    with held_by_another_process(warehouse.path), \
            pytest.raises(WarehouseBusy, match="held by another process"), \
            warehouse.writing() as conn:
        load_articles(conn, "r1", [article("a1", [])], NoveltyPolicy())
    with warehouse.writing() as conn:
        load_articles(conn, "r2", [article("a2", [])], NoveltyPolicy())
    assert counts(warehouse)["articles"] == 1


def test_file_is_readable_by_the_duckdb_cli(tmp_path: Path) -> None:
    # The stand-alone CLI (duckdb-cli, a test dependency) sits next to the interpreter.
    cli = shutil.which("duckdb", path=str(Path(sys.executable).parent)) or shutil.which("duckdb")
    assert cli, "the duckdb CLI is a test dependency: pip install -e '.[test]'"
    warehouse = Warehouse(tmp_path / "w.duckdb")
    record = article("a1", [("RU", "neutrality", ())])
    with warehouse.writing() as conn:
        load_articles(conn, "r1", [replace(record, text=LONG_TEXT)], NoveltyPolicy())
    out = subprocess.run([cli, str(warehouse.path), "-csv", "-c",
                          "SELECT actor, demand_type FROM demands;"
                          " SELECT md5(text) AS text_md5 FROM article_texts"],
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["actor,demand_type", "RU,neutrality",
                           "text_md5", hashlib.md5(LONG_TEXT.encode()).hexdigest()]


def test_writes_keep_row_groups_small_and_the_file_readable_by_duckdb_1_4(
        tmp_path: Path) -> None:
    # A checkpoint recompresses the whole row group a write appended to: with small row
    # groups, writing a chunk does not get slower and larger as the warehouse fills up.
    warehouse = Warehouse(tmp_path / "w.duckdb")
    records = [article(f"a{i}", []) for i in range(5000)]
    for start in range(0, len(records), 1000):
        with warehouse.writing() as conn:
            load_articles(conn, "r1", records[start:start + 1000], NoveltyPolicy())
    with warehouse.reading() as conn:
        row_groups = dict(conn.execute(
            "SELECT 'articles', count(DISTINCT row_group_id) FROM pragma_storage_info('articles')"
            " UNION ALL SELECT 'article_text_parts', count(DISTINCT row_group_id)"
            " FROM pragma_storage_info('article_text_parts')").fetchall())
        version = conn.execute("SELECT tags['storage_version'] FROM duckdb_databases()"
                               " WHERE path = ?", [str(warehouse.path)]).fetchone()
        # ZSTD keeps text parts compact; DuckDB left alone would pick dictionary+FSST.
        part_compression = conn.execute(
            "SELECT DISTINCT compression FROM pragma_storage_info('article_text_parts')"
            " WHERE column_name = 'part' AND segment_type = 'VARCHAR'").fetchall()
    assert row_groups == {"articles": 3, "article_text_parts": 3}
    assert part_compression == [("ZSTD",)]
    assert version == ("v1.4.0+",)
    assert counts(warehouse)["article_texts"] == 5000


def test_sql_is_read_only(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    warehouse.migrate()
    with pytest.raises(duckdb.Error):
        run_query(warehouse.path, "DELETE FROM articles")
