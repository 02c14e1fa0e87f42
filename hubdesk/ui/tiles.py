"""Big picture buttons: a learner's tile (colour, initial, name) and a picture-password key.

Drawn by hand rather than styled so they read well at a glance: a large coloured disc with the
first letter for people who recognise their colour before their name, and the name underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QPushButton, QWidget

from hubdesk.ui import style
from hubdesk.ui.pictures import paint_picture


def initial(name: str) -> str:
    name = name.strip()
    return name[0].upper() if name else "?"


class BigButton(QPushButton):
    """A hand-drawn button that Enter activates too (people expect Enter, Qt only gives Space)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)


class LearnerTile(BigButton):
    """One learner on the sign-in screen; the whole tile is the button."""

    def __init__(self, name: str, colour: str, badge: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.colour = QColor(colour)
        self.badge = badge
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("tile")
        self.setFixedSize(QSize(168, 188))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        focused = self.hasFocus() or self.underMouse() or self.isDown()
        p.setPen(QPen(QColor(style.PRIMARY if focused else style.LINE), 4 if focused else 1.5))
        p.setBrush(QColor("#eaf1fa" if self.isDown() else style.CARD))
        p.drawRoundedRect(r, 16, 16)
        disc = QRectF(r.center().x() - 48, r.y() + 14, 96, 96)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.colour)
        p.drawEllipse(disc)
        f = QFont(self.font())
        f.setPointSize(34)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(style.ink_on(self.colour.name())))
        p.drawText(disc, Qt.AlignmentFlag.AlignCenter, initial(self.name))
        f.setPointSize(14)
        p.setFont(f)
        p.setPen(QColor(style.INK))
        text_rect = QRectF(r.x() + 6, disc.bottom() + 8, r.width() - 12, 30)
        shown = p.fontMetrics().elidedText(self.name, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, shown)
        if self.badge:
            f.setPointSize(10)
            f.setBold(False)
            p.setFont(f)
            p.setPen(QColor(style.MUTED))
            p.drawText(QRectF(r.x(), text_rect.bottom(), r.width(), 20), Qt.AlignmentFlag.AlignCenter, self.badge)
        p.end()


class PictureKey(BigButton):
    """One of the nine pictures of the picture pad."""

    def __init__(self, index: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setObjectName("picturekey")
        self.setFixedSize(QSize(108, 108))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        focused = self.hasFocus() or self.underMouse()
        p.setPen(QPen(QColor(style.PRIMARY if focused else style.LINE), 4 if focused else 1.5))
        p.setBrush(QColor("#eaf1fa" if self.isDown() else style.CARD))
        p.drawRoundedRect(r, 14, 14)
        if self.isEnabled():
            paint_picture(p, self.index, r.adjusted(12, 12, -12, -12))
        else:
            p.setOpacity(0.35)
            paint_picture(p, self.index, r.adjusted(12, 12, -12, -12))
        p.end()
