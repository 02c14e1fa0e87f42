"""A centre: a name, a place, and the shared PCs learners sign in on.

On a PC, ``inst.centre`` is this PC's centre. A data folder where nobody ran ``centre create`` is a
centre of one PC whose id is the device id, so every command works without one and an installation
made before centres existed is such a centre. The centre's id is always the device id of the PC
that created it; a PC that joins takes the centre's id, and the centre's own signing key (what the
centre publishes is signed with it), from the PC that let it in.

:class:`Centres` reads every centre this replica knows: at a PC that is its own; at the hub, every
centre that sends it events.
"""

from __future__ import annotations

import base64
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hubdesk.core.centre._codes import JoinCodes
from hubdesk.core.centre._membership import Membership
from hubdesk.core.centre._tables import NAME_MAX, PLACE_MAX, current_pcs, valid_pcs
from hubdesk.core.clock import parse_stamp, valid_stamp
from hubdesk.core.events import CENTRE, SITE, EventLog
from hubdesk.core.groups import device_xkey, public_b64
from hubdesk.core.identity import public_key_b64
from hubdesk.core.store import Store
from hubdesk.errors import HubDeskError, NotFound

CENTRE_ID_META = "centre_id"
CENTRE_KEY_META = "centre_key"


class CentreError(HubDeskError):
    """A centre that cannot be created, joined or changed as asked."""


@dataclass(frozen=True)
class CentrePC:
    id: str
    name: str
    last_seen: str | None  # ISO 8601, UTC
    retired: bool = False

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "last_seen": self.last_seen, "retired": self.retired}


@dataclass(frozen=True)
class CentreInfo:
    id: str
    name: str | None
    place: str | None
    pcs: list[CentrePC]
    public_key_b64: str | None

    @property
    def display_name(self) -> str:
        return self.name or f"Centre {self.id[:6]}"

    def to_json(self, *, with_retired: bool = False) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "place": self.place,
            "pcs": [pc.to_json() for pc in self.pcs if with_retired or not pc.retired],
        }


def iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def stamp_time(stamp: str | None) -> float | None:
    return parse_stamp(stamp)[0] / 1000 if stamp and valid_stamp(stamp) else None


