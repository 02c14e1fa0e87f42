"""The facilitator page says "HubDesk X is ready to install" and installs it in one step, data backed up first."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from hubdesk import __version__
from hubdesk.core.installation import Installation
from hubdesk.core.releases import Updates, backups_root, trusted_release_keys
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.context import AppContext
from hubdesk.ui.manage import ManagePage
from hubdesk.ui.workers import Workers
from tests.core.release_util import installed_program, release, trusted_key
from tests.ui.conftest import screenshot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the test bundles' program is a shell script")


def _page(inst: Installation, qtbot: Any) -> ManagePage:
    ctx = AppContext(inst=inst, settings=AppSettings(inst.store), workers=Workers(parent=QApplication.instance()))
    page = ManagePage(ctx, inst.learners.add("Grace", role="facilitator", password="s3cret-pass"))
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    return page


def test_a_waiting_release_installs_from_the_facilitator_page(
    inst: Installation, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    program = installed_program(tmp_path, __version__)
    page = _page(inst, qtbot)
    page.refresh()
    assert not page.update_banner.isVisible(), "nothing waiting: nothing said"
    Updates(inst.dirs.root, __version__, trusted_release_keys()).receive(release(tmp_path, key, "99.0.0"))
    page.update_banner.program = program  # as if this HubDesk ran from that installed folder
    page.refresh()
    banner = page.update_banner
    assert banner.isVisible() and banner.line.text() == "HubDesk 99.0.0 is ready to install."
    assert banner.button.isVisible()
    assert screenshot(page, tmp_path / "update-ready.png") > 20
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])  # install: yes; restart: later
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    with qtbot.waitSignal(banner.installed, timeout=30_000):
        banner.button.click()
    assert (program / "_internal" / "marker.txt").read_text() == "99.0.0"
    assert banner.line.text() == "HubDesk 99.0.0 is installed. Start it again to use it."
    assert list(backups_root(inst.dirs.root).glob("before-99.0.0-*"))
    page.refresh()
    assert not banner.isVisible(), "an installed release is not offered again"


def test_from_source_the_page_says_where_to_install_and_offers_no_button(
    inst: Installation, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    Updates(inst.dirs.root, __version__, trusted_release_keys()).receive(release(tmp_path, key, "99.0.0"))
    page = _page(inst, qtbot)
    page.refresh()
    assert page.update_banner.isVisible() and "runs from source" in page.update_banner.line.text()
    assert not page.update_banner.button.isVisible()
