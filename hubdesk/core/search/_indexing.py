"""Writing into the index: lessons in bulk (a whole library in one transaction), notes one by one.

The cost of indexing a library is: read each lesson's Markdown, strip it to text, cut it into words,
stem the words (each distinct word once, see ``_words``), and hand SQLite one ``executemany`` per
table. FTS5 does the inverted index in C; nothing here loops in Python over postings.

Lesson text is not ``render.render_markdown``'s: rendering a real Carpentries episode to sanitised
HTML takes tens of milliseconds, so a 5,000-lesson library took minutes to become searchable.
Search needs the words a learner reads, not the layout, so a few whole-text regular expressions
(each one pass in C) take the Markdown syntax away: front matter, code fences and fenced-div
markers, kramdown attributes, HTML tags and comments, images (the reader's plain text drops them
too), link targets (their text stays), heading, emphasis, table and quote markers. Code inside
fences stays: learners search for ``ls -F`` too.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from hubdesk.core.search import _words
from hubdesk.core.search._index import IndexFile


class LessonLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def path(self) -> str: ...


class PackLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def lessons(self) -> Sequence[LessonLike]: ...


class PacksLike(Protocol):
    """What the packs manager offers the index (``inst.packs``)."""

    def list(self) -> Sequence[PackLike]: ...
    def pack_root(self, pack_id: str) -> Path: ...
    def add_listener(self, fn: Callable[[str, str], None]) -> None: ...


@dataclass(frozen=True)
class LessonDoc:
    """One lesson as the index sees it: its title and its plain text."""

    pack_id: str
    lesson_id: str
    title: str
    text: str
    language: str


_FRONT_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_LINE_MARKUP_RE = re.compile(
    r"^[ \t]*(?:"
    r"(?:```|~~~)[^\n]*"  # code fence lines (the code between them stays)
    r"|:{3,}[^\n]*"  # fenced divs (Pandoc / Carpentries)
    r"|\{:[^\n]*\}"  # kramdown attribute lines
    r"|\[[^\]\n]+\]:[ \t]+\S+[^\n]*"  # link reference definitions
    r"|[+|:=\- ]*[+|][+|:=\- ]*[=-][+|:=\- ]*"  # table borders: +----+, |---|---|
    r")[ \t]*$",
    re.MULTILINE,
)
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)(?:\{[^}\n]*\})?")
_LINK_RE = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])(?:\{[^}\n]*\})?")
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_LEAD_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t>]*|(?:[-*+]|\d{1,3}[.)])[ \t]+)", re.MULTILINE)
# Each starts with its marker, so the regex engine skips ahead to the next '*' or '_' (a leading
# look-behind made it try every position: the slowest step by far).
_STAR_RE = re.compile(r"(\*{1,3})(?=[^\s*`])([^*`\n]+?)(?<=[^\s*`])\1(?!\*)")  # *x*, **x**, also in words
_UNDERSCORE_RE = re.compile(r"(_{1,3})(?=[^\s_`])([^_`\n]+?)(?<=[^\s_`])\1(?!\w)")  # _x_, not snake_case
_ROW_START_RE = re.compile(r"^[ \t]*\|", re.MULTILINE)  # a table row's outer pipes
_ROW_END_RE = re.compile(r"\|[ \t]*$", re.MULTILINE)
_SPACES_RE = re.compile(r"[ \t]{2,}|\t")
_BLANKS_RE = re.compile(r"[ \t]*\n\s*")  # line ends, blank lines and the spaces around them


def lesson_text(markdown: str) -> str:
    """The readable text of a lesson's Markdown (whitespace tidied, one paragraph a line or so)."""
    text = _FRONT_RE.sub("", markdown, count=1)
    text = _COMMENT_RE.sub(" ", text)
    text = _LINE_MARKUP_RE.sub("", text)
    text = _IMAGE_RE.sub(" ", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _AUTOLINK_RE.sub(" ", text)
    text = _TAG_RE.sub(" ", text)
    text = _LEAD_RE.sub("", text)
    if "*" in text:
        text = _STAR_RE.sub(r"\2", text)
    if "_" in text:
        text = _UNDERSCORE_RE.sub(_underscored, text)
    text = text.replace("`", "")
    if "|" in text:
        text = _ROW_END_RE.sub("", _ROW_START_RE.sub("", text))
    text = html.unescape(text)
    text = _SPACES_RE.sub(" ", text)
    return _BLANKS_RE.sub("\n", text).strip()


def _underscored(m: re.Match[str]) -> str:
    """``_x_`` is emphasis only at a word's edge: ``snake_case_name`` keeps its underscores."""
    start = m.start()
    if start and (m.string[start - 1].isalnum() or m.string[start - 1] == "_"):
        return m.group(0)
    return m.group(2)


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
