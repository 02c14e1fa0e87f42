"""The three ways to prove who you are: a PIN pad, a picture pad and a password field.

Each pad emits ``submitted`` with what the person entered; the sign-in page checks it. The pads
are also used by facilitators to set a learner's PIN or pictures, so they know nothing about
learners themselves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hubdesk.ui.pictures import PICTURE_COUNT, picture_names, picture_pixmap
from hubdesk.ui.tiles import KEY_SIZE, PictureKey

PIN_MIN, PIN_MAX = 4, 6
PICTURES_NEEDED = 3
SMALLEST_KEY = 60  # still easy to hit with a finger or a shaky mouse


def key_size_for(height: int, reserved: int) -> int:
    """Picture keys that leave ``reserved`` pixels of ``height`` for the rest of the screen or dialog.

    A netbook gets smaller keys rather than keys below the screen; below ``SMALLEST_KEY`` the
    screen or dialog scrolls instead.
    """
    return max(SMALLEST_KEY, min(KEY_SIZE, (height - reserved) // 3))


class PinPad(QWidget):
    """Big digit keys and dots; typing digits on the keyboard works too."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digits = ""
        self.display = QLabel()
        self.display.setObjectName("title")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumHeight(48)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for i, label in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9"]):
            self.keys[label] = self._key(label, grid, i // 3, i % 3)
        self.erase = QPushButton("⌫")
        self.erase.setObjectName("key")
        self.erase.setAccessibleName(self.tr("Erase"))
        self.erase.clicked.connect(self.backspace)
        grid.addWidget(self.erase, 3, 0)
        self.keys["0"] = self._key("0", grid, 3, 1)
        self.ok = QPushButton(self.tr("OK"))
        self.ok.setObjectName("okkey")
        self.ok.clicked.connect(self.submit)
        grid.addWidget(self.ok, 3, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.display)
        lay.addLayout(grid)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._refresh()

    def _key(self, label: str, grid: QGridLayout, row: int, col: int) -> QPushButton:
        b = QPushButton(label)
        b.setObjectName("key")
        b.clicked.connect(lambda: self.press(label))
        grid.addWidget(b, row, col)
        return b

    def press(self, digit: str) -> None:
        if len(self.digits) < PIN_MAX:
            self.digits += digit
            self._refresh()

    def backspace(self) -> None:
        self.digits = self.digits[:-1]
        self._refresh()

    def clear(self) -> None:
        self.digits = ""
        self._refresh()

    def submit(self) -> None:
        if len(self.digits) >= PIN_MIN:
            self.submitted.emit(self.digits)

    def _refresh(self) -> None:
        self.display.setText(" ".join("●" for _ in self.digits) or " ")
        self.ok.setEnabled(len(self.digits) >= PIN_MIN)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)


class PicturePad(QWidget):
    """Nine pictures; the person taps three in order. Submits by itself after the third."""

    submitted = Signal(object)
    changed = Signal()

    def __init__(self, auto_submit: bool = True, key_size: int = KEY_SIZE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auto_submit = auto_submit
        self.chosen: list[int] = []
        names = picture_names()
        self.slots: list[QLabel] = []
        slots = QHBoxLayout()
        slots.addStretch()
        slot_size = min(64, key_size * 2 // 3)
        for n in range(PICTURES_NEEDED):
            slot = QLabel()
            slot.setAccessibleName(self.tr("Picture %1 of 3").replace("%1", str(n + 1)))
            slot.setFixedSize(slot_size, slot_size)
            slot.setObjectName("card")
            slot.setStyleSheet("border: 2px dashed #9aa0a6; border-radius: 10px; background: white;")
            slots.addWidget(slot)
            self.slots.append(slot)
        self.erase = QPushButton("⌫")
        self.erase.setObjectName("key")
        self.erase.setAccessibleName(self.tr("Erase"))
        self.erase.clicked.connect(self.backspace)
        slots.addWidget(self.erase)
        slots.addStretch()
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: list[PictureKey] = []
        for i in range(PICTURE_COUNT):
            key = PictureKey(i, names[i], key_size)
            key.clicked.connect(lambda _=False, i=i: self.press(i))
            grid.addWidget(key, i // 3, i % 3)
            self.keys.append(key)
        lay = QVBoxLayout(self)
        lay.addLayout(slots)
        lay.addLayout(grid)
        self._refresh()

    def press(self, index: int) -> None:
        if len(self.chosen) >= PICTURES_NEEDED:
            return
        self.chosen.append(index)
        self._refresh()
        self.changed.emit()
        if self.auto_submit and len(self.chosen) == PICTURES_NEEDED:
            self.submitted.emit(list(self.chosen))

    def backspace(self) -> None:
        self.chosen = self.chosen[:-1]
        self._refresh()
        self.changed.emit()

    def clear(self) -> None:
        self.chosen = []
        self._refresh()

    def _refresh(self) -> None:
        for i, slot in enumerate(self.slots):
            if i < len(self.chosen):
                slot.setPixmap(picture_pixmap(self.chosen[i], slot.width() - 8))
            else:
                slot.clear()


class PasswordEntry(QWidget):
    """A facilitator's password."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Password"))
        self.field.setAccessibleName(self.tr("Password"))
        self.field.setMinimumWidth(320)
        self.field.returnPressed.connect(self.submit)
        self.ok = QPushButton(self.tr("Sign in"))
        self.ok.setObjectName("primary")
        self.ok.clicked.connect(self.submit)
        lay = QHBoxLayout(self)
        lay.addStretch()
        lay.addWidget(self.field)
        lay.addWidget(self.ok)
        lay.addStretch()

    def submit(self) -> None:
        if self.field.text():
            self.submitted.emit(self.field.text())

    def clear(self) -> None:
        self.field.clear()

    def focus(self) -> None:
        self.field.setFocus()
