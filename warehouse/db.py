"""The one owner of the DuckDB file: opening, migrations, transactions and batched inserts.

DuckDB lets one process hold a file read-write and then no other process can open it, not even
read-only. So a pass holds the file only for each short write (``writing``) and lets it go at
once; readers (``reading``) retry for a while when a writer holds the file.
Files are created with storage compatibility v1.4 so the stand-alone DuckDB CLI 1.4/1.5 can
read them.

Writes go through one in-memory DuckDB instance per process that attaches the file for each
write and detaches it after (``_Writer``): building a new instance for every write took a third
of a chunk write's time. The instance is replaced every ``WRITES_PER_INSTANCE`` writes, as it
keeps ~60 KB more after each attach. DuckDB's allocator hands pages back to the system as soon as
they are freed, and empties its per-thread caches after each write.

Writes look rows up by key through the table's index (``in_keys``): DuckDB turns a list of
keys into a hash join, which allocates ~8.6 MB however few the keys, so the writer instance
keeps lists of keys as filters (its ``in_clause`` rewrite is off), and an index finds them.

Writes attach the file with row groups of ``ROW_GROUP_SIZE`` rows instead of DuckDB's 122,880:
each checkpoint recompresses the whole row group that rows were appended to or updated in, so
with the default every write of a pass recompressed all stored article texts, taking longer
and more memory as the warehouse grew. Small row groups keep a write's cost independent of
the warehouse's size.
"""

from __future__ import annotations

import ctypes
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from warehouse.schema import MIGRATIONS

STORAGE_COMPATIBILITY = "v1.4.0"
ROW_GROUP_SIZE = 2048  # DuckDB's smallest: one vector
WRITES_PER_INSTANCE = 10
MAX_KEYS_LOOKED_UP = 1000  # see ``in_keys``
_WRITE_LOCK = threading.RLock()
# The files this process has brought up to date, by path, as each was after this process last
# wrote it (device, inode, modification time, size): a pass opens a new ``Warehouse`` for every
# chunk, and checking the migrations again cost each chunk write one more attach of the file.
# A file deleted, replaced or written by another process since is checked again.
_MIGRATED: dict[Path, tuple[int, ...]] = {}
LOGGER = logging.getLogger(__name__)


class WarehouseBusy(Exception):
    """Another process holds the warehouse file for writing longer than we were willing to wait."""


class WarehouseError(Exception):
    """The warehouse file cannot be opened or is not an iswatch warehouse."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    message = str(exc)
    return "Could not set lock" in message or "Conflicting lock" in message


class Warehouse:
    """Opens the DuckDB file on demand; ``writing()`` and ``reading()`` are its only doors."""

    def __init__(self, path: Path | str, lock_wait_seconds: float = 10.0) -> None:
        self.path = Path(path)
        self.lock_wait_seconds = lock_wait_seconds

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        """Open the file read-only, or attach it to the writer instance (``_WRITE_LOCK`` held),
        waiting while another process holds it."""
        deadline = time.monotonic() + self.lock_wait_seconds
        delay = 0.05
        while True:
            try:
                if read_only:
                    return duckdb.connect(str(self.path), read_only=True)
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return _WRITER.attach(self.path)
            except duckdb.IOException as exc:
                if not _is_lock_conflict(exc):
                    raise WarehouseError(f"cannot open {self.path}: {exc}") from None
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{self.path} is held by another process (a pass is writing); "
                        f"gave up after {self.lock_wait_seconds:g} s"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded in the file; return the names applied."""
        with _WRITE_LOCK:
            conn = self._connect(read_only=False)
            try:
                applied = apply_migrations(conn)
            finally:
                _WRITER.detach()
            self._remember_up_to_date()
        return applied

    def _file_identity(self) -> tuple[int, ...] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size

    def _remember_up_to_date(self) -> None:
        identity = self._file_identity()
        if identity is not None:
            _MIGRATED[self.path.resolve()] = identity

    def _is_up_to_date(self) -> bool:
        """Whether this process has migrated the file at ``path`` as it is now."""
        identity = self._file_identity()
        return identity is not None and _MIGRATED.get(self.path.resolve()) == identity

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Yield a read-write connection inside one transaction; commit on success, then close.

        Writers of one process take turns: threads of a pass write one chunk at a time.
        """
        with _WRITE_LOCK:
            if not self._is_up_to_date():
                self.migrate()
            with self._write_transaction() as conn:
                yield conn
            self._remember_up_to_date()

    @contextmanager
    def _write_transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        conn = self._connect(read_only=False)
        try:
            conn.execute("BEGIN TRANSACTION")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            _WRITER.detach()

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Yield a read-only connection, waiting while a pass holds the file for writing."""
        if not self.path.exists():
            self.migrate()
        conn = self._connect(read_only=True)
        try:
            yield conn
        finally:
            conn.close()


