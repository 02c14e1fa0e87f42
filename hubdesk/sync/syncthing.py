"""A small typed client for the REST API of a local Syncthing (>= 1.12; Debian bookworm ships 1.19).

Why our own client and not the PyPI ``syncthing`` package: that one pins an old ``requests``, while
the few calls HubDesk needs (who am I, pair a device, share a folder, scan, how far along is it,
what happened since) fit in one module on the ``httpx`` we already use, behind a swappable
transport like every other network call here.

Syncthing is only ever spoken to on loopback: the API key travels in clear HTTP.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from hubdesk.errors import NetworkUnavailable, SyncError

FOLDER_ID = "hubdesk-sync"


class SyncthingError(SyncError):
    """Syncthing answered, but refused or did not understand what HubDesk asked."""


class SyncthingUnavailable(NetworkUnavailable):
    """Syncthing is not running, or not at the address HubDesk was given."""


@dataclass(frozen=True)
class FolderStatus:
    """What ``/rest/db/status`` says about one folder; ``idle`` with nothing needed means in step."""

    state: str
    need_files: int
    local_files: int
    global_files: int
    errors: int
    sequence: int

    @property
    def idle(self) -> bool:
        return self.state == "idle"


@dataclass(frozen=True)
class Completion:
    """How far a remote device has caught up with one folder (``/rest/db/completion``)."""

    completion: float
    need_items: int
    need_bytes: int

    @property
    def done(self) -> bool:
        return self.need_items == 0 and self.completion >= 100.0


@dataclass(frozen=True)
class SyncthingEvent:
    """One entry of Syncthing's event stream (``/rest/events``)."""

    id: int
    type: str
    data: Mapping[str, Any]


