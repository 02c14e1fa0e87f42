"""The study-group panel over two real installations with peer nodes on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hubdesk.core.groups import new_code
from hubdesk.core.installation import Installation
from hubdesk.peers.joining import join
from hubdesk.peers.node import PeerNode
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.context import AppContext
from hubdesk.ui.group_panel import GroupPanel
from hubdesk.ui.workers import Workers


@pytest.fixture
def nodes(make_inst: Callable[[str], Installation]) -> Iterator[Callable[[str], tuple[Installation, PeerNode]]]:
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

    def make(inst: Installation, name: str, node: PeerNode | None) -> GroupPanel:
        ctx = AppContext(inst=inst, settings=AppSettings(inst.store), workers=Workers(parent=QApplication.instance()))
        panel = GroupPanel(ctx, inst.learners.add(name), node)
        qtbot.addWidget(panel)
        panel.show()
        made.append(panel)
        return panel

    yield make
    for panel in made:
        panel.shutdown()  # first: no new work may start while we wait for the running one
        panel.ctx.workers.wait()
        panel.close()


def test_start_a_group_and_write_together_live(qtbot: Any, nodes: Any, panel_for: Any) -> None:
    a, na = nodes("amina")
    b, nb = nodes("kofi")
    panel = panel_for(a, "Amina", na)
    qtbot.keyClicks(panel.new_name, "Fractions circle")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.groups.count() == 1 and "code" in panel.message.text(), timeout=5000)
    gid = panel.group_id
    assert gid is not None and panel.title.text() == "Fractions circle"
    code = a.groups.code(gid)
    assert code and code in panel.message.text() and code in panel.code_label.text()

    kofi = b.learners.add("Kofi")
    join(b, code, kofi, f"127.0.0.1:{na.port}")
    nb.sign_in(kofi.id)  # Kofi sits at his PC (his app's panel would say so)
    qtbot.waitUntil(lambda: panel.online.count() == 2, timeout=5000)  # presence: Kofi is online
    assert {panel.online.item(i).text() for i in range(2)} == {"Amina", "Kofi"}

    # Amina types; Kofi's PC gets it
    qtbot.keyClicks(panel.editor, "Half of 8 is 4.")
    qtbot.waitUntil(lambda: b.group_notes.text(gid) == "Half of 8 is 4.", timeout=5000)
    # Kofi writes at the start while Amina keeps typing at the end: both survive, cursor stays at the end
    b.group_notes.edit(gid, kofi.id, lambda t: t.insert(0, "Kofi: "))
    qtbot.keyClicks(panel.editor, " Yes!")
    qtbot.waitUntil(lambda: panel.editor.toPlainText() == "Kofi: Half of 8 is 4. Yes!", timeout=5000)
    qtbot.waitUntil(lambda: b.group_notes.text(gid) == "Kofi: Half of 8 is 4. Yes!", timeout=5000)
    assert panel.editor.textCursor().position() == len(panel.editor.toPlainText())
    assert a.group_notes.text(gid) == b.group_notes.text(gid)


def test_questions_and_answers_across_pcs(qtbot: Any, nodes: Any, panel_for: Any) -> None:
    a, na = nodes("amina")
    b, _nb = nodes("kofi")
    panel = panel_for(a, "Amina", na)
    panel.set_lesson("shell-novice/02-filedir")
    group, code = a.groups.create("Shell club", panel.learner)
    panel.refresh_groups()
    panel.open_group(group.id)
    kofi = b.learners.add("Kofi")
    join(b, code, kofi, f"127.0.0.1:{na.port}")
    qtbot.keyClicks(panel.question_input, "What does ls -F add?")
    qtbot.mouseClick(panel.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(b.group_questions.thread(group.id)) == 1, timeout=5000)
    [q] = b.group_questions.thread(group.id)
    assert q.lesson == "shell-novice/02-filedir" and q.name == "Amina"
    b.group_questions.answer(group.id, q.id, kofi, "A slash after folders.")
    qtbot.waitUntil(
        lambda: panel.questions.topLevelItemCount() == 1 and panel.questions.topLevelItem(0).childCount() == 1,
        timeout=5000,
    )
    assert "Kofi" in panel.questions.topLevelItem(0).child(0).text(0)
    # answering from the panel: choose the question, write, press Answer
    panel.questions.setCurrentItem(panel.questions.topLevelItem(0))
    qtbot.keyClicks(panel.question_input, "And * after programs.")
    qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(b.group_questions.thread(group.id)[0].answers) == 2, timeout=5000)


def test_join_with_a_code_and_a_wrong_code(qtbot: Any, nodes: Any, panel_for: Any) -> None:
    a, na = nodes("amina")
    b, nb = nodes("kofi")
    amina = a.learners.add("Amina Diallo")
    group, code = a.groups.create("Fractions circle", amina)
    a.group_notes.append(group.id, amina.id, "Our first note.")
    panel = panel_for(b, "Kofi", nb)
    qtbot.keyClicks(panel.code_input, new_code())
    qtbot.keyClicks(panel.address_input, f"127.0.0.1:{na.port}")
    qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.join_button.isEnabled(), timeout=5000)
    assert "did not accept" in panel.message.text()
    assert "Amina" not in panel.message.text() and panel.groups.count() == 0
    panel.code_input.clear()
    qtbot.keyClicks(panel.code_input, code.lower())
    qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.groups.count() == 1 and panel.title.text() == "Fractions circle", timeout=5000)
    assert panel.editor.toPlainText() == "Our first note."
    # a later edit from Amina shows up live in Kofi's editor
    a.group_notes.append(group.id, amina.id, "Second line.")
    qtbot.waitUntil(lambda: panel.editor.toPlainText() == "Our first note.\nSecond line.", timeout=3000)


def test_members_list_creator_removes_and_member_leaves(qtbot: Any, nodes: Any, panel_for: Any) -> None:
    a, na = nodes("amina")
    b, nb = nodes("kofi")
    panel = panel_for(a, "Amina", na)
    group, code = a.groups.create("Circle", panel.learner)
    panel.refresh_groups()
    kofi = b.learners.add("Kofi")
    join(b, code, kofi, f"127.0.0.1:{na.port}")
    kofi_panel = panel_for(b, "Esi", nb)  # Esi on Kofi's PC joins too, then leaves from her panel
    b.groups.join(code, kofi_panel.learner)
    kofi_panel.refresh_groups()
    assert not kofi_panel.remove_button.isEnabled()  # only the creator may remove
    qtbot.mouseClick(kofi_panel.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.members.count() == 2, timeout=5000)
    labels = {panel.members.item(i).text() for i in range(panel.members.count())}
    assert labels == {"Amina (started the group)", "Kofi"}
    assert panel.remove_button.isEnabled()
    panel.members.setCurrentRow([panel.members.item(i).text() for i in range(2)].index("Kofi"))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    new_code = a.groups.code(group.id)
    assert new_code != code and new_code in panel.message.text()  # the creator is shown the new join code
    qtbot.waitUntil(lambda: [m.name for m in b.groups.members(group.id)] == ["Amina"], timeout=5000)
    assert panel.members.count() == 1
