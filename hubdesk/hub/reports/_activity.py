"""Who studied in which week: the one table every hub report reads, kept up to date incrementally.

``hub_activity`` holds one row per (week, learner, pack, device) in which the learner opened or
finished a lesson, spent time on one or answered a quiz. It is derived from the event log without a
projector: :func:`refresh` reads, per centre PC, the ``centre``-scope events past the last one it
counted and up to the contiguous end in the version vector, so each event is counted once whatever
process applied it (the hub server, a bundle import on the command line) and a gap left by a
half-finished sync is read only once it is filled. ``hub_starts`` keeps each learner's first week,
overall (pack ``''``) and per course, so a retention report reads only its recent cohorts. Weeks
start on Monday (UTC); a week is a whole number (weeks since 1969-12-29), so retention is plain
subtraction.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import TYPE_CHECKING

from hubdesk.core.events import CENTRE
from hubdesk.core.store import Connection, Schema, Store, migration
from hubdesk.hub.reports import _cells, _reached

if TYPE_CHECKING:
    pass

ACTIVITY_KINDS = ("lesson.opened", "lesson.finished", "time.spent", "quiz.answered")
_EPOCH_MONDAY = dt.date(1969, 12, 29)
_MS_PER_DAY = 86_400_000
_lock = threading.Lock()


def week_of_ms(ms: int) -> int:
    return (ms // _MS_PER_DAY + 3) // 7


def week_of_stamp(stamp: str) -> int | None:
    """The week of an HLC stamp (``<ms hex>-...``), or ``None`` for an unreadable one."""
    try:
        return week_of_ms(int(stamp[:13], 16))
    except (ValueError, TypeError):
        return None


def week_of_time(at: float) -> int:
    return week_of_ms(int(at * 1000))


def this_week() -> int:
    return week_of_time(time.time())


def week_start(week: int) -> dt.date:
    """The Monday a week starts on."""
    return _EPOCH_MONDAY + dt.timedelta(days=7 * week)


def _install_functions(conn: Connection) -> None:
    conn.create_function("hd_week", 1, week_of_stamp, deterministic=True)


_PENDING = (
    "SELECT v.device_id, COALESCE(m.upto, 0), v.upto FROM vector v "
    "LEFT JOIN hub_activity_marks m ON m.device_id = v.device_id "
    "WHERE v.scope = ? AND v.upto > COALESCE(m.upto, 0)"
)


def refresh(store: Store) -> int:
    """Count the activity events that arrived since the last refresh; return how many rows that added.

    Cheap when nothing arrived (one query over the version vector), so every report calls it first.
    """
    store.migrate()  # this module's table, when the process opened the store before importing it
    if not store.query(_PENDING, (CENTRE,)):
        return 0
    with _lock, store.transaction() as conn:
        pending = conn.execute(_PENDING, (CENTRE,)).fetchall()  # again, under the write lock: another
        # process (a second hub worker) may have just counted them
        _install_functions(conn)
        marks = ",".join("?" * len(ACTIVITY_KINDS))
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS hub_new (week INT, learner_id TEXT, pack_id TEXT, device_id TEXT, "
            "lesson_id TEXT, fin INT)"
        )
        conn.execute("DELETE FROM temp.hub_new")
        for device_id, done, upto in pending:
            conn.execute(
                "INSERT INTO temp.hub_new SELECT hd_week(hlc), learner_id, "
                "COALESCE(json_extract(payload, '$.pack'), ''), device_id, "
                "CASE WHEN json_type(payload, '$.lesson') = 'text' AND json_type(payload, '$.pack') = 'text' "
                "THEN json_extract(payload, '$.lesson') END, CASE WHEN kind = 'lesson.finished' THEN 1 ELSE 0 END "
                "FROM events WHERE device_id = ? AND scope = ? AND scope_seq > ? AND scope_seq <= ? "
                f"AND kind IN ({marks}) AND learner_id IS NOT NULL",
                (device_id, CENTRE, done, upto, *ACTIVITY_KINDS),
            )
            conn.execute(
                "INSERT INTO hub_activity_marks (device_id, upto) VALUES (?, ?) "
                "ON CONFLICT(device_id) DO UPDATE SET upto = excluded.upto",
                (device_id, upto),
            )
        conn.execute("DELETE FROM temp.hub_new WHERE week IS NULL")  # a stamp no week can be read from
        _cells.move(conn, -1)  # the affected learners' retention cells, out before their weeks change
        read = conn.execute(
            "INSERT OR IGNORE INTO hub_activity SELECT DISTINCT week, learner_id, pack_id, device_id FROM temp.hub_new"
        ).rowcount
        # each learner's first week, overall ('') and per course: the cohorts retention follows
        for pack, by in (("''", "learner_id"), ("pack_id", "learner_id, pack_id")):
            conn.execute(
                f"INSERT INTO hub_starts (learner_id, pack_id, week) SELECT learner_id, {pack}, MIN(week) "
                f"FROM temp.hub_new WHERE true GROUP BY {by} "
                "ON CONFLICT(learner_id, pack_id) DO UPDATE SET week = MIN(week, excluded.week)"
            )
        _cells.move(conn, 1)  # and back in, counted from their weeks now
        _reached.count(conn)
        conn.execute("DELETE FROM temp.hub_new")
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('hub_activity_version', '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(meta.value AS INTEGER) + 1"
        )
    return read


def version(store: Store) -> int:
    """A number that changes whenever :func:`refresh` counted something (reports cache on it)."""
    value = store.meta_get("hub_activity_version")
    return int(value) if value and value.isdigit() else 0


@migration("0160_hub_activity")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE hub_activity (
            week INTEGER NOT NULL, learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, device_id TEXT NOT NULL,
            PRIMARY KEY (week, learner_id, pack_id, device_id)) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX hub_activity_learner ON hub_activity (learner_id, week)")
    db.execute("CREATE TABLE hub_activity_marks (device_id TEXT PRIMARY KEY, upto INTEGER NOT NULL)")


@migration("0163_hub_starts")
def _starts(db: Schema) -> None:
    db.execute(
        "CREATE TABLE hub_starts (learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, week INTEGER NOT NULL, "
        "PRIMARY KEY (learner_id, pack_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX hub_starts_week ON hub_starts (pack_id, week)")
    db.execute("INSERT INTO hub_starts SELECT learner_id, '', MIN(week) FROM hub_activity GROUP BY learner_id")
    db.execute("INSERT INTO hub_starts SELECT learner_id, pack_id, MIN(week) FROM hub_activity GROUP BY 1, 2")
