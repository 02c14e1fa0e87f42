"""The centre's side of the HTTP link to its hub, on httpx (a swappable transport for tests).

``sync_now`` is what "Sync now" and ``hubdesk sync now`` do: one exchange (push first, then
pull), then any newly published packs, downloaded resumably (HTTP ranges into a ``.part`` file
that survives a cut link), checked against the SHA-256 from the hub's signed list, and installed
through ``inst.packs.install`` like a pack from a USB stick. Every reply from the hub must carry
the hub's signature over its body (:mod:`hubdesk.sync.signing`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import zstandard

from hubdesk.core import safe_json
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, HubDeskError, NetworkUnavailable, SyncError
from hubdesk.sync import enrolment, protocol, syncthing_cards
from hubdesk.sync.entitlement import centre_policy
from hubdesk.sync.service import sync_state
from hubdesk.sync.signing import H_NONCE, H_SIG, check_signature, reply_bytes, sign_request
from hubdesk.sync.state import HUB_DEST, NotEnrolled, crashpoint

MAX_PACK = 16 << 30
COMPRESS_OVER = 1024
_FILE_RE = re.compile(r"^[A-Za-z0-9._-]{1,200}\.hubpack$")
_DELTA_RE = re.compile(r"^[A-Za-z0-9._-]{1,200}\.hubdelta$")
_RELEASE_RE = re.compile(r"^[A-Za-z0-9._-]{1,200}\.hubrelease$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


class HubClient:
    def __init__(
        self,
        inst: Installation,
        url: str,
        *,
        hub_key: str | None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.inst = inst
        self.url = url.rstrip("/")
        self.hub_key = hub_key
        # a typo in the address is not "unreachable, try again later": say what is wrong with it
        bad = SyncError(f"{url!r} is not a hub address; it looks like http://192.168.1.10:8470.")
        if not self.url.lower().startswith(("http://", "https://")):
            raise bad
        try:
            self.http = httpx.Client(base_url=self.url, transport=transport, timeout=timeout)
        except httpx.InvalidURL as exc:
            raise bad from exc
        self._calls: dict[str, int] = {}

    @classmethod
    def for_hub(cls, inst: Installation, url: str | None = None, **kw: Any) -> HubClient:
        state = sync_state(inst)
        hub = state.hub()
        if hub is None:
            if enrolment.pending_code(state):
                raise NotEnrolled(
                    "This centre enrolled for USB bundles only and does not know its hub's address yet. "
                    "Use 'hubdesk sync export', or enrol online with 'hubdesk sync enrol CODE --hub URL'."
                )
            raise NotEnrolled(
                "This centre is not enrolled with a hub yet. Ask the hub for a code ('hubdesk hub enrol-code') "
                "and run: hubdesk sync enrol CODE --hub URL"
            )
        address = url or hub.url or state.get("hub_url")
        if not address:
            raise NotEnrolled("The hub's address is not known; give it with --hub URL.")
        return cls(inst, address, hub_key=hub.public_key, **kw)

    @classmethod
    def for_enrolment(cls, inst: Installation, url: str, **kw: Any) -> HubClient:
        return cls(inst, url, hub_key=None, **kw)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests -----------------------------------------------------------------------------
    def _send(self, method: str, path: str, body: bytes = b"", *, signed: bool = True, **kw: Any) -> httpx.Response:
        extra: dict[str, str] = {}
        if signed and len(body) > COMPRESS_OVER:  # sign what travels: the compressed bytes
            body = zstandard.ZstdCompressor(level=3).compress(body)
            extra["content-encoding"] = "zstd"
        headers = sign_request(self.inst.identity, method, path, body) if signed else {H_NONCE: secrets.token_hex(16)}
        headers.update(extra)
        headers.update(kw.pop("headers", {}))
        if body:
            headers["content-type"] = "application/json"
        try:
            resp = self.http.request(method, path, content=body or None, headers=headers, **kw)
        except httpx.TransportError as exc:
            raise NetworkUnavailable(f"The hub at {self.url} cannot be reached right now; try again later.") from exc
        self._raise_for(resp)
        return resp

    def _raise_for(self, resp: httpx.Response) -> None:
        if resp.status_code < 400:
            return
        try:
            message = str(resp.json().get("error", ""))[:300]
        except (ValueError, AttributeError):
            message = ""
        message = message or f"the hub answered {resp.status_code}."
        if resp.status_code in (401, 403):
            raise AuthError(f"The hub refused this centre: {message}")
        if resp.status_code == 429 or resp.status_code >= 500:
            raise NetworkUnavailable(f"The hub is busy or failing ({message}); try again later.")
        raise SyncError(f"The hub refused the request: {message}")

    def _json(self, resp: httpx.Response, nonce: str, key: str | None) -> Any:
        body = resp.content
        key = key or self.hub_key
        if key is None or not check_signature(
            key, resp.headers.get(H_SIG, ""), reply_bytes(resp.status_code, nonce, body)
        ):
            raise AuthError(f"The reply from {self.url} is not signed by this centre's hub.")
        try:
            return safe_json.loads(body)
        except safe_json.UnsafeJSON as exc:
            raise protocol.ProtocolError(f"The hub's reply is not JSON this centre takes: {exc}") from exc

    def _call_json(self, method: str, path: str, value: Any = None) -> Any:
        body = b"" if value is None else json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
        resp = self._send(method, path, body)
        return self._json(resp, resp.request.headers[H_NONCE], None)

    def call(self, kind: str, message: dict[str, Any]) -> dict[str, Any]:
        """The transport half of :func:`protocol.exchange`."""
        reply = self._call_json("POST", f"/sync/{kind}", message)
        self._calls[kind] = self._calls.get(kind, 0) + 1
        crashpoint(f"sync.http.{kind}{self._calls[kind]}")
        if not isinstance(reply, dict):
            raise protocol.ProtocolError("The hub's reply is not a JSON object.")
        return reply

    # -- enrolment ----------------------------------------------------------------------------
    def enrol(self, code: str) -> str:
        claim = enrolment.make_claim(self.inst.identity, code)
        resp = self._send("POST", "/enrol", json.dumps(claim).encode(), signed=False)
        try:
            hub = safe_json.loads(resp.content)
            device_id, key = str(hub["device_id"]), str(hub["public_key"])
        except (ValueError, KeyError, TypeError) as exc:
            raise protocol.ProtocolError("The hub's answer to the enrolment is not readable.") from exc
        self._json(resp, resp.request.headers[H_NONCE], key)  # signed by the key it names
        enrolment.trust_hub(sync_state(self.inst), device_id, key, url=self.url, code=code)
        self.inst.centre.link_hub(device_id, key, self.url)  # every PC of the centre now knows its hub
        self.hub_key = key
        if syncthing_cards.own_card(sync_state(self.inst)):
            with contextlib.suppress(HubDeskError):  # enrolled either way; the next sync asks again
                self.learn_syncthing()
        return device_id

    def learn_syncthing(self) -> bool:
        """Ask the hub (signed) for its Syncthing device id and address; True if they are new here.

        Only centres with a Syncthing of their own ask (one more small request per sync).
        """
        info = self._call_json("GET", "/")
        card = info.get("syncthing") if isinstance(info, dict) else None
        return syncthing_cards.remember_hub_card(sync_state(self.inst), card)

    # -- packs --------------------------------------------------------------------------------
    def published(self) -> list[dict[str, Any]]:
        reply = self._call_json("GET", "/packs")
        items = reply.get("packs") if isinstance(reply, dict) else None
        if not isinstance(items, list):
            raise protocol.ProtocolError("The hub's pack list is not readable.")
        out = []
        for p in items:
            if _downloadable(p, _FILE_RE) and isinstance(p.get("version"), str):
                raw = p.get("deltas")
                deltas = raw if isinstance(raw, list) else []
                p["deltas"] = [
                    d
                    for d in deltas
                    if _downloadable(d, _DELTA_RE)
                    and d.get("id") == p["id"]
                    and d.get("version") == p["version"]
                    and isinstance(d.get("base_version"), str)
                ]
                out.append(p)
        return out

    def releases(self) -> list[dict[str, Any]]:
        """The newest HubDesk release of each platform the hub holds (a hub too old to hold any: none)."""
        reply = self._call_json("GET", "/releases")
        items = reply.get("releases") if isinstance(reply, dict) else None
        return [
            r
            for r in (items if isinstance(items, list) else [])
            if _downloadable({**r, "id": "hubdesk"} if isinstance(r, dict) else r, _RELEASE_RE)
            and isinstance(r.get("version"), str)
            and isinstance(r.get("platform"), str)
        ]

    def download(
        self,
        item: dict[str, Any],
        folder: Path,
        progress: Callable[[int, int], None] | None = None,
        route: str = "/packs",
    ) -> Path:
        """Fetch one published pack (with ``route="/releases"``: a release), resuming a ``.part`` left by a cut link."""
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f"{item['sha256']}.part"
        size: int = item["size"]
        have = part.stat().st_size if part.exists() else 0
        if have > size:
            part.unlink()
            have = 0
        if have < size:
            headers = {"range": f"bytes={have}-"} if have else {}
            path = f"{route}/{item['file']}"
            sig = sign_request(self.inst.identity, "GET", path, b"")
            try:
                with self.http.stream("GET", path, headers={**sig, **headers}) as resp:
                    if resp.status_code >= 400:
                        resp.read()
                        self._raise_for(resp)
                    mode = "ab" if resp.status_code == 206 else "wb"
                    done = have if mode == "ab" else 0
                    with open(part, mode) as fh:
                        for chunk in resp.iter_bytes(1 << 20):
                            done += len(chunk)
                            if done > size:
                                break
                            fh.write(chunk)
                            if progress:
                                progress(done, size)
                        fh.flush()
                        os.fsync(fh.fileno())
            except httpx.TransportError as exc:
                raise NetworkUnavailable(
                    "The link to the hub dropped during a pack download; it resumes next time."
                ) from exc
        h = hashlib.sha256()
        with open(part, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        if part.stat().st_size != size or h.hexdigest() != item["sha256"]:
            part.unlink(missing_ok=True)
            raise SyncError(f"The download of {item.get('id', 'HubDesk')} was damaged; it starts over next time.")
        done_path = folder / f"{item['sha256']}{Path(item['file']).suffix}"
        os.replace(part, done_path)
        return done_path


def _downloadable(p: object, name_re: re.Pattern[str]) -> bool:
    """A listed file the client may fetch: a safe name, a SHA-256, a size within bounds."""
    return (
        isinstance(p, dict)
        and isinstance(p.get("id"), str)
        and isinstance(p.get("file"), str)
        and bool(name_re.match(p["file"]))
        and isinstance(p.get("sha256"), str)
        and bool(_SHA_RE.match(p["sha256"]))
        and isinstance(p.get("size"), int)
        and 0 < p["size"] <= MAX_PACK
    )


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    packs: list[str] = field(default_factory=list)
    pack_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    release_ready: str | None = None  # a HubDesk version that arrived and waits to be installed
    release_error: str | None = None

    def describe(self) -> str:
        lines = [f"Synced with the hub: sent {self.pushed} event(s), received {self.pulled} new event(s)."]
        lines += [f"Installed pack {p}." for p in self.packs]
        lines += [f"Pack not installed: {e}" for e in self.pack_errors]
        if self.release_ready:
            lines.append(f"HubDesk {self.release_ready} is ready to install: 'hubdesk update install'.")
        if self.release_error:
            lines.append(f"HubDesk update not kept: {self.release_error}")
        return "\n".join(lines)


def _fetch_packs(inst: Installation, client: HubClient, report: SyncReport) -> None:
    packs = inst.packs
    installed = {p.id: p.version for p in packs.list()}
    skipped = set(json.loads(sync_state(inst).get("packs_refused") or "[]"))
    for item in client.published():
        if installed.get(item["id"]) == item["version"] or item["sha256"] in skipped:
            continue
        if _update_by_delta(inst, client, item, installed.get(item["id"]), report):
            continue
        path = client.download(item, inst.dirs.sync / "downloads")
        try:
            result = packs.install(path)
            report.packs.append(f"{result.title} {result.version}")
        except HubDeskError as exc:  # e.g. older than the one installed: say so once, do not retry forever
            report.pack_errors.append(f"{item['id']} {item['version']}: {exc}")
            skipped.add(item["sha256"])
            sync_state(inst).set("packs_refused", json.dumps(sorted(skipped)))
        finally:
            path.unlink(missing_ok=True)


def _update_by_delta(
    inst: Installation, client: HubClient, item: dict[str, Any], have: str | None, report: SyncReport
) -> bool:
    """Fetch and install the delta from the installed version, if the hub has one; False to fetch the whole pack.

    The delta is downloaded resumably like a pack and checked against the hash in the hub's signed
    list; installing it verifies every byte of the new version. If the installed base turns out
    not to be the one the delta was made from, the whole pack is fetched instead.
    """
    delta = next((d for d in item["deltas"] if d["base_version"] == have), None)
    if have is None or delta is None:
        return False
    path = client.download(delta, inst.dirs.sync / "downloads")
    try:
        result = inst.packs.install(path)
    except HubDeskError:
        return False  # not the base it was made from, or a damaged base: the whole pack it is
    finally:
        path.unlink(missing_ok=True)
    report.packs.append(f"{result.title} {result.version} (update of {delta['size']} bytes)")
    return True


def _fetch_release(inst: Installation, client: HubClient, report: SyncReport) -> None:
    """Download the hub's newest HubDesk for this platform when it is newer and not here yet; keep it checked."""
    from hubdesk import __version__
    from hubdesk.core.packs import PackError, parse_version
    from hubdesk.core.releases import Updates, trusted_release_keys

    updates = Updates(inst.dirs.root, __version__, trusted_release_keys())
    try:
        offered = client.releases()
    except NetworkUnavailable:
        raise
    except HubDeskError:
        return  # a hub from before releases travelled: nothing to fetch
    have = updates.ready()
    for item in offered:
        try:
            wanted = item["platform"] == updates.platform and parse_version(item["version"]) > parse_version(
                have.version if have else __version__
            )
        except PackError:
            continue
        if not wanted:
            continue
        path = client.download(item, inst.dirs.sync / "downloads", route="/releases")
        try:
            kept = updates.receive(path)
            report.release_ready = kept.version if kept else None
        except HubDeskError as exc:  # not signed by the release key, or damaged: said, not kept
            report.release_error = str(exc)
        finally:
            path.unlink(missing_ok=True)


