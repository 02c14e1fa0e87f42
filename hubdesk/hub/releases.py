"""HubDesk releases the hub holds for its centres: ``hubdesk hub publish-release FILE.hubrelease``.

A release is checked when it is published (signed by a trusted release key, every byte) and kept
as ``<data>/hub/releases/hubdesk-<version>-<platform>.hubrelease`` with its SHA-256 in an index.
The newest release of each platform then travels like a pack: on the hub's USB stick as an
artifact named (by hash) in the signed bundle header (:mod:`hubdesk.hub.stick`), and over HTTP
(``GET /releases``, ``GET /releases/<file>``, resumable). Each centre checks it again before it
keeps it and once more before it installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.core.releases import SUFFIX, read_release, trusted_release_keys
from hubdesk.errors import NotFound, UpdateError
from hubdesk.sync.artifacts import sha256_of
from hubdesk.sync.service import sync_state

KIND = "hubdesk-release"
INDEX = "index.json"


@dataclass(frozen=True)
class HeldRelease:
    version: str
    platform: str
    file: str
    sha256: str
    size: int
    published_at: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def folder(inst: Installation) -> Path:
    return inst.dirs.root / "hub" / "releases"


def publish_release(inst: Installation, path: Path) -> HeldRelease:
    """Check a release file and hold it for the centres (the newest per platform travels)."""
    if not Path(path).is_file():
        raise NotFound(f"{path} is not a release file; the release manager makes one with 'hubdesk release build'.")
    release = read_release(Path(path), trusted_release_keys())
    sync_state(inst).become_hub()
    dest = folder(inst)
    name = f"hubdesk-{release.version}-{release.platform}{SUFFIX}"
    tmp = dest / f".{name}.part"
    try:
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest / name)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UpdateError(f"The release cannot be kept in {dest}: {(exc.strerror or str(exc)).lower()}.") from None
    kept = dest / name
    held = HeldRelease(release.version, release.platform, name, sha256_of(kept), kept.stat().st_size, time.time())
    index = _index(inst)
    index[name] = held.to_dict()
    (dest / INDEX).write_text(json.dumps(index, indent=1))
    return held


def newest(inst: Installation) -> list[HeldRelease]:
    """The newest held release of each platform (what centres are offered)."""
    from hubdesk.core.packs import parse_version

    best: dict[str, HeldRelease] = {}
    for raw in _index(inst).values():
        try:
            held = HeldRelease(**raw)
        except TypeError:
            continue
        if not (folder(inst) / held.file).is_file():
            continue
        have = best.get(held.platform)
        if have is None or parse_version(held.version) > parse_version(have.version):
            best[held.platform] = held
    return sorted(best.values(), key=lambda h: h.platform)


def file_of(inst: Installation, name: str) -> Path | None:
    """The held release file called ``name``, or ``None``: never a path outside the folder."""
    if name not in _index(inst):
        return None
    path = folder(inst) / name
    return path if path.is_file() else None


def _index(inst: Installation) -> dict[str, Any]:
    try:
        raw = json.loads((folder(inst) / INDEX).read_text())
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}
