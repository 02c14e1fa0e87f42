"""From what a learner typed to ranked hits: parsing, FTS5 match expressions, BM25, "did you mean".

What a query may hold: words (every one required, titles weighing more), "quoted phrases",
``OR`` between two words, ``NOT word``. ``*`` and ``?`` are not wildcards (the caller strips them:
learners type words, and "*" found every lesson). Anything else is just words: the query is
rebuilt from stems, so nothing a person types can be an FTS5 syntax error.

Did you mean: each query word the lessons do not contain is replaced by the closest one they do.
Only lesson words are candidates (the ``words`` table never holds notes: a suggestion must not leak
another learner's words). Candidates are narrowed by SQL to words with the same first letter and a
length within the allowed distance, then compared in C (rapidfuzz, optimal string alignment: a
swap of two letters, "wildcrad", counts as one edit).
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from hubdesk.core.search import _words
from hubdesk.core.search._index import NOTE_BASE
from hubdesk.core.search._snippets import Highlighter, snippet


@dataclass(frozen=True)
class Hit:
    kind: str  # "lesson" or "note"
    pack_id: str
    lesson_id: str
    title: str
    snippet_html: str
    score: float
    language: str

    @property
    def snippet(self) -> str:
        """The snippet as plain text (for a terminal or JSON)."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.snippet_html))


@dataclass(frozen=True)
class SearchResults:
    results: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False  # True when ``results`` are those of ``suggestion`` (the query found nothing)


_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')
OPERATORS = frozenset({"AND", "OR", "NOT"})


@dataclass
class Item:
    words: list[str]  # lowercase words; several make a phrase
    negated: bool = False
    or_with_previous: bool = False


def parse(text: str) -> list[Item]:
    items: list[Item] = []
    negate = join = False
    for m in _TOKEN_RE.finditer(text):
        bare = m.group(2)
        if bare in ("AND", "OR", "NOT"):
            negate, join = bare == "NOT", bare == "OR" and bool(items)
            continue
        found = _words.words(m.group(1) if bare is None else bare)
        if found:
            items.append(Item(found, negated=negate, or_with_previous=join and not negate))
        negate = join = False
    return items


def count_words(items: list[Item]) -> int:
    return sum(len(i.words) for i in items if not i.negated)


def _phrase(stems: list[str]) -> str:
    return '"' + " ".join(stems).replace('"', '""') + '"'


def match_expression(items: list[Item], lang: str, any_word: bool) -> tuple[str, list[str]]:
    """The FTS5 MATCH string for one language's table, and the stems to highlight ("" if nothing to find)."""
    stems = _words.stems_for(lang)
    positive = [i for i in items if not i.negated]
    meaningful = [i for i in positive if not (len(i.words) == 1 and i.words[0] in stems.stop_words)]
    if meaningful:  # "pipes and filters": 'and' neither required nor highlighted
        positive = meaningful
    if not positive:
        return "", []
    groups: list[list[str]] = []
    highlight: list[str] = []
    for item in positive:
        item_stems = [stems.stem(w) for w in item.words]
        highlight += [s for s in item_stems if s not in highlight]
        if item.or_with_previous and groups and not any_word:
            groups[-1].append(_phrase(item_stems))
        else:
            groups.append([_phrase(item_stems)])
    parts = [g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups]
    expression = " OR ".join(parts) if any_word else " AND ".join(parts)
    negated = [_phrase([stems.stem(w) for w in i.words]) for i in items if i.negated]
    if negated:
        expression = f"({expression}) NOT ({' OR '.join(negated)})"
    return expression, highlight


@dataclass(frozen=True)
class Found:
    rank: float  # FTS5 bm25(): lower is better
    doc_id: int
    lang: str
    stems: tuple[str, ...]


def run(
    conn: sqlite3.Connection,
    items: list[Item],
    languages: list[str],
    learner_id: str | None,
    language: str | None,
    limit: int,
    any_word: bool,
) -> list[Found]:
    """The best ``limit`` lessons (and the learner's own notes) over every language table.

    FTS5 seeks to the rowid range (lessons below NOTE_BASE, notes above). The other conditions are
    written ``+rowid IN (...)`` so that SQLite checks them on each match: as an index constraint,
    FTS5 would run the whole match once per id in the list.
    """
    found: list[Found] = []
    for lang in languages:
        expression, stems = match_expression(items, lang, any_word)
        if not expression:
            continue
        only_language = " AND +rowid IN (SELECT id FROM docs WHERE language = ?)" if language else ""
        extra: tuple[str, ...] = (language,) if language else ()
        sql = (
            f"SELECT rank, rowid FROM fts_{lang} WHERE fts_{lang} MATCH ? AND rowid < ?{only_language} "
            "ORDER BY rank LIMIT ?"
        )
        rows = conn.execute(sql, (expression, NOTE_BASE, *extra, limit)).fetchall()
        if learner_id:
            sql = (
                f"SELECT rank, rowid FROM fts_{lang} WHERE fts_{lang} MATCH ? AND rowid >= ? "
                f"AND +rowid IN (SELECT id FROM docs WHERE owner = ?){only_language} ORDER BY rank LIMIT ?"
            )
            rows += conn.execute(sql, (expression, NOTE_BASE, learner_id, *extra, limit)).fetchall()
        found += [Found(float(rank), int(doc_id), lang, tuple(stems)) for rank, doc_id in rows]
    found.sort(key=lambda f: (f.rank, f.doc_id))
    return found[:limit]


def hits(conn: sqlite3.Connection, found: list[Found]) -> list[Hit]:
    """The shown hits, with their snippets, in the order found."""
    if not found:
        return []
    ids = [f.doc_id for f in found]
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT id, kind, pack_id, lesson_id, language, title, body FROM docs WHERE id IN ({marks})", ids
    ).fetchall()
    by_id = {int(r[0]): r for r in rows}
    stems = sorted({s for f in found for s in f.stems})
    forms = conn.execute(
        f"SELECT DISTINCT word, stem FROM words WHERE stem IN ({','.join('?' * len(stems))})", stems
    ).fetchall()
    highlighter = Highlighter(stems, [(str(w), str(s)) for w, s in forms])
    out: list[Hit] = []
    for f in found:
        row = by_id.get(f.doc_id)
        if row is None:  # deleted between the two statements by another process
            continue
        _id, kind, pack_id, lesson_id, doc_language, title, body = row
        spans = highlighter.note_spans(body, f.lang) if kind == "note" else highlighter.lesson_spans(body)
        out.append(
            Hit(
                kind=str(kind),
                pack_id=str(pack_id),
                lesson_id=str(lesson_id),
                title=str(title),
                snippet_html=snippet(str(body), spans),
                score=round(-f.rank, 4),
                language=str(doc_language),
            )
        )
    return out


# -- did you mean ----------------------------------------------------------------------------
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

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        lower = word.lower()
        if word in OPERATORS or len(lower) < 3 or lower.isdigit() or _known(conn, lower):
            return word
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