def sync_now(
    inst: Installation, *, url: str | None = None, packs: bool = True, transport: httpx.BaseTransport | None = None
) -> SyncReport:
    """Push and pull once with the hub, then fetch newly published packs; remember how it went."""
    state = sync_state(inst)
    start = time.monotonic()
    client = HubClient.for_hub(inst, url, transport=transport)
    report = SyncReport()
    try:
        hub = state.hub()
        result = protocol.exchange(
            inst.log, client.call, centre_policy(inst.device_id), sender=hub.device_id if hub else None
        )
        report.pushed, report.pulled = result.pushed, result.pulled
        if result.their_vector is not None:
            state.raise_vector("sync_acked", HUB_DEST, result.their_vector)
        if syncthing_cards.own_card(state):
            client.learn_syncthing()
        if packs:
            _fetch_packs(inst, client, report)
            _fetch_release(inst, client, report)
    except HubDeskError as exc:
        state.record_error(str(exc))
        raise
    finally:
        client.close()
    report.seconds = time.monotonic() - start
    hub = state.hub()
    if hub:
        state.touch(hub.device_id)
        if url and url != hub.url:  # an address that worked is the one to use next time
            state.trust(hub.device_id, hub.public_key, hub.role, url.rstrip("/"))
            state.set("hub_url", url.rstrip("/"))
    state.record_success({"pushed": report.pushed, "pulled": report.pulled, "packs": report.packs, "via": client.url})
    return report
