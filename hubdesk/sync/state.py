"""What sync remembers between runs: trusted devices, per-destination vectors, seen bundles, status.

Kept in the installation's own database (migrations 0100-0149) so that it is backed up and
crash-safe with everything else. Trust is explicit: a device is trusted only after an enrolment
(a centre at its hub, the hub at its centre), and a bundle or request from any other key is
refused.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hubdesk.core.centre import hub_link
from hubdesk.core.event_chain import key_source
from hubdesk.core.learners import drop_secret_hashes
from hubdesk.core.store import Connection, Schema, Store, migration
from hubdesk.errors import SyncError

if TYPE_CHECKING:
    pass

HUB = "hub"  # role of the central hub, as trusted by a centre
CENTRE_ROLE = "centre"  # role of an enrolled centre, as trusted by its hub
HUB_DEST = "hub"  # a centre's destination key for its (single) hub


CRASH_ENV = "HUBDESK_TEST_CRASH_AT"


def crashpoint(name: str) -> None:
    """Die here, as SIGKILL or a power cut would, if a crash test asks for this point by name."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


class NotEnrolled(SyncError):
    """This centre has no hub yet, or a device is not enrolled here."""

    exit_code = 4


@dataclass(frozen=True)
class Device:
    device_id: str
    public_key: str
    role: str
    enrolled_at: float
    last_contact: float | None
    url: str | None


class SyncState:
    """The sync tables of one installation (``SyncState(inst.store)``)."""

    def __init__(self, store: Store) -> None:
        store.migrate()  # sync lives above core: make sure our tables exist
        self.store = store

    # -- small values -------------------------------------------------------------------------
    def get(self, key: str) -> str | None:
        rows = self.store.query("SELECT value FROM sync_kv WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set(self, key: str, value: str | None) -> None:
        with self.store.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM sync_kv WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO sync_kv (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def get_json(self, key: str) -> Any:
        raw = self.get(key)
        return None if raw is None else json.loads(raw)

    def set_json(self, key: str, value: Any) -> None:
        self.set(key, None if value is None else json.dumps(value))

    @property
    def is_hub(self) -> bool:
        return self.get("role") == HUB

    def become_hub(self) -> None:
        """Make this installation a hub. A hub holds no learner's secret hash: any it received
        from centres before secrets stayed inside the centre are dropped here, once."""
        if self.get("role") != HUB or self.get("secrets_dropped") != "1":
            drop_secret_hashes(self.store)
            with self.store.transaction():
                self.set("role", HUB)
                self.set("secrets_dropped", "1")
                # core reads this (it cannot import sync): a hub builds no community pack of its own
                self.store.meta_set("installation.role", HUB)

    # -- trusted devices ----------------------------------------------------------------------
    def trust(self, device_id: str, public_key: str, role: str, url: str | None = None) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO sync_devices (device_id, public_key, role, enrolled_at, url) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(device_id) DO UPDATE SET public_key = excluded.public_key, role = excluded.role, "
                "url = COALESCE(excluded.url, sync_devices.url)",
                (device_id, public_key, role, time.time(), url),
            )

    def device(self, device_id: str) -> Device | None:
        rows = self.store.query(
            "SELECT device_id, public_key, role, enrolled_at, last_contact, url FROM sync_devices WHERE device_id = ?",
            (device_id,),
        )
        return Device(*rows[0]) if rows else None

    def devices(self, role: str | None = None) -> list[Device]:
        sql = "SELECT device_id, public_key, role, enrolled_at, last_contact, url FROM sync_devices"
        params: tuple[object, ...] = ()
        if role:
            sql += " WHERE role = ?"
            params = (role,)
        return [Device(*r) for r in self.store.query(sql + " ORDER BY enrolled_at", params)]

    def hub(self) -> Device | None:
        """This PC's hub: the one it enrolled with, or the one another PC of its centre enrolled
        with (learnt over the centre's LAN link, :func:`hubdesk.core.centre.hub_link`)."""
        found = self.devices(HUB)
        if found or self.is_hub:
            return found[-1] if found else None
        link = hub_link(self.store)
        if link is None:
            return None
        device_id, key, url = link
        self.trust(device_id, key, HUB, url)
        if url and not self.get("hub_url"):
            self.set("hub_url", url)
        return self.device(device_id)

    def touch(self, device_id: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE sync_devices SET last_contact = ? WHERE device_id = ?", (time.time(), device_id))

    # -- per-destination vectors --------------------------------------------------------------
    def vector(self, table: str, dest: str) -> dict[tuple[str, str], int]:
        assert table in ("sync_exported", "sync_acked")
        rows = self.store.query(f"SELECT device_id, scope, upto FROM {table} WHERE dest = ?", (dest,))
        return {(d, s): u for d, s, u in rows}

    def raise_vector(self, table: str, dest: str, vector: Mapping[tuple[str, str], int]) -> None:
        """Record ``vector`` for ``dest``, never moving an entry backwards."""
        assert table in ("sync_exported", "sync_acked")
        with self.store.transaction() as conn:
            conn.executemany(
                f"INSERT INTO {table} (dest, device_id, scope, upto) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(dest, device_id, scope) DO UPDATE SET upto = MAX(upto, excluded.upto)",
                [(dest, d, s, u) for (d, s), u in vector.items()],
            )

    def forget_exported(self, dest: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM sync_exported WHERE dest = ?", (dest,))

    # -- bundles already imported (replays) -----------------------------------------------------
    def seen(self, bundle_id: str) -> bool:
        return bool(self.store.query("SELECT 1 FROM sync_seen WHERE bundle_id = ?", (bundle_id,)))

    def next_export_no(self) -> int:
        with self.store.transaction():
            n = int(self.get("export_no") or 0) + 1
            self.set("export_no", str(n))
        return n

    # -- status ---------------------------------------------------------------------------------
    def record_success(self, summary: Mapping[str, Any]) -> None:
        with self.store.transaction():
            self.set_json("last_sync", {"at": time.time(), **summary})
            self.set("last_error", None)

    def record_error(self, message: str) -> None:
        self.set_json("last_error", {"at": time.time(), "message": message})


@key_source
def _enrolled_key(conn: Connection, device_id: str) -> str | None:
    """A device this installation enrolled (a hub's centres) or trusts as its hub: its events must be
    signed with that key."""
    row = conn.execute("SELECT public_key FROM sync_devices WHERE device_id = ?", (device_id,)).fetchone()
    return str(row[0]) if row else None


@migration("0100_sync_state")
def _schema(db: Schema) -> None:
    db.execute("CREATE TABLE sync_kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE sync_devices (
            device_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, role TEXT NOT NULL,
            enrolled_at REAL NOT NULL, last_contact REAL, url TEXT)"""
    )
    for table in ("sync_exported", "sync_acked"):
        db.execute(
            f"""CREATE TABLE {table} (
                dest TEXT NOT NULL, device_id TEXT NOT NULL, scope TEXT NOT NULL, upto INTEGER NOT NULL,
                PRIMARY KEY (dest, device_id, scope)) WITHOUT ROWID"""
        )
    db.execute(
        """CREATE TABLE sync_seen (
            bundle_id TEXT PRIMARY KEY, sender TEXT NOT NULL, imported_at REAL NOT NULL, events INTEGER NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE sync_codes (
            code_hash TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, created_at REAL NOT NULL,
            expires_at REAL NOT NULL, used_at REAL, used_by TEXT)"""
    )
