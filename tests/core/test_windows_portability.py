"""What must hold on a Windows PC too, tested here on Linux and again by the Windows CI (``pytest -m windows``).

The install lock must exclude another *process* (the app and a CLI command, or two CLI commands),
whichever locking call the platform has; file names a pack may hold must be ones Windows can create;
the data folder is the per-user one unless told otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hubdesk.core.packs._install import install_lock
from hubdesk.core.packs._names import check_member_name
from hubdesk.core.paths import ENV_VAR, resolve_data_dir
from hubdesk.errors import PackError

pytestmark = pytest.mark.windows

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from hubdesk.core.packs._install import install_lock
    with install_lock(Path(sys.argv[1])) as got:
        assert got
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _hold_in_another_process(root: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(root), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def _end(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def test_install_lock_held_by_another_process_is_refused_without_waiting(tmp_path: Path) -> None:
    proc = _hold_in_another_process(tmp_path, 5.0)
    try:
        t0 = time.monotonic()
        with install_lock(tmp_path, wait=False) as got:
            assert got is False
        assert time.monotonic() - t0 < 1.0
    finally:
        _end(proc)
    with install_lock(tmp_path, wait=False) as got:  # the holder died: its lock went with it
        assert got is True


def test_install_lock_waits_for_another_process_to_let_go(tmp_path: Path) -> None:
    proc = _hold_in_another_process(tmp_path, 1.0)
    try:
        t0 = time.monotonic()
        with install_lock(tmp_path) as got:
            assert got is True
            waited = time.monotonic() - t0
        assert proc.wait(10) == 0
    finally:
        _end(proc)
    assert waited > 0.5, "the second holder got in while the first still held the lock"


def test_install_lock_is_not_reentrant_within_a_process(tmp_path: Path) -> None:
    with install_lock(tmp_path) as first, install_lock(tmp_path, wait=False) as second:
        assert first is True and second is False


@pytest.mark.parametrize(
    "name",
    ["nul", "NUL.txt", "assets/con.png", "lessons/Com1.md", "lpt9", "aux .md", "notes.", "a/b /c.md", "CONIN$"],
)
def test_names_windows_cannot_hold_are_refused(name: str) -> None:
    with pytest.raises(PackError, match="Windows"):
        check_member_name(name)


@pytest.mark.parametrize("name", ["console.md", "nullable/aux-data.txt", "lessons/com10.md", "a.b.c/.hidden", "é/ü.md"])
def test_ordinary_names_close_to_device_names_pass(name: str) -> None:
    assert check_member_name(name) == name


def test_data_folder_is_per_user_unless_told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    default = resolve_data_dir()
    assert default.name == "HubDesk" and default.is_absolute()
    if sys.platform == "win32":
        assert Path(os.environ["LOCALAPPDATA"]) in default.parents
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert resolve_data_dir() == (tmp_path / "from-env").resolve()
    assert resolve_data_dir(tmp_path / "explicit") == (tmp_path / "explicit").resolve()
