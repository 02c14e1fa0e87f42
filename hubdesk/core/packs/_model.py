"""What the library tells the rest of HubDesk about installed packs, and the tables behind it.

A pack's files live in ``packs/<id>/<version>-<token>/``; the ``packs`` row names the live folder.
Switching a pack to a new version is one row update, so the library always shows a whole pack.
Progress is kept elsewhere, keyed by ``(pack_id, lesson_id)``, and never touched by an upgrade.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hubdesk.core.store import Schema, migration

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class LessonInfo:
    id: str
    title: str
    path: str  # relative to the pack root
    quiz_path: str | None = None  # relative to the pack root (JSON)
    minutes: int | None = None


@dataclass(frozen=True)
class InstalledPack:
    id: str
    version: str
    title: str
    description: str
    language: str
    licence: str
    authors: tuple[str, ...]
    source: str | None
    signed_by: str | None  # base64 public key of a valid signature, if signed
    verified: bool  # signed by a key this installation trusts
    lessons: tuple[LessonInfo, ...] = field(default_factory=tuple)
    installed_at: str = ""

    def lesson(self, lesson_id: str) -> LessonInfo | None:
        return next((le for le in self.lessons if le.id == lesson_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "description": self.description,
            "language": self.language,
            "licence": self.licence,
            "authors": list(self.authors),
            "source": self.source,
            "signed_by": self.signed_by,
            "verified": self.verified,
            "installed_at": self.installed_at,
            "lessons": [
                {"id": le.id, "title": le.title, "path": le.path, "quiz": le.quiz_path, "minutes": le.minutes}
                for le in self.lessons
            ],
        }


@dataclass(frozen=True)
class InstallResult:
    pack_id: str
    version: str
    title: str
    action: str  # "installed", "upgraded", "downgraded", "reinstalled" or "unchanged"
    previous_version: str | None
    signed_by: str | None
    verified: bool
    bytes: int

    @property
    def changed(self) -> bool:
        return self.action != "unchanged"


@migration("0020_packs_library")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE packs (
            id TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            dir TEXT NOT NULL,
            title TEXT NOT NULL,
            language TEXT NOT NULL,
            manifest TEXT NOT NULL,
            signed_by TEXT,
            installed_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE pack_trusted_keys (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        )"""
    )
