"""A new PC joins its centre with a one-time code read from a PC of the centre.

``hubdesk centre join-code`` on a PC of the centre (or the facilitator page of the app) issues the
code; the PC's peer endpoint (``peer serve`` or the app) answers ``POST /j/<route>/join``, where the
route and the sealing key are derived from the code (:mod:`hubdesk.core.centre`). The joining PC
seals its request (its device id, name and public keys) under the code's key; the endpoint opens it
only with the right code, burns the code, records the new PC (``centre.pc_joined``) and seals its
answer (the centre's id and key) under the same key, which proves to the joining PC in turn that it
reached a PC that holds the code. Only then does anything secret cross, and the rest (learners,
their secrets, notes, groups) follows over the pair-sealed centre link.

A wrong code, a used one and an expired one all get the same 401, and count against the issuing
PC's open codes (five wrong tries burn them all).
"""

from __future__ import annotations

import base64
import logging
import socket
import time
from dataclasses import dataclass
from typing import Any

from hubdesk.core.centre import derive
from hubdesk.core.groups import device_xkey, public_b64
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, HubDeskError, NetworkUnavailable, SyncError
from hubdesk.peers.auth import ReplayGuard, SealError, open_request, seal_reply
from hubdesk.peers.centre_link import NotAPC, client_for, pair_key, post_sealed
from hubdesk.peers.client import http_client, local_listen_port, parse_address
from hubdesk.peers.discovery import Discovery, Nearby
from hubdesk.sync.protocol import ExchangeResult

log = logging.getLogger(__name__)

ROUTE_LEN = 24


class CentreJoinRefused(AuthError):
    """No PC accepted the code (wrong, used, expired, or burnt after too many wrong tries)."""


@dataclass(frozen=True)
class CentreJoined:
    centre_id: str
    centre_name: str
    via_device: str
    exchanged: ExchangeResult | None


# -- the endpoint's side --------------------------------------------------------------------------
class JoinEndpoint:
    """``POST /j/<route>/join`` (mounted by the peer endpoint)."""

    def __init__(self, inst: Installation, guard: ReplayGuard) -> None:
        self.inst = inst
        self.guard = guard

    def handle(self, route: str, path: str, headers: dict[str, str], body: bytes, client: str) -> tuple[int, bytes]:
        codes = self.inst.centre.codes
        key = codes.key_for(route) if len(route) == ROUTE_LEN else None
        if key is None:
            codes.wrong_try()
            return 401, b""
        try:
            envelope, nonce = open_request(key, "POST", path, headers, body, self.guard)
        except SealError:
            codes.wrong_try()
            return 401, b""
        status, reply = self._admit(route, envelope, client)
        return status, seal_reply(key, nonce, status, reply)

    def _admit(self, route: str, msg: Any, client: str) -> tuple[int, dict[str, Any]]:
        fields = ("device", "name", "key", "xkey")
        if not isinstance(msg, dict) or not all(isinstance(msg.get(f), str) and 0 < len(msg[f]) <= 80 for f in fields):
            return 400, {"error": "A join request says which PC it is and gives its keys."}
        device = msg["device"]
        if device == self.inst.device_id:
            return 400, {"error": "A PC cannot join itself."}
        centre = self.inst.centre
        if not self.inst.centre.codes.use(route, device):
            return 409, {"error": "That code was used already. Ask for a new one."}
        try:
            base64.b64decode(msg["xkey"], validate=True)
            centre.admit(device, msg["name"], msg["key"], msg["xkey"])
        except (ValueError, HubDeskError) as exc:
            return 400, {"error": str(exc)}
        port = msg.get("port")
        if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536:
            host = f"[{client}]" if ":" in client else client
            centre.remember_peer(device, f"{host}:{port}")
        info = centre.info()
        return 200, {
            **centre.secret_material(),
            "name": info.display_name,
            "device": self.inst.device_id,
            "xkey": public_b64(device_xkey(self.inst.store)),
            "peers": [[d, a] for d, a in centre.peers() if d != device][:100],
        }


