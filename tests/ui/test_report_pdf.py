"""The monthly report through Qt's PDF writer: one page, not blank, in the interface language."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from hubdesk.core.installation import Installation
from hubdesk.core.reports import day_of
from hubdesk.ui.report_pdf import MonthlyReportPdf, write_monthly_pdf
from tests.core.reports_util import NOW, story


def test_monthly_pdf_renders_one_page(qtbot: Any, inst: Installation, tmp_path: Path) -> None:
    story(inst, tmp_path)
    month = day_of(int((NOW - 86_400) * 1000))[:7]  # the month of Kofi's last visit
    report = inst.reports.monthly("Kibera Youth Centre", month)
    assert report.learners == 3 and "Kofi" in [n.name for n in report.needs_help]
    pdf = tmp_path / "report.pdf"
    assert write_monthly_pdf(report, pdf) == 1
    assert pdf.read_bytes().startswith(b"%PDF")
    french = MonthlyReportPdf("fr").html(report)
    assert "Kibera Youth Centre" in french
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
        )
        [png] = tmp_path.glob("page*.png")
        image = QImage(str(png))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 3, "the PDF's first page is blank"
