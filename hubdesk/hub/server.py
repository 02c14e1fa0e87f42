"""The central hub over HTTP: starlette on uvicorn, the hub's own installation as its database.

Every route but ``/enrol`` needs a request signed by an enrolled centre (see
:mod:`hubdesk.sync.signing`); anything else gets a 401/403 and learns nothing. The sender's
identity, time, nonce and quota are checked from the headers *before* the body is read, then the
body is streamed with a cap (413) while its hash is computed, and only then is the signature over
that hash checked. Verified requests count against the device's quota in the database (429, shared
by several hub processes); failures slow down their address. Unreadable or hostile JSON (deeply
nested, ``NaN``) and malformed messages get a 400, events a centre may not send a 403, and no input
reaches a traceback: the server answers and carries on. Slow and half-sent requests are dropped by
the server itself (:mod:`hubdesk.sync.serving`). Database work runs in a worker thread so one slow
import does not stall other centres' requests.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zstandard
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route

from hubdesk.core import safe_json
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, HubDeskError
from hubdesk.hub import deltas, published, releases
from hubdesk.hub.dashboard import Dashboard
from hubdesk.hub.quotas import Quota, Quotas
from hubdesk.sync import enrolment, protocol, serving, syncthing_cards
from hubdesk.sync.centres import centre_of, trusted_pc
from hubdesk.sync.entitlement import hub_policy
from hubdesk.sync.service import sync_state
from hubdesk.sync.serving import Limits, TLSFiles
from hubdesk.sync.signing import (
    H_DEVICE,
    H_NONCE,
    H_SIG,
    H_TIME,
    WINDOW_S,
    check_signature,
    request_bytes_for,
    request_time,
    sign_reply,
)
from hubdesk.sync.state import CENTRE_ROLE, Device

MAX_BODY = 32 << 20
DEVICE_CACHE_S = 2.0  # how long an enrolment lookup is reused
MAX_ENROL_BODY = 16 << 10  # a claim is a few hundred bytes; the route is open to anyone
COMPRESS_OVER = 1024
FILE_CHUNK = 256 << 10


@dataclass
class RateLimit:
    """A token bucket per key (an address, or an address and the device it claims): ``burst``
    requests, refilled at ``per_s``. Kept in memory: it slows down what failed to authenticate;
    what a verified device may do is its quota, kept in the database (:mod:`hubdesk.hub.quotas`)."""

    per_s: float = 50.0
    burst: float = 200.0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def allow(self, key: str, now: float | None = None, cost: float = 1.0) -> bool:
        """Take ``cost`` tokens (0: only look) if there is at least one; whether there was."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.per_s)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - cost, now)
        if len(self._buckets) > 10_000:  # forget idle keys rather than grow without bound
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
        return True


