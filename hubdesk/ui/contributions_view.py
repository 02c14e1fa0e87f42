"""A learner's own contributions with their state, and the facilitators' review queue.

The learner sees each contribution's state in words (draft, sent, changes asked with the
facilitator's comment, approved, declined with the reason) and can change and resend one that is
still theirs. The facilitator sees what waits, read as learners will read it, and approves
(with light edits to the text), asks for changes with a comment, or declines with a reason.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.contributions import (
    APPROVED,
    CHANGES_ASKED,
    DECLINED,
    DRAFT,
    OPEN,
    SUBMITTED,
    WITHDRAWN,
    Content,
    Contribution,
)
from hubdesk.core.learners import Learner
from hubdesk.core.render import render_markdown
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import FittingDialog
from hubdesk.ui.report_words import centre_name

ROLE_ID = Qt.ItemDataRole.UserRole


class ContributionWords(QWidget):
    """Words for states and kinds (a QObject for self.tr), and a contribution shown as HTML."""

    def state(self, item: Contribution) -> str:
        return {
            DRAFT: self.tr("Draft: not sent yet"),
            SUBMITTED: self.tr("Sent: waiting for the facilitator"),
            CHANGES_ASKED: self.tr("Changes asked: %1"),
            APPROVED: self.tr("Approved: every learner of the centre can read it"),
            DECLINED: self.tr("Declined: %1"),
            WITHDRAWN: self.tr("Withdrawn"),
        }[item.state].replace("%1", item.comment)

    def kind(self, kind: str) -> str:
        return {
            "tip": self.tr("Tip"),
            "example": self.tr("Example"),
            "question": self.tr("Question"),
            "translation": self.tr("Translation"),
            "lesson": self.tr("New lesson"),
        }.get(kind, kind)

    def as_html(self, item: Contribution, centre: str) -> str:
        c = item.approved or item.content
        e = html.escape
        head = f"<h2>{e(self.kind(c.kind))}{': ' + e(c.title) if c.title else ''}</h2>"
        by = self.tr("By %1, for “%2”.").replace("%1", item.by(centre)).replace("%2", f"{c.pack} / {c.lesson}")
        parts = [head, f"<p><i>{e(by)}</i></p>"]
        if c.kind == "question" and c.question:
            q = c.question
            parts.append(f"<p><b>{e(str(q.get('prompt', '')))}</b></p>")
            choices = q.get("choices") or []
            right = q.get("answers", [q.get("answer")])
            if choices:
                parts.append(
                    "<ol>"
                    + "".join(f"<li>{e(str(ch))}{' ✔' if i in right else ''}</li>" for i, ch in enumerate(choices))
                    + "</ol>"
                )
            else:
                answer = self.tr("Answer: %1").replace("%1", str(q.get("accept", q.get("answer"))))
                parts.append(f"<p>{e(answer)}</p>")
        elif c.kind == "translation":
            language = self.tr("Language: %1").replace("%1", c.language or "")
            parts.append(f"<p>{e(language)}</p><table width='100%'>")
            for source, text in c.paragraphs:
                if text.strip():
                    parts.append(f"<tr><td width='50%' style='color:#666'>{e(source)}</td><td>{e(text)}</td></tr>")
            parts.append("</table>")
        else:
            parts.append(render_markdown(c.body).html)
        return "".join(parts)


class MyContributionsDialog(FittingDialog):
    """The signed-in learner's contributions, newest first; change and resend, or withdraw."""

    edit_requested = Signal(str)

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.words = ContributionWords()
        self.setWindowTitle(self.tr("My contributions"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(200)
        self.list.currentRowChanged.connect(self._selection)
        self.view = QTextBrowser()
        self.view.setMinimumHeight(160)
        self.edit_button = QPushButton(self.tr("Change and send again"))
        self.edit_button.clicked.connect(self._edit)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.clicked.connect(self._withdraw)
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.withdraw_button)
        row.addStretch()
        for w in (self.list, self.view):
            self.body_layout.addWidget(w)
        self.body_layout.addLayout(row)
        self.body_layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.add_footer(close)
        self.refresh()

    def refresh(self) -> None:
        self.items = self.ctx.inst.contributions.mine(self.learner.id)
        self.list.clear()
        if not self.items:
            self.list.addItem(self.tr("Nothing yet. In a lesson, tap “Add to this lesson”."))
        for item in self.items:
            entry = QListWidgetItem(f"{self.words.kind(item.content.kind)} · {item.title}\n{self.words.state(item)}")
            entry.setData(ROLE_ID, item.id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self._selection()

    def selected(self) -> Contribution | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selection(self) -> None:
        item = self.selected()
        self.view.setHtml(self.words.as_html(item, centre_name(self.ctx.inst)) if item else "")
        self.edit_button.setEnabled(item is not None and item.state in OPEN)
        self.withdraw_button.setEnabled(item is not None and item.state in (*OPEN, APPROVED))

    def _edit(self) -> None:
        item = self.selected()
        if item is not None:
            self.edit_requested.emit(item.id)

    def _withdraw(self) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            self.ctx.inst.contributions.withdraw(self.learner, item.id)
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self.refresh()


class ReviewPanel(QWidget):
    """The facilitator's queue: what learners sent, oldest first."""

    decided = Signal(str, str)  # contribution id, new state

    def __init__(self, ctx: AppContext, facilitator: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.facilitator = facilitator
        self.words = ContributionWords()
        self.items: list[Contribution] = []
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._selection)
        self.view = QTextBrowser()
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(self.tr("Light edits to the text before approving (spelling, a word)"))
        self.edit.setMaximumHeight(90)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("A comment for the learner (needed to ask for changes or decline)"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("primary")
        self.approve_button.clicked.connect(self.approve)
        self.changes_button = QPushButton(self.tr("Ask for changes"))
        self.changes_button.clicked.connect(self.ask_changes)
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.setObjectName("danger")
        self.decline_button.clicked.connect(self.decline)
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.approve_button, self.changes_button, self.decline_button):
            buttons.addWidget(b)
        buttons.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.view, 1)
        right.addWidget(self.edit)
        right.addWidget(self.comment)
        right.addLayout(buttons)
        right.addWidget(self.error)
        lay = QHBoxLayout(self)
        lay.addWidget(self.list, 2)
        lay.addLayout(right, 3)

    def refresh(self) -> None:
        self.items = self.ctx.inst.contributions.queue()
        self.list.clear()
        if not self.items:
            self.list.addItem(self.tr("Nothing waits for you."))
        for item in self.items:
            entry = QListWidgetItem(f"{self.words.kind(item.content.kind)} · {item.title}\n{item.author_name}")
            entry.setData(ROLE_ID, item.id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self._selection()

    def selected(self) -> Contribution | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selection(self) -> None:
        item = self.selected()
        self.error.clear()
        self.comment.clear()
        self.view.setHtml(self.words.as_html(item, centre_name(self.ctx.inst)) if item else "")
        editable = item is not None and item.content.kind in ("tip", "example", "lesson")
        self.edit.setVisible(editable)
        self.edit.setPlainText(item.content.body if item is not None and editable else "")
        for b in (self.approve_button, self.changes_button, self.decline_button):
            b.setEnabled(item is not None)

    def _do(self, action: Any) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            done = action(item)
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self.decided.emit(done.id, done.state)
        self.refresh()

    def approve(self) -> None:
        def go(item: Contribution) -> Contribution:
            edited = None
            if self.edit.isVisible() and self.edit.toPlainText() != item.content.body:
                c = item.content
                edited = Content(
                    c.kind,
                    c.pack,
                    c.lesson,
                    c.title,
                    self.edit.toPlainText(),
                    c.language,
                    c.paragraphs,
                    c.question,
                    c.attribution,
                )
            return self.ctx.inst.contributions.approve(self.facilitator, item.id, edited, self.comment.text())

        self._do(go)

    def ask_changes(self) -> None:
        self._do(lambda item: self.ctx.inst.contributions.ask_changes(self.facilitator, item.id, self.comment.text()))

    def decline(self) -> None:
        self._do(lambda item: self.ctx.inst.contributions.decline(self.facilitator, item.id, self.comment.text()))