class _Writer:
    """The process's in-memory DuckDB instance through which every write reaches a file.

    Used only with ``_WRITE_LOCK`` held: one file is attached at a time, as ``warehouse``, and
    detached (checkpointed and its lock released, so readers get in) right after the write.
    """

    def __init__(self) -> None:
        self._instance: duckdb.DuckDBPyConnection | None = None
        self._writes = 0

    def attach(self, path: Path) -> duckdb.DuckDBPyConnection:
        if self._instance is None or self._writes >= WRITES_PER_INSTANCE:
            self.close()
            # One thread: a chunk write is small, and the extraction workers hold the cores.
            # Lists of keys stay filters that an index answers (``in_keys``): rewritten into a
            # hash join, each took ~8.6 MB, most of a chunk write's peak.
            self._instance = duckdb.connect(config={
                "storage_compatibility_version": STORAGE_COMPATIBILITY, "threads": 1,
                "disabled_optimizers": "in_clause"})
            _purge_freed_pages_at_once()
        instance = self._instance
        quoted = str(path).replace("'", "''")
        instance.execute(f"ATTACH '{quoted}' AS warehouse (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        self._writes += 1
        try:
            instance.execute("USE warehouse")
        except BaseException:
            self.detach()
            raise
        return instance

    def detach(self) -> None:
        """Detach the file; if that fails, drop the instance, which lets the file go too."""
        if self._instance is None:
            return
        try:
            self._instance.execute("USE memory")
            self._instance.execute("DETACH warehouse")
        except duckdb.Error as exc:
            LOGGER.warning("could not detach the warehouse (%s); starting a new writer", exc)
            self.close()
        _return_freed_memory()

    def close(self) -> None:
        if self._instance is not None:
            instance, self._instance, self._writes = self._instance, None, 0
            instance.close()


_WRITER = _Writer()


def _duckdb_mallctl() -> Callable[..., int] | None:
    """Return the control function of DuckDB's bundled jemalloc (Linux wheels), else None."""
    try:
        import _duckdb

        mallctl = ctypes.CDLL(_duckdb.__file__).duckdb_je_mallctl
    except (ImportError, OSError, AttributeError):
        return None
    mallctl.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                        ctypes.c_size_t]
    mallctl.restype = ctypes.c_int
    return mallctl  # type: ignore[no-any-return]


_MALLCTL = _duckdb_mallctl()


@lru_cache(maxsize=1)
def _purge_freed_pages_at_once() -> None:
    """Have DuckDB's allocator hand pages back as soon as they are freed, not up to a second
    later: a chunk write frees and allocates again within that second, and the pages it had
    freed and not yet handed back made its peak grow over a long pass."""
    if _MALLCTL is None:
        return
    at_once = ctypes.c_ssize_t(0)
    arenas = ctypes.c_uint(0)
    size = ctypes.c_size_t(ctypes.sizeof(arenas))
    _MALLCTL(b"arenas.dirty_decay_ms", None, None, ctypes.byref(at_once),
             ctypes.sizeof(at_once))  # arenas made from now on
    _MALLCTL(b"arenas.narenas", ctypes.byref(arenas), ctypes.byref(size), None, 0)
    for index in range(arenas.value):
        _MALLCTL(f"arena.{index}.dirty_decay_ms".encode(), None, None, ctypes.byref(at_once),
                 ctypes.sizeof(at_once))


