from __future__ import annotations

import base64
import itertools
import random

from pycrdt import Doc, Text

from hubdesk.core.groups import diff_edit
from hubdesk.core.installation import Installation


def _group(make_inst, n: int = 3):  # type: ignore[no-untyped-def]
    insts = [make_inst(f"p{i}") for i in range(n)]
    people = [inst.learners.add(name) for inst, name in zip(insts, ["Amina", "Kofi", "Esi"], strict=False)]
    group, code = insts[0].groups.create("Circle", people[0])
    for inst, person in zip(insts[1:], people[1:], strict=False):
        inst.groups.join(code, person)
    return insts, people, group.id


def test_concurrent_offline_edits_merge_in_any_order(make_inst) -> None:  # type: ignore[no-untyped-def]
    insts, people, gid = _group(make_inst)
    for inst, person in zip(insts, people, strict=True):
        for i in range(3):
            inst.group_notes.append(gid, person.id, f"{person.name} line {i}")
    edits = [ev for inst in insts for ev in inst.log.events("group.note_edited")]
    texts = set()
    for order in itertools.islice(itertools.permutations(range(len(edits))), 0, 4000, 997):
        fresh = make_inst(f"x{order[0]}-{order[1]}-{order[2]}")
        for i in order:
            fresh.log.apply([edits[i]])
        texts.add(fresh.group_notes.text(gid))
    assert len(texts) == 1
    text = texts.pop()
    for person in people:
        for i in range(3):
            assert f"{person.name} line {i}" in text


def test_applying_an_update_twice_changes_nothing(make_inst) -> None:  # type: ignore[no-untyped-def]
    insts, people, gid = _group(make_inst, 2)
    a, b = insts
    a.group_notes.append(gid, people[0].id, "Half of 8 is 4.")
    ev = a.log.events("group.note_edited")[0]
    b.log.apply([ev])
    state_once = b.group_notes.text(gid)
    # the same update again under a new event identity (a replayed edit) must still be a no-op
    b.log.append("group.note_edited", dict(ev.payload), scope=ev.scope, learner_id=ev.learner_id)
    assert b.group_notes.text(gid) == state_once == "Half of 8 is 4."


def test_edit_that_arrives_before_the_one_it_builds_on_is_kept(make_inst) -> None:  # type: ignore[no-untyped-def]
    insts, people, gid = _group(make_inst, 2)
    a, b = insts
    a.group_notes.append(gid, people[0].id, "first")
    a.group_notes.append(gid, people[0].id, "second")
    first, second = a.log.events("group.note_edited")
    b.log.apply([second])
    assert "second" not in b.group_notes.text(gid)  # cannot be shown yet, but is not lost
    b.log.apply([first])
    assert b.group_notes.text(gid) == "first\nsecond"


def test_replace_from_an_editor_is_a_minimal_edit_that_merges(make_inst) -> None:  # type: ignore[no-untyped-def]
    insts, people, gid = _group(make_inst, 2)
    a, b = insts
    a.group_notes.append(gid, people[0].id, "The cat sat.")
    b.log.apply(a.log.events())
    a.group_notes.replace(gid, people[0].id, "The black cat sat.")
    b.group_notes.replace(gid, people[1].id, "The cat sat on the mat.")
    a.log.apply(b.log.events())
    b.log.apply(a.log.events())
    assert a.group_notes.text(gid) == b.group_notes.text(gid) == "The black cat sat on the mat."


def test_hostile_updates_are_skipped_not_fatal(inst: Installation) -> None:
    amina = inst.learners.add("Amina")
    group, _ = inst.groups.create("Circle", amina)
    for bad in ["not base64!!", base64.b64encode(b"\xff" * 40).decode(), ""]:
        inst.log.append("group.note_edited", {"group": group.id, "note": "notes", "update": bad}, scope=group.scope)
    inst.group_notes.append(group.id, amina.id, "still works")
    assert inst.group_notes.text(group.id) == "still works"


def test_diff_edit_reaches_any_target_text() -> None:
    rng = random.Random(5)
    for _ in range(200):
        old = "".join(rng.choice("ab c") for _ in range(rng.randint(0, 12)))
        new = "".join(rng.choice("ab c") for _ in range(rng.randint(0, 12)))
        doc = Doc()
        text = doc.get("t", type=Text)
        text += old
        diff_edit(text, old, new)
        assert str(text) == new
