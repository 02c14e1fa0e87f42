"""Who may send which events to whom: the scope rules every transport applies.

Kept deliberately simple (see ``docs/sync-protocol.md``):

- ``private`` never leaves the PC it was written on, whatever the transport.
- ``site`` never leaves the centre's PCs (their own LAN link, :mod:`hubdesk.peers.centre_link`).
- Any PC of a centre sends its hub the centre's ``centre`` events (its own and those of the
  centre's other PCs, which reached it over the LAN) and relays ``community`` and ``group:*``
  events it holds. The hub takes ``centre`` events from a PC only for PCs of the same centre
  (:mod:`hubdesk.sync.centres`), or for a device no centre has claimed yet (a PC that just
  joined, whose admission travels in the same exchange). Secret hashes written before the
  ``site`` scope existed are stripped on the way, both ways (:func:`hubdesk.core.learners.redact`).
- The hub sends a centre the ``community`` events it wrote itself (what it promoted: a centre's
  own ``community`` events stay at the hub) and the events of every group one of whose current
  members is the centre's device: its own latest ``group.member_joined`` carries a proof of the
  join code (:mod:`hubdesk.core.groups`; the hub never holds the code), and it has not left,
  been removed by the group's authority, or been cut off by the latest re-key that authority
  signed. Authority comes from the group's first creation event, whose verifier the group's id
  is a hash of, never from the newest event whoever wrote it. Merely having pushed an event
  into ``group:<id>``, or knowing the group's id, entitles nothing. A centre's ``centre`` events
  never go to another centre.
- The hub accepts events in ``group:<id>`` from a centre only if its device joined that group
  with a proof (in the hub's log or in the same message, which is how membership starts), or at
  face value while the hub has not seen the group's ``created`` event and so cannot check. A
  former member may still push (it may not know it was removed, and refusing would block its
  whole link) but receives nothing. Trade-offs: ``docs/sync-protocol.md``.
- The receiving side checks the same rule on every incoming event (:class:`Policy.accept`), so a
  centre cannot smuggle another centre's learners into the hub.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from hubdesk.core.centre import Centres
from hubdesk.core.events import CENTRE, COMMUNITY, GROUP_PREFIX, PRIVATE, SITE, Event, EventLog
from hubdesk.core.groups import groups_of_device, is_cut_off, join_verified
from hubdesk.core.learners import redact
from hubdesk.sync.protocol import MaySend, Policy


def never_private(_device_id: str, scope: str) -> bool:
    return scope not in (PRIVATE, SITE)


def centre_to_hub(ours: Callable[[str], bool]) -> MaySend:
    """What a centre may send its hub (and what the hub accepts from it): ``centre`` events of the
    devices ``ours`` says are the centre's, ``community`` and ``group:*``; never ``private`` or ``site``."""

    def may(device_id: str, scope: str) -> bool:
        if scope in (PRIVATE, SITE):
            return False
        if scope == CENTRE:
            return ours(device_id)
        return scope == COMMUNITY or scope.startswith(GROUP_PREFIX)

    return may


def hub_to_centre(groups: Callable[[], Iterable[str]] | Iterable[str], hub_device: str | None = None) -> MaySend:
    """What the hub may send a centre taking part in ``groups`` (group scopes, ``group:<id>``).

    ``community`` events only when the hub wrote them (``hub_device``): what the hub promoted
    travels to every centre; what a centre sent in that scope stays at the hub until promoted.
    """
    fixed = None if callable(groups) else set(groups)

    def may(device_id: str, scope: str) -> bool:
        if scope == COMMUNITY:
            return hub_device is None or device_id == hub_device
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


def _own_joins(log: EventLog, device_id: str) -> list[Event]:
    return log.written_by(device_id, JOINED, GROUP_PREFIX)


def _names_itself(ev: Event) -> bool:
    gid = ev.scope[len(GROUP_PREFIX) :]
    return ev.kind == JOINED and ev.payload.get("device") == ev.device_id and ev.payload.get("group") == gid


