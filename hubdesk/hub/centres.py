"""The centres the hub knows, read in one place so the dashboard, the reports and the CLI agree.

Today a centre at the hub is one enrolled device (its id is the device id, it has no name or
place). When centres of several PCs land (``hubdesk.core.centre``), only this module changes:
:func:`centres` lists them and :func:`centre_of_device` maps a PC to its centre.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.sync.state import CENTRE_ROLE, SyncState

SILENT_AFTER_S = 14 * 24 * 3600


@dataclass(frozen=True)
class CentrePC:
    id: str
    name: str | None
    last_seen: float | None


@dataclass(frozen=True)
class CentreRow:
    """One centre as the operator sees it."""

    id: str
    name: str | None
    place: str | None
    pcs: list[CentrePC] = field(default_factory=list)
    learners: int = 0
    packs: int = 0
    last_contact: float | None = None

    def silent(self, now: float) -> bool:
        """No contact for 14 days (or never): the dashboard shows it in red."""
        return self.last_contact is None or now - self.last_contact > SILENT_AFTER_S

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "place": self.place,
            "pcs": [{"id": p.id, "name": p.name, "last_seen": p.last_seen} for p in self.pcs],
            "learners": self.learners,
            "packs": self.packs,
            "last_contact": self.last_contact,
        }


def centre_of_device(inst: Installation) -> dict[str, str]:
    """Device id of every enrolled PC -> the id of its centre."""
    return {d.device_id: d.device_id for d in SyncState(inst.store).devices(CENTRE_ROLE)}


def centres(inst: Installation) -> list[CentreRow]:
    """Every centre with its PCs, learner and pack counts and last contact, by name then id."""
    of_device = centre_of_device(inst)
    learners: dict[str, int] = {}
    for device_id, count in inst.store.query(
        "SELECT origin_device, COUNT(*) FROM learners WHERE removed = 0 GROUP BY origin_device"
    ):
        centre = of_device.get(device_id)
        if centre is not None:
            learners[centre] = learners.get(centre, 0) + int(count)
    packs: dict[str, set[str]] = {}
    for device_id, pack_id in inst.store.query("SELECT device_id, pack_id FROM centre_packs WHERE removed = 0"):
        centre = of_device.get(device_id)
        if centre is not None:
            packs.setdefault(centre, set()).add(pack_id)
    pcs: dict[str, list[CentrePC]] = {}
    for d in SyncState(inst.store).devices(CENTRE_ROLE):
        pcs.setdefault(of_device[d.device_id], []).append(CentrePC(d.device_id, None, d.last_contact))
    rows = []
    for centre_id, its_pcs in pcs.items():
        seen = [p.last_seen for p in its_pcs if p.last_seen is not None]
        rows.append(
            CentreRow(
                id=centre_id,
                name=None,
                place=None,
                pcs=its_pcs,
                learners=learners.get(centre_id, 0),
                packs=len(packs.get(centre_id, ())),
                last_contact=max(seen) if seen else None,
            )
        )
    return sorted(rows, key=lambda r: ((r.name or "").casefold(), r.id))
