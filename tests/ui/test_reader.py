"""The library and the lesson reader: progress, continue, images, links, text size, finishing, time."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument

from hubdesk.core.installation import Installation
from tests.ui.conftest import sign_in_directly


def test_library_shows_packs_progress_and_language_filter(
    qtbot: Any, library: Installation, make_window: Any, pack_file: Any
) -> None:
    library.packs.install(pack_file("calcul-au-quotidien"))
    amina = library.learners.add("Amina")
    dl = library.packs.get("digital-literacy")
    library.progress.finish_lesson(amina.id, dl.id, dl.lessons[0].id)
    library.progress.finish_lesson(amina.id, dl.id, dl.lessons[1].id)
    window = make_window(library)
    page = sign_in_directly(window, amina).library
    assert len(page.cards) == 2
    texts = {c.pack_id: " ".join(w.text() for w in c.findChildren(type(page.empty))) for c in page.cards}
    assert f"2 of {len(dl.lessons)} lessons finished" in texts["digital-literacy"]
    assert "version 1.0.0" in texts["digital-literacy"]
    assert "Français" in texts["calcul-au-quotidien"]
    page.language.setCurrentIndex(page.language.findData("fr"))
    assert [c.pack_id for c in page.cards] == ["calcul-au-quotidien"]
    page.language.setCurrentIndex(0)
    assert len(page.cards) == 2


def test_continue_where_you_left_off(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    pack = inst.packs.list()[0]
    inst.progress.open_lesson(amina.id, pack.id, pack.lessons[3].id)
    shell = sign_in_directly(window, amina)
    assert pack.lessons[3].title in shell.library.continue_button.text()
    qtbot.mouseClick(shell.library.continue_button, Qt.MouseButton.LeftButton)
    assert shell.body.currentWidget() is shell.reader
    assert shell.reader.lesson.id == pack.lessons[3].id


def test_open_lesson_from_the_course_page(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    shell = sign_in_directly(window, inst.learners.add("Amina"))
    pack = inst.packs.list()[0]
    qtbot.mouseClick(shell.library.cards[0].open_button, Qt.MouseButton.LeftButton)
    assert shell.body.currentWidget() is shell.pack_page
    assert shell.pack_page.lessons.count() == len(pack.lessons)
    item = shell.pack_page.lessons.item(2)
    shell.pack_page.lessons.itemActivated.emit(item)
    assert shell.body.currentWidget() is shell.reader
    reader = shell.reader
    assert reader.lesson.id == pack.lessons[2].id
    text = reader.browser.toPlainText()
    assert pack.lessons[2].title in text and len(text) > 500
    assert inst.progress.last_position(shell.learner.id) == (pack.id, pack.lessons[2].id)


def test_lesson_images_come_from_the_pack_and_nothing_else(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    shell = sign_in_directly(window, inst.learners.add("Amina"))
    pack = inst.packs.get("digital-literacy")
    shell.open_lesson(pack.id, "files-and-folders")
    html = inst.packs.render_lesson(pack.id, "files-and-folders").html
    src = re.search(r'<img[^>]*src="([^"]+)"', html)
    assert src is not None
    browser = shell.reader.browser
    image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(src.group(1)))
    assert image is not None and not image.isNull() and image.width() > 10
    assert (
        browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("http://example.org/x.png")) is None
    )
    assert browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("../../../etc/passwd")) is None


def test_in_pack_links_navigate_and_web_links_need_internet(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    shell = sign_in_directly(window, inst.learners.add("Amina"))
    pack = inst.packs.get("digital-literacy")
    shell.open_lesson(pack.id, "files-and-folders")
    html = inst.packs.render_lesson(pack.id, "files-and-folders").html
    target = re.search(r'href="(hubdesk:lesson/[^"#]+)', html)
    assert target is not None
    shell.reader.browser.anchorClicked.emit(QUrl(target.group(1)))
    assert shell.reader.lesson.id == target.group(1).split("/", 1)[1]

    with qtbot.waitSignal(shell.reader.web_link_clicked) as blocker:
        shell.reader.browser.anchorClicked.emit(QUrl("https://example.org/help"))
    assert blocker.args == ["https://example.org/help"]
    dialog = shell.reader.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.field.text() == "https://example.org/help"
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://example.org/help"
    dialog.accept()
    assert shell.reader.lesson.id == target.group(1).split("/", 1)[1]  # nothing was opened


def test_text_size_is_remembered_per_learner(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina, kofi = inst.learners.add("Amina"), inst.learners.add("Kofi")
    pack = inst.packs.list()[0]
    shell = sign_in_directly(window, amina)
    shell.open_lesson(pack.id, pack.lessons[0].id)
    start = shell.reader.text_size
    qtbot.mouseClick(shell.reader.bigger, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(shell.reader.bigger, Qt.MouseButton.LeftButton)
    assert shell.reader.text_size == start + 4
    assert shell.reader.browser.document().defaultFont().pointSize() == start + 4
    window.sign_out()

    other = sign_in_directly(window, kofi)
    assert other.reader.text_size == start
    window.sign_out()
    again = sign_in_directly(window, amina)
    assert again.reader.text_size == start + 4


def test_previous_next_finish_and_time_spent(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    pack = inst.packs.list()[0]
    shell = sign_in_directly(window, amina)
    shell.open_lesson(pack.id, pack.lessons[0].id)
    reader = shell.reader
    assert not reader.previous.isEnabled() and reader.next.isEnabled()
    qtbot.mouseClick(reader.next, Qt.MouseButton.LeftButton)
    assert reader.lesson.id == pack.lessons[1].id
    qtbot.mouseClick(reader.previous, Qt.MouseButton.LeftButton)
    assert reader.lesson.id == pack.lessons[0].id

    assert not inst.progress.is_finished(amina.id, pack.id, pack.lessons[0].id)
    with qtbot.waitSignal(reader.lesson_finished):
        qtbot.mouseClick(reader.finish, Qt.MouseButton.LeftButton)
    assert inst.progress.is_finished(amina.id, pack.id, pack.lessons[0].id)
    assert not reader.finish.isVisible() and "Finished" in reader.done_label.text()
    events = inst.store.query("SELECT COUNT(*) FROM events WHERE kind = 'lesson.finished'")[0][0]
    assert events == 1

    qtbot.wait(300)
    shell.show_library()  # leaving the reader records the time spent
    summary = inst.progress.pack_summary(amina.id, pack.id, [ls.id for ls in pack.lessons])
    assert summary.finished == 1 and summary.seconds >= 0.25
    assert "1 of" in " ".join(w.text() for w in shell.library.cards[0].findChildren(type(shell.library.empty)))


def test_progress_view(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    pack = inst.packs.list()[0]
    inst.progress.finish_lesson(amina.id, pack.id, pack.lessons[0].id)
    inst.progress.add_time(amina.id, pack.id, pack.lessons[0].id, 125)
    shell = sign_in_directly(window, amina)
    qtbot.mouseClick(shell.progress_button, Qt.MouseButton.LeftButton)
    assert shell.body.currentWidget() is shell.progress
    text = " ".join(w.text() for w in shell.progress.findChildren(type(shell.progress.total)))
    assert f"Lessons finished: 1 of {len(pack.lessons)}" in text
    assert "2 minutes" in text
    assert "1 lesson finished" in shell.progress.total.text()
