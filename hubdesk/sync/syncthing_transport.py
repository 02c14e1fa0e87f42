"""Sync over a Syncthing folder: each HubDesk device drops its own bundles, and imports the others'.

Why this works on the flakiest uplink: Syncthing resumes transfers, verifies blocks and retries on
its own; HubDesk only has to write whole files and read whole files. Each HubDesk device writes
only into its own subfolder (``<folder>/<device id>/``) files that are never changed afterwards
(bundles are append-only), so Syncthing never sees two versions of one file and never makes a
conflict copy. Bundles are assembled in an ignored staging folder and renamed into place, so
Syncthing never ships half a file.

One folder per centre-hub pair: the folder id is derived from the centre's Syncthing device id, so
both sides compute the same id, and a hub paired with many centres never passes one centre's
bundles to another.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hubdesk.core.installation import Installation
from hubdesk.core.store import Schema, migration
from hubdesk.errors import HubDeskError
from hubdesk.sync import enrolment, syncthing_cards
from hubdesk.sync.bundle import MAGIC, SUFFIX, ImportResult, import_named, write_bundle
from hubdesk.sync.service import sync_state
from hubdesk.sync.state import CENTRE_ROLE, NotEnrolled
from hubdesk.sync.syncthing import FOLDER_ID, SyncthingClient, SyncthingError, SyncthingUnavailable
from hubdesk.sync.syncthing_process import SyncthingProcess

if TYPE_CHECKING:
    pass

STAGING = ".hubdesk-staging"
STIGNORE = f"// Written by HubDesk: bundles are assembled here, then renamed into place.\n{STAGING}\n(?d).*.part\n"
PAIRINGS_KEY = "syncthing_pairings"
SETTINGS_KEY = "syncthing"
# PendingDevicesChanged: a Syncthing we do not know yet knocks (a centre that just paired with us)
WAKE_EVENTS = ("ItemFinished", "DeviceConnected", "RemoteIndexUpdated", "PendingDevicesChanged")


@dataclass(frozen=True)
class Pairing:
    """One Syncthing peer HubDesk shares a bundle folder with."""

    peer: str  # the peer's Syncthing device id
    address: str  # how to reach it, e.g. tcp://127.0.0.1:22001
    folder_id: str
    path: str

    def to_json(self) -> dict[str, str]:
        return {"peer": self.peer, "address": self.address, "folder_id": self.folder_id, "path": self.path}


@dataclass
class RoundResult:
    """What one publish-and-collect round did, in words a facilitator can read."""

    written: list[Path] = field(default_factory=list)
    imported: list[ImportResult] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(r.applied for r in self.imported)

    def describe(self) -> str:
        parts = [f"wrote {len(self.written)} bundle(s)", f"applied {self.applied} event(s) from {len(self.imported)}"]
        if self.refused:
            parts.append(f"refused {len(self.refused)}: {self.refused[0]}")
        return "Syncthing: " + "; ".join(parts) + "."


def folder_id_for(centre_syncthing_id: str) -> str:
    """The shared folder's id for one centre-hub pair, the same on both sides."""
    return f"{FOLDER_ID}-{centre_syncthing_id.split('-')[0].lower()}"


