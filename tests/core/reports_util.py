"""A small course and a second PC of the centre whose events (with stamps in the past) reach this one."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from hubdesk.core.clock import format_stamp
from hubdesk.core.events import CENTRE, Event
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack

DAY = 86_400
NOW = time.time()

QUIZ_A = """title: Money check
questions:
  - id: coins
    type: number
    prompt: How many 5-shilling coins make 20 shillings?
    answer: 4
  - id: change
    type: single
    prompt: You pay 100 for something that costs 70. What change do you get?
    choices: ["20", "30", "40"]
    answer: 1
"""
QUIZ_C = """title: Budget check
questions:
  - id: saving
    type: text
    prompt: What do we call money kept aside for later?
    accept: [savings, saving]
"""


def make_course(root: Path, out: Path) -> Path:
    """A three-lesson course 'money' (quizzes on lessons one and three), built into ``out``."""
    (root / "lessons").mkdir(parents=True, exist_ok=True)
    (root / "quizzes").mkdir(exist_ok=True)
    for n, (lid, title, quiz) in enumerate(
        (("counting", "Counting money", "a"), ("market", "At the market", None), ("budget", "A budget", "c")), 1
    ):
        front = f"id: {lid}\ntitle: {title}\n" + (f"quiz: ../quizzes/{quiz}.yaml\n" if quiz else "")
        (root / "lessons" / f"0{n}-{lid}.md").write_text(f"---\n{front}---\n\n# {title}\n\nText about {lid}.\n")
    (root / "quizzes" / "a.yaml").write_text(QUIZ_A)
    (root / "quizzes" / "c.yaml").write_text(QUIZ_C)
    (root / "pack.yaml").write_text(
        "id: money\nversion: 1.0.0\ntitle: Everyday money\ndescription: Three lessons.\nlanguage: en\n"
        "licence: CC-BY-4.0\nauthors: [Tester]\nlessons:\n  - lessons/01-counting.md\n  - lessons/02-market.md\n"
        "  - lessons/03-budget.md\n"
    )
    build_pack(root, out)
    return out


class OtherPC:
    """Events made on another PC of the centre ``days_ago`` days before ``NOW``, then synced here."""

    def __init__(self, device_id: str = "pc-b") -> None:
        self.device_id = device_id
        self.seq = 0
        self.events: list[Event] = []

    def add(self, kind: str, learner: str, lesson: str, days_ago: float, pack: str = "money", **extra: Any) -> None:
        self.seq += 1
        ms = int((NOW - days_ago * DAY) * 1000)
        stamp = format_stamp(ms, self.seq % 0xFFFF, self.device_id)
        payload = {"pack": pack, "lesson": lesson, **extra}
        self.events.append(Event(self.device_id, self.seq, CENTRE, self.seq, stamp, kind, payload, learner))

    def answer(self, learner: str, lesson: str, question: str, correct: bool, days_ago: float) -> None:
        self.add(
            "quiz.answered",
            learner,
            lesson,
            days_ago,
            question=question,
            answer="x",
            correct=correct,
            rule={"correct": 4, "of_last": 5},
        )

    def sync_to(self, inst: Installation, reverse: bool = False) -> None:
        inst.log.apply(list(reversed(self.events)) if reverse else self.events)


def story(inst: Installation, tmp_path: Path) -> dict[str, str]:
    """Amina (finished a lesson, silent 12 days), Kofi (stuck, same question wrong 3 times), Zola (nothing)."""
    inst.packs.install(make_course(tmp_path / "src", tmp_path / "money.hubpack"))
    ids = {name: inst.learners.add(name).id for name in ("Amina", "Kofi", "Zola")}
    inst.learners.add("Grace", role="facilitator", password="s3cret-pass")
    pc = OtherPC()
    a, k = ids["Amina"], ids["Kofi"]
    pc.add("lesson.opened", a, "counting", 20)
    pc.add("time.spent", a, "counting", 20, seconds=600)
    pc.answer(a, "counting", "coins", True, 20)
    pc.answer(a, "counting", "change", True, 20)
    pc.add("lesson.finished", a, "counting", 20)
    pc.add("lesson.opened", a, "market", 12)
    pc.add("time.spent", a, "market", 12, seconds=300)
    pc.add("lesson.opened", k, "counting", 9)
    pc.answer(k, "counting", "coins", False, 9)
    pc.answer(k, "counting", "coins", False, 5)
    pc.answer(k, "counting", "change", True, 5)
    pc.add("lesson.opened", k, "counting", 1)
    pc.add("time.spent", k, "counting", 1, seconds=120)
    pc.answer(k, "counting", "coins", False, 1)
    pc.sync_to(inst)
    inst.reports.now = lambda: NOW
    return ids
