"""Time from pressing "Read aloud" to the first audio samples espeak-ng produces (goal: at most 300 ms).

The lesson is the sample pack's first lesson, on screen in the real reader; each run presses the
button, waits for the first samples of the first sentence (``Speaker.first_samples``) and stops.
Usage: ``python benchmarks/read_aloud.py [--runs 9]``. Needs espeak-ng (packaging/setup.sh).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from benchmarks.screen_matrix import populate
    from hubdesk.app import create_window
    from hubdesk.core.installation import Installation
    from hubdesk.ui.speech import espeak_program

    if espeak_program() is None:
        print("espeak-ng is not installed: run packaging/setup.sh")
        return 1
    work = Path(tempfile.mkdtemp(prefix="read-aloud-"))
    inst = Installation(work / "data")
    populate(inst, work)
    window = create_window(inst, sample_packs=None, usb_roots=[])
    window.show()
    learner = next(lr for lr in inst.learners.all() if not lr.secrets)
    window.signin.choose(learner)
    pack = inst.packs.get("digital-literacy")
    window.shell.open_lesson(pack.id, pack.lessons[0].id)
    bar = window.shell.reader.read_aloud
    app = QApplication.instance()
    figures: list[float] = []
    got: list[float] = []

    def heard(_seconds: float) -> None:
        got.append(time.perf_counter())

    bar.speaker.first_samples.connect(heard)
    for _ in range(args.runs):
        got.clear()
        pressed = time.perf_counter()
        bar.read_button.click()
        while not got and time.perf_counter() - pressed < 5:
            app.processEvents()  # type: ignore[union-attr]
        figures.append(((got[0] if got else time.perf_counter()) - pressed) * 1000)
        bar.stop()
    window.close()
    window.ctx.workers.wait()
    inst.close()
    print(
        f"Read aloud -> first samples: median {statistics.median(figures):.0f} ms, "
        f"min {min(figures):.0f}, max {max(figures):.0f} over {len(figures)} runs (goal <= 300 ms)"
    )
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
