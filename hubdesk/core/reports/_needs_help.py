"""Who needs help, and why: three rules a facilitator can say out loud.

- **Silent**: started a course, has not finished it, and has not been back for ``silent_days``
  (10 by default).
- **Failed the same quiz**: answered one question of a lesson's quiz wrongly ``failed_times``
  times (3), tried it again in the last ``RECENT_DAYS`` (30), and has not mastered that quiz (a
  quiz failed months ago and left behind is history, not something to act on today).
- **Stuck**: the lesson they are on now is unfinished, they first opened it ``stuck_days`` (7) or
  more days ago and have finished no lesson since (someone already silent is not said stuck too).

The rules read the activity tables only; days count whole periods of 24 hours before ``now``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hubdesk.core.reports._activity import DAY_MS, iso
from hubdesk.core.reports._model import FAILED_QUIZ, SILENT, STUCK, HelpReason, NeedsHelp

if TYPE_CHECKING:
    from hubdesk.core.learners import Learner
    from hubdesk.core.packs import InstalledPack

SILENT_DAYS = 10
STUCK_DAYS = 7
FAILED_TIMES = 3
RECENT_DAYS = 30


@dataclass(frozen=True)
class Rules:
    silent_days: int = SILENT_DAYS
    stuck_days: int = STUCK_DAYS
    failed_times: int = FAILED_TIMES


@dataclass
class _Lesson:
    pack: str
    lesson: str
    first_ms: int
    last_ms: int
    finished: bool


def find(
    *,
    people: list[Learner],
    courses: Mapping[str, InstalledPack],
    totals: Iterable[Any],
    struggling: Iterable[Any],
    mastered: Callable[[str], set[tuple[str, str]]],
    prompts: Callable[[str, str], dict[str, str]],
    now_ms: int,
    rules: Rules,
) -> list[NeedsHelp]:
    by_learner: dict[str, list[_Lesson]] = {}
    for learner_id, pack, lesson, first_ms, last_ms, finishes, *_ in totals:
        if pack in courses:
            by_learner.setdefault(learner_id, []).append(
                _Lesson(pack, lesson, int(first_ms), int(last_ms), int(finishes) > 0)
            )
    failed = _failed(struggling, courses, mastered, prompts, rules)
    out: list[NeedsHelp] = []
    for person in people:
        lessons = by_learner.get(person.id, [])
        reasons: list[HelpReason] = []
        last = max(lessons, key=lambda le: le.last_ms) if lessons else None
        silent = last is not None and _silent(person.id, lessons, last, courses, now_ms, rules, reasons)
        if last is not None and not silent:
            _stuck(lessons, last, courses, now_ms, rules, reasons)
        reasons.extend(failed.get(person.id, []))
        if reasons:
            out.append(NeedsHelp(person.id, person.name, tuple(reasons), iso(last.last_ms if last else None)))
    out.sort(key=lambda n: (-len(n.reasons), n.name.casefold()))
    return out


def _silent(
    learner_id: str,
    lessons: list[_Lesson],
    last: _Lesson,
    courses: Mapping[str, InstalledPack],
    now_ms: int,
    rules: Rules,
    reasons: list[HelpReason],
) -> bool:
    days = (now_ms - last.last_ms) // DAY_MS
    if days < rules.silent_days:
        return False
    done = {(le.pack, le.lesson) for le in lessons if le.finished}
    started = {le.pack for le in lessons}
    unfinished = [p for p in started if any((p, le.id) not in done for le in courses[p].lessons)]
    if not unfinished:
        return False  # finished everything they started: nothing to chase
    course = courses[last.pack] if last.pack in unfinished else courses[sorted(unfinished)[0]]
    reasons.append(
        HelpReason(
            SILENT,
            f"Started “{course.title}” but has not been back for {days} days.",
            days=int(days),
            course_id=course.id,
        )
    )
    return True


def _stuck(
    lessons: list[_Lesson],
    last: _Lesson,
    courses: Mapping[str, InstalledPack],
    now_ms: int,
    rules: Rules,
    reasons: list[HelpReason],
) -> None:
    if last.finished:
        return
    days = (now_ms - last.first_ms) // DAY_MS
    if days < rules.stuck_days:
        return
    if any(le.finished and le.last_ms > last.first_ms for le in lessons):
        return  # finished something else meanwhile: moving, not stuck
    title = _title(courses[last.pack], last.lesson)
    reasons.append(
        HelpReason(
            STUCK,
            f"Has been on “{title}” for {days} days without finishing it.",
            days=int(days),
            course_id=last.pack,
            lesson_id=last.lesson,
            lesson_title=title,
        )
    )


def _failed(
    struggling: Iterable[Any],
    courses: Mapping[str, InstalledPack],
    mastered: Callable[[str], set[tuple[str, str]]],
    prompts: Callable[[str, str], dict[str, str]],
    rules: Rules,
) -> dict[str, list[HelpReason]]:
    out: dict[str, list[HelpReason]] = {}
    seen: set[tuple[str, str, str]] = set()
    mastered_by_pack: dict[str, set[tuple[str, str]]] = {}
    for learner_id, pack, lesson, question, wrong in struggling:
        if pack not in courses or int(wrong) < rules.failed_times or (learner_id, pack, lesson) in seen:
            continue
        if pack not in mastered_by_pack:
            mastered_by_pack[pack] = mastered(pack)
        if (learner_id, lesson) in mastered_by_pack[pack]:
            continue
        seen.add((learner_id, pack, lesson))  # rows come worst question first: one reason per quiz
        title = _title(courses[pack], lesson)
        prompt = prompts(pack, lesson).get(question, "")
        out.setdefault(learner_id, []).append(
            HelpReason(
                FAILED_QUIZ,
                f"Answered the same question of the quiz in “{title}” wrongly {wrong} times "
                f"and has not mastered that quiz yet." + (f" The question: “{prompt}”" if prompt else ""),
                count=int(wrong),
                course_id=pack,
                lesson_id=lesson,
                lesson_title=title,
                question=prompt or question,
            )
        )
    return out


def _title(pack: InstalledPack, lesson_id: str) -> str:
    lesson = pack.lesson(lesson_id)
    return lesson.title if lesson else lesson_id
