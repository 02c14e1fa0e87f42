"""The sync line a facilitator sees: when the last sync was, what is waiting, and a "Sync now" button.

The scheduler (``hubdesk.sync.scheduler``) is a plain thread that knows nothing of Qt; the bridge
turns its listener calls into a Qt signal, so the status line is updated on the GUI thread. The
scheduler starts a little after the window is up: opening the app never waits on the network.
"""

from __future__ import annotations

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

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self._start_now)

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
        self.stopped = True
        if self.scheduler is not None:
            self.scheduler.stop(timeout=5.0)
            self.scheduler = None


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
                self.text.setText(
                    self.tr("This computer is not set up to sync yet. A facilitator can enrol it with a hub.")
                )
            else:
                self.text.setText(self.tr("Sync starts a few seconds after HubDesk opens."))
            return
        self.text.setText(status.describe())
        self.button.setEnabled(status.state != "syncing")
