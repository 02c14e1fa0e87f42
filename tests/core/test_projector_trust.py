"""Events from elsewhere only change what their scope allows, and a malformed one changes nothing.

Profiles, secrets, progress, settings and personal notes are ``centre`` events (notes may also be
``private``). A study-group peer may send ``group:*`` events and the hub ``community`` ones; if the
projectors ignored the scope, such a sender could add a facilitator to every centre, replace a
learner's PIN, remove profiles, or overwrite a learner's notes and progress.
"""

from __future__ import annotations

from hubdesk.core.events import COMMUNITY, Event, group_scope
from hubdesk.core.installation import Installation
from hubdesk.core.learners import FACILITATOR
from hubdesk.sync import entitlement, protocol

LATE = 0xF000000000000  # a clock stamp later than anything the victim wrote


def _ev(seq: int, scope: str, kind: str, payload: dict[str, object], learner_id: str | None = None) -> Event:
    return Event("evil", seq, scope, seq, f"{LATE + seq:013x}-0000-evil", kind, payload, learner_id)


def _from_hub(centre: Installation, events: list[Event]) -> None:
    reply = {"v": protocol.PROTOCOL_VERSION, "type": "events", "events": [e.to_dict() for e in events], "more": False}
    reply["vector"] = []
    # as from the origin's own link (unsigned events are taken only from there): what is tested is
    # what projectors make of them
    protocol.absorb(centre.log, reply, entitlement.from_hub, sender="evil")


def test_community_events_cannot_make_a_facilitator(inst: Installation) -> None:
    fake = {"id": "f" * 32, "name": "Helper", "role": FACILITATOR, "colour": "#000000"}
    secret = {"id": "f" * 32, "kind": "password", "hash": "whatever"}
    _from_hub(inst, [_ev(1, COMMUNITY, "learner.added", fake), _ev(2, COMMUNITY, "learner.secret_set", secret)])
    assert inst.log.count() == 2  # kept and relayed: a newer HubDesk may know what to do with it
    assert inst.learners.all(include_removed=True) == []


def test_group_events_cannot_touch_a_learner(inst: Installation) -> None:
    amina = inst.learners.add("Amina", pin="1234")
    inst.notes.save(amina.id, "pk", "l1", "my own words")
    scope = group_scope("g1")
    inst.log.apply(
        [
            _ev(1, scope, "learner.secret_set", {"id": amina.id, "kind": "pin", "hash": "x"}, amina.id),
            _ev(2, scope, "learner.renamed", {"id": amina.id, "name": "Mallory"}, amina.id),
            _ev(3, scope, "learner.removed", {"id": amina.id}, amina.id),
            _ev(4, scope, "note.saved", {"pack": "pk", "lesson": "l1", "text": "overwritten"}, amina.id),
            _ev(5, scope, "setting.changed", {"key": "text_size", "value": 30}, amina.id),
            _ev(6, scope, "lesson.finished", {"pack": "pk", "lesson": "l1"}, amina.id),
        ]
    )
    assert [(lr.name, lr.id) for lr in inst.learners.all()] == [("Amina", amina.id)]
    assert inst.learners.verify(amina.id, "pin", "1234").id == amina.id
    assert inst.notes.get(amina.id, "pk", "l1") == "my own words"
    assert inst.store.query("SELECT COUNT(*) FROM learner_settings")[0][0] == 0
    assert inst.store.query("SELECT COUNT(*) FROM lesson_progress")[0][0] == 0


def test_a_profile_event_missing_fields_is_kept_and_changes_nothing(inst: Installation) -> None:
    inst.log.apply(
        [
            _ev(1, "centre", "learner.added", {}),
            _ev(2, "centre", "learner.added", {"id": "a" * 32}),
            _ev(3, "centre", "learner.renamed", {"id": "a" * 32}),
            _ev(4, "centre", "learner.removed", {}),
            _ev(5, "centre", "learner.secret_set", {"kind": "pin"}),
            _ev(6, "centre", "learner.added", {"id": ["x"], "name": {"n": 1}}),
        ]
    )
    assert inst.log.count() == 6
    assert inst.learners.all(include_removed=True) == []


def test_a_pack_report_outside_the_centre_scope_lists_nothing(inst: Installation) -> None:
    """What a centre installed is its own ``centre`` event; a relayed community or group event
    naming a pack must not show up in the hub's list of what that device holds."""
    report = {"id": "demo", "version": "1.0", "title": "Demo", "language": "en", "lessons": 3}
    inst.log.apply(
        [
            _ev(1, COMMUNITY, "pack.installed", report),
            _ev(2, group_scope("g1"), "pack.installed", report),
            _ev(3, COMMUNITY, "pack.removed", {"id": "demo"}),
        ]
    )
    assert inst.store.query("SELECT COUNT(*) FROM centre_packs")[0][0] == 0
    inst.log.apply([_ev(4, "centre", "pack.installed", report)])
    assert [cp.pack_id for cp in inst.centre_packs.installed()] == ["demo"]
