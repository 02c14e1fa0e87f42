"""The shell's top bar, which folds its buttons into one "Menu" button when the window is narrow.

On a 1024 px netbook, at 150% scale, or in a language with long words ("Changer de personne"), the
bar's buttons do not fit side by side. Rather than clipping them, the bar hides them and offers the
same actions in a menu; the search field and the learner's name stay in view. The decision is made
on every resize from the buttons' own size hints, so it holds for any language and text size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

from hubdesk.ui import style

NAME_MAX_WIDTH = 220  # a long name is elided in the bar (it is whole on the tile and in the menu's title)


class TopBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topbar")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(16, 8, 16, 8)
        self.menu_button = QPushButton(self.tr("☰ Menu"))
        self.menu_button.setAccessibleName(self.tr("Menu"))
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        self.menu_button.hide()
        self.row.addWidget(self.menu_button)
        self.foldable: list[QWidget] = []
        self.in_menu: list[QPushButton] = []
        self.folded = False

    def add(self, widget: QWidget, stretch: int = 0, foldable: bool = False, in_menu: bool = True) -> None:
        """Add a widget; a foldable button goes into the menu (when ``in_menu``) while the bar is narrow."""
        self.row.addWidget(widget, stretch)
        if foldable:
            self.foldable.append(widget)
            if in_menu and isinstance(widget, QPushButton):
                self.in_menu.append(widget)

    def add_spacing(self, pixels: int) -> None:
        self.row.addSpacing(pixels)

    def _widgets(self) -> list[QWidget]:
        found = []
        for i in range(self.row.count()):
            item = self.row.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.menu_button:
                found.append(widget)
        return found

    def full_width(self) -> int:
        """The width the bar needs to show every button side by side."""
        m = self.row.contentsMargins()
        width = m.left() + m.right()
        count = 0
        for i in range(self.row.count()):
            item = self.row.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is self.menu_button:
                continue
            if widget is None:
                width += item.sizeHint().width() if item is not None else 0
                continue
            if widget.isHidden() and widget not in self.foldable:
                continue  # hidden for good (not for folding): takes no room
            width += max(widget.sizeHint().width(), widget.minimumSizeHint().width())
            count += 1
        return width + self.row.spacing() * max(0, count - 1)

    def folded_width(self) -> int:
        m = self.row.contentsMargins()
        width = m.left() + m.right() + self.menu_button.sizeHint().width()
        count = 1
        for widget in self._widgets():
            if widget in self.foldable or widget.isHidden():
                continue
            width += widget.minimumSizeHint().width()
            count += 1
        return width + self.row.spacing() * count

    def minimumSizeHint(self) -> QSize:
        return QSize(self.folded_width(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_folded(self.width() < self.full_width())

    def set_folded(self, folded: bool) -> None:
        if folded == self.folded and self.menu_button.isVisible() == folded:
            return
        self.folded = folded
        for widget in self.foldable:
            widget.setVisible(not folded)
        self.menu_button.setVisible(folded)
        self.menu.clear()
        if folded:
            for button in self.in_menu:
                action = self.menu.addAction(button.text())
                action.setToolTip(button.toolTip())
                action.triggered.connect(button.click)


class NameButton(QToolButton):
    """The signed-in learner's name in their colour; it opens a small menu (settings, switch learner)."""

    def __init__(self, name: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_name = name
        ink = style.ink_on(colour)
        self.setObjectName("namebutton")
        self.setStyleSheet(
            f"QToolButton#namebutton {{ background: {colour}; color: {ink}; border-radius: 14px; "
            "padding: 4px 14px; font-weight: bold; border: 2px solid transparent; }"
            "QToolButton#namebutton:focus, QToolButton#namebutton:hover { border-color: white; }"
            "QToolButton#namebutton::menu-indicator { image: none; width: 0; }"
        )
        self.setText(self.fontMetrics().elidedText(name + " ▾", Qt.TextElideMode.ElideMiddle, NAME_MAX_WIDTH))
        self.setToolTip(name)
        self.setAccessibleName(self.tr("Signed in as %1").replace("%1", name))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.name_menu = QMenu(self)
        self.setMenu(self.name_menu)
