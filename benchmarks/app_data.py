"""A data folder with twenty real packs installed, for the app benchmarks.

The packs are the real shell-novice lessons and the repository's sample packs, copied under
twenty distinct ids (so the library, the search index and memory see twenty packs of real size).
Usage from the benchmarks: ``data_dir = twenty_packs(tmp)``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "data" / "real-courses" / "shell-novice", *sorted((ROOT / "content_packs").glob("*/"))]
PACKS = 20


def _copy_as(src: Path, dest: Path, n: int) -> Path:
    shutil.copytree(src, dest)
    meta = dest / "pack.yaml"
    if meta.is_file():
        text = meta.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^id:\s*(\S+)", lambda m: f"id: {m.group(1)}-{n:02d}", text)
        text = re.sub(r"(?m)^title:\s*(.+)$", lambda m: f"title: {m.group(1)} ({n})", text)
        meta.write_text(text, encoding="utf-8")
    return dest


def twenty_packs(work: Path, packs: int = PACKS) -> Path:
    """Build and install ``packs`` packs into ``work/data``; return the data folder."""
    data = work / "data"
    sources = [s for s in SOURCES if s.is_dir()]
    if not sources:
        raise SystemExit("no pack sources found (tests/data/real-courses or content_packs)")
    with Installation(data) as inst, tempfile.TemporaryDirectory(dir=work) as tmp:
        for n in range(packs):
            src = sources[n % len(sources)]
            copy = _copy_as(src, Path(tmp) / f"{src.name}-{n:02d}", n)
            out = Path(tmp) / f"{n:02d}.hubpack"
            build_pack(copy, out)
            inst.packs.install(out)
        for name in ("Amina", "Joseph", "Fatou", "Kofi", "Grace"):
            inst.learners.add(name)
        assert len(inst.packs.list()) == packs
    return data
