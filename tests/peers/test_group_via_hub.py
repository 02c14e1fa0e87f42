"""A member at home, days later, gets the group's notes through the hub (same events, same protocol)."""

from __future__ import annotations

from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.sync.entitlement import centre_policy, hub_policy
from hubdesk.sync.protocol import answer, exchange


def _sync_with_hub(centre: Installation, hub: Installation) -> None:
    def call(kind: str, message: dict[str, Any]) -> dict[str, Any]:
        return answer(hub.log, kind, message, hub_policy(hub.log, centre.device_id))

    exchange(centre.log, call, centre_policy(centre.device_id))


def test_absent_member_catches_up_through_the_hub_and_strangers_get_nothing(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, a, home, other = make_inst("hub"), make_inst("centre"), make_inst("home"), make_inst("other")
    amina = a.learners.add("Amina")
    group, code = a.groups.create("Fractions circle", amina)
    a.group_notes.append(group.id, amina.id, "Half of 8 is 4.")
    a.notes.save(amina.id, "pack", "lesson", "my private thought")
    esi = home.learners.add("Esi")
    home.groups.join(code, esi)  # joined by code at the centre's door, then went home: never met a peer
    other.learners.add("Stranger")

    _sync_with_hub(a, hub)
    for _ in range(2):  # the first exchange tells the hub Esi's PC is in the group; the next one delivers
        _sync_with_hub(home, hub)
        _sync_with_hub(other, hub)
    assert home.group_notes.text(group.id) == "Half of 8 is 4."
    assert home.groups.get(group.id).name == "Fractions circle"
    assert not [ev for ev in other.log.events() if ev.scope.startswith("group:")]
    assert [ev for ev in a.log.events() if ev.scope == "site"]  # the private note exists ...
    assert not [ev for ev in hub.log.events() if ev.scope in ("site", "private")]  # ... and never left its centre
    # and Esi's words go back the same way
    home.group_notes.append(group.id, esi.id, "A quarter of 8 is 2.")
    _sync_with_hub(home, hub)
    _sync_with_hub(a, hub)
    assert a.group_notes.text(group.id) == home.group_notes.text(group.id)
    assert "A quarter of 8 is 2." in a.group_notes.text(group.id)


def test_the_hub_stops_carrying_a_group_to_a_removed_members_pc(make_inst) -> None:  # type: ignore[no-untyped-def]
    hub, a, b, c = make_inst("hub"), make_inst("centre"), make_inst("kofi-home"), make_inst("esi-home")
    amina, kofi, esi = a.learners.add("Amina"), b.learners.add("Kofi"), c.learners.add("Esi")
    group, code = a.groups.create("Shell club", amina)
    b.groups.join(code, kofi)
    c.groups.join(code, esi)
    for _ in range(2):
        for inst in (a, b, c):
            _sync_with_hub(inst, hub)
    a.group_notes.append(group.id, amina.id, "before")
    _sync_with_hub(a, hub)
    _sync_with_hub(c, hub)
    assert c.group_notes.text(group.id) == "before"
    a.groups.remove(group.id, esi.id, by=amina.id)
    a.group_notes.append(group.id, amina.id, "after")
    for _ in range(2):
        for inst in (a, b, c):
            _sync_with_hub(inst, hub)
    assert b.groups.adopt_epochs(group.id) and b.groups.key(group.id) == a.groups.key(group.id)
    assert b.group_notes.text(group.id) == "before\nafter"
    assert c.group_notes.text(group.id) == "before"  # Esi's PC got nothing written after her removal
    assert not c.groups.adopt_epochs(group.id)
    # Kofi's words written with the new key still reach Amina through the hub
    b.group_notes.append(group.id, kofi.id, "kofi")
    for inst in (b, a, c):
        _sync_with_hub(inst, hub)
    assert "kofi" in a.group_notes.text(group.id) and "kofi" not in c.group_notes.text(group.id)
