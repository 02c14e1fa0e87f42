"""Learners and facilitators on a shared PC: profiles, secrets and lockout.

Profiles and their secrets are events (scope ``centre``), so they reach the hub and survive a
reinstall; failed sign-in attempts and lockouts are local state of this PC only.
"""

from __future__ import annotations

import re
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubdesk.core.events import CENTRE, Event, EventLog, projector
from hubdesk.core.secrets import hash_secret, verify_secret
from hubdesk.core.store import migration
from hubdesk.errors import AuthError, HubDeskError, LockedOut, NotFound

if TYPE_CHECKING:
    import sqlite_utils

LEARNER = "learner"
FACILITATOR = "facilitator"
ROLES = (LEARNER, FACILITATOR)
SECRET_KINDS = ("pin", "pictures", "password")
PICTURE_COUNT = 9
PICTURES_IN_PASSWORD = 3
COLOURS = ("#e4572e", "#17bebb", "#ffc914", "#76b041", "#2e86ab", "#a23b72", "#f18f01", "#6a4c93")
NAME_MAX = 60


class LearnerError(HubDeskError):
    """A learner name, PIN or picture password that cannot be used."""


@dataclass(frozen=True)
class Learner:
    id: str
    name: str
    role: str
    colour: str
    secrets: frozenset[str]

    @property
    def is_facilitator(self) -> bool:
        return self.role == FACILITATOR

    @property
    def needs_secret(self) -> bool:
        return bool(self.secrets)


@dataclass(frozen=True)
class LockoutPolicy:
    """Wrong attempts allowed before a lock, and how the lock grows with each further failure."""

    free_attempts: int = 3
    first_delay_s: float = 30.0
    max_delay_s: float = 3600.0

    def delay_after(self, failures: int) -> float:
        if failures < self.free_attempts:
            return 0.0
        return float(min(self.first_delay_s * 2 ** (failures - self.free_attempts), self.max_delay_s))


def normalise_secret(kind: str, secret: str | list[int] | tuple[int, ...]) -> str:
    """Check a PIN, picture sequence or password and return the text that gets hashed."""
    if kind == "pin":
        if not isinstance(secret, str) or not re.fullmatch(r"\d{4,6}", secret):
            raise LearnerError("A PIN is 4 to 6 digits.")
        return secret
    if kind == "pictures":
        pics = list(secret) if not isinstance(secret, str) else [int(x) for x in re.split(r"[-, ]+", secret) if x]
        if len(pics) != PICTURES_IN_PASSWORD or any(not 0 <= p < PICTURE_COUNT for p in pics):
            raise LearnerError(f"A picture password is {PICTURES_IN_PASSWORD} of the {PICTURE_COUNT} pictures.")
        return "-".join(str(p) for p in pics)
    if kind == "password":
        if not isinstance(secret, str) or len(secret) < 6:
            raise LearnerError("A facilitator password has at least 6 characters.")
        return secret
    raise LearnerError(f"Unknown kind of secret: {kind}.")


