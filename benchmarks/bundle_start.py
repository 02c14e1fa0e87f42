"""Issue 14's figures: the bundle's size beside the venv's, the .deb's size, and the start to the sign-in
screen of the bundle beside the start from the venv, in the same run.

    bash packaging/build-bundle.sh            # first
    .venv/bin/python benchmarks/bundle_start.py [--runs 5] [--tarball dist/...tar.gz] [--deb dist/...deb]

Each start: a fresh data folder, a private Xvfb, the clock from launching the program to the moment
xdotool sees a visible "HubDesk" window (polled every 20 ms). Runs alternate bundle and venv so both
see the same machine load; the first of each is reported apart (colder page cache), then the median
of the rest. Needs Xvfb and xdotool (packaging/setup.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import hubdesk

ROOT = Path(__file__).resolve().parents[1]


def du_mb(path: Path) -> float:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() or f.is_symlink()) / 2**20


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        return xvfb, f":{fh.readline().strip()}"


def time_to_window(cmd: list[str], display: str, env: dict[str, str], data: Path) -> float:
    t0 = time.perf_counter()
    log = data.with_suffix(".log")
    with open(log, "wb") as out:
        app = subprocess.Popen([*cmd, "--data-dir", str(data)], env={**env, "DISPLAY": display}, cwd="/",
                               stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "^HubDesk$"],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
            )
            if found.stdout.strip():
                return time.perf_counter() - t0
            if app.poll() is not None or time.perf_counter() - t0 > 60:
                said = log.read_text(errors="replace")[-800:]
                raise RuntimeError(f"{cmd[0]} showed no window (exit {app.returncode}): {said}")
            time.sleep(0.02)
    finally:
        app.terminate()
        app.wait(20)


def main() -> int:
    version = hubdesk.__version__
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tarball", type=Path, default=ROOT / "dist" / f"hubdesk-{version}-linux-x86_64.tar.gz")
    parser.add_argument("--deb", type=Path, default=ROOT / "dist" / f"hubdesk_{version}_amd64.deb")
    args = parser.parse_args()
    venv_exe = Path(sys.prefix) / "bin" / "hubdesk"
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp_name:
        tmp = Path(tmp_name)
        with tarfile.open(args.tarball) as tf:
            tf.extractall(tmp / "unpacked", filter="tar")
        (bundle,) = (tmp / "unpacked").iterdir()
        packed = args.tarball.stat().st_size / 2**20
        print(f"bundle unpacked: {du_mb(bundle):.0f} MB (goal <= 170); tarball {packed:.0f} MB")
        if args.deb.is_file():
            print(f".deb: {args.deb.stat().st_size / 2**20:.0f} MB")
        print(f"dev venv {sys.prefix}: {du_mb(Path(sys.prefix)):.0f} MB (with the test tools)")
        build_venv = ROOT / "build" / "bundle-venv"
        if build_venv.is_dir():
            print(f"build venv {build_venv}: {du_mb(build_venv):.0f} MB (runtime dependencies and PyInstaller)")
        xvfb, display = start_xvfb()
        clean = {"HOME": str(tmp / "home"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        times: dict[str, list[float]] = {"bundle": [], "venv": []}
        try:
            for i in range(args.runs):
                for name, cmd, env in (
                    ("bundle", [str(bundle / "hubdesk")], clean),
                    ("venv", [str(venv_exe)], {**clean, "PATH": f"{venv_exe.parent}:/usr/bin:/bin"}),
                ):
                    times[name].append(time_to_window(cmd, display, env, tmp / f"data-{name}-{i}"))
        finally:
            xvfb.terminate()
            xvfb.wait(10)
    for name, ts in times.items():
        rest = ts[1:] or ts
        print(
            f"start to the sign-in window, {name}: first {ts[0]:.2f} s, median of the next {len(rest)} "
            f"{statistics.median(rest):.2f} s (all: {', '.join(f'{t:.2f}' for t in ts)})"
        )
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1, 5, 15 min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
