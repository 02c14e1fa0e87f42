"""Study groups: creating, joining, leaving and membership, as events in the group's scope.

Everything a member does in a group is an event in scope ``group:<id>``, so it travels to the
other members (LAN peers), and through the hub and USB bundles to members who are away, and
nowhere else. Member names travel inside the group's events because a member's learner profile
(scope ``centre``) may live at another centre.

What never becomes an event is the group's key: it is derived from the join code and kept in the
local ``group_keys`` table, next to the addresses of the peers this PC has reached for the group
(``group_peers``). Both are facts about this PC, not about the group.

Projections are order-independent: membership is last-writer-wins per (group, learner) on the HLC
stamp, and a removal counts only when its author is the group's creator, which is checked when
reading, so a removal that arrives before the group's ``created`` event still ends up right.
Questions and answers live in :mod:`hubdesk.core.groups._questions`, shared notes in
:mod:`hubdesk.core.groups._notes`; removing a member moves the group to a new key
(:mod:`hubdesk.core.groups._epochs`).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hubdesk.core.events import GROUP_PREFIX, Event, EventLog, group_scope, projector
from hubdesk.core.groups import _join_proofs as join_proofs
from hubdesk.core.groups._epochs import GroupEpochs, device_xkey, public_b64, wrap
from hubdesk.core.groups._join_codes import GroupSecret, derive, new_code
from hubdesk.core.learners import Learner
from hubdesk.core.store import migration
from hubdesk.errors import AuthError, HubDeskError, NotFound

if TYPE_CHECKING:
    import sqlite_utils

NAME_MAX = 80


class GroupError(HubDeskError):
    """A group action that cannot be done (empty name, not a member, not the creator)."""


@dataclass(frozen=True)
class Member:
    learner_id: str
    name: str
    device_id: str
    is_creator: bool = False
    xkey: str = ""  # the X25519 public key of the member's device (wraps new keys after a removal)


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    pack: str | None
    lesson: str | None
    creator: str | None
    members: tuple[Member, ...] = field(default=())

    @property
    def scope(self) -> str:
        return group_scope(self.id)

    @property
    def known(self) -> bool:
        """False until the group's ``created`` event has reached this PC (joined offline)."""
        return self.creator is not None


def clean_text(text: str, limit: int, what: str) -> str:
    text = text.strip()
    if not text or len(text) > limit:
        raise GroupError(f"A {what} has 1 to {limit} characters.")
    return text


