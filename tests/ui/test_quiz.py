"""Quizzes in the app: every question type, feedback, retries, mastery, one event per attempt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hubdesk.core.quizzes import Question
from tests.ui.conftest import sign_in_directly


def right_answer(q: Question) -> object:
    if q.type == "single":
        return q.answers[0]
    if q.type == "multiple":
        return list(q.answers)
    if q.type == "number":
        assert q.number is not None
        return int(q.number) if q.number.is_integer() else q.number
    return q.accept[0]


def wrong_answer(q: Question) -> object:
    if q.type == "single":
        return next(i for i in range(len(q.choices)) if i != q.answers[0])
    if q.type == "multiple":
        return [i for i in range(len(q.choices)) if i not in q.answers][:1]
    if q.type == "number":
        assert q.number is not None
        return q.number + q.tolerance + 100
    return "certainly not this"


def answer_events(inst: Any) -> int:
    return int(inst.store.query("SELECT COUNT(*) FROM events WHERE kind = 'quiz.answered'")[0][0])


def test_quiz_to_mastery_with_feedback_and_a_retry(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    amina = inst.learners.add("Amina")
    pack = inst.packs.get("digital-literacy")
    lesson = pack.lesson("files-and-folders")
    shell = sign_in_directly(window, amina)
    shell.open_lesson(pack.id, lesson.id)
    assert shell.reader.quiz.isVisible()
    qtbot.mouseClick(shell.reader.quiz, Qt.MouseButton.LeftButton)
    page = shell.quiz
    assert shell.body.currentWidget() is page
    assert {q.type for q in page.quiz.questions} >= {"single", "multiple", "number", "text"}
    assert not page.check.isEnabled()  # nothing chosen yet

    # a wrong answer: feedback in words, then try the same question again
    first = page.question
    page.choose(wrong_answer(first))
    qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
    assert "Not quite" in page.verdict.text()
    assert page.explanation.text() == first.feedback_incorrect
    assert page.retry.isVisible()
    qtbot.mouseClick(page.retry, Qt.MouseButton.LeftButton)
    assert page.question is first and page.check.isVisible()

    seen_types = set()
    attempts = 1
    while not page.banner.isVisible():
        q = page.question
        seen_types.add(q.type)
        page.choose(right_answer(q))
        with qtbot.waitSignal(page.answered) as blocker:
            qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
        attempts += 1
        assert blocker.args == [True], f"question {q.id} should be right"
        assert "Right" in page.verdict.text()
        assert page.explanation.text() == q.feedback_correct
        if not page.banner.isVisible():
            qtbot.mouseClick(page.next, Qt.MouseButton.LeftButton)
        assert attempts < 20
    rule = page.rule
    assert attempts == rule.correct + 1  # the wrong answer plus `correct` right ones
    assert inst.progress.mastery(amina.id, pack.id, lesson.id, rule).mastered
    assert answer_events(inst) == attempts
    assert "mastered" in page.banner.text()

    # retries after mastery are still recorded
    qtbot.mouseClick(page.next, Qt.MouseButton.LeftButton)
    page.choose(right_answer(page.question))
    qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
    assert answer_events(inst) == attempts + 1

    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert shell.body.currentWidget() is shell.reader
    shell.show_library()
    assert "1 quiz mastered" in " ".join(w.text() for w in shell.library.cards[0].findChildren(type(page.title)))


def test_every_question_type_can_be_answered_from_the_keyboard(qtbot: Any, window: Any) -> None:
    inst = window.ctx.inst
    shell = sign_in_directly(window, inst.learners.add("Amina"))
    pack = inst.packs.get("digital-literacy")
    shell.open_quiz(pack.id, "files-and-folders")
    page = shell.quiz
    for _ in range(len(page.quiz.questions)):
        q = page.question
        if q.type in ("number", "text"):
            qtbot.keyClicks(page.line, str(right_answer(q)))
            qtbot.keyClick(page.line, Qt.Key.Key_Return)
        else:
            page.choose(right_answer(q))
            page.check.setFocus()
            qtbot.keyClick(page.check, Qt.Key.Key_Space)
        assert "Right" in page.verdict.text(), q.id
        qtbot.keyClick(page.next, Qt.Key.Key_Space)
