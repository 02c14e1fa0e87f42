"""The month on one page, for a centre's board: who came, what they did, who needs a visit.

Only data: the ui layer lays it out and prints it (Qt's PDF writer, in the UI language).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from hubdesk.core.reports._model import NeedsHelp, QuestionStat, ReportError, ReportFilter

if TYPE_CHECKING:
    from hubdesk.core.reports._reports import Reports

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
HARDEST = 5
NEEDS_HELP_LINES = 8
FIRST_WEEK = 7


@dataclass(frozen=True)
class CourseMonth:
    course_id: str
    title: str
    lessons: int
    learners_started: int  # ever, by the end of the month's data
    active: int  # learners with activity in the month
    finished_in_month: int  # lessons finished in the month, all learners
    minutes_in_month: float
    average_done: float  # mean share of lessons done, over every learner of the centre (0..1)


@dataclass(frozen=True)
class MonthlyReport:
    month: str  # YYYY-MM
    first_day: str
    last_day: str
    centre: str
    learners: int
    active: int
    finished_in_month: int
    minutes_in_month: float
    courses: tuple[CourseMonth, ...]
    needs_help: tuple[NeedsHelp, ...]
    hardest: tuple[QuestionStat, ...]
    made_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "centre": self.centre,
            "learners": self.learners,
            "active": self.active,
            "lessons_finished": self.finished_in_month,
            "minutes": round(self.minutes_in_month, 1),
            "courses": [c.__dict__ for c in self.courses],
            "needs_help": [n.to_dict() for n in self.needs_help],
            "hardest": [q.to_dict() for q in self.hardest],
        }


def month_bounds(month: str | None, now: float) -> tuple[str, str, str]:
    if month is None:  # this month; in its first week, the month just ended (what a board is shown)
        today = datetime.fromtimestamp(now, UTC)
        if today.day <= FIRST_WEEK:
            today = today.replace(day=1) - timedelta(days=1)
        month = today.strftime("%Y-%m")
    m = _MONTH.match(month.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ReportError(f"A month is written YYYY-MM, like 2026-03, not {month!r}.")
    year, mon = int(m.group(1)), int(m.group(2))
    last = calendar.monthrange(year, mon)[1]
    return f"{year:04d}-{mon:02d}", f"{year:04d}-{mon:02d}-01", f"{year:04d}-{mon:02d}-{last:02d}"


def build(reports: Reports, centre: str, month: str | None = None, flt: ReportFilter | None = None) -> MonthlyReport:
    base = flt or ReportFilter()
    name, first, last = month_bounds(month, reports.now())
    in_month = ReportFilter(course=base.course, group=base.group, since=first, until=last)
    ever = ReportFilter(course=base.course, group=base.group, until=last)
    month_grids = reports.progress_grid(in_month)
    ever_grids = {g.course_id: g for g in reports.progress_grid(ever)}
    people = reports.learner_list(base)
    courses: list[CourseMonth] = []
    active: set[str] = set()
    for grid in month_grids:
        whole = ever_grids[grid.course_id]
        active_here = {r.learner_id for r in grid.rows if any(c.started for c in r.cells)}
        active |= active_here
        n_lessons = len(grid.lessons)
        courses.append(
            CourseMonth(
                course_id=grid.course_id,
                title=grid.title,
                lessons=n_lessons,
                learners_started=sum(1 for r in whole.rows if any(c.started for c in r.cells)),
                active=len(active_here),
                finished_in_month=sum(r.done for r in grid.rows),
                minutes_in_month=sum(r.seconds for r in grid.rows) / 60,
                average_done=(
                    sum(r.done for r in whole.rows) / (n_lessons * len(whole.rows)) if whole.rows and n_lessons else 0.0
                ),
            )
        )
    hardest = sorted(
        (q for c in courses for q in reports.questions(c.course_id, base) if q.learners >= 2),
        key=lambda q: (q.first_try_rate, -q.learners),
    )[:HARDEST]
    return MonthlyReport(
        month=name,
        first_day=first,
        last_day=last,
        centre=centre,
        learners=len(people),
        active=len(active),
        finished_in_month=sum(c.finished_in_month for c in courses),
        minutes_in_month=sum(c.minutes_in_month for c in courses),
        courses=tuple(courses),
        needs_help=tuple(reports.needs_help(base)[:NEEDS_HELP_LINES]),
        hardest=tuple(hardest),
        made_at=datetime.fromtimestamp(reports.now(), UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