def _return_freed_memory() -> None:
    """Empty this thread's cache of blocks DuckDB freed and hand back the pages its arenas
    still hold: with freed pages handed back at once (``_purge_freed_pages_at_once``), a
    write still left ~2 MB more resident without this."""
    if _MALLCTL is not None:
        _MALLCTL(b"thread.tcache.flush", None, None, None, 0)
        _MALLCTL(b"arena.4096.purge", None, None, None, 0)  # 4096: all arenas


def apply_migrations(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations, each in one transaction with its record; return their names."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for version, (name, sql) in enumerate(MIGRATIONS, start=1):
        if name in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, utcnow()]
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def scalar(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """Return the first column of the first row of ``sql`` (None when there is no row)."""
    row = conn.execute(sql, list(params)).fetchone()
    return None if row is None else row[0]


def insert_rows(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    columns: dict[str, str],
    rows: Sequence[Sequence[Any]],
    *,
    on_conflict: str = "",
) -> int:
    """Insert ``rows`` into ``table`` in one statement (column-wise ``unnest``); return the count.

    ``columns`` maps column name to its DuckDB type. One statement per batch is what makes
    loading fast: ``executemany`` runs one statement per row.
    """
    if not rows:
        return 0
    selects, vectors = _unnest_columns(columns, rows)
    conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {selects} {on_conflict}", vectors
    )
    return len(rows)


def update_rows(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    columns: dict[str, str],
    rows: Sequence[Sequence[Any]],
    *,
    key: str,
    assignments: str,
) -> int:
    """Update the rows of ``table`` whose ``key`` matches one of ``rows``, in one statement;
    return the count of ``rows``.

    ``columns`` maps column name to DuckDB type, as for ``insert_rows``; ``assignments`` is the
    ``SET`` list, in which ``excluded.<column>`` is the value of the matching row. Keys must be
    unique within ``rows``. Each row is found through the key's index and its values picked by
    the key's position in the list: an ``UPDATE … FROM`` the rows joined them by hashing, ~13 MB
    for a chunk of 50 articles against ~4.6 MB.
    """
    if not rows:
        return 0
    names = list(columns)
    values = dict(zip(names, (list(column) for column in zip(*rows, strict=True)), strict=True))
    params: list[Any] = [values[key]]
    position = f"list_position($1::{columns[key]}[], {table}.{key})"
    numbers: dict[str, int] = {}

    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in numbers:
            params.append(values[name])
            numbers[name] = len(params)
        return f"(${numbers[name]}::{columns[name]}[])[{position}]"

    updates = re.sub(r"\bexcluded\.(\w+)\b", value_of, assignments)
    condition, key_params = in_keys(f"{table}.{key}", values[key], first=len(params) + 1,
                                    kind=columns[key])
    conn.execute(f"UPDATE {table} SET {updates} WHERE {condition}", params + key_params)
    return len(rows)


def in_keys(column: str, keys: Sequence[Any], *, first: int = 1,
            kind: str = "VARCHAR") -> tuple[str, list[Any]]:
    """Return the condition "``column`` is one of ``keys``" and its parameters, numbered from
    ``$first``.

    Up to ``MAX_KEYS_LOOKED_UP`` keys are listed one parameter each, which on the writer
    instance an index on ``column`` answers (0.25 MB, 1 ms for 50 keys among 200,000 rows).
    More (a feed poll's items) go in one list joined by hashing: DuckDB answers at most 2,048
    keys through an index and compares every row with a longer list. ``keys`` must not be
    empty.
    """
    if len(keys) <= MAX_KEYS_LOOKED_UP:
        listed = ", ".join(f"${number}" for number in range(first, first + len(keys)))
        return f"{column} IN ({listed})", list(keys)
    return f"{column} IN (SELECT unnest(${first}::{kind}[]))", [list(keys)]


def _unnest_columns(columns: dict[str, str],
                    rows: Sequence[Sequence[Any]]) -> tuple[str, list[list[Any]]]:
    """Return the select list that turns one list parameter per column back into ``rows``
    (``unnest($1::TYPE[]) AS name, …``), and those lists."""
    selects = ", ".join(f"unnest(${i}::{kind}[]) AS {name}"
                        for i, (name, kind) in enumerate(columns.items(), start=1))
    return selects, [list(column) for column in zip(*rows, strict=True)]
