"""Key epochs of a study group: how removing a member cuts it off.

A group's first key comes from its join code (:mod:`hubdesk.core.groups._join_codes`), and everyone who
ever held the code holds that key. Removing a member therefore has to *change* the key: the
creator makes a fresh join code (epoch ``n + 1``), whose scrypt output gives a new 256-bit key and
a new *route id* (the id a newcomer with the new code asks for), and hands the new code to each
remaining member's device, never to the removed one.

The hand-over is an event, ``group.rekeyed``, in the group's scope, carrying one *wrap* per
remaining device: the new code sealed with ChaCha20-Poly1305 under a key agreed with X25519
between the creator's device key and that device's key (HKDF over the shared secret, bound to the
group, the epoch and the device). Each installation has one X25519 key pair, kept in ``meta`` like
the ed25519 identity; its public half travels in ``group.created`` and ``group.member_joined``.
The re-key is an act of authority: it is signed by the group's authority (its creator's centre,
:mod:`hubdesk.core.groups._authority`) over the epoch, the new code's route and verifier, the
wrapper's X25519 key and the wraps; a re-key that the pinned authority did not sign is kept but
counts for nothing (no key is adopted from it, it cuts no one off at the hub, its verifier admits
no join). So a removed member, who still holds the old key and can still inject events, cannot
push a key of its choosing on the others. Groups made before version 2 (24-hex ids) had no
authority: there only the wraps made by the creator's device key, pinned from the first
``group.created`` this PC projected, open.

Peers answer a request sealed with an *older* epoch key with nothing but these wraps (the
``epoch`` request), so a member who missed the removal can catch up, and the removed member, who
has no wrap, learns nothing new.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hubdesk.core.events import GROUP_PREFIX, Event, projector
from hubdesk.core.groups._authority import act_valid, rekey_fields
from hubdesk.core.groups._join_codes import JoinCodeError, derive
from hubdesk.core.store import Connection, Schema, Store, migration

if TYPE_CHECKING:
    pass

XKEY_META = "group_xkey"
NONCE = 12
MAX_WRAPS = 500


def device_xkey(store: Store) -> X25519PrivateKey:
    """This installation's X25519 key pair, made on first use and kept in ``meta``."""
    stored = store.meta_get(XKEY_META)
    if not stored:
        raw = X25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        with store.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (XKEY_META, base64.b64encode(raw).decode())
            )
        stored = store.meta_get(XKEY_META)
    assert stored is not None
    return X25519PrivateKey.from_private_bytes(base64.b64decode(stored))


