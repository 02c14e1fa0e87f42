"""Building packs: pack.yaml and Carpentries sources, quizzes as JSON, figures, signatures, the manifest."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from hubdesk.core.packs import Manifest, PackError, build_pack, keygen, parse_version, verify_pack
from hubdesk.core.quizzes import QuizError
from tests.conftest import real_course
from tests.core.packs_util import make_source


def test_build_collects_lessons_figures_and_quiz_json(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    (src / "lessons" / "unused.png").write_bytes(b"not linked")
    result = build_pack(src, tmp_path / "demo.hubpack")
    m = result.manifest
    assert [le.id for le in m.lessons] == ["first", "files"]
    assert m.lessons[0].quiz == "quizzes/first.json" and m.lessons[1].quiz is None
    names = {f.path for f in m.files}
    assert names == {"lessons/01-first.md", "lessons/02-files.md", "lessons/fig/folder.svg", "quizzes/first.json"}
    with zipfile.ZipFile(result.path) as zf:
        quiz = json.loads(zf.read("quizzes/first.json"))
        assert quiz["questions"][0]["id"] == "q1"
        assert Manifest.from_bytes(zf.read("manifest.json")) == m
        assert "signature.json" not in zf.namelist()
    checked = verify_pack(result.path)
    assert checked.signed_by is None and not checked.verified


def test_large_and_compressed_files_are_stored_text_deflated(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    (src / "lessons" / "clip.mp4").write_bytes(b"\0" * 1000)
    lesson = src / "lessons" / "02-files.md"
    lesson.write_text(lesson.read_text() + "\n[a clip](clip.mp4)\n")
    out = build_pack(src, tmp_path / "p.hubpack").path
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("lessons/clip.mp4").compress_type == zipfile.ZIP_STORED
        assert zf.getinfo("lessons/01-first.md").compress_type == zipfile.ZIP_DEFLATED


def test_real_carpentries_lesson_keeps_title_authors_licence_source(tmp_path: Path) -> None:
    result = build_pack(real_course(), tmp_path / "shell.hubpack")
    m = result.manifest
    assert m.id == "shell-novice"
    assert m.title == "The Unix Shell"
    assert m.licence == "CC-BY 4.0"
    assert m.source == "https://github.com/swcarpentry/shell-novice"
    assert "Harriet Alexander" in m.authors and len(m.authors) > 100
    assert [le.id for le in m.lessons][:2] == ["01-intro", "02-filedir"]
    assert m.lessons[1].title == "Navigating Files and Directories"
    names = {f.path for f in m.files}
    assert {"episodes/fig/filesystem.svg", "episodes/fig/nano-screenshot.png", "LICENSE.md", "AUTHORS"} <= names
    verify_pack(result.path)


def test_signed_build_verifies_and_tampering_is_caught(tmp_path: Path) -> None:
    key, pub = keygen(tmp_path / "publisher")
    assert pub.name == "publisher.pub" and oct(key.stat().st_mode)[-3:] == "600"
    out = build_pack(make_source(tmp_path / "src"), tmp_path / "s.hubpack", sign_key=key).path
    from hubdesk.core.packs import read_public_key

    checked = verify_pack(out, trusted=frozenset({read_public_key(pub)}))
    assert checked.verified and checked.signed_by == read_public_key(pub)
    with pytest.raises(PackError, match="already exists"):
        keygen(tmp_path / "publisher")


def test_invalid_quiz_is_refused_with_the_question_named(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    (src / "quizzes" / "first.yaml").write_text(
        "title: Bad\nquestions:\n  - {id: q1, type: single, prompt: P, choices: [a, b], answer: 7}\n"
    )
    with pytest.raises(QuizError, match="q1"):
        build_pack(src, tmp_path / "bad.hubpack")
    assert not (tmp_path / "bad.hubpack").exists()
    assert not list(tmp_path.glob(".bad.hubpack*"))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: (s / "pack.yaml").unlink(), "neither a pack.yaml"),
        (lambda s: (s / "pack.yaml").write_text("id: Bad Id\ntitle: x\nlessons: [lessons/01-first.md]\n"), "pack id"),
        (lambda s: (s / "pack.yaml").write_text("id: ok\ntitle: x\nlessons: [../outside.md]\n"), "not a file inside"),
        (lambda s: (s / "pack.yaml").write_text("id: ok\nversion: one\ntitle: x\nlessons: [a.md]\n"), "dotted"),
        (lambda s: (s / "pack.yaml").write_text(": : :\n"), "YAML"),
    ],
)
def test_bad_sources_are_refused(tmp_path: Path, edit: object, message: str) -> None:
    src = make_source(tmp_path / "src")
    edit(src)  # type: ignore[operator]
    with pytest.raises(PackError, match=message):
        build_pack(src, tmp_path / "x.hubpack")


def test_unknown_markdown_and_bad_front_matter_still_build(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    (src / "lessons" / "02-files.md").write_text("---\ntitle: [unclosed\n---\n\n# Odd\n\n{% include x %}\n<<<>>>\n")
    result = build_pack(src, tmp_path / "odd.hubpack")
    assert result.manifest.lessons[1].id == "02-files" and result.manifest.lessons[1].title == "Odd"
    assert any("front matter" in w for w in result.warnings)


def test_versions_compare_as_numbers() -> None:
    assert parse_version("1.10.0") > parse_version("1.9.9")
    assert parse_version("2") == parse_version("2.0.0")
    for bad in ("1.x", "", "1..2", "-1", "1.0.0.0.0"):
        with pytest.raises(PackError):
            parse_version(bad)


def test_lessons_beside_listed_ones_are_added_at_the_end(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    (src / "lessons" / "03-extra.md").write_text("# Extra\n\n[clip](clip.mp4)\n")
    (src / "lessons" / "clip.mp4").write_bytes(b"\0" * 10)
    (src / "lessons" / "README.md").write_text("# not a lesson\n")
    result = build_pack(src, tmp_path / "x.hubpack")
    assert [le.id for le in result.manifest.lessons] == ["first", "files", "03-extra"]
    assert "lessons/clip.mp4" in {f.path for f in result.manifest.files}
    assert any("not in the lessons list" in w for w in result.warnings)
