"""HubDesk's own releases: only the release key may sign, every byte is checked, an update installs in one
step after a backup of the data folder, and the way back restores program and data together."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.packs import keygen
from hubdesk.core.releases import Updates, backups_root, build_release, read_release, this_platform
from hubdesk.core.releases import trusted_release_keys as trusted
from hubdesk.errors import UpdateError
from tests.core.release_util import bundle, installed_program, release, trusted_key

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the test bundles' program is a shell script")


@pytest.mark.windows
def test_a_release_signed_by_the_release_key_reads_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    rel = read_release(release(tmp_path, key, "1.3.0"), trusted())
    assert (rel.version, rel.platform, rel.payload) == (
        "1.3.0",
        this_platform(),
        f"hubdesk-1.3.0-{this_platform()}.tar.gz",
    )
    assert rel.size == (tmp_path / rel.payload).stat().st_size


@pytest.mark.windows
def test_a_release_signed_by_any_other_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    trusted_key(tmp_path, monkeypatch)
    stranger, _ = keygen(tmp_path / "stranger.key")
    with pytest.raises(UpdateError, match="does not trust"):
        read_release(release(tmp_path, stranger, "1.3.0"), trusted())
    monkeypatch.delenv("HUBDESK_RELEASE_KEYS")
    with pytest.raises(UpdateError, match="does not trust"):  # no key named: nothing is trusted but the shipped list
        read_release(tmp_path / "hubdesk-1.3.0.hubrelease", trusted())


def _rewrite(path: Path, change: str) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    if change == "payload":
        name = next(n for n in members if n.startswith("payload/"))
        data = bytearray(members[name])
        data[len(data) // 2] ^= 0xFF
        members[name] = bytes(data)
    else:
        info = json.loads(members["release.json"])
        info["version"] = "9.9.9"
        members["release.json"] = json.dumps(info, sort_keys=True, indent=1).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


@pytest.mark.windows
@pytest.mark.parametrize(("change", "message"), [("payload", "damaged or altered"), ("description", "was altered")])
def test_a_tampered_release_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str, message: str
) -> None:
    path = release(tmp_path, trusted_key(tmp_path, monkeypatch), "1.3.0")
    _rewrite(path, change)
    with pytest.raises(UpdateError, match=message):
        read_release(path, trusted())


@pytest.mark.windows
def test_only_a_newer_release_for_this_platform_waits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    updates = Updates(tmp_path / "data", "1.2.0", trusted())
    assert updates.receive(release(tmp_path, key, "1.1.0")) is None
    other = tmp_path / "other.hubrelease"
    build_release(bundle(tmp_path, "1.4.0"), "1.4.0", "linux-aarch64" if "x86" in this_platform() else "linux-x86_64",
                  key, other)  # fmt: skip
    assert updates.receive(other) is None
    assert updates.ready() is None
    assert updates.receive(release(tmp_path, key, "1.3.0")) is not None
    assert updates.receive(release(tmp_path, key, "1.3.1")) is not None
    ready = updates.ready()
    assert ready is not None and ready.version == "1.3.1"
    assert Updates(tmp_path / "data", "1.3.1", trusted()).ready() is None


def _learners(data: Path) -> list[str]:
    """Read straight from the database file: opening an Installation would change the copy it reads."""
    db = sqlite3.connect(f"file:{data / 'hubdesk.sqlite3'}?mode=ro", uri=True)
    try:
        return sorted(name for (name,) in db.execute("SELECT name FROM learners"))
    finally:
        db.close()


@posix_only
def test_install_backs_up_swaps_in_one_step_and_rollback_restores_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    program, data = installed_program(tmp_path, "1.2.0"), tmp_path / "data"
    with Installation(data) as inst:
        inst.learners.add("Amina")
    updates = Updates(data, "1.2.0", trusted())
    ready = updates.receive(release(tmp_path, key, "1.3.0"))
    assert ready is not None
    done = updates.install(ready, program)
    assert (
        subprocess.run([program / "hubdesk", "--version"], capture_output=True, text=True).stdout == "hubdesk 1.3.0\n"
    )
    assert (program / "_internal" / "marker.txt").read_text() == "1.3.0"
    assert _learners(done.backup) == ["Amina"] and done.backup.parent == backups_root(data)
    assert updates.ready() is None, "an installed release is not offered again"
    assert not [p for p in program.parent.iterdir() if ".incoming-" in p.name]
    # the new version is used: its data moves on
    with Installation(data) as inst:
        inst.learners.add("Kofi")
    back = Updates(data, "1.3.0", trusted()).rollback()
    assert back.previous_version == "1.2.0"
    assert (program / "_internal" / "marker.txt").read_text() == "1.2.0"
    assert _learners(data) == ["Amina"]
    (aside,) = backups_root(data).glob("after-1.3.0-*")
    assert _learners(aside) == ["Amina", "Kofi"], "the data the newer version wrote is kept aside, not lost"
    with pytest.raises(UpdateError, match="no update to undo"):
        Updates(data, "1.2.0", trusted()).rollback()


@posix_only
def test_a_bundle_that_does_not_start_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    program, data = installed_program(tmp_path, "1.2.0"), tmp_path / "data"
    updates = Updates(data, "1.2.0", trusted())
    ready = updates.receive(release(tmp_path, key, "1.3.0", says="Segmentation fault"))
    assert ready is not None
    with pytest.raises(UpdateError, match="does not start on this PC"):
        updates.install(ready, program)
    assert (program / "_internal" / "marker.txt").read_text() == "1.2.0"
    assert sorted(p.name for p in program.parent.iterdir()) == ["HubDesk"]
    assert not backups_root(data).exists()
    with pytest.raises(UpdateError, match="does not hold an installed HubDesk"):
        updates.install(ready, tmp_path / "data")


@posix_only
def test_a_folder_the_debian_package_installed_is_left_to_dpkg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hubdesk.core.releases import _updates

    key = trusted_key(tmp_path, monkeypatch)
    program = installed_program(tmp_path, "1.2.0")
    listing = tmp_path / "hubdesk.list"
    listing.write_text(f"/.\n{program}\n{program}/hubdesk\n/usr/bin/hubdesk\n")
    monkeypatch.setattr(_updates, "DPKG_LIST", listing)
    updates = Updates(tmp_path / "data", "1.2.0", trusted())
    ready = updates.receive(release(tmp_path, key, "1.3.0"))
    assert ready is not None
    with pytest.raises(UpdateError, match="belongs to the system"):
        updates.install(ready, program)
    assert (program / "_internal" / "marker.txt").read_text() == "1.2.0"


@posix_only
def test_update_commands_from_stick_to_rollback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = trusted_key(tmp_path, monkeypatch)
    program, data = installed_program(tmp_path, "0.0.1"), str(tmp_path / "data")
    rel = release(tmp_path, key, "5.0.0")
    assert main(["release", "verify", str(rel)]) == 0
    assert "every byte checked" in capsys.readouterr().out
    assert main(["--data-dir", data, "update", "receive", str(rel)]) == 0
    assert "HubDesk 5.0.0 is ready to install" in capsys.readouterr().out
    assert main(["--data-dir", data, "update", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["ready"] == "5.0.0" and status["program_dir"] is None and status["can_roll_back_to"] is None
    assert main(["--data-dir", data, "update", "install"]) == 7, "from source, the program folder must be named"
    assert "runs from source" in capsys.readouterr().err
    assert main(["--data-dir", data, "update", "install", "--program-dir", str(program)]) == 0
    assert "HubDesk 5.0.0 is installed" in capsys.readouterr().out
    assert (program / "_internal" / "marker.txt").read_text() == "5.0.0"
    assert main(["--data-dir", data, "update", "rollback", "--yes"]) == 0
    assert (program / "_internal" / "marker.txt").read_text() == "0.0.1"
    bad = tmp_path / "not-a-release.hubrelease"
    bad.write_bytes(b"PK\x03\x04 nothing")
    assert main(["--data-dir", data, "update", "receive", str(bad)]) == 7
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a readable HubDesk release" in err
