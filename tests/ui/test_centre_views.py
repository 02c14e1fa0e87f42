"""The centre in the app: the first-start choice, and the facilitator's list of the centre's computers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hubdesk.core.installation import Installation
from hubdesk.peers.node import PeerNode
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.centre_views import ALONE, CREATED, JOINED, CentrePCsDialog, CentreSetupDialog, should_ask
from hubdesk.ui.context import AppContext
from hubdesk.ui.workers import Workers
from tests.ui.conftest import screenshot


def _ctx(inst: Installation) -> AppContext:
    return AppContext(inst=inst, settings=AppSettings(inst.store), workers=Workers(parent=QApplication.instance()))


def test_first_start_creates_a_named_centre(inst: Installation, qtbot: Any, tmp_path: Path) -> None:
    ctx = _ctx(inst)
    assert should_ask(ctx)
    dialog = CentreSetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Kibera Youth Centre")
    qtbot.keyClicks(dialog.place, "Nairobi")
    assert screenshot(dialog, tmp_path / "centre-new.png") > 10
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert dialog.outcome == CREATED and inst.centre.info().name == "Kibera Youth Centre"
    assert not should_ask(ctx)


def test_just_this_computer_is_asked_once(inst: Installation, qtbot: Any) -> None:
    ctx = _ctx(inst)
    dialog = CentreSetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.alone_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome == ALONE and not inst.centre.is_named and not should_ask(ctx)


def test_a_second_computer_joins_with_the_code_shown_on_the_first(make_inst: Any, qtbot: Any, tmp_path: Path) -> None:
    first, second = make_inst("pc1"), make_inst("pc2")
    first.centre.create("Kibera Youth Centre")
    first.learners.add("Amina Diallo", pin="2468")
    node = PeerNode(first, host="127.0.0.1", discover=False)
    node.start()
    try:
        pcs = CentrePCsDialog(_ctx(first))
        qtbot.addWidget(pcs)
        pcs.show()
        qtbot.mouseClick(pcs.code_button, Qt.MouseButton.LeftButton)
        code = pcs.code_label.text()
        assert len(code) == 11 and pcs.code_label.isVisible()
        ctx2 = _ctx(second)
        dialog = CentreSetupDialog(ctx2)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog._show(2)  # the join page, without looking on the network (tests stay on loopback)
        qtbot.keyClicks(dialog.code, code)
        qtbot.keyClicks(dialog.address, f"127.0.0.1:{node.port}")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome == JOINED, timeout=20_000)
        assert [lr.name for lr in second.learners.all()] == ["Amina Diallo"]
        pcs.refresh()
        assert pcs.list.count() == 2
        assert screenshot(pcs, tmp_path / "centre-pcs.png") > 10
        ctx2.workers.wait()
    finally:
        node.stop()
