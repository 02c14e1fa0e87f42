"""The shared-PC sign-in screen: find your tile, then prove it with pictures, a PIN or a password.

Checking a secret runs the slow KDF, so it happens on the worker pool and the screen stays alive.
A profile locked after wrong tries shows how long is left and counts down by itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.errors import AuthError, HubDeskError, LockedOut
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import usable_size
from hubdesk.ui.pictures import picture_pixmap
from hubdesk.ui.secret_pads import PasswordEntry, PicturePad, PinPad, key_size_for
from hubdesk.ui.tiles import LearnerTile

TILE_COLUMNS = 5  # at most; fewer when the window is narrow (a netbook, a 150% screen)
TILE_SPACING = 18
SECRET_VIEW_RESERVED = 360  # the name, the instruction, the slots, the message and "use my PIN" around the keys


def preferred_kind(learner: Learner) -> str | None:
    """Pictures first (they need no reading), then a PIN, then a password."""
    order = ("password", "pictures", "pin") if learner.is_facilitator else ("pictures", "pin", "password")
    return next((k for k in order if k in learner.secrets), None)


class SignInPage(QWidget):
    signed_in = Signal(object)
    add_requested = Signal()
    settings_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")
        self.learner: Learner | None = None
        self.kind: str | None = None
        self.tiles: dict[str, LearnerTile] = {}
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_tiles_view())
        self.secret_view: QWidget | None = None  # built on the first tap: start-up shows only the tiles
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self.refresh()

    # -- tiles -------------------------------------------------------------------------------
    def _build_tiles_view(self) -> QWidget:
        page = QWidget()
        self.title = title = QLabel(self.tr("Who are you?"))
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self.tr("Tap your name to begin."))
        self.hint.setObjectName("subtitle")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tile_box = QWidget()
        self.tile_grid = QGridLayout(self.tile_box)
        self.tile_grid.setSpacing(TILE_SPACING)
        self.columns = TILE_COLUMNS
        self.tile_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        hl = QHBoxLayout(holder)
        hl.addStretch()
        hl.addWidget(self.tile_box, 0, Qt.AlignmentFlag.AlignTop)
        self.welcome: QFrame | None = None  # built only on an installation with nobody in it yet
        self.tiles_row = hl
        hl.addStretch()
        scroll.setWidget(holder)
        self.add_first = QPushButton(self.tr("Add the first person"))
        self.add_first.setObjectName("primary")
        self.add_first.clicked.connect(self.add_requested)
        self.language = QPushButton(self.tr("Language and settings"))
        self.language.clicked.connect(self.settings_requested)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(False)
        self.progress.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.add_first)
        bottom.addWidget(self.language)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(40, 36, 40, 24)
        lay.setSpacing(12)
        lay.addWidget(title)
        lay.addWidget(self.hint)
        lay.addWidget(scroll, 1)
        lay.addLayout(bottom)
        return page

    def _build_welcome(self) -> QFrame:
        """What a brand-new installation shows: a friendly card and one big button."""
        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(640)
        pictures = QHBoxLayout()
        pictures.addStretch()
        for index in (1, 4, 7):  # house, star, flower
            label = QLabel()
            label.setPixmap(picture_pixmap(index, 72))
            pictures.addWidget(label)
        pictures.addStretch()
        heading = QLabel(self.tr("Welcome to HubDesk"))
        heading.setObjectName("title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Lessons, quizzes and notes that work without internet. "
                "First, the facilitator of this computer adds themself with a password, then the learners."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setProperty("look", "leadplain")
        self.welcome_add = QPushButton(self.tr("Add the first person"))
        self.welcome_add.setObjectName("primary")
        self.welcome_add.setProperty("look", "welcomeadd")
        self.welcome_add.clicked.connect(self.add_requested)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(16)
        lay.addLayout(pictures)
        lay.addWidget(heading)
        lay.addWidget(text)
        lay.addWidget(self.welcome_add, 0, Qt.AlignmentFlag.AlignHCenter)
        return card

    def refresh(self) -> None:
        """Rebuild the tiles from the learners table (after add, rename or remove)."""
        while self.tile_grid.count():
            item = self.tile_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.tiles.clear()
        learners = self.ctx.inst.learners.all()
        self.columns = self._columns_that_fit()
        for i, learner in enumerate(learners):
            badge = self.tr("Facilitator") if learner.is_facilitator else ""
            tile = LearnerTile(learner.name, learner.colour, badge)
            tile.clicked.connect(lambda _=False, lr=learner: self.choose(lr))
            self.tile_grid.addWidget(tile, i // self.columns, i % self.columns)
            self.tiles[learner.id] = tile
        if not learners and self.welcome is None:
            self.welcome = self._build_welcome()
            self.tiles_row.insertWidget(2, self.welcome, 0, Qt.AlignmentFlag.AlignTop)
        if self.welcome is not None:
            self.welcome.setVisible(not learners)
        self.tile_box.setVisible(bool(learners))
        self.add_first.setVisible(bool(learners) and not any(lr.is_facilitator for lr in learners))
        self.hint.setText(self.tr("Tap your name to begin.") if learners else self.tr("Nobody is here yet."))
        self.show_tiles()

    def _columns_that_fit(self) -> int:
        width = self.tile_scroll.viewport().width() - 48  # the holder's and the grid's margins
        return max(1, min(TILE_COLUMNS, (width + TILE_SPACING) // (LearnerTile.WIDTH + TILE_SPACING)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the tiles out again in as many columns as fit: a narrow screen scrolls down, never sideways."""
        super().resizeEvent(event)
        columns = self._columns_that_fit()
        if columns == self.columns:
            return
        self.columns = columns
        tiles = list(self.tiles.values())
        for tile in tiles:
            self.tile_grid.removeWidget(tile)
        for i, tile in enumerate(tiles):
            self.tile_grid.addWidget(tile, i // columns, i % columns)

    def show_tiles(self) -> None:
        self.countdown.stop()
        self.learner = None
        self.stack.setCurrentIndex(0)
        if self.tiles:
            next(iter(self.tiles.values())).setFocus()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def set_progress(self, done: int, total: int) -> None:
        """A long job of this PC (the first courses being installed); hidden when ``done == total``."""
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setVisible(done < total)

    # -- secret ------------------------------------------------------------------------------
    def _build_secret_view(self) -> QWidget:
        """The secret pad, in a scroll area: on a very small screen it scrolls rather than being cut off."""
        page = QWidget()
        self.back = QPushButton(self.tr("← Not me"))
        self.back.clicked.connect(self.show_tiles)
        self.who = QLabel()
        self.who.setObjectName("title")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction = QLabel()
        self.instruction.setObjectName("subtitle")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("bad")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pin_pad = PinPad()
        self.picture_pad = PicturePad(key_size=key_size_for(usable_size(self).height(), SECRET_VIEW_RESERVED))
        self.password = PasswordEntry()
        self.pads = QStackedWidget()
        for pad in (self.picture_pad, self.pin_pad, self.password):
            self.pads.addWidget(pad)
            pad.submitted.connect(self.check)
        self.other_way = QHBoxLayout()
        self.use_pictures = QPushButton(self.tr("Use my pictures"))
        self.use_pin = QPushButton(self.tr("Use my PIN"))
        self.use_password = QPushButton(self.tr("Use my password"))
        for kind, button in (("pictures", self.use_pictures), ("pin", self.use_pin), ("password", self.use_password)):
            button.clicked.connect(lambda _=False, k=kind: self._show_pad(k))
            self.other_way.addWidget(button)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), page, self.show_tiles)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(40, 24, 40, 24)
        lay.addLayout(top)
        lay.addWidget(self.who)
        lay.addWidget(self.instruction)
        lay.addWidget(self.pads, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch()
        row.addLayout(self.other_way)
        row.addStretch()
        lay.addLayout(row)
        lay.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(page)
        return scroll

    def choose(self, learner: Learner) -> None:
        """A tile was tapped: sign in at once, or ask for the learner's secret."""
        self.learner = learner
        kind = preferred_kind(learner)
        if kind is None:
            self.signed_in.emit(learner)
            return
        if self.secret_view is None:
            self.secret_view = self._build_secret_view()
            self.stack.addWidget(self.secret_view)
        self.who.setText(learner.name)
        self.message.clear()
        self.stack.setCurrentWidget(self.secret_view)
        self._show_pad(kind)
        self._tick()

    def _show_pad(self, kind: str) -> None:
        assert self.learner is not None
        self.kind = kind
        for each in (self.picture_pad, self.pin_pad, self.password):
            each.clear()
        pad: QWidget = {"pictures": self.picture_pad, "pin": self.pin_pad, "password": self.password}[kind]
        self.pads.setCurrentWidget(pad)
        self.instruction.setText(
            {
                "pictures": self.tr("Tap your three pictures in order."),
                "pin": self.tr("Type your PIN."),
                "password": self.tr("Type your facilitator password."),
            }[kind]
        )
        for k, button in (("pictures", self.use_pictures), ("pin", self.use_pin), ("password", self.use_password)):
            button.setVisible(k != kind and k in self.learner.secrets)
        self._focus_pad()

    def _focus_pad(self) -> None:
        if not self.pads.isEnabled():
            return
        if self.kind == "password":
            self.password.focus()
        elif self.kind == "pictures":
            self.picture_pad.keys[0].setFocus()
        else:
            self.pin_pad.setFocus()

    def check(self, secret: object) -> None:
        if self.learner is None or self.kind is None:
            return
        self.pads.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        learner_id, kind = self.learner.id, self.kind
        self.ctx.workers.run(
            self.ctx.inst.learners.verify, learner_id, kind, secret, on_done=self._accepted, on_failed=self._refused
        )

    def _accepted(self, learner: Learner) -> None:
        self.pads.setEnabled(True)
        self.message.clear()
        self.stack.setCurrentIndex(0)
        self.signed_in.emit(learner)

    def _refused(self, exc: BaseException) -> None:
        self.pads.setEnabled(True)
        self.picture_pad.clear()
        self.pin_pad.clear()
        self.password.clear()
        if isinstance(exc, LockedOut):
            self._tick()
        elif isinstance(exc, AuthError):
            self.message.setText(self.tr("That was not right. Please try again."))
        elif isinstance(exc, HubDeskError):
            self.message.setText(str(exc))
        else:
            self.message.setText(self.tr("Something went wrong while checking. Please try again."))
        self._focus_pad()  # the pad was disabled while checking, which took the keyboard focus away

    def _tick(self) -> None:
        """Show the lockout delay left, counting down; unlock the pad when it is over."""
        if self.learner is None:
            self.countdown.stop()
            return
        left = self.ctx.inst.learners.locked_for(self.learner.id)
        if left > 0:
            seconds = math.ceil(left)
            self.pads.setEnabled(False)
            self.message.setText(self.tr("Too many wrong tries. Try again in %n second(s).", "", seconds))
            if not self.countdown.isActive():
                self.countdown.start()
        else:
            if self.countdown.isActive():
                self.countdown.stop()
                self.message.setText(self.tr("You can try again now."))
            if not self.pads.isEnabled():
                self.pads.setEnabled(True)
                self._focus_pad()
