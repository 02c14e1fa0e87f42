"""The completion funnel of a course: how many learners reached each lesson, and finished it, in
the course's own lesson order.

The order comes from the pack the hub holds (published packs are installed at the hub); for a
course the hub has never held, lessons come in the order of how many learners reached them, which
for a course people take from the start is the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.errors import NotFound
from hubdesk.hub.reports._activity import refresh


@dataclass(frozen=True)
class FunnelStep:
    lesson_id: str
    title: str
    reached: int
    finished: int

    def to_dict(self) -> dict[str, Any]:
        return {"lesson": self.lesson_id, "title": self.title, "reached": self.reached, "finished": self.finished}


@dataclass(frozen=True)
class Funnel:
    course: str
    title: str
    started: int
    steps: list[FunnelStep]

    def to_dict(self) -> dict[str, Any]:
        return {
            "course": self.course,
            "title": self.title,
            "started": self.started,
            "steps": [s.to_dict() for s in self.steps],
        }


def courses(inst: Installation) -> list[tuple[str, str, int]]:
    """(course id, title, learners who studied it) for every course with activity, most learners first."""
    refresh(inst.store)
    titles = _titles(inst)
    rows = inst.store.query(
        "SELECT pack_id, COUNT(*) FROM hub_starts WHERE pack_id != '' GROUP BY pack_id ORDER BY 2 DESC, 1"
    )
    return [(pid, titles.get(pid, pid), int(n)) for pid, n in rows]


def _titles(inst: Installation) -> dict[str, str]:
    titles = {r[0]: r[1] for r in inst.store.query("SELECT DISTINCT pack_id, title FROM centre_packs")}
    titles.update({p.id: p.title for p in inst.packs.list()})
    return titles


def funnel(inst: Installation, course: str) -> Funnel:
    refresh(inst.store)
    counts = {
        lid: (int(reached), int(done))
        for lid, reached, done in inst.store.query(
            "SELECT lesson_id, reached, finished FROM hub_funnel WHERE pack_id = ?", (course,)
        )
    }
    started = inst.store.query("SELECT COUNT(*) FROM hub_starts WHERE pack_id = ?", (course,))
    known = {p.id: p for p in inst.packs.list()}
    if course not in known and not counts:
        raise NotFound(f"No learner has started a course called {course!r} at this hub.")
    steps: list[FunnelStep] = []
    title = _titles(inst).get(course, course)
    if course in known:
        for lesson in known[course].lessons:
            reached, done = counts.pop(lesson.id, (0, 0))
            steps.append(FunnelStep(lesson.id, lesson.title, reached, done))
    for lid, (reached, done) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        steps.append(FunnelStep(lid, lid, reached, done))  # lessons of another version of the pack
    return Funnel(course, title, int(started[0][0]), steps)
