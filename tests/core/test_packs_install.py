"""Installing, upgrading, trusting, removing, exporting and reading packs through ``inst.packs``."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation
from hubdesk.core.packs import PackError, build_pack, keygen
from hubdesk.errors import Cancelled, NotFound
from tests.conftest import real_course
from tests.core.packs_util import make_source, tree_sha


def _build(tmp_path: Path, name: str, **kw: object) -> Path:
    sign = kw.pop("sign", None)
    src = make_source(tmp_path / f"src-{name}", **kw)  # type: ignore[arg-type]
    return build_pack(src, tmp_path / f"{name}.hubpack", sign_key=sign).path  # type: ignore[arg-type]


def test_install_then_read_everything(inst: Installation, tmp_path: Path) -> None:
    changes: list[tuple[str, str]] = []
    inst.packs.add_listener(lambda pid, change: changes.append((pid, change)))
    seen: list[tuple[int, int]] = []
    result = inst.packs.install(_build(tmp_path, "a"), progress=lambda d, t: seen.append((d, t)))
    assert (result.action, result.pack_id, result.version) == ("installed", "demo", "1.0.0")
    assert seen[-1][0] == seen[-1][1] == result.bytes
    assert changes == [("demo", "installed")]
    [pack] = inst.packs.list()
    assert (pack.title, pack.language, pack.licence, pack.authors) == ("Demo pack", "en", "CC-BY-4.0", ("Tester",))
    assert [(le.id, le.title, le.quiz_path) for le in pack.lessons] == [
        ("first", "First steps", "quizzes/first.json"),
        ("files", "Files and folders", None),
    ]
    assert "Some text for first" in inst.packs.read_lesson("demo", "first")
    rendered = inst.packs.render_lesson("demo", "first")
    assert rendered.title == "First steps"
    assert 'src="lessons/fig/folder.svg"' in rendered.html
    assert 'href="hubdesk:lesson/files"' in rendered.html
    quiz = inst.packs.quiz("demo", "first")
    assert quiz is not None and quiz["questions"][0]["answer"] == 1
    assert inst.packs.quiz("demo", "files") is None
    assert inst.packs.asset_path("demo", "lessons/fig/folder.svg").read_text().startswith("<svg")
    root = inst.packs.pack_root("demo")
    assert root.parent == inst.dirs.packs / "demo"
    for bad in ("../../hubdesk.sqlite3", "/etc/passwd", "manifest.json", "lessons/none.svg", "lessons\\x"):
        with pytest.raises(NotFound):
            inst.packs.asset_path("demo", bad)
    with pytest.raises(NotFound):
        inst.packs.render_lesson("demo", "nope")
    with pytest.raises(NotFound):
        inst.packs.get("nope")


def test_same_version_is_a_noop_newer_upgrades_and_keeps_history(inst: Installation, tmp_path: Path) -> None:
    inst.packs.install(_build(tmp_path, "v1"))
    first_root = inst.packs.pack_root("demo")
    learner = inst.learners.add("Amina")
    inst.log.append("test.lesson_done", {"pack_id": "demo", "lesson_id": "files"}, learner_id=learner.id)
    again = inst.packs.install(_build(tmp_path, "v1b"))
    assert again.action == "unchanged" and inst.packs.pack_root("demo") == first_root
    up = inst.packs.install(_build(tmp_path, "v2", version="1.1.0", titles=("First steps, revised", "Files")))
    assert (up.action, up.previous_version) == ("upgraded", "1.0.0")
    pack = inst.packs.get("demo")
    assert pack.version == "1.1.0" and [le.id for le in pack.lessons] == ["first", "files"]
    assert pack.lessons[0].title == "First steps, revised"
    assert not first_root.exists(), "the old version's folder is removed after the switch"
    assert [d.name for d in (inst.dirs.packs / "demo").iterdir()] == [inst.packs.pack_root("demo").name]
    [ev] = inst.log.events("test.lesson_done")
    assert (ev.payload["pack_id"], ev.payload["lesson_id"]) in {("demo", le.id) for le in pack.lessons}


def test_older_version_is_refused_unless_forced(inst: Installation, tmp_path: Path) -> None:
    inst.packs.install(_build(tmp_path, "v2", version="2.0.0"))
    old = _build(tmp_path, "v1", version="1.9.10")
    with pytest.raises(PackError, match=r"older than the installed 2\.0\.0.*--force"):
        inst.packs.install(old)
    assert inst.packs.get("demo").version == "2.0.0"
    assert inst.packs.install(old, force=True).action == "downgraded"
    assert inst.packs.get("demo").version == "1.9.10"


def test_trust_and_require_signed(inst: Installation, tmp_path: Path) -> None:
    key, pub = keygen(tmp_path / "pub")
    other_key, _ = keygen(tmp_path / "other")
    signed = _build(tmp_path, "signed", sign=key)
    unsigned = _build(tmp_path, "unsigned", pack_id="plain")
    stranger = _build(tmp_path, "stranger", pack_id="stranger", sign=other_key)
    inst.packs.set_require_signed(True)
    with pytest.raises(PackError, match="not signed"):
        inst.packs.install(unsigned)
    with pytest.raises(PackError, match="does not trust"):
        inst.packs.install(stranger)
    result = inst.packs.install(signed, trust=pub)
    assert result.verified and inst.packs.get("demo").verified
    assert inst.packs.list() == [inst.packs.get("demo")]
    inst.packs.set_require_signed(False)
    assert not inst.packs.install(stranger).verified
    assert inst.packs.get("stranger").signed_by is not None and not inst.packs.get("stranger").verified
    inst.packs.untrust(pub)
    assert not inst.packs.get("demo").verified


def test_remove_export_and_usb_discovery(make_inst: object, tmp_path: Path) -> None:
    a: Installation = make_inst("a")  # type: ignore[operator]
    b: Installation = make_inst("b")  # type: ignore[operator]
    key, pub = keygen(tmp_path / "k")
    a.packs.install(_build(tmp_path, "p", sign=key))
    a.packs.install(build_pack(real_course(), tmp_path / "shell.hubpack").path)
    usb = tmp_path / "media" / "stick"
    written = a.packs.export(["demo", "shell-novice"], usb)
    assert [p.name for p in written] == ["demo-1.0.0.hubpack", "shell-novice-1.0.0.hubpack"]
    (usb / "HUBDESK" / "packs" / "unpacked").mkdir()
    found = b.packs.find_usb_packs([tmp_path / "media" / "none", usb])
    assert [p.name for p in found] == ["demo-1.0.0.hubpack", "shell-novice-1.0.0.hubpack"]
    for path in found:
        b.packs.install(path, trust=pub)
    assert b.packs.get("demo").verified, "the signature travels with the exported pack"
    assert tree_sha(b.packs.pack_root("demo")) == tree_sha(a.packs.pack_root("demo"))
    changes: list[tuple[str, str]] = []
    b.packs.add_listener(lambda pid, change: changes.append((pid, change)))
    b.packs.remove("demo")
    assert changes == [("demo", "removed")]
    assert [p.id for p in b.packs.list()] == ["shell-novice"]
    assert not (b.dirs.packs / "demo").exists()
    with pytest.raises(NotFound):
        b.packs.remove("demo")


def test_install_from_an_unpacked_folder(inst: Installation, tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "HUBDESK" / "packs" / "demo"
    with zipfile.ZipFile(_build(tmp_path, "z")) as zf:
        zf.extractall(folder)
    assert inst.packs.install(folder).action == "installed"
    assert inst.packs.render_lesson("demo", "files").title == "Files and folders"


def test_cancel_leaves_nothing(inst: Installation, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        inst.packs.install(_build(tmp_path, "c"), cancel=cancel)
    assert inst.packs.list() == []
    assert not any(inst.dirs.staging.iterdir())
    assert not any(inst.dirs.packs.iterdir()) if inst.dirs.packs.exists() else True


def test_reopening_reconciles_leftovers(tmp_path: Path) -> None:
    with Installation(tmp_path / "d") as inst:
        inst.packs.install(_build(tmp_path, "r"))
        live = inst.packs.pack_root("demo")
    (tmp_path / "d" / "staging" / "deadbeef" / "lessons").mkdir(parents=True)
    orphan = live.parent / "9.9.9-orphan"
    orphan.mkdir()
    (tmp_path / "d" / "packs" / "ghost" / "1.0-x").mkdir(parents=True)
    with Installation(tmp_path / "d") as inst:
        assert [p.id for p in inst.packs.list()] == ["demo"]
        assert not orphan.exists() and not (tmp_path / "d" / "packs" / "ghost").exists()
        assert not any((tmp_path / "d" / "staging").iterdir())
        assert inst.packs.pack_root("demo") == live


def test_opening_while_another_process_installs_neither_waits_nor_cleans_its_staging(tmp_path: Path) -> None:
    from hubdesk.core.packs._install import install_lock

    stage = tmp_path / "d" / "staging" / "in-progress"
    stage.mkdir(parents=True)
    with install_lock(tmp_path / "d") as got:  # a second open file description: conflicts like another process
        assert got
        with Installation(tmp_path / "d") as other:
            assert other.packs.list() == []
        assert stage.exists(), "an install in progress elsewhere keeps its staging folder"
    with Installation(tmp_path / "d") as again:
        assert again.packs.list() == []
    assert not stage.exists()


@pytest.mark.parametrize("native", [True, False], ids=["syncfs", "fsync-each-file"])
def test_large_media_installs_byte_for_byte(
    inst: Installation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, native: bool
) -> None:
    import os
    import stat
    import zipfile

    from hubdesk.core.packs import _copy

    disk = _copy._Disk(native=native)
    monkeypatch.setattr(_copy._Disk, "_instance", disk)
    synced: list[str] = []  # the files fsynced one by one, by name in the staged pack
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        where = os.readlink(f"/proc/self/fd/{fd}")
        if "/staging/" in where and not stat.S_ISDIR(os.fstat(fd).st_mode):
            synced.append(where.split("/staging/", 1)[1].split("/", 1)[1])
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    src = make_source(tmp_path / "src")
    clip = os.urandom(9 * 1024 * 1024 + 123)  # several chunks and a ragged end
    (src / "lessons" / "clip.mp4").write_bytes(clip)
    lesson = src / "lessons" / "02-files.md"
    lesson.write_text(lesson.read_text() + "\n[a clip](clip.mp4)\n")
    built = build_pack(src, tmp_path / "m.hubpack").path
    with zipfile.ZipFile(built) as zf:
        assert zf.getinfo("lessons/clip.mp4").compress_type == zipfile.ZIP_STORED
    seen: list[int] = []
    inst.packs.install(built, progress=lambda d, t: seen.append(d))
    assert inst.packs.asset_path("demo", "lessons/clip.mp4").read_bytes() == clip
    assert seen == sorted(seen) and seen[-1] > len(clip)
    assert disk.syncs_whole_fs == native
    if native:
        assert synced == [], "one syncfs, no file-by-file fsync"
    else:  # each file once, as it is closed (never opened again for it)
        with zipfile.ZipFile(built) as zf:
            assert sorted(synced) == sorted(zf.namelist())
