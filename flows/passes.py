"""Bookkeeping shared by every command that writes: the pass lease and the ``runs`` row.

A pass takes the warehouse lease before it starts, so two passes never overlap; a lease left
behind by a crashed pass expires after ``LEASE_TTL`` and is then taken over. The ``runs`` row is
opened at the start and closed with the pass's counts and status, red when it failed.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from warehouse.db import Warehouse
from warehouse.state import RunCounts, acquire_lease, begin_run, finish_run, release_lease

PASS_LEASE = "monitor-pass"
LEASE_TTL = timedelta(minutes=30)


class PassAlreadyRunning(Exception):
    """Another pass holds the warehouse lease; this one did nothing."""


@dataclass
class ActiveRun:
    run_id: str
    holder: str
    counts: RunCounts
    warehouse: Warehouse
    lease_ttl: timedelta = LEASE_TTL
    renewed_at: float = field(default_factory=time.monotonic, init=False)

    def renew_lease(self) -> None:
        """Push the lease's expiry forward."""
        with self.warehouse.writing() as conn:
            acquire_lease(conn, PASS_LEASE, self.holder, self.lease_ttl)
        self.renewed_at = time.monotonic()

    def keep_lease(self) -> None:
        """Renew the lease once a tenth of its time to live has passed since the last renewal.

        A long pass calls this as it makes progress. Each renewal is a write of its own, so it
        is not made after every chunk: a chunk takes under a second, the lease lives 30 minutes.
        """
        if time.monotonic() - self.renewed_at >= self.lease_ttl.total_seconds() / 10:
            self.renew_lease()


@contextmanager
def warehouse_run(warehouse: Warehouse, trigger: str, flow_run_id: str | None = None,
                  lease_ttl: timedelta = LEASE_TTL) -> Iterator[ActiveRun]:
    """Hold the pass lease and a ``runs`` row for the duration of the block."""
    run_id = uuid.uuid4().hex[:12]
    holder = f"{socket.gethostname()}:{os.getpid()}:{run_id}"
    with warehouse.writing() as conn:
        acquired, current, expires = acquire_lease(conn, PASS_LEASE, holder, lease_ttl)
        if not acquired:
            until = f"{expires:%Y-%m-%d %H:%M:%S} UTC" if expires else "unknown"
            raise PassAlreadyRunning(f"another pass is running ({current}, lease until {until})")
        begin_run(conn, run_id, trigger, flow_run_id)
    active = ActiveRun(run_id, holder, RunCounts(), warehouse, lease_ttl)
    try:
        yield active
    except BaseException as exc:
        with warehouse.writing() as conn:
            finish_run(conn, run_id, "failed", active.counts, f"{type(exc).__name__}: {exc}")
            release_lease(conn, PASS_LEASE, holder)
        raise
    with warehouse.writing() as conn:
        finish_run(conn, run_id, "completed", active.counts)
        release_lease(conn, PASS_LEASE, holder)
