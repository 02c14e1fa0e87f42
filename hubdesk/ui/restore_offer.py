"""A database that fails its check at start: offer the newest good backup instead of a dead end.

The app's own settings (its language among them) are in the damaged database, so the dialog
takes the language from the backup it offers. Restoring keeps the damaged database aside and
gives this PC a new device id (see :mod:`hubdesk.core.backups`); the app then starts on the
restored copy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from hubdesk.core import backups
from hubdesk.core.paths import DataDir
from hubdesk.core.store import DamagedStore
from hubdesk.errors import HubDeskError
from hubdesk.ui.translations import Translations


def backup_language(path: Path) -> str:
    """The language the app had in that backup ("en" if it cannot be read)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'ui.language'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return "en"
    return str(row[0]) if row else "en"


def offer_restore(data_dir: Path, damaged: DamagedStore, translations: Translations | None = None) -> bool:
    """Ask whether to restore ``damaged.backup``; restore it if so. True once it is in place."""
    if damaged.backup is None:
        return False
    translations = translations or Translations()
    translations.apply(backup_language(damaged.backup))
    try:
        return _ask_and_restore(data_dir, damaged.backup)
    finally:
        translations.remove()  # the window installs the language of the database it opens


def _ask_and_restore(data_dir: Path, good: Path) -> bool:
    made = next((b.made for b in backups.Backups(DataDir(data_dir).database).list() if b.path == good), None)
    when = f"{made:%Y-%m-%d %H:%M} UTC" if made else good.name
    question = QCoreApplication.translate(
        "RestoreOffer",
        "HubDesk's database on this PC is damaged, so HubDesk cannot open it.\n\n"
        "Restore the newest good backup, from {when}? What was done on this PC after that backup "
        "stays in the damaged copy, which is kept aside.",
    ).format(when=when)
    answer = QMessageBox.question(
        None, "HubDesk", question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backups.restore(DataDir(data_dir).database, good)
    except HubDeskError as exc:
        QMessageBox.critical(None, "HubDesk", str(exc))
        return False
    QMessageBox.information(
        None,
        "HubDesk",
        QCoreApplication.translate(
            "RestoreOffer",
            "The backup is back in place. This PC now has a new device number: if it syncs with a hub, "
            "enrol it again with a new code from the hub.",
        ),
    )
    return True
