"""Every screen and dialog at every screen size, scale and shipped language: what does not fit?

Each (size, scale) runs in its own process with Qt's offscreen platform set to a screen of that size
(``QT_SCALE_FACTOR`` for 150%: a 1366x768 screen is then 911x512 logical pixels), over one
installation with the sample packs and learners with pictures, a PIN, a password and a long name.
It prints every problem the audit of ``screen_tour`` finds and saves a PNG of each screen.

    python benchmarks/screen_matrix.py [--out DIR] [--sizes 1024x600,1366x768] [--scales 1,1.5] [--text 200]

``--text 200`` runs it with the interface text at 200% and high contrast, as set in the settings.

Exit status 1 when anything is clipped, elided or off screen.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZES = ["1024x600", "1280x720", "1366x768", "1920x1080"]
SCALES = ["1", "1.5"]
PACKS = ["digital-literacy", "calcul-au-quotidien"]
LEARNERS = [
    ("Grace", {"role": "facilitator", "password": "kettle-rain"}),
    ("Amina", {"pictures": [0, 4, 8]}),
    ("Joseph", {"pin": "4821"}),
    ("Nomvula Thandeka", {}),  # wraps to two lines on its tile
    ("Kofi", {}),
]


def prepare(data_dir: Path) -> None:
    """An installation with the sample packs and learners of every kind (once per matrix)."""
    sys.path.insert(0, str(ROOT))
    from hubdesk.core.installation import Installation

    inst = Installation(data_dir)
    try:
        populate(inst, data_dir.parent)
    finally:
        inst.close()


def populate(inst: Any, work: Path) -> None:
    """Install the sample packs (built in ``work``) and add the tour's learners."""
    from hubdesk.core.packs import build_pack

    for name in PACKS:
        built = work / f"{name}.hubpack"
        build_pack(ROOT / "content_packs" / name, built)
        inst.packs.install(built)
    for name, kwargs in LEARNERS:
        inst.learners.add(name, **kwargs)
    inst.store.meta_set("peer.host", "127.0.0.1")  # the study-group page's node: loopback only
    inst.store.meta_set("peer.port", "0")


def screen_env(size: str, scale: str, config_dir: Path) -> dict[str, str]:
    """Environment for a Qt process whose only screen is ``size`` physical pixels at ``scale``."""
    width, height = (int(v) for v in size.split("x"))
    config = config_dir / f"screen-{size}.json"
    screen = {
        "name": size,
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    config.write_text(json.dumps({"screens": [screen]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = scale
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    return env


def run_one(data_dir: Path, languages: list[str], out: Path | None, text_scale: int = 100) -> list[str]:
    """In this process (its screen already set): the tour in each language; the problems found."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.screen_tour import audit, tour
    from hubdesk.app import create_window
    from hubdesk.core.installation import Installation
    from hubdesk.ui.fitting import fit_window

    problems: list[str] = []
    inst = Installation(data_dir)
    window = create_window(inst, sample_packs=None, usb_roots=[])
    window.ctx.settings.text_scale = text_scale
    window.ctx.settings.high_contrast = text_scale > 100  # the two settings a person who sees poorly picks
    window.apply_look()
    try:
        for language in languages:
            window.ctx.settings.language = language
            window.retranslate()
            fit_window(window, window.preferred_size())
            window.show()
            for name, shown in tour(window, out, f"{language}-"):
                problems += [f"{language} {name}: {p}" for p in audit(shown)]
    finally:
        window.ctx.settings.language = "en"
        window.ctx.settings.text_scale = 100
        window.ctx.settings.high_contrast = False
        window.close()
        window.ctx.workers.wait()
        inst.close()
    return problems


def child(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    room = app.primaryScreen().availableGeometry()  # type: ignore[union-attr]
    out = Path(args.out) if args.out else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    problems = run_one(Path(args.data), args.languages.split(","), out, int(args.text))
    print(json.dumps({"logical": f"{room.width()}x{room.height()}", "problems": problems}))
    return 0


def matrix(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="screen-matrix-"))
    data = work / "data"
    prepare(data)
    out = Path(args.out) if args.out else work / "shots"
    failed = 0
    for size in args.sizes.split(","):
        for scale in args.scales.split(","):
            started = time.perf_counter()
            env = screen_env(size, scale, work)
            shots = out / f"{size}@{scale}"
            cmd = [
                sys.executable,
                __file__,
                "--child",
                "--data",
                str(data),
                "--out",
                str(shots),
                "--languages",
                args.languages,
                "--text",
                args.text,
            ]
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
            lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
            if done.returncode != 0 or not lines:
                print(f"{size} at {scale}x: the run failed\n{done.stderr[-2000:]}")
                failed += 1
                continue
            result = json.loads(lines[-1])
            took = time.perf_counter() - started
            print(
                f"{size} at {float(scale):.0%} (logical {result['logical']}): "
                f"{len(result['problems'])} problem(s), {took:.1f} s, screenshots in {shots}"
            )
            for problem in result["problems"]:
                print(f"    {problem}")
            failed += bool(result["problems"])
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--scales", default=",".join(SCALES))
    parser.add_argument("--languages", default="en,fr,sw,ar")
    parser.add_argument("--out", default="")
    parser.add_argument("--text", default="100", help="text size in percent (above 100: with high contrast)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return child(args) if args.child else matrix(args)


if __name__ == "__main__":
    raise SystemExit(main())
