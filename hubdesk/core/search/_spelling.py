"""Did you mean: each query word the lessons do not contain, replaced by the closest one they do.

Only lesson words are candidates (the ``words`` table never holds notes: a suggestion must not leak
another learner's words). Candidates are narrowed by SQL to words with the same first letter and a
length within the allowed distance, then compared in C (rapidfuzz, optimal string alignment: a
swap of two letters, "wildcrad", counts as one edit).
"""

from __future__ import annotations

import sqlite3

from rapidfuzz import process
from rapidfuzz.distance import OSA

from hubdesk.core.search import _words

OPERATORS = frozenset({"AND", "OR", "NOT"})


def _max_distance(word: str) -> int:
    return 1 if len(word) <= 4 else 2


def closest(conn: sqlite3.Connection, word: str) -> str | None:
    """The lesson word nearest to ``word`` (fewest edits, then most lessons, then alphabetical)."""
    limit = _max_distance(word)
    rows = conn.execute(
        "SELECT word, SUM(df) FROM words WHERE substr(word, 1, 1) = ? AND length(word) BETWEEN ? AND ? GROUP BY word",
        (word[0], len(word) - limit, len(word) + limit),
    ).fetchall()
    if not rows:
        return None
    choices = [str(r[0]) for r in rows]
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    ranked = [(int(dist), -int(rows[i][1]), choice) for choice, dist, i in found if choice != word]
    return min(ranked)[2] if ranked else None


def suggest(conn: sqlite3.Connection, text: str) -> str | None:
    """``text`` with every unknown word corrected, or None (nothing to correct, or no close word)."""
    changed = False

    def fix(match: object) -> str:
        nonlocal changed
        word = match.group(0)  # type: ignore[attr-defined]
        lower = str(word).lower()
        if word in OPERATORS or len(lower) < 3 or lower.isdigit() or _known(conn, lower):
            return str(word)
        best = closest(conn, lower)
        if best is None:
            raise LookupError(word)
        changed = True
        return best

    try:
        suggestion = _words.WORD_RE.sub(fix, text)
    except LookupError:
        return None  # a word with no close match: probably not a typo; suggest nothing
    return suggestion if changed else None


def _known(conn: sqlite3.Connection, word: str) -> bool:
    return conn.execute("SELECT 1 FROM words WHERE word = ? LIMIT 1", (word,)).fetchone() is not None
