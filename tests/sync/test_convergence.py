"""Property: whatever the delivery order, duplicates and losses, a full exchange makes replicas equal.

Several devices record learners and progress (some about the same learners, so last-writer-wins
and set-union projections are exercised); over a few rounds, random pairs pass each other random
subsets of their events, shuffled, some twice, some dropped, through the protocol's push message.
Then every pair runs the real exchange until nothing moves, and every replica's derived tables
must be identical.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubdesk.core.events import CENTRE
from hubdesk.core.installation import Installation
from hubdesk.sync import protocol as p

LEARNERS = [f"learner{i}" for i in range(4)]
LESSONS = [("pk", f"l{i}") for i in range(3)]
MESH = p.Policy(may_send=lambda d, s: True, accept=lambda d, s: True)
TABLES = {
    "learners": "SELECT id, name, removed FROM learners ORDER BY id",
    "lesson_progress": "SELECT * FROM lesson_progress ORDER BY 1, 2, 3",
    "quiz_attempts": "SELECT * FROM quiz_attempts ORDER BY 1, 2, 3, 4, 5, 6",
    "quiz_mastery": "SELECT * FROM quiz_mastery ORDER BY 1, 2, 3",
    "events": "SELECT device_id, seq, scope, scope_seq, hlc, kind, learner_id, payload FROM events ORDER BY 1, 2",
    "vector": "SELECT * FROM vector ORDER BY 1, 2",
}

op = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(LEARNERS), st.text("abcdé ", min_size=1, max_size=8)),
    st.tuples(st.just("rename"), st.sampled_from(LEARNERS), st.text("xyz", min_size=1, max_size=5)),
    st.tuples(st.just("remove"), st.sampled_from(LEARNERS), st.just("")),
    st.tuples(st.sampled_from(["lesson.opened", "lesson.finished"]), st.sampled_from(LEARNERS), st.just("")),
    st.tuples(st.just("time.spent"), st.sampled_from(LEARNERS), st.floats(1, 500)),
    st.tuples(st.just("quiz.answered"), st.sampled_from(LEARNERS), st.booleans()),
)


def record(inst: Installation, action: tuple[str, str, Any], rng: random.Random) -> None:
    kind, learner, arg = action
    pack, lesson = rng.choice(LESSONS)
    log = inst.log
    if kind == "add":
        log.append(
            "learner.added", {"id": learner, "name": arg, "role": "learner", "colour": "#000000"}, learner_id=learner
        )
    elif kind == "rename":
        log.append("learner.renamed", {"id": learner, "name": arg}, learner_id=learner)
    elif kind == "remove":
        log.append("learner.removed", {"id": learner}, learner_id=learner)
    elif kind == "time.spent":
        log.append(kind, {"pack": pack, "lesson": lesson, "seconds": arg}, scope=CENTRE, learner_id=learner)
    elif kind == "quiz.answered":
        payload = {"pack": pack, "lesson": lesson, "question": "q1", "answer": 1, "correct": arg}
        log.append(kind, {**payload, "rule": {"correct": 2, "of_last": 3}}, learner_id=learner)
    else:
        log.append(kind, {"pack": pack, "lesson": lesson}, learner_id=learner)


def snapshot(inst: Installation) -> dict[str, list[tuple[Any, ...]]]:
    # bit for bit: time is summed in whole milliseconds, so arrival order cannot change a total
    return {name: [tuple(r) for r in inst.store.query(sql)] for name, sql in TABLES.items()}


def deliver(src: Installation, dst: Installation, rng: random.Random) -> None:
    events = src.log.events()
    chosen = [e for e in events if rng.random() < 0.6]  # drops
    chosen += rng.sample(chosen, k=len(chosen) // 3)  # duplicates
    rng.shuffle(chosen)
    while chosen:
        size = rng.randint(1, 7)
        chunk, chosen = chosen[:size], chosen[size:]
        p.answer(dst.log, "push", p.make_push(chunk), MESH)


def wire(server: Installation) -> p.Call:
    return lambda kind, message: p.answer(server.log, kind, message, MESH)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n_devices=st.integers(2, 4),
    work=st.lists(st.tuples(st.integers(0, 3), op), min_size=1, max_size=40),
    rounds=st.integers(0, 4),
    seed=st.integers(0, 2**32 - 1),
)
def test_replicas_converge(n_devices: int, work: list[tuple[int, Any]], rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        devices = [Installation(Path(tmp) / f"d{i}") for i in range(n_devices)]
        try:
            per_round = max(1, len(work) // (rounds + 1))
            for r in range(rounds + 1):
                for who, action in work[r * per_round : (r + 1) * per_round]:
                    record(devices[who % n_devices], action, rng)
                for _ in range(n_devices):
                    a, b = rng.sample(devices, 2)
                    deliver(a, b, rng)
            for who, action in work[(rounds + 1) * per_round :]:
                record(devices[who % n_devices], action, rng)
            # full exchange: everyone with the first device, twice round, with small chunks
            for _ in range(2):
                for d in devices[1:]:
                    p.exchange(d.log, wire(devices[0]), MESH, chunk=rng.randint(1, 9))
            first = snapshot(devices[0])
            assert len(first["events"]) == sum(1 for _ in work)
            for d in devices[1:]:
                assert snapshot(d) == first
        finally:
            for d in devices:
                d.close()
