"""A HubDesk release file (``.hubrelease``): a built bundle with a description signed by the release key.

The file is a zip holding ``release.json`` (version, platform, the payload's name, size and SHA-256),
``release.sig`` (ed25519 over the exact bytes of ``release.json``) and the payload itself under
``payload/`` (the Linux tarball, stored, not compressed again). Signing the description signs the
payload through its hash, as a pack's manifest signs its files.

Only keys in the trusted list may sign: the project's release public key(s) in ``release-keys.json``
shipped with HubDesk, plus those named in ``HUBDESK_RELEASE_KEYS`` (an organisation that builds its
own releases). The private key never sits in the repository: ``hubdesk release build --key`` reads it
from wherever the release manager keeps it (an offline PC, a hardware-protected folder).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import platform
import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hubdesk.core.packs import PackError, fingerprint, parse_version, read_public_key
from hubdesk.errors import UpdateError

SUFFIX = ".hubrelease"
INFO_NAME = "release.json"
SIG_NAME = "release.sig"
PAYLOAD_DIR = "payload/"
FORMAT = 1
KEYS_ENV = "HUBDESK_RELEASE_KEYS"
BUILTIN_KEYS = Path(__file__).with_name("release-keys.json")
MAX_INFO = 64 * 1024
_PLATFORM_RE = re.compile(r"^(linux|windows|macos)-[a-z0-9_]{2,16}$")
_PAYLOAD_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def this_platform() -> str:
    """The platform name releases are built for: ``linux-x86_64``, ``windows-x64``..."""
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "windows-x64" if machine in ("amd64", "x86_64") else f"windows-{machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


@dataclass(frozen=True)
class Release:
    version: str
    platform: str
    payload: str
    sha256: str
    size: int
    signed_by: str  # fingerprint of the release key
    path: Path

    @property
    def version_key(self) -> tuple[int, ...]:
        return parse_version(self.version)

    def describe(self) -> str:
        return f"HubDesk {self.version} for {self.platform}"


def trusted_release_keys(extra: Iterable[str] = ()) -> frozenset[str]:
    """The release keys this HubDesk accepts: shipped ones, ``$HUBDESK_RELEASE_KEYS``, and ``extra``."""
    keys: set[str] = set()
    try:
        shipped = json.loads(BUILTIN_KEYS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shipped = []
    named = [*(shipped if isinstance(shipped, list) else []), *extra]
    named += [k for k in os.environ.get(KEYS_ENV, "").split(os.pathsep) if k.strip()]
    for item in named:
        try:
            keys.add(read_public_key(str(item)))
        except PackError as exc:
            raise UpdateError(f"A trusted release key is not usable: {exc}") from None
    return frozenset(keys)


def build_release(payload: Path, version: str, platform_name: str, key_path: Path, out: Path) -> Release:
    """Wrap a built bundle into a signed release file (the release manager's step)."""
    try:
        parse_version(version)
    except PackError as exc:
        raise UpdateError(str(exc)) from None
    if not _PLATFORM_RE.match(platform_name):
        raise UpdateError(f"{platform_name!r} is not a platform name such as linux-x86_64 or windows-x64.")
    if not payload.is_file() or not _PAYLOAD_RE.match(payload.name):
        raise UpdateError(f"{payload} is not a bundle file with a plain name.")
    key = _load_private_key(key_path)
    digest, size = _sha256_file(payload)
    info = {
        "format": FORMAT,
        "app": "hubdesk",
        "version": version,
        "platform": platform_name,
        "payload": payload.name,
        "size": size,
        "sha256": digest,
    }
    info_bytes = json.dumps(info, sort_keys=True, indent=1).encode()
    public = base64.b64encode(key.public_key().public_bytes_raw()).decode()
    sig = {"algorithm": "ed25519", "key": public, "signature": base64.b64encode(key.sign(info_bytes)).decode()}
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(INFO_NAME, info_bytes)
            zf.writestr(SIG_NAME, json.dumps(sig).encode())
            zf.write(payload, PAYLOAD_DIR + payload.name)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UpdateError(f"The release cannot be written to {out}: {(exc.strerror or str(exc)).lower()}.") from None
    return Release(version, platform_name, payload.name, digest, size, fingerprint(public), out)


def read_release(path: Path, trusted: frozenset[str], *, check_payload: bool = True) -> Release:
    """Open a release file and check it: signed by a trusted release key, and (by default) every payload byte."""
    try:
        with zipfile.ZipFile(path) as zf:
            info_bytes = _member(zf, INFO_NAME, MAX_INFO)
            sig_bytes = _member(zf, SIG_NAME, 4096)
            release = _parse(path, info_bytes, sig_bytes, trusted)
            try:
                member = zf.getinfo(PAYLOAD_DIR + release.payload)
            except KeyError:
                raise UpdateError(f"{path.name} does not hold the bundle its description names.") from None
            if member.file_size != release.size:
                raise UpdateError(f"{path.name} is damaged: its bundle is not the size the release key signed.")
            if check_payload:
                h = hashlib.sha256()
                with zf.open(member) as fh:
                    while chunk := fh.read(1 << 20):
                        h.update(chunk)
                if h.hexdigest() != release.sha256:
                    raise UpdateError(f"{path.name} is damaged or altered: its bundle does not match the signed hash.")
            return release
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise UpdateError(f"{path} is not a readable HubDesk release ({exc.__class__.__name__}).") from None


def extract_payload(release: Release, dest: Path) -> Path:
    """Copy the payload out of the (already checked) release file into ``dest``; return its path."""
    target = dest / release.payload
    with zipfile.ZipFile(release.path) as zf, zf.open(PAYLOAD_DIR + release.payload) as src, open(target, "wb") as out:
        while chunk := src.read(1 << 20):
            out.write(chunk)
    return target


def _parse(path: Path, info_bytes: bytes, sig_bytes: bytes, trusted: frozenset[str]) -> Release:
    try:
        sig = json.loads(sig_bytes)
        key = read_public_key(str(sig["key"]))
        raw_sig = base64.b64decode(sig["signature"], validate=True)
        if sig.get("algorithm") != "ed25519":
            raise ValueError
    except (ValueError, TypeError, KeyError, PackError):
        raise UpdateError(f"{path.name} has a malformed signature.") from None
    if key not in trusted:
        raise UpdateError(
            f"{path.name} is signed by a key this HubDesk does not trust (fingerprint {fingerprint(key)}); "
            "only the project's release key may update HubDesk."
        )
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key)).verify(raw_sig, info_bytes)
    except InvalidSignature:
        raise UpdateError(f"{path.name} was altered: its signature does not match its description.") from None
    try:
        info = json.loads(info_bytes)
        version, plat, payload = str(info["version"]), str(info["platform"]), str(info["payload"])
        size, digest = info["size"], str(info["sha256"])
        parse_version(version)
        if info.get("format") != FORMAT or info.get("app") != "hubdesk":
            raise ValueError
        if not (_PLATFORM_RE.match(plat) and _PAYLOAD_RE.match(payload) and re.fullmatch(r"[0-9a-f]{64}", digest)):
            raise ValueError
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ValueError
    except (ValueError, TypeError, KeyError, PackError):
        raise UpdateError(f"{path.name} has a description this HubDesk cannot read.") from None
    return Release(version, plat, payload, digest, size, fingerprint(key), path)


def _member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise UpdateError(f"{zf.filename} is not a HubDesk release: it has no {name}.") from None
    if info.file_size > limit:
        raise UpdateError(f"{zf.filename} is not a HubDesk release: its {name} is too large.")
    return zf.read(info)


def _sha256_file(path: Path) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        raise UpdateError(f"{path} is not a readable release key (make one with: hubdesk pack keygen OUT).") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UpdateError(f"{path} is not an ed25519 key.")
    return key
