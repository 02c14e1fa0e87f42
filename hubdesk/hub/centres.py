"""The centres the hub knows, read in one place so the dashboard, the reports and the CLI agree.

A centre at the hub is one entry however many PCs it has (``hubdesk.core.centre`` for its name,
place and PCs, :mod:`hubdesk.sync.centres` for which PCs speak for which enrolled centre):
:func:`centres` lists them and :func:`centre_of_device` maps a PC to its centre.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hubdesk.core.centre import Membership
from hubdesk.core.installation import Installation
from hubdesk.sync.centres import enrolled_centres
from hubdesk.sync.service import sync_state

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


def centre_of_device(inst: Installation, members: Membership | None = None) -> dict[str, str]:
    """Device id of every PC of an enrolled centre (retired ones too: their records stay the centre's)
    -> the id of its centre. Every centre is read at once (a few queries, whatever their number)."""
    members = members or inst.centre.all.membership()
    out: dict[str, str] = {}
    for centre_id, devices in enrolled_centres(sync_state(inst), inst.log, members).items():
        for pc in members.speaking_pcs(centre_id) | {d.device_id for d in devices}:
            out[pc] = centre_id
    return out


def centres(inst: Installation) -> list[CentreRow]:
    """Every centre with its PCs, learner and pack counts and last contact, by name then id."""
    members = inst.centre.all.membership()
    of_device = centre_of_device(inst, members)
    learners: dict[str, int] = {}
    for device_id, count in inst.learners.count_by_origin().items():
        centre = of_device.get(device_id)
        if centre is not None:
            learners[centre] = learners.get(centre, 0) + int(count)
    packs: dict[str, set[str]] = {}
    for device_id, pack_id in ((p.device_id, p.pack_id) for p in inst.centre_packs.installed()):
        centre = of_device.get(device_id)
        if centre is not None:
            packs.setdefault(centre, set()).add(pack_id)
    rows = []
    for centre_id, devices in enrolled_centres(sync_state(inst), inst.log, members).items():
        name, place = members.names.get(centre_id, (None, None))
        contact = {d.device_id: d.last_contact for d in devices}
        its_pcs = [CentrePC(pc, pc_name or None, contact.get(pc)) for pc, pc_name in members.pcs_of(centre_id)]
        listed = {pc.id for pc in its_pcs}
        its_pcs += [CentrePC(d, None, t) for d, t in contact.items() if d not in listed]
        seen = [t for t in contact.values() if t is not None]
        rows.append(
            CentreRow(
                id=centre_id,
                name=name,
                place=place,
                pcs=its_pcs,
                learners=learners.get(centre_id, 0),
                packs=len(packs.get(centre_id, ())),
                last_contact=max(seen) if seen else None,
            )
        )
    return sorted(rows, key=lambda r: ((r.name or "").casefold(), r.id))
