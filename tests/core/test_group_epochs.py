"""Key epochs: a removal re-keys the group for the members who stay, and nobody else can re-key it."""

from __future__ import annotations

from hubdesk.core.groups import derive, device_xkey, new_code, wrap


def shared(inst):  # type: ignore[no-untyped-def]
    """What any transport between two PCs of different centres carries: everything but ``site``."""
    return [ev for ev in inst.log.events() if ev.scope != "site"]


def _three(make_inst):  # type: ignore[no-untyped-def]
    a, b, c = make_inst("a"), make_inst("b"), make_inst("c")
    amina, kofi, esi = a.learners.add("Amina"), b.learners.add("Kofi"), c.learners.add("Esi")
    group, code = a.groups.create("Circle", amina)
    b.groups.join(code, kofi)
    c.groups.join(code, esi)
    for x in (a, b, c):
        for y in (a, b, c):
            x.log.apply(shared(y))
    return a, b, c, amina, esi, group.id, code


def test_removal_rekeys_for_the_members_who_stay(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, b, c, amina, esi, gid, old_code = _three(make_inst)
    old_key = a.groups.key(gid)
    new = a.groups.remove(gid, esi.id, by=amina.id)
    assert derive(new).key == a.groups.key(gid) != old_key
    [rekeyed] = [ev for ev in a.log.events() if ev.kind == "group.rekeyed"]
    assert set(rekeyed.payload["wraps"]) == {b.device_id}  # not the removed device, not the creator's own
    assert new not in repr(rekeyed.to_dict()) and derive(new).key.hex() not in repr(rekeyed.to_dict())
    for x in (b, c):
        x.log.apply(shared(a))
        x.groups.adopt_epochs(gid)
    assert b.groups.key(gid) == a.groups.key(gid) and b.groups.code(gid) == new
    assert c.groups.key(gid) == old_key  # the event reached C, and told it nothing
    # A's endpoint: the current key first; the old one is still known, but not current
    keys = a.groups.epochs.keys_for(gid)
    assert [(k.epoch, k.current) for k in keys] == [(1, True), (0, False)] and keys[1].key == old_key
    [route] = a.groups.epochs.keys_for(derive(new).group_id)
    assert (route.group_id, route.epoch, route.current) == (gid, 1, True)
    assert a.groups.epochs.keys_for(derive(old_code).group_id)[0].key != old_key


def test_a_member_cannot_push_a_key_of_its_choosing(make_inst) -> None:  # type: ignore[no-untyped-def]
    _a, b, c, _amina, _esi, gid, _code = _three(make_inst)
    before = b.groups.key(gid)
    forged = derive(new_code())
    # Esi wraps a code for Kofi's device with her own X25519 key and claims the creator's learner id
    kofi_xkey = next(m.xkey for m in c.groups.members(gid) if m.device_id == b.device_id)
    sealed = wrap(device_xkey(c.store), kofi_xkey, gid, 1, b.device_id, forged.code)
    payload = {"group": gid, "epoch": 1, "route": forged.group_id, "wraps": {b.device_id: sealed}}
    assert b.groups.adopt_epochs(gid, [payload]) is False
    assert b.groups.key(gid) == before
    assert b.groups.adopt_epochs(gid, [{"epoch": "x"}, None, {"epoch": 2, "wraps": {b.device_id: "!!"}}]) is False
