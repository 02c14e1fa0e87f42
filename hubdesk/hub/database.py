"""Where a hub keeps its tables: the data folder's SQLite file, or a PostgreSQL database it names.

``hub serve --database postgresql://…`` names the database for the folder (:func:`use`); a folder
that already has its SQLite file (a hub's identity, enrolment codes, operators, events) is never
switched to another database without them: its tables move there first, as ``hub migrate-to``
does (:func:`move_to`): every table copied in one PostgreSQL transaction into an empty database,
each table's row count checked on both sides, and only then the address recorded. The SQLite file stays where it was,
untouched, as the copy to fall back on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hubdesk.core import domains, pg_store
from hubdesk.core.paths import DataDir
from hubdesk.core.pg_store import PgStore
from hubdesk.errors import HubDeskError, StoreError

CHUNK = 5000


class MoveError(HubDeskError):
    """A move to PostgreSQL that was refused or did not finish; nothing was recorded."""


@dataclass(frozen=True)
class Moved:
    table: str
    rows: int


def _load_hub_tables() -> None:
    """Register every migration a hub applies (the hub's own modules add tables to the core's)."""
    domains.load()
    import hubdesk.hub.server  # noqa: F401  (imports the hub's table owners)


def use(data_dir: Path, url: str) -> list[Moved]:
    """Keep this hub's tables in PostgreSQL at ``url`` from now on (what ``hub serve --database`` does).

    A folder that already has its SQLite file moves it there first (:func:`move_to`: an empty
    database only, counts checked); return what moved (nothing for a new hub)."""
    if not pg_store.is_url(url):
        raise StoreError("--database takes a postgresql:// address, for example postgresql://hub@db.example/hubdesk.")
    dirs = DataDir(data_dir).ensure()
    current = pg_store.database_url(data_dir)
    if current == url:
        return []
    if current is not None:
        raise MoveError(
            f"This hub's tables are in {pg_store.redacted(current)}, not {pg_store.redacted(url)}; "
            "serve it without --database, or move it with 'hubdesk hub migrate-to'."
        )
    if dirs.database.exists():  # its identity, enrolment codes, operators: never left behind
        return move_to(data_dir, url)
    PgStore(url).close()  # reachable, and its tables made, before the folder names it
    pg_store.remember_url(data_dir, url)
    return []


def move_to(data_dir: Path, url: str, progress: Callable[[str, int], None] | None = None) -> list[Moved]:
    """Copy this hub's SQLite tables into the empty PostgreSQL database at ``url``, check the counts,
    and record the address; return each table with its rows."""
    if not pg_store.is_url(url):
        raise StoreError("migrate-to takes a postgresql:// address, for example postgresql://hub@db.example/hubdesk.")
    if pg_store.database_url(data_dir) is not None:
        raise MoveError("This hub's tables are already in PostgreSQL; nothing was changed.")
    source_path = DataDir(data_dir).database
    if not source_path.exists():
        raise MoveError(f"There is no hub database at {source_path} to move; nothing was changed.")
    _load_hub_tables()
    from hubdesk.core.store import Store

    Store(source_path).close()  # every migration applied to the source, so both sides have the same tables
    target = PgStore(url)
    try:
        if target.query("SELECT COUNT(*) FROM events")[0][0]:
            raise MoveError(f"The database {target.path} already holds events; move into an empty one.")
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        try:
            moved = _copy(source, target, progress)
        finally:
            source.close()
    finally:
        target.close()
    pg_store.remember_url(data_dir, url)
    return moved


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != '_migrations' ORDER BY name"
    )
    return [r[0] for r in rows]


def _copy(source: sqlite3.Connection, target: PgStore, progress: Callable[[str, int], None] | None) -> list[Moved]:
    target_tables = {r[0] for r in target.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    moved: list[Moved] = []
    with target.transaction() as conn:
        for table in _tables(source):
            if table not in target_tables:
                raise MoveError(f"The table {table} has no place in PostgreSQL (is this HubDesk older than the hub?).")
            conn.execute(f'DELETE FROM "{table}"')  # what opening it made (the hub's own identity row, say)
            cur = source.execute(f'SELECT * FROM "{table}"')
            columns = ", ".join(f'"{d[0]}"' for d in cur.description)
            marks = ", ".join("?" * len(cur.description))
            insert = f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'
            copied = 0
            while rows := cur.fetchmany(CHUNK):
                try:
                    conn.executemany(insert, rows)
                except sqlite3.Error as exc:  # a row PostgreSQL's stricter types refuse
                    raise MoveError(f"The table {table} could not be copied ({exc}); nothing was kept.") from exc
                copied += len(rows)
                if progress:
                    progress(table, copied)
            there = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            if there != copied:
                raise MoveError(f"{table}: {copied} rows read but {there} written; nothing was kept.")
            moved.append(Moved(table, copied))
    return moved
