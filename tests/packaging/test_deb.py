"""The Debian package installs with apt-get, runs, and removes without leaving anything behind.

Takes the package named by ``HUBDESK_DEB`` (built by ``bash packaging/build-bundle.sh``); without it, or
without root and apt-get, it skips. It changes the machine (``/opt``, ``/usr``), so it runs only where
``.ci/run`` asks for it, after the test command, and refuses to touch a PC where HubDesk is already
installed from a package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import hubdesk

pytestmark = pytest.mark.bundle
DEB_ENV = "HUBDESK_DEB"


def _installed() -> bool:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "hubdesk"], capture_output=True, text=True)
    return done.stdout.strip() == "install ok installed"


@pytest.fixture
def deb() -> Path:
    path = os.environ.get(DEB_ENV)
    if not path:
        pytest.skip(f"no package to test: build it with `bash packaging/build-bundle.sh` and set {DEB_ENV}")
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("installing a .deb needs root and apt-get")
    if _installed():
        pytest.skip("a hubdesk package is already installed on this PC; not touching it")
    return Path(path).resolve()


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_deb_declares_what_it_needs(deb: Path) -> None:
    assert _field(deb, "Package") == "hubdesk"
    assert _field(deb, "Version") == hubdesk.__version__
    assert _field(deb, "Architecture") == "amd64"
    depends = {d.strip().split(" ")[0] for d in _field(deb, "Depends").split(",")}
    assert {"libc6", "libxcb1", "libegl1", "libgl1", "xkb-data", "syncthing", "fonts-dejavu-core"} <= depends


def test_deb_installs_runs_and_removes_cleanly(deb: Path, tmp_path: Path) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(["apt-get", "install", "-y", "-q", str(deb)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    try:
        files = subprocess.run(["dpkg", "-L", "hubdesk"], capture_output=True, text=True, check=True).stdout.split()
        assert "/usr/share/applications/hubdesk.desktop" in files
        assert "/usr/share/icons/hicolor/256x256/apps/hubdesk.png" in files
        assert "/usr/share/icons/hicolor/scalable/apps/hubdesk.svg" in files
        assert Path("/usr/bin/hubdesk").resolve() == Path("/opt/hubdesk/hubdesk")
        clean = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        version = subprocess.run(["hubdesk", "--version"], env=clean, cwd="/", capture_output=True, text=True)
        assert version.stdout.strip() == f"hubdesk {hubdesk.__version__}", version.stderr
        data = tmp_path / "data"
        listed = subprocess.run(
            ["hubdesk", "--data-dir", str(data), "pack", "list", "--json"],
            env=clean,
            cwd="/",
            capture_output=True,
            text=True,
        )
        assert listed.returncode == 0 and json.loads(listed.stdout) == [], listed.stderr
    finally:
        removed = subprocess.run(["apt-get", "remove", "-y", "-q", "hubdesk"], env=env, capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr[-1500:]
    assert not _installed()
    for path in files:
        assert not Path(path).is_file(), f"{path} is still there after removal"
    assert not Path("/opt/hubdesk").exists() and not Path("/usr/bin/hubdesk").exists()
    assert (data / "hubdesk.sqlite3").is_file(), "removing the program leaves learners' data alone"
