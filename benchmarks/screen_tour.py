"""Visit every screen and dialog of the app on one screen size, and audit what a person would see.

The audit is generic over widgets: any visible label, button, field or combo whose text does not fit
(clipped, or a name elided on a sign-in tile), any widget outside its window (unless a scroll area
holds it), and any window or dialog larger than the screen with a window-manager frame. The tour
walks the screens the shell has at the time (every page of its stack, so pages others add are
visited too) and the dialogs. Used by ``tests/ui/test_small_screens.py`` (a representative set) and by
``benchmarks/screen_matrix.py`` (every size, scale and language).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hubdesk.ui.fitting import FRAME_GUESS, room_for

SLACK = 1  # rounding of fractional scales


def _in_scroller(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():  # type: ignore[union-attr]
            return True
        parent = parent.parentWidget()
    return False


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    inner = label.contentsRect()
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            return f"label {text[:40]!r} needs {need} px of height, has {label.height()}"
        return None
    hint = label.minimumSizeHint()
    if hint.width() > label.width() + SLACK and inner.width() > 0:
        return f"label {text[:40]!r} is clipped: needs {hint.width()} px, has {label.width()}"
    return None


def _widget_problem(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        return _label_problem(widget)
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.sizeHint().width()
        if need > widget.width() + SLACK:
            return f"button {widget.text()[:40]!r} is clipped: needs {need} px, has {widget.width()}"
    if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
        need = widget.fontMetrics().horizontalAdvance(widget.placeholderText()) + 20
        if need > widget.width() + SLACK:
            return f"placeholder {widget.placeholderText()[:40]!r} is cut off: needs {need} px, has {widget.width()}"
    if isinstance(widget, QComboBox) and widget.currentText():
        opt = QStyleOptionComboBox()
        widget.initStyleOption(opt)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
        need = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if need > field.width() + SLACK:
            return f"choice {widget.currentText()[:40]!r} is cut off: needs {need} px, has {field.width()}"
    lines = getattr(widget, "name_lines", None)
    if callable(lines) and any(line.endswith("…") for line in lines()):
        return f"tile name {widget.accessibleName()!r} is elided"
    return None


def audit(window: QWidget) -> list[str]:
    """What a person would find wrong in ``window`` on its screen: clipped text, things out of reach."""
    QApplication.processEvents()
    found: list[str] = []
    room = room_for(window)
    frame = window.frameGeometry()
    if frame == window.geometry():  # no window manager here: count the frame one would add
        frame = window.geometry().marginsAdded(FRAME_GUESS)
    if not room.contains(frame):
        found.append(
            f"{window.objectName() or type(window).__name__} is {frame.width()}x{frame.height()} "
            f"with its frame, the screen has {room.width()}x{room.height()}"
        )
    for scroller in window.findChildren(QScrollArea):
        bar = scroller.horizontalScrollBar()
        if scroller.isVisible() and bar.isVisible() and bar.maximum() > SLACK:
            found.append(
                f"{_describe(scroller.widget()) or type(scroller.widget()).__name__} scrolls sideways "
                f"by {bar.maximum()} px"
            )
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not bounds.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(where) and not _in_scroller(widget, window):
            found.append(f"{type(widget).__name__} {_describe(widget)!r} is outside its window at {where.getRect()}")
        problem = _widget_problem(widget)
        if problem:
            found.append(problem)
    return found


def _describe(widget: QWidget) -> str:
    for attr in ("text", "placeholderText", "accessibleName"):
        value = getattr(widget, attr, None)
        if callable(value) and value():
            return str(value())[:40]
    return widget.objectName()


def shot(widget: QWidget, path: Path | None) -> None:
    if path is not None:
        QApplication.processEvents()
        widget.grab().save(str(path))


def tour(window: Any, out: Path | None = None, prefix: str = "") -> Iterator[tuple[str, QWidget]]:
    """Show each screen and dialog in turn; yields (name, the window showing it) after it is laid out."""
    inst = window.ctx.inst

    def seen(name: str, widget: QWidget) -> tuple[str, QWidget]:
        QApplication.processEvents()
        shot(widget, out / f"{prefix}{name}.png" if out else None)
        return name, widget

    window.signin.refresh()
    yield seen("sign-in", window)
    for learner in inst.learners.all():
        for kind in sorted(learner.secrets):
            window.signin.choose(learner)
            window.signin._show_pad(kind)
            yield seen(f"sign-in-{kind}", window)
    window.signin.show_tiles()
    facilitator = next(lr for lr in inst.learners.all() if lr.is_facilitator)
    window.sign_in(facilitator)
    shell = window.shell
    pack = inst.packs.list()[0]
    lesson = pack.lessons[0].id
    steps: list[tuple[str, Callable[[], object]]] = [
        ("library", shell.show_library),
        ("course", lambda: shell.open_pack(pack.id)),
        ("lesson", lambda: shell.open_lesson(pack.id, lesson)),
        ("notes", lambda: shell.reader.notes_toggle.setChecked(True)),
        ("quiz", lambda: shell.open_quiz(pack.id, next(ls.id for ls in pack.lessons if ls.quiz_path))),
        ("progress", shell.show_progress),
        ("group", shell.show_group),
        ("facilitator", shell.show_manage),
    ]
    for name, step in steps:
        step()
        yield seen(name, window)
    for index in range(shell.body.count()):  # every page the shell has, those added later too
        page = shell.body.widget(index)
        shell.body.setCurrentWidget(page)
        yield seen(f"page-{index}-{type(page).__name__}", window)
    yield from _dialogs(window, shell, seen)
    window.sign_out()


def _dialogs(window: Any, shell: Any, seen: Callable[[str, QWidget], tuple[str, QWidget]]) -> Iterator[Any]:
    from hubdesk.ui.add_pack import AddPackDialog
    from hubdesk.ui.learner_dialogs import LearnerDialog
    from hubdesk.ui.reader import WebLinkDialog
    from hubdesk.ui.settings_dialog import SettingsDialog

    inst = window.ctx.inst
    amina = next(lr for lr in inst.learners.all() if "pictures" in lr.secrets)
    made: list[tuple[str, QDialog, Callable[[QDialog], object] | None]] = [
        ("add-learner", LearnerDialog(window.ctx, window), None),
        (
            "add-learner-pictures",
            LearnerDialog(window.ctx, window),
            lambda d: d.method.setCurrentIndex(d.method.findData("pictures")),
        ),  # type: ignore[attr-defined]
        (
            "add-learner-pin",
            LearnerDialog(window.ctx, window),
            lambda d: d.method.setCurrentIndex(d.method.findData("pin")),
        ),  # type: ignore[attr-defined]
        ("reset-pictures", LearnerDialog(window.ctx, window, learner=amina), None),
        ("first-facilitator", LearnerDialog(window.ctx, window, first=True), None),
        ("settings", SettingsDialog(window.ctx.settings, facilitator=True, parent=window), None),
        ("add-pack", AddPackDialog(window.ctx, window), None),
        ("web-link", WebLinkDialog("https://example.org/a/long/address/of/a/page", window), None),
    ]
    for name, dialog, change in made:
        dialog.show()
        if change is not None:
            change(dialog)
        yield seen(f"dialog-{name}", dialog)
        dialog.reject()
        dialog.deleteLater()
