"""The one window: the sign-in screen, or the signed-in learner's shell.

A learner's shell is built at sign-in and thrown away at sign-out, so nothing one learner had on
screen (a note, a search, a quiz) can be seen by the next person at a shared PC. Signing out
(by the button, by idle time or by closing the window) first saves what the learner was typing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QMainWindow, QScrollArea, QStackedWidget, QWidget

from hubdesk.core.events import Event
from hubdesk.core.learners import Learner
from hubdesk.ui import style
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import fit_window
from hubdesk.ui.idle import IdleWatcher
from hubdesk.ui.peer_service import PeerService
from hubdesk.ui.pictures import picture_icon
from hubdesk.ui.signin import SignInPage
from hubdesk.ui.sync_status import SyncBridge
from hubdesk.ui.translations import Translations

WARM_SEARCH_MS = 3000
PREFERRED_SIZE = QSize(1180, 760)


class MainWindow(QMainWindow):
    signed_in = Signal(object)
    signed_out = Signal(str)
    pc_joined = Signal(str)  # the name of a computer that joined the centre (from any thread)

    def __init__(self, ctx: AppContext, translations: Translations | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.translations = translations or Translations()
        self.setWindowTitle(self.tr("HubDesk"))
        self.apply_look()
        self.setWindowIcon(picture_icon(1, 64))  # the house: "the learning hub"
        self.resize(PREFERRED_SIZE)  # start_app fits it to the screen; pages scroll or fold when it is small
        self.pages = QStackedWidget()
        # a page that cannot shrink to a small screen (a netbook, 150% scale) scrolls as a whole
        # instead of growing the window past the screen
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroller.setWidget(self.pages)
        self.setCentralWidget(scroller)
        self.signin = self._make_signin()
        self.shell: QWidget | None = None
        self.learner: Learner | None = None
        self.idle = IdleWatcher(self)
        self.idle.set_minutes(ctx.settings.idle_minutes)
        self.idle.idle.connect(self.sign_out_idle)
        self.sample_installer: object | None = None
        self.sync: SyncBridge | None = None
        self.peers = PeerService(ctx, self)
        ctx.extras["peers"] = self.peers
        self.closed = False
        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)

    def _make_signin(self) -> SignInPage:
        page = SignInPage(self.ctx)
        page.signed_in.connect(self.sign_in)
        page.add_requested.connect(self.add_first_learner)
        page.settings_requested.connect(self.open_settings)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        return page

    # -- first start ---------------------------------------------------------------------------
    def start(self) -> None:
        """After the window is on screen: install the sample packs if the library is empty."""
        from hubdesk.ui.samples import SampleInstaller

        installer = SampleInstaller(self.ctx, self)
        installer.status.connect(self.signin.set_status)
        installer.progress.connect(self.signin.set_progress)
        installer.finished.connect(lambda _titles: QTimer.singleShot(WARM_SEARCH_MS, self.warm_search))
        self.sample_installer = installer
        QTimer.singleShot(0, installer.start)
        self.sync = SyncBridge(self.ctx, self)
        self.ctx.extras["sync"] = self.sync
        self.sync.start()
        # the day's copy of the database (SQLite's online backup: the app keeps writing meanwhile);
        # the worker holds only the path, never a widget it could be the last to let go of
        from hubdesk.core.backups import Backups

        self.ctx.workers.run(Backups(self.ctx.inst.dirs.database).daily, on_failed=lambda _exc: None)
        # a centre of several PCs keeps them in step while the app runs (after the window is up)
        self.pc_joined.connect(self._say_pc_joined)
        self.ctx.inst.log.subscribe(self._centre_events)
        if self.ctx.inst.centre.is_named:
            QTimer.singleShot(0, lambda: self.peers.request(lambda _node: None))

    def _centre_events(self, events: list[Event]) -> None:
        """On the writer's thread (a sync may run in a worker): hand PC arrivals to the GUI thread."""
        for ev in events:
            if ev.kind == "centre.pc_joined":
                self.pc_joined.emit(str(ev.payload.get("name") or ev.payload.get("device") or ""))

    def _say_pc_joined(self, name: str) -> None:
        self.signin.set_status(self.tr("The computer %1 joined this centre.").replace("%1", name))

    def warm_search(self) -> None:
        """Bring the search index up to date in a worker, so the first search of the day is quick."""
        search = getattr(self.ctx.inst, "search", None)
        if search is not None and not self.closed and not self.ctx.workers.busy:
            self.ctx.workers.run(search.ensure_fresh, on_failed=lambda _exc: None)

    # -- session -------------------------------------------------------------------------------
    def sign_in(self, learner: Learner) -> None:
        from hubdesk.ui.shell import LearnerShell

        if self.shell is not None:
            self.sign_out()
        self.learner = learner
        shell = LearnerShell(self.ctx, learner)
        shell.switch_requested.connect(self.sign_out)
        shell.settings_requested.connect(self.open_settings)
        shell.learners_changed.connect(self.signin.refresh)
        self.pages.addWidget(shell)
        self.pages.setCurrentWidget(shell)
        self.shell = shell
        self.idle.start()
        self.signed_in.emit(learner)

    def sign_out(self, reason: str = "") -> None:
        """Save what the learner was doing and go back to the tiles."""
        self.idle.stop()
        for dialog in self.findChildren(QDialog):  # nothing of this learner stays open on screen
            if dialog.isVisible():
                dialog.reject()
        shell = self.shell
        if shell is not None:
            shell.close_session()  # type: ignore[attr-defined]
            self.pages.removeWidget(shell)
            shell.deleteLater()
        self.shell = None
        self.learner = None
        self.signin.refresh()
        self.signin.set_status(reason)
        self.pages.setCurrentWidget(self.signin)
        self.signed_out.emit(reason)

    def sign_out_idle(self) -> None:
        if self.shell is None:
            return
        if self.ctx.workers.busy:  # someone is waiting for an install: not idle, just patient
            self.idle.start()
            return
        notes = getattr(getattr(self.shell, "reader", None), "notes", None)
        editor = getattr(notes, "editor", None)
        had_note = editor is not None and bool(editor.toPlainText().strip())  # "kept" only if there was one
        self.sign_out(
            self.tr("You were signed out because nobody used HubDesk for a while. Your note was kept.")
            if had_note
            else self.tr("You were signed out because nobody used HubDesk for a while.")
        )

    # -- dialogs -------------------------------------------------------------------------------
    def add_first_learner(self) -> None:
        """First start: is this computer a new centre, one of a centre's computers, or on its own?"""
        from hubdesk.ui.centre_views import JOINED, CentreSetupDialog, should_ask
        from hubdesk.ui.learner_dialogs import LearnerDialog

        if should_ask(self.ctx):
            setup = CentreSetupDialog(self.ctx, parent=self)
            if not setup.exec():
                return
            if setup.outcome != "alone":
                self.peers.request(lambda _node: None)
            if setup.outcome == JOINED:  # the centre's learners are here now: they sign in as they are
                self.signin.refresh()
                self.signin.set_status(self.tr("This computer joined %1.").replace("%1", setup.joined_name))
                return
        dialog = LearnerDialog(self.ctx, parent=self, first=True)
        if dialog.exec():
            self.signin.refresh()

    def open_settings(self) -> None:
        from hubdesk.ui.settings_dialog import SettingsDialog

        facilitator = self.learner is not None and self.learner.is_facilitator
        dialog = SettingsDialog(self.ctx.settings, facilitator=facilitator, parent=self)
        if not dialog.exec():
            return
        self.idle.set_minutes(self.ctx.settings.idle_minutes)
        if dialog.look_changed:
            self.apply_look()
        if dialog.language_changed:
            self.retranslate()

    def preferred_size(self) -> QSize:
        """The window's size where the screen has room: larger with larger text (fit_window bounds it)."""
        scale = max(100, self.ctx.settings.text_scale) / 100
        return QSize(round(PREFERRED_SIZE.width() * scale), round(PREFERRED_SIZE.height() * scale))

    def apply_look(self) -> None:
        """Text size and contrast from this PC's settings, for every screen and dialog."""
        settings = self.ctx.settings
        self.setStyleSheet(style.stylesheet(settings.text_scale, settings.high_contrast))
        if self.isVisible() and not self.isMaximized():  # bigger text: a bigger window, inside the screen
            fit_window(self, self.preferred_size())

    def retranslate(self) -> None:
        """Apply the new language by rebuilding the screens (the learner stays signed in)."""
        self.translations.apply(self.ctx.settings.language)
        learner = self.learner
        old = self.signin
        self.signin = self._make_signin()
        self.pages.removeWidget(old)
        old.deleteLater()
        self.setWindowTitle(self.tr("HubDesk"))
        if learner is not None:
            self.sign_in(learner)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        if self.shell is not None:
            self.sign_out()
        installer = self.sample_installer
        if installer is not None:
            installer.cancel()  # type: ignore[attr-defined]
        if self.sync is not None:
            self.sync.stop()
        self.ctx.inst.log.unsubscribe(self._centre_events)
        self.peers.stop()
        self.idle.detach()
        self.ctx.workers.shutdown()
        super().closeEvent(event)
