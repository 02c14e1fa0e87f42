"""Progress: lessons, time, attempts and mastery, derived from events the same way in any order."""

from __future__ import annotations

import random
from collections.abc import Callable

from hubdesk.core.clock import format_stamp
from hubdesk.core.events import CENTRE, Event
from hubdesk.core.installation import Installation
from hubdesk.core.quizzes import MasteryRule, Quiz

QUIZ = Quiz.from_dict(
    {
        "title": "Files",
        "mastery": {"correct": 4, "of_last": 5},
        "questions": [
            {
                "id": "q1",
                "type": "single",
                "prompt": "Folder?",
                "choices": ["a.txt", "Photos"],
                "answer": 1,
                "feedback": {"correct": "Yes.", "incorrect": "No dot."},
            },
            {"id": "q2", "type": "text", "prompt": "Ending?", "accept": ["extension"]},
        ],
    }
)


def _answer(inst: Installation, learner: str, right: bool, lesson: str = "files") -> bool:
    """Alternate between the two questions: mastery counts answers across the whole quiz."""
    q = "q1" if inst.progress.mastery(learner, "shell", lesson).attempts % 2 else "q2"
    answer: object = (1 if right else 0) if q == "q1" else ("Extension " if right else "suffix")
    return inst.progress.answer(learner, "shell", lesson, QUIZ, q, answer).mastered


def test_mastery_four_of_last_five(inst: Installation) -> None:
    lid = inst.learners.add("Amina").id
    res = inst.progress.answer(lid, "shell", "files", QUIZ, "q1", 0)
    assert not res.correct and res.feedback == "No dot." and res.recent == [False] and not res.mastered
    for _ in range(3):
        assert not _answer(inst, lid, True)
    assert _answer(inst, lid, True)  # F T T T T: four of the last five
    assert _answer(inst, lid, False)  # T T T T F: still four
    state = inst.progress.mastery(lid, "shell", "files")
    assert state.recent == [True, True, True, True, False] and state.mastered is True
    assert not _answer(inst, lid, False)  # T T T F F: only three
    assert _answer(inst, lid, True) is False  # T T F F T
    assert inst.progress.mastery(lid, "shell", "files").rule == MasteryRule(4, 5)
    assert inst.progress.mastery(lid, "shell", "files").attempts == 8
    assert inst.progress.mastery(lid, "shell", "files", MasteryRule(1, 1)).mastered
    assert [ev.scope for ev in inst.log.events("quiz.answered")] == ["centre"] * 8
    assert inst.log.events("quiz.answered")[0].payload["answer"] == 0


def test_answer_reports_mastered_at_the_right_moment(inst: Installation) -> None:
    lid = inst.learners.add("Ben").id
    outcomes = [inst.progress.answer(lid, "p", "l", QUIZ, "q2", "extension").mastered for _ in range(4)]
    assert outcomes == [False, False, False, True]


def test_lessons_time_summary_and_last_position(inst: Installation) -> None:
    lid = inst.learners.add("Chloe").id
    other = inst.learners.add("Dev").id
    assert inst.progress.last_position(lid) is None
    inst.progress.open_lesson(lid, "shell", "intro")
    inst.progress.add_time(lid, "shell", "intro", 30)
    inst.progress.add_time(lid, "shell", "intro", 12.5)
    inst.progress.add_time(lid, "shell", "intro", -4)  # nonsense time is not recorded
    inst.progress.finish_lesson(lid, "shell", "intro")
    inst.progress.open_lesson(lid, "shell", "files")
    inst.progress.open_lesson(other, "shell", "loops")
    for _ in range(4):
        inst.progress.answer(lid, "shell", "files", QUIZ, "q1", 1)
    assert inst.progress.last_position(lid) == ("shell", "files")
    assert inst.progress.last_position(other) == ("shell", "loops")
    summary = inst.progress.pack_summary(lid, "shell", ["intro", "files", "loops"])
    assert (summary.finished, summary.total, summary.mastered_quizzes, summary.seconds) == (1, 3, 1, 42.5)
    assert inst.progress.pack_summary(other, "shell", ["intro", "files", "loops"]).finished == 0
    report = inst.progress.learner_report(lid)
    assert [p.pack_id for p in report.packs] == ["shell"]
    lessons = {lr.lesson_id: lr for lr in report.packs[0].lessons}
    assert lessons["intro"].finished and lessons["intro"].seconds == 42.5
    assert lessons["files"].opened and not lessons["files"].finished and lessons["files"].mastered
    assert report.last_position == ("shell", "files")


