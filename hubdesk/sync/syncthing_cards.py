"""Syncthing "cards": each side learns the other's Syncthing device id through HubDesk's own sync.

Why: two Syncthings connect only once each trusts the other's device id, and asking a facilitator
to copy a 56-character id both ways is where pairing goes wrong. HubDesk already has a trusted,
signed link between a centre and its hub (enrolment, then HTTP or bundles), so the ids ride on it:

- A centre records its Syncthing as an event ``syncthing.device`` ``{device_id, address}`` in
  scope ``centre``. It travels to the hub by every transport (HTTP, bundles, Syncthing), and the
  entitlement rules mean it can only come from that centre and never reaches another centre.
- The hub's own card is in its signed answers: ``GET /`` over HTTP and the header of the bundles
  it writes. A centre takes it only from the hub it trusts.

When both sides know both cards, :meth:`SyncthingTransport.autopair` pairs them.
"""

from __future__ import annotations

import re
from typing import Any

from hubdesk.core.events import CENTRE
from hubdesk.core.installation import Installation
from hubdesk.sync.service import sync_state
from hubdesk.sync.state import CENTRE_ROLE, SyncState

KIND = "syncthing.device"
OWN_KEY = "syncthing_own"  # this installation's card
HUB_KEY = "syncthing_hub"  # at a centre: its hub's card
_ID_RE = re.compile(r"^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$")
_ANY_HOST = re.compile(r"://(0\.0\.0\.0|\[::\]|):")  # listening everywhere says nothing of where to dial
_ADDR_RE = re.compile(r"^(dynamic|(tcp|tcp4|tcp6|quic|quic4|quic6)://[A-Za-z0-9.:\[\]_-]{1,200})$")


def valid_card(value: object) -> dict[str, str] | None:
    """The card as ``{"device_id", "address"}`` if it is well formed, else None (never trust shape)."""
    if not isinstance(value, dict):
        return None
    device_id, address = value.get("device_id"), value.get("address")
    if not (isinstance(device_id, str) and _ID_RE.match(device_id)):
        return None
    if not (isinstance(address, str) and _ADDR_RE.match(address)):
        return None
    return {"device_id": device_id, "address": address}


def own_card(state: SyncState) -> dict[str, str] | None:
    return valid_card(state.get_json(OWN_KEY))


def hub_card(state: SyncState) -> dict[str, str] | None:
    return valid_card(state.get_json(HUB_KEY))


def remember_hub_card(state: SyncState, value: object) -> bool:
    """Keep the hub's card from a signed answer of the trusted hub; True if it is new."""
    card = valid_card(value)
    if card is None or card == hub_card(state):
        return False
    state.set_json(HUB_KEY, card)
    return True


def latest_card(inst: Installation, device_id: str) -> dict[str, str] | None:
    """The last card ``device_id`` announced, as held in this replica's event log."""
    mine = [ev for ev in inst.log.events(KIND) if ev.device_id == device_id]
    return valid_card(max(mine, key=lambda ev: ev.seq).payload) if mine else None


def announce(inst: Installation, device_id: str, address: str) -> bool:
    """Record this installation's Syncthing; a centre also tells its hub (an event). True if new."""
    card = valid_card({"device_id": device_id, "address": address})
    if card is None:
        raise ValueError(f"Not a Syncthing device id and address: {device_id!r} {address!r}")
    state = sync_state(inst)
    changed = card != own_card(state)
    if changed:
        state.set_json(OWN_KEY, card)
    if not state.is_hub and latest_card(inst, inst.device_id) != card:
        inst.log.append(KIND, card, scope=CENTRE)
        changed = True
    return changed


def address_of(options: dict[str, Any]) -> str:
    """Where a Syncthing listens, from its options: the first concrete address, else "dynamic"."""
    for a in options.get("listenAddresses") or []:
        if isinstance(a, str) and a != "dynamic" and _ADDR_RE.match(a) and not _ANY_HOST.search(a):
            return a
    return "dynamic"


def peer_cards(inst: Installation) -> list[dict[str, str]]:
    """The Syncthings this installation should pair with: its hub's, or (a hub) each centre's."""
    state = sync_state(inst)
    if not state.is_hub:
        card = hub_card(state) if state.hub() is not None else None
        return [card] if card else []
    out = []
    for centre in state.devices(CENTRE_ROLE):
        card = latest_card(inst, centre.device_id)
        if card:
            out.append(card)
    return out
