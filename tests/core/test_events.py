from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from hubdesk.core import event_chain
from hubdesk.core.events import CENTRE, PRIVATE, Event, group_scope
from hubdesk.core.installation import Installation


def test_append_assigns_sequences_per_device_and_scope(inst: Installation) -> None:
    a = inst.log.append("test.thing", {"n": 1})
    b = inst.log.append("test.thing", {"n": 2}, scope=PRIVATE)
    c = inst.log.append("test.thing", {"n": 3})
    assert (a.seq, b.seq, c.seq) == (1, 2, 3)
    assert (a.scope_seq, b.scope_seq, c.scope_seq) == (1, 1, 2)
    assert a.hlc < b.hlc < c.hlc
    assert inst.log.vector() == {(inst.device_id, CENTRE): 2, (inst.device_id, PRIVATE): 1}


def test_apply_twice_changes_nothing(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b = make_inst("a"), make_inst("b")
    a.learners.add("Amina")
    events = a.log.events()
    assert len(b.log.apply(events)) == len(events)
    assert b.log.apply(events) == []
    assert [lr.name for lr in b.learners.all()] == ["Amina"]


def test_vector_tracks_contiguous_prefix_only(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b = make_inst("a"), make_inst("b")
    for i in range(5):
        a.log.append("test.thing", {"n": i})
    evs = a.log.events()
    b.log.apply([evs[0], evs[1], evs[3]])
    assert b.log.vector()[(a.device_id, CENTRE)] == 2
    b.log.apply([evs[2]])
    assert b.log.vector()[(a.device_id, CENTRE)] == 4


def test_missing_for_respects_entitlement(make_inst) -> None:  # type: ignore[no-untyped-def]
    a = make_inst("a")
    a.log.append("test.thing", {"n": 1})
    a.log.append("note.private", {"t": "secret"}, scope=PRIVATE)
    a.log.append("group.note", {"t": "shared"}, scope=group_scope("g1"))
    sent = a.log.missing_for({}, allowed=lambda s: s != PRIVATE)
    assert {e.scope for e in sent} == {CENTRE, "group:g1"}


def test_any_order_gives_same_tables(make_inst) -> None:  # type: ignore[no-untyped-def]
    src = make_inst("src")
    amina = src.learners.add("Amina")
    src.learners.rename(amina.id, "Amina D.")
    src.learners.rename(amina.id, "Amina Diallo")
    kofi = src.learners.add("Kofi")
    src.learners.remove(kofi.id)
    events = src.log.events()
    rng = random.Random(4)
    for name in ("x", "y", "z"):
        shuffled = events[:]
        rng.shuffle(shuffled)
        dst = make_inst(name)
        for ev in shuffled:
            dst.log.apply([ev])
        assert [(lr.name, lr.role) for lr in dst.learners.all()] == [("Amina Diallo", "learner")]


def test_malformed_wire_event_is_refused() -> None:
    import pytest

    from hubdesk.core.events import EventError

    good = {"d": "abc", "s": 1, "sc": "centre", "ss": 1, "h": "0000000000001-0000-abc", "k": "k", "p": {}}
    assert Event.from_dict(good).seq == 1
    odd_stamps = ("x", "garbage", "-000000000005-0000-abc", "0000000000001-10000-abc", "0000000000001-0000-")
    for bad in (
        {**good, "s": "1"},
        {**good, "sc": "everyone"},
        {**good, "p": []},
        {"d": "x"},
        *({**good, "h": h} for h in odd_stamps),
    ):
        with pytest.raises(EventError):
            Event.from_dict(bad)


def test_an_unreadable_stamp_from_a_peer_changes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A stored stamp the clock cannot read used to make every later start of the installation fail."""
    import pytest

    from hubdesk.core.events import EventError

    a = Installation(tmp_path / "a")
    try:
        with pytest.raises(EventError):
            a.log.apply([Event("peer", 1, "community", 1, "garbage", "test.thing", {}, None)])
        assert a.log.count() == 0
    finally:
        a.close()
    b = Installation(tmp_path / "a")
    try:
        assert b.log.count() == 0
        b.log.append("test.thing", {})
    finally:
        b.close()


def test_clock_counter_never_widens_the_stamp() -> None:
    from hubdesk.core.clock import HybridClock, valid_stamp

    clock = HybridClock("dev", now_ms=lambda: 5)
    clock.observe("0000000000009-ffff-peer")
    stamp = clock.now()
    assert valid_stamp(stamp) and stamp > "0000000000009-ffff-peer"


def test_event_payloads_are_capped_in_size_and_depth(make_inst) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from hubdesk.core.events import MAX_PAYLOAD_CHARS, EventError

    a, b = make_inst("a"), make_inst("b")
    with pytest.raises(EventError, match="course pack"):
        a.log.append("test.big", {"x": "y" * MAX_PAYLOAD_CHARS})
    deep: object = 1
    for _ in range(40):
        deep = [deep]
    fine = a.log.append("test.ok", {"x": 1})
    hostile = Event(a.device_id, 2, CENTRE, 2, fine.hlc, "test.deep", {"x": deep})
    with pytest.raises(EventError, match="nested too deeply"):
        b.log.apply([fine, hostile])
    assert a.log.count() == 1 and b.log.count() == 0  # nothing of the refused batch


def test_an_event_that_breaks_its_projector_is_kept_and_the_rest_applied(make_inst) -> None:  # type: ignore[no-untyped-def]
    from hubdesk.core.events import projector

    seen: list[int] = []

    @projector("test.fragile")
    def _fragile(conn, ev):  # type: ignore[no-untyped-def]
        seen.append(int(ev.payload["n"]))  # a list where a number belongs raises TypeError

    a, b = make_inst("a"), make_inst("b")
    good1 = a.log.append("test.fragile", {"n": 1})
    poisoned = Event(a.device_id, 2, CENTRE, 2, good1.hlc, "test.fragile", {"n": [1, 2]})
    good2 = Event(a.device_id, 3, CENTRE, 3, good1.hlc, "test.fragile", {"n": 3})
    seen.clear()
    new = b.log.apply([good1, poisoned, good2])
    assert len(new) == 3 and b.log.count() == 3  # every event kept (it travels on)
    assert sorted(seen)[-2:] == [1, 3] and b.log.vector()[(a.device_id, CENTRE)] == 3


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _JSON, max_size=6))
def test_the_payload_text_is_what_json_writes_with_sorted_keys(payload: dict[str, object]) -> None:
    """Stored and hashed by every replica: the fast encoder must write exactly json.dumps's text."""
    expected = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert event_chain.dumps_payload(payload) == expected
