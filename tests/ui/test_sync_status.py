"""The facilitator's sync line: real scheduler, real (refused) loopback hub, status in words."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtCore import Qt

from hubdesk.core.installation import Installation
from hubdesk.sync.state import SyncState
from tests.ui.conftest import sign_in_facilitator


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def facilitator_page(window: Any) -> Any:
    shell = sign_in_facilitator(window)
    shell.show_manage()
    return shell.extra_pages["manage"]


def test_not_set_up_to_sync(qtbot: Any, inst: Installation, make_window: Any) -> None:
    window = make_window(inst)
    window.start()
    window.sync._start_now()
    page = facilitator_page(window)
    assert "not set up to sync" in page.sync_line.text.text()
    assert window.sync.scheduler is None


def test_hub_out_of_reach_is_said_in_words_and_sync_now_tries_again(
    qtbot: Any, inst: Installation, make_window: Any
) -> None:
    SyncState(inst.store).set("hub_url", f"http://127.0.0.1:{closed_port()}")
    window = make_window(inst)
    window.start()
    page = facilitator_page(window)
    assert "few seconds" in page.sync_line.text.text()  # the scheduler waits until the window is up
    window.sync._start_now()
    qtbot.waitUntil(lambda: "cannot be reached" in page.sync_line.text.text(), timeout=10000)
    assert "Next try in" in page.sync_line.text.text()
    attempts = window.sync.scheduler.status.failures
    qtbot.mouseClick(page.sync_line.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.scheduler.status.failures > attempts, timeout=10000)
    window.close()
    assert window.sync.scheduler is None


def test_the_status_sentence_is_built_in_the_ui_from_the_numbers(
    qtbot: Any, inst: Installation, make_window: Any
) -> None:
    from hubdesk.sync.scheduler import SchedulerStatus

    window = make_window(inst)
    window.start()
    line = facilitator_page(window).sync_line
    now = 1_000_000.0
    idle = SchedulerStatus(state="idle", last_sync=now - 125, next_attempt=now + 1, pending=3)
    assert line.describe(idle, now) == "Last sync 2 minutes ago. 3 events waiting to go. Next try in 1 second."
    one = SchedulerStatus(state="error", last_error="It broke.", pending=1, next_attempt=now + 7200)
    assert line.describe(one, now) == (
        "Not synced yet. 1 event waiting to go. The last sync failed: It broke. Next try in 2 hours."
    )
    assert line.describe(SchedulerStatus(state="syncing", next_attempt=now + 5), now) == "Syncing now."


def test_a_missing_syncthing_program_is_said_in_words(
    qtbot: Any, inst: Installation, make_window: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    from hubdesk.sync.syncthing_transport import configure_managed

    monkeypatch.setenv("HUBDESK_SYNCTHING", str(tmp_path / "no-such-syncthing"))
    configure_managed(inst)
    window = make_window(inst)
    window.start()
    page = facilitator_page(window)
    qtbot.waitUntil(lambda: window.sync.syncthing_problem is not None, timeout=10000)
    qtbot.waitUntil(lambda: "syncthing program is not installed" in page.sync_line.text.text(), timeout=5000)
    assert window.sync.own_syncthing is None
    window.close()


def test_no_syncthing_set_up_starts_none(qtbot: Any, inst: Installation, make_window: Any) -> None:
    window = make_window(inst)
    window.start()
    assert window.sync._syncthing_thread is None
    window.close()
