"""The contributions manager, hung off the installation as ``inst.contributions``.

Every action names the person doing it (the signed-in learner or facilitator); the checks here
say no in one sentence before anything is written, and the projection checks the same again on
every PC (an event can come from an older or hostile HubDesk).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from hubdesk.core.contributions._model import (
    CHANGES_ASKED,
    DAILY_LIMIT,
    LICENCE,
    MAX_COMMENT,
    OPEN,
    SUBMITTED,
    Content,
    Contribution,
    ContributionError,
    author_of,
)
from hubdesk.core.contributions._projection import PREFIX
from hubdesk.core.events import CENTRE, SITE, EventLog
from hubdesk.core.learners import Learner
from hubdesk.errors import NotFound

if TYPE_CHECKING:
    from hubdesk.core.learners import Learners

Listener = Callable[[], None]


class Contributions:
    def __init__(self, log: EventLog, learners: Learners, now: Callable[[], float] = time.time) -> None:
        self.log = log
        self.store = log.store
        self.learners = learners
        self.now = now
        self._decided: list[Listener] = []

    def on_decision(self, fn: Listener) -> None:
        """Call ``fn()`` after a facilitator's decision made here (the community pack rebuilds)."""
        self._decided.append(fn)

    # -- the author -----------------------------------------------------------------------------
    def save_draft(self, learner: Learner, content: Content, contribution_id: str | None = None) -> Contribution:
        """Keep a draft (scope ``site``: the centre's PCs only, never the hub)."""
        content.check(for_submit=False)
        cid = self._own(learner, contribution_id)
        self.log.append(PREFIX + "saved", {"id": cid, **content.to_payload()}, scope=SITE, learner_id=learner.id)
        return self.get(cid)

    def submit(
        self, learner: Learner, content: Content, contribution_id: str | None = None, *, licence_accepted: bool
    ) -> Contribution:
        """Send it to the facilitators, under CC BY-SA 4.0 (the person must have seen and accepted it)."""
        if not licence_accepted:
            raise ContributionError(f"A contribution is shared under {LICENCE}: accept it before submitting.")
        content.check(for_submit=True)
        cid = self._own(learner, contribution_id)
        if self.submitted_today(learner.id) >= DAILY_LIMIT:
            raise ContributionError(f"You have sent {DAILY_LIMIT} contributions today: please send the next tomorrow.")
        payload = {"id": cid, **content.to_payload(), "licence": LICENCE, "by": learner.name}
        self.log.append(PREFIX + "submitted", payload, scope=CENTRE, learner_id=learner.id)
        return self.get(cid)

    def withdraw(self, learner: Learner, contribution_id: str) -> Contribution:
        current = self.get(contribution_id)
        if current.author != learner.id:
            raise ContributionError("Only its author can withdraw a contribution.")
        if current.state not in (*OPEN, "approved"):
            raise ContributionError("This contribution is already closed.")
        self.log.append(PREFIX + "withdrawn", {"id": contribution_id}, scope=CENTRE, learner_id=learner.id)
        self._notify()
        return self.get(contribution_id)

    def _own(self, learner: Learner, contribution_id: str | None) -> str:
        if contribution_id is None:
            return f"{learner.id}.{uuid.uuid4().hex[:12]}"
        if author_of(contribution_id) != learner.id:
            raise ContributionError("You can only change your own contributions.")
        try:
            current = self.get(contribution_id)
        except NotFound:
            return contribution_id
        if current.state not in OPEN:
            raise ContributionError("This contribution has been decided on; start a new one to change it.")
        return contribution_id

    def submitted_today(self, learner_id: str) -> int:
        day = datetime.fromtimestamp(self.now(), UTC).strftime("%Y-%m-%d")
        start_ms = int(datetime.fromisoformat(day + "T00:00:00+00:00").timestamp() * 1000)
        rows = self.store.query(
            "SELECT COUNT(*) FROM contribution_events WHERE step = 'submitted' AND learner_id = ? AND hlc >= ?",
            (learner_id, f"{start_ms:013x}"),
        )
        return int(rows[0][0])

    # -- the facilitator ------------------------------------------------------------------------
    def ask_changes(self, facilitator: Learner, contribution_id: str, comment: str) -> Contribution:
        if not comment.strip():
            raise ContributionError("Say what to change: the learner sees your comment.")
        return self._decide(facilitator, contribution_id, "changes_asked", comment)

    def approve(
        self, facilitator: Learner, contribution_id: str, edited: Content | None = None, comment: str = ""
    ) -> Contribution:
        """Approve, with light edits if given (the same kind, lesson and limits)."""
        if edited is not None:
            current = self.get(contribution_id).content
            if (edited.kind, edited.pack, edited.lesson) != (current.kind, current.pack, current.lesson):
                raise ContributionError("An edit keeps the contribution's kind and lesson.")
            edited.check(for_submit=True)
        return self._decide(facilitator, contribution_id, "approved", comment, edited)

    def decline(self, facilitator: Learner, contribution_id: str, reason: str) -> Contribution:
        if not reason.strip():
            raise ContributionError("Give a reason: the learner sees it.")
        return self._decide(facilitator, contribution_id, "declined", reason)

    def _decide(
        self, facilitator: Learner, contribution_id: str, step: str, comment: str, edited: Content | None = None
    ) -> Contribution:
        if not self.learners.get(facilitator.id).is_facilitator:
            raise ContributionError("Only a facilitator can review contributions.")
        current = self.get(contribution_id)
        allowed = (SUBMITTED, CHANGES_ASKED) if step == "declined" else (SUBMITTED,)
        if current.state not in allowed:
            raise ContributionError(f"This contribution is {current.state.replace('_', ' ')}: nothing to decide now.")
        payload: dict[str, Any] = {"id": contribution_id, "comment": comment.strip()[:MAX_COMMENT]}
        if edited is not None:
            payload["content"] = edited.to_payload()
        self.log.append(PREFIX + step, payload, scope=CENTRE, learner_id=facilitator.id)
        self._notify()
        return self.get(contribution_id)

    def _notify(self) -> None:
        for fn in list(self._decided):
            fn()

    # -- reading --------------------------------------------------------------------------------
    def get(self, contribution_id: str) -> Contribution:
        rows = self._rows("WHERE c.id = ?", (contribution_id,))
        if not rows:
            raise NotFound(f"There is no contribution {contribution_id!r}.")
        return rows[0]

    def mine(self, learner_id: str) -> list[Contribution]:
        return self._rows("WHERE c.author = ? ORDER BY c.updated_hlc DESC", (learner_id,))

    def queue(self) -> list[Contribution]:
        """What waits for a facilitator's decision, oldest submission first."""
        return self._rows("WHERE c.state = ? ORDER BY c.submitted_hlc", (SUBMITTED,))

    def all(self, state: str | None = None) -> list[Contribution]:
        if state is None:
            return self._rows("ORDER BY c.updated_hlc", ())
        return self._rows("WHERE c.state = ? ORDER BY c.updated_hlc", (state,))

    def approved_for(self, pack_id: str, lesson_id: str) -> list[Contribution]:
        return self._rows(
            "WHERE c.state = 'approved' AND c.pack_id = ? AND c.lesson_id = ? ORDER BY c.id", (pack_id, lesson_id)
        )

    def submitted_from(self, contribution_id: str) -> str | None:
        """The device that sent the latest submission (at the hub: which centre it came from)."""
        rows = self.store.query(
            "SELECT device_id FROM contribution_events WHERE id = ? AND step = 'submitted' ORDER BY hlc DESC LIMIT 1",
            (contribution_id,),
        )
        return str(rows[0][0]) if rows else None

    def decision_counts(self) -> dict[str, int]:
        """Decisions (approvals, declines, withdrawals) per contribution id."""
        rows = self.store.query(
            "SELECT id, COUNT(*) FROM contribution_events WHERE step IN ('approved', 'declined', 'withdrawn') "
            "GROUP BY id"
        )
        return {str(r[0]): int(r[1]) for r in rows}

    def decisions(self) -> int:
        """How many decisions (approvals, declines, withdrawals) the centre has made: the community
        pack's version, the same on every PC that holds the same events."""
        rows = self.store.query(
            "SELECT COUNT(*) FROM contribution_events WHERE step IN ('approved', 'declined', 'withdrawn')"
        )
        return int(rows[0][0])

    def _rows(self, where: str, params: tuple[object, ...]) -> list[Contribution]:
        rows = self.store.query(
            "SELECT c.id, c.author, COALESCE(l.name, ''), c.state, c.content, c.approved, c.comment, c.reviewer, "
            f"c.submitted_hlc, c.updated_hlc, c.history FROM contributions c LEFT JOIN learners l ON l.id = c.author "
            f"{where}",
            params,
        )
        out = []
        for cid, author, name, state, content, approved, comment, reviewer, submitted, updated, history in rows:
            out.append(
                Contribution(
                    id=cid,
                    author=author,
                    author_name=name,
                    state=state,
                    content=Content.from_payload(json.loads(content)),
                    approved=Content.from_payload(json.loads(approved)) if approved else None,
                    comment=comment,
                    reviewer=reviewer,
                    submitted_at=submitted,
                    updated=updated,
                    history=tuple((s, h) for s, h in json.loads(history)),
                )
            )
        return out
