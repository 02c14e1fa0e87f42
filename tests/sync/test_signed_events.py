"""Events signed by their origin: a relay (a group member, an enrolled centre) cannot forge another
device's events, take its sequence numbers ahead, or alter one event of a run it forwards."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from hubdesk.core.clock import HybridClock
from hubdesk.core.event_chain import GENESIS, chain_at, dumps_payload, link, sign
from hubdesk.core.events import Event
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError
from hubdesk.peers.policy import group_policy
from hubdesk.sync import protocol as p
from hubdesk.sync.bundle import BundleError, import_bundle, write_bundle
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.entitlement import centre_policy, hub_policy
from hubdesk.sync.http import sync_now
from hubdesk.sync.state import SyncState
from tests.sync.helpers import enrol, running_hub


def _call(centre: Installation, hub: Installation) -> p.Call:
    def call(kind: str, message: dict[str, Any]) -> dict[str, Any]:  # as the hub's server answers
        return p.answer(hub.log, kind, message, hub_policy(hub.log, centre.device_id), sender=centre.device_id)

    return call


def _sync(centre: Installation, hub: Installation) -> None:
    p.exchange(centre.log, _call(centre, hub), centre_policy(centre.device_id), sender=hub.device_id)


def _notes(inst: Installation, scope: str) -> list[str]:
    return sorted(str(ev.payload.get("t")) for ev in inst.log.events("note.edit") if ev.scope == scope)


def _forge(forger: Installation, victim: Event, text: str, signed: bool = True, ahead: int = 1) -> Event:
    """``victim``'s device's next event (or one ``ahead`` further), written by ``forger``, who holds
    the victim's earlier events and so can compute the right chain hash; only the key is wrong."""
    ev = replace(
        victim,
        seq=victim.seq + ahead,
        scope_seq=victim.scope_seq + ahead,
        hlc=HybridClock(victim.device_id).now(),
        payload={"t": text},
        proof=None,
    )
    if not signed:
        return ev
    with forger.store.transaction() as conn:
        prev = chain_at(conn, ev.device_id, ev.scope, ev.scope_seq - 1) or GENESIS
    return replace(ev, proof=sign(forger.identity, ev, link(prev, ev, dumps_payload(ev.payload))))


@pytest.fixture
def group(make_inst: Any) -> tuple[Installation, Installation, Installation, Installation, str]:
    """A hub; Amina's PC (a) made a group, Kofi's (b) and Mallory's (m) joined; all synced once."""
    hub, a, b, m = make_inst("hub"), make_inst("a"), make_inst("b"), make_inst("m")
    grp, code = a.groups.create("Fractions", a.learners.add("Amina"))
    b.groups.join(code, b.learners.add("Kofi"))
    m.groups.join(code, m.learners.add("Mallory"))
    a.log.append("note.edit", {"t": "one"}, scope=grp.scope)
    for inst in (a, b, m, a, b, m):
        _sync(inst, hub)
    assert _notes(m, grp.scope) == ["one"]
    return hub, a, b, m, grp.scope


def test_a_member_cannot_forge_another_members_event(group: Any, tmp_path: Path) -> None:
    hub, a, b, m, scope = group
    last = max((ev for ev in m.log.events() if ev.device_id == a.device_id and ev.scope == scope), key=lambda e: e.seq)
    forged = _forge(m, last, "transfer the group to Mallory")
    m.log.apply([forged])  # Mallory's own database holds anything she likes ...
    with pytest.raises(p.NotEntitled, match="signed with another key"):  # ... the hub refuses it
        _sync(m, hub)
    start_offline(SyncState(m.store), issue_code(SyncState(hub.store), hub.identity))
    with pytest.raises(BundleError, match="refused"):  # by USB stick too
        import_bundle(hub, write_bundle(m, tmp_path / "m"))  # type: ignore[arg-type]
    with pytest.raises(p.NotEntitled):  # and so does a PC she reaches on the LAN
        p.answer(b.log, "push", p.make_push([forged]), group_policy(scope.split(":", 1)[1]))
    unsigned = p.make_push([replace(forged, proof=None)])  # without a proof: left out, not applied
    assert p.answer(hub.log, "push", unsigned, hub_policy(hub.log, m.device_id), sender=m.device_id)["applied"] == 0
    # the real event with that number still arrives everywhere
    a.log.append("note.edit", {"t": "two"}, scope=scope)
    for inst in (a, b):
        _sync(inst, hub)
    assert _notes(hub, scope) == _notes(b, scope) == ["one", "two"]


