"""Who is in a group, projected from its events, with the group's authority applied when reading.

- ``group.created`` pins the group's creator, authority and first verifier. For a version 2 group
  (32-hex id) only a creation that passes :func:`_authority.creation_valid` is projected, and the
  first one this replica projects is kept; a group made before version 2 (24-hex id) keeps the
  first creation projected, as it always did.
- ``group.member_joined`` is last-writer-wins per (group, learner); the join's proof is kept, and
  in a version 2 group a member counts only if that proof holds against the verifier of its time
  (the first one, or the latest valid re-key's for a join made after it), so a removed member
  who rejoins with the old code is not a member anywhere, and gets no wrap at the next re-key.
- ``group.member_removed`` counts when the group's authority signed it for that very membership
  (version 2), or when the creator wrote it after the join (before version 2).

The same reads serve the hub (:mod:`hubdesk.sync.entitlement`), the centre's PCs and LAN peers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubdesk.core.events import GROUP_PREFIX, Event, projector
from hubdesk.core.groups import _join_proofs
from hubdesk.core.groups._authority import act_valid, creation_valid, rekey_fields, removal_fields
from hubdesk.core.groups._epochs import latest_verifier, valid_verifiers
from hubdesk.core.groups._model import NAME_MAX, Member, bounded, group_of_event
from hubdesk.core.store import Connection, Schema, Store, migration

if TYPE_CHECKING:
    pass

CREATED, JOINED, REKEYED = "group.created", "group.member_joined", "group.rekeyed"


@dataclass(frozen=True)
class Pinned:
    """The creation a replica holds for a group."""

    creator: str
    authority: str  # "" for a group made before version 2
    verifier: str
    xkey: str
    hlc: str


def pinned(store: Store, group_id: str) -> Pinned | None:
    rows = store.query(
        "SELECT creator, authority, verifier, creator_xkey, created_hlc FROM groups WHERE id = ?", (group_id,)
    )
    return Pinned(*(str(v or "") for v in rows[0])) if rows else None


@functools.lru_cache(maxsize=8192)
def _proof_holds(verifier: str, proof: str, group_id: str, device_id: str, learner_id: str, act: str = "join") -> bool:
    return _join_proofs.check(verifier, proof, group_id, device_id, learner_id, act)


def _join_holds(
    creation: Pinned,
    latest: tuple[str, str] | None,
    valid: list[str],
    join: tuple[str, str, str, str, str],
    act: str = "join",
) -> bool:
    """Whether a join's (or a leave's) proof holds against the group's verifier of its time
    (version 2 groups): the latest valid re-key's for one stamped after it, else any of the group's."""
    group_id, device, learner, proof, hlc = join
    candidates = [latest[1]] if latest is not None and hlc > latest[0] else [creation.verifier, *valid]
    return any(v and _proof_holds(v, proof, group_id, device, learner, act) for v in candidates)


def current_members(store: Store, group_id: str) -> list[Member]:
    creation = pinned(store, group_id)
    rows = store.query(
        "SELECT learner_id, name, device_id, xkey, joined_hlc, proof, left_hlc FROM group_members "
        "WHERE group_id = ? AND joined_hlc != '' ORDER BY name COLLATE NOCASE",
        (group_id,),
    )
    removals = store.query(
        "SELECT learner_id, by_learner, hlc, joined, signer FROM group_removals WHERE group_id = ?", (group_id,)
    )
    creator = creation.creator if creation else None
    v2 = creation is not None and bool(creation.authority)
    latest = latest_verifier(store, group_id) if v2 else None
    valid = valid_verifiers(store, group_id) if v2 else []

    def removed(learner: str, joined: str) -> bool:
        for r_learner, by, hlc, r_joined, signer in removals:
            if r_learner != learner or by != creator:
                continue
            if (v2 and creation is not None and signer == creation.authority and r_joined == joined) or (
                not v2 and hlc > joined
            ):
                return True
        return False

    leaves: dict[str, str] = {}  # version 2: the latest leave made with the code of its time
    if v2 and creation is not None:
        for learner, device, hlc, proof in store.query(
            "SELECT learner_id, device_id, hlc, proof FROM group_leaves WHERE group_id = ?", (group_id,)
        ):
            if hlc > leaves.get(learner, "") and _join_holds(
                creation, latest, valid, (group_id, device, learner, proof, hlc), "left"
            ):
                leaves[learner] = hlc

    out = []
    for learner, name, device, xkey, joined, proof, left in rows:
        if (leaves.get(learner, "") if v2 else left) >= joined or removed(learner, joined):
            continue
        if (
            v2
            and creation is not None
            and not _join_holds(creation, latest, valid, (group_id, device, learner, proof, joined))
        ):
            continue
        out.append(Member(learner, name, device, learner == creator, xkey))
    return out


def joined_at(store: Store, group_id: str, learner_id: str) -> str:
    rows = store.query(
        "SELECT joined_hlc FROM group_members WHERE group_id = ? AND learner_id = ?", (group_id, learner_id)
    )
    return str(rows[0][0]) if rows else ""


def groups_of_device(store: Store, device_id: str) -> set[str]:
    """Group ids in which a member who joined from ``device_id`` is current (not left, not removed)."""
    rows = store.query("SELECT DISTINCT group_id FROM group_members WHERE device_id = ?", (device_id,))
    return {str(gid) for (gid,) in rows if any(m.device_id == device_id for m in current_members(store, str(gid)))}


def join_verified(store: Store, join: Event, incoming: Sequence[Event] = ()) -> bool | None:
    """Whether a ``group.member_joined`` event proves the group's join code, checked without the code.

    The group's creation and valid re-keys come from this replica's tables, or, for a group it
    does not know yet, from ``incoming`` (the same message). None: no creation known, nothing can
    be checked. A group made before proofs existed (no verifier) takes joins at face value. A join
    stamped after the latest re-key must prove the *latest* code.
    """
    gid = join.scope[len(GROUP_PREFIX) :]
    creation = pinned(store, gid)
    if creation is None:
        creation = _incoming_creation(gid, [ev for ev in incoming if ev.scope == join.scope])
    if creation is None:
        return None
    if join.payload.get("device") != join.device_id or join.payload.get("group") != gid:
        return False
    proof, learner = join.payload.get("proof"), join.payload.get("learner")
    if not creation.verifier:
        return True
    if not isinstance(proof, str) or not isinstance(learner, str):
        return False
    latest = latest_verifier(store, gid)
    rekeys = [latest] if latest else []
    for ev in incoming:
        if ev.kind == REKEYED and ev.scope == join.scope and _rekey_valid(gid, creation, ev):
            rekeys.append((ev.hlc, str(ev.payload.get("verifier") or "")))
    if rekeys and join.hlc > max(rekeys)[0]:
        candidates = [max(rekeys)[1]]
    else:
        candidates = [creation.verifier, *valid_verifiers(store, gid), *(v for _, v in rekeys)]
    return any(v and _proof_holds(v, proof, gid, join.device_id, learner) for v in candidates)


def _rekey_valid(gid: str, creation: Pinned, ev: Event) -> bool:
    if not creation.authority:
        return True
    p = ev.payload
    return p.get("authority") == creation.authority and act_valid(
        creation.authority, p.get("sig"), REKEYED, gid, rekey_fields(p)
    )


def _incoming_creation(gid: str, events: Sequence[Event]) -> Pinned | None:
    for ev in sorted((e for e in events if e.kind == CREATED and group_of_event(e) == gid), key=lambda e: e.hlc):
        if _creation_counts(gid, ev):
            p = ev.payload
            return Pinned(ev.learner_id or "", str(p.get("authority") or ""), str(p.get("verifier") or ""), "", ev.hlc)
    return None


def _creation_counts(gid: str, ev: Event) -> bool:
    if _join_proofs.is_legacy(gid):
        return "authority" not in ev.payload
    return creation_valid(gid, ev.payload, ev.learner_id)


# -- projections -----------------------------------------------------------------------------------
@projector(CREATED)
def _created(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not _creation_counts(gid, ev):
        return
    p = ev.payload
    pack, lesson = p.get("pack"), p.get("lesson")
    conn.execute(
        "INSERT INTO groups (id, name, pack, lesson, creator, created_hlc, creator_xkey, verifier, authority) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
        (
            gid,
            bounded(p.get("name"), NAME_MAX),
            pack and bounded(pack, 200),
            lesson and bounded(lesson, 200),
            ev.learner_id,
            ev.hlc,
            bounded(p.get("xkey"), 64),  # pinned: the first valid created event this PC saw
            bounded(p.get("verifier"), 64),
            bounded(p.get("authority"), 64),
        ),
    )


@projector(JOINED)
def _joined(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("learner"):
        return
    p = ev.payload
    newer = "CASE WHEN excluded.joined_hlc > group_members.joined_hlc THEN excluded.{0} ELSE group_members.{0} END"
    conn.execute(
        "INSERT INTO group_members (group_id, learner_id, name, device_id, joined_hlc, left_hlc, xkey, proof) "
        "VALUES (?, ?, ?, ?, ?, '', ?, ?) ON CONFLICT(group_id, learner_id) DO UPDATE SET "
        + ", ".join(f"{c} = {newer.format(c)}" for c in ("name", "device_id", "xkey", "proof"))
        + ", joined_hlc = MAX(group_members.joined_hlc, excluded.joined_hlc)",
        (
            gid,
            bounded(p["learner"], 64),
            bounded(p.get("name"), NAME_MAX),
            bounded(p.get("device"), 64),
            ev.hlc,
            bounded(p.get("xkey"), 64),
            bounded(p.get("proof"), 200),
        ),
    )


@projector("group.member_left")
def _left(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("learner") or ev.payload.get("learner") != ev.learner_id:
        return
    # version 2 groups: a leave counts only with a proof of the code of its time (checked when
    # reading), so a removed member cannot make the hub drop the real members by "leaving" for them
    conn.execute(
        "INSERT OR IGNORE INTO group_leaves (group_id, learner_id, device_id, hlc, proof) VALUES (?, ?, ?, ?, ?)",
        (
            gid,
            bounded(ev.payload["learner"], 64),
            bounded(ev.payload.get("device"), 64),
            ev.hlc,
            bounded(ev.payload.get("proof"), 200),
        ),
    )
    conn.execute(
        "INSERT INTO group_members (group_id, learner_id, name, device_id, joined_hlc, left_hlc) "
        "VALUES (?, ?, '', '', '', ?) ON CONFLICT(group_id, learner_id) DO UPDATE SET "
        "left_hlc = MAX(group_members.left_hlc, excluded.left_hlc)",
        (gid, bounded(ev.payload["learner"], 64), ev.hlc),
    )


@projector("group.member_removed")
def _removed(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("learner") or not ev.learner_id:
        return
    p = ev.payload
    authority = bounded(p.get("authority"), 64)
    signed = act_valid(authority, p.get("sig"), "group.member_removed", gid, removal_fields(p))
    conn.execute(
        "INSERT OR IGNORE INTO group_removals (group_id, learner_id, by_learner, hlc, joined, signer) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            gid,
            bounded(p["learner"], 64),
            ev.learner_id,
            ev.hlc,
            bounded(p.get("joined"), 40),
            authority if signed else "",
        ),
    )


@migration("0050_groups_schema")
def _schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, pack TEXT, lesson TEXT, "
        "creator TEXT, created_hlc TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE group_members (group_id TEXT NOT NULL, learner_id TEXT NOT NULL, name TEXT NOT NULL, "
        "device_id TEXT NOT NULL, joined_hlc TEXT NOT NULL, left_hlc TEXT NOT NULL, PRIMARY KEY (group_id, learner_id))"
    )
    db.execute(
        "CREATE TABLE group_removals (group_id TEXT NOT NULL, learner_id TEXT NOT NULL, by_learner TEXT NOT NULL, "
        "hlc TEXT NOT NULL, PRIMARY KEY (group_id, learner_id, hlc))"
    )
    # Local to this PC, never events: the keys derived from join codes, and peers reached per group.
    db.execute(
        "CREATE TABLE group_keys (group_id TEXT PRIMARY KEY, key BLOB NOT NULL, code TEXT NOT NULL, "
        "added_at REAL NOT NULL)"
    )
    db.execute(
        "CREATE TABLE group_peers (group_id TEXT NOT NULL, address TEXT NOT NULL, device_id TEXT NOT NULL, "
        "seen_at REAL NOT NULL, PRIMARY KEY (group_id, address))"
    )


@migration("0051_groups_device_keys")
def _device_keys(db: Schema) -> None:
    # X25519 public keys: the creator's (pinned when the group is first seen) and each member's device.
    db.execute("ALTER TABLE groups ADD COLUMN creator_xkey TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE group_members ADD COLUMN xkey TEXT NOT NULL DEFAULT ''")


@migration("0056_group_leaves")
def _leaves(db: Schema) -> None:
    db.execute(
        "CREATE TABLE group_leaves (group_id TEXT NOT NULL, learner_id TEXT NOT NULL, device_id TEXT NOT NULL, "
        "hlc TEXT NOT NULL, proof TEXT NOT NULL, PRIMARY KEY (group_id, learner_id, hlc))"
    )


@migration("0054_groups_authority")
def _authority_columns(db: Schema) -> None:
    # version 2 groups: the first verifier and the authority pinned from the creation, each join's
    # proof (checked when reading), and what a removal names and who signed it ('' if no one did)
    db.execute("ALTER TABLE groups ADD COLUMN verifier TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE groups ADD COLUMN authority TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE group_members ADD COLUMN proof TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE group_removals ADD COLUMN joined TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE group_removals ADD COLUMN signer TEXT NOT NULL DEFAULT ''")
    # groups made before: their verifier was read from the events, keep it
    db.execute(
        "UPDATE groups SET verifier = COALESCE((SELECT json_extract(e.payload, '$.verifier') FROM events e "
        "WHERE e.kind = 'group.created' AND e.scope = 'group:' || groups.id ORDER BY e.hlc LIMIT 1), '')"
    )
