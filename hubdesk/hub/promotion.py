"""Contributions at the hub: what every centre sent and decided, and sharing it with every centre.

The hub receives each centre's ``contribution.*`` events (scope ``centre``; drafts never come)
and projects them with the same core code as a centre (``inst.contributions``). Sharing is the
hub's own ``contribution.promoted`` event in scope ``community``: the only ``community`` events
the hub sends centres are its own (``hubdesk.sync.entitlement``), so nothing reaches another
centre until the hub promotes it. Promoting an item or a centre's whole community pack
(``community-<centre>-<language>``) carries the content as the centre approved it, its
attribution and licence, and the centre's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hubdesk.core.contributions import APPROVED, LICENCE, PROMOTED, Contribution, community_pack_id
from hubdesk.core.events import COMMUNITY
from hubdesk.core.installation import Installation
from hubdesk.errors import HubDeskError, NotFound
from hubdesk.hub.centres import centre_of_device, centres


class PromoteError(HubDeskError):
    """Something that cannot be shared with every centre (not approved, not known)."""

    exit_code = 2


@dataclass(frozen=True)
class HubContribution:
    item: Contribution
    centre_id: str
    centre_name: str
    language: str
    promoted: bool

    @property
    def pack(self) -> str:
        """The community pack the item is in at its centre."""
        return community_pack_id(self.centre_id, self.language)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.item.to_dict(),
            "centre": self.centre_id,
            "centre_name": self.centre_name,
            "by": self.item.by(self.centre_name),
            "community_pack": self.pack,
            "promoted": self.promoted,
        }


def _promoted_ids(inst: Installation) -> set[str]:
    return {str(ev.payload.get("id")) for ev in inst.log.events(PROMOTED) if ev.scope == COMMUNITY}


def listing(inst: Installation, state: str | None = None) -> list[HubContribution]:
    """Every contribution the hub holds, across centres, oldest change first."""
    of_device = centre_of_device(inst)
    names = {c.id: c.name or c.id for c in centres(inst)}
    promoted = _promoted_ids(inst)
    out = []
    for item in inst.contributions.all(state):
        device = inst.contributions.submitted_from(item.id) or ""
        centre = of_device.get(device, device)
        c = item.approved or item.content
        if c.kind == "translation" and c.language:
            language = c.language
        else:
            try:
                language = inst.packs.get(c.pack).language if c.pack else "en"
            except NotFound:
                language = "en"
        out.append(HubContribution(item, centre, names.get(centre, centre), language, item.id in promoted))
    return out


def promote(inst: Installation, target: str) -> list[HubContribution]:
    """Share an approved item (its id) or every approved item of a community pack (its id)."""
    approved = [h for h in listing(inst) if h.item.state == APPROVED]
    chosen = [h for h in approved if target in (h.item.id, h.pack)]
    if not chosen:
        known = {h.item.id: h for h in listing(inst)}
        if target in known:
            raise PromoteError(
                f"That contribution is {known[target].item.state.replace('_', ' ')}: only approved ones are shared."
            )
        raise PromoteError(f"No approved contribution or community pack is called {target!r} at this hub.")
    with inst.store.transaction():
        for h in chosen:
            c = h.item.approved or h.item.content
            inst.log.append(
                PROMOTED,
                {
                    "id": h.item.id,
                    "centre": h.centre_id,
                    "centre_name": h.centre_name,
                    "by": h.item.by(h.centre_name),
                    "title": h.item.title,
                    "licence": LICENCE,
                    "content": c.to_payload(),
                },
                scope=COMMUNITY,
            )
    return chosen
