"""Signs a learner out of a shared PC after a while with no key press, click or scroll.

Installed as an application-wide event filter, so any input anywhere in the app counts as
activity; the timer is only running while someone is signed in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.timeout_ms = 0
        self._filtering = False

    def set_minutes(self, minutes: float) -> None:
        self.set_timeout_ms(int(minutes * 60_000))

    def set_timeout_ms(self, ms: int) -> None:
        self.timeout_ms = max(0, ms)
        if self.timer.isActive():
            self.start()

    def start(self) -> None:
        """Someone signed in: watch for activity (every input event passes through this filter, so it is
        installed only while a learner is signed in)."""
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        if self.timeout_ms > 0:
            self.timer.start(self.timeout_ms)
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and event.type() in _ACTIVITY:
            self.timer.start(self.timeout_ms)
        return False

    def detach(self) -> None:
        self.stop()
