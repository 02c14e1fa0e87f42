"""Cold start and memory of the app in Arabic (mirrored) and at 200% text with high contrast,
beside English at 100%, in the same run (issue 10).

Same measures as ``app_startup.py`` (spawn to the first paint of the sign-in screen, 20 packs) and
``app_memory.py`` (resident memory after ten lessons), with the PC's settings set to each look before
the runs; the runs of the three looks are interleaved so machine load falls on all of them alike.
Usage: ``python benchmarks/app_looks.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.app_data import twenty_packs
from benchmarks.app_memory import APP, LESSONS, measure
from benchmarks.app_startup import HUBDESK, time_once

LOOKS = [("English, 100%", "en", 100), ("Arabic, 100%", "ar", 100), ("English, 200% + contrast", "en", 200)]


def set_look(data: Path, language: str, text_scale: int) -> None:
    from hubdesk.core.installation import Installation
    from hubdesk.ui.app_settings import AppSettings

    inst = Installation(data)
    try:
        settings = AppSettings(inst.store)
        settings.language = language
        settings.text_scale = text_scale
        settings.high_contrast = text_scale > 100
    finally:
        inst.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    starts: dict[str, list[float]] = {name: [] for name, _, _ in LOOKS}
    memory: dict[str, list[int]] = {name: [] for name, _, _ in LOOKS}
    with tempfile.TemporaryDirectory() as tmp:
        print("installing 20 packs…", flush=True)
        data = twenty_packs(Path(tmp))
        time_once(HUBDESK, str(data))  # warm the OS file cache
        for _ in range(args.runs):
            for name, language, scale in LOOKS:
                set_look(data, language, scale)
                starts[name].append(time_once(HUBDESK, str(data))[0])
        for name, language, scale in LOOKS:
            set_look(data, language, scale)
            memory[name].append(measure(APP, str(data), str(LESSONS))["rss"])
        set_look(data, "en", 100)
    load = os.getloadavg()
    for name, _, _ in LOOKS:
        s = starts[name]
        print(
            f"{name:26s}: cold start median {statistics.median(s):.3f} s (min {min(s):.3f}, max {max(s):.3f}); "
            f"memory after {LESSONS} lessons {memory[name][0] / 2**20:.0f} MB"
        )
    print(f"load average while measuring: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
