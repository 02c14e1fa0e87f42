"""The "Read aloud" controls of the reader and the quiz: read, pause and resume, stop, speed.

The bar reads a text it asks for when the learner presses the button (the lesson on screen, or the
quiz question with its choices) in the voice of the pack's language, and shows the sentence being
read: in the lesson, that sentence is highlighted and kept in view. Where espeak-ng is missing the
button is off and the bar says why in words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTextEdit, QWidget

from hubdesk.ui.speech import RATES, Speaker, sentence_spans

HIGHLIGHT = "#ffe680"


class ReadAloudBar(QWidget):
    def __init__(
        self,
        text_source: Callable[[], tuple[str, str]],
        view: QTextEdit | None = None,
        parent: QWidget | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        """``text_source`` gives (text, language) when reading starts; ``view`` shows the text (highlighted)."""
        super().__init__(parent)
        self.text_source = text_source
        self.view = view
        self.spans: list[tuple[int, int]] = []
        self.current: tuple[int, int] | None = None  # the span highlighted now
        self.speaker = speaker or Speaker(self)
        self.speaker.sentence_started.connect(self._show_sentence)
        self.speaker.finished.connect(self._finished)
        self.speaker.problem.connect(self._say)
        self.read_button = QPushButton(self.tr("Read aloud"))
        self.read_button.setAccessibleName(self.tr("Read aloud"))
        self.read_button.clicked.connect(self.toggle)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop reading"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.speed = QComboBox()
        self.speed.setAccessibleName(self.tr("Reading speed"))
        for key, label in (("slow", self.tr("Slow")), ("normal", self.tr("Normal")), ("fast", self.tr("Fast"))):
            self.speed.addItem(label, key)
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(lambda _i: self.speaker.set_rate(RATES[str(self.speed.currentData())]))
        self.speed.hide()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.read_button)
        lay.addWidget(self.stop_button)
        lay.addWidget(self.speed)
        lay.addWidget(self.status, 1)
        lay.addStretch()
        if not self.speaker.available:
            self.read_button.setEnabled(False)
            self._say(self.tr("Reading aloud needs the espeak-ng program, which is not installed on this computer."))
        else:
            self.status.hide()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def toggle(self) -> None:
        """Read aloud, pause, or resume: one button, so the keyboard needs one key."""
        if not self.speaker.speaking:
            self.start()
        elif self.speaker.paused:
            self.speaker.resume()
            self.read_button.setText(self.tr("Pause"))
        else:
            self.speaker.pause()
            self.read_button.setText(self.tr("Resume"))

    def start(self) -> bool:
        text, language = self.text_source()
        self.spans = sentence_spans(text)
        parts = [text[a:b] for a, b in self.spans]
        if not self.speaker.speak(parts, language):
            return False
        self.read_button.setText(self.tr("Pause"))
        self.stop_button.show()
        self.speed.show()
        return True

    def stop(self) -> None:
        self.speaker.stop()

    def _finished(self) -> None:
        self.read_button.setText(self.tr("Read aloud"))
        self.stop_button.hide()
        self.speed.hide()
        self.current = None
        if self.view is not None:
            self.view.setExtraSelections([])

    def _show_sentence(self, index: int) -> None:
        if self.view is None or not 0 <= index < len(self.spans):
            return
        start, end = self.current = self.spans[index]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIGHLIGHT))
        selection.format = fmt
        selection.cursor = cursor
        self.view.setExtraSelections([selection])
        shown = QTextCursor(cursor)
        shown.setPosition(end)
        self.view.setTextCursor(shown)
        self.view.ensureCursorVisible()

    def highlighted(self) -> str:
        """The sentence highlighted in the view now ("" when none): what a test or a reader sees."""
        if self.view is None or self.current is None or not self.view.extraSelections():
            return ""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.current[0])
        cursor.setPosition(self.current[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()
