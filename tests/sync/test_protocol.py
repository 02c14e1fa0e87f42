"""The exchange itself, with the two sides wired by a plain function call (no transport)."""

from __future__ import annotations

from typing import Any

import pytest

from hubdesk.core.events import CENTRE, COMMUNITY, PRIVATE, group_scope
from hubdesk.core.installation import Installation
from hubdesk.sync import protocol as p
from hubdesk.sync.entitlement import centre_policy, hub_policy
from hubdesk.sync.state import CENTRE_ROLE, SyncState


def wire(server: Installation, policy: p.Policy, log: list[str] | None = None) -> p.Call:
    def call(kind: str, message: dict[str, Any]) -> dict[str, Any]:
        if log is not None:
            log.append(kind)
        return p.answer(server.log, kind, message, policy)

    return call


def test_exchange_pushes_and_pulls_only_what_is_entitled(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub, other = make_inst("c"), make_inst("h"), make_inst("o")
    amina = centre.learners.add("Amina Diallo")
    centre.log.append("note.private", {"t": "mine"}, scope=PRIVATE)
    # another centre's events already at the hub: its centre scope must never reach this centre
    kofi = other.learners.add("Kofi Mensah")
    other.log.append("contrib.published", {"t": "hello"}, scope=COMMUNITY)
    g1, code = other.groups.create("g1", kofi)
    g2, _ = other.groups.create("g2", kofi)
    other.log.append("note.edit", {"t": "g1 words"}, scope=g1.scope)
    other.log.append("note.edit", {"t": "g2 words"}, scope=g2.scope)
    centre.groups.join(code, amina)
    p.exchange(other.log, wire(hub, hub_policy(hub.log, other.device_id)), centre_policy(other.device_id))

    res = p.exchange(centre.log, wire(hub, hub_policy(hub.log, centre.device_id)), centre_policy(centre.device_id))
    assert res.pushed == 2  # learner.added, group.member_joined; not the private note
    assert sorted(lr.name for lr in hub.learners.all()) == ["Amina Diallo", "Kofi Mensah"]
    assert not any(ev.scope == PRIVATE for ev in hub.log.events())
    got = {(ev.device_id, ev.scope) for ev in centre.log.events() if ev.device_id == other.device_id}
    # another centre's community event stays at the hub: only what the hub promotes travels on
    assert got == {(other.device_id, g1.scope)}
    assert [lr.name for lr in centre.learners.all()] == ["Amina Diallo"]
    # a second run has nothing to do
    again = p.exchange(centre.log, wire(hub, hub_policy(hub.log, centre.device_id)), centre_policy(centre.device_id))
    assert (again.pushed, again.pulled) == (0, 0)


def test_chunks_resume_after_interruption(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("c"), make_inst("h")
    with centre.store.transaction():
        for i in range(95):
            centre.log.append("test.n", {"i": i})
    calls: list[str] = []
    inner = wire(hub, hub_policy(hub.log, centre.device_id), calls)

    def flaky(kind: str, message: dict[str, Any]) -> dict[str, Any]:
        if calls.count("push") == 3:
            raise ConnectionError("link down")
        return inner(kind, message)

    with pytest.raises(ConnectionError):
        p.exchange(centre.log, flaky, centre_policy(centre.device_id), chunk=10)
    assert hub.log.count() == 30
    res = p.exchange(centre.log, inner, centre_policy(centre.device_id), chunk=10)
    assert res.pushed == 65
    assert hub.log.count() == 95


def test_hub_refuses_events_a_centre_may_not_send(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub, victim = make_inst("c"), make_inst("h"), make_inst("v")
    victim.learners.add("Someone Else")
    forged = victim.log.events()  # another device's centre-scope events
    msg = p.make_push(forged)
    # a device no centre claimed yet may be a PC whose admission is on its way: held back, never applied
    assert p.answer(hub.log, "push", msg, hub_policy(hub.log, centre.device_id))["applied"] == 0
    assert hub.log.count() == 0
    # once the hub knows the device as another centre's, the whole message is refused
    SyncState(hub.store).trust(victim.device_id, victim.identity.public_key_b64, CENTRE_ROLE)
    with pytest.raises(p.NotEntitled):
        p.answer(hub.log, "push", msg, hub_policy(hub.log, centre.device_id))
    assert hub.log.count() == 0
    # a private event, even the centre's own, is refused too
    own = centre.log.append("note.private", {"t": "x"}, scope=PRIVATE)
    with pytest.raises(p.NotEntitled):
        p.answer(hub.log, "push", p.make_push([own]), hub_policy(hub.log, centre.device_id))
    assert hub.log.count() == 0


@pytest.mark.parametrize(
    "message",
    [
        None,
        [],
        {"v": 99, "type": "push", "events": []},
        {"v": 1, "type": "pull"},
        {"v": 1, "type": "push", "events": "nope"},
        {"v": 1, "type": "push", "events": [{"d": "x"}]},
        {"v": 1, "type": "push", "events": [1]},
        {"v": 1, "type": "push", "events": [{"d": "x", "s": True, "sc": "centre", "ss": 1, "h": "h", "k": "k"}]},
        {"v": 1, "type": "push", "events": [{}] * (p.MAX_CHUNK + 1)},
        {"v": 1, "type": "pull", "vector": [["d", "centre", -1]]},
        {"v": 1, "type": "pull", "vector": [["d", "centre"]]},
        {"v": 1, "type": "pull", "vector": [], "limit": 0},
    ],
)
def test_malformed_messages_are_refused(inst: Installation, message: Any) -> None:
    kind = message.get("type", "push") if isinstance(message, dict) else "push"
    with pytest.raises(p.ProtocolError):
        p.answer(inst.log, kind, message, hub_policy(inst.log, "abc"))
    assert inst.log.count() == 0


def test_vector_does_not_leak_other_centres_groups(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, other = make_inst("h"), make_inst("o")
    other.log.append("note.edit", {"t": "secret group"}, scope=group_scope("theirs"))
    other.learners.add("Kofi")
    hub.log.apply(other.log.events())
    reply = p.answer(hub.log, "vector", p.make_vector_request(), hub_policy(hub.log, "newcentre"))
    assert p.read_vector_reply(reply) == {}
    assert (other.device_id, CENTRE) in hub.log.vector()


def test_pull_reply_with_unentitled_event_is_refused_whole(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, evil = make_inst("c"), make_inst("e")
    evil.log.append("contrib.published", {"t": "ok"}, scope=COMMUNITY)
    evil.learners.add("Planted Learner")
    reply = {
        "v": 1,
        "type": "events",
        "events": [ev.to_dict() for ev in evil.log.events()],
        "more": False,
        "vector": [],
    }
    with pytest.raises(p.NotEntitled):
        p.absorb(centre.log, reply, centre_policy(centre.device_id).accept)
    assert centre.log.count() == 0


def test_a_pull_request_shows_only_what_the_other_side_may_know(make_inst) -> None:  # type: ignore[no-untyped-def]
    """The bundle header's vector is filtered by the policy; the pull request's must be too, or a hub
    or a study-group peer learns of our private notes and of groups it has no part in."""
    centre, hub = make_inst("c"), make_inst("h")
    centre.log.append("note.private", {"t": "mine"}, scope=PRIVATE)
    g1, _ = centre.groups.create("g1", centre.learners.add("Amina"))
    centre.log.append("note.edit", {"t": "g1"}, scope=g1.scope)
    sent: list[dict[str, Any]] = []
    inner = wire(hub, hub_policy(hub.log, centre.device_id))

    def call(kind: str, message: dict[str, Any]) -> dict[str, Any]:
        sent.append(message)
        return inner(kind, message)

    p.exchange(centre.log, call, centre_policy(centre.device_id))
    pulls = [m for m in sent if m["type"] == "pull"]
    assert pulls
    for m in pulls:
        assert {s for _d, s, _u in m["vector"]} == {CENTRE, g1.scope}  # not the private note
