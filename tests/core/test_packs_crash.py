"""Crash safety: SIGKILL an install or an upgrade at every named step, and at random moments.

After each kill the database passes its integrity check and the library shows the old pack or the
new one, complete (every file matches its manifest), never half of one; leftovers are cleaned up
when the library next opens.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.core.packs._install import CRASH_ENV
from tests.core.packs_util import make_source

POINTS_BEFORE = ["staging", "copying", "copied", "renamed", "in-transaction"]
POINTS_AFTER = ["committed", "cleaned"]
SCRIPT = (
    "import sys\nfrom hubdesk.core.installation import Installation\n"
    "Installation(sys.argv[1]).packs.install(sys.argv[2], force=len(sys.argv) > 3)\n"
)


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("crash-packs")
    built = []
    for version in ("1.0.0", "2.0.0"):
        src = make_source(tmp / f"src-{version}", version=version, titles=(f"First {version}", f"Files {version}"))
        (src / "lessons" / "clip.mp4").write_bytes(os.urandom(6 * 1024 * 1024))
        lesson = src / "lessons" / "02-files.md"
        lesson.write_text(lesson.read_text() + "\n[a clip](clip.mp4)\n")
        built.append(build_pack(src, tmp / f"demo-{version}.hubpack").path)
    return built[0], built[1]


def _run(data: Path, pack: Path, point: str | None = None, force: bool = False) -> subprocess.Popen[bytes]:
    env = {**os.environ, CRASH_ENV: point} if point else dict(os.environ)
    args = [sys.executable, "-c", SCRIPT, str(data), str(pack)] + (["--force"] if force else [])
    return subprocess.Popen(args, env=env, stderr=subprocess.PIPE)


def _wait(proc: subprocess.Popen[bytes]) -> int:
    _out, err = proc.communicate()
    if proc.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(err.decode())
    return proc.returncode


def _state(data: Path) -> str | None:
    """Open the library (which reconciles) and check it holds one whole pack or none; return its version."""
    with Installation(data) as inst:
        inst.store.check_integrity()
        listed = inst.packs.list()
        staging = inst.dirs.staging
        assert not staging.exists() or not any(staging.iterdir())
        if not listed:
            assert not inst.dirs.packs.exists() or not any(inst.dirs.packs.iterdir())
            return None
        [pack] = listed
        root = inst.packs.pack_root(pack.id)
        assert [d.name for d in root.parent.iterdir()] == [root.name], "only the live version folder remains"
        from hubdesk.core.packs import Manifest

        manifest = Manifest.from_bytes((root / "manifest.json").read_bytes())
        assert manifest.version == pack.version
        for f in manifest.files:
            assert hashlib.sha256((root / f.path).read_bytes()).hexdigest() == f.sha256, f.path
        assert inst.packs.render_lesson(pack.id, "first").title == f"First {pack.version}"
        return pack.version


@pytest.mark.slow
@pytest.mark.parametrize("upgrade", [False, True], ids=["install", "upgrade"])
@pytest.mark.parametrize("point", POINTS_BEFORE + POINTS_AFTER)
def test_kill_at_each_step(tmp_path: Path, packs: tuple[Path, Path], point: str, upgrade: bool) -> None:
    v1, v2 = packs
    data = tmp_path / "data"
    old = None
    if upgrade:
        assert _wait(_run(data, v1)) == 0
        old = "1.0.0"
    proc = _run(data, v2 if upgrade else v1, point)
    assert _wait(proc) == -signal.SIGKILL
    new = "2.0.0" if upgrade else "1.0.0"
    assert _state(data) == (old if point in POINTS_BEFORE else new)
    # and the library still works: installing again completes
    assert _wait(_run(data, v2 if upgrade else v1)) == 0
    assert _state(data) == new


@pytest.mark.slow
def test_kill_at_random_moments(tmp_path: Path, packs: tuple[Path, Path]) -> None:
    v1, v2 = packs
    rnd = random.Random(2)
    data = tmp_path / "data"
    assert _wait(_run(data, v1)) == 0
    for i in range(6):
        target = v2 if i % 2 == 0 else v1
        before = _state(data)
        proc = _run(data, target, force=True)
        time.sleep(rnd.uniform(0.2, 1.0))
        proc.send_signal(signal.SIGKILL)
        _wait(proc)
        after = _state(data)
        assert after in (before, "2.0.0" if target == v2 else "1.0.0")
