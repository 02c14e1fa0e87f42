"""What the facilitator's reports say, as plain data: the CLI prints it, the console shows it.

Every figure here is computed from the centre's events (every PC's), so two PCs of one centre
that have synced show the same reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hubdesk.errors import HubDeskError

MASTERED = "mastered"
PRACTISING = "practising"  # answered some of the quiz, not mastered yet
NOT_TRIED = "not tried"  # the lesson has a quiz the learner has not answered
NO_QUIZ = ""  # the lesson has no quiz

SILENT = "silent"
FAILED_QUIZ = "failed-quiz"
STUCK = "stuck"


class ReportError(HubDeskError):
    """A report asked for with a filter that cannot be used (a bad date, an unknown course)."""

    exit_code = 2


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(text: str | None, what: str = "A date") -> str | None:
    """``YYYY-MM-DD`` checked, or None; a bad date is one sentence."""
    if text is None or text == "":
        return None
    if not _DATE.match(text.strip()):
        raise ReportError(f"{what} is written YYYY-MM-DD, like 2026-03-01, not {text!r}.")
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ReportError(f"{text!r} is not a day of the calendar.") from None


@dataclass(frozen=True)
class ReportFilter:
    """Which learners and what period a report covers (days inclusive, UTC, ``YYYY-MM-DD``)."""

    course: str | None = None
    group: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        since, until = parse_day(self.since, "--since"), parse_day(self.until, "--until")
        if since and until and since > until:
            raise ReportError(f"The period starts ({since}) after it ends ({until}).")
        object.__setattr__(self, "since", since)
        object.__setattr__(self, "until", until)


@dataclass(frozen=True)
class LessonColumn:
    id: str
    title: str
    has_quiz: bool


@dataclass(frozen=True)
class Cell:
    """One learner and one lesson in the grid."""

    done: bool
    seconds: float
    mastery: str  # MASTERED, PRACTISING, NOT_TRIED or NO_QUIZ
    started: bool


@dataclass(frozen=True)
class GridRow:
    learner_id: str
    name: str
    cells: tuple[Cell, ...]
    last_seen: str | None  # ISO 8601 UTC of the learner's last activity in this course, None if never

    @property
    def done(self) -> int:
        return sum(1 for c in self.cells if c.done)

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.cells)

    @property
    def mastered(self) -> int:
        return sum(1 for c in self.cells if c.mastery == MASTERED)


@dataclass(frozen=True)
class CourseGrid:
    """A course's grid: every learner (those with no activity too) by every lesson."""

    course_id: str
    title: str
    lessons: tuple[LessonColumn, ...]
    rows: tuple[GridRow, ...]

    @property
    def quizzes(self) -> int:
        return sum(1 for le in self.lessons if le.has_quiz)

    def to_dict(self) -> dict[str, Any]:
        return {
            "course": self.course_id,
            "title": self.title,
            "lessons": [{"id": le.id, "title": le.title, "quiz": le.has_quiz} for le in self.lessons],
            "learners": [
                {
                    "id": r.learner_id,
                    "name": r.name,
                    "done": r.done,
                    "lessons": len(self.lessons),
                    "minutes": round(r.seconds / 60, 1),
                    "mastered": r.mastered,
                    "quizzes": self.quizzes,
                    "last_seen": r.last_seen,
                    "cells": {
                        le.id: {
                            "done": c.done,
                            "started": c.started,
                            "minutes": round(c.seconds / 60, 1),
                            "mastery": c.mastery or None,
                        }
                        for le, c in zip(self.lessons, r.cells, strict=True)
                    },
                }
                for r in self.rows
            ],
        }


@dataclass(frozen=True)
class HelpReason:
    """One rule that fired, with the figures the sentence is made of (the UI words it itself)."""

    rule: str  # SILENT, FAILED_QUIZ or STUCK
    text: str  # the rule in English words, for the CLI and logs
    days: int = 0
    count: int = 0
    course_id: str | None = None
    lesson_id: str | None = None
    lesson_title: str | None = None
    question: str | None = None


@dataclass(frozen=True)
class NeedsHelp:
    learner_id: str
    name: str
    reasons: tuple[HelpReason, ...]
    last_seen: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.learner_id,
            "name": self.name,
            "last_seen": self.last_seen,
            "reasons": [
                {
                    "rule": r.rule,
                    "text": r.text,
                    "days": r.days or None,
                    "count": r.count or None,
                    "course": r.course_id,
                    "lesson": r.lesson_id,
                    "lesson_title": r.lesson_title,
                    "question": r.question,
                }
                for r in self.reasons
            ],
        }


@dataclass(frozen=True)
class QuestionStat:
    """How a question went on the first try of every learner who answered it."""

    course_id: str
    lesson_id: str
    lesson_title: str
    question_id: str
    prompt: str
    learners: int
    first_try_right: int
    tries: int
    wrong: int

    @property
    def first_try_rate(self) -> float:
        return self.first_try_right / self.learners if self.learners else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "course": self.course_id,
            "lesson": self.lesson_id,
            "lesson_title": self.lesson_title,
            "question": self.question_id,
            "prompt": self.prompt,
            "learners": self.learners,
            "first_try_right": self.first_try_right,
            "first_try_rate": round(self.first_try_rate, 3),
            "tries": self.tries,
            "wrong": self.wrong,
        }


@dataclass(frozen=True)
class TimelineEntry:
    day: str
    course_id: str
    lesson_id: str
    lesson_title: str
    seconds: float
    opened: bool
    finished: bool
    answers: int
    right: int


@dataclass(frozen=True)
class Timeline:
    learner_id: str
    name: str
    entries: tuple[TimelineEntry, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.learner_id,
            "name": self.name,
            "days": [
                {
                    "day": e.day,
                    "course": e.course_id,
                    "lesson": e.lesson_id,
                    "lesson_title": e.lesson_title,
                    "minutes": round(e.seconds / 60, 1),
                    "opened": e.opened,
                    "finished": e.finished,
                    "answers": e.answers,
                    "right": e.right,
                }
                for e in self.entries
            ],
        }
