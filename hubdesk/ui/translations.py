"""Languages of the interface: Qt translation files (``i18n/hubdesk_<lang>.ts`` compiled to ``.qm``).

The ``.qm`` files ship with the package; when one is missing or older than its ``.ts`` (a
translator just edited it) it is rebuilt with ``pyside6-lrelease``, which PySide6 installs.
Qt's own catalogue (``qtbase_<lang>.qm``) is loaded too, so standard buttons and file dialogs
speak the same language.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

I18N_DIR = Path(__file__).with_name("i18n")
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps"})  # written right to left: the window is mirrored


def is_rtl(language: str) -> bool:
    return language.split("-")[0].split("_")[0].lower() in RTL_LANGUAGES


def shipped_languages() -> list[str]:
    """Languages with a catalogue in the package (English is the source language)."""
    return sorted({"en", *(p.stem.removeprefix("hubdesk_") for p in I18N_DIR.glob("hubdesk_*.ts"))})


def lrelease_command() -> list[str] | None:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return [str(here)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_ts(ts: Path, qm: Path | None = None) -> Path:
    """Compile one ``.ts`` file to ``.qm`` (raises ``RuntimeError`` when lrelease is missing or fails)."""
    qm = qm or ts.with_suffix(".qm")
    cmd = lrelease_command()
    if cmd is None:
        raise RuntimeError("pyside6-lrelease is not installed")
    done = subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False)
    if done.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed on {ts.name}: {done.stderr.strip() or done.stdout.strip()}")
    return qm


def qm_for(language: str) -> Path | None:
    """The compiled catalogue for ``language``, rebuilt when missing or out of date."""
    ts = I18N_DIR / f"hubdesk_{language}.ts"
    qm = ts.with_suffix(".qm")
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        with contextlib.suppress(RuntimeError, OSError):  # a read-only install keeps the shipped .qm
            compile_ts(ts, qm)
    return qm if qm.exists() else None


class Translations:
    """The translators installed in the application for the current language."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def remove(self) -> None:
        """Take this object's catalogues off the application (a dialog shown before the window)."""
        app = QCoreApplication.instance()
        for tr in self._installed:
            if app is not None:
                app.removeTranslator(tr)
        self._installed.clear()
        if isinstance(app, QGuiApplication):
            app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def apply(self, language: str) -> bool:
        """Switch the interface language; English needs no catalogue. Returns False if none was found."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed.clear()
        self.language = language
        if isinstance(app, QGuiApplication):  # Arabic: the whole window reads from the right
            app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
            )
        ok = language == "en"  # the source strings are English; its catalogue only adds plural forms
        qm = qm_for(language)
        if qm is not None:
            tr = QTranslator(app)
            if tr.load(str(qm)):
                app.installTranslator(tr)
                self._installed.append(tr)
                ok = True
        if language == "en":
            return ok
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_tr = QTranslator(app)
        if qt_tr.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt_tr)
            self._installed.append(qt_tr)
        return ok
