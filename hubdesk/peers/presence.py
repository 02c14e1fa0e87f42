"""Who in a group is online now: heartbeats kept in memory, never events.

Being online is a fact about this minute, not something to keep or sync: every authenticated
request a peer makes (its regular sync poll counts) refreshes its device's entry for that group,
and an entry older than :data:`ONLINE_FOR_S` means the device went away. Each request also says
which of the group's members are signed in at that PC *now* (PCs are shared: who joined from a
PC, or used it this morning, says nothing about who sits at it), and those are the members shown
as online.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

ONLINE_FOR_S = 6.0


MAX_LEARNERS = 50


@dataclass(frozen=True)
class Seen:
    device_id: str
    address: str | None
    at: float
    learners: frozenset[str] = frozenset()


class Presence:
    def __init__(self, now: Callable[[], float] = time.monotonic, online_for_s: float = ONLINE_FOR_S) -> None:
        self._now = now
        self.online_for_s = online_for_s
        self._seen: dict[str, dict[str, Seen]] = {}
        self._lock = threading.Lock()

    def heartbeat(self, group_id: str, device_id: str, address: str | None = None, learners: object = None) -> bool:
        """Note a sign of life (and who is signed in there now, a list of learner ids, when the device
        said so); True if the device just came online or now listens at another address."""
        now = self._now()
        present = frozenset(
            lid
            for lid in (learners if isinstance(learners, list) else [])[:MAX_LEARNERS]
            if isinstance(lid, str) and 0 < len(lid) <= 64
        )
        with self._lock:
            per_group = self._seen.setdefault(group_id, {})
            before = per_group.get(device_id)
            if learners is None and before is not None:
                present = before.learners  # a reply to our own request says nothing about who sits there
            per_group[device_id] = Seen(device_id, address or (before.address if before else None), now, present)
            moved = address is not None and before is not None and before.address != address
            return before is None or moved or now - before.at > self.online_for_s

    def online(self, group_id: str) -> list[Seen]:
        now = self._now()
        with self._lock:
            return [s for s in self._seen.get(group_id, {}).values() if now - s.at <= self.online_for_s]

    def online_devices(self, group_id: str) -> set[str]:
        return {s.device_id for s in self.online(group_id)}

    def signed_in(self, group_id: str) -> set[str]:
        """Learner ids that online PCs say are signed in there now."""
        return {lid for s in self.online(group_id) for lid in s.learners}

    def forget(self, group_id: str, device_id: str) -> None:
        with self._lock:
            self._seen.get(group_id, {}).pop(device_id, None)
