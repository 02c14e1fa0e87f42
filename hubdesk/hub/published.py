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
from hubdesk.core.packs import PackError, check_signer, fingerprint, read_public_key
from hubdesk.core.store import Schema, migration
from hubdesk.errors import NotFound
from hubdesk.hub import deltas
from hubdesk.sync.service import sync_state

if TYPE_CHECKING:
    pass


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


def admit(
    inst: Installation, pack: Path | str, *, trust: Path | str | None = None, allow_unsigned: bool = False
) -> str:
    """Whether the operator may publish ``pack``, and in words why (what :func:`publish` records).

    Centres install what their hub publishes, so the hub vouches for it: a pack signed by a key
    the hub trusts goes; one signed by another key only with ``trust`` (that key's ``.pub``, which
    the hub then trusts for good); an unsigned one only with ``allow_unsigned``. Anything else is
    refused with one sentence saying which of the two to give.
    """
    pack = Path(pack)
    if not pack.is_file():
        raise NotFound(f"{pack} is not a .hubpack file; build one with 'hubdesk pack build'.")
    given = read_public_key(trust) if trust is not None else None
    checked = check_signer(pack, trusted=inst.packs.trusted_keys())
    m, signer = checked.manifest, checked.signed_by
    if signer is None:
        if given is not None:
            raise PackError(
                f"{m.title} {m.version} is not signed, so --trust cannot vouch for it; nothing was published."
            )
        if not allow_unsigned:
            raise PackError(
                f"{m.title} {m.version} is not signed: nothing proves who made it. Sign it ('hubdesk pack build "
                "--sign KEY'), or publish it with --allow-unsigned if you got it from its publisher yourself."
            )
        return "unsigned, published with --allow-unsigned"
    if checked.verified:
        return f"signed by trusted key {fingerprint(signer)}"
    if given is None:
        raise PackError(
            f"{m.title} {m.version} is signed by key {fingerprint(signer)}, which this hub does not trust; publish it "
            "with --trust KEY.pub if that is its publisher's key."
        )
    if given != signer:
        raise PackError(
            f"{m.title} {m.version} is signed by key {fingerprint(signer)}, not by the key given with --trust "
            f"({fingerprint(given)}); nothing was published."
        )
    inst.packs.trust(given, "trusted with hub publish --trust")
    return f"signed by key {fingerprint(signer)}, trusted from now on with --trust"


def publish(inst: Installation, pack: Path | str, *, trust: Path | str | None = None, choice: str = "") -> Published:
    """Hold ``pack`` for the centres, with deltas from the versions of it published before.

    ``choice`` is how the operator vouched for it (:func:`admit`, or the dashboard's confirmation),
    kept with the publication in ``hub_publications``.
    """
    pack = Path(pack)
    if not pack.is_file():
        raise NotFound(f"{pack} is not a .hubpack file; build one with 'hubdesk pack build'.")
    sync_state(inst).become_hub()
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
        conn.execute(
            "INSERT INTO hub_publications (id, version, at, signer, choice) VALUES (?, ?, ?, ?, ?)",
            (
                item.id,
                item.version,
                item.published_at,
                fingerprint(result.signed_by) if result.signed_by else None,
                choice or ("signed by a trusted key" if result.verified else "not vouched for"),
            ),
        )
    earlier = [p for p in published(inst, latest_only=False) if p.id == item.id and p.version != item.version]
    deltas.make_for(inst, item, earlier)
    return item


def publications(inst: Installation) -> list[dict[str, Any]]:
    """Every publication with how it was vouched for, oldest first."""
    inst.store.migrate()
    rows = inst.store.query("SELECT id, version, at, signer, choice FROM hub_publications ORDER BY at")
    return [dict(r) for r in rows]


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
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE hub_packs (
            id TEXT NOT NULL, version TEXT NOT NULL, title TEXT NOT NULL, sha256 TEXT NOT NULL,
            size INTEGER NOT NULL, file TEXT NOT NULL, published_at REAL NOT NULL,
            PRIMARY KEY (id, version))"""
    )
    db.execute("CREATE TABLE hub_nonces (nonce TEXT PRIMARY KEY, device_id TEXT NOT NULL, at REAL NOT NULL)")


@migration("0161_hub_publications")
def _publications(db: Schema) -> None:
    db.execute(
        """CREATE TABLE hub_publications (
            id TEXT NOT NULL, version TEXT NOT NULL, at REAL NOT NULL,
            signer TEXT, choice TEXT NOT NULL)"""
    )
