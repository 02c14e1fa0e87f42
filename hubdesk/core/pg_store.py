"""The hub's store in PostgreSQL (psycopg 3), for when one SQLite file is outgrown.

``hubdesk hub serve --database postgresql://…`` records the address in the data folder (see
:func:`database_url`), and every process that opens that folder (each ``--workers`` process, every
``hub`` command) then keeps its tables in PostgreSQL; SQLite stays the embedded default.

The domain modules write SQLite's SQL through :class:`~hubdesk.core.store.Store` and never learn
which store they talk to: :class:`PgConnection` answers the same typed interface as
:class:`sqlite3.Connection` (:class:`hubdesk.core.store.Connection`: ``execute``, ``executemany``,
``in_transaction``, ``total_changes``; rows readable by position and by name; sqlite3's exception
classes), and passes each statement through
:func:`~hubdesk.core.sql_dialect.to_postgres`. Writes keep SQLite's model, one writer at a time,
across every process on the database: each write transaction first takes one transaction-scoped
advisory lock, so sequence numbers, version vectors and quotas stay exact with several workers,
while reads never wait (MVCC).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from hubdesk.core.sql_dialect import to_postgres
from hubdesk.core.store import Connection, Schema, Store
from hubdesk.errors import StoreError

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)
URL_FILE = "database-url"
WRITE_LOCK = 0x4855_4244  # "HUBD": the one advisory lock every write transaction takes
MIGRATE_LOCK = WRITE_LOCK + 1
SCHEMES = ("postgresql://", "postgres://")
# SQL functions the SQLite store registers in Python, written once in PostgreSQL's own words
_FUNCTIONS = {
    "hd_week": (
        "CREATE OR REPLACE FUNCTION hd_week(stamp TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$ "
        "SELECT CASE WHEN stamp ~ '^[0-9a-fA-F]{13}' THEN "
        "(('x' || lpad(substr(stamp, 1, 13), 16, '0'))::bit(64)::bigint / 86400000 + 3) / 7 END $$"
    ),
}


def is_url(value: str) -> bool:
    return value.startswith(SCHEMES)


def redacted(url: str) -> str:
    """``url`` without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def database_url(data_dir: Path) -> str | None:
    """The PostgreSQL address this data folder's store lives at, if it was moved there."""
    try:
        text = (data_dir / URL_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"The database address in {data_dir / URL_FILE} cannot be read: {exc.strerror}.") from exc
    if not is_url(text):
        raise StoreError(f"{data_dir / URL_FILE} does not hold a postgresql:// address.")
    return text


def remember_url(data_dir: Path, url: str) -> None:
    """Record that this data folder's store is at ``url`` (only its owner may read it: it may hold a password)."""
    path = data_dir / URL_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(url + "\n", encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)


class PgRow(tuple[Any, ...]):
    """A row read by position, by column name, or as ``dict(row)``, like :class:`sqlite3.Row`."""

    _names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@lru_cache(maxsize=1024)
def _row_type(names: tuple[str, ...]) -> type[PgRow]:
    """One row class per shape of result (made once: a query's columns are a constant of the code)."""
    return type("Row", (PgRow,), {"_names": {name: i for i, name in enumerate(names)}, "__slots__": ()})


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    return _row_type(tuple(col.name for col in cursor.description or ()))


def _as_sqlite_error(exc: Exception) -> sqlite3.Error:
    import psycopg

    kind = sqlite3.IntegrityError if isinstance(exc, psycopg.IntegrityError) else sqlite3.OperationalError
    err = kind(str(exc).strip())
    err.__cause__ = exc
    return err


def _connect(url: str, *, read_only: bool = False) -> psycopg.Connection[Any]:
    try:
        import psycopg
        from psycopg.adapt import Loader
    except ImportError as exc:  # the desktop bundle leaves it out
        raise StoreError(
            "This HubDesk was built without PostgreSQL support: run a hub on PostgreSQL from the Python "
            "package (pip install hubdesk), as docs/hub.md describes."
        ) from exc

    class NumberLoader(Loader):
        """numeric (SUM, AVG) as int or float, as SQLite gives them, never Decimal."""

        def load(self, data: Any) -> int | float:
            text = bytes(data).decode()
            return float(text) if "." in text or "e" in text.lower() else int(text)

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="hubdesk")
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split()).rstrip(".?")
        raise StoreError(f"The database at {redacted(url)} cannot be opened: {reason}.") from exc
    conn.adapters.register_loader("numeric", NumberLoader)
    conn.row_factory = _row_factory
    if read_only:
        conn.execute("SET default_transaction_read_only = on")
    return conn


class PgConnection:
    """A :class:`hubdesk.core.store.Connection` over one psycopg connection."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self.total_changes = 0

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> psycopg.Cursor[Any]:
        import psycopg

        try:
            cur = self.raw.execute(to_postgres(sql), params)
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc) from exc
        if cur.rowcount > 0 and cur.description is None:
            self.total_changes += cur.rowcount
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        import psycopg

        cur = self.raw.cursor()
        try:
            cur.executemany(to_postgres(sql), rows)
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc) from exc
        if cur.rowcount > 0:
            self.total_changes += cur.rowcount
        return cur

    def create_function(self, name: str, _nargs: int, _fn: object, **_kw: object) -> None:
        """The PostgreSQL store made its functions in SQL when it opened; only those exist."""
        if name not in _FUNCTIONS:
            raise StoreError(f"The SQL function {name} has no PostgreSQL version.")

    def close(self) -> None:
        self.raw.close()


class _Schema:
    """What a migration gets on PostgreSQL in place of sqlite-utils: ``execute`` and ``conn``."""

    def __init__(self, conn: PgConnection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.conn.execute(sql, params)


class PgStore(Store):
    """A :class:`Store` whose tables live in PostgreSQL."""

    BEGIN = ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
    embedded = False

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = redacted(url)
        self.pg = PgConnection(_connect(url))
        self.conn = self.pg
        for sql in _FUNCTIONS.values():
            self.pg.raw.execute(sql)
        self._lock = threading.RLock()
        self._applied: set[str] = set()
        self.migrate()

    @property
    def db(self) -> Schema:
        return _Schema(self.pg)

    def migrate(self) -> list[str]:
        """As for SQLite, with one process at a time (several workers may open the database at once)."""
        with self._lock:
            self.pg.raw.execute(f"SELECT pg_advisory_lock({MIGRATE_LOCK})")
            try:
                return super().migrate()
            finally:
                self.pg.raw.execute(f"SELECT pg_advisory_unlock({MIGRATE_LOCK})")

    def _backup_before_upgrade(self) -> None:
        log.info("PostgreSQL at %s: back it up with pg_dump before upgrades (docs/hub.md)", self.path)

    def check_integrity(self) -> None:
        """PostgreSQL checks its own pages; an unreachable server already failed to open."""

    def reader(self) -> Connection:
        return PgConnection(_connect(self.url, read_only=True))

    def sqlite_reader(self) -> sqlite3.Connection:
        raise StoreError("This hub keeps its tables in PostgreSQL: back it up with pg_dump (docs/hub.md).")
