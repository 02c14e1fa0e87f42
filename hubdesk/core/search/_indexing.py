"""Writing into the index: lessons in bulk (a whole library in one transaction), notes one by one.

The cost of indexing a library is: read each lesson's Markdown, strip it to text, cut it into words,
stem the words (each distinct word once, see ``_words``), and hand SQLite one ``executemany`` per
table. FTS5 does the inverted index in C; nothing here loops in Python over postings.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from hubdesk.core.search import _words
from hubdesk.core.search._index import IndexFile
from hubdesk.core.search._model import LessonDoc, PackLike, PacksLike
from hubdesk.core.search._text import lesson_text

log = logging.getLogger(__name__)
NO_OWNER = "-"
_CHUNK = 500  # ids per DELETE ... IN (...), under SQLite's variable limit


def lesson_key(pack_id: str, lesson_id: str) -> str:
    return f"lesson\x1f{pack_id}\x1f{lesson_id}"


def note_key(learner_id: str, pack_id: str, lesson_id: str) -> str:
    return f"note\x1f{learner_id}\x1f{pack_id}\x1f{lesson_id}"


def read_pack(packs: PacksLike, pack: PackLike) -> list[LessonDoc]:
    """Every lesson of an installed pack as title and plain text, straight from its Markdown files."""
    root = packs.pack_root(pack.id)
    docs: list[LessonDoc] = []
    for lesson in pack.lessons:
        text = ""
        rel = PurePosixPath(lesson.path)
        if rel.is_absolute() or ".." in rel.parts:  # the manifest was checked at install; be sure anyway
            log.warning("lesson %s/%s has an unsafe path and is indexed by its title only", pack.id, lesson.id)
        else:
            try:
                text = lesson_text((root / rel).read_text(encoding="utf-8", errors="replace"))
            except OSError as exc:  # one unreadable lesson must not keep the others out of search
                log.warning("lesson %s/%s is indexed by its title only: %s", pack.id, lesson.id, exc)
        docs.append(LessonDoc(pack.id, lesson.id, lesson.title, text, pack.language))
    return docs


def add_lessons(ix: IndexFile, docs: Sequence[LessonDoc], languages: list[str]) -> int:
    """Add (or replace) lessons; the caller holds the write transaction."""
    keys = [(lesson_key(d.pack_id, d.lesson_id),) for d in docs]
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        ix.delete_docs(f"key IN ({','.join('?' * len(chunk))})", tuple(k for (k,) in chunk))
    next_id = ix.next_id(note=False)
    doc_rows: list[tuple[object, ...]] = []
    fts_rows: dict[str, list[tuple[int, str, str]]] = {}
    counts: dict[tuple[str, str], Counter[str]] = {}
    for n, doc in enumerate(docs):
        lang = _words.field_language(doc.language)
        ix.ensure_language(lang, languages)
        stems = _words.stems_for(lang)
        body_words = _words.words(doc.text)
        title_words = _words.words(doc.title)
        distinct = set(body_words).union(title_words)
        stems.learn(distinct)
        counts.setdefault((doc.pack_id, lang), Counter()).update(distinct)
        doc_id = next_id + n
        key = keys[n][0]
        doc_rows.append(
            (doc_id, key, "lesson", doc.pack_id, doc.lesson_id, NO_OWNER, doc.language, lang, doc.title, doc.text)
        )
        title, body = stems.stemmed(title_words, learned=True), stems.stemmed(body_words, learned=True)
        fts_rows.setdefault(lang, []).append((doc_id, title, body))
    ix.conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", doc_rows)
    for lang, rows in fts_rows.items():
        ix.conn.executemany(f"INSERT INTO fts_{lang} (rowid, title, body) VALUES (?, ?, ?)", rows)
    for (pack_id, lang), counter in counts.items():
        stems = _words.stems_for(lang)
        ix.conn.executemany(
            "INSERT INTO words (pack_id, word, stem, df) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (pack_id, word) DO UPDATE SET df = df + excluded.df",
            [(pack_id, word, stems.stem(word), df) for word, df in counter.items()],
        )
    return len(doc_rows)


def remove_packs(ix: IndexFile, pack_ids: Iterable[str]) -> None:
    """Drop every lesson of these packs and their words (notes on them stay: they are the learner's)."""
    for pack_id in pack_ids:
        ix.delete_docs("pack_id = ? AND kind = 'lesson'", (pack_id,))
        ix.conn.execute("DELETE FROM words WHERE pack_id = ?", (pack_id,))


def put_note(
    ix: IndexFile, learner_id: str, pack_id: str, lesson_id: str, title: str, text: str, language: str,
    languages: list[str],
) -> None:  # fmt: skip
    """Write, replace or (empty text) drop one learner's note on one lesson."""
    key = note_key(learner_id, pack_id, lesson_id)
    ix.delete_docs("key = ?", (key,))
    if not text.strip():
        return
    lang = _words.field_language(language)
    ix.ensure_language(lang, languages)
    stems = _words.stems_for(lang)
    doc_id = ix.next_id(note=True)
    ix.conn.execute(
        "INSERT INTO docs VALUES (?, ?, 'note', ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, key, pack_id, lesson_id, learner_id, language, lang, title, text),
    )
    ix.conn.execute(
        f"INSERT INTO fts_{lang} (rowid, title, body) VALUES (?, ?, ?)",
        (doc_id, stems.stemmed(_words.words(title)), stems.stemmed(_words.words(text))),
    )
