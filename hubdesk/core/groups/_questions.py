"""A small question-and-answer thread per lesson inside a study group, as group events.

A learner stuck on a lesson asks the group; any member answers. Questions and answers are
``group.question_asked`` / ``group.question_answered`` events in the group's scope, so they travel
with the group's notes (LAN peers, the hub, USB bundles). Each carries the author's name, since the
author's profile may live at another centre. Both are insert-once by id, so any order of arrival
gives the same thread; an answer that arrives before its question waits in the table until the
question shows up.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hubdesk.core.events import Event, group_scope, projector
from hubdesk.core.groups._groups import Groups
from hubdesk.core.groups._model import NAME_MAX, bounded, clean_text, group_of_event
from hubdesk.core.learners import Learner
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

TEXT_MAX = 4000
LESSON_MAX = 200


@dataclass(frozen=True)
class Answer:
    id: str
    learner_id: str | None
    name: str
    text: str
    hlc: str


@dataclass(frozen=True)
class Question:
    id: str
    lesson: str
    learner_id: str | None
    name: str
    text: str
    hlc: str
    answers: tuple[Answer, ...] = field(default=())


class GroupQuestions:
    """Questions and answers of the groups this PC is in (``inst.group_questions``)."""

    def __init__(self, groups: Groups) -> None:
        self.groups = groups
        self.log = groups.log
        self.store = groups.store

    def ask(self, group_id: str, learner: Learner, text: str, *, lesson: str = "") -> str:
        """Ask the group about a lesson (``pack/lesson``, or "" for the group in general)."""
        self.groups.require_holder(group_id, learner.id)
        qid = uuid.uuid4().hex
        text = clean_text(text, TEXT_MAX, "question")
        self.log.append(
            "group.question_asked",
            {"group": group_id, "id": qid, "lesson": lesson[:LESSON_MAX], "text": text, "name": learner.name},
            scope=group_scope(group_id),
            learner_id=learner.id,
        )
        return qid

    def answer(self, group_id: str, question_id: str, learner: Learner, text: str) -> str:
        self.groups.require_holder(group_id, learner.id)
        aid = uuid.uuid4().hex
        text = clean_text(text, TEXT_MAX, "answer")
        self.log.append(
            "group.question_answered",
            {"group": group_id, "question": question_id, "id": aid, "text": text, "name": learner.name},
            scope=group_scope(group_id),
            learner_id=learner.id,
        )
        return aid

    def thread(self, group_id: str, lesson: str | None = None) -> list[Question]:
        """The group's questions (of one lesson, when given), oldest first, each with its answers."""
        where, params = "group_id = ?", [group_id]
        if lesson is not None:
            where += " AND lesson = ?"
            params.append(lesson)
        answers: dict[str, list[Answer]] = {}
        for r in self.store.query(
            "SELECT question_id, id, learner_id, name, text, hlc FROM group_answers WHERE group_id = ? ORDER BY hlc",
            (group_id,),
        ):
            answers.setdefault(r[0], []).append(Answer(r[1], r[2], r[3], r[4], r[5]))
        rows = self.store.query(
            f"SELECT id, lesson, learner_id, name, text, hlc FROM group_questions WHERE {where} ORDER BY hlc",
            tuple(params),
        )
        return [Question(r[0], r[1], r[2], r[3], r[4], r[5], tuple(answers.get(r[0], ()))) for r in rows]


@projector("group.question_asked")
def _asked(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("id"):
        return
    p = ev.payload
    conn.execute(
        "INSERT OR IGNORE INTO group_questions (id, group_id, lesson, learner_id, name, text, hlc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            bounded(p["id"], 64),
            gid,
            bounded(p.get("lesson"), LESSON_MAX),
            ev.learner_id,
            bounded(p.get("name"), NAME_MAX),
            bounded(p.get("text"), TEXT_MAX),
            ev.hlc,
        ),
    )


@projector("group.question_answered")
def _answered(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("id") or not ev.payload.get("question"):
        return
    p = ev.payload
    conn.execute(
        "INSERT OR IGNORE INTO group_answers (id, group_id, question_id, learner_id, name, text, hlc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            bounded(p["id"], 64),
            gid,
            bounded(p["question"], 64),
            ev.learner_id,
            bounded(p.get("name"), NAME_MAX),
            bounded(p.get("text"), TEXT_MAX),
            ev.hlc,
        ),
    )


@migration("0052_groups_questions")
def _schema(db: Schema) -> None:
    # IF NOT EXISTS: early development databases made these tables in 0050_groups_schema.
    db.execute(
        "CREATE TABLE IF NOT EXISTS group_questions (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, "
        "lesson TEXT NOT NULL, learner_id TEXT, name TEXT NOT NULL, text TEXT NOT NULL, hlc TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS group_answers (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, "
        "question_id TEXT NOT NULL, learner_id TEXT, name TEXT NOT NULL, text TEXT NOT NULL, hlc TEXT NOT NULL)"
    )
