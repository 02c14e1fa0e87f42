"""The commands a person types: start two Syncthings, pair them, watch, see a learner arrive, stop."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation
from hubdesk.sync import enrolment
from hubdesk.sync.state import SyncState
from hubdesk.sync.syncthing_process import SyncthingProcess, find_binary

pytestmark = pytest.mark.skipif(
    find_binary() is None, reason="the syncthing program is not installed (apt-get install syncthing)"
)


def hd(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "hubdesk", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    if check:
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    return done


def both(hub: Path, centre: Path, *args: str) -> tuple[str, str]:
    """Run one command on both sides at once (Syncthing takes a second to start or stop)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "hubdesk", "--data-dir", str(d), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in (hub, centre)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0 and "Traceback" not in err, f"{args}: {out}{err}"
    return outs[0][0], outs[1][0]


def field(text: str, label: str) -> str:
    return next(line.split()[-1] for line in text.splitlines() if line.startswith(label))


def test_start_pair_watch_and_stop_from_the_command_line(tmp_path: Path) -> None:
    hub, centre = tmp_path / "hub", tmp_path / "centre"
    # enrolment and learners have their own CLI tests; here they are set up in-process to save time
    with Installation(hub) as h_inst, Installation(centre) as c_inst:
        enrolment.start_offline(SyncState(c_inst.store), enrolment.issue_code(SyncState(h_inst.store), h_inst.identity))
        c_inst.learners.add("Amina Diallo")
    watchers: list[subprocess.Popen[str]] = []
    try:
        h, c = both(hub, centre, "sync", "syncthing", "start")
        assert "loopback only" in h and field(h, "Address:").startswith("tcp://127.0.0.1:")
        hd(hub, "sync", "syncthing", "pair", field(c, "Device id:"), "--address", field(c, "Address:"))
        paired = hd(centre, "sync", "syncthing", "pair", field(h, "Device id:"), "--address", field(h, "Address:"))
        assert "Shared folder hubdesk-sync-" in paired.stdout

        for data in (hub, centre):
            watchers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "hubdesk", "--data-dir", str(data), "sync", "watch", "--interval", "1"],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
        with Installation(hub) as h_inst:
            deadline = time.monotonic() + 30
            while "Amina Diallo" not in {x.name for x in h_inst.learners.all()}:
                if time.monotonic() > deadline:
                    pytest.fail("the centre's learner never arrived at the hub through Syncthing")
                time.sleep(0.1)
        status = json.loads(hd(centre, "sync", "syncthing", "status", "--json").stdout)
        assert [p["connected"] for p in status["pairings"]] == [True]

        for w in watchers:
            w.send_signal(signal.SIGINT)  # Ctrl-C
        outputs = [w.communicate(timeout=30)[0] for w in watchers]
        assert [w.returncode for w in watchers] == [0, 0], outputs
        for out in outputs:
            assert "Watching for Syncthing" in out and "Stopped watching." in out
            assert "Synced with Syncthing." in out and "Traceback" not in out
        assert "applied 1 event(s)" in outputs[0] or "applied 2 event(s)" in outputs[0]

        assert all("has stopped" in out for out in both(hub, centre, "sync", "syncthing", "stop"))
        assert not any(SyncthingProcess(d / "sync" / "syncthing").running() for d in (hub, centre))
    finally:
        for w in watchers:
            if w.poll() is None:
                w.kill()
                w.communicate()
        for data in (hub, centre):
            proc = SyncthingProcess(data / "sync" / "syncthing")
            if proc.config_path.exists():
                proc.stop(timeout=5)
