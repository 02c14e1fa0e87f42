"""The hub's tests run against both stores: SQLite (the embedded default) and a real PostgreSQL.

Under the ``postgresql`` parameter, the data folders a hub test makes for its hub (``hub`` and
``data`` under the test's folder) name a new database of one PostgreSQL server started for the
session (see :mod:`tests.pg_server`), exactly as ``hub serve --database`` records it; every
``Installation``, ``hub`` command and hub process opened on those folders then keeps its tables there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hubdesk.core import pg_store
from tests import pg_server

HUB_FOLDERS = ("hub", "data")


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.PgServer]:
    if not pg_server.available():
        pytest.fail("PostgreSQL is not installed: run packaging/setup.sh")
    with pg_server.PgServer() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"], autouse=True)
def hub_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Which store this run of the test keeps the hub's tables in."""
    if request.param == "postgresql":
        server: pg_server.PgServer = request.getfixturevalue("postgres")
        for name in HUB_FOLDERS:
            (tmp_path / name).mkdir()
            pg_store.remember_url(tmp_path / name, server.create_database())
    return str(request.param)
