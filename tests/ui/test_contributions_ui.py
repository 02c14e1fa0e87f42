"""A contribution through the real widgets: written, sent, changes asked, sent again, approved, then
read by another learner on another PC of the centre; screenshots of the editor and the queue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hubdesk.core.contributions import APPROVED, CHANGES_ASKED, SUBMITTED
from hubdesk.core.installation import Installation
from hubdesk.ui.contribution_editor import ContributionEditor
from hubdesk.ui.contributions_view import MyContributionsDialog, ReviewPanel
from tests.core.reports_util import make_course
from tests.core.test_contributions import _png
from tests.ui.conftest import screenshot, sign_in_directly


def test_contribution_round_trip_to_another_pc(
    qtbot: Any, make_inst: Callable[[str], Installation], make_window: Any, tmp_path: Path
) -> None:
    a, b = make_inst("pc-a"), make_inst("pc-b")
    b.centre_id = a.centre_id  # type: ignore[method-assign]  # two PCs of one centre
    course = make_course(tmp_path / "src", tmp_path / "money.hubpack")
    for inst in (a, b):
        inst.packs.install(course)
    amina = a.learners.add("Amina")
    grace = a.learners.add("Grace", role="facilitator", password="s3cret-pass")
    kofi = a.learners.add("Kofi")

    window = make_window(a)
    shell = sign_in_directly(window, amina)
    shell.open_lesson("money", "market")
    reader = shell.reader
    reader.contribute.click()
    editor = reader.editor
    assert isinstance(editor, ContributionEditor)
    editor.kind.setCurrentIndex(editor.kind.findData("example"))
    editor.title.setText("Prices at Gikomba")
    editor.text.setPlainText("A kilo of **tomatoes** costs 80 shillings at Gikomba.")
    picture = tmp_path / "stall.png"
    picture.write_bytes(_png(60, 40))
    editor.add_picture(picture)
    assert "](pic-1.png)" in editor.text.toPlainText() and not editor.error.text()
    (tmp_path / "fake.png").write_bytes(b"GIF89a" + bytes(40))
    editor.add_picture(tmp_path / "fake.png")
    assert "PNG or JPEG" in editor.error.text() and len(editor.pictures) == 1
    qtbot.waitUntil(lambda: "tomatoes" in editor.preview.toPlainText(), timeout=3000)
    assert "CC BY-SA 4.0" in editor.licence.text() and "Amina" in editor.licence.text()
    screenshot(editor, tmp_path / "contribution-editor.png")
    editor.submit_button.click()
    assert "I agree" in editor.error.text()  # the licence first
    editor.agree.setChecked(True)
    with qtbot.waitSignal(editor.submitted):
        editor.submit_button.click()
    [item] = a.contributions.mine(amina.id)
    assert item.state == SUBMITTED

    review = ReviewPanel(window.ctx, grace)
    qtbot.addWidget(review)
    review.resize(1000, 560)
    review.refresh()
    assert review.list.count() == 1 and "Gikomba" in review.view.toPlainText()
    screenshot(review, tmp_path / "review-queue.png")
    review.comment.setText("Which month were these prices?")
    review.changes_button.click()
    assert a.contributions.get(item.id).state == CHANGES_ASKED

    mine = MyContributionsDialog(window.ctx, amina, shell)
    qtbot.addWidget(mine)
    assert "Which month were these prices?" in mine.list.item(0).text()
    shell.progress.edit_contribution(item.id)
    again = shell.progress.editor
    assert again.text.toPlainText().startswith("A kilo") and "Which month" in again.error.text()
    again.text.setPlainText("In March, a kilo of **tomatoes** cost 80 shillings at Gikomba.\n![stall](pic-1.png)")
    again.agree.setChecked(True)
    with qtbot.waitSignal(again.submitted):
        again.submit_button.click()
    review.refresh()
    review.approve_button.click()
    assert a.contributions.get(item.id).state == APPROVED

    b.log.apply(a.log.events())  # the centre's PCs sync: PC B rebuilds the community pack by itself
    window_b = make_window(b)
    shell_b = sign_in_directly(window_b, b.learners.get(kofi.id))
    shell_b.open_lesson("money", "market")
    [beside] = shell_b.reader.beside_buttons
    assert beside.text().startswith("From learners at")
    beside.click()
    assert "In March, a kilo of tomatoes" in shell_b.reader.browser.toPlainText()
    assert "Amina" in shell_b.reader.browser.toPlainText()
    assert "-pic-1.png" in shell_b.reader.browser.toHtml()  # the picture travelled inside the pack
    screenshot(window_b, tmp_path / "from-learners.png")
