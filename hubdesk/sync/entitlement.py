"""Who may send which events to whom: the scope rules every transport applies.

Kept deliberately simple (see ``docs/sync-protocol.md``):

- ``private`` never leaves the PC it was written on, whatever the transport.
- A centre sends its hub its own events of every other scope (``centre``, ``community``,
  ``group:*``) and relays other devices' ``community`` and ``group:*`` events it holds (a group
  member's notes that reached it over the LAN). It never relays another device's ``centre``
  events: those belong to that device's own link with its hub.
- The hub sends a centre ``community`` events and the events of every group the centre takes part
  in (it has sent at least one event in that group's scope, e.g. a membership). A centre's
  ``centre`` events never go to another centre.
- The receiving side checks the same rule on every incoming event (:class:`Policy.accept`), so a
  centre cannot smuggle another centre's learners into the hub.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from hubdesk.core.events import CENTRE, COMMUNITY, GROUP_PREFIX, PRIVATE, EventLog
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


def groups_of(log: EventLog, device_id: str) -> set[str]:
    """The group scopes ``device_id`` has taken part in, as seen by this replica (the hub)."""
    rows = log.store.query(
        "SELECT DISTINCT scope FROM vector WHERE device_id = ? AND scope LIKE ?", (device_id, GROUP_PREFIX + "%")
    )
    # not a group that re-keyed without this device (its member was removed: hubdesk.core.group_epochs)
    return {r[0] for r in rows if not is_cut_off(log.store, r[0][len(GROUP_PREFIX) :], device_id)}


def centre_policy(centre_id: str) -> Policy:
    """The centre's side of its link with its hub."""
    return Policy(may_send=centre_to_hub(centre_id), accept=from_hub)


def hub_policy(log: EventLog, centre_id: str) -> Policy:
    """The hub's side of its link with the centre ``centre_id``."""
    may_send = hub_to_centre(lambda: groups_of(log, centre_id))
    accept = centre_to_hub(centre_id)

    def show(device_id: str, scope: str) -> bool:
        return may_send(device_id, scope) or (accept(device_id, scope) and device_id == centre_id)

    return Policy(may_send=may_send, accept=accept, show=show)
