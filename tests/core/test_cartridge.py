"""Importing IMS Common Cartridges (Moodle, Canvas exports) as packs: order, pages, quizzes, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.cartridge import CartridgeError, import_cartridge
from hubdesk.core.installation import Installation
from hubdesk.core.packs import keygen
from tests.core.cartridge_util import canvas_files, moodle_files, write_folder, write_zip


def _quiz(inst: Installation, pack_id: str, lesson_id: str) -> list[dict[str, object]]:
    quiz = inst.packs.quiz(pack_id, lesson_id)
    assert quiz is not None
    return list(quiz["questions"])


def test_a_canvas_export_becomes_a_pack(inst: Installation, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cc = write_zip(tmp_path / "fractions.imscc", canvas_files())
    out = tmp_path / "fractions.hubpack"
    assert main(["pack", "import-cc", str(cc), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "5 lessons, 1 quizzes with 5 questions" in said
    assert "'c0f': an essay question HubDesk has no type for" in said  # the report at the end
    assert "Math tool (https://tool.example.org/launch)" in said
    inst.packs.install(out)
    pack = inst.packs.get("fractions-for-adults")
    assert (pack.title, pack.language, pack.licence) == ("Fractions for adults", "en", "CC-BY-SA-4.0")
    assert [le.title for le in pack.lessons] == ["Page 0", "Page 1", "Quiz 0", "Math tool", "Not in a module"]
    page = inst.packs.render_lesson(pack.id, pack.lessons[0].id)
    assert '<img src="files/web_resources/Uploaded Media/chart 1.png" alt="A &quot;pie&quot; chart">' in page.html
    assert inst.packs.asset_path(pack.id, "files/web_resources/Uploaded Media/chart 1.png").read_bytes()[:4] == (
        b"\x89PNG"
    )
    assert f'href="hubdesk:lesson/{pack.lessons[1].id}"' in page.html and "alert" not in page.html
    assert '<a href="files/web_resources/Uploaded Media/chart 1.png">the chart</a>' in page.html
    assert "api/v1" not in page.html  # Canvas's data-api-* attributes do not come along
    assert "<a>an assignment</a>" in page.html  # a link into Canvas itself keeps its words, loses its target
    assert "Needs internet" in inst.packs.render_lesson(pack.id, pack.lessons[3].id).html
    questions = _quiz(inst, pack.id, pack.lessons[2].id)
    assert [q["type"] for q in questions] == ["single", "multiple", "single", "text", "number"]
    assert questions[0]["answer"] == 1 and questions[1]["answers"] == [0, 2] and questions[2]["answer"] == 1
    assert questions[0]["feedback"] == {"correct": "Well done.", "incorrect": "Look again at the lesson."}
    assert questions[3]["accept"] == ["denominator"]
    assert (questions[4]["answer"], questions[4]["tolerance"]) == (6.0, 0.5)


def test_canvas_module_order_when_the_organization_lists_nothing(tmp_path: Path, inst: Installation) -> None:
    cc = write_zip(tmp_path / "c.imscc", canvas_files(with_organization=False))
    report = import_cartridge(cc, tmp_path / "c.hubpack")
    titles = [le.title for le in report.build.manifest.lessons]
    assert titles == ["Page 0", "Page 1", "Quiz 0", "Math tool", "Reading on the web", "Not in a module"]
    assert report.needs_internet == [
        "Math tool (https://tool.example.org/launch)",
        "Reading on the web (https://example.org/reading)",
    ]


def test_an_unpacked_moodle_cartridge_signed(tmp_path: Path, inst: Installation) -> None:
    folder = write_folder(tmp_path / "moodle", moodle_files())
    key, pub = keygen(tmp_path / "k.key")
    report = import_cartridge(folder, tmp_path / "m.hubpack", sign_key=key)
    result = inst.packs.install(tmp_path / "m.hubpack", trust=pub)
    assert result.verified
    pack = inst.packs.get(result.pack_id)
    assert (pack.language, pack.licence, pack.authors) == ("fr", "CC-BY-4.0", ("Awa Ndiaye",))
    titles = [le.title for le in pack.lessons]
    assert titles == ["Lire une facture", "Le total", "Vérifier", "Vos factures", "Impôts", "Votre budget"]
    assert "Faites le budget" in inst.packs.render_lesson(pack.id, pack.lessons[5].id).html
    first = inst.packs.render_lesson(pack.id, pack.lessons[0].id).html
    assert (
        f'href="hubdesk:lesson/{pack.lessons[1].id}#total"' in first and 'src="files/course_files/facture.png"' in first
    )
    assert "Montrez une facture" in inst.packs.render_lesson(pack.id, pack.lessons[3].id).html
    questions = _quiz(inst, pack.id, pack.lessons[2].id)
    assert [q["type"] for q in questions] == ["single", "multiple", "single", "text"]
    assert report.left_out == [
        "Vérifier: 'm5': an essay question HubDesk has no type for",
        "'Banque': a question bank (questions for quizzes, not a part of the course)",
    ]


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
    "<manifest>&lol2;</manifest>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest>&x;</manifest>'


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({**canvas_files(), "../../evil.html": "<p>x</p>"}, "leaves its folder"),
        ({**canvas_files(), "/etc/evil.html": "<p>x</p>"}, "leaves its folder"),
        ({**canvas_files(), "imsmanifest.xml": LAUGHS}, "declares a DTD or entities"),
        ({**canvas_files(), "imsmanifest.xml": XXE}, "declares a DTD or entities"),
        ({"wiki_content/a.html": "<p>no manifest</p>"}, "is not an IMS Common Cartridge"),
        ({**canvas_files(), "imsmanifest.xml": "<manifest><unclosed></manifest>"}, "is not readable XML"),
    ],
)
def test_a_damaged_or_hostile_cartridge_is_refused_in_one_sentence(
    tmp_path: Path, files: dict[str, bytes | str], said: str
) -> None:
    cc = write_zip(tmp_path / "bad.imscc", files)
    with pytest.raises(CartridgeError, match=said):
        import_cartridge(cc, tmp_path / "out.hubpack")
    assert not (tmp_path / "out.hubpack").exists()


def test_a_zip_bomb_is_refused_before_it_inflates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from hubdesk.core.cartridge import _files

    monkeypatch.setattr(_files, "MAX_TOTAL", 1 << 20)
    cc = write_zip(tmp_path / "bomb.imscc", {**canvas_files(), "web_resources/zeros.bin": b"\0" * (4 << 20)})
    assert cc.stat().st_size < 100_000
    assert main(["pack", "import-cc", str(cc), "-o", str(tmp_path / "o.hubpack")]) != 0
    out = capsys.readouterr()
    assert "larger than this importer takes" in out.out + out.err and "Traceback" not in out.out + out.err
    assert main(["pack", "import-cc", str(tmp_path / "nothing.imscc"), "-o", str(tmp_path / "o.hubpack")]) != 0
    out = capsys.readouterr()
    assert "nothing.imscc cannot be read: no such file or directory." in out.out + out.err
    (tmp_path / "text.imscc").write_text("not a zip")
    with pytest.raises(CartridgeError, match="the zip is damaged"):
        import_cartridge(tmp_path / "text.imscc", tmp_path / "o.hubpack")
    assert not (tmp_path / "o.hubpack").exists()
