"""Composition root of the learner app: build the installation, the context and the window.

``hubdesk`` with no command calls :func:`run_app`. Start-up is kept short on purpose (the
sign-in screen must be there within a second on an old PC with twenty packs): only the learners
table is read before the window shows; packs are not rendered and the search index is not opened
until someone asks. The first-start install of the sample packs runs afterwards, in a worker.
"""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hubdesk.core.installation import Installation
from hubdesk.core.store import DamagedStore
from hubdesk.errors import HubDeskError
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import fit_window
from hubdesk.ui.main_window import MainWindow
from hubdesk.ui.restore_offer import offer_restore
from hubdesk.ui.samples import default_sample_dir
from hubdesk.ui.translations import Translations
from hubdesk.ui.workers import Workers

_UNSET = object()
START_AFTER_MS = 100
ICON = Path(__file__).with_name("ui") / "icons" / "hubdesk.svg"


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("HubDesk")
    app.setOrganizationName("HubDesk")
    QApplication.setDesktopFileName("hubdesk")  # the menu entry (hubdesk.desktop) the window belongs to
    if ICON.is_file():
        QApplication.setWindowIcon(QIcon(str(ICON)))
    assert isinstance(app, QApplication)
    return app


def create_window(
    inst: Installation,
    *,
    sample_packs: Path | object | None = _UNSET,
    usb_roots: list[Path] | None = None,
) -> MainWindow:
    """Build everything the window needs over an open installation (tests and benchmarks use this)."""
    app = application()
    settings = AppSettings(inst.store)
    ctx = AppContext(
        inst=inst,
        settings=settings,
        workers=Workers(parent=app),
        sample_packs=default_sample_dir() if sample_packs is _UNSET else sample_packs,  # type: ignore[arg-type]
        usb_roots=usb_roots,
    )
    translations = Translations()
    translations.apply(settings.language)
    return MainWindow(ctx, translations)


def _log_unexpected(data_dir: Path, window: MainWindow | None) -> None:
    """An unexpected error in a view: write it to the log file and tell the person in words."""
    log_file = data_dir / "logs" / "app.log"

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            with log_file.open("a", encoding="utf-8") as fh:
                fh.write(f"--- {datetime.now(UTC).isoformat()}\n")
                fh.write("".join(traceback.format_exception(kind, exc, tb)))
        except OSError:
            pass
        if window is not None:
            message = (
                str(exc)
                if isinstance(exc, HubDeskError)
                else QCoreApplication.translate("MainWindow", "Something went wrong. It was noted in the log.")
            )
            window.statusBar().showMessage(message, 8000)

    sys.excepthook = hook


def start_app(data_dir: Path) -> tuple[QApplication, MainWindow, Installation]:
    """Open the installation and show the window (the first-start work is queued, not done)."""
    app = application()
    inst = Installation(data_dir)
    window = create_window(inst)
    _log_unexpected(Path(data_dir), window)
    fit_window(window, window.preferred_size())  # a netbook or a scaled laptop screen: all of it, frame included
    window.show()
    QTimer.singleShot(START_AFTER_MS, window.start)  # first paint the sign-in screen, then the rest
    return app, window, inst


def open_or_restore(data_dir: Path) -> tuple[QApplication, MainWindow, Installation]:
    """:func:`start_app`; a database that fails its check is offered its newest good backup first."""
    try:
        return start_app(data_dir)
    except DamagedStore as exc:
        application()
        if not offer_restore(Path(data_dir), exc):
            raise
    return start_app(data_dir)


def run_app(data_dir: Path) -> int:
    try:
        app, _window, inst = open_or_restore(data_dir)
    except HubDeskError as exc:
        application()
        QMessageBox.critical(None, "HubDesk", str(exc))
        return exc.exit_code
    try:
        return int(app.exec())
    finally:
        inst.close()
