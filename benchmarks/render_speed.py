"""Render speed: Markdown to sanitised HTML for real lessons; the issue's goal is a median <= 20 ms.

Renders every shell-novice episode (long Carpentries lessons, 180-1100 lines) and every lesson of
the sample packs in ``content_packs/``, 15 times each after a warm-up, and prints the median per
lesson and over all of them.

    python benchmarks/render_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from hubdesk.core.render import render_markdown

ROOT = Path(__file__).resolve().parents[1]
SHELL = ROOT / "tests" / "data" / "real-courses" / "shell-novice" / "episodes"
GOAL_MS = 20.0


def lessons() -> list[tuple[str, Path]]:
    found = [("shell-novice", p) for p in sorted(SHELL.glob("*.md"))]
    for pack in sorted((ROOT / "content_packs").glob("*/")):
        found += [(pack.name, p) for p in sorted(pack.rglob("*.md"))]
    return found


def main() -> int:
    rows = []
    for group, path in lessons():
        text = path.read_text(encoding="utf-8")
        render_markdown(text, path=path.name)
        times = []
        for _ in range(15):
            t0 = time.perf_counter()
            render_markdown(text, path=path.name)
            times.append((time.perf_counter() - t0) * 1000)
        rows.append((group, path.name, text.count("\n"), statistics.median(times)))
    if not rows:
        print("no lessons found")
        return 1
    for group, name, lines, ms in rows:
        print(f"  {group:<22} {name:<34} {lines:5} lines  {ms:6.1f} ms")
    overall = statistics.median(ms for *_, ms in rows)
    shell = [ms for g, *_, ms in rows if g == "shell-novice"]
    print(f"\nmedian render time over {len(rows)} lessons: {overall:.1f} ms   (goal <= {GOAL_MS:.0f} ms)")
    if shell:
        print(f"median over the {len(shell)} shell-novice episodes alone: {statistics.median(shell):.1f} ms")
    return 0 if overall <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
