"""Learners' contributions waiting at the hub, and sharing one with every centre (the dashboard's view).

The dashboard reads contributions here; the data and the sharing are those of
:mod:`hubdesk.hub.promotion` (and ``inst.contributions`` in core, the same code a centre runs):
a contribution waits at the hub once its centre's facilitator approved it and until the hub
shares it. Sharing appends the hub's ``contribution.promoted`` event in the ``community`` scope,
which every centre receives on its next sync (HTTP, Syncthing or USB) and builds into its
``community-shared-<language>`` pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hubdesk.core.contributions import APPROVED
from hubdesk.core.installation import Installation
from hubdesk.errors import NotFound
from hubdesk.hub.promotion import PromoteError, listing, promote


@dataclass(frozen=True)
class Contribution:
    id: str
    device_id: str  # the PC that sent it (its centre: ``hubdesk.hub.centres.centre_of_device``)
    state: str
    title: str
    by: str
    licence: str
    hlc: str
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "device_id": self.device_id,
            "state": self.state,
            "title": self.title,
            "by": self.by,
            "licence": self.licence,
        }


def waiting(inst: Installation) -> list[Contribution]:
    """Approved at their centre and not shared yet, oldest first."""
    out = []
    for h in listing(inst, APPROVED):
        if h.promoted:
            continue
        d = h.to_dict()
        device = inst.contributions.submitted_from(h.item.id) or h.centre_id
        out.append(
            Contribution(h.item.id, device, h.item.state, h.item.title, d["by"], d["licence"], h.item.updated, d)
        )
    return out


def share(inst: Installation, item_id: str) -> Contribution:
    """Share a waiting contribution with every centre (attribution and licence kept)."""
    found = {c.id: c for c in waiting(inst)}.get(item_id)
    if found is None:
        raise NotFound("That contribution is not waiting at this hub (already shared, closed or unknown).")
    try:
        promote(inst, item_id)
    except PromoteError as exc:
        raise NotFound(str(exc)) from None
    return found
