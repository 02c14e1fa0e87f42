"""Hybrid logical clock: wall-clock-ish stamps that still order causally across devices.

A stamp is a fixed-width string ``<ms:013x>-<counter:04x>-<device>``, so string order is stamp order
and SQLite can sort and compare stamps as plain text (last-writer-wins needs exactly that).

Clocks lie: a PC whose clock is days ahead would, through :meth:`HybridClock.observe`, drag every
PC it syncs with days ahead too, for good. So a clock follows another device's stamp only up to
:data:`MAX_DRIFT_MS` ahead of its own wall clock; an event stamped further ahead is kept and
applied like any other, it just does not move this clock (see ``hubdesk.core.clock_skew``, which
remembers such devices so a facilitator can be told).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

# What :func:`parse_stamp` can read and what sorts as text in stamp order: an event from a peer
# with any other stamp is refused, because one bad stamp stored in the log would break every later
# start (the clock observes the highest stored stamp) and last-writer-wins order.
_STAMP_RE = re.compile(r"[0-9a-f]{13}-[0-9a-f]{4}-.{1,64}", re.DOTALL)
MAX_COUNTER = 0xFFFF
MAX_DRIFT_MS = 3_600_000
"""How far ahead of this PC's wall clock another device's stamp may pull this clock (one hour):
enough for PCs whose clocks were set by hand, far below "days ahead"."""


def format_stamp(ms: int, counter: int, device_id: str) -> str:
    return f"{ms:013x}-{counter:04x}-{device_id}"


def valid_stamp(stamp: object) -> bool:
    return isinstance(stamp, str) and _STAMP_RE.fullmatch(stamp) is not None


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    ms, counter, device = stamp.split("-", 2)
    return int(ms, 16), int(counter, 16), device


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def stamp_ms(stamp: str) -> int:
    """The wall-clock part of a stamp, in milliseconds since 1970."""
    return int(stamp[:13], 16)


def stamp_bound(ms: int) -> str:
    """A string above every stamp of at most ``ms`` and below every later one (stamps compare as text)."""
    return f"{ms + 1:013x}"


class HybridClock:
    def __init__(
        self, device_id: str, now_ms: Callable[[], int] | None = None, max_drift_ms: int = MAX_DRIFT_MS
    ) -> None:
        self.device_id = device_id
        self._now_ms = now_ms or wall_ms
        self.max_drift_ms = max_drift_ms
        self._ms = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        """A stamp greater than every stamp this clock has issued or observed."""
        with self._lock:
            wall = self._now_ms()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            elif self._counter < MAX_COUNTER:
                self._counter += 1
            else:  # the counter has four hex digits: move on a millisecond rather than widen the stamp
                self._ms, self._counter = self._ms + 1, 0
            return format_stamp(self._ms, self._counter, self.device_id)

    def wall(self) -> int:
        return self._now_ms()

    def within_drift(self, stamp: str) -> bool:
        """Whether ``stamp`` is at most :attr:`max_drift_ms` ahead of this PC's wall clock."""
        return stamp_ms(stamp) <= self._now_ms() + self.max_drift_ms

    def observe(self, stamp: str) -> bool:
        """Move past a stamp seen on another device, so our next event orders after it.

        A stamp more than :attr:`max_drift_ms` ahead of our wall clock is not followed (``False``):
        one PC with a clock days ahead must not carry every other PC's clock with it.
        """
        ms, counter, _ = parse_stamp(stamp)
        with self._lock:
            if ms > self._now_ms() + self.max_drift_ms:
                return False
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter
            return True
