"""Learners' contributions waiting at the hub, and sharing one with every centre.

The one place the dashboard reads contributions from. Until the contributions domain lands
(facilitator review, community packs) it reads whatever ``contribution.*`` events the centres sent:
an item is identified by its payload's ``id``, its state is the kind of its newest event, and it
waits until the hub promotes it. Promoting appends a ``contribution.promoted`` event in the
``community`` scope, which every centre receives on its next sync (HTTP, Syncthing or USB). When the
domain's own API arrives, :func:`waiting` and :func:`share` call it instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hubdesk.core.events import CENTRE, COMMUNITY
from hubdesk.core.installation import Installation
from hubdesk.errors import NotFound

PREFIX = "contribution."
PROMOTED = "contribution.promoted"
CLOSED = ("contribution.declined", "contribution.withdrawn")


@dataclass(frozen=True)
class Contribution:
    id: str
    device_id: str
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


def _items(inst: Installation) -> tuple[dict[str, Contribution], set[str]]:
    rows = inst.store.query(
        "SELECT device_id, kind, scope, hlc, payload FROM events WHERE kind >= ? AND kind < ? ORDER BY hlc",
        (PREFIX, PREFIX[:-1] + "/"),  # every kind that starts with 'contribution.' (index on kind)
    )
    items: dict[str, Contribution] = {}
    promoted: set[str] = set()
    for device_id, kind, scope, hlc, text in rows:
        try:
            payload = json.loads(text)
        except ValueError:
            continue
        item = payload.get("id") if isinstance(payload, dict) else None
        if not isinstance(item, str):
            continue
        if kind == PROMOTED and scope == COMMUNITY:
            promoted.add(item)
            continue
        if scope != CENTRE:
            continue
        before = items.get(item)
        merged = {**(before.payload if before else {}), **payload}
        items[item] = Contribution(
            item,
            before.device_id if before else device_id,
            kind[len(PREFIX) :],
            str(merged.get("title") or merged.get("lesson") or item),
            str(merged.get("attribution") or merged.get("by") or ""),
            str(merged.get("licence") or "CC BY-SA 4.0"),
            hlc,
            merged,
        )
    return items, promoted


def waiting(inst: Installation) -> list[Contribution]:
    """Contributions from every centre that are neither closed nor shared yet, oldest first."""
    items, promoted = _items(inst)
    return [c for c in items.values() if c.id not in promoted and PREFIX + c.state not in CLOSED]


def share(inst: Installation, item_id: str) -> Contribution:
    """Share a waiting contribution with every centre (attribution and licence kept)."""
    found = {c.id: c for c in waiting(inst)}.get(item_id)
    if found is None:
        raise NotFound("That contribution is not waiting at this hub (already shared, closed or unknown).")
    inst.log.append(
        PROMOTED,
        {
            "id": found.id,
            "from": found.device_id,
            "title": found.title,
            "by": found.by,
            "licence": found.licence,
            "content": found.payload,
        },
        scope=COMMUNITY,
    )
    return found
