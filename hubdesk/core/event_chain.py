"""Events vouched for by their origin: a hash chain per (device, scope) and signed checkpoints.

Each event's *chain hash* is ``h = SHA-256(h_prev || canonical bytes of the event)``, where
``h_prev`` is the hash of the same device's previous event in the same scope (32 zero bytes
before the first). The origin device signs ``(device, scope, scope_seq, h)`` with its ed25519 key
when it appends; the *proof* kept with an event is that signature followed by the raw public key
(96 bytes). One valid signature over ``h`` of the n-th event vouches for events 1..n of that
chain, so a receiver recomputes the hashes of a run of events from its stored predecessor (cheap)
and checks one signature per run, not one per event: one ed25519 check costs as much as applying
a few hundred events.

What a receiver accepts (:func:`verify_batch`), per (device, scope) run of a message:

- the events up to the last one whose proof verifies (every proof shipped is checked; one that
  fails refuses the whole message: :class:`ForgedEvents`);
- an unsigned tail only when the link's sender *is* that device (an older HubDesk that signs
  nothing yet speaks for itself); from anyone else it is left out, not applied;
- a run whose predecessor is not held (sequence numbers taken ahead) is left out the same way,
  so a forger cannot take numbers the real events will need.

Keys: a key known for sure (this device's own; a centre PC's from its admission; a device the
hub enrolled: :func:`key_source`) comes first; otherwise the first valid proof of a device pins
its key (``event_keys``, trust on first use). After that, a proof with another key for that
device is a forgery.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hubdesk.core.store import Connection, Schema, migration
from hubdesk.errors import HubDeskError

if TYPE_CHECKING:
    from hubdesk.core.events import Event
    from hubdesk.core.identity import Identity

log = logging.getLogger(__name__)

GENESIS = bytes(32)
PROOF_LEN = 96  # ed25519 signature (64) + raw public key (32)
CHECKPOINT = 500
"""A sender ships the proof of every event whose scope_seq is a multiple of this (when it holds
one) besides the last of each run, so a relay can always cut what it forwards into chunks."""
_SIGNED = b"hubdesk-ev-v1\n"
_PAYLOAD_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True)


def _payload_dumps() -> Callable[[Any], str]:
    """The one encoder for the payload text stored and hashed: sorted keys, so every replica hashes
    the same bytes. ``JSONEncoder.encode`` builds a new C encoder on every call (a third of the
    time of a small payload); this one is made once and writes the same text. Without the circular
    check: a payload is parsed JSON or plain dicts and lists, and a check shared between threads
    could see another thread's objects."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _PAYLOAD_ENCODER.encode
    enc = _PAYLOAD_ENCODER
    one = make(None, enc.default, json.encoder.encode_basestring, None, ":", ",", True, False, True)

    def dumps(value: Any) -> str:
        return "".join(one(value, 0)) if isinstance(value, dict) else enc.encode(value)

    return dumps


dumps_payload = _payload_dumps()
_dumps_head = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


class ForgedEvents(HubDeskError):
    """Events whose chain or signature does not check out: someone wrote them as another device."""

    exit_code = 4


def canonical(ev: Event, payload_json: str) -> bytes:
    """The bytes the chain hashes: every field, each text prefixed by its length, then the payload.

    One field is left out: the secret hash of a ``learner.secret_set`` written before centres had a
    ``site`` scope, which every link to a hub strips on the way (``core.learners.redact``); the
    copy without it must chain the same. Such an event's hash is vouched for by nobody but the
    centre's own PCs, which is where it stays."""
    if ev.kind == "learner.secret_set" and "hash" in ev.payload:
        payload_json = dumps_payload({k: v for k, v in ev.payload.items() if k != "hash"})
    d, sc, h, k, lid = ev.device_id, ev.scope, ev.hlc, ev.kind, ev.learner_id
    # every text field prefixed by its length, numbers ended by a comma: no two events share these bytes
    head = (
        f"{len(d)}:{d}{ev.seq},{len(sc)}:{sc}{ev.scope_seq},{len(h)}:{h}{len(k)}:{k}"
        f"{-1 if lid is None else len(lid)}:{lid or ''}"
    )
    return (head + payload_json).encode("utf-8", "surrogatepass")