# -- the joining PC's side --------------------------------------------------------------------------
def join(
    inst: Installation, code: str, peer: str | None = None, *, timeout: float = 5.0, discover_s: float = 4.0
) -> CentreJoined:
    """Join the centre whose PC issued ``code``: at ``peer`` (HOST:PORT), or found on the LAN."""
    secret = derive(code)  # a mistyped code fails here, before any traffic
    if inst.centre.is_named:
        raise AuthError(f"This PC already belongs to the centre {inst.centre.display_name!r}.")
    if peer is not None:
        parse_address(peer)
        candidates = [peer]
    else:
        candidates = [n.address for n in nearby_pcs(inst, discover_s)]
        if not candidates:
            raise NetworkUnavailable(
                "No other HubDesk PC was found on this network. Make sure HubDesk runs on a PC of the centre, "
                "or give its address with --peer HOST:PORT."
            )
    own_xkey = device_xkey(inst.store)
    message = {
        "device": inst.device_id,
        "name": socket.gethostname()[:80] or inst.device_id,
        "key": inst.log.identity.public_key_b64,
        "xkey": public_b64(own_xkey),
        "port": local_listen_port(inst),
    }
    refused: HubDeskError | None = None
    with http_client(timeout) as http:
        for address in candidates:
            try:
                _status, reply = post_sealed(http, address, f"/j/{secret.route}/join", secret.key, message)
            except NotAPC:
                refused = CentreJoinRefused(
                    "The PC did not accept this code: it may be mistyped, used already or expired "
                    "(a code lasts 15 minutes and works once). Ask for a new code on a PC of the centre."
                )
                continue
            except SyncError as exc:
                refused = exc
                continue
            return _adopt(inst, reply, address, http)
    assert refused is not None
    raise refused


def _adopt(inst: Installation, reply: Any, address: str, http: Any) -> CentreJoined:
    if not isinstance(reply, dict) or not all(
        isinstance(reply.get(k), str) for k in ("centre", "key", "device", "xkey", "name")
    ):
        raise SyncError(f"The PC at {address} answered the join oddly; nothing was changed.")
    try:
        pair_key(device_xkey(inst.store), reply["xkey"], reply["centre"], inst.device_id, reply["device"])
    except ValueError as exc:
        raise SyncError(f"The PC at {address} sent a key that is not readable; nothing was changed.") from exc
    inst.centre.adopt(reply["centre"], reply["key"])
    inst.centre.consent()
    inst.centre.remember_peer(reply["device"], address)
    for entry in reply.get("peers") or []:
        if isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) and len(x) <= 80 for x in entry):
            inst.centre.remember_peer(entry[0], entry[1])
    exchanged = _first_sync(inst, reply, address, http)
    return CentreJoined(reply["centre"], reply["name"], reply["device"], exchanged)


def _first_sync(inst: Installation, reply: dict[str, Any], address: str, http: Any) -> ExchangeResult | None:
    """Take the centre's events from the PC that let us in, at once (learners can sign in here next)."""
    from hubdesk.peers.centre_link import CentreClient

    key = pair_key(device_xkey(inst.store), reply["xkey"], reply["centre"], inst.device_id, reply["device"])
    client = CentreClient(inst, address, reply["device"], key, http, local_listen_port(inst))
    for attempt in range(3):
        try:
            return client.sync()
        except HubDeskError as exc:  # the other side may still be writing our admission
            log.debug("first sync with %s: %s", address, exc)
            time.sleep(0.2 * (attempt + 1))
    return None


def nearby_pcs(inst: Installation, seconds: float) -> list[Nearby]:
    """The HubDesk PCs that announce themselves on this network within ``seconds``."""
    found: dict[str, Nearby] = {}

    def found_one(nearby: Nearby) -> None:
        found.setdefault(nearby.device_id, nearby)

    try:
        disc = Discovery(inst.device_id, socket.gethostname(), 0, announce=False, on_found=found_one)
        disc.start()
    except (OSError, HubDeskError):
        return []
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        disc.close()
    return sorted(found.values(), key=lambda n: (n.name.casefold(), n.device_id))


__all__ = ["CentreJoinRefused", "CentreJoined", "JoinEndpoint", "client_for", "join", "nearby_pcs"]
