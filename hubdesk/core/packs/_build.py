"""Building a ``.hubpack`` from a source folder of Markdown (see ``docs/pack-format.md``).

Two layouts are read: HubDesk's ``pack.yaml``, and a Carpentries lesson (``config.yaml`` with its
``episodes:`` order, ``AUTHORS``, ``LICENSE.md``), so real lessons nobody here wrote build as they
are and keep their title, authors, licence and source. Only what the lessons use travels: the
lessons, the files they link or embed (figures, SVG, media), their quizzes (validated, stored as
JSON) and the licence texts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from hubdesk.core.packs._export import PackZipWriter
from hubdesk.core.packs._manifest import (
    PACK_ID_RE,
    RESERVED_NAMES,
    FileEntry,
    LessonEntry,
    Manifest,
    parse_version,
)
from hubdesk.core.packs._names import check_member_name
from hubdesk.core.packs._signing import Signature, load_private_key, sign
from hubdesk.core.render import split_front_matter
from hubdesk.errors import PackError

LICENCE_FILES = ("LICENSE.md", "LICENSE", "LICENCE.md", "LICENCE", "AUTHORS", "CITATION", "CITATION.cff")
_LINK_RE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
_REF_RE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_HTML_RE = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class BuildResult:
    path: Path
    manifest: Manifest
    signature: Signature | None
    warnings: list[str] = field(default_factory=list)


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError(f"{path} cannot be read as YAML: {str(exc).splitlines()[0]}.") from None
    except RecursionError:
        raise PackError(f"{path} is nested too deeply to be pack settings or a quiz.") from None
    if not isinstance(data, dict):
        raise PackError(f"{path} is not a YAML mapping of pack settings.")
    return data


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")
    return slug[:64] if len(slug) >= 2 else f"pack-{slug or 'x'}"


def _metadata(src: Path) -> tuple[dict[str, Any], list[str]]:
    """Normalise pack.yaml or a Carpentries config.yaml to one dict; returns it and the lesson paths."""
    if (src / "pack.yaml").is_file():
        meta = _load_yaml(src / "pack.yaml")
        lessons = meta.get("lessons")
        if not isinstance(lessons, list) or not all(isinstance(x, str) for x in lessons) or not lessons:
            raise PackError(f"{src / 'pack.yaml'} needs a 'lessons' list of Markdown files, in order.")
        return meta, lessons
    if (src / "config.yaml").is_file():
        cfg = _load_yaml(src / "config.yaml")
        episodes = cfg.get("episodes")
        if not isinstance(episodes, list) or not episodes:
            raise PackError(f"{src / 'config.yaml'} has no 'episodes' list.")
        authors: list[str] = []
        if (src / "AUTHORS").is_file():
            text = (src / "AUTHORS").read_text(encoding="utf-8", errors="replace")
            authors = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        meta = {
            "id": cfg.get("id") or _slug(src.name),
            "version": str(cfg.get("version") or "1.0.0"),
            "title": cfg.get("title"),
            "description": cfg.get("description") or cfg.get("keywords") or "",
            "language": cfg.get("lang") or "en",
            "licence": cfg.get("license") or cfg.get("licence") or "",
            "authors": authors,
            "source": cfg.get("source") or cfg.get("url"),
        }
        return meta, [f"episodes/{e}" for e in episodes]
    raise PackError(f"{src} has neither a pack.yaml nor a config.yaml describing the pack.")


def _inside(src: Path, path: Path) -> str | None:
    """``path`` relative to ``src`` with forward slashes, or None if it leaves the folder."""
    try:
        rel = path.resolve().relative_to(src.resolve())
    except (ValueError, OSError):
        return None
    return rel.as_posix()


def _targets(text: str) -> set[str]:
    found = set(_LINK_RE.findall(text)) | set(_REF_RE.findall(text)) | set(_HTML_RE.findall(text))
    out = set()
    for t in found:
        if _SCHEME_RE.match(t) or t.startswith(("#", "/")):
            continue
        t = unquote(t.split("#", 1)[0].split("?", 1)[0])
        if t:
            out.add(t)
    return out


def _unlisted(src: Path, listed: list[str], warnings: list[str]) -> list[str]:
    """Markdown files beside the listed lessons but not in the list: added at the end, so nothing is lost."""
    known = {_inside(src, src / p) for p in listed}
    extra: list[str] = []
    for folder in sorted({(src / p).parent for p in listed}):
        if _inside(src, folder) is None or not folder.is_dir():
            continue
        for md in sorted(folder.glob("*.md")):
            rel = _inside(src, md)
            if rel is not None and rel not in known and md.is_file() and md.name.lower() != "readme.md":
                known.add(rel)
                extra.append(rel)
    if extra:
        warnings.append(f"{len(extra)} lesson(s) not in the lessons list were added at the end: {', '.join(extra[:3])}")
    return extra


def build_pack(
    src: Path | str,
    out: Path | str,
    *,
    sign_key: Path | str | None = None,
    signer: tuple[str, Callable[[bytes], bytes]] | None = None,
) -> BuildResult:
    """Build ``out`` from the source folder ``src``; the pack appears only when complete.

    ``signer``: ``(public key base64, sign function)`` for a key held elsewhere than in a file
    (the centre's key signs its community pack)."""
    try:
        return _build(Path(src), Path(out), sign_key, signer)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise PackError(f"Building the pack failed: {(exc.strerror or str(exc)).lower()}{where}.") from None


def _build(
    src: Path, out: Path, sign_key: Path | str | None, signer: tuple[str, Callable[[bytes], bytes]] | None = None
) -> BuildResult:
    from hubdesk.core.quizzes import Quiz

    if not src.is_dir():
        raise PackError(f"{src} is not a folder of lessons.")
    meta, lesson_paths = _metadata(src)
    warnings: list[str] = []
    lesson_paths = lesson_paths + _unlisted(src, lesson_paths, warnings)
    key = load_private_key(Path(sign_key)) if sign_key else None
    pack_id = str(meta.get("id") or _slug(src.name))
    if not PACK_ID_RE.match(pack_id):
        raise PackError(f"The pack id {pack_id!r} must be 2-64 lowercase letters, digits or '-'.")
    version = str(meta.get("version") or "1.0.0")
    parse_version(version)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PackError(f"{src} gives the pack no title.")
    authors = meta.get("authors") or []
    authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
    lessons: list[LessonEntry] = []
    files: dict[str, Path] = {}
    generated: dict[str, bytes] = {}
    known = {_inside(src, src / p) for p in lesson_paths}
    appendix: list[str] = []
    used_ids: set[str] = set()
    for rel in lesson_paths:  # grows while it runs: pages the lessons link to come along at the end
        path = src / rel
        rel_in = _inside(src, path)
        if rel_in is None or not path.is_file():
            raise PackError(f"The lesson {rel!r} listed for {src.name} is not a file inside {src}.")
        check_member_name(rel_in)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise PackError(f"The lesson {rel_in} is not UTF-8 text.") from None
        front, body, problem = split_front_matter(text)
        if problem:
            warnings.append(f"{rel_in}: {problem}")
        lesson_id = str(front.get("id") or path.stem)
        if lesson_id in used_ids and not front.get("id"):  # learners/setup.md beside episodes/setup.md
            lesson_id = f"{path.parent.name}-{path.stem}"
        used_ids.add(lesson_id)
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.MULTILINE)
        lesson_title = str(front.get("title") or (heading.group(1) if heading else path.stem))
        minutes = front.get("minutes")
        if minutes is None and isinstance(front.get("teaching"), int):
            minutes = front["teaching"] + (front.get("exercises") if isinstance(front.get("exercises"), int) else 0)
        files[rel_in] = path
        quiz_rel = None
        if front.get("quiz"):
            quiz_file = path.parent / str(front["quiz"])
            if _inside(src, quiz_file) is None or not quiz_file.is_file():
                raise PackError(f"The lesson {rel_in} names a quiz {front['quiz']!r} that is not in {src}.")
            quiz = Quiz.from_dict(_load_yaml(quiz_file), name=f"The quiz {_inside(src, quiz_file)}")
            quiz_rel = f"quizzes/{lesson_id}.json"
            generated[quiz_rel] = json.dumps(quiz.to_dict(), ensure_ascii=False, indent=1).encode()
        lessons.append(
            LessonEntry(
                id=lesson_id,
                title=lesson_title,
                path=rel_in,
                quiz=quiz_rel,
                minutes=minutes if isinstance(minutes, int) else None,
            )
        )
        for target in sorted(_targets(body)):
            asset = path.parent / target
            asset_rel = _inside(src, asset)
            if asset_rel is None:
                warnings.append(f"{rel_in}: {target} is outside the pack folder and was left out.")
            elif asset.suffix.lower() == ".md":
                if asset_rel in known:
                    continue
                if asset.is_file():  # a glossary, a setup page: linked from a lesson, so a lesson too
                    known.add(asset_rel)
                    appendix.append(asset_rel)
                    lesson_paths.append(asset_rel)
                else:
                    known.add(asset_rel)
                    warnings.append(f"{rel_in}: {target} does not exist; its links lead nowhere.")
            elif asset_rel in files:
                continue
            elif asset.is_file():
                check_member_name(asset_rel)
                files[asset_rel] = asset
            else:
                warnings.append(f"{rel_in}: {target} does not exist and was left out.")
    if appendix:
        warnings.append(f"{len(appendix)} page(s) the lessons link to were added at the end: {', '.join(appendix[:4])}")
    for name in LICENCE_FILES:
        if (src / name).is_file():
            files.setdefault(name, src / name)
    clash = (set(files) & set(generated)) | (set(files) & RESERVED_NAMES)
    if clash:
        raise PackError(f"The source folder has a file {sorted(clash)[0]!r} whose name the pack needs for itself.")
    entries: list[FileEntry] = []
    writer = PackZipWriter(out)
    try:
        for name, fpath in files.items():
            entries.append(writer.add_file(name, fpath))
        for name, data in generated.items():
            entries.append(writer.add_bytes(name, data))
        mastery = meta.get("mastery")
        manifest = Manifest(
            id=pack_id,
            version=version,
            title=title.strip(),
            description=str(meta.get("description") or "").strip(),
            language=str(meta.get("language") or "en"),
            licence=str(meta.get("licence") or meta.get("license") or ""),
            authors=tuple(authors),
            source=str(meta["source"]) if meta.get("source") else None,
            mastery=mastery if isinstance(mastery, dict) else None,
            # a given 'created' keeps a build reproducible (the community pack is the same on every PC)
            created=str(meta.get("created") or datetime.now(UTC).isoformat(timespec="seconds")),
            lessons=tuple(lessons),
            files=tuple(entries),
        )
        manifest = Manifest.from_bytes(manifest.to_bytes())  # the same strict checks an installer makes
        manifest_bytes = manifest.to_bytes()
        signature = sign(manifest_bytes, key) if key is not None else None
        if signature is None and signer is not None:
            signature = Signature(key=signer[0], sig=signer[1](manifest_bytes))
        writer.add_bytes("manifest.json", manifest_bytes)
        if signature is not None:
            writer.add_bytes("signature.json", signature.to_bytes())
        writer.finish()
    except BaseException:
        writer.abort()
        raise
    return BuildResult(out, manifest, signature, warnings)
