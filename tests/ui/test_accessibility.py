"""Screen readers: every interactive widget on every screen and dialog has an accessible name.

The test walks Qt's accessibility tree (what AT-SPI hands to Orca), not the widgets, over the same
tour as the small-screen audit, so screens and dialogs added later are walked too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

from benchmarks.screen_matrix import populate
from benchmarks.screen_tour import tour
from hubdesk.core.installation import Installation

Role = QAccessible.Role
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.List,
    Role.Tree,
    Role.Table,
    Role.Slider,
    Role.PageTab,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.Link,
}


def unnamed(iface: QAccessibleInterface | None, where: str, depth: int = 0) -> list[str]:
    """Interactive, visible nodes under ``iface`` with no name (and no label pointing at them)."""
    if iface is None or not iface.isValid() or depth > 60:
        return []
    state = iface.state()
    if state.invisible:
        return []
    found = []
    if iface.role() in INTERACTIVE and not iface.text(QAccessible.Text.Name).strip():
        obj = iface.object()
        found.append(f"{where}: {iface.role().name} {type(obj).__name__} {getattr(obj, 'objectName', lambda: '')()!r}")
    for i in range(iface.childCount()):
        found += unnamed(iface.child(i), where, depth + 1)
    return found


def test_every_interactive_widget_has_an_accessible_name(
    qtbot: Any, tmp_path: Path, inst: Installation, make_window: Any
) -> None:
    populate(inst, tmp_path)
    window = make_window(inst)
    problems: list[str] = []
    visited = 0
    for name, shown in tour(window):
        assert isinstance(shown, QWidget)
        problems += unnamed(QAccessible.queryAccessibleInterface(shown), name)
        visited += 1
    assert visited > 20
    assert not problems, f"{len(problems)} unnamed:\n" + "\n".join(sorted(set(problems)))