def public_b64(key: X25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def _wrap_key(own: X25519PrivateKey, other_b64: str, group_id: str, epoch: int, device: str) -> tuple[bytes, bytes]:
    other = X25519PublicKey.from_public_bytes(base64.b64decode(other_b64, validate=True))
    info = f"hubdesk/group-epoch/v1|{group_id}|{epoch}|{device}".encode()
    key = HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(own.exchange(other))
    return key, info


def wrap(own: X25519PrivateKey, member_b64: str, group_id: str, epoch: int, device: str, code: str) -> str:
    key, info = _wrap_key(own, member_b64, group_id, epoch, device)
    nonce = os.urandom(NONCE)
    return base64.b64encode(nonce + ChaCha20Poly1305(key).encrypt(nonce, code.encode(), info)).decode()


def unwrap(own: X25519PrivateKey, creator_b64: str, group_id: str, epoch: int, device: str, sealed: str) -> str | None:
    """The code in a wrap for this device, or None if it does not open (not for us, not the creator's)."""
    try:
        key, info = _wrap_key(own, creator_b64, group_id, epoch, device)
        blob = base64.b64decode(sealed, validate=True)
        return ChaCha20Poly1305(key).decrypt(blob[:NONCE], blob[NONCE:], info).decode()
    except (InvalidTag, ValueError, TypeError, binascii.Error):
        return None


@dataclass(frozen=True)
class EpochKey:
    group_id: str
    epoch: int
    key: bytes
    current: bool


# A re-key counts when the group's pinned authority signed it (version 2 groups, see
# hubdesk.core.groups._authority); a group made before that (24 hex digits) takes any re-key, whose
# wraps open only if the creator's device made them.
_VALID = "(length(r.group_id) = 24 OR (g.authority != '' AND r.signer = g.authority))"
_REKEYS = "FROM group_rekeys r LEFT JOIN groups g ON g.id = r.group_id WHERE r.group_id = ? AND " + _VALID


class GroupEpochs:
    """The local epoch keys of every group this PC holds (``inst.groups.epochs``).

    The keys themselves are written by the ``group.key_kept`` events of the centre's PCs
    (:mod:`hubdesk.core.groups._keys`); this reads them, and the group's valid re-keys.
    """

    def __init__(self, store: Store, device_id: str) -> None:
        self.store = store
        self.device_id = device_id

    def current(self, group_id: str) -> int:
        row = self.store.query("SELECT MAX(epoch) FROM group_epoch_keys WHERE group_id = ?", (group_id,))
        return int(row[0][0]) if row and row[0][0] is not None else 0

    def keys_for(self, route: str) -> list[EpochKey]:
        """Keys a request to ``/g/<route>/`` may be sealed with, the current key of the group first.

        ``route`` is a group id (members, and joiners with the first code) or the route id of a
        later epoch's code (newcomers who were given the code issued after a removal).
        """
        current = {str(r[0]): bytes(r[1]) for r in self.store.query("SELECT group_id, key FROM group_keys")}
        rows = self.store.query(
            "SELECT group_id, epoch, key FROM group_epoch_keys WHERE group_id = ? OR route_id = ?", (route, route)
        )
        out = [EpochKey(route, self.current(route), current[route], True)] if route in current else []
        for gid, epoch, key in rows:
            if str(gid) in current and bytes(key) != current[str(gid)]:
                out.append(EpochKey(str(gid), int(epoch), bytes(key), False))
            elif str(gid) != route and str(gid) in current:
                out.append(EpochKey(str(gid), int(epoch), bytes(key), True))
        return sorted(out, key=lambda k: (not k.current, -k.epoch))

    def announcements(self, group_id: str) -> list[dict[str, Any]]:
        """The valid ``group.rekeyed`` payloads of a group, newest first: all an old key may learn."""
        rows = self.store.query(
            f"SELECT r.epoch, r.route_id, r.wraps, r.verifier, r.xkey, r.signer, r.sig {_REKEYS} "
            "ORDER BY r.epoch DESC LIMIT 20",
            (group_id,),
        )
        return [
            {
                "group": group_id,
                "epoch": r[0],
                "route": r[1],
                "wraps": json.loads(r[2]),
                "verifier": r[3] or None,
                "xkey": r[4] or None,
                "authority": r[5] or None,
                "sig": r[6] or None,
            }
            for r in rows
        ]

    def adopt(
        self, group_id: str, pinned: tuple[str, str], own: X25519PrivateKey, found: list[Any]
    ) -> tuple[int, str] | None:
        """The newest epoch ``(epoch, code)`` wrapped for this device by the group's authority, if
        newer than the key held; ``pinned`` is the group's ``(authority, creator's X25519 key)``.

        ``found`` may come from anyone holding an old key (a removed member too): a version 2
        re-key must be signed by the pinned authority, and its wrap opens only if made with the
        X25519 key it names; a legacy one opens only if the creator's device wrapped it.
        """
        authority, creator_xkey = pinned
        now = self.current(group_id)
        candidates = [p for p in found if isinstance(p, dict) and isinstance(p.get("epoch"), int)]
        for p in sorted(candidates, key=lambda p: -int(p["epoch"])):
            wraps = p.get("wraps")
            if int(p["epoch"]) <= now or not isinstance(wraps, dict) or not isinstance(wraps.get(self.device_id), str):
                continue
            if len(group_id) == 24:
                xkey = creator_xkey
            elif act_valid(authority, p.get("sig"), "group.rekeyed", group_id, rekey_fields(p)):
                xkey = str(p.get("xkey") or "")
            else:
                continue
            if not xkey:
                continue
            code = unwrap(own, xkey, group_id, int(p["epoch"]), self.device_id, wraps[self.device_id])
            try:
                secret = derive(code) if code is not None else None
            except JoinCodeError:
                continue
            if code is not None and secret is not None and p.get("route") in (secret.group_id, secret.legacy_id):
                return int(p["epoch"]), code
        return None


def is_cut_off(store: Store, group_id: str, device_id: str) -> bool:
    """True if the group's latest valid re-key left ``device_id`` out and it has not joined again since.

    What a relay (the hub) uses to stop carrying a group's events to a removed member's PC: the
    devices that stay are exactly those with a wrap, the re-key's author, and later joiners. A
    re-key the group's authority did not sign cuts no one off.
    """
    latest = store.query(
        f"SELECT r.wraps, r.by_device, r.hlc {_REKEYS} ORDER BY r.epoch DESC, r.hlc DESC LIMIT 1", (group_id,)
    )
    if not latest:
        return False
    wraps, by_device, hlc = latest[0]
    if device_id == by_device or device_id in json.loads(wraps):
        return False
    rejoined = store.query(
        "SELECT 1 FROM group_members WHERE group_id = ? AND device_id = ? AND joined_hlc > ?",
        (group_id, device_id, hlc),
    )
    return not rejoined


def latest_verifier(store: Store, group_id: str) -> tuple[str, str] | None:
    """``(hlc, verifier)`` of the group's latest valid re-key, if any."""
    rows = store.query(f"SELECT r.hlc, r.verifier {_REKEYS} ORDER BY r.epoch DESC, r.hlc DESC LIMIT 1", (group_id,))
    return (str(rows[0][0]), str(rows[0][1])) if rows else None


def valid_verifiers(store: Store, group_id: str) -> list[str]:
    return [str(r[0]) for r in store.query(f"SELECT r.verifier {_REKEYS}", (group_id,)) if r[0]]


@projector("group.rekeyed")
def _rekeyed(conn: Connection, ev: Event) -> None:
    p = ev.payload
    gid = ev.scope[len(GROUP_PREFIX) :] if ev.scope.startswith(GROUP_PREFIX) else None
    wraps = p.get("wraps")
    if gid is None or p.get("group") != gid or not isinstance(p.get("epoch"), int) or not isinstance(wraps, dict):
        return
    if len(wraps) > MAX_WRAPS or any(len(str(k)) > 64 or len(str(v)) > 200 for k, v in wraps.items()):
        return
    # the signer is kept only if its signature holds; whether it is the group's authority is
    # checked when reading (the creation may arrive later)
    authority = str(p.get("authority") or "")[:64]
    signer = authority if act_valid(authority, p.get("sig"), "group.rekeyed", gid, rekey_fields(p)) else ""
    conn.execute(
        "INSERT OR IGNORE INTO group_rekeys (group_id, epoch, route_id, by_learner, by_device, wraps, hlc, "
        "verifier, xkey, signer, sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            gid,
            p["epoch"],
            str(p.get("route"))[:64],
            ev.learner_id or "",
            ev.device_id,
            json.dumps(wraps),
            ev.hlc,
            str(p.get("verifier") or "")[:64],
            str(p.get("xkey") or "")[:64],
            signer,
            str(p.get("sig") or "")[:200],
        ),
    )