def link(prev: bytes, ev: Event, payload_json: str) -> bytes:
    return hashlib.sha256(prev + canonical(ev, payload_json)).digest()


def signed_bytes(device_id: str, scope: str, scope_seq: int, chain: bytes) -> bytes:
    return _SIGNED + chain + _dumps_head([device_id, scope, scope_seq]).encode("utf-8", "surrogatepass")


def raw_key(identity: Identity) -> bytes:
    return identity.private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(identity: Identity, ev: Event, chain: bytes) -> bytes:
    return identity.sign(signed_bytes(ev.device_id, ev.scope, ev.scope_seq, chain)) + raw_key(identity)


def _valid(proof: bytes, ev: Event, chain: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(proof[64:]).verify(
            proof[:64], signed_bytes(ev.device_id, ev.scope, ev.scope_seq, chain)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


# -- keys ---------------------------------------------------------------------------------------
KeySource = Callable[[Connection, str], "str | None"]
"""``source(conn, device_id)``: the device's ed25519 key (base64) as a table this replica trusts
more than first use knows it, or ``None``."""
_KEY_SOURCES: list[KeySource] = []


def key_source(fn: KeySource) -> KeySource:
    """Register where devices' keys are known for sure (a centre's admissions, a hub's enrolments):
    the module owning that table registers a reader; it beats a key pinned on first use."""
    _KEY_SOURCES.append(fn)
    return fn


def key_of(conn: Connection, device_id: str) -> bytes | None:
    """The key proofs of ``device_id`` must carry: from a registered source, else as pinned here."""
    for source in _KEY_SOURCES:
        try:
            found = source(conn, device_id)
        except sqlite3.OperationalError:  # its tables are not in this database (a module loaded after it opened)
            continue
        if found:
            try:
                raw = base64.b64decode(found, validate=True)
            except ValueError:
                continue
            if len(raw) == 32:
                return raw
    row = conn.execute("SELECT public_key FROM event_keys WHERE device_id = ?", (device_id,)).fetchone()
    return bytes(row[0]) if row else None


def pin(conn: Connection, device_id: str, raw_key: bytes, source: str) -> None:
    """Record ``device_id``'s key from a source trusted more than first use (enrolment, itself)."""
    conn.execute(
        "INSERT INTO event_keys (device_id, public_key, source) VALUES (?, ?, ?) "
        "ON CONFLICT(device_id) DO UPDATE SET public_key = excluded.public_key, source = excluded.source",
        (device_id, raw_key, source),
    )


# -- chains -------------------------------------------------------------------------------------
def chain_at(conn: Connection, device_id: str, scope: str, scope_seq: int) -> bytes | None:
    """The chain hash of that event, computed (and stored) from the stored events when missing;
    ``None`` if the event or one before it in its chain is not held."""
    if scope_seq <= 0:
        return GENESIS
    row = conn.execute(
        "SELECT chain FROM events WHERE device_id = ? AND scope = ? AND scope_seq = ?", (device_id, scope, scope_seq)
    ).fetchone()
    if row is None:
        return None
    if row[0] is not None:
        return bytes(row[0])
    # written before chains existed: start from the newest hash held below it
    below = conn.execute(
        "SELECT scope_seq, chain FROM events WHERE device_id = ? AND scope = ? AND scope_seq < ? "
        "AND chain IS NOT NULL ORDER BY scope_seq DESC LIMIT 1",
        (device_id, scope, scope_seq),
    ).fetchone()
    start, h = (int(below[0]), bytes(below[1])) if below else (0, GENESIS)
    from hubdesk.core.events import Event

    expected = start + 1
    updates: list[tuple[bytes, str, int]] = []
    for r in conn.execute(
        "SELECT device_id, seq, scope, scope_seq, hlc, kind, learner_id, payload FROM events "
        "WHERE device_id = ? AND scope = ? AND scope_seq > ? AND scope_seq <= ? ORDER BY scope_seq",
        (device_id, scope, start, scope_seq),
    ):
        if r[3] != expected:
            return None  # a gap: what lies above it cannot be chained yet
        ev = Event.from_row(r)
        h = link(h, ev, dumps_payload(ev.payload))
        updates.append((h, ev.device_id, ev.seq))
        expected += 1
    conn.executemany("UPDATE events SET chain = ? WHERE device_id = ? AND seq = ?", updates)
    return h


def verify_batch(
    conn: Connection, batch: Sequence[Event], payloads: Sequence[str], sender: str | None
) -> tuple[list[int], dict[int, bytes]]:
    """Check a batch from another replica: ``(indexes of the events to apply, chain hash by index)``.

    Raises :class:`ForgedEvents` (nothing applied) when a proof does not verify or a device's key
    is not the one pinned for it. Events that cannot be vouched for (an unsigned tail from a relay,
    a run with no predecessor held) are left out of the indexes and logged.
    """
    runs: dict[tuple[str, str], list[int]] = {}
    for i, ev in enumerate(batch):
        runs.setdefault((ev.device_id, ev.scope), []).append(i)
    keep: list[int] = []
    chains: dict[int, bytes] = {}
    left_out = 0
    for (device_id, scope), idxs in runs.items():
        idxs.sort(key=lambda i: batch[i].scope_seq)
        prev_ss = -1
        h: bytes | None = None
        run: list[int] = []
        known = key_of(conn, device_id)
        vouched = 0  # how many of ``run`` a verified proof covers
        segments: list[tuple[list[int], int]] = []
        for i in idxs:
            ev = batch[i]
            if ev.scope_seq == prev_ss:
                continue  # a duplicate in the message: the first copy is chained, this one dropped
            if ev.scope_seq != prev_ss + 1:
                if run:
                    segments.append((run, vouched))
                run, vouched = [], 0
                h = chain_at(conn, device_id, scope, ev.scope_seq - 1)
            prev_ss = ev.scope_seq
            if h is None:
                run.append(i)
                continue
            h = link(h, ev, payloads[i])
            chains[i] = h
            run.append(i)
            proof = ev.proof
            if proof is not None:
                if len(proof) != PROOF_LEN or not _valid(proof, ev, h):
                    raise ForgedEvents(
                        f"Events said to be from device {device_id} (scope {scope}) do not match its "
                        "signature: they were altered or forged; nothing from that message was applied."
                    )
                key = proof[64:]
                if known is None:
                    pin(conn, device_id, key, "first use")
                    known = key
                elif key != known:
                    raise ForgedEvents(
                        f"Events said to be from device {device_id} are signed with another key than that "
                        "device's; nothing from that message was applied."
                    )
                vouched = len(run)
        if run:
            segments.append((run, vouched))
        for run, vouched in segments:
            if sender == device_id:  # the origin speaks for itself, signed or not (an older HubDesk)
                keep.extend(run)
                continue
            keep.extend(run[:vouched])
            left_out += len(run) - vouched
    if left_out:
        log.warning("%d event(s) no origin signature vouches for were left out (from %s)", left_out, sender)
    keep.sort()
    return keep, chains


def shipped_proofs(events: Sequence[Event]) -> dict[int, bytes]:
    """The proofs a receiver needs, by position: the last of each (device, scope) run in the
    message and the checkpoints (so a relay can cut what it forwards again)."""
    last: dict[tuple[str, str], int] = {}
    for i, ev in enumerate(events):
        last[(ev.device_id, ev.scope)] = i
    ends = set(last.values())
    return {
        i: ev.proof
        for i, ev in enumerate(events)
        if ev.proof is not None and (i in ends or ev.scope_seq % CHECKPOINT == 0)
    }


def with_proofs(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Events on the wire (``Event.to_dict``), with ``"g"``: the proofs of :func:`shipped_proofs`, in hex."""
    out = [ev.to_dict() for ev in events]
    for i, proof in shipped_proofs(events).items():
        out[i]["g"] = proof.hex()
    return out


def proof_from_wire(raw: object) -> bytes | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or len(raw) != 2 * PROOF_LEN:
        raise ValueError("an event's proof is not 96 bytes of hex")
    return bytes.fromhex(raw)


@migration("0003_core_event_chain")
def _schema(db: Schema) -> None:
    db.execute("ALTER TABLE events ADD COLUMN chain BLOB")
    db.execute("ALTER TABLE events ADD COLUMN proof BLOB")
    db.execute(
        """CREATE TABLE event_keys (
            device_id TEXT PRIMARY KEY,
            public_key BLOB NOT NULL,
            source TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
