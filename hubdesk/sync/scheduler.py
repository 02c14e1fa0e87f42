"""The opportunistic scheduler: sync whenever a link appears, without anyone having to think of it.

A centre's uplink comes and goes (a phone's hotspot at lunch, a Syncthing peer that is on for an
hour). The scheduler keeps trying at growing, jittered intervals while nothing answers (so a
hundred centres coming back after a power cut do not knock on the hub in step), syncs as soon as a
target is reachable, and runs what people did (progress, notes) before what is merely big (packs).

No Qt here: it is a plain thread with a listener API (``add_listener``), which the app wraps in a
signal and ``hubdesk sync watch`` prints. All timing goes through an injectable clock, and
:meth:`Scheduler.run_once` / :meth:`Scheduler.poll` drive it without a thread, so the backoff is
tested without waiting.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from hubdesk.errors import HubDeskError

log = logging.getLogger(__name__)

PRIORITY_EVENTS = 0  # progress, attempts, notes: what people did, small and precious
PRIORITY_PACKS = 10  # course packs: large, and a centre can teach with the ones it has

Wake = Callable[[], None]


@dataclass(frozen=True)
class Step:
    """One piece of a sync with one target; ``run`` returns a summary in words."""

    name: str
    priority: int
    run: Callable[[], str]


class Target:
    """Somewhere to sync with: the hub over HTTP, a Syncthing peer. Subclass or pass functions."""

    def __init__(
        self,
        name: str,
        reachable: Callable[[], bool],
        steps: Sequence[Step],
        watch: Callable[[Wake, threading.Event], None] | None = None,
    ) -> None:
        self.name = name  # in words: "the hub", "Syncthing"
        self._reachable = reachable
        self._steps = list(steps)
        self._watch = watch

    def reachable(self) -> bool:
        return self._reachable()

    def steps(self) -> Sequence[Step]:
        return self._steps

    def watch(self, wake: Wake, stopped: threading.Event) -> None:
        """Run until ``stopped``, calling ``wake()`` when this target likely has news (optional)."""
        if self._watch is not None:
            self._watch(wake, stopped)


class Backoff:
    """Exponential backoff with "equal jitter": the n-th wait lies in [c/2, c], c = min(cap, base*2^(n-1))."""

    def __init__(
        self, base: float = 5.0, cap: float = 900.0, factor: float = 2.0, rng: random.Random | None = None
    ) -> None:
        self.base, self.cap, self.factor = base, cap, factor
        self.rng = rng or random.Random()

    def ceiling(self, failures: int) -> float:
        if failures <= 0:
            return 0.0
        return min(self.cap, self.base * self.factor ** min(failures - 1, 64))

    def delay(self, failures: int) -> float:
        c = self.ceiling(failures)
        return self.rng.uniform(c / 2, c)


@dataclass(frozen=True)
class SchedulerStatus:
    """What the status line shows. Times are wall-clock seconds (``time.time()``)."""

    state: str = "idle"  # idle | syncing | offline | error | stopped
    last_sync: float | None = None
    last_attempt: float | None = None
    next_attempt: float | None = None
    pending: int | None = None
    last_error: str | None = None
    failures: int = 0
    reachable: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()

    def describe(self, now: float | None = None) -> str:
        now = time.time() if now is None else now
        parts = []
        if self.state == "syncing":
            parts.append("Syncing now.")
        elif self.last_sync:
            parts.append(f"Last sync {_span(now - self.last_sync)} ago.")
        else:
            parts.append("Not synced yet.")
        if self.pending is not None:
            parts.append(f"{self.pending} event(s) waiting to go.")
        if self.last_error and self.state in ("offline", "error"):
            parts.append(self.last_error)
        if self.next_attempt and self.state != "syncing":
            parts.append(f"Next try in {_span(max(0.0, self.next_attempt - now))}.")
        return " ".join(parts)


Listener = Callable[[SchedulerStatus], None]


class Scheduler:
    """Tries the targets when due; ``wake()`` makes it due now (Sync now, a local change, a peer)."""

    def __init__(
        self,
        targets: Sequence[Target],
        *,
        interval: float = 300.0,
        backoff: Backoff | None = None,
        pending: Callable[[], int] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.targets = list(targets)
        self.interval = interval
        self.backoff = backoff or Backoff()
        self._pending = pending
        self._clock = clock
        self._wall = wall
        self._listeners: list[Listener] = []
        self._lock = threading.RLock()
        self._wakeup = threading.Event()
        self._stopped = threading.Event()
        self._threads: list[threading.Thread] = []
        self._due = clock()  # the first attempt is at once
        self._wakes = 0  # counts wake() calls, so a wake during an attempt is not lost when it ends
        self._status = SchedulerStatus(pending=self._count_pending())

    # -- listening --------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """``listener(status)`` is called on the scheduler's thread after every change."""
        self._listeners.append(listener)

    @property
    def status(self) -> SchedulerStatus:
        return self._status

    def _publish(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:  # a broken listener must not stop syncing
                log.exception("A sync status listener failed")

    # -- deciding when ------------------------------------------------------------------------------
    def due_in(self) -> float:
        return max(0.0, self._due - self._clock())

    def wake(self, delay: float = 0.0) -> None:
        """Make an attempt due within ``delay`` seconds (never later than already planned)."""
        with self._lock:
            self._due = min(self._due, self._clock() + delay)
            self._wakes += 1
            self._status = replace(self._status, next_attempt=self._wall() + self.due_in())
        self._wakeup.set()

    def poll(self) -> bool:
        """Attempt if due; True if an attempt ran. What the thread does each time it wakes."""
        if self._clock() < self._due:
            return False
        self.run_once()
        return True

    # -- one attempt ----------------------------------------------------------------------------------
    def run_once(self) -> SchedulerStatus:
        """Probe every target, run the steps of the reachable ones by priority, plan the next try."""
        started = self._wall()
        wakes = self._wakes
        reachable = [t for t in self.targets if _probe(t)]
        if not reachable:
            who = " and ".join(t.name for t in self.targets) or "no sync target"
            return self._failed(started, (), "offline", f"{_cap(who)} cannot be reached right now.")
        self._publish(state="syncing", last_attempt=started, reachable=tuple(t.name for t in reachable))
        steps = sorted(
            ((s, t) for t in reachable for s in t.steps()),
            key=lambda st: st[0].priority,
        )
        summary: list[str] = []
        errors: list[str] = []
        for step, target in steps:
            if self._stopped.is_set():
                break
            try:
                summary.append(step.run())
            except HubDeskError as exc:
                errors.append(f"Sync of {step.name} with {target.name} failed: {exc}")
            except Exception as exc:  # keep the thread alive; say what happened in words
                log.exception("Sync step %s with %s crashed", step.name, target.name)
                errors.append(f"Sync of {step.name} with {target.name} failed unexpectedly: {exc}.")
        names = tuple(t.name for t in reachable)
        if errors:
            return self._failed(started, names, "error", " ".join(errors), tuple(summary))
        with self._lock:
            # a wake during this attempt (a file that arrived meanwhile) keeps its earlier time
            self._due = self._clock() + self.interval if wakes == self._wakes else self._due
        self._publish(
            state="idle",
            last_sync=self._wall(),
            last_attempt=started,
            next_attempt=self._wall() + self.due_in(),
            pending=self._count_pending(),
            last_error=None,
            failures=0,
            reachable=names,
            summary=tuple(summary),
        )
        return self._status

    def _failed(
        self, started: float, names: tuple[str, ...], state: str, message: str, summary: tuple[str, ...] = ()
    ) -> SchedulerStatus:
        failures = self._status.failures + 1
        delay = self.backoff.delay(failures)
        with self._lock:
            self._due = self._clock() + delay
        self._publish(
            state=state,
            last_attempt=started,
            next_attempt=self._wall() + delay,
            pending=self._count_pending(),
            last_error=message,
            failures=failures,
            reachable=names,
            summary=summary,
        )
        return self._status

    def _count_pending(self) -> int | None:
        if self._pending is None:
            return None
        try:
            return self._pending()
        except Exception:  # the count is a nicety; never let it break a sync
            log.exception("Counting pending events failed")
            return None

    # -- the thread ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Run in the background: one scheduler thread, plus one watcher thread per target."""
        self._stopped.clear()
        main = threading.Thread(target=self._loop, name="hubdesk-sync-scheduler", daemon=True)
        self._threads = [main]
        for t in self.targets:
            self._threads.append(
                threading.Thread(
                    target=self._watch, args=(t,), name=f"hubdesk-sync-watch-{len(self._threads)}", daemon=True
                )
            )
        for th in self._threads:
            th.start()

    def _watch(self, target: Target) -> None:
        try:
            target.watch(lambda: self.wake(0.5), self._stopped)
        except Exception:  # a watcher only makes syncing faster; the timer still runs
            log.exception("Watching %s failed", target.name)

    def _loop(self) -> None:
        while not self._stopped.is_set():
            self._wakeup.wait(self.due_in())
            self._wakeup.clear()
            if self._stopped.is_set():
                break
            self.poll()
        self._publish(state="stopped", next_attempt=None)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the step under way; watchers end at their next poll."""
        self._stopped.set()
        self._wakeup.set()
        for th in self._threads:
            th.join(timeout)
        self._threads = []

    @property
    def running(self) -> bool:
        return any(th.is_alive() for th in self._threads)


def _probe(target: Target) -> bool:
    try:
        return bool(target.reachable())
    except Exception:  # an unreachable target may fail in any way; it is just not there
        return False


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _span(seconds: float) -> str:
    s = round(seconds)
    if s < 90:
        return f"{s} second{'s' if s != 1 else ''}"
    if s < 5400:
        return f"{round(s / 60)} minutes"
    return f"{round(s / 3600)} hours"
