"""``iswatch serve``: run the ``monitor`` flow on the configured schedule until stopped.

The flow is served by a Prefect ``Runner`` (what ``Flow.serve`` uses) as the deployment
``monitor/serve``, with one pass at a time. Scheduled runs need a real Prefect server: the
temporary server Prefect starts on demand refuses to schedule. So unless ``PREFECT_API_URL`` is
configured (environment or Prefect profile), ``serve_monitor`` starts ``prefect server start``
on a free loopback port, with its SQLite database in ``<warehouse folder>/prefect``, and stops
it when serving ends — on Ctrl-C, on SIGTERM (once the running pass has finished; a second
SIGTERM stops at once), after ``max_passes`` passes, or on an error.

Failures:
    ConfigError        the schedule cannot be used (bad cron string or time zone); CLI exits 2
    LocalServerError   the local Prefect server exited or did not answer in time; CLI exits 1
A pass that fails is a red flow run in Prefect and a ``failed`` row in ``runs``; serving goes
on, and with ``max_passes`` the return value is 1 when any counted pass did not complete.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from flows.settings import (
    PREFECT_PRIVACY_DEFAULTS,
    ConfigError,
    ScheduleSettings,
    Settings,
    apply_prefect_defaults,
)

if TYPE_CHECKING:
    from uuid import UUID

    from prefect.client.orchestration import PrefectClient
    from prefect.client.schemas.objects import FlowRun
    from prefect.flows import Flow
    from prefect.runner import Runner
    from prefect.schedules import Schedule

DEPLOYMENT_NAME = "serve"
SERVER_START_TIMEOUT = 90.0  # the first start migrates a fresh SQLite database (~10 s here)
SERVER_STOP_TIMEOUT = 15.0
WATCH_SECONDS = 1.0  # how often max_passes looks at the flow runs


class LocalServerError(Exception):
    """The local Prefect server could not be started; the message says why and where its log is."""


@dataclass(frozen=True)
class LocalServer:
    """A ``prefect server start`` child process on a loopback port."""

    process: subprocess.Popen[bytes]
    port: int
    home: Path
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"


def free_loopback_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def local_server_home(settings: Settings) -> Path:
    """Return the folder for the local Prefect server's database: next to the warehouse."""
    return settings.warehouse.path.resolve().parent / "prefect"


