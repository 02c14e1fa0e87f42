"""The sync and hub commands as a facilitator types them: sentences, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_offline_round_trip_by_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hub, centre, usb, back = tmp_path / "hub", tmp_path / "centre", tmp_path / "usb", tmp_path / "back"
    rc, out = run(capsys, hub, "hub", "enrol-code", "--valid-hours", "2")
    assert rc == 0
    code = out.strip().splitlines()[-1]
    assert len(code.replace("-", "")) == 20
    rc, out = run(capsys, centre, "sync", "now")
    assert rc == 4 and "not enrolled" in out and "Traceback" not in out
    assert run(capsys, centre, "sync", "enrol", code)[0] == 0
    rc, out = run(capsys, centre, "sync", "now")
    assert rc == 4 and "USB bundles only" in out
    run(capsys, centre, "learner", "add", "Amina Diallo")
    rc, out = run(capsys, centre, "sync", "status", "--json")
    status = json.loads(out)
    assert (status["pending"], status["enrolment_pending"], status["hub"]) == (1, True, None)
    assert run(capsys, centre, "sync", "export", "--to", str(usb))[0] == 0
    rc, out = run(capsys, hub, "sync", "import", str(usb))
    assert rc == 0 and "Enrolled the centre" in out
    rc, out = run(capsys, hub, "hub", "centres", "--json")
    assert [c["learners"] for c in json.loads(out)] == [1]
    rc, out = run(capsys, hub, "sync", "export", "--to", str(back))
    assert rc == 0 and "Wrote" in out
    rc, out = run(capsys, centre, "sync", "import", str(back))
    assert rc == 0 and "now trusts its hub" in out
    status = json.loads(run(capsys, centre, "sync", "status", "--json")[1])
    assert status["pending"] == 0 and status["hub"] is not None and status["last_sync"]["via"] == "bundle"
    rc, out = run(capsys, centre, "sync", "now")
    assert rc == 4 and "address" in out
    rc, out = run(capsys, centre, "sync", "now", "--hub", "http://127.0.0.1:9")
    assert rc == 6 and "try again later" in out
    rc, out = run(capsys, centre, "sync", "status")
    assert "Last error" in out and "try again later" in out
    (usb / "junk.hdbundle").write_bytes(b"not a bundle at all")
    rc, out = run(capsys, hub, "sync", "import", str(usb))
    assert rc == 5 and "not a HubDesk sync bundle" in out and "replay" in out


@pytest.mark.parametrize("url", ["http://[::1", "notaurl", "ftp://hub.example"])
def test_a_hub_address_that_is_not_a_web_address_is_a_sentence(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = run(capsys, tmp_path / "c", "sync", "enrol", "K7QM-2XPA-9RTD-HW4C-8N3F", "--hub", url)
    assert rc == 5 and "Traceback" not in out
    assert "not a hub address" in out and "try again later" not in out
    rc, out = run(capsys, tmp_path / "c", "sync", "status", "--json")
    assert json.loads(out)["hub"] is None


def test_export_where_no_bundle_can_be_written_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    centre = tmp_path / "centre"
    run(capsys, centre, "learner", "add", "Amina Diallo")
    a_file = tmp_path / "stick.txt"
    a_file.write_text("not a folder")
    for target in (a_file, a_file / "inside"):
        rc, out = run(capsys, centre, "sync", "export", "--to", str(target))
        assert rc == 5 and "Traceback" not in out and str(target) in out
    assert a_file.read_text() == "not a folder"
    # nothing counted as sent: a later export to a real folder still carries the learner
    rc, out = run(capsys, centre, "sync", "export", "--to", str(tmp_path / "usb"))
    assert rc == 0 and len(list((tmp_path / "usb").iterdir())) == 1


def test_one_bad_bundle_never_blocks_the_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import struct

    from hubdesk.core.installation import Installation
    from hubdesk.sync.bundle import MAGIC

    hub, usb = tmp_path / "hub", tmp_path / "usb"
    centres = [tmp_path / "c1", tmp_path / "c2"]
    for c in centres:
        code = run(capsys, hub, "hub", "enrol-code")[1].strip().splitlines()[-1]
        assert run(capsys, c, "sync", "enrol", code)[0] == 0
        assert run(capsys, c, "sync", "export", "--to", str(tmp_path / "first"))[0] == 0
    assert run(capsys, hub, "sync", "import", str(tmp_path / "first"))[0] == 0
    for i, c in enumerate(centres):
        run(capsys, c, "learner", "add", f"Learner {i}")
        assert run(capsys, c, "sync", "export", "--to", str(usb))[0] == 0
    good = sorted(usb.iterdir())
    assert len(good) == 2
    data = good[0].read_bytes()
    poisoned = {
        "junk.hdbundle": b"\x00" * 100,
        "truncated.hdbundle": data[: len(data) // 2],
        "0-tampered.hdbundle": data[:-1] + bytes([data[-1] ^ 1]),  # sorts first: before its good twin
        "nested.hdbundle": MAGIC + struct.pack(">I", 200_000) + b"[" * 100_000 + b"]" * 100_000 + b"\0" * 64,
        "empty.hdbundle": b"",
    }
    for name, content in poisoned.items():
        (usb / name).write_bytes(content)
    os.mkfifo(usb / "pipe.hdbundle")  # would block a plain read for ever
    (usb / "gone.hdbundle").symlink_to(tmp_path / "nowhere")
    rc, out = run(capsys, hub, "sync", "import", str(usb))
    assert rc == 5 and "Traceback" not in out
    refused = [line for line in out.splitlines() if line.startswith("Refused:")]
    for name in [*poisoned, "pipe.hdbundle", "gone.hdbundle"]:
        assert sum(name in line for line in refused) == 1, (name, out)
    assert out.count("applied 1 new event(s)") == 2  # both good bundles, whatever came before them
    inst = Installation(hub)
    try:
        assert sorted(lr.name for lr in inst.learners.all()) == ["Learner 0", "Learner 1"]
    finally:
        inst.close()
