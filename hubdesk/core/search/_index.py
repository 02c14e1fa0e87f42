"""The index file: one SQLite database of its own (FTS5), a cache beside the installation's store.

- ``docs`` holds each lesson and note as shown (title, plain text, where it belongs); its ``id`` is
  the rowid of the document in the FTS5 table of its language. Lessons have ids below
  ``NOTE_BASE`` and notes above, so a query for lessons is a rowid range FTS5 seeks to, and
  nobody's notes are read unless a learner's own are asked for.
- ``fts_<lang>``: one FTS5 table per language in use, holding pre-stemmed title and body (stems of
  one language never match another's), ranked by BM25 with titles weighing more.
- ``words``: each lesson word, unstemmed, with its stem and how many lessons of a pack have it; for
  "did you mean" and for finding which written forms of a stem to highlight. Never note words: a
  suggestion must not leak another learner's words.
- ``meta``: what the index holds (schema, stemmer, packs and versions, last note change).

WAL mode: searches read while another process writes; writers wait for each other
(``busy_timeout``) and each update recomputes what is missing inside its write transaction, so two
processes catching up at once do the work once. Losing the last commits in a power cut is fine for
a cache (``synchronous=NORMAL``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hubdesk.core.search import _words

SCHEMA_VERSION = 5  # 1-3 were Whoosh indexes in the same folder
FILE_NAME = "index.sqlite3"
NOTE_BASE = 1 << 40
TITLE_WEIGHT = 5.0  # a query word in the title counts as much as five in the body, before length norms
_LANG_RE = re.compile(r"[a-z]{2,3}")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, pack_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL, owner TEXT NOT NULL, language TEXT NOT NULL, lang TEXT NOT NULL,
    title TEXT NOT NULL, body TEXT NOT NULL
);
CREATE INDEX docs_pack ON docs (pack_id, kind);
CREATE INDEX docs_owner ON docs (owner);
CREATE INDEX docs_language ON docs (language);
CREATE TABLE words (
    pack_id TEXT NOT NULL, word TEXT NOT NULL, stem TEXT NOT NULL, df INTEGER NOT NULL,
    PRIMARY KEY (pack_id, word)
) WITHOUT ROWID;
CREATE INDEX words_word ON words (word);
CREATE INDEX words_stem ON words (stem);
CREATE INDEX words_near ON words (substr(word, 1, 1), length(word));
"""


class Damaged(Exception):
    """The file is not an index this code can use (missing tables, other schema, not a database)."""


def is_busy(exc: BaseException) -> bool:
    """Another process holds the write lock (and kept it past the busy timeout)."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class IndexFile:
    """An open connection to the index file, with the few statements the search manager needs."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE_NAME
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=0.5)
        st = os.stat(self.path)
        self.identity = (st.st_dev, st.st_ino)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA journal_size_limit = 8388608")  # indexing a library leaves no 60 MB WAL
        except sqlite3.DatabaseError as exc:
            if is_busy(exc):
                raise
            self.conn.close()
            raise Damaged(str(exc)) from exc

    def close(self) -> None:
        self.conn.close()

    def moved(self) -> bool:
        """True when the file was deleted or replaced since it was opened (by a person or a rebuild)."""
        try:
            st = os.stat(self.path)
        except OSError:
            return True
        return (st.st_dev, st.st_ino) != self.identity

    # -- what the index holds -----------------------------------------------------------------
    def meta(self, *keys: str) -> dict[str, Any]:
        """These entries of what the index holds; raises Damaged when it is not an index of this schema.

        Only the keys asked for are read: ``titles`` alone is a large JSON object for a big library.
        """
        wanted = ("schema", "stemmer", *keys)
        try:
            rows = self.conn.execute(
                f"SELECT key, value FROM meta WHERE key IN ({','.join('?' * len(wanted))})", wanted
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            if is_busy(exc):
                raise
            raise Damaged(str(exc)) from exc
        meta = {str(k): json.loads(v) for k, v in rows}
        if meta.get("schema") != SCHEMA_VERSION or meta.get("stemmer") != _words.stemmer_version():
            raise Damaged("an index of another schema or stemmer")
        return meta

    def set_meta(self, **values: Any) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [(k, json.dumps(v, sort_keys=True)) for k, v in values.items()],
        )

    @contextlib.contextmanager
    def writing(self, wait_seconds: float) -> Iterator[sqlite3.Connection]:
        """One write transaction, waiting up to ``wait_seconds`` for another writer to finish."""
        self.conn.execute(f"PRAGMA busy_timeout = {max(1, int(wait_seconds * 1000))}")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def shrink_wal(self) -> None:
        """After indexing a library: copy the WAL into the file and cut it to nothing (it is as large
        as what was written). Skipped if a reader holds on to an old snapshot: the next write does it."""
        self.conn.execute("PRAGMA busy_timeout = 100")
        with contextlib.suppress(sqlite3.OperationalError):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def reset(self) -> None:
        """Empty the index and lay out the current schema (inside a ``writing`` transaction)."""
        tables = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
        names = [str(r[0]) for r in tables]
        for name in sorted(names, key=lambda n: not n.startswith("fts_")):  # virtual tables first
            with contextlib.suppress(sqlite3.OperationalError):  # a shadow table already dropped
                self.conn.execute(f'DROP TABLE IF EXISTS "{name}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self.conn.execute(statement)
        self.set_meta(
            schema=SCHEMA_VERSION, stemmer=_words.stemmer_version(), packs={}, titles={}, pack_languages={},
            notes_change=0, languages=[],
        )  # fmt: skip

    def ensure_language(self, lang: str, languages: list[str]) -> None:
        """Create the FTS5 table of ``lang`` the first time a document in it is written."""
        if lang in languages:
            return
        if not _LANG_RE.fullmatch(lang):
            raise ValueError(f"not a language code: {lang!r}")
        self.conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS fts_{lang} USING fts5"
            "(title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        self.conn.execute(f"INSERT INTO fts_{lang} (fts_{lang}, rank) VALUES ('rank', 'bm25({TITLE_WEIGHT}, 1.0)')")
        languages.append(lang)
        self.set_meta(languages=sorted(languages))

    def next_id(self, note: bool) -> int:
        low, high = (NOTE_BASE, 1 << 62) if note else (0, NOTE_BASE)
        row = self.conn.execute("SELECT MAX(id) FROM docs WHERE id >= ? AND id < ?", (low, high)).fetchone()
        return max(int(row[0] or 0), low) + 1

    def delete_docs(self, where: str, params: tuple[Any, ...]) -> None:
        """Drop documents from ``docs`` and from their language's FTS5 table."""
        rows = self.conn.execute(f"SELECT id, lang FROM docs WHERE {where}", params).fetchall()
        by_lang: dict[str, list[tuple[int]]] = {}
        for doc_id, lang in rows:
            by_lang.setdefault(str(lang), []).append((int(doc_id),))
        for lang, ids in by_lang.items():
            self.conn.executemany(f"DELETE FROM fts_{lang} WHERE rowid = ?", ids)
        self.conn.executemany("DELETE FROM docs WHERE id = ?", [i for ids in by_lang.values() for i in ids])
