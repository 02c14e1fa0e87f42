"""A database that fails its check at start is offered its newest good backup (in the backup's
language), restored on Yes, and the app then opens on it; on No nothing changes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from hubdesk.core.backups import Backups
from hubdesk.core.installation import Installation
from hubdesk.core.store import DamagedStore


def _damaged_with_backup(data: Path, language: str) -> tuple[str, Path]:
    inst = Installation(data)
    inst.store.meta_set("ui.language", language)
    for i in range(200):
        inst.learners.add(f"Learner {i}")
    good = Backups(inst.dirs.database).make("manual")
    device = inst.device_id
    db = inst.dirs.database
    inst.close()
    raw = bytearray(db.read_bytes())
    raw[8192 : 8192 + 16384] = b"\xa5" * 16384
    db.write_bytes(bytes(raw))
    return device, good.path


def test_the_app_offers_the_newest_good_backup_and_opens_on_it(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hubdesk.app import open_or_restore

    data = tmp_path / "data"
    old_device, _good = _damaged_with_backup(data, "fr")
    asked: list[str] = []
    told: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text)))
    hook = sys.excepthook
    _app, window, inst = open_or_restore(data)
    try:
        qtbot.addWidget(window)
        assert len(asked) == 1 and "endommagée" in asked[0] and "sauvegarde" in asked[0]  # the backup's language
        assert len(told) == 1 and "nouveau numéro" in told[0]
        assert inst.device_id != old_device
        assert len(inst.learners.all()) == 200
    finally:
        sys.excepthook = hook
        window.translations.apply("en")  # the restored database speaks French: leave English to the next tests
        window.close()
        window.ctx.workers.wait()
        shiboken6.delete(window)
        inst.close()


def test_no_leaves_everything_as_it_was(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hubdesk.app import open_or_restore

    data = tmp_path / "data"
    _damaged_with_backup(data, "en")
    before = (data / "hubdesk.sqlite3").read_bytes()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No))
    with pytest.raises(DamagedStore):
        open_or_restore(data)
    assert (data / "hubdesk.sqlite3").read_bytes() == before
