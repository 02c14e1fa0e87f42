"""Search over the real shell-novice lessons: words, stems, typos, nonsense, private notes, self-healing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.core.search import LessonDoc, Search
from tests.conftest import CONTENT_PACKS, real_course
from tests.core.packs_util import make_source


@pytest.fixture(scope="module")
def shell_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packs") / "shell.hubpack"
    build_pack(real_course("shell-novice"), out)
    return out


@pytest.fixture
def shell(inst: Installation, shell_pack: Path) -> Installation:
    inst.packs.install(shell_pack)
    return inst


def _lessons(inst: Installation, text: str, **kw: object) -> list[str]:
    return [h.lesson_id for h in inst.search.search(text, **kw).results]  # type: ignore[arg-type]


def test_words_and_titles(shell: Installation) -> None:
    found = shell.search.search("pipes and filters")
    assert found.results[0].lesson_id == "04-pipefilter" and found.results[0].title == "Pipes and Filters"
    assert found.suggestion is None and not found.corrected
    assert "<b>pipes</b>" in found.results[0].snippet_html.lower()
    assert "<b>" not in found.results[0].snippet and "pipes" in found.results[0].snippet.lower()
    wild = shell.search.search("wildcard")
    assert "03-create" in [h.lesson_id for h in wild.results]
    assert all(h.kind == "lesson" and h.pack_id == "shell-novice" and h.language == "en" for h in wild.results)
    assert [h.score for h in wild.results] == sorted((h.score for h in wild.results), reverse=True)
    assert len(_lessons(shell, "the", limit=3)) <= 3


def test_stemming_finds_other_forms(shell: Installation) -> None:
    found = shell.search.search("redirection")
    assert "04-pipefilter" in [h.lesson_id for h in found.results]
    snippets = " ".join(h.snippet_html.lower() for h in found.results)
    assert "<b>redirect" in snippets  # 'redirecting', 'redirects' ... highlighted for 'redirection'


def test_typo_suggests_and_shows_the_right_lessons(shell: Installation) -> None:
    found = shell.search.search("direcory")
    assert found.suggestion == "directory" and found.corrected
    assert "02-filedir" in [h.lesson_id for h in found.results]
    both = shell.search.search("wildcrad loop")
    assert both.suggestion == "wildcard loop"
    assert shell.search.search("wildcard").suggestion is None


def test_nonsense_finds_nothing(shell: Installation) -> None:
    found = shell.search.search("zqxjv wombatfrond")
    assert found.results == [] and found.suggestion is None and not found.corrected
    assert shell.search.search("   ").results == []


def test_notes_only_for_their_learner(shell: Installation) -> None:
    amina, ben = shell.learners.add("Amina").id, shell.learners.add("Ben").id
    shell.search.search("loop")  # the index is open before the note: the listener must update it
    shell.notes.save(amina, "shell-novice", "05-loop", "Remember: quokkasaurus means repeat for each file")
    mine = shell.search.search("quokkasaurus", learner_id=amina)
    assert [(h.kind, h.lesson_id, h.title) for h in mine.results] == [("note", "05-loop", "Loops")]
    assert "<b>quokkasaurus</b>" in mine.results[0].snippet_html
    assert shell.search.search("quokkasaurus", learner_id=ben).results == []
    assert shell.search.search("quokkasaurus").results == []
    # a note's words never become someone else's "did you mean"
    assert shell.search.search("quokkasaurux", learner_id=ben).suggestion is None
    shell.notes.save(amina, "shell-novice", "05-loop", "")
    assert shell.search.search("quokkasaurus", learner_id=amina).results == []


def test_note_saved_by_another_process_is_found(shell: Installation, tmp_path: Path) -> None:
    lid = shell.learners.add("Chloe").id
    shell.search.search("loop")
    with Installation(tmp_path / "data") as other:  # the app and a CLI command on one data folder
        other.notes.save(lid, "shell-novice", "07-find", "grep plus find is xylophonic")
    shell.search.ensure_fresh(force=True)
    assert _lessons(shell, "xylophonic", learner_id=lid) == ["07-find"]


@pytest.mark.parametrize("damage", ["delete", "garbage", "truncate"])
def test_index_rebuilt_when_missing_or_damaged(shell: Installation, tmp_path: Path, damage: str) -> None:
    assert "05-loop" in _lessons(shell, "loop")
    folder = shell.dirs.search_index
    shell.search.close()
    if damage == "delete":
        shutil.rmtree(folder)
    else:
        for f in folder.iterdir():
            if f.is_file():
                f.write_bytes(b"\x00garbage" * 10 if damage == "garbage" else b"")
    with Installation(tmp_path / "data") as again:
        assert "05-loop" in _lessons(again, "loop")
    if damage == "delete":  # the same object heals too, without being closed first
        shutil.rmtree(folder)
        assert "05-loop" in _lessons(shell, "loop")


def test_updated_when_packs_are_installed_upgraded_and_removed(inst: Installation, tmp_path: Path) -> None:
    assert inst.search.search("folders").results == []  # nothing installed yet: index opened empty
    v1 = build_pack(make_source(tmp_path / "v1"), tmp_path / "v1.hubpack")
    inst.packs.install(v1.path)
    assert _lessons(inst, "folders") == ["files"]
    src2 = make_source(tmp_path / "v2", version="1.1.0", titles=("Premiers pas", "Storage cupboards"))
    build_pack(src2, tmp_path / "v2.hubpack")
    inst.packs.install(tmp_path / "v2.hubpack")
    assert _lessons(inst, "cupboard") == ["files"]  # new title, stemmed
    assert inst.search.search("folders").results == []  # old title gone
    inst.packs.remove("demo")
    assert inst.search.search("cupboard").results == []


def test_pack_installed_by_another_process_is_found(inst: Installation, shell_pack: Path, tmp_path: Path) -> None:
    assert inst.search.search("wildcard").results == []
    with Installation(tmp_path / "data") as other:
        other.packs.install(shell_pack)
    inst.search.ensure_fresh(force=True)
    assert "03-create" in _lessons(inst, "wildcard")


def test_language_stemming_and_filter(shell: Installation, tmp_path: Path) -> None:
    build_pack(CONTENT_PACKS / "calcul-au-quotidien", tmp_path / "fr.hubpack")
    shell.packs.install(tmp_path / "fr.hubpack")
    found = shell.search.search("pourcentage")  # French stemmer: the lesson says 'pourcentages'
    assert found.results and all(h.language == "fr" for h in found.results)
    assert "pourcentages" in _lessons(shell, "pourcentage", language="fr")
    assert _lessons(shell, "pourcentage", language="en") == []
    assert "05-loop" in _lessons(shell, "loops", language="en")


def test_cli_search_json_and_text(shell: Installation, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = str(shell.dirs.root)
    shell.close()
    assert main(["--data-dir", data_dir, "search", "direcory", "--json", "--limit", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["query"] == "direcory" and out["suggestion"] == "directory"
    assert len(out["results"]) == 2
    assert set(out["results"][0]) >= {"pack_id", "lesson_id", "title", "snippet", "score", "language"}
    assert main(["--data-dir", data_dir, "search", "pipes", "and", "filters"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("1. Pipes and Filters  [shell-novice / 04-pipefilter]") and "*pipes*" in text.lower()
    assert main(["--data-dir", data_dir, "search", "zqxjv"]) == 0
    assert "No lesson matches" in capsys.readouterr().out


def test_snippets_are_escaped_windows_around_matches(tmp_path: Path) -> None:
    """Fed directly (no packs): markup in lesson text is shown as text; the window finds far matches."""
    search = Search(tmp_path / "ix", None, None)
    filler = "plain words about nothing in particular. " * 40
    search.index_lessons(
        [
            LessonDoc("p", "html", "Markup lesson", "Type <b>bold</b> & then pipes > file.", "en"),
            LessonDoc("p", "far", "Far lesson", filler + "At last the kettle whistles. " + filler, "en"),
        ]
    )
    hit = search.search("pipes").results[0]
    assert hit.snippet_html == "Type &lt;b&gt;bold&lt;/b&gt; &amp; then <b>pipes</b> &gt; file."
    assert hit.snippet == "Type <b>bold</b> & then pipes > file."
    far = search.search("kettle").results[0]
    assert far.snippet_html.startswith("… ") and far.snippet_html.endswith(" …")
    assert "<b>kettle</b> whistles" in far.snippet_html and "Far lesson" not in far.snippet_html
    assert len(far.snippet) <= 210
    title_only = search.search("markup").results[0]
    assert title_only.lesson_id == "html" and title_only.snippet.startswith("Type <b>bold</b>")
    search.close()


def test_another_writer_holding_the_index_delays_updates_only(
    shell: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hubdesk.core.search import _manager

    monkeypatch.setattr(_manager, "WRITER_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(_manager, "RECHECK_SECONDS", 0.0)  # every search tries to catch up
    lid = shell.learners.add("Dev").id
    assert shell.search.search("loop").results
    other_process = sqlite3.connect(shell.dirs.search_index / "index.sqlite3", isolation_level=None)
    other_process.execute("BEGIN IMMEDIATE")  # e.g. the CLI, mid-update
    try:
        assert shell.notes.save(lid, "shell-novice", "05-loop", "marsupial loops")  # the save is not blocked
        assert shell.search.search("marsupial", learner_id=lid).results == []  # not indexed yet ...
        assert "05-loop" in _lessons(shell, "loop")  # ... and search still answers
    finally:
        other_process.execute("ROLLBACK")
        other_process.close()
    assert _lessons(shell, "marsupial", learner_id=lid) == ["05-loop"]


def test_a_star_or_question_mark_is_not_every_lesson(inst: Installation, tmp_path: Path) -> None:
    build_pack(CONTENT_PACKS / "digital-literacy", tmp_path / "dl.hubpack")
    inst.packs.install(tmp_path / "dl.hubpack")
    assert _lessons(inst, "folder")
    for text in ("*", "?", " * ", "**"):
        assert _lessons(inst, text) == [], text
    assert _lessons(inst, "folder*") == _lessons(inst, "folder")


def _search_over(tmp_path: Path, *docs: LessonDoc) -> Search:
    search = Search(tmp_path / "ix", None, None)
    search.index_lessons(docs)
    return search


def test_titles_first_and_phrases_or_not(tmp_path: Path) -> None:
    search = _search_over(
        tmp_path,
        LessonDoc("p", "body", "Counting sheep", "A loop, a loop and a loop again: for loop, while loops.", "en"),
        LessonDoc("p", "title", "Loops", "Doing one thing many times over, with a kettle.", "en"),
        LessonDoc("p", "teapot", "Tea", "Warm the teapot first.", "en"),
    )
    try:
        assert [h.lesson_id for h in search.search("loop").results] == ["title", "body"]  # BM25, title weighs more
        assert [h.lesson_id for h in search.search('"for loop"').results] == ["body"]
        assert search.search('"loop for"').results == []
        assert {h.lesson_id for h in search.search("kettle OR teapot").results} == {"title", "teapot"}
        assert {h.lesson_id for h in search.search("kettle teapot").results} == {
            "title",
            "teapot",
        }  # any word, failing all
        assert [h.lesson_id for h in search.search("loops NOT kettle").results] == ["body"]
        assert [h.lesson_id for h in search.search('loop" ) AND (NOT').results] == ["title", "body"]  # no FTS5 syntax
    finally:
        search.close()


def test_languages_accents_arabic_and_fallback(tmp_path: Path) -> None:
    search = _search_over(
        tmp_path,
        LessonDoc("fr", "ete", "L'été", "Les pourcentages de l'été.", "fr"),
        LessonDoc("sw", "soma", "Kusoma", "Kujifunza kusoma na kuandika.", "sw"),
        LessonDoc("ar", "arqam", "الأرقام", "نكتب الأرقام بطريقتين: بالأرقام العربية ٣٤٥", "ar"),
    )
    try:
        assert [h.lesson_id for h in search.search("ete").results] == ["ete"]  # typed without accents
        assert "<b>pourcentages</b>" in search.search("pourcentage", language="fr").results[0].snippet_html
        assert [h.language for h in search.search("kusoma").results] == ["sw"]  # no stemmer: words as written
        assert search.search("kusoma", language="fr").results == []
        assert [h.lesson_id for h in search.search("أرقام").results] == ["arqam"]  # Arabic stemmer: بالأرقام
    finally:
        search.close()


def test_lesson_text_is_what_a_learner_reads() -> None:
    from hubdesk.core.search import lesson_text

    md = (
        "---\ntitle: T\n---\n\n# Heading\n\n::::: callout\nSee **the** [reference](../ref.md#x){: .x} and "
        "![a cat](cat.png)\n:::::\n\n```bash\n$ ls -F snake_case_dir\n```\n{: .language-bash}\n\n"
        "| a | b |\n|---|---|\n| _it_ | `code` |\n<!-- hidden -->\n<span>tag</span> &amp; done"
    )
    assert lesson_text(md).split("\n") == [
        "Heading",
        "See the reference and",
        "$ ls -F snake_case_dir",
        "a | b",
        "it | code",
        "tag & done",
    ]


def test_an_older_index_in_the_folder_is_replaced(shell: Installation) -> None:
    shell.search.close()
    folder = shell.dirs.search_index
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name in ("MAIN_abc.toc", "MAIN_1.seg", "state.json"):  # what Whoosh left there
        (folder / name).write_bytes(b"old")
    assert "05-loop" in _lessons(shell, "loop")
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["index.sqlite3"]


def test_two_processes_catching_up_index_each_lesson_once(shell: Installation, tmp_path: Path) -> None:
    with Installation(tmp_path / "data") as other:
        assert "05-loop" in _lessons(other, "loop")
        assert "05-loop" in _lessons(shell, "loop")
    db = sqlite3.connect(shell.dirs.search_index / "index.sqlite3")
    try:
        lessons = db.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM docs WHERE kind = 'lesson'").fetchone()
    finally:
        db.close()
    assert lessons[0] == lessons[1] == len(shell.packs.get("shell-novice").lessons)


def test_an_index_found_damaged_mid_search_is_rebuilt_once(
    shell: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hubdesk.core.search import _query

    assert "05-loop" in _lessons(shell, "loop")
    real_run, calls = _query.run, []

    def damaged_once(*args: object, **kw: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_run(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_query, "run", damaged_once)
    assert "05-loop" in _lessons(shell, "loop")
    assert len(calls) == 2  # the failed try, then the one over the rebuilt index
