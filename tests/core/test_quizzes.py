"""The quiz format of docs/pack-format.md: validation names the question, grading is lenient on shape only."""

from __future__ import annotations

from typing import Any

import pytest

from hubdesk.core.quizzes import MasteryRule, Quiz, QuizError
from hubdesk.errors import NotFound, PackError

DOC_QUIZ: dict[str, Any] = {
    "title": "Check your understanding",
    "mastery": {"correct": 4, "of_last": 5},
    "questions": [
        {
            "id": "q1",
            "type": "single",
            "prompt": "Which of these is a folder?",
            "choices": ["report.docx", "Photos", "song.mp3"],
            "answer": 1,
            "feedback": {
                "correct": "Yes, a folder holds other files.",
                "incorrect": "Look for the name without a dot.",
            },
        },
        {
            "id": "q2",
            "type": "multiple",
            "prompt": "Which are safe passwords?",
            "choices": ["password", "Blue-Kettle-Rain-42", "12345", "mango tree river 7"],
            "answers": [1, 3],
            "feedback": {"correct": "Right.", "incorrect": "Long and unusual."},
        },
        {"id": "q3", "type": "number", "prompt": "What is 25% of 80?", "answer": 20, "tolerance": 0.5},
        {
            "id": "q4",
            "type": "text",
            "prompt": "What do we call a file's name ending such as .pdf?",
            "accept": ["extension", "file extension", "Extensión"],
            "feedback": "It is the extension.",
        },
    ],
}


def test_doc_example_round_trips() -> None:
    quiz = Quiz.from_dict(DOC_QUIZ)
    assert [q.id for q in quiz.questions] == ["q1", "q2", "q3", "q4"]
    assert quiz.mastery == MasteryRule(4, 5)
    again = Quiz.from_dict(quiz.to_dict())
    assert again == quiz
    assert again.to_dict() == quiz.to_dict()


def test_grading_each_type() -> None:
    quiz = Quiz.from_dict(DOC_QUIZ)
    q1, q2, q3, q4 = (quiz.question(i) for i in ("q1", "q2", "q3", "q4"))
    assert q1.grade(1).correct and q1.grade("1").correct
    assert q1.grade(1).feedback == "Yes, a folder holds other files."
    wrong = q1.grade(0)
    assert not wrong.correct and wrong.feedback == "Look for the name without a dot."
    assert not q1.grade(True).correct
    assert q2.grade([3, 1]).correct and q2.grade("1, 3").correct
    assert not q2.grade([1]).correct and not q2.grade([1, 2, 3]).correct
    assert q3.grade(20).correct and q3.grade("20.4").correct and q3.grade("19,6").correct
    assert not q3.grade(21).correct and not q3.grade("twenty").correct
    assert q4.grade("  FILE   extension ").correct
    assert q4.grade("extension").correct and q4.grade("Éxtension").correct and q4.grade("extension").correct
    assert q4.grade("EXTENSION").feedback == "It is the extension."
    assert not q4.grade("suffix").correct and not q4.grade("").correct and not q4.grade(3).correct


def _with(question: dict[str, Any]) -> dict[str, Any]:
    return {"title": "T", "questions": [question]}


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ({"id": "a", "type": "essay", "prompt": "p"}, "type 'essay'"),
        ({"id": "a", "type": "single", "prompt": "p", "choices": ["x", "y"], "answer": 2}, "answer 2"),
        ({"id": "a", "type": "single", "prompt": "p", "choices": ["x"], "answer": 0}, "two choices"),
        ({"id": "a", "type": "multiple", "prompt": "p", "choices": ["x", "y"], "answers": []}, "'answers'"),
        ({"id": "a", "type": "multiple", "prompt": "p", "choices": ["x", "y"], "answers": [0, 0]}, "twice"),
        ({"id": "a", "type": "number", "prompt": "p", "answer": "ten"}, "numeric"),
        ({"id": "a", "type": "number", "prompt": "p", "answer": 1, "tolerance": -1}, "tolerance"),
        ({"id": "a", "type": "text", "prompt": "p", "accept": []}, "accept"),
        ({"id": "a", "type": "text", "prompt": "", "accept": ["x"]}, "no prompt"),
        ({"id": "a", "type": "text", "prompt": "p", "accept": ["x"], "feedback": 3}, "feedback"),
    ],
)
def test_invalid_questions_name_the_question(question: dict[str, Any], words: str) -> None:
    with pytest.raises(QuizError) as err:
        Quiz.from_dict(_with(question), name="quizzes/files.yaml")
    message = str(err.value)
    assert "Question 'a'" in message and words in message and message.startswith("quizzes/files.yaml")
    assert isinstance(err.value, PackError)


def test_quiz_level_errors() -> None:
    with pytest.raises(QuizError, match="no questions"):
        Quiz.from_dict({"title": "T", "questions": []})
    with pytest.raises(QuizError, match="Question 2 needs an 'id'"):
        Quiz.from_dict({"questions": [DOC_QUIZ["questions"][0], {"type": "single"}]})
    with pytest.raises(QuizError, match="appears twice"):
        Quiz.from_dict({"questions": [DOC_QUIZ["questions"][0], DOC_QUIZ["questions"][0]]})
    with pytest.raises(QuizError, match="mastery"):
        Quiz.from_dict({**DOC_QUIZ, "mastery": {"correct": 6, "of_last": 5}})
    with pytest.raises(NotFound):
        Quiz.from_dict(DOC_QUIZ).question("nope")


def test_mastery_rule_four_of_last_five() -> None:
    rule = MasteryRule()
    assert not rule.is_mastered([True, True, True])  # too few answers yet
    assert rule.is_mastered([True, True, True, True])
    assert rule.is_mastered([False, True, True, False, True, True, True])  # last five: 4 right
    assert not rule.is_mastered([True, True, True, True, False, False])  # last five: 3 right
    assert MasteryRule(1, 1).is_mastered([False, True])
    assert Quiz.from_dict(_with(DOC_QUIZ["questions"][0])).rule(MasteryRule(2, 3)) == MasteryRule(2, 3)


@pytest.mark.parametrize(
    ("typed", "answer", "right"),
    [
        ("4 000", 4000, True),  # French thousands with a space
        ("4\u202f000", 4000, True),  # ... or a narrow no-break space
        ("1,500", 1500, True),  # English thousands
        ("1,5", 1.5, True),  # French decimal comma
        ("1,500", 1.5, True),  # ambiguous: either reading may be meant
        ("25 %", 25, True),
        ("1.234,5", 1234.5, True),
        ("4 001", 4000, False),
        ("four thousand", 4000, False),
    ],
)
def test_numbers_as_people_write_them(typed: str, answer: float, right: bool) -> None:
    quiz = Quiz.from_dict({"questions": [{"id": "n", "type": "number", "prompt": "How many?", "answer": answer}]})
    assert quiz.questions[0].grade(typed).correct is right
