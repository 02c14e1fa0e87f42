"""A study group belongs to the learner who holds it: on a shared PC, the next learner to sign in
sees nothing of it and cannot write into it (real widgets, real installations, real peer nodes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from hubdesk.core.events import CENTRE, SITE
from hubdesk.core.groups import GroupError
from hubdesk.core.installation import Installation
from hubdesk.core.learners import Learner
from hubdesk.peers.joining import join
from hubdesk.peers.node import PeerNode
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.context import AppContext
from hubdesk.ui.group_panel import GroupPanel
from hubdesk.ui.workers import Workers


@pytest.fixture
def node_for(make_inst: Callable[[str], Installation]) -> Iterator[Callable[[str], tuple[Installation, PeerNode]]]:
    started: list[PeerNode] = []

    def factory(name: str) -> tuple[Installation, PeerNode]:
        inst = make_inst(name)
        node = PeerNode(inst, host="127.0.0.1", discover=False, poll_s=0.1)
        node.start()
        started.append(node)
        return inst, node

    yield factory
    for node in started:
        node.stop()


@pytest.fixture
def panel_for(qtbot: Any) -> Iterator[Callable[..., GroupPanel]]:
    made: list[GroupPanel] = []

    def make(inst: Installation, learner: Learner, node: PeerNode | None) -> GroupPanel:
        ctx = AppContext(inst=inst, settings=AppSettings(inst.store), workers=Workers(parent=QApplication.instance()))
        panel = GroupPanel(ctx, learner, node)
        qtbot.addWidget(panel)
        panel.show()
        made.append(panel)
        return panel

    yield make
    for panel in made:
        panel.shutdown()
        panel.ctx.workers.wait()
        panel.close()


def _sign_out(panel: GroupPanel) -> None:
    """What the shell does when a learner signs out: the panel records pending typing and goes."""
    panel.shutdown()
    panel.close()


def test_the_next_learner_at_the_pc_sees_and_edits_nothing_of_the_last_ones_groups(
    qtbot: Any, node_for: Any, panel_for: Any, tmp_path: Path
) -> None:
    a, na = node_for("pc")
    amina, kofi = a.learners.add("Amina"), a.learners.add("Kofi")
    panel = panel_for(a, amina, na)
    qtbot.keyClicks(panel.new_name, "Fractions circle")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.groups.count() == 1, timeout=5000)
    gid = panel.group_id
    code = a.groups.code(gid or "")
    assert gid and code and code in panel.code_label.text()
    qtbot.keyClicks(panel.editor, "Amina's working")
    qtbot.keyClicks(panel.question_input, "Is a half of 8 four?")
    qtbot.mouseClick(panel.ask_button, Qt.MouseButton.LeftButton)
    panel.grab().save(str(tmp_path / "amina.png"))
    _sign_out(panel)
    assert a.group_notes.text(gid) == "Amina's working"

    other = panel_for(a, kofi, na)  # Kofi sits down at the same PC
    other.grab().save(str(tmp_path / "kofi.png"))
    assert other.groups.count() == 0 and other.group_id is None
    shown = " ".join(
        [other.title.text(), other.code_label.text(), other.editor.toPlainText(), other.message.text()]
        + [other.members.item(i).text() for i in range(other.members.count())]
        + [other.online.item(i).text() for i in range(other.online.count())]
    )
    assert "Fractions" not in shown and code not in shown and "Amina" not in shown
    assert other.questions.topLevelItemCount() == 0
    assert not any(w.isEnabled() for w in (other.editor, other.leave_button, other.remove_button, other.ask_button))
    # asking the panel to open her group (a stale id, a crafted call) opens nothing
    other.open_group(gid)
    assert other.group_id is None and other.editor.toPlainText() == "" and code not in other.code_label.text()
    # and the core refuses Kofi's writes into it, whatever the view does
    with pytest.raises(GroupError):
        a.group_notes.append(gid, kofi.id, "Kofi was here")
    with pytest.raises(GroupError):
        a.group_questions.ask(gid, kofi, "Can I see?")
    with pytest.raises(GroupError):
        a.groups.leave(gid, kofi.id)
    assert a.group_notes.text(gid) == "Amina's working"
    assert {m.name for m in a.groups.members(gid)} == {"Amina"}
    # a group Kofi starts is his alone, and Amina's is still hers when she is back
    kofi_group, _ = a.groups.create("Kofi's circle", kofi)
    other.refresh_groups()
    assert [other.groups.item(i).text() for i in range(other.groups.count())] == ["Kofi's circle"]
    _sign_out(other)
    back = panel_for(a, amina, na)
    assert [back.groups.item(i).text() for i in range(back.groups.count())] == ["Fractions circle"]
    assert back.editor.toPlainText() == "Amina's working" and kofi_group.id != back.group_id


def test_online_now_is_who_sits_at_each_pc_now(qtbot: Any, node_for: Any, panel_for: Any) -> None:
    a, na = node_for("pc1")
    b, nb = node_for("pc2")
    amina = a.learners.add("Amina")
    kofi, esi = b.learners.add("Kofi"), b.learners.add("Esi")
    _group, code = a.groups.create("Shell club", amina)
    join(b, code, kofi, f"127.0.0.1:{na.port}")
    panel = panel_for(a, amina, na)
    kofi_panel = panel_for(b, kofi, nb)
    names = lambda: sorted(panel.online.item(i).text() for i in range(panel.online.count()))  # noqa: E731
    qtbot.waitUntil(lambda: names() == ["Amina", "Kofi"], timeout=5000)
    _sign_out(kofi_panel)  # Kofi goes; Esi, in no group, uses his PC now
    esi_panel = panel_for(b, esi, nb)
    qtbot.waitUntil(lambda: names() == ["Amina"], timeout=5000)
    assert esi_panel.groups.count() == 0


def test_a_learners_groups_follow_them_to_another_pc_of_the_centre(qtbot: Any, node_for: Any, panel_for: Any) -> None:
    a, _na = node_for("pc1")
    b, nb = node_for("pc2")
    amina = a.learners.add("Amina")
    group, _code = a.groups.create("Fractions circle", amina)
    a.group_notes.append(group.id, amina.id, "from PC 1")
    # the centre's replication carries its 'centre' and 'site' events between its PCs
    b.log.apply([ev for ev in a.log.events() if ev.scope in (CENTRE, SITE)])
    assert [g.name for g in b.groups.of_learner(amina.id)] == ["Fractions circle"]
    panel = panel_for(b, b.learners.get(amina.id), nb)
    assert [panel.groups.item(i).text() for i in range(panel.groups.count())] == ["Fractions circle"]
    # PC 2 reaches the group through PC 1 (its address came with the key) and gets the notes
    qtbot.waitUntil(lambda: panel.editor.toPlainText() == "from PC 1", timeout=5000)
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.editor, ", and PC 2")
    qtbot.waitUntil(lambda: a.group_notes.text(group.id) == "from PC 1, and PC 2", timeout=5000)
    assert b.groups.of_learner(b.learners.add("Kofi").id) == []
