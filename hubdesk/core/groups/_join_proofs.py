"""Proof that a group's join was made with its join code, checkable without the code.

The hub relays a study group's events but never holds its join code, so it cannot check a join
the way a LAN peer does. Instead the group key (derived from the code) also yields an ed25519 key
pair: its public half, the *verifier*, travels in ``group.created`` (and in each
``group.rekeyed``, for the new code), and every ``group.member_joined`` carries a signature over
``(group, device, learner)`` made with the private half. Whoever checks the signature against the
group's verifier knows the joiner held the code of that epoch, without learning the code; a PC that
only knows the group's id cannot make one. See ``docs/sync-protocol.md``.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def _private(key: bytes, group_id: str) -> Ed25519PrivateKey:
    info = f"hubdesk/group-join-proof/v1|{group_id}".encode()
    return Ed25519PrivateKey.from_private_bytes(HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(key))


def _message(group_id: str, device_id: str, learner_id: str) -> bytes:
    return f"hubdesk/group-join/v1|{group_id}|{device_id}|{learner_id}".encode()


def verifier(key: bytes, group_id: str) -> str:
    """The public half for a group key (base64), announced in ``created`` and ``rekeyed``."""
    raw = _private(key, group_id).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def prove(key: bytes, group_id: str, device_id: str, learner_id: str) -> str:
    return base64.b64encode(_private(key, group_id).sign(_message(group_id, device_id, learner_id))).decode()


def check(verifier_b64: str, proof_b64: str, group_id: str, device_id: str, learner_id: str) -> bool:
    """True if ``proof_b64`` was made with the key behind ``verifier_b64``; False for anything odd."""
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(verifier_b64, validate=True))
        public.verify(base64.b64decode(proof_b64, validate=True), _message(group_id, device_id, learner_id))
    except (ValueError, binascii.Error, InvalidSignature):
        return False
    return True
