"""The hub on PostgreSQL: the dialect, moving an existing SQLite hub, and refusing to switch silently."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core import pg_store
from hubdesk.core.installation import Installation
from hubdesk.core.sql_dialect import to_postgres
from hubdesk.sync.http import sync_now
from tests.pg_server import PgServer
from tests.sync.helpers import enrol, running_hub


@pytest.mark.parametrize("hub_store", ["sqlite"], indirect=True)
def test_the_dialect_rewrites_what_postgresql_says_otherwise() -> None:
    assert (
        to_postgres("INSERT OR IGNORE INTO t (a) VALUES (?)") == "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"
    )
    upsert = to_postgres(
        "INSERT INTO t (k, n) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET n = MAX(n, excluded.n) WHERE n < excluded.n"
    )
    assert upsert.endswith("SET n = GREATEST(t.n, excluded.n) WHERE t.n < excluded.n")
    assert to_postgres("SELECT a FROM t WHERE name = ? COLLATE NOCASE ORDER BY name COLLATE NOCASE") == (
        "SELECT a FROM t WHERE lower(name) = lower(%s) ORDER BY lower(name)"
    )
    # a ? or a % inside a literal is text, not a placeholder
    assert to_postgres("SELECT '?%' || x FROM t WHERE y LIKE ?") == "SELECT '?%%' || x FROM t WHERE y ILIKE %s"
    assert to_postgres("CREATE TABLE t (a INTEGER, b REAL, c BLOB DEFAULT x'', PRIMARY KEY (a)) WITHOUT ROWID") == (
        "CREATE TABLE t (a BIGINT, b DOUBLE PRECISION, c BYTEA DEFAULT '\\x'::bytea, PRIMARY KEY (a))"
    )
    assert to_postgres("SELECT json_extract(payload, '$.pack') FROM temp.x") == (
        "SELECT (payload::jsonb ->> 'pack') FROM pg_temp.x"
    )


def test_the_hub_tests_really_run_on_postgresql(hub_store: str, tmp_path: Path) -> None:
    with Installation(tmp_path / "hub") as hub:
        assert hub.store.embedded is (hub_store == "sqlite")


@pytest.mark.parametrize("hub_store", ["sqlite"], indirect=True)
def test_an_sqlite_hub_moves_to_postgresql_with_every_row(
    postgres: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "old-hub"
    with Installation(data) as hub, Installation(tmp_path / "centre") as centre, running_hub(hub) as (url, _):
        enrol(centre, hub, url)
        for name in ("Amina", "Brian", "Chidi"):
            centre.learners.add(name)
        sync_now(centre, packs=False)
        learners = sorted(lr.name for lr in hub.learners.all())
        events = hub.store.query("SELECT COUNT(*) FROM events")[0][0]
        hub_id = hub.device_id
    assert learners == ["Amina", "Brian", "Chidi"] and events >= 3

    target = postgres.create_database()
    # a database that already holds another hub's events is never overwritten
    with Installation(tmp_path / "other") as other:
        other.learners.add("Somebody Else")
    other_db = postgres.create_database()
    assert main(["--data-dir", str(tmp_path / "other"), "hub", "migrate-to", other_db]) == 0
    assert main(["--data-dir", str(data), "hub", "migrate-to", other_db]) == 1
    assert "already holds events" in capsys.readouterr().err
    assert pg_store.database_url(data) is None

    assert main(["--data-dir", str(data), "hub", "migrate-to", target]) == 0
    said = capsys.readouterr().out
    assert "counts checked" in said and "events" in said
    assert pg_store.database_url(data) == target
    with Installation(data) as moved:
        assert not moved.store.embedded
        assert moved.device_id == hub_id  # the same hub: centres' enrolments still hold
        assert sorted(lr.name for lr in moved.learners.all()) == learners
        assert moved.store.query("SELECT COUNT(*) FROM events")[0][0] == events
    # the SQLite file is left as it was, as the fallback
    with sqlite3.connect(data / "hubdesk.sqlite3") as old:
        assert old.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events
    # HubDesk's own SQLite backups would copy nothing of it: pg_dump's job, said in one sentence
    for command in (["backup"], ["restore", str(data / "hubdesk.sqlite3")]):
        assert main(["--data-dir", str(data), *command]) == 1
        assert "pg_dump" in capsys.readouterr().err
    # a second move is refused; the first stays recorded
    assert main(["--data-dir", str(data), "hub", "migrate-to", postgres.create_database()]) == 1
    assert pg_store.database_url(data) == target


@pytest.mark.parametrize("hub_store", ["sqlite"], indirect=True)
def test_a_database_that_cannot_be_reached_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = "postgresql://nobody@127.0.0.1:9/none"
    assert main(["--data-dir", str(tmp_path / "h"), "hub", "serve", "--port", "0", "--database", bad]) == 1
    err = capsys.readouterr().err
    assert "cannot be opened" in err and "Traceback" not in err
    assert pg_store.database_url(tmp_path / "h") is None
    assert main(["--data-dir", str(tmp_path / "h"), "hub", "serve", "--database", "mysql://x/y"]) == 1
    assert "postgresql://" in capsys.readouterr().err


@pytest.mark.parametrize("hub_store", ["sqlite"], indirect=True)
def test_a_row_postgresql_refuses_stops_the_move_and_keeps_nothing(
    postgres: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "old-hub"
    with Installation(data) as hub:
        hub.learners.add("Amina")
        with hub.store.transaction() as conn:  # SQLite's loose typing let a damaged row in
            conn.execute("INSERT INTO vector (device_id, scope, upto) VALUES ('x', 'centre', 'many')")
    target = postgres.create_database()
    assert main(["--data-dir", str(data), "hub", "migrate-to", target]) == 1
    err = capsys.readouterr().err
    assert "vector" in err and "nothing was kept" in err and "Traceback" not in err
    assert pg_store.database_url(data) is None
    moved = pg_store.PgStore(target)
    try:
        assert moved.query("SELECT COUNT(*) FROM events")[0][0] == 0
    finally:
        moved.close()


@pytest.mark.parametrize("hub_store", ["sqlite"], indirect=True)
def test_serving_an_sqlite_hub_on_a_database_moves_it_there_first(
    postgres: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "hub-folder"
    assert main(["--data-dir", str(data), "hub", "operator", "add", "Grace", "--password", "a-long-password"]) == 0
    with Installation(data) as hub:
        hub_id = hub.device_id
    target = postgres.create_database()
    with socket.socket() as busy:  # the port is taken, so serve stops once the move is done
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        code = main(
            ["--data-dir", str(data), "hub", "serve", "--host", "127.0.0.1", "--port", port, "--database", target]
        )
    out = capsys.readouterr()
    assert code == 1 and "already in use" in out.err
    assert "Moved this hub's" in out.out and "counts checked" in out.out, out
    assert pg_store.database_url(data) == target
    with Installation(data) as moved:
        assert not moved.store.embedded and moved.device_id == hub_id
        assert moved.store.query("SELECT name FROM hub_operators")[0][0] == "Grace"
