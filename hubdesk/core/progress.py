"""A learner's progress: lessons opened and finished, time spent, quiz attempts and mastery.

Everything is an event of scope ``centre`` (the facilitator and the hub follow progress), and the
tables below are derived from them so that replicas agree whatever order events arrive in:

- ``lesson_progress`` keeps the latest open and the first finish (max / min of HLC stamps);
- time spent is a sum, which commutes, and each event is projected once;
- ``quiz_attempts`` holds every attempt, and ``quiz_mastery`` is *recomputed* from the attempts
  ordered by HLC once per batch that adds some, so a late attempt from another PC slots into place.

Rows are keyed by ``(learner_id, pack_id, lesson_id)`` with the pack's stable lesson ids, so
installing a new version of a pack keeps every learner's history.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hubdesk.core.events import CENTRE, Event, EventLog, batch_projector
from hubdesk.core.quizzes import MasteryRule, Quiz, QuizError
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

MAX_SECONDS_PER_EVENT = 6 * 3600  # a forgotten open window must not add a week to "time spent"


@dataclass(frozen=True)
class MasteryState:
    mastered: bool
    recent: list[bool]  # the last ``rule.of_last`` results, oldest first
    attempts: int
    rule: MasteryRule

    @property
    def correct_recent(self) -> int:
        return sum(self.recent)


@dataclass(frozen=True)
class AnswerResult:
    correct: bool
    feedback: str
    mastered: bool
    recent: list[bool]


@dataclass(frozen=True)
class PackProgress:
    finished: int
    total: int
    mastered_quizzes: int
    seconds: float

    @property
    def fraction(self) -> float:
        return self.finished / self.total if self.total else 0.0


@dataclass(frozen=True)
class LessonReport:
    lesson_id: str
    opened: bool
    finished: bool
    seconds: float
    attempts: int
    mastered: bool


@dataclass(frozen=True)
class PackReport:
    pack_id: str
    lessons: list[LessonReport] = field(default_factory=list)

    @property
    def finished(self) -> int:
        return sum(1 for lr in self.lessons if lr.finished)

    @property
    def seconds(self) -> float:
        return sum(lr.seconds for lr in self.lessons)

    @property
    def mastered_quizzes(self) -> int:
        return sum(1 for lr in self.lessons if lr.mastered)


@dataclass(frozen=True)
class LearnerReport:
    learner_id: str
    packs: list[PackReport]
    last_position: tuple[str, str] | None


def _jsonable(answer: object) -> Any:
    """Answers go into an event payload: sets become sorted lists, anything odd becomes text."""
    if isinstance(answer, set | frozenset | tuple | list):
        items = [_jsonable(a) for a in answer]
        return sorted(items, key=str) if isinstance(answer, set | frozenset) else items
    if answer is None or isinstance(answer, str | int | float | bool):
        return answer
    return str(answer)


class Progress:
    """The progress manager, hung off the installation as ``inst.progress``."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.store = log.store

    # -- recording ----------------------------------------------------------------------------
    def _append(self, kind: str, learner_id: str, pack_id: str, lesson_id: str, **extra: Any) -> Event:
        payload = {"pack": pack_id, "lesson": lesson_id, **extra}
        return self.log.append(kind, payload, scope=CENTRE, learner_id=learner_id)

    def open_lesson(self, learner_id: str, pack_id: str, lesson_id: str) -> None:
        self._append("lesson.opened", learner_id, pack_id, lesson_id)

    def finish_lesson(self, learner_id: str, pack_id: str, lesson_id: str) -> None:
        self._append("lesson.finished", learner_id, pack_id, lesson_id)

    def add_time(self, learner_id: str, pack_id: str, lesson_id: str, seconds: float) -> None:
        seconds = min(float(seconds), MAX_SECONDS_PER_EVENT)
        if seconds <= 0:
            return
        self._append("time.spent", learner_id, pack_id, lesson_id, seconds=round(seconds, 3))

    def answer(
        self,
        learner_id: str,
        pack_id: str,
        lesson_id: str,
        quiz: Quiz,
        question_id: str,
        answer: object,
        *,
        default_rule: MasteryRule | None = None,
    ) -> AnswerResult:
        """Grade, record the attempt (with the rule in force) and say where the learner now stands."""
        grade = quiz.question(question_id).grade(answer)
        rule = quiz.rule(default_rule)
        self._append(
            "quiz.answered",
            learner_id,
            pack_id,
            lesson_id,
            question=question_id,
            answer=_jsonable(answer),
            correct=grade.correct,
            rule=rule.to_dict(),
        )
        state = self.mastery(learner_id, pack_id, lesson_id, rule)
        return AnswerResult(grade.correct, grade.feedback, state.mastered, state.recent)

    # -- reading ------------------------------------------------------------------------------
    def attempts(self, learner_id: str, pack_id: str, lesson_id: str) -> list[bool]:
        rows = self.store.query(
            "SELECT correct FROM quiz_attempts WHERE learner_id = ? AND pack_id = ? AND lesson_id = ? "
            "ORDER BY hlc, device_id, seq",
            (learner_id, pack_id, lesson_id),
        )
        return [bool(r[0]) for r in rows]

    def mastery(self, learner_id: str, pack_id: str, lesson_id: str, rule: MasteryRule | None = None) -> MasteryState:
        """``rule`` defaults to the one recorded with the latest attempt (the pack's, when answered)."""
        if rule is None:
            row = self.store.query(
                "SELECT rule_correct, rule_of_last FROM quiz_mastery WHERE learner_id = ? AND pack_id = ? "
                "AND lesson_id = ?",
                (learner_id, pack_id, lesson_id),
            )
            rule = MasteryRule(row[0][0], row[0][1]) if row else MasteryRule()
        results = self.attempts(learner_id, pack_id, lesson_id)
        return MasteryState(rule.is_mastered(results), results[-rule.of_last :], len(results), rule)

    def is_finished(self, learner_id: str, pack_id: str, lesson_id: str) -> bool:
        row = self.store.query(
            "SELECT finished_hlc FROM lesson_progress WHERE learner_id = ? AND pack_id = ? AND lesson_id = ?",
            (learner_id, pack_id, lesson_id),
        )
        return bool(row and row[0][0])

    def pack_summary(self, learner_id: str, pack_id: str, lesson_ids: Sequence[str]) -> PackProgress:
        """Progress over the lessons the installed version has (old lessons no longer count)."""
        wanted = set(lesson_ids)
        report = self._pack_reports(learner_id, pack_id).get(pack_id, PackReport(pack_id))
        lessons = [lr for lr in report.lessons if lr.lesson_id in wanted]
        return PackProgress(
            finished=sum(1 for lr in lessons if lr.finished),
            total=len(wanted),
            mastered_quizzes=sum(1 for lr in lessons if lr.mastered),
            seconds=sum(lr.seconds for lr in lessons),
        )

    def last_position(self, learner_id: str) -> tuple[str, str] | None:
        """The lesson this learner opened last, for "continue where you left off"."""
        row = self.store.query(
            "SELECT pack_id, lesson_id FROM lesson_progress WHERE learner_id = ? AND opened_hlc != '' "
            "ORDER BY opened_hlc DESC LIMIT 1",
            (learner_id,),
        )
        return (str(row[0][0]), str(row[0][1])) if row else None

    def mastery_table(self, pack_id: str) -> dict[tuple[str, str], tuple[int, bool]]:
        """``(learner, lesson) -> (attempts, mastered)`` for every learner of one pack, for reports."""
        rows = self.store.query(
            "SELECT learner_id, lesson_id, attempts, mastered FROM quiz_mastery WHERE pack_id = ?", (pack_id,)
        )
        return {(str(r[0]), str(r[1])): (int(r[2]), bool(r[3])) for r in rows}

    def learner_report(self, learner_id: str) -> LearnerReport:
        reports = self._pack_reports(learner_id)
        return LearnerReport(learner_id, [reports[k] for k in sorted(reports)], self.last_position(learner_id))

    def _pack_reports(self, learner_id: str, pack_id: str | None = None) -> dict[str, PackReport]:
        where, params = "learner_id = ?", [learner_id]
        if pack_id is not None:
            where += " AND pack_id = ?"
            params.append(pack_id)
        rows: dict[tuple[str, str], dict[str, Any]] = {}

        def row_for(pid: str, lid: str) -> dict[str, Any]:
            return rows.setdefault(
                (pid, lid), {"opened": False, "finished": False, "seconds": 0.0, "attempts": 0, "mastered": False}
            )

        for pid, lid, opened, finished, seconds in self.store.query(
            f"SELECT pack_id, lesson_id, opened_hlc, finished_hlc, millis / 1000.0 FROM lesson_progress WHERE {where}",
            tuple(params),
        ):
            r = row_for(pid, lid)
            r.update(opened=bool(opened), finished=bool(finished), seconds=float(seconds))
        for pid, lid, attempts, mastered in self.store.query(
            f"SELECT pack_id, lesson_id, attempts, mastered FROM quiz_mastery WHERE {where}", tuple(params)
        ):
            row_for(pid, lid).update(attempts=int(attempts), mastered=bool(mastered))
        out: dict[str, PackReport] = {}
        for (pid, lid), r in sorted(rows.items()):
            out.setdefault(pid, PackReport(pid)).lessons.append(LessonReport(lesson_id=lid, **r))
        return out


