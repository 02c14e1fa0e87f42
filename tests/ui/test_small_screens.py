"""Small screens and the keyboard: every screen fits a netbook and a 150% laptop, in English and French.

The whole matrix (four sizes, two scales) is ``benchmarks/screen_matrix.py``; here a representative
pair runs, each in its own process whose offscreen screen has that size, so the real fitting code
(room of the screen, frame of a window manager) decides, not a size the test forces.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from benchmarks.screen_matrix import prepare, screen_env
from hubdesk.core.installation import Installation
from hubdesk.ui.fitting import room_for
from hubdesk.ui.tiles import LearnerTile
from tests.ui.conftest import screenshot, sign_in_facilitator

MATRIX = Path(__file__).resolve().parents[2] / "benchmarks" / "screen_matrix.py"


@pytest.mark.parametrize(("size", "scale", "languages"), [("1024x600", "1", "en,ar"), ("1366x768", "1.5", "fr,sw")])
def test_every_screen_and_dialog_fits_without_clipping(tmp_path: Path, size: str, scale: str, languages: str) -> None:
    data = tmp_path / "data"
    prepare(data)
    shots = tmp_path / "shots"
    cmd = [sys.executable, str(MATRIX), "--child", "--data", str(data), "--out", str(shots), "--languages", languages]
    done = subprocess.run(cmd, env=screen_env(size, scale, tmp_path), capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(next(ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("{")))
    assert result["problems"] == [], "\n".join(result["problems"])
    names = {p.stem for p in shots.glob("*.png")}
    for language in languages.split(","):
        for screen in ("sign-in", "sign-in-pictures", "library", "lesson", "quiz", "group", "facilitator"):
            assert f"{language}-{screen}" in names
        assert f"{language}-dialog-add-learner-pictures" in names
    assert len(names) > 40  # every page of the shell's stack and every dialog, in both languages


def test_names_wrap_to_two_lines_before_they_are_elided(qtbot: Any) -> None:
    tile = LearnerTile("Nomvula Thandeka", "#2e86ab")
    qtbot.addWidget(tile)
    assert tile.name_lines() == ["Nomvula", "Thandeka"]
    long = LearnerTile("Maria Fernanda Conceição dos Santos Oliveira", "#2e86ab")
    qtbot.addWidget(long)
    lines = long.name_lines()
    assert len(lines) == 2 and lines[0].startswith("Maria") and lines[1].endswith("…")
    assert LearnerTile("Kofi", "#2e86ab").name_lines() == ["Kofi"]


def test_top_bar_folds_into_a_menu_when_narrow(
    qtbot: Any, library: Installation, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(library)
    shell = sign_in_facilitator(window)
    window.resize(1400, 760)
    qtbot.waitUntil(lambda: not shell.topbar.folded)
    assert shell.switch_button.isVisible() and not shell.topbar.menu_button.isVisible()
    window.resize(760, 560)
    qtbot.waitUntil(lambda: shell.topbar.folded)
    assert not shell.switch_button.isVisible() and shell.topbar.menu_button.isVisible()
    assert shell.search_field.isVisible() and shell.name_button.isVisible()
    actions = {a.text(): a for a in shell.topbar.menu.actions()}
    assert {"My courses", "My progress", "Study group", "Facilitator", "Switch learner"} <= set(actions)
    actions["My progress"].trigger()
    assert shell.body.currentWidget() is shell.progress
    assert shell.topbar.geometry().right() <= window.width()
    assert screenshot(window, tmp_path / "folded-top-bar.png") > 16


def test_learner_dialog_with_pictures_stays_on_the_screen_and_enter_saves(
    qtbot: Any, library: Installation, make_window: Any
) -> None:
    from hubdesk.ui.learner_dialogs import LearnerDialog

    window = make_window(library)
    sign_in_facilitator(window)
    dialog = LearnerDialog(window.ctx, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Fatou")
    dialog.method.setCurrentIndex(dialog.method.findData("pictures"))
    QApplication.processEvents()
    room = room_for(dialog)  # the offscreen screen: 800x600
    assert room.contains(dialog.frameGeometry()), (dialog.frameGeometry(), room)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isVisible() and dialog.rect().contains(ok.geometry().translated(ok.parentWidget().pos()))
    for index in (2, 5, 7):
        qtbot.keyClick(dialog.pictures.keys[index], Qt.Key.Key_Return)  # the keyboard picks pictures
    assert dialog.pictures.chosen == [2, 5, 7]
    assert ok.hasFocus()  # after the third picture, Enter saves
    qtbot.keyClick(ok, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert library.learners.find("Fatou").secrets == frozenset({"pictures"})
    assert dialog.summary() == "Fatou signs in with three pictures."


def test_escape_closes_every_dialog(qtbot: Any, library: Installation, make_window: Any) -> None:
    from hubdesk.ui.add_pack import AddPackDialog
    from hubdesk.ui.learner_dialogs import LearnerDialog
    from hubdesk.ui.settings_dialog import SettingsDialog

    window = make_window(library)
    for dialog in (
        LearnerDialog(window.ctx, window),
        SettingsDialog(window.ctx.settings, facilitator=False, parent=window),
        AddPackDialog(window.ctx, window),
    ):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_reset_opens_on_the_current_way_and_asks_before_removing_it(
    qtbot: Any, library: Installation, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hubdesk.ui.learner_dialogs import LearnerDialog

    amina = library.learners.add("Amina", pictures=[0, 4, 8])
    joseph = library.learners.add("Joseph", pin="4821")
    window = make_window(library)
    assert LearnerDialog(window.ctx, window, learner=amina).method.currentData() == "pictures"
    reset = LearnerDialog(window.ctx, window, learner=joseph)
    assert reset.method.currentData() == "pin"  # it opened on "no secret": OK removed the PIN
    reset.method.setCurrentIndex(reset.method.findData(""))
    asked: list[Any] = []

    def answer_no(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    reset.save()
    assert asked and asked[0][-1] == QMessageBox.StandardButton.No  # No is the default button
    assert library.learners.get(joseph.id).secrets == frozenset({"pin"})


def test_remove_asks_with_no_as_default_and_is_off_for_yourself(
    qtbot: Any, library: Installation, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    kofi = library.learners.add("Kofi")
    window = make_window(library)
    shell = sign_in_facilitator(window)
    shell.show_manage()
    manage = shell.extra_pages["manage"]
    manage.list.setCurrentRow(-1)
    assert not manage.remove_button.isEnabled()
    rows = {manage.list.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(manage.list.count())}
    manage.list.setCurrentRow(rows[shell.learner.id])
    assert not manage.remove_button.isEnabled()
    manage.list.setCurrentRow(rows[kofi.id])
    assert manage.remove_button.isEnabled()
    defaults: list[Any] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: defaults.append(a[-1]) or QMessageBox.StandardButton.No)
    manage.remove()
    assert defaults == [QMessageBox.StandardButton.No]
    assert kofi.id in {lr.id for lr in library.learners.all()}


def test_typing_works_again_after_a_wrong_pin(qtbot: Any, library: Installation, make_window: Any) -> None:
    joseph = library.learners.add("Joseph", pin="4821")
    window = make_window(library)
    qtbot.mouseClick(window.signin.tiles[joseph.id], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.signin.pin_pad, "1111")
    qtbot.keyClick(window.signin.pin_pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in window.signin.message.text())
    assert window.signin.pin_pad.hasFocus()  # no click needed to type again
    focused = QApplication.focusWidget()
    with qtbot.waitSignal(window.signed_in, timeout=5000):
        qtbot.keyClicks(focused, "4821")
        qtbot.keyClick(focused, Qt.Key.Key_Return)


def test_bigger_text_makes_a_bigger_window_inside_the_screen(
    qtbot: Any, library: Installation, make_window: Any
) -> None:
    window = make_window(library)
    before = window.preferred_size()
    window.ctx.settings.text_scale = 200
    window.ctx.settings.high_contrast = True
    window.apply_look()
    assert window.preferred_size().width() == 2 * before.width()
    assert room_for(window).contains(window.geometry())  # the offscreen screen (800x600) bounds it
    assert "26pt" in window.styleSheet() and "#000000" in window.styleSheet()
