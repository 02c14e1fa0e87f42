"""The LAN link between the PCs of one centre: every scope but ``private``, sealed per pair of PCs.

Each PC of a centre has an X25519 key pair; its public half is in the ``centre.pc_joined`` (or
``centre.created``) event that admitted it. Two PCs seal their requests and replies under a key
agreed between *their two* key pairs (X25519 + HKDF), so:

- only a current PC of the centre can ask anything: a request names its sender, the endpoint looks
  the sender up among the centre's current PCs and opens the seal with the pair key, or answers 401;
- a retired PC (``hubdesk centre retire``) is refused by every PC that knows of the retirement,
  and nothing else changes: no shared LAN key to rotate, nothing to re-issue;
- what crosses (secret hashes and private notes in the ``site`` scope among it) is unreadable to
  anyone else on the centre's Wi-Fi.

Requests: ``POST /c/<kind>`` where kind is ``hello`` (addresses of the other PCs) or a sync protocol
request (``vector``, ``pull``, ``push``). Joining with a one-time code is :mod:`hubdesk.peers.centre_join`.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hubdesk.core.events import PRIVATE, EventError
from hubdesk.core.groups import device_xkey
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, NetworkUnavailable, PackError, SyncError
from hubdesk.peers.auth import ReplayGuard, SealError, open_reply, open_request, seal_reply, seal_request
from hubdesk.peers.client import parse_address
from hubdesk.sync.protocol import (
    ExchangeResult,
    Policy,
    Vector,
    answer,
    exchange,
    make_vector_request,
    read_vector_reply,
)

log = logging.getLogger(__name__)

DEVICE_HEADER = "x-hubdesk-device"
SYNC_KINDS = ("vector", "pull", "push")
PACK_KINDS = ("packs", "pack_chunk")
MAX_CHUNK = 1000
NOT_AUTHORISED = {"error": "This PC is not one of this centre's PCs."}


class NotAPC(AuthError):
    """The other side is not (or no longer) a PC of this centre."""


def _within_centre(_device_id: str, scope: str) -> bool:
    return scope != PRIVATE


def centre_lan_policy() -> Policy:
    """Between PCs of one centre everything crosses but what was written before centres existed
    as ``private`` (it stays on its PC): the centre's PCs are one replica, spread out."""
    return Policy(may_send=_within_centre, accept=_within_centre, show=_within_centre)


def pair_key(own: X25519PrivateKey, other_b64: str, centre_id: str, a: str, b: str) -> bytes:
    other = X25519PublicKey.from_public_bytes(base64.b64decode(other_b64, validate=True))
    first, second = sorted((a, b))
    info = f"hubdesk-centre-pair-v1|{centre_id}|{first}|{second}".encode()
    return HKDF(hashes.SHA256(), 32, None, info).derive(own.exchange(other))


def key_with(inst: Installation, device_id: str) -> bytes | None:
    """The pair key between this PC and ``device_id``, if that is a current PC of our centre."""
    centre = inst.centre
    if device_id == inst.device_id or device_id not in centre.pc_ids():
        return None
    xkey = centre.all.pc_key(centre.id, device_id, "xkey")
    if not xkey:
        return None
    try:
        return pair_key(device_xkey(inst.store), xkey, centre.id, inst.device_id, device_id)
    except ValueError:
        return None


class CentreEndpoint:
    """The ``/c/<kind>`` side of the peer endpoint (mounted by :class:`hubdesk.peers.server.PeerServer`)."""

    def __init__(self, inst: Installation, guard: ReplayGuard, port: Any) -> None:
        self.inst = inst
        self.guard = guard
        self.port = port

    def handle(self, kind: str, path: str, headers: dict[str, str], body: bytes, client: str) -> tuple[int, bytes]:
        """Answer one request (on a worker thread): ``(status, body)``; 401 tells nothing."""
        sender = headers.get(DEVICE_HEADER, "")
        key = key_with(self.inst, sender) if 0 < len(sender) <= 64 and not self.inst.centre.is_retired() else None
        if key is None:
            return 401, b""
        try:
            envelope, nonce = open_request(key, "POST", path, headers, body, self.guard)
        except SealError:
            return 401, b""
        status, reply = self._answer(kind, sender, envelope, client)
        return status, seal_reply(key, nonce, status, reply)

    def _answer(self, kind: str, sender: str, envelope: Any, client: str) -> tuple[int, dict[str, Any]]:
        try:
            if not isinstance(envelope, dict):
                return 400, {"error": "A centre request says what it asks."}
            port = envelope.get("port")
            if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536:
                host = f"[{client}]" if ":" in client else client
                self.inst.centre.remember_peer(sender, f"{host}:{port}")
            if kind == "hello":
                peers = [[d, a] for d, a in self.inst.centre.peers() if d != sender]
                return 200, {"device": self.inst.device_id, "port": self.port(), "peers": peers[:100]}
            if kind in PACK_KINDS:  # a pack installed here, for another PC of the centre
                from hubdesk.peers import centre_packs

                if kind == "packs":
                    return 200, centre_packs.answer_packs(self.inst)
                return 200, centre_packs.answer_chunk(self.inst, envelope.get("msg"))
            if kind not in SYNC_KINDS:
                return 404, {"error": f"There is no centre request called {kind[:40]!r}."}
            return 200, answer(self.inst.log, kind, envelope.get("msg"), centre_lan_policy(), MAX_CHUNK, sender=sender)
        except (SyncError, EventError, PackError) as exc:
            return 400, {"error": str(exc)}
        except Exception:  # keep serving: one bad request must not take the endpoint down
            log.exception("centre request %s from %s failed", kind, sender)
            return 500, {"error": "This PC could not answer that request."}


