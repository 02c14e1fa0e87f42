"""From what a learner typed to ranked hits: parsing, FTS5 match expressions, BM25, snippets.

What a query may hold: words (every one required, titles weighing more), "quoted phrases",
``OR`` between two words, ``NOT word``. ``*`` and ``?`` are not wildcards (the caller strips them:
learners type words, and "*" found every lesson). Anything else is just words: the query is
rebuilt from stems, so nothing a person types can be an FTS5 syntax error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from hubdesk.core.search import _words
from hubdesk.core.search._index import NOTE_BASE
from hubdesk.core.search._model import Hit
from hubdesk.core.search._snippets import Highlighter, snippet

_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')


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
    """The best ``limit`` lessons (and the learner's own notes) over every language table."""
    found: list[Found] = []
    for lang in languages:
        expression, stems = match_expression(items, lang, any_word)
        if not expression:
            continue
        only_language = " AND rowid IN (SELECT id FROM docs WHERE language = ?)" if language else ""
        extra: tuple[str, ...] = (language,) if language else ()
        sql = (
            f"SELECT rank, rowid FROM fts_{lang} WHERE fts_{lang} MATCH ? AND rowid < ?{only_language} "
            "ORDER BY rank LIMIT ?"
        )
        rows = conn.execute(sql, (expression, NOTE_BASE, *extra, limit)).fetchall()
        if learner_id:
            sql = (
                f"SELECT rank, rowid FROM fts_{lang} WHERE fts_{lang} MATCH ? AND rowid >= ? "
                f"AND rowid IN (SELECT id FROM docs WHERE owner = ? AND id >= ?){only_language} ORDER BY rank LIMIT ?"
            )
            rows += conn.execute(sql, (expression, NOTE_BASE, learner_id, NOTE_BASE, *extra, limit)).fetchall()
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
