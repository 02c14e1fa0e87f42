"""Table models for the facilitator console: the progress grid and the hardest questions.

Models, not item widgets: a grid of 500 learners by a course's lessons is filled in one reset,
and the view draws only the rows on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from hubdesk.core.reports import MASTERED, NO_QUIZ, NOT_TRIED, PRACTISING, CourseGrid, QuestionStat
from hubdesk.ui.report_words import ReportWords

Index = QModelIndex | QPersistentModelIndex
DONE = QColor("#b7e4c7")
STARTED = QColor("#fde2a7")
EMPTY = QColor("#f1f3f5")
_MARK = {MASTERED: "★", PRACTISING: "½", NOT_TRIED: "", NO_QUIZ: ""}


class GridModel(QAbstractTableModel):
    """Rows: learners. Columns: name, done, time, then one per lesson, then last seen."""

    FIXED = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: CourseGrid | None = None
        self.words = ReportWords()

    def set_grid(self, grid: CourseGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else self.FIXED + len(self.grid.lessons) + 1

    def learner_id(self, row: int) -> str | None:
        if self.grid is None or not 0 <= row < len(self.grid.rows):
            return None
        return self.grid.rows[row].learner_id

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or orientation != Qt.Orientation.Horizontal:
            return None
        n = len(self.grid.lessons)
        if role == Qt.ItemDataRole.DisplayRole:
            if section < self.FIXED:
                return (self.tr("Learner"), self.tr("Done"), self.tr("Time"))[section]
            if section < self.FIXED + n:
                return str(section - self.FIXED + 1)
            return self.tr("Last seen")
        if role == Qt.ItemDataRole.ToolTipRole and self.FIXED <= section < self.FIXED + n:
            return self.grid.lessons[section - self.FIXED].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        row = self.grid.rows[index.row()]
        col = index.column()
        n = len(self.grid.lessons)
        if col < self.FIXED or col >= self.FIXED + n:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            if col == 0:
                return row.name
            if col == 1:
                return f"{row.done}/{n}"
            if col == 2:
                return self.words.minutes(row.seconds)
            return (row.last_seen or "")[:10] or self.tr("never")
        cell = row.cells[col - self.FIXED]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓" if cell.done else "•" if cell.started else ""
            return (mark + _MARK[cell.mastery]).strip()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(DONE if cell.done else STARTED if cell.started else EMPTY)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lesson = self.grid.lessons[col - self.FIXED]
            state = self.tr("done") if cell.done else self.tr("started") if cell.started else self.tr("not started")
            parts = [f"{row.name} · {lesson.title}", state, self.words.minutes(cell.seconds)]
            if cell.mastery:
                parts.append(self.words.mastery(cell.mastery))
            return "\n".join(parts)
        return None


class QuestionsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stats: list[QuestionStat] = []

    def set_stats(self, stats: list[QuestionStat]) -> None:
        self.beginResetModel()
        self.stats = stats
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.stats)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Right first time"), self.tr("Question"), self.tr("Lesson"), self.tr("Learners"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self.stats[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{round(q.first_try_rate * 100)}%",
                q.prompt or q.question_id,
                q.lesson_title,
                str(q.learners),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return q.prompt
        return None
