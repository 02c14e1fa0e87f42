"""Contributions from their events: every event kept, the state recomputed from all of them.

Events (``payload.id`` names the contribution):

- ``contribution.saved`` (scope ``site``: a draft stays on the centre's PCs) and
  ``contribution.submitted`` (``centre``): the author's content; ``contribution.withdrawn``.
  Counted only when the event's learner is the author named by the id.
- ``contribution.changes_asked``, ``contribution.approved`` (may carry lightly edited
  ``content``), ``contribution.declined`` (``centre``), with a ``comment``: counted only when the
  event's learner is a facilitator of the centre.

A contribution's row is recomputed from all its events in HLC order each time one arrives, with
the transitions below; a step that is not allowed from the state reached (a second decision
made on another PC while apart) is skipped, so every PC ends in the same state whatever order
the events came in.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from hubdesk.core.contributions._model import (
    APPROVED,
    CHANGES_ASKED,
    DECLINED,
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    Content,
    ContributionError,
    author_of,
    valid_id,
)
from hubdesk.core.events import CENTRE, SITE, Event, after_batch, projector
from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

PREFIX = "contribution."
AUTHOR_KINDS = {"saved": SITE, "submitted": CENTRE, "withdrawn": CENTRE}
REVIEW_KINDS = {"changes_asked": CHANGES_ASKED, "approved": APPROVED, "declined": DECLINED}
# which state each step may start from (None: no event counted yet)
_FROM: dict[str, tuple[str | None, ...]] = {
    "saved": (None, DRAFT, CHANGES_ASKED),
    "submitted": (None, DRAFT, SUBMITTED, CHANGES_ASKED),
    "withdrawn": (DRAFT, SUBMITTED, CHANGES_ASKED, APPROVED),
    "changes_asked": (SUBMITTED,),
    "approved": (SUBMITTED,),
    "declined": (SUBMITTED, CHANGES_ASKED),
}


def _on_event(conn: Connection, ev: Event) -> None:
    cid = ev.payload.get("id")
    step = ev.kind[len(PREFIX) :]
    if not isinstance(cid, str) or not valid_id(cid) or ev.learner_id is None:
        return
    if step in AUTHOR_KINDS:
        if ev.scope != AUTHOR_KINDS[step] or ev.learner_id != author_of(cid):
            return  # nobody writes or submits in another's name
    elif step not in REVIEW_KINDS or ev.scope != CENTRE:
        return
    conn.execute(
        "INSERT OR IGNORE INTO contribution_events (id, hlc, device_id, seq, step, learner_id, payload) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (cid, ev.hlc, ev.device_id, ev.seq, step, ev.learner_id, json.dumps(dict(ev.payload), ensure_ascii=False)),
    )
    after_batch(conn, ("contribution", cid), lambda c: recompute(c, cid))


for _step in (*AUTHOR_KINDS, *REVIEW_KINDS):
    projector(PREFIX + _step)(_on_event)


def recompute(conn: Connection, cid: str) -> None:
    facilitators = {r[0] for r in conn.execute("SELECT id FROM learners WHERE role = 'facilitator' AND removed = 0")}
    state: str | None = None
    content: Content | None = None
    approved: Content | None = None
    comment, reviewer, submitted, updated = "", None, None, ""
    history: list[tuple[str, str]] = []
    for hlc, step, learner_id, text in conn.execute(
        "SELECT hlc, step, learner_id, payload FROM contribution_events WHERE id = ? ORDER BY hlc, device_id, seq",
        (cid,),
    ):
        if step in REVIEW_KINDS and learner_id not in facilitators:
            continue
        if state not in _FROM[step]:
            continue
        payload: dict[str, Any] = json.loads(text)
        try:
            if step in ("saved", "submitted"):
                content = Content.from_payload(payload)
            elif step == "approved" and isinstance(payload.get("content"), dict):
                approved = Content.from_payload(payload["content"])
        except ContributionError:
            continue  # breaks a limit (a hostile or newer sender): the step does not count
        if content is None:
            continue
        state = {"saved": DRAFT, "submitted": SUBMITTED, "withdrawn": WITHDRAWN}.get(step) or REVIEW_KINDS[step]
        if step == "submitted":
            submitted, comment, approved = hlc, "", None
        if step in REVIEW_KINDS:
            comment, reviewer = str(payload.get("comment") or "")[:2000], learner_id
            if step == "approved" and approved is None:
                approved = content
        if step == "withdrawn":
            approved = None
        updated = hlc
        history.append((state, hlc))
    if state is None or content is None:
        return
    conn.execute(
        "INSERT INTO contributions (id, author, state, kind, pack_id, lesson_id, language, content, approved, "
        "comment, reviewer, submitted_hlc, updated_hlc, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET state = excluded.state, kind = excluded.kind, pack_id = excluded.pack_id, "
        "lesson_id = excluded.lesson_id, language = excluded.language, content = excluded.content, "
        "approved = excluded.approved, comment = excluded.comment, reviewer = excluded.reviewer, "
        "submitted_hlc = excluded.submitted_hlc, updated_hlc = excluded.updated_hlc, history = excluded.history",
        (
            cid,
            author_of(cid),
            state,
            content.kind,
            content.pack,
            content.lesson,
            (approved or content).language,
            json.dumps(content.to_payload(), ensure_ascii=False),
            json.dumps(approved.to_payload(), ensure_ascii=False) if approved else None,
            comment,
            reviewer,
            submitted,
            updated,
            json.dumps(history),
        ),
    )


@migration("0080_contributions")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE contribution_events (
            id TEXT NOT NULL, hlc TEXT NOT NULL, device_id TEXT NOT NULL, seq INTEGER NOT NULL, step TEXT NOT NULL,
            learner_id TEXT NOT NULL, payload TEXT NOT NULL,
            PRIMARY KEY (id, device_id, seq)) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE contributions (
            id TEXT PRIMARY KEY, author TEXT NOT NULL, state TEXT NOT NULL, kind TEXT NOT NULL,
            pack_id TEXT, lesson_id TEXT, language TEXT, content TEXT NOT NULL, approved TEXT,
            comment TEXT NOT NULL, reviewer TEXT, submitted_hlc TEXT, updated_hlc TEXT NOT NULL,
            history TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX contributions_state ON contributions (state)")
    db.execute("CREATE INDEX contributions_lesson ON contributions (pack_id, lesson_id)")


@projector("learner.added")
def _reviewer_known(conn: Connection, ev: Event) -> None:
    """A facilitator whose profile arrives after their decisions: those decisions count now."""
    lid = ev.payload.get("id")
    if isinstance(lid, str):
        for (cid,) in conn.execute("SELECT DISTINCT id FROM contribution_events WHERE learner_id = ?", (lid,)):
            after_batch(conn, ("contribution", cid), functools.partial(_recompute_later, cid))


def _recompute_later(cid: str, conn: Connection) -> None:
    recompute(conn, cid)