@migration("0052_group_epochs")
def _schema(db: Schema) -> None:
    # Local to this PC: every epoch key it has held (epoch 0 is the join code's), and the route id
    # a newcomer with that epoch's code asks for.
    db.execute(
        "CREATE TABLE group_epoch_keys (group_id TEXT NOT NULL, epoch INTEGER NOT NULL, route_id TEXT NOT NULL, "
        "key BLOB NOT NULL, code TEXT NOT NULL, added_at REAL NOT NULL, PRIMARY KEY (group_id, epoch))"
    )
    db.execute("CREATE INDEX group_epoch_keys_route ON group_epoch_keys (route_id)")
    db.execute(
        "CREATE TABLE group_rekeys (group_id TEXT NOT NULL, epoch INTEGER NOT NULL, route_id TEXT NOT NULL, "
        "by_learner TEXT NOT NULL, wraps TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (group_id, epoch, hlc))"
    )


@migration("0053_group_epochs_author")
def _author(db: Schema) -> None:
    # the device that wrote the re-key stays in the group (relays use it: is_cut_off)
    db.execute("ALTER TABLE group_rekeys ADD COLUMN by_device TEXT NOT NULL DEFAULT ''")


@migration("0054_group_rekeys_signed")
def _signed(db: Schema) -> None:
    # version 2 groups: the new code's verifier, the wrapper's X25519 key, and the authority whose
    # signature over them holds ('' if none does)
    for column in ("verifier", "xkey", "signer", "sig"):
        db.execute(f"ALTER TABLE group_rekeys ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute(
        "UPDATE group_rekeys SET verifier = COALESCE((SELECT json_extract(e.payload, '$.verifier') FROM events e "
        "WHERE e.kind = 'group.rekeyed' AND e.scope = 'group:' || group_rekeys.group_id "
        "AND e.hlc = group_rekeys.hlc LIMIT 1), '')"
    )
