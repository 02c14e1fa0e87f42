"""Files that ride along with a hub's sync bundles on a USB stick: packs, pack deltas, and any other
artifact the hub vouches for.

The hub's bundle header (signed with the hub's device key) names each artifact by kind, SHA-256
and size; the files themselves lie beside the bundles in ``<stick>/artifacts/<sha256>.<ext>``.
A centre takes a file from the stick only when a bundle from *its* hub names that exact hash, and
checks every byte against it before anything else reads the file: a file slipped onto the stick,
or damaged on the way, is never opened as a pack. The stick holds each artifact once, however many
centres' bundles name it.

The same header also says what the hub holds for the centre but could not fit (``waiting``), so a
facilitator sees that a course update exists even when it did not travel.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hubdesk.errors import SyncError

FOLDER = "artifacts"
MAX_ARTIFACT = 16 << 30
MAX_LISTED = 1000
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_EXT_RE = re.compile(r"^[a-z0-9]{1,12}$")
_KIND_RE = re.compile(r"^[a-z][a-z0-9-]{0,31}$")


class ArtifactError(SyncError):
    """An artifact that is missing from the stick, damaged, or cannot be written to it."""


@dataclass(frozen=True)
class Artifact:
    """One file the hub vouches for: ``kind`` says who handles it (``pack``, ``pack-delta`` ...)."""

    kind: str
    sha256: str
    size: int
    ext: str
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def file(self) -> str:
        return f"{self.sha256}.{self.ext}"

    def to_wire(self) -> dict[str, Any]:
        return {"kind": self.kind, "sha256": self.sha256, "size": self.size, "ext": self.ext, "meta": self.meta}

    @classmethod
    def from_wire(cls, raw: object) -> Artifact | None:
        """The artifact a header names, or ``None`` for an entry this HubDesk cannot read (skipped)."""
        if not isinstance(raw, dict):
            return None
        kind, sha, size, ext, meta = (raw.get(k) for k in ("kind", "sha256", "size", "ext", "meta"))
        if not (isinstance(kind, str) and _KIND_RE.match(kind)):
            return None
        if not (isinstance(sha, str) and _SHA_RE.match(sha) and isinstance(ext, str) and _EXT_RE.match(ext)):
            return None
        if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_ARTIFACT:
            return None
        return cls(kind, sha, size, ext, meta if isinstance(meta, dict) else {})


@dataclass
class Offer:
    """What one hub bundle carries beside its events: artifacts on the stick, and what is waiting."""

    artifacts: list[Artifact] = field(default_factory=list)
    waiting: list[dict[str, Any]] = field(default_factory=list)

    def to_header(self) -> dict[str, Any]:
        return {"artifacts": [a.to_wire() for a in self.artifacts], "waiting": self.waiting}

    @classmethod
    def from_header(cls, header: dict[str, Any]) -> Offer:
        arts = header.get("artifacts")
        waiting = header.get("waiting")
        found = [a for a in (Artifact.from_wire(x) for x in arts[:MAX_LISTED]) if a] if isinstance(arts, list) else []
        kept = [w for w in waiting[:MAX_LISTED] if isinstance(w, dict)] if isinstance(waiting, list) else []
        return cls(found, kept)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def place(source: Path, stick: Path, artifact: Artifact) -> Path:
    """Copy ``source`` onto the stick as ``artifact`` (once: a copy already there with the right size stays).

    Written beside its final name and renamed, so a pulled stick never holds half an artifact
    under a real name; the SHA-256 was taken by the hub from its own copy when it published.
    """
    folder = stick / FOLDER
    target = folder / artifact.file
    with contextlib.suppress(OSError):
        if target.stat().st_size == artifact.size:
            return target
    tmp = folder / f".{artifact.file}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(source, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 4 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        why = "the stick is full" if exc.errno == 28 else (exc.strerror or str(exc)).lower()
        raise ArtifactError(f"{artifact.file} cannot be written to {folder}: {why}.") from exc
    return target


def fetch(stick: Path, artifact: Artifact) -> Path:
    """The artifact's file on the stick, once its size and SHA-256 match what the hub signed."""
    path = stick / FOLDER / artifact.file
    try:
        if not path.is_file() or path.is_symlink():
            raise ArtifactError(f"{artifact.file} is named by the hub's bundle but is not on the stick.")
        if path.stat().st_size != artifact.size or sha256_of(path) != artifact.sha256:
            raise ArtifactError(
                f"{artifact.file} on the stick is damaged or altered (it does not match the hub's hash)."
            )
    except OSError as exc:
        why = (exc.strerror or str(exc)).lower()
        raise ArtifactError(f"{artifact.file} cannot be read from the stick: {why}.") from exc
    return path


def stick_of(bundle: Path) -> Path:
    """The folder a bundle was found in: where its artifacts lie."""
    return bundle.parent
