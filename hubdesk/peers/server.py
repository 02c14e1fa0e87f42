"""The peer endpoint: the sync protocol for study-group scopes, served on the LAN with starlette.

One route does the work, ``POST /g/<group id>/<kind>`` with a body sealed under the group key (see
:mod:`hubdesk.peers.auth`). ``kind`` is ``hello`` (the join handshake and heartbeat) or one of the
sync protocol's requests (``vector``, ``pull``, ``push``), answered by
:func:`hubdesk.sync.protocol.answer` with a policy that lets only that group's scope cross.

The endpoint faces a shared network, so it is defensive before it is helpful: a request whose time
or nonce cannot pass is refused from its headers, before its body is read; bodies are bounded
(413), each address has a request budget (429), an unknown group and a wrong key get the same
``401`` and the same words, anything malformed (deeply nested JSON too) gets a 4xx, and no input
makes it stop serving. Slow and half-sent requests are dropped by the server
(:mod:`hubdesk.sync.serving`), which the node runs it under.

After the creator removed a member the group has a newer key (:mod:`hubdesk.core.groups`).
Only the current key opens the group; a request sealed with an older one gets the same ``401``,
except the ``epoch`` request, answered with the new key's wraps, which open only on the devices of
the members who stayed. ``<group id>`` may also be the route id of a code issued after a removal,
which is how a newcomer holding only that code finds the group.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from hubdesk.core.event_chain import with_proofs
from hubdesk.core.events import EventError, group_scope
from hubdesk.core.groups import EpochKey
from hubdesk.core.installation import Installation
from hubdesk.errors import SyncError
from hubdesk.peers.auth import GROUP_ID_RE, ReplayGuard, SealError, admissible, open_request, seal_reply
from hubdesk.peers.centre_join import JoinEndpoint
from hubdesk.peers.centre_link import CentreEndpoint
from hubdesk.peers.policy import group_policy
from hubdesk.peers.presence import Presence
from hubdesk.sync.protocol import answer

log = logging.getLogger(__name__)

MAX_BODY = 8 * 1024 * 1024
MAX_CHUNK = 500
SYNC_KINDS = ("vector", "pull", "push")
EPOCH_KIND = "epoch"
SERVICE = "hubdesk-peer"


@dataclass
class RateLimit:
    """A token bucket per client address: ``rate`` requests a second, bursts up to ``burst``."""

    rate: float = 100.0
    burst: float = 300.0
    now: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, who: str) -> bool:
        t = self.now()
        with self._lock:
            if len(self._buckets) > 10_000:
                self._buckets.clear()
            tokens, last = self._buckets.get(who, (self.burst, t))
            tokens = min(self.burst, tokens + (t - last) * self.rate)
            ok = tokens >= 1
            self._buckets[who] = (tokens - 1 if ok else tokens, t)
            return ok


NOT_AUTHORISED = {"error": "This PC is not in that group, or the join code is not right."}


class PeerServer:
    """The ASGI app of one installation's peer endpoint (run by :class:`hubdesk.peers.node.PeerNode`)."""

    def __init__(
        self,
        inst: Installation,
        presence: Presence | None = None,
        *,
        port: Callable[[], int | None] = lambda: None,
        rate: RateLimit | None = None,
        max_body: int = MAX_BODY,
        on_peer: Callable[[str, str, str | None], None] | None = None,
    ) -> None:
        self.inst = inst
        self.presence = presence or Presence()
        self.port = port
        self.rate = rate or RateLimit()
        self.max_body = max_body
        self.on_peer = on_peer
        self.guard = ReplayGuard()
        self._dummy_key = os.urandom(32)
        self.centre = CentreEndpoint(inst, self.guard, port)
        self.joins = JoinEndpoint(inst, self.guard)
        self.app = Starlette(
            routes=[
                Route("/hubdesk", self._ping, methods=["GET"]),
                Route("/g/{group_id}/{kind}", self._handle, methods=["POST"]),
                Route("/c/{kind}", self._centre, methods=["POST"]),
                Route("/j/{route}/{kind}", self._join, methods=["POST"]),
            ]
        )

    async def _ping(self, _request: Request) -> Response:
        # Says only "a HubDesk peer is here", never which groups or who.
        return JSONResponse({"service": SERVICE})

    async def _read_body(self, request: Request) -> bytes | None:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return None
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.max_body:
                return None
        return bytes(body)

    async def _admitted(self, request: Request) -> tuple[str, bytes | Response]:
        """The caller's address and the request's body, or the 4xx that refuses it."""
        client = request.client.host if request.client else "?"
        if not self.rate.allow(client):
            return client, JSONResponse({"error": "Too many requests; slow down."}, status_code=429)
        if not admissible(dict(request.headers), self.guard):  # stale, replayed or missing: not worth a body
            return client, JSONResponse(NOT_AUTHORISED, status_code=401)
        try:
            body = await self._read_body(request)
        except ClientDisconnect:
            return client, Response(status_code=400)
        if body is None:
            return client, JSONResponse({"error": "The request is too large."}, status_code=413)
        return client, body

    async def _centre(self, request: Request) -> Response:
        """Another PC of this centre (:mod:`hubdesk.peers.centre_link`)."""
        kind = request.path_params["kind"]
        return await self._sealed(request, self.centre.handle, kind, "This PC is not one of this centre's PCs.")

    async def _join(self, request: Request) -> Response:
        """A new PC joining this centre with a one-time code (:mod:`hubdesk.peers.centre_join`)."""
        if request.path_params["kind"] != "join":
            return JSONResponse({"error": "There is no such request."}, status_code=404)
        route = request.path_params["route"]
        return await self._sealed(request, self.joins.handle, route, "That code is not right, used or expired.")

    async def _sealed(
        self, request: Request, handle: Callable[..., tuple[int, bytes]], name: str, refusal: str
    ) -> Response:
        """Admit the request, let ``handle`` open and answer it on a worker thread; a 401 says only ``refusal``."""
        client, body = await self._admitted(request)
        if isinstance(body, Response):
            return body
        status, reply = await run_in_threadpool(handle, name, request.url.path, dict(request.headers), body, client)
        if status == 401:
            return JSONResponse({"error": refusal}, status_code=401)
        return Response(reply, status_code=status, media_type="application/octet-stream")

    async def _handle(self, request: Request) -> Response:
        client, body = await self._admitted(request)
        if isinstance(body, Response):
            return body
        route = request.path_params["group_id"]
        kind = request.path_params["kind"]
        keys = await run_in_threadpool(self.inst.groups.epochs.keys_for, route) if GROUP_ID_RE.match(route) else []
        opened = self._open(keys, request.url.path, dict(request.headers), body)
        # an older epoch's key (a removed member's, or a member who missed the removal) only learns the wraps
        if opened is None or (kind != EPOCH_KIND and not opened[0].current):
            return JSONResponse(NOT_AUTHORISED, status_code=401)
        used, envelope, nonce = opened
        if kind == EPOCH_KIND:
            status, reply = 200, await run_in_threadpool(self._epochs, used.group_id)
        else:
            status, reply = await run_in_threadpool(self._answer, used, kind, envelope, client)
        return Response(
            seal_reply(used.key, nonce, status, reply), status_code=status, media_type="application/octet-stream"
        )

    def _open(
        self, keys: list[EpochKey], path: str, headers: dict[str, str], body: bytes
    ) -> tuple[EpochKey, Any, bytes] | None:
        """The key that opens a request, with its content; None if none does."""
        # With no such group, try a throwaway key: same work, same answer as a wrong code.
        for epoch_key in keys or [EpochKey("", 0, self._dummy_key, False)]:
            try:
                envelope, nonce = open_request(epoch_key.key, "POST", path, headers, body, self.guard)
            except SealError:
                continue
            return (epoch_key, envelope, nonce) if keys else None
        return None

    def _epochs(self, group_id: str) -> dict[str, Any]:
        """All an older key may learn: the new keys' wraps, and the removals (so a removed member's
        app can say it was removed). Both name devices and learner ids the old key already knew."""
        scope = group_scope(group_id)
        removals = with_proofs([ev for ev in self.inst.log.events("group.member_removed") if ev.scope == scope])
        return {"epochs": self.inst.groups.epochs.announcements(group_id), "removals": removals[-50:]}

    def _answer(self, used: EpochKey, kind: str, envelope: Any, client: str) -> tuple[int, dict[str, Any]]:
        """Answer an authenticated request; every failure becomes a 4xx (or 500) reply, never a crash."""
        group_id = used.group_id
        try:
            if not isinstance(envelope, dict) or not isinstance(envelope.get("from"), dict):
                return 400, {"error": "A peer request says who it is from and what it asks."}
            self._note_sender(group_id, envelope["from"], client)
            if kind == "hello":
                # Other members' addresses too (sealed: only a member reads them), so members who
                # joined through one PC can reach each other when that PC is off.
                peers = [
                    addr for addr, dev in self.inst.groups.peers(group_id) if dev != envelope["from"].get("device")
                ]
                return 200, {
                    "device": self.inst.device_id,
                    "port": self.port(),
                    "peers": peers[:50],
                    "group": group_id,
                    "epoch": used.epoch,
                }
            if kind not in SYNC_KINDS:
                return 404, {"error": f"There is no peer request called {kind[:40]!r}."}
            return 200, answer(self.inst.log, kind, envelope.get("msg"), group_policy(group_id), MAX_CHUNK)
        except (SyncError, EventError) as exc:
            return 400, {"error": str(exc)}
        except Exception:  # keep serving: one bad request must not take the peer down
            log.exception("peer request %s for group %s failed", kind, group_id)
            return 500, {"error": "The peer could not answer that request."}

    def _note_sender(self, group_id: str, sender: dict[str, Any], client: str) -> None:
        device = sender.get("device")
        port = sender.get("port")
        if not isinstance(device, str) or not 0 < len(device) <= 64 or device == self.inst.device_id:
            return
        address = None
        if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536:
            host = f"[{client}]" if ":" in client else client
            address = f"{host}:{port}"
        if self.presence.heartbeat(group_id, device, address, sender.get("learners")) and address:
            self.inst.groups.add_peer(group_id, address, device)
            if self.on_peer:
                self.on_peer(group_id, address, device)
