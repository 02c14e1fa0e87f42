"""The facilitator's list of learners: add, rename, remove, and reset how someone signs in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.learner_dialogs import LearnerDialog, method_name


class ManagePage(QWidget):
    changed = Signal()
    add_pack_requested = Signal()
    settings_requested = Signal()
    console_requested = Signal()

    def __init__(self, ctx: AppContext, facilitator: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.facilitator = facilitator
        self.setObjectName("page")
        title = QLabel(self.tr("Facilitator"))
        title.setObjectName("title")
        self.add_pack_button = QPushButton(self.tr("Add course pack"))
        self.add_pack_button.setObjectName("primary")
        self.add_pack_button.clicked.connect(self.add_pack_requested)
        self.console_button = QPushButton(self.tr("My learners: progress and reports"))
        self.console_button.setObjectName("primary")
        self.console_button.setToolTip(self.tr("Progress of every learner, who needs help, the hardest questions"))
        self.console_button.clicked.connect(self.console_requested)
        packs_row = QHBoxLayout()
        packs_label = QLabel(self.tr("Course packs from a USB stick or a file:"))
        packs_label.setWordWrap(True)
        packs_row.addWidget(packs_label)
        packs_row.addWidget(self.add_pack_button)
        packs_row.addStretch()
        pc_row = QHBoxLayout()  # its own row: four buttons in one did not fit 1366 px at 200% text
        self.settings_button = QPushButton(self.tr("Settings of this computer"))
        self.settings_button.setToolTip(self.tr("Language and the time before an unused session is closed"))
        self.settings_button.clicked.connect(self.settings_requested)
        pc_row.addWidget(self.settings_button)
        self.centre_button = QPushButton(self.tr("This centre's computers"))
        self.centre_button.setToolTip(self.tr("The computers of this centre, a code for a new one, a lost one"))
        self.centre_button.clicked.connect(self.open_centre)
        pc_row.addWidget(self.centre_button)
        pc_row.addStretch()
        from hubdesk.ui.update_banner import UpdateBanner

        self.update_banner = UpdateBanner(ctx)  # "HubDesk 1.3 is ready to install" and its button
        self.waiting = QLabel()  # course updates the hub holds for this centre that have not come yet
        self.waiting.setWordWrap(True)
        self.waiting.setVisible(False)
        self.clocks = QLabel()  # PCs whose clocks are far ahead of this one's
        self.clocks.setWordWrap(True)
        self.clocks.setVisible(False)
        learners_title = QLabel(self.tr("Learners of this centre"))
        learners_title.setObjectName("subtitle")
        self.list = QListWidget()
        self.list.setProperty("look", "biglist")
        self.list.setAccessibleName(self.tr("Learners of this centre"))
        self.list.currentRowChanged.connect(self._selection)
        self.add_button = QPushButton(self.tr("Add a learner"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.clicked.connect(self.rename)
        self.secret_button = QPushButton(self.tr("Reset PIN or pictures"))
        self.secret_button.clicked.connect(self.reset_secret)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("danger")
        self.remove_button.clicked.connect(self.remove)
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        self.done_line = QLabel()  # what the last change did, said back to the facilitator
        self.done_line.setObjectName("good")
        self.done_line.setWordWrap(True)
        buttons = QGridLayout()  # two by two: the row of four did not fit a small screen in French
        for i, b in enumerate((self.add_button, self.rename_button, self.secret_button, self.remove_button)):
            buttons.addWidget(b, i // 2, i % 2)
        buttons.setColumnStretch(2, 1)
        self.sync_box = QVBoxLayout()
        bridge = ctx.extras.get("sync")
        if bridge is not None:
            from hubdesk.ui.sync_status import SyncStatusLine

            self.sync_line = SyncStatusLine(bridge)  # type: ignore[arg-type]
            self.sync_box.addWidget(self.sync_line)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 16)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch()
        head.addWidget(self.console_button)
        lay.addLayout(head)
        lay.addLayout(packs_row)
        lay.addLayout(pc_row)
        lay.addWidget(self.update_banner)
        lay.addWidget(self.waiting)
        lay.addWidget(self.clocks)
        lay.addLayout(self.sync_box)
        lay.addWidget(learners_title)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.done_line)
        lay.addWidget(self.list, 1)

    def refresh(self) -> None:
        self._show_waiting()
        self._show_clocks()
        self.update_banner.refresh()
        current = self.selected()
        self.list.clear()
        for learner in self.ctx.inst.learners.all():
            ways = ", ".join(method_name(k) for k in sorted(learner.secrets)) or self.tr("no secret")
            role = self.tr("facilitator") if learner.is_facilitator else self.tr("learner")
            item = QListWidgetItem(f"{learner.name}   ({role}; {ways})")
            item.setData(Qt.ItemDataRole.UserRole, learner.id)
            self.list.addItem(item)
            if current is not None and learner.id == current.id:
                self.list.setCurrentItem(item)
        self._selection()

    def _show_waiting(self) -> None:
        from hubdesk.sync.carried import waiting

        items = waiting(self.ctx.inst)
        names = ", ".join(f"{w.get('title') or w.get('id')} {w.get('version', '')}".strip() for w in items)
        self.waiting.setText(
            self.tr("Course updates waiting at the hub (they come with the next USB stick or sync): %1").replace(
                "%1", names
            )
        )
        self.waiting.setVisible(bool(items))

    def open_centre(self) -> None:
        from hubdesk.ui.centre_views import CentrePCsDialog

        CentrePCsDialog(self.ctx, self).exec()

    def _show_clocks(self) -> None:
        from hubdesk.core.clock_skew import clocks_ahead

        lines = []
        for c in clocks_ahead(self.ctx.inst.store):
            if c.days >= 2:
                line = self.tr("The clock of PC %1 is %n day(s) ahead.", "", c.days)
            else:
                line = self.tr("The clock of PC %1 is %n hour(s) ahead.", "", c.hours)
            lines.append(line.replace("%1", c.device_id))
        if lines:
            lines.append(self.tr("Set its date and time right: until then its changes win over newer ones."))
        self.clocks.setText("\n".join(lines))
        self.clocks.setVisible(bool(lines))

    def selected(self) -> Learner | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            return self.ctx.inst.learners.get(str(item.data(Qt.ItemDataRole.UserRole)))
        except HubDeskError:
            return None

    def _selection(self) -> None:
        chosen = self.selected()
        for b in (self.rename_button, self.secret_button, self.remove_button):
            b.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None and chosen.id != self.facilitator.id)

    def _done(self, said: str = "") -> None:
        self.error.clear()
        self.done_line.setText(said)
        self.refresh()
        self.changed.emit()

    def add(self) -> None:
        dialog = LearnerDialog(self.ctx, self)
        if dialog.exec():
            self._done(dialog.summary())

    def rename(self) -> None:
        learner = self.selected()
        if learner is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name:"), text=learner.name)
        if not ok:
            return
        try:
            self.ctx.inst.learners.rename(learner.id, name)
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self._done()

    def reset_secret(self) -> None:
        learner = self.selected()
        if learner is None:
            return
        dialog = LearnerDialog(self.ctx, self, learner=learner)
        if dialog.exec():
            self._done(dialog.summary())

    def remove(self) -> None:
        learner = self.selected()
        if learner is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove"),
            self.tr("Remove %1 from this computer? Their progress stays in the records.").replace("%1", learner.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter must not remove someone
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.inst.learners.remove(learner.id)
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self._done()
