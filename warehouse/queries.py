"""Read-only access for analysts and operators: ad-hoc SQL and the status report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from warehouse.db import Warehouse, WarehouseError, scalar


def run_query(path: Path, sql: str, lock_wait_seconds: float = 10.0,
              ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run ``sql`` on a read-only connection; return column names and rows."""
    if not Path(path).exists():
        raise WarehouseError(f"{path} does not exist yet; run `iswatch run` first")
    with Warehouse(path, lock_wait_seconds).reading() as conn:
        cursor = conn.execute(sql)
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()


def _fmt_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S %Z") if value else "never"


def status_report(path: Path, lock_wait_seconds: float, schedule: Any = None) -> str:
    """Return a human summary: last pass, next scheduled pass, feed health, pending alerts."""
    if not Path(path).exists():
        return f"warehouse {path}: not created yet (no pass has run)"
    with Warehouse(path, lock_wait_seconds).reading() as conn:
        last = conn.execute(
            "SELECT run_id, status, started_at, finished_at, articles_new, statements, demands,"
            " alerts_created, feeds_failed, error FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        last_ok = scalar(conn, "SELECT max(finished_at) FROM runs WHERE status = 'completed'")
        feeds = conn.execute(
            "SELECT feed_id, last_status, last_reason, consecutive_failures, last_success_at,"
            " polls, not_modified_polls FROM feeds ORDER BY feed_id"
        ).fetchall()
        pending = scalar(conn, "SELECT count(*) FROM alerts WHERE status <> 'sent'")
        running = conn.execute("SELECT holder, expires_at FROM leases").fetchall()
    lines = [f"warehouse: {path}"]
    if last is None:
        lines.append("last pass: none yet")
    else:
        run_id, status, started, finished, new, statements, demands, alerts, failed, error = last
        lines.append(
            f"last pass: {run_id} {status}, started {_fmt_time(started)}, "
            f"finished {_fmt_time(finished)}; {new} new articles, {statements} statements, "
            f"{demands} demands, {alerts} alerts, {failed} feeds failed"
            + (f"; error: {error}" if error else "")
        )
    lines.append(f"last completed pass: {_fmt_time(last_ok)}")
    for holder, expires in running:
        lines.append(f"pass running: {holder} (lease until {_fmt_time(expires)})")
    if schedule is not None:
        lines.append(f"schedule: {_describe_schedule(schedule, last_ok)}")
    lines.append(f"alerts pending delivery: {pending}")
    lines.append("feeds:")
    for feed_id, status, reason, failures, success, polls, unchanged in feeds:
        rate = f"{unchanged / polls:.0%}" if polls else "-"
        lines.append(
            f"  {feed_id:<20} {status or 'never polled':<12} failures in a row: {failures:<3}"
            f" last success: {_fmt_time(success)}  unchanged polls: {rate}"
            + (f"  ({reason})" if reason and failures else "")
        )
    return "\n".join(lines)


def _describe_schedule(schedule: Any, last_ok: datetime | None) -> str:
    if getattr(schedule, "interval_seconds", None):
        return f"every {schedule.interval_seconds} s (iswatch serve)"
    cron = getattr(schedule, "cron", None)
    if not cron:
        return "none configured"
    try:
        from datetime import UTC

        from cronsim import CronSim  # installed with Prefect

        upcoming = next(CronSim(cron, datetime.now(UTC)))
        return f"cron '{cron}' ({schedule.timezone}); next pass {upcoming:%Y-%m-%d %H:%M} UTC" \
            " when `iswatch serve` runs"
    except (ImportError, ValueError, KeyError, StopIteration):
        return f"cron '{cron}' ({schedule.timezone})"

