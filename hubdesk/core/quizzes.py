"""Quizzes: the format a pack carries (see ``docs/pack-format.md``), validated once, graded locally.

A quiz is checked when a pack is built or installed, so a learner never meets a broken question
in front of a screen: every problem is a ``QuizError`` sentence naming the question at fault.
Grading is pure (no database): progress records the attempts, this module only says right or wrong.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeGuard

from hubdesk.errors import NotFound, PackError

QuestionType = Literal["single", "multiple", "number", "text"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("single", "multiple", "number", "text")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class QuizError(PackError):
    """A quiz in a pack is malformed: the message names the question and what is wrong."""


@dataclass(frozen=True)
class Grade:
    correct: bool
    feedback: str


@dataclass(frozen=True)
class MasteryRule:
    """Mastered when at least ``correct`` of the last ``of_last`` answers were right."""

    correct: int = 4
    of_last: int = 5

    def __post_init__(self) -> None:
        if not (1 <= self.correct <= self.of_last):
            raise QuizError(
                f"The mastery rule needs 1 <= correct <= of_last, but got correct={self.correct}, "
                f"of_last={self.of_last}."
            )

    @classmethod
    def from_dict(cls, data: object, where: str = "The quiz") -> MasteryRule:
        if not isinstance(data, Mapping):
            raise QuizError(f"{where} has a mastery rule that is not of the form {{correct: 4, of_last: 5}}.")
        correct, of_last = data.get("correct", 4), data.get("of_last", 5)
        if not _is_int(correct) or not _is_int(of_last):
            raise QuizError(f"{where} has a mastery rule whose 'correct' and 'of_last' must be whole numbers.")
        try:
            return cls(correct=int(correct), of_last=int(of_last))
        except QuizError as exc:
            raise QuizError(f"{where}: {exc}") from None

    def to_dict(self) -> dict[str, int]:
        return {"correct": self.correct, "of_last": self.of_last}

    def is_mastered(self, results_in_order: Iterable[bool]) -> bool:
        """``results_in_order`` oldest first; only the last ``of_last`` count."""
        recent = list(results_in_order)[-self.of_last :]
        return sum(1 for r in recent if r) >= self.correct


def normalise_text(value: str) -> str:
    """Compare free-text answers ignoring case, accents and extra spaces ("  Éxtension " == "extension")."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    prompt: str
    choices: tuple[str, ...] = ()
    answers: tuple[int, ...] = ()  # right choice indexes (single: exactly one)
    number: float | None = None
    tolerance: float = 0.0
    accept: tuple[str, ...] = ()
    feedback_correct: str = ""
    feedback_incorrect: str = ""

    @classmethod
    def from_dict(cls, data: object, position: int) -> Question:
        if not isinstance(data, Mapping):
            raise QuizError(f"Question {position} is not a mapping of id, type, prompt and answer.")
        qid = data.get("id")
        if not isinstance(qid, str) or not _ID_RE.match(qid):
            raise QuizError(f"Question {position} needs an 'id' made of letters, digits, '-', '_' or '.'.")
        where = f"Question '{qid}'"
        qtype = data.get("type")
        if qtype not in QUESTION_TYPES:
            raise QuizError(f"{where} has type {qtype!r}; it must be one of {', '.join(QUESTION_TYPES)}.")
        prompt = data.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise QuizError(f"{where} has no prompt.")
        fb_ok, fb_no = _feedback(data.get("feedback"), where)
        common: dict[str, Any] = {
            "id": qid,
            "type": qtype,
            "prompt": prompt,
            "feedback_correct": fb_ok,
            "feedback_incorrect": fb_no,
        }
        if qtype in ("single", "multiple"):
            choices = data.get("choices")
            if not isinstance(choices, list) or len(choices) < 2:
                raise QuizError(f"{where} needs a list of at least two choices.")
            if not all(isinstance(c, str | int | float) and not isinstance(c, bool) for c in choices):
                raise QuizError(f"{where} has a choice that is not plain text.")
            texts = tuple(str(c) for c in choices)
            if qtype == "single":
                raw = [data.get("answer")]
                if "answers" in data and "answer" not in data:
                    raise QuizError(f"{where} is a single-choice question: give one 'answer', not 'answers'.")
            else:
                raw_answers = data.get("answers")
                if not isinstance(raw_answers, list) or not raw_answers:
                    raise QuizError(f"{where} needs 'answers': the list of indexes of every right choice.")
                raw = raw_answers
            indexes: list[int] = []
            for idx in raw:
                if not _is_int(idx) or not 0 <= idx < len(texts):
                    raise QuizError(
                        f"{where} has answer {idx!r}, which is not an index between 0 and {len(texts) - 1}."
                    )
                indexes.append(idx)
            if len(set(indexes)) != len(indexes):
                raise QuizError(f"{where} lists the same right choice twice.")
            return cls(choices=texts, answers=tuple(sorted(indexes)), **common)
        if qtype == "number":
            number: object = data.get("answer")
            if not _is_number(number):
                raise QuizError(f"{where} needs a numeric 'answer'.")
            tolerance: object = data.get("tolerance", 0)
            if not _is_number(tolerance) or tolerance < 0:
                raise QuizError(f"{where} has a 'tolerance' that is not a number of zero or more.")
            return cls(number=float(number), tolerance=float(tolerance), **common)
        accept = data.get("accept")
        if isinstance(accept, str):
            accept = [accept]
        if not isinstance(accept, list) or not accept:
            raise QuizError(f"{where} needs 'accept': the list of accepted answers.")
        if not all(isinstance(a, str | int | float) and not isinstance(a, bool) for a in accept):
            raise QuizError(f"{where} has an accepted answer that is not plain text.")
        texts = tuple(str(a) for a in accept)
        if not all(normalise_text(a) for a in texts):
            raise QuizError(f"{where} has an empty accepted answer.")
        return cls(accept=texts, **common)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "prompt": self.prompt}
        if self.type in ("single", "multiple"):
            out["choices"] = list(self.choices)
            if self.type == "single":
                out["answer"] = self.answers[0]
            else:
                out["answers"] = list(self.answers)
        elif self.type == "number":
            assert self.number is not None
            out["answer"] = int(self.number) if self.number.is_integer() else self.number
            if self.tolerance:
                out["tolerance"] = self.tolerance
        else:
            out["accept"] = list(self.accept)
        if self.feedback_correct or self.feedback_incorrect:
            out["feedback"] = {"correct": self.feedback_correct, "incorrect": self.feedback_incorrect}
        return out

    def understands(self, answer: object) -> bool:
        """Whether ``answer`` can be read as this question's kind of answer: letters are no number.

        A screen refuses such an answer with a hint instead of counting it as wrong.
        """
        if self.type == "number":
            return bool(_number_readings(answer))
        return True

    def is_correct(self, answer: object) -> bool:
        """Lenient about the shape a UI or CLI hands in ("2", 2, [1, 3], "1,3"); strict about the value."""
        if self.type == "single":
            idx = _as_index(answer)
            return idx is not None and idx == self.answers[0]
        if self.type == "multiple":
            chosen = _as_indexes(answer)
            return chosen is not None and chosen == set(self.answers)
        if self.type == "number":
            assert self.number is not None
            target = self.number
            return any(abs(v - target) <= self.tolerance + 1e-9 for v in _number_readings(answer))
        if not isinstance(answer, str):
            return False
        given = normalise_text(answer)
        return bool(given) and any(given == normalise_text(a) for a in self.accept)

    def grade(self, answer: object) -> Grade:
        correct = self.is_correct(answer)
        return Grade(correct=correct, feedback=self.feedback_correct if correct else self.feedback_incorrect)


