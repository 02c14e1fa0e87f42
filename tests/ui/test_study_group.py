"""The study-group panel inside the app: started from the top bar, node on loopback, typing kept at sign-out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import sign_in_directly


def test_study_group_from_the_top_bar(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    inst.store.meta_set("peer.host", "127.0.0.1")  # tests talk on loopback only
    inst.store.meta_set("peer.port", "0")
    amina = inst.learners.add("Amina")
    shell = sign_in_directly(window, amina)
    pack = inst.packs.list()[0]
    shell.open_lesson(pack.id, pack.lessons[1].id)
    assert window.peers.node is None  # nothing listens on the network before someone opens a group
    qtbot.mouseClick(shell.group_button, Qt.MouseButton.LeftButton)
    panel = shell.extra_pages["group"]
    assert shell.body.currentWidget() is shell.group_page and panel.isVisible()
    assert panel.lesson == f"{pack.id}/{pack.lessons[1].id}"
    qtbot.waitUntil(lambda: panel.node is not None, timeout=15000)
    assert panel.node is window.peers.node and panel.node.port > 0

    qtbot.keyClicks(panel.new_name, "Mouse club")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.groups.count() == 1, timeout=10000)
    group_id = panel.group_id
    group = inst.groups.get(group_id)
    assert group.name == "Mouse club"
    panel.typing.setInterval(60_000)  # the learner signs out before the pause that records typing
    qtbot.keyClicks(panel.editor, "Double-click opens.")
    window.sign_out()
    assert inst.group_notes.text(group_id) == "Double-click opens."

    window.close()
    assert window.peers.node is None
