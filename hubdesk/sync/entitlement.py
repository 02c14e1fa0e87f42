"""Who may send which events to whom: the scope rules every transport applies.

Kept deliberately simple (see ``docs/sync-protocol.md``):

- ``private`` never leaves the PC it was written on, whatever the transport.
- A centre sends its hub its own events of every other scope (``centre``, ``community``,
  ``group:*``) and relays other devices' ``community`` and ``group:*`` events it holds (a group
  member's notes that reached it over the LAN). It never relays another device's ``centre``
  events: those belong to that device's own link with its hub.
- The hub sends a centre ``community`` events and the events of every group one of whose current
  members is the centre's device: a ``group.member_joined`` written by that device (the creator
  writes one too), not left, not removed by the creator, not cut off by the latest re-key. Merely
  having pushed an event into ``group:<id>`` entitles nothing. A centre's ``centre`` events never
  go to another centre.
- The hub accepts events in ``group:<id>`` from a centre only if its device has joined that group
  (its own join is in the hub's log, or in the same message, which is how membership starts). The
  hub cannot check the join code (see ``docs/sync-protocol.md`` for that trade-off); a former
  member may still push (its events are harmless to the group once re-keyed, and refusing would
  block its whole link), but receives nothing.
- The receiving side checks the same rule on every incoming event (:class:`Policy.accept`), so a
  centre cannot smuggle another centre's learners into the hub.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from hubdesk.core.events import CENTRE, COMMUNITY, GROUP_PREFIX, PRIVATE, Event, EventLog
from hubdesk.core.group_epochs import is_cut_off
from hubdesk.sync.protocol import MaySend, Policy


def never_private(_device_id: str, scope: str) -> bool:
    return scope != PRIVATE


def centre_to_hub(centre_id: str) -> MaySend:
    """What the centre ``centre_id`` may send its hub (and what the hub accepts from it)."""

    def may(device_id: str, scope: str) -> bool:
        if scope == PRIVATE:
            return False
        if scope == CENTRE:
            return device_id == centre_id
        return scope == COMMUNITY or scope.startswith(GROUP_PREFIX)

    return may


def hub_to_centre(groups: Callable[[], Iterable[str]] | Iterable[str]) -> MaySend:
    """What the hub may send a centre taking part in ``groups`` (group scopes, ``group:<id>``)."""
    fixed = None if callable(groups) else set(groups)

    def may(_device_id: str, scope: str) -> bool:
        if scope == COMMUNITY:
            return True
        if not scope.startswith(GROUP_PREFIX):
            return False
        # asked afresh each time: a group the centre joins during this exchange counts at once
        return scope in (fixed if fixed is not None else set(groups()))  # type: ignore[operator]

    return may


def from_hub(_device_id: str, scope: str) -> bool:
    """What a centre accepts from its hub: it cannot check group membership, but never takes
    ``centre`` or ``private`` events from the hub."""
    return scope == COMMUNITY or scope.startswith(GROUP_PREFIX)


JOINED = "group.member_joined"


def joined_groups(log: EventLog, device_id: str) -> set[str]:
    """Group scopes in which ``device_id`` itself wrote a join (now or in the past)."""
    rows = log.store.query(
        "SELECT DISTINCT scope FROM events WHERE device_id = ? AND kind = ? AND scope LIKE ?",
        (device_id, JOINED, GROUP_PREFIX + "%"),
    )
    return {r[0] for r in rows}


def groups_of(log: EventLog, device_id: str) -> set[str]:
    """The group scopes in which ``device_id`` is a current member, as seen by this replica (the hub).

    A member row counts only if the device wrote a join event in that group itself (a join's
    ``device`` field is only a claim; whoever pushes a join naming another PC gains nothing), the
    member has not left or been removed by the creator since, and the group's latest re-key did not
    leave the device out.
    """
    rows = log.store.query(
        "SELECT DISTINCT m.group_id FROM group_members m LEFT JOIN groups g ON g.id = m.group_id "
        "WHERE m.device_id = ? AND m.joined_hlc > m.left_hlc "
        "AND NOT EXISTS (SELECT 1 FROM group_removals r WHERE r.group_id = m.group_id "
        "AND r.learner_id = m.learner_id AND r.by_learner = g.creator AND r.hlc > m.joined_hlc)",
        (device_id,),
    )
    joined = joined_groups(log, device_id)
    current = {GROUP_PREFIX + r[0] for r in rows} & joined
    # not a group that re-keyed without this device (its member was removed: hubdesk.core.group_epochs)
    return {s for s in current if not is_cut_off(log.store, s[len(GROUP_PREFIX) :], device_id)}


def own_joins(events: Iterable[Event], device_id: str) -> set[str]:
    """Group scopes ``device_id`` joins in ``events``: its own join event, naming itself."""
    return {
        ev.scope
        for ev in events
        if ev.kind == JOINED
        and ev.device_id == device_id
        and ev.scope.startswith(GROUP_PREFIX)
        and ev.payload.get("device") == device_id
        and ev.payload.get("group") == ev.scope[len(GROUP_PREFIX) :]
    }


def centre_policy(centre_id: str) -> Policy:
    """The centre's side of its link with its hub."""
    return Policy(may_send=centre_to_hub(centre_id), accept=from_hub)


def hub_policy(log: EventLog, centre_id: str) -> Policy:
    """The hub's side of its link with the centre ``centre_id``."""
    may_send = hub_to_centre(lambda: groups_of(log, centre_id))
    base = centre_to_hub(centre_id)

    def accept(device_id: str, scope: str) -> bool:
        if not base(device_id, scope):
            return False
        return not scope.startswith(GROUP_PREFIX) or scope in joined_groups(log, centre_id)

    def admit(events: Sequence[Event]) -> MaySend:
        # asked once per message; a join in the message opens its group for the rest of it
        opened = own_joins(events, centre_id) | joined_groups(log, centre_id)
        return lambda device_id, scope: (
            base(device_id, scope) and (not scope.startswith(GROUP_PREFIX) or scope in opened)
        )

    def show(device_id: str, scope: str) -> bool:
        return (device_id == centre_id and accept(device_id, scope)) or may_send(device_id, scope)

    return Policy(may_send=may_send, accept=accept, show=show, admit=admit)
