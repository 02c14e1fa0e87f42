"""Funnel counts kept as activity arrives: per (course, lesson), learners who reached and finished it.

``hub_reached`` remembers which learner reached (and finished) which lesson; :func:`count` adds to
``hub_funnel`` only what is new in ``temp.hub_new`` (a learner's first event in a lesson, their
first ``lesson.finished``), so a funnel page reads one row per lesson whatever the number of
learners, and counting the same events twice changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

_NEW = (
    "SELECT learner_id, pack_id, lesson_id, MAX(fin) AS fin FROM temp.hub_new "
    "WHERE lesson_id IS NOT NULL GROUP BY learner_id, pack_id, lesson_id"
)


def count(conn: Connection) -> None:
    conn.execute(
        "INSERT INTO hub_funnel (pack_id, lesson_id, reached, finished) "
        "SELECT n.pack_id, n.lesson_id, SUM(CASE WHEN r.learner_id IS NULL THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN n.fin = 1 AND COALESCE(r.finished, 0) = 0 THEN 1 ELSE 0 END) "
        f"FROM ({_NEW}) n LEFT JOIN hub_reached r ON r.learner_id = n.learner_id AND r.pack_id = n.pack_id "
        "AND r.lesson_id = n.lesson_id WHERE true GROUP BY 1, 2 "
        "ON CONFLICT(pack_id, lesson_id) DO UPDATE SET reached = hub_funnel.reached + excluded.reached, "
        "finished = hub_funnel.finished + excluded.finished"
    )
    conn.execute(
        f"INSERT INTO hub_reached (learner_id, pack_id, lesson_id, finished) SELECT * FROM ({_NEW}) AS n WHERE true "
        "ON CONFLICT(learner_id, pack_id, lesson_id) DO UPDATE SET finished = MAX(finished, excluded.finished)"
    )


@migration("0166_hub_funnel_counts")
def _schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE hub_reached (learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL, "
        "finished INTEGER NOT NULL, PRIMARY KEY (learner_id, pack_id, lesson_id)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE hub_funnel (pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL, reached INTEGER NOT NULL, "
        "finished INTEGER NOT NULL, PRIMARY KEY (pack_id, lesson_id)) WITHOUT ROWID"
    )
    # what the hub already holds (events counted before this table existed)
    db.execute(
        "INSERT INTO hub_reached SELECT learner_id, pack_id, lesson_id, "
        "CASE WHEN finished_hlc != '' THEN 1 ELSE 0 END FROM lesson_progress"
    )
    db.execute(
        "INSERT INTO hub_funnel SELECT pack_id, lesson_id, COUNT(*), SUM(finished) FROM hub_reached GROUP BY 1, 2"
    )
    db.execute("DROP INDEX IF EXISTS hub_lesson_progress_pack")  # the funnel no longer reads lesson_progress
