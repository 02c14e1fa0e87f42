"""Sync bundles: the exchange carried in a file, for USB sticks and shared (Syncthing) folders.

A bundle is one file, ``<device>-<export no>.hdbundle``, never rewritten once written (the export
number only grows), so a shared folder never holds two versions of one file. Layout::

    b"HDBUNDLE\\x01\\n"  | u32 header length | header (JSON) | 64-byte ed25519 signature | body

The signature, by the sender's device key, covers the magic and the header; the header holds the
SHA-256 and length of the body (zstd-compressed columnar events, see :mod:`hubdesk.sync.codec`), so
one flipped or missing byte anywhere is caught before anything is applied. The header also carries
the sender's version vector, which tells the receiver what not to send back, and, while a centre
waits for its hub, its signed enrolment claim.

Importing checks, in order: shape and signature, replay (a bundle id already imported), trust (an
enrolled device, or a valid enrolment claim at the hub, or the hub whose key matches this
centre's enrolment code), body integrity, every event's validity and entitlement; only then does
it apply, in chunks that are each one transaction (the app keeps writing meanwhile). Dying half
way is harmless: applied events are not applied twice and the bundle is not marked seen, so the
next import finishes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import stat
import struct
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zstandard

from hubdesk.core import safe_json
from hubdesk.core.centre import Centres
from hubdesk.core.event_chain import ForgedEvents
from hubdesk.core.events import Event
from hubdesk.core.identity import verify
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, HubDeskError, SyncError
from hubdesk.sync import codec, enrolment, syncthing_cards
from hubdesk.sync.artifacts import Offer
from hubdesk.sync.centres import centre_of, enrolled_centres, trusted_pc
from hubdesk.sync.entitlement import centre_policy, hub_policy
from hubdesk.sync.protocol import (
    NotEntitled,
    Policy,
    ProtocolError,
    advance_by,
    check_entitled,
    filter_vector,
    merge_vectors,
    missing,
    vector_from_wire,
    vector_to_wire,
)
from hubdesk.sync.service import sync_state
from hubdesk.sync.state import CENTRE_ROLE, HUB, HUB_DEST, Device, NotEnrolled, SyncState, crashpoint

log = logging.getLogger(__name__)

MAGIC = b"HDBUNDLE\x01\n"
SUFFIX = ".hdbundle"
VERSION = 1
MAX_HEADER = 8 << 20
MAX_FILE = 512 << 20
MAX_RAW = 1 << 30
DEFAULT_MAX_EVENTS = 100_000
APPLY_CHUNK = 10_000
ZSTD_LEVEL = 12


class BundleError(SyncError):
    """A bundle that is damaged, truncated, tampered with, or not for this installation."""


@dataclass
class ImportResult:
    path: Path
    status: str  # "applied", "replay", "own", "elsewhere"
    sender: str
    received: int = 0
    applied: int = 0
    enrolled: str | None = None  # "centre" (we are its hub) or "hub" (we now trust our hub)
    offer: Offer | None = None  # from this centre's hub: artifacts beside the bundle, and what is waiting
    meant_for: str | None = None  # "elsewhere": the centre the bundle is for, as the hub named it

    def describe(self) -> str:
        name = self.path.name
        if self.status == "own":
            return f"{name}: written by this installation, skipped."
        if self.status == "elsewhere":
            whom = f"the centre {self.meant_for!r}" if self.meant_for else "another centre"
            return f"{name}: this bundle is for {whom}, not this one; skipped (take it there)."
        if self.status == "replay":
            return f"{name}: already imported before (a replay), nothing applied."
        extra = {"centre": " Enrolled the centre that sent it.", "hub": " This centre now trusts its hub."}
        return (
            f"{name}: applied {self.applied} new event(s) of {self.received} from {self.sender}."
            f"{extra.get(self.enrolled or '', '')}"
        )


# -- writing ------------------------------------------------------------------------------------
def _link(inst: Installation, state: SyncState, dest: str | None) -> tuple[str, str | None, Policy]:
    """``(dest key, addressed to, policy)`` for a bundle from this installation.

    The hub writes for a centre (``dest`` is the centre's id, or the id of any of its PCs), whichever
    of its PCs carries the stick home; a PC writes for its hub, on behalf of its whole centre.
    """
    if state.is_hub:
        centres = enrolled_centres(state, inst.log)
        centre = centre_of(inst.log, dest) if dest else None
        if centre is None or centre not in centres:
            raise NotEnrolled("A hub writes bundles for one enrolled centre at a time; name the centre.")
        return centre, centre, hub_policy(inst.log, centres[centre][0].device_id)
    hub = state.hub()
    return HUB_DEST, hub.device_id if hub else None, centre_policy(inst.device_id)


def write_bundle(
    inst: Installation,
    dest_dir: Path | str,
    *,
    dest: str | None = None,
    max_events: int = DEFAULT_MAX_EVENTS,
    again: bool = False,
    always: bool = False,
) -> Path | None:
    """Write the next bundle of what ``dest`` may lack (its hub, for a centre); ``None`` if nothing.

    What went out is remembered per destination, so the next bundle carries only newer events;
    ``again`` starts over from what the other side acknowledged (a lost stick).
    """
    return _write(inst, dest_dir, dest=dest, max_events=max_events, again=again, always=always)[0]


def export_all(
    inst: Installation,
    dest_dir: Path | str,
    *,
    dest: str | None = None,
    again: bool = False,
    offers: dict[str, Offer] | None = None,
) -> list[Path]:
    """As many bundles as it takes to carry everything ``dest`` may lack (one per ``max_events``).

    A hub always writes at least one bundle per centre, even empty: it carries the hub's key (an
    offline centre learns to trust its hub from it) and the hub's vector (what it has received).
    ``offers`` (a hub's, by centre) name the artifacts laid beside the bundles: the first bundle
    of each centre carries its offer in the signed header.
    """
    state = sync_state(inst)
    if state.is_hub and dest is None:  # every enrolled centre gets its own bundles
        return [
            p
            for c in enrolled_centres(state, inst.log)
            for p in export_all(inst, dest_dir, dest=c, again=again, offers=offers)
        ]
    centre = centre_of(inst.log, dest) if state.is_hub and dest else None
    offer = (offers or {}).get(centre or dest or "") if state.is_hub else None
    out: list[Path] = []
    while True:
        path, count = _write(
            inst,
            dest_dir,
            dest=dest,
            again=again and not out,
            always=state.is_hub and not out,
            offer=None if out else offer,
        )
        if path is None:
            return out
        out.append(path)
        if count < DEFAULT_MAX_EVENTS:
            return out


def _write(
    inst: Installation,
    dest_dir: Path | str,
    *,
    dest: str | None = None,
    max_events: int = DEFAULT_MAX_EVENTS,
    again: bool = False,
    always: bool = False,
    offer: Offer | None = None,
) -> tuple[Path | None, int]:
    state = sync_state(inst)
    key, to, policy = _link(inst, state, dest)
    acked = state.vector("sync_acked", key)
    base = acked if again else merge_vectors(acked, state.vector("sync_exported", key))
    sent = missing(inst.log, base, policy.may_send, max_events)
    events = policy.crossing(sent)
    code = None if state.is_hub else enrolment.pending_code(state)
    claim = enrolment.make_claim(inst.identity, code) if code else None
    if not events and claim is None and not always:
        return None, 0
    raw = codec.encode(events)
    body = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(raw)
    no = state.next_export_no()
    header = {
        "v": VERSION,
        "from": inst.device_id,
        "key": inst.identity.public_key_b64,
        "to": to,
        "no": no,
        "created": round(time.time(), 3),
        "count": len(events),
        "raw_len": len(raw),
        "body_len": len(body),
        "body_sha256": hashlib.sha256(body).hexdigest(),
        "vector": vector_to_wire(filter_vector(inst.log.vector(), policy.visible)),
        "enrol": claim,
    }
    # the hub names each bundle after its centre, so a facilitator carrying several knows whose is whose
    for_name = Centres(inst.log).get(to).display_name if state.is_hub and to else None
    suffix = f"-for-{_slug(for_name)}" if for_name else ""
    header["for"] = for_name
    if state.is_hub and (card := syncthing_cards.own_card(state)):
        header["syncthing"] = card  # the hub's Syncthing, so an offline centre can pair with it
    if state.is_hub and offer is not None:
        header.update(offer.to_header())  # signed with the rest: a centre takes only files named here
    head = json.dumps(header, separators=(",", ":")).encode()
    signed = MAGIC + struct.pack(">I", len(head)) + head
    data = signed + inst.identity.sign(signed) + body
    out_dir = Path(dest_dir)
    path = out_dir / f"{inst.device_id}-{no:06d}{suffix}{SUFFIX}"
    tmp = out_dir / f".{path.name}.part"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a file in the way, a full or pulled-out stick: nothing counts as sent
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise BundleError(f"No bundle can be written to {out_dir}: {(exc.strerror or str(exc)).lower()}.") from exc
    state.raise_vector("sync_exported", key, advance_by(base, sent))
    return path, len(events)


def _slug(name: str) -> str:
    """A file-name-safe form of a centre's name: 'Kibera Youth Centre' -> 'kibera-youth-centre'."""
    kept = "".join(ch if ch.isalnum() else "-" for ch in unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
                   .decode().lower())  # fmt: skip
    return "-".join(part for part in kept.split("-") if part)[:40] or "centre"


# -- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Parsed:
    header: dict[str, Any]
    bundle_id: str
    body: bytes


def _parse(data: bytes, name: str) -> _Parsed:
    damaged = BundleError(f"{name} is damaged or truncated; nothing from it was applied.")
    if not data.startswith(MAGIC):
        raise BundleError(f"{name} is not a HubDesk sync bundle.")
    pos = len(MAGIC)
    if len(data) < pos + 4:
        raise damaged
    (hlen,) = struct.unpack(">I", data[pos : pos + 4])
    if hlen > MAX_HEADER or len(data) < pos + 4 + hlen + 64:
        raise damaged
    head = data[pos + 4 : pos + 4 + hlen]
    sig = data[pos + 4 + hlen : pos + 4 + hlen + 64]
    try:
        header = safe_json.loads(head)
    except safe_json.UnsafeJSON:
        raise damaged from None
    if not isinstance(header, dict) or header.get("v") != VERSION:
        raise BundleError(f"{name} is from another version of HubDesk's bundle format, or damaged.")
    checks = {
        "from": str,
        "key": str,
        "no": int,
        "count": int,
        "raw_len": int,
        "body_len": int,
        "body_sha256": str,
        "vector": list,
    }
    if any(type(header.get(k)) is not t for k, t in checks.items()) or not (
        header.get("to") is None or isinstance(header.get("to"), str)
    ):
        raise damaged
    if not verify(header["key"], sig, data[: pos + 4 + hlen]):
        raise BundleError(f"{name} has been altered since it was signed (bad signature); nothing was applied.")
    return _Parsed(header, hashlib.sha256(head).hexdigest(), data[pos + 4 + hlen + 64 :])


def _trust(inst: Installation, state: SyncState, header: dict[str, Any], name: str) -> tuple[str, bool]:
    """The sender's role here, and whether it still has to be enrolled/trusted (after checks)."""
    sender, key = header["from"], header["key"]
    known = (
        trusted_pc(state, inst.log, sender) if state.is_hub else (state.device(sender) or _hub_of_centre(state, sender))
    )
    if known is not None:
        if known.public_key != key:
            raise AuthError(f"{name} claims to come from {sender} but is not signed with its enrolled key.")
        return known.role, False
    claim = header.get("enrol")
    if state.is_hub and isinstance(claim, dict):
        if claim.get("device_id") != sender or claim.get("public_key") != key:
            raise AuthError(f"{name} carries an enrolment for another device.")
        return CENTRE_ROLE, True
    if not state.is_hub and enrolment.hub_matches_pending(state, key):
        return HUB, True
    where = "this hub" if state.is_hub else "this centre's hub"
    raise NotEnrolled(
        f"{name} comes from device {sender}, which is not enrolled with {where}; nothing was applied. "
        "Enrol it first with a code from 'hubdesk hub enrol-code'."
    )


def _hub_of_centre(state: SyncState, sender: str) -> Device | None:
    hub = state.hub()
    return hub if hub is not None and hub.device_id == sender else None


def read_events(data: bytes, header: dict[str, Any], body: bytes, name: str) -> list[Event]:
    if len(body) != header["body_len"] or hashlib.sha256(body).hexdigest() != header["body_sha256"]:
        raise BundleError(f"{name} is damaged or truncated (its contents do not match its signature).")
    raw_len = header["raw_len"]
    if not 0 <= raw_len <= MAX_RAW:
        raise BundleError(f"{name} is too large to import.")
    try:
        raw = zstandard.ZstdDecompressor().stream_reader(body).read(raw_len + 1)
    except zstandard.ZstdError as exc:
        raise BundleError(f"{name} is damaged: {exc}.") from exc
    if len(raw) != raw_len:
        raise BundleError(f"{name} is damaged (wrong size once unpacked).")
    events = codec.decode(raw)
    if len(events) != header["count"]:
        raise BundleError(f"{name} is damaged (wrong number of events).")
    return events


def import_bundle(inst: Installation, path: Path | str) -> ImportResult:
    """Verify and apply one bundle; raise a :class:`SyncError` (nothing applied) if it is refused."""
    path = Path(path)
    name = path.name
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe would block the import for ever
            raise BundleError(f"{name} is not a file; skipped.")
        if info.st_size > MAX_FILE:
            raise BundleError(f"{name} is too large to be a sync bundle.")
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"{name} cannot be read: {exc.strerror or exc}.") from exc
    parsed = _parse(data, name)
    header = parsed.header
    sender = header["from"]
    if sender == inst.device_id:
        return ImportResult(path, "own", sender)
    if header["to"] is not None and header["to"] not in (inst.device_id, inst.centre.id):
        wanted = header.get("for")
        return ImportResult(path, "elsewhere", sender, meant_for=wanted[:80] if isinstance(wanted, str) else None)
    state = sync_state(inst)
    if state.seen(parsed.bundle_id):  # its events are in; what it carried beside them may not be yet
        return ImportResult(path, "replay", sender, offer=_hub_offer(state, header))
    role, new = _trust(inst, state, header, name)
    events = read_events(data, header, parsed.body, name)
    try:
        their_vector = vector_from_wire(header["vector"])
    except ProtocolError as exc:
        raise BundleError(f"{name} is damaged: {exc}") from exc
    policy = hub_policy(inst.log, sender) if role == CENTRE_ROLE else centre_policy(inst.device_id)
    received = policy.crossing(events)
    try:
        events = check_entitled(received, policy.accept_for(received), policy.pending)
    except NotEntitled as exc:
        raise BundleError(f"{name} was refused: {exc}") from exc
    taken = {ev.key for ev in events}
    held = [ev for ev in received if ev.key not in taken] if len(events) != len(received) else []
    enrolled = None
    if new and role == CENTRE_ROLE:
        enrolment.redeem(state, inst.identity, header["enrol"])
        enrolled = CENTRE_ROLE
    elif new:
        enrolment.trust_hub(state, sender, header["key"])
        inst.centre.link_hub(sender, header["key"], None)
        enrolled = HUB
    crashpoint("sync.import.checked")
    try:  # every (device, scope) run against its origin's signature, before a chunk is applied
        vouched = inst.log.vouch(events, sender)
    except ForgedEvents as exc:
        raise BundleError(f"{name} was refused: {exc}") from exc
    applied = 0
    for i in range(0, len(vouched.events), APPLY_CHUNK):
        applied += len(inst.log.apply_vouched(vouched, i, i + APPLY_CHUNK))
        crashpoint(f"sync.import.chunk{i // APPLY_CHUNK + 1}")
    if held:  # a new PC's records, held back until its admission (perhaps just applied) is known
        later = check_entitled(held, policy.accept_for(received), policy.pending)
        try:
            applied += len(inst.log.apply(later, validated=True, verify=True, sender=sender))
        except ForgedEvents as exc:
            raise BundleError(f"{name} was refused: {exc}") from exc
        taken = {ev.key for ev in later}
        held = [ev for ev in held if ev.key not in taken]
    dest = centre_of(inst.log, sender) if state.is_hub else HUB_DEST
    if role == HUB:
        syncthing_cards.remember_hub_card(state, header.get("syncthing"))
    with inst.store.transaction() as conn:
        if not held:  # with records still held back, a later import of this bundle may apply them
            conn.execute(
                "INSERT OR IGNORE INTO sync_seen (bundle_id, sender, imported_at, events) VALUES (?, ?, ?, ?)",
                (parsed.bundle_id, sender, time.time(), len(received)),
            )
        state.raise_vector("sync_acked", dest, their_vector)
        state.touch(sender)
        state.record_success({"via": "bundle", "pulled": applied, "from": sender})
    offer = _hub_offer(state, header) if role == HUB else None
    return ImportResult(path, "applied", sender, len(received), applied, enrolled, offer)


