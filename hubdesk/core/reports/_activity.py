"""What each learner did each day: the table every facilitator report is read from.

The progress tables (``hubdesk.core.progress``) hold where a learner stands *now*; a report also
needs *when*: time spent since a date, the last day a learner was seen, how long they have been
on one lesson, what they got right on their first try. So the same progress events (scope
``centre``, from every PC of the centre, replicated to each) are also projected here:

- ``learner_activity``: one row per learner, UTC day, pack and lesson with sums (opens, finishes,
  milliseconds, answers, right answers) and the first and last moment of that day; sums and
  min/max commute, so replicas that saw the events in any order hold the same rows;
- ``question_tries``: one row per learner and question: the first try (the attempt with the
  smallest HLC stamp wins, whatever order attempts arrive in), the number of tries and of wrong ones.

The migration that creates the tables fills them from the events already in the log, so a data
folder made before reports existed gets its history too.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from hubdesk.core.clock import stamp_ms
from hubdesk.core.events import CENTRE, Event, batch_projector
from hubdesk.core.progress import MAX_SECONDS_PER_EVENT
from hubdesk.core.store import Connection, Schema, Store, migration

if TYPE_CHECKING:
    pass

KINDS = ("lesson.opened", "lesson.finished", "time.spent", "quiz.answered")
DAY_MS = 86_400_000


def day_of(ms: int) -> str:
    """The UTC calendar day of a moment, as ``YYYY-MM-DD`` (sorts as text)."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d")


def iso(ms: int | None) -> str | None:
    """A moment as ISO 8601 UTC to the second, or None."""
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


Activity = dict[tuple[str, str, str, str], list[int]]  # (learner, day, pack, lesson) -> sums and moments
Tries = dict[tuple[str, str, str, str], list[Any]]  # (learner, pack, lesson, question) -> first try and counts
_SUMS = {"lesson.opened": 2, "lesson.finished": 3, "time.spent": 4, "quiz.answered": 5}  # which sum a kind adds to


