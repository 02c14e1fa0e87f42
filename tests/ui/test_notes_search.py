"""Personal notes (autosave, privacy on a shared PC) and search (typos, own notes, opening a result)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import sign_in_directly


def test_note_autosaves_a_moment_after_typing_stops(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    pack = inst.packs.list()[0]
    shell = sign_in_directly(window, amina)
    shell.open_lesson(pack.id, pack.lessons[0].id)
    notes = shell.reader.notes
    qtbot.keyClicks(notes.editor, "double-click opens a folder")
    assert inst.notes.get(amina.id, pack.id, pack.lessons[0].id) == ""  # not while typing
    started = time.monotonic()
    with qtbot.waitSignal(notes.saved, timeout=5000):
        pass
    assert 0.5 <= time.monotonic() - started + 0.05 <= 3.0
    assert inst.notes.get(amina.id, pack.id, pack.lessons[0].id) == "double-click opens a folder"
    assert notes.state.text() == "Saved"

    # moving to another lesson saves at once and shows that lesson's own note
    qtbot.keyClicks(notes.editor, " twice")
    shell.reader.step(1)
    assert inst.notes.get(amina.id, pack.id, pack.lessons[0].id) == "double-click opens a folder twice"
    assert notes.editor.toPlainText() == ""
    shell.reader.step(-1)
    assert notes.editor.toPlainText() == "double-click opens a folder twice"


def test_notes_are_private_to_their_learner(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina, kofi = inst.learners.add("Amina"), inst.learners.add("Kofi")
    pack = inst.packs.list()[0]
    lesson = pack.lessons[0]
    shell = sign_in_directly(window, amina)
    shell.open_lesson(pack.id, lesson.id)
    qtbot.keyClicks(shell.reader.notes.editor, "my secret zebra mnemonic")
    window.sign_out()  # saves the note
    assert inst.notes.get(amina.id, pack.id, lesson.id) == "my secret zebra mnemonic"

    other = sign_in_directly(window, kofi)
    other.open_lesson(pack.id, lesson.id)
    assert other.reader.notes.editor.toPlainText() == ""
    other.search("zebra")
    qtbot.waitUntil(lambda: "result" in other.search_page.heading.text(), timeout=15000)
    assert all(hit.kind != "note" for hit in other.search_page.hits)
    window.sign_out()

    mine = sign_in_directly(window, amina)
    mine.search("zebra")
    qtbot.waitUntil(lambda: "result" in mine.search_page.heading.text(), timeout=15000)
    assert [(h.kind, h.lesson_id) for h in mine.search_page.hits] == [("note", lesson.id)]
    mine.search_page.open_result(0)
    assert mine.body.currentWidget() is mine.reader
    assert mine.reader.notes.editor.toPlainText() == "my secret zebra mnemonic"


def test_search_with_a_typo_and_open_a_result(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    shell = sign_in_directly(window, inst.learners.add("Amina"))
    qtbot.keyClicks(shell.search_field, "pasword")
    with qtbot.waitSignal(shell.search_page.results_shown, timeout=15000) as blocker:
        qtbot.keyClick(shell.search_field, Qt.Key.Key_Return)
    assert shell.body.currentWidget() is shell.search_page
    page = shell.search_page
    assert blocker.args[0] > 0
    assert page.suggested == "password"
    assert page.suggestion.isVisible() and "password" in page.suggestion.text()
    assert "password" in page.heading.text()
    assert any("<b" in h.snippet_html for h in page.hits)
    assert len(page.cards) == len(page.hits)

    with qtbot.waitSignal(page.results_shown, timeout=15000):
        page.suggestion.linkActivated.emit("password")  # what clicking "did you mean" does
    assert shell.search_field.text() == "password" and not page.suggested
    first = page.hits[0]
    page.cards[0].setFocus()
    qtbot.keyClick(page.cards[0], Qt.Key.Key_Return)
    assert shell.body.currentWidget() is shell.reader
    assert (shell.reader.pack.id, shell.reader.lesson.id) == (first.pack_id, first.lesson_id)


def test_search_that_finds_nothing_says_so(qtbot: Any, window: Any) -> None:
    shell = sign_in_directly(window, window.ctx.inst.learners.add("Amina"))
    with qtbot.waitSignal(shell.search_page.results_shown, timeout=15000) as blocker:
        shell.search("qqxqzzv")
    assert blocker.args == [0]
    assert shell.search_page.empty.isVisible() and "Nothing found" in shell.search_page.empty.text()
