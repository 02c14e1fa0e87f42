"""Who may send which events to whom: the scope rules every transport applies.

Kept deliberately simple (see ``docs/sync-protocol.md``):

- ``private`` never leaves the PC it was written on, whatever the transport.
- A centre sends its hub its own events of every other scope (``centre``, ``community``,
  ``group:*``) and relays other devices' ``community`` and ``group:*`` events it holds (a group
  member's notes that reached it over the LAN). It never relays another device's ``centre``
  events: those belong to that device's own link with its hub.
- The hub sends a centre ``community`` events and the events of every group one of whose current
  members is the centre's device: its own latest ``group.member_joined`` carries a proof of the
  join code (:mod:`hubdesk.core.groups`; the hub never holds the code), and it has not left,
  been removed by the creator, or been cut off by the latest re-key. Merely having pushed an event
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

import functools
from collections.abc import Callable, Iterable, Sequence

from hubdesk.core.events import CENTRE, COMMUNITY, GROUP_PREFIX, PRIVATE, SITE, Event, EventLog
from hubdesk.core.groups import check_join_proof, is_cut_off
from hubdesk.sync.protocol import MaySend, Policy


def never_private(_device_id: str, scope: str) -> bool:
    return scope not in (PRIVATE, SITE)


def centre_to_hub(centre_id: str) -> MaySend:
    """What the centre ``centre_id`` may send its hub (and what the hub accepts from it)."""

    def may(device_id: str, scope: str) -> bool:
        if scope in (PRIVATE, SITE):
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


JOINED, CREATED, REKEYED = "group.member_joined", "group.created", "group.rekeyed"
_COLUMNS = "device_id, seq, scope, scope_seq, hlc, kind, learner_id, payload"


def _events(
    log: EventLog, kinds: tuple[str, ...], scope: str | None = None, device_id: str | None = None
) -> list[Event]:
    sql = f"SELECT {_COLUMNS} FROM events WHERE kind IN ({','.join('?' * len(kinds))})"
    params: list[object] = list(kinds)
    if scope is not None:
        sql += " AND scope = ?"
        params.append(scope)
    else:
        sql += " AND scope LIKE ?"
        params.append(GROUP_PREFIX + "%")
    if device_id is not None:
        sql += " AND device_id = ?"
        params.append(device_id)
    return [Event.from_row(r) for r in log.store.query(sql, tuple(params))]


@functools.lru_cache(maxsize=8192)
def _checked(verifier: str, proof: str, group_id: str, device_id: str, learner_id: str) -> bool:
    return check_join_proof(verifier, proof, group_id, device_id, learner_id)


def _names_itself(ev: Event) -> bool:
    gid = ev.scope[len(GROUP_PREFIX) :]
    return ev.kind == JOINED and ev.payload.get("device") == ev.device_id and ev.payload.get("group") == gid


def join_verified(join: Event, keyed: Iterable[Event]) -> bool | None:
    """Whether ``join`` carries a proof of the group's code (:mod:`hubdesk.core.groups`).

    ``keyed`` are the group's ``created`` and ``rekeyed`` events known here. None: the group's
    ``created`` is not known yet, so nothing can be checked. A group made before proofs existed
    (``created`` without a verifier) takes joins at face value. A join stamped after the latest
    re-key must prove the *latest* code, so a removed member cannot come back with the old one.
    """
    gid = join.scope[len(GROUP_PREFIX) :]
    keyed = [ev for ev in keyed if ev.scope == join.scope and ev.payload.get("group", ev.payload.get("id")) == gid]
    created = [ev for ev in keyed if ev.kind == CREATED]
    if not created:
        return None
    if not _names_itself(join):
        return False
    if not any(ev.payload.get("verifier") for ev in created):
        return True
    rekeys = sorted((ev for ev in keyed if ev.kind == REKEYED), key=lambda ev: ev.hlc)
    candidates = keyed if not rekeys or join.hlc <= rekeys[-1].hlc else [rekeys[-1]]
    proof, learner = join.payload.get("proof"), join.payload.get("learner")
    if not isinstance(proof, str) or not isinstance(learner, str):
        return False
    return any(
        isinstance(v := ev.payload.get("verifier"), str) and _checked(v, proof, gid, join.device_id, learner)
        for ev in candidates
    )


def joined_groups(log: EventLog, device_id: str, incoming: Sequence[Event] = ()) -> set[str]:
    """Group scopes ``device_id`` has joined with a proof of the code, in the log or in ``incoming``
    (or at face value while the hub has not seen the group's ``created`` event): what the hub takes
    group events from. A former member stays in: it may not know it was removed."""
    joins = [ev for ev in _events(log, (JOINED,), device_id=device_id)]
    joins += [ev for ev in incoming if ev.kind == JOINED and ev.device_id == device_id]
    out: set[str] = set()
    for scope in {ev.scope for ev in joins if ev.scope.startswith(GROUP_PREFIX)}:
        keyed = _events(log, (CREATED, REKEYED), scope) + [ev for ev in incoming if ev.kind in (CREATED, REKEYED)]
        if any(join_verified(j, keyed) in (True, None) and _names_itself(j) for j in joins if j.scope == scope):
            out.add(scope)
    return out


def groups_of(log: EventLog, device_id: str) -> set[str]:
    """The group scopes in which ``device_id`` is a current member, as seen by this replica (the hub).

    A member row counts only if the device's own latest join in that group (a join's ``device``
    field is only a claim; whoever pushes a join naming another PC gains nothing) proves the
    group's code, the member has not left or been removed by the creator since, and the group's
    latest re-key did not leave the device out.
    """
    rows = log.store.query(
        "SELECT DISTINCT m.group_id FROM group_members m LEFT JOIN groups g ON g.id = m.group_id "
        "WHERE m.device_id = ? AND m.joined_hlc > m.left_hlc "
        "AND NOT EXISTS (SELECT 1 FROM group_removals r WHERE r.group_id = m.group_id "
        "AND r.learner_id = m.learner_id AND r.by_learner = g.creator AND r.hlc > m.joined_hlc)",
        (device_id,),
    )
    current = {GROUP_PREFIX + r[0] for r in rows}
    joins = [ev for ev in _events(log, (JOINED,), device_id=device_id) if ev.scope in current]
    out: set[str] = set()
    for scope in current:
        mine = sorted((ev for ev in joins if ev.scope == scope), key=lambda ev: ev.hlc)
        if mine and join_verified(mine[-1], _events(log, (CREATED, REKEYED), scope)):
            out.add(scope)
    # not a group that re-keyed without this device (its member was removed: hubdesk.core.groups)
    return {s for s in out if not is_cut_off(log.store, s[len(GROUP_PREFIX) :], device_id)}


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
        opened = joined_groups(log, centre_id, events)
        return lambda device_id, scope: (
            base(device_id, scope) and (not scope.startswith(GROUP_PREFIX) or scope in opened)
        )

    def show(device_id: str, scope: str) -> bool:
        return (device_id == centre_id and accept(device_id, scope)) or may_send(device_id, scope)

    return Policy(may_send=may_send, accept=accept, show=show, admit=admit)