def post_sealed(
    http: httpx.Client, address: str, path: str, key: bytes, message: Any, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """POST a sealed message to a peer endpoint; return the status and the opened reply.

    A 401 (or a reply not sealed with ``key``) raises :class:`NotAPC`: the other side does not
    hold the key, or does not take us for who we say.
    """
    host, port = parse_address(address)
    host = f"[{host}]" if ":" in host else host
    sealed = seal_request(key, "POST", path, message)
    try:
        resp = http.post(
            f"http://{host}:{port}{path}", content=sealed.body, headers={**sealed.headers, **(headers or {})}
        )
    except httpx.HTTPError as exc:
        raise NetworkUnavailable(f"The PC at {address} cannot be reached right now.") from exc
    if resp.status_code == 401:
        raise NotAPC(f"The PC at {address} did not accept this PC.")
    if resp.status_code in (413, 429):
        raise SyncError(f"The PC at {address} refused a request ({resp.status_code}); try again later.")
    try:
        reply = open_reply(key, sealed.nonce, resp.status_code, resp.content)
    except SealError as exc:
        raise NotAPC(f"The PC at {address} is not the PC it claims to be.") from exc
    if resp.status_code != 200:
        error = reply.get("error") if isinstance(reply, dict) else None
        raise SyncError(f"The PC at {address} refused: {error or resp.status_code}")
    return resp.status_code, reply


@dataclass
class CentreClient:
    """Talking to one other PC of our centre."""

    inst: Installation
    address: str
    device: str
    key: bytes
    http: httpx.Client
    port: int | None = None

    def call(self, kind: str, message: Any) -> dict[str, Any]:
        envelope = {"port": self.port, "msg": message}
        _status, reply = post_sealed(
            self.http, self.address, f"/c/{kind}", self.key, envelope, {DEVICE_HEADER: self.inst.device_id}
        )
        if not isinstance(reply, dict):
            raise SyncError(f"The PC at {self.address} sent a reply that is not a JSON object.")
        return reply

    def hello(self) -> dict[str, Any]:
        reply = self.call("hello", {})
        if reply.get("device") != self.device:
            raise NotAPC(f"The PC at {self.address} is not the PC it was.")
        for entry in reply.get("peers") or []:
            if (
                isinstance(entry, list)
                and len(entry) == 2
                and all(isinstance(x, str) and 0 < len(x) <= 80 for x in entry)
                and entry[0] != self.inst.device_id
            ):
                try:
                    parse_address(entry[1])
                except SyncError:
                    continue
                if entry[0] not in dict(self.inst.centre.peers()):
                    self.inst.centre.remember_peer(entry[0], entry[1])
        return reply

    def sync(self) -> ExchangeResult:
        return exchange(self.inst.log, self.call, centre_lan_policy(), chunk=MAX_CHUNK, sender=self.device)

    def sync_if_changed(self) -> ExchangeResult | None:
        """One ``vector`` request; the full exchange only when either side has news."""
        theirs: Vector = read_vector_reply(self.call("vector", make_vector_request()))
        ours = {k: v for k, v in self.inst.log.vector().items() if _within_centre(*k)}
        if {k: v for k, v in theirs.items() if v} == {k: v for k, v in ours.items() if v}:
            self.inst.centre.remember_peer(self.device, self.address)
            return None
        result = self.sync()
        self.inst.centre.remember_peer(self.device, self.address)
        return result


def client_for(inst: Installation, device: str, address: str, http: httpx.Client, port: int | None) -> CentreClient:
    key = key_with(inst, device)
    if key is None:
        raise NotAPC(f"{device} is not one of this centre's PCs.")
    return CentreClient(inst, address, device, key, http, port)
