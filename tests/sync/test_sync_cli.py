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
