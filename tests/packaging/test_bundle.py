"""The built Linux bundle runs as a stranger's PC would run it: unpacked anywhere, no Python, no checkout.

Building takes minutes, so these tests take a bundle already built by ``bash packaging/build-bundle.sh``
and named by ``HUBDESK_BUNDLE`` (the tarball); without it they skip. ``.ci/run`` builds once after the
test command and runs ``pytest -m bundle`` with it set, outside the test command's 15-minute budget.
The bundle is unpacked once per session; every program runs with an empty environment (``env -i``
plus HOME and a bare PATH), from ``/``, with a fresh data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import hubdesk

pytestmark = pytest.mark.bundle
ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ENV = "HUBDESK_BUNDLE"
SIZE_GOAL_MB = 170
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked bundle folder (the one holding the ``hubdesk`` executable)."""
    tgz = os.environ.get(BUNDLE_ENV)
    if not tgz:
        pytest.skip(f"no bundle to test: build it with `bash packaging/build-bundle.sh` and set {BUNDLE_ENV}")
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tgz) as tf:
        tf.extractall(where, filter="tar")
    (folder,) = where.iterdir()
    assert folder.name == f"hubdesk-{hubdesk.__version__}-linux-x86_64"
    return folder


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh login has: no venv, no PYTHONPATH, no checkout anywhere on a path."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def run(exe: Path, *args: str, home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args], env=clean_env(home, **extra), cwd="/", capture_output=True, text=True, timeout=120
    )


def test_bundle_holds_the_program_a_menu_entry_and_icons(bundle: Path) -> None:
    exe = bundle / "hubdesk"
    assert exe.is_file() and os.access(exe, os.X_OK)
    entry = (bundle / "hubdesk.desktop").read_text()
    assert "\nExec=hubdesk" in entry and "\nIcon=hubdesk" in entry and "\nType=Application" in entry
    for size in ICON_SIZES:
        png = bundle / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hubdesk.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    assert (bundle / "icons" / "hicolor" / "scalable" / "apps" / "hubdesk.svg").is_file()
    assert sorted(p.name for p in (bundle / "_internal" / "content_packs").iterdir()) == sorted(
        p.name for p in (ROOT / "content_packs").iterdir() if p.is_dir()
    ), "the sample packs travel in the bundle"
    size_mb = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20
    assert size_mb <= SIZE_GOAL_MB, f"the bundle is {size_mb:.0f} MB unpacked"


def test_bundle_is_the_whole_command_line(bundle: Path, tmp_path: Path) -> None:
    exe, home, data = bundle / "hubdesk", tmp_path / "home", tmp_path / "data"
    assert run(exe, "--version", home=home).stdout.strip() == f"hubdesk {hubdesk.__version__}"
    listed = run(exe, "--data-dir", str(data), "pack", "list", "--json", home=home)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    sample = ROOT / "content_packs" / "digital-literacy"
    built = run(exe, "pack", "build", str(sample), "-o", str(tmp_path / "dl.hubpack"), home=home)
    assert built.returncode == 0, built.stderr
    installed = run(exe, "--data-dir", str(data), "pack", "install", str(tmp_path / "dl.hubpack"), home=home)
    assert installed.returncode == 0, installed.stderr
    found = run(exe, "--data-dir", str(data), "search", "folder", "--json", home=home)
    assert found.returncode == 0 and json.loads(found.stdout), found.stderr
    bad = run(exe, "--data-dir", str(data), "pack", "install", str(tmp_path / "missing.hubpack"), home=home)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private X server (Xvfb picks a free display number itself)."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.skip("Xvfb and xdotool are needed (bash packaging/setup.sh installs them)")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _mapped_files(pid: int) -> set[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return {line.split(maxsplit=5)[5] for line in maps.splitlines() if len(line.split(maxsplit=5)) == 6}


def _screenshot(display: str, out: Path) -> None:
    """Grab the whole X screen with Qt (from the test's own Python, not the bundle's)."""
    code = (
        "import sys\nfrom PySide6.QtGui import QGuiApplication\napp = QGuiApplication([])\n"
        "ok = app.primaryScreen().grabWindow(0).save(sys.argv[1])\nsys.exit(0 if ok else 1)\n"
    )
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    subprocess.run([sys.executable, "-c", code, str(out)], env=env, check=True, timeout=60)


def test_bundle_opens_the_sign_in_screen_on_a_fresh_pc(bundle: Path, tmp_path: Path, display: str) -> None:
    home, data = tmp_path / "home", tmp_path / "fresh-data"
    app = subprocess.Popen(
        [str(bundle / "hubdesk"), "--data-dir", str(data)],
        env=clean_env(home, DISPLAY=display),
        cwd="/",
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        t0, window = time.monotonic(), ""
        while not window and time.monotonic() - t0 < 30:
            assert app.poll() is None, f"the bundle exited: {app.communicate()[0][-500:]}"
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "^HubDesk$"],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
                text=True,
            )
            window = found.stdout.strip()
            time.sleep(0.2)
        assert window, "no HubDesk window within 30 s"
        mapped = _mapped_files(app.pid)
        assert not [m for m in mapped if m.startswith((str(ROOT), sys.prefix, sys.base_prefix))], (
            "the bundle loaded code from the checkout or a Python installation"
        )
        deadline = time.monotonic() + 30  # the sample packs install in a worker after the window shows
        samples = len([p for p in (ROOT / "content_packs").iterdir() if p.is_dir()])
        while not (data / "packs").is_dir() or len(list((data / "packs").iterdir())) < samples:
            assert time.monotonic() < deadline, "the sample packs were not installed from the bundle"
            time.sleep(0.3)
        time.sleep(1.0)
        shot = ROOT / "artefacts" / "bundle-sign-in.png"
        shot.parent.mkdir(exist_ok=True)
        _screenshot(display, shot)
        assert shot.stat().st_size > 10_000, "the screen looks blank"
    finally:
        app.terminate()
        out = app.communicate(timeout=20)[0]
    assert "Traceback" not in out, out[-2000:]
    assert (data / "hubdesk.sqlite3").is_file()
    assert not (home / ".local" / "share" / "HubDesk").exists(), "--data-dir was not honoured"
