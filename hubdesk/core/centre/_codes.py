"""One-time codes that let a new PC join its centre.

A code looks like a study group's (``KTM4Q-9QPZX``: read aloud, typo-tolerant, a check symbol), but
it is derived with its own salt into a *route* (which code the joining PC means) and a key (what
seals the join request and its answer, so each side proves it knows the code before anything is
sent). The PC that issued the code keeps only the route and the key, and only until the code is
used, expires (15 minutes) or is burnt: after :data:`MAX_WRONG` refused tries on this PC every open
code is burnt, so a stranger on the Wi-Fi gets five guesses at 45 bits, not a brute force.
"""

from __future__ import annotations

import base64
import hashlib
import time
from dataclasses import dataclass

from hubdesk.core.groups import new_code, normalise
from hubdesk.core.store import Store

_SALT = b"hubdesk/centre-join/v1"
_N, _R, _P = 2**14, 8, 1
VALID_S = 15 * 60
MAX_WRONG = 5
_FAILURES = "centre.join_failures"


@dataclass(frozen=True)
class JoinSecret:
    code: str
    route: str
    key: bytes


def derive(code: str) -> JoinSecret:
    """Route and key of a centre join code (raises JoinCodeError for a malformed one)."""
    canonical = normalise(code)
    material = hashlib.scrypt(
        canonical.replace("-", "").encode(), salt=_SALT, n=_N, r=_R, p=_P, dklen=12 + 32, maxmem=64 * 1024 * 1024
    )
    return JoinSecret(canonical, material[:12].hex(), material[12:])


class JoinCodes:
    """The codes this PC has issued and not yet seen used (``inst.centre.codes``)."""

    def __init__(self, store: Store, now: object = time.time) -> None:
        self.store = store
        self._now = now

    def _t(self) -> float:
        return float(self._now())  # type: ignore[operator]

    def issue(self, valid_s: float = VALID_S) -> str:
        secret = derive(new_code())
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM centre_join_codes WHERE expires_at < ? OR used_by IS NOT NULL", (self._t(),))
            conn.execute(
                "INSERT INTO centre_join_codes (route, key, expires_at) VALUES (?, ?, ?)",
                (secret.route, base64.b64encode(secret.key).decode(), self._t() + valid_s),
            )
            conn.execute("DELETE FROM meta WHERE key = ?", (_FAILURES,))
        return secret.code

    def key_for(self, route: str) -> bytes | None:
        """The key of an open code with this route, or None (unknown, used, expired or burnt)."""
        rows = self.store.query(
            "SELECT key FROM centre_join_codes WHERE route = ? AND used_by IS NULL AND expires_at >= ?",
            (route, self._t()),
        )
        return base64.b64decode(rows[0][0]) if rows else None

    def open_count(self) -> int:
        rows = self.store.query(
            "SELECT COUNT(*) FROM centre_join_codes WHERE used_by IS NULL AND expires_at >= ?", (self._t(),)
        )
        return int(rows[0][0])

    def wrong_try(self) -> None:
        """A join that did not prove an open code: after MAX_WRONG of them every open code is burnt."""
        with self.store.transaction() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_FAILURES,)).fetchone()
            failures = int(row[0]) + 1 if row else 1
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_FAILURES, str(failures)),
            )
            if failures >= MAX_WRONG:
                conn.execute("DELETE FROM centre_join_codes WHERE used_by IS NULL")

    def use(self, route: str, device_id: str) -> bool:
        """Burn the code for ``device_id``; False if someone else used it first."""
        with self.store.transaction() as conn:
            cur = conn.execute(
                "UPDATE centre_join_codes SET used_by = ? WHERE route = ? AND used_by IS NULL AND expires_at >= ?",
                (device_id, route, self._t()),
            )
            return cur.rowcount == 1
