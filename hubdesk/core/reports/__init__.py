"""The facilitator's reports: progress grid, timeline, who needs help, hardest questions, the month.

Read from the centre's events (every PC's), through tables of their own (``_activity``). The
public names are here; the modules behind them are private. See ``docs/reports.md``.
"""

from __future__ import annotations

from hubdesk.core.reports._activity import day_of, iso
from hubdesk.core.reports._export import (
    CSV_HEADER,
    grid_csv,
    grid_json,
    grid_table,
    minutes_text,
    needs_help_table,
    questions_table,
)
from hubdesk.core.reports._model import (
    FAILED_QUIZ,
    MASTERED,
    NO_QUIZ,
    NOT_TRIED,
    PRACTISING,
    SILENT,
    STUCK,
    Cell,
    CourseGrid,
    GridRow,
    HelpReason,
    LessonColumn,
    NeedsHelp,
    QuestionStat,
    ReportError,
    ReportFilter,
    Timeline,
    TimelineEntry,
    parse_day,
)
from hubdesk.core.reports._monthly import CourseMonth, MonthlyReport
from hubdesk.core.reports._needs_help import FAILED_TIMES, SILENT_DAYS, STUCK_DAYS
from hubdesk.core.reports._reports import Reports

__all__ = [
    "CSV_HEADER",
    "FAILED_QUIZ",
    "FAILED_TIMES",
    "MASTERED",
    "NOT_TRIED",
    "NO_QUIZ",
    "PRACTISING",
    "SILENT",
    "SILENT_DAYS",
    "STUCK",
    "STUCK_DAYS",
    "Cell",
    "CourseGrid",
    "CourseMonth",
    "GridRow",
    "HelpReason",
    "LessonColumn",
    "MonthlyReport",
    "NeedsHelp",
    "QuestionStat",
    "ReportError",
    "ReportFilter",
    "Reports",
    "Timeline",
    "TimelineEntry",
    "day_of",
    "grid_csv",
    "grid_json",
    "grid_table",
    "iso",
    "minutes_text",
    "needs_help_table",
    "parse_day",
    "questions_table",
]
