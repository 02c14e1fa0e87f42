"""The facilitator's console through the real widgets, against the hand-computed fixture."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from hubdesk.core.installation import Installation
from tests.core.reports_util import NOW, story
from tests.ui.conftest import screenshot, sign_in_facilitator


def test_console_shows_grid_needs_help_questions_and_saves(
    qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path
) -> None:
    ids = story(inst, tmp_path)
    window = make_window(inst)
    window.resize(1024, 600)
    shell = sign_in_facilitator(window, "Esther")
    shell.show_manage()
    manage = shell.extra_pages["manage"]
    assert manage.console_button.isVisible()
    screenshot(window, tmp_path / "facilitator-page.png")
    manage.console_button.click()
    page = shell.extra_pages["console"]
    page.ctx.inst.reports.now = lambda: NOW
    with qtbot.waitSignals([page.grid_shown, page.details_shown], timeout=10_000):
        page.load()
    model = page.model
    assert model.rowCount() == 3  # Amina, Kofi, Zola: every learner, no facilitator
    names = [model.data(model.index(r, 0)) for r in range(3)]
    assert names == ["Amina", "Kofi", "Zola"]
    assert model.data(model.index(0, 1)) == "1/3"
    assert model.data(model.index(0, 3)) == "✓½"  # counting: done, quiz practised
    assert model.data(model.index(2, 3)) == ""  # Zola: nothing yet
    assert "Has been on “Counting money” for 9 days" in page.help_list.item(0).text() or any(
        "Counting money" in page.help_list.item(i).text() for i in range(page.help_list.count())
    )
    assert page.help_list.count() == 2
    assert page.questions.data(page.questions.index(0, 0)) == "50%"
    page.tabs.setCurrentIndex(0)
    screenshot(window, tmp_path / "console-grid.png")
    page.tabs.setCurrentIndex(1)
    screenshot(window, tmp_path / "console-needs-help.png")
    # one learner's days from a double-click
    page.show_learner(ids["Amina"])
    qtbot.waitUntil(lambda: page.timeline_list.count() == 2, timeout=5000)
    assert "finished “Counting money”" in page.timeline_list.item(1).text()
    # CSV and PDF
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.export_csv(target)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert {r["learner"] for r in rows} == {"Amina", "Kofi", "Zola"} and len(rows) == 9
    pdf = tmp_path / "month.pdf"
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.print_report(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    # a filter: the period of the last 7 days leaves Amina with nothing done
    page.period.setCurrentIndex(page.period.findData(7))
    with qtbot.waitSignal(page.grid_shown, timeout=10_000):
        page.load()
    assert model.data(model.index(0, 1)) == "0/3"
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Counting money"
