"""Who in a group is online now: heartbeats kept in memory, never events.

Being online is a fact about this minute, not something to keep or sync: every authenticated
request a peer makes (its regular sync poll counts) refreshes its device's entry for that group,
and an entry older than :data:`ONLINE_FOR_S` means the device went away. The members shown as
online are those whose membership event names one of the online devices.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

ONLINE_FOR_S = 6.0


@dataclass(frozen=True)
class Seen:
    device_id: str
    address: str | None
    at: float


class Presence:
    def __init__(self, now: Callable[[], float] = time.monotonic, online_for_s: float = ONLINE_FOR_S) -> None:
        self._now = now
        self.online_for_s = online_for_s
        self._seen: dict[str, dict[str, Seen]] = {}
        self._lock = threading.Lock()

    def heartbeat(self, group_id: str, device_id: str, address: str | None = None) -> bool:
        """Note a sign of life; True if the device just came online or now listens at another address."""
        now = self._now()
        with self._lock:
            per_group = self._seen.setdefault(group_id, {})
            before = per_group.get(device_id)
            per_group[device_id] = Seen(device_id, address or (before.address if before else None), now)
            moved = address is not None and before is not None and before.address != address
            return before is None or moved or now - before.at > self.online_for_s

    def online(self, group_id: str) -> list[Seen]:
        now = self._now()
        with self._lock:
            return [s for s in self._seen.get(group_id, {}).values() if now - s.at <= self.online_for_s]

    def online_devices(self, group_id: str) -> set[str]:
        return {s.device_id for s in self.online(group_id)}

    def forget(self, group_id: str, device_id: str) -> None:
        with self._lock:
            self._seen.get(group_id, {}).pop(device_id, None)
