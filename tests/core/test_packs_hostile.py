"""Hostile and damaged packs: each is refused with one sentence, and nothing changes anywhere.

Every case runs against an installation that already holds a good pack, and checks afterwards that
the database rows, the packs folder and everything else under the test folder are exactly as before.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.packs import PackError, build_pack
from hubdesk.core.packs._manifest import MAX_MANIFEST_BYTES
from tests.core.packs_util import make_source, manifest_for, patch_sizes, tree_sha, write_zip

LESSON = b"# One\n\nHello.\n"
GOOD = {"one.md": LESSON}


def _zip(tmp: Path, entries: dict[str, bytes] | list[tuple[str, bytes]], **over: object) -> Path:
    listed = dict(entries) if isinstance(entries, list) else entries
    return write_zip(tmp / "bad.hubpack", entries, manifest_for(listed, **over))


def dotdot(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "../evil.txt": b"x"})


def absolute(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "/tmp/hubdesk-evil.txt": b"x"})


def drive_letter(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "C:evil.txt": b"x"})


def colon(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "notes.md:stream": b"x"})


def backslash(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "sub\\..\\..\\evil.txt": b"x"})


def nul_byte(tmp: Path) -> Path:
    path = _zip(tmp, {"one.md": LESSON, "evilXtxt.md": b"x"})
    data = path.read_bytes().replace(b"evilXtxt.md", b"evil\x00txt.md")
    path.write_bytes(data)
    return path


def symlink(tmp: Path) -> Path:
    m = manifest_for({"one.md": LESSON, "link": b"/etc/passwd"})
    return write_zip(tmp / "bad.hubpack", {"one.md": LESSON, "link": b"/etc/passwd"}, m, symlinks=("link",))


def duplicate(tmp: Path) -> Path:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _zip(tmp, [("one.md", LESSON), ("one.md", b"# Other\n")])


def duplicate_case(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "One.md": b"# Other\n"})


def file_and_folder(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "fig": b"x", "fig/a.svg": b"<svg/>"})


def hash_mismatch(tmp: Path) -> Path:
    m = manifest_for(GOOD)
    m["files"][0][2] = "0" * 64
    return write_zip(tmp / "bad.hubpack", GOOD, m)


def big_stored_hash_mismatch(tmp: Path) -> Path:
    """A large stored file (copied in the kernel, hashed through a mapping) that was altered."""
    big = os.urandom(3 * 1024 * 1024)
    m = manifest_for({"one.md": LESSON, "clip.mp4": big})
    altered = big[:-1] + bytes([big[-1] ^ 1])
    return write_zip(tmp / "bad.hubpack", {"one.md": LESSON, "clip.mp4": altered}, m, stored=("clip.mp4",))


def size_mismatch(tmp: Path) -> Path:
    m = manifest_for(GOOD)
    m["files"][0][1] = len(LESSON) + 5
    return write_zip(tmp / "bad.hubpack", GOOD, m)


def unlisted(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", {"one.md": LESSON, "extra.exe": b"MZ"}, manifest_for(GOOD))


def missing_file(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", {}, manifest_for(GOOD))


def inflates_past_declared(tmp: Path) -> Path:
    big = b"A" * 2_000_000  # deflates to a few KB; headers and manifest claim 14 bytes
    m = manifest_for({"one.md": big})
    m["files"][0][1] = len(LESSON)
    path = write_zip(tmp / "bad.hubpack", {"one.md": big}, m)
    patch_sizes(path, "one.md", len(LESSON))
    return path


def header_larger_than_manifest(tmp: Path) -> Path:
    big = b"A" * 2_000_000
    m = manifest_for({"one.md": big})
    m["files"][0][1] = 10
    return write_zip(tmp / "bad.hubpack", {"one.md": big}, m)


def over_total_limit(tmp: Path) -> Path:
    big = b"\0" * 6_000_000  # the test sets the limit to 5 MB
    return _zip(tmp, {"one.md": LESSON, "bomb.bin": big})


def truncated(tmp: Path) -> Path:
    path = _zip(tmp, {"one.md": LESSON * 1000})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def not_a_zip(tmp: Path) -> Path:
    path = tmp / "bad.hubpack"
    path.write_bytes(os.urandom(4096))
    return path


def no_manifest(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", GOOD, None)


def malformed_manifest(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", GOOD, b"{not json")


def manifest_wrong_types(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", GOOD, manifest_for(GOOD, files="everything"))


def manifest_lesson_not_in_files(tmp: Path) -> Path:
    lessons = [{"id": "x", "title": "X", "path": "elsewhere.md"}]
    return write_zip(tmp / "bad.hubpack", GOOD, manifest_for(GOOD, lessons=lessons))


def oversized_manifest(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", GOOD, manifest_for(GOOD, description="x" * (MAX_MANIFEST_BYTES + 10)))


def bad_signature(tmp: Path) -> Path:
    key = Ed25519PrivateKey.generate()
    m = manifest_for(GOOD)
    path = write_zip(tmp / "bad.hubpack", GOOD, m, key=key)
    with zipfile.ZipFile(path) as zf:
        sig = zf.read("signature.json")
    m["title"] = "Altered after signing"
    return write_zip(tmp / "bad.hubpack", GOOD, m, signature=sig)


def malformed_signature(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", GOOD, manifest_for(GOOD), signature=b"garbage")


# -- portability: names Windows, macOS or a FAT stick cannot hold --------------------------------------
def device_name(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "CON.md": b"x"})


def device_name_folder(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "nul/a.svg": b"<svg/>"})


def device_name_with_extensions(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "fig/Com1.tar.gz": b"x"})


def trailing_dot(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "fig./a.svg": b"<svg/>"})


def trailing_space(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "notes /a.md": b"x"})


def nfc_nfd_clash(tmp: Path) -> Path:
    import unicodedata

    nfc, nfd = unicodedata.normalize("NFC", "café.md"), unicodedata.normalize("NFD", "café.md")
    assert nfc != nfd
    return _zip(tmp, {"one.md": LESSON, nfc: b"x", nfd: b"y"})


def case_fold_clash(tmp: Path) -> Path:
    return _zip(tmp, {"one.md": LESSON, "STRASSE.md": b"x", "straße.md": b"y"})  # one name once folded


def _with_quiz(tmp: Path, quiz: bytes) -> Path:
    entries = {"one.md": LESSON, "quizzes/one.json": quiz}
    lessons = [{"id": "one", "title": "One", "path": "one.md", "quiz": "quizzes/one.json", "minutes": None}]
    return _zip(tmp, entries, lessons=lessons)


def quiz_not_json(tmp: Path) -> Path:
    return _with_quiz(tmp, b"{questions: [")


def quiz_deeply_nested(tmp: Path) -> Path:
    return _with_quiz(tmp, b"[" * 50_000 + b"]" * 50_000)


def quiz_invalid(tmp: Path) -> Path:
    return _with_quiz(tmp, json.dumps({"title": "Q", "questions": [{"id": "q1", "type": "single"}]}).encode())


def manifest_deeply_nested(tmp: Path) -> Path:
    return write_zip(tmp / "bad.hubpack", GOOD, b'{"format":1,"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def manifest_bad_mastery(tmp: Path) -> Path:
    return _zip(tmp, GOOD, mastery={"correct": 9, "of_last": 2})


def _remove_during_copy(src: Path) -> Callable[[int, int], None]:
    def hook(done: int, total: int) -> None:
        if done:
            (src / "lessons" / "fig" / "folder.svg").unlink(missing_ok=True)
            (src / "quizzes" / "first.json").unlink(missing_ok=True)

    return hook


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "dotdot": (dotdot, "leaves its folder"),
    "absolute": (absolute, "absolute path"),
    "drive-letter": (drive_letter, "drive letter"),
    "backslash": (backslash, "backslash"),
    "colon": (colon, "Windows refuse"),
    "nul-byte": (nul_byte, "control character"),
    "symlink": (symlink, "symbolic link"),
    "duplicate": (duplicate, "twice"),
    "duplicate-case": (duplicate_case, "one name on Windows"),
    "device-name": (device_name, "CON is a device name on Windows"),
    "device-name-folder": (device_name_folder, "nul is a device name"),
    "device-name-with-extensions": (device_name_with_extensions, "Com1 is a device name"),
    "trailing-dot": (trailing_dot, "ends in a dot or a space"),
    "trailing-space": (trailing_space, "ends in a dot or a space"),
    "nfc-nfd-clash": (nfc_nfd_clash, "one name on Windows, macOS and USB sticks"),
    "case-fold-clash": (case_fold_clash, "'STRASSE.md' and 'straße.md'"),
    "quiz-not-json": (quiz_not_json, "quiz quizzes/one.json .* not readable JSON"),
    "quiz-deeply-nested": (quiz_deeply_nested, "quiz quizzes/one.json .* nested too deeply"),
    "quiz-invalid": (quiz_invalid, "quiz quizzes/one.json"),
    "manifest-deeply-nested": (manifest_deeply_nested, "manifest.json. is not valid JSON"),
    "manifest-bad-mastery": (manifest_bad_mastery, "manifest: The mastery rule"),
    "file-and-folder": (file_and_folder, "both as a file and as a folder"),
    "hash-mismatch": (hash_mismatch, "checksum"),
    "big-stored-hash-mismatch": (big_stored_hash_mismatch, "checksum"),
    "size-mismatch": (size_mismatch, "manifest says"),
    "unlisted-file": (unlisted, "does not list"),
    "missing-file": (missing_file, "lacks"),
    "inflates-past-declared": (inflates_past_declared, "cannot be read|more than|checksum"),
    "header-larger-than-manifest": (header_larger_than_manifest, "manifest says"),
    "over-total-limit": (over_total_limit, "more than the"),
    "truncated-zip": (truncated, "damaged or incomplete"),
    "not-a-zip": (not_a_zip, "damaged or incomplete"),
    "no-manifest": (no_manifest, "no manifest.json"),
    "malformed-manifest": (malformed_manifest, "not valid JSON"),
    "manifest-wrong-types": (manifest_wrong_types, "no list of files"),
    "manifest-lesson-not-in-files": (manifest_lesson_not_in_files, "not among the pack's files"),
    "oversized-manifest": (oversized_manifest, "manifest.json is .* more than"),
    "bad-signature": (bad_signature, "signature does not match"),
    "malformed-signature": (malformed_signature, "signature file is malformed"),
}


def _db_rows(inst: Installation) -> list[tuple[object, ...]]:
    return [tuple(r) for r in inst.store.query("SELECT * FROM packs ORDER BY id")]


def _snapshot(tmp_path: Path) -> dict[str, str]:
    return {k: v for k, v in tree_sha(tmp_path).items() if not k.startswith("data/hubdesk.sqlite3")}


@pytest.fixture
def library(inst: Installation, tmp_path: Path) -> Installation:
    good = build_pack(make_source(tmp_path / "good-src"), tmp_path / "good.hubpack").path
    inst.packs.install(good)
    inst.packs.set_max_bytes(5_000_000)
    return inst


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_pack_is_refused_and_changes_nothing(library: Installation, tmp_path: Path, case: str) -> None:
    maker, message = CASES[case]
    hostile_dir = tmp_path / "incoming"
    hostile_dir.mkdir()
    bad = maker(hostile_dir)
    before_rows, before_list, before_tree = _db_rows(library), library.packs.list(), _snapshot(tmp_path)
    with pytest.raises(PackError, match=message) as err:
        library.packs.install(bad)
    text = str(err.value)
    assert "\n" not in text and text.endswith((".", "?")), "one sentence for a person"
    assert _db_rows(library) == before_rows
    assert library.packs.list() == before_list
    assert _snapshot(tmp_path) == before_tree, "nothing written or deleted anywhere"
    assert not any(library.dirs.staging.iterdir())
    assert not Path("/tmp/hubdesk-evil.txt").exists()
    with pytest.raises(PackError):
        library.packs.verify(bad)


@pytest.mark.parametrize("case", ["dotdot", "hash-mismatch", "truncated-zip", "bad-signature"])
def test_cli_gives_one_line_and_nonzero_exit(
    library: Installation, tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = CASES[case][0](tmp_path)
    data = str(library.dirs.root)
    library.close()
    for cmd in (["pack", "verify", str(bad)], ["--data-dir", data, "pack", "install", str(bad)]):
        assert main(cmd) == 2
        out = capsys.readouterr()
        assert out.out == "" and len(out.err.strip().splitlines()) == 1 and out.err.startswith("hubdesk: ")
    conn = sqlite3.connect(Path(data) / "hubdesk.sqlite3")
    assert conn.execute("SELECT id FROM packs").fetchall() == [("demo",)]
    conn.close()


@pytest.mark.parametrize("how", ["vanish", "shrink"])
def test_usb_pulled_mid_copy(library: Installation, tmp_path: Path, how: str) -> None:
    """A pack folder loses files (or the zip shrinks) while it is being copied."""
    src = make_source(tmp_path / "src2", pack_id="second")
    (src / "lessons" / "clip.mp4").write_bytes(os.urandom(3 * 1024 * 1024))
    lesson = src / "lessons" / "02-files.md"
    lesson.write_text(lesson.read_text() + "\n[a clip](clip.mp4)\n")
    built = build_pack(src, tmp_path / "second.hubpack").path
    before_rows = _db_rows(library)
    if how == "vanish":
        folder = tmp_path / "stick" / "second"
        with zipfile.ZipFile(built) as zf:
            zf.extractall(folder)
        path, hook = folder, _remove_during_copy(folder)
    else:
        path = built
        size = built.stat().st_size

        def hook(done: int, total: int) -> None:
            if done:
                os.truncate(built, size // 3)

    with pytest.raises(PackError, match=r"USB stick|damaged|lacks|cannot be read"):
        library.packs.install(path, progress=hook)
    assert _db_rows(library) == before_rows
    assert [p.id for p in library.packs.list()] == ["demo"]
    assert not any(library.dirs.staging.iterdir())
    assert sorted(d.name for d in library.dirs.packs.iterdir()) == ["demo"]


def test_manifest_json_shape_is_checked_on_every_field(tmp_path: Path) -> None:
    from hubdesk.core.packs import Manifest

    good = manifest_for(GOOD)
    Manifest.from_dict(good)
    for key, value in [("id", "UPPER"), ("version", "1.a"), ("format", 2), ("authors", "me"), ("lessons", [])]:
        with pytest.raises(PackError):
            Manifest.from_dict({**good, key: value})
    assert json.loads(Manifest.from_dict(good).to_bytes())["id"] == "hostile"


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["aux.svg"], "aux is a device name on Windows"),
        (["LPT9.backup.svg"], "LPT9 is a device name"),
        (["fig. /a.svg"], "ends in a dot or a space"),
        (["Café.svg", "Cafe\u0301.svg"], "one name on Windows, macOS and USB sticks"),
        (["Map.svg", "MAP.svg"], "one name on Windows, macOS and USB sticks"),
    ],
)
def test_build_refuses_names_other_systems_cannot_hold(tmp_path: Path, names: list[str], message: str) -> None:
    src = make_source(tmp_path / "src")
    lesson = src / "lessons" / "02-files.md"
    for name in names:
        (src / "lessons" / name).parent.mkdir(parents=True, exist_ok=True)
        (src / "lessons" / name).write_text("<svg/>")
        lesson.write_text(lesson.read_text() + f"\n![figure]({name.replace(' ', '%20')})\n")
    out = tmp_path / "out.hubpack"
    with pytest.raises(PackError, match=message) as err:
        build_pack(src, out)
    assert "\n" not in str(err.value)
    assert not out.exists()


def test_build_refuses_a_quiz_that_does_not_parse_naming_it(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    (src / "quizzes" / "first.yaml").write_text("title: Q\nquestions:\n  - id: q1\n    type: single\n")
    with pytest.raises(PackError, match=r"quizzes/first\.yaml"):
        build_pack(src, tmp_path / "out.hubpack")
    (src / "quizzes" / "first.yaml").write_text("[" * 5000 + "]" * 5000)
    with pytest.raises(PackError, match=r"first\.yaml"):
        build_pack(src, tmp_path / "out.hubpack")
