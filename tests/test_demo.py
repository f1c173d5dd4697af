"""``iswatch demo`` end to end: a real pass over the bundled demo site, mail on 127.0.0.1."""

from __future__ import annotations

import io
from pathlib import Path

from flows.demo import demo_file, run_demo
from warehouse.novelty import region_name


def test_demo_files_are_bundled_and_point_at_the_local_site() -> None:
    feed = demo_file("feed.xml")
    assert feed.count("<item>") == 2 and "{base}/news/" in feed
    assert "Dnipropetrovsk" in demo_file("kremlin-adds-dnipropetrovsk.html")
    assert "sanctions" in demo_file("sanctions-before-ceasefire.html")


def test_demo_prints_the_alert_email_naming_the_new_region_and_demand(
    prefect_server: None, tmp_path: Path
) -> None:
    out = io.StringIO()

    status = run_demo(out=out, workdir=tmp_path / "demo")

    printed = out.getvalue()
    assert status == 0, printed
    assert printed.count("Message-ID: <iswatch-") == 1
    subject = next(line for line in printed.splitlines() if line.startswith("Subject: "))
    assert "new demanded region" in subject and "new demand" in subject
    assert f"{region_name('UA-12')} (UA-12)" in printed
    assert "Russia (RU): sanctions relief" in printed
    assert "Dnipropetrovsk Oblast" in printed  # the evidence sentence
    for baseline in ("UA-09", "UA-14", "UA-23", "UA-65", "UA-63", "UA-59"):
        assert f"({baseline})" not in printed
