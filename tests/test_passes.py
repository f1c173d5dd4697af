"""The pass lease and the runs row, without Prefect: what every writing command relies on."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from flows.passes import PassAlreadyRunning, warehouse_run
from warehouse.db import Warehouse
from warehouse.queries import run_query


def test_failed_block_ends_red_with_its_error_and_frees_the_lease(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with pytest.raises(RuntimeError), warehouse_run(warehouse, "run") as run:
        run.counts.add(articles_new=3)
        raise RuntimeError("disk full")
    assert run_query(warehouse.path, "SELECT status, error, articles_new FROM runs")[1] == [
        ("failed", "RuntimeError: disk full", 3)]
    assert run_query(warehouse.path, "SELECT count(*) FROM leases")[1] == [(0,)]


def test_second_pass_is_refused_while_the_first_holds_the_lease(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with warehouse_run(warehouse, "run"):
        with pytest.raises(PassAlreadyRunning, match="another pass is running"), \
                warehouse_run(warehouse, "backfill"):
            pass
    assert run_query(warehouse.path, "SELECT trigger, status FROM runs")[1] == [
        ("run", "completed")]


def test_renewing_moves_the_expiry_forward(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with warehouse_run(warehouse, "run", lease_ttl=timedelta(seconds=30)) as run:
        first = run_query(warehouse.path, "SELECT expires_at FROM leases")[1][0][0]
        time.sleep(0.05)
        run.renew_lease()
        second = run_query(warehouse.path, "SELECT expires_at FROM leases")[1][0][0]
    assert second > first


def test_a_pass_keeps_its_lease_without_renewing_it_after_every_chunk(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb")
    with warehouse_run(warehouse, "run", lease_ttl=timedelta(seconds=2)) as run:
        first = run_query(warehouse.path, "SELECT expires_at FROM leases")[1][0][0]
        run.keep_lease()
        unchanged = run_query(warehouse.path, "SELECT expires_at FROM leases")[1][0][0]
        time.sleep(0.25)  # more than a tenth of the lease's time to live
        run.keep_lease()
        renewed = run_query(warehouse.path, "SELECT expires_at FROM leases")[1][0][0]
    assert unchanged == first
    assert renewed > first
