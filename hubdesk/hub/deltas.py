"""Deltas the hub keeps between the versions of a pack it published.

When ``hub publish`` takes a new version of a pack, the hub writes one ``.hubdelta`` from each of
the last few versions it published before (see :mod:`hubdesk.core.packs` for the format): a centre
that has one of those versions then receives the files that changed and the new signed manifest,
over HTTP (resumable, like a pack) or on the stick, instead of the whole pack. Deltas towards an
older version are dropped once a newer one is published: no centre is sent an old version.
A delta no smaller than most of the pack is not kept (the pack itself travels instead).
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hubdesk.core.installation import Installation
from hubdesk.core.packs import make_delta
from hubdesk.core.store import Schema, migration

if TYPE_CHECKING:
    from hubdesk.hub.published import Published

KEEP_BASES = 5
WORTH_IT = 0.9  # a delta at or above this share of the whole pack is not worth keeping


@dataclass(frozen=True)
class Delta:
    id: str
    base_version: str
    version: str
    sha256: str
    size: int
    file: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def folder(inst: Installation) -> Path:
    return inst.dirs.root / "hub" / "packs"


def path_of(inst: Installation, delta: Delta) -> Path:
    return folder(inst) / delta.file


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def make_for(inst: Installation, new: Published, earlier: list[Published]) -> list[Delta]:
    """Deltas to ``new`` from the last :data:`KEEP_BASES` of ``earlier`` (same pack, other versions)."""
    made: list[Delta] = []
    target = folder(inst) / new.file
    for base in [p for p in earlier if p.version != new.version][-KEEP_BASES:]:
        base_file = folder(inst) / base.file
        if not base_file.is_file():
            continue
        name = f"{new.id}-{base.version}-to-{new.version}.hubdelta"
        out = folder(inst) / name
        make_delta(base_file, target, out)
        size = out.stat().st_size
        if size >= new.size * WORTH_IT:
            out.unlink(missing_ok=True)
            continue
        made.append(Delta(new.id, base.version, new.version, _sha256(out), size, name))
    with inst.store.transaction() as conn:
        old = conn.execute("SELECT file FROM hub_deltas WHERE id = ? AND version != ?", (new.id, new.version))
        stale = [r[0] for r in old.fetchall()]
        conn.execute("DELETE FROM hub_deltas WHERE id = ? AND version != ?", (new.id, new.version))
        conn.executemany(
            "INSERT INTO hub_deltas (id, base_version, version, sha256, size, file) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id, base_version, version) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, "
            "file = excluded.file",
            [(d.id, d.base_version, d.version, d.sha256, d.size, d.file) for d in made],
        )
    for name in stale:
        with contextlib.suppress(OSError):
            (folder(inst) / name).unlink(missing_ok=True)
    return made


def find(inst: Installation, pack_id: str, base_version: str, version: str) -> Delta | None:
    rows = inst.store.query(
        "SELECT id, base_version, version, sha256, size, file FROM hub_deltas WHERE id = ? AND base_version = ? "
        "AND version = ?",
        (pack_id, base_version, version),
    )
    return Delta(*rows[0]) if rows and path_of(inst, Delta(*rows[0])).is_file() else None


def towards(inst: Installation, pack_id: str, version: str) -> list[Delta]:
    rows = inst.store.query(
        "SELECT id, base_version, version, sha256, size, file FROM hub_deltas WHERE id = ? AND version = ? "
        "ORDER BY base_version",
        (pack_id, version),
    )
    return [Delta(*r) for r in rows]


def file_of(inst: Installation, name: str) -> Path | None:
    """The delta file called ``name``, or ``None``: never a path outside the folder."""
    rows = inst.store.query("SELECT file FROM hub_deltas WHERE file = ?", (name,))
    if not rows:
        return None
    path = folder(inst) / rows[0][0]
    return path if path.is_file() else None


@migration("0151_hub_deltas")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE hub_deltas (
            id TEXT NOT NULL, base_version TEXT NOT NULL, version TEXT NOT NULL, sha256 TEXT NOT NULL,
            size INTEGER NOT NULL, file TEXT NOT NULL,
            PRIMARY KEY (id, base_version, version))"""
    )
