"""Per-device quotas at the hub, kept in the database so that several hub workers share them.

An enrolled centre is trusted with its own events, not with the hub's capacity: a centre PC that
is compromised, or just broken and retrying in a tight loop, must not starve the others. Each
device may make ``requests_per_minute`` signed requests and send ``bytes_per_hour`` of request
bodies; past either, the hub answers 429 until the window turns.

Counters live in ``hub_quotas`` and are read and charged inside the hub's write transactions
(``BEGIN IMMEDIATE``), so two hub processes over one database count the same requests once each
and agree on who is over. Only a request whose signature verified is charged: anyone can *claim*
a device id in a header, and must not be able to spend that device's quota.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubdesk.core.store import Connection, Schema, Store, migration

if TYPE_CHECKING:
    pass

MINUTE = 60.0
HOUR = 3600.0


@dataclass(frozen=True)
class Quota:
    requests_per_minute: int = 600
    bytes_per_hour: int = 4 << 30


@dataclass(frozen=True)
class Usage:
    minute_start: float
    requests: int
    hour_start: float
    bytes: int


class Quotas:
    """Hung off the hub: ``check`` before a body is read, ``charge`` once its signature verified."""

    def __init__(self, store: Store, quota: Quota | None = None) -> None:
        self.store = store
        self.quota = quota or Quota()

    def usage(self, device_id: str, now: float | None = None) -> Usage:
        """What the device used in the current windows (windows that ended count as empty)."""
        now = time.time() if now is None else now
        rows = self.store.query(
            "SELECT minute_start, requests, hour_start, bytes FROM hub_quotas WHERE device_id = ?", (device_id,)
        )
        return _current(tuple(rows[0]) if rows else None, now)

    def over(self, device_id: str, declared_bytes: int = 0, now: float | None = None) -> str | None:
        """Why the device may not send this request now (``None`` if it may)."""
        used = self.usage(device_id, now)
        if used.requests >= self.quota.requests_per_minute:
            return "This centre has sent too many requests this minute; it tries again shortly."
        if used.bytes + declared_bytes > self.quota.bytes_per_hour:
            return "This centre has sent too much data this hour; it tries again later."
        return None

    def charge(self, conn: Connection, device_id: str, nbytes: int, now: float) -> str | None:
        """Count one verified request of ``nbytes`` (inside the caller's transaction); why it is over, if so."""
        row = conn.execute(
            "SELECT minute_start, requests, hour_start, bytes FROM hub_quotas WHERE device_id = ?", (device_id,)
        ).fetchone()
        used = _current(tuple(row) if row else None, now)
        if used.requests + 1 > self.quota.requests_per_minute or used.bytes + nbytes > self.quota.bytes_per_hour:
            return "This centre is over its quota of requests or data; it tries again later."
        conn.execute(
            "INSERT INTO hub_quotas (device_id, minute_start, requests, hour_start, bytes) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(device_id) DO UPDATE SET minute_start = excluded.minute_start, "
            "requests = excluded.requests, hour_start = excluded.hour_start, bytes = excluded.bytes",
            (device_id, used.minute_start, used.requests + 1, used.hour_start, used.bytes + nbytes),
        )
        return None


def _current(row: tuple[float, int, float, int] | None, now: float) -> Usage:
    if row is None:
        return Usage(now, 0, now, 0)
    minute_start, requests, hour_start, nbytes = row
    if not minute_start <= now < minute_start + MINUTE:  # also a window "in the future" (clock set back)
        minute_start, requests = now, 0
    if not hour_start <= now < hour_start + HOUR:
        hour_start, nbytes = now, 0
    return Usage(minute_start, requests, hour_start, nbytes)


@migration("0160_hub_quotas")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE hub_quotas (
            device_id TEXT PRIMARY KEY,
            minute_start REAL NOT NULL,
            requests INTEGER NOT NULL,
            hour_start REAL NOT NULL,
            bytes INTEGER NOT NULL
        ) WITHOUT ROWID"""
    )
