"""The people who run the hub: operator accounts, their sessions, sign-in limits and what they did.

Everything lives in the hub's database, not in a process's memory, so sessions and sign-in limits
hold across restarts and across several server processes. Passwords are scrypt hashes (the same
as learners' secrets); a session is a random token whose SHA-256 is stored, so a copy of the
database does not sign anyone in. There is no default account: ``hubdesk hub operator add NAME``.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubdesk.core.secrets import hash_secret, verify_secret
from hubdesk.core.store import Schema, Store, migration
from hubdesk.errors import AuthError, HubDeskError, NotFound

if TYPE_CHECKING:
    pass

NAME_MAX = 60
PASSWORD_MIN = 10
SESSION_IDLE_S = 2 * 3600
SESSION_MAX_S = 12 * 3600
# Sign-in limits: a few mistakes are free; then the name (and, more loosely, the address) waits.
FAIL_WINDOW_S = 15 * 60
FAILS_PER_NAME = 5
FAILS_PER_ADDRESS = 20


class OperatorError(HubDeskError):
    """An operator name or password that cannot be used."""


class TooManyAttempts(AuthError):
    """Too many failed sign-ins for one name or address in the last minutes."""

    def __init__(self, message: str, seconds_left: float) -> None:
        super().__init__(message)
        self.seconds_left = seconds_left


@dataclass(frozen=True)
class Operator:
    name: str
    created_at: float
    last_sign_in: float | None


@dataclass(frozen=True)
class Session:
    operator: str
    csrf: str
    expires_at: float


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX or not name.isprintable():
        raise OperatorError(f"An operator name is 1 to {NAME_MAX} printable characters.")
    return name


class Operators:
    """Operator accounts and sessions of one hub (``Operators(inst.store)``)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.migrate()

    # -- accounts ----------------------------------------------------------------------------
    def add(self, name: str, password: str) -> Operator:
        name = _clean_name(name)
        if len(password) < PASSWORD_MIN:
            raise OperatorError(f"An operator's password is at least {PASSWORD_MIN} characters.")
        now = time.time()
        with self.store.transaction() as conn:
            if conn.execute("SELECT 1 FROM hub_operators WHERE name = ? COLLATE NOCASE", (name,)).fetchone():
                raise OperatorError(f"There is already an operator called {name!r}.")
            conn.execute(
                "INSERT INTO hub_operators (name, hash, created_at) VALUES (?, ?, ?)",
                (name, hash_secret(password), now),
            )
        self.record("cli", "operator.added", name)
        return Operator(name, now, None)

    def all(self) -> list[Operator]:
        rows = self.store.query("SELECT name, created_at, last_sign_in FROM hub_operators ORDER BY name COLLATE NOCASE")
        return [Operator(r[0], r[1], r[2]) for r in rows]

    def remove(self, name: str) -> None:
        with self.store.transaction() as conn:
            row = conn.execute("SELECT name FROM hub_operators WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
            if row is None:
                raise NotFound(f"There is no operator called {name!r}; see: hubdesk hub operator list.")
            conn.execute("DELETE FROM hub_operators WHERE name = ?", (row[0],))
            conn.execute("DELETE FROM hub_sessions WHERE operator = ?", (row[0],))  # signed out everywhere
        self.record("cli", "operator.removed", row[0])

    # -- signing in --------------------------------------------------------------------------
    def sign_in(self, name: str, password: str, address: str, *, now: float | None = None) -> tuple[str, Session]:
        """Check a name and password; on success a new session (token, session). A wrong one is an
        AuthError; too many recent wrong ones a TooManyAttempts, checked before the password."""
        now = time.time() if now is None else now
        name = " ".join(name.split())[:NAME_MAX]
        self._check_limits(name, address, now)
        rows = self.store.query("SELECT name, hash FROM hub_operators WHERE name = ? COLLATE NOCASE", (name,))
        stored = rows[0][1] if rows else hash_secret("no such operator")  # same work either way
        if not verify_secret(password, stored) or not rows:
            with self.store.transaction() as conn:
                conn.execute(
                    "INSERT INTO hub_signin_failures (name, address, at) VALUES (?, ?, ?)",
                    (name.casefold(), address, now),
                )
                conn.execute("DELETE FROM hub_signin_failures WHERE at < ?", (now - FAIL_WINDOW_S,))
            self.record(name or "?", "signin.failed", address)
            raise AuthError("That name and password do not match an operator of this hub.")
        real = str(rows[0][0])
        token = secrets.token_urlsafe(32)
        session = Session(real, secrets.token_urlsafe(32), now + SESSION_MAX_S)
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM hub_signin_failures WHERE name = ?", (real.casefold(),))
            conn.execute("DELETE FROM hub_sessions WHERE expires_at < ? OR last_seen < ?", (now, now - SESSION_IDLE_S))
            conn.execute(
                "INSERT INTO hub_sessions (token_hash, operator, csrf, created_at, last_seen, expires_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (_digest(token), real, session.csrf, now, now, session.expires_at),
            )
            conn.execute("UPDATE hub_operators SET last_sign_in = ? WHERE name = ?", (now, real))
        self.record(real, "signin", address)
        return token, session

    def _check_limits(self, name: str, address: str, now: float) -> None:
        since = now - FAIL_WINDOW_S
        for column, value, limit in (
            ("name", name.casefold(), FAILS_PER_NAME),
            ("address", address, FAILS_PER_ADDRESS),
        ):
            rows = self.store.query(
                f"SELECT COUNT(*), MIN(at) FROM hub_signin_failures WHERE {column} = ? AND at >= ?", (value, since)
            )
            count, first = int(rows[0][0]), rows[0][1]
            if count >= limit:
                wait = max(1.0, first + FAIL_WINDOW_S - now)
                raise TooManyAttempts("Too many failed sign-ins; wait a few minutes and try again.", wait)

    def session(self, token: str | None, *, now: float | None = None) -> Session | None:
        """The live session of a cookie's token (its idle time reset), or None."""
        if not token or len(token) > 100:
            return None
        now = time.time() if now is None else now
        rows = self.store.query(
            "SELECT s.operator, s.csrf, s.expires_at, s.last_seen FROM hub_sessions s "
            "JOIN hub_operators o ON o.name = s.operator WHERE s.token_hash = ?",
            (_digest(token),),
        )
        if not rows:
            return None
        operator, csrf, expires_at, last_seen = rows[0]
        if expires_at < now or last_seen < now - SESSION_IDLE_S:
            self.sign_out(token)
            return None
        if now - last_seen > 60:  # one write a minute at most, not one per page
            with self.store.transaction() as conn:
                conn.execute("UPDATE hub_sessions SET last_seen = ? WHERE token_hash = ?", (now, _digest(token)))
        return Session(operator, csrf, expires_at)

    def sign_out(self, token: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM hub_sessions WHERE token_hash = ?", (_digest(token),))

    def sign_out_everywhere(self, name: str) -> int:
        with self.store.transaction() as conn:
            return conn.execute("DELETE FROM hub_sessions WHERE operator = ?", (name,)).rowcount

    # -- what operators did ------------------------------------------------------------------
    def record(self, operator: str, action: str, detail: str = "") -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO hub_operator_actions (at, operator, action, detail) VALUES (?, ?, ?, ?)",
                (time.time(), operator, action, detail[:500]),
            )

    def actions(self, limit: int = 50) -> list[tuple[float, str, str, str]]:
        rows = self.store.query(
            "SELECT at, operator, action, detail FROM hub_operator_actions ORDER BY at DESC LIMIT ?", (limit,)
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def secret(self) -> bytes:
        """A random key of this hub, for the tokens of the sign-in form (made once, kept in the database)."""
        value = self.store.meta_get("hub_dashboard_secret")
        if value is None:
            with self.store.transaction() as conn:
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('hub_dashboard_secret', ?)",
                    (secrets.token_hex(32),),
                )
            value = self.store.meta_get("hub_dashboard_secret")
        return bytes.fromhex(value or "")


@migration("0162_hub_operators")
def _schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE hub_operators (name TEXT PRIMARY KEY, hash TEXT NOT NULL, created_at REAL NOT NULL, "
        "last_sign_in REAL)"
    )
    db.execute(
        "CREATE TABLE hub_sessions (token_hash TEXT PRIMARY KEY, operator TEXT NOT NULL, csrf TEXT NOT NULL, "
        "created_at REAL NOT NULL, last_seen REAL NOT NULL, expires_at REAL NOT NULL)"
    )
    db.execute("CREATE TABLE hub_signin_failures (name TEXT NOT NULL, address TEXT NOT NULL, at REAL NOT NULL)")
    db.execute("CREATE INDEX hub_signin_failures_name ON hub_signin_failures (name, at)")
    db.execute("CREATE INDEX hub_signin_failures_address ON hub_signin_failures (address, at)")
    db.execute(
        "CREATE TABLE hub_operator_actions (at REAL NOT NULL, operator TEXT NOT NULL, action TEXT NOT NULL, "
        "detail TEXT NOT NULL)"
    )
