"""The facilitator's "HubDesk 1.3 is ready to install" line, and the one-step install behind its button.

A release that came by stick, Syncthing or HTTP waits in the data folder (``core.releases``). The
install runs in a worker: it checks every byte again, starts the new program once, backs the data
folder up and swaps the program folder; then HubDesk offers to restart into the new version. Going
back (``hubdesk update rollback``) replaces the data folder, so it is a command for when the app is
closed, and the line says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QProcess, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from hubdesk import __version__
from hubdesk.core.releases import Installed, Release, Updates, running_program, trusted_release_keys
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.workers import Task


class UpdateBanner(QWidget):
    installed = Signal(object)  # Installed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, program: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.program = program if program is not None else running_program()
        self.release: Release | None = None
        self.task: Task | None = None
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setObjectName("good")
        self.button = QPushButton(self.tr("Install now"))
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.ask_and_install)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.button)
        self.setVisible(False)

    def updates(self) -> Updates:
        return Updates(self.ctx.inst.dirs.root, __version__, trusted_release_keys())

    def refresh(self) -> None:
        try:
            self.release = self.updates().ready()
        except HubDeskError:
            self.release = None
        self.setVisible(self.release is not None and self.task is None)
        if self.release is None:
            return
        text = self.tr("HubDesk %1 is ready to install.").replace("%1", self.release.version)
        if self.program is None:
            text += " " + self.tr("This HubDesk runs from source: install the new version from the installer.")
        self.line.setText(text)
        self.button.setVisible(self.program is not None)

    def ask_and_install(self) -> None:
        if self.release is None or self.program is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Install HubDesk %1").replace("%1", self.release.version),
            self.tr(
                "The learners' data is backed up first, and HubDesk starts again when it is done. "
                "If something is wrong with the new version, the command 'hubdesk update rollback' "
                "brings back this one with its data. Install now?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.button.setEnabled(False)
        self.line.setText(self.tr("Installing HubDesk %1…").replace("%1", self.release.version))
        task = Task(self.updates().install, self.release, self.program)
        self.task = self.ctx.workers.start(task, self._done, self._failed)

    def _done(self, done: Installed) -> None:
        self.task = None
        self.line.setText(self.tr("HubDesk %1 is installed. Start it again to use it.").replace("%1", done.version))
        self.button.setVisible(False)
        self.installed.emit(done)
        restart = QMessageBox.question(
            self,
            self.tr("HubDesk %1 is installed").replace("%1", done.version),
            self.tr("Close HubDesk now and start the new version?"),
        )
        if restart == QMessageBox.StandardButton.Yes:
            exe = done.program / "hubdesk"
            QProcess.startDetached(str(exe), ["--data-dir", str(self.ctx.inst.dirs.root)])
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.button.setEnabled(True)
        said = str(exc) if isinstance(exc, HubDeskError) else self.tr("Something went wrong. It was noted in the log.")
        self.line.setText(self.tr("HubDesk was not updated: %1").replace("%1", said))
        self.line.setObjectName("bad")
