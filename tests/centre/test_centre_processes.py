"""Three real HubDesk processes as three PCs of one centre, and a hub process, on 127.0.0.1."""

from __future__ import annotations

import json
import re
import sqlite3
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import zstandard

from hubdesk.core.installation import Installation
from hubdesk.peers.centre_join import join
from hubdesk.sync.bundle import bundle_paths
from tests.peers.conftest import PeerProcess, free_port, hubdesk, wait_for

Factory = Callable[[str], tuple[PeerProcess, Installation]]
SALT = re.compile(rb"scrypt\$\d+\$\d+\$\d+\$([A-Za-z0-9+/=]{16,})\$")


def _centre_of_three(tmp_path: Path) -> tuple[list[Installation], list[PeerProcess]]:
    insts = [Installation(tmp_path / f"pc{i}") for i in (1, 2, 3)]
    insts[0].centre.create("Kibera Youth Centre", "Nairobi")
    procs = [PeerProcess(insts[0].dirs.root).start()]
    for inst in insts[1:]:
        code = insts[0].centre.codes.issue()
        joined = join(inst, code, procs[0].address)
        assert joined.centre_name == "Kibera Youth Centre"
        procs.append(PeerProcess(inst.dirs.root).start())
    return insts, procs


def _keys(inst: Installation) -> set[tuple[str, int]]:
    return {ev.key for ev in inst.log.events() if ev.scope != "private"}


def test_learners_roam_progress_flows_and_a_pc_away_catches_up(tmp_path: Path) -> None:
    (pc1, pc2, pc3), procs = _centre_of_three(tmp_path)
    try:
        amina = pc1.learners.add("Amina Diallo", pin="2468")
        wait_for(lambda: any(lr.id == amina.id for lr in pc3.learners.all()), timeout=10)
        assert pc3.learners.verify(amina.id, "pin", "2468").id == amina.id  # signs in on PC 3 with her PIN
        pc2.progress.finish_lesson(amina.id, "digital-literacy", "files-and-folders")
        wait_for(lambda: pc1.progress.is_finished(amina.id, "digital-literacy", "files-and-folders"), timeout=10)
        assert {pc.id for pc in pc2.centre.info().pcs} == {pc1.device_id, pc2.device_id, pc3.device_id}

        procs[2].stop()  # PC 3 switched off; the others go on
        kofi = pc1.learners.add("Kofi Mensah", pin="1357")
        pc2.notes.save(amina.id, "digital-literacy", "files-and-folders", "Folders hold files.")
        pc3.notes.save(amina.id, "digital-literacy", "files-and-folders", "A path names a place.")  # on PC 3, apart
        procs[2].start()
        wait_for(lambda: _keys(pc1) == _keys(pc2) == _keys(pc3), timeout=20)
        for inst in (pc1, pc2, pc3):  # every event exactly once, and both offline edits of the note kept
            rows = inst.store.query("SELECT COUNT(*), COUNT(DISTINCT device_id || ':' || seq) FROM events")
            assert rows[0][0] == rows[0][1]
            text = inst.notes.get(amina.id, "digital-literacy", "files-and-folders")
            assert "Folders hold files." in text and "A path names a place." in text
            assert any(lr.id == kofi.id for lr in inst.learners.all())
    finally:
        for p in procs:
            p.stop()


def test_a_retired_pc_gets_nothing_new(tmp_path: Path) -> None:
    (pc1, pc2, pc3), procs = _centre_of_three(tmp_path)
    try:
        pc1.learners.add("Amina Diallo", pin="2468")
        wait_for(lambda: len(pc3.learners.all()) == 1, timeout=10)
        pc1.centre.retire(pc3.device_id)
        wait_for(lambda: pc3.device_id not in pc2.centre.pc_ids(), timeout=10)
        after = pc1.learners.add("Esi Owusu", pin="9753")
        wait_for(lambda: any(lr.id == after.id for lr in pc2.learners.all()), timeout=10)
        time.sleep(2.5)  # several rounds of PC 3 asking both others
        assert not any(lr.id == after.id for lr in pc3.learners.all())
        assert pc3.centre.is_retired() or pc3.device_id not in pc1.centre.pc_ids()
    finally:
        for p in procs:
            p.stop()