class Learners:
    """The learners manager, hung off the installation."""

    def __init__(
        self, log: EventLog, policy: LockoutPolicy | None = None, now: Callable[[], float] = time.time
    ) -> None:
        self.log = log
        self.store = log.store
        self.policy = policy or LockoutPolicy()
        self._now = now

    # -- reading ------------------------------------------------------------------------------
    def all(self, include_removed: bool = False) -> list[Learner]:
        where = "" if include_removed else "WHERE removed = 0"
        rows = self.store.query(f"SELECT id, name, role, colour FROM learners {where} ORDER BY name COLLATE NOCASE")
        secrets = self._secret_kinds()
        return [Learner(r[0], r[1], r[2], r[3], secrets.get(r[0], frozenset())) for r in rows]

    def get(self, learner_id: str) -> Learner:
        for learner in self.all(include_removed=True):
            if learner.id == learner_id:
                return learner
        raise NotFound(f"There is no learner with id {learner_id}.")

    def find(self, name_or_id: str) -> Learner:
        """By id, or by name ignoring case (the CLI's ``--as NAME``)."""
        matches = [lr for lr in self.all() if lr.id == name_or_id or lr.name.casefold() == name_or_id.casefold()]
        if not matches:
            raise NotFound(f"There is no learner called {name_or_id!r}.")
        return matches[0]

    def _secret_kinds(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for lid, kind in self.store.query("SELECT learner_id, kind FROM learner_secrets WHERE hash != ''"):
            out.setdefault(lid, set()).add(kind)
        return {k: frozenset(v) for k, v in out.items()}

    # -- profile events -----------------------------------------------------------------------
    def add(
        self,
        name: str,
        *,
        role: str = LEARNER,
        pin: str | None = None,
        pictures: list[int] | None = None,
        password: str | None = None,
        colour: str | None = None,
    ) -> Learner:
        name = self._check_name(name)
        if role not in ROLES:
            raise LearnerError(f"A role is one of {', '.join(ROLES)}.")
        if any(lr.name.casefold() == name.casefold() for lr in self.all()):
            raise LearnerError(f"There is already a learner called {name!r}.")
        hashes = {
            kind: hash_secret(normalise_secret(kind, value))
            for kind, value in (("pin", pin), ("pictures", pictures), ("password", password))
            if value is not None
        }
        learner_id = uuid.uuid4().hex
        colour = colour or COLOURS[len(self.all(include_removed=True)) % len(COLOURS)]
        with self.store.transaction():
            self.log.append(
                "learner.added",
                {"id": learner_id, "name": name, "role": role, "colour": colour},
                learner_id=learner_id,
            )
            for kind, hashed in hashes.items():
                self.log.append(
                    "learner.secret_set", {"id": learner_id, "kind": kind, "hash": hashed}, learner_id=learner_id
                )
        return self.get(learner_id)

    def rename(self, learner_id: str, name: str) -> Learner:
        self.get(learner_id)
        name = self._check_name(name)
        self.log.append("learner.renamed", {"id": learner_id, "name": name}, learner_id=learner_id)
        return self.get(learner_id)

    def remove(self, learner_id: str) -> None:
        self.get(learner_id)
        self.log.append("learner.removed", {"id": learner_id}, learner_id=learner_id)

    def set_secret(self, learner_id: str, kind: str, secret: str | list[int] | None) -> None:
        """Set, replace or (with ``None``) clear a PIN, picture password or facilitator password."""
        self.get(learner_id)
        hashed = "" if secret is None else hash_secret(normalise_secret(kind, secret))
        self.log.append("learner.secret_set", {"id": learner_id, "kind": kind, "hash": hashed}, learner_id=learner_id)
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM login_failures WHERE learner_id = ?", (learner_id,))

    @staticmethod
    def _check_name(name: str) -> str:
        name = " ".join(name.split())
        if not name or len(name) > NAME_MAX:
            raise LearnerError(f"A name has 1 to {NAME_MAX} characters.")
        return name

    # -- sign-in ------------------------------------------------------------------------------
    def locked_for(self, learner_id: str) -> float:
        """Seconds left before this profile may try again (0 when it may)."""
        row = self.store.query("SELECT locked_until FROM login_failures WHERE learner_id = ?", (learner_id,))
        return max(0.0, row[0][0] - self._now()) if row else 0.0

    def verify(self, learner_id: str, kind: str, secret: str | list[int]) -> Learner:
        """Check a secret; count failures and lock the profile with a growing delay."""
        learner = self.get(learner_id)
        left = self.locked_for(learner_id)
        if left > 0:
            raise LockedOut(f"Too many wrong tries. Try again in {int(left) + 1} seconds.", left)
        row = self.store.query("SELECT hash FROM learner_secrets WHERE learner_id = ? AND kind = ?", (learner_id, kind))
        stored = row[0][0] if row else ""
        try:
            candidate = normalise_secret(kind, secret)
        except LearnerError:
            candidate = None
        if stored and candidate is not None and verify_secret(candidate, stored):
            with self.store.transaction() as conn:
                conn.execute("DELETE FROM login_failures WHERE learner_id = ?", (learner_id,))
            return learner
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO login_failures (learner_id, failures, locked_until) VALUES (?, 1, 0) "
                "ON CONFLICT(learner_id) DO UPDATE SET failures = failures + 1",
                (learner_id,),
            )
            failures = conn.execute(
                "SELECT failures FROM login_failures WHERE learner_id = ?", (learner_id,)
            ).fetchone()[0]
            delay = self.policy.delay_after(failures)
            if delay:
                conn.execute(
                    "UPDATE login_failures SET locked_until = ? WHERE learner_id = ?",
                    (self._now() + delay, learner_id),
                )
        if delay:
            raise LockedOut(f"That was not right. Too many wrong tries: wait {int(delay)} seconds.", delay)
        raise AuthError("That was not right. Please try again.")


