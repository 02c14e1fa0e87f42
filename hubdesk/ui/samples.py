"""First start: build and install the sample packs shipped in the repository's ``content_packs/``.

Runs once per installation, in a worker, after the window is on screen, so the sign-in screen
appears at once and shows the progress in a line of text. Everything is local files: building a
pack from Markdown and installing it never touches the network. A checkout without
``content_packs/`` (an installed wheel) simply skips it.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

import hubdesk
from hubdesk.errors import Cancelled, HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.workers import Task


def default_sample_dir() -> Path | None:
    folder = Path(hubdesk.__file__).resolve().parents[1] / "content_packs"
    return folder if folder.is_dir() else None


def sample_sources(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return [
        d
        for d in sorted(folder.iterdir())
        if d.is_dir() and ((d / "pack.yaml").is_file() or (d / "config.yaml").is_file())
    ]


def install_samples(
    ctx: AppContext,
    folder: Path | None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[str] | None:
    """If the library is empty, build each sample folder into a pack file and install it.

    Returns the titles installed, or None when there was nothing to do (no samples, or packs are
    already installed). Even the check runs here, in the worker: listing twenty packs reads twenty
    manifests, which the window must not wait for.
    """
    from hubdesk.core.packs import build_pack

    sources = sample_sources(folder)
    if not sources or ctx.inst.packs.list():
        return None
    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="samples-", dir=ctx.inst.dirs.root) as tmp:
        for i, src in enumerate(sources):
            if cancel is not None and cancel.is_set():
                raise Cancelled("The sample courses were not installed.")
            if progress is not None:
                progress(i, len(sources))
            out = Path(tmp) / f"{src.name}.hubpack"
            try:
                build_pack(src, out)
                result = ctx.inst.packs.install(out, cancel=cancel)
            except Cancelled:
                raise
            except HubDeskError:
                continue  # one broken sample must not keep the others out
            done.append(result.title)
    if progress is not None:
        progress(len(sources), len(sources))
    return done


class SampleInstaller(QObject):
    status = Signal(str)
    progress = Signal(int, int)
    finished = Signal(list)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None

    def start(self) -> None:
        if self.ctx.settings.samples_offered:
            self.finished.emit([])
            return
        task = Task(install_samples, self.ctx, self.ctx.sample_packs, with_progress=True, with_cancel=True)
        self.task = self.ctx.workers.start(task, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)
        self.status.emit(
            self.tr("Getting the first courses ready… %1 of %2").replace("%1", str(done)).replace("%2", str(total))
        )

    def _done(self, titles: list[str] | None) -> None:
        self.task = None
        self.ctx.settings.mark_samples_offered()  # first start only: never again, whatever the library holds
        if titles is not None:
            self.progress.emit(1, 1)
            self.status.emit(self.tr("%n course(s) are ready.", "", len(titles)) if titles else "")
        self.finished.emit(titles or [])

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.emit(1, 1)
        if not isinstance(exc, Cancelled):
            self.status.emit(self.tr("The sample courses could not be installed: %1").replace("%1", str(exc)))
        self.finished.emit([])

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