class Groups:
    """The groups manager (``inst.groups``)."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.store = log.store
        self.epochs = GroupEpochs(self.store, log.device_id)

    @property
    def xkey_b64(self) -> str:
        """This installation's X25519 public key, announced in the group events it writes."""
        return public_b64(device_xkey(self.store))

    # -- making and joining -------------------------------------------------------------------
    def create(
        self, name: str, creator: Learner, *, pack: str | None = None, lesson: str | None = None
    ) -> tuple[Group, str]:
        """Start a group; return it and the join code to read aloud."""
        name = clean_text(name, NAME_MAX, "group name")
        secret = derive(new_code())
        with self.store.transaction():
            self._keep_key(secret)
            self.log.append(
                "group.created",
                {
                    "id": secret.group_id,
                    "name": name,
                    "pack": pack,
                    "lesson": lesson,
                    "creator": creator.id,
                    "xkey": self.xkey_b64,
                    "verifier": join_proofs.verifier(secret.key, secret.group_id),
                },
                scope=group_scope(secret.group_id),
                learner_id=creator.id,
            )
            self._append_join(secret.group_id, creator, secret.key)
        return self.get(secret.group_id), secret.code

    def join(self, code: str, learner: Learner, *, group_id: str | None = None, epoch: int = 0) -> str:
        """Keep the key a code stands for and record the learner as a member; return the group id.

        A code issued after a removal stands for a later epoch of an existing group: its peer says
        which group and epoch in the sealed handshake (``group_id``, ``epoch``).
        """
        secret = derive(code)
        gid = group_id or secret.group_id
        with self.store.transaction():
            if gid == secret.group_id:
                self._keep_key(secret)
            else:
                self.epochs.keep(gid, epoch, code)
            if learner.id not in {m.learner_id for m in self.members(gid)}:
                self._append_join(gid, learner, secret.key)
        return gid

    def _append_join(self, group_id: str, learner: Learner, key: bytes) -> None:
        """``key``: the key of the code used, which signs the join so a relay (the hub) can check it
        without the code (:mod:`hubdesk.core.groups._join_proofs`)."""
        self.log.append(
            "group.member_joined",
            {
                "group": group_id,
                "learner": learner.id,
                "name": learner.name,
                "device": self.log.device_id,
                "xkey": self.xkey_b64,
                "proof": join_proofs.prove(key, group_id, self.log.device_id, learner.id),
            },
            scope=group_scope(group_id),
            learner_id=learner.id,
        )

    def _keep_key(self, secret: GroupSecret) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO group_keys (group_id, key, code, added_at) VALUES (?, ?, ?, ?)",
                (secret.group_id, secret.key, secret.code, time.time()),
            )

    def leave(self, group_id: str, learner_id: str) -> None:
        self.require_member(group_id, learner_id)
        self.log.append(
            "group.member_left",
            {"group": group_id, "learner": learner_id},
            scope=group_scope(group_id),
            learner_id=learner_id,
        )

    def remove(self, group_id: str, learner_id: str, *, by: str) -> str:
        """Remove a member and move the group to a new key; return the new join code (the old one
        no longer admits anyone)."""
        group = self.get(group_id)
        if group.creator != by:
            raise AuthError("Only the person who started the group can remove a member.")
        removed = self.require_member(group_id, learner_id)
        with self.store.transaction():
            self.log.append(
                "group.member_removed",
                {"group": group_id, "learner": learner_id, "by": by},
                scope=group_scope(group_id),
                learner_id=by,
            )
            return self._rekey(group_id, removed, by)

    def _rekey(self, group_id: str, removed: Member, by: str) -> str:
        """A new epoch: a fresh code, wrapped for every remaining member's device but this one.

        A device the removed member shares with a member who stays keeps the key: it cannot be
        told apart from that member's.
        """
        epoch = self.epochs.current(group_id) + 1
        secret = derive(new_code())
        own = device_xkey(self.store)
        devices = {m.device_id: m.xkey for m in self.members(group_id) if m.learner_id != removed.learner_id}
        wraps = {
            device: wrap(own, xkey, group_id, epoch, device, secret.code)
            for device, xkey in devices.items()
            if xkey and device != self.log.device_id
        }
        self.epochs.keep(group_id, epoch, secret.code)
        self.log.append(
            "group.rekeyed",
            {
                "group": group_id,
                "epoch": epoch,
                "route": secret.group_id,
                "wraps": wraps,
                "verifier": join_proofs.verifier(secret.key, group_id),
            },
            scope=group_scope(group_id),
            learner_id=by,
        )
        return secret.code

    def adopt_epochs(self, group_id: str, found: list[object] | None = None) -> bool:
        """Take a newer key wrapped for this device, from announcements a peer sent (``found``) or
        ones that arrived as events (hub, USB); True if the group's key changed."""
        row = self.store.query("SELECT creator_xkey FROM groups WHERE id = ?", (group_id,))
        creator_xkey = str(row[0][0] or "") if row else ""
        announced = found if found is not None else list(self.epochs.announcements(group_id))
        return self.epochs.adopt(group_id, creator_xkey, device_xkey(self.store), announced)

    def require_member(self, group_id: str, learner_id: str) -> Member:
        for m in self.members(group_id):
            if m.learner_id == learner_id:
                return m
        raise GroupError("That learner is not a member of this group.")

    # -- reading ------------------------------------------------------------------------------
    def ids(self) -> list[str]:
        """Groups this PC holds the key of (it joined or created them here)."""
        return [r[0] for r in self.store.query("SELECT group_id FROM group_keys ORDER BY added_at")]

    def all(self) -> list[Group]:
        return [self.get(gid) for gid in self.ids()]

    def get(self, group_id: str) -> Group:
        if not self.store.query("SELECT 1 FROM group_keys WHERE group_id = ?", (group_id,)):
            raise NotFound(f"This PC is not in a group with id {group_id}.")
        row = self.store.query("SELECT name, pack, lesson, creator FROM groups WHERE id = ?", (group_id,))
        name, pack, lesson, creator = tuple(row[0]) if row else ("(group details not received yet)", None, None, None)
        return Group(group_id, name, pack, lesson, creator, tuple(self.members(group_id)))

    def find(self, id_or_name: str) -> Group:
        """By id (or a unique prefix of it), or by name ignoring case."""
        groups = self.all()
        matches = [g for g in groups if g.id == id_or_name]
        matches = matches or [g for g in groups if g.name.casefold() == id_or_name.casefold()]
        matches = matches or [g for g in groups if len(id_or_name) >= 4 and g.id.startswith(id_or_name)]
        if len(matches) != 1:
            raise NotFound(f"There is no single group called {id_or_name!r} on this PC.")
        return matches[0]

    def members(self, group_id: str) -> list[Member]:
        rows = self.store.query(
            "SELECT m.learner_id, m.name, m.device_id, g.creator, m.xkey FROM group_members m "
            "LEFT JOIN groups g ON g.id = m.group_id WHERE m.group_id = ? AND m.joined_hlc > m.left_hlc "
            "AND NOT EXISTS (SELECT 1 FROM group_removals r WHERE r.group_id = m.group_id "
            "AND r.learner_id = m.learner_id AND r.by_learner = g.creator AND r.hlc > m.joined_hlc) "
            "ORDER BY m.name COLLATE NOCASE",
            (group_id,),
        )
        return [Member(r[0], r[1], r[2], r[0] == r[3], r[4]) for r in rows]

    def key(self, group_id: str) -> bytes | None:
        row = self.store.query("SELECT key FROM group_keys WHERE group_id = ?", (group_id,))
        return bytes(row[0][0]) if row else None

    def code(self, group_id: str) -> str | None:
        row = self.store.query("SELECT code FROM group_keys WHERE group_id = ?", (group_id,))
        return str(row[0][0]) if row else None

    def scopes_of_learners(self, learner_ids: set[str]) -> set[str]:
        """Group scopes a set of learners belongs to: what the hub and USB bundles may carry to them."""
        rows = self.store.query("SELECT DISTINCT group_id, learner_id FROM group_members WHERE joined_hlc > left_hlc")
        return {GROUP_PREFIX + g for g, lid in rows if lid in learner_ids}

    # -- peers this PC has reached for a group (local, never events) ---------------------------
    def add_peer(self, group_id: str, address: str, device_id: str = "") -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO group_peers (group_id, address, device_id, seen_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(group_id, address) DO UPDATE SET seen_at = excluded.seen_at, "
                "device_id = CASE WHEN excluded.device_id != '' THEN excluded.device_id ELSE group_peers.device_id END",
                (group_id, address, device_id, time.time()),
            )

    def peers(self, group_id: str) -> list[tuple[str, str]]:
        """``(address, device_id)`` of peers known for a group, most recently seen first."""
        rows = self.store.query(
            "SELECT address, device_id FROM group_peers WHERE group_id = ? ORDER BY seen_at DESC", (group_id,)
        )
        return [(r[0], r[1]) for r in rows]


