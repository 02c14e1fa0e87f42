"""Windows and dialogs that stay inside the screen, window-manager frame included.

Centres run netbooks (1024x600) and laptops set to 150% (a 1366x768 screen is then 911x512 logical
pixels). A window or dialog taller than that puts its OK button below the screen, out of reach. So:
the main window is sized to the room the screen leaves, and a dialog's content sits in a scroll area
with its buttons outside it, always in view; the dialog never grows past the screen.

Before a window is shown its frame is unknown (it depends on the window manager), so a typical
title bar and border are assumed; once shown, the real frame is used.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QFrame, QLayout, QLineEdit, QScrollArea, QStyle, QVBoxLayout, QWidget

FRAME_GUESS = QMargins(6, 48, 6, 6)  # a generous title bar (GNOME's header bars are 46 px) and borders
DIALOG_MARGIN = 12  # room left around a dialog so the screen edge stays visible


def room_for(widget: QWidget) -> QRect:
    """The screen area a window may use (without panels and docks) for ``widget``'s window."""
    screen = widget.window().screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around ``window``: measured once shown, guessed before."""
    if window.isVisible():
        handle = window.windowHandle()
        if handle is not None:
            return handle.frameMargins()
    return FRAME_GUESS


def usable_size(window: QWidget) -> QSize:
    """The largest client size that, with its frame, fits the room of ``window``'s screen."""
    room = room_for(window)
    m = frame_margins(window)
    return QSize(max(200, room.width() - m.left() - m.right()), max(150, room.height() - m.top() - m.bottom()))


def place_inside(window: QWidget, size: QSize) -> None:
    """Resize ``window`` to ``size`` (bounded by the room) and move it so its frame is on screen."""
    room = room_for(window)
    m = frame_margins(window)
    size = size.boundedTo(usable_size(window))
    window.resize(size)
    parent = window.parentWidget()
    shown_over = parent.window() if parent is not None and parent.isVisible() else None
    centre = shown_over.frameGeometry().center() if shown_over is not None else room.center()
    x = centre.x() - size.width() // 2
    y = centre.y() - size.height() // 2
    x = max(room.left() + m.left(), min(x, room.right() + 1 - m.right() - size.width()))
    y = max(room.top() + m.top(), min(y, room.bottom() + 1 - m.bottom() - size.height()))
    window.move(x - m.left(), y - m.top())  # move() places the frame's corner


def fit_window(window: QWidget, preferred: QSize) -> bool:
    """Size the main window: ``preferred`` when the screen has room, else all the room (maximised).

    Returns True when the window should be shown maximised (the screen is smaller than preferred).
    """
    usable = usable_size(window)
    place_inside(window, preferred)
    return usable.width() < preferred.width() or usable.height() < preferred.height()


class FittingDialog(QDialog):
    """A dialog whose ``body`` scrolls when the screen is short; ``footer`` (its buttons) stays in view.

    Subclasses put their content in ``self.body`` (it has a QVBoxLayout, ``self.body_layout``) and
    their button box with :meth:`add_footer`. Call :meth:`fit` after the content changes size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QWidget()
        self.body.setObjectName("dialogbody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(24, 20, 24, 8)
        self.body_layout.setSpacing(12)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroller.setWidget(self.body)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the scroller
        self.footer = QVBoxLayout()
        self.footer.setContentsMargins(24, 4, 24, 16)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
        outer.addWidget(self.scroller, 1)
        outer.addLayout(self.footer)

    def add_footer(self, widget: QWidget) -> None:
        self.footer.addWidget(widget)

    def content_size(self) -> QSize:
        """What the dialog would need to show everything without scrolling."""
        body = self.body.sizeHint()
        footer = self.footer.sizeHint()
        return QSize(max(body.width(), footer.width()), body.height() + footer.height())

    def sizeHint(self) -> QSize:
        want = self.content_size()
        usable = usable_size(self) - QSize(2 * DIALOG_MARGIN, 2 * DIALOG_MARGIN)
        if want.height() > usable.height():  # it will scroll: leave room for the scroll bar
            want.setWidth(want.width() + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 4)
        return want.boundedTo(usable)

    def minimumSizeHint(self) -> QSize:
        footer = self.footer.sizeHint()
        return QSize(min(footer.width(), 320), footer.height() + 80).boundedTo(self.sizeHint())

    def fit(self) -> None:
        """Grow or shrink to the content, never past the screen (frame included)."""
        self.ensurePolished()  # the style sheet's fonts and paddings count in the size hints
        for field in self.body.findChildren(QLineEdit):  # a hint in a field is read whole, in any language
            if field.placeholderText():
                need = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 28
                field.setMinimumWidth(max(field.minimumWidth(), need))
        self.body_layout.activate()
        usable = usable_size(self) - QSize(2 * DIALOG_MARGIN, 2 * DIALOG_MARGIN)
        self.setMaximumSize(usable)
        place_inside(self, self.sizeHint())

    def showEvent(self, event: QShowEvent) -> None:
        self.fit()
        super().showEvent(event)
