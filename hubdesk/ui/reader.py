"""The lesson reader: rendered Markdown in a QTextBrowser, with notes, text size and navigation.

QTextBrowser rather than a web engine: it starts in milliseconds, needs a fraction of the memory
on an old PC, and cannot fetch anything from the network. Images load only from the pack's own
folder; in-pack links (``hubdesk:lesson/<id>``) move between lessons; a web link is never opened
silently: the learner is told it needs the internet and may copy it.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui import style
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import FittingDialog
from hubdesk.ui.notes_panel import NotesPanel
from hubdesk.ui.read_aloud import ReadAloudBar
from hubdesk.ui.report_words import centre_name
from hubdesk.ui.translations import is_rtl

LESSON_SCHEME = "hubdesk"
TEXT_SIZE_MIN, TEXT_SIZE_MAX, TEXT_SIZE_STEP = 10, 32, 2


class LessonBrowser(QTextBrowser):
    """Loads images from the pack folder only, scaled to fit; never from the network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        image_kinds = (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.ImageResource.value)
        if kind not in image_kinds or self.root is None:
            return None
        if url.scheme() not in ("", "file") or url.host():
            return None
        rel = url.path()
        path = Path(rel).resolve() if url.scheme() == "file" else (self.root / rel.lstrip("/")).resolve()
        root = self.root.resolve()
        if root not in path.parents or not path.is_file():
            return None
        image = QImage(str(path))
        if image.isNull():
            return None
        limit = max(200, self.viewport().width() - 60)
        if image.width() > limit:
            image = image.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
        return image


