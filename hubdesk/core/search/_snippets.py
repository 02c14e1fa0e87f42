"""Snippets: about two lines of a hit's text around its densest run of matches, matches in ``<b>``.

The index stores stems, so FTS5's own ``snippet()`` would show "redirect" where the lesson says
"redirecting". Snippets are cut here instead, from the unstemmed text, for the few hits shown:
the written forms of each query stem come from the lesson word list (``words``: stem -> words), and
``str.find`` (in C) finds each form in a hit's text. A note's
words are not in that list (it holds lesson words only), so a note, short by nature, is scanned
word by word.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from hubdesk.core.search import _words

SNIPPET_CHARS = 200
SNIPPET_CONTEXT = 40  # characters shown before the first match
_SCAN_LIMIT = 200_000  # characters of one text looked at for matches

Span = tuple[int, int, int]  # (start char, end char, which query stem)


class Highlighter:
    """Finds the written forms of a query's stems in texts."""

    def __init__(self, stems: list[str], forms: Iterable[tuple[str, str]]) -> None:
        """``stems``: the query's stems, in order; ``forms``: (written word, its stem) pairs to look for."""
        self.which = {stem: i for i, stem in enumerate(stems)}
        self.form_which = {word: self.which[stem] for word, stem in forms if stem in self.which}

    def lesson_spans(self, text: str) -> list[Span]:
        """Every whole-word occurrence of a form, found with ``str.find`` (a regular expression of
        alternatives with word boundaries scanned about ten times slower, per character)."""
        text = text[:_SCAN_LIMIT]
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lowercase is longer ('İ'): offsets would drift
            return self.note_spans(text, "")
        spans: list[Span] = []
        size = len(lower)
        for form, which in self.form_which.items():
            width = len(form)
            at = lower.find(form)
            while at >= 0:
                end = at + width
                if (at == 0 or not lower[at - 1].isalnum()) and (end == size or not lower[end].isalnum()):
                    spans.append((at, end, which))
                at = lower.find(form, end)
        return spans

    def note_spans(self, text: str, lang: str) -> list[Span]:
        """Word by word, stemming each (a note is short, and its words are not in the lesson word list)."""
        stems = _words.stems_for(lang) if lang else None
        spans: list[Span] = []
        for m in _words.WORD_RE.finditer(text, 0, _SCAN_LIMIT):
            word = m.group().lower()
            which = self.which.get(stems.stem(word)) if stems is not None else self.form_which.get(word)
            if which is not None:
                spans.append((m.start(), m.end(), which))
        return spans


def snippet(text: str, spans: list[Span]) -> str:
    """About SNIPPET_CHARS of ``text`` around the densest run of matches, matches in ``<b>``, escaped."""
    spans = sorted(spans)
    if not spans:
        return html.escape(lead(text), quote=False)
    spans = spans[:400]
    reach = SNIPPET_CHARS - 2 * SNIPPET_CONTEXT
    best, best_at, j = (-1, -1), 0, 0
    for i, first in enumerate(spans):  # the window with the most different stems, then the most matches
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - first[0] <= reach:
            j += 1
        rank = (len({sp[2] for sp in spans[i : j + 1]}), j - i)
        if rank > best:
            best, best_at = rank, i
    first_start = spans[best_at][0]
    start = max(0, first_start - SNIPPET_CONTEXT)
    if start > 0:
        space = text.find(" ", start, first_start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first_start, end)
        end = space if space > first_start else end
    pieces: list[str] = ["… " if start > 0 else ""]
    at = start
    for s_start, s_end, _which in spans[best_at:]:
        if s_start >= end:
            break
        if s_start < at:
            continue
        pieces += [
            html.escape(text[at:s_start], quote=False),
            "<b>",
            html.escape(text[s_start:s_end], quote=False),
            "</b>",
        ]
        at = s_end
    pieces += [html.escape(text[at:end], quote=False), " …" if end < len(text) else ""]
    return " ".join("".join(pieces).split())


def lead(text: str) -> str:
    """The first sentence or so, for a hit whose text had no highlighted words (a title match)."""
    flat = " ".join(text[: SNIPPET_CHARS * 4].split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    cut = flat.rfind(" ", 0, SNIPPET_CHARS)
    return flat[: cut if cut > 0 else SNIPPET_CHARS] + "…"
