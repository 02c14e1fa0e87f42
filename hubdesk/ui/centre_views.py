"""The centre in the app: the first-start choice (new centre, or join this centre's PCs) and the
facilitator's list of the centre's computers (a code for a new one, retiring a lost one).

Talking to the network (looking for the centre's PCs, joining) runs in a worker; the dialog shows a
busy bar meanwhile and the outcome in words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import FittingDialog

ASKED_META = "centre.setup_asked"
LOOK_S = 4.0

CREATED, JOINED, ALONE = "created", "joined", "alone"


def should_ask(ctx: AppContext) -> bool:
    """First start: no named centre, nobody asked before (the CLI never asks)."""
    return not ctx.inst.centre.is_named and ctx.inst.store.meta_get(ASKED_META) is None


def _look(inst: Any) -> list[Any]:
    from hubdesk.peers.centre_join import nearby_pcs

    return nearby_pcs(inst, LOOK_S)


def _join(inst: Any, code: str, address: str | None) -> Any:
    from hubdesk.peers.centre_join import join

    return join(inst, code, address)


class CentreSetupDialog(FittingDialog):
    """New centre, join this centre's PCs, or just this computer for now."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outcome = ""
        self.setWindowTitle(self.tr("This computer and its centre"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._new_page())
        self.pages.addWidget(self._join_page())
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", however long the network takes
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Working"))
        self.body_layout.addWidget(self.pages)
        self.body_layout.addWidget(self.busy)
        self.body_layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.back = self.buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ResetRole)
        self.go = self.buttons.addButton(self.tr("Create the centre"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setDefault(True)
        self.back.clicked.connect(lambda: self._show(0))
        self.go.clicked.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        self.add_footer(self.buttons)
        self._show(0)

    # -- pages ----------------------------------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "A centre is all the computers learners share in one place. Learners can then sign in on any of "
                "them and find their work there."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("message")
        lay.addWidget(intro)
        self.new_button = QPushButton(self.tr("New centre: this is its first computer"))
        self.new_button.setObjectName("primary")
        self.join_button = QPushButton(self.tr("Join this centre's computers"))
        self.join_button.setObjectName("primary")
        self.alone_button = QPushButton(self.tr("Just this computer for now"))
        self.new_button.clicked.connect(lambda: self._show(1))
        self.join_button.clicked.connect(self._start_join)
        self.alone_button.clicked.connect(self._alone)
        for b in (self.new_button, self.join_button, self.alone_button):
            lay.addWidget(b)
        return page

    def _new_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit()
        self.name.setMinimumWidth(280)
        self.name.setAccessibleName(self.tr("Name of the centre"))
        self.name.setPlaceholderText(self.tr("e.g. Kibera Youth Centre"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Place"))
        self.place.setPlaceholderText(self.tr("e.g. Nairobi"))
        form.addRow(self.tr("Name of the centre:"), self.name)
        form.addRow(self.tr("Place:"), self.place)
        return page

    def _join_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        how = QLabel(
            self.tr(
                "On a computer of the centre, a facilitator opens Facilitator, then “This centre's computers”, and "
                "reads you a code."
            )
        )
        how.setWordWrap(True)
        lay.addWidget(how)
        self.found = QListWidget()
        self.found.setAccessibleName(self.tr("Computers found on this network"))
        self.found.setMaximumHeight(140)
        lay.addWidget(QLabel(self.tr("Computers found on this network:")))
        lay.addWidget(self.found)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Join code"))
        self.code.setPlaceholderText("KTM4Q-9QPZX")
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Its address, if it is not in the list"))
        self.address.setPlaceholderText("192.168.1.20:8765")
        form.addRow(self.tr("Join code:"), self.code)
        form.addRow(self.tr("Or its address:"), self.address)
        lay.addLayout(form)
        return page

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.error.clear()
        self.back.setVisible(index != 0)
        self.go.setVisible(index != 0)
        self.go.setText(self.tr("Create the centre") if index == 1 else self.tr("Join"))
        (self.name if index == 1 else self.code if index == 2 else self.new_button).setFocus()
        self.fit()

    # -- actions --------------------------------------------------------------------------------
    def _alone(self) -> None:
        self.ctx.inst.store.meta_set(ASKED_META, ALONE)
        self.outcome = ALONE
        self.accept()

    def _start_join(self) -> None:
        self._show(2)
        self.found.clear()
        self._working(True)
        self.ctx.workers.run(_look, self.ctx.inst, on_done=self._looked, on_failed=self._failed)

    def _looked(self, found: list[Any]) -> None:
        self._working(False)
        for pc in found:
            item = QListWidgetItem(f"{pc.name}  ({pc.address})")
            item.setData(Qt.ItemDataRole.UserRole, pc.address)
            self.found.addItem(item)
        if found:
            self.found.setCurrentRow(0)
        else:
            self.error.setText(
                self.tr(
                    "No other HubDesk computer answered on this network. Type its address below, or check that "
                    "HubDesk runs on a computer of the centre."
                )
            )

    def _go(self) -> None:
        self.error.clear()
        if self.pages.currentIndex() == 1:
            try:
                self.ctx.inst.centre.create(self.name.text(), self.place.text().strip() or None)
            except HubDeskError as exc:
                self.error.setText(str(exc))
                return
            self.ctx.inst.store.meta_set(ASKED_META, CREATED)
            self.outcome = CREATED
            self.accept()
            return
        address = self.address.text().strip() or None
        if address is None and self.found.currentItem() is not None:
            address = str(self.found.currentItem().data(Qt.ItemDataRole.UserRole))
        self._working(True)
        code = self.code.text()
        self.ctx.workers.run(_join, self.ctx.inst, code, address, on_done=self._joined, on_failed=self._failed)

    def _joined(self, result: Any) -> None:
        self._working(False)
        self.ctx.inst.store.meta_set(ASKED_META, JOINED)
        self.outcome = JOINED
        self.joined_name = str(result.centre_name)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._working(False)
        words = str(exc) if isinstance(exc, HubDeskError) else self.tr("That did not work: %1").replace("%1", str(exc))
        self.error.setText(words)

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)
        for w in (self.go, self.back, self.new_button, self.join_button, self.alone_button):
            w.setEnabled(not on)


class CentrePCsDialog(FittingDialog):
    """The centre's computers, for a facilitator: who is in, a code for a new one, retire a lost one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("This centre's computers"))
        self.heading = QLabel()
        self.heading.setObjectName("subtitle")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("The centre's computers"))
        self.list.currentRowChanged.connect(self._selection)
        self.code_button = QPushButton(self.tr("Let another computer join"))
        self.code_button.setObjectName("primary")
        self.code_button.clicked.connect(self.issue_code)
        self.setup_button = QPushButton(self.tr("Set up the centre"))
        self.setup_button.setObjectName("primary")
        self.setup_button.clicked.connect(self.set_up)
        self.retire_button = QPushButton(self.tr("Retire the chosen computer"))
        self.retire_button.setObjectName("danger")
        self.retire_button.setToolTip(self.tr("For a lost or stolen computer: it receives nothing new"))
        self.retire_button.clicked.connect(self.retire)
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label = QLabel()  # big enough to read aloud across the room
        self.code_label.setObjectName("title")
        self.code_label.setStyleSheet("font-size: 28pt; font-weight: bold; letter-spacing: 3px;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Join code"))
        self.code_label.setVisible(False)
        self.after_code = QLabel()
        self.after_code.setWordWrap(True)
        row = QHBoxLayout()
        for b in (self.code_button, self.setup_button, self.retire_button):
            row.addWidget(b)
        row.addStretch()
        lay = self.body_layout
        lay.addWidget(self.heading)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        lay.addWidget(self.said)
        lay.addWidget(self.code_label, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.after_code)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.add_footer(close)
        self.refresh()

    def refresh(self) -> None:
        centre = self.ctx.inst.centre
        info = centre.info()
        named = centre.is_named
        if named:
            place = f", {info.place}" if info.place else ""
            self.heading.setText(f"{info.name}{place}")
        else:
            self.heading.setText(self.tr("This computer is not part of a centre yet."))
        self.list.clear()
        for pc in info.pcs:
            if pc.id == self.ctx.inst.device_id:
                state = self.tr("this computer")
            elif pc.retired:
                state = self.tr("retired")
            elif pc.last_seen:
                state = self.tr("last seen %1").replace("%1", pc.last_seen.replace("T", " ").rstrip("Z"))
            else:
                state = self.tr("not seen yet")
            item = QListWidgetItem(f"{pc.name or pc.id}   ({state})")
            item.setData(Qt.ItemDataRole.UserRole, pc.id)
            self.list.addItem(item)
        self.code_button.setVisible(named)
        self.setup_button.setVisible(not named)
        self.retire_button.setVisible(named)
        self._selection()

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _selection(self) -> None:
        chosen = self._chosen()
        pc = next((p for p in self.ctx.inst.centre.info().pcs if p.id == chosen), None)
        self.retire_button.setEnabled(pc is not None and pc.id != self.ctx.inst.device_id and not pc.retired)

    def issue_code(self) -> None:
        peers = self.ctx.extras.get("peers")
        if peers is not None:  # the new computer joins through this one's network endpoint
            peers.request(lambda _node: None)  # type: ignore[attr-defined]
        try:
            code = self.ctx.inst.centre.codes.issue()
        except HubDeskError as exc:
            self.said.setText(str(exc))
            return
        self.said.setText(self.tr("On the new computer choose “Join this centre's computers” and type this code:"))
        self.code_label.setText(code)
        self.code_label.setVisible(True)
        self.after_code.setText(self.tr("It works once, for 15 minutes, while HubDesk stays open here."))
        self.fit()

    def set_up(self) -> None:
        dialog = CentreSetupDialog(self.ctx, self)
        dialog.exec()
        self.refresh()

    def retire(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retire the chosen computer"),
            self.tr(
                "Retire this computer? The centre's computers will send it nothing new. Do this for a lost or "
                "stolen computer."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.inst.centre.retire(chosen)
        except HubDeskError as exc:
            self.said.setText(str(exc))
            return
        self.said.setText(
            self.tr(
                "Retired. It keeps what it already held: ask the learners who used it to choose a new PIN or new "
                "pictures."
            )
        )
        self.refresh()
