"""Which packs each centre has installed, recorded as events so that the hub can see them.

Installing a pack is local state of one PC (the library in ``hubdesk.core.packs``): nothing of it
travels. A hub asked "which centre has which pack" therefore needs the library's changes as
events: ``pack.installed`` {id, version, title, language, lessons} and ``pack.removed`` {id}, scope
``centre`` (they go to the hub with learners and progress, never to another centre).

Exactly once, even across a crash: the library commits first and its listener records the event
afterwards, so a process killed in between would lose it. Instead of trying to make two commits
one, the listener (and every opening of the library) *reconciles*: it compares the library with
what this device has reported (``centre_packs`` rows of its own device id, derived from its own
events) and appends the events that are missing, inside one write transaction. Running it twice,
or in two processes at once, appends nothing the second time.

``centre_packs`` is last-writer-wins on the event's HLC per (device, pack); a removal clears the
columns, so the row depends only on the newest event, whatever order the events arrive in.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hubdesk.core.events import CENTRE, Event, EventLog, projector
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    from hubdesk.core.packs import Packs

INSTALLED = "pack.installed"
REMOVED = "pack.removed"


@dataclass(frozen=True)
class CentrePack:
    """One pack as one device last reported it."""

    device_id: str
    pack_id: str
    version: str
    title: str
    language: str
    lessons: int
    hlc: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "version": self.version,
            "title": self.title,
            "language": self.language,
            "lessons": self.lessons,
        }


Reported = tuple[str, str, str, int]  # version, title, language, lesson count


class CentrePacks:
    """Reports this device's library as events and reads what every device reported (``inst.centre_packs``)."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.store = log.store

    # -- reporting ----------------------------------------------------------------------------
    def watch(self, packs: Packs) -> None:
        """Report every later change of ``packs``, and whatever an earlier run left unreported."""
        packs.add_listener(self._on_change)
        self.reconcile()

    def _on_change(self, _pack_id: str, _change: str) -> None:
        self.reconcile()  # the whole library, not just this pack: an install may also have dropped a ghost

    def reconcile(self) -> list[Event]:
        """Append the events that make this device's reports match its library; return them."""
        if not self._differences(self.store.query("SELECT id, version, title, language, manifest FROM packs"), None):
            return []  # the usual case: a read, no write lock
        with self.store.transaction() as conn:  # BEGIN IMMEDIATE: a second process waits, then sees our events
            rows = conn.execute("SELECT id, version, title, language, manifest FROM packs").fetchall()
            return [
                self.log.append(kind, payload, scope=CENTRE) for kind, payload in self._differences(rows, conn) or []
            ]

    def _differences(
        self, library_rows: list[sqlite3.Row], conn: Connection | None
    ) -> list[tuple[str, dict[str, Any]]]:
        library: dict[str, Reported] = {
            r["id"]: (r["version"], r["title"], r["language"], _lesson_count(r["manifest"])) for r in library_rows
        }
        sql = "SELECT pack_id, version, title, language, lessons FROM centre_packs WHERE device_id = ? AND removed = 0"
        params = (self.log.device_id,)
        reported_rows = conn.execute(sql, params).fetchall() if conn is not None else self.store.query(sql, params)
        reported: dict[str, Reported] = {r[0]: (r[1], r[2], r[3], r[4]) for r in reported_rows}
        out: list[tuple[str, dict[str, Any]]] = []
        for pack_id, (version, title, language, lessons) in sorted(library.items()):
            if reported.get(pack_id) != (version, title, language, lessons):
                payload = {"id": pack_id, "version": version, "title": title, "language": language, "lessons": lessons}
                out.append((INSTALLED, payload))
        out.extend((REMOVED, {"id": pack_id}) for pack_id in sorted(set(reported) - set(library)))
        return out

    # -- reading ------------------------------------------------------------------------------
    def installed(self, *, exclude_device: str | None = None) -> list[CentrePack]:
        """Every (device, pack) reported as installed, by pack then device."""
        rows = self.store.query(
            "SELECT device_id, pack_id, version, title, language, lessons, hlc FROM centre_packs "
            "WHERE removed = 0 AND device_id != ? ORDER BY pack_id, device_id",
            (exclude_device or "",),
        )
        return [CentrePack(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        """device id -> number of packs it reports installed."""
        rows = self.store.query("SELECT device_id, COUNT(*) FROM centre_packs WHERE removed = 0 GROUP BY device_id")
        return {r[0]: int(r[1]) for r in rows}


def _lesson_count(manifest: str) -> int:
    try:
        lessons = json.loads(manifest).get("lessons")
    except (ValueError, AttributeError):
        return 0
    return len(lessons) if isinstance(lessons, list) else 0


def _text(payload: Any, key: str, limit: int = 200) -> str:
    value = payload.get(key)
    return value[:limit] if isinstance(value, str) else ""


_UPSERT = """INSERT INTO centre_packs (device_id, pack_id, version, title, language, lessons, hlc, removed)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(device_id, pack_id) DO UPDATE SET version = excluded.version, title = excluded.title,
      language = excluded.language, lessons = excluded.lessons, hlc = excluded.hlc, removed = excluded.removed
    WHERE excluded.hlc > centre_packs.hlc"""


@projector(INSTALLED)
def _on_installed(conn: Connection, ev: Event) -> None:
    p = ev.payload
    pack_id = _text(p, "id", 64)
    if not pack_id or ev.scope != CENTRE:
        return  # malformed, or relayed in another scope (a newer or hostile sender): kept in the log, shown nowhere
    lessons = p.get("lessons")
    count = lessons if isinstance(lessons, int) and not isinstance(lessons, bool) and lessons >= 0 else 0
    conn.execute(
        _UPSERT,
        (ev.device_id, pack_id, _text(p, "version", 64), _text(p, "title"), _text(p, "language", 32), count, ev.hlc, 0),
    )


@projector(REMOVED)
def _on_removed(conn: Connection, ev: Event) -> None:
    pack_id = _text(ev.payload, "id", 64)
    if pack_id and ev.scope == CENTRE:
        conn.execute(_UPSERT, (ev.device_id, pack_id, "", "", "", 0, ev.hlc, 1))


@migration("0021_packs_centre_packs")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE centre_packs (
            device_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            language TEXT NOT NULL,
            lessons INTEGER NOT NULL,
            hlc TEXT NOT NULL,
            removed INTEGER NOT NULL,
            PRIMARY KEY (device_id, pack_id)
        ) WITHOUT ROWID"""
    )