def _hub_offer(state: SyncState, header: dict[str, Any]) -> Offer | None:
    """The artifacts and waiting list of a bundle signed by this centre's own hub, else ``None``."""
    hub = state.hub()
    if state.is_hub or hub is None or hub.device_id != header["from"] or hub.public_key != header["key"]:
        return None
    if "artifacts" not in header and "waiting" not in header:
        return None
    return Offer.from_header(header)


def import_named(inst: Installation, path: Path | str) -> ImportResult:
    """:func:`import_bundle` for one file among many: every refusal names the file, and whatever
    goes wrong with it (a bug, the disk) is a :class:`HubDeskError`, so a caller going through a
    folder reports this file and carries on with the next."""
    name = Path(path).name
    try:
        return import_bundle(inst, path)
    except HubDeskError as exc:
        if name not in str(exc):
            exc.args = (f"{name}: {exc}",)  # same class (a NotEnrolled stays one), with the name
        raise
    except Exception as exc:
        log.debug("importing %s failed", name, exc_info=True)
        raise BundleError(
            f"{name} could not be imported ({type(exc).__name__}: {str(exc)[:120]}); nothing more from it was applied."
        ) from exc


def bundle_paths(path: Path | str) -> list[Path]:
    """The bundle files at ``path`` (a file, or a folder searched one level deep), in export order."""
    p = Path(path)
    if p.is_dir():
        # not only regular files: a broken link or a pipe with a bundle's name is reported, not passed over
        names = (x for x in p.iterdir() if x.name.endswith(SUFFIX) and not x.name.startswith("."))
        return sorted(x for x in names if not x.is_dir())
    return [p]