class SyncthingTransport:
    """Publishes this installation's bundles into its Syncthing folders and imports arrivals."""

    def __init__(self, inst: Installation, client: SyncthingClient, *, folders_root: Path | None = None) -> None:
        self.inst = inst
        self.client = client
        self.state = sync_state(inst)
        self.folders_root = folders_root or inst.dirs.sync / "syncthing-folders"
        self._event_since = 0

    # -- pairing ----------------------------------------------------------------------------------
    def pairings(self) -> list[Pairing]:
        return [Pairing(**p) for p in self.state.get_json(PAIRINGS_KEY) or []]

    def pair(self, peer: str, address: str, *, folder_id: str | None = None) -> Pairing:
        """Trust a peer's Syncthing and share this pair's folder with it (safe to repeat)."""
        me = self.client.my_id()
        if peer == me:
            raise SyncthingError("That is this centre's own Syncthing device id; give the other side's.")
        if not folder_id:
            folder_id = folder_id_for(peer if self.state.is_hub else me)
        path = self.folders_root / folder_id
        (path / self.inst.device_id).mkdir(parents=True, exist_ok=True)
        (path / STAGING).mkdir(exist_ok=True)
        (path / ".stignore").write_text(STIGNORE)
        self.client.add_device(peer, name=f"HubDesk {peer[:7]}", addresses=[address])
        self.client.add_folder(folder_id, str(path), label="HubDesk sync", devices=[peer])
        pairing = Pairing(peer, address, folder_id, str(path))
        others = [p for p in self.pairings() if p.peer != peer]
        self.state.set_json(PAIRINGS_KEY, [p.to_json() for p in [*others, pairing]])
        return pairing

    def autopair(self) -> list[Pairing]:
        """Announce our Syncthing, then pair with each peer HubDesk sync told us of (see syncthing_cards).

        Safe to call every round: a peer already paired at the same address is left alone.
        """
        me = record_own(self.inst, self.client)
        done = {(p.peer, p.address) for p in self.pairings()}
        return [
            self.pair(card["device_id"], card["address"])
            for card in syncthing_cards.peer_cards(self.inst)
            if card["device_id"] != me and (card["device_id"], card["address"]) not in done
        ]

    # -- reachability and waiting -----------------------------------------------------------------
    def reachable(self) -> bool:
        """True when our Syncthing answers and at least one paired peer is connected."""
        try:
            connected = self.client.connected_devices()
        except (SyncthingUnavailable, SyncthingError):
            return False
        return any(p.peer in connected for p in self.pairings())

    def wait_for_change(self, timeout_s: int = 30) -> bool:
        """Block until Syncthing reports a file arrived or a peer connected; False on timeout.

        The first call also subscribes: Syncthing buffers these event types only once asked.
        """
        events = self.client.events(since=self._event_since, types=WAKE_EVENTS, timeout_s=timeout_s)
        if events:
            self._event_since = max(e.id for e in events)
        return bool(events)

    # -- one round ----------------------------------------------------------------------------------
    def publish(self, ack: set[str] | frozenset[str] = frozenset()) -> list[Path]:
        """Write what each peer may lack as new bundles in our own subfolder; ask Syncthing to scan.

        A hub also answers each centre in ``ack`` (whose bundles it just applied) even with nothing
        new to send: the answer carries its version vector, so the centre learns what arrived, and
        its key, which completes an offline enrolment.
        """
        written: list[Path] = []
        for p in self.pairings():
            folder = Path(p.path)
            for dest in self._destinations(folder):
                written += self._write_all(folder, dest, always=dest in ack)
            if written:
                # if Syncthing is away, its watcher or next rescan picks the files up
                with contextlib.suppress(SyncthingUnavailable):
                    self.client.scan(p.folder_id, sub=self.inst.device_id)
        return written

    def _destinations(self, folder: Path) -> list[str | None]:
        """None (our hub) for a centre; for a hub, each enrolled centre that writes in this folder."""
        if not self.state.is_hub:
            return [None]
        centres = []
        for sub in sorted(folder.iterdir()) if folder.is_dir() else []:
            known = self.state.device(sub.name) if sub.is_dir() else None
            if known is not None and known.role == CENTRE_ROLE:
                centres.append(sub.name)
        return list(centres)

    def _write_all(self, folder: Path, dest: str | None, *, always: bool = False) -> list[Path]:
        out = folder / self.inst.device_id
        out.mkdir(parents=True, exist_ok=True)
        staging = folder / STAGING
        staging.mkdir(exist_ok=True)
        written = []
        try:
            # Bundles are bounded; keep writing while there is more. A centre still waiting for its
            # hub repeats its enrolment claim in every bundle, so it writes one per round.
            while (tmp := write_bundle(self.inst, staging, dest=dest, always=always)) is not None:
                if not always and _event_count(tmp) == 0 and any(out.glob(f"*{SUFFIX}")):
                    tmp.unlink()  # only the enrolment claim again, which an earlier bundle already carries
                    break
                final = out / tmp.name
                os.replace(tmp, final)
                written.append(final)
                always = False
                if dest is None and enrolment.pending_code(self.state) is not None:
                    break
        except NotEnrolled:
            pass  # nothing to say to a hub we do not know yet
        return written

    def collect(self) -> RoundResult:
        """Import the bundles other devices wrote that this installation has not taken in yet."""
        result = RoundResult()
        for p in self.pairings():
            folder = Path(p.path)
            done = self._done(p.folder_id)
            for path in self._arrivals(folder):
                rel = str(path.relative_to(folder))
                if rel in done:
                    continue
                try:
                    res = import_named(self.inst, path)
                except NotEnrolled as exc:
                    result.refused.append(str(exc))  # not remembered: trust may come with a later bundle
                    continue
                except HubDeskError as exc:
                    result.refused.append(str(exc))
                    self._remember(p.folder_id, rel, "refused", str(exc))
                    continue
                result.imported.append(res)
                self._remember(p.folder_id, rel, res.status, res.describe())
        return result

    def sync_once(self) -> RoundResult:
        """Import first (it may carry our hub's trust or acknowledgements), then publish."""
        result = self.collect()
        news = {r.sender for r in result.imported if r.status == "applied" and (r.received or r.enrolled)}
        result.written = self.publish(ack=news if self.state.is_hub else frozenset())
        return result

    def _arrivals(self, folder: Path) -> list[Path]:
        found: list[Path] = []
        if not folder.is_dir():
            return found
        for sub in folder.iterdir():
            if not sub.is_dir() or sub.name.startswith(".") or sub.name == self.inst.device_id:
                continue
            # Syncthing's own temp files (.syncthing.*.tmp) and anything hidden are never bundles
            found += [f for f in sub.iterdir() if f.name.endswith(SUFFIX) and not f.name.startswith(".")]
        return sorted(found, key=lambda f: (f.parent.name, f.name))

    def _done(self, folder_id: str) -> set[str]:
        rows = self.inst.store.query("SELECT name FROM sync_syncthing_files WHERE folder_id = ?", (folder_id,))
        return {r[0] for r in rows}

    def _remember(self, folder_id: str, name: str, status: str, message: str) -> None:
        with self.inst.store.transaction() as conn:
            conn.execute(
                "INSERT INTO sync_syncthing_files (folder_id, name, status, message, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(folder_id, name) DO UPDATE SET status = excluded.status, message = excluded.message, "
                "at = excluded.at",
                (folder_id, name, status, message, time.time()),
            )

    def status(self) -> dict[str, Any]:
        """For ``hubdesk sync syncthing status``: our id, peers and whether each is connected."""
        connected = self.client.connected_devices()
        me = self.client.my_id()
        return {
            "device_id": me,
            "url": self.client.url,
            "pairings": [{**p.to_json(), "connected": p.peer in connected} for p in self.pairings()],
        }