def joined_groups(log: EventLog, device_id: str, incoming: Sequence[Event] = ()) -> set[str]:
    """Group scopes ``device_id`` has joined with a proof of the code, in the log or in ``incoming``
    (or at face value while the hub has not seen the group's ``created`` event): what the hub takes
    group events from. A former member stays in: it may not know it was removed."""
    joins = _own_joins(log, device_id) + [ev for ev in incoming if ev.kind == JOINED and ev.device_id == device_id]
    out: set[str] = set()
    for scope in {ev.scope for ev in joins if ev.scope.startswith(GROUP_PREFIX)}:
        if any(
            _names_itself(j) and join_verified(log.store, j, incoming) in (True, None)
            for j in joins
            if j.scope == scope
        ):
            out.add(scope)
    return out


def groups_of(log: EventLog, device_id: str) -> set[str]:
    """The group scopes in which ``device_id`` is a current member, as seen by this replica (the hub).

    A member counts only if the device's own latest join in that group (a join's ``device``
    field is only a claim; whoever pushes a join naming another PC gains nothing) proves the
    group's code, the member has not left or been removed by the group's authority since, and
    the group's latest valid re-key did not leave the device out (the rules of
    :mod:`hubdesk.core.groups`, the same on every PC and peer).
    """
    current = {GROUP_PREFIX + gid for gid in groups_of_device(log.store, device_id)}
    joins = [ev for ev in _own_joins(log, device_id) if ev.scope in current]
    out: set[str] = set()
    for scope in current:
        mine = sorted((ev for ev in joins if ev.scope == scope), key=lambda ev: ev.hlc)
        if mine and join_verified(log.store, mine[-1]):
            out.add(scope)
    return {s for s in out if not is_cut_off(log.store, s[len(GROUP_PREFIX) :], device_id)}


def _all_ours(_device_id: str) -> bool:
    return True  # at a PC, every ``centre`` event it holds is its centre's (the hub never sends any)


def centre_policy(_device_id: str = "") -> Policy:
    """A centre PC's side of its link with its hub."""
    return Policy(may_send=centre_to_hub(_all_ours), accept=from_hub, redact=redact)


def hub_policy(log: EventLog, device_id: str) -> Policy:
    """The hub's side of its link with the PC ``device_id`` (which speaks for its whole centre).

    The centre's PCs are looked up once per policy and again for each incoming message (a message
    may admit a new PC), not once per event or vector entry.
    """
    from hubdesk.sync.centres import centre_of, centre_pcs
    from hubdesk.sync.state import SyncState

    state = SyncState(log.store)
    known: dict[str, set[str]] = {}

    def refresh(incoming: Sequence[Event] = ()) -> None:
        centre = centre_of(log, device_id)
        known["ever"] = centre_pcs(log, centre, retired_too=True) | {device_id}
        known["now"] = centre_pcs(log, centre) | {device_id}
        # a PC the centre admitted whose own consent comes in this very message
        consenting = {
            ev.device_id
            for ev in incoming
            if ev.kind == "centre.joined" and ev.scope == CENTRE and ev.payload.get("centre") == centre
        }
        if consenting:
            admitted = {d for d in consenting if Centres(log).of_device(d) == centre}
            known["ever"] |= admitted
            known["now"] |= admitted

    refresh()

    def group_scopes() -> set[str]:
        return set().union(*(groups_of(log, pc) for pc in known["now"]))

    def joined(incoming: Sequence[Event] = ()) -> set[str]:
        return set().union(*(joined_groups(log, pc, incoming) for pc in known["now"]))

    def unclaimed(d: str, scope: str) -> bool:
        # a device no centre has claimed (with its consent) at this hub: perhaps a PC whose admission
        # or consent is on its way
        return scope == CENTRE and state.device(d) is None and centre_of(log, d) == d

    may_send = hub_to_centre(group_scopes, hub_device=log.device_id)
    base = centre_to_hub(lambda d: d in known["ever"])

    def accept(d: str, scope: str) -> bool:
        if not base(d, scope):
            return False
        return not scope.startswith(GROUP_PREFIX) or scope in joined()

    def admit(events: Sequence[Event]) -> MaySend:
        # asked once per message (and again for what was held back); a join in the message opens
        # its group for the rest of it
        refresh(events)
        opened = joined(events) if any(ev.scope.startswith(GROUP_PREFIX) for ev in events) else set()
        return lambda d, scope: base(d, scope) and (not scope.startswith(GROUP_PREFIX) or scope in opened)

    def show(d: str, scope: str) -> bool:
        return (d in known["ever"] and accept(d, scope)) or may_send(d, scope)

    return Policy(may_send=may_send, accept=accept, show=show, admit=admit, pending=unclaimed, redact=redact)
