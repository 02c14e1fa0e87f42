"""The hub carries a study group only to its members' PCs, over HTTP and in USB bundles.

Knowing a group's id and pushing something into its scope used to be enough to receive the
group's notes from the hub; these tests pin that it no longer is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hubdesk.core.events import SITE
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError
from hubdesk.sync import protocol as p
from hubdesk.sync.bundle import BundleError, export_all, import_bundle, write_bundle
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.entitlement import centre_policy, groups_of, hub_policy
from hubdesk.sync.http import HubClient, sync_now
from hubdesk.sync.state import SyncState
from tests.sync.helpers import enrol, running_hub


def _call(centre: Installation, hub: Installation) -> p.Call:
    def call(kind: str, message: dict[str, Any]) -> dict[str, Any]:
        return p.answer(hub.log, kind, message, hub_policy(hub.log, centre.device_id))

    return call


def _sync(centre: Installation, hub: Installation) -> None:
    p.exchange(centre.log, _call(centre, hub), centre_policy(centre.device_id))


def _group_texts(inst: Installation, scope: str) -> set[str]:
    return {str(ev.payload.get("t")) for ev in inst.log.events() if ev.scope == scope and ev.kind == "note.edit"}


def test_a_stranger_pushing_into_a_group_gets_nothing_over_http(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, a, b, stranger = make_inst("hub"), make_inst("a"), make_inst("b"), make_inst("stranger")
    amina = a.learners.add("Amina")
    group, code = a.groups.create("Fractions", amina)
    a.log.append("note.edit", {"t": "secret words"}, scope=group.scope)
    b.groups.join(code, b.learners.add("Kofi"))
    stranger.learners.add("Eve")
    stranger.log.append("note.edit", {"t": "let me in"}, scope=group.scope)  # knows the id, not the code
    with running_hub(hub) as (url, _):
        for inst in (a, b, stranger):
            enrol(inst, hub, url)
        sync_now(a, packs=False)
        with pytest.raises(AuthError, match="may not send"):
            sync_now(stranger, packs=False)
        client = HubClient.for_hub(stranger, url)
        try:  # asking for everything without pushing: still nothing of the group
            p.exchange(stranger.log, client.call, centre_policy(stranger.device_id), push=False)
        finally:
            client.close()
        sync_now(b, packs=False)
        sync_now(b, packs=False)
    assert _group_texts(b, group.scope) == {"secret words"}  # a genuine member still gets the notes
    assert not [ev for ev in stranger.log.events() if ev.device_id != stranger.device_id]
    assert not [ev for ev in hub.log.events() if ev.device_id == stranger.device_id and ev.scope == group.scope]
    assert group.scope not in groups_of(hub.log, stranger.device_id)


def test_a_stranger_gets_nothing_by_usb_bundle(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub, a, b, stranger = make_inst("hub"), make_inst("a"), make_inst("b"), make_inst("stranger")
    for inst in (a, b, stranger):
        start_offline(SyncState(inst.store), issue_code(SyncState(hub.store), hub.identity))
    group, code = a.groups.create("Shell club", a.learners.add("Amina"))
    a.log.append("note.edit", {"t": "secret words"}, scope=group.scope)
    b.groups.join(code, b.learners.add("Kofi"))
    stranger.learners.add("Eve")
    import_bundle(hub, write_bundle(stranger, tmp_path / "s0"))  # type: ignore[arg-type]  # enrols it
    stranger.log.append("note.edit", {"t": "let me in"}, scope=group.scope)
    import_bundle(hub, write_bundle(a, tmp_path / "a"))  # type: ignore[arg-type]
    import_bundle(hub, write_bundle(b, tmp_path / "b"))  # type: ignore[arg-type]
    with pytest.raises(BundleError, match="refused"):
        import_bundle(hub, write_bundle(stranger, tmp_path / "s"))  # type: ignore[arg-type]
    for inst in (b, stranger):
        for path in export_all(hub, tmp_path / f"back-{inst.device_id}", dest=inst.device_id):
            import_bundle(inst, path)
    assert _group_texts(b, group.scope) == {"secret words"}
    assert not [ev for ev in stranger.log.events() if ev.scope == group.scope and ev.device_id != stranger.device_id]


def test_the_hub_only_accepts_a_non_members_own_join(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, a, b = make_inst("hub"), make_inst("a"), make_inst("b")
    group, code = a.groups.create("Readers", a.learners.add("Amina"))
    _sync(a, hub)
    # a's events relayed by a PC that never joined: refused whole
    policy = hub_policy(hub.log, b.device_id)
    with pytest.raises(p.NotEntitled):
        p.answer(hub.log, "push", p.make_push([ev for ev in a.log.events() if ev.scope != SITE]), policy)
    # b's own join (with the notes written after it, in the same message) opens the group for b
    b.groups.join(code, b.learners.add("Kofi"))
    b.log.append("note.edit", {"t": "hello"}, scope=group.scope)
    p.answer(hub.log, "push", p.make_push([ev for ev in b.log.events() if ev.scope != SITE]), policy)
    assert group.scope in groups_of(hub.log, b.device_id)
    # a join naming another PC's device does not open the group for the PC that pushes it
    stranger = make_inst("stranger")
    stranger.log.append(
        "group.member_joined",
        {"group": group.id, "learner": "l-x", "name": "X", "device": a.device_id},
        scope=group.scope,
    )
    with pytest.raises(p.NotEntitled):
        p.answer(hub.log, "push", p.make_push(stranger.log.events()), hub_policy(hub.log, stranger.device_id))
    assert group.scope not in groups_of(hub.log, stranger.device_id)


def test_members_who_leave_or_are_removed_stop_receiving(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, a, b, c = make_inst("hub"), make_inst("a"), make_inst("b"), make_inst("c")
    amina, kofi, esi = a.learners.add("Amina"), b.learners.add("Kofi"), c.learners.add("Esi")
    group, code = a.groups.create("Maths", amina)
    b.groups.join(code, kofi)
    c.groups.join(code, esi)
    for inst in (a, b, c, a, b, c):
        _sync(inst, hub)
    assert all(group.scope in groups_of(hub.log, i.device_id) for i in (a, b, c))
    b.groups.leave(group.id, kofi.id)
    _sync(b, hub)
    assert group.scope not in groups_of(hub.log, b.device_id)
    a.groups.remove(group.id, esi.id, by=amina.id)
    a.log.append("note.edit", {"t": "after"}, scope=group.scope)
    for inst in (a, b, c):
        _sync(inst, hub)
    assert group.scope not in groups_of(hub.log, c.device_id)
    assert "after" not in _group_texts(b, group.scope) | _group_texts(c, group.scope)
    # a former member may still push (it cannot know it was removed); nothing comes back to it
    c.log.append("note.edit", {"t": "still here"}, scope=group.scope)
    _sync(c, hub)
    assert "after" not in _group_texts(c, group.scope)
    assert group.scope in groups_of(hub.log, a.device_id)


def test_a_join_without_the_code_opens_nothing(make_inst) -> None:  # type: ignore[no-untyped-def]
    """Knowing the group id is not enough: a join must carry a proof made with the join code."""
    hub, a, early, late = make_inst("hub"), make_inst("a"), make_inst("early"), make_inst("late")
    group, _code = a.groups.create("Readers", amina := a.learners.add("Amina"))
    a.group_notes.append(group.id, amina.id, "secret words")
    for stranger in (early, late):
        stranger.log.append(
            "group.member_joined",
            {"group": group.id, "learner": "l-eve", "name": "Eve", "device": stranger.device_id, "proof": "AAAA"},
            scope=group.scope,
        )
    # before the hub knows the group it cannot check, and keeps the join (it is only a claim) ...
    _sync(early, hub)
    _sync(a, hub)
    # ... but once it knows the group, a join without a valid proof is refused, and neither gets anything
    for stranger in (late, early):
        with pytest.raises(p.NotEntitled):
            _sync(stranger, hub)
        p.exchange(stranger.log, _call(stranger, hub), centre_policy(stranger.device_id), push=False)
    for stranger in (early, late):
        assert group.scope not in groups_of(hub.log, stranger.device_id)
        assert not [ev for ev in stranger.log.events() if ev.device_id == a.device_id]


def test_a_removed_member_cannot_rejoin_with_the_old_code(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, a, c = make_inst("hub"), make_inst("a"), make_inst("c")
    amina, esi = a.learners.add("Amina"), c.learners.add("Esi")
    group, code = a.groups.create("Maths", amina)
    c.groups.join(code, esi)
    for inst in (a, c, a):
        _sync(inst, hub)
    new_code = a.groups.remove(group.id, esi.id, by=amina.id)
    a.log.append("note.edit", {"t": "after"}, scope=group.scope)
    _sync(a, hub)
    c.groups.join(code, c.learners.add("Esi's cousin"))  # the old code, after the re-key
    _sync(c, hub)
    _sync(c, hub)
    assert group.scope not in groups_of(hub.log, c.device_id)
    assert "after" not in _group_texts(c, group.scope)
    # the new code, handed over in person, does let that PC back in
    c.groups.join(new_code, c.learners.add("Esi again"), group_id=group.id, epoch=1)
    _sync(c, hub)
    _sync(c, hub)
    assert group.scope in groups_of(hub.log, c.device_id)
    assert "after" in _group_texts(c, group.scope)
