"""The centre's tables and the projectors that fill them from ``centre.*`` events.

Authority over a centre is a chain, never "the newest event whoever wrote it":

- ``centre.created`` roots it. A centre's id is the device id of the PC that created it, and only
  a creation written by that device counts, so nobody can claim an existing centre.
- ``centre.pc_joined`` adds a PC; it counts only if written by a PC that belongs to the centre
  (the creator, or a PC admitted by such a PC, and so on).
- ``centre.pc_retired`` and ``centre.renamed`` count only when written by a PC of the centre; a
  retired PC's later writings count for nothing.
- ``centre.joined``, written by the joining PC itself, is its consent. Inside the centre the
  admission is enough; the hub also wants the consent before it counts a PC that it knew on its own
  (enrolled by itself) as another centre's, so no centre can claim someone else's PC.
- ``centre.hub_linked`` (scope ``site``) is the hub a PC of the centre enrolled with, so every PC
  of the centre can write and read the centre's bundles and talk to the hub.

The projectors only record who wrote what; :func:`valid_pcs` walks the chain when asked, so the
tables come out the same whatever order the events arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from hubdesk.core.event_chain import key_source
from hubdesk.core.events import CENTRE, SITE, Event, projector
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

NAME_MAX = 80
PLACE_MAX = 120
KEY_MAX = 64


def _text(value: object, limit: int) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] if value else None


def _key(value: object) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= KEY_MAX else None


@projector("centre.created")
def _created(conn: Connection, ev: Event) -> None:
    p = ev.payload
    name = _text(p.get("name"), NAME_MAX)
    key = _key(p.get("key"))
    if ev.scope != CENTRE or p.get("id") != ev.device_id or name is None or key is None:
        return  # a centre's id is its creator's device: nobody else can create it
    conn.execute(
        "INSERT INTO centres (id, name, place, key, created_hlc) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, place = excluded.place, key = excluded.key, "
        "created_hlc = excluded.created_hlc WHERE excluded.created_hlc < centres.created_hlc",
        (ev.device_id, name, _text(p.get("place"), PLACE_MAX), key, ev.hlc),
    )
    _pc(conn, ev.device_id, ev.device_id, p.get("pc_name"), p.get("device_key"), p.get("xkey"), ev)


@projector("centre.pc_joined")
def _joined(conn: Connection, ev: Event) -> None:
    p = ev.payload
    centre, device = p.get("centre"), p.get("device")
    if ev.scope != CENTRE or not isinstance(centre, str) or not isinstance(device, str) or not 0 < len(device) <= 64:
        return
    _pc(conn, centre, device, p.get("name"), p.get("key"), p.get("xkey"), ev)


def _pc(conn: Connection, centre: str, device: str, name: object, key: object, xkey: object, ev: Event) -> None:
    conn.execute(
        "INSERT INTO centre_pcs (centre_id, device_id, by_device, name, key, xkey, hlc) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(centre_id, device_id, by_device) DO UPDATE SET name = excluded.name, key = excluded.key, "
        "xkey = excluded.xkey, hlc = excluded.hlc WHERE excluded.hlc < centre_pcs.hlc",
        (centre, device, ev.device_id, _text(name, NAME_MAX) or "", _key(key) or "", _key(xkey) or "", ev.hlc),
    )


@projector("centre.pc_retired")
def _retired(conn: Connection, ev: Event) -> None:
    centre, device = ev.payload.get("centre"), ev.payload.get("device")
    if ev.scope != CENTRE or not isinstance(centre, str) or not isinstance(device, str):
        return
    conn.execute(
        "INSERT OR IGNORE INTO centre_retired (centre_id, device_id, by_device, hlc) VALUES (?, ?, ?, ?)",
        (centre, device, ev.device_id, ev.hlc),
    )


@projector("centre.renamed")
def _renamed(conn: Connection, ev: Event) -> None:
    centre, name = ev.payload.get("centre"), _text(ev.payload.get("name"), NAME_MAX)
    if ev.scope != CENTRE or not isinstance(centre, str) or name is None:
        return
    conn.execute(
        "INSERT OR IGNORE INTO centre_names (centre_id, hlc, by_device, name, place) VALUES (?, ?, ?, ?, ?)",
        (centre, ev.hlc, ev.device_id, name, _text(ev.payload.get("place"), PLACE_MAX)),
    )


@projector("centre.joined")
def _consent(conn: Connection, ev: Event) -> None:
    centre = ev.payload.get("centre")
    if ev.scope != CENTRE or not isinstance(centre, str) or not 0 < len(centre) <= 64:
        return
    conn.execute(
        "INSERT OR IGNORE INTO centre_consents (device_id, centre_id, hlc) VALUES (?, ?, ?)",
        (ev.device_id, centre, ev.hlc),
    )


@projector("centre.hub_linked")
def _hub_linked(conn: Connection, ev: Event) -> None:
    p = ev.payload
    device, key, url = p.get("device"), _key(p.get("key")), p.get("url")
    if ev.scope != SITE or not isinstance(device, str) or not 0 < len(device) <= 64 or key is None:
        return
    url = url if isinstance(url, str) and len(url) <= 500 else None
    conn.execute(
        "INSERT INTO centre_hub (one, device_id, key, url, hlc) VALUES (1, ?, ?, ?, ?) ON CONFLICT(one) DO UPDATE SET "
        "device_id = excluded.device_id, key = excluded.key, url = excluded.url, hlc = excluded.hlc "
        "WHERE excluded.hlc > centre_hub.hlc",
        (device, key, url, ev.hlc),
    )


def valid_pcs(conn: Connection, centre_id: str) -> dict[str, tuple[str, str]]:
    """The centre's PCs, ``device -> (hlc it joined, hlc it was retired or '')``, walking the chain
    of authority (:func:`walk`)."""
    q = conn.execute
    root = q("SELECT created_hlc FROM centres WHERE id = ?", (centre_id,)).fetchone()
    if root is None:
        return {}
    rows = q("SELECT device_id, by_device, hlc FROM centre_pcs WHERE centre_id = ?", (centre_id,)).fetchall()
    retired_rows = q(
        "SELECT device_id, by_device, hlc FROM centre_retired WHERE centre_id = ?", (centre_id,)
    ).fetchall()
    return walk(centre_id, str(root[0]), rows, retired_rows)


Admission = tuple[str, str, str]  # (device, by device, hlc)


def walk(
    centre_id: str, created_hlc: str, rows: Iterable[Admission], retired_rows: Iterable[Admission]
) -> dict[str, tuple[str, str]]:
    """A PC counts if the creator admitted it, or a PC that counted at the time it wrote the
    admission; a retirement written by a counted PC (before its own retirement) removes a PC."""
    rows, retired_rows = list(rows), list(retired_rows)
    joined: dict[str, str] = {centre_id: created_hlc}
    retired: dict[str, str] = {}
    changed = True
    while changed:  # a fixpoint over a few rows: admissions and retirements by counted PCs
        changed = False
        for device, by, hlc in rows:
            if by in joined and device not in joined and hlc >= joined[by] and hlc < retired.get(by, "~"):
                joined[device] = str(hlc)
                changed = True
        for device, by, hlc in retired_rows:
            if by in joined and hlc < retired.get(by, "~") and hlc < retired.get(device, "~"):
                retired[device] = str(hlc)
                changed = True
    return {d: (h, retired.get(d, "")) for d, h in joined.items()}


@key_source
def _admitted_key(conn: Connection, device_id: str) -> str | None:
    """The key a PC was admitted to its centre with, by a PC that counted then: that PC's events
    must be signed with it (``hubdesk.core.event_chain``), whoever relays them."""
    for (centre_id,) in conn.execute(
        "SELECT DISTINCT centre_id FROM centre_pcs WHERE device_id = ? AND key != ''", (device_id,)
    ).fetchall():
        counted = valid_pcs(conn, centre_id)
        if device_id not in counted:
            continue
        for by, key in conn.execute(
            "SELECT by_device, key FROM centre_pcs WHERE centre_id = ? AND device_id = ? AND key != '' ORDER BY hlc",
            (centre_id, device_id),
        ).fetchall():
            if by in counted:
                return str(key)
    return None


def current_pcs(conn: Connection, centre_id: str) -> set[str]:
    return {d for d, (_h, gone) in valid_pcs(conn, centre_id).items() if not gone}


def centres_of(conn: Connection, device_id: str) -> Iterable[str]:
    q = conn.execute
    return [r[0] for r in q("SELECT DISTINCT centre_id FROM centre_pcs WHERE device_id = ?", (device_id,))]


@migration("0015_core_centres")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE centres (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, place TEXT, key TEXT NOT NULL, created_hlc TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE centre_pcs (
            centre_id TEXT NOT NULL, device_id TEXT NOT NULL, by_device TEXT NOT NULL, name TEXT NOT NULL,
            key TEXT NOT NULL, xkey TEXT NOT NULL, hlc TEXT NOT NULL,
            PRIMARY KEY (centre_id, device_id, by_device))"""
    )
    db.execute("CREATE INDEX centre_pcs_device ON centre_pcs (device_id)")
    db.execute(
        """CREATE TABLE centre_retired (
            centre_id TEXT NOT NULL, device_id TEXT NOT NULL, by_device TEXT NOT NULL, hlc TEXT NOT NULL,
            PRIMARY KEY (centre_id, device_id, by_device))"""
    )
    db.execute(
        """CREATE TABLE centre_names (
            centre_id TEXT NOT NULL, hlc TEXT NOT NULL, by_device TEXT NOT NULL, name TEXT NOT NULL, place TEXT,
            PRIMARY KEY (centre_id, hlc, by_device))"""
    )
    db.execute(
        "CREATE TABLE centre_consents (device_id TEXT NOT NULL, centre_id TEXT NOT NULL, hlc TEXT NOT NULL, "
        "PRIMARY KEY (device_id, centre_id))"
    )
    db.execute(
        "CREATE TABLE centre_hub (one INTEGER PRIMARY KEY CHECK (one = 1), device_id TEXT NOT NULL, "
        "key TEXT NOT NULL, url TEXT, hlc TEXT NOT NULL)"
    )
    # where this PC last reached each other PC of its centre on the LAN (local, never synced)
    db.execute(
        """CREATE TABLE centre_peers (
            device_id TEXT PRIMARY KEY, address TEXT NOT NULL, last_seen REAL NOT NULL)"""
    )
    # one-time codes that let a new PC join (the code itself is never stored; its derived route and key are)
    db.execute(
        """CREATE TABLE centre_join_codes (
            route TEXT PRIMARY KEY, key TEXT NOT NULL, expires_at REAL NOT NULL, used_by TEXT)"""
    )
