"""Active learners week by week, and cohort retention: of those who started in week W, the share
still active in week W+1, W+2, ... — overall, per centre and per course.

A learner's start is their first week of activity (per course, their first week in that course).
A cohort's week W+k counts only once it has begun, so the youngest cohorts do not drag the
averages down with weeks that have not happened yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from hubdesk.core.installation import Installation
from hubdesk.hub import centres as centres_api
from hubdesk.hub.reports._activity import refresh, this_week, week_start

By = Literal["all", "centre", "course"]
ALL = "all"


@dataclass(frozen=True)
class WeekCount:
    week: int
    learners: int

    def to_dict(self) -> dict[str, Any]:
        return {"week": week_start(self.week).isoformat(), "learners": self.learners}


@dataclass
class Cohort:
    week: int
    size: int
    active: list[int | None]  # active[k]: still active in week W+k (None: that week has not come yet)

    def shares(self) -> list[float | None]:
        return [None if a is None else (a / self.size if self.size else 0.0) for a in self.active]

    def to_dict(self) -> dict[str, Any]:
        return {"week": week_start(self.week).isoformat(), "size": self.size, "active": self.active}


@dataclass
class GroupRetention:
    """The cohorts of one centre, one course, or everyone."""

    key: str
    cohorts: list[Cohort] = field(default_factory=list)

    @property
    def learners(self) -> int:
        return sum(c.size for c in self.cohorts)

    def pooled(self, weeks: int) -> list[float | None]:
        """Share still active k weeks after starting, over every cohort that has reached week k."""
        out: list[float | None] = []
        for k in range(weeks + 1):
            base = [c for c in self.cohorts if k < len(c.active) and c.active[k] is not None]
            size = sum(c.size for c in base)
            out.append(sum(c.active[k] or 0 for c in base) / size if size else None)
        return out

    def to_dict(self, weeks: int) -> dict[str, Any]:
        return {
            "key": self.key,
            "learners": self.learners,
            "pooled": self.pooled(weeks),
            "cohorts": [c.to_dict() for c in self.cohorts],
        }


def active_by_week(inst: Installation, weeks: int = 12, *, now_week: int | None = None) -> list[WeekCount]:
    """Distinct learners active in each of the last ``weeks`` weeks (this one included), oldest first."""
    refresh(inst.store)
    last = this_week() if now_week is None else now_week
    first = last - weeks + 1
    counts: dict[int, int] = {
        int(w): int(n)
        # every learner active in week W started in exactly one week W0 <= W: the cells of everyone
        # (cohort W0, k = W - W0) add up to the learners active in W
        for w, n in inst.store.query(
            "SELECT w0 + k, SUM(n) FROM hub_cells WHERE kind = 'all' AND w0 + k BETWEEN ? AND ? GROUP BY 1",
            (first, last),
        )
    }
    return [WeekCount(w, counts.get(w, 0)) for w in range(first, last + 1)]


def retention(
    inst: Installation,
    by: By = "all",
    weeks: int = 8,
    *,
    cohorts: int = 12,
    now_week: int | None = None,
    of_device: dict[str, str] | None = None,
) -> list[GroupRetention]:
    """Cohorts that started in the last ``cohorts`` weeks, followed for up to ``weeks`` weeks, per group.

    Groups come largest first; ``by="all"`` gives one group keyed ``"all"``.
    """
    refresh(inst.store)
    last = this_week() if now_week is None else now_week
    first = last - cohorts + 1
    kind = {"all": "all", "centre": "device", "course": "course"}[by]
    rows = inst.store.query(
        "SELECT key, w0, k, n FROM hub_cells WHERE kind = ? AND w0 BETWEEN ? AND ? AND k <= ?",
        (kind, first, last, weeks),
    )
    if by == "centre" and of_device is None:
        of_device = centres_api.centre_of_device(inst)
    of_device = of_device or {}
    cells: dict[tuple[str, int], dict[int, int]] = {}
    for g, w0, k, n in rows:
        key = ALL if by == "all" else (g if by == "course" else of_device.get(g, g))
        cell = cells.setdefault((key, int(w0)), {})
        cell[int(k)] = cell.get(int(k), 0) + int(n)
    groups: dict[str, GroupRetention] = {}
    for (key, w0), counts in sorted(cells.items(), key=lambda kv: kv[0][1]):
        horizon = min(weeks, last - w0)
        active: list[int | None] = [counts.get(k, 0) if k <= horizon else None for k in range(weeks + 1)]
        groups.setdefault(key, GroupRetention(key)).cohorts.append(Cohort(w0, counts.get(0, 0), active))
    return sorted(groups.values(), key=lambda g: (-g.learners, g.key))


def as_json(groups: list[GroupRetention], weeks: int) -> list[dict[str, Any]]:
    return [g.to_dict(weeks) for g in groups]


__all__ = ["Cohort", "GroupRetention", "WeekCount", "active_by_week", "as_json", "retention"]
