"""The study-group panel: my groups, start or join one with a code, the shared note, who is online, questions.

The panel belongs to the learner signed in: it lists only the groups that learner holds (on
whichever PC of the centre they joined them), and every write names that learner and is refused
by the core for a group they do not hold. Another learner at the same PC sees nothing of them: not
the list, the join code, the note or the questions. While the panel is open the peer node tells
the group's other PCs that this learner is signed in here, which is what "Online now" shows.

The shared note editor keeps its own pycrdt document, always equal to what the editor last showed.
Typing is turned into the smallest edit of *that* document (never of the database's newer text),
so an edit from another member that arrived a moment ago is merged, not overwritten. Other
members' edits reach the panel as events from the peer node's thread; a queued signal brings them
to the GUI thread, where any pending local typing is recorded first and then the remote update is
applied and the cursor kept in place.

Slow work (deriving a key from a code, contacting a peer) runs on the worker pool.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from typing import Any

from pycrdt import Doc, Text
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.events import Event
from hubdesk.core.groups import DEFAULT_NOTE, KEY_DROPPED, KEY_KEPT, diff_edit, doc_from_state
from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError
from hubdesk.peers.joining import join
from hubdesk.peers.node import PeerNode
from hubdesk.ui.context import AppContext

TYPING_PAUSE_MS = 300
PRESENCE_MS = 1000
ROLE = Qt.ItemDataRole.UserRole


class GroupPanel(QWidget):
    events_arrived = Signal(object)  # list[Event], emitted from whichever thread wrote them
    group_changed = Signal(str)

    def __init__(
        self, ctx: AppContext, learner: Learner, node: PeerNode | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inst = ctx.inst
        self.learner = learner
        self._node: PeerNode | None = None
        self.node = node
        self.group_id: str | None = None
        self.lesson: str | None = None
        self.doc: Doc[Text] | None = None
        self.text: Text | None = None
        self._loading = False
        self._build()
        self._shut = False
        self.events_arrived.connect(self._on_events)
        self.inst.log.subscribe(self._listener)
        self.destroyed.connect(lambda *_: self.inst.log.unsubscribe(self._listener))
        self.refresh_groups()

    @property
    def node(self) -> PeerNode | None:
        return self._node

    @node.setter
    def node(self, node: PeerNode | None) -> None:
        """The PC's peer node (it may start after the panel): it learns who is signed in here."""
        if self._node is not None and self._node is not node:
            self._node.sign_out(self.learner.id)
        self._node = node
        if node is not None:
            node.sign_in(self.learner.id)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("My study groups"))
        self.groups.currentItemChanged.connect(lambda item, _prev: self.open_group(item.data(ROLE) if item else None))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Group name"))
        self.new_name.setAccessibleName(self.tr("Name of a new group"))
        self.create_button = QPushButton(self.tr("Start a group"))
        self.create_button.clicked.connect(self.create_group)
        self.code_input = QLineEdit()
        self.code_input.setPlaceholderText(self.tr("Join code"))
        self.code_input.setAccessibleName(self.tr("Join code"))
        self.code_input.setToolTip(self.tr("The code the group's starter reads out, like KTM4Q-9QPZX"))
        self.address_input = QLineEdit()
        self.address_input.setPlaceholderText("10.0.0.5:8471")
        self.address_input.setMinimumWidth(self.address_input.fontMetrics().horizontalAdvance("10.0.0.5:8471") + 28)
        self.address_input.setAccessibleName(self.tr("Address of a member's computer"))
        self.address_hint = QLabel(self.tr("Group not found nearby? Ask a member for their computer's address:"))
        self.address_hint.setWordWrap(True)
        self.address_hint.setObjectName("muted")
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.clicked.connect(self.join_group)
        self.nearby = QListWidget()
        self.nearby.setAccessibleName(self.tr("HubDesks nearby"))
        self.nearby.itemDoubleClicked.connect(lambda item: self.address_input.setText(item.data(ROLE)))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("muted")

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("My study groups")))
        left.addWidget(self.groups, 1)
        left.addWidget(self.new_name)
        left.addWidget(self.create_button)
        left.addWidget(self.code_input)
        left.addWidget(self.address_hint)
        left.addWidget(self.address_input)
        left.addWidget(self.join_button)
        left.addWidget(QLabel(self.tr("HubDesks nearby")))
        left.addWidget(self.nearby)
        left.addWidget(self.message)

        self.title = QLabel()
        self.title.setProperty("look", "lead")
        self.code_label = QLabel()
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Shared notes"))
        self.editor.setPlaceholderText(self.tr("Write here together. Everyone in the group sees it."))
        self.editor.textChanged.connect(self._typed)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.flush)
        self.online = QListWidget()
        self.online.setAccessibleName(self.tr("Online now"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Members"))
        self.remove_button = QPushButton(self.tr("Remove member"))
        self.remove_button.setToolTip(self.tr("Only the person who started the group can remove a member."))
        self.remove_button.clicked.connect(self.remove_member)
        self.leave_button = QPushButton(self.tr("Leave group"))
        self.leave_button.clicked.connect(self.leave_group)
        self.questions = QTreeWidget()
        self.questions.setHeaderLabels([self.tr("Questions and answers")])
        self.questions.setAccessibleName(self.tr("Questions and answers"))
        self.question_input = QLineEdit()
        self.question_input.setPlaceholderText(self.tr("Ask or answer"))
        self.question_input.setAccessibleName(self.tr("Ask the group, or answer the chosen question"))
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.clicked.connect(self.ask)
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.clicked.connect(self.answer)

        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Online now")))
        side.addWidget(self.online)
        side.addWidget(QLabel(self.tr("Members")))
        side.addWidget(self.members)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.remove_button)
        member_buttons.addWidget(self.leave_button)
        side.addLayout(member_buttons)
        side.addWidget(self.questions, 1)
        side.addWidget(self.question_input)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.answer_button)
        side.addLayout(buttons)

        middle = QVBoxLayout()
        middle.addWidget(self.title)
        middle.addWidget(self.code_label)
        middle.addWidget(QLabel(self.tr("Shared notes")))
        middle.addWidget(self.editor, 1)

        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addLayout(middle, 2)
        lay.addLayout(side, 1)
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_MS)
        self.presence_timer.timeout.connect(self.refresh_presence)
        self.presence_timer.start()
        self._set_enabled(False)

    def shutdown(self) -> None:
        """Record pending typing and stop listening (the window closes or the learner signs out)."""
        self.flush()
        self.presence_timer.stop()
        self.inst.log.unsubscribe(self._listener)
        if self._node is not None:
            self._node.sign_out(self.learner.id)
        # events a sync thread queued before we unsubscribed may still be delivered: ignore them,
        # the installation may be closed by then
        self._shut = True

    def _set_enabled(self, on: bool) -> None:
        for w in (self.editor, self.question_input, self.ask_button, self.answer_button, self.leave_button):
            w.setEnabled(on)
        if not on:
            self.remove_button.setEnabled(False)  # on again only for the creator (refresh_members)

    # -- groups -------------------------------------------------------------------------------
    def refresh_groups(self) -> None:
        current = self.group_id
        self.groups.blockSignals(True)
        self.groups.clear()
        mine = self.inst.groups.of_learner(self.learner.id)
        if current is not None and current not in {g.id for g in mine}:
            current = None  # left, or removed: the group is no longer this learner's
            self.open_group(None)
        for group in mine:
            item = QListWidgetItem(group.name)
            item.setData(ROLE, group.id)
            self.groups.addItem(item)
            if group.id == current:
                self.groups.setCurrentItem(item)
        self.groups.blockSignals(False)
        if current is None and self.groups.count():
            self.groups.setCurrentRow(0)
        elif current is not None:
            self._show_header()

    def create_group(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            self.message.setText(self.tr("Give the group a name first."))
            return
        self.create_button.setEnabled(False)
        lesson = self.lesson.partition("/") if self.lesson else ("", "", "")
        self.ctx.workers.run(
            lambda: self.inst.groups.create(name, self.learner, pack=lesson[0] or None, lesson=lesson[2] or None),
            on_done=self._created,
            on_failed=self._failed,
        )

    def _created(self, result: Any) -> None:
        group, code = result
        self.create_button.setEnabled(True)
        self.new_name.clear()
        self.message.setText(self.tr("Read this code aloud to the others: {code}").format(code=code))
        self.group_id = group.id
        self.refresh_groups()
        self.open_group(group.id)

    def join_group(self) -> None:
        code = self.code_input.text().strip()
        address = self.address_input.text().strip() or None
        if not code:
            self.message.setText(self.tr("Type the join code you were given."))
            return
        self.join_button.setEnabled(False)
        self.message.setText(self.tr("Joining…"))
        self.ctx.workers.run(join, self.inst, code, self.learner, address, on_done=self._joined, on_failed=self._failed)

    def _joined(self, result: Any) -> None:
        self.join_button.setEnabled(True)
        self.code_input.clear()
        if self.node is not None and self.address_input.text().strip():
            self.node.connect(self.address_input.text().strip())
        self.message.setText(self.tr("You joined the group."))
        self.group_id = result.group_id
        self.refresh_groups()
        self.open_group(result.group_id)

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.join_button.setEnabled(True)
        if isinstance(exc, HubDeskError):
            self.message.setText(str(exc))
        else:
            self.message.setText(self.tr("That did not work. Please try again."))

    def open_group(self, group_id: str | None) -> None:
        self.flush()
        if group_id is not None and group_id not in {g.id for g in self.inst.groups.of_learner(self.learner.id)}:
            group_id = None  # never another learner's group, whatever asked for it
        self.group_id = group_id
        self._set_enabled(group_id is not None)
        if group_id is None:
            self.title.clear()
            self.code_label.clear()
            self._load_note(b"")
            return
        self._show_header()
        self._load_note(self.inst.group_notes.state(group_id, DEFAULT_NOTE))
        self.refresh_questions()
        self.refresh_presence()
        self.group_changed.emit(group_id)

    def _show_header(self) -> None:
        if self.group_id is None:
            return
        group = self.inst.groups.get(self.group_id)
        self.title.setText(group.name)
        self.code_label.setText(self.tr("Join code: {code}").format(code=self.inst.groups.code(group.id) or ""))

    def set_lesson(self, lesson: str | None) -> None:
        """The lesson on screen (``pack/lesson``): new groups study it, questions are about it."""
        self.lesson = lesson
        self.refresh_questions()

    # -- shared note --------------------------------------------------------------------------
    def _load_note(self, state: bytes) -> None:
        self.doc, self.text = doc_from_state(state)
        self._show_text(str(self.text))

    def _show_text(self, new: str) -> None:
        old = self.editor.toPlainText()
        if old == new:
            return
        cursor = self.editor.textCursor()
        pos = cursor.position()
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        if start < pos:  # the change is before the cursor: move it along with the text
            pos = max(start, pos + len(new) - len(old))
        self._loading = True
        self.editor.setPlainText(new)
        self._loading = False
        cursor = self.editor.textCursor()
        cursor.setPosition(min(pos, len(new)), QTextCursor.MoveMode.MoveAnchor)
        self.editor.setTextCursor(cursor)

    def _typed(self) -> None:
        if not self._loading and self.group_id is not None:
            self.typing.start()

    def flush(self) -> None:
        """Record what was typed since the editor last matched the document, as one CRDT edit."""
        self.typing.stop()
        if self.group_id is None or self.doc is None or self.text is None:
            return
        typed = self.editor.toPlainText()
        if typed == str(self.text):
            return
        before = self.doc.get_state()
        diff_edit(self.text, str(self.text), typed)
        self.inst.group_notes.record(self.group_id, self.learner.id, self.doc.get_update(before), DEFAULT_NOTE)

    def _listener(self, events: list[Event]) -> None:
        with contextlib.suppress(RuntimeError):  # the panel is gone: the log is told on destroy, only a race
            self.events_arrived.emit(events)

    def _on_events(self, events: list[Event]) -> None:
        if self._shut:
            return
        if any(ev.kind in (KEY_KEPT, KEY_DROPPED) and ev.learner_id == self.learner.id for ev in events):
            self.refresh_groups()  # a group of this learner's came from another PC of the centre, or went
        if self.group_id is None:
            return
        scope = f"group:{self.group_id}"
        mine = [ev for ev in events if ev.scope == scope]
        if not mine:
            return
        edits = [ev for ev in mine if ev.kind == "group.note_edited" and ev.payload.get("note") == DEFAULT_NOTE]
        if edits and self.doc is not None and self.text is not None:
            self.flush()
            for ev in edits:
                try:
                    self.doc.apply_update(base64.b64decode(str(ev.payload.get("update", "")), validate=True))
                except (ValueError, binascii.Error):
                    continue
            self._show_text(str(self.text))
        if any(ev.kind.startswith("group.question") for ev in mine):
            self.refresh_questions()
        if any(ev.kind.startswith("group.member") or ev.kind == "group.created" for ev in mine):
            self.refresh_groups()
            self.refresh_presence()

    # -- presence and questions -----------------------------------------------------------------
    def refresh_presence(self) -> None:
        if self.node is not None:
            self.nearby.clear()
            for n in self.node.nearby():
                item = QListWidgetItem(f"{n.name} ({n.address})")
                item.setData(ROLE, n.address)
                self.nearby.addItem(item)
        self.online.clear()
        if self.group_id is None:
            self.members.clear()
            self.remove_button.setEnabled(False)
            return
        self.refresh_members()
        if self.node is not None:
            members = self.node.online_members(self.group_id)
        else:  # no network yet: only who sits here
            members = [m for m in self.inst.groups.members(self.group_id) if m.learner_id == self.learner.id]
        for m in members:
            self.online.addItem(m.name)

    def refresh_members(self) -> None:
        if self.group_id is None:
            return
        chosen = self.members.currentItem().data(ROLE) if self.members.currentItem() else None
        group = self.inst.groups.get(self.group_id)
        self.members.clear()
        for m in group.members:
            label = self.tr("{name} (started the group)").format(name=m.name) if m.is_creator else m.name
            item = QListWidgetItem(label)
            item.setData(ROLE, m.learner_id)
            self.members.addItem(item)
            if m.learner_id == chosen:
                self.members.setCurrentItem(item)
        self.remove_button.setEnabled(group.creator == self.learner.id)

    def remove_member(self) -> None:
        item = self.members.currentItem()
        if self.group_id is None or item is None or item.data(ROLE) == self.learner.id:
            self.message.setText(self.tr("Choose the member to remove, then press Remove member."))
            return
        try:
            code = self.inst.groups.remove(self.group_id, str(item.data(ROLE)), by=self.learner.id)
        except HubDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            self.tr("Removed. The old join code no longer works; newcomers join with %1.").replace("%1", code)
        )

    def leave_group(self) -> None:
        if self.group_id is None:
            return
        try:
            self.inst.groups.leave(self.group_id, self.learner.id)
        except HubDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("You left the group. Its notes stay on this PC."))
        self.refresh_groups()

    def refresh_questions(self) -> None:
        self.questions.clear()
        if self.group_id is None:
            return
        for q in self.inst.group_questions.thread(self.group_id, self.lesson):
            item = QTreeWidgetItem([self.tr("{name} asks: {text}").format(name=q.name, text=q.text)])
            item.setData(0, ROLE, q.id)
            for a in q.answers:
                item.addChild(QTreeWidgetItem([self.tr("{name}: {text}").format(name=a.name, text=a.text)]))
            self.questions.addTopLevelItem(item)
        self.questions.expandAll()

    def ask(self) -> None:
        words = self.question_input.text().strip()
        if not words or self.group_id is None:
            return
        try:
            self.inst.group_questions.ask(self.group_id, self.learner, words, lesson=self.lesson or "")
        except HubDeskError as exc:
            self.message.setText(str(exc))
            return
        self.question_input.clear()

    def answer(self) -> None:
        words = self.question_input.text().strip()
        item = self.questions.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        if not words or self.group_id is None or item is None:
            self.message.setText(self.tr("Choose a question, write your answer, then press Answer."))
            return
        try:
            self.inst.group_questions.answer(self.group_id, str(item.data(0, ROLE)), self.learner, words)
        except HubDeskError as exc:
            self.message.setText(str(exc))
            return
        self.question_input.clear()
