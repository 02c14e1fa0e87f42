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
    assert len(inst.log.events("note.saved")) == 2
    assert heard == [(a, "shell", "loops")] * 2
    with pytest.raises(NoteError):
        inst.notes.save(a, "shell", "loops", "x" * 300_000)


def test_private_notes_never_leave_unless_shared(make_inst: Callable[[str], Installation]) -> None:
    a = make_inst("a")
    shy, open_ = a.learners.add("Dev").id, a.learners.add("Eve").id
    a.learner_settings.set(open_, "share_notes", True)
    a.notes.save(shy, "shell", "intro", "secret thoughts")
    a.notes.save(open_, "shell", "intro", "shared thoughts")
    sent = a.log.missing_for({}, allowed=lambda s: s != "private")
    assert not any(ev.kind == "note.saved" and ev.learner_id == shy for ev in sent)
    assert all(ev.scope != "private" for ev in sent)
    assert [ev.payload["text"] for ev in sent if ev.kind == "note.saved"] == ["shared thoughts"]
    b = make_inst("b")
    b.log.apply(sent)
    assert b.notes.get(open_, "shell", "intro") == "shared thoughts"
    assert b.notes.get(shy, "shell", "intro") == ""


def test_last_writer_wins(make_inst: Callable[[str], Installation]) -> None:
    a, b = make_inst("a"), make_inst("b")
    lid = a.learners.add("Farid").id
    a.learner_settings.set(lid, "share_notes", True)
    b.log.apply(a.log.events())
    a.notes.save(lid, "p", "l", "from a")
    b.notes.save(lid, "p", "l", "from b")
    ea, eb = a.log.events("note.saved"), b.log.events("note.saved")
    winner = "from b" if eb[0].hlc > ea[0].hlc else "from a"  # the same millisecond may order them either way
    heard: list[tuple[str, str, str]] = []
    a.notes.add_listener(lambda *key: heard.append(key))
    a.log.apply(eb)
    b.log.apply(ea)
    assert a.notes.get(lid, "p", "l") == b.notes.get(lid, "p", "l") == winner
    assert heard == [(lid, "p", "l")]  # a note that arrives by sync is heard too (the search index listens)