class Centres:
    """Every centre this replica knows (all of them at the hub; its own at a PC)."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.store = log.store

    def ids(self) -> list[str]:
        return [r[0] for r in self.store.query("SELECT id FROM centres ORDER BY name COLLATE NOCASE")]

    def membership(self) -> Membership:
        """Every centre's PCs at once, read in four queries (for answers about all centres)."""
        return Membership.read(self.store)

    def exists(self, centre_id: str) -> bool:
        return bool(self.store.query("SELECT 1 FROM centres WHERE id = ?", (centre_id,)))

    def of_device(self, device_id: str) -> str | None:
        """The centre a PC belongs to now (the one it last joined and is still a PC of), or None."""
        rows = self.store.query(
            "SELECT centre_id, MAX(hlc) AS h FROM centre_pcs WHERE device_id = ? GROUP BY centre_id ORDER BY h DESC",
            (device_id,),
        )
        with self.store._lock:
            for centre_id, _h in rows:
                if device_id in current_pcs(self.store.conn, centre_id):
                    return str(centre_id)
        return None

    def pcs(self, centre_id: str) -> set[str]:
        """Device ids of the centre's current PCs (a centre of one PC: just that device)."""
        with self.store._lock:
            found = current_pcs(self.store.conn, centre_id)
        return found or ({centre_id} if not self.exists(centre_id) else set())

    def ever_pcs(self, centre_id: str) -> set[str]:
        """Every PC the centre ever had, retired ones too (their earlier records are the centre's)."""
        with self.store._lock:
            found = set(valid_pcs(self.store.conn, centre_id))
        return found or {centre_id}

    def consented(self, device_id: str, centre_id: str) -> bool:
        """Whether the PC itself said it joined ``centre_id`` (or created it)."""
        return device_id == centre_id or bool(
            self.store.query(
                "SELECT 1 FROM centre_consents WHERE device_id = ? AND centre_id = ?", (device_id, centre_id)
            )
        )

    def retired(self, device_id: str) -> bool:
        """A PC that some centre retired and that is no current PC of any centre."""
        with self.store._lock:
            rows = self.store.conn.execute(
                "SELECT DISTINCT centre_id FROM centre_retired WHERE device_id = ?", (device_id,)
            ).fetchall()
            gone = any(valid_pcs(self.store.conn, r[0]).get(device_id, ("", ""))[1] for r in rows)
        return gone and self.of_device(device_id) is None

    def pc_key(self, centre_id: str, device_id: str, column: str = "key") -> str | None:
        """The public key (``key``: ed25519, ``xkey``: X25519) a PC of the centre was admitted with."""
        assert column in ("key", "xkey")
        if device_id not in self.pcs(centre_id):
            return None
        rows = self.store.query(
            f"SELECT {column} FROM centre_pcs WHERE centre_id = ? AND device_id = ? AND {column} != '' "
            "ORDER BY hlc LIMIT 1",
            (centre_id, device_id),
        )
        return str(rows[0][0]) if rows else None

    def get(self, centre_id: str) -> CentreInfo:
        row = self.store.query("SELECT name, place, key FROM centres WHERE id = ?", (centre_id,))
        if not row:
            return CentreInfo(centre_id, None, None, [self._pc(centre_id, "", False)], None)
        name, place, key = row[0]
        with self.store._lock:
            valid = valid_pcs(self.store.conn, centre_id)
            named = self.store.conn.execute(
                "SELECT by_device, name, place, hlc FROM centre_names WHERE centre_id = ? ORDER BY hlc DESC",
                (centre_id,),
            ).fetchall()
        for by, new_name, new_place, hlc in named:
            if by in valid and (not valid[by][1] or hlc < valid[by][1]):
                name, place = new_name, new_place
                break
        names = {
            d: n
            for d, n in self.store.query(
                "SELECT device_id, name FROM centre_pcs WHERE centre_id = ? AND name != '' ORDER BY hlc DESC",
                (centre_id,),
            )
        }
        pcs = [self._pc(d, names.get(d, ""), bool(gone)) for d, (_h, gone) in sorted(valid.items(), key=lambda x: x[1])]
        return CentreInfo(centre_id, name, place, pcs, key)

    def all(self) -> list[CentreInfo]:
        return [self.get(cid) for cid in self.ids()]

    def _pc(self, device_id: str, name: str, retired: bool) -> CentrePC:
        if device_id == self.log.device_id:
            return CentrePC(device_id, name or socket.gethostname(), iso(time.time()), retired)
        seen = self.store.query("SELECT last_seen FROM centre_peers WHERE device_id = ?", (device_id,))
        last = self.store.query("SELECT hlc FROM events WHERE device_id = ? ORDER BY seq DESC LIMIT 1", (device_id,))
        times = [t for t in (seen[0][0] if seen else None, stamp_time(last[0][0] if last else None)) if t]
        return CentrePC(device_id, name, iso(max(times)) if times else None, retired)


def hub_link(store: Store) -> tuple[str, str, str | None] | None:
    """``(hub device, hub key, url)`` the centre enrolled with, as any of its PCs learnt it."""
    rows = store.query("SELECT device_id, key, url FROM centre_hub")
    return (str(rows[0][0]), str(rows[0][1]), rows[0][2]) if rows else None


