"""Who this installation is: a random ``device_id`` and an ed25519 signing key, made on first run."""

from __future__ import annotations

import base64
import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hubdesk.core.store import Store
from hubdesk.errors import AuthError


def public_key_b64(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def load_public_key(b64: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(b64, validate=True))
    except (ValueError, TypeError) as exc:
        raise AuthError("That public key is not a valid ed25519 key.") from exc


def verify(public_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        load_public_key(public_b64).verify(signature, data)
    except (InvalidSignature, AuthError):
        return False
    return True


class Identity:
    def __init__(self, device_id: str, private_key: Ed25519PrivateKey) -> None:
        self.device_id = device_id
        self.private_key = private_key

    @property
    def public_key_b64(self) -> str:
        return public_key_b64(self.private_key.public_key())

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    @classmethod
    def load_or_create(cls, store: Store) -> Identity:
        device_id = store.meta_get("device_id")
        key_b64 = store.meta_get("device_key")
        if device_id and key_b64:
            return cls(device_id, Ed25519PrivateKey.from_private_bytes(base64.b64decode(key_b64)))
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        # 16 hex chars: short enough for stamps and bundles, 64 bits against collisions between centres.
        device_id = secrets.token_hex(8)
        with store.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)", (device_id,))
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('device_key', ?)",
                (base64.b64encode(raw).decode(),),
            )
        return cls.load_or_create(store)
