"""The Qt binding itself: a PySide6 with a reference-counting bug in emit() crashes the app.

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``True`` at every ``emit()`` called
from Python; after a few hundred emits ``True`` is freed and the interpreter aborts ("deallocating
True or False"). pyproject.toml excludes that release; this test catches the next one like it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    said = Signal(float)
    done = Signal()


def test_emitting_signals_from_python_keeps_reference_counts() -> None:
    emitter = _Emitter()
    heard: list[float] = []
    emitter.said.connect(heard.append)
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(50):
        emitter.said.emit(0.5)
        emitter.done.emit()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert len(heard) == 50
    assert after[0] >= before[0] - 5, f"emit() leaks references to True: {before} -> {after}"
    assert after[2] >= before[2] - 5, f"emit() leaks references to None: {before} -> {after}"
