"""Enrolment: a one-time code that makes a centre and its hub trust each other's keys.

The code is 20 characters of Crockford base32 in groups of four, e.g. ``K7QM-2XPA-9RTD-HW4C-8N3F``:
the first 12 are a random secret (60 bits), the last 8 a fingerprint of the hub's public key
(40 bits of its SHA-256). The hub stores only the SHA-256 of the secret, with an expiry; a code
is burnt by the first centre that redeems it.

The centre proves the code and its key in a *claim* signed with its device key. The claim goes
to the hub at once over HTTP (``sync enrol CODE --hub URL``) or inside the next exported bundle
(offline). Either way the centre learns the hub's key from the hub's reply (HTTP) or from the
first bundle the hub sends back, and accepts it only if it matches the fingerprint in the code:
a centre never needs a network to know which key is its hub's.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from typing import Any

from hubdesk.core.identity import Identity, verify
from hubdesk.errors import AuthError
from hubdesk.sync.state import CENTRE_ROLE, HUB, SyncState

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
SECRET_LEN = 12
FP_LEN = 8
DEFAULT_VALID_HOURS = 24 * 14  # an offline centre may take a fortnight to carry the bundle over
CLAIM_VERSION = 1


class EnrolmentError(AuthError):
    """An enrolment code that is wrong, used, expired, or a claim that does not verify."""


def fingerprint(public_key_b64: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).digest()
    n = int.from_bytes(digest[:5], "big")  # 40 bits
    return "".join(ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(FP_LEN)))


def normalise(code: str) -> str:
    """Accept the code as a person types it: any case, dashes or spaces, O for 0, I or L for 1."""
    raw = "".join(code.split()).replace("-", "").upper().translate(str.maketrans("OIL", "011"))
    if len(raw) != SECRET_LEN + FP_LEN or any(c not in ALPHABET for c in raw):
        raise EnrolmentError(
            "That is not an enrolment code: it has 20 letters and digits, like K7QM-2XPA-9RTD-HW4C-8N3F."
        )
    return raw


def split(code: str) -> tuple[str, str]:
    raw = normalise(code)
    return raw[:SECRET_LEN], raw[SECRET_LEN:]


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _hash(secret: str) -> str:
    return hashlib.sha256(b"hubdesk-enrol-v1\0" + secret.encode()).hexdigest()


def _claim_bytes(secret: str, device_id: str, public_key: str, at: float) -> bytes:
    return f"hubdesk-enrol-claim-v1\n{secret}\n{device_id}\n{public_key}\n{at:.3f}".encode()


# -- hub side -----------------------------------------------------------------------------------
def issue_code(state: SyncState, identity: Identity, valid_hours: float = DEFAULT_VALID_HOURS) -> str:
    """A new one-time code for one centre; the hub keeps only its hash."""
    state.become_hub()
    secret = "".join(secrets.choice(ALPHABET) for _ in range(SECRET_LEN))
    fp = fingerprint(identity.public_key_b64)
    now = time.time()
    with state.store.transaction() as conn:
        conn.execute(
            "INSERT INTO sync_codes (code_hash, fingerprint, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (_hash(secret), fp, now, now + valid_hours * 3600),
        )
    return format_code(secret + fp)


def redeem(state: SyncState, identity: Identity, claim: object) -> dict[str, str]:
    """Check a centre's claim, burn the code, trust the centre's key; return the hub's identity.

    Redeeming again with the same code by the same, already enrolled, key is accepted (an offline
    centre repeats its claim in every bundle until it hears back), anything else is refused.
    """
    if not isinstance(claim, dict):
        raise EnrolmentError("The enrolment request is not readable.")
    secret, device_id, public_key, at, sig = (claim.get(k) for k in ("code", "device_id", "public_key", "at", "sig"))
    if not (
        claim.get("v") == CLAIM_VERSION
        and isinstance(secret, str)
        and len(secret) == SECRET_LEN
        and isinstance(device_id, str)
        and 0 < len(device_id) <= 64
        and isinstance(public_key, str)
        and len(public_key) <= 64
        and isinstance(at, int | float)
        and isinstance(sig, str)
        and len(sig) <= 128
    ):
        raise EnrolmentError("The enrolment request is malformed.")
    try:
        signature = base64.b64decode(sig, validate=True)
    except ValueError as exc:
        raise EnrolmentError("The enrolment request's signature is not readable.") from exc
    if not verify(public_key, signature, _claim_bytes(secret, device_id, public_key, float(at))):
        raise EnrolmentError("The enrolment request is not signed by the key it names.")
    if device_id == identity.device_id:
        raise EnrolmentError("A hub cannot enrol itself.")
    h = _hash(secret)
    now = time.time()
    with state.store.transaction() as conn:
        row = conn.execute("SELECT expires_at, used_by FROM sync_codes WHERE code_hash = ?", (h,)).fetchone()
        if row is None:
            raise EnrolmentError("That enrolment code is not known here. Ask the hub for a new code.")
        expires_at, used_by = row
        known = state.device(device_id)
        if used_by is not None:
            if not (used_by == device_id and known is not None and hmac.compare_digest(known.public_key, public_key)):
                raise EnrolmentError("That enrolment code has already been used. Ask the hub for a new code.")
        else:
            if now > expires_at:
                raise EnrolmentError("That enrolment code has expired. Ask the hub for a new code.")
            if known is not None and known.public_key != public_key:
                raise EnrolmentError("A different device already enrolled with that id.")
            conn.execute("UPDATE sync_codes SET used_at = ?, used_by = ? WHERE code_hash = ?", (now, device_id, h))
            state.trust(device_id, public_key, CENTRE_ROLE)
    return {"device_id": identity.device_id, "public_key": identity.public_key_b64}


# -- centre side --------------------------------------------------------------------------------
def make_claim(identity: Identity, code: str) -> dict[str, Any]:
    secret, _fp = split(code)
    at = round(time.time(), 3)
    sig = identity.sign(_claim_bytes(secret, identity.device_id, identity.public_key_b64, at))
    return {
        "v": CLAIM_VERSION,
        "code": secret,
        "device_id": identity.device_id,
        "public_key": identity.public_key_b64,
        "at": at,
        "sig": base64.b64encode(sig).decode(),
    }


def start_offline(state: SyncState, code: str) -> None:
    """Keep the code: the claim rides in every exported bundle until the hub's key is known."""
    state.set("pending_code", normalise(code))


def pending_code(state: SyncState) -> str | None:
    return state.get("pending_code")


def trust_hub(
    state: SyncState, device_id: str, public_key: str, url: str | None = None, code: str | None = None
) -> None:
    """Trust the hub's key if it matches the fingerprint of our code; then the code is done."""
    raw = code or pending_code(state)
    if raw is None:
        raise EnrolmentError("This centre has no enrolment code waiting for a hub.")
    _secret, fp = split(raw)
    if not hmac.compare_digest(fingerprint(public_key), fp):
        raise EnrolmentError("The hub's key does not match the enrolment code. Check the code and the hub address.")
    with state.store.transaction():
        state.trust(device_id, public_key, HUB, url)
        state.set("pending_code", None)
        if url:
            state.set("hub_url", url)


def hub_matches_pending(state: SyncState, public_key: str) -> bool:
    raw = pending_code(state)
    return raw is not None and hmac.compare_digest(fingerprint(public_key), split(raw)[1])
