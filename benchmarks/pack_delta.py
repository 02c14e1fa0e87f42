"""Pack deltas: a ~1 GB pack whose new version changes one lesson, sent as a delta beside the whole pack.

The figure of the issue "Courses from where they already are": bytes of the delta against the
full pack (goal <= 1%), and the time to install it over the installed base beside a full install
of the new version (both fully verified, both through ``hubdesk pack install`` with process start
and a ``sync``). The two installed trees are compared file by file (they must be identical).

    python benchmarks/pack_delta.py [--rounds 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.install_speed import HUBDESK, make_source
from hubdesk.core.packs import build_pack, make_delta


def tree(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h = hashlib.sha256()
            with open(p, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
            out[p.relative_to(root).as_posix()] = h.hexdigest()
    return out


def install(data: Path, pack: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([*HUBDESK, "--data-dir", str(data), "pack", "install", str(pack)], check=True, capture_output=True)
    subprocess.run(["sync"], check=True)
    return time.perf_counter() - t0


def live_dir(data: Path) -> Path:
    return next(p for p in (data / "packs" / "bench").iterdir() if p.is_dir())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hubdesk-delta-", dir=args.work))
    try:
        src = work / "src"
        make_source(src)
        v1, v2 = work / "v1.hubpack", work / "v2.hubpack"
        build_pack(src, v1)
        (src / "pack.yaml").write_text((src / "pack.yaml").read_text().replace("version: 1.0.0", "version: 1.1.0"))
        with open(src / "lessons" / "zz-bench-007.md", "a") as fh:
            fh.write("\n\nA paragraph added in version 1.1.0.\n")
        build_pack(src, v2)
        delta = work / "v1-to-v2.hubdelta"
        t0 = time.perf_counter()
        make_delta(v1, v2, delta)
        made = time.perf_counter() - t0
        full_size, delta_size = v2.stat().st_size, delta.stat().st_size
        install(work / "warm", v2)  # warm-up: caches, Python start-up
        shutil.rmtree(work / "warm")
        fulls, deltas = [], []
        for i in range(args.rounds):
            a, b = work / f"full{i}", work / f"delta{i}"
            fulls.append(install(a, v2))
            install(b, v1)
            deltas.append(install(b, delta))
            if i == 0 and tree(live_dir(a)) != tree(live_dir(b)):
                sys.exit("the tree installed from the delta differs from the full install")
            shutil.rmtree(a)
            shutil.rmtree(b)
        share = 100 * delta_size / full_size
        print(f"full pack {full_size / 1e6:.1f} MB; delta {delta_size:,} bytes = {share:.4f}% of it")
        print(f"delta made in {made:.1f} s at publish")
        print(
            f"install, median of {args.rounds}: delta {statistics.median(deltas):.2f} s, "
            f"full {statistics.median(fulls):.2f} s (trees identical)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