class Centre:
    """This PC's centre (``inst.centre``)."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.store = log.store
        self.all = Centres(log)
        self.codes = JoinCodes(log.store)

    # -- who we are -----------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.store.meta_get(CENTRE_ID_META) or self.log.device_id

    @property
    def is_named(self) -> bool:
        return self.all.exists(self.id)

    def info(self) -> CentreInfo:
        return self.all.get(self.id)

    @property
    def display_name(self) -> str:
        return self.info().display_name

    def pc_ids(self) -> set[str]:
        return self.all.pcs(self.id)

    def is_retired(self) -> bool:
        """This PC was cut off from its centre (a lost or stolen PC, or one given away)."""
        return self.is_named and self.log.device_id not in self.pc_ids()

    # -- the centre's own key ---------------------------------------------------------------------
    def _signing_key(self) -> Ed25519PrivateKey:
        stored = self.store.meta_get(CENTRE_KEY_META)
        if not stored:
            raw = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
            with self.store.transaction() as conn:
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                    (CENTRE_KEY_META, base64.b64encode(raw).decode()),
                )
            stored = self.store.meta_get(CENTRE_KEY_META)
        assert stored is not None
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))

    @property
    def public_key_b64(self) -> str:
        return public_key_b64(self._signing_key().public_key())

    def sign(self, data: bytes) -> bytes:
        return self._signing_key().sign(data)

    def secret_material(self) -> dict[str, str]:
        """What a new PC of the centre is handed when it joins (sealed under the join code)."""
        self._signing_key()  # made on first use
        key = self.store.meta_get(CENTRE_KEY_META)
        assert key is not None
        return {"centre": self.id, "key": key}

    # -- changes ----------------------------------------------------------------------------------
    def create(self, name: str, place: str | None = None, pc_name: str | None = None) -> CentreInfo:
        clean = " ".join(name.split())
        if not clean or len(clean) > NAME_MAX:
            raise CentreError(f"A centre's name has 1 to {NAME_MAX} characters.")
        if place is not None and len(place) > PLACE_MAX:
            raise CentreError(f"A centre's place has at most {PLACE_MAX} characters.")
        if self.is_named:
            raise CentreError(f"This PC already belongs to the centre {self.info().display_name!r}.")
        if self.store.meta_get(CENTRE_ID_META) not in (None, self.log.device_id):
            raise CentreError("This PC joined another centre; it cannot create one of its own.")
        with self.store.transaction():
            self.store.meta_set(CENTRE_ID_META, self.log.device_id)
            self.log.append(
                "centre.created",
                {
                    "id": self.log.device_id,
                    "name": clean,
                    "place": place,
                    "key": self.public_key_b64,
                    "pc_name": pc_name or socket.gethostname(),
                    "device_key": self.log.identity.public_key_b64,
                    "xkey": public_b64(device_xkey(self.store)),
                },
                scope=CENTRE,
            )
        return self.info()

    def rename(self, name: str, place: str | None = None) -> CentreInfo:
        self._require_named()
        clean = " ".join(name.split())
        if not clean or len(clean) > NAME_MAX:
            raise CentreError(f"A centre's name has 1 to {NAME_MAX} characters.")
        self.log.append("centre.renamed", {"centre": self.id, "name": clean, "place": place}, scope=CENTRE)
        return self.info()

    def admit(self, device_id: str, name: str, key: str, xkey: str) -> None:
        """Record that a PC joined (written by this PC, which belongs to the centre)."""
        self._require_named()
        if self.is_retired():
            raise CentreError("This PC was retired from its centre: it cannot let other PCs in.")
        self.log.append(
            "centre.pc_joined",
            {"centre": self.id, "device": device_id, "name": name[:NAME_MAX], "key": key, "xkey": xkey},
            scope=CENTRE,
        )

    def consent(self) -> None:
        """On the joining PC, once it holds the centre's id: its own word that it joined (for the hub)."""
        self.log.append("centre.joined", {"centre": self.id}, scope=CENTRE)

    def link_hub(self, device_id: str, key: str, url: str | None) -> None:
        """Record the hub this centre enrolled with, for every PC of the centre (scope ``site``)."""
        if hub_link(self.store) == (device_id, key, url):
            return
        self.log.append("centre.hub_linked", {"device": device_id, "key": key, "url": url}, scope=SITE)

    def adopt(self, centre_id: str, key_b64: str) -> None:
        """On the joining PC: take the centre's id and key from the PC that let it in."""
        if self.is_named and self.id != centre_id:
            raise CentreError(f"This PC already belongs to the centre {self.info().display_name!r}.")
        try:
            Ed25519PrivateKey.from_private_bytes(base64.b64decode(key_b64, validate=True))
        except ValueError as exc:
            raise CentreError("The centre's key that came with the join is not readable.") from exc
        with self.store.transaction():
            self.store.meta_set(CENTRE_ID_META, centre_id)
            self.store.meta_set(CENTRE_KEY_META, key_b64)

    def retire(self, device_id: str) -> CentrePC:
        self._require_named()
        info = self.info()
        pc = next((p for p in info.pcs if p.id == device_id or p.id.startswith(device_id)), None)
        if pc is None or pc.retired:
            raise NotFound(f"There is no PC {device_id!r} in this centre.")
        if pc.id == self.log.device_id:
            raise CentreError("A PC cannot retire itself: retire it from another PC of the centre.")
        self.log.append("centre.pc_retired", {"centre": self.id, "device": pc.id}, scope=CENTRE)
        return pc

    def _require_named(self) -> None:
        if not self.is_named:
            raise CentreError("This PC is not part of a named centre yet: run 'hubdesk centre create NAME' first.")

    # -- where the other PCs are ------------------------------------------------------------------
    def remember_peer(self, device_id: str, address: str) -> None:
        if device_id == self.log.device_id:
            return
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO centre_peers (device_id, address, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(device_id) DO UPDATE SET address = excluded.address, last_seen = excluded.last_seen",
                (device_id, address, time.time()),
            )

    def peers(self) -> list[tuple[str, str]]:
        """``(device, address)`` of the centre's other current PCs, as last reached."""
        current = self.pc_ids()
        rows = self.store.query("SELECT device_id, address FROM centre_peers ORDER BY last_seen DESC")
        return [(d, a) for d, a in rows if d in current and d != self.log.device_id]
