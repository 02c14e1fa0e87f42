"""The event log: everything a person does, appended once, from which every table is derived.

An event's identity is ``(device_id, seq)``. It also has a *scope* (where it may travel) and a
``scope_seq`` numbering the device's events within that scope, so a receiver entitled to only some
scopes still sees a gap-free sequence and a version vector ``(device, scope) -> highest contiguous
scope_seq`` says exactly what it holds.

Appending or applying an event and running its projectors happen in one transaction. Projectors
must be idempotent and order-independent (last-writer-wins on the HLC stamp, set union, or a
recompute from the events table), so that replicas that saw the same events in any order have the
same derived tables. An event of a kind this version does not know is kept, travels on, and is
projected by a newer HubDesk that knows it.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from hubdesk.core import clock_skew, event_chain
from hubdesk.core.clock import HybridClock, stamp_bound, valid_stamp
from hubdesk.core.identity import Identity
from hubdesk.core.safe_json import too_deep
from hubdesk.core.store import Connection, Schema, Store, migration
from hubdesk.errors import HubDeskError

if TYPE_CHECKING:
    pass

# Scopes: who may receive an event.
CENTRE = "centre"  # the centre and its central hub: learners, progress, attempts
COMMUNITY = "community"  # everyone: published contributions
PRIVATE = "private"  # never leaves this PC (written before centres had several PCs)
SITE = "site"  # the centre's own PCs only, over their sealed LAN link: secret hashes, private notes,
# drafts, sign-in failures, the group keys a learner holds; never the hub, a bundle or Syncthing
GROUP_PREFIX = "group:"  # a study group's members: shared notes, questions, membership
_SCOPE_RE = re.compile(r"^(centre|community|private|site|group:[A-Za-z0-9_-]{1,64})$")

Projector = Callable[[Connection, "Event"], None]
_PROJECTORS: dict[str, list[Projector]] = {}
log = logging.getLogger(__name__)


def projector(kind: str) -> Callable[[Projector], Projector]:
    """Register a function that updates derived tables for one event kind."""

    def register(fn: Projector) -> Projector:
        _PROJECTORS.setdefault(kind, []).append(fn)
        return fn

    return register


_batch = threading.local()


def after_batch(conn: Connection, key: object, fn: Callable[[Connection], None]) -> None:
    """Run ``fn(conn)`` once at the end of the batch being projected, however many events ask.

    For projectors that recompute something from a table (say, mastery from all attempts): with
    200,000 events arriving by sync, recomputing once per key per batch instead of once per event
    is the difference between minutes and seconds. Outside a batch it runs at once.
    """
    pending: dict[object, Callable[[Connection], None]] | None = getattr(_batch, "pending", None)
    if pending is None:
        fn(conn)
    else:
        pending[key] = fn


BatchProjector = Callable[[Connection, list["Event"]], None]
_BATCH_PROJECTORS: list[tuple[frozenset[str], BatchProjector]] = []


def batch_projector(*kinds: str) -> Callable[[BatchProjector], BatchProjector]:
    """Register a function that projects all of a batch's events of ``kinds`` in one call (in the
    batch's order, after the per-event projectors). For derived rows that are sums, minima and
    maxima, which commute: 200,000 events arriving by sync become one loop and a few
    ``executemany`` instead of 200,000 calls and upserts. It must leave the rows one call per event
    would: a batch whose projection fails is projected again one event at a time."""

    def register(fn: BatchProjector) -> BatchProjector:
        _BATCH_PROJECTORS.append((frozenset(kinds), fn))
        return fn

    return register


def group_scope(group_id: str) -> str:
    return GROUP_PREFIX + group_id


def valid_scope(scope: str) -> bool:
    return bool(_SCOPE_RE.match(scope))


class EventError(HubDeskError):
    """An event that is malformed (from a peer or a bundle)."""


@dataclass(frozen=True)
class Event:
    device_id: str
    seq: int
    scope: str
    scope_seq: int
    hlc: str
    kind: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    learner_id: str | None = None
    proof: bytes | None = field(default=None, compare=False, repr=False)
    """The origin's signature over this event's chain hash and its key (``hubdesk.core.event_chain``),
    when this replica holds it: every event at its origin, run ends and checkpoints elsewhere."""

    @property
    def key(self) -> tuple[str, int]:
        return (self.device_id, self.seq)

    def to_dict(self) -> dict[str, Any]:
        return {
            "d": self.device_id,
            "s": self.seq,
            "sc": self.scope,
            "ss": self.scope_seq,
            "h": self.hlc,
            "k": self.kind,
            "l": self.learner_id,
            "p": dict(self.payload),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        """Parse an event from the wire, refusing anything malformed before it nears the database."""
        try:
            ev = cls(
                device_id=d["d"],
                seq=d["s"],
                scope=d["sc"],
                scope_seq=d["ss"],
                hlc=d["h"],
                kind=d["k"],
                learner_id=d.get("l"),
                payload=d.get("p", {}),
                proof=event_chain.proof_from_wire(d.get("g")),
            )
        except ValueError as exc:
            raise EventError(f"An event's proof is malformed: {exc}.") from exc
        except (KeyError, TypeError) as exc:
            raise EventError(f"An event is missing a field: {exc}.") from exc
        ev.validate()
        return ev

    def validate(self) -> None:
        ok = (
            isinstance(self.device_id, str)
            and 0 < len(self.device_id) <= 64
            and isinstance(self.seq, int)
            and not isinstance(self.seq, bool)
            and self.seq > 0
            and isinstance(self.scope_seq, int)
            and not isinstance(self.scope_seq, bool)
            and self.scope_seq > 0
            and isinstance(self.scope, str)
            and valid_scope(self.scope)
            and valid_stamp(self.hlc)
            and isinstance(self.kind, str)
            and 0 < len(self.kind) <= 64
            and (self.learner_id is None or (isinstance(self.learner_id, str) and len(self.learner_id) <= 64))
            and isinstance(self.payload, Mapping)
        )
        if not ok:
            raise EventError("An event has a field of the wrong type or size.")

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple[Any, ...]) -> Event:
        d, s, sc, ss, h, k, lid, p, *rest = tuple(row)
        proof = bytes(rest[0]) if rest and rest[0] is not None else None
        return cls(d, s, sc, ss, h, k, json.loads(p), lid, proof)


_COLUMNS = "device_id, seq, scope, scope_seq, hlc, kind, learner_id, payload"
_SEND_COLUMNS = _COLUMNS + ", proof"
# one encoder made once (``json.dumps`` with options builds a new one on every call); sorted keys,
# so the text stored is the text every replica hashes into the event's chain
_dumps = event_chain.dumps_payload
MAX_SIGNED_GAP = 5000  # how far a relay looks ahead for the next signed event of a run it forwards
_IN_CHUNK = 500  # keys per "which of these do we hold" query, under SQLite's parameter limit
MAX_PAYLOAD_CHARS = 1 << 20
"""An event's content, as JSON text: above a whole note (200,000 characters, escaped); big content
(lessons, media) travels as packs."""
MAX_PAYLOAD_DEPTH = 32  # well inside what any receiver parses (safe_json.MAX_DEPTH) with the message around it
# what a projector raises on content it cannot take (a list where a number belongs ...): a bug or
# hostile content, never a reason to lose the event or the rest of its batch
_PROJECTION_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, sqlite3.Error)

Listener = Callable[[list[Event]], None]


@dataclass(frozen=True)
class Vouched:
    """Incoming events their origins' signatures vouch for, with their payload text and chain hashes."""

    events: list[Event]
    texts: list[str]
    chains: list[bytes | None]  # by position in ``events``; None where the chain is not known yet