# -- projections (last writer wins on the HLC stamp, so any order of events gives the same rows) ---
def _profile_id(ev: Event, *fields: str) -> str | None:
    """The learner id a profile event is about, or None when it must change nothing.

    Profiles and secrets are ``centre`` events: one in another scope came from a study-group peer
    or through the hub (a ``community`` ``learner.added`` would otherwise give every centre a new
    facilitator, a ``group:*`` ``learner.secret_set`` replace a learner's PIN). A payload missing a
    field (a hostile or newer sender) is kept in the log but shown nowhere, rather than failing
    the whole batch it arrived in.
    """
    p = ev.payload
    lid = p.get("id")
    if ev.scope != CENTRE or not isinstance(lid, str) or not lid or len(lid) > 64:
        return None
    if not all(isinstance(p.get(f), str) for f in fields):
        return None
    return lid


@projector("learner.added")
def _added(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    lid = _profile_id(ev, "name")
    if lid is None:
        return
    conn.execute(
        "INSERT INTO learners (id, name, role, colour, name_hlc, removed, removed_hlc, origin_device) "
        "VALUES (?, ?, ?, ?, ?, 0, '', ?) ON CONFLICT(id) DO UPDATE SET "
        "name = CASE WHEN excluded.name_hlc > learners.name_hlc THEN excluded.name ELSE learners.name END, "
        "name_hlc = MAX(learners.name_hlc, excluded.name_hlc), role = excluded.role, "
        "colour = excluded.colour, origin_device = excluded.origin_device",
        (
            lid,
            str(p["name"])[:NAME_MAX],
            str(p.get("role", LEARNER)),
            str(p.get("colour", COLOURS[0])),
            ev.hlc,
            ev.device_id,
        ),
    )


@projector("learner.renamed")
def _renamed(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    lid = _profile_id(ev, "name")
    if lid is None:
        return
    conn.execute(
        "INSERT INTO learners (id, name, role, colour, name_hlc, removed, removed_hlc, origin_device) "
        "VALUES (?, ?, 'learner', ?, ?, 0, '', '') ON CONFLICT(id) DO UPDATE SET "
        "name = CASE WHEN excluded.name_hlc > learners.name_hlc THEN excluded.name ELSE learners.name END, "
        "name_hlc = MAX(learners.name_hlc, excluded.name_hlc)",
        (lid, str(p["name"])[:NAME_MAX], COLOURS[0], ev.hlc),
    )


@projector("learner.removed")
def _removed(conn: sqlite3.Connection, ev: Event) -> None:
    lid = _profile_id(ev)
    if lid is None:
        return
    conn.execute(
        "INSERT INTO learners (id, name, role, colour, name_hlc, removed, removed_hlc, origin_device) "
        "VALUES (?, '', 'learner', ?, '', 1, ?, '') ON CONFLICT(id) DO UPDATE SET removed = 1, "
        "removed_hlc = MAX(learners.removed_hlc, excluded.removed_hlc)",
        (lid, COLOURS[0], ev.hlc),
    )


@projector("learner.secret_set")
def _secret(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    lid = _profile_id(ev)
    if lid is None or p.get("kind") not in SECRET_KINDS:
        return
    conn.execute(
        "INSERT INTO learner_secrets (learner_id, kind, hash, hlc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(learner_id, kind) DO UPDATE SET hash = excluded.hash, hlc = excluded.hlc "
        "WHERE excluded.hlc > learner_secrets.hlc",
        (lid, str(p["kind"]), str(p.get("hash", "")), ev.hlc),
    )


@migration("0010_core_learners")
def _schema(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE learners (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, colour TEXT NOT NULL,
            name_hlc TEXT NOT NULL, removed INTEGER NOT NULL, removed_hlc TEXT NOT NULL,
            origin_device TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE learner_secrets (
            learner_id TEXT NOT NULL, kind TEXT NOT NULL, hash TEXT NOT NULL, hlc TEXT NOT NULL,
            PRIMARY KEY (learner_id, kind))"""
    )
    db.execute(
        """CREATE TABLE login_failures (
            learner_id TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until REAL NOT NULL)"""
    )
