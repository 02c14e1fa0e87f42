"""The pack and lesson commands, end to end through ``hubdesk.cli.main`` (the contract the checks rely on)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubdesk.cli import main
from tests.conftest import real_course
from tests.core.packs_util import make_source


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_pack_commands_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "data"
    key = tmp_path / "publisher"
    assert run(capsys, "pack", "keygen", key)[0] == 0
    assert key.exists() and Path(f"{key}.pub").exists()
    src = make_source(tmp_path / "src")
    code, out, _ = run(capsys, "pack", "build", src, "-o", tmp_path / "demo.hubpack", "--sign", key)
    assert code == 0 and "2 lessons" in out and "signed" in out
    code, out, _ = run(capsys, "pack", "verify", tmp_path / "demo.hubpack")
    assert code == 0 and "is sound" in out and "Demo pack" in out
    assert run(capsys, "--data-dir", d, "pack", "require-signed", "on")[0] == 0
    code, _, err = run(capsys, "--data-dir", d, "pack", "install", tmp_path / "demo.hubpack")
    assert code == 2 and "does not trust" in err
    code, out, _ = run(capsys, "--data-dir", d, "pack", "install", tmp_path / "demo.hubpack", "--trust", f"{key}.pub")
    assert code == 0 and "Installed Demo pack 1.0.0" in out and "trusted" in out
    code, out, _ = run(capsys, "--data-dir", d, "pack", "install", tmp_path / "demo.hubpack")
    assert code == 0 and "nothing changed" in out
    assert run(capsys, "pack", "build", real_course(), "-o", tmp_path / "shell.hubpack")[0] == 0
    assert run(capsys, "--data-dir", d, "pack", "require-signed", "off")[0] == 0
    assert run(capsys, "--data-dir", d, "pack", "install", tmp_path / "shell.hubpack")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "pack", "list", "--json")
    listed = {p["id"]: p for p in json.loads(out)}
    assert set(listed) == {"demo", "shell-novice"}
    assert listed["demo"]["verified"] and not listed["shell-novice"]["verified"]
    assert [le["id"] for le in listed["shell-novice"]["lessons"]][:1] == ["01-intro"]
    assert {"id", "version", "title", "language", "lessons"} <= set(listed["demo"])
    code, out, _ = run(capsys, "--data-dir", d, "lesson", "show", "shell-novice", "02-filedir")
    assert code == 0 and out.startswith("Navigating Files and Directories\n") and "<" not in out.split("\n", 3)[2]
    code, out, _ = run(capsys, "--data-dir", d, "lesson", "show", "demo", "first", "--html")
    assert code == 0 and 'href="hubdesk:lesson/files"' in out
    code, _, err = run(capsys, "--data-dir", d, "lesson", "show", "demo", "nope")
    assert code == 3 and err.startswith("hubdesk: ") and len(err.splitlines()) == 1
    code, out, _ = run(capsys, "--data-dir", d, "pack", "export", "demo", "shell-novice", "--to", tmp_path / "usb")
    assert code == 0 and (tmp_path / "usb" / "HUBDESK" / "packs" / "demo-1.0.0.hubpack").is_file()
    code, out, _ = run(capsys, "pack", "find-usb", tmp_path / "usb")
    assert code == 0 and len(out.splitlines()) == 2
    assert run(capsys, "--data-dir", d, "pack", "remove", "demo")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "pack", "list")
    assert code == 0 and out.startswith("shell-novice\t1.0.0\ten\t8 lessons\tThe Unix Shell")
    code, _, err = run(capsys, "--data-dir", d, "pack", "remove", "demo")
    assert code == 3 and "No pack 'demo'" in err


def test_install_every_pack_on_a_usb_stick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A facilitator points at the stick itself; a damaged pack on it does not keep the others off."""
    packs = tmp_path / "stick" / "HUBDESK" / "packs"
    packs.mkdir(parents=True)
    for pack_id in ("alpha", "beta"):
        src = make_source(tmp_path / f"src-{pack_id}", pack_id=pack_id)
        assert run(capsys, "pack", "build", src, "-o", packs / f"{pack_id}.hubpack")[0] == 0
    (packs / "gamma.hubpack").write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run(capsys, "--data-dir", tmp_path / "d", "pack", "install", tmp_path / "stick")
    assert code == 2 and "Found 3 pack(s)" in out and "gamma.hubpack" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "--data-dir", tmp_path / "d", "pack", "list", "--json")
    assert sorted(p["id"] for p in json.loads(out)) == ["alpha", "beta"]