# -- projections -----------------------------------------------------------------------------------
def bounded(value: object, limit: int) -> str:
    return str(value)[:limit] if value is not None else ""


def group_of_event(ev: Event) -> str | None:
    """The group an event belongs to; an event whose payload names another group is ignored."""
    if not ev.scope.startswith(GROUP_PREFIX):
        return None
    gid = ev.scope[len(GROUP_PREFIX) :]
    named = ev.payload.get("group", ev.payload.get("id"))
    return gid if named == gid else None


@projector("group.created")
def _created(conn: sqlite3.Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None:
        return
    p = ev.payload
    pack, lesson = p.get("pack"), p.get("lesson")
    conn.execute(
        "INSERT INTO groups (id, name, pack, lesson, creator, created_hlc, creator_xkey) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO NOTHING",
        (
            gid,
            bounded(p.get("name"), NAME_MAX),
            pack and bounded(pack, 200),
            lesson and bounded(lesson, 200),
            ev.learner_id,
            ev.hlc,
            bounded(p.get("xkey"), 64),  # pinned: the first created event this PC saw
        ),
    )


@projector("group.member_joined")
def _joined(conn: sqlite3.Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("learner"):
        return
    p = ev.payload
    conn.execute(
        "INSERT INTO group_members (group_id, learner_id, name, device_id, joined_hlc, left_hlc, xkey) "
        "VALUES (?, ?, ?, ?, ?, '', ?) ON CONFLICT(group_id, learner_id) DO UPDATE SET "
        "name = CASE WHEN excluded.joined_hlc > group_members.joined_hlc "
        "THEN excluded.name ELSE group_members.name END, "
        "device_id = CASE WHEN excluded.joined_hlc > group_members.joined_hlc "
        "THEN excluded.device_id ELSE group_members.device_id END, "
        "xkey = CASE WHEN excluded.joined_hlc > group_members.joined_hlc "
        "THEN excluded.xkey ELSE group_members.xkey END, "
        "joined_hlc = MAX(group_members.joined_hlc, excluded.joined_hlc)",
        (
            gid,
            bounded(p["learner"], 64),
            bounded(p.get("name"), NAME_MAX),
            bounded(p.get("device"), 64),
            ev.hlc,
            bounded(p.get("xkey"), 64),
        ),
    )


@projector("group.member_left")
def _left(conn: sqlite3.Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("learner") or ev.payload.get("learner") != ev.learner_id:
        return
    conn.execute(
        "INSERT INTO group_members (group_id, learner_id, name, device_id, joined_hlc, left_hlc) "
        "VALUES (?, ?, '', '', '', ?) ON CONFLICT(group_id, learner_id) DO UPDATE SET "
        "left_hlc = MAX(group_members.left_hlc, excluded.left_hlc)",
        (gid, bounded(ev.payload["learner"], 64), ev.hlc),
    )


@projector("group.member_removed")
def _removed(conn: sqlite3.Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    if gid is None or not ev.payload.get("learner") or not ev.learner_id:
        return
    conn.execute(
        "INSERT OR IGNORE INTO group_removals (group_id, learner_id, by_learner, hlc) VALUES (?, ?, ?, ?)",
        (gid, bounded(ev.payload["learner"], 64), ev.learner_id, ev.hlc),
    )


@migration("0050_groups_schema")
def _schema(db: sqlite_utils.Database) -> None:
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
def _device_keys(db: sqlite_utils.Database) -> None:
    # X25519 public keys: the creator's (pinned when the group is first seen) and each member's device.
    db.execute("ALTER TABLE groups ADD COLUMN creator_xkey TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE group_members ADD COLUMN xkey TEXT NOT NULL DEFAULT ''")
