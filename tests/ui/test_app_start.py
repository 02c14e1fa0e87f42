"""The composition root as `hubdesk` runs it: straight to the window, first-start samples after the paint."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from hubdesk.cli import _app_data_dir
from tests.conftest import CONTENT_PACKS


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ""),
        (["--data-dir", "/x"], "/x"),
        (["--data-dir=/x"], "/x"),
        (["pack", "list"], None),
        (["--data-dir", "/x", "search", "loop"], None),
        (["--help"], None),
        (["--version"], None),
    ],
)
def test_only_a_bare_hubdesk_goes_straight_to_the_app(argv: list[str], expected: str | None) -> None:
    assert _app_data_dir(argv) == expected


def test_start_app_shows_sign_in_then_installs_the_samples(qtbot: Any, tmp_path: Path) -> None:
    if not CONTENT_PACKS.is_dir():
        pytest.skip("this checkout has no content_packs/")
    from hubdesk.app import start_app

    hook = sys.excepthook
    _app, window, inst = start_app(tmp_path / "data")
    try:
        assert window.isVisible() and window.pages.currentWidget() is window.signin
        assert inst.packs.list() == []  # nothing installed before the window is up
        qtbot.waitUntil(lambda: window.ctx.settings.samples_offered, timeout=60000)
        assert len(inst.packs.list()) == len([d for d in CONTENT_PACKS.iterdir() if (d / "pack.yaml").is_file()])
        assert window.windowTitle() == "HubDesk"
    finally:
        sys.excepthook = hook
        window.close()
        window.ctx.workers.wait()
        shiboken6.delete(window)
        inst.close()