def _feedback(value: object, where: str) -> tuple[str, str]:
    if value is None:
        return "", ""
    if isinstance(value, str):
        return value, value
    if isinstance(value, Mapping):
        ok, no = value.get("correct", ""), value.get("incorrect", "")
        if isinstance(ok, str) and isinstance(no, str):
            return ok, no
    raise QuizError(f"{where} has feedback that is not text or {{correct: ..., incorrect: ...}}.")


def _as_index(answer: object) -> int | None:
    if _is_int(answer):
        return answer
    if isinstance(answer, str) and answer.strip().lstrip("-").isdigit():
        return int(answer.strip())
    return None


def _as_indexes(answer: object) -> set[int] | None:
    items: Sequence[object]
    if isinstance(answer, str):
        items = [p for p in re.split(r"[,\s]+", answer.strip()) if p]
    elif isinstance(answer, list | tuple | set | frozenset):
        items = list(answer)
    else:
        return None
    out = set()
    for item in items:
        idx = _as_index(item)
        if idx is None:
            return None
        out.add(idx)
    return out


def _as_number(answer: object) -> float | None:
    values = _number_readings(answer)
    return values[0] if values else None


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def _number_readings(answer: object) -> list[float]:
    """Every sensible reading of what a learner typed as a number.

    Learners write numbers as they learnt to: "4 000" and "4 000" (French), "1,500" (English
    thousands) or "1,5" (French decimal), "25 %". When a comma could be either ("1,500"), both
    readings are offered and the answer is right if either is.
    """
    if _is_number(answer):
        return [float(answer)]
    if not isinstance(answer, str):
        return []
    text = "".join(answer.split()).replace("\u202f", "").replace("\u00a0", "").rstrip("%")
    if not text:
        return []
    candidates: list[str] = []
    if "," in text and "." in text:
        # the later mark is the decimal one: 1,234.5 or 1.234,5
        if text.rfind(",") > text.rfind("."):
            candidates.append(text.replace(".", "").replace(",", "."))
        else:
            candidates.append(text.replace(",", ""))
    elif "," in text:
        candidates.append(text.replace(",", "."))
        if _THOUSANDS.fullmatch(text):
            candidates.append(text.replace(",", ""))
    else:
        candidates.append(text)
    values: list[float] = []
    for c in candidates:
        try:
            value = float(c)
        except ValueError:
            continue
        if math.isfinite(value):
            values.append(value)
    return values


