"""Python's cyclic collector never runs on a pool thread while a task runs (it would free widgets there)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtWidgets import QApplication

from hubdesk.ui.workers import Task, Workers


def test_collection_pauses_while_tasks_run_and_resumes_after(qtbot: Any) -> None:
    workers = Workers(parent=QApplication.instance())
    gate = threading.Event()
    seen: list[bool] = []

    def slow() -> None:
        seen.append(gc.isenabled())
        gate.wait(10)
        seen.append(gc.isenabled())

    assert gc.isenabled()
    tasks = [workers.start(Task(slow)), workers.start(Task(slow))]
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    with qtbot.waitSignals([t.signals.finished for t in tasks], timeout=5000):
        gate.set()
    assert seen == [False, False, False, False]
    qtbot.waitUntil(gc.isenabled, timeout=5000)  # the last task to end resumes it


def test_results_in_flight_at_shutdown_reach_nobody(qtbot: Any) -> None:
    """A window closing drops what its tasks still send: their data may be closed by then."""
    workers = Workers(parent=QApplication.instance())
    got: list[object] = []
    task = workers.run(lambda: 42, on_done=got.append, on_failed=got.append)
    assert workers.shutdown(5000)
    qtbot.wait(200)  # the queued "done" is processed here, after the shutdown
    assert got == []
    assert task.signals is not None
    live = Workers(parent=QApplication.instance())
    with qtbot.waitSignal(live.run(lambda: 7, on_done=got.append).signals.finished, timeout=5000):
        pass
    assert got == [7]
