"""Publisher keys and the ed25519 signature over a pack's manifest bytes.

The manifest lists the sha256 of every file, so signing its exact bytes signs the whole pack; the
installer checks every file against the manifest while copying. A public key is one line of
base64 (easy to read out over the phone and compare); the private key is PEM, readable only by
its owner.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hubdesk.core import safe_json
from hubdesk.errors import PackError

MAX_SIGNATURE_BYTES = 4096


def fingerprint(public_b64: str) -> str:
    """A short name for a key, shown to people: 16 hex digits of its sha256."""
    return hashlib.sha256(public_b64.encode()).hexdigest()[:16]


def keygen(out: Path) -> tuple[Path, Path]:
    """Write a new publisher key pair: ``out`` (private, mode 0600) and ``out.pub``."""
    out = Path(out)
    pub_path = out.with_name(out.name + ".pub")
    if out.exists() or pub_path.exists():
        raise PackError(f"{out} or {pub_path} already exists; choose another name so no key is lost.")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    made: list[Path] = []
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        made.append(out)
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
        made.append(pub_path)
        pub_path.write_text(public_b64(key.public_key()) + "\n")
    except OSError as exc:  # half a key pair would block the next try ("already exists")
        for path in made:
            path.unlink(missing_ok=True)
        raise PackError(f"The key cannot be written to {out}: {(exc.strerror or str(exc)).lower()}.") from exc
    return out, pub_path


def public_b64(key: Ed25519PublicKey) -> str:
    return base64.b64encode(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise PackError(f"{path} is not a readable publisher key ({exc.__class__.__name__}).") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(f"{path} is not an ed25519 key; make one with: hubdesk pack keygen OUT.")
    return key


def read_public_key(path_or_text: Path | str) -> str:
    """Accept a ``.pub`` file (or the base64 text itself) and return the normalised base64 key."""
    text = str(path_or_text)
    p = Path(text)
    try:
        if p.is_file():
            text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise PackError(f"{path_or_text} cannot be read: {exc.strerror}.") from None
    text = text.strip()
    try:
        raw = base64.b64decode(text, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError):
        raise PackError(f"{path_or_text} is not an ed25519 public key (one line of base64).") from None
    return base64.b64encode(raw).decode()


@dataclass(frozen=True)
class Signature:
    key: str  # base64 public key
    sig: bytes

    def to_bytes(self) -> bytes:
        return json.dumps(
            {"algorithm": "ed25519", "key": self.key, "signature": base64.b64encode(self.sig).decode()}
        ).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        if len(data) > MAX_SIGNATURE_BYTES:
            raise PackError("The pack's signature file is too large to be a signature.")
        try:
            raw = safe_json.loads(data)
            if raw.get("algorithm") != "ed25519":
                raise ValueError
            return cls(key=str(raw["key"]), sig=base64.b64decode(raw["signature"], validate=True))
        except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError):
            raise PackError("The pack's signature file is malformed.") from None


def sign(manifest_bytes: bytes, key: Ed25519PrivateKey) -> Signature:
    return Signature(key=public_b64(key.public_key()), sig=key.sign(manifest_bytes))


def check_signature(signature: Signature, manifest_bytes: bytes) -> None:
    """Raise PackError unless ``signature`` is a valid signature of exactly these manifest bytes."""
    try:
        pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(signature.key, validate=True))
        pub.verify(signature.sig, manifest_bytes)
    except (InvalidSignature, ValueError, TypeError):
        raise PackError("The pack's signature does not match its manifest: it was altered or damaged.") from None