def test_the_hub_sees_one_named_centre_and_no_secret(tmp_path: Path) -> None:
    (pc1, pc2, _pc3), procs = _centre_of_three(tmp_path)
    hub_dir, usb = tmp_path / "hub", tmp_path / "usb"
    port = free_port()
    made = hubdesk(hub_dir, "hub", "enrol-code")
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip().splitlines()[-1]
    hub = subprocess.Popen(
        [sys.executable, "-m", "hubdesk", "--data-dir", str(hub_dir), "hub", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        amina = pc1.learners.add("Amina Diallo", pin="2468")
        pc2.learners.add("Kofi Mensah", pictures=[1, 5, 8])
        pc1.notes.save(amina.id, "p", "l", "my private thoughts")
        wait_for(lambda: len(pc2.learners.all()) == 2 and len(pc1.learners.all()) == 2, timeout=10)
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: hubdesk(pc1.dirs.root, "sync", "enrol", code, "--hub", url).returncode == 0, 20, 0.5)
        assert hubdesk(pc1.dirs.root, "sync", "now").returncode == 0
        wait_for(lambda: pc2.store.query("SELECT 1 FROM centre_hub"), timeout=10)  # PC 2 learns of the enrolment
        assert hubdesk(pc2.dirs.root, "sync", "export", "--to", str(usb)).returncode == 0  # any PC carries the stick
        assert bundle_paths(usb)
        out = hubdesk(hub_dir, "sync", "import", str(usb))
        assert out.returncode == 0 and "applied" in out.stdout, out.stdout + out.stderr
        out = hubdesk(pc2.dirs.root, "sync", "now")  # and any PC of the centre talks to the hub
        assert out.returncode == 0, out.stderr
        out = hubdesk(hub_dir, "hub", "centres", "--json")
        centres = json.loads(out.stdout)
        assert [c["name"] for c in centres] == ["Kibera Youth Centre"] and centres[0]["place"] == "Nairobi"
        assert centres[0]["learners"] == 2 and len(centres[0]["pcs"]) == 3
        learners = json.loads(hubdesk(hub_dir, "learner", "list", "--json").stdout)
        assert {lr["centre"]["name"] for lr in learners} == {"Kibera Youth Centre"}
        salts = set(SALT.findall(b"\n".join(r[0].encode() for r in pc1.store.query("SELECT payload FROM events"))))
        assert len(salts) >= 2
        hub_bytes = b"".join(p.read_bytes() for p in hub_dir.rglob("*.sqlite3*"))
        stick = b"".join(p.read_bytes() for p in bundle_paths(usb))
        unpacked = b"".join(_unpacked(p) for p in bundle_paths(usb))
        for blob in (hub_bytes, stick, unpacked):
            assert not any(s in blob for s in salts)
            assert b"my private thoughts" not in blob
        with sqlite3.connect(hub_dir / "hubdesk.sqlite3") as con:
            assert con.execute("SELECT COUNT(*) FROM learner_secrets").fetchone()[0] == 0
    finally:
        hub.terminate()
        hub.wait(10)
        for p in procs:
            p.stop()


def _unpacked(path: Path) -> bytes:
    """A bundle's events, decompressed, as bytes to search."""
    data = path.read_bytes()
    pos = len(b"HDBUNDLE\x01\n")
    (hlen,) = struct.unpack(">I", data[pos : pos + 4])
    header = json.loads(data[pos + 4 : pos + 4 + hlen])
    body = data[pos + 4 + hlen + 64 :]
    return zstandard.ZstdDecompressor().decompress(body, max_output_size=header["raw_len"] + 1)
