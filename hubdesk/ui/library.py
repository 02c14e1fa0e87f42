"""The learner's library: their courses with progress, a language filter, and "continue".

Reads packs and progress on demand (cheap SQL and the installed manifests), so it always shows
the packs a facilitator has just installed without any cache to invalidate.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.ui.context import AppContext


def language_name(code: str) -> str:
    """The language's own name ("Français"), for learners who may not read English."""
    locale = QLocale(code)
    if not code or locale.language() == QLocale.Language.C:
        return code
    name = QLocale.languageToString(locale.language()) if locale.language() == QLocale.Language.English else ""
    name = name or locale.nativeLanguageName()
    return name[:1].upper() + name[1:]


def lesson_title(pack: Any, lesson_id: str) -> str:
    for lesson in pack.lessons:
        if lesson.id == lesson_id:
            return str(lesson.title)
    return lesson_id


class PackCard(QFrame):
    open_requested = Signal(str)

    def __init__(self, pack: Any, progress: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.pack_id = pack.id
        title = QLabel(pack.title)
        title.setProperty("look", "heading")
        title.setWordWrap(True)
        details = QLabel(
            self.tr("%1 · version %2").replace("%1", language_name(pack.language)).replace("%2", pack.version)
        )
        details.setObjectName("muted")
        bar = QProgressBar()
        bar.setRange(0, max(1, progress.total))
        bar.setValue(progress.finished)
        bar.setTextVisible(False)
        bar.setAccessibleName(self.tr("Progress"))
        done = QLabel(
            self.tr("%1 of %2 lessons finished")
            .replace("%1", str(progress.finished))
            .replace("%2", str(progress.total))
        )
        mastered = QLabel(self.tr("%n quiz(zes) mastered", "", progress.mastered_quizzes))
        mastered.setObjectName("muted")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("primary")
        self.open_button.setAccessibleName(self.tr("Open %1").replace("%1", pack.title))
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.pack_id))
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(title)
        description = str(getattr(pack, "description", "") or "")
        if description:
            about = QLabel(description if len(description) <= 180 else description[:177].rstrip() + "…")
            about.setWordWrap(True)
            text.addWidget(about)
        text.addWidget(details)
        text.addWidget(bar)
        row = QHBoxLayout()
        row.addWidget(done)
        row.addStretch()
        row.addWidget(mastered)
        text.addLayout(row)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(24)
        lay.addLayout(text, 1)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)


