"""The search manager, hung off the installation as ``inst.search``.

The index is a cache, never a source of truth: lessons come from the installed packs and notes from
the notes table, so whenever the index is missing, damaged, or does not match what is installed, it
is rebuilt or brought up to date at search time (and right after a pack is installed or a note saved
in this process, once the index is open). Its ``meta`` table records which (pack, version) pairs and
which note changes it holds; that is what makes the check cheap. Several processes (the app, a CLI
command) may use one index: SQLite's locking keeps them apart, and each update is worked out inside
its own write transaction, so work done by one is not redone by the other.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from hubdesk.core.notes import Notes
from hubdesk.core.search import _indexing, _query, _words
from hubdesk.core.search._index import FILE_NAME, Damaged, IndexFile, is_busy
from hubdesk.core.search._indexing import LessonDoc, PacksLike
from hubdesk.core.search._query import Hit, SearchResults

log = logging.getLogger(__name__)
WRITER_WAIT_SECONDS = 10.0  # another process (the app, a CLI command) may be updating the index
RECHECK_SECONDS = 2.0  # how often a long-lived app re-reads the installed packs (another process may change them)


class Search:
    def __init__(self, folder: Path, packs: PacksLike | None, notes: Notes | None) -> None:
        self.folder = Path(folder)
        self.packs = packs
        self.notes = notes
        self._lock = threading.RLock()
        self._ix: IndexFile | None = None
        self._checked_at = 0.0
        if packs is not None:
            packs.add_listener(self._on_pack_changed)
        if notes is not None:
            notes.add_listener(self._on_note_saved)

    # -- keeping the index right --------------------------------------------------------------
    def _open(self) -> IndexFile:
        """The open index file: opened, created, or thrown away and laid anew if it is not usable."""
        if self._ix is not None and not self._ix.moved():
            return self._ix
        self._drop()
        ix: IndexFile | None = None
        try:
            ix = IndexFile(self.folder)
            ix.meta()
        except (Damaged, sqlite3.DatabaseError) as exc:
            if ix is not None:
                ix.close()  # never leave a connection behind: the next step may delete the file
            if is_busy(exc):
                raise
            ix = self._lay_out()
        self._ix = ix
        self._checked_at = 0.0  # a new file: bring it up to date now
        return ix

    def _lay_out(self) -> IndexFile:
        """An empty index of the current schema, reusing the file when SQLite can still open it."""
        for leftover in self.folder.glob("*"):  # an older index's files (Whoosh segments, state.json)
            if leftover.is_file() and not leftover.name.startswith(FILE_NAME):
                leftover.unlink(missing_ok=True)
        ix: IndexFile | None = None
        try:
            ix = IndexFile(self.folder)
            with ix.writing(WRITER_WAIT_SECONDS):
                try:
                    ix.meta()  # another process laid it out while we waited
                except Damaged:
                    ix.reset()
            return ix
        except (Damaged, sqlite3.DatabaseError) as exc:
            if ix is not None:
                ix.close()
            if is_busy(exc):
                raise  # another process is writing: never throw its file away
        log.warning("the search index was damaged; it is built anew")
        self._remove_files()
        ix = IndexFile(self.folder)
        with ix.writing(WRITER_WAIT_SECONDS):
            ix.reset()
        return ix

    def _remove_files(self) -> None:
        """Delete the index with its WAL: a WAL left beside a new file would be replayed into it."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            (self.folder / (FILE_NAME + suffix)).unlink(missing_ok=True)

    def _drop(self) -> None:
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    def ensure_fresh(self, force: bool = False) -> None:
        """Open or heal the index and bring it up to date with installed packs and saved notes."""
        with self._lock:
            self._open()
            now = time.monotonic()
            if force or now - self._checked_at > RECHECK_SECONDS:
                self._sync_packs()
                self._sync_notes()
                self._checked_at = time.monotonic()

    def rebuild(self) -> None:
        """Throw the index away and build it again from the installed packs and saved notes."""
        with self._lock:
            ix = self._open()
            with ix.writing(WRITER_WAIT_SECONDS):
                ix.reset()
            self._sync_packs()
            self._sync_notes()
            self._checked_at = time.monotonic()

    def _sync_packs(self) -> None:
        if self.packs is None:
            return
        installed = {p.id: p for p in self.packs.list()}
        wanted = {pid: str(p.version) for pid, p in installed.items()}
        ix = self._open()
        if ix.meta("packs").get("packs") == wanted:
            return  # the usual case, answered without taking the write lock
        with ix.writing(WRITER_WAIT_SECONDS):
            meta = ix.meta("packs", "languages")  # again, inside the transaction: another process may have done it
            indexed: dict[str, str] = meta.get("packs", {})
            if indexed == wanted:
                return
            stale = [pid for pid in indexed if wanted.get(pid) != indexed[pid]]
            fresh = [installed[pid] for pid in wanted if indexed.get(pid) != wanted[pid]]
            _indexing.remove_packs(ix, stale)
            languages = list(meta.get("languages", []))
            for pack in fresh:
                _indexing.add_lessons(ix, _indexing.read_pack(self.packs, pack), languages)
            ix.set_meta(
                packs=wanted,
                titles={pid: {le.id: le.title for le in p.lessons} for pid, p in installed.items()},
                pack_languages={pid: p.language for pid, p in installed.items()},
            )
        if fresh:
            ix.shrink_wal()

    def index_lessons(self, docs: Iterable[LessonDoc], remove_packs: Iterable[str] = ()) -> int:
        """Add or replace lessons (and drop whole packs) in one commit; return how many were written."""
        with self._lock:
            ix = self._open()
            with ix.writing(WRITER_WAIT_SECONDS):
                _indexing.remove_packs(ix, remove_packs)
                languages = list(ix.meta("languages").get("languages", []))
                count = _indexing.add_lessons(ix, list(docs), languages)
            ix.shrink_wal()
            return count

    def _sync_notes(self) -> None:
        if self.notes is None:
            return
        ix = self._open()
        last = self.notes.last_change()
        if int(ix.meta("notes_change").get("notes_change", 0)) == last:
            return
        with ix.writing(WRITER_WAIT_SECONDS):
            meta = ix.meta("notes_change", "titles", "pack_languages", "languages")
            done = int(meta.get("notes_change", 0))
            titles: dict[str, dict[str, str]] = meta.get("titles", {})
            pack_languages: dict[str, str] = meta.get("pack_languages", {})
            languages = list(meta.get("languages", []))
            for learner_id, pack_id, lesson_id, text, change in self.notes.changed_since(done):
                title = titles.get(pack_id, {}).get(lesson_id, lesson_id)
                language = pack_languages.get(pack_id, "")
                _indexing.put_note(ix, learner_id, pack_id, lesson_id, title, text, language, languages)
                done = max(done, change)
            ix.set_meta(notes_change=done)

    def _on_pack_changed(self, pack_id: str, change: str) -> None:
        self._update_quietly(self._sync_packs)

    def _on_note_saved(self, learner_id: str, pack_id: str, lesson_id: str) -> None:
        self._update_quietly(self._sync_notes)

    def _update_quietly(self, update: Callable[[], None]) -> None:
        """Listeners run inside an install or a note save: a busy or broken index must not fail those.

        If the update fails, the index is dropped and the next search lays it out again.
        """
        with self._lock:
            if self._ix is None:
                return  # not opened yet: the first search brings it up to date
            try:
                update()
                self._checked_at = time.monotonic()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                log.warning("another process holds the search index; the next search catches up")
            except Exception:
                log.exception("the search index could not be updated; it will be rebuilt")
                self._drop()
                self._remove_files()

    # -- searching ----------------------------------------------------------------------------
    def search(
        self, text: str, *, learner_id: str | None = None, limit: int = 10, language: str | None = None
    ) -> SearchResults:
        """Lessons (and this learner's own notes, when ``learner_id`` is given) matching ``text``."""
        text = text.replace("*", " ").replace("?", " ").strip()
        if not text:
            return SearchResults()
        with self._lock:
            try:
                self.ensure_fresh()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or self._ix is None:
                    raise
                log.warning("another process is updating the search index; searching what it holds")
            try:
                return self._search(text, learner_id, max(1, limit), language)
            except sqlite3.DatabaseError as exc:  # damaged after opening: rebuild once, then let errors through
                if is_busy(exc):
                    raise
                self._drop()
                self._remove_files()
                self.ensure_fresh(force=True)
                return self._search(text, learner_id, max(1, limit), language)

    def _search(self, text: str, learner_id: str | None, limit: int, language: str | None) -> SearchResults:
        ix = self._open()
        conn = ix.conn
        conn.execute("BEGIN")  # one snapshot for the match, the rows and the words
        try:
            languages = list(ix.meta("languages").get("languages", []))
            if language:
                languages = [lang for lang in languages if lang == _words.field_language(language)]
            items = _query.parse(text)
            hits = self._run(conn, items, languages, learner_id, language, limit)
            suggestion = _query.suggest(conn, text)
            if not hits and suggestion:
                corrected = self._run(conn, _query.parse(suggestion), languages, learner_id, language, limit)
                if corrected:
                    return SearchResults(corrected, suggestion, corrected=True)
            return SearchResults(hits, suggestion, corrected=False)
        finally:
            conn.execute("COMMIT")

    @staticmethod
    def _run(
        conn: sqlite3.Connection,
        items: list[_query.Item],
        languages: list[str],
        learner_id: str | None,
        language: str | None,
        limit: int,
    ) -> list[Hit]:
        """Every word required; failing that (two words or more), any word."""
        for any_word in (False, True):
            if any_word and _query.count_words(items) < 2:
                break
            found = _query.run(conn, items, languages, learner_id, language, limit, any_word)
            if found:
                return _query.hits(conn, found)
        return []

    def close(self) -> None:
        with self._lock:
            self._drop()
