"""The two stores a hub keeps its tables in, for benchmarks that measure both side by side.

``--store sqlite,postgresql``: PostgreSQL is a real server started for the run (Debian's binaries,
a temporary cluster on 127.0.0.1, PostgreSQL's default durability, as SQLite keeps ``synchronous
= FULL``), and each hub folder gets a new database of its own, named as ``hub serve --database``
names it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from hubdesk.core import pg_store
from tests.pg_server import PgServer

STORES = ("sqlite", "postgresql")


def parse(text: str) -> list[str]:
    chosen = [s.strip() for s in text.split(",") if s.strip()]
    unknown = set(chosen) - set(STORES)
    if unknown:
        raise SystemExit(f"--store takes {', '.join(STORES)}, not {', '.join(sorted(unknown))}")
    return chosen


class Stores(contextlib.ExitStack):
    """Makes hub folders on either store; the PostgreSQL server starts on first use and stops at exit."""

    def __init__(self) -> None:
        super().__init__()
        self._server: PgServer | None = None

    def folder(self, path: Path, store: str) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        if store == "postgresql":
            if self._server is None:
                self._server = self.enter_context(PgServer(durable=True))
            pg_store.remember_url(path, self._server.create_database())
        return path


@contextlib.contextmanager
def stores() -> Iterator[Stores]:
    with Stores() as made:
        yield made


def size_mb(folder: Path, store: str) -> float:
    """The hub's database size on disk."""
    if store == "sqlite":
        return sum(p.stat().st_size for p in folder.glob("hubdesk.sqlite3*")) / 1e6
    from hubdesk.core.pg_store import PgStore

    url = pg_store.database_url(folder)
    assert url
    db = PgStore(url)
    try:
        return float(db.query("SELECT pg_database_size(current_database())")[0][0]) / 1e6
    finally:
        db.close()
