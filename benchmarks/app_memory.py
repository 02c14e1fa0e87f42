"""Resident memory of the learner app after opening ten lessons, with 20 packs installed.

A fresh process starts the app as ``hubdesk`` does, a learner signs in and opens ten lessons from
different packs (each rendered and shown in the reader, images and all); then the resident set
size is read with psutil. A bare ``QApplication`` + ``QMainWindow`` is measured the same way as
the floor. Goal (issue 3): at most 150 MB. Usage: ``python benchmarks/app_memory.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.app_data import twenty_packs

REFERENCE = "bare PySide6 window 54 MB · Kolibri server 106 MB idle (+ a browser) · Anki 800 MB · goal ≤ 150 MB"
LESSONS = 10

BARE = """
import json, psutil
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1180, 760); w.show(); app.processEvents(); w.grab()
print(json.dumps({"rss": psutil.Process().memory_info().rss}))
"""

APP = """
import json, sys, psutil
from PySide6.QtCore import QTimer
from hubdesk.cli.context import Context
from hubdesk.app import application, create_window
app = application()
ctx = Context(sys.argv[1])
window = create_window(ctx.inst)
window.show(); app.processEvents()
window.sign_in(ctx.inst.learners.all()[0])
shell = window.shell
packs = ctx.inst.packs.list()
opened = []
for i in range(int(sys.argv[2])):
    pack = packs[i % len(packs)]
    lesson = pack.lessons[(i // len(packs) + 2) % len(pack.lessons)]
    shell.open_lesson(pack.id, lesson.id)
    app.processEvents(); window.grab()
    opened.append(shell.reader.lesson.id)
rss = psutil.Process().memory_info().rss
print(json.dumps({"rss": rss, "opened": len(opened), "packs": len(packs)}))
"""


def measure(code: str, *args: str) -> dict[str, int]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the measured process failed: {out.stderr.strip()[-2000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        print("installing 20 packs…", flush=True)
        data = twenty_packs(Path(tmp))
        bare = measure(BARE)
        app = measure(APP, str(data), str(LESSONS))
    mb = 1024 * 1024
    print(f"bare QApplication + QMainWindow            : {bare['rss'] / mb:6.1f} MB")
    print(f"hubdesk, {app['packs']} packs, {app['opened']} lessons opened       : {app['rss'] / mb:6.1f} MB")
    print(f"goal ≤ 150 MB: {'MET' if app['rss'] <= 150 * mb else 'NOT MET'}")
    print(f"reference: {REFERENCE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
