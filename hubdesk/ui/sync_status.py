"""The sync line a facilitator sees: when the last sync was, what is waiting, and a "Sync now" button.

The scheduler (``hubdesk.sync.scheduler``) is a plain thread that knows nothing of Qt; the bridge
turns its listener calls into a Qt signal, so the status line is updated on the GUI thread. The
scheduler starts a little after the window is up: opening the app never waits on the network.

The bridge also brings up HubDesk's own Syncthing, as ``hubdesk sync watch`` does, when this
installation has one (started once with ``hubdesk sync syncthing start``, or attached): in a plain
thread after the window is shown, so a Syncthing that takes seconds to boot never holds up the
sign-in screen; one the app started is stopped when the window closes. The status line builds its
sentence here, from the scheduler's fields, so that it is translated like every other UI string.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext

START_DELAY_MS = 10_000


class SyncBridge(QObject):
    """Owns the app's sync scheduler (if this installation has somewhere to sync)."""

    changed = Signal(object)  # SchedulerStatus

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler: Any = None
        self.unavailable = ""
        self.stopped = False
        self.own_syncthing: Any = None  # the sync service, when it started Syncthing for this app (stopped on close)
        # what went wrong with Syncthing, for the status line: ("missing" | "away" | "failed", detail)
        self.syncthing_problem: tuple[str, str] | None = None
        self._syncthing_thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self._start_now)
        self.start_syncthing()

    # -- HubDesk's own Syncthing -------------------------------------------------------------------
    def start_syncthing(self) -> None:
        """Start (or find running) the Syncthing this installation is set up with, in a thread."""
        from hubdesk.sync.syncthing_transport import configured

        if self.stopped or self._syncthing_thread is not None or not configured(self.ctx.inst):
            return  # no Syncthing set up here: nothing new happens
        self._syncthing_thread = threading.Thread(
            target=self._bring_up_syncthing, name="hubdesk-app-syncthing", daemon=True
        )
        self._syncthing_thread.start()

    def _bring_up_syncthing(self) -> None:
        from hubdesk.sync.service import sync_service

        service = sync_service(self.ctx.inst)  # the same start-up as 'hubdesk sync watch'
        up = service.bring_up_syncthing()
        if up.client is not None:
            up.client.close()  # the scheduler's Syncthing target talks to it with its own client
        with self._lock:
            if up.started:
                if self.stopped:  # the window closed while Syncthing was booting
                    service.stop_syncthing()
                else:
                    self.own_syncthing = service  # stopped with the window (only if started here)
        problem = None if up.problem in (None, "none") else (up.problem or "", up.detail)
        self.syncthing_problem = problem
        scheduler = self.scheduler
        if scheduler is not None and problem is None:
            scheduler.wake()  # Syncthing is up now: no need to wait for the next planned try
        if not self.stopped:
            self.changed.emit(scheduler.status if scheduler is not None else None)  # queued to the GUI thread

    def _start_now(self) -> None:
        if self.scheduler is not None or self.stopped:
            return
        try:
            from hubdesk.sync.targets import scheduler_for

            scheduler = scheduler_for(self.ctx.inst)
        except HubDeskError as exc:
            self.unavailable = str(exc)
            self.changed.emit(None)
            return
        scheduler.add_listener(self.changed.emit)  # queued to the GUI thread by Qt
        self.scheduler = scheduler
        scheduler.start()
        self.changed.emit(scheduler.status)

    def sync_now(self) -> None:
        if self.scheduler is None:
            self._start_now()
        if self.scheduler is not None:
            self.scheduler.wake()

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
        if self.scheduler is not None:
            self.scheduler.stop(timeout=5.0)
            self.scheduler = None
        if self._syncthing_thread is not None:
            self._syncthing_thread.join(60.0)  # a boot under way ends (and is then stopped) first
        with self._lock:
            proc, self.own_syncthing = self.own_syncthing, None
        if proc is not None:
            proc.stop()


class SyncStatusLine(QFrame):
    """For the facilitator page: one sentence and a button."""

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("card")
        title = QLabel(self.tr("Sync:"))
        title.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Sync now"))
        self.button.clicked.connect(self.sync_now)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.addWidget(title)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.button)
        bridge.changed.connect(self.show_status)
        self.show_status(bridge.scheduler.status if bridge.scheduler is not None else None)

    def sync_now(self) -> None:
        self.text.setText(self.tr("Starting a sync…"))
        self.bridge.sync_now()

    def show_status(self, status: Any) -> None:
        if status is None:
            if self.bridge.unavailable:
                words = self.tr("This computer is not set up to sync yet. A facilitator can enrol it with a hub.")
            else:
                words = self.tr("Sync starts a few seconds after HubDesk opens.")
        else:
            words = self.describe(status)
            self.button.setEnabled(status.state != "syncing")
        problem = self.syncthing_words()
        self.text.setText(f"{words} {problem}" if problem else words)

    def describe(self, status: Any, now: float | None = None) -> str:
        """The scheduler's state in a sentence or three, in the app's language."""
        now = time.time() if now is None else now
        parts = []
        if status.state == "syncing":
            parts.append(self.tr("Syncing now."))
        elif status.last_sync:
            parts.append(self.tr("Last sync %1 ago.").replace("%1", self.span(now - status.last_sync)))
        else:
            parts.append(self.tr("Not synced yet."))
        if status.pending is not None:
            parts.append(self.tr("%n event(s) waiting to go.", "", status.pending))
        if status.state == "offline":
            parts.append(self.tr("The hub or peer this computer syncs with cannot be reached right now."))
        elif status.state == "error" and status.last_error:
            parts.append(self.tr("The last sync failed: %1").replace("%1", status.last_error))
        if status.next_attempt and status.state != "syncing":
            parts.append(self.tr("Next try in %1.").replace("%1", self.span(max(0.0, status.next_attempt - now))))
        return " ".join(parts)

    def span(self, seconds: float) -> str:
        s = round(seconds)
        if s < 90:
            return self.tr("%n second(s)", "", s)
        if s < 5400:
            return self.tr("%n minute(s)", "", round(s / 60))
        return self.tr("%n hour(s)", "", round(s / 3600))

    def syncthing_words(self) -> str:
        problem = self.bridge.syncthing_problem
        if problem is None:
            return ""
        kind, detail = problem
        if kind == "missing":
            return self.tr(
                "The syncthing program is not installed, so HubDesk syncs without it; "
                "install it (apt-get install syncthing) to sync through Syncthing."
            )
        if kind == "away":
            return self.tr("The Syncthing at %1 does not answer; HubDesk syncs without it until it does.").replace(
                "%1", detail
            )
        return self.tr("HubDesk's Syncthing could not start: %1").replace("%1", detail)