def server_environment(home: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """Return the environment for ``prefect server start``: own home, no telemetry, no API URL."""
    env = dict(environ)
    env["PREFECT_HOME"] = str(home)
    env.pop("PREFECT_API_URL", None)
    for name, value in PREFECT_PRIVACY_DEFAULTS.items():
        env.setdefault(name, value)  # the user's own setting wins
    return env


def start_local_server(home: Path, timeout: float = SERVER_START_TIMEOUT) -> LocalServer:
    """Start ``prefect server start`` on a free loopback port and return once it is healthy."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_loopback_port()
    log_path = home / "server.log"
    command = [sys.executable, "-m", "prefect", "server", "start",
               "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("ab") as log:
        # Its own session: a Ctrl-C in the terminal reaches iswatch, which still needs the
        # server to pause the deployment on the way out, and stops the server afterwards.
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            env=server_environment(home, os.environ), start_new_session=True,
        )
    server = LocalServer(process, port, home, log_path)
    try:
        wait_until_healthy(server, timeout)
    except BaseException:
        stop_local_server(server)
        raise
    return server


def wait_until_healthy(server: LocalServer, timeout: float) -> None:
    """Return when ``/api/health`` answers 200; raise LocalServerError on exit or timeout."""
    deadline = time.monotonic() + timeout
    # trust_env=False: a loopback address must not be sent through an HTTP proxy.
    with httpx.Client(trust_env=False, timeout=2.0) as client:
        while True:
            if server.process.poll() is not None:
                raise LocalServerError(
                    f"the local Prefect server exited with status {server.process.returncode} "
                    f"before answering; see {server.log_path}"
                )
            with suppress(httpx.HTTPError):
                if client.get(f"{server.api_url}/health").status_code == 200:
                    return
            if time.monotonic() > deadline:
                raise LocalServerError(
                    f"the local Prefect server did not answer on {server.api_url}/health "
                    f"within {timeout:.0f} s; see {server.log_path}"
                )
            time.sleep(0.25)


def stop_local_server(server: LocalServer, timeout: float = SERVER_STOP_TIMEOUT) -> None:
    """Stop the server process group: SIGTERM, then SIGKILL if it has not exited in time."""
    if server.process.poll() is not None:
        return
    # The group id is the server's pid (start_new_session), so this reaches only what we started.
    with suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()


def monitor_schedule(schedule: ScheduleSettings) -> Schedule:
    """Return the Prefect schedule for the settings: the interval when set, else the cron."""
    from prefect.schedules import Cron, Interval

    if schedule.interval_seconds:
        return Interval(schedule.interval_seconds)
    if not schedule.cron:
        raise ConfigError("schedule: set cron or interval_seconds for iswatch serve")
    try:
        ZoneInfo(schedule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"schedule.timezone: unknown time zone (got {schedule.timezone!r})"
        ) from None
    try:
        return Cron(schedule.cron, timezone=schedule.timezone)
    except ValueError as exc:
        raise ConfigError(f"schedule.cron: {exc}") from None


def describe_schedule(schedule: ScheduleSettings) -> str:
    if schedule.interval_seconds:
        return f"every {schedule.interval_seconds} s"
    return f"cron '{schedule.cron}' ({schedule.timezone})"


def serve_monitor(settings: Settings, config_path: str | None, *,
                  max_passes: int | None = None) -> int:
    """Serve the monitor flow on the configured schedule; return an exit status.

    Returns 0 when serving was stopped by SIGTERM (after the running pass ends) or when
    ``max_passes`` passes all completed, 1 when one of those passes did not complete. Ctrl-C
    propagates as KeyboardInterrupt after the local server is stopped.
    """
    if max_passes is not None and max_passes < 1:
        raise ValueError("max_passes must be at least 1")
    schedule = monitor_schedule(settings.schedule)  # bad config fails before any server starts
    source = config_path or settings.source
    parameters = {"config_path": str(Path(source).resolve()) if source else None,
                  "trigger": "serve"}

    with _sigterm_exits():
        apply_prefect_defaults()  # before Prefect is first imported: no telemetry
        from prefect.settings import get_current_settings

        from flows.monitor import monitor  # import errors surface before a server is started

        configured = get_current_settings().api.url
        if configured:
            print(f"iswatch serve: using the Prefect server at {configured}", flush=True)
            return _serve(monitor, schedule, settings.schedule, parameters, max_passes)

        server = start_local_server(local_server_home(settings))
        try:
            print(f"iswatch serve: local Prefect server at {server.url} "
                  f"(database in {server.home}, log {server.log_path})", flush=True)
            with _api_url(server.api_url):
                return _serve(monitor, schedule, settings.schedule, parameters, max_passes)
        finally:
            with _sigterm_ignored():  # a repeated SIGTERM must not cut the cleanup short
                stop_local_server(server)
            print("iswatch serve: local Prefect server stopped", flush=True)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _sigterm_handler(handler: Any) -> Iterator[None]:
    """Handle SIGTERM with ``handler`` inside the block, then restore the previous handler."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _sigterm_exits() -> AbstractContextManager[None]:
    """Turn SIGTERM into SystemExit, outside the time the runner handles it gracefully.

    Without this a SIGTERM while the server starts would skip the ``finally`` that stops it.
    """
    return _sigterm_handler(_exit_on_signal)


def _sigterm_ignored() -> AbstractContextManager[None]:
    return _sigterm_handler(signal.SIG_IGN)


@contextmanager
def _api_url(url: str) -> Iterator[None]:
    """Point this process and the flow-run processes it spawns at ``url``."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url  # inherited by the spawned flow-run processes
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


def _serve(monitor: Flow[..., Any], schedule: Schedule, schedule_settings: ScheduleSettings,
           parameters: dict[str, Any], max_passes: int | None) -> int:
    interval = schedule_settings.interval_seconds
    # limit=1: passes never overlap (the warehouse lease would turn an overlap into a failure).
    runner = _draining_runner(name="iswatch-serve", limit=1,
                              query_seconds=min(10, interval) if interval else None)
    deployment_id = runner.add_flow(
        monitor, name=DEPLOYMENT_NAME, schedules=[schedule], parameters=parameters,
        paused=False, description="iswatch monitor pass, served by `iswatch serve`",
        tags=["iswatch"],
    )
    limit = f", stopping after {_passes(max_passes)}" if max_passes else ""
    print(f"iswatch serve: serving monitor/{DEPLOYMENT_NAME} "
          f"{describe_schedule(schedule_settings)}{limit}; Ctrl-C or SIGTERM stops", flush=True)
    # The runner installs its SIGTERM handler when it starts; put ours back when it is done.
    with _sigterm_exits():
        finished = asyncio.run(_run(runner, deployment_id, max_passes))
    if max_passes is None:
        return 0
    completed = sum(1 for run in finished if run.state and run.state.is_completed())
    print(f"iswatch serve: {_passes(len(finished))}, {completed} completed", flush=True)
    return 0 if completed == len(finished) else 1


def _passes(count: int) -> str:
    return f"{count} pass" if count == 1 else f"{count} passes"


def _draining_runner(**options: Any) -> Runner:
    """Return a Runner whose first SIGTERM lets the running pass finish before stopping.

    Prefect's own handler cancels runs in flight, which would kill a pass halfway and leave
    its warehouse lease to expire; a second SIGTERM still does exactly that.
    """
    from prefect.runner import Runner

    class DrainingRunner(Runner):
        drain_requested: asyncio.Event | None = None

        def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
            drain, loop = self.drain_requested, self._loop
            if drain is None or drain.is_set() or loop is None or not self.started:
                super().handle_sigterm(*args, **kwargs)
                return
            self._logger.info("SIGTERM: no new passes, stopping when the running one ends "
                              "(SIGTERM again stops at once)")
            loop.call_soon_threadsafe(drain.set)

    return DrainingRunner(**options)


async def _run(runner: Runner, deployment_id: UUID, max_passes: int | None) -> list[FlowRun]:
    """Run the runner alongside the watcher that drains and stops it; return counted runs."""
    drain = asyncio.Event()
    runner.drain_requested = drain  # type: ignore[attr-defined]
    watcher = asyncio.create_task(
        _stop_when_done(runner, deployment_id, max_passes, drain, datetime.now(UTC)))
    try:
        await runner.start()
    finally:
        if not watcher.done():
            watcher.cancel()
        with suppress(asyncio.CancelledError):
            await watcher
    return watcher.result() if not watcher.cancelled() else []


async def _stop_when_done(runner: Runner, deployment_id: UUID, max_passes: int | None,
                          drain: asyncio.Event, since: datetime) -> list[FlowRun]:
    """Stop the runner after a drain request, or once ``max_passes`` runs have finished.

    Either way the deployment is paused and its remaining scheduled runs are deleted first, so
    no further pass starts; the pass already going is waited for, so stopping never cancels a
    pass halfway. Returns the runs counted towards ``max_passes``.
    """
    from prefect import get_client

    try:
        async with get_client() as client:
            paused = False
            while True:
                with suppress(TimeoutError):
                    await asyncio.wait_for(drain.wait(), WATCH_SECONDS)
                runs = (await _runs_since(client, deployment_id, since)
                        if max_passes is not None else [])
                finished = [r for r in runs if r.state and r.state.is_final()]
                enough = max_passes is not None and len(runs) >= max_passes
                if not paused and (drain.is_set() or enough):
                    await _pause_and_clear_backlog(client, deployment_id)
                    paused = True
                # A run reports Completed a moment before its process exits; stopping in that
                # moment would cancel it, so also wait for the runner's one slot to be free.
                if (paused and len(finished) == len(runs) and runner.has_slots_available()
                        and (drain.is_set() or len(finished) >= (max_passes or 0))):
                    if runner.started:  # not already stopped by a second SIGTERM
                        await runner.astop()
                    return finished
    except BaseException:
        if runner.started:
            await runner.astop()
        raise


async def _pause_and_clear_backlog(client: PrefectClient, deployment_id: UUID) -> None:
    """Pause the deployment and delete its scheduled runs, overdue ones included.

    Pausing alone deletes only future runs; overdue ones — waiting while a long pass held the
    runner's one slot — would still be picked up.
    """
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.exceptions import ObjectNotFound

    await client.pause_deployment(deployment_id)
    waiting = await client.read_flow_runs(
        deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
            type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))),
    )
    for run in waiting:
        if run.auto_scheduled:  # a run someone asked for by hand is theirs to keep
            with suppress(ObjectNotFound):
                await client.delete_flow_run(run.id)


async def _runs_since(client: PrefectClient, deployment_id: UUID,
                      since: datetime) -> list[FlowRun]:
    """Return the deployment's runs that left the Scheduled state after ``since``."""
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    runs = await client.read_flow_runs(
        deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
            type=FlowRunFilterStateType(not_any_=[StateType.SCHEDULED]))),
        limit=200,
    )
    # A run left Running by an earlier, killed serve keeps its old start time: not ours.
    return [r for r in runs if r.state is not None
            and (r.start_time or r.state.timestamp) >= since]
