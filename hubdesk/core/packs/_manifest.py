"""The manifest of a built pack: what it is, its lessons in order, and the size and sha256 of every file.

The manifest is the one thing a signature covers, so everything an installer trusts must be in it:
parsing is strict (unknown types, bad ids, unsafe paths or an oversized file are refused with one
sentence) because a pack arrives on a stranger's USB stick.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from hubdesk.core import safe_json
from hubdesk.core.packs._names import check_member_name, clash_key
from hubdesk.errors import PackError

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "signature.json"
RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})
FORMAT = 1
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_FILES = 50_000

PACK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
LESSON_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
VERSION_RE = re.compile(r"^\d{1,9}(\.\d{1,9}){0,3}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


def parse_version(text: str) -> tuple[int, ...]:
    """``"1.10.0"`` -> ``(1, 10, 0)``; trailing zeros do not matter when comparing (1.0 == 1.0.0)."""
    if not isinstance(text, str) or not VERSION_RE.match(text):
        raise PackError(f"The version {text!r} is not dotted numbers such as 1.0.0.")
    parts = [int(p) for p in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class LessonEntry:
    id: str
    title: str
    path: str
    quiz: str | None = None
    minutes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "path": self.path, "quiz": self.quiz, "minutes": self.minutes}


@dataclass(frozen=True)
class Manifest:
    id: str
    version: str
    title: str
    lessons: tuple[LessonEntry, ...]
    files: tuple[FileEntry, ...]
    description: str = ""
    language: str = "en"
    licence: str = ""
    authors: tuple[str, ...] = ()
    source: str | None = None
    mastery: dict[str, int] | None = None
    created: str = ""
    _by_path: dict[str, FileEntry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_path.update({f.path: f for f in self.files})

    @property
    def version_key(self) -> tuple[int, ...]:
        return parse_version(self.version)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def file(self, path: str) -> FileEntry | None:
        return self._by_path.get(path)

    def lesson(self, lesson_id: str) -> LessonEntry | None:
        return next((le for le in self.lessons if le.id == lesson_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "description": self.description,
            "language": self.language,
            "licence": self.licence,
            "authors": list(self.authors),
            "source": self.source,
            "mastery": self.mastery,
            "created": self.created,
            "lessons": [le.to_dict() for le in self.lessons],
            "files": [[f.path, f.size, f.sha256] for f in self.files],
        }

    def to_bytes(self) -> bytes:
        """The exact bytes that are stored and signed (sorted keys, so a rebuild signs the same text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        if len(data) > MAX_MANIFEST_BYTES:
            raise PackError(f"The pack's manifest is larger than {MAX_MANIFEST_BYTES // 1024 // 1024} MB.")
        try:
            raw = safe_json.loads(data)
        except safe_json.UnsafeJSON as exc:
            raise PackError(f"The pack's manifest (manifest.json) is not valid JSON: {exc}") from None
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: object) -> Manifest:
        if not isinstance(raw, dict):
            raise PackError("The pack's manifest is not a JSON object.")
        if raw.get("format") != FORMAT:
            raise PackError(f"The pack's manifest has format {raw.get('format')!r}; this HubDesk reads format 1.")
        pack_id = _text(raw, "id")
        if not PACK_ID_RE.match(pack_id):
            raise PackError(f"The pack id {pack_id!r} must be 2-64 lowercase letters, digits or '-'.")
        version = _text(raw, "version")
        parse_version(version)
        files = _files(raw.get("files"))
        by_path = {f.path for f in files}
        lessons = _lessons(raw.get("lessons"), by_path)
        authors = raw.get("authors", [])
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise PackError("The pack's manifest lists authors that are not text.")
        source = raw.get("source")
        if source is not None and not isinstance(source, str):
            raise PackError("The pack's manifest has a source that is not text.")
        mastery = raw.get("mastery")
        if mastery is not None:
            from hubdesk.core.quizzes import MasteryRule, QuizError

            try:  # the rule the app applies, parsed as it will be: a bad one is refused now, not in a lesson
                MasteryRule.from_dict(mastery, "The pack's manifest")
            except QuizError as exc:
                raise PackError(str(exc)) from None
        return cls(
            id=pack_id,
            version=version,
            title=_text(raw, "title"),
            description=_text(raw, "description", ""),
            language=_text(raw, "language", "en"),
            licence=_text(raw, "licence", ""),
            authors=tuple(authors),
            source=source,
            mastery=mastery,
            created=_text(raw, "created", ""),
            lessons=lessons,
            files=files,
        )


