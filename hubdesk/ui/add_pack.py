"""Add a course pack from a file or from a USB stick, with a progress bar and a Cancel button.

The install is the same ``inst.packs.install`` the CLI uses, run on the worker pool; it verifies
while it copies and switches the library in one step, so Cancel (or a damaged stick) leaves the
library exactly as it was. Errors are the sentences core wrote, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QWidget,
)

from hubdesk.errors import Cancelled, HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import FittingDialog
from hubdesk.ui.workers import Task


def mounted_roots() -> list[Path]:
    """Removable and other mounted volumes (the system's root is never a USB stick)."""
    roots = []
    for volume in QStorageInfo.mountedVolumes():
        if volume.isValid() and volume.isReady() and volume.rootPath() != "/":
            roots.append(Path(volume.rootPath()))
    return roots


class AddPackDialog(FittingDialog):
    installed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.result_: Any = None
        self.setWindowTitle(self.tr("Add course pack"))
        intro = QLabel(self.tr("Choose a course pack on a USB stick, or a pack file on this computer."))
        intro.setWordWrap(True)
        intro.setObjectName("message")
        self.found = QListWidget()
        self.found.setAccessibleName(self.tr("Course packs found on USB sticks"))
        self.found.itemActivated.connect(lambda item: self.install(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.rescan_button = QPushButton(self.tr("Look again"))
        self.rescan_button.clicked.connect(self.scan)
        self.install_selected = QPushButton(self.tr("Install the chosen pack"))
        self.install_selected.setObjectName("primary")
        self.install_selected.clicked.connect(self._install_selected)
        self.file_button = QPushButton(self.tr("Choose a file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.install_selected)
        row.addWidget(self.rescan_button)
        row.addStretch()
        row.addWidget(self.file_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.close_button)
        lay = self.body_layout
        lay.addWidget(intro)
        lay.addWidget(QLabel(self.tr("On USB sticks:")))
        lay.addWidget(self.found, 1)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        footer = QWidget()
        footer.setLayout(bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.add_footer(footer)
        self.scan()

    def scan(self) -> None:
        if self.ctx.usb_roots is not None:
            found = self.ctx.inst.packs.find_usb_packs(self.ctx.usb_roots)
        else:  # the usual mount folders, and every volume Qt sees (other layouts, other systems)
            found = self.ctx.inst.packs.find_usb_packs(None) + self.ctx.inst.packs.find_usb_packs(mounted_roots())
            found = list(dict.fromkeys(found))
        self.found.clear()
        for path in found:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.found.addItem(item)
        if self.found.count():
            self.found.setCurrentRow(0)
        else:
            self.found.addItem(self.tr("No USB stick with a HUBDESK/packs folder was found."))
            self.found.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.install_selected.setEnabled(self._selected() is not None)

    def _selected(self) -> Path | None:
        item = self.found.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return Path(data) if data else None

    def _install_selected(self) -> None:
        path = self._selected()
        if path is not None:
            self.install(path)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a course pack"), str(Path.home()), self.tr("Course packs (*.hubpack *.zip)")
        )
        if name:
            self.install(Path(name))

    def install(self, path: Path) -> None:
        if self.task is not None:
            return
        self.status.setObjectName("")
        self.status.setText(self.tr("Checking and copying %1…").replace("%1", path.name))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        for b in (self.install_selected, self.file_button, self.rescan_button, self.close_button):
            b.setEnabled(False)
        task = Task(self.ctx.inst.packs.install, path, with_progress=True, with_cancel=True)
        self.task = self.ctx.workers.start(task, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total) if total else 0)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _finish(self, text: str, ok: bool) -> None:
        self.task = None
        self.cancel_button.hide()
        for b in (self.install_selected, self.file_button, self.rescan_button, self.close_button):
            b.setEnabled(True)
        self.install_selected.setEnabled(self._selected() is not None)
        self.status.setObjectName("good" if ok else "bad")
        self.status.setText(text)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _done(self, result: Any) -> None:
        self.result_ = result
        self.progress.setValue(100)
        if getattr(result, "changed", True):
            text = self.tr("“%1” version %2 is installed.").replace("%1", result.title).replace("%2", result.version)
        else:
            text = (
                self.tr("“%1” version %2 was already installed.")
                .replace("%1", result.title)
                .replace("%2", result.version)
            )
        self._finish(text, True)
        self.installed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, Cancelled):
            self._finish(self.tr("Cancelled. Nothing was changed."), False)
        elif isinstance(exc, HubDeskError):
            self._finish(str(exc), False)
        else:
            self._finish(
                self.tr("This pack could not be installed: %1").replace("%1", str(exc) or type(exc).__name__), False
            )

    def reject(self) -> None:
        if self.task is not None:
            self.cancel()
            return
        super().reject()
