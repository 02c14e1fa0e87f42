"""A course pack installed on one PC of the centre, installed on another over the LAN.

The facilitator carries the stick to one PC; the others take the pack from it over the centre's
pair-sealed link (:mod:`hubdesk.peers.centre_link`): the PC that has it writes the pack once as a
``.hubpack`` (as ``pack export`` does for a stick) and serves it in sealed chunks; the PC that wants
it downloads the chunks into its staging folder (resuming after an interruption) and installs the
file through the usual verified install, exactly as from a stick: the manifest's hashes, the
signature and this PC's own trust rules decide, not the PC it came from.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.core.packs import InstallResult, parse_version
from hubdesk.errors import HubDeskError, NotFound, PackError, SyncError
from hubdesk.peers.centre_link import CentreClient, client_for
from hubdesk.peers.client import http_client, local_listen_port

log = logging.getLogger(__name__)

CHUNK = 2 * 1024 * 1024  # per sealed request: a few of them a second on a slow LAN
EXPORTS = "lan-exports"


@dataclass(frozen=True)
class OfferedPack:
    pc: str
    address: str
    id: str
    version: str
    title: str
    size: int


# -- the side that has the pack ------------------------------------------------------------------
def _exported(inst: Installation, pack_id: str) -> Path:
    """The pack as a ``.hubpack`` file, written once per version into this PC's data folder."""
    pack = inst.packs.get(pack_id)
    folder = inst.dirs.root / EXPORTS
    for stale in folder.glob(f"HUBDESK/packs/{pack_id}-*.hubpack") if folder.exists() else []:
        if stale.name != f"{pack_id}-{pack.version}.hubpack":
            stale.unlink(missing_ok=True)
    target = folder / "HUBDESK" / "packs" / f"{pack_id}-{pack.version}.hubpack"
    if not target.exists():
        inst.packs.export([pack_id], folder)
    return target


def answer_packs(inst: Installation) -> dict[str, Any]:
    return {
        "packs": [{"id": p.id, "version": p.version, "title": p.title} for p in inst.packs.list()][:500],
    }


def answer_chunk(inst: Installation, msg: Any) -> dict[str, Any]:
    if not isinstance(msg, dict) or not isinstance(msg.get("id"), str) or not isinstance(msg.get("offset"), int):
        raise SyncError("A pack request names a pack and an offset.")
    try:
        path = _exported(inst, msg["id"])
    except NotFound as exc:
        raise SyncError(str(exc)) from exc
    version = inst.packs.get(msg["id"]).version
    if msg.get("version") not in (None, version):
        raise SyncError(f"This PC now has version {version} of {msg['id']}.")
    size = path.stat().st_size
    offset = max(0, min(int(msg["offset"]), size))
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read(CHUNK)
    return {"version": version, "size": size, "offset": offset, "data": base64.b64encode(data).decode()}


# -- the side that wants it ----------------------------------------------------------------------
def _clients(inst: Installation, http: Any) -> list[CentreClient]:
    out = []
    for device, address in inst.centre.peers():
        try:
            out.append(client_for(inst, device, address, http, local_listen_port(inst)))
        except HubDeskError:
            continue
    return out


def offered(inst: Installation, *, timeout: float = 3.0) -> list[OfferedPack]:
    """Packs the centre's other reachable PCs have that this PC lacks or has in an older version."""
    have = {p.id: p.version for p in inst.packs.list()}
    best: dict[str, OfferedPack] = {}
    with http_client(timeout) as http:
        for client in _clients(inst, http):
            try:
                reply = client.call("packs", {})
            except HubDeskError as exc:
                log.debug("packs of %s: %s", client.address, exc)
                continue
            for p in reply.get("packs") or []:
                if not (isinstance(p, dict) and all(isinstance(p.get(k), str) for k in ("id", "version", "title"))):
                    continue
                try:
                    newer = p["id"] not in have or parse_version(p["version"]) > parse_version(have[p["id"]])
                    better = p["id"] not in best or parse_version(p["version"]) > parse_version(best[p["id"]].version)
                except PackError:
                    continue
                if newer and better:
                    best[p["id"]] = OfferedPack(client.device, client.address, p["id"], p["version"], p["title"], 0)
    return sorted(best.values(), key=lambda o: (o.title.casefold(), o.id))


def fetch(inst: Installation, pack_id: str, *, timeout: float = 30.0, progress: Any = None) -> InstallResult:
    """Download ``pack_id`` from a PC of the centre that has a newer version, and install it (verified)."""
    choices = [o for o in offered(inst) if o.id == pack_id]
    if not choices:
        raise NotFound(f"No other computer of this centre that answers now has {pack_id!r} (or a newer version of it).")
    pick = choices[0]
    staging = inst.dirs.root / EXPORTS / "incoming"
    staging.mkdir(parents=True, exist_ok=True)
    part = staging / f"{pick.id}-{pick.version}.hubpack.part"
    with http_client(timeout) as http:
        client = client_for(inst, pick.pc, pick.address, http, local_listen_port(inst))
        offset = part.stat().st_size if part.exists() else 0  # resume what an earlier try brought
        while True:
            reply = client.call("pack_chunk", {"id": pick.id, "version": pick.version, "offset": offset})
            size, data = reply.get("size"), base64.b64decode(str(reply.get("data", "")))
            if not isinstance(size, int) or reply.get("offset") != offset or offset + len(data) > size:
                raise SyncError(f"The computer at {pick.address} sent a pack in pieces that do not fit.")
            with open(part, "ab") as fh:
                fh.write(data)
            offset += len(data)
            if progress is not None:
                progress(offset, size)
            if offset >= size:
                break
            if not data:
                raise SyncError(f"The computer at {pick.address} stopped sending {pick.title}.")
    final = part.with_suffix("")
    part.replace(final)
    try:
        return inst.packs.install(final)  # verified as from a stick: hashes, signature, this PC's trust
    finally:
        final.unlink(missing_ok=True)