class SyncthingClient:
    """Speaks to one Syncthing instance through its REST API, authenticated by its API key."""

    def __init__(
        self,
        url: str,
        api_key: str,
        *,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.url,
            headers={"X-API-Key": api_key},
            timeout=timeout,
            transport=transport,
            trust_env=False,  # never route a loopback call through a proxy from the environment
        )

    # -- plumbing -------------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        timeout: float | None = None,
    ) -> Any:
        try:
            resp = self._http.request(
                method,
                path,
                params=params,
                json=json,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.TransportError as exc:
            raise SyncthingUnavailable(f"Syncthing at {self.url} cannot be reached ({type(exc).__name__}).") from exc
        if resp.status_code in (401, 403):
            raise SyncthingError(f"Syncthing at {self.url} refused HubDesk's API key.")
        if resp.status_code >= 400:
            text = resp.text.strip()[:200] or resp.reason_phrase
            raise SyncthingError(f"Syncthing refused {method} {path}: {text}.")
        if not resp.content:
            return None
        try:
            return resp.json()
        except ValueError:
            return resp.text

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncthingClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- system ---------------------------------------------------------------------------------
    def ping(self) -> bool:
        """True when Syncthing answers; False (never an exception) when it does not."""
        try:
            answer = self._request("GET", "/rest/system/ping", timeout=2.0)
        except (SyncthingUnavailable, SyncthingError):
            return False
        return isinstance(answer, dict) and answer.get("ping") == "pong"

    def system_status(self) -> dict[str, Any]:
        return dict(self._request("GET", "/rest/system/status"))

    def my_id(self) -> str:
        """This Syncthing's device id: what the other side needs to pair with it."""
        return str(self.system_status()["myID"])

    def connected_devices(self) -> set[str]:
        """Device ids with a live connection right now."""
        conns = self._request("GET", "/rest/system/connections").get("connections", {})
        return {dev for dev, info in conns.items() if info.get("connected")}

    def shutdown(self) -> None:
        self._request("POST", "/rest/system/shutdown")

    # -- configuration --------------------------------------------------------------------------
    def config(self) -> dict[str, Any]:
        return dict(self._request("GET", "/rest/config"))

    def options(self) -> dict[str, Any]:
        return dict(self._request("GET", "/rest/config/options"))

    def patch_options(self, changes: Mapping[str, Any]) -> None:
        self._request("PATCH", "/rest/config/options", json=dict(changes))

    def devices(self) -> list[dict[str, Any]]:
        return list(self._request("GET", "/rest/config/devices"))

    def device(self, device_id: str) -> dict[str, Any] | None:
        return next((d for d in self.devices() if d.get("deviceID") == device_id), None)

    def add_device(self, device_id: str, *, name: str = "", addresses: Sequence[str] = ("dynamic",)) -> None:
        """Add (or update the addresses of) a device this Syncthing will talk to.

        HubDesk passes explicit ``tcp://host:port`` addresses: discovery is off, so "dynamic"
        would never find anyone.
        """
        current = self.device(device_id)
        body: dict[str, Any] = dict(current) if current else {"deviceID": device_id}
        body.update({"name": name or body.get("name", "") or device_id[:7], "addresses": list(addresses)})
        self._request("PUT", f"/rest/config/devices/{device_id}", json=body)

    def remove_device(self, device_id: str) -> None:
        self._request("DELETE", f"/rest/config/devices/{device_id}")

    def folders(self) -> list[dict[str, Any]]:
        return list(self._request("GET", "/rest/config/folders"))

    def folder(self, folder_id: str) -> dict[str, Any] | None:
        return next((f for f in self.folders() if f.get("id") == folder_id), None)

    def add_folder(
        self,
        folder_id: str,
        path: str,
        *,
        label: str = "",
        devices: Iterable[str] = (),
        rescan_interval_s: int = 60,
        fs_watcher_delay_s: int = 1,
    ) -> None:
        """Create or update a send-and-receive folder shared with ``devices``.

        HubDesk writes only whole files it never changes, so versioning is off and permissions
        are ignored (a shared PC's umask is nobody's business).
        """
        current = self.folder(folder_id)
        body: dict[str, Any] = dict(current) if current else {"id": folder_id}
        known = {d["deviceID"] for d in body.get("devices", [])}
        shared = list(body.get("devices", [])) + [{"deviceID": d} for d in devices if d not in known]
        body.update(
            {
                "label": label or body.get("label") or folder_id,
                "path": path,
                "type": "sendreceive",
                "devices": shared,
                "rescanIntervalS": rescan_interval_s,
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": fs_watcher_delay_s,
                "ignorePerms": True,
                "paused": False,
            }
        )
        self._request("PUT", f"/rest/config/folders/{folder_id}", json=body)

    def share_folder(self, folder_id: str, device_id: str) -> None:
        """Add a device to an existing folder's share list (nothing happens if it is there)."""
        current = self.folder(folder_id)
        if current is None:
            raise SyncthingError(f"Syncthing has no folder {folder_id!r} to share.")
        if any(d.get("deviceID") == device_id for d in current.get("devices", [])):
            return
        devices = [*current.get("devices", []), {"deviceID": device_id}]
        self._request("PATCH", f"/rest/config/folders/{folder_id}", json={"devices": devices})

    # -- folders at work ------------------------------------------------------------------------
    def scan(self, folder_id: str, sub: str | None = None) -> None:
        """Ask Syncthing to look at the folder now instead of at its next rescan."""
        params: dict[str, str | int] = {"folder": folder_id}
        if sub:
            params["sub"] = sub
        self._request("POST", "/rest/db/scan", params=params)

    def folder_status(self, folder_id: str) -> FolderStatus:
        s = self._request("GET", "/rest/db/status", params={"folder": folder_id})
        return FolderStatus(
            state=str(s.get("state", "")),
            need_files=int(s.get("needFiles", 0)),
            local_files=int(s.get("localFiles", 0)),
            global_files=int(s.get("globalFiles", 0)),
            errors=int(s.get("errors", 0) or s.get("pullErrors", 0)),
            sequence=int(s.get("sequence", 0)),
        )

    def completion(self, folder_id: str, device_id: str) -> Completion:
        c = self._request("GET", "/rest/db/completion", params={"folder": folder_id, "device": device_id})
        return Completion(
            completion=float(c.get("completion", 0.0)),
            need_items=int(c.get("needItems", 0)),
            need_bytes=int(c.get("needBytes", 0)),
        )

    def events(
        self, *, since: int = 0, types: Sequence[str] = (), timeout_s: int = 0, limit: int = 0
    ) -> list[SyncthingEvent]:
        """Events after ``since``; waits up to ``timeout_s`` seconds for one if none are pending."""
        params: dict[str, str | int] = {"since": since, "timeout": timeout_s}
        if types:
            params["events"] = ",".join(types)
        if limit:
            params["limit"] = limit
        raw = self._request("GET", "/rest/events", params=params, timeout=timeout_s + 10.0) or []
        return [SyncthingEvent(int(e["id"]), str(e["type"]), dict(e.get("data") or {})) for e in raw]