class LibraryPage(QWidget):
    pack_requested = Signal(str)
    lesson_requested = Signal(str, str)

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.setObjectName("page")
        self.cards: list[PackCard] = []
        self.continue_target: tuple[str, str] | None = None
        hello = QLabel(self.tr("Hello, %1!").replace("%1", learner.name))
        hello.setObjectName("title")
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("primary")
        self.continue_button.setProperty("look", "continue")
        self.continue_button.clicked.connect(self._continue)
        heading = QLabel(self.tr("Your courses"))
        heading.setObjectName("subtitle")
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Show courses in"))
        self.language.currentIndexChanged.connect(self.refresh_cards)
        filter_row = QHBoxLayout()
        filter_row.addWidget(heading)
        filter_row.addStretch()
        filter_row.addWidget(QLabel(self.tr("Language:")))
        filter_row.addWidget(self.language)
        self.empty = QLabel(self.tr("There are no courses on this computer yet. Ask a facilitator to add one."))
        self.empty.setObjectName("subtitle")
        self.empty.setWordWrap(True)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(14)
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 8, 0)
        hl.addLayout(self.cards_box)
        hl.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 16)
        lay.setSpacing(12)
        lay.addWidget(hello)
        lay.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addLayout(filter_row)
        lay.addWidget(self.empty)
        lay.addWidget(scroll, 1)
        self.refresh()

    def packs(self) -> list[Any]:
        """The courses, those in the interface's language first: a French speaker starts in French."""
        language = self.ctx.settings.language
        packs = list(self.ctx.inst.packs.list())
        return sorted(packs, key=lambda p: str(p.language).split("-")[0] != language)

    def refresh(self) -> None:
        packs = self.packs()
        self._packs = packs
        current = self.language.currentData()
        self.language.blockSignals(True)
        self.language.clear()
        self.language.addItem(self.tr("All languages"), "")
        for code in sorted({p.language for p in packs}):
            self.language.addItem(language_name(code), code)
        idx = self.language.findData(current) if current else 0
        self.language.setCurrentIndex(max(0, idx))
        self.language.blockSignals(False)
        self._refresh_continue(packs)
        self.refresh_cards()

    def _refresh_continue(self, packs: list[Any]) -> None:
        pos = self.ctx.inst.progress.last_position(self.learner.id)
        by_id = {p.id: p for p in packs}
        if pos is not None and pos[0] in by_id:
            self.continue_target = pos
            title = lesson_title(by_id[pos[0]], pos[1])
            # two lines, so a long lesson title never makes the page wider than a small screen
            self.continue_button.setText(self.tr("Continue where you left off:\n%1").replace("%1", title))
            self.continue_button.show()
        elif packs:
            first = packs[0]
            self.continue_target = (first.id, first.lessons[0].id) if first.lessons else None
            self.continue_button.setText(self.tr("Start your first lesson:\n%1").replace("%1", first.title))
            self.continue_button.setVisible(self.continue_target is not None)
        else:
            self.continue_target = None
            self.continue_button.hide()

    def refresh_cards(self) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards.clear()
        wanted = self.language.currentData() or ""
        shown = [p for p in self._packs if not wanted or p.language == wanted]
        for pack in shown:
            summary = self.ctx.inst.progress.pack_summary(self.learner.id, pack.id, [ls.id for ls in pack.lessons])
            card = PackCard(pack, summary)
            card.open_requested.connect(self.pack_requested)
            self.cards_box.addWidget(card)
            self.cards.append(card)
        self.empty.setVisible(not self._packs)

    def _continue(self) -> None:
        if self.continue_target is not None:
            self.lesson_requested.emit(*self.continue_target)


class PackPage(QWidget):
    """One course: its lessons in order, with what this learner has finished and mastered."""

    lesson_requested = Signal(str, str)
    back_requested = Signal()

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.pack: Any = None
        self.setObjectName("page")
        back = QPushButton(self.tr("← My courses"))
        back.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("subtitle")
        self.lessons = QListWidget()
        self.lessons.setProperty("look", "biglist")
        self.lessons.setAccessibleName(self.tr("Lessons"))
        self.lessons.itemActivated.connect(self._activated)
        self.lessons.itemClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 16, 32, 16)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch()
        lay.addLayout(top)
        lay.addWidget(self.title)
        lay.addWidget(self.summary)
        lay.addWidget(self.lessons, 1)

    def show_pack(self, pack: Any) -> None:
        self.pack = pack
        self.title.setText(pack.title)
        progress = self.ctx.inst.progress
        report = {
            lr.lesson_id: lr
            for pr in progress.learner_report(self.learner.id).packs
            if pr.pack_id == pack.id
            for lr in pr.lessons
        }
        self.lessons.clear()
        finished = 0
        for i, lesson in enumerate(pack.lessons, start=1):
            r = report.get(lesson.id)
            marks = []
            if r is not None and r.finished:
                finished += 1
                marks.append(self.tr("finished"))
            if r is not None and r.mastered:
                marks.append(self.tr("quiz mastered"))
            tick = "✔" if r is not None and r.finished else "○"
            text = f"{tick}  {i}. {lesson.title}"
            if marks:
                text += f"   ({', '.join(marks)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            self.lessons.addItem(item)
        self.summary.setText(
            self.tr("%1 of %2 lessons finished").replace("%1", str(finished)).replace("%2", str(len(pack.lessons)))
        )
        self.lessons.setCurrentRow(0)
        self.lessons.setFocus()

    def _activated(self, item: QListWidgetItem) -> None:
        if self.pack is not None:
            self.lesson_requested.emit(self.pack.id, item.data(Qt.ItemDataRole.UserRole))
