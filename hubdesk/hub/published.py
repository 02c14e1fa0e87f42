"""Packs the hub holds for its centres: ``hubdesk hub publish PACK``.

Publishing verifies the pack through the same install path as a USB stick (the hub installs it
itself, so ``pack list`` on the hub shows it), then keeps an immutable copy named after its id
and version, with its SHA-256: centres download it resumably over HTTP ranges and check that hash
(received in a signed reply) before installing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hubdesk.core.installation import Installation
from hubdesk.core.store import migration
from hubdesk.errors import NotFound
from hubdesk.hub import deltas
from hubdesk.sync.state import SyncState

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class Published:
    id: str
    version: str
    title: str
    sha256: str
    size: int
    file: str
    published_at: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def folder(inst: Installation) -> Path:
    return inst.dirs.root / "hub" / "packs"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def publish(inst: Installation, pack: Path | str, *, trust: Path | str | None = None) -> Published:
    """Hold ``pack`` for the centres, with deltas from the versions of it published before."""
    pack = Path(pack)
    if not pack.is_file():
        raise NotFound(f"{pack} is not a .hubpack file; build one with 'hubdesk pack build'.")
    SyncState(inst.store).become_hub()
    # verifies; refuses a damaged or hostile pack with a sentence
    result = inst.packs.install(pack, trust=trust)
    dest_dir = folder(inst)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"{result.pack_id}-{result.version}.hubpack"
    target = dest_dir / name
    tmp = dest_dir / f".{name}.part"
    shutil.copyfile(pack, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    item = Published(
        result.pack_id, result.version, result.title, _sha256(target), target.stat().st_size, name, time.time()
    )
    with inst.store.transaction() as conn:
        conn.execute(
            "INSERT INTO hub_packs (id, version, title, sha256, size, file, published_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id, version) DO UPDATE SET title = excluded.title, sha256 = excluded.sha256, "
            "size = excluded.size, file = excluded.file, published_at = excluded.published_at",
            (item.id, item.version, item.title, item.sha256, item.size, item.file, item.published_at),
        )
    earlier = [p for p in published(inst, latest_only=False) if p.id == item.id and p.version != item.version]
    deltas.make_for(inst, item, earlier)
    return item


def published(inst: Installation, latest_only: bool = True) -> list[Published]:
    inst.store.migrate()
    rows = [Published(*r) for r in inst.store.query("SELECT * FROM hub_packs ORDER BY id, published_at")]
    if not latest_only:
        return rows
    latest: dict[str, Published] = {}
    for p in rows:
        latest[p.id] = p  # the most recently published version of each pack
    return list(latest.values())


def file_of(inst: Installation, name: str) -> Path | None:
    """The published file (pack or delta) called ``name``, or ``None``: never a path outside the folder."""
    rows = inst.store.query("SELECT file FROM hub_packs WHERE file = ?", (name,))
    if not rows:
        return deltas.file_of(inst, name)
    path = folder(inst) / rows[0][0]
    return path if path.is_file() else None


@migration("0150_hub_packs")
def _schema(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE hub_packs (
            id TEXT NOT NULL, version TEXT NOT NULL, title TEXT NOT NULL, sha256 TEXT NOT NULL,
            size INTEGER NOT NULL, file TEXT NOT NULL, published_at REAL NOT NULL,
            PRIMARY KEY (id, version))"""
    )
    db.execute("CREATE TABLE hub_nonces (nonce TEXT PRIMARY KEY, device_id TEXT NOT NULL, at REAL NOT NULL)")
