"""The one event exchange that every transport speaks: HTTP hub, LAN peers, USB and Syncthing bundles.

Two sides compare version vectors (``(device, scope) -> highest contiguous scope_seq``) and send what
the other lacks, in bounded chunks. Nothing here knows about sockets or files: a transport hands
:func:`exchange` a ``call(kind, message) -> reply`` function and the other side answers with
:func:`answer`. Because every step restarts from the vectors, an interrupted exchange resumes where
it stopped, and an event delivered twice is applied once (the log ignores a known ``(device, seq)``).

Every incoming message is checked before it touches the database: protocol version, types, sizes,
and *entitlement*: a sender may only send events of the ``(device, scope)`` pairs it is entitled
to, and a message holding even one other event is refused whole (:class:`NotEntitled`). The scope
rules themselves are in :mod:`hubdesk.sync.entitlement`; see ``docs/sync-protocol.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hubdesk.core.event_chain import ForgedEvents, with_proofs
from hubdesk.core.events import Event, EventError, EventLog
from hubdesk.errors import SyncError

PROTOCOL_VERSION = 1
MAX_CHUNK = 5000  # events in one message
DEFAULT_CHUNK = 2000
MAX_VECTOR = 100_000  # (device, scope) entries in one vector
MAX_ROUNDS = 100_000

Vector = dict[tuple[str, str], int]
MaySend = Callable[[str, str], bool]
"""``may_send(device_id, scope)``: whether events of that pair may cross from sender to receiver."""
Call = Callable[[str, dict[str, Any]], dict[str, Any]]


class ProtocolError(SyncError):
    """A message that is malformed, too large, or of another protocol version."""


class NotEntitled(SyncError):
    """A message carrying events the sender may not send (or the receiver may not get)."""

    exit_code = 4


# -- vectors on the wire ------------------------------------------------------------------------
def vector_to_wire(vector: Mapping[tuple[str, str], int]) -> list[list[Any]]:
    return [[d, s, u] for (d, s), u in sorted(vector.items())]


def vector_from_wire(obj: object) -> Vector:
    """Parse ``[[device, scope, upto], ...]``, refusing anything odd."""
    if not isinstance(obj, list) or len(obj) > MAX_VECTOR:
        raise ProtocolError("A version vector is not a list of bounded length.")
    out: Vector = {}
    for item in obj:
        if not (isinstance(item, list) and len(item) == 3):
            raise ProtocolError("A version vector entry is not [device, scope, upto].")
        d, s, u = item
        if not (
            isinstance(d, str)
            and 0 < len(d) <= 64
            and isinstance(s, str)
            and 0 < len(s) <= 80
            and isinstance(u, int)
            and not isinstance(u, bool)
            and 0 <= u < 2**62
        ):
            raise ProtocolError("A version vector entry has a field of the wrong type or size.")
        out[(d, s)] = u
    return out


def merge_vectors(*vectors: Mapping[tuple[str, str], int]) -> Vector:
    out: Vector = {}
    for v in vectors:
        for k, u in v.items():
            if u > out.get(k, 0):
                out[k] = u
    return out


def filter_vector(vector: Mapping[tuple[str, str], int], visible: MaySend) -> Vector:
    return {k: u for k, u in vector.items() if visible(*k)}


def advance_by(vector: Mapping[tuple[str, str], int], events: Iterable[Event]) -> Vector:
    """The vector bumped past events already sent, so the next chunk never repeats them."""
    out = dict(vector)
    for ev in events:
        k = (ev.device_id, ev.scope)
        if ev.scope_seq > out.get(k, 0):
            out[k] = ev.scope_seq
    return out


# -- what the other side lacks ------------------------------------------------------------------
def missing(log: EventLog, their_vector: Mapping[tuple[str, str], int], may_send: MaySend, limit: int) -> list[Event]:
    """Events we hold beyond ``their_vector`` for the pairs ``may_send`` allows, at most ``limit``."""
    # ``missing_for`` filters by scope only; pairs the other side may not get are hidden by
    # pretending it already holds all of them.
    blocked = {k: 2**62 for k in log.vector() if not may_send(*k)}
    return log.missing_for({**their_vector, **blocked}, lambda _scope: True, limit)


# -- message checks -----------------------------------------------------------------------------
def _check(message: object, kind: str) -> Mapping[str, Any]:
    if not isinstance(message, Mapping):
        raise ProtocolError("A sync message is not a JSON object.")
    v = message.get("v")
    if v != PROTOCOL_VERSION:
        raise ProtocolError(
            f"The other side speaks sync protocol version {v!r}; this HubDesk speaks {PROTOCOL_VERSION}. "
            "Update the older of the two."
        )
    if message.get("type") != kind:
        raise ProtocolError(f"Expected a {kind!r} message, got {message.get('type')!r}.")
    return message


def _events_from(message: Mapping[str, Any]) -> list[Event]:
    raw = message.get("events")
    if not isinstance(raw, list) or len(raw) > MAX_CHUNK:
        raise ProtocolError(f"A sync message carries no event list, or more than {MAX_CHUNK} events.")
    try:
        return [Event.from_dict(d) if isinstance(d, Mapping) else _not_event() for d in raw]
    except EventError as exc:
        raise ProtocolError(f"A sync message carries a malformed event: {exc}") from exc


def _not_event() -> Event:
    raise EventError("An event is not a JSON object.")


def check_entitled(events: Iterable[Event], may_send: MaySend, pending: MaySend | None = None) -> list[Event]:
    """The events to apply now; raise :class:`NotEntitled` (nothing applied) for one the sender may
    never send. Events ``pending`` says may become sendable (a new PC of the sender's centre, whose
    admission is on its way) are held back, neither applied nor refused: they come again."""
    out: list[Event] = []
    for ev in events:
        if may_send(ev.device_id, ev.scope):
            out.append(ev)
        elif pending is None or not pending(ev.device_id, ev.scope):
            raise NotEntitled(
                f"The other side sent an event it may not send (device {ev.device_id}, scope {ev.scope}); "
                "nothing from that message was applied."
            )
    return out


def apply_entitled(
    log: EventLog, events: list[Event], policy: Policy, sender: str | None = None
) -> tuple[list[Event], int]:
    """Apply what ``policy`` admits of an incoming message; return the new events and how many were held back.

    Held-back events get a second look after the rest is applied: the rest may have admitted
    their device (a centre's new PC, admitted in the same message)."""
    ok = check_entitled(events, policy.accept_for(events), policy.pending)
    new = _apply(log, ok, sender)
    taken = {ev.key for ev in ok}
    held = [ev for ev in events if ev.key not in taken] if len(ok) != len(events) else []
    if held:
        later = check_entitled(held, policy.accept_for(events), policy.pending)
        new += _apply(log, later, sender)
        return new, len(held) - len(later)
    return new, 0


# -- messages -----------------------------------------------------------------------------------
def make_vector_request() -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "type": "vector"}


