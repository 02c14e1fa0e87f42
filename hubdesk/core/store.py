"""The one SQLite database of an installation: WAL, named migrations, one serial writer.

Every domain module declares its tables with ``@migration("NNNN_domain_what")``; names sort in the
order they are applied and each is applied once, in its own transaction, and recorded. Writes go
through :meth:`Store.transaction`, which holds a process-wide lock and takes SQLite's write lock up
front (``BEGIN IMMEDIATE``) so two writers never deadlock into "database is locked"; readers on
other threads open their own connection with :meth:`Store.reader` and never block the writer (WAL).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from hubdesk.errors import HubDeskError, StoreError

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)
MigrationFn = Callable[["Schema"], None]


class Cursor(Protocol):
    """What a statement gives back, on either store (:class:`sqlite3.Cursor`, psycopg's cursor)."""

    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of :class:`sqlite3.Connection` the domain modules use: what both stores answer (the
    PostgreSQL one through :class:`hubdesk.core.pg_store.PgConnection`). Rows are read by position
    and by column name."""

    @property
    def in_transaction(self) -> bool: ...

    @property
    def total_changes(self) -> int: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def create_function(self, name: str, narg: int, func: Any, /, *, deterministic: bool = ...) -> None: ...

    def close(self) -> None: ...


class Schema(Protocol):
    """What a migration gets: sqlite-utils over the SQLite store, its own small twin on PostgreSQL."""

    @property
    def conn(self) -> Connection: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


_MIGRATIONS: dict[str, MigrationFn] = {}


def migration(name: str) -> Callable[[MigrationFn], MigrationFn]:
    """Register a named schema step. Names must be unique; they are applied in sorted order."""

    def register(fn: MigrationFn) -> MigrationFn:
        if name in _MIGRATIONS and _MIGRATIONS[name] is not fn:
            raise ValueError(f"two migrations are called {name!r}")
        _MIGRATIONS[name] = fn
        return fn

    return register


BUSY_TIMEOUT_MS = 30_000


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class DamagedStore(StoreError):
    """A database that fails its integrity check; ``backup`` is the newest good one to restore, if any."""

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__(message)
        self.backup = backup

    @classmethod
    def at(cls, path: str, problem: str) -> DamagedStore:
        from hubdesk.core import backups

        try:
            good = backups.newest_good(Path(path))
        except OSError:
            good = None
        if good is None:
            return cls(f"The database at {path} is damaged ({problem}) and there is no good backup of it.", None)
        return cls(
            f"The database at {path} is damaged ({problem}); the newest good backup is from "
            f"{good.made:%Y-%m-%d %H:%M} UTC: restore it with 'hubdesk restore {good.path}'.",
            good.path,
        )


class Store:
    """One open database. Thread-safe for writes through :meth:`transaction`."""

    conn: Connection

    BEGIN: tuple[str, ...] = ("BEGIN IMMEDIATE",)  # what starts a write transaction
    embedded = True  # a file in the data folder (backed up by HubDesk), not a database server
    closed = False

    def __init__(self, path: Path | str, *, check: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.sqlite = _connect(self.path)
            self.conn = self.sqlite
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a power cut loses no committed event; WAL keeps it cheap enough for batched applies.
            self.conn.execute("PRAGMA synchronous = FULL")
            if check:
                self.check_integrity()
        except sqlite3.DatabaseError as exc:
            if self.path != ":memory:" and Path(self.path).exists():
                raise DamagedStore.at(self.path, str(exc)) from exc
            raise StoreError(f"The database at {self.path} cannot be opened: {exc}.") from exc
        self._lock = threading.RLock()
        self._applied: set[str] = set()
        self.migrate()

    # -- schema -------------------------------------------------------------------------------
    @cached_property
    def db(self) -> Schema:
        """sqlite-utils over the same connection, for migrations (imported only when one is pending:
        importing and opening it costs ~100 ms, a third of the app's start)."""
        import sqlite_utils

        return sqlite_utils.Database(self.sqlite)

    def migrate(self) -> list[str]:
        """Apply every registered migration not yet applied; return their names."""
        with self._lock:
            pending = sorted(set(_MIGRATIONS) - self._applied)
            if not pending:
                return []
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
            if done and self.path != ":memory:" and any(name not in done for name in pending):
                self._backup_before_upgrade()
            applied: list[str] = []
            for name in pending:
                if name not in done:
                    with self.transaction():
                        _MIGRATIONS[name](self.db)
                        self.conn.execute(
                            "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (name,)
                        )
                    applied.append(name)
                self._applied.add(name)
            return applied

    def _backup_before_upgrade(self) -> None:
        """A checked copy before an existing database's schema changes (kept in ``backups/``)."""
        from datetime import UTC, datetime

        from hubdesk.core import backups

        folder = backups.folder_for(Path(self.path))
        try:
            backups.snapshot(self.sqlite, folder / backups.name_for(datetime.now(UTC), "upgrade"))
            for old in [b for b in backups.Backups(self.path).list() if b.kind == "upgrade"][backups.KEEP :]:
                old.path.unlink(missing_ok=True)
        except HubDeskError as exc:  # a full disk must not also stop the upgrade; say it in the log
            log.warning("no backup before upgrading %s: %s", self.path, exc)

    def check_integrity(self) -> None:
        rows = [r[0] for r in self.conn.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            raise DamagedStore.at(self.path, "; ".join(rows[:3]))

    # -- access -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """The one way to write. Nested calls join the outer transaction."""
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
            for sql in self.BEGIN:
                self.conn.execute(sql)
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def reader(self) -> Connection:
        """A new read connection for another thread (WAL lets it read while the writer writes)."""
        return self.sqlite_reader()

    def sqlite_reader(self) -> sqlite3.Connection:
        """The SQLite file itself, read-only (for a backup's page-by-page copy)."""
        if self.path == ":memory:":
            return self.sqlite
        conn = _connect(self.path)
        conn.execute("PRAGMA query_only = ON")
        return conn

    def query(self, sql: str, params: tuple[object, ...] | dict[str, object] = ()) -> list[Any]:
        with self._lock:
            return list(self.conn.execute(sql, params))

    def meta_get(self, key: str) -> str | None:
        row = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0][0]) if row else None

    def meta_set(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def close(self) -> None:
        with self._lock:
            self.conn.close()
            self.closed = True


@migration("0000_core_meta")
def _meta(db: Schema) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
