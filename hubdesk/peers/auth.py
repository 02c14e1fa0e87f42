"""Sealing peer requests and replies with the group key, so a wrong join code learns nothing.

Every request to a peer names a group (``/g/<id>/<kind>``, the id is derived from the join code) and
carries its JSON body *sealed* with ChaCha20-Poly1305 under the group key. The associated data binds
the method, path, timestamp and nonce, so this is the "HMAC over method + path + timestamp + nonce +
body" of the design, with the body also hidden from anyone else on the LAN (a centre's Wi-Fi is
shared with strangers). The peer answers only if the seal opens with the key it holds for that id:

- a wrong code derives another id and another key; the peer answers ``401`` with the same words
  whether it has no such group or the seal did not open, so the caller learns neither names, nor
  whether the group exists;
- a replayed request is refused: the timestamp must be within :data:`SKEW_S` of the peer's clock
  and the nonce unseen in that window;
- the reply is sealed too, bound to the request's nonce, so the caller knows the peer really holds
  the key (mutual proof: this is the join handshake's challenge and response) and that the reply
  answers *this* request.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from hubdesk.core import safe_json
from hubdesk.errors import AuthError

SKEW_S = 120
NONCE_BYTES = 12
GROUP_ID_RE = re.compile(r"^[0-9a-f]{24}(?:[0-9a-f]{8})?$")  # 32 hex digits; 24 for groups made before v2
TIME_HEADER = "x-hubdesk-time"
NONCE_HEADER = "x-hubdesk-nonce"


class SealError(AuthError):
    """A sealed message that does not open with the group key (wrong code, tampering, replay)."""


def _aad(method: str, path: str, stamp: int, nonce: bytes) -> bytes:
    return f"hubdesk-peer-v1|req|{method.upper()}|{path}|{stamp}|".encode() + nonce


def _reply_aad(request_nonce: bytes, status: int) -> bytes:
    return f"hubdesk-peer-v1|reply|{status}|".encode() + request_nonce


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class SealedRequest:
    headers: dict[str, str]
    body: bytes
    nonce: bytes


def seal_request(key: bytes, method: str, path: str, message: Any, *, now: float | None = None) -> SealedRequest:
    stamp = int(time.time() if now is None else now)
    nonce = os.urandom(NONCE_BYTES)
    body = ChaCha20Poly1305(key).encrypt(nonce, _dumps(message), _aad(method, path, stamp, nonce))
    headers = {TIME_HEADER: str(stamp), NONCE_HEADER: base64.urlsafe_b64encode(nonce).decode()}
    return SealedRequest(headers, body, nonce)


def open_reply(key: bytes, request_nonce: bytes, status: int, body: bytes) -> Any:
    if len(body) < NONCE_BYTES + 16:
        raise SealError("The peer's reply is not sealed with the group key.")
    try:
        plain = ChaCha20Poly1305(key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _reply_aad(request_nonce, status))
        return safe_json.loads(plain)
    except (InvalidTag, ValueError) as exc:
        raise SealError("The peer's reply is not sealed with the group key.") from exc


def seal_reply(key: bytes, request_nonce: bytes, status: int, message: Any) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, _dumps(message), _reply_aad(request_nonce, status))


class ReplayGuard:
    """Nonces seen within the time window; bounded so a flood cannot grow it without limit."""

    def __init__(self, window_s: float = SKEW_S, max_entries: int = 100_000) -> None:
        self.window_s = window_s
        self.max_entries = max_entries
        self._seen: OrderedDict[bytes, float] = OrderedDict()
        self._lock = threading.Lock()

    def seen(self, nonce: bytes) -> bool:
        """Whether ``nonce`` was already used (a look only: nothing is recorded)."""
        with self._lock:
            return nonce in self._seen

    def fresh(self, nonce: bytes, now: float) -> bool:
        with self._lock:
            while self._seen and (
                next(iter(self._seen.values())) < now - 2 * self.window_s or len(self._seen) > self.max_entries
            ):
                self._seen.popitem(last=False)
            if nonce in self._seen:
                return False
            self._seen[nonce] = now
            return True


def admissible(headers: dict[str, str], guard: ReplayGuard, *, now: float | None = None) -> bool:
    """Whether a request's time and nonce could pass, judged from its headers before its body is read."""
    now = time.time() if now is None else now
    stamp_text, nonce_text = headers.get(TIME_HEADER, ""), headers.get(NONCE_HEADER, "")
    if len(stamp_text) > 20 or len(nonce_text) > 32:
        return False
    try:
        stamp = int(stamp_text)
        nonce = base64.urlsafe_b64decode(nonce_text.encode())
    except (ValueError, binascii.Error):
        return False
    return len(nonce) == NONCE_BYTES and abs(now - stamp) <= SKEW_S and not guard.seen(nonce)


def open_request(
    key: bytes,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes,
    guard: ReplayGuard,
    *,
    now: float | None = None,
) -> tuple[Any, bytes]:
    """Open a sealed request; return ``(message, nonce)`` or raise :class:`SealError`."""
    now = time.time() if now is None else now
    try:
        stamp = int(headers.get(TIME_HEADER, ""))
        nonce = base64.urlsafe_b64decode(headers.get(NONCE_HEADER, "").encode())
    except (ValueError, binascii.Error) as exc:
        raise SealError("A request without a valid time and nonce.") from exc
    if len(nonce) != NONCE_BYTES or abs(now - stamp) > SKEW_S:
        raise SealError("A request outside the time window (check the PC's clock).")
    try:
        plain = ChaCha20Poly1305(key).decrypt(nonce, body, _aad(method, path, stamp, nonce))
    except InvalidTag as exc:
        raise SealError("A request not sealed with the group key.") from exc
    # only a request that opened counts against the replay window, so strangers cannot fill it
    if not guard.fresh(nonce, now):
        raise SealError("A request that was already seen (a replay).")
    try:
        return safe_json.loads(plain), nonce
    except safe_json.UnsafeJSON as exc:
        raise SealError("A sealed request whose content is not JSON.") from exc
