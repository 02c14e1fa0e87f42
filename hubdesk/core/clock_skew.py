"""Which devices' clocks are far ahead of ours: a facilitator is told, since a PC days ahead would
otherwise win every last-writer-wins comparison until the world catches up with it.

Every time events of other devices are applied, the newest of each device (highest ``seq``) is
compared with this PC's wall clock at that moment. Events travel *after* they are stamped (by
LAN, hub or a USB stick days later), so ``stamp - now`` can only understate how far ahead the
sender's clock was: a device is never reported ahead when it was not. The newest event decides,
so a PC whose clock was put right stops being reported with its next event here.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubdesk.core.clock import MAX_DRIFT_MS, stamp_ms
from hubdesk.core.store import Connection, Schema, Store, migration

if TYPE_CHECKING:
    from hubdesk.core.events import Event

DAY_MS = 86_400_000


@dataclass(frozen=True)
class ClockAhead:
    device_id: str
    ahead_ms: int  # how far ahead its newest event here was stamped, when it arrived
    seen_at: float  # when that was (seconds since 1970)

    @property
    def days(self) -> int:
        return round(self.ahead_ms / DAY_MS)

    @property
    def hours(self) -> int:
        return round(self.ahead_ms / 3_600_000)

    def describe(self) -> str:
        """``the clock of PC 3f2a... is 4 days ahead`` (hours below two days)."""
        amount = f"{self.days} days" if self.days >= 2 else f"{self.hours} hours"
        return f"The clock of PC {self.device_id} is {amount} ahead"

    def to_dict(self) -> dict[str, object]:
        return {
            "device_id": self.device_id,
            "ahead_seconds": self.ahead_ms // 1000,
            "ahead_days": round(self.ahead_ms / DAY_MS, 1),
            "seen_at": self.seen_at,
            "message": self.describe() + ".",
        }


def record(conn: Connection, events: Iterable[Event], own_device: str, wall_ms: int) -> None:
    """Note, in the caller's transaction, how far ahead each sender's newest event was stamped."""
    newest: dict[str, Event] = {}
    for ev in events:
        if ev.device_id != own_device:
            held = newest.get(ev.device_id)
            if held is None or ev.seq > held.seq:
                newest[ev.device_id] = ev
    now = time.time()
    for device_id, ev in newest.items():
        ahead = max(0, stamp_ms(ev.hlc) - wall_ms)
        conn.execute(
            "INSERT INTO clock_skew (device_id, seq, ahead_ms, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(device_id) DO UPDATE SET seq = excluded.seq, ahead_ms = excluded.ahead_ms, "
            "seen_at = excluded.seen_at WHERE excluded.seq > clock_skew.seq",
            (device_id, ev.seq, ahead, now),
        )


def clocks_ahead(store: Store, beyond_ms: int = MAX_DRIFT_MS) -> list[ClockAhead]:
    """Devices whose newest event here was stamped more than ``beyond_ms`` ahead, furthest first."""
    rows = store.query(
        "SELECT device_id, ahead_ms, seen_at FROM clock_skew WHERE ahead_ms > ? ORDER BY ahead_ms DESC, device_id",
        (beyond_ms,),
    )
    return [ClockAhead(d, int(a), float(s)) for d, a, s in rows]


@migration("0002_core_clock_skew")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE clock_skew (
            device_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            ahead_ms INTEGER NOT NULL,
            seen_at REAL NOT NULL
        ) WITHOUT ROWID"""
    )
