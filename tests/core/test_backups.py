"""Backups: rotating copies on the PC (daily, before an upgrade), encrypted ones that leave it,
restore with a new device id, and a damaged database that points at its newest good backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core import backups
from hubdesk.core.backups import DAY_S, KEEP, BackupError, Backups
from hubdesk.core.installation import Installation


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_daily_backups_rotate_and_are_checked(inst: Installation) -> None:
    inst.learners.add("Amina")
    box = Backups(inst.dirs.database)
    first = box.daily()
    assert first is not None and backups.check_file(first.path) == inst.device_id
    assert box.daily() is None  # one a day
    later = first.made.timestamp() + DAY_S + 1
    made = [box.daily(now=later + i * DAY_S) for i in range(KEEP + 2)]
    assert all(m is not None for m in made)
    assert [b.kind for b in box.list()] == ["daily"] * KEEP  # the oldest went
    assert box.newest_good() == box.list()[0]


def test_an_upgrade_of_an_existing_database_is_backed_up_first(tmp_path: Path) -> None:
    import hubdesk.hub.quotas  # noqa: F401 - registers the migration the "old" database lacks

    inst = Installation(tmp_path / "d")
    inst.learners.add("Kofi")
    with inst.store.transaction() as conn:  # as a database from before that migration
        conn.execute("DROP TABLE hub_quotas")
        conn.execute("DELETE FROM _migrations WHERE name = '0160_hub_quotas'")
    inst.close()
    assert Backups(tmp_path / "d" / "hubdesk.sqlite3").list() == []
    again = Installation(tmp_path / "d")  # the upgrade
    try:
        found = Backups(again.dirs.database).list()
        assert [b.kind for b in found] == ["upgrade"]
        names = [r[0] for r in __import__("sqlite3").connect(found[0].path).execute("SELECT name FROM learners")]
        assert names == ["Kofi"]
        assert again.store.query("SELECT COUNT(*) FROM hub_quotas")[0][0] == 0  # and the upgrade went on
    finally:
        again.close()


def test_encrypted_backup_leaves_the_pc_and_restores_under_a_new_device_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, stick = tmp_path / "pc", tmp_path / "stick"
    assert run(capsys, data, "learner", "add", "Amina", "--pin", "2468")[0] == 0
    monkeypatch.setenv("HUBDESK_BACKUP_PASSPHRASE", "short")
    rc, out = run(capsys, data, "backup", "--to", str(stick))
    assert rc != 0 and "at least 8 characters" in out and not stick.exists()
    monkeypatch.setenv("HUBDESK_BACKUP_PASSPHRASE", "correct horse battery")
    rc, out = run(capsys, data, "backup", "--to", str(stick))
    assert rc == 0 and "encrypted" in out
    (sealed,) = stick.iterdir()
    assert b"Amina" not in sealed.read_bytes() and b"SQLite format" not in sealed.read_bytes()
    inst = Installation(data)
    old_device = inst.device_id
    inst.learners.add("Kofi")  # after the backup
    inst.close()

    cut = tmp_path / "cut.hdbackup"
    cut.write_bytes(sealed.read_bytes()[:-40])
    for bad, passphrase, words in [
        (sealed, "wrong passphrase!", "does not open with that passphrase"),
        (cut, "correct horse battery", "damaged|cut short"),
    ]:
        monkeypatch.setenv("HUBDESK_BACKUP_PASSPHRASE", passphrase)
        rc, out = run(capsys, data, "restore", str(bad))
        assert rc != 0 and len(out.strip().splitlines()) == 1 and "Traceback" not in out
        assert __import__("re").search(words, out), out
    rc, out = run(capsys, data, "learner", "list", "--json")
    assert "Kofi" in out  # nothing changed by the refused restores

    monkeypatch.setenv("HUBDESK_BACKUP_PASSPHRASE", "correct horse battery")
    rc, out = run(capsys, data, "restore", str(sealed))
    assert rc == 0 and "new code" in out and old_device in out
    inst = Installation(data)
    try:
        assert inst.device_id != old_device
        assert [lr.name for lr in inst.learners.all()] == ["Amina"]  # as of the backup
        ev = inst.log.append("test.after_restore", {})
        assert ev.device_id == inst.device_id and ev.seq == 1  # never the old id's numbers
        kept = [b for b in Backups(inst.dirs.database).list() if b.kind == "restore"]
        assert len(kept) == 1  # the database it replaced (with Kofi) is kept
        assert backups.check_file(kept[0].path) == old_device
    finally:
        inst.close()


def test_a_damaged_database_points_at_the_newest_good_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "pc"
    inst = Installation(data)
    for i in range(200):
        inst.learners.add(f"Learner {i}")
    good = Backups(inst.dirs.database).make("manual")
    db = inst.dirs.database
    inst.close()
    raw = bytearray(db.read_bytes())
    raw[8192 : 8192 + 16384] = b"\xa5" * 16384  # a disk that lost some pages
    db.write_bytes(bytes(raw))
    rc, out = run(capsys, data, "learner", "list")
    assert rc != 0 and "damaged" in out and f"hubdesk restore {good.path}" in out
    assert len(out.strip().splitlines()) == 1 and "Traceback" not in out
    rc, out = run(capsys, data, "restore", str(good.path))
    assert rc == 0
    rc, out = run(capsys, data, "learner", "list", "--json")
    assert rc == 0 and "Learner 199" in out


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="not a HubDesk database"):
        backups.restore(tmp_path / "pc" / "hubdesk.sqlite3", junk)
    assert not (tmp_path / "pc" / "hubdesk.sqlite3").exists()