def _project(rows: Iterable[tuple[str, str, str | None, str, Mapping[str, Any]]], sink: tuple[Activity, Tries]) -> None:
    """Add progress events ``(kind, scope, learner, stamp, payload)`` to the day's sums in ``sink``.

    One loop for a whole batch (200,000 events arrive by sync), the rows written once by :func:`_write`."""
    activity, tries = sink
    for kind, scope, learner_id, hlc, payload in rows:
        if scope != CENTRE or not learner_id or len(learner_id) > 64:
            continue
        pack, lesson = payload.get("pack"), payload.get("lesson")
        if not isinstance(pack, str) or not isinstance(lesson, str) or not pack or not lesson:
            continue
        pack, lesson = pack[:128], lesson[:128]
        add, right = 1, 0
        if kind == "time.spent":
            seconds = payload.get("seconds")
            if not isinstance(seconds, int | float) or isinstance(seconds, bool) or not seconds > 0:
                continue
            add = round(min(float(seconds), MAX_SECONDS_PER_EVENT) * 1000)
        elif kind == "quiz.answered":
            right = 1 if payload.get("correct") is True else 0
        ms = stamp_ms(hlc)
        row_key = (learner_id, _day_name(ms // DAY_MS), pack, lesson)
        row = activity.get(row_key)
        if row is None:
            row = activity[row_key] = [ms, ms, 0, 0, 0, 0, 0]
        elif ms < row[0]:
            row[0] = ms
        elif ms > row[1]:
            row[1] = ms
        row[_SUMS[kind]] += add
        row[6] += right
        question = payload.get("question")
        if kind == "quiz.answered" and isinstance(question, str) and 0 < len(question) <= 64:
            t_key = (learner_id, pack, lesson, question)
            t = tries.get(t_key)
            if t is None:
                tries[t_key] = [hlc, right, 1, 1 - right, ms]
            else:
                if hlc < t[0]:
                    t[0], t[1] = hlc, right
                t[2] += 1
                t[3] += 1 - right
                t[4] = max(t[4], ms)


@functools.lru_cache(maxsize=4096)
def _day_name(day: int) -> str:
    return day_of(day * DAY_MS)


_ACTIVITY_SQL = (
    "INSERT INTO learner_activity (learner_id, day, pack_id, lesson_id, first_ms, last_ms, opens, finishes, "
    "millis, answers, right_answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(learner_id, day, pack_id, lesson_id) DO UPDATE SET "
    "first_ms = MIN(first_ms, excluded.first_ms), last_ms = MAX(last_ms, excluded.last_ms), "
    "opens = opens + excluded.opens, finishes = finishes + excluded.finishes, "
    "millis = millis + excluded.millis, answers = answers + excluded.answers, "
    "right_answers = right_answers + excluded.right_answers"
)
_TRIES_SQL = (
    "INSERT INTO question_tries (learner_id, pack_id, lesson_id, question_id, first_hlc, first_correct, "
    "tries, wrong, last_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(learner_id, pack_id, lesson_id, question_id) DO UPDATE SET "
    "first_correct = CASE WHEN excluded.first_hlc < first_hlc THEN excluded.first_correct "
    "ELSE first_correct END, first_hlc = MIN(first_hlc, excluded.first_hlc), "
    "tries = tries + excluded.tries, wrong = wrong + excluded.wrong, last_ms = MAX(last_ms, excluded.last_ms)"
)


def _write(conn: Connection, sink: tuple[Activity, Tries]) -> None:
    activity, tries = sink
    conn.executemany(_ACTIVITY_SQL, [(*k, *v) for k, v in activity.items()])
    conn.executemany(_TRIES_SQL, [(*k, *v) for k, v in tries.items()])


@batch_projector(*KINDS)
def _on_events(conn: Connection, events: list[Event]) -> None:
    # sums, minima and maxima commute: a batch's events are gathered and written as one upsert per row
    sink: tuple[Activity, Tries] = ({}, {})
    _project(((ev.kind, ev.scope, ev.learner_id, ev.hlc, ev.payload) for ev in events), sink)
    _write(conn, sink)


# -- reading (the reports package's other modules call these; nothing else reads the tables) ----
def activity_rows(
    store: Store,
    *,
    pack_id: str | None = None,
    learner_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[sqlite3.Row]:
    """Rows of ``learner_activity`` (days as ``YYYY-MM-DD``, ``until`` included)."""
    where, params = _where(pack_id=pack_id, learner_id=learner_id, since=since, until=until)
    return store.query(
        "SELECT learner_id, day, pack_id, lesson_id, first_ms, last_ms, opens, finishes, millis, answers, "
        f"right_answers FROM learner_activity {where} ORDER BY learner_id, day, first_ms",
        params,
    )


def lesson_totals(
    store: Store, *, pack_id: str | None = None, since: str | None = None, until: str | None = None
) -> list[sqlite3.Row]:
    """Per learner, pack and lesson: first and last moment, finishes, milliseconds, answers."""
    where, params = _where(pack_id=pack_id, since=since, until=until)
    return store.query(
        "SELECT learner_id, pack_id, lesson_id, MIN(first_ms), MAX(last_ms), SUM(finishes), SUM(millis), "
        f"SUM(answers), SUM(right_answers) FROM learner_activity {where} GROUP BY learner_id, pack_id, lesson_id",
        params,
    )


def question_rows(store: Store, pack_id: str, learner_ids: Iterable[str] | None = None) -> list[Any]:
    rows = store.query(
        "SELECT learner_id, lesson_id, question_id, first_correct, tries, wrong FROM question_tries WHERE pack_id = ?",
        (pack_id,),
    )
    if learner_ids is None:
        return list(rows)
    wanted = set(learner_ids)
    return [r for r in rows if r[0] in wanted]


def struggling_rows(store: Store, min_wrong: int, since_ms: int) -> list[Any]:
    """``(learner, pack, lesson, question, wrong)``: one question answered wrongly often, tried lately."""
    return list(
        store.query(
            "SELECT learner_id, pack_id, lesson_id, question_id, wrong FROM question_tries WHERE wrong >= ? "
            "AND last_ms >= ? ORDER BY learner_id, pack_id, lesson_id, wrong DESC, question_id",
            (min_wrong, since_ms),
        )
    )


_FILTERS = {
    "pack_id": ("pack_id", "="),
    "learner_id": ("learner_id", "="),
    "since": ("day", ">="),
    "until": ("day", "<="),
}


def _where(**filters: str | None) -> tuple[str, tuple[object, ...]]:
    clauses: list[str] = []
    params: list[object] = []
    for name, value in filters.items():
        if value is None:
            continue
        column, op = _FILTERS[name]
        clauses.append(f"{column} {op} ?")
        params.append(value)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


@migration("0070_reports_activity")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS learner_activity (
            learner_id TEXT NOT NULL, day TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL,
            first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, opens INTEGER NOT NULL,
            finishes INTEGER NOT NULL, millis INTEGER NOT NULL, answers INTEGER NOT NULL,
            right_answers INTEGER NOT NULL,
            PRIMARY KEY (learner_id, day, pack_id, lesson_id)) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS learner_activity_pack ON learner_activity (pack_id, day)")
    db.execute(
        """CREATE TABLE IF NOT EXISTS question_tries (
            learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL, question_id TEXT NOT NULL,
            first_hlc TEXT NOT NULL, first_correct INTEGER NOT NULL, tries INTEGER NOT NULL, wrong INTEGER NOT NULL,
            last_ms INTEGER NOT NULL,
            PRIMARY KEY (learner_id, pack_id, lesson_id, question_id)) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS question_tries_pack ON question_tries (pack_id)")
    # the history already in the log (a data folder from before reports); "IF NOT EXISTS" and the
    # clean slate below: the same step was briefly named 0060_reports_activity in main
    conn = db.conn
    conn.execute("DELETE FROM learner_activity")
    conn.execute("DELETE FROM question_tries")
    marks = ",".join("?" * len(KINDS))
    sink: tuple[Activity, Tries] = ({}, {})
    rows = []
    for kind, scope, learner_id, hlc, payload in list(
        conn.execute(f"SELECT kind, scope, learner_id, hlc, payload FROM events WHERE kind IN ({marks})", KINDS)
    ):
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if isinstance(data, dict):
            rows.append((kind, scope, learner_id, hlc, data))
    _project(rows, sink)
    _write(conn, sink)
