"""Article building in the extraction worker processes (``flows.parallel``)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from extractors.feeds import parse_feed
from extractors.fetching import FetchResult
from flows import parallel
from flows.articles import FetchedPage, build_article
from flows.polling import parsed_feed
from flows.stages import page_failures
from warehouse.records import QueuedArticle, text_hash

SITE = Path(__file__).parent / "fixtures" / "site"


def fetched(name: str, body: bytes, outcome: str = "ok", reason: str | None = None
            ) -> FetchedPage:
    url = f"http://127.0.0.1:8000/{name}"
    return FetchedPage(
        QueuedArticle(name, url, None, f"feed title of {name}", None, None, "Example News"),
        FetchResult(url, url, outcome, 200 if outcome == "ok" else None,  # type: ignore[arg-type]
                    reason, body=body, content_type="text/html"),
    )


def test_pages_are_built_in_order_and_each_body_is_let_go_once_handed_on() -> None:
    pages = [
        fetched("article-dnipro.html", (SITE / "article-dnipro.html").read_bytes()),
        fetched("gone.html", b"", outcome="transient", reason="timeout"),
        fetched("article-sanctions.html", (SITE / "article-sanctions.html").read_bytes()),
    ]
    expected = [build_article(page) for page in pages]

    with parallel.article_workers():
        records = parallel.build_articles(pages)

    assert records == expected
    assert [r.article_id for r in records] == ["article-dnipro.html", "gone.html",
                                               "article-sanctions.html"]
    assert records[0].text and records[2].text
    assert records[1].fetch_status == "retry"
    # The pass keeps no page body once the page is built; what it reports stays.
    assert [page.result.body for page in pages] == [b"", b"", b""]
    assert [page.result.outcome for page in pages] == ["ok", "transient", "ok"]
    assert [(f.url, f.reason, f.transient) for f in page_failures(pages)] == [
        ("http://127.0.0.1:8000/gone.html", "timeout", True)]


def test_pages_spooled_to_files_are_built_like_pages_in_memory_and_their_files_deleted(
    tmp_path: Path,
) -> None:
    names = ["article-dnipro.html", "article-sanctions.html"]
    in_memory = [fetched(name, (SITE / name).read_bytes()) for name in names]
    spooled = []
    for name, page in zip(names, in_memory, strict=True):
        shutil.copyfile(SITE / name, tmp_path / name)
        spooled.append(replace(page, result=replace(page.result, body=b"",
                                                    body_file=str(tmp_path / name))))
    expected = [build_article(page) for page in in_memory]

    with parallel.article_workers():
        records = parallel.build_articles(spooled)

    assert records == expected and all(r.text for r in records)
    assert list(tmp_path.iterdir()) == []
    assert [page.result.body_file for page in spooled] == [None, None]


def test_with_a_text_directory_each_text_waits_in_a_file_the_worker_wrote(
    tmp_path: Path,
) -> None:
    pages = [fetched("article-dnipro.html", (SITE / "article-dnipro.html").read_bytes()),
             fetched("gone.html", b"", outcome="terminal", reason="http_404"),
             fetched("article-sanctions.html", (SITE / "article-sanctions.html").read_bytes())]
    expected = [build_article(page) for page in pages]

    with parallel.article_workers():
        records = parallel.build_articles(pages, str(tmp_path))

    assert [r.text for r in records] == [None, None, None]
    assert records[1].spooled_text is None and expected[1].text is None  # no page, no summary
    for record, in_memory in zip(records, expected, strict=True):
        assert replace(record, spooled_text=None, text=in_memory.text) == in_memory
        if record.spooled_text is not None:
            path = Path(record.spooled_text.path)
            assert path.parent == tmp_path
            assert path.read_text(encoding="utf-8") == in_memory.text
            assert record.text_digest == text_hash(in_memory.text)
    assert len(list(tmp_path.iterdir())) == 2


def child_pids(pid: int) -> list[int]:
    """Return the live children of ``pid``, whichever of its threads started them."""
    children = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children += [int(child) for child in (task / "children").read_text().split()]
    except OSError:  # the process or one of its threads is gone
        pass
    return [child for child in children if _state(child) not in ("Z", None)]


def _state(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    return stat[stat.rindex(b")") + 2:].split()[0].decode()


def extraction_workers() -> set[int]:
    """Return the PIDs of the live processes forked by a fork server of this process."""
    workers = set()
    for pid in child_pids(os.getpid()):
        try:
            is_fork_server = b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if is_fork_server:
            workers.update(child_pids(pid))
    return workers


@pytest.mark.skipif(parallel.worker_count() < 2
                    or not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs two cores for the worker pool, and Linux's /proc to see it")
def test_workers_are_replaced_between_chunks_and_never_outnumber_the_cores(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PAGES_PER_POOL", 4)
    bodies = [(SITE / name).read_bytes() for name in ("article-dnipro.html",
                                                      "article-sanctions.html")]
    # Two chunks in flight at once, as in a pass: six chunks of three pages each.
    chunks = [[fetched(f"c{c}-p{p}.html", bodies[(c + p) % 2]) for p in range(3)]
              for c in range(6)]
    expected = [[build_article(page) for page in chunk] for chunk in chunks]
    seen: list[set[int]] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            seen.append(extraction_workers())
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with parallel.article_workers(), ThreadPoolExecutor(2) as chunk_threads:
            built = list(chunk_threads.map(parallel.build_articles, chunks))
    finally:
        stop.set()
        watcher.join()

    assert built == expected
    assert max(len(alive) for alive in seen) <= parallel.worker_count()
    # 18 pages at 4 per pool: the workers were replaced between chunks, more than once.
    assert len(set().union(*seen)) >= 3 * parallel.worker_count()


def test_workers_extract_with_the_code_the_pass_imports(tmp_path: Path) -> None:
    # The pass runs a copy of iswatch that is not the installed one (a deployment's checkout,
    # another branch): its extraction workers must run that copy too, not the installed one.
    project = Path(parallel.__file__).resolve().parents[1]
    checkout = tmp_path / "checkout"
    for package in ("flows", "extractors", "warehouse"):
        shutil.copytree(project / package, checkout / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (checkout / "iswatch_probe.py").write_text(
        "def extractor_file() -> str:\n"
        "    import flows.articles\n"
        "    return flows.articles.__file__\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(checkout)!r})\n"
        "import iswatch_probe\n"
        "from flows import parallel\n"
        "with parallel.article_workers():\n"
        "    with parallel._lock:\n"
        "        pool = parallel._worker_pool()\n"
        "    print(pool.submit(iswatch_probe.extractor_file).result(timeout=60))\n"
    )

    done = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, capture_output=True,
                          text=True, timeout=120)

    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(checkout / "flows" / "articles.py")


@pytest.mark.parametrize("started_as", ["script", "module"])
def test_workers_do_not_run_the_main_module_of_the_pass_again(tmp_path: Path,
                                                             started_as: str) -> None:
    # Python's forkserver children run their parent's main module again unless told it is
    # already there: a pass started from a script that imports Prefect (a benchmark, Prefect's
    # engine in a deployment) gave every worker Prefect too.
    (tmp_path / "pass_main.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(parallel.__file__).resolve().parents[1])!r})\n"
        "import prefect  # what the workers must not import again\n"
        "from flows import parallel\n"
        "if __name__ == '__main__':\n"
        "    with parallel.article_workers():\n"
        "        with parallel._lock:\n"
        "            pool = parallel._worker_pool()\n"
        "        print(pool.submit(eval, \"'prefect' in __import__('sys').modules\")"
        ".result(timeout=60))\n"
    )
    command = ["pass_main.py"] if started_as == "script" else ["-m", "pass_main"]

    done = subprocess.run([sys.executable, *command], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)

    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"


def test_feeds_are_parsed_in_order_in_worker_processes_that_stop_after_the_poll() -> None:
    feeds = sorted((Path(__file__).parent / "fixtures" / "corpus" / "feeds").rglob("*.xml"))[:5]
    bodies = [SITE / "feed.xml", *feeds]
    results = [FetchResult(f"http://127.0.0.1:8000/{i}.xml", f"http://127.0.0.1:8000/{i}.xml",
                           "ok", 200, None, body=path.read_bytes(),
                           content_type="application/rss+xml")
               for i, path in enumerate(bodies)]
    results.append(replace(results[0], body=b"<html>not a feed</html>",
                           content_type="text/html"))
    expected = [parse_feed(r.body, url=r.url, content_type=r.content_type) for r in results]
    started = set(multiprocessing.active_children())

    parsing = parallel.run_in_workers(parsed_feed, results)
    first = next(parsing)
    workers = set(multiprocessing.active_children()) - started
    rest = list(parsing)

    assert [first, *rest] == expected
    assert first.entries and not rest[-1].ok
    assert 1 <= len(workers) <= parallel.worker_count()
    assert not any(worker.is_alive() for worker in workers)