def make_pull_request(vector: Mapping[tuple[str, str], int], limit: int = DEFAULT_CHUNK) -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "type": "pull", "vector": vector_to_wire(vector), "limit": limit}


def make_push(events: Sequence[Event]) -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "type": "push", "events": with_proofs(events)}


def _apply(log: EventLog, events: list[Event], sender: str | None) -> list[Event]:
    """Apply what the other side sent, each (device, scope) run checked against its origin's signature."""
    try:
        return log.apply(events, validated=True, verify=True, sender=sender)
    except ForgedEvents as exc:
        raise NotEntitled(str(exc)) from exc


@dataclass(frozen=True)
class Policy:
    """What one side lets cross: ``may_send`` to the other side, ``accept`` from it.

    ``show`` (default: either of the two) says which entries of our vector the other side may
    learn of, so a vector does not leak, say, other centres' group ids.
    """

    may_send: MaySend
    accept: MaySend
    show: MaySend | None = None
    admit: Callable[[Sequence[Event]], MaySend] | None = None
    """What to accept given the whole incoming message (default: ``accept``): the hub lets a centre
    open a group scope with its own join event in the same message (``hubdesk.sync.entitlement``)."""

    pending: MaySend | None = None
    """Incoming events to hold back rather than refuse (see :func:`check_entitled`)."""
    redact: Callable[[Event], Event] | None = None
    """The copy of an event that may cross this link (both ways): a link with a hub drops secret
    hashes written before the ``site`` scope existed (:func:`hubdesk.core.learners.redact`)."""

    def crossing(self, events: list[Event]) -> list[Event]:
        return events if self.redact is None else [self.redact(ev) for ev in events]

    def accept_for(self, events: Sequence[Event]) -> MaySend:
        return self.admit(events) if self.admit is not None else self.accept

    def visible(self, device_id: str, scope: str) -> bool:
        if self.show is not None:
            return self.show(device_id, scope)
        return self.may_send(device_id, scope) or self.accept(device_id, scope)


def answer(
    log: EventLog,
    kind: str,
    message: object,
    policy: Policy,
    max_chunk: int = MAX_CHUNK,
    *,
    sender: str | None = None,
) -> dict[str, Any]:
    """Answer one request from the other side (the server half of :func:`exchange`).

    ``sender``: the device the transport authenticated at the other end, if any; only its own
    unsigned events (an older HubDesk) are taken."""
    if kind == "vector":
        _check(message, "vector")
        return {"v": PROTOCOL_VERSION, "type": "vector", "vector": vector_to_wire(_visible_vector(log, policy))}
    if kind == "pull":
        return answer_pull(log, message, policy, max_chunk)
    if kind == "push":
        return answer_push(log, message, policy, sender=sender)
    raise ProtocolError(f"There is no sync request called {kind!r}.")


