"""The quiz as a learner meets it: the pack's own mastery rule, one verdict, a summary at the end,
numbers written as people write them, letters refused with a hint.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.core.quizzes import MasteryRule
from tests.conftest import CONTENT_PACKS
from tests.ui.conftest import screenshot, sign_in_directly


def pack_with_rule(tmp_path: Path, correct: int, of_last: int) -> Path:
    """The French sample pack with its manifest's mastery rule changed (no quiz sets its own)."""
    src = tmp_path / "src"
    shutil.copytree(CONTENT_PACKS / "calcul-au-quotidien", src)
    meta = src / "pack.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "mastery: {correct: 4, of_last: 5}" in text
    rule = f"mastery: {{correct: {correct}, of_last: {of_last}}}"
    meta.write_text(text.replace("mastery: {correct: 4, of_last: 5}", rule), encoding="utf-8")
    built = tmp_path / "rule.hubpack"
    build_pack(src, built)
    return built


def answer_right(quiz: Any) -> None:
    q = quiz.question
    if q.type == "single":
        quiz.choose(q.answers[0])
    elif q.type == "multiple":
        quiz.choose(list(q.answers))
    elif q.type == "number":
        quiz.choose(str(q.number))
    else:
        quiz.choose(q.accept[0])
    quiz.submit()


def test_the_quiz_uses_the_packs_own_mastery_rule(
    qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path
) -> None:
    inst.packs.install(pack_with_rule(tmp_path, 2, 3))
    pack = inst.packs.get("calcul-au-quotidien")
    lesson = next(ls.id for ls in pack.lessons if ls.quiz_path)
    assert inst.packs.mastery_rule(pack.id, lesson) == MasteryRule(correct=2, of_last=3) != MasteryRule()
    amina = inst.learners.add("Amina")
    window = make_window(inst)
    shell = sign_in_directly(window, amina)
    shell.open_quiz(pack.id, lesson)
    assert shell.quiz.rule == MasteryRule(correct=2, of_last=3)
    assert "2" in shell.quiz.standing.text() and "3" in shell.quiz.standing.text()
    answer_right(shell.quiz)
    assert not shell.quiz.banner.isVisible()
    shell.quiz.next_question()
    answer_right(shell.quiz)
    assert shell.quiz.banner.isVisible()  # 2 right of the last 3: mastered by the pack's rule, not 4 of 5
    assert inst.progress.mastery(amina.id, pack.id, lesson, MasteryRule(2, 3)).mastered


def test_a_quiz_ends_with_a_summary_and_says_not_quite_once(
    qtbot: Any, library: Installation, make_window: Any, tmp_path: Path
) -> None:
    amina = library.learners.add("Amina")
    window = make_window(library)
    shell = sign_in_directly(window, amina)
    pack = library.packs.get("digital-literacy")
    shell.open_quiz(pack.id, "using-a-computer")
    quiz = shell.quiz
    total = len(quiz.quiz.questions)
    wrong_first = quiz.question
    quiz.choose((wrong_first.answers[0] + 1) % len(wrong_first.choices))
    quiz.submit()
    shown = quiz.verdict.text() + " " + quiz.explanation.text()
    assert shown.count("Not quite") == 1, shown
    for _ in range(total - 1):
        quiz.next_question()
        answer_right(quiz)
    quiz.next_question()  # after the last question: a summary, not question 1 again
    assert quiz.question is None
    assert f"{total - 1} of {total}" in quiz.prompt.text()
    QApplication.processEvents()
    assert quiz.again.isVisible() and quiz.again.hasFocus(), QApplication.focusWidget()
    screenshot(window, tmp_path / "quiz-summary.png")
    quiz.again.click()
    assert quiz.question is not None and quiz.counter.text().startswith("Question 1 of")


def test_number_answers_in_the_ways_people_write_them(
    qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path
) -> None:
    built = tmp_path / "fr.hubpack"
    build_pack(CONTENT_PACKS / "calcul-au-quotidien", built)
    inst.packs.install(built)
    amina = inst.learners.add("Amina")
    window = make_window(inst)
    shell = sign_in_directly(window, amina)
    quiz = shell.quiz
    shell.open_quiz("calcul-au-quotidien", "comparer-les-prix")
    assert quiz.question.type == "number" and quiz.question.number == 600
    quiz.choose("six cents")
    quiz.submit()
    assert quiz.check.isVisible() and "number" in quiz.hint.text().lower()  # refused with a hint, not marked wrong
    assert not inst.progress.mastery(amina.id, "calcul-au-quotidien", "comparer-les-prix").recent
    quiz.choose("٦٠٠")  # Arabic-Indic digits
    quiz.submit()
    assert quiz.verdict.objectName() == "good", quiz.verdict.text()


def test_a_french_speaker_is_offered_a_french_course_first(
    qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path
) -> None:
    for name in ("digital-literacy", "calcul-au-quotidien"):
        build_pack(CONTENT_PACKS / name, tmp_path / f"{name}.hubpack")
        inst.packs.install(tmp_path / f"{name}.hubpack")
    amina = inst.learners.add("Amina")
    window = make_window(inst)
    window.ctx.settings.language = "fr"
    window.retranslate()
    try:
        shell = sign_in_directly(window, amina)
        assert "Le calcul au quotidien" in shell.library.continue_button.text()
        assert shell.library.cards[0].pack_id == "calcul-au-quotidien"
    finally:
        window.ctx.settings.language = "en"
        window.translations.apply("en")


def test_time_on_a_quiz_counts_for_its_lesson(qtbot: Any, library: Installation, make_window: Any) -> None:
    amina = library.learners.add("Amina")
    window = make_window(library)
    shell = sign_in_directly(window, amina)
    pack = library.packs.get("digital-literacy")
    shell.open_quiz(pack.id, "using-a-computer")
    shell.quiz.started -= 150  # as if the learner spent two and a half minutes on it
    shell.show_library()
    summary = library.progress.pack_summary(amina.id, pack.id, [ls.id for ls in pack.lessons])
    assert summary.seconds >= 150
    shell.open_quiz(pack.id, "using-a-computer")
    shell.quiz.started -= 60
    window.sign_out()  # signing out counts it too
    summary = library.progress.pack_summary(amina.id, pack.id, [ls.id for ls in pack.lessons])
    assert summary.seconds >= 210
