""" "My learners": the facilitator's console over the centre's reports.

A grid per course (learners by lessons: done, time, quiz mastery), who needs help and why, the
hardest questions, one learner's days; filters by course, study group and period; the grid as
CSV and the month as a printable PDF. Reports are computed in a worker and shown when ready; a
newer request (a filter changed) makes an older answer be dropped.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import Learner
from hubdesk.core.reports import (
    FAILED_TIMES,
    SILENT_DAYS,
    STUCK_DAYS,
    CourseGrid,
    NeedsHelp,
    QuestionStat,
    ReportFilter,
    Timeline,
    day_of,
    grid_csv,
)
from hubdesk.core.reports._reports import centre_label
from hubdesk.errors import HubDeskError
from hubdesk.ui.console_models import GridModel, QuestionsModel
from hubdesk.ui.context import AppContext
from hubdesk.ui.report_words import ReportWords

PERIODS = (0, 7, 30, 90)  # days back; 0: all time


class ConsolePage(QWidget):
    grid_shown = Signal()  # the progress grid is on screen (tests and the benchmark wait for it)
    details_shown = Signal()  # needs help and hardest questions are on screen
    saved = Signal(str)  # a CSV or PDF was written to this path

    def __init__(self, ctx: AppContext, facilitator: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.facilitator = facilitator
        self.words = ReportWords(self)
        self.generation = 0
        self.grid: CourseGrid | None = None
        self.help: list[NeedsHelp] = []
        self.setObjectName("page")
        title = QLabel(self.tr("My learners"))
        title.setObjectName("title")
        self.course = QComboBox()
        self.course.setAccessibleName(self.tr("Course"))
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Study group"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for days in PERIODS:
            self.period.addItem(self.tr("All time") if not days else self.tr("Last %n day(s)", "", days), days)
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.setToolTip(self.tr("Every course, every learner, every lesson: for a spreadsheet"))
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.pdf_button = QPushButton(self.tr("Monthly report (PDF)…"))
        self.pdf_button.clicked.connect(lambda: self.print_report())
        filters = QHBoxLayout()
        for w in (self.course, self.group, self.period):
            filters.addWidget(w)
        filters.addStretch()
        filters.addWidget(self.csv_button)
        filters.addWidget(self.pdf_button)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.model = GridModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # size columns from the rows on screen, not from all of them: 500 learners would cost seconds
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(lambda index: self.show_learner(self.model.learner_id(index.row())))
        legend = QLabel(
            self.tr(
                "✓ done · • started · ★ quiz mastered · ½ quiz practised. Double-click a learner to see their days."
            )
        )
        legend.setWordWrap(True)
        grid_tab = QWidget()
        gl = QVBoxLayout(grid_tab)
        gl.addWidget(self.table, 1)
        gl.addWidget(legend)

        self.help_list = QListWidget()
        self.help_list.setWordWrap(True)
        self.help_list.itemDoubleClicked.connect(lambda item: self.show_learner(item.data(256)))
        rules = QLabel(self.words.rules_in_words(SILENT_DAYS, STUCK_DAYS, FAILED_TIMES))
        rules.setWordWrap(True)
        help_tab = QWidget()
        hl = QVBoxLayout(help_tab)
        hl.addWidget(rules)
        hl.addWidget(self.help_list, 1)

        self.questions = QuestionsModel(self)
        self.questions_view = QTableView()
        self.questions_view.setModel(self.questions)
        self.questions_view.verticalHeader().setVisible(False)
        self.questions_view.setWordWrap(True)
        header = self.questions_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(0)

        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Learner"))
        self.person.activated.connect(lambda _i: self._load_timeline())
        self.timeline_list = QListWidget()
        self.timeline_list.setWordWrap(True)
        person_tab = QWidget()
        pl = QVBoxLayout(person_tab)
        pl.addWidget(self.person)
        pl.addWidget(self.timeline_list, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(grid_tab, self.tr("Progress"))
        self.tabs.addTab(help_tab, self.tr("Needs help"))
        self.tabs.addTab(self.questions_view, self.tr("Hardest questions"))
        self.tabs.addTab(person_tab, self.tr("One learner"))
        from hubdesk.ui.contributions_view import ReviewPanel

        self.review = ReviewPanel(ctx, facilitator)
        self.review.decided.connect(lambda _i, _s: self._review_count())
        self.tabs.addTab(self.review, self.tr("To review"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 12, 24, 12)
        lay.addWidget(title)
        lay.addLayout(filters)
        lay.addWidget(self.status)
        lay.addWidget(self.tabs, 1)
        for combo in (self.course, self.group, self.period):
            combo.activated.connect(lambda _i: self.load())

    # -- filling --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Fill the filters from the library and the groups, then load the reports."""
        inst = self.ctx.inst
        keep = self.course.currentData()
        self.course.clear()
        for pack in inst.reports.courses():
            self.course.addItem(pack.title, pack.id)
        if keep is not None and self.course.findData(keep) >= 0:
            self.course.setCurrentIndex(self.course.findData(keep))
        self.review.refresh()
        self._review_count()
        self.group.clear()
        self.group.addItem(self.tr("Every learner"), None)
        for group in inst.groups.all():
            if group.known:
                self.group.addItem(self.tr("Study group: %1").replace("%1", group.name), group.id)
        self.load()

    def filter(self, *, course: bool = True, period: bool = True) -> ReportFilter:
        days = int(self.period.currentData() or 0) if period else 0
        since = day_of(int((time.time() - days * 86_400) * 1000)) if days else None
        return ReportFilter(
            course=self.course.currentData() if course else None, group=self.group.currentData(), since=since
        )

    def load(self) -> None:
        self.generation += 1
        gen = self.generation
        if self.course.count() == 0:
            self.model.set_grid(None)
            self.status.setText(self.tr("No course is installed yet: add a course pack first."))
            return
        self.status.setText(self.tr("Counting…"))
        flt = self.filter()
        reports = self.ctx.inst.reports
        everyone = self.filter(course=False, period=False)  # widgets are read here, on the GUI thread

        def grid_then_details(grid: CourseGrid) -> None:  # the first screen does not wait for the rest
            self._show_grid(gen, grid)
            self.ctx.workers.run(
                lambda: (reports.needs_help(everyone), reports.questions(flt.course or "", flt)),
                on_done=lambda r: self._show_details(gen, *r),
                on_failed=self._failed,
            )

        self.ctx.workers.run(
            lambda: reports.progress_grid(flt)[0],
            on_done=grid_then_details,
            on_failed=self._failed,
        )

    def _show_grid(self, gen: int, grid: CourseGrid) -> None:
        if gen != self.generation:
            return
        self.grid = grid
        self.model.set_grid(grid)
        started = sum(1 for r in grid.rows if any(c.started for c in r.cells))
        self.status.setText(
            self.tr("%1: %2 of %3 learners have started.")
            .replace("%1", grid.title)
            .replace("%2", str(started))
            .replace("%3", str(len(grid.rows)))
        )
        keep = self.person.currentData()
        self.person.clear()
        for row in grid.rows:
            self.person.addItem(row.name, row.learner_id)
        if keep is not None and self.person.findData(keep) >= 0:
            self.person.setCurrentIndex(self.person.findData(keep))
        self.grid_shown.emit()

    def _show_details(self, gen: int, help_: list[NeedsHelp], stats: list[QuestionStat]) -> None:
        if gen != self.generation:
            return
        self.help = help_
        titles = {p.id: p.title for p in self.ctx.inst.packs.list()}
        self.help_list.clear()
        if not help_:
            self.help_list.addItem(self.tr("Nobody needs help by these rules today."))
        for person in help_:
            reasons = "\n".join("– " + self.words.reason(r, titles.get(r.course_id or "", "")) for r in person.reasons)
            item = QListWidgetItem(f"{person.name}\n{reasons}")
            item.setData(256, person.learner_id)
            self.help_list.addItem(item)
        self.tabs.setTabText(1, self.tr("Needs help (%1)").replace("%1", str(len(help_))))
        self.questions.set_stats(stats)
        self.details_shown.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, HubDeskError):
            self.status.setText(str(exc))
        else:
            self.status.setText(self.tr("The report could not be made: %1").replace("%1", str(exc)))

    def _review_count(self) -> None:
        waiting = len(self.review.items)
        self.tabs.setTabText(
            4, self.tr("To review (%1)").replace("%1", str(waiting)) if waiting else self.tr("To review")
        )

    # -- one learner ----------------------------------------------------------------------------
    def show_learner(self, learner_id: str | None) -> None:
        if not learner_id or self.person.findData(learner_id) < 0:
            return
        self.person.setCurrentIndex(self.person.findData(learner_id))
        self.tabs.setCurrentIndex(3)
        self._load_timeline()

    def _load_timeline(self) -> None:
        learner_id = self.person.currentData()
        if not learner_id:
            return
        reports, flt = self.ctx.inst.reports, self.filter(course=False)
        self.ctx.workers.run(
            lambda: reports.timeline(learner_id, flt), on_done=self._show_timeline, on_failed=self._failed
        )

    def _show_timeline(self, timeline: Timeline) -> None:
        if timeline.learner_id != self.person.currentData():
            return
        self.timeline_list.clear()
        if not timeline.entries:
            self.timeline_list.addItem(self.tr("%1 has done nothing yet in this period.").replace("%1", timeline.name))
        for e in timeline.entries:
            what = self.tr("finished “%1”") if e.finished else self.tr("worked on “%1”")
            text = f"{e.day}  " + what.replace("%1", e.lesson_title) + " · " + self.words.minutes(e.seconds)
            if e.answers:
                text += " · " + self.tr("%1 of %2 answers right").replace("%1", str(e.right)).replace(
                    "%2", str(e.answers)
                )
            self.timeline_list.addItem(text)

    # -- saving ---------------------------------------------------------------------------------
    def export_csv(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the progress as CSV"), f"progress-{time.strftime('%Y-%m-%d')}.csv", "CSV (*.csv)"
            )
            if not name:
                return
            path = Path(name)
        reports, flt = self.ctx.inst.reports, self.filter(course=False)
        target = path

        def write() -> str:
            text = grid_csv(reports.progress_grid(flt))
            target.write_text(text, encoding="utf-8")
            return str(target)

        self.status.setText(self.tr("Saving…"))
        self.ctx.workers.run(write, on_done=self._saved, on_failed=self._save_failed)

    def print_report(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the monthly report"), f"report-{time.strftime('%Y-%m')}.pdf", "PDF (*.pdf)"
            )
            if not name:
                return
            path = Path(name)
        inst, flt = self.ctx.inst, self.filter(course=False, period=False)
        target = path
        self.status.setText(self.tr("Making the report…"))
        self.ctx.workers.run(
            lambda: inst.reports.monthly(centre_label(inst), None, flt),
            on_done=lambda report: self._write_pdf(report, target),
            on_failed=self._save_failed,
        )

    def _write_pdf(self, report: Any, path: Path) -> None:
        from hubdesk.ui.report_pdf import MonthlyReportPdf  # Qt's PDF writer runs on this (the GUI) thread

        try:
            MonthlyReportPdf(self.ctx.settings.language).write(report, path)
        except (HubDeskError, OSError) as exc:
            self._save_failed(exc)
            return
        self._saved(str(path))

    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved to %1.").replace("%1", path))
        self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.status.setText(self.tr("Nothing was saved: %1").replace("%1", reason))
