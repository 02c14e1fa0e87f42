"""A quiz, one question at a time, until the learner masters it.

Feedback comes at once with the pack's explanation; a wrong answer can be retried; every answer
is recorded through ``inst.progress.answer`` (one event each), which also says whether the pack's
mastery rule (for example 4 of the last 5 right) is now met. The dots show the last answers.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.core.quizzes import MasteryRule, Question, Quiz
from hubdesk.errors import HubDeskError
from hubdesk.ui import style
from hubdesk.ui.context import AppContext
from hubdesk.ui.read_aloud import ReadAloudBar


def without_verdict(feedback: str, verdict: str) -> str:
    """The pack's feedback without a first sentence that only repeats the verdict ("Not quite.")."""
    first, dot, rest = feedback.partition(".")
    if dot and first.strip().casefold() == verdict.rstrip(".!").strip().casefold():
        return rest.strip()
    return feedback


class QuizPage(QWidget):
    back_requested = Signal(str, str)
    answered = Signal(bool)
    mastered = Signal(str, str)

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.setObjectName("page")
        self.pack: Any = None
        self.lesson_id = ""
        self.quiz: Quiz | None = None
        self.rule = MasteryRule()
        self.index = 0
        self.first_try: dict[str, bool] = {}  # question id -> right the first time (for the summary)
        self.started: float | None = None  # time on a quiz counts as time on its lesson
        self.question: Question | None = None
        self.inputs: list[QRadioButton | QCheckBox] = []
        self.line: QLineEdit | None = None

        self.back = QPushButton(self.tr("← Back to the lesson"))
        self.back.clicked.connect(lambda: self.back_requested.emit(self.pack.id if self.pack else "", self.lesson_id))
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.standing = QLabel()
        self.standing.setTextFormat(Qt.TextFormat.RichText)
        self.standing.setProperty("look", "standing")
        self.banner = QLabel()
        self.banner.setObjectName("good")
        self.banner.setWordWrap(True)

        self.card = QFrame()
        self.card.setObjectName("card")
        self.counter = QLabel()
        self.counter.setObjectName("muted")
        self.prompt = QLabel()
        self.prompt.setTextFormat(Qt.TextFormat.MarkdownText)
        self.prompt.setWordWrap(True)
        self.prompt.setProperty("look", "prompt")
        self.answer_box = QVBoxLayout()
        self.check = QPushButton(self.tr("Check my answer"))
        self.check.setObjectName("primary")
        self.check.clicked.connect(self.submit)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setTextFormat(Qt.TextFormat.MarkdownText)
        self.explanation.setWordWrap(True)
        self.hint = QLabel()  # an answer that cannot be read (letters for a number): said, not counted
        self.hint.setObjectName("bad")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.again = QPushButton(self.tr("Practise again"))
        self.again.setObjectName("primary")
        self.again.clicked.connect(self.practise_again)
        self.again.hide()
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.clicked.connect(self.try_again)
        self.next = QPushButton(self.tr("Next question →"))
        self.next.setObjectName("primary")
        self.next.clicked.connect(self.next_question)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.next)
        buttons.addWidget(self.again)
        buttons.addStretch()
        card = QVBoxLayout(self.card)
        card.setContentsMargins(24, 20, 24, 20)
        card.setSpacing(12)
        self.read_aloud = ReadAloudBar(self._question_text)
        card.addWidget(self.counter)
        card.addWidget(self.read_aloud)
        card.addWidget(self.prompt)
        card.addLayout(self.answer_box)
        card.addWidget(self.hint)
        card.addLayout(buttons)
        card.addWidget(self.verdict)
        card.addWidget(self.explanation)

        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.addWidget(self.card)
        inner_lay.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 12, 32, 12)
        lay.addLayout(top)
        lay.addWidget(self.title)
        lay.addWidget(self.standing)
        lay.addWidget(self.banner)
        lay.addWidget(scroll, 1)

    # -- loading -------------------------------------------------------------------------------
    def show_quiz(self, pack: Any, lesson_id: str) -> bool:
        raw = self.ctx.inst.packs.quiz(pack.id, lesson_id)
        if raw is None:
            return False
        quiz = raw if isinstance(raw, Quiz) else Quiz.from_dict(raw)
        self.pack, self.lesson_id, self.quiz = pack, lesson_id, quiz
        self.leave()
        self.started = time.monotonic()
        self.rule = self.ctx.inst.packs.mastery_rule(pack.id, lesson_id)
        self.first_try = {}
        lesson = next((ls for ls in pack.lessons if ls.id == lesson_id), None)
        self.title.setText(quiz.title or (self.tr("Quiz: %1").replace("%1", lesson.title if lesson else lesson_id)))
        self.index = 0
        state = self.ctx.inst.progress.mastery(self.learner.id, pack.id, lesson_id, self.rule)
        self._show_standing(state.recent, state.mastered)
        self._show_question()
        return True

    def _show_standing(self, recent: list[bool], mastered: bool) -> None:
        dots = "".join(
            f'<span style="color:{style.GOOD if r else style.BAD}; font-size:20pt;">●</span> ' for r in recent
        )
        dots += "".join(
            '<span style="color:#c9c4b8; font-size:20pt;">○</span> ' for _ in range(self.rule.of_last - len(recent))
        )
        need = (
            self.tr("To master this quiz: %1 right answers out of the last %2.")
            .replace("%1", str(self.rule.correct))
            .replace("%2", str(self.rule.of_last))
        )
        self.standing.setText(f"{dots}&nbsp;&nbsp;{need}")
        self.banner.setText(
            self.tr("Well done! You have mastered this quiz. You can keep practising.") if mastered else ""
        )
        self.banner.setVisible(mastered)

    def _clear_answer_box(self) -> None:
        while self.answer_box.count():
            item = self.answer_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.inputs = []
        self.line = None

    def _question_text(self) -> tuple[str, str]:
        """The question and its choices, one per line, to read aloud in the pack's language."""
        q = self.question
        if q is None:
            return "", "en"
        lines = [self.prompt.text(), *(str(c) for c in (q.choices or []))]
        return "\n".join(lines), str(getattr(self.pack, "language", "") or "en")

    def _show_question(self) -> None:
        assert self.quiz is not None
        self.read_aloud.stop()
        q = self.quiz.questions[self.index % len(self.quiz.questions)]
        self.question = q
        self.counter.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index % len(self.quiz.questions) + 1))
            .replace("%2", str(len(self.quiz.questions)))
        )
        self.prompt.setText(q.prompt)
        self._clear_answer_box()
        if q.type in ("single", "multiple"):
            group = QButtonGroup(self)
            group.setExclusive(q.type == "single")
            if q.type == "multiple":
                hint = QLabel(self.tr("Choose every right answer."))
                hint.setObjectName("muted")
                self.answer_box.addWidget(hint)
            for i, choice in enumerate(q.choices):
                button: QRadioButton | QCheckBox = QRadioButton(choice) if q.type == "single" else QCheckBox(choice)
                group.addButton(button, i)
                button.toggled.connect(self._update_check)
                self.answer_box.addWidget(button)
                self.inputs.append(button)
        else:
            self.line = QLineEdit()
            self.line.setPlaceholderText(
                self.tr("Type a number") if q.type == "number" else self.tr("Type your answer")
            )
            self.line.setAccessibleName(self.line.placeholderText())
            self.line.setProperty("look", "answerline")
            self.line.textChanged.connect(self._update_check)
            self.line.returnPressed.connect(self.submit)
            self.answer_box.addWidget(self.line)
        self.verdict.clear()
        self.explanation.clear()
        self.hint.hide()
        self.again.hide()
        self.check.show()
        self.retry.hide()
        self.next.hide()
        self._update_check()
        (self.line or (self.inputs[0] if self.inputs else self.check)).setFocus()

    def _update_check(self) -> None:
        self.check.setEnabled(self.current_answer() is not None)

    def current_answer(self) -> object | None:
        q = self.question
        if q is None:
            return None
        if q.type == "single":
            chosen = [i for i, b in enumerate(self.inputs) if b.isChecked()]
            return chosen[0] if chosen else None
        if q.type == "multiple":
            chosen = [i for i, b in enumerate(self.inputs) if b.isChecked()]
            return chosen or None
        text = self.line.text().strip() if self.line is not None else ""
        return text or None

    # -- answering ----------------------------------------------------------------------------
    def choose(self, answer: object) -> None:
        """Fill in an answer as the learner would (keyboard, clicks): used by tests and shortcuts."""
        q = self.question
        if q is None:
            return
        if q.type == "single" and isinstance(answer, int):
            self.inputs[answer].setChecked(True)
        elif q.type == "multiple" and isinstance(answer, list | tuple | set):
            for i, b in enumerate(self.inputs):
                b.setChecked(i in answer)
        elif self.line is not None:
            self.line.setText(str(answer))

    def submit(self) -> None:
        answer = self.current_answer()
        if answer is None or self.quiz is None or self.question is None or not self.check.isVisible():
            return
        if not self.question.understands(answer):
            self.hint.setText(self.tr("Please type a number with digits, like 12 or 3,5."))
            self.hint.show()
            if self.line is not None:
                self.line.setFocus()
                self.line.selectAll()
            return
        self.hint.hide()
        result = self.ctx.inst.progress.answer(
            self.learner.id,
            self.pack.id,
            self.lesson_id,
            self.quiz,
            self.question.id,
            answer,
            default_rule=self.rule,
        )
        for b in self.inputs:
            b.setEnabled(False)
        if self.line is not None:
            self.line.setReadOnly(True)
        self.check.hide()
        self.first_try.setdefault(self.question.id, result.correct)
        words = self.tr("Right!") if result.correct else self.tr("Not quite.")
        self.verdict.setObjectName("good" if result.correct else "bad")
        self.verdict.setText(("✔ " if result.correct else "✘ ") + words)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.explanation.setText(without_verdict(result.feedback, words))
        self.retry.setVisible(not result.correct)
        self.next.show()
        self.next.setFocus()
        was_mastered = self.banner.isVisible()
        self._show_standing(list(result.recent), result.mastered)
        self.answered.emit(result.correct)
        if result.mastered and not was_mastered:
            self.mastered.emit(self.pack.id, self.lesson_id)

    def try_again(self) -> None:
        self._show_question()

    def next_question(self) -> None:
        self.index += 1
        if self.quiz is not None and self.index >= len(self.quiz.questions):
            self._show_summary()
            return
        self._show_question()

    def _show_summary(self) -> None:
        """After the last question: how it went, and the choice to practise again (no silent loop)."""
        assert self.quiz is not None
        self.read_aloud.stop()
        self._clear_answer_box()
        self.question = None
        total = len(self.quiz.questions)
        right = sum(1 for ok in self.first_try.values() if ok)
        self.counter.setText(self.tr("Quiz finished"))
        self.prompt.setText(
            self.tr("You answered %1 of %2 questions right the first time.")
            .replace("%1", str(right))
            .replace("%2", str(total))
        )
        self.verdict.clear()
        self.explanation.setText(
            self.tr("Practise again to master it, or go back to the lesson.") if not self.banner.isVisible() else ""
        )
        for button in (self.check, self.retry, self.next):
            button.hide()
        self.hint.hide()
        self.again.show()
        self.again.setFocus()

    def leave(self) -> None:
        """The learner leaves the quiz (another page, sign-out): stop reading, count the time spent."""
        self.read_aloud.stop()
        if self.started is not None and self.pack is not None:
            seconds = time.monotonic() - self.started
            self.started = None
            with contextlib.suppress(HubDeskError):  # time spent is a nicety; never block leaving on it
                self.ctx.inst.progress.add_time(self.learner.id, self.pack.id, self.lesson_id, seconds)

    def practise_again(self) -> None:
        self.index = 0
        self.first_try = {}
        self._show_question()
