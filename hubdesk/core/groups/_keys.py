"""The group keys a learner holds, as events that travel only between the PCs of the learner's centre.

A study group belongs to learners, not to a PC: when Amina starts or joins a group on one PC of
her centre, the key of its join code has to be on every PC she may sign in at next. So keeping a
key is an event, ``group.key_kept`` in scope ``site`` (:data:`hubdesk.core.events.SITE`: the
centre's own PCs and nothing else, never the hub, a bundle or a group peer), bound to the learner
who holds it; leaving drops it (``group.key_dropped``). A new epoch key this PC opened after a
removal is kept the same way with no learner: it is the group's, for whoever holds the group here.

The projections fill the local key tables (``group_keys``, ``group_epoch_keys``) and
``group_holders``, which says which learner holds which group, and under which name to list it
before the group's own events arrive. Events of these kinds in any other scope are ignored: a
group peer or the hub can never hand a PC a key or a membership.
"""

from __future__ import annotations

import base64
import binascii
import time
from typing import TYPE_CHECKING

from hubdesk.core.events import SITE, Event, projector
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

KEPT, DROPPED = "group.key_kept", "group.key_dropped"
MAX_PEERS = 20


def _text(value: object, limit: int) -> str:
    return str(value)[:limit] if isinstance(value, str) else ""


@projector(KEPT)
def _kept(conn: Connection, ev: Event) -> None:
    p = ev.payload
    gid, route, code, epoch = (
        _text(p.get("group"), 64),
        _text(p.get("route"), 64),
        _text(p.get("code"), 16),
        p.get("epoch"),
    )
    if ev.scope != SITE or not gid or not code or not isinstance(epoch, int) or isinstance(epoch, bool) or epoch < 0:
        return
    try:
        key = base64.b64decode(str(p.get("key", "")), validate=True)
    except (ValueError, binascii.Error):
        return
    if len(key) != 32:
        return
    now = time.time()
    conn.execute(
        "INSERT OR IGNORE INTO group_epoch_keys (group_id, epoch, route_id, key, code, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (gid, epoch, route or gid, key, code, now),
    )
    newest = conn.execute("SELECT MAX(epoch) FROM group_epoch_keys WHERE group_id = ?", (gid,)).fetchone()[0]
    if epoch >= (newest or 0):
        conn.execute(
            "INSERT INTO group_keys (group_id, key, code, added_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(group_id) DO UPDATE SET key = excluded.key, code = excluded.code",
            (gid, key, code, now),
        )
    if ev.learner_id:
        conn.execute(
            "INSERT INTO group_holders (group_id, learner_id, name, held_hlc, dropped_hlc) VALUES (?, ?, ?, ?, '') "
            "ON CONFLICT(group_id, learner_id) DO UPDATE SET held_hlc = MAX(held_hlc, excluded.held_hlc), "
            "name = CASE WHEN excluded.name != '' THEN excluded.name ELSE group_holders.name END",
            (gid, ev.learner_id, _text(p.get("name"), 80), ev.hlc),
        )
    # where the PC that kept the key listens: another PC of the centre reaches the group through it
    peers = p.get("peers")
    own = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    for address in peers[:MAX_PEERS] if isinstance(peers, list) and (not own or own[0] != ev.device_id) else []:
        if isinstance(address, str) and 0 < len(address) <= 80:
            conn.execute(
                "INSERT OR IGNORE INTO group_peers (group_id, address, device_id, seen_at) VALUES (?, ?, ?, ?)",
                (gid, address, ev.device_id, now),
            )


@projector(DROPPED)
def _dropped(conn: Connection, ev: Event) -> None:
    gid = _text(ev.payload.get("group"), 64)
    if ev.scope != SITE or not gid or not ev.learner_id:
        return
    conn.execute(
        "INSERT INTO group_holders (group_id, learner_id, name, held_hlc, dropped_hlc) VALUES (?, ?, '', '', ?) "
        "ON CONFLICT(group_id, learner_id) DO UPDATE SET dropped_hlc = MAX(dropped_hlc, excluded.dropped_hlc)",
        (gid, ev.learner_id, ev.hlc),
    )


@migration("0055_group_holders")
def _schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE group_holders (group_id TEXT NOT NULL, learner_id TEXT NOT NULL, name TEXT NOT NULL, "
        "held_hlc TEXT NOT NULL, dropped_hlc TEXT NOT NULL, PRIMARY KEY (group_id, learner_id))"
    )
    db.execute("CREATE INDEX group_holders_learner ON group_holders (learner_id)")
