"""Study groups: creating, joining, leaving and membership, as events in the group's scope.

Everything a member does in a group is an event in scope ``group:<id>``, so it travels to the
other members (LAN peers), and through the hub and USB bundles to members who are away, and
nowhere else. Member names travel inside the group's events because a member's learner profile
(scope ``centre``) may live at another centre.

A group belongs to learners, not to the PC: the key of its join code is kept with a
``group.key_kept`` event in scope ``site``, bound to the learner who holds it, so it follows the
learner to every PC of the centre and to nothing else (:mod:`hubdesk.core.groups._keys`). What a
learner sees and may write are the groups they hold (:meth:`Groups.of_learner`,
:meth:`Groups.require_holder`), never every group some learner of this PC joined.

Authority over a group comes from its first creation event (:mod:`hubdesk.core.groups._authority`):
the group's id is a hash of the first join verifier, and only acts signed by the authority the
creation names (its creator's centre) re-key the group or remove a member. Projections are
order-independent: membership is last-writer-wins per (group, learner) on the HLC stamp, and
whether a removal counts is decided when reading, so a removal that arrives before the group's
``created`` event still ends up right. Questions and answers live in
:mod:`hubdesk.core.groups._questions`, shared notes in :mod:`hubdesk.core.groups._notes`;
removing a member moves the group to a new key (:mod:`hubdesk.core.groups._epochs`).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable

from hubdesk.core.events import SITE, EventLog, group_scope
from hubdesk.core.groups import _join_proofs as join_proofs
from hubdesk.core.groups._authority import Authority, rekey_fields, removal_fields, seal_creation, sign_act
from hubdesk.core.groups._epochs import GroupEpochs, device_xkey, public_b64, wrap
from hubdesk.core.groups._join_codes import GroupSecret, derive, new_code
from hubdesk.core.groups._keys import DROPPED, KEPT
from hubdesk.core.groups._membership import current_members, joined_at, pinned
from hubdesk.core.groups._model import NAME_MAX, Group, GroupError, Member, clean_text
from hubdesk.core.learners import Learner
from hubdesk.errors import AuthError, NotFound

LISTEN_META = "peer.listen"  # where this PC's running peer endpoint listens (hubdesk.peers.client)
NOT_RECEIVED = "(group details not received yet)"


def _signed(authority: Authority, kind: str, group_id: str, fields: dict[str, object]) -> dict[str, str]:
    return {"authority": authority.public_b64, "sig": sign_act(authority, kind, group_id, fields)}


class Groups:
    """The groups manager (``inst.groups``)."""

    def __init__(self, log: EventLog, authorities: Callable[[], list[Authority]] | None = None) -> None:
        self.log = log
        self.store = log.store
        self.epochs = GroupEpochs(self.store, log.device_id)
        self._authorities = authorities

    @property
    def authorities(self) -> list[Authority]:
        """The keys this PC may speak for groups with, the one new groups name first: its centre's,
        then its own device's (a centre of one PC, or groups started before it joined a centre)."""
        device = Authority(self.log.identity.public_key_b64, self.log.identity.sign)
        more = self._authorities() if self._authorities is not None else []
        return [*more, *(a for a in [device] if a.public_b64 not in {m.public_b64 for m in more})]

    def _authority_for(self, group_id: str) -> Authority | None:
        creation = pinned(self.store, group_id)
        if creation is None:
            return None
        if not creation.authority:  # made before version 2: its creator's PC
            return self.authorities[-1]
        return next((a for a in self.authorities if a.public_b64 == creation.authority), None)

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
        gid, device, xkey = secret.group_id, self.log.device_id, self.xkey_b64
        authority = self.authorities[0]
        with self.store.transaction():
            self._keep(gid, 0, secret, creator, name)
            self.log.append(
                "group.created",
                {
                    "id": gid,
                    "name": name,
                    "pack": pack,
                    "lesson": lesson,
                    "creator": creator.id,
                    "device": device,
                    "xkey": xkey,
                    "verifier": join_proofs.verifier(secret.key),
                    "authority": authority.public_b64,
                    "seal": seal_creation(secret.key, gid, authority.public_b64, creator.id, device, xkey),
                },
                scope=group_scope(gid),
                learner_id=creator.id,
            )
            self._append_join(gid, creator, secret.key)
        return self.get(gid), secret.code

    def join(self, code: str, learner: Learner, *, group_id: str | None = None, epoch: int = 0) -> str:
        """Keep the key a code stands for (for this learner) and record them as a member; return the group id.

        A code issued after a removal stands for a later epoch of an existing group: its peer says
        which group and epoch in the sealed handshake (``group_id``, ``epoch``). So does a peer of a
        group made before version 2, whose id is the code's ``legacy_id``.
        """
        secret = derive(code)
        gid = group_id or secret.group_id
        with self.store.transaction():
            self._keep(gid, epoch, secret, learner, "")
            if learner.id not in {m.learner_id for m in self.members(gid)}:
                self._append_join(gid, learner, secret.key)
        return gid

    def _append_join(self, group_id: str, learner: Learner, key: bytes) -> None:
        """``key``: the key of the code used, which signs the join so a relay (the hub) can check it
        without the code (:mod:`hubdesk.core.groups._join_proofs`)."""
        legacy = join_proofs.is_legacy(group_id)
        self.log.append(
            "group.member_joined",
            {
                "group": group_id,
                "learner": learner.id,
                "name": learner.name,
                "device": self.log.device_id,
                "xkey": self.xkey_b64,
                "proof": join_proofs.prove(key, group_id, self.log.device_id, learner.id, legacy=legacy),
            },
            scope=group_scope(group_id),
            learner_id=learner.id,
        )

    def _keep(self, group_id: str, epoch: int, secret: GroupSecret, learner: Learner | None, name: str) -> None:
        """Keep a key as a ``site`` event: every PC of the centre gets it, bound to ``learner``
        (None: a newer epoch key of a group held here, for whoever holds the group)."""
        listen = self.store.meta_get(LISTEN_META)
        self.log.append(
            KEPT,
            {
                "group": group_id,
                "epoch": epoch,
                "route": secret.legacy_id if join_proofs.is_legacy(group_id) else secret.group_id,
                "code": secret.code,
                "key": base64.b64encode(secret.key).decode(),
                "name": name,
                "peers": [listen] if listen else [],
            },
            scope=SITE,
            learner_id=learner.id if learner else None,
        )

    def leave(self, group_id: str, learner_id: str) -> None:
        self.require_member(group_id, learner_id)
        key, device = self.key(group_id), self.log.device_id
        proof = join_proofs.prove(key, group_id, device, learner_id, act="left") if key else ""
        with self.store.transaction():
            self.log.append(
                "group.member_left",
                {"group": group_id, "learner": learner_id, "device": device, "proof": proof},
                scope=group_scope(group_id),
                learner_id=learner_id,
            )
            self.log.append(DROPPED, {"group": group_id}, scope=SITE, learner_id=learner_id)

    def remove(self, group_id: str, learner_id: str, *, by: str) -> str:
        """Remove a member and move the group to a new key; return the new join code (the old one
        no longer admits anyone)."""
        group = self.get(group_id)
        authority = self._authority_for(group_id)
        if group.creator != by or authority is None:
            raise AuthError("Only the person who started the group can remove a member, at their own centre.")
        removed = self.require_member(group_id, learner_id)
        fields = {
            "group": group_id,
            "learner": learner_id,
            "by": by,
            "joined": joined_at(self.store, group_id, learner_id),
        }
        with self.store.transaction():
            self.log.append(
                "group.member_removed",
                {**fields, **_signed(authority, "group.member_removed", group_id, removal_fields(fields))},
                scope=group_scope(group_id),
                learner_id=by,
            )
            return self._rekey(group_id, removed, by, authority)

    def _rekey(self, group_id: str, removed: Member, by: str, authority: Authority) -> str:
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
        self._keep(group_id, epoch, secret, None, "")
        legacy = join_proofs.is_legacy(group_id)
        payload: dict[str, object] = {
            "group": group_id,
            "epoch": epoch,
            "route": secret.legacy_id if legacy else secret.group_id,
            "wraps": wraps,
            "verifier": join_proofs.verifier(secret.key, group_id if legacy else None),
            "xkey": self.xkey_b64,
        }
        payload.update(_signed(authority, "group.rekeyed", group_id, rekey_fields(payload)))
        self.log.append("group.rekeyed", payload, scope=group_scope(group_id), learner_id=by)
        return secret.code

    def adopt_epochs(self, group_id: str, found: list[object] | None = None) -> bool:
        """Take a newer key wrapped for this device, from announcements a peer sent (``found``) or
        ones that arrived as events (hub, USB); True if the group's key changed."""
        creation = pinned(self.store, group_id)
        if creation is None:
            return False
        announced = found if found is not None else list(self.epochs.announcements(group_id))
        opened = self.epochs.adopt(group_id, (creation.authority, creation.xkey), device_xkey(self.store), announced)
        if opened is None:
            return False
        epoch, code = opened
        with self.store.transaction():
            self._keep(group_id, epoch, derive(code), None, "")
        return True

    def require_member(self, group_id: str, learner_id: str) -> Member:
        for m in self.members(group_id):
            if m.learner_id == learner_id:
                return m
        raise GroupError("That learner is not a member of this group.")

    def require_holder(self, group_id: str, learner_id: str) -> Group:
        """The group, if ``learner_id`` holds it on this PC (what another learner at the PC may not touch)."""
        if group_id not in {g.id for g in self.of_learner(learner_id)}:
            raise GroupError("That study group is not one of yours.")
        return self.get(group_id)

    # -- reading ------------------------------------------------------------------------------
    def ids(self) -> list[str]:
        """Groups this PC holds the key of, for any of its learners (what its peer node syncs)."""
        return [r[0] for r in self.store.query("SELECT group_id FROM group_keys ORDER BY added_at")]

    def all(self) -> list[Group]:
        return [self.get(gid) for gid in self.ids()]

    def of_learner(self, learner_id: str) -> list[Group]:
        """The groups a learner holds and has not left: theirs, on whichever PC of the centre.

        A group joined on this PC before keys followed learners counts too: the learner's own
        membership event names this PC.
        """
        rows = self.store.query(
            "SELECT k.group_id FROM group_keys k WHERE "
            "EXISTS (SELECT 1 FROM group_holders h WHERE h.group_id = k.group_id AND h.learner_id = ? "
            "AND h.held_hlc > h.dropped_hlc) OR (NOT EXISTS (SELECT 1 FROM group_holders h "
            "WHERE h.group_id = k.group_id AND h.learner_id = ?) AND EXISTS (SELECT 1 FROM group_members m "
            "WHERE m.group_id = k.group_id AND m.learner_id = ? AND m.device_id = ?)) ORDER BY k.added_at",
            (learner_id, learner_id, learner_id, self.log.device_id),
        )
        groups = [self.get(str(gid)) for (gid,) in rows]
        # not one the learner left or was removed from (known only once the group's events are here)
        return [g for g in groups if not g.known or learner_id in {m.learner_id for m in g.members}]

    def get(self, group_id: str) -> Group:
        if not self.store.query("SELECT 1 FROM group_keys WHERE group_id = ?", (group_id,)):
            raise NotFound(f"This PC is not in a group with id {group_id}.")
        row = self.store.query("SELECT name, pack, lesson, creator FROM groups WHERE id = ?", (group_id,))
        if row:
            name, pack, lesson, creator = tuple(row[0])
        else:
            named = self.store.query(
                "SELECT name FROM group_holders WHERE group_id = ? AND name != '' LIMIT 1", (group_id,)
            )
            name, pack, lesson, creator = (str(named[0][0]) if named else NOT_RECEIVED), None, None, None
        return Group(group_id, name, pack, lesson, creator, tuple(self.members(group_id)))

    def find(self, id_or_name: str, learner_id: str | None = None) -> Group:
        """By id (or a unique prefix of it), or by name ignoring case; among a learner's groups if given."""
        groups = self.all() if learner_id is None else self.of_learner(learner_id)
        matches = [g for g in groups if g.id == id_or_name]
        matches = matches or [g for g in groups if g.name.casefold() == id_or_name.casefold()]
        matches = matches or [g for g in groups if len(id_or_name) >= 4 and g.id.startswith(id_or_name)]
        if len(matches) != 1:
            whose = "on this PC" if learner_id is None else "among this learner's groups"
            raise NotFound(f"There is no single group called {id_or_name!r} {whose}.")
        return matches[0]

    def members(self, group_id: str) -> list[Member]:
        return current_members(self.store, group_id)

    def key(self, group_id: str) -> bytes | None:
        row = self.store.query("SELECT key FROM group_keys WHERE group_id = ?", (group_id,))
        return bytes(row[0][0]) if row else None

    def code(self, group_id: str) -> str | None:
        row = self.store.query("SELECT code FROM group_keys WHERE group_id = ?", (group_id,))
        return str(row[0][0]) if row else None

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