# -- projections ------------------------------------------------------------------------------
# A batch's events are projected in one call (200,000 arrive by sync) and gathered per (learner,
# pack, lesson): one upsert per row (the newest opening, the earliest finish and the sum of whole
# milliseconds commute, so any order and any batching of the same events gives the same row), the
# attempts in one executemany, then mastery recomputed once per lesson the batch answered in.
Key = tuple[str, str, str]
_UPSERT = (
    "INSERT INTO lesson_progress (learner_id, pack_id, lesson_id, opened_hlc, finished_hlc, seconds, millis) "
    "VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT(learner_id, pack_id, lesson_id) DO UPDATE SET "
    "opened_hlc = MAX(lesson_progress.opened_hlc, excluded.opened_hlc), "
    "finished_hlc = CASE WHEN excluded.finished_hlc = '' THEN lesson_progress.finished_hlc "
    "WHEN lesson_progress.finished_hlc = '' OR excluded.finished_hlc < lesson_progress.finished_hlc "
    "THEN excluded.finished_hlc ELSE lesson_progress.finished_hlc END, "
    "millis = lesson_progress.millis + excluded.millis"
)
_ATTEMPT = (
    "INSERT OR IGNORE INTO quiz_attempts (learner_id, pack_id, lesson_id, hlc, device_id, seq, question_id, "
    "correct, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@batch_projector("lesson.opened", "lesson.finished", "time.spent", "quiz.answered")
def _project(conn: Connection, events: list[Event]) -> None:
    lessons: dict[Key, list[Any]] = {}  # key -> [opened_hlc, finished_hlc, millis], '' for none
    attempts: list[tuple[Any, ...]] = []
    answered: set[Key] = set()
    for ev in events:
        kind, p, learner_id = ev.kind, ev.payload, ev.learner_id
        pack, lesson = p.get("pack"), p.get("lesson")
        if ev.scope != CENTRE or not learner_id or not isinstance(pack, str) or not isinstance(lesson, str):
            continue  # progress is a centre event, and a malformed one from elsewhere is kept, not projected
        key = (learner_id, pack, lesson)
        if kind == "quiz.answered":
            right = 1 if p.get("correct") is True else 0
            attempts.append((*key, ev.hlc, ev.device_id, ev.seq, str(p.get("question", "")), right, _rule_text(p)))
            answered.add(key)
            continue
        millis = 0
        if kind == "time.spent":
            seconds = p.get("seconds")
            if not isinstance(seconds, int | float) or isinstance(seconds, bool) or not seconds > 0:
                continue
            # whole milliseconds: integer sums are exact, so replicas that add the same times in
            # another order hold the same total (float sums differ in the last bits)
            millis = round(min(float(seconds), MAX_SECONDS_PER_EVENT) * 1000)
        row = lessons.get(key)
        if row is None:
            row = lessons[key] = ["", "", 0]
        if kind == "lesson.opened":
            row[0] = max(row[0], ev.hlc)
        elif kind == "lesson.finished":
            row[1] = min(row[1], ev.hlc) if row[1] else ev.hlc
        row[2] += millis
    if lessons:
        conn.executemany(_UPSERT, [(*k, *v) for k, v in lessons.items()])
    if attempts:
        conn.executemany(_ATTEMPT, attempts)
        _recompute_mastery(conn, answered)


def _rule_of(payload: Mapping[str, Any]) -> MasteryRule:
    raw = payload.get("rule")
    if not isinstance(raw, Mapping):
        return MasteryRule()
    correct, of_last = raw.get("correct", 4), raw.get("of_last", 5)
    try:  # the pairs JSON gives are few: one rule object each, made once
        return _rule(correct, of_last) if type(correct) is type(of_last) is int else MasteryRule.from_dict(raw)
    except QuizError:  # a malformed rule sent by another PC: fall back to the default
        return MasteryRule()


_rule = functools.lru_cache(maxsize=256)(MasteryRule)


def _rule_text(payload: Mapping[str, Any]) -> str:
    """The rule an attempt is stored with: the default where the payload holds no valid one."""
    return _text_of(_rule_of(payload))


@functools.lru_cache(maxsize=256)
def _text_of(rule: MasteryRule) -> str:
    return json.dumps(rule.to_dict())


@functools.lru_cache(maxsize=256)
def _stored_rule(text: str) -> MasteryRule:
    return _rule_of({"rule": json.loads(text)})


_KEYS_PER_QUERY = 300  # three parameters each, well under SQLite's limit


def _recompute_mastery(conn: Connection, keys: set[tuple[str, str, str]]) -> None:
    """Mastery of each (learner, pack, lesson) a batch answered in, from all of its attempts in order."""
    ordered = sorted(keys)
    attempts: dict[tuple[str, str, str], list[tuple[int, str]]] = {key: [] for key in ordered}
    for i in range(0, len(ordered), _KEYS_PER_QUERY):
        chunk = ordered[i : i + _KEYS_PER_QUERY]
        values = ",".join("(?, ?, ?)" for _ in chunk)
        for r in conn.execute(
            "SELECT learner_id, pack_id, lesson_id, correct, rule FROM quiz_attempts "
            f"WHERE (learner_id, pack_id, lesson_id) IN (VALUES {values}) "
            "ORDER BY learner_id, pack_id, lesson_id, hlc, device_id, seq",
            [part for key in chunk for part in key],
        ):
            attempts[(r[0], r[1], r[2])].append((r[3], r[4]))
    rows = []
    for key, tries in attempts.items():
        results: Iterable[bool] = [bool(correct) for correct, _rule in tries]
        rule = _stored_rule(tries[-1][1]) if tries else MasteryRule()
        rows.append((*key, len(tries), 1 if rule.is_mastered(results) else 0, rule.correct, rule.of_last))
    conn.executemany(
        "INSERT INTO quiz_mastery (learner_id, pack_id, lesson_id, attempts, mastered, rule_correct, rule_of_last) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(learner_id, pack_id, lesson_id) DO UPDATE SET "
        "attempts = excluded.attempts, mastered = excluded.mastered, rule_correct = excluded.rule_correct, "
        "rule_of_last = excluded.rule_of_last",
        rows,
    )


@migration("0030_progress_tables")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE lesson_progress (
            learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL,
            opened_hlc TEXT NOT NULL, finished_hlc TEXT NOT NULL, seconds REAL NOT NULL,
            PRIMARY KEY (learner_id, pack_id, lesson_id)) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX lesson_progress_opened ON lesson_progress (learner_id, opened_hlc)")
    db.execute(
        """CREATE TABLE quiz_attempts (
            learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL, hlc TEXT NOT NULL,
            device_id TEXT NOT NULL, seq INTEGER NOT NULL, question_id TEXT NOT NULL, correct INTEGER NOT NULL,
            rule TEXT NOT NULL,
            PRIMARY KEY (learner_id, pack_id, lesson_id, hlc, device_id, seq)) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE quiz_mastery (
            learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL,
            attempts INTEGER NOT NULL, mastered INTEGER NOT NULL,
            rule_correct INTEGER NOT NULL, rule_of_last INTEGER NOT NULL,
            PRIMARY KEY (learner_id, pack_id, lesson_id)) WITHOUT ROWID"""
    )


@migration("0031_progress_time_in_millis")
def _time_in_millis(db: Schema) -> None:
    db.execute("ALTER TABLE lesson_progress ADD COLUMN millis INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE lesson_progress SET millis = CAST(ROUND(seconds * 1000) AS INTEGER)")
