"""Signed HTTP requests and replies between a centre and its hub.

Every request carries the device id, a timestamp, a random nonce and an ed25519 signature by the
device key over ``method, path (with query), timestamp, nonce, SHA-256 of the body``. The hub
accepts it only from an enrolled device, within a few minutes of its own clock, with a nonce it
has not seen in that window: a captured request cannot be replayed or altered. Every reply is
signed by the hub over ``status, request nonce, SHA-256 of the body``, so a centre knows it is
talking to *its* hub even over plain HTTP (the content is not secret from the network operator;
put the hub behind HTTPS for that).
"""

from __future__ import annotations

import base64
import hashlib
import math
import secrets
import time

from hubdesk.core.identity import Identity, verify

H_DEVICE = "x-hubdesk-device"
H_TIME = "x-hubdesk-time"
H_NONCE = "x-hubdesk-nonce"
H_SIG = "x-hubdesk-signature"
WINDOW_S = 300.0


def request_bytes(method: str, path: str, ts: str, nonce: str, body: bytes) -> bytes:
    return request_bytes_for(method, path, ts, nonce, hashlib.sha256(body).hexdigest())


def request_bytes_for(method: str, path: str, ts: str, nonce: str, body_sha256: str) -> bytes:
    """What a request's signature covers, given the hex SHA-256 of its body (hashed as it streams in)."""
    return f"hubdesk-req-v1\n{method.upper()}\n{path}\n{ts}\n{nonce}\n{body_sha256}".encode()


def request_time(ts: str | None) -> float | None:
    """A request's time header as a finite number, or ``None``: ``nan`` would pass any window check."""
    if ts is None or len(ts) > 32:
        return None
    try:
        value = float(ts)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def reply_bytes(status: int, nonce: str, body: bytes) -> bytes:
    return f"hubdesk-rep-v1\n{status}\n{nonce}\n{hashlib.sha256(body).hexdigest()}".encode()


def sign_request(identity: Identity, method: str, path: str, body: bytes) -> dict[str, str]:
    ts = f"{time.time():.3f}"
    nonce = secrets.token_hex(16)
    sig = identity.sign(request_bytes(method, path, ts, nonce, body))
    return {
        H_DEVICE: identity.device_id,
        H_TIME: ts,
        H_NONCE: nonce,
        H_SIG: base64.b64encode(sig).decode(),
    }


def sign_reply(identity: Identity, status: int, nonce: str, body: bytes) -> str:
    return base64.b64encode(identity.sign(reply_bytes(status, nonce, body))).decode()


def check_signature(public_key: str, sig_b64: str, data: bytes) -> bool:
    try:
        sig = base64.b64decode(sig_b64, validate=True)
    except ValueError:
        return False
    return len(sig) == 64 and verify(public_key, sig, data)
