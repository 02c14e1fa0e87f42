"""What the hub's USB stick carries to each centre besides events: the packs it lacks or has older.

``hubdesk sync export`` on a hub asks :func:`carry` which published packs each centre needs (its
newest published version, when the centre reports none or an older one), lays them on the stick
once each, and hands the bundle writer an :class:`~hubdesk.sync.artifacts.Offer` per centre: the
artifacts (named by SHA-256 in the signed header) and what did not fit, "waiting at the hub".

A stick is small and a library large, so the budget (``--max-bytes``, by default the stick's free
space less room for the bundles) is spent newest first and, among equals, smallest first: a new
course reaches a centre before an old one, and many small updates before one big video pack.
When the hub holds a delta from the version the centre has, the delta travels instead of the
whole pack (see :mod:`hubdesk.hub.deltas`).

Which centre has what is asked of :func:`centre_library` only, so that the day a centre is
several PCs rather than one enrolled device, that one function changes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.core.packs import parse_version
from hubdesk.errors import PackError
from hubdesk.hub import deltas, published, releases
from hubdesk.sync.artifacts import Artifact, ArtifactError, Offer, place
from hubdesk.sync.centres import centre_of

PACK = "pack"
PACK_DELTA = "pack-delta"
RESERVE = 32 << 20  # room left on the stick for the bundles themselves


def centre_library(inst: Installation, centre: str) -> dict[str, str]:
    """pack id -> version, as the centre last reported its library to this hub."""
    return {p.pack_id: p.version for p in inst.centre_packs.installed() if centre_of(inst.log, p.device_id) == centre}


@dataclass
class _Candidate:
    centre: str
    item: published.Published
    artifact: Artifact
    source: Path


@dataclass
class StickPlan:
    """Per centre, what went on the stick and what waits; the bytes the stick now holds for them."""

    offers: dict[str, Offer] = field(default_factory=dict)
    bytes_placed: int = 0

    def carried(self, centre: str) -> list[Artifact]:
        return self.offers[centre].artifacts if centre in self.offers else []

    def waiting(self, centre: str) -> list[dict[str, Any]]:
        return self.offers[centre].waiting if centre in self.offers else []


def default_budget(stick: Path) -> int:
    """As much as fits: the free space of the stick's file system, less room for the bundles."""
    probe = stick
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return 0
    return max(0, free - RESERVE)


def _candidates(inst: Installation, centre: str, latest: list[published.Published]) -> list[_Candidate]:
    have = centre_library(inst, centre)
    out: list[_Candidate] = []
    for item in latest:
        old = have.get(item.id)
        try:
            if old is not None and parse_version(old) >= parse_version(item.version):
                continue
        except PackError:  # a centre reporting an unreadable version gets the whole pack
            old = None
        path = published.folder(inst) / item.file
        meta = {"id": item.id, "version": item.version, "title": item.title}
        delta = deltas.find(inst, item.id, old, item.version) if old else None
        if delta is not None:
            art = Artifact(PACK_DELTA, delta.sha256, delta.size, "hubdelta", {**meta, "base_version": old})
            out.append(_Candidate(centre, item, art, deltas.path_of(inst, delta)))
        else:
            out.append(_Candidate(centre, item, Artifact(PACK, item.sha256, item.size, "hubpack", meta), path))
    return out


def carry(inst: Installation, stick: Path, centres: list[str], max_bytes: int | None = None) -> StickPlan:
    """Lay the packs ``centres`` need on ``stick`` within ``max_bytes``; return each centre's offer."""
    budget = default_budget(stick) if max_bytes is None else max_bytes
    latest = published.published(inst)
    cands = [c for centre in centres for c in _candidates(inst, centre, latest)]
    # newest first, then smallest: many small updates before one big pack
    cands.sort(key=lambda c: (-c.item.published_at, c.artifact.size, c.item.id, c.centre))
    plan = StickPlan({centre: Offer() for centre in centres})
    placed: set[str] = set()
    for c in cands:
        offer = plan.offers[c.centre]
        if c.artifact.sha256 not in placed:
            fits = c.artifact.size <= budget - plan.bytes_placed
            try:
                if not fits:
                    raise ArtifactError("too big for what is left of the stick")
                place(c.source, stick, c.artifact)
            except (ArtifactError, OSError):
                offer.waiting.append(_waiting(c))
                continue
            placed.add(c.artifact.sha256)
            plan.bytes_placed += c.artifact.size
        offer.artifacts.append(c.artifact)
    _carry_releases(inst, stick, centres, plan, budget, placed)
    return plan


def _carry_releases(
    inst: Installation, stick: Path, centres: list[str], plan: StickPlan, budget: int, placed: set[str]
) -> None:
    """After the courses, if there is room: the newest HubDesk release of each platform, for every centre.

    The hub does not know which version each centre runs; a centre that has it already ignores it,
    and the stick holds it once however many exports and centres name it.
    """
    for held in releases.newest(inst):
        meta = {"title": "HubDesk", "version": held.version, "platform": held.platform}
        art = Artifact(releases.KIND, held.sha256, held.size, "hubrelease", meta)
        if art.sha256 not in placed:
            if art.size > budget - plan.bytes_placed:
                continue
            try:
                place(releases.folder(inst) / held.file, stick, art)
            except (ArtifactError, OSError):
                continue
            placed.add(art.sha256)
            plan.bytes_placed += art.size
        for centre in centres:
            plan.offers[centre].artifacts.append(art)


def _waiting(c: _Candidate) -> dict[str, Any]:
    return {"id": c.item.id, "version": c.item.version, "title": c.item.title, "size": c.artifact.size}
