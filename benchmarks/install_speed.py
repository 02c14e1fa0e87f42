"""Install speed: a ~1 GB pack (400 small lessons + 11 x 90 MB media) against a plain ``cp``.

The figure of the Foundation issue: ``hubdesk pack install`` with full verification and process
start, at most 2.5x a ``cp`` of the same file on the same disk (Kolibri users report 10-20x).
Median of five rounds after a warm-up round, both timed side by side with a ``sync`` each, like
``shared/checks/install-speed``.

    python benchmarks/install_speed.py [--rounds 5] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUBDESK = [sys.executable, "-m", "hubdesk"]


def make_source(src: Path) -> None:
    rnd = random.Random(7)
    words = [f"word{i}" for i in range(5000)]
    dict_file = Path("/usr/share/dict/words")
    if dict_file.exists():
        words = [w.strip() for w in dict_file.read_text(errors="replace").splitlines() if w.strip()]
    lessons = src / "lessons"
    lessons.mkdir(parents=True)
    names = []
    for i in range(400):
        name = f"zz-bench-{i:03}.md"
        text = " ".join(rnd.choice(words) for _ in range(600))
        (lessons / name).write_text(f"---\ntitle: Bench lesson {i}\n---\n\n# Bench lesson {i}\n\n{text}\n")
        names.append(name)
    links = "\n".join(f"- [clip {i}](clip-{i}.mp4)" for i in range(11))
    (lessons / "zz-bench-media.md").write_text(f"---\ntitle: Bench media\n---\n\n# Media\n\n{links}\n")
    names.append("zz-bench-media.md")
    for i in range(11):
        with open(lessons / f"clip-{i}.mp4", "wb") as f:
            for _ in range(9):
                f.write(os.urandom(10 * 1024 * 1024))
    listed = "\n".join(f"  - lessons/{n}" for n in names)
    (src / "pack.yaml").write_text(f"id: bench\nversion: 1.0.0\ntitle: Bench\nlanguage: en\nlessons:\n{listed}\n")


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["sync"], check=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary folder)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hubdesk-bench-", dir=args.work))
    try:
        print("building a ~1 GB source and pack ...", flush=True)
        make_source(work / "src")
        pack = work / "big.hubpack"
        subprocess.run([*HUBDESK, "pack", "build", str(work / "src"), "-o", str(pack)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        shutil.rmtree(work / "src")
        size_mb = pack.stat().st_size / 1e6
        cps: list[float] = []
        installs: list[float] = []
        for i in range(args.rounds + 1):  # round 0 warms the cache for both and is not counted
            copy, data = work / "copy.hubpack", work / f"data{i}"
            subprocess.run(["sync"], check=True)
            c = timed(["cp", str(pack), str(copy)])
            copy.unlink()
            subprocess.run(["sync"], check=True)
            n = timed([*HUBDESK, "--data-dir", str(data), "pack", "install", str(pack)])
            shutil.rmtree(data)
            if i:
                cps.append(c)
                installs.append(n)
            load = os.getloadavg()[0]  # other work on the machine slows both, and not equally: say so
            warm = " (warm-up)" if not i else ""
            print(f"  round {i}{warm}: cp {c:.2f} s, install {n:.2f} s, load {load:.2f}", flush=True)
        c, n = statistics.median(cps), statistics.median(installs)
        print(f"\ninstall of a {size_mb:,.0f} MB pack, median of {args.rounds} rounds:")
        print(f"  cp (verifies nothing)           {c:6.2f} s   1.00x")
        print(
            f"  hubdesk pack install (verified) {n:6.2f} s   {n / c:.2f}x   goal <= 2.50x; Kolibri users report 10-20x"
        )
        return 0 if n / c <= 2.5 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
