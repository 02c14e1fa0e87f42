"""The signed-in learner's screen: a top bar (courses, progress, search, switch learner) over pages.

Built for one learner at sign-in and discarded at sign-out. Pages are created here and talk to
each other only through this shell's navigation methods, so each page stays a thin view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.library import LibraryPage, PackPage
from hubdesk.ui.progress_view import ProgressPage
from hubdesk.ui.quiz_view import QuizPage
from hubdesk.ui.reader import ReaderPage
from hubdesk.ui.search_view import SearchPage
from hubdesk.ui.topbar import NameButton, TopBar


class LearnerShell(QWidget):
    switch_requested = Signal()
    settings_requested = Signal()
    learners_changed = Signal()

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.setObjectName("page")
        self.body = QStackedWidget()
        self.library = LibraryPage(ctx, learner)
        self.pack_page = PackPage(ctx, learner)
        self.reader = ReaderPage(ctx, learner)
        self.quiz = QuizPage(ctx, learner)
        self.progress = ProgressPage(ctx, learner)
        self.search_page = SearchPage(ctx, learner)
        for page in (self.library, self.pack_page, self.reader, self.quiz, self.progress, self.search_page):
            self.body.addWidget(page)
        self.extra_pages: dict[str, QWidget] = {}

        self.library.pack_requested.connect(self.open_pack)
        self.library.lesson_requested.connect(self.open_lesson)
        self.pack_page.lesson_requested.connect(self.open_lesson)
        self.pack_page.back_requested.connect(self.show_library)
        self.reader.back_requested.connect(self.open_pack)
        self.reader.quiz_requested.connect(self.open_quiz)
        self.reader.lesson_requested.connect(self.open_lesson)
        self.quiz.back_requested.connect(self.back_to_lesson)
        self.search_page.result_opened.connect(self.open_result)
        self.search_page.query_chosen.connect(self.search)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self._build_topbar())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(32, 8, 32, 0)
        self.message.hide()
        lay.addWidget(self.message)
        lay.addWidget(self.body, 1)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search_field.setFocus)
        QShortcut(QKeySequence("Ctrl+Home"), self, self.show_library)
        self.show_library()

    def _build_topbar(self) -> QFrame:
        bar = TopBar()
        self.topbar = bar
        self.home_button = QPushButton(self.tr("My courses"))
        self.home_button.clicked.connect(self.show_library)
        self.progress_button = QPushButton(self.tr("My progress"))
        self.progress_button.clicked.connect(self.show_progress)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search lessons and notes"))
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(lambda: self.search(self.search_field.text()))
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(lambda: self.search(self.search_field.text()))
        bar.add(self.home_button, foldable=True)
        bar.add(self.progress_button, foldable=True)
        bar.add_spacing(12)
        bar.add(self.search_field, 1)
        bar.add(self.search_button, foldable=True, in_menu=False)  # folded, Enter in the field searches
        bar.add_spacing(12)
        self.group_button = QPushButton(self.tr("Study group"))
        self.group_button.setToolTip(self.tr("Learn with others on this network: a shared note and questions"))
        self.group_button.clicked.connect(self.show_group)
        bar.add(self.group_button, foldable=True)
        self.facilitator_buttons: list[QPushButton] = []
        if self.learner.is_facilitator:
            self.manage_button = QPushButton(self.tr("Facilitator"))
            self.manage_button.setToolTip(self.tr("Learners, course packs and sync"))
            self.manage_button.clicked.connect(self.show_manage)
            bar.add(self.manage_button, foldable=True)
            self.facilitator_buttons.append(self.manage_button)
        self.name_button = NameButton(self.learner.name, self.learner.colour)
        menu = self.name_button.name_menu
        menu.addAction(self.tr("Settings: text size, contrast, language")).triggered.connect(self.settings_requested)
        menu.addAction(self.tr("Switch learner")).triggered.connect(self.switch_requested)
        bar.add(self.name_button)
        self.switch_button = QPushButton(self.tr("Switch learner"))
        self.switch_button.setToolTip(self.tr("Sign out so someone else can use this computer"))
        self.switch_button.clicked.connect(self.switch_requested)
        bar.add(self.switch_button, foldable=True)
        return bar

    # -- navigation --------------------------------------------------------------------------------
    def _go(self, page: QWidget) -> None:
        if self.body.currentWidget() is self.reader and page is not self.reader:
            self.reader.leave()
        if page is not self.quiz:
            self.quiz.leave()
        self.message.hide()
        self.body.setCurrentWidget(page)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def pack(self, pack_id: str) -> Any:
        for pack in self.ctx.inst.packs.list():
            if pack.id == pack_id:
                return pack
        return None

    def show_library(self) -> None:
        self.library.refresh()
        self._go(self.library)

    def open_pack(self, pack_id: str) -> None:
        pack = self.pack(pack_id)
        if pack is None:
            self.show_library()
            return
        self.pack_page.show_pack(pack)
        self._go(self.pack_page)

    def open_lesson(self, pack_id: str, lesson_id: str) -> None:
        pack = self.pack(pack_id)
        if pack is None:
            self.show_library()
            self.say(self.tr("That course is not on this computer any more."))
            return
        try:
            self.reader.show_lesson(pack, lesson_id)
        except HubDeskError as exc:
            self.open_pack(pack_id)
            self.say(str(exc))
            return
        group = self.extra_pages.get("group")
        if group is not None:  # questions asked in the group are about the lesson on screen
            group.set_lesson(f"{pack_id}/{lesson_id}")  # type: ignore[attr-defined]
        self._go(self.reader)

    def open_quiz(self, pack_id: str, lesson_id: str) -> None:
        pack = self.pack(pack_id)
        try:
            shown = pack is not None and self.quiz.show_quiz(pack, lesson_id)
        except HubDeskError as exc:
            self.say(str(exc))
            return
        if shown:
            self._go(self.quiz)

    def back_to_lesson(self, pack_id: str, lesson_id: str) -> None:
        if self.reader.lesson is not None and self.reader.lesson.id == lesson_id:
            self.reader.resume()
            self._go(self.reader)
        else:
            self.open_lesson(pack_id, lesson_id)

    def show_progress(self) -> None:
        self.progress.refresh()
        self._go(self.progress)

    def search(self, query: str) -> None:
        if not query.strip():
            return
        self.search_field.setText(query)
        self.search_page.search(query)
        self._go(self.search_page)

    def open_result(self, kind: str, pack_id: str, lesson_id: str) -> None:
        self.open_lesson(pack_id, lesson_id)
        if kind == "note":
            self.reader.notes_toggle.setChecked(True)
            self.reader.notes.editor.setFocus()

    # -- study group ----------------------------------------------------------------------------
    def show_group(self) -> None:
        panel = self.extra_pages.get("group")
        if panel is None:
            from hubdesk.ui.group_panel import GroupPanel

            group = GroupPanel(self.ctx, self.learner)
            page = QWidget()  # the panel inside the same margins as the other pages
            page.setObjectName("page")
            lay = QVBoxLayout(page)
            lay.setContentsMargins(24, 16, 24, 12)
            lay.addWidget(group)
            self.body.addWidget(page)
            self.group_page = page
            self.extra_pages["group"] = group
            panel = group
            peers = self.ctx.extras.get("peers")
            if peers is not None:
                peers.request(self._node_ready)  # type: ignore[attr-defined]
        if self.reader.pack is not None and self.reader.lesson is not None:
            panel.set_lesson(f"{self.reader.pack.id}/{self.reader.lesson.id}")  # type: ignore[attr-defined]
        self._go(self.group_page)

    def _node_ready(self, node: object) -> None:
        panel = self.extra_pages.get("group")
        if panel is None:
            return
        if node is None:
            peers = self.ctx.extras.get("peers")
            self.say(str(getattr(peers, "error", "")))
            return
        panel.node = node  # type: ignore[attr-defined]
        panel.refresh_presence()  # type: ignore[attr-defined]

    # -- facilitator ------------------------------------------------------------------------------
    def add_pack(self) -> None:
        from hubdesk.ui.add_pack import AddPackDialog

        dialog = AddPackDialog(self.ctx, self)
        dialog.installed.connect(lambda _r: self.library.refresh())
        dialog.open()
        self.add_pack_dialog = dialog

    def _has_password(self) -> bool:
        if "password" not in self.ctx.inst.learners.get(self.learner.id).secrets:
            # a facilitator added without a password (e.g. with the CLI) sets one before any facilitator task
            from hubdesk.ui.learner_dialogs import LearnerDialog

            dialog = LearnerDialog(self.ctx, self, learner=self.ctx.inst.learners.get(self.learner.id))
            dialog.method.setCurrentIndex(dialog.method.findData("password"))
            if not dialog.exec():
                return False
        return True

    def show_console(self) -> None:
        """ "My learners": the centre's reports (facilitators only, behind their password)."""
        if not self.learner.is_facilitator or not self._has_password():
            return
        page = self.extra_pages.get("console")
        if page is None:
            from hubdesk.ui.console import ConsolePage

            page = ConsolePage(self.ctx, self.learner)
            self.body.addWidget(page)
            self.extra_pages["console"] = page
        page.refresh()  # type: ignore[attr-defined]
        self._go(page)

    def show_manage(self) -> None:
        if not self._has_password():
            return
        page = self.extra_pages.get("manage")
        if page is None:
            from hubdesk.ui.manage import ManagePage

            manage = ManagePage(self.ctx, self.learner)
            manage.changed.connect(self.learners_changed)
            manage.add_pack_requested.connect(self.add_pack)
            manage.settings_requested.connect(self.settings_requested)
            manage.console_requested.connect(self.show_console)
            self.body.addWidget(manage)
            self.extra_pages["manage"] = manage
            page = manage
        page.refresh()  # type: ignore[attr-defined]
        self._go(page)

    # -- leaving -----------------------------------------------------------------------------------
    def close_session(self) -> None:
        """Sign-out: keep the note being typed and the time spent on the lesson on screen."""
        self.search_page.generation += 1  # a search still running must not show up after sign-out
        group = self.extra_pages.get("group")
        if group is not None:
            group.shutdown()  # type: ignore[attr-defined]
        self.quiz.leave()
        self.reader.leave()