def _project(conn: Connection, events: list[Event]) -> None:
    """Run the projectors of ``events``, then what they deferred to the end of the batch."""
    outer = getattr(_batch, "pending", None)
    pending: dict[object, Callable[[Connection], None]] = {}
    _batch.pending = pending
    try:
        for ev in events:
            for fn in _PROJECTORS.get(ev.kind, ()):
                fn(conn, ev)
        for kinds, project_all in _BATCH_PROJECTORS:
            mine = [ev for ev in events if ev.kind in kinds]
            if mine:
                project_all(conn, mine)
    finally:
        _batch.pending = outer
    for finish in pending.values():
        finish(conn)


class EventLog:
    """Append local events, apply remote ones, and say what this replica holds."""

    def __init__(self, store: Store, identity: Identity) -> None:
        self.store = store
        self.identity = identity
        self.clock = HybridClock(identity.device_id)
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        # the newest stamp held that this clock may follow: one stamped days ahead by a PC whose
        # clock lies (or by this PC before its clock was put right) does not hold it there
        limit = stamp_bound(self.clock.wall() + self.clock.max_drift_ms)
        row = store.query("SELECT MAX(hlc) FROM events WHERE hlc < ?", (limit,))
        if row and row[0][0]:
            self.clock.observe(row[0][0])
        self._own_key = event_chain.raw_key(identity)
        with store.transaction() as conn:  # this device's own key, above any first-use claim of its id
            if event_chain.key_of(conn, self.device_id) != self._own_key:
                event_chain.pin(conn, self.device_id, self._own_key, "self")

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(events)`` after each commit that added events (on the writer's thread)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener`` (a view that closes, a peer node that stops)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- writing ------------------------------------------------------------------------------
    def append(
        self, kind: str, payload: Mapping[str, Any], *, scope: str = CENTRE, learner_id: str | None = None
    ) -> Event:
        """Record something done on this PC and update derived tables, atomically."""
        if not valid_scope(scope):
            raise EventError(f"{scope!r} is not a scope.")
        with self.store.transaction() as conn:
            seq = conn.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE device_id = ?", (self.device_id,)
            ).fetchone()[0]
            scope_seq = conn.execute(
                "SELECT COALESCE(MAX(scope_seq), 0) + 1 FROM events WHERE device_id = ? AND scope = ?",
                (self.device_id, scope),
            ).fetchone()[0]
            ev = Event(self.device_id, seq, scope, scope_seq, self.clock.now(), kind, dict(payload), learner_id)
            text = _dumps(ev.payload)
            prev = event_chain.chain_at(conn, self.device_id, scope, scope_seq - 1)
            chain = event_chain.link(prev if prev is not None else event_chain.GENESIS, ev, text)
            ev = replace(ev, proof=event_chain.sign(self.identity, ev, chain))
            self._insert_and_project(conn, [ev], [text], [chain])
        self._notify([ev])
        return ev

    def apply(
        self, events: Iterable[Event], *, validated: bool = False, verify: bool = False, sender: str | None = None
    ) -> list[Event]:
        """Apply events from elsewhere in one transaction; return those that were new here.

        ``validated``: the caller (a bundle decoder) already ran ``Event.validate`` on each.
        ``verify``: check every (device, scope) run against its origin's signature
        (:func:`hubdesk.core.event_chain.verify_batch`); every transport does. ``sender`` is the
        device at the other end of the link, the only one whose unsigned events are taken.
        Raises :class:`~hubdesk.core.event_chain.ForgedEvents` (nothing applied) on a forgery.
        """
        batch = list(events)
        if not validated:
            for ev in batch:
                ev.validate()
        if not batch:
            return []
        texts = [_dumps(ev.payload) for ev in batch]
        with self.store.transaction() as conn:
            chains: list[bytes | None] = [None] * len(batch)
            if verify:
                v = self._vouch(conn, batch, texts, sender)
                batch, texts, chains = v.events, v.texts, v.chains
            new = self._insert_and_project(conn, batch, texts, chains)
            wall = self._after_insert(conn, new)
        self._after_commit(new, wall)
        return new

    def vouch(self, events: list[Event], sender: str | None) -> Vouched:
        """Check a whole incoming set (a bundle) against its origins' signatures before applying it
        in chunks with :meth:`apply_vouched`: a run's proof may sit in a later chunk."""
        texts = [_dumps(ev.payload) for ev in events]
        with self.store.transaction() as conn:
            return self._vouch(conn, events, texts, sender)

    def apply_vouched(self, v: Vouched, start: int, stop: int) -> list[Event]:
        """Apply ``v.events[start:stop]`` in one transaction (see :meth:`vouch`)."""
        part = v.events[start:stop]
        if not part:
            return []
        chains = v.chains[start:stop]
        with self.store.transaction() as conn:
            new = self._insert_and_project(conn, part, v.texts[start:stop], chains)
            wall = self._after_insert(conn, new)
        self._after_commit(new, wall)
        return new

    @staticmethod
    def _vouch(conn: Connection, batch: list[Event], texts: list[str], sender: str | None) -> Vouched:
        keep, chains = event_chain.verify_batch(conn, batch, texts, sender)
        if len(keep) == len(batch):
            return Vouched(batch, texts, [chains.get(i) for i in range(len(batch))])
        return Vouched(
            [batch[i] for i in keep],
            [texts[i] for i in keep],
            [chains.get(i) for i in keep],
        )

    def _after_insert(self, conn: Connection, new: list[Event]) -> int:
        wall = self.clock.wall()
        if new:
            clock_skew.record(conn, new, self.device_id, wall)
        return wall

    def _after_commit(self, new: list[Event], wall: int) -> None:
        if new:
            # follow the newest stamp within the drift bound; those beyond it are kept, not followed
            limit = stamp_bound(wall + self.clock.max_drift_ms)
            followed = [ev.hlc for ev in new if ev.hlc < limit]
            if followed:
                self.clock.observe(max(followed))
            self._notify(new)

    def _insert_and_project(
        self, conn: Connection, batch: list[Event], texts: list[str], chains: list[bytes | None]
    ) -> list[Event]:
        """Insert the events not held yet and run their projectors.

        Large batches (sync) are the hot path: which events are held is asked per device in a few
        ``IN`` queries, the new ones go in with one ``executemany``, then the projectors run. If
        SQLite ignores a row we did not expect it to (a peer reusing a scope_seq for another event),
        the batch falls back to one insert at a time, which keeps exactly the first of each.
        """
        held: set[tuple[str, int]] = set()
        by_device: dict[str, list[int]] = {}
        for ev in batch:
            by_device.setdefault(ev.device_id, []).append(ev.seq)
        for device_id, seqs in by_device.items():
            for i in range(0, len(seqs), _IN_CHUNK):
                part = seqs[i : i + _IN_CHUNK]
                marks = ",".join("?" * len(part))
                held.update(
                    (device_id, s)
                    for (s,) in conn.execute(
                        f"SELECT seq FROM events WHERE device_id = ? AND seq IN ({marks})", (device_id, *part)
                    )
                )
        new: list[Event] = []
        rows = []
        for i, ev in enumerate(batch):
            key = (ev.device_id, ev.seq)
            if key not in held:
                held.add(key)  # a duplicate inside the batch counts once
                new.append(ev)
                text, chain = texts[i], chains[i]
                rows.append(
                    (
                        ev.device_id,
                        ev.seq,
                        ev.scope,
                        ev.scope_seq,
                        ev.hlc,
                        ev.kind,
                        ev.learner_id,
                        text,
                        chain,
                        ev.proof,
                    )
                )
        insert = f"INSERT OR IGNORE INTO events ({_COLUMNS}, chain, proof) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        for ev, row in zip(new, rows, strict=True):
            if len(row[7]) > MAX_PAYLOAD_CHARS or too_deep(row[7], MAX_PAYLOAD_DEPTH):
                raise EventError(
                    f"An event ({ev.kind[:64]} from {ev.device_id}) carries more than "
                    f"{MAX_PAYLOAD_CHARS // 1024} KB of content, or content nested too deeply; "
                    "big content travels as a course pack. Nothing from its batch was applied."
                )
        conn.execute("SAVEPOINT insert_batch")
        before = conn.total_changes
        conn.executemany(insert, rows)
        if conn.total_changes - before != len(rows):
            conn.execute("ROLLBACK TO insert_batch")
            kept: list[Event] = []
            for ev, row in zip(new, rows, strict=True):
                if conn.execute(insert, row).rowcount == 1:
                    kept.append(ev)
            new = kept
        conn.execute("RELEASE insert_batch")
        touched = {(ev.device_id, ev.scope) for ev in new}
        conn.execute("SAVEPOINT project_batch")
        try:
            _project(conn, new)
        except _PROJECTION_ERRORS:
            # Some event's content breaks its projector (hostile, or shaped by another version).
            # Keep every event, project the others: one at a time, each undone alone if it fails.
            conn.execute("ROLLBACK TO project_batch")
            for ev in new:
                conn.execute("SAVEPOINT project_one")
                try:
                    _project(conn, [ev])
                except _PROJECTION_ERRORS as exc:
                    conn.execute("ROLLBACK TO project_one")
                    log.warning(
                        "event %s/%s (%s) is kept but not shown: its content does not fit (%s)",
                        ev.device_id,
                        ev.seq,
                        ev.kind[:64],
                        type(exc).__name__,
                    )
                conn.execute("RELEASE project_one")
        conn.execute("RELEASE project_batch")
        for device_id, scope in touched:
            self._advance_vector(conn, device_id, scope)
        return new

    @staticmethod
    def _advance_vector(conn: Connection, device_id: str, scope: str) -> None:
        row = conn.execute("SELECT upto FROM vector WHERE device_id = ? AND scope = ?", (device_id, scope)).fetchone()
        upto = row[0] if row else 0
        for (ss,) in conn.execute(
            "SELECT scope_seq FROM events WHERE device_id = ? AND scope = ? AND scope_seq > ? ORDER BY scope_seq",
            (device_id, scope, upto),
        ):
            if ss != upto + 1:
                break
            upto = ss
        conn.execute(
            "INSERT INTO vector (device_id, scope, upto) VALUES (?, ?, ?) "
            "ON CONFLICT(device_id, scope) DO UPDATE SET upto = excluded.upto",
            (device_id, scope, upto),
        )

    def _notify(self, events: list[Event]) -> None:
        for listener in list(self._listeners):
            listener(events)

    # -- reading ------------------------------------------------------------------------------
    def vector(self, scopes: Iterable[str] | None = None) -> dict[tuple[str, str], int]:
        """``(device, scope) -> highest scope_seq held with no gap below it``."""
        rows = self.store.query("SELECT device_id, scope, upto FROM vector")
        wanted = None if scopes is None else set(scopes)
        return {(d, s): u for d, s, u in rows if wanted is None or s in wanted}

    def missing_for(
        self,
        their_vector: Mapping[tuple[str, str], int],
        allowed: Callable[[str], bool],
        limit: int = 1000,
    ) -> list[Event]:
        """Events the other side lacks, in a bounded chunk, oldest first per (device, scope).

        ``allowed(scope)`` is the receiver's entitlement: scopes it may not see are never sent.
        Another device's run ends at an event whose proof this replica holds (the receiver
        could not vouch for an unsigned tail): a chunk may stop short of ``limit``, or run past it
        to the next proof when it would otherwise be empty. This device's own events written
        before chains existed are signed here, once, as they first go out.
        """
        out: list[Event] = []
        sql = (
            f"SELECT {_SEND_COLUMNS} FROM events WHERE device_id = ? AND scope = ? AND scope_seq > ? "
            "ORDER BY scope_seq LIMIT ?"
        )
        for (device_id, scope), _upto in sorted(self.vector().items()):
            if not allowed(scope):
                continue
            have = their_vector.get((device_id, scope), 0)
            run = [Event.from_row(r) for r in self.store.query(sql, (device_id, scope, have, limit - len(out)))]
            if device_id == self.device_id:
                if run and run[-1].proof is None:
                    run = self._sign_own(run)
            else:
                while run and run[-1].proof is None:
                    run.pop()
                if not run and not out:  # nothing signed within the limit: run on to the next proof
                    more = self.store.query(sql, (device_id, scope, have, MAX_SIGNED_GAP))
                    ahead = [Event.from_row(r) for r in more]
                    ends = [i for i, ev in enumerate(ahead) if ev.proof is not None]
                    run = ahead[: ends[0] + 1] if ends else []
            out.extend(run)
            if len(out) >= limit:
                break
        return out

    def _sign_own(self, run: list[Event]) -> list[Event]:
        """Sign the last of a run of this device's own events that has no proof (written before
        events were chained): the chain is computed from the stored events, then signed."""
        last = run[-1]
        with self.store.transaction() as conn:
            chain = event_chain.chain_at(conn, self.device_id, last.scope, last.scope_seq)
            if chain is None:  # a gap in our own log (restored from an old backup): send as it is
                return run
            proof = event_chain.sign(self.identity, last, chain)
            conn.execute("UPDATE events SET proof = ? WHERE device_id = ? AND seq = ?", (proof, *last.key))
        return [*run[:-1], replace(last, proof=proof)]

    def count(self) -> int:
        return int(self.store.query("SELECT COUNT(*) FROM events")[0][0])

    def count_after(self, device_id: str, scope: str, scope_seq: int) -> int:
        """How many of ``device_id``'s events in ``scope`` come after ``scope_seq`` (what a peer still lacks)."""
        rows = self.store.query(
            "SELECT COUNT(*) FROM events WHERE device_id = ? AND scope = ? AND scope_seq > ?",
            (device_id, scope, scope_seq),
        )
        return int(rows[0][0])

    def written_by(self, device_id: str, kind: str, scope_prefix: str = "") -> list[Event]:
        """The events of one kind a device wrote itself, optionally in scopes starting with ``scope_prefix``."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM events WHERE kind = ? AND device_id = ? AND scope LIKE ?",
            (kind, device_id, scope_prefix.replace("%", "") + "%"),
        )
        return [Event.from_row(r) for r in rows]

    def events(self, kind: str | None = None) -> list[Event]:
        sql = f"SELECT {_SEND_COLUMNS} FROM events"
        params: tuple[object, ...] = ()
        if kind:
            sql += " WHERE kind = ?"
            params = (kind,)
        return [Event.from_row(r) for r in self.store.query(sql + " ORDER BY hlc", params)]


@migration("0001_core_events")
def _events_schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE events (
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            scope TEXT NOT NULL,
            scope_seq INTEGER NOT NULL,
            hlc TEXT NOT NULL,
            kind TEXT NOT NULL,
            learner_id TEXT,
            payload TEXT NOT NULL,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE UNIQUE INDEX events_scope_seq ON events (device_id, scope, scope_seq)")
    db.execute("CREATE INDEX events_kind ON events (kind, learner_id)")
    db.execute(
        """CREATE TABLE vector (
            device_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            upto INTEGER NOT NULL,
            PRIMARY KEY (device_id, scope)
        ) WITHOUT ROWID"""
    )
