"""The app starts HubDesk's own Syncthing (a real one, on 127.0.0.1) after the window is up, and stops it on close."""

from __future__ import annotations

import os
from typing import Any

import pytest

from hubdesk.core.installation import Installation
from hubdesk.sync.syncthing_process import find_binary
from hubdesk.sync.syncthing_transport import configure_managed, managed_process

pytestmark = pytest.mark.skipif(
    find_binary() is None, reason="the syncthing program is not installed (apt-get install syncthing)"
)


def test_the_app_starts_its_syncthing_and_stops_it_on_close(qtbot: Any, inst: Installation, make_window: Any) -> None:
    proc = managed_process(inst)
    proc.prepare()  # as 'hubdesk sync syncthing start' did once: keys, loopback config
    configure_managed(inst)
    assert not proc.running()
    window = make_window(inst)
    assert window.sync is None  # nothing before the window is shown and started
    window.start()
    qtbot.waitUntil(lambda: window.sync.own_syncthing is not None, timeout=60000)
    assert proc.running()
    assert window.sync.syncthing_problem is None
    pid = int(proc.pid_path.read_text())
    assert proc.gui_url.startswith("http://127.0.0.1:")
    window.close()
    assert not proc.running()
    assert not proc.pid_path.exists()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_syncthing_already_running_is_used_and_left_running(qtbot: Any, inst: Installation, make_window: Any) -> None:
    proc = managed_process(inst)
    configure_managed(inst)
    with proc.start():
        pass
    try:
        window = make_window(inst)
        window.start()
        window.sync._syncthing_thread.join(30)
        assert window.sync.own_syncthing is None and window.sync.syncthing_problem is None
        window.close()
        assert proc.running()  # not the app's to stop
    finally:
        proc.stop()
