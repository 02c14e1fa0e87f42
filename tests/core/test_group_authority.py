"""Authority over a group: its first creation names the creator's centre key; only that key re-keys
or removes, from any PC of that centre, and a creation that does not match the id counts for nothing."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hubdesk.core.events import CENTRE, SITE
from hubdesk.core.groups import Authority, GroupError, Groups, derive, join_verifier, new_code
from hubdesk.core.groups._authority import seal_creation
from hubdesk.core.identity import public_key_b64
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError


def _centre_key() -> Authority:
    key = Ed25519PrivateKey.generate()
    return Authority(public_key_b64(key.public_key()), key.sign)


def _between_centres(inst: Installation) -> list:  # type: ignore[type-arg]
    return [ev for ev in inst.log.events() if ev.scope != SITE]


def test_the_creator_removes_from_another_pc_of_her_centre_and_no_one_else_can(make_inst) -> None:  # type: ignore[no-untyped-def]
    pc1, pc2, home = make_inst("pc1"), make_inst("pc2"), make_inst("home")
    centre = _centre_key()
    g1, g2 = Groups(pc1.log, lambda: [centre]), Groups(pc2.log, lambda: [centre])
    amina, kofi = pc1.learners.add("Amina"), home.learners.add("Kofi")
    group, code = g1.create("Circle", amina)
    home.groups.join(code, kofi)
    pc2.log.apply([ev for ev in pc1.log.events() if ev.scope in (CENTRE, SITE)])  # the centre's own link
    for inst in (pc1, pc2, home):
        inst.log.apply(_between_centres(pc1) + _between_centres(home))
    assert [g.name for g in g2.of_learner(amina.id)] == ["Circle"]
    with pytest.raises(AuthError):  # Kofi's PC is not the creator's centre
        home.groups.remove(group.id, amina.id, by=kofi.id)
    with pytest.raises(AuthError):  # nor is Amina on a PC that lacks the centre's key
        pc2.groups.remove(group.id, kofi.id, by=amina.id)
    new = g2.remove(group.id, kofi.id, by=amina.id)  # Amina, at the other PC of her centre
    for inst in (pc1, home):
        inst.log.apply(_between_centres(pc2))
    assert [m.name for m in pc1.groups.members(group.id)] == ["Amina"]
    assert [m.name for m in home.groups.members(group.id)] == ["Amina"]
    assert pc1.groups.epochs.current(group.id) == 0  # the wrap for PC 1 waits for its node to adopt it ...
    assert pc1.groups.adopt_epochs(group.id) and pc1.groups.code(group.id) == new  # ... and opens
    assert not home.groups.adopt_epochs(group.id)


def test_a_creation_that_does_not_match_the_id_or_its_seal_is_ignored(make_inst) -> None:  # type: ignore[no-untyped-def]
    a, relay = make_inst("a"), make_inst("relay")
    amina = a.learners.add("Amina")
    group, _ = a.groups.create("Circle", amina)
    [real] = [ev for ev in a.log.events() if ev.kind == "group.created"]
    mallory = _centre_key()
    other = derive(new_code())
    forged = [
        # the real verifier, another authority: the seal (made with the code's key) no longer holds
        {**real.payload, "authority": mallory.public_b64},
        # a verifier and seal of its own: the id is not the hash of that verifier
        {
            **real.payload,
            "verifier": join_verifier(other.key),
            "authority": mallory.public_b64,
            "seal": seal_creation(other.key, group.id, mallory.public_b64, "l-m", a.device_id, real.payload["xkey"]),
        },
        {k: v for k, v in real.payload.items() if k not in ("authority", "seal")},  # the form of old groups
    ]
    for i, payload in enumerate(forged):
        relay.log.append("group.created", payload, scope=group.scope, learner_id="l-m")
        assert not relay.store.query("SELECT 1 FROM groups WHERE id = ?", (group.id,)), i
    relay.log.apply([real])
    row = relay.store.query("SELECT creator, authority FROM groups WHERE id = ?", (group.id,))
    assert tuple(row[0]) == (amina.id, a.identity.public_key_b64)


def test_a_group_made_before_groups_belonged_to_learners_stays_its_members(make_inst) -> None:  # type: ignore[no-untyped-def]
    """An upgraded PC: a 24-hex group whose key sits in group_keys with no site event behind it."""
    inst = make_inst("old")
    amina, kofi = inst.learners.add("Amina"), inst.learners.add("Kofi")
    secret = derive(new_code())
    gid, scope = secret.legacy_id, f"group:{secret.legacy_id}"
    inst.log.append(
        "group.created",
        {"id": gid, "name": "Old circle", "creator": amina.id, "xkey": "", "verifier": join_verifier(secret.key, gid)},
        scope=scope,
        learner_id=amina.id,
    )
    inst.log.append(
        "group.member_joined",
        {"group": gid, "learner": amina.id, "name": "Amina", "device": inst.device_id, "xkey": ""},
        scope=scope,
        learner_id=amina.id,
    )
    with inst.store.transaction() as conn:  # what the old version kept, as a fact about the PC
        conn.execute(
            "INSERT INTO group_keys (group_id, key, code, added_at) VALUES (?, ?, ?, 0)", (gid, secret.key, secret.code)
        )
    assert [g.name for g in inst.groups.of_learner(amina.id)] == ["Old circle"]
    assert inst.groups.of_learner(kofi.id) == []
    inst.group_notes.append(gid, amina.id, "still mine")
    with pytest.raises(GroupError):
        inst.group_notes.append(gid, kofi.id, "not his")
    inst.groups.leave(gid, amina.id)
    assert inst.groups.of_learner(amina.id) == []


def test_groups_started_at_a_centre_name_its_key_and_any_of_its_pcs_speaks_for_them(make_inst) -> None:  # type: ignore[no-untyped-def]
    pc1, pc2, home = make_inst("pc1"), make_inst("pc2"), make_inst("home")
    pc1.centre.create("Kibera Youth Centre")
    material = pc1.centre.secret_material()
    pc2.centre.adopt(material["centre"], material["key"])  # what joining the centre's PCs hands over
    amina, kofi = pc1.learners.add("Amina"), home.learners.add("Kofi")
    group, code = pc1.groups.create("Circle", amina)
    home.groups.join(code, kofi)
    pc2.log.apply([ev for ev in pc1.log.events() if ev.scope in (CENTRE, SITE)])
    for inst in (pc1, pc2, home):
        inst.log.apply(_between_centres(pc1) + _between_centres(home))
    row = pc2.store.query("SELECT authority FROM groups WHERE id = ?", (group.id,))
    assert row[0][0] == pc1.centre.public_key_b64 != pc1.identity.public_key_b64
    pc2.groups.remove(group.id, kofi.id, by=amina.id)
    home.log.apply(_between_centres(pc2))
    assert [m.name for m in home.groups.members(group.id)] == ["Amina"]
