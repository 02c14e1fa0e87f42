""" "Add to this lesson": a learner writes a tip, an example, a question, a translation or a lesson.

Markdown is written on the left and shown on the right as the reader will show it (the same
sanitising renderer as packs). A translation is a table: each paragraph of the lesson beside the
box for its translation. The licence is said before the learner can submit, and submitting needs
their yes to it. A draft is kept on the centre's PCs only.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.contributions import LICENCE, MAX_PICTURE_BYTES, Content, Contribution, encode_picture
from hubdesk.core.learners import Learner
from hubdesk.core.render import render_markdown
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import FittingDialog
from hubdesk.ui.report_words import centre_name

QUESTION_TYPES = ("single", "multiple", "number", "text")


class PicturePreview(QTextBrowser):
    """The live preview: shows the learner's own pictures (``pic-1.png``), never anything else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures: dict[str, bytes] = {}
        self.setOpenLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        data = self.pictures.get(QUrl(name).path() if isinstance(name, str) else name.path())
        if data is None:
            return None
        image = QImage.fromData(data)
        limit = max(120, self.viewport().width() - 20)
        return image.scaledToWidth(limit) if image.width() > limit else image


class ContributionEditor(FittingDialog):
    submitted = Signal(str)  # contribution id
    saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        learner: Learner,
        pack: Any,
        lesson_id: str | None,
        existing: Contribution | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.pack = pack
        self.lesson_id = lesson_id
        self.existing = existing
        self.setWindowTitle(self.tr("Add to this lesson"))
        lesson = pack.lesson(lesson_id) if pack is not None and lesson_id else None
        intro = QLabel(
            self.tr("Add to “%1”: your tip, an example from your life, a question, a translation.").replace(
                "%1", lesson.title if lesson else ""
            )
            if lesson
            else self.tr("Write a new short lesson.")
        )
        intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What you add"))
        for key, label in (
            ("tip", self.tr("A tip or explanation")),
            ("example", self.tr("An example from where you live")),
            ("question", self.tr("A new quiz question")),
            ("translation", self.tr("A translation of this lesson")),
            ("lesson", self.tr("A new short lesson")),
        ):
            if lesson is not None or key == "lesson":
                self.kind.addItem(label, key)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("A title (optional for a tip or example)"))
        self.title.setMaxLength(120)

        # Markdown with a live preview
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Write here. *stars* make italics, **two** make bold."))
        self.preview = PicturePreview()
        self.pictures: list[tuple[str, str]] = []
        self.picture_button = QPushButton(self.tr("Add a picture…"))
        self.picture_button.setToolTip(self.tr("A PNG or JPEG, at most 200 KB"))
        self.picture_button.clicked.connect(lambda: self.add_picture())
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._render)
        self.text.textChanged.connect(self._timer.start)
        writing = QWidget()
        wl = QHBoxLayout(writing)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.text, 1)
        wl.addWidget(self.preview, 1)

        # a question
        self.q_type = QComboBox()
        for t, label in zip(
            QUESTION_TYPES,
            (self.tr("One right choice"), self.tr("Several right choices"), self.tr("A number"), self.tr("A word")),
            strict=True,
        ):
            self.q_type.addItem(label, t)
        self.q_prompt = QLineEdit()
        self.q_prompt.setPlaceholderText(self.tr("The question"))
        self.q_choices = QPlainTextEdit()
        self.q_choices.setPlaceholderText(self.tr("The choices, one per line"))
        self.q_answer = QLineEdit()
        self.q_answer.setPlaceholderText(self.tr("The right answer (for choices: their numbers, like 2 or 1,3)"))
        question = QWidget()
        ql = QVBoxLayout(question)
        ql.setContentsMargins(0, 0, 0, 0)
        for w in (self.q_type, self.q_prompt, self.q_choices, self.q_answer):
            ql.addWidget(w)

        # a translation, paragraph by paragraph
        self.language = QLineEdit()
        self.language.setPlaceholderText(self.tr("Language code, like sw for Kiswahili"))
        self.language.setMaxLength(12)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("The lesson"), self.tr("Your translation")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        translation = QWidget()
        tl = QVBoxLayout(translation)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.language)
        tl.addWidget(self.table, 1)
        if lesson is not None:
            self._fill_paragraphs(pack.id, lesson.id)

        self.pages = QStackedWidget()
        for page in (writing, question, translation):
            self.pages.addWidget(page)
        self.pages.setMinimumHeight(220)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.credit = QCheckBox(self.tr("Show my name with it"))
        self.credit.setChecked(True)
        self.credit.toggled.connect(self._credit_text)
        self.licence = QLabel()
        self.licence.setWordWrap(True)
        self.agree = QCheckBox(self.tr("I agree to share it under this licence"))
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        widgets: tuple[QWidget, ...] = (
            intro,
            self.kind,
            self.title,
            self.pages,
            self.picture_button,
            self.credit,
            self.licence,
            self.agree,
            self.error,
        )
        for widget in widgets:
            self.body_layout.addWidget(widget)
        buttons = QDialogButtonBox()
        self.submit_button = QPushButton(self.tr("Send to the facilitator"))
        self.submit_button.setObjectName("primary")
        self.draft_button = QPushButton(self.tr("Keep as a draft"))
        cancel = QPushButton(self.tr("Cancel"))
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.submit_button.clicked.connect(self.submit)
        self.draft_button.clicked.connect(self.save_draft)
        cancel.clicked.connect(self.reject)
        self.add_footer(buttons)
        if existing is not None:
            self._load(existing)
        self._kind_changed()
        self._credit_text()

    # -- the form ---------------------------------------------------------------------------------
    def _fill_paragraphs(self, pack_id: str, lesson_id: str) -> None:
        try:
            text = self.ctx.inst.packs.read_lesson(pack_id, lesson_id)
        except (HubDeskError, OSError):
            return
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()][:200]
        self.table.setRowCount(len(paragraphs))
        for row, para in enumerate(paragraphs):
            source = QTableWidgetItem(para)
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, source)
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.resizeRowsToContents()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.pages.setCurrentIndex({"question": 1, "translation": 2}.get(kind, 0))
        self.picture_button.setVisible(kind in ("tip", "example", "lesson"))
        self.title.setVisible(kind != "question")

    def _credit_text(self) -> None:
        by = (
            self.learner.name
            if self.credit.isChecked()
            else self.tr("a learner at %1").replace("%1", centre_name(self.ctx.inst))
        )
        self.licence.setText(
            self.tr(
                "It will be shared under the %1 licence, credited to %2: everyone may use and change it, "
                "if they say who made it and share what they make the same way."
            )
            .replace("%1", LICENCE)
            .replace("%2", by)
        )

    def _render(self) -> None:
        self.preview.setHtml(render_markdown(self.text.toPlainText()).html)

    def _load(self, item: Contribution) -> None:
        c = item.content
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self.title.setText(c.title)
        self.pictures = list(c.pictures)
        self.preview.pictures = {n: base64.b64decode(b) for n, b in c.pictures}
        self.text.setPlainText(c.body)
        self.credit.setChecked(c.attribution != "centre")
        if c.language:
            self.language.setText(c.language)
        for row, (_s, t) in enumerate(c.paragraphs[: self.table.rowCount()]):
            self.table.setItem(row, 1, QTableWidgetItem(t))
        if c.question:
            q = c.question
            self.q_type.setCurrentIndex(max(0, self.q_type.findData(q.get("type"))))
            self.q_prompt.setText(str(q.get("prompt", "")))
            self.q_choices.setPlainText("\n".join(str(x) for x in q.get("choices", [])))
            answer = q.get("answers", q.get("answer", q.get("accept", "")))
            if isinstance(answer, list):
                answer = ",".join(str(a + 1) if isinstance(a, int) else str(a) for a in answer)
            elif isinstance(answer, int) and q.get("type") == "single":
                answer = answer + 1
            self.q_answer.setText(str(answer))
        if item.comment:
            self.error.setText(self.tr("The facilitator asks: %1").replace("%1", item.comment))

    def content(self) -> Content:
        kind = str(self.kind.currentData())
        pack_id = self.pack.id if self.pack is not None else None
        attribution = "name" if self.credit.isChecked() else "centre"
        base: dict[str, Any] = {"pack": pack_id, "lesson": self.lesson_id, "attribution": attribution}
        if kind == "question":
            return Content("question", question=self._question(), **base)
        if kind == "translation":
            pairs = tuple((self._cell(r, 0), self._cell(r, 1)) for r in range(self.table.rowCount()))
            return Content(
                "translation",
                title=self.title.text().strip(),
                language=self.language.text().strip().lower() or None,
                paragraphs=pairs,
                **base,
            )
        pictures = tuple(self.pictures) if kind in ("tip", "example", "lesson") else ()
        return Content(kind, title=self.title.text().strip(), body=self.text.toPlainText(), pictures=pictures, **base)

    def add_picture(self, path: Path | None = None) -> None:
        """Take a picture from a file: checked (kind, bytes, pixels) before it joins the text."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Choose a picture"), "", "Pictures (*.png *.jpg *.jpeg)"
            )
            if not name:
                return
            path = Path(name)
        try:
            with path.open("rb") as f:
                data = f.read(MAX_PICTURE_BYTES + 1)
            picture = encode_picture(data, len(self.pictures) + 1)
            Content("lesson", None, None, title="t", body="b", pictures=(*self.pictures, picture)).check(
                for_submit=False
            )
        except OSError as exc:
            self.error.setText(self.tr("That picture cannot be read: %1").replace("%1", exc.strerror or str(exc)))
            return
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self.pictures.append(picture)
        self.preview.pictures[picture[0]] = data
        if self.text.textCursor().position() == 0:  # not placed by the learner: after the text
            self.text.moveCursor(QTextCursor.MoveOperation.End)
        self.text.insertPlainText(f"\n![{path.stem}]({picture[0]})\n")
        self.error.clear()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _question(self) -> dict[str, Any]:
        qtype = str(self.q_type.currentData())
        out: dict[str, Any] = {"type": qtype, "prompt": self.q_prompt.text().strip()}
        answer = self.q_answer.text().strip()
        if qtype in ("single", "multiple"):
            out["choices"] = [c.strip() for c in self.q_choices.toPlainText().splitlines() if c.strip()]
            numbers = [int(x) - 1 for x in re.findall(r"\d+", answer)]
            if qtype == "single":
                out["answer"] = numbers[0] if numbers else None
            else:
                out["answers"] = numbers
        elif qtype == "number":
            try:
                out["answer"] = float(answer.replace(",", ".")) if answer else None
            except ValueError:
                out["answer"] = None
        else:
            out["accept"] = [a.strip() for a in answer.split(",") if a.strip()]
        return out

    # -- saving -----------------------------------------------------------------------------------
    def save_draft(self) -> None:
        try:
            item = self.ctx.inst.contributions.save_draft(
                self.learner, self.content(), self.existing.id if self.existing else None
            )
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self.existing = item
        self.saved.emit(item.id)
        self.accept()

    def submit(self) -> None:
        if not self.agree.isChecked():
            self.error.setText(self.tr("Tick “I agree” to share it under the licence, or keep it as a draft."))
            return
        try:
            item = self.ctx.inst.contributions.submit(
                self.learner, self.content(), self.existing.id if self.existing else None, licence_accepted=True
            )
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self.existing = item
        self.submitted.emit(item.id)
        self.accept()