def _visible_vector(log: EventLog, policy: Policy) -> Vector:
    return filter_vector(log.vector(), policy.visible)


def answer_pull(log: EventLog, message: object, policy: Policy, max_chunk: int = MAX_CHUNK) -> dict[str, Any]:
    msg = _check(message, "pull")
    theirs = vector_from_wire(msg.get("vector"))
    limit = msg.get("limit", DEFAULT_CHUNK)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise ProtocolError("A pull request's limit is not a positive number.")
    limit = min(limit, max_chunk, MAX_CHUNK)
    events = policy.crossing(missing(log, theirs, policy.may_send, limit))
    # a chunk may end short of the limit (a relayed run waits for its next signed event), so ask
    more = bool(events) and bool(missing(log, advance_by(theirs, events), policy.may_send, 1))
    return {
        "v": PROTOCOL_VERSION,
        "type": "events",
        "events": with_proofs(events),
        "more": more,
        "vector": vector_to_wire(_visible_vector(log, policy)),
    }


def answer_push(log: EventLog, message: object, policy: Policy, *, sender: str | None = None) -> dict[str, Any]:
    msg = _check(message, "push")
    events = policy.crossing(_events_from(msg))
    new, _held = apply_entitled(log, events, policy, sender)
    return {
        "v": PROTOCOL_VERSION,
        "type": "ack",
        "applied": len(new),
        "vector": vector_to_wire(_visible_vector(log, policy)),
    }


def read_vector_reply(reply: object) -> Vector:
    return vector_from_wire(_check(reply, "vector").get("vector"))


@dataclass(frozen=True)
class Absorbed:
    received: list[Event]
    new: list[Event]  # those not held before
    more: bool
    sender_vector: Vector


def absorb(
    log: EventLog,
    reply: object,
    accept: MaySend,
    redact: Callable[[Event], Event] | None = None,
    *,
    sender: str | None = None,
) -> Absorbed:
    """Apply a pull reply. Refused whole if any event is one the sender may not send us."""
    msg = _check(reply, "events")
    events = _events_from(msg)
    if redact is not None:
        events = [redact(ev) for ev in events]
    more = msg.get("more")
    if not isinstance(more, bool):
        raise ProtocolError("A pull reply does not say whether more events follow.")
    theirs = vector_from_wire(msg.get("vector"))
    check_entitled(events, accept)
    return Absorbed(events, _apply(log, events, sender), more, theirs)


def read_ack(reply: object) -> Vector:
    msg = _check(reply, "ack")
    applied = msg.get("applied")
    if not isinstance(applied, int) or isinstance(applied, bool) or applied < 0:
        raise ProtocolError("A push acknowledgement does not say how many events were applied.")
    return vector_from_wire(msg.get("vector"))


# -- the driver ---------------------------------------------------------------------------------
@dataclass
class ExchangeResult:
    pushed: int = 0  # events sent
    pulled: int = 0  # events received that were new here
    rounds: int = 0
    their_vector: Vector | None = None


Progress = Callable[[str, int], None]


def exchange(
    log: EventLog,
    call: Call,
    policy: Policy,
    *,
    chunk: int = DEFAULT_CHUNK,
    push: bool = True,
    pull: bool = True,
    progress: Progress | None = None,
    sender: str | None = None,
) -> ExchangeResult:
    """Push what the other side lacks, then pull what we lack, chunk by chunk until both are done.

    Push goes first: a centre's progress reaching the hub matters more than what comes back. Each
    chunk is sent against a vector advanced past what was already sent, so a chunk is never sent
    twice in one run even if the other side keeps gaps; after an interruption the next run starts
    again from the vectors. ``sender``: the device at the other end, when the transport knows it.
    """
    chunk = max(1, min(chunk, MAX_CHUNK))
    result = ExchangeResult()
    theirs = read_vector_reply(call("vector", make_vector_request()))
    if push:
        while result.rounds < MAX_ROUNDS:
            events = missing(log, theirs, policy.may_send, chunk)
            if not events:
                break
            result.rounds += 1
            acked = read_ack(call("push", make_push(policy.crossing(events))))
            theirs = merge_vectors(acked, advance_by(theirs, events))
            result.pushed += len(events)
            if progress:
                progress("push", result.pushed)
    if pull:
        # only entries the other side may know of (as a bundle header's vector): not our private
        # scope, not groups it has no part in
        asked = filter_vector(log.vector(), policy.visible)
        while result.rounds < MAX_ROUNDS:
            result.rounds += 1
            got = absorb(
                log, call("pull", make_pull_request(asked, chunk)), policy.accept, policy.redact, sender=sender
            )
            theirs = merge_vectors(theirs, got.sender_vector)
            result.pulled += len(got.new)
            if progress:
                progress("pull", result.pulled)
            before = asked
            asked = merge_vectors(filter_vector(log.vector(), policy.visible), advance_by(asked, got.received))
            if not got.more or asked == before:
                break
    result.their_vector = theirs
    return result
