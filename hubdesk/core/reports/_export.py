"""Reports as text a person or a spreadsheet reads: CSV, a plain table, JSON-ready dicts.

The CSV is "long": one line per learner and lesson, so a spreadsheet can pivot it any way; every
learner of the centre has lines, the ones who have not started too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from hubdesk.core.reports._model import MASTERED, NO_QUIZ, NOT_TRIED, PRACTISING, CourseGrid, NeedsHelp, QuestionStat

CSV_HEADER = (
    "course_id",
    "course",
    "learner_id",
    "learner",
    "lesson_id",
    "lesson",
    "started",
    "done",
    "minutes",
    "quiz",
    "last_seen",
)


def grid_csv(grids: Iterable[CourseGrid]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for grid in grids:
        for row in grid.rows:
            for lesson, cell in zip(grid.lessons, row.cells, strict=True):
                writer.writerow(
                    (
                        grid.course_id,
                        grid.title,
                        row.learner_id,
                        row.name,
                        lesson.id,
                        lesson.title,
                        "yes" if cell.started else "no",
                        "yes" if cell.done else "no",
                        f"{cell.seconds / 60:.1f}",
                        cell.mastery or "no quiz",
                        row.last_seen or "",
                    )
                )
    return out.getvalue()


def grid_json(grids: Iterable[CourseGrid]) -> dict[str, Any]:
    return {"courses": [g.to_dict() for g in grids]}


_MARK = {MASTERED: "M", PRACTISING: "q", NOT_TRIED: "?", NO_QUIZ: ""}


def minutes_text(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"


def grid_table(grids: Iterable[CourseGrid]) -> str:
    """A grid for a terminal: per learner, one mark per lesson (# done, + started, . not yet)."""
    lines: list[str] = []
    for grid in grids:
        lines.append(f"{grid.title} ({grid.course_id}): {len(grid.rows)} learners, {len(grid.lessons)} lessons")
        if not grid.rows:
            lines.append("  No learners yet.")
        width = max((len(r.name) for r in grid.rows), default=4)
        for row in grid.rows:
            marks = "".join(("#" if c.done else "+" if c.started else ".") + _MARK[c.mastery] for c in row.cells)
            mastered = f"  quizzes {row.mastered}/{grid.quizzes}" if grid.quizzes else ""
            lines.append(
                f"  {row.name:<{width}}  {marks:<{2 * len(grid.lessons)}}  done {row.done}/{len(grid.lessons)}"
                f"  {minutes_text(row.seconds):>7}{mastered}  last seen {row.last_seen or 'never'}"
            )
        lines.append("")
    lines.append("# done, + started, . not started; after a lesson with a quiz: M mastered, q practising, ? not tried")
    return "\n".join(lines) + "\n"


def needs_help_table(people: Iterable[NeedsHelp]) -> str:
    lines: list[str] = []
    for person in people:
        lines.append(person.name)
        lines.extend(f"  - {r.text}" for r in person.reasons)
    return ("\n".join(lines) + "\n") if lines else "Nobody needs help by these rules today.\n"


def questions_table(stats: Iterable[QuestionStat]) -> str:
    lines = [
        f"{q.first_try_rate:>4.0%} right first time ({q.first_try_right}/{q.learners})  "
        f"{q.lesson_title} / {q.question_id}: {q.prompt}"
        for q in stats
    ]
    return ("\n".join(lines) + "\n") if lines else "Nobody has answered a question of this course yet.\n"
