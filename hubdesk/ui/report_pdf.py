"""The monthly report on one A4 page, written by Qt's own PDF writer in the interface language.

The console prints it from the app; ``hubdesk report pdf`` loads this module lazily and runs it
offscreen (no window, no display needed). The layout is an HTML table document so Qt does the
text shaping (accents, any script the fonts cover).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QMarginsF, QObject
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from hubdesk.core.reports import MonthlyReport, ReportError
from hubdesk.ui.report_words import ReportWords

if TYPE_CHECKING:
    from hubdesk.core.store import Store

_app: QGuiApplication | None = None  # made here only when no Qt application runs (the CLI)


def _ensure_app(language: str | None, store: Store | None) -> str | None:
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["hubdesk", "-platform", "offscreen"])
    if language is None and store is not None:
        from hubdesk.ui.app_settings import AppSettings

        language = AppSettings(store).language
    if language is not None:
        from hubdesk.ui.translations import Translations

        Translations().apply(language)
    return language


def write_monthly_pdf(
    report: MonthlyReport, path: Path, *, language: str | None = None, store: Store | None = None
) -> int:
    """Write ``report`` to ``path``; returns the number of pages. ``language`` None: as the app is."""
    language = _ensure_app(language, store)
    writer = MonthlyReportPdf(language)
    return writer.write(report, path)


def _h2(text: str) -> str:
    return f"<h2 style='font-size: 12pt; color: #1b4965;'>{html.escape(text)}</h2>"


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


class MonthlyReportPdf(QObject):
    def __init__(self, language: str | None = None) -> None:
        super().__init__()
        self.words = ReportWords()
        self.locale = QLocale(language) if language else QLocale()

    def html(self, r: MonthlyReport) -> str:
        e = html.escape
        locale = self.locale
        y, m = (int(x) for x in r.month.split("-"))
        month_name = locale.standaloneMonthName(m) + f" {y}"
        hours = self.words.minutes(r.minutes_in_month * 60)
        title = self.tr("Monthly report: %1").replace("%1", month_name)
        parts = [
            "<html><body style='font-family: DejaVu Sans, sans-serif; font-size: 9.5pt; color: #222;'>",
            f"<h1 style='font-size: 17pt; margin: 0; color: #1b4965;'>{e(r.centre[:1].upper() + r.centre[1:])}</h1>",
            f"<p style='font-size: 12pt; margin: 2px 0 10px 0;'>{e(title)}</p>",
            "<table width='100%' cellspacing='6' cellpadding='6'><tr>",
        ]
        for figure, label in (
            (str(r.learners), self.tr("learners in the centre")),
            (str(r.active), self.tr("came this month")),
            (str(r.finished_in_month), self.tr("lessons finished this month")),
            (hours, self.tr("spent learning this month")),
        ):
            parts.append(
                "<td width='25%' style='background-color: #e8f1f8;'>"
                f"<span style='font-size: 16pt; font-weight: bold; color: #1b4965;'>{e(figure)}</span><br/>"
                f"{e(label)}</td>"
            )
        parts.append("</tr></table>")
        parts.append(_h2(self.tr("Courses")))
        if r.courses:
            parts.append("<table width='100%' cellspacing='0' cellpadding='4' border='0'>")
            parts.append(
                "<tr style='background-color: #1b4965; color: white;'>"
                + "".join(
                    f"<th align='left'>{e(h)}</th>"
                    for h in (
                        self.tr("Course"),
                        self.tr("Started"),
                        self.tr("Came"),
                        self.tr("Lessons finished"),
                        self.tr("Time"),
                        self.tr("Average progress"),
                    )
                )
                + "</tr>"
            )
            for i, c in enumerate(r.courses):
                bg = "#f5f7fa" if i % 2 else "#ffffff"
                pct = round(c.average_done * 100)
                bar = (
                    "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                    f"<td width='{max(pct, 1)}%' style='background-color: #5fa8d3;'>&nbsp;</td>"
                    f"<td width='{max(100 - pct, 1)}%' style='background-color: #dde6ee;'>&nbsp;</td></tr></table>"
                )
                time_text = e(self.words.minutes(c.minutes_in_month * 60))
                parts.append(
                    f"<tr style='background-color: {bg};'><td>{e(c.title)}</td><td>{c.learners_started}</td>"
                    f"<td>{c.active}</td><td>{c.finished_in_month}</td><td>{time_text}</td>"
                    f"<td>{bar}{pct}%</td></tr>"
                )
            parts.append("</table>")
        else:
            parts.append(_p(self.tr("No course is installed yet.")))
        parts.append(_h2(self.tr("Who needs a visit")))
        titles = {c.course_id: c.title for c in r.courses}
        if r.needs_help:
            parts.append("<ul style='margin-top: 0;'>")
            for person in r.needs_help:
                reasons = "; ".join(self.words.reason(x, titles.get(x.course_id or "", "")) for x in person.reasons)
                parts.append(f"<li><b>{e(person.name)}</b>: {e(reasons)}</li>")
            parts.append("</ul>")
        else:
            parts.append(_p(self.tr("Nobody needs help by these rules today.")))
        parts.append(f"<p style='font-size: 8pt; color: #555;'>{e(self.words.rules_in_words(10, 7, 3))}</p>")
        parts.append(_h2(self.tr("Hardest questions")))
        if r.hardest:
            parts.append("<ol style='margin-top: 0;'>")
            for q in r.hardest:
                rate = (
                    self.tr("%1% right the first time (%2 of %3 learners)")
                    .replace("%1", str(round(q.first_try_rate * 100)))
                    .replace("%2", str(q.first_try_right))
                    .replace("%3", str(q.learners))
                )
                line = self.tr("“%1” (%2): %3").replace("%1", q.prompt or q.question_id).replace("%2", q.lesson_title)
                parts.append(f"<li>{e(line.replace('%3', rate))}</li>")
            parts.append("</ol>")
        else:
            parts.append(_p(self.tr("Too few answers yet to say which questions are hard.")))
        made = self.tr("Made by HubDesk on %1, from the activity of every computer of the centre.").replace(
            "%1", locale.toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        )
        parts.append(f"<p style='font-size: 7.5pt; color: #777;'>{e(made)}</p></body></html>")
        return "".join(parts)

    def write(self, report: MonthlyReport, path: Path) -> int:
        writer = QPdfWriter(str(path))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(300)
        writer.setTitle(self.tr("Monthly report: %1").replace("%1", report.month))
        writer.setCreator("HubDesk")
        doc = QTextDocument()
        doc.setHtml(self.html(report))
        doc.print_(writer)  # lays the text out at the writer's resolution, fonts at their point sizes
        if not path.exists() or path.stat().st_size == 0:
            raise ReportError(f"The report could not be written to {path}.")
        return int(doc.pageCount())
