"""Learners and facilitators on a shared PC: profiles, secrets and lockout.

Profiles are events of scope ``centre``: they reach every PC of the centre and its hub. Secrets
(PIN, picture and password hashes) and failed sign-in attempts are events of scope ``site``: they
reach every PC of the centre, so a learner signs in on any of them and a lockout counts across
them, but never the hub, a USB stick or a Syncthing folder (a 4-digit PIN's hash falls to an offline
guess in seconds). Hashes written before centres existed were ``centre`` events: they are stripped
from everything sent to a hub (:func:`redact`).
"""

from __future__ import annotations

import json
import math
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from hubdesk.core.events import CENTRE, SITE, Event, EventLog, after_batch, projector
from hubdesk.core.secrets import hash_secret, verify_secret
from hubdesk.core.store import Connection, Schema, migration
from hubdesk.errors import AuthError, HubDeskError, LockedOut, NotFound

if TYPE_CHECKING:
    from hubdesk.core.centre import Centres
    from hubdesk.core.store import Store

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
    centre_id: str = ""

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
        self,
        log: EventLog,
        policy: LockoutPolicy | None = None,
        now: Callable[[], float] = time.time,
        centres: Centres | None = None,
    ) -> None:
        self.log = log
        self.store = log.store
        self.policy = policy or LockoutPolicy()
        self._now = now
        self._centres = centres

    # -- reading ------------------------------------------------------------------------------
    def all(self, include_removed: bool = False) -> list[Learner]:
        where = "" if include_removed else "WHERE removed = 0"
        rows = self.store.query(
            f"SELECT id, name, role, colour, origin_device FROM learners {where} ORDER BY name COLLATE NOCASE"
        )
        secrets = self._secret_kinds()
        centre_of: dict[str, str] = {}
        for origin in {r[4] for r in rows}:
            found = self._centres.of_device(origin) if self._centres is not None and origin else None
            centre_of[origin] = found or origin
        return [Learner(r[0], r[1], r[2], r[3], secrets.get(r[0], frozenset()), centre_of[r[4]]) for r in rows]

    def count_by_origin(self) -> dict[str, int]:
        """Learners (not removed) by the device that added them: the hub counts them per centre."""
        rows = self.store.query("SELECT origin_device, COUNT(*) FROM learners WHERE removed = 0 GROUP BY origin_device")
        return {str(r[0]): int(r[1]) for r in rows}

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
                    "learner.secret_set",
                    {"id": learner_id, "kind": kind, "hash": hashed},
                    scope=SITE,
                    learner_id=learner_id,
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
        # a new secret also ends a lockout, on every PC of the centre (see _recount)
        self.log.append(
            "learner.secret_set", {"id": learner_id, "kind": kind, "hash": hashed}, scope=SITE, learner_id=learner_id
        )

    @staticmethod
    def _check_name(name: str) -> str:
        name = " ".join(name.split())
        if not name or len(name) > NAME_MAX:
            raise LearnerError(f"A name has 1 to {NAME_MAX} characters.")
        return name

    # -- sign-in ------------------------------------------------------------------------------
    def locked_for(self, learner_id: str) -> float:
        """Seconds left before this profile may try again (0 when it may), counting every PC's tries."""
        row = self.store.query("SELECT failures, last_at FROM signin_failures WHERE learner_id = ?", (learner_id,))
        if not row:
            return 0.0
        delay = self.policy.delay_after(int(row[0][0]))
        return max(0.0, float(row[0][1]) + delay - self._now()) if delay else 0.0

    def verify(self, learner_id: str, kind: str, secret: str | list[int]) -> Learner:
        """Check a secret; count failures (on every PC of the centre) and lock with a growing delay."""
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
            if self.store.query("SELECT 1 FROM signin_failures WHERE learner_id = ? AND failures > 0", (learner_id,)):
                self.log.append("learner.signed_in", {"id": learner_id}, scope=SITE, learner_id=learner_id)
            return learner
        self.log.append(
            "learner.signin_failed", {"id": learner_id, "at": self._now()}, scope=SITE, learner_id=learner_id
        )
        failures = int(
            self.store.query("SELECT failures FROM signin_failures WHERE learner_id = ?", (learner_id,))[0][0]
        )
        delay = self.policy.delay_after(failures)
        if delay:
            raise LockedOut(f"That was not right. Too many wrong tries: wait {int(delay)} seconds.", delay)
        raise AuthError("That was not right. Please try again.")


