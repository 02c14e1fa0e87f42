"""Fixtures for the app tests: a real installation with real packs, a real window, offscreen Qt."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from hubdesk.core.installation import Installation
from hubdesk.core.learners import Learner
from hubdesk.core.packs import build_pack
from tests.conftest import CONTENT_PACKS, REAL_COURSES

PACK_SOURCES = {
    "digital-literacy": CONTENT_PACKS / "digital-literacy",
    "calcul-au-quotidien": CONTENT_PACKS / "calcul-au-quotidien",
    "shell-novice": REAL_COURSES / "shell-novice",
}


@pytest.fixture(scope="session")
def pack_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each test pack built once per session from the repository's sources."""
    out_dir = tmp_path_factory.mktemp("built-packs")
    built: dict[str, Path] = {}
    for name, src in PACK_SOURCES.items():
        if src.is_dir():
            built[name] = out_dir / f"{name}.hubpack"
            build_pack(src, built[name])
    return built


@pytest.fixture
def pack_file(pack_files: dict[str, Path]) -> Callable[[str], Path]:
    def get(name: str) -> Path:
        if name not in pack_files:
            pytest.skip(f"the sources of pack {name} are not in this checkout")
        return pack_files[name]

    return get


@pytest.fixture
def library(inst: Installation, pack_file: Callable[[str], Path]) -> Installation:
    """An installation with the digital-literacy sample pack installed."""
    inst.packs.install(pack_file("digital-literacy"))
    return inst


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    from hubdesk.app import create_window

    made: list[Any] = []

    def make(inst: Installation, **kwargs: Any) -> Any:
        kwargs.setdefault("sample_packs", None)
        kwargs.setdefault("usb_roots", [])
        window = create_window(inst, **kwargs)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.ctx.workers.wait()
        shiboken6.delete(window)  # destroyed here, on the GUI thread (see _collect_on_gui_thread)
    made.clear()


@pytest.fixture(autouse=True)
def _collect_on_gui_thread() -> Iterator[None]:
    """Collect each test's garbage on the GUI thread.

    Python's cyclic garbage collector runs on whichever thread happens to allocate; if it frees a
    widget left over from a test while a worker thread (search, install) is running, the widget's
    C++ destructor runs on that thread and Qt crashes. Collecting here, after every test, leaves the
    collector nothing of Qt's to free elsewhere.
    """
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def window(library: Installation, make_window: Callable[..., Any]) -> Any:
    return make_window(library)


def sign_in_directly(window: Any, learner: Learner) -> Any:
    """Sign in without a secret, as tapping the tile of a learner who has none does."""
    window.signin.choose(learner)
    assert window.shell is not None
    return window.shell


def sign_in_facilitator(window: Any, name: str = "Grace") -> Any:
    """A facilitator with a password, signed in as after typing it (the password check has its own tests)."""
    grace = window.ctx.inst.learners.add(name, role="facilitator", password="kettle-rain")
    window.signin.refresh()
    window.sign_in(grace)
    assert window.shell is not None
    return window.shell


def distinct_colours(image: QImage, step: int = 3) -> int:
    seen: set[int] = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def screenshot(widget: QWidget, path: Path) -> int:
    """Save a PNG of the widget as a person would see it; return how many colours it has."""
    for _ in range(3):  # let queued shows and layouts happen, as they would before a person sees the screen
        QApplication.processEvents()
    pixmap = widget.grab()
    assert pixmap.save(str(path)), f"could not save {path}"
    return distinct_colours(pixmap.toImage())
