"""Importing a Common Cartridge: a Canvas-shaped export of 50 pages and 10 quizzes (6 questions each).

The figure of the issue "Courses from where they already are": time of ``pack import-cc`` (the
API, without process start; median of the rounds), with the cartridge built the way Canvas
exports (see ``tests/core/cartridge_util.py``).

    python benchmarks/cartridge_import.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hubdesk.core.cartridge import import_cartridge
from tests.core.cartridge_util import canvas_files, write_zip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="hubdesk-cc-bench-") as tmp:
        cc = write_zip(Path(tmp) / "course.imscc", canvas_files(pages=50, quizzes=10))
        times = []
        for i in range(args.rounds + 1):
            t0 = time.perf_counter()
            report = import_cartridge(cc, Path(tmp) / f"out{i}.hubpack")
            if i:  # round 0 warms imports and caches
                times.append(time.perf_counter() - t0)
        print(
            f"Common Cartridge, {report.lessons} lessons ({report.quizzes} quizzes, {report.questions} questions): "
            f"import {statistics.median(times) * 1000:.0f} ms (median of {args.rounds}; min {min(times) * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