def test_numbers_taken_ahead_drop_nothing_real(group: Any) -> None:
    hub, a, b, m, scope = group
    last = max((ev for ev in m.log.events() if ev.device_id == a.device_id and ev.scope == scope), key=lambda e: e.seq)
    for ahead, signed in ((1, False), (3, False), (3, True)):
        msg = p.make_push([_forge(m, last, f"ahead {ahead}", signed, ahead)])
        with contextlib.suppress(p.NotEntitled):  # signed with her own key: refused; unsigned: left out
            p.answer(hub.log, "push", msg, hub_policy(hub.log, m.device_id), sender=m.device_id)
    assert _notes(hub, scope) == ["one"]
    for text in ("two", "three", "four"):
        a.log.append("note.edit", {"t": text}, scope=scope)
    _sync(a, hub)
    _sync(b, hub)
    assert _notes(hub, scope) == _notes(b, scope) == ["four", "one", "three", "two"]


def test_one_altered_event_in_a_relayed_run_is_caught(group: Any, make_inst: Any) -> None:
    hub, a, _b, _m, scope = group
    for text in ("two", "three", "four"):
        a.log.append("note.edit", {"t": text}, scope=scope)
    _sync(a, hub)
    run = [ev for ev in hub.log.events() if ev.device_id == a.device_id and ev.scope == scope]
    run.sort(key=lambda e: e.scope_seq)
    assert [ev.proof is not None for ev in run][-1]  # the hub holds the proof of the run's end
    fresh = make_inst("fresh")
    altered = p.make_push(run)
    altered["events"][len(run) // 2]["p"] = {"t": "altered"}
    policy = group_policy(scope.split(":", 1)[1])
    with pytest.raises(p.NotEntitled, match="do not match"):
        p.answer(fresh.log, "push", altered, policy)
    assert fresh.log.count() == 0
    assert p.answer(fresh.log, "push", p.make_push(run), policy)["applied"] == len(run)  # the genuine run
    assert _notes(fresh, scope) == ["four", "one", "three", "two"]


def test_events_from_before_chains_are_signed_by_their_origin_and_relayed(make_inst: Any) -> None:
    hub, a, b = make_inst("hub"), make_inst("a"), make_inst("b")
    grp, code = a.groups.create("Old notes", a.learners.add("Amina"))
    b.groups.join(code, b.learners.add("Kofi"))
    a.log.append("note.edit", {"t": "written before"}, scope=grp.scope)
    with a.store.transaction() as conn:  # as an older HubDesk left them: no chain, no proof
        conn.execute("UPDATE events SET chain = NULL, proof = NULL")
    for inst in (a, b, b):
        _sync(inst, hub)
    assert _notes(b, grp.scope) == ["written before"]


def test_over_http_the_hub_refuses_a_forged_relay(group: Any) -> None:
    hub, a, _b, m, scope = group
    last = max((ev for ev in m.log.events() if ev.device_id == a.device_id and ev.scope == scope), key=lambda e: e.seq)
    m.log.apply([_forge(m, last, "forged")])
    with running_hub(hub) as (url, _):
        enrol(m, hub, url)
        with pytest.raises(AuthError, match="signed with another key"):
            sync_now(m, packs=False)
    assert _notes(hub, scope) == ["one"]


def test_an_enrolled_devices_key_beats_a_first_forged_claim(make_inst: Any) -> None:
    hub, x, m = make_inst("hub"), make_inst("x"), make_inst("m")
    SyncState(hub.store).trust(x.device_id, x.identity.public_key_b64, "centre")  # enrolled, nothing sent yet
    real = x.log.append("note.edit", {"t": "real"}, scope="community")
    forged = replace(real, payload={"t": "forged"}, proof=None)
    forged = replace(forged, proof=sign(m.identity, forged, link(GENESIS, forged, dumps_payload(forged.payload))))
    anyone = p.Policy(may_send=lambda _d, _s: True, accept=lambda _d, _s: True)
    with pytest.raises(p.NotEntitled, match="another key"):  # first to arrive, still refused
        p.answer(hub.log, "push", p.make_push([forged]), anyone, sender=m.device_id)
    assert p.answer(hub.log, "push", p.make_push([real]), anyone, sender=m.device_id)["applied"] == 1
