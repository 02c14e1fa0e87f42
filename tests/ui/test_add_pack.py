"""Adding a course pack in the app: from a USB stick, with progress, cancel, and errors in words."""

from __future__ import annotations

import itertools
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from hubdesk.core.installation import Installation
from tests.ui.conftest import sign_in_facilitator


def usb_stick(tmp_path: Path, *packs: Path) -> Path:
    root = tmp_path / "usb"
    folder = root / "HUBDESK" / "packs"
    folder.mkdir(parents=True)
    for pack in packs:
        shutil.copy(pack, folder / pack.name)
    return root


def facilitator_dialog(qtbot: Any, window: Any) -> Any:
    shell = sign_in_facilitator(window)
    qtbot.mouseClick(shell.manage_button, Qt.MouseButton.LeftButton)
    manage = shell.extra_pages["manage"]
    qtbot.mouseClick(manage.add_pack_button, Qt.MouseButton.LeftButton)
    return shell, shell.add_pack_dialog


def test_install_from_usb_stick_with_progress(
    qtbot: Any, inst: Installation, make_window: Any, pack_file: Any, tmp_path: Path
) -> None:
    stick = usb_stick(tmp_path, pack_file("shell-novice"))
    window = make_window(inst, usb_roots=[stick])
    shell, dialog = facilitator_dialog(qtbot, window)
    assert dialog.found.count() == 1 and dialog.found.item(0).text() == "shell-novice.hubpack"
    steps: list[tuple[int, int]] = []
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(10)
    ticks.append(time.monotonic())
    with qtbot.waitSignal(dialog.installed, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.install_selected, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
        assert not dialog.close_button.isEnabled()
        dialog.task.signals.progress.connect(lambda d, t: steps.append((d, t)))
    heartbeat.stop()
    ticks.append(time.monotonic())
    assert blocker.args[0].pack_id == "shell-novice"
    # the window kept answering while the install ran in the worker
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.75
    assert steps and steps[-1][0] == steps[-1][1] and all(b[0] >= a[0] for a, b in itertools.pairwise(steps))
    assert dialog.progress.value() == 100
    assert "is installed" in dialog.status.text()
    assert [p.id for p in inst.packs.list()] == ["shell-novice"]
    assert [c.pack_id for c in shell.library.cards] == ["shell-novice"]  # the library refreshed


def test_cancel_leaves_the_library_unchanged(
    qtbot: Any, inst: Installation, make_window: Any, pack_file: Any, tmp_path: Path
) -> None:
    stick = usb_stick(tmp_path, pack_file("shell-novice"))
    window = make_window(inst, usb_roots=[stick])
    _shell, dialog = facilitator_dialog(qtbot, window)
    # keep the pool busy so the install is still waiting when the person presses Cancel
    gate = threading.Event()
    workers = window.ctx.workers
    for _ in range(workers.pool.maxThreadCount()):
        workers.run(gate.wait, 10)
    failed: list[BaseException] = []
    dialog.install(dialog._selected())
    dialog.task.signals.failed.connect(failed.append)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelling" in dialog.status.text()
    gate.set()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert "Cancelled" in dialog.status.text()
    assert type(failed[0]).__name__ == "Cancelled"
    assert inst.packs.list() == []
    assert not inst.dirs.staging.exists() or not list(inst.dirs.staging.iterdir())
    assert dialog.close_button.isEnabled()


def test_a_damaged_pack_is_refused_in_words(qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path) -> None:
    bad = tmp_path / "broken.hubpack"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip file" * 50)
    window = make_window(inst, usb_roots=[usb_stick(tmp_path, bad)])
    _shell, dialog = facilitator_dialog(qtbot, window)
    dialog.install(dialog._selected())
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    text = dialog.status.text()
    assert text and "Traceback" not in text and text.endswith(".")
    assert dialog.status.objectName() == "bad"
    assert inst.packs.list() == []


def test_no_usb_stick_found(qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path) -> None:
    window = make_window(inst, usb_roots=[tmp_path])
    _shell, dialog = facilitator_dialog(qtbot, window)
    assert "No USB stick" in dialog.found.item(0).text()
    assert not dialog.install_selected.isEnabled()


def test_first_start_installs_the_sample_packs_in_a_worker(qtbot: Any, inst: Installation, make_window: Any) -> None:
    from tests.conftest import CONTENT_PACKS

    if not CONTENT_PACKS.is_dir():
        pytest.skip("this checkout has no content_packs/")
    window = make_window(inst, sample_packs=CONTENT_PACKS)
    window.start()
    assert inst.packs.list() == []  # the window is up before anything is installed
    qtbot.waitUntil(lambda: window.signin.progress.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.ctx.settings.samples_offered, timeout=60000)
    names = sorted(d.name for d in CONTENT_PACKS.iterdir() if (d / "pack.yaml").is_file())
    assert sorted(p.id for p in inst.packs.list()) == names
    assert "ready" in window.signin.status.text()
    assert not window.signin.progress.isVisible()
    # a second start does nothing, even after the facilitator removed a sample
    inst.packs.remove(names[0])
    window.start()
    qtbot.wait(100)
    assert len(inst.packs.list()) == len(names) - 1


def test_first_start_without_sample_folder_is_quiet(
    qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(inst, sample_packs=tmp_path / "absent")
    window.start()
    qtbot.wait(100)
    assert inst.packs.list() == [] and window.signin.status.text() == ""
