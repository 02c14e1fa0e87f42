"""What the pages show, gathered and cached: heavy reports are computed at most once per change of
the hub's activity (or every ``MAX_AGE_S`` while centres keep syncing), not once per page view."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from hubdesk.core.installation import Installation
from hubdesk.core.store import Schema, migration
from hubdesk.hub import centres as centres_api
from hubdesk.hub import reports
from hubdesk.hub.centres import CentreRow

if TYPE_CHECKING:
    pass

T = TypeVar("T")
MAX_AGE_S = 30.0


class ReportCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[Any, ...], tuple[int, float, Any]] = {}

    def get(self, inst: Installation, key: tuple[Any, ...], make: Callable[[], T], *, by_age: bool = False) -> T:
        """``make()``'s value, made again once the activity counts change (or, ``by_age``, only
        once it is ``MAX_AGE_S`` old: for what changes with contact, not activity)."""
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
        if hit is not None and now - hit[1] < MAX_AGE_S:
            return hit[2]  # type: ignore[no-any-return]
        if by_age:
            value = make()
            with self._lock:
                self._items[key] = (0, now, value)
            return value
        reports.refresh(inst.store)
        version = reports.version(inst.store)
        if hit is not None and hit[0] == version:
            with self._lock:
                self._items[key] = (version, now, hit[2])
            return hit[2]  # type: ignore[no-any-return]
        value = make()
        with self._lock:
            if len(self._items) > 500:
                self._items.clear()
            self._items[key] = (version, now, value)
        return value


def centres(cache: ReportCache, inst: Installation) -> list[CentreRow]:
    """Every centre, as at most ``MAX_AGE_S`` ago (counting learners per centre reads every learner)."""
    return cache.get(inst, ("centres",), lambda: centres_api.centres(inst), by_age=True)


def centre_map(cache: ReportCache, inst: Installation) -> dict[str, str]:
    """PC -> its centre, as at most ``MAX_AGE_S`` ago (reading it costs a query or two per centre)."""
    return cache.get(inst, ("centre-map",), lambda: centres_api.centre_of_device(inst), by_age=True)


def centre_names(cache: ReportCache, inst: Installation) -> dict[str, CentreRow]:
    return {c.id: c for c in centres(cache, inst)}


@dataclass(frozen=True)
class LearnerRow:
    id: str
    name: str
    centre: str
    first_week: int | None
    last_week: int | None
    finished: int


def learners(
    cache: ReportCache, inst: Installation, query: str, offset: int, limit: int
) -> tuple[int, list[LearnerRow]]:
    """Learners whose name contains ``query`` (all when empty), by name; and how many match."""
    of_device = centre_map(cache, inst)
    like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # no search: no name filter, so the page walks the name index and stops at its 50 names
    where, params = ("removed = 0 AND name LIKE ? ESCAPE '\\'", (like,)) if query else ("removed = 0", ())
    total = inst.store.query(f"SELECT COUNT(*) FROM learners WHERE {where}", params)[0][0]
    rows = inst.store.query(
        f"SELECT id, name, origin_device FROM learners WHERE {where} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    reports.refresh(inst.store)
    ids = tuple(r[0] for r in rows)
    weeks: dict[str, tuple[int, int]] = {}
    done: dict[str, int] = {}
    if ids:  # one query each for the whole page (a database server pays a round trip per query)
        marks = ",".join("?" * len(ids))
        weeks = {
            r[0]: (r[1], r[2])
            for r in inst.store.query(
                f"SELECT learner_id, MIN(week), MAX(week) FROM hub_activity WHERE learner_id IN ({marks}) "
                "GROUP BY learner_id",
                ids,
            )
        }
        done = {
            r[0]: int(r[1])
            for r in inst.store.query(
                f"SELECT learner_id, COUNT(*) FROM lesson_progress WHERE learner_id IN ({marks}) "
                "AND finished_hlc != '' GROUP BY learner_id",
                ids,
            )
        }
    out = []
    for lid, name, device in rows:
        first, last = weeks.get(lid, (None, None))
        out.append(LearnerRow(lid, name, of_device.get(device, device), first, last, done.get(lid, 0)))
    return int(total), out


@dataclass(frozen=True)
class PackUse:
    pack_id: str
    title: str
    versions: dict[str, list[str]]  # version -> centre ids running it


def pack_use(cache: ReportCache, inst: Installation) -> list[PackUse]:
    """Which centre runs which version of each pack (a centre's PCs may run several)."""
    of_device = centre_map(cache, inst)
    found: dict[str, PackUse] = {}
    for cp in inst.centre_packs.installed(exclude_device=inst.device_id):
        use = found.setdefault(cp.pack_id, PackUse(cp.pack_id, cp.title, {}))
        centre = of_device.get(cp.device_id, cp.device_id)
        centres = use.versions.setdefault(cp.version, [])
        if centre not in centres:
            centres.append(centre)
    return sorted(found.values(), key=lambda u: u.title.casefold())


@migration("0167_hub_learner_names")
def _names(db: Schema) -> None:
    # the learners page walks names in order and stops at its page, instead of sorting every learner
    db.execute("CREATE INDEX IF NOT EXISTS hub_learners_name ON learners (name COLLATE NOCASE, id)")


@migration("0168_hub_learner_origins")
def _origins(db: Schema) -> None:
    # learners per centre, counted from an index instead of every learner's row
    db.execute("CREATE INDEX IF NOT EXISTS hub_learners_origin ON learners (origin_device, removed)")
