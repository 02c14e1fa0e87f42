"""Big picture buttons: a learner's tile (colour, initial, name) and a picture-password key.

Drawn by hand rather than styled so they read well at a glance: a large coloured disc with the
first letter for people who recognise their colour before their name, and the name underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from hubdesk.ui import style
from hubdesk.ui.pictures import paint_picture

KEY_SIZE = 108  # a picture key on a screen with room; smaller screens get smaller keys (see secret_pads)


def initial(name: str) -> str:
    name = name.strip()
    return name[0].upper() if name else "?"


class BigButton(QPushButton):
    """A hand-drawn button that Enter activates too (people expect Enter, Qt only gives Space).

    Its size is fixed by the code (``fixed``), not by the style sheet, whose generic QPushButton
    rules (minimum height, padding) would otherwise resize it when it is polished.
    """

    fixed = QSize(108, 108)

    def set_fixed(self, size: QSize) -> None:
        self.fixed = size
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(size)

    def sizeHint(self) -> QSize:
        return self.fixed

    def minimumSizeHint(self) -> QSize:
        return self.fixed

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)


def two_lines(name: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """A name on at most two lines of ``width``: wrapped at spaces first, elided only when still too long."""
    words = name.split()
    lines: list[str] = []
    while words and len(lines) < 2:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:  # a third line would be needed: the second one ends with an ellipsis
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]


class LearnerTile(BigButton):
    """One learner on the sign-in screen; the whole tile is the button."""

    WIDTH, HEIGHT = 168, 200

    def __init__(self, name: str, colour: str, badge: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.colour = QColor(colour)
        self.badge = badge
        self.setAccessibleName(f"{name}, {badge}" if badge else name)
        self.setToolTip(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("tile")
        self.set_fixed(QSize(self.WIDTH, self.HEIGHT))

    def name_lines(self) -> list[str]:
        """The name as drawn on the tile (one or two lines, elided only past two)."""
        return two_lines(self.name, QFontMetricsF(self._name_font()), self.WIDTH - 18)

    def _name_font(self) -> QFont:
        """The name's font: a size smaller when that saves the name from being cut short."""
        f = QFont(self.font())
        f.setBold(True)
        for size in (13, 11):
            f.setPointSize(size)
            lines = two_lines(self.name, QFontMetricsF(f), self.WIDTH - 18)
            if not any(line.endswith("…") for line in lines):
                break
        return f

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        focused = self.hasFocus() or self.underMouse() or self.isDown()
        p.setPen(QPen(QColor(style.PRIMARY if focused else style.LINE), 4 if focused else 1.5))
        p.setBrush(QColor("#eaf1fa" if self.isDown() else style.CARD))
        p.drawRoundedRect(r, 16, 16)
        disc = QRectF(r.center().x() - 44, r.y() + 10, 88, 88)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.colour)
        p.drawEllipse(disc)
        f = QFont(self.font())
        f.setPointSize(32)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(style.ink_on(self.colour.name())))
        p.drawText(disc, Qt.AlignmentFlag.AlignCenter, initial(self.name))
        p.setFont(self._name_font())
        p.setPen(QColor(style.INK))
        line_height = p.fontMetrics().height()
        top = disc.bottom() + 6
        for line in self.name_lines():
            p.drawText(QRectF(r.x() + 6, top, r.width() - 12, line_height), Qt.AlignmentFlag.AlignCenter, line)
            top += line_height
        if self.badge:
            f.setPointSize(10)
            f.setBold(False)
            p.setFont(f)
            p.setPen(QColor(style.MUTED))
            p.drawText(QRectF(r.x(), r.bottom() - 24, r.width(), 20), Qt.AlignmentFlag.AlignCenter, self.badge)
        p.end()


class PictureKey(BigButton):
    """One of the nine pictures of the picture pad."""

    def __init__(self, index: int, name: str, size: int = KEY_SIZE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setObjectName("picturekey")
        self.set_fixed(QSize(size, size))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        # focus is a dashed ring, not a thick border: the first key must not look already chosen
        pen = QPen(QColor(style.PRIMARY if self.underMouse() or self.hasFocus() else style.LINE), 1.5)
        if self.hasFocus():
            pen.setWidthF(3)
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor("#eaf1fa" if self.isDown() else style.CARD))
        p.drawRoundedRect(r, 14, 14)
        inset = max(6, self.width() // 9)
        if not self.isEnabled():
            p.setOpacity(0.35)
        paint_picture(p, self.index, r.adjusted(inset, inset, -inset, -inset))
        p.end()
