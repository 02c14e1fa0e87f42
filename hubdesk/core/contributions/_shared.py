"""What the hub shares with every centre: promoted contributions, built into a pack at each centre.

The hub promotes an approved contribution (or a centre's whole community pack) by writing a
``contribution.promoted`` event in scope ``community`` carrying the content as approved, its
attribution, licence and centre. Only the hub's own ``community`` events travel to centres
(``hubdesk.sync.entitlement``), by HTTP, Syncthing or a USB bundle alike. Each centre projects
them here and builds ``community-shared-<language>`` with the same deterministic builder as its
own community pack: the same promoted events give the same pack everywhere. A centre's own
items coming back are left out (they are in its own community pack already).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from hubdesk.core.contributions._community import PREFIX, CommunityPacks, Item
from hubdesk.core.contributions._model import Content, ContributionError, valid_id
from hubdesk.core.events import COMMUNITY, Event, projector
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

PROMOTED = "contribution.promoted"
SHARED_SOURCE = "hubdesk-community:shared"


@projector(PROMOTED)
def _promoted(conn: Connection, ev: Event) -> None:
    p = ev.payload
    cid, content = p.get("id"), p.get("content")
    if ev.scope != COMMUNITY or not isinstance(cid, str) or not valid_id(cid) or not isinstance(content, dict):
        return
    try:
        Content.from_payload(content)
    except ContributionError:
        return
    conn.execute(
        "INSERT INTO shared_contributions (id, hlc, centre, centre_name, by_text, content) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, centre = excluded.centre, "
        "centre_name = excluded.centre_name, by_text = excluded.by_text, content = excluded.content "
        "WHERE excluded.hlc > shared_contributions.hlc",
        (
            cid,
            ev.hlc,
            str(p.get("centre") or ""),
            str(p.get("centre_name") or p.get("centre") or "another centre")[:120],
            str(p.get("by") or "a learner")[:120],
            json.dumps(content, ensure_ascii=False),
        ),
    )


class SharedPacks(CommunityPacks):
    """``community-shared-<language>``: what the hub promoted from other centres."""

    def items(self) -> list[Item]:
        rows = self.contributions.store.query(
            "SELECT id, hlc, centre, centre_name, by_text, content FROM shared_contributions WHERE centre != ?",
            (self.centre_id(),),
        )
        return [Item(r[0], Content.from_payload(json.loads(r[5])), r[4], r[3], r[1]) for r in rows]

    def pack_id(self, language: str) -> str:
        return f"{PREFIX}shared-{language}"

    def versions(self) -> dict[str, str]:
        """Per language, how many promoted items it holds (promotions only ever add)."""
        counts: dict[str, int] = {}
        for item in self.items():
            lang = self._language_of(item.content)
            counts[lang] = counts.get(lang, 0) + 1
        return {lang: f"1.{n}" for lang, n in counts.items()}

    def source(self) -> str:
        return SHARED_SOURCE

    def pack_title(self) -> tuple[str, str]:
        return ("Shared by learners of other centres", "Contributions from other centres, shared by the hub.")


@migration("0081_contributions_shared")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE shared_contributions (
            id TEXT PRIMARY KEY, hlc TEXT NOT NULL, centre TEXT NOT NULL, centre_name TEXT NOT NULL,
            by_text TEXT NOT NULL, content TEXT NOT NULL)"""
    )
