"""The facilitator console over a busy centre: 500 learners, 10 courses, a year of activity.

Prints, as medians of several runs (each on a freshly opened installation, so no Python-level
cache helps, though the OS file cache is warm as on a PC that is in use):

- **first screen**: from building the "My learners" page to the progress grid of the first course
  filled (the reports run in the app's worker, as in the app); goal (issue 12) <= 300 ms;
- **whole console**: to "needs help" and the hardest questions shown too;
- **CSV export**: every course, every learner, every lesson written to a file.

The data is made once (``_console_data.fill``, about a minute) and kept in
``$TMPDIR/hubdesk-bench-console-<learners>-<courses>``. Usage:
``python benchmarks/console_open.py [--learners 500] [--courses 10] [--runs 5]``.
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

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks._console_data import fill
from hubdesk.core.installation import Installation
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.console import ConsolePage
from hubdesk.ui.context import AppContext
from hubdesk.ui.workers import Workers


def data_dir(learners: int, courses: int) -> Path:
    d = Path(tempfile.gettempdir()) / f"hubdesk-bench-console-{learners}-{courses}"
    if not (d / "ready").exists():
        if d.exists():
            import shutil

            shutil.rmtree(d)
        t = time.perf_counter()
        with Installation(d) as inst:
            n = fill(inst, learners=learners, courses=courses)
        (d / "ready").write_text(str(n))
        print(f"made {n} events in {time.perf_counter() - t:.0f} s", flush=True)
    return d


def wait_for(signal: object, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def one_run(d: Path, app: QApplication, out: Path) -> tuple[float, float, float]:
    with Installation(d) as inst:
        workers = Workers(parent=app)
        ctx = AppContext(inst=inst, settings=AppSettings(inst.store), workers=workers, sample_packs=None)
        t0 = time.perf_counter()
        page = ConsolePage(ctx, inst.learners.all()[0])
        page.resize(1024, 560)
        page.show()
        shown = {"grid": 0.0, "details": 0.0}
        page.grid_shown.connect(lambda: shown.__setitem__("grid", time.perf_counter()))
        page.details_shown.connect(lambda: shown.__setitem__("details", time.perf_counter()))
        page.refresh()
        wait_for(page.details_shown)
        first, whole = shown["grid"] - t0, shown["details"] - t0
        t1 = time.perf_counter()
        page.export_csv(out)
        wait_for(page.saved)
        csv_s = time.perf_counter() - t1
        assert page.model.rowCount() > 0 and out.stat().st_size > 0
        workers.wait()
        page.close()
        page.deleteLater()
        app.processEvents()
        return first, whole, csv_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--learners", type=int, default=500)
    ap.add_argument("--courses", type=int, default=10)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    d = data_dir(args.learners, args.courses)
    app = QApplication.instance() or QApplication([])
    out = Path(tempfile.mkdtemp()) / "progress.csv"
    results = [one_run(d, app, out) for _ in range(args.runs)]  # type: ignore[arg-type]
    firsts, wholes, csvs = zip(*results, strict=True)
    with Installation(d) as inst:
        events = inst.log.count()
    lines = sum(1 for _ in out.open(encoding="utf-8")) - 1
    print(f"centre: {args.learners} learners, {args.courses} courses, {events} events over a year")
    print(f"first screen (grid of one course): median {statistics.median(firsts) * 1000:.0f} ms (goal <= 300 ms)")
    print(f"whole console (+ needs help, hardest questions): median {statistics.median(wholes) * 1000:.0f} ms")
    print(f"CSV export of every course ({lines} lines): median {statistics.median(csvs) * 1000:.0f} ms")
    print(f"runs: {args.runs}; load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
