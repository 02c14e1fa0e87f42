"""Sync for one installation, as one service object: its state, this PC's Syncthing, its scheduler.

Anki hangs one manager per concept off its collection; here the installation lives in ``core``,
which knows nothing of sync, so the service is found with :func:`sync_service` (one per
installation, made on first use) rather than as an attribute. Everything that reads or writes sync
state goes through ``sync_service(inst).state``; the app's status bridge and ``hubdesk sync watch``
both bring this PC's Syncthing up with :meth:`SyncService.bring_up_syncthing` and run the scheduler
from :meth:`SyncService.start_scheduler`, so the two never drift apart.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hubdesk.core.installation import Installation
from hubdesk.sync.state import SyncState

if TYPE_CHECKING:
    from hubdesk.sync.scheduler import Scheduler
    from hubdesk.sync.syncthing import SyncthingClient
    from hubdesk.sync.syncthing_process import SyncthingProcess

_SERVICES: weakref.WeakKeyDictionary[Installation, SyncService] = weakref.WeakKeyDictionary()
_MADE = threading.Lock()


def sync_service(inst: Installation) -> SyncService:
    """The installation's sync service (made on first use, then the same object)."""
    with _MADE:
        found = _SERVICES.get(inst)
        if found is None:
            found = _SERVICES[inst] = SyncService(inst)
        return found


def sync_state(inst: Installation) -> SyncState:
    """Shorthand for ``sync_service(inst).state``."""
    return sync_service(inst).state


@dataclass(frozen=True)
class SyncthingUp:
    """What :meth:`SyncService.bring_up_syncthing` found: a client to talk to, or the problem in a word.

    ``problem`` is None, ``"none"`` (no Syncthing set up here), ``"missing"`` (the program is not
    installed), ``"away"`` (an attached Syncthing does not answer) or ``"failed"`` (with ``detail``).
    """

    client: SyncthingClient | None
    problem: str | None = None
    detail: str = ""
    started: bool = False  # this service started it (and stops it in :meth:`SyncService.stop`)


class SyncService:
    def __init__(self, inst: Installation) -> None:
        self.inst = inst
        self.state = SyncState(inst.store)
        self._lock = threading.Lock()
        self.own_syncthing: SyncthingProcess | None = None
        self.scheduler: Scheduler | None = None

    # -- this PC's Syncthing -------------------------------------------------------------------
    def bring_up_syncthing(self, *, start: bool = True) -> SyncthingUp:
        """Find the Syncthing this installation is set up with, or start HubDesk's own (``start``).

        One HubDesk already started (``hubdesk sync syncthing start``) is used and left running; one
        started here is stopped by :meth:`stop`. Never raises: what went wrong is in the result.
        """
        from hubdesk.sync.syncthing_process import find_binary
        from hubdesk.sync.syncthing_transport import (
            PAIRINGS_KEY,
            SETTINGS_KEY,
            configured,
            managed_process,
            open_client,
        )

        inst = self.inst
        if not (configured(inst) or self.state.get_json(PAIRINGS_KEY)):
            return SyncthingUp(None, "none")
        try:
            settings = self.state.get_json(SETTINGS_KEY) or {}
            if settings.get("mode") == "attached":
                client = open_client(inst)
                if client.ping():
                    return SyncthingUp(client)
                client.close()
                return SyncthingUp(None, "away", str(settings.get("url", "")))
            proc = managed_process(inst)
            if proc.config_path.exists() and proc.running():  # started by 'sync syncthing start': use it
                return SyncthingUp(proc.client())
            if not start:
                return SyncthingUp(None, "none")
            if find_binary() is None:
                return SyncthingUp(None, "missing")
            client = proc.start()
            with self._lock:
                self.own_syncthing = proc
            return SyncthingUp(client, started=True)
        except Exception as exc:  # any failure is said to the person; sync carries on without Syncthing
            return SyncthingUp(None, "failed", str(exc))

    # -- the scheduler ---------------------------------------------------------------------------
    def start_scheduler(self, *, syncthing: Any = None, interval: float | None = None) -> Scheduler:
        """Build and start the opportunistic scheduler (hub and Syncthing targets) once."""
        from hubdesk.sync.targets import scheduler_for

        with self._lock:
            if self.scheduler is None:
                kwargs: dict[str, Any] = {"syncthing": syncthing}
                if interval is not None:
                    kwargs["interval"] = interval
                self.scheduler = scheduler_for(self.inst, **kwargs)
                self.scheduler.start()
            return self.scheduler

    def stop_syncthing(self) -> None:
        """Stop the Syncthing this service started (never one it found running)."""
        with self._lock:
            proc, self.own_syncthing = self.own_syncthing, None
        if proc is not None:
            proc.stop()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the scheduler, then the Syncthing this service started."""
        with self._lock:
            scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.stop(timeout=timeout)
        self.stop_syncthing()