def _event_count(path: Path) -> int:
    """How many events a bundle we just wrote carries (read from its header, see bundle.py)."""
    with open(path, "rb") as fh:
        fh.seek(len(MAGIC))
        (size,) = struct.unpack(">I", fh.read(4))
        return int(json.loads(fh.read(size))["count"])


# -- which Syncthing: one HubDesk starts itself, or one already running ------------------------------
def syncthing_home(inst: Installation) -> Path:
    return inst.dirs.sync / "syncthing"


def configure_attached(inst: Installation, url: str, api_key: str) -> None:
    """Use a Syncthing that runs anyway (its own service, another user's) instead of starting one."""
    sync_state(inst).set_json(SETTINGS_KEY, {"mode": "attached", "url": url, "api_key": api_key})


def configure_managed(inst: Installation) -> None:
    sync_state(inst).set_json(SETTINGS_KEY, {"mode": "managed"})


def managed_process(inst: Installation, **kwargs: Any) -> SyncthingProcess:
    return SyncthingProcess(syncthing_home(inst), name=f"HubDesk {inst.device_id[:8]}", **kwargs)


def configured(inst: Installation) -> bool:
    """True once this installation has a Syncthing of its own (started or attached)."""
    return sync_state(inst).get_json(SETTINGS_KEY) is not None


def record_own(inst: Installation, client: SyncthingClient) -> str:
    """Note our Syncthing's device id and address, so the other side of HubDesk sync learns them."""
    device_id = client.my_id()
    syncthing_cards.announce(inst, device_id, syncthing_cards.address_of(client.options()))
    return device_id


def pair_now(inst: Installation) -> list[Pairing]:
    """Pair with the peers HubDesk sync just told us of, if our Syncthing is set up and answers.

    Called after ``sync now``, ``sync enrol --hub`` and ``sync import``; quiet when Syncthing is
    not set up or not running (``sync watch`` pairs on its next round then).
    """
    if not configured(inst):
        return []
    try:
        with open_client(inst) as client:
            if not client.ping():
                return []
            return SyncthingTransport(inst, client).autopair()
    except (SyncthingUnavailable, SyncthingError):
        return []


def open_client(inst: Installation) -> SyncthingClient:
    """A client for this installation's Syncthing (attached, or HubDesk's own, which must be running)."""
    settings = sync_state(inst).get_json(SETTINGS_KEY) or {"mode": "managed"}
    if settings.get("mode") == "attached":
        return SyncthingClient(str(settings["url"]), str(settings["api_key"]))
    proc = managed_process(inst)
    if not proc.config_path.exists():
        raise SyncthingUnavailable(
            "HubDesk's Syncthing has not been set up yet: run 'hubdesk sync syncthing start' first."
        )
    return proc.client()


@migration("0130_sync_syncthing_files")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE sync_syncthing_files (
            folder_id TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
            at REAL NOT NULL, PRIMARY KEY (folder_id, name)) WITHOUT ROWID"""
    )