def drop_secret_hashes(store: Store) -> int:
    """At a hub: forget every secret hash it holds (sent by centres before the ``site`` scope
    existed), in the derived table and in the stored events; return how many events changed."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM learner_secrets")
        return conn.execute(
            "UPDATE events SET payload = json_remove(payload, '$.hash') "
            "WHERE kind = 'learner.secret_set' AND json_extract(payload, '$.hash') IS NOT NULL"
        ).rowcount


def redact(ev: Event) -> Event:
    """The copy of an event a hub may hold: a secret hash written before centres had a ``site``
    scope loses its hash (the hub and every stick on the way never see it)."""
    if ev.kind == "learner.secret_set" and "hash" in ev.payload:
        # keeps the origin's proof: the chain never covered this hash (hubdesk.core.event_chain)
        return replace(ev, payload={k: v for k, v in ev.payload.items() if k != "hash"})
    return ev


# -- projections (last writer wins on the HLC stamp, so any order of events gives the same rows) ---
def _profile_id(ev: Event, *fields: str, scopes: tuple[str, ...] = (CENTRE,)) -> str | None:
    """The learner id a profile event is about, or None when it must change nothing.

    Profiles are ``centre`` events, secrets ``site`` ones (``centre`` before there were several
    PCs per centre): one in another scope came from a study-group peer
    or through the hub (a ``community`` ``learner.added`` would otherwise give every centre a new
    facilitator, a ``group:*`` ``learner.secret_set`` replace a learner's PIN). A payload missing a
    field (a hostile or newer sender) is kept in the log but shown nowhere, rather than failing
    the whole batch it arrived in.
    """
    p = ev.payload
    lid = p.get("id")
    if ev.scope not in scopes or not isinstance(lid, str) or not lid or len(lid) > 64:
        return None
    if not all(isinstance(p.get(f), str) for f in fields):
        return None
    return lid


@projector("learner.added")
def _added(conn: Connection, ev: Event) -> None:
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
def _renamed(conn: Connection, ev: Event) -> None:
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
def _removed(conn: Connection, ev: Event) -> None:
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
def _secret(conn: Connection, ev: Event) -> None:
    p = ev.payload
    lid = _profile_id(ev, scopes=(SITE, CENTRE))
    if lid is None or p.get("kind") not in SECRET_KINDS or not isinstance(p.get("hash", ""), str):
        return
    after_batch(conn, ("signin", lid), lambda c: _recount(c, lid))  # a new secret ends a lockout
    if "hash" not in p:
        return  # redacted (at a hub): nothing to keep
    conn.execute(
        "INSERT INTO learner_secrets (learner_id, kind, hash, hlc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(learner_id, kind) DO UPDATE SET hash = excluded.hash, hlc = excluded.hlc "
        "WHERE excluded.hlc > learner_secrets.hlc",
        (lid, str(p["kind"]), str(p.get("hash", "")), ev.hlc),
    )


@projector("learner.signin_failed")
@projector("learner.signed_in")
def _signin(conn: Connection, ev: Event) -> None:
    lid = _profile_id(ev, scopes=(SITE,))
    if lid is not None and lid == ev.learner_id:
        after_batch(conn, ("signin", lid), lambda c: _recount(c, lid))


def _recount(conn: Connection, learner_id: str) -> None:
    """Wrong tries since the learner last signed in or got a new secret, on any PC, and the last one's time."""
    reset = conn.execute(
        "SELECT MAX(hlc) FROM events WHERE kind IN ('learner.signed_in', 'learner.secret_set') AND learner_id = ?",
        (learner_id,),
    ).fetchone()[0]
    failures, last_at = 0, 0.0
    for (payload,) in conn.execute(
        "SELECT payload FROM events WHERE kind = 'learner.signin_failed' AND learner_id = ? AND scope = ? AND hlc > ?",
        (learner_id, SITE, reset or ""),
    ):
        at = json.loads(payload).get("at")
        failures += 1
        if isinstance(at, int | float) and not isinstance(at, bool) and math.isfinite(at):
            last_at = max(last_at, float(at))
    conn.execute(
        "INSERT INTO signin_failures (learner_id, failures, last_at) VALUES (?, ?, ?) "
        "ON CONFLICT(learner_id) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at",
        (learner_id, failures, last_at),
    )


@migration("0011_core_signin_failures")
def _failures_schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE signin_failures (learner_id TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_at REAL NOT NULL)"
    )


@migration("0010_core_learners")
def _schema(db: Schema) -> None:
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