@dataclass(frozen=True)
class Quiz:
    title: str
    questions: tuple[Question, ...]
    mastery: MasteryRule | None = None  # None: the pack's rule (or the default) applies
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({q.id: q for q in self.questions})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], name: str = "The quiz") -> Quiz:
        """Validate a parsed quiz (YAML/JSON); ``name`` prefixes messages (e.g. the quiz file name)."""
        if not isinstance(data, Mapping):
            raise QuizError(f"{name} is not a mapping with a title and a list of questions.")
        title = data.get("title", "")
        if not isinstance(title, str):
            raise QuizError(f"{name} has a title that is not text.")
        raw = data.get("questions")
        if not isinstance(raw, list) or not raw:
            raise QuizError(f"{name} has no questions: give a list under 'questions'.")
        questions: list[Question] = []
        seen: set[str] = set()
        for pos, item in enumerate(raw, start=1):
            try:
                q = Question.from_dict(item, pos)
            except QuizError as exc:
                raise QuizError(f"{name}: {exc}") from None
            if q.id in seen:
                raise QuizError(f"{name}: Question '{q.id}' appears twice; question ids must be unique.")
            seen.add(q.id)
            questions.append(q)
        mastery = MasteryRule.from_dict(data["mastery"], name) if data.get("mastery") is not None else None
        return cls(title=title, questions=tuple(questions), mastery=mastery)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "questions": [q.to_dict() for q in self.questions]}
        if self.mastery is not None:
            out["mastery"] = self.mastery.to_dict()
        return out

    def question(self, question_id: str) -> Question:
        try:
            return self._by_id[question_id]
        except KeyError:
            raise NotFound(f"This quiz has no question '{question_id}'.") from None

    def rule(self, default: MasteryRule | None = None) -> MasteryRule:
        return self.mastery or default or MasteryRule()
