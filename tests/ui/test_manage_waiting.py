"""The facilitator page says which course updates wait at the hub, until they arrive."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.sync.carried import WAITING_KEY
from hubdesk.sync.state import SyncState
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.context import AppContext
from hubdesk.ui.manage import ManagePage
from hubdesk.ui.workers import Workers
from tests.core.packs_util import make_source


def test_waiting_updates_show_on_the_facilitator_page(inst: Installation, qtbot: Any, tmp_path: Path) -> None:
    SyncState(inst.store).set_json(
        WAITING_KEY,
        [{"id": "demo", "version": "2.0.0", "title": "Demo pack", "size": 900_000_000}],
    )
    ctx = AppContext(inst=inst, settings=AppSettings(inst.store), workers=Workers(parent=QApplication.instance()))
    page = ManagePage(ctx, inst.learners.add("Grace", role="facilitator", password="s3cret-pass"))
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    page.refresh()
    assert page.waiting.isVisible() and "Demo pack 2.0.0" in page.waiting.text()
    if os.environ.get("HUBDESK_SCREENSHOTS"):
        page.grab().save(os.path.join(os.environ["HUBDESK_SCREENSHOTS"], "manage-waiting.png"))
    # once that version is installed (from a stick or a sync), the line goes away
    pack = tmp_path / "demo.hubpack"
    build_pack(make_source(tmp_path / "src", version="2.0.0"), pack)
    inst.packs.install(pack)
    page.refresh()
    assert not page.waiting.isVisible()


def test_a_clock_days_ahead_shows_on_the_facilitator_page(make_inst: Any, qtbot: Any) -> None:
    from hubdesk.core.clock import HybridClock
    from hubdesk.core.clock_skew import DAY_MS

    inst, liar = make_inst("here"), make_inst("liar")
    liar.log.clock = HybridClock(liar.device_id, now_ms=lambda: HybridClock("x").wall() + 4 * DAY_MS)
    inst.log.apply([liar.log.append("test.thing", {})])
    ctx = AppContext(inst=inst, settings=AppSettings(inst.store), workers=Workers(parent=QApplication.instance()))
    page = ManagePage(ctx, inst.learners.add("Grace", role="facilitator", password="s3cret-pass"))
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    page.refresh()
    assert page.clocks.isVisible() and f"The clock of PC {liar.device_id} is 4 day" in page.clocks.text()
    if os.environ.get("HUBDESK_SCREENSHOTS"):
        page.grab().save(os.path.join(os.environ["HUBDESK_SCREENSHOTS"], "manage-clocks.png"))
