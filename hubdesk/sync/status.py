"""What a facilitator wants to know about sync: when it last worked, what is still waiting, what failed."""

from __future__ import annotations

from typing import Any

from hubdesk.core.clock_skew import clocks_ahead
from hubdesk.core.installation import Installation
from hubdesk.sync import enrolment
from hubdesk.sync.entitlement import centre_policy
from hubdesk.sync.service import sync_state
from hubdesk.sync.state import CENTRE_ROLE, HUB_DEST, SyncState


def pending_events(inst: Installation, state: SyncState | None = None) -> int:
    """Events this centre may send its hub that the hub has not yet acknowledged holding."""
    state = state or sync_state(inst)
    acked = state.vector("sync_acked", HUB_DEST)
    may_send = centre_policy(inst.device_id).may_send
    total = 0
    for (device_id, scope), _upto in inst.log.vector().items():
        if not may_send(device_id, scope):
            continue
        total += inst.log.count_after(device_id, scope, acked.get((device_id, scope), 0))
    return total


def sync_status(inst: Installation) -> dict[str, Any]:
    state = sync_state(inst)
    hub = state.hub()
    out: dict[str, Any] = {
        "device_id": inst.device_id,
        "role": "hub" if state.is_hub else "centre",
        "hub": None
        if hub is None
        else {"device_id": hub.device_id, "url": hub.url or state.get("hub_url"), "last_contact": hub.last_contact},
        "enrolment_pending": enrolment.pending_code(state) is not None,
        "last_sync": state.get_json("last_sync"),
        "last_error": state.get_json("last_error"),
        "pending": 0 if state.is_hub else pending_events(inst, state),
        # PCs whose newest event here was stamped far ahead of this PC's clock: their clocks lie
        "clocks_ahead": [c.to_dict() for c in clocks_ahead(inst.store)],
    }
    if state.is_hub:
        out["centres"] = len(state.devices(CENTRE_ROLE))
    else:
        from hubdesk.sync.carried import waiting

        out["packs_waiting"] = waiting(inst)  # what the hub holds for us that no stick or sync has brought yet
    return out