def test_a_new_pack_version_keeps_history(inst: Installation) -> None:
    """Progress is keyed by stable lesson ids: a v2 that drops a lesson and adds another keeps the rest."""
    lid = inst.learners.add("Eve").id
    for lesson in ("intro", "files", "old-lesson"):
        inst.progress.finish_lesson(lid, "shell", lesson)
    v1 = inst.progress.pack_summary(lid, "shell", ["intro", "files", "old-lesson"])
    v2 = inst.progress.pack_summary(lid, "shell", ["intro", "files", "new-lesson", "loops"])
    assert (v1.finished, v1.total) == (3, 3)
    assert (v2.finished, v2.total) == (2, 4)


def test_order_independence(make_inst: Callable[[str], Installation]) -> None:
    a = make_inst("a")
    lid = a.learners.add("Farid").id
    rng = random.Random(7)
    for i in range(40):
        lesson = rng.choice(["intro", "files", "loops"])
        step = rng.randrange(4)
        if step == 0:
            a.progress.open_lesson(lid, "shell", lesson)
        elif step == 1:
            a.progress.finish_lesson(lid, "shell", lesson)
        elif step == 2:
            a.progress.add_time(lid, "shell", lesson, i + 0.5)
        else:
            a.progress.answer(lid, "shell", lesson, QUIZ, "q1", rng.choice([0, 1]))
    events = a.log.events()
    shuffled = events[:]
    rng.shuffle(shuffled)
    b = make_inst("b")
    for chunk in (shuffled[:13], shuffled[13:], shuffled[:5]):  # the repeat must change nothing
        b.log.apply(chunk)
    assert b.progress.learner_report(lid) == a.progress.learner_report(lid)
    for lesson in ("intro", "files", "loops"):
        assert b.progress.mastery(lid, "shell", lesson) == a.progress.mastery(lid, "shell", lesson)
    assert b.progress.last_position(lid) == a.progress.last_position(lid)


def _progress_events(rng: random.Random, n: int) -> list[Event]:
    """Progress events from another PC, some malformed as another version or a hostile peer might send."""
    device, events = "f" * 16, []
    for seq in range(1, n + 1):
        kind = rng.choice(["lesson.opened", "lesson.finished", "time.spent", "quiz.answered"])
        payload: dict[str, object] = {"pack": "shell", "lesson": rng.choice(["intro", "files", "loops"])}
        if kind == "time.spent":
            payload["seconds"] = rng.choice([12.5, 30, 0.001, 0, -3, "ten", 90_000, True])
        elif kind == "quiz.answered":
            rule = rng.choice([{"correct": 2, "of_last": 3}, {"correct": 9, "of_last": 2}, "strict", {"of_last": 6}])
            payload.update(question=rng.choice(["q1", "q2", 7]), correct=rng.random() < 0.6, rule=rule)
        if rng.random() < 0.04:
            del payload["lesson"]
        stamp = format_stamp(1_780_000_000_000 + rng.randrange(5 * 86_400_000), rng.randrange(3), device)
        learner = rng.choice(["amina", "kofi", "kofi", None])
        events.append(
            Event(device, seq, CENTRE if rng.random() > 0.03 else "private", seq, stamp, kind, payload, learner)
        )
    return events


def _tables(inst: Installation) -> dict[str, list[tuple[object, ...]]]:
    tables = ("lesson_progress", "quiz_attempts", "quiz_mastery", "learner_activity", "question_tries")
    return {t: [tuple(r) for r in inst.store.query(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4, 5, 6")] for t in tables}


def test_a_batch_gives_the_tables_one_event_at_a_time_gives(make_inst: Callable[[str], Installation]) -> None:
    rng = random.Random(11)
    events = _progress_events(rng, 600)
    one = make_inst("one")
    for ev in events:  # each event its own batch: the upserts meet the rows one by one
        one.log.apply([ev])
    expected = _tables(one)
    assert all(expected.values()) and len(expected["quiz_mastery"]) > 4
    rules = {r[8] for r in expected["quiz_attempts"]}  # a malformed rule is stored as the default
    assert rules == {'{"correct": 2, "of_last": 3}', '{"correct": 4, "of_last": 6}', '{"correct": 4, "of_last": 5}'}
    for name, size in (("whole", len(events)), ("chunks", 97)):
        other = make_inst(name)
        shuffled = events[:]
        rng.shuffle(shuffled)
        for i in range(0, len(shuffled), size):
            other.log.apply(shuffled[i : i + size])
        other.log.apply(shuffled[:150])  # again: exactly once
        assert _tables(other) == expected
