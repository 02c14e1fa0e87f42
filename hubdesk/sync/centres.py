"""What the hub (and a bundle's reader) makes of centres: which PCs speak for which centre.

A centre enrols at its hub once, through any one of its PCs. The hub learns the centre's other PCs
from the centre's own ``centre.*`` events (:mod:`hubdesk.core.centre`), sent by a PC it already
trusts: a PC counts for a centre when the centre admitted it along the chain of authority *and* the
PC said so itself (``centre.joined``), so no centre can claim another's PC. From then on the hub
takes that PC's signed requests and bundles with the key the centre admitted it with, and a
retired PC gets a 403 like a stranger.
"""

from __future__ import annotations

from hubdesk.core.centre import Centres, Membership
from hubdesk.core.events import EventLog
from hubdesk.sync.state import CENTRE_ROLE, Device, SyncState


def centre_of(log: EventLog, device_id: str) -> str:
    """The centre a device speaks for at the hub: the one it joined (with its consent), or its own."""
    centres = Centres(log)
    found = centres.of_device(device_id)
    return found if found is not None and centres.consented(device_id, found) else device_id


def centre_pcs(log: EventLog, centre_id: str, *, retired_too: bool = False) -> set[str]:
    """The PCs that speak for ``centre_id`` at the hub (retired ones too: their past records stay the centre's)."""
    centres = Centres(log)
    found = centres.ever_pcs(centre_id) if retired_too else centres.pcs(centre_id)
    return {d for d in found if centres.consented(d, centre_id)} | {centre_id}


def trusted_pc(state: SyncState, log: EventLog, device_id: str) -> Device | None:
    """The device as an enrolled centre PC, or None (unknown, a hub, or retired)."""
    centres = Centres(log)
    if centres.retired(device_id):
        return None
    known = state.device(device_id)
    if known is not None:
        return known if known.role == CENTRE_ROLE else None
    centre = centre_of(log, device_id)
    if centre == device_id:
        return None
    enrolled = {d.device_id for d in state.devices(CENTRE_ROLE)}
    if not enrolled & centre_pcs(log, centre, retired_too=True):
        return None  # a centre the hub never enrolled
    key = centres.pc_key(centre, device_id)
    if key is None:
        return None
    state.trust(device_id, key, CENTRE_ROLE)
    return state.device(device_id)


def enrolled_centres(state: SyncState, log: EventLog, members: Membership | None = None) -> dict[str, list[Device]]:
    """At the hub: ``centre id -> its enrolled or admitted PCs`` (one entry per centre, whatever its PCs)."""
    members = members or Centres(log).membership()
    out: dict[str, list[Device]] = {}
    for device in state.devices(CENTRE_ROLE):
        if members.retired(device.device_id):
            continue
        out.setdefault(members.centre_of(device.device_id), []).append(device)
    return out