def _text(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise PackError(f"The pack's manifest has no valid '{key}'.")
    return value


def _files(raw: object) -> tuple[FileEntry, ...]:
    if not isinstance(raw, list):
        raise PackError("The pack's manifest has no list of files.")
    if len(raw) > MAX_FILES:
        raise PackError(f"The pack lists {len(raw)} files; at most {MAX_FILES} are allowed.")
    out: list[FileEntry] = []
    seen: dict[str, str] = {}
    for item in raw:
        if not (isinstance(item, list) and len(item) == 3):
            raise PackError("The pack's manifest has a file entry that is not [path, size, sha256].")
        path, size, digest = item
        if not isinstance(path, str):
            raise PackError("The pack's manifest has a file path that is not text.")
        check_member_name(path)
        if path in RESERVED_NAMES:
            raise PackError(f"The pack's manifest lists its own reserved file {path!r}.")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise PackError(f"The pack's manifest gives {path!r} a size that is not a whole number of bytes.")
        if not isinstance(digest, str) or not SHA256_RE.match(digest):
            raise PackError(f"The pack's manifest gives {path!r} a checksum that is not a sha256.")
        folded = clash_key(path)
        if folded in seen:
            if seen[folded] == path:
                raise PackError(f"The pack's manifest lists {path!r} twice.")
            raise PackError(
                f"The pack holds {seen[folded]!r} and {path!r}, which are one name on Windows, macOS and USB "
                "sticks (they differ only in upper/lower case or in how an accent is encoded); rename one."
            )
        seen[folded] = path
        out.append(FileEntry(path, size, digest))
    folders = {clash_key(p.rsplit("/", 1)[0]) for p in (f.path for f in out) if "/" in p}
    folders |= {d.rsplit("/", i)[0] for d in list(folders) for i in range(1, d.count("/") + 1)}
    clash = next((f.path for f in out if clash_key(f.path) in folders), None)
    if clash is not None:
        raise PackError(f"The pack's manifest names {clash!r} both as a file and as a folder.")
    return tuple(out)


def _lessons(raw: object, files: set[str]) -> tuple[LessonEntry, ...]:
    if not isinstance(raw, list) or not raw:
        raise PackError("The pack's manifest has no lessons.")
    out: list[LessonEntry] = []
    ids: set[str] = set()
    for item in raw:
        if not isinstance(item, dict):
            raise PackError("The pack's manifest has a lesson that is not an object.")
        lid = item.get("id")
        if not isinstance(lid, str) or not LESSON_ID_RE.match(lid):
            raise PackError(f"The pack's manifest has a lesson id {lid!r} that is not letters, digits, '-', '_', '.'.")
        if lid in ids:
            raise PackError(f"The pack's manifest has two lessons with the id {lid!r}.")
        ids.add(lid)
        path, quiz, title = item.get("path"), item.get("quiz"), item.get("title")
        if not isinstance(path, str) or path not in files:
            raise PackError(f"Lesson {lid!r} points to {path!r}, which is not among the pack's files.")
        if quiz is not None and (not isinstance(quiz, str) or quiz not in files):
            raise PackError(f"Lesson {lid!r} has a quiz {quiz!r} that is not among the pack's files.")
        if not isinstance(title, str):
            raise PackError(f"Lesson {lid!r} has no title.")
        minutes = item.get("minutes")
        if minutes is not None and (not isinstance(minutes, int) or isinstance(minutes, bool)):
            minutes = None
        out.append(LessonEntry(id=lid, title=title, path=path, quiz=quiz, minutes=minutes))
    return tuple(out)
