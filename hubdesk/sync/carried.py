"""A centre installs what its hub's stick carried: packs and pack deltas named in the hub's bundles.

``hubdesk sync import`` hands every :class:`~hubdesk.sync.artifacts.Offer` from its hub's bundles
to :func:`install_carried`. Each named file is checked against the hash in the signed header
(:func:`~hubdesk.sync.artifacts.fetch`), then installed through the library's ordinary verified
install, exactly as a pack from ``pack install`` or an HTTP download: a delta is read over the
installed base and gives the same tree a whole pack would. What the hub said is waiting is kept,
so the facilitator page and ``sync status`` can show it until it arrives.

Kinds other than packs are left to whoever handles them: ``handlers`` maps a kind to the function
that installs it. A HubDesk release (kind ``hubdesk-release``) is checked against the release key and
kept in the data folder, ready for a facilitator to install (:mod:`hubdesk.core.releases`); it is
reported apart from the courses ("HubDesk 1.3.0 is ready to install").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hubdesk.core.installation import Installation
from hubdesk.core.packs import PackError, parse_version
from hubdesk.errors import HubDeskError
from hubdesk.sync.artifacts import Artifact, Offer, fetch
from hubdesk.sync.service import sync_state

PACK = "pack"
PACK_DELTA = "pack-delta"
RELEASE = "hubdesk-release"
WAITING_KEY = "packs_waiting"

Handler = Callable[[Installation, Path, Artifact], str | None]


def _newer_than_installed(inst: Installation, meta: dict[str, Any]) -> bool:
    pack_id, version = meta.get("id"), meta.get("version")
    if not isinstance(pack_id, str) or not isinstance(version, str):
        return True  # the install itself says what is wrong
    have = {p.id: p.version for p in inst.packs.list()}.get(pack_id)
    try:
        return have is None or parse_version(version) > parse_version(have)
    except PackError:
        return True


def install_pack(inst: Installation, path: Path, artifact: Artifact) -> str | None:
    """Install a carried pack or delta; ``None`` when the centre already has that version or newer."""
    if not _newer_than_installed(inst, artifact.meta):
        return None
    result = inst.packs.install(path)
    return f"{result.title} {result.version}"


def keep_release(inst: Installation, path: Path, artifact: Artifact) -> str | None:
    """Keep a carried HubDesk release for this PC; ``None`` when it is not newer or for another platform."""
    from hubdesk import __version__
    from hubdesk.core.releases import Updates, trusted_release_keys

    release = Updates(inst.dirs.root, __version__, trusted_release_keys()).receive(path)
    return release.version if release is not None else None


HANDLERS: dict[str, Handler] = {PACK: install_pack, PACK_DELTA: install_pack, RELEASE: keep_release}


@dataclass
class CarriedReport:
    installed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    waiting: list[dict[str, Any]] = field(default_factory=list)
    ready: list[str] = field(default_factory=list)  # HubDesk versions now ready to install

    def lines(self) -> list[str]:
        out = [
            f"HubDesk {v} is ready to install: 'hubdesk update install', or the Facilitator page." for v in self.ready
        ]
        n = len(self.installed)
        if n:
            names = ", ".join(self.installed)
            out.append(f"{n} course update{'s' if n != 1 else ''} installed from the stick: {names}.")
        out += [f"Not installed from the stick: {p}" for p in self.problems]
        if self.waiting:
            names = ", ".join(f"{w.get('title') or w.get('id')} {w.get('version', '')}".strip() for w in self.waiting)
            m = len(self.waiting)
            out.append(
                f"{m} course update{'s' if m != 1 else ''} waiting at the hub (did not fit on this stick): {names}."
            )
        return out


def install_carried(
    inst: Installation, offers: Iterable[tuple[Path, Offer]], handlers: dict[str, Handler] | None = None
) -> CarriedReport:
    """Install every artifact the hub's bundles named (``(stick folder, offer)`` pairs), each once."""
    handlers = HANDLERS if handlers is None else handlers
    report = CarriedReport()
    done: set[str] = set()
    last_waiting: list[dict[str, Any]] | None = None
    for stick, offer in offers:
        last_waiting = offer.waiting
        for art in offer.artifacts:
            handler = handlers.get(art.kind)
            if handler is None or art.sha256 in done:
                continue
            done.add(art.sha256)
            label = f"{art.meta.get('title') or art.meta.get('id') or art.file} {art.meta.get('version', '')}".strip()
            try:
                path = fetch(stick, art)
                what = handler(inst, path, art)
            except HubDeskError as exc:  # damaged, missing, not the base this delta needs: one line each
                hint = " The whole pack comes with a later stick or sync." if art.kind == PACK_DELTA else ""
                report.problems.append(f"{label}: {exc}{hint}")
                continue
            if what:
                (report.ready if art.kind == RELEASE else report.installed).append(what)
    if last_waiting is not None:
        still = [w for w in last_waiting if _newer_than_installed(inst, w)]
        sync_state(inst).set_json(WAITING_KEY, still)
        report.waiting = still
    return report


def waiting(inst: Installation) -> list[dict[str, Any]]:
    """What the hub last said it holds for this centre but did not send (minus what has arrived since)."""
    raw = sync_state(inst).get_json(WAITING_KEY)
    items = [w for w in raw if isinstance(w, dict)] if isinstance(raw, list) else []
    return [w for w in items if _newer_than_installed(inst, w)]