class WebLinkDialog(FittingDialog):
    """A web link in a lesson: say it needs the internet, offer to copy it."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This link needs the internet"))
        self.url = url
        text = QLabel(
            self.tr("This link goes to a web page. It needs the internet, which this computer may not have now.")
        )
        text.setWordWrap(True)
        text.setObjectName("message")
        self.field = QLineEdit(url)
        self.field.setReadOnly(True)
        self.field.setAccessibleName(self.tr("Web address"))
        self.copy = QPushButton(self.tr("Copy the link"))
        self.copy.setObjectName("primary")
        self.copy.clicked.connect(self.copy_link)
        self.copied = QLabel()
        self.copied.setObjectName("good")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.copy)
        row.addWidget(self.copied, 1)
        row.addWidget(close)
        close.setDefault(True)
        self.body_layout.addWidget(text)
        self.body_layout.addWidget(self.field)
        self.body_layout.addStretch()
        footer = QWidget()
        footer.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_footer(footer)

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
        self.copied.setText(self.tr("Copied."))


class ReaderPage(QWidget):
    back_requested = Signal(str)  # pack_id
    quiz_requested = Signal(str, str)
    lesson_finished = Signal(str, str)
    web_link_clicked = Signal(str)
    lesson_requested = Signal(str, str)  # another pack's lesson: what learners added, a translation

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.setObjectName("page")
        self.pack: Any = None
        self.lesson: Any = None
        self.opened_at: float | None = None
        self.link_dialog: WebLinkDialog | None = None
        self.text_size = self._load_text_size()

        self.back = QPushButton(self.tr("← Lessons"))
        self.back.clicked.connect(lambda: self.back_requested.emit(self.pack.id if self.pack else ""))
        self.title = QLabel()
        self.title.setProperty("look", "heading")
        self.title.setWordWrap(True)  # a long lesson title takes two lines, not the width of a small screen
        self.smaller = QPushButton(self.tr("A−"))
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.smaller.setToolTip(self.tr("Smaller text"))
        self.smaller.clicked.connect(lambda: self.set_text_size(self.text_size - TEXT_SIZE_STEP))
        self.bigger = QPushButton(self.tr("A+"))
        self.bigger.setAccessibleName(self.tr("Bigger text"))
        self.bigger.setToolTip(self.tr("Bigger text"))
        self.bigger.setProperty("look", "bigger")
        self.bigger.clicked.connect(lambda: self.set_text_size(self.text_size + TEXT_SIZE_STEP))
        self.notes_toggle = QPushButton(self.tr("My notes"))
        self.notes_toggle.setCheckable(True)
        self.notes_toggle.setChecked(True)
        self.contribute = QPushButton(self.tr("Add to this lesson"))
        self.contribute.setToolTip(self.tr("A tip, an example, a question or a translation, for other learners"))
        self.contribute.clicked.connect(self.add_to_lesson)
        self.editor: QDialog | None = None
        self.beside = QHBoxLayout()  # what learners added to this lesson, and its translations
        self.beside_buttons: list[QPushButton] = []
        self.beside.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.smaller)
        top.addWidget(self.bigger)
        top.addWidget(self.contribute)
        top.addWidget(self.notes_toggle)

        self.browser = LessonBrowser()
        self.browser.document().setDefaultStyleSheet(style.LESSON_CSS)
        self.browser.anchorClicked.connect(self.follow_link)
        self.notes = NotesPanel(ctx, learner)
        self.notes_toggle.toggled.connect(self.notes.setVisible)
        split = QSplitter()
        split.addWidget(self.browser)
        split.addWidget(self.notes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([780, 300])

        self.previous = QPushButton(self.tr("← Previous"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.finish = QPushButton(self.tr("I've finished this lesson"))
        self.finish.setObjectName("primary")
        self.finish.clicked.connect(self.mark_finished)
        self.quiz = QPushButton(self.tr("Take the quiz"))
        self.quiz.clicked.connect(self._quiz_clicked)
        self.next = QPushButton(self.tr("Next →"))
        self.next.clicked.connect(lambda: self.step(1))
        self.done_label = QLabel()
        self.done_label.setObjectName("good")
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous)
        bottom.addStretch()
        bottom.addWidget(self.done_label)
        bottom.addWidget(self.finish)
        bottom.addWidget(self.quiz)
        bottom.addStretch()
        bottom.addWidget(self.next)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 12, 20, 12)
        lay.addLayout(top)
        lay.addLayout(self.beside)
        self.read_aloud = ReadAloudBar(
            lambda: (self.browser.toPlainText(), str(getattr(self.pack, "language", "") or "en")), self.browser
        )
        lay.addWidget(self.read_aloud)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl++"), self, self.bigger.click)
        QShortcut(QKeySequence("Ctrl+="), self, self.bigger.click)
        QShortcut(QKeySequence("Ctrl+-"), self, self.smaller.click)
        QShortcut(QKeySequence("Alt+Right"), self, self.next.click)
        QShortcut(QKeySequence("Alt+Left"), self, self.previous.click)
        self._apply_text_size()

    # -- text size (remembered per learner) ----------------------------------------------------
    def _load_text_size(self) -> int:
        try:
            size = int(self.ctx.inst.learner_settings.text_size(self.learner.id))
        except HubDeskError:
            size = 14
        return max(TEXT_SIZE_MIN, min(TEXT_SIZE_MAX, size))

    def set_text_size(self, size: int) -> None:
        size = max(TEXT_SIZE_MIN, min(TEXT_SIZE_MAX, size))
        if size == self.text_size:
            return
        self.text_size = size
        self._apply_text_size()
        with contextlib.suppress(HubDeskError):  # the size still applies for this session
            self.ctx.inst.learner_settings.set_text_size(self.learner.id, size)

    def _apply_text_size(self) -> None:
        font = self.browser.font()
        font.setPointSize(self.text_size)
        self.browser.document().setDefaultFont(font)
        self.smaller.setEnabled(self.text_size > TEXT_SIZE_MIN)
        self.bigger.setEnabled(self.text_size < TEXT_SIZE_MAX)

    # -- showing a lesson --------------------------------------------------------------------------
    def show_lesson(self, pack: Any, lesson_id: str) -> None:
        self.leave()
        lesson = next((ls for ls in pack.lessons if ls.id == lesson_id), None)
        if lesson is None:
            raise HubDeskError(self.tr("This lesson is not in the course any more."))
        rendered = self.ctx.inst.packs.render_lesson(pack.id, lesson_id)
        self.pack, self.lesson = pack, lesson
        self.title.setText(rendered.title or lesson.title)
        self.browser.root = Path(self.ctx.inst.packs.pack_root(pack.id))
        self.browser.setSearchPaths([str(self.browser.root)])
        # an Arabic lesson reads right to left whatever the interface language (and an English one
        # left to right in the Arabic interface): every block gets the lesson's direction
        rtl = is_rtl(str(getattr(pack, "language", "") or ""))
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.browser.setHtml(f'<div dir="rtl">{rendered.html}</div>' if rtl else rendered.html)
        self.browser.verticalScrollBar().setValue(0)
        self.notes.show_lesson(pack.id, lesson_id)
        index = [ls.id for ls in pack.lessons].index(lesson_id)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(pack.lessons) - 1)
        self.quiz.setVisible(bool(getattr(lesson, "quiz_path", None)))
        self._show_finished(self.ctx.inst.progress.is_finished(self.learner.id, pack.id, lesson_id))
        self.ctx.inst.progress.open_lesson(self.learner.id, pack.id, lesson_id)
        self._show_beside(pack.id, lesson_id)
        self.contribute.setVisible(not pack.id.startswith("community-"))  # add to the course, not to additions
        self.opened_at = time.monotonic()
        self.browser.setFocus()

    def _show_beside(self, pack_id: str, lesson_id: str) -> None:
        from PySide6.QtCore import QLocale

        for b in self.beside_buttons:
            b.hide()
            b.deleteLater()
        self.beside_buttons.clear()
        if pack_id.startswith("community-"):
            return
        for other_pack, other_lesson, _title, language in self.ctx.inst.community.beside(pack_id, lesson_id)[:4]:
            shared = other_pack.startswith("community-shared-")  # from other centres, through the hub
            if other_lesson.endswith(".learners"):
                text = (
                    self.tr("From learners of other centres")
                    if shared
                    else self.tr("From learners at %1").replace("%1", centre_name(self.ctx.inst))
                )
            else:
                name = QLocale(language).nativeLanguageName() or language
                text = (
                    self.tr("Read in: %1 (translated by learners of another centre)").replace("%1", name)
                    if shared
                    else self.tr("Read in: %1 (translated by learners at %2)")
                    .replace("%1", name)
                    .replace("%2", centre_name(self.ctx.inst))
                )
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, p=other_pack, le=other_lesson: self.lesson_requested.emit(p, le))
            self.beside.insertWidget(len(self.beside_buttons), button)
            self.beside_buttons.append(button)

    def add_to_lesson(self) -> None:
        """Open the contribution editor on the lesson being read."""
        if self.pack is None or self.lesson is None:
            return
        from hubdesk.ui.contribution_editor import ContributionEditor

        self.editor = ContributionEditor(self.ctx, self.learner, self.pack, self.lesson.id, parent=self)
        self.editor.open()

    def _show_finished(self, finished: bool) -> None:
        self.finish.setVisible(not finished)
        self.done_label.setText(self.tr("✔ Finished") if finished else "")

    def leave(self) -> None:
        """The learner moves away from the lesson: keep the note and the time spent, stop reading aloud."""
        self.read_aloud.stop()
        self.notes.save()
        if self.opened_at is not None and self.pack is not None and self.lesson is not None:
            seconds = time.monotonic() - self.opened_at
            self.opened_at = None
            with contextlib.suppress(HubDeskError):  # time spent is a nicety; never block leaving on it
                self.ctx.inst.progress.add_time(self.learner.id, self.pack.id, self.lesson.id, seconds)

    def resume(self) -> None:
        """Back on the lesson (after a quiz): count time again."""
        if self.lesson is not None and self.opened_at is None:
            self.opened_at = time.monotonic()

    def step(self, delta: int) -> None:
        if self.pack is None or self.lesson is None:
            return
        ids = [ls.id for ls in self.pack.lessons]
        index = ids.index(self.lesson.id) + delta
        if 0 <= index < len(ids):
            self.show_lesson(self.pack, ids[index])

    def _quiz_clicked(self) -> None:
        if self.pack is not None and self.lesson is not None:
            self.quiz_requested.emit(self.pack.id, self.lesson.id)

    def mark_finished(self) -> None:
        if self.pack is None or self.lesson is None:
            return
        self.ctx.inst.progress.finish_lesson(self.learner.id, self.pack.id, self.lesson.id)
        self._show_finished(True)
        self.lesson_finished.emit(self.pack.id, self.lesson.id)
        (self.quiz if self.quiz.isVisible() else self.next).setFocus()

    # -- links ---------------------------------------------------------------------------------
    def follow_link(self, url: QUrl) -> None:
        if url.scheme() == LESSON_SCHEME:
            target = url.path()
            if target.startswith("lesson/") and self.pack is not None:
                lesson_id, _, anchor = target[len("lesson/") :].partition("#")
                if any(ls.id == lesson_id for ls in self.pack.lessons):
                    self.show_lesson(self.pack, lesson_id)
                    if url.fragment() or anchor:
                        self.browser.scrollToAnchor(url.fragment() or anchor)
            return
        if url.scheme() in ("http", "https", "mailto", "ftp"):
            self.web_link_clicked.emit(url.toString())
            self.link_dialog = WebLinkDialog(url.toString(), self)
            self.link_dialog.open()
            return
        if not url.scheme() and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
