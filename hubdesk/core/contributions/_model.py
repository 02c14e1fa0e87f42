"""What a learner contributes, its states, and the limits every piece of it must keep.

A contribution is one of five kinds, attached to a lesson of an installed course (a new lesson
may stand alone): a tip, a local example, a new quiz question (any of the four question types),
a translation of the lesson paragraph by paragraph, or a new short lesson. Its id starts with
its author's learner id, so nobody's event can speak for someone else's contribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hubdesk.core.quizzes import Question, QuizError
from hubdesk.errors import HubDeskError

KINDS = ("tip", "example", "question", "translation", "lesson")
DRAFT, SUBMITTED, CHANGES_ASKED, APPROVED, DECLINED, WITHDRAWN = (
    "draft",
    "submitted",
    "changes_asked",
    "approved",
    "declined",
    "withdrawn",
)
STATES = (DRAFT, SUBMITTED, CHANGES_ASKED, APPROVED, DECLINED, WITHDRAWN)
OPEN = (DRAFT, SUBMITTED, CHANGES_ASKED)  # still the author's to change
LICENCE = "CC BY-SA 4.0"
LICENCE_ID = "CC-BY-SA-4.0"

MAX_TITLE = 120
MAX_BODY = 20_000  # characters of Markdown: a short lesson, not a book
MAX_PARAGRAPHS = 200
MAX_COMMENT = 2_000
DAILY_LIMIT = 20  # submissions per learner per UTC day (a stuck key or a prank fills nothing)
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_ID = re.compile(r"^[0-9a-f]{8,64}\.[0-9a-f]{12}$")


class ContributionError(HubDeskError):
    """A contribution that cannot be saved, submitted or decided as asked: one sentence why."""

    exit_code = 2


def valid_id(contribution_id: str) -> bool:
    return bool(_ID.match(contribution_id))


def author_of(contribution_id: str) -> str:
    return contribution_id.split(".", 1)[0]


@dataclass(frozen=True)
class Content:
    """What the author wrote (or the facilitator lightly edited on approval)."""

    kind: str
    pack: str | None
    lesson: str | None
    title: str = ""
    body: str = ""
    language: str | None = None  # a translation's language
    paragraphs: tuple[tuple[str, str], ...] = ()  # a translation: (source paragraph, translated)
    question: dict[str, Any] | None = None  # a quiz question in the pack quiz format
    attribution: str = "name"  # "name": by display name; "centre": "a learner at CENTRE"
    pictures: tuple[tuple[str, str], ...] = ()  # ("pic-1.png", base64) for a lesson, tip or example

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "pack": self.pack,
            "lesson": self.lesson,
            "title": self.title,
            "body": self.body,
            "attribution": self.attribution,
        }
        if self.language:
            out["language"] = self.language
        if self.paragraphs:
            out["paragraphs"] = [list(p) for p in self.paragraphs]
        if self.question is not None:
            out["question"] = self.question
        if self.pictures:
            out["pictures"] = [list(p) for p in self.pictures]
        return out

    @classmethod
    def from_payload(cls, p: dict[str, Any]) -> Content:
        """Checked: an event from another PC that breaks a limit raises, and the projection skips it."""
        paragraphs = p.get("paragraphs") or []
        if not isinstance(paragraphs, list):
            raise ContributionError("A translation's paragraphs are a list of pairs.")
        pairs = []
        for pair in paragraphs:
            if not isinstance(pair, list | tuple) or len(pair) != 2 or not all(isinstance(x, str) for x in pair):
                raise ContributionError("Each paragraph of a translation is a pair: the source and its translation.")
            pairs.append((str(pair[0]), str(pair[1])))
        question = p.get("question")
        raw_pictures = p.get("pictures") or []
        if not isinstance(raw_pictures, list) or not all(
            isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x) for x in raw_pictures
        ):
            raise ContributionError("A contribution's pictures are a list of (name, data) pairs.")
        content = cls(
            kind=str(p.get("kind", "")),
            pack=p.get("pack") if isinstance(p.get("pack"), str) else None,
            lesson=p.get("lesson") if isinstance(p.get("lesson"), str) else None,
            title=str(p.get("title") or ""),
            body=str(p.get("body") or ""),
            language=p.get("language") if isinstance(p.get("language"), str) else None,
            paragraphs=tuple(pairs),
            question=question if isinstance(question, dict) else None,
            attribution="centre" if p.get("attribution") == "centre" else "name",
            pictures=tuple((str(x[0]), str(x[1])) for x in raw_pictures),
        )
        content.check(for_submit=False)
        return content

    def check(self, *, for_submit: bool) -> None:
        """Limits always; completeness (a tip has words, a question is valid) when submitting."""
        if self.kind not in KINDS:
            raise ContributionError(f"A contribution is one of: {', '.join(KINDS)}.")
        if len(self.title) > MAX_TITLE:
            raise ContributionError(f"A title has at most {MAX_TITLE} characters.")
        if len(self.body) > MAX_BODY or sum(len(a) + len(b) for a, b in self.paragraphs) > 2 * MAX_BODY:
            raise ContributionError(f"A contribution has at most {MAX_BODY:,} characters; this one is longer.")
        if len(self.paragraphs) > MAX_PARAGRAPHS:
            raise ContributionError(f"A translation has at most {MAX_PARAGRAPHS} paragraphs.")
        if self.kind != "lesson" and not (self.pack and self.lesson):
            raise ContributionError("A tip, example, question or translation belongs to a lesson.")
        if self.kind == "translation" and (not self.language or not _LANG.match(self.language)):
            raise ContributionError("A translation names its language with a code like 'sw' or 'fr'.")
        if self.pictures:
            from hubdesk.core.contributions._pictures import check_pictures

            if self.kind not in ("tip", "example", "lesson"):
                raise ContributionError("Only a tip, an example or a new lesson has pictures.")
            check_pictures(self.pictures)
        if not for_submit:
            return
        if self.kind in ("tip", "example", "lesson") and not self.body.strip():
            raise ContributionError("There is nothing written yet.")
        if self.kind == "lesson" and not self.title.strip():
            raise ContributionError("A new lesson needs a title.")
        if self.kind == "translation" and not any(t.strip() for _s, t in self.paragraphs):
            raise ContributionError("No paragraph is translated yet.")
        if self.kind == "question":
            self.checked_question()

    def checked_question(self) -> Question:
        if self.question is None:
            raise ContributionError("The new question is missing.")
        data = {**self.question, "id": "q"}
        try:
            return Question.from_dict(data, 1)
        except QuizError as exc:
            raise ContributionError(str(exc).replace("Question 'q'", "The question")) from None


@dataclass(frozen=True)
class Contribution:
    id: str
    author: str  # learner id
    author_name: str
    state: str
    content: Content
    approved: Content | None = None  # what was approved (with the facilitator's light edits)
    comment: str = ""  # the facilitator's: changes asked, or the reason for declining
    reviewer: str | None = None
    submitted_at: str | None = None  # HLC stamp
    updated: str = ""  # HLC stamp of the latest event that counted
    history: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (state, hlc)

    @property
    def title(self) -> str:
        c = self.approved or self.content
        return (
            c.title
            or {
                "tip": "Tip",
                "example": "Example",
                "question": "Question",
                "translation": "Translation",
                "lesson": "Lesson",
            }[c.kind]
        )

    def by(self, centre: str) -> str:
        """The attribution as printed: the display name, or "a learner at CENTRE"."""
        c = self.approved or self.content
        return f"a learner at {centre}" if c.attribution == "centre" else self.author_name

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "author_name": self.author_name,
            "state": self.state,
            "kind": self.content.kind,
            "pack": self.content.pack,
            "lesson": self.content.lesson,
            "title": self.title,
            "comment": self.comment or None,
            "licence": LICENCE,
            "content": self.content.to_payload(),
            "approved": self.approved.to_payload() if self.approved else None,
            "updated": self.updated,
        }
