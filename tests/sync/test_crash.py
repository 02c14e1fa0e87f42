"""SIGKILL in the middle of a bundle import and of an HTTP sync, at many points: afterwards the
databases pass their integrity check, nothing is lost or doubled, and the next sync completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks._sync_data import activity, learners, next_numbers
from hubdesk.core.installation import Installation
from hubdesk.sync.bundle import export_all, import_bundle
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.http import sync_now
from hubdesk.sync.state import CRASH_ENV, SyncState
from tests.sync.helpers import enrol, running_hub

pytestmark = pytest.mark.slow
N_EVENTS = 25_000


def busy_centre(path: Path, seed: int) -> Installation:
    rng = random.Random(seed)
    centre = Installation(path)
    ids = learners(centre, 40, rng)
    seq, ss = next_numbers(centre)
    gen = activity(centre.device_id, ids, days=1000, start_seq=seq, start_scope_seq=ss, rng=rng)
    events = [next(gen) for _ in range(N_EVENTS)]
    centre.log.apply(events)
    return centre


def tables(inst: Installation) -> dict[str, Any]:
    return {
        "events": inst.store.query("SELECT COUNT(*), COUNT(DISTINCT device_id || ':' || seq) FROM events")[0][:],
        "progress": [tuple(r) for r in inst.store.query("SELECT * FROM lesson_progress ORDER BY 1, 2, 3")],
        "attempts": inst.store.query("SELECT COUNT(*) FROM quiz_attempts")[0][0],
        "learners": sorted(lr.name for lr in inst.learners.all()),
    }


def check_integrity(path: Path) -> None:
    inst = Installation(path)  # the store runs quick_check on open
    try:
        assert [r[0] for r in inst.store.query("PRAGMA integrity_check")] == ["ok"]
        n, distinct = inst.store.query("SELECT COUNT(*), COUNT(DISTINCT device_id || ':' || seq) FROM events")[0]
        assert n == distinct
    finally:
        inst.close()


def kill_after(cmd: list[str], delay: float, at: str = "") -> int | None:
    """Run ``cmd``; SIGKILL it after ``delay`` seconds, or let it kill itself at crash point ``at``."""
    env = {**os.environ, CRASH_ENV: at}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        return proc.wait(delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        return proc.wait(30)


def hd(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "hubdesk", "--data-dir", str(data), *args]


def test_sigkill_during_bundle_import(tmp_path: Path) -> None:
    centre = busy_centre(tmp_path / "centre", 1)
    hub_dir = tmp_path / "hub"
    hub = Installation(hub_dir)
    start_offline(SyncState(centre.store), issue_code(SyncState(hub.store), hub.identity))
    hub.close()
    usb = tmp_path / "usb"
    export_all(centre, usb)
    reference = Installation(tmp_path / "reference")
    SyncState(reference.store).become_hub()
    SyncState(reference.store).trust(centre.device_id, centre.identity.public_key_b64, "centre")
    for p in sorted(usb.iterdir()):
        import_bundle(reference, p)
    want = tables(reference)
    reference.close()
    # named points first (after the checks, after each committed chunk), then at random moments
    for at in ("sync.import.checked", "sync.import.chunk1", "sync.import.chunk2"):
        assert kill_after(hd(hub_dir, "sync", "import", str(usb)), 60, at) == -signal.SIGKILL
        check_integrity(hub_dir)
    for delay in random.Random(3).sample([x / 10 for x in range(5, 25)], 4):
        kill_after(hd(hub_dir, "sync", "import", str(usb)), delay)
        check_integrity(hub_dir)
    assert subprocess.run(hd(hub_dir, "sync", "import", str(usb)), capture_output=True).returncode == 0
    hub = Installation(hub_dir)
    try:
        assert tables(hub) == want  # nothing lost, nothing doubled (time spent would double)
    finally:
        hub.close()
        centre.close()


def test_sigkill_during_http_sync(tmp_path: Path) -> None:
    centre = busy_centre(tmp_path / "centre", 2)
    want = tables(centre)
    hub = Installation(tmp_path / "hub")
    try:
        with running_hub(hub) as (url, _):
            enrol(centre, hub, url)
            centre.close()
            points = [("sync.http.vector1", 60), ("sync.http.push2", 60), ("sync.http.push5", 60)]
            points += [("", d) for d in random.Random(4).sample([x / 10 for x in range(6, 30)], 4)]
            for at, delay in points:
                rc = kill_after(hd(tmp_path / "centre", "sync", "now"), delay, at)
                assert rc == -signal.SIGKILL or not at
                check_integrity(tmp_path / "centre")
                n, distinct = hub.store.query("SELECT COUNT(*), COUNT(DISTINCT device_id || ':' || seq) FROM events")[0]
                assert n == distinct
            centre = Installation(tmp_path / "centre")
            sync_now(centre, packs=False)
            assert [r[0] for r in hub.store.query("PRAGMA integrity_check")] == ["ok"]
            got = tables(hub)
            assert got["events"] == want["events"]
            assert got["progress"] == want["progress"] and got["attempts"] == want["attempts"]
            assert got["learners"] == want["learners"]
            assert sync_now(centre, packs=False).pushed == 0
    finally:
        centre.close()
        hub.close()
