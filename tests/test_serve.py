"""``serve_monitor`` against a real local Prefect server that it starts and stops itself.

The served run happens in a child process with a scrubbed environment, so neither a
``PREFECT_API_URL`` nor a Prefect profile from the test session or the user can point it at
another server.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.serve import monitor_schedule, server_environment
from flows.settings import ConfigError, ScheduleSettings
from warehouse.queries import run_query

PROJECT_ROOT = Path(__file__).resolve().parent.parent

SERVE_TWO_PASSES = """
import sys
from flows.serve import serve_monitor
from flows.settings import load_settings
sys.exit(serve_monitor(load_settings(sys.argv[1]), sys.argv[1], max_passes=2))
"""


def _scrubbed_environment(prefect_home: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("PREFECT_", "ISWATCH_"))}
    env["PREFECT_HOME"] = str(prefect_home)  # the client's profiles: empty, not the user's
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


def _accepts_connections(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_served_flow_fires_on_interval_and_local_server_stops(tmp_path: Path) -> None:
    warehouse = tmp_path / "data" / "iswatch.duckdb"
    config = tmp_path / "config" / "iswatch.toml"
    config.parent.mkdir()
    config.write_text(
        "feeds = []\n"
        f'[warehouse]\npath = "{warehouse}"\n'
        f'[seeds]\npath = "{PROJECT_ROOT / "seeds"}"\n'
        f'[alerts]\noutbox = "{tmp_path / "outbox"}"\n'
        "[schedule]\ninterval_seconds = 2\n"
    )
    # Served from another folder: the flow finds its config only through the deployment's
    # config_path parameter.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    started = time.monotonic()
    served = subprocess.run(
        [sys.executable, "-c", SERVE_TWO_PASSES, str(config)],
        cwd=elsewhere, env=_scrubbed_environment(tmp_path / "client-home"),
        capture_output=True, text=True, timeout=90,
    )
    elapsed = time.monotonic() - started
    output = served.stdout + served.stderr

    assert served.returncode == 0, output[-3000:]
    assert elapsed < 75, f"serving two passes took {elapsed:.0f} s"
    address = re.search(r"local Prefect server at http://127\.0\.0\.1:(\d+)", output)
    assert address, output
    tally = re.search(r"iswatch serve: (\d+) passes, (\d+) completed", output)
    assert tally and int(tally.group(1)) == int(tally.group(2)) >= 2, output[-3000:]
    assert not _accepts_connections(int(address.group(1))), "local Prefect server still up"
    assert (warehouse.parent / "prefect" / "prefect.db").is_file()

    _, rows = run_query(warehouse, "SELECT status, trigger, flow_run_id FROM runs")
    served_passes = [row for row in rows if row[0] == "completed" and row[1] == "serve"]
    assert len(served_passes) >= 2, rows
    assert all(flow_run_id for _, _, flow_run_id in served_passes)


def test_interval_wins_over_the_default_cron() -> None:
    schedule = monitor_schedule(ScheduleSettings(interval_seconds=300))
    assert schedule.interval is not None and schedule.interval.total_seconds() == 300
    assert schedule.cron is None


def test_cron_keeps_its_time_zone() -> None:
    schedule = monitor_schedule(ScheduleSettings(cron="0 6 * * *", timezone="Europe/Kyiv"))
    assert (schedule.cron, schedule.timezone) == ("0 6 * * *", "Europe/Kyiv")


@pytest.mark.parametrize(("values", "key"), [
    ({"cron": "every morning"}, "schedule.cron"),
    ({"timezone": "Mars/Olympus_Mons"}, "schedule.timezone"),
    ({"cron": None}, "schedule"),
])
def test_unusable_schedule_is_a_config_error(values: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match=rf"^{re.escape(key)}"):
        monitor_schedule(ScheduleSettings.model_validate(values))


def test_local_server_environment_keeps_users_privacy_choice_and_drops_api_url(
        tmp_path: Path) -> None:
    env = server_environment(tmp_path, {"PREFECT_API_URL": "http://elsewhere/api",
                                        "DO_NOT_TRACK": "0", "PATH": "/bin"})
    assert env["PREFECT_HOME"] == str(tmp_path)
    assert "PREFECT_API_URL" not in env
    assert env["DO_NOT_TRACK"] == "0"
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert env["PATH"] == "/bin"
