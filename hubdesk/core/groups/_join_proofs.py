"""Proof that a group's join was made with its join code, checkable without the code.

The hub relays a study group's events but never holds its join code, so it cannot check a join
the way a LAN peer does. Instead the group key (derived from the code) also yields an ed25519 key
pair: its public half, the *verifier*, travels in ``group.created`` (and in each
``group.rekeyed``, for the new code), and every ``group.member_joined`` carries a signature over
``(group, device, learner)`` made with the private half. Whoever checks the signature against the
group's verifier knows the joiner held the code of that epoch, without learning the code; a PC that
only knows the group's id cannot make one. See ``docs/sync-protocol.md``.

Since groups belong to learners (version 2 groups, ids of 32 hex digits), the group's id *is* a hash
of its first verifier (:func:`group_id_of`), so a ``group.created`` written by someone else cannot
claim an existing group's id with a verifier of its own. Groups made before that (24 hex digits)
derived the verifier from the key and the id, and keep doing so (``legacy``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ID_HEX = 32  # a version 2 group id: 16 bytes of SHA-256 over the first verifier
LEGACY_ID_HEX = 24  # ids derived straight from the join code, before version 2


def _private(key: bytes, group_id: str | None) -> Ed25519PrivateKey:
    info = b"hubdesk/group-join-proof/v2" if group_id is None else f"hubdesk/group-join-proof/v1|{group_id}".encode()
    return Ed25519PrivateKey.from_private_bytes(HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(key))


def _message(group_id: str, device_id: str, learner_id: str, act: str = "join") -> bytes:
    # "join" (every join), "left" (a member leaving: only a holder of the current code can say so)
    return f"hubdesk/group-{act}/v1|{group_id}|{device_id}|{learner_id}".encode()


def is_legacy(group_id: str) -> bool:
    return len(group_id) == LEGACY_ID_HEX


def verifier(key: bytes, legacy_group: str | None = None) -> str:
    """The public half for a group key (base64), announced in ``created`` and ``rekeyed``.

    ``legacy_group``: the id of a group made before version 2, whose verifiers were bound to it.
    """
    raw = (
        _private(key, legacy_group)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw).decode()


def group_id_of(verifier_b64: str) -> str:
    """The id of the group whose first verifier this is ("" for something that is not a verifier)."""
    try:
        raw = base64.b64decode(verifier_b64, validate=True)
    except (ValueError, binascii.Error):
        return ""
    if len(raw) != 32:
        return ""
    return hashlib.sha256(b"hubdesk/group-id/v2|" + raw).hexdigest()[:ID_HEX]


def sign(key: bytes, message: bytes, legacy_group: str | None = None) -> str:
    """Sign ``message`` with the private half of a group key (the creation seal, a join proof)."""
    return base64.b64encode(_private(key, legacy_group).sign(message)).decode()


def check_signature(verifier_b64: str, signature_b64: str, message: bytes) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(verifier_b64, validate=True))
        public.verify(base64.b64decode(signature_b64, validate=True), message)
    except (ValueError, binascii.Error, InvalidSignature, TypeError):
        return False
    return True


def prove(
    key: bytes, group_id: str, device_id: str, learner_id: str, *, legacy: bool = False, act: str = "join"
) -> str:
    return sign(key, _message(group_id, device_id, learner_id, act), group_id if legacy else None)


def check(verifier_b64: str, proof_b64: str, group_id: str, device_id: str, learner_id: str, act: str = "join") -> bool:
    """True if ``proof_b64`` was made with the key behind ``verifier_b64``; False for anything odd."""
    return check_signature(verifier_b64, proof_b64, _message(group_id, device_id, learner_id, act))
