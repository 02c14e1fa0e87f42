"""Search results: lessons and the signed-in learner's own notes, with highlighted snippets.

The query runs on the worker pool (the index may be large, or being rebuilt), and results come
back through a signal; a slow, stale answer never replaces the answer to a newer query. The search
always passes the signed-in learner's id, so another learner's notes can never show up.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from hubdesk.core.learners import Learner
from hubdesk.ui import style
from hubdesk.ui.context import AppContext

RESULT_LIMIT = 30


def highlight(snippet_html: str) -> str:
    """Make the matched words (``<b>`` from the index) stand out as with a marker pen."""
    return snippet_html.replace("<b>", '<b style="background-color:#ffe58a;">')


class ResultCard(QFrame):
    """One result: the whole card is a big target; Enter or Space opens it from the keyboard."""

    activated = Signal(int)

    def __init__(self, index: int, body_html: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(accessible)
        self.label = QLabel(body_html)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.addWidget(self.label)

    def activate(self) -> None:
        self.activated.emit(self.index)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate()
        else:
            super().keyPressEvent(event)


class SearchPage(QWidget):
    result_opened = Signal(str, str, str)  # kind, pack_id, lesson_id
    query_chosen = Signal(str)  # "did you mean" was clicked
    results_shown = Signal(int)

    def __init__(self, ctx: AppContext, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.setObjectName("page")
        self.query = ""
        self.generation = 0
        self.hits: list[Any] = []
        self.pack_titles: dict[str, str] = {}
        self.heading = QLabel()
        self.heading.setObjectName("title")
        self.heading.setWordWrap(True)
        self.suggestion = QLabel()
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setProperty("look", "leadplain")
        self.suggestion.linkActivated.connect(self.query_chosen)
        self.suggested = ""
        self.cards: list[ResultCard] = []
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        holder = QWidget()
        holder_lay = QVBoxLayout(holder)
        holder_lay.setContentsMargins(0, 0, 8, 0)
        holder_lay.addLayout(self.cards_box)
        holder_lay.addStretch()
        self.results_area = QScrollArea()
        self.results_area.setWidgetResizable(True)
        self.results_area.setWidget(holder)
        self.empty = QLabel()
        self.empty.setObjectName("subtitle")
        self.empty.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 16)
        lay.addWidget(self.heading)
        lay.addWidget(self.suggestion)
        lay.addWidget(self.empty)
        lay.addWidget(self.results_area, 1)

    def search(self, query: str) -> None:
        query = query.strip()
        self.query = query
        self.generation += 1
        generation = self.generation
        self.heading.setText(self.tr("Searching for “%1”…").replace("%1", query))
        self.suggestion.clear()
        self.suggestion.hide()
        self.empty.hide()
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        self.hits = []
        if not query:
            return
        self.pack_titles = {p.id: p.title for p in self.ctx.inst.packs.list()}
        self.ctx.workers.run(
            self.ctx.inst.search.search,
            query,
            learner_id=self.learner.id,
            limit=RESULT_LIMIT,
            on_done=lambda res: self._show(generation, res),
            on_failed=lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self.heading.setText(self.tr("Search did not work this time. Please try again in a moment."))

    def _show(self, generation: int, results: Any) -> None:
        if generation != self.generation:
            return  # the learner typed a newer query meanwhile
        self.hits = list(results.results)
        suggestion = str(getattr(results, "suggestion", "") or "")
        corrected = bool(getattr(results, "corrected", False)) and bool(suggestion)
        shown_query = suggestion if corrected else self.query
        self.heading.setText(self.tr("%n result(s) for “%1”", "", len(self.hits)).replace("%1", shown_query))
        self.suggested = ""
        if corrected:
            self.suggestion.setText(
                self.tr("Showing results for “%1”. You typed “%2”.")
                .replace("%1", html.escape(suggestion))
                .replace("%2", html.escape(self.query))
            )
            self.suggestion.show()
            self.suggested = suggestion
        elif suggestion and suggestion.casefold() != self.query.casefold():
            link = f'<a href="{html.escape(suggestion, quote=True)}">{html.escape(suggestion)}</a>'
            self.suggestion.setText(self.tr("Did you mean %1?").replace("%1", link))
            self.suggestion.show()
            self.suggested = suggestion
        for hit in self.hits:
            self._add_item(hit)
        if not self.hits:
            self.empty.setText(self.tr("Nothing found. Try another word, or a shorter one."))
            self.empty.show()
        self.results_shown.emit(len(self.hits))

    def _add_item(self, hit: Any) -> None:
        kind_text = self.tr("My note") if hit.kind == "note" else self.tr("Lesson")
        pack_title = html.escape(self.pack_titles.get(hit.pack_id, hit.pack_id))
        body = (
            f'<div style="font-size:15pt; font-weight:bold; color:{style.PRIMARY_DARK};">{html.escape(hit.title)}</div>'
            f'<div style="color:{style.MUTED};">{html.escape(kind_text)} · {pack_title}</div>'
            f"<div>{highlight(hit.snippet_html)}</div>"
        )
        card = ResultCard(len(self.cards), body, f"{hit.title}, {kind_text}")
        card.activated.connect(self.open_result)
        self.cards_box.addWidget(card)
        self.cards.append(card)

    def open_result(self, index: int) -> None:
        hit = self.hits[index]
        self.result_opened.emit(hit.kind, hit.pack_id, hit.lesson_id)
