from __future__ import annotations

import base64
import random

import pytest

from hubdesk.core.events import SITE
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, NotFound


def shared(inst):  # type: ignore[no-untyped-def]
    """What any transport between two PCs of different centres carries: everything but ``site``."""
    return [ev for ev in inst.log.events() if ev.scope != "site"]


def _pair(make_inst):  # type: ignore[no-untyped-def]
    a, b = make_inst("a"), make_inst("b")
    return a, b, a.learners.add("Amina"), b.learners.add("Kofi")


def test_create_and_join_give_the_same_group_on_both_pcs(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b, amina, kofi = _pair(make_inst)
    group, code = a.groups.create("Fractions circle", amina, pack="maths", lesson="fractions")
    gid = b.groups.join(code, kofi)
    assert gid == group.id
    assert b.groups.key(gid) == a.groups.key(gid)
    assert b.groups.get(gid).known is False  # the created event has not arrived yet
    b.log.apply(shared(a))
    a.log.apply(shared(b))
    for inst in (a, b):
        g = inst.groups.find("fractions circle")
        assert (g.name, g.pack, g.lesson, g.creator) == ("Fractions circle", "maths", "fractions", amina.id)
        assert [m.name for m in g.members] == ["Amina", "Kofi"]
        assert [m.is_creator for m in g.members] == [True, False]


def test_the_key_travels_only_to_the_centres_own_pcs(inst: Installation) -> None:
    """The key is in one event, scope ``site`` (the centre's PCs only), bound to the learner who holds it."""
    amina = inst.learners.add("Amina")
    group, code = inst.groups.create("Circle", amina)
    key = inst.groups.key(group.id)
    assert key is not None
    secrets = (key.hex(), base64.b64encode(key).decode(), code, code.replace("-", ""))
    holding = [ev for ev in inst.log.events() if any(s in repr(ev.to_dict()) for s in secrets)]
    assert [(ev.kind, ev.scope, ev.learner_id) for ev in holding] == [("group.key_kept", SITE, amina.id)]


def test_leave_and_creator_only_removal(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b, amina, kofi = _pair(make_inst)
    group, code = a.groups.create("Circle", amina)
    b.groups.join(code, kofi)
    b.log.apply(shared(a))
    with pytest.raises(AuthError):
        b.groups.remove(group.id, amina.id, by=kofi.id)
    # a removal forged by a non-creator is ignored even when it arrives as an event
    b.log.append(
        "group.member_removed",
        {"group": group.id, "learner": amina.id, "by": kofi.id},
        scope=group.scope,
        learner_id=kofi.id,
    )
    a.log.apply(shared(b))
    assert {m.name for m in a.groups.members(group.id)} == {"Amina", "Kofi"}
    a.groups.remove(group.id, kofi.id, by=amina.id)
    assert [m.name for m in a.groups.members(group.id)] == ["Amina"]
    b.groups.leave(group.id, kofi.id)
    b.log.apply(shared(a))
    assert [m.name for m in b.groups.members(group.id)] == ["Amina"]


def test_membership_is_the_same_whatever_order_events_arrive_in(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b, amina, kofi = _pair(make_inst)
    group, code = a.groups.create("Circle", amina)
    b.groups.join(code, kofi)
    others = [make_inst(f"c{seed}") for seed in range(3)]
    for c in others:  # they join before the removal: a join with the first code after it counts for nothing
        c.groups.join(code, c.learners.add("Esi"))
    b.log.apply(shared(a))
    a.log.apply(shared(b))
    a.groups.remove(group.id, kofi.id, by=amina.id)
    a.group_questions.ask(group.id, amina, "What is a half of 8?", lesson="fractions")
    events = shared(a)
    results = []
    for c in others:
        shuffled = events[:]
        random.Random(c.device_id).shuffle(shuffled)
        for ev in shuffled:
            c.log.apply([ev])
        results.append(
            ([m.name for m in c.groups.members(group.id)], [q.text for q in c.group_questions.thread(group.id)])
        )
    assert all(r == (["Amina", "Esi"], ["What is a half of 8?"]) for r in results)


def test_questions_and_answers_per_lesson(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b, amina, kofi = _pair(make_inst)
    group, code = a.groups.create("Circle", amina)
    b.groups.join(code, kofi)
    b.log.apply(shared(a))
    q = a.group_questions.ask(group.id, amina, "Why does ls -a show dot files?", lesson="shell/02")
    a.group_questions.ask(group.id, amina, "Another lesson", lesson="shell/03")
    b.log.apply(shared(a))
    b.group_questions.answer(group.id, q, kofi, "Because -a means all.")
    a.log.apply(shared(b))
    [question] = a.group_questions.thread(group.id, lesson="shell/02")
    assert question.name == "Amina" and [(x.name, x.text) for x in question.answers] == [
        ("Kofi", "Because -a means all.")
    ]
    assert len(a.group_questions.thread(group.id)) == 2


def test_unknown_group_and_scopes_for_sync(inst: Installation) -> None:
    amina = inst.learners.add("Amina")
    with pytest.raises(NotFound):
        inst.groups.get("nope")
    group, _ = inst.groups.create("Circle", amina)
    assert [g.id for g in inst.groups.of_learner(amina.id)] == [group.id]
    assert inst.groups.of_learner("someone-else") == []
