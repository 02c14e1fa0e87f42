"""Talking to one peer about one group: sealed requests, and the sync exchange over them.

:class:`PeerClient` turns the sync protocol's ``call(kind, message)`` into a sealed HTTP request to
``/g/<group>/<kind>`` and checks that the reply is sealed with the same key (so a stranger posing
as a peer is caught). Every request also says who is asking (device id and the port this PC's peer
endpoint listens on), which is how the peer learns where to reach us back, and counts as a
presence heartbeat.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any

import httpx

from hubdesk.core.event_chain import ForgedEvents
from hubdesk.core.events import Event, EventError, group_scope
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, NetworkUnavailable, SyncError
from hubdesk.peers.auth import SealError, open_reply, seal_request
from hubdesk.peers.policy import group_policy
from hubdesk.sync.protocol import ExchangeResult, Vector, exchange, make_vector_request, read_vector_reply

LISTEN_META = "peer.listen"
CHUNK = 200


class WrongCode(AuthError):
    """The peer did not accept our proof of the group key."""


def parse_address(address: str) -> tuple[str, int]:
    host, sep, port = address.strip().rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SyncError(f"{address!r} is not an address like 192.168.1.20:8765.")
    return host.strip("[]"), int(port)


def local_listen_port(inst: Installation) -> int | None:
    """The port this installation's running peer endpoint listens on, if one has said so."""
    value = inst.store.meta_get(LISTEN_META)
    if not value:
        return None
    _host, _, port = value.rpartition(":")
    return int(port) if port.isdigit() else None


@dataclass
class PeerClient:
    inst: Installation
    address: str
    group_id: str
    key: bytes
    http: httpx.Client
    port: int | None = None
    present: tuple[str, ...] = ()  # the group's members signed in at this PC now (presence)

    def _url(self, kind: str) -> tuple[str, str]:
        host, port = parse_address(self.address)
        host = f"[{host}]" if ":" in host else host
        path = f"/g/{self.group_id}/{kind}"
        return f"http://{host}:{port}{path}", path

    def request(self, kind: str, message: Any = None) -> Any:
        url, path = self._url(kind)
        sender = {"device": self.inst.device_id, "port": self.port, "learners": list(self.present)}
        envelope = {"from": sender, "msg": message}
        sealed = seal_request(self.key, "POST", path, envelope)
        try:
            resp = self.http.post(url, content=sealed.body, headers=sealed.headers)
        except httpx.HTTPError as exc:
            raise NetworkUnavailable(f"The peer at {self.address} cannot be reached right now.") from exc
        if resp.status_code == 401:
            raise WrongCode(f"The peer at {self.address} did not accept the join code.")
        if resp.status_code in (413, 429):
            raise SyncError(f"The peer at {self.address} refused a request ({resp.status_code}); try again later.")
        try:
            reply = open_reply(self.key, sealed.nonce, resp.status_code, resp.content)
        except SealError as exc:
            raise WrongCode(f"The peer at {self.address} does not hold this group's key.") from exc
        if resp.status_code != 200:
            error = reply.get("error") if isinstance(reply, dict) else None
            raise SyncError(f"The peer at {self.address} refused: {error or resp.status_code}")
        return reply

    def call(self, kind: str, message: dict[str, Any]) -> dict[str, Any]:
        reply = self.request(kind, message)
        if not isinstance(reply, dict):
            raise SyncError(f"The peer at {self.address} sent a reply that is not a JSON object.")
        return reply

    def hello(self) -> dict[str, Any]:
        """The join handshake (and heartbeat): both sides prove they hold the key; returns the peer's id."""
        reply = self.request("hello", {})
        if not isinstance(reply, dict) or not isinstance(reply.get("device"), str):
            raise SyncError(f"The peer at {self.address} answered the handshake oddly.")
        return reply

    def catch_up_epoch(self) -> bool:
        """After a 401: ask the peer for newer keys wrapped for this PC (a member was removed while
        we were away); True if the group's key changed. A removed member gets nothing it can open."""
        try:
            reply = self.request("epoch", {})
        except WrongCode:
            return False
        if not isinstance(reply, dict):
            return False
        self._apply_removals(reply.get("removals"))
        epochs = reply.get("epochs")
        if not isinstance(epochs, list) or not self.inst.groups.adopt_epochs(self.group_id, epochs[:20]):
            return False
        key = self.inst.groups.key(self.group_id)
        if key is not None:
            self.key = key
        return True

    def _apply_removals(self, found: object) -> None:
        """Removal events of this group only; a removed member's app learns that it was removed."""
        if not isinstance(found, list):
            return
        scope = group_scope(self.group_id)
        try:
            events = [Event.from_dict(d) for d in found[:50] if isinstance(d, dict)]
            removals = [ev for ev in events if ev.kind == "group.member_removed" and ev.scope == scope]
            self.inst.log.apply(removals, verify=True)  # only what its author's signature vouches for
        except (EventError, ForgedEvents):
            return

    def sync(self) -> ExchangeResult:
        """Push what the peer lacks of this group and pull what we lack."""
        return exchange(self.inst.log, self.call, group_policy(self.group_id), chunk=CHUNK)

    def sync_if_changed(self) -> ExchangeResult | None:
        """One cheap ``vector`` request; run the full exchange only when either side has news.

        This is what makes a short poll affordable: an idle group costs one small request a tick.
        """
        scope = group_scope(self.group_id)
        theirs: Vector = read_vector_reply(self.call("vector", make_vector_request()))
        ours = self.inst.log.vector([scope])
        if {k: v for k, v in theirs.items() if k[1] == scope} == ours:
            return None
        return self.sync()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> PeerClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def http_client(timeout: float) -> httpx.Client:
    """An HTTP client for peers: no proxies from the environment (LAN only), no Nagle delay."""
    transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 1.0)), trust_env=False, transport=transport)


def client_for(inst: Installation, address: str, group_id: str, *, timeout: float = 3.0) -> PeerClient:
    key = inst.groups.key(group_id)
    if key is None:
        raise AuthError("This PC does not hold the key of that group.")
    return PeerClient(inst, address, group_id, key, http_client(timeout), local_listen_port(inst))
