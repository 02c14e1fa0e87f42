"""What a learner has done: lessons finished, quizzes mastered and time spent, per course."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext


def wrapped(text: str) -> QLabel:
    """A label that wraps: three of them side by side must fit a small screen in any language."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ProgressPage(QWidget):
    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.setObjectName("page")
        title = QLabel(self.tr("My progress"))
        title.setObjectName("title")
        self.total = QLabel()
        self.total.setObjectName("subtitle")
        self.box = QVBoxLayout()
        self.box.setSpacing(12)
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.addLayout(self.box)
        hl.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.contributions_button = QPushButton(self.tr("My contributions"))
        self.contributions_button.setToolTip(self.tr("What you added to lessons, and what the facilitator said"))
        self.contributions_button.clicked.connect(self.show_contributions)
        self.dialog: QDialog | None = None
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch()
        head.addWidget(self.contributions_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 16)
        lay.addLayout(head)
        lay.addWidget(self.total)
        lay.addWidget(scroll, 1)
        self.rows: list[QFrame] = []

    def show_contributions(self) -> None:
        from hubdesk.ui.contributions_view import MyContributionsDialog

        dialog = MyContributionsDialog(self.ctx, self.learner, self)
        dialog.edit_requested.connect(self.edit_contribution)
        self.dialog = dialog
        dialog.open()

    def edit_contribution(self, contribution_id: str) -> None:
        """Change a contribution that is still the learner's (a draft, or changes asked) and resend it."""
        from hubdesk.ui.contribution_editor import ContributionEditor

        item = self.ctx.inst.contributions.get(contribution_id)
        try:
            pack = self.ctx.inst.packs.get(item.content.pack) if item.content.pack else None
        except HubDeskError:
            pack = None
        lesson = item.content.lesson if pack is not None else None
        editor = ContributionEditor(self.ctx, self.learner, pack, lesson, existing=item, parent=self)
        if self.dialog is not None:
            editor.finished.connect(lambda _r: self.dialog.refresh() if self.dialog else None)  # type: ignore[attr-defined]
        self.editor = editor
        editor.open()

    def duration_text(self, seconds: float) -> str:
        if seconds <= 0:  # a course never opened: no time, not "less than a minute"
            return self.tr("none yet")
        minutes = round(seconds / 60)
        if minutes < 1:
            return self.tr("less than a minute")
        if minutes < 60:
            return self.tr("%n minute(s)", "", minutes)
        return self.tr("%n hour(s)", "", minutes // 60) + " " + self.tr("%n minute(s)", "", minutes % 60)

    def refresh(self) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows.clear()
        progress = self.ctx.inst.progress
        total_seconds = 0.0
        total_finished = 0
        for pack in self.ctx.inst.packs.list():
            quizzes = sum(1 for ls in pack.lessons if getattr(ls, "quiz_path", None))
            s = progress.pack_summary(self.learner.id, pack.id, [ls.id for ls in pack.lessons])
            total_seconds += s.seconds
            total_finished += s.finished
            card = QFrame()
            card.setObjectName("card")
            grid = QGridLayout(card)
            grid.setContentsMargins(20, 14, 20, 14)
            name = QLabel(pack.title)
            name.setProperty("look", "heading")
            bar = QProgressBar()
            bar.setRange(0, max(1, s.total))
            bar.setValue(s.finished)
            bar.setTextVisible(False)
            grid.addWidget(name, 0, 0, 1, 3)
            grid.addWidget(bar, 1, 0, 1, 3)
            grid.addWidget(
                wrapped(
                    self.tr("Lessons finished: %1 of %2").replace("%1", str(s.finished)).replace("%2", str(s.total))
                ),
                2,
                0,
            )
            grid.addWidget(
                wrapped(
                    self.tr("Quizzes mastered: %1 of %2")
                    .replace("%1", str(s.mastered_quizzes))
                    .replace("%2", str(quizzes))
                ),
                2,
                1,
            )
            grid.addWidget(wrapped(self.tr("Time spent: %1").replace("%1", self.duration_text(s.seconds))), 2, 2)
            self.box.addWidget(card)
            self.rows.append(card)
        self.total.setText(
            self.tr("%n lesson(s) finished", "", total_finished)
            + " · "
            + self.tr("Time spent: %1").replace("%1", self.duration_text(total_seconds))
        )
