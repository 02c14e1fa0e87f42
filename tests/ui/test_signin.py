"""Sign-in on a shared PC: PIN, pictures, lockout, idle sign-out, switching learner, facilitator tasks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hubdesk.core.installation import Installation
from tests.ui.conftest import sign_in_directly, sign_in_facilitator


def tap_pin(qtbot: Any, window: Any, pin: str) -> None:
    pad = window.signin.pin_pad
    for digit in pin:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok, Qt.MouseButton.LeftButton)


def test_sign_in_with_pin(qtbot: Any, library: Installation, make_window: Any) -> None:
    joseph = library.learners.add("Joseph", pin="4821")
    library.learners.add("Amina")
    window = make_window(library)
    qtbot.mouseClick(window.signin.tiles[joseph.id], Qt.MouseButton.LeftButton)
    assert window.signin.pads.currentWidget() is window.signin.pin_pad
    assert window.shell is None

    tap_pin(qtbot, window, "1111")
    qtbot.waitUntil(lambda: "not right" in window.signin.message.text())
    assert window.shell is None
    qtbot.keyClick(window.signin.pin_pad, Qt.Key.Key_Escape)  # Esc goes back to the tiles
    assert window.signin.stack.currentIndex() == 0
    qtbot.mouseClick(window.signin.tiles[joseph.id], Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(window.signed_in, timeout=5000) as blocker:
        tap_pin(qtbot, window, "4821")
    assert blocker.args[0].id == joseph.id
    assert window.shell.learner.id == joseph.id


def test_pin_typed_on_the_keyboard(qtbot: Any, library: Installation, make_window: Any) -> None:
    joseph = library.learners.add("Joseph", pin="482100")
    window = make_window(library)
    window.signin.choose(joseph)
    window.signin.pin_pad.setFocus()
    with qtbot.waitSignal(window.signed_in, timeout=5000):
        qtbot.keyClicks(window.signin.pin_pad, "482100")
        qtbot.keyClick(window.signin.pin_pad, Qt.Key.Key_Return)


def test_sign_in_with_pictures(qtbot: Any, library: Installation, make_window: Any) -> None:
    amina = library.learners.add("Amina", pictures=[3, 0, 7])
    window = make_window(library)
    qtbot.mouseClick(window.signin.tiles[amina.id], Qt.MouseButton.LeftButton)
    pad = window.signin.picture_pad
    assert window.signin.pads.currentWidget() is pad

    for index in (3, 7, 0):  # the right pictures in the wrong order
        qtbot.mouseClick(pad.keys[index], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in window.signin.message.text())
    assert window.shell is None and pad.chosen == []

    with qtbot.waitSignal(window.signed_in, timeout=5000):
        for index in (3, 0, 7):
            qtbot.mouseClick(pad.keys[index], Qt.MouseButton.LeftButton)
    assert window.shell.learner.id == amina.id


def test_lockout_after_wrong_tries_counts_down(qtbot: Any, library: Installation, make_window: Any) -> None:
    clock = [1_000_000.0]
    library.learners._now = lambda: clock[0]
    joseph = library.learners.add("Joseph", pin="4821")
    window = make_window(library)
    window.signin.choose(joseph)
    free = library.learners.policy.free_attempts
    for attempt in range(free):
        tap_pin(qtbot, window, "0000")
        qtbot.waitUntil(lambda: window.signin.pads.isEnabled() or library.learners.locked_for(joseph.id) > 0)
        qtbot.waitUntil(lambda a=attempt: window.signin.message.text() != "Checking…")
    delay = library.learners.policy.delay_after(free)
    qtbot.waitUntil(lambda: "Try again in" in window.signin.message.text())
    assert f"Try again in {int(delay)} seconds." in window.signin.message.text()
    assert not window.signin.pads.isEnabled()

    # coming back to the tile later still shows the lock
    window.signin.show_tiles()
    window.signin.choose(joseph)
    assert not window.signin.pads.isEnabled()
    assert "Try again in" in window.signin.message.text()

    clock[0] += delay + 1  # time passes; the countdown notices by itself
    qtbot.waitUntil(lambda: window.signin.pads.isEnabled(), timeout=3000)
    assert "try again now" in window.signin.message.text()
    with qtbot.waitSignal(window.signed_in, timeout=5000):
        tap_pin(qtbot, window, "4821")


def test_idle_sign_out_keeps_the_unsaved_note(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    window.signin.refresh()
    shell = sign_in_directly(window, amina)
    pack = inst.packs.list()[0]
    shell.open_lesson(pack.id, pack.lessons[0].id)
    shell.reader.notes.timer.setInterval(60_000)  # the autosave would come much later
    qtbot.keyClicks(shell.reader.notes.editor, "remember the mouse")
    assert inst.notes.get(amina.id, pack.id, pack.lessons[0].id) == ""

    window.idle.set_timeout_ms(300)
    with qtbot.waitSignal(window.signed_out, timeout=5000) as blocker:
        window.idle.start()
    assert "signed out" in blocker.args[0]
    assert window.shell is None
    assert window.pages.currentWidget() is window.signin
    assert "signed out" in window.signin.status.text()
    assert inst.notes.get(amina.id, pack.id, pack.lessons[0].id) == "remember the mouse"


def test_activity_postpones_idle_sign_out(qtbot: Any, window: Any) -> None:
    amina = window.ctx.inst.learners.add("Amina")
    window.signin.refresh()
    shell = sign_in_directly(window, amina)
    window.idle.set_timeout_ms(400)
    window.idle.start()
    for _ in range(4):
        qtbot.wait(200)
        qtbot.keyClick(shell.search_field, Qt.Key.Key_A)
    assert window.shell is shell
    qtbot.waitUntil(lambda: window.shell is None, timeout=3000)


def test_switching_learner_takes_two_clicks(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    kofi = inst.learners.add("Kofi")
    window.signin.refresh()
    sign_in_directly(window, amina)
    qtbot.mouseClick(window.shell.switch_button, Qt.MouseButton.LeftButton)  # click 1
    assert window.shell is None
    qtbot.mouseClick(window.signin.tiles[kofi.id], Qt.MouseButton.LeftButton)  # click 2
    assert window.shell is not None and window.shell.learner.id == kofi.id


def test_facilitator_signs_in_with_password_and_sees_facilitator_tools(
    qtbot: Any, library: Installation, make_window: Any
) -> None:
    grace = library.learners.add("Grace", role="facilitator", password="kettle-rain")
    amina = library.learners.add("Amina")
    window = make_window(library)
    window.signin.choose(grace)
    assert window.signin.pads.currentWidget() is window.signin.password
    with qtbot.waitSignal(window.signed_in, timeout=5000):
        qtbot.keyClicks(window.signin.password.field, "kettle-rain")
        qtbot.keyClick(window.signin.password.field, Qt.Key.Key_Return)
    assert window.shell.facilitator_buttons
    window.sign_out()
    sign_in_directly(window, amina)
    assert not window.shell.facilitator_buttons


def test_facilitator_adds_renames_resets_and_removes_learners(
    qtbot: Any, library: Installation, make_window: Any
) -> None:
    from hubdesk.ui.learner_dialogs import LearnerDialog

    window = make_window(library)
    shell = sign_in_facilitator(window)
    shell.show_manage()
    manage = shell.extra_pages["manage"]

    dialog = LearnerDialog(window.ctx, manage)
    dialog.name.setText("Fatou")
    dialog.method.setCurrentIndex(dialog.method.findData("pictures"))
    for index in (1, 2, 3):
        dialog.pictures.press(index)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    manage._done()
    fatou = library.learners.find("Fatou")
    assert fatou.secrets == frozenset({"pictures"})
    assert fatou.id in window.signin.tiles  # the sign-in screen was refreshed

    weak = LearnerDialog(window.ctx, manage)
    weak.name.setText("Musa")
    weak.role.setCurrentIndex(weak.role.findData("facilitator"))
    weak.method.setCurrentIndex(weak.method.findData("pin"))
    weak.pin.setText("1234")
    weak.save()
    assert "password" in weak.error.text() and weak.result() != weak.DialogCode.Accepted

    bad = LearnerDialog(window.ctx, manage)
    bad.name.setText("Musa")
    bad.method.setCurrentIndex(bad.method.findData("pin"))
    bad.pin.setText("12")
    bad.save()
    assert "4 to 6 digits" in bad.error.text()

    library.learners.rename(fatou.id, "Fatou D.")
    manage.refresh()
    assert any("Fatou D." in manage.list.item(i).text() for i in range(manage.list.count()))

    manage.list.setCurrentRow(next(i for i in range(manage.list.count()) if "Fatou" in manage.list.item(i).text()))
    reset = LearnerDialog(window.ctx, manage, learner=library.learners.get(fatou.id))
    reset.method.setCurrentIndex(reset.method.findData("pin"))
    reset.pin.setText("2468")
    reset.save()
    assert library.learners.get(fatou.id).secrets == frozenset({"pin"})
    assert library.learners.verify(fatou.id, "pin", "2468").id == fatou.id

    library.learners.remove(fatou.id)
    manage._done()
    assert fatou.id not in window.signin.tiles


def test_first_start_asks_for_a_facilitator(qtbot: Any, inst: Installation, make_window: Any) -> None:
    window = make_window(inst)
    assert window.signin.welcome.isVisible() and window.signin.welcome_add.isVisible()
    assert "Nobody" in window.signin.hint.text()
    inst.learners.add("Kofi")  # learners added with the CLI, but no facilitator yet
    window.signin.refresh()
    assert window.signin.welcome is not None and not window.signin.welcome.isVisible()
    assert window.signin.add_first.isVisible()
    inst.learners.add("Grace", role="facilitator", password="kettle-rain")
    window.signin.refresh()
    assert not window.signin.add_first.isVisible()


def test_keyboard_only_sign_in_with_pictures(qtbot: Any, library: Installation, make_window: Any) -> None:
    amina = library.learners.add("Amina", pictures=[2, 5, 8])
    window = make_window(library)
    tile = window.signin.tiles[amina.id]
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    pad = window.signin.picture_pad
    assert window.signin.pads.currentWidget() is pad
    with qtbot.waitSignal(window.signed_in, timeout=5000):
        for index in (2, 5, 8):
            pad.keys[index].setFocus()
            qtbot.keyClick(pad.keys[index], Qt.Key.Key_Return)


def test_settings_language_and_idle_time(qtbot: Any, library: Installation, make_window: Any) -> None:
    from hubdesk.ui.settings_dialog import SettingsDialog

    window = make_window(library)
    learner_view = SettingsDialog(window.ctx.settings, facilitator=False, parent=window)
    assert not learner_view.idle.isEnabled()  # only a facilitator changes the sign-out time
    learner_view.reject()

    dialog = SettingsDialog(window.ctx.settings, facilitator=True, parent=window)
    dialog.idle.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    assert dialog.language_changed
    assert window.ctx.settings.idle_minutes == 3 and window.ctx.settings.language == "fr"
    try:
        window.retranslate()
        window.idle.set_minutes(window.ctx.settings.idle_minutes)
        assert window.idle.timeout_ms == 180_000
        assert window.signin.title.text() == "Qui êtes-vous ?"
    finally:
        window.translations.apply("en")


def test_no_idle_sign_out_while_waiting_for_a_long_job(qtbot: Any, window: Any) -> None:
    import threading

    from hubdesk.ui.settings_dialog import SettingsDialog

    sign_in_facilitator(window)
    dialog = SettingsDialog(window.ctx.settings, facilitator=True, parent=window)
    dialog.open()
    gate = threading.Event()
    window.ctx.workers.run(gate.wait, 20)
    window.idle.set_timeout_ms(150)
    window.idle.start()
    qtbot.wait(600)
    assert window.shell is not None  # an install (here: a task) is running
    gate.set()
    qtbot.waitUntil(lambda: window.shell is None, timeout=5000)
    assert not dialog.isVisible()  # the signed-out learner's dialog was closed too


def test_facilitator_without_a_password_sets_one_before_facilitator_tasks(
    qtbot: Any, library: Installation, make_window: Any
) -> None:
    from PySide6.QtCore import QTimer

    from hubdesk.ui.learner_dialogs import LearnerDialog

    grace = library.learners.add("Grace", role="facilitator")  # e.g. added with the CLI, no password
    window = make_window(library)
    shell = sign_in_directly(window, grace)

    def set_password() -> None:
        dialog = next(d for d in shell.findChildren(LearnerDialog) if d.isVisible())
        assert dialog.method.currentData() == "password"
        dialog.password.setText("kettle-rain")
        dialog.save()

    QTimer.singleShot(100, set_password)
    shell.show_manage()  # the dialog runs modally; the timer above fills it in as a person would
    assert "manage" in shell.extra_pages and shell.body.currentWidget() is shell.extra_pages["manage"]
    assert library.learners.verify(grace.id, "password", "kettle-rain").id == grace.id
