"""Helpers for the pack tests: small source folders and hand-made (possibly hostile) pack zips."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from hubdesk.core.packs._signing import sign

LESSON = """---
id: {id}
title: {title}
{extra}---

# {title}

Some text for {id}, with a figure: ![a folder](fig/folder.svg)

Next: [the other lesson]({other}.md)
"""

QUIZ = """title: Check
questions:
  - id: q1
    type: single
    prompt: Which is a folder?
    choices: [a.txt, Photos]
    answer: 1
    feedback: {correct: Yes., incorrect: Look again.}
"""


def make_source(root: Path, *, version: str = "1.0.0", pack_id: str = "demo", titles: tuple[str, ...] = ()) -> Path:
    """A two-lesson pack source with a figure and a quiz; ``titles`` renames lessons (ids stay)."""
    (root / "lessons" / "fig").mkdir(parents=True, exist_ok=True)
    (root / "quizzes").mkdir(exist_ok=True)
    t1, t2 = titles or ("First steps", "Files and folders")
    (root / "lessons" / "01-first.md").write_text(
        LESSON.format(id="first", title=t1, extra="quiz: ../quizzes/first.yaml\n", other="02-files")
    )
    (root / "lessons" / "02-files.md").write_text(LESSON.format(id="files", title=t2, extra="", other="01-first"))
    (root / "lessons" / "fig" / "folder.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    (root / "quizzes" / "first.yaml").write_text(QUIZ)
    (root / "pack.yaml").write_text(
        f"id: {pack_id}\nversion: {version}\ntitle: Demo pack\ndescription: Two lessons.\nlanguage: en\n"
        "licence: CC-BY-4.0\nauthors: [Tester]\nlessons:\n  - lessons/01-first.md\n  - lessons/02-files.md\n"
    )
    return root


def manifest_for(entries: dict[str, bytes], **over: Any) -> dict[str, Any]:
    m: dict[str, Any] = {
        "format": 1,
        "id": "hostile",
        "version": "1.0.0",
        "title": "Hostile",
        "description": "",
        "language": "en",
        "licence": "",
        "authors": [],
        "source": None,
        "mastery": None,
        "created": "",
        "lessons": [{"id": "one", "title": "One", "path": "one.md", "quiz": None, "minutes": None}],
        "files": [[n, len(b), hashlib.sha256(b).hexdigest()] for n, b in entries.items()],
    }
    m.update(over)
    return m


def write_zip(
    path: Path,
    entries: list[tuple[str, bytes]] | dict[str, bytes],
    manifest: dict[str, Any] | bytes | None,
    *,
    signature: bytes | None = None,
    key: Any = None,
    symlinks: tuple[str, ...] = (),
    stored: tuple[str, ...] = (),
) -> Path:
    items = list(entries.items()) if isinstance(entries, dict) else list(entries)
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in items:
            info = zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = 0o120777 << 16
            zf.writestr(info, data)
        if manifest is not None:
            mbytes = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
            zf.writestr("manifest.json", mbytes)
            if key is not None:
                signature = sign(mbytes, key).to_bytes()
        if signature is not None:
            zf.writestr("signature.json", signature)
    return path


def patch_sizes(path: Path, name: str, size: int) -> None:
    """Make the zip headers of ``name`` claim ``size`` bytes uncompressed (a lying header)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for sig, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            if data[i + name_at : i + name_at + len(encoded)] == encoded:
                data[i + size_at : i + size_at + 4] = size.to_bytes(4, "little")
            start = i + 4
    path.write_bytes(bytes(data))


def tree_sha(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
