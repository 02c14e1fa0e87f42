"""Realistic centre activity for the sync benchmarks: learners working through the sample packs.

Each learner, on the days they come in, opens a few lessons, spends time on them (one ``time.spent``
event per few minutes, as the app records it), answers quiz questions with the pack's mastery rule,
and finishes some lessons. The events are made directly (as the centre's own device would stamp
them) so that making 200,000 of them takes seconds, not the time of 200,000 transactions.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from hubdesk.core.clock import format_stamp
from hubdesk.core.events import CENTRE, Event
from hubdesk.core.installation import Installation

PACKS = {
    "digital-literacy": [
        "01-using-a-computer",
        "02-typing-and-editing",
        "03-files-and-folders",
        "04-saving-and-finding",
        "05-usb-stick",
        "06-staying-safe-online",
        "07-getting-help",
    ],
    "calcul-au-quotidien": [f"0{i}-lecon" for i in range(1, 8)],
    "learning-together": [f"0{i}-lesson" for i in range(1, 7)],
}
RULE = {"correct": 3, "of_last": 4}
DAY_MS = 86_400_000


def learners(inst: Installation, n: int, rng: random.Random) -> list[str]:
    ids = []
    with inst.store.transaction():
        for i in range(n):
            ids.append(inst.learners.add(f"Learner {i:03d} {rng.choice(['Diallo', 'Mensah', 'Okafor', 'Banda'])}").id)
    return ids


def activity(
    device_id: str,
    learner_ids: list[str],
    *,
    days: int,
    start_seq: int,
    start_scope_seq: int,
    rng: random.Random,
    start_ms: int = 1_780_000_000_000,
) -> Iterator[Event]:
    """Progress events of ``days`` days for the learners, numbered after the centre's own events."""
    seq, ss = start_seq, start_scope_seq
    for day in range(days):
        for lid in learner_ids:
            if rng.random() > 0.7:  # not every learner comes every day
                continue
            ms = start_ms + day * DAY_MS + rng.randrange(8 * 3_600_000, 12 * 3_600_000)
            pack = rng.choice(list(PACKS))
            for lesson in rng.sample(PACKS[pack], rng.randint(1, 3)):
                kinds: list[tuple[str, dict[str, object]]] = [("lesson.opened", {})]
                kinds += [("time.spent", {"seconds": round(rng.uniform(30, 300), 3)}) for _ in range(rng.randint(1, 4))]
                for q in range(rng.randint(0, 4)):
                    ok = rng.random() < 0.7
                    kinds.append(
                        (
                            "quiz.answered",
                            {"question": f"q{q + 1}", "answer": rng.randint(0, 3), "correct": ok, "rule": RULE},
                        )
                    )
                if rng.random() < 0.6:
                    kinds.append(("lesson.finished", {}))
                for kind, extra in kinds:
                    ms += rng.randrange(2_000, 120_000)
                    yield Event(
                        device_id,
                        seq,
                        CENTRE,
                        ss,
                        format_stamp(ms, 0, device_id),
                        kind,
                        {"pack": pack, "lesson": lesson, **extra},
                        lid,
                    )
                    seq += 1
                    ss += 1


def next_numbers(inst: Installation) -> tuple[int, int]:
    seq = inst.store.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE device_id = ?", (inst.device_id,))
    ss = inst.store.query(
        "SELECT COALESCE(MAX(scope_seq), 0) + 1 FROM events WHERE device_id = ? AND scope = ?", (inst.device_id, CENTRE)
    )
    return int(seq[0][0]), int(ss[0][0])
