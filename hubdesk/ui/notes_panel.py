"""A learner's own note for the lesson on screen, saved a moment after typing stops.

Saving is cheap (one event), so the panel saves about a second after the last key press, when
the lesson changes, and when the learner signs out (also by idle time): nothing typed is lost.
It only ever loads and saves notes of the learner it was built for.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext

AUTOSAVE_MS = 1000


class NotesPanel(QWidget):
    saved = Signal(str, str)  # pack_id, lesson_id

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.pack_id: str | None = None
        self.lesson_id: str | None = None
        self._loading = False
        self.dirty = False
        title = QLabel(self.tr("My notes"))
        title.setProperty("look", "lead")
        hint = QLabel(self.tr("Only you can see these notes."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("My notes"))
        self.editor.setPlaceholderText(self.tr("Write what you want to remember…"))
        self.editor.textChanged.connect(self._changed)
        self.state = QLabel()
        self.state.setObjectName("muted")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 0, 0, 0)
        lay.addWidget(title)
        lay.addWidget(hint)
        lay.addWidget(self.editor, 1)
        lay.addWidget(self.state)

    def show_lesson(self, pack_id: str, lesson_id: str) -> None:
        self.save()
        self.pack_id, self.lesson_id = pack_id, lesson_id
        self._loading = True
        self.editor.setPlainText(self.ctx.inst.notes.get(self.learner.id, pack_id, lesson_id))
        self._loading = False
        self.dirty = False
        self.state.setText("")

    def _changed(self) -> None:
        if self._loading or self.lesson_id is None:
            return
        self.dirty = True
        self.state.setText(self.tr("Writing…"))
        self.timer.start()

    def save(self) -> bool:
        """Save now if anything changed; True when a save happened."""
        self.timer.stop()
        if not self.dirty or self.pack_id is None or self.lesson_id is None:
            return False
        try:
            self.ctx.inst.notes.save(self.learner.id, self.pack_id, self.lesson_id, self.editor.toPlainText())
        except HubDeskError as exc:
            self.state.setText(str(exc))
            return False
        self.dirty = False
        self.state.setText(self.tr("Saved"))
        self.saved.emit(self.pack_id, self.lesson_id)
        return True
