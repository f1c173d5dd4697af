"""Shared fixtures: a clean environment, one Prefect test server per session, settings that
point at a DuckDB file in ``tmp_path``."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.settings import apply_prefect_defaults
from tests.httpserver import http_server  # noqa: F401  (session fixture for all tests)

apply_prefect_defaults()

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user ISWATCH_* setting or ./iswatch.toml leaks into a test."""
    for name in list(os.environ):
        if name.startswith("ISWATCH_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect server with its own SQLite database, shared by the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield
        # The harness logs its shutdown after pytest has closed the captured streams.
        logging.getLogger("prefect.server").setLevel(logging.WARNING)


@pytest.fixture()
def settings_dict(tmp_path: Path) -> dict[str, object]:
    """Settings for a pass into ``tmp_path``, with no feeds and the outbox channel."""
    return {
        "warehouse": {"path": str(tmp_path / "iswatch.duckdb"), "lock_wait_seconds": 5},
        "feeds": [],
        "fetch": {"allow_hosts": ["127.0.0.1"], "connect_timeout": 2, "read_timeout": 2,
                  "total_timeout": 5, "retries": 1},
        "alerts": {"outbox": str(tmp_path / "outbox")},
        "seeds": {"path": str(PROJECT_ROOT / "seeds")},
    }
