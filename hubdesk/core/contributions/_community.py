"""The centre's community pack: approved contributions built into a real pack and installed.

Built by the ordinary pack builder from a source folder written here, then installed through the
ordinary verified install, so a community pack is a pack like any other for the library, the
reader and search. What makes it the centre's own:

- its id is ``community-<centre>-<language>``: ids under ``community-`` are built only here, and
  a pack of that id installed from elsewhere is never replaced (nor can this one replace an
  official course, whose ids the builder never makes);
- it is **deterministic**: lessons, authors and files in a fixed order, ``created`` taken from the
  decisions, and a version that counts the centre's decisions (approvals, declines,
  withdrawals) — two PCs that approved while apart build the very same pack once they have
  synced, and each new decision raises the version;
- one pack per language: tips, examples and questions go in the language of the course they add
  to; a translation goes in its own language, so search finds it with that language's stemmer.

Lessons: one "From learners" lesson per course lesson that received tips, examples or questions
(the questions make its quiz), one per new lesson, one per translation.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hubdesk.core.clock import parse_stamp
from hubdesk.core.contributions._model import LICENCE, LICENCE_ID, Content, ContributionError
from hubdesk.errors import HubDeskError, NotFound

if TYPE_CHECKING:
    from hubdesk.core.contributions._manager import Contributions
    from hubdesk.core.packs import InstallResult, Packs

log = logging.getLogger(__name__)
PREFIX = "community-"
SOURCE = "hubdesk-community:"  # the manifest's ``source``: a pack this builder made for this centre
_HEADINGS = {"tip": "Tip", "example": "Example", "question": "Question"}


@dataclass(frozen=True)
class Item:
    """One contribution as it goes into a pack: what, credited to whom, from which centre."""

    id: str
    content: Content
    by: str
    centre: str
    stamp: str  # HLC of the decision that put it in (the pack's ``created``)


def community_pack_id(centre_id: str, language: str) -> str:
    slug = re.sub(r"[^a-z0-9]", "", centre_id.lower())[:24] or "centre"
    lang = re.sub(r"[^a-z0-9]", "", language.lower())[:8] or "xx"
    return f"{PREFIX}{slug}-{lang}"


class CommunityPacks:
    def __init__(
        self,
        contributions: Contributions,
        packs: Packs,
        work_dir: Path,
        centre_id: Callable[[], str],
        centre_name: Callable[[], str],
        signer: Callable[[], tuple[str, Callable[[bytes], bytes]]] | None = None,
    ) -> None:
        self.contributions = contributions
        self.packs = packs
        self.work_dir = work_dir
        self.centre_id = centre_id
        self.centre_name = centre_name
        self.signer = signer  # the centre's key (or this PC's, in a centre of one): (public b64, sign)

    # -- what goes in (a subclass changes these: the packs the hub shares) -----------------------
    def items(self) -> list[Item]:
        centre = self.centre_name()
        return [
            Item(c.id, c.approved or c.content, c.by(centre), centre, c.updated)
            for c in self.contributions.all("approved")
        ]

    def pack_id(self, language: str) -> str:
        return community_pack_id(self.centre_id(), language)

    def versions(self) -> dict[str, str]:
        """Each language's pack version: the centre's decisions on items of that language, so a
        decision raises the version of the one pack it changes (and only that pack is rebuilt)."""
        counts = self.contributions.decision_counts()
        per_language: dict[str, int] = {}
        for c in self.contributions.all():
            if c.id in counts:
                lang = self._language_of(c.approved or c.content)
                per_language[lang] = per_language.get(lang, 0) + counts[c.id]
        return {lang: f"1.{n}" for lang, n in per_language.items()}

    def _language_of(self, c: Content) -> str:
        return (c.language or "xx") if c.kind == "translation" else self._language(c.pack)

    def source(self) -> str:
        return SOURCE + self.centre_id()

    def pack_title(self) -> tuple[str, str]:
        centre = self.centre_name()
        return (
            f"From learners at {centre}",
            f"Tips, examples, questions, translations and lessons written by learners at {centre}.",
        )

    def sources(self) -> dict[str, dict[str, str | bytes]]:
        """``language -> {path in the source folder: text}`` for every community pack to build."""
        chosen = sorted(self.items(), key=lambda i: i.id)
        by_lang: dict[str, dict[str, list[Item]]] = {}
        for item in chosen:
            c = item.content
            lang = self._language_of(c)
            if c.kind == "translation":
                key = f"t:{c.pack}:{c.lesson}:{item.id}"
            elif c.kind == "lesson":
                key = f"l:{item.id}"
            else:
                key = f"a:{c.pack}:{c.lesson}"
            by_lang.setdefault(lang, {}).setdefault(key, []).append(item)
        out: dict[str, dict[str, str | bytes]] = {}
        versions, (title, description) = self.versions(), self.pack_title()
        for lang, groups in sorted(by_lang.items()):
            version = versions.get(lang, "1.0")
            created = self._created([i for g in groups.values() for i in g])
            files: dict[str, str | bytes] = {}
            lessons: list[str] = []
            for n, (key, items) in enumerate(sorted(groups.items()), 1):
                lesson_id, text, quiz = self._lesson(key, items)
                for item in items:  # pictures beside the lesson, named after their contribution
                    suffix = item.id.split(".")[-1]
                    for name, b64 in item.content.pictures:
                        files[f"lessons/img/{suffix}-{name}"] = base64.b64decode(b64)
                path = f"lessons/{n:03d}-{lesson_id}.md"
                files[path] = text
                lessons.append(path)
                if quiz:
                    files[f"quizzes/{lesson_id}.yaml"] = quiz
            authors = sorted({i.by for g in groups.values() for i in g})
            meta = {
                "id": self.pack_id(lang),
                "version": version,
                "title": title,
                "description": description,
                "language": lang,
                "licence": LICENCE_ID,
                "authors": authors,
                "source": self.source(),
                "created": created,
                "lessons": lessons,
            }
            files["pack.yaml"] = json.dumps(meta, ensure_ascii=False, indent=1)
            out[lang] = files
        return out

    def _language(self, pack_id: str | None) -> str:
        try:
            return self.packs.get(pack_id).language if pack_id else "en"
        except NotFound:
            return "en"

    def _title(self, pack_id: str | None, lesson_id: str | None) -> str:
        try:
            lesson = self.packs.get(pack_id).lesson(lesson_id) if pack_id and lesson_id else None
        except NotFound:
            lesson = None
        return lesson.title if lesson else (lesson_id or "")

    def _created(self, items: list[Item]) -> str:
        ms = max((parse_stamp(i.stamp)[0] for i in items if i.stamp), default=0)
        return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")

    def _lesson(self, key: str, items: list[Item]) -> tuple[str, str, str | None]:
        head = items[0]
        first = head.content
        suffix = head.id.split(".")[-1]
        if key.startswith("l:"):
            lesson_id = "learner-lesson." + suffix
            credit = f"*By {head.by}, learners at {head.centre}. {LICENCE}.*"
            return (
                lesson_id,
                _front(lesson_id, first.title)
                + f"# {first.title}\n\n{_pictures_in(first.body.strip(), suffix)}\n\n{credit}\n",
                None,
            )
        original = self._title(first.pack, first.lesson)
        if key.startswith("t:"):
            lesson_id = f"{first.pack}.{first.lesson}.{first.language}.{suffix}"
            title = first.title or original
            paragraphs = "\n\n".join(t.strip() for _s, t in first.paragraphs if t.strip())
            note = f"*Translated from “{original}” by {head.by}, learners at {head.centre}. {LICENCE}.*"
            front = _front(lesson_id, title, translation_of=f"{first.pack}/{first.lesson}")
            return lesson_id, front + f"# {title}\n\n{paragraphs}\n\n{note}\n", None
        lesson_id = f"{first.pack}.{first.lesson}.learners"
        title = f"From learners: {original}"
        centres = ", ".join(sorted({i.centre for i in items}))
        parts = [f"# {title}\n", f"*Added to “{original}” by learners at {centres}. {LICENCE}.*\n"]
        questions = []
        for item in items:
            c = item.content
            if c.kind == "question":
                q = {**(c.question or {}), "id": "c" + item.id.split(".")[-1]}
                questions.append(q)
                parts.append(f"## A question by {item.by}\n\n“{q.get('prompt', '')}” — in the quiz of this page.\n")
                continue
            heading = _HEADINGS[c.kind] + (f": {c.title}" if c.title else "")
            body = _pictures_in(c.body.strip(), item.id.split(".")[-1])
            parts.append(f"## {heading}\n\n{body}\n\n*By {item.by}.*\n")
        quiz = json.dumps({"title": title, "questions": questions}, ensure_ascii=False) if questions else None
        front = _front(
            lesson_id,
            title,
            quiz=f"../quizzes/{lesson_id}.yaml" if quiz else None,
            adds_to=f"{first.pack}/{first.lesson}",
        )
        return lesson_id, front + "\n".join(parts), quiz

    def beside(self, pack_id: str, lesson_id: str) -> list[tuple[str, str, str, str]]:
        """Community lessons that add to a course lesson: ``(pack, lesson, title, language)``; the
        learners' tips first, then translations. Any installed community pack counts (this centre's
        or one the hub shared)."""
        start = f"{pack_id}.{lesson_id}."
        found = []
        for pack in self.packs.list():
            if not pack.id.startswith(PREFIX):
                continue
            for lesson in pack.lessons:
                if lesson.id.startswith(start):
                    found.append((pack.id, lesson.id, lesson.title, pack.language))
        found.sort(key=lambda f: (not f[1].endswith(".learners"), f[3], f[0], f[1]))
        return found

    # -- building and installing ------------------------------------------------------------------
    def build(self, out_dir: Path, sources: dict[str, dict[str, str | bytes]] | None = None) -> list[Path]:
        """Build community packs into ``out_dir`` (every language, or those of ``sources``); returns
        the pack files (same bytes on every PC)."""
        from hubdesk.core.packs import build_pack

        built = []
        for lang, files in (self.sources() if sources is None else sources).items():
            src = self.work_dir / f"src-{lang}"
            shutil.rmtree(src, ignore_errors=True)
            for rel, data in files.items():
                (src / rel).parent.mkdir(parents=True, exist_ok=True)
                if isinstance(data, bytes):
                    (src / rel).write_bytes(data)
                else:
                    (src / rel).write_text(data, encoding="utf-8")
            meta = json.loads(files["pack.yaml"])
            out = out_dir / f"{meta['id']}-{meta['version']}.hubpack"
            build_pack(src, out, signer=self.signer() if self.signer else None)
            built.append(out)
        return built

    def refresh(self) -> list[InstallResult]:
        """Rebuild and install what changed; remove a language's pack whose last item left."""
        self.work_dir.mkdir(parents=True, exist_ok=True)
        if self.signer is not None:  # the packs this PC builds from its centre's decisions are trusted here
            public = self.signer()[0]
            if public not in self.packs.trusted_keys():
                self.packs.trust(public, label="community packs of this centre")
        sources = self.sources()
        wanted = {self.pack_id(lang) for lang in sources}
        changed: dict[str, dict[str, str | bytes]] = {}
        for lang, files in sources.items():
            pack_id, version = self.pack_id(lang), json.loads(files["pack.yaml"])["version"]
            try:
                installed = self.packs.get(pack_id)
            except NotFound:
                installed = None
            if installed is not None and (installed.source or "") != self.source():
                raise ContributionError(f"A pack {pack_id!r} from elsewhere is installed: the community pack is not.")
            if installed is None or installed.version != version:
                changed[lang] = files  # only what a decision changed is built and installed
        results = []
        for path in self.build(self.work_dir, changed):
            results.append(self.packs.install(path))
            path.unlink(missing_ok=True)
        for pack in self.packs.list():
            if pack.id.startswith(PREFIX) and (pack.source or "") == self.source() and pack.id not in wanted:
                self.packs.remove(pack.id)
        return results

    def refresh_quietly(self) -> None:
        """For listeners: a community pack that cannot be built must not break a sync or a decision."""
        try:
            self.refresh()
        except (HubDeskError, OSError) as exc:
            log.warning("The community pack was not rebuilt: %s", exc)


def _pictures_in(body: str, suffix: str) -> str:
    """``![x](pic-1.png)`` as the learner wrote it -> the picture's place in the pack."""
    return re.sub(r"\]\((pic-[1-9]\.(?:png|jpg))\)", lambda m: f"](img/{suffix}-{m.group(1)})", body)


def _front(lesson_id: str, title: str, **extra: str | None) -> str:
    lines = [f"id: {lesson_id}", f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines += [f"{k.replace('_', '-')}: {json.dumps(v)}" for k, v in extra.items() if v]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