Handler = Callable[[Request, Device, bytes], Awaitable[Response]]


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class Hub:
    def __init__(
        self,
        inst: Installation,
        *,
        max_body: int = MAX_BODY,
        rate: RateLimit | None = None,
        enrol_rate: RateLimit | None = None,
        quota: Quota | None = None,
    ) -> None:
        self.inst = inst
        self.state = sync_state(inst)
        inst.store.migrate()
        self.state.become_hub()
        self.max_body = max_body
        self.rate = rate or RateLimit()
        self.enrol_rate = enrol_rate or RateLimit(per_s=0.2, burst=10)
        self.quotas = Quotas(inst.store, quota)
        self._devices: dict[str, tuple[Device | None, float]] = {}
        self.dashboard = Dashboard(inst)  # the operator's pages: every path the centres' routes leave
        centre_root = self._guard(self._root)

        async def root(request: Request) -> Response:  # a centre's signed request, else a browser
            return await (centre_root if H_DEVICE in request.headers else self.dashboard.front)(request)

        self.app = Starlette(
            routes=[
                Route("/", root, methods=["GET"]),
                Route("/enrol", self._enrol, methods=["POST"]),
                Route("/sync/{kind}", self._guard(self._sync), methods=["POST"]),
                Route("/packs", self._guard(self._packs), methods=["GET"]),
                Route("/packs/{name}", self._guard(self._pack_file), methods=["GET"]),
                Route("/releases", self._guard(self._releases), methods=["GET"]),
                Route("/releases/{name}", self._guard(self._release_file), methods=["GET"]),
                Mount("", app=self.dashboard.app),
            ]
        )

    # -- plumbing -----------------------------------------------------------------------------
    async def _body(self, request: Request, cap: int | None = None) -> tuple[bytes, str]:
        """The body, read as it streams in, refused once past ``cap``, with its SHA-256 (hex)."""
        cap = self.max_body if cap is None else cap
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            raise _Refused(413, "The request is too large.")
        chunks: list[bytes] = []
        digest = hashlib.sha256()
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > cap:
                raise _Refused(413, "The request is too large.")
            digest.update(chunk)
            chunks.append(chunk)
        return b"".join(chunks), digest.hexdigest()

    def _claim(self, request: Request) -> tuple[str, str, str, str]:
        """The sender's claim from the headers alone: no database, no thread (cheap to refuse)."""
        h = request.headers
        device_id, ts, nonce, sig = h.get(H_DEVICE), h.get(H_TIME), h.get(H_NONCE), h.get(H_SIG)
        if not (device_id and ts and nonce and sig) or len(nonce) > 64 or len(device_id) > 64 or len(sig) > 128:
            raise _Refused(401, "This hub answers enrolled centres only.")
        at = request_time(ts)
        if at is None:
            raise _Refused(401, "The request's time stamp is not readable.")
        if abs(time.time() - at) > WINDOW_S:
            raise _Refused(401, "The request's time is too far from the hub's clock; check the PC's clock.")
        return device_id, ts, nonce, sig

    def _admit(self, request: Request, claim: tuple[str, str, str, str]) -> tuple[Device, str, str, str]:
        """Who claims to send this, checked before a byte of its body is read.

        The device must be an enrolled centre, the nonce not seen before, and the device under its
        quota (the time was checked by :meth:`_claim`). The signature covers the body's hash, so
        it is checked once the body is in (:meth:`_verify`).
        """
        device_id, ts, nonce, sig = claim
        device = self._device(device_id)
        if device is None or device.role != CENTRE_ROLE:
            raise _Refused(403, "This device is not enrolled with this hub.")
        if self.inst.store.query("SELECT 1 FROM hub_nonces WHERE nonce = ?", (nonce,)):
            raise _Refused(401, "This request was already received (a replay).")
        declared = request.headers.get("content-length", "0")
        why = self.quotas.over(device_id, int(declared) if declared.isdigit() else 0)
        if why:
            raise _Refused(429, why)
        return device, ts, nonce, sig

    def _device(self, device_id: str) -> Device | None:
        """The enrolled device, remembered for a few seconds: junk naming devices costs no query each."""
        now = time.monotonic()
        hit = self._devices.get(device_id)
        if hit is not None and now - hit[1] < DEVICE_CACHE_S:
            return hit[0]
        device = trusted_pc(self.state, self.inst.log, device_id)  # enrolled, or a PC of an enrolled centre
        if len(self._devices) > 10_000:
            self._devices.clear()
        self._devices[device_id] = (device, now)
        return device

    def _verify(self, request: Request, admitted: tuple[Device, str, str, str], digest: str, size: int) -> None:
        """The signature over the body's hash; then the nonce is spent and the quota charged, at once."""
        device, ts, nonce, sig = admitted
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if not check_signature(device.public_key, sig, request_bytes_for(request.method, path, ts, nonce, digest)):
            raise _Refused(401, "The request's signature does not verify.")
        now = time.time()
        with self.inst.store.transaction() as conn:
            spent = conn.execute(
                "INSERT OR IGNORE INTO hub_nonces (nonce, device_id, at) VALUES (?, ?, ?)",
                (nonce, device.device_id, now),
            )
            if spent.rowcount != 1:  # a copy of it raced us here
                raise _Refused(401, "This request was already received (a replay).")
            why = self.quotas.charge(conn, device.device_id, size, now)
            if why:
                raise _Refused(429, why)
            conn.execute("DELETE FROM hub_nonces WHERE at < ?", (now - 2 * WINDOW_S,))
            conn.execute("UPDATE sync_devices SET last_contact = ? WHERE device_id = ?", (now, device.device_id))

    def _signed(self, request: Request, value: Any, status: int = 200) -> Response:
        """A JSON reply signed over its plain body, zstd-compressed on the wire when the client takes it."""
        body = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
        nonce = request.headers.get(H_NONCE, "")
        headers = {H_SIG: sign_reply(self.inst.identity, status, nonce, body)}
        if len(body) > COMPRESS_OVER and "zstd" in request.headers.get("accept-encoding", ""):
            body = zstandard.ZstdCompressor(level=3).compress(body)
            headers["content-encoding"] = "zstd"
        return Response(body, status_code=status, media_type="application/json", headers=headers)

    def _plain(self, request: Request, body: bytes) -> bytes:
        """The request body, unpacked if the client compressed it (bounded like any body)."""
        encoding = request.headers.get("content-encoding", "identity")
        if encoding == "identity":
            return body
        if encoding != "zstd":
            raise _Refused(415, "The request's content encoding is not supported.")
        try:
            out = zstandard.ZstdDecompressor().stream_reader(body).read(self.max_body * 4 + 1)
        except zstandard.ZstdError:
            raise _Refused(400, "The request's compressed body is damaged.") from None
        if len(out) > self.max_body * 4:
            raise _Refused(413, "The request is too large.")
        return out

    def _guard(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            addr = request.client.host if request.client else "?"
            try:
                try:
                    claim = self._claim(request)
                    # failures after admission (a bad signature) count against this address *and* the
                    # device it claims, so junk from one address never locks out a centre behind
                    # another, or the real device sending from the same address
                    strikes = f"sig:{addr}:{claim[0]}"
                    if not self.rate.allow(strikes, cost=0):
                        raise _Refused(429, "Too many requests; slow down.")
                    admitted = await run_in_threadpool(self._admit, request, claim)
                except _Refused as exc:  # an address that keeps failing is told to back off
                    if exc.status != 429 and not self.rate.allow("ip:" + addr):
                        raise _Refused(429, "Too many requests; slow down.") from None
                    raise
                body, digest = await self._body(request)
                try:
                    await run_in_threadpool(self._verify, request, admitted, digest, len(body))
                except _Refused as exc:
                    if exc.status == 401:
                        self.rate.allow(strikes)
                    raise
                return await handler(request, admitted[0], self._plain(request, body))
            except _Refused as exc:
                return _error(exc.status, exc.message)
            except ClientDisconnect:  # it went away (or was dropped for being too slow): nobody to answer
                return Response(status_code=400)

        return endpoint

    # -- routes -------------------------------------------------------------------------------
    async def _root(self, request: Request, device: Device, body: bytes) -> Response:
        card = syncthing_cards.own_card(self.state)  # a centre pairs its Syncthing with this one
        centre = centre_of(self.inst.log, device.device_id)
        return self._signed(request, {"hub": self.inst.device_id, "centre": centre, "syncthing": card})

    async def _enrol(self, request: Request) -> Response:
        addr = request.client.host if request.client else "?"
        try:
            if not self.enrol_rate.allow(addr):
                raise _Refused(429, "Too many enrolment attempts; wait a minute.")
            body, _ = await self._body(request, MAX_ENROL_BODY)
            try:
                claim = safe_json.loads(body)
            except safe_json.UnsafeJSON:
                raise _Refused(400, "The enrolment request is not JSON.") from None
            hub = await run_in_threadpool(enrolment.redeem, self.state, self.inst.identity, claim)
        except _Refused as exc:
            return _error(exc.status, exc.message)
        except ClientDisconnect:
            return Response(status_code=400)
        except AuthError as exc:
            return _error(403, str(exc))
        nonce = request.headers.get(H_NONCE, "")
        body_out = json.dumps(hub).encode()
        headers = {H_SIG: sign_reply(self.inst.identity, 200, nonce, body_out)}
        return Response(body_out, media_type="application/json", headers=headers)

    async def _sync(self, request: Request, device: Device, body: bytes) -> Response:
        kind = request.path_params["kind"]
        if kind not in ("vector", "pull", "push"):
            return _error(404, "There is no such sync request.")
        try:
            message = safe_json.loads(body)
        except safe_json.UnsafeJSON as exc:
            return _error(400, f"The request is not JSON this hub takes: {exc}")

        def work() -> dict[str, Any]:
            return protocol.answer(
                self.inst.log, kind, message, hub_policy(self.inst.log, device.device_id), sender=device.device_id
            )

        try:
            reply = await run_in_threadpool(work)
        except protocol.NotEntitled as exc:
            return _error(403, str(exc))
        except protocol.ProtocolError as exc:
            return _error(400, str(exc))
        except HubDeskError as exc:
            return _error(422, str(exc))
        return self._signed(request, reply)

    async def _packs(self, request: Request, device: Device, body: bytes) -> Response:
        def listing() -> list[dict[str, Any]]:
            out = []
            for p in published.published(self.inst):
                item = p.to_dict()
                item["deltas"] = [d.to_dict() for d in deltas.towards(self.inst, p.id, p.version)]
                out.append(item)
            return out

        return self._signed(request, {"packs": await run_in_threadpool(listing)})

    async def _pack_file(self, request: Request, device: Device, body: bytes) -> Response:
        path = await run_in_threadpool(published.file_of, self.inst, request.path_params["name"])
        if path is None:
            return _error(404, "There is no such published pack.")
        return _file_response(request, path)

    async def _releases(self, request: Request, device: Device, body: bytes) -> Response:
        """The newest HubDesk release of each platform (each centre picks its own and checks the release key)."""
        items = await run_in_threadpool(lambda: [h.to_dict() for h in releases.newest(self.inst)])
        return self._signed(request, {"releases": items})

    async def _release_file(self, request: Request, device: Device, body: bytes) -> Response:
        path = await run_in_threadpool(releases.file_of, self.inst, request.path_params["name"])
        if path is None:
            return _error(404, "There is no such HubDesk release.")
        return _file_response(request, path)


def _file_response(request: Request, path: Path) -> Response:
    """A held file, whole or from a byte range (a download cut off resumes where it stopped)."""
    size = path.stat().st_size
    start, end = 0, size - 1
    status = 200
    rng = request.headers.get("range")
    if rng:
        try:
            unit, _, spec = rng.partition("=")
            a, _, b = spec.partition("-")
            if unit.strip() != "bytes" or "," in spec:
                raise ValueError
            start = int(a)
            end = min(int(b), size - 1) if b else size - 1
        except ValueError:
            return _error(416, "That byte range is not readable.")
        if start > end or start >= size:
            return Response(status_code=416, headers={"content-range": f"bytes */{size}"})
        status = 206

    def chunks() -> Any:
        with open(path, "rb") as fh:
            fh.seek(start)
            left = end - start + 1
            while left > 0:
                data = fh.read(min(FILE_CHUNK, left))
                if not data:
                    return
                left -= len(data)
                yield data

    headers = {"content-length": str(end - start + 1), "accept-ranges": "bytes"}
    if status == 206:
        headers["content-range"] = f"bytes {start}-{end}/{size}"
    return StreamingResponse(chunks(), status_code=status, headers=headers, media_type="application/octet-stream")


def serve(
    inst: Installation,
    host: str = "127.0.0.1",
    port: int = 8470,
    *,
    sock: Any = None,
    limits: Limits | None = None,
    tls: TLSFiles | None = None,
    quota: Quota | None = None,
) -> None:
    """Run the hub until interrupted (SIGINT/SIGTERM stop it cleanly).

    ``sock`` is a socket already bound and listening (``hubdesk hub serve`` binds first, so a port
    in use is said in one sentence, and "listening" is printed only once it is true). ``limits``
    bounds connections and how slowly a request may arrive (:mod:`hubdesk.sync.serving`); ``tls``
    serves HTTPS with that certificate and key.
    """
    import uvicorn

    hub = Hub(inst, quota=quota)
    config = serving.config(hub.app, limits, host=host, port=port, tls=tls)
    uvicorn.Server(config).run(sockets=[sock] if sock is not None else None)
