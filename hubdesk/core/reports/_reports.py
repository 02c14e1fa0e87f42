"""The reports manager, hung off the installation as ``inst.reports``.

It reads the learners, the installed courses and the activity tables, never writes. Every learner
of the centre is in every grid (the ones who have not started too: a facilitator most needs to
see them); facilitators and removed learners are not.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hubdesk.core.learners import LEARNER, Learner
from hubdesk.core.reports import _activity, _monthly, _needs_help
from hubdesk.core.reports._activity import iso
from hubdesk.core.reports._model import (
    MASTERED,
    NO_QUIZ,
    NOT_TRIED,
    PRACTISING,
    Cell,
    CourseGrid,
    GridRow,
    LessonColumn,
    NeedsHelp,
    QuestionStat,
    ReportError,
    ReportFilter,
    Timeline,
    TimelineEntry,
)
from hubdesk.core.reports._monthly import MonthlyReport
from hubdesk.errors import HubDeskError, NotFound

if TYPE_CHECKING:
    from hubdesk.core.groups import Groups
    from hubdesk.core.learners import Learners
    from hubdesk.core.packs import InstalledPack, Packs
    from hubdesk.core.progress import Progress
    from hubdesk.core.store import Store


class Reports:
    def __init__(
        self,
        store: Store,
        learners: Learners,
        packs: Packs,
        progress: Progress,
        groups: Groups | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.learners = learners
        self.packs = packs
        self.progress = progress
        self.groups = groups
        self.now = now

    # -- who and what ---------------------------------------------------------------------------
    def learner_list(self, flt: ReportFilter | None = None) -> list[Learner]:
        """The centre's learners (no facilitators), narrowed to a study group's members if asked."""
        people = [lr for lr in self.learners.all() if lr.role == LEARNER]
        if flt is not None and flt.group:
            if self.groups is None:
                raise ReportError("Study groups are not available here.")
            try:
                group = self.groups.find(flt.group)
            except HubDeskError:
                raise ReportError(f"There is no study group called {flt.group!r} on this PC.") from None
            members = {m.learner_id for m in self.groups.members(group.id)}
            people = [lr for lr in people if lr.id in members]
        return people

    def courses(self, flt: ReportFilter | None = None) -> list[InstalledPack]:
        if flt is not None and flt.course:
            try:
                return [self.packs.get(flt.course)]
            except NotFound:
                raise ReportError(f"No course {flt.course!r} is installed; see: hubdesk pack list.") from None
        return [p for p in self.packs.list() if p.lessons]

    # -- the grid -------------------------------------------------------------------------------
    def progress_grid(self, flt: ReportFilter | None = None) -> list[CourseGrid]:
        """One grid per course: done, time spent (in the period), quiz mastery (now)."""
        flt = flt or ReportFilter()
        people = self.learner_list(flt)
        return [self._grid(pack, people, flt) for pack in self.courses(flt)]

    def _grid(self, pack: InstalledPack, people: list[Learner], flt: ReportFilter) -> CourseGrid:
        lessons = tuple(LessonColumn(le.id, le.title, le.quiz_path is not None) for le in pack.lessons)
        totals: dict[tuple[str, str], tuple[int, int, int]] = {}
        last: dict[str, int] = {}
        for lid, _pid, lesson, _first, last_ms, finishes, millis, _answers, _right in _activity.lesson_totals(
            self.store, pack_id=pack.id, since=flt.since, until=flt.until
        ):
            totals[(lid, lesson)] = (int(finishes), int(millis), int(last_ms))
            last[lid] = max(last.get(lid, 0), int(last_ms))
        mastery = self.progress.mastery_table(pack.id)
        rows = []
        for person in people:
            cells = []
            for le in lessons:
                finishes, millis, _ = totals.get((person.id, le.id), (0, 0, 0))
                attempts, mastered = mastery.get((person.id, le.id), (0, False))
                quiz = MASTERED if mastered else PRACTISING if attempts else NOT_TRIED
                state = quiz if le.has_quiz else NO_QUIZ
                cells.append(Cell(finishes > 0, millis / 1000, state, (person.id, le.id) in totals))
            rows.append(GridRow(person.id, person.name, tuple(cells), iso(last.get(person.id))))
        return CourseGrid(pack.id, pack.title, lessons, tuple(rows))

    # -- one learner ----------------------------------------------------------------------------
    def timeline(self, learner_id: str, flt: ReportFilter | None = None) -> Timeline:
        flt = flt or ReportFilter()
        person = self.learners.get(learner_id)
        titles = self._lesson_titles()
        entries = [
            TimelineEntry(
                day=day,
                course_id=pack,
                lesson_id=lesson,
                lesson_title=titles.get((pack, lesson), lesson),
                seconds=millis / 1000,
                opened=opens > 0,
                finished=finishes > 0,
                answers=int(answers),
                right=int(right),
            )
            for _lid, day, pack, lesson, _f, _l, opens, finishes, millis, answers, right in _activity.activity_rows(
                self.store, learner_id=learner_id, pack_id=flt.course, since=flt.since, until=flt.until
            )
        ]
        entries.sort(key=lambda e: e.day, reverse=True)  # newest day first, a day's lessons in order
        return Timeline(person.id, person.name, tuple(entries))

    def _lesson_titles(self) -> dict[tuple[str, str], str]:
        return {(p.id, le.id): le.title for p in self.packs.list() for le in p.lessons}

    # -- needs help -----------------------------------------------------------------------------
    def needs_help(
        self,
        flt: ReportFilter | None = None,
        *,
        silent_days: int = _needs_help.SILENT_DAYS,
        stuck_days: int = _needs_help.STUCK_DAYS,
        failed_times: int = _needs_help.FAILED_TIMES,
    ) -> list[NeedsHelp]:
        """Learners a facilitator should go and see, each with the rules that fired, in words."""
        if silent_days < 1 or stuck_days < 1 or failed_times < 1:
            raise ReportError("The number of days or of failures must be 1 or more.")
        flt = flt or ReportFilter()
        courses = {p.id: p for p in self.courses(flt)}
        return _needs_help.find(
            people=self.learner_list(flt),
            courses=courses,
            totals=_activity.lesson_totals(self.store, pack_id=flt.course),
            struggling=_activity.struggling_rows(
                self.store, failed_times, int(self.now() * 1000) - _needs_help.RECENT_DAYS * _activity.DAY_MS
            ),
            mastered=lambda pack_id: {k for k, (_a, m) in self.progress.mastery_table(pack_id).items() if m},
            prompts=self._prompts,
            now_ms=int(self.now() * 1000),
            rules=_needs_help.Rules(silent_days, stuck_days, failed_times),
        )

    # -- questions ------------------------------------------------------------------------------
    def questions(self, course_id: str, flt: ReportFilter | None = None) -> list[QuestionStat]:
        """Every question of a course that someone answered, hardest first (lowest first-try success)."""
        flt = flt or ReportFilter()
        pack = self.courses(ReportFilter(course=course_id))[0]
        people = {lr.id for lr in self.learner_list(flt)}
        titles = {le.id: le.title for le in pack.lessons}
        stats: dict[tuple[str, str], list[int]] = {}
        for _learner, lesson, question, first_correct, tries, wrong in _activity.question_rows(
            self.store, pack.id, people
        ):
            s = stats.setdefault((lesson, question), [0, 0, 0, 0])
            s[0] += 1
            s[1] += int(first_correct)
            s[2] += int(tries)
            s[3] += int(wrong)
        out = [
            QuestionStat(
                pack.id,
                lesson,
                titles.get(lesson, lesson),
                question,
                self._prompts(pack.id, lesson).get(question, ""),
                learners=s[0],
                first_try_right=s[1],
                tries=s[2],
                wrong=s[3],
            )
            for (lesson, question), s in stats.items()
        ]
        out.sort(key=lambda q: (q.first_try_rate, -q.learners, q.lesson_id, q.question_id))
        return out

    def _prompts(self, pack_id: str, lesson_id: str) -> dict[str, str]:
        """Question prompts of one lesson's quiz (empty when the lesson or its quiz is gone)."""
        try:
            data: dict[str, Any] | None = self.packs.quiz(pack_id, lesson_id)
        except (HubDeskError, OSError, ValueError):
            return {}
        questions = (data or {}).get("questions")
        if not isinstance(questions, list):
            return {}
        return {
            str(q["id"]): str(q.get("prompt", ""))
            for q in questions
            if isinstance(q, dict) and isinstance(q.get("id"), str)
        }

    # -- the month on one page --------------------------------------------------------------------
    def monthly(self, centre: str, month: str | None = None, flt: ReportFilter | None = None) -> MonthlyReport:
        """``month`` as ``YYYY-MM`` (this month by default); ``centre`` is the name printed on top."""
        return _monthly.build(self, centre, month, flt)


def centre_label(inst: Any) -> str:
    """The centre's name to print on a report (the centre API of issue 8 when it is there)."""
    centre = getattr(inst, "centre", None)
    name = centre.info().name if centre is not None else None  # a centre of one PC has no name
    return str(name) if name else "this centre"
