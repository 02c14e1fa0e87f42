"""Personal notes: private to their learner, never sent off the PC unless the learner opts in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hubdesk.core.installation import Installation
from hubdesk.core.notes import NoteError


def test_notes_are_private_to_their_learner(inst: Installation) -> None:
    a, b = inst.learners.add("Amina").id, inst.learners.add("Ben").id
    assert inst.notes.save(a, "shell", "intro", "# My note\nThe shell is a program.")
    assert inst.notes.get(a, "shell", "intro").startswith("# My note")
    assert inst.notes.get(b, "shell", "intro") == ""
    assert inst.notes.list_for(b) == []
    inst.notes.save(b, "shell", "intro", "Ben's own words")
    assert inst.notes.get(a, "shell", "intro").startswith("# My note")
    assert [n.text for n in inst.notes.list_for(b)] == ["Ben's own words"]
    assert [(n.pack_id, n.lesson_id) for n in inst.notes.list_for(a)] == [("shell", "intro")]


def test_unchanged_save_records_nothing_and_listeners_hear(inst: Installation) -> None:
    a = inst.learners.add("Chloe").id
    heard: list[tuple[str, str, str]] = []
    inst.notes.add_listener(lambda *key: heard.append(key))
    assert inst.notes.save(a, "shell", "loops", "for loops")
    assert not inst.notes.save(a, "shell", "loops", "for loops")
    assert inst.notes.save(a, "shell", "loops", "for loops repeat")
    assert len(inst.log.events("note.edited")) == 2
    assert heard == [(a, "shell", "loops")] * 2
    with pytest.raises(NoteError):
        inst.notes.save(a, "shell", "loops", "x" * 300_000)


def test_private_notes_never_leave_the_centre_unless_shared(make_inst: Callable[[str], Installation]) -> None:
    a = make_inst("a")
    shy, open_ = a.learners.add("Dev").id, a.learners.add("Eve").id
    a.learner_settings.set(open_, "share_notes", True)
    a.notes.save(shy, "shell", "intro", "secret thoughts")
    a.notes.save(open_, "shell", "intro", "shared thoughts")
    assert {ev.scope for ev in a.log.events("note.edited") if ev.learner_id == shy} == {"site"}
    to_hub = a.log.missing_for({}, allowed=lambda s: s not in ("private", "site"))  # what a hub may get
    assert not any(ev.kind.startswith("note.") and ev.learner_id == shy for ev in to_hub)
    assert [ev.learner_id for ev in to_hub if ev.kind == "note.edited"] == [open_]
    hub = make_inst("hub")
    hub.log.apply(to_hub)
    assert hub.notes.get(open_, "shell", "intro") == "shared thoughts"
    assert hub.notes.get(shy, "shell", "intro") == ""
    other_pc = make_inst("pc2")  # another PC of the centre gets the learner's private note too
    other_pc.log.apply(a.log.missing_for({}, allowed=lambda s: s != "private"))
    assert other_pc.notes.get(shy, "shell", "intro") == "secret thoughts"


def test_edits_on_two_pcs_while_apart_keep_both(make_inst: Callable[[str], Installation]) -> None:
    a, b = make_inst("a"), make_inst("b")
    lid = a.learners.add("Farid").id
    a.notes.save(lid, "p", "l", "Budget\nrent 30\n")
    b.log.apply(a.log.events())
    assert b.notes.get(lid, "p", "l") == "Budget\nrent 30\n"
    a.notes.save(lid, "p", "l", "Budget\nrent 30\nfood 20\n")  # on PC a
    b.notes.save(lid, "p", "l", "My budget\nrent 30\n")  # on PC b, meanwhile
    heard: list[tuple[str, str, str]] = []
    a.notes.add_listener(lambda *key: heard.append(key))
    a.log.apply(b.log.events("note.edited"))
    b.log.apply(a.log.events("note.edited"))
    assert a.notes.get(lid, "p", "l") == b.notes.get(lid, "p", "l") == "My budget\nrent 30\nfood 20\n"
    assert heard == [(lid, "p", "l")]  # a note that arrives by sync is heard too (the search index listens)
    a.log.apply(b.log.events("note.edited"))  # twice: nothing changes
    assert a.notes.get(lid, "p", "l") == "My budget\nrent 30\nfood 20\n"
