"""Background work for the views: run a function on the thread pool, get its result on the GUI thread.

Like Anki's ``QueryOp``: the function runs off the GUI thread so the window never freezes; its
progress, result or error come back through queued signals, so callbacks may touch widgets. A task
that receives a ``progress`` callable may report ``(done, total)``; a ``threading.Event`` lets the
view cancel it. Errors stay exceptions here and become words in the view that shows them.
"""

from __future__ import annotations

import gc
import threading
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

RETIRED_KEPT = 32


class _NoCollectionOffGuiThread:
    """Keep Python's cyclic collector from running while a task runs on a pool thread.

    The collector runs on whichever thread happens to allocate; if it frees a widget (a view left
    in a reference cycle) while a task is rendering or indexing on a pool thread, that widget's C++
    destructor runs off the GUI thread and Qt crashes (seen as a segfault in ``gc`` under a worker).
    While any task runs, automatic collection is paused; when the last one ends it resumes, so the
    next collection happens on a thread that allocates outside the pool, normally the GUI thread.
    Reference counting frees everything not in a cycle meanwhile, as always.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._paused = False

    def __enter__(self) -> None:
        with self._lock:
            if self._running == 0 and gc.isenabled():
                gc.disable()
                self._paused = True
            self._running += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0 and self._paused:
                self._paused = False
                gc.enable()


_NO_COLLECTION = _NoCollectionOffGuiThread()


class TaskSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """One function call on the pool. ``fn(*args, progress=..., cancel=...)`` when asked for."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        with_progress: bool = False,
        with_cancel: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = TaskSignals()
        self.cancel_event = threading.Event()
        if with_progress:
            self.kwargs["progress"] = self._report
        if with_cancel:
            self.kwargs["cancel"] = self.cancel_event

    def _report(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            with _NO_COLLECTION:
                result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            exc.__dict__.setdefault("hubdesk_traceback", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        self.signals.finished.emit()


class Workers(QObject):
    """The app's pool; keeps each running task alive until it has finished."""

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()
        # Finished tasks are kept a while longer: the "finished" signal reaches the GUI thread while the
        # pool thread may still be returning from emit(); freeing the task's QObject then would crash.
        self._finished: deque[Task] = deque()
        self._closed = False  # after shutdown, results still in flight reach nobody (the data may be closed)

    def start(
        self,
        task: Task,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task.signals.setParent(self)  # owned by Qt from now on (see _retire)
        if on_done is not None:
            task.signals.done.connect(self._unless_closed(on_done))
        if on_failed is not None:
            task.signals.failed.connect(self._unless_closed(on_failed))
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        task.signals.finished.connect(lambda: self._retire(task))
        self._running.add(task)
        self.pool.start(task)
        return task

    def _unless_closed(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if not self._closed:
                fn(value)

        return deliver

    def _retire(self, task: Task) -> None:
        self._running.discard(task)
        self._finished.append(task)
        while len(self._finished) > RETIRED_KEPT:
            # Deleted by Qt on this (the GUI) thread, never by Python's garbage collector, which may run
            # on any thread: a QObject destroyed from a pool thread can crash the app.
            self._finished.popleft().signals.deleteLater()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """``fn(*args, **kwargs)`` on the pool; ``on_done(result)`` or ``on_failed(exc)`` on the GUI thread."""
        return self.start(Task(fn, *args, **kwargs), on_done, on_failed)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every running task to end (tests use it)."""
        return bool(self.pool.waitForDone(msecs))

    def shutdown(self, msecs: int = 30_000) -> bool:
        """On quit: ask every task to stop, then wait for them; what they still send is dropped."""
        self._closed = True
        for task in list(self._running):
            task.cancel()
        return self.wait(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
