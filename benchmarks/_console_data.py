"""A centre with a year behind it, for the console benchmark: N learners, M courses, three PCs.

Courses are real packs built by the pack builder (lessons with quizzes of four questions);
learners come in on some days, work through lessons in order, answer (weaker learners get more
wrong), finish, and some drop away for weeks: so the grid, "needs help" and the hardest questions
all have something to show. Events are stamped as the centre's other PCs would stamp them and
applied as sync applies them (fast: no per-event transaction).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from hubdesk.core.clock import format_stamp
from hubdesk.core.events import CENTRE, Event
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack

DAY_MS = 86_400_000
RULE = {"correct": 4, "of_last": 5}
NAMES = ("Amina", "Kofi", "Zola", "Wanjiru", "Baraka", "Achieng", "Juma", "Neema", "Otieno", "Fatuma", "Musa", "Imani")
FAMILY = ("Diallo", "Mensah", "Okafor", "Banda", "Mwangi", "Odhiambo", "Njeri", "Kamau")
TOPICS = (
    "Money",
    "Phones",
    "Health",
    "Farming",
    "Reading",
    "Computers",
    "Business",
    "Rights",
    "Water",
    "Maps",
    "Numbers",
    "Writing",
)


def make_courses(root: Path, n: int, lessons: int = 8) -> list[Path]:
    out = []
    for c in range(n):
        topic = TOPICS[c % len(TOPICS)]
        src = root / f"src-{c}"
        (src / "lessons").mkdir(parents=True, exist_ok=True)
        (src / "quizzes").mkdir(exist_ok=True)
        entries = []
        for le in range(1, lessons + 1):
            lid = f"lesson-{le}"
            (src / "lessons" / f"{le:02d}-{lid}.md").write_text(
                f"---\nid: {lid}\ntitle: {topic} {le}\nquiz: ../quizzes/{lid}.yaml\n---\n\n# {topic} {le}\n\n"
                + f"A short lesson about {topic.lower()}, part {le}.\n"
            )
            questions = "".join(
                f"  - id: q{q}\n    type: single\n    prompt: {topic} {le}, question {q}?\n"
                f"    choices: [often, never, sometimes]\n    answer: {q % 3}\n"
                for q in range(1, 5)
            )
            (src / "quizzes" / f"{lid}.yaml").write_text(f"title: {topic} {le}\nquestions:\n{questions}")
            entries.append(f"  - lessons/{le:02d}-{lid}.md")
        (src / "pack.yaml").write_text(
            f"id: course-{c:02d}\nversion: 1.0.0\ntitle: Everyday {topic.lower()}\ndescription: {topic}.\n"
            f"language: en\nlicence: CC-BY-4.0\nauthors: [Bench]\nlessons:\n" + "\n".join(entries) + "\n"
        )
        out.append(build_pack(src, root / f"course-{c:02d}.hubpack").path)
    return out


def fill(inst: Installation, *, learners: int, courses: int, days: int = 365, seed: int = 12) -> int:
    """Install the courses, add the learners and a year of their activity; returns the event count."""
    rng = random.Random(seed)
    work = inst.dirs.root / "bench-src"
    for pack in make_courses(work, courses):
        inst.packs.install(pack)
    ids: list[str] = []
    with inst.store.transaction():
        for i in range(learners):
            ids.append(inst.learners.add(f"{NAMES[i % len(NAMES)]} {FAMILY[i // len(NAMES) % len(FAMILY)]} {i}").id)
    now_ms = int(time.time() * 1000)
    start = now_ms - days * DAY_MS
    pcs = {f"centre-pc-{p}": [0] for p in range(3)}
    batch: list[Event] = []
    total = 0
    for lid in ids:
        skill = rng.uniform(0.4, 0.95)
        keen = rng.uniform(0.05, 0.5)
        quits = rng.random() < 0.15
        last_day = rng.randrange(days // 3, days) if quits else days
        plan = [
            (f"course-{c:02d}", f"lesson-{le}")
            for c in rng.sample(range(courses), rng.randint(1, 3))
            for le in range(1, 9)
        ]
        step = 0
        for day in range(rng.randrange(0, 60), last_day):
            if rng.random() > keen or step >= len(plan):
                continue
            device = rng.choice(list(pcs))
            ms = start + day * DAY_MS + rng.randrange(8 * 3_600_000, 16 * 3_600_000)
            pack, lesson = plan[step]
            kinds: list[tuple[str, dict[str, object]]] = [("lesson.opened", {})]
            kinds += [("time.spent", {"seconds": rng.uniform(60, 600)}) for _ in range(rng.randint(1, 3))]
            right = 0
            for q in rng.sample(range(1, 5), rng.randint(2, 4)):
                ok = rng.random() < skill - (0.3 if q == 3 else 0)  # question 3 is hard everywhere
                right += ok
                kinds.append(("quiz.answered", {"question": f"q{q}", "answer": 0, "correct": ok, "rule": RULE}))
            if right >= 2 or rng.random() < 0.3:
                kinds.append(("lesson.finished", {}))
                step += 1
            for kind, extra in kinds:
                ms += rng.randrange(5_000, 240_000)
                pcs[device][0] += 1
                n = pcs[device][0]
                payload = {"pack": pack, "lesson": lesson, **extra}
                batch.append(Event(device, n, CENTRE, n, format_stamp(ms, 0, device), kind, payload, lid))
            if len(batch) >= 20_000:
                total += len(inst.log.apply(batch, validated=True))
                batch = []
    total += len(inst.log.apply(batch, validated=True))
    return total
