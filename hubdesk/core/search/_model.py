"""What search is given (packs, lessons, notes as protocols) and what it answers (hits, results)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class LessonLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def path(self) -> str: ...


class PackLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def lessons(self) -> Sequence[LessonLike]: ...


class PacksLike(Protocol):
    """What the packs manager offers the index (``inst.packs``)."""

    def list(self) -> Sequence[PackLike]: ...
    def pack_root(self, pack_id: str) -> Path: ...
    def add_listener(self, fn: Callable[[str, str], None]) -> None: ...


@dataclass(frozen=True)
class LessonDoc:
    """One lesson as the index sees it: its title and its plain text."""

    pack_id: str
    lesson_id: str
    title: str
    text: str
    language: str


@dataclass(frozen=True)
class Hit:
    kind: str  # "lesson" or "note"
    pack_id: str
    lesson_id: str
    title: str
    snippet_html: str
    score: float
    language: str

    @property
    def snippet(self) -> str:
        """The snippet as plain text (for a terminal or JSON)."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.snippet_html))


@dataclass(frozen=True)
class SearchResults:
    results: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False  # True when ``results`` are those of ``suggestion`` (the query found nothing)
