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
    assert [ev for ev in a.log.events() if ev.scope == "private"]  # the private note exists ...
    assert not [ev for ev in hub.log.events() if ev.scope == "private"]  # ... and never left its PC
    # and Esi's words go back the same way
    home.group_notes.append(group.id, esi.id, "A quarter of 8 is 2.")
    _sync_with_hub(home, hub)
    _sync_with_hub(a, hub)
    assert a.group_notes.text(group.id) == home.group_notes.text(group.id)
    assert "A quarter of 8 is 2." in a.group_notes.text(group.id)
