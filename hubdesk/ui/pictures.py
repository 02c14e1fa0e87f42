"""The nine pictures of a picture password, drawn with QPainter so they need no image files.

Each picture has one strong colour and one simple shape, so that a learner who cannot read tells
them apart at a glance and on a dim screen; the order is fixed because the password stores indexes.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF


def picture_names() -> list[str]:
    """The pictures' names, for screen readers and tooltips (in the interface language)."""
    return [
        QCoreApplication.translate("Pictures", "sun"),
        QCoreApplication.translate("Pictures", "house"),
        QCoreApplication.translate("Pictures", "tree"),
        QCoreApplication.translate("Pictures", "fish"),
        QCoreApplication.translate("Pictures", "star"),
        QCoreApplication.translate("Pictures", "heart"),
        QCoreApplication.translate("Pictures", "moon"),
        QCoreApplication.translate("Pictures", "flower"),
        QCoreApplication.translate("Pictures", "boat"),
    ]


def _sun(p: QPainter, r: QRectF) -> None:
    c = r.center()
    pen = QPen(QColor("#f2a007"))
    pen.setWidthF(r.width() * 0.06)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    for i in range(8):
        a = i * math.pi / 4
        p.drawLine(
            QPointF(c.x() + math.cos(a) * r.width() * 0.3, c.y() + math.sin(a) * r.width() * 0.3),
            QPointF(c.x() + math.cos(a) * r.width() * 0.45, c.y() + math.sin(a) * r.width() * 0.45),
        )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffc914"))
    p.drawEllipse(c, r.width() * 0.22, r.width() * 0.22)


def _house(p: QPainter, r: QRectF) -> None:
    w, x, y = r.width(), r.x(), r.y()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c0392b"))
    p.drawPolygon(
        QPolygonF(
            [QPointF(x + w * 0.1, y + w * 0.48), QPointF(x + w * 0.5, y + w * 0.1), QPointF(x + w * 0.9, y + w * 0.48)]
        )
    )
    p.setBrush(QColor("#e8c07d"))
    p.drawRect(QRectF(x + w * 0.2, y + w * 0.46, w * 0.6, w * 0.42))
    p.setBrush(QColor("#6b3e26"))
    p.drawRect(QRectF(x + w * 0.43, y + w * 0.62, w * 0.16, w * 0.26))


def _tree(p: QPainter, r: QRectF) -> None:
    w, x, y = r.width(), r.x(), r.y()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#7a4a21"))
    p.drawRect(QRectF(x + w * 0.44, y + w * 0.55, w * 0.12, w * 0.35))
    p.setBrush(QColor("#2e8b3a"))
    p.drawEllipse(QPointF(x + w * 0.5, y + w * 0.38), w * 0.3, w * 0.28)


def _fish(p: QPainter, r: QRectF) -> None:
    w, x, y = r.width(), r.x(), r.y()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f8fd1"))
    p.drawEllipse(QPointF(x + w * 0.45, y + w * 0.5), w * 0.3, w * 0.18)
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(x + w * 0.7, y + w * 0.5),
                QPointF(x + w * 0.92, y + w * 0.32),
                QPointF(x + w * 0.92, y + w * 0.68),
            ]
        )
    )
    p.setBrush(QColor("white"))
    p.drawEllipse(QPointF(x + w * 0.3, y + w * 0.46), w * 0.045, w * 0.045)


def _star(p: QPainter, r: QRectF) -> None:
    c = r.center()
    pts = []
    for i in range(10):
        rad = r.width() * (0.42 if i % 2 == 0 else 0.18)
        a = -math.pi / 2 + i * math.pi / 5
        pts.append(QPointF(c.x() + math.cos(a) * rad, c.y() + math.sin(a) * rad))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f5b800"))
    p.drawPolygon(QPolygonF(pts))


def _heart(p: QPainter, r: QRectF) -> None:
    w, x, y = r.width(), r.x(), r.y()
    path = QPainterPath(QPointF(x + w * 0.5, y + w * 0.85))
    path.cubicTo(x + w * 0.05, y + w * 0.55, x + w * 0.1, y + w * 0.15, x + w * 0.5, y + w * 0.32)
    path.cubicTo(x + w * 0.9, y + w * 0.15, x + w * 0.95, y + w * 0.55, x + w * 0.5, y + w * 0.85)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e0245e"))
    p.drawPath(path)


def _moon(p: QPainter, r: QRectF) -> None:
    w, x, y = r.width(), r.x(), r.y()
    outer = QPainterPath()
    outer.addEllipse(QPointF(x + w * 0.5, y + w * 0.5), w * 0.36, w * 0.36)
    bite = QPainterPath()
    bite.addEllipse(QPointF(x + w * 0.66, y + w * 0.4), w * 0.3, w * 0.3)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#5b4bb7"))
    p.drawPath(outer.subtracted(bite))


def _flower(p: QPainter, r: QRectF) -> None:
    c = r.center()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#d65db1"))
    for i in range(6):
        a = i * math.pi / 3
        p.drawEllipse(
            QPointF(c.x() + math.cos(a) * r.width() * 0.22, c.y() + math.sin(a) * r.width() * 0.22),
            r.width() * 0.15,
            r.width() * 0.15,
        )
    p.setBrush(QColor("#ffc914"))
    p.drawEllipse(c, r.width() * 0.13, r.width() * 0.13)


def _boat(p: QPainter, r: QRectF) -> None:
    w, x, y = r.width(), r.x(), r.y()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#8b5a2b"))
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(x + w * 0.1, y + w * 0.66),
                QPointF(x + w * 0.9, y + w * 0.66),
                QPointF(x + w * 0.75, y + w * 0.86),
                QPointF(x + w * 0.25, y + w * 0.86),
            ]
        )
    )
    p.setBrush(QColor("#e4572e"))
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(x + w * 0.52, y + w * 0.12),
                QPointF(x + w * 0.52, y + w * 0.6),
                QPointF(x + w * 0.82, y + w * 0.6),
            ]
        )
    )
    p.setBrush(QColor("#17a2b8"))
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(x + w * 0.47, y + w * 0.22),
                QPointF(x + w * 0.47, y + w * 0.6),
                QPointF(x + w * 0.22, y + w * 0.6),
            ]
        )
    )


_PAINTERS = (_sun, _house, _tree, _fish, _star, _heart, _moon, _flower, _boat)
PICTURE_COUNT = len(_PAINTERS)


def paint_picture(painter: QPainter, index: int, rect: QRectF) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(rect.width(), rect.height())
    square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    _PAINTERS[index](painter, square)
    painter.restore()


def picture_pixmap(index: int, size: int, ratio: float = 1.0) -> QPixmap:
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    paint_picture(painter, index, QRectF(0, 0, size, size))
    painter.end()
    return pix


def picture_icon(index: int, size: int = 64) -> QIcon:
    return QIcon(picture_pixmap(index, size))
