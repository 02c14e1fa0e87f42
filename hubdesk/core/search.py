"""Full-text search over installed lessons and the signed-in learner's own notes (Whoosh).

The index is a cache, never a source of truth: lessons come from the installed packs and notes from
the notes table, so whenever the index is missing, damaged, or does not match what is installed,
it is rebuilt or brought up to date at search time. A small ``state.json`` beside it records which
(pack, version) pairs and which note changes it holds; that is what makes the check cheap.

Choices that keep a query under ~25 ms over thousands of lessons, with snippets:

- one field pair (title/body) per language, with that language's stemmer where Whoosh has one
  ('redirection' finds 'redirecting'); the parser only searches the languages actually indexed;
- terms are indexed with their character offsets, so snippets come from those offsets ("pinpoint"
  highlighting) instead of re-analysing every hit's text;
- the searcher and the parsers are kept between queries and refreshed only after a change;
- "did you mean" only looks for corrections of words the lessons do not contain, against an
  unstemmed word list of lessons only (never notes: a suggestion must not leak another learner's words).
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from whoosh import fields, index, query
from whoosh.analysis import Analyzer, LanguageAnalyzer, RegexTokenizer, StandardAnalyzer
from whoosh.analysis.filters import LowercaseFilter
from whoosh.index import LockError
from whoosh.lang import has_stemmer, languages
from whoosh.qparser import AndGroup, OrGroup, QueryParser, plugins
from whoosh.searching import Searcher

from hubdesk.core.notes import Notes
from hubdesk.errors import HubDeskError

log = logging.getLogger(__name__)
SCHEMA_VERSION = 3
STATE_FILE = "state.json"
FALLBACK = "xx"  # the field suffix for languages Whoosh cannot stem
STEMMED = tuple(sorted({lang.split("_")[0] for lang in languages if has_stemmer(lang)}))
NO_OWNER = "-"
SNIPPET_CHARS = 200
SNIPPET_CONTEXT = 40  # characters shown before the first match
WRITER_WAIT_SECONDS = 10.0  # another process (the app, a CLI command) may be updating the index
RECHECK_SECONDS = 2.0  # how often a long-lived app re-reads the installed packs (another process may change them)
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_PLAIN_WORD_RE = re.compile(r"(?<![\w*?])\w+(?![\w*?])", re.UNICODE)  # not part of a wildcard like dir*
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


class LessonLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...


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


class RenderedLike(Protocol):
    @property
    def text(self) -> str: ...


class PacksLike(Protocol):
    """What the packs manager offers the index (``inst.packs``)."""

    def list(self) -> Sequence[PackLike]: ...
    def render_lesson(self, pack_id: str, lesson_id: str) -> RenderedLike: ...
    def add_listener(self, fn: Callable[[str, str], None]) -> None: ...


@dataclass(frozen=True)
class LessonDoc:
    """One lesson as the index sees it (what ``packs`` gives, flattened)."""

    pack_id: str
    lesson_id: str
    title: str
    text: str
    language: str


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


def field_language(language: str) -> str:
    """The field suffix for a pack language: 'fr-CA' -> 'fr'; 'sw' (no stemmer) -> the fallback."""
    base = (language or "").split("-")[0].split("_")[0].lower()
    return base if base in STEMMED else FALLBACK


def _analyzer(lang: str) -> Analyzer:
    return cast(Analyzer, StandardAnalyzer() if lang == FALLBACK else LanguageAnalyzer(lang))


def build_schema() -> fields.Schema:
    schema = fields.Schema(
        key=fields.ID(unique=True, stored=True),
        kind=fields.ID(stored=True),
        pack_id=fields.ID(stored=True),
        lesson_id=fields.ID(stored=True),
        owner=fields.ID(),
        language=fields.ID(stored=True),
        title=fields.STORED(),
        body=fields.STORED(),
        spell=fields.TEXT(analyzer=RegexTokenizer() | LowercaseFilter(), phrase=False),
    )
    return schema


def _add_language(writer: Any, lang: str) -> None:
    """Add a language's title/body fields the first time a pack in it is indexed.

    Only languages in use are in the schema: Whoosh unpickles the schema (analysers, stop lists)
    every time it opens the index, and seventeen unused languages made that the slowest step of
    a ``hubdesk search`` on the command line.
    """
    if f"b_{lang}" in writer.schema:
        return
    analyzer = _analyzer(lang)
    writer.add_field(f"t_{lang}", fields.TEXT(analyzer=analyzer, field_boost=2.0, phrase=False))
    writer.add_field(f"b_{lang}", fields.TEXT(analyzer=analyzer, chars=True))


class Search:
    """The search manager, hung off the installation as ``inst.search``."""

    def __init__(self, folder: Path, packs: PacksLike | None, notes: Notes | None) -> None:
        self.folder = Path(folder)
        self.packs = packs
        self.notes = notes
        self._lock = threading.RLock()
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._state: dict[str, Any] = {}
        self._state_stamp: tuple[float, int] | None = None
        self._parsers: dict[tuple[str, str], QueryParser] = {}
        self._checked_at = 0.0
        self._dirty = True
        if packs is not None:
            packs.add_listener(self._on_pack_changed)
        if notes is not None:
            notes.add_listener(self._on_note_saved)

    # -- keeping the index right --------------------------------------------------------------
    def _state_path(self) -> Path:
        return self.folder / STATE_FILE

    def _stamp(self) -> tuple[float, int] | None:
        try:
            st = os.stat(self._state_path())
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def _open(self) -> None:
        """Open the index, or build it from scratch if it is missing or damaged in any way."""
        self._close_searcher()
        try:
            state = json.loads(self._state_path().read_text(encoding="utf-8"))
            if not isinstance(state, dict) or state.get("schema") != SCHEMA_VERSION:
                raise ValueError("old or unknown index state")
            ix = index.open_dir(str(self.folder))
            searcher = ix.searcher()  # reads the table of contents and every segment's header
            searcher.doc_count()
        except Exception:  # anything at all wrong with a cache: throw it away and rebuild
            self._rebuild()
            return
        self._ix, self._state, self._searcher = ix, state, searcher
        self._dirty = False
        self._state_stamp = self._stamp()

    def _rebuild(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._ix = index.create_in(str(self.folder), build_schema())
        self._state = {"schema": SCHEMA_VERSION, "packs": {}, "notes_change": 0, "languages": []}
        self._write_state()
        self._sync_packs()
        self._sync_notes()

    def _write_state(self) -> None:
        tmp = self.folder / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(self._state, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self._state_path())
        self._state_stamp = self._stamp()
        self._parsers.clear()
        self._dirty = True

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def ensure_fresh(self, force: bool = False) -> None:
        """Open or heal the index and bring it up to date with installed packs and saved notes."""
        with self._lock:
            if self._ix is None or self._stamp() != self._state_stamp:
                self._open()  # first use, or the folder was deleted or rewritten under us
            now = time.monotonic()
            if force or now - self._checked_at > RECHECK_SECONDS:
                self._sync_packs()
                self._sync_notes()
                self._checked_at = now

    def rebuild(self) -> None:
        with self._lock:
            self._close_searcher()
            self._rebuild()

    def _installed(self) -> dict[str, PackLike]:
        return {p.id: p for p in self.packs.list()} if self.packs is not None else {}

    def _sync_packs(self) -> None:
        installed = self._installed()
        indexed: dict[str, str] = dict(self._state.get("packs", {}))
        wanted = {pid: str(p.version) for pid, p in installed.items()}
        if wanted == indexed:
            return
        stale = [pid for pid in indexed if wanted.get(pid) != indexed[pid]]
        fresh = [installed[pid] for pid in wanted if indexed.get(pid) != wanted[pid]]
        docs: list[LessonDoc] = []
        for pack in fresh:
            for lesson in pack.lessons:
                text = self._lesson_text(pack.id, lesson.id)
                docs.append(LessonDoc(pack.id, lesson.id, lesson.title, text, pack.language))
        self.index_lessons(docs, remove_packs=stale)
        self._state["packs"] = wanted
        self._state["titles"] = {pid: {lesson.id: lesson.title for lesson in p.lessons} for pid, p in installed.items()}
        self._state["pack_languages"] = {pid: p.language for pid, p in installed.items()}
        self._write_state()

    def _lesson_text(self, pack_id: str, lesson_id: str) -> str:
        if self.packs is None:
            return ""
        try:
            return self.packs.render_lesson(pack_id, lesson_id).text
        except HubDeskError as exc:  # one unreadable lesson must not keep the others out of search
            log.warning("lesson %s/%s is indexed by its title only: %s", pack_id, lesson_id, exc)
            return ""

    def index_lessons(self, docs: Iterable[LessonDoc], remove_packs: Iterable[str] = ()) -> int:
        """Add or replace lessons (and drop whole packs) in one commit; return how many were written."""
        with self._lock:
            if self._ix is None:
                self._open()
            docs = list(docs)
            writer = self._ix.writer(timeout=WRITER_WAIT_SECONDS, limitmb=128)
            count = 0
            languages_seen = set(self._state.get("languages", []))
            try:
                for lang in sorted({field_language(d.language) for d in docs} - languages_seen):
                    _add_language(writer, lang)  # before any document: Whoosh's rule
                    languages_seen.add(lang)
                for pack_id in remove_packs:
                    writer.delete_by_query(query.And([query.Term("kind", "lesson"), query.Term("pack_id", pack_id)]))
                for doc in docs:
                    lang = field_language(doc.language)
                    writer.update_document(
                        key=f"lesson\x1f{doc.pack_id}\x1f{doc.lesson_id}",
                        kind="lesson",
                        pack_id=doc.pack_id,
                        lesson_id=doc.lesson_id,
                        owner=NO_OWNER,
                        language=doc.language,
                        title=doc.title,
                        body=_joined(doc.title, doc.text),
                        spell=f"{doc.title}\n{doc.text}",
                        **{f"t_{lang}": doc.title, f"b_{lang}": _joined(doc.title, doc.text)},
                    )
                    count += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            self._state["languages"] = sorted(languages_seen)
            self._write_state()
            return count

    def _sync_notes(self) -> None:
        if self.notes is None:
            return
        done = int(self._state.get("notes_change", 0))
        if self.notes.last_change() == done:
            return
        changed = self.notes.changed_since(done)
        titles: dict[str, dict[str, str]] = self._state.get("titles", {})
        pack_languages: dict[str, str] = self._state.get("pack_languages", {})
        writer = self._ix.writer(timeout=WRITER_WAIT_SECONDS)
        languages_seen = set(self._state.get("languages", []))
        try:
            for lang in sorted({field_language(pack_languages.get(row[1], "")) for row in changed} - languages_seen):
                _add_language(writer, lang)
                languages_seen.add(lang)
            for learner_id, pack_id, lesson_id, text, change in changed:
                key = f"note\x1f{learner_id}\x1f{pack_id}\x1f{lesson_id}"
                done = max(done, change)
                if not text.strip():
                    writer.delete_by_term("key", key)
                    continue
                language = pack_languages.get(pack_id, "")
                lang = field_language(language)
                title = titles.get(pack_id, {}).get(lesson_id, lesson_id)
                writer.update_document(
                    key=key,
                    kind="note",
                    pack_id=pack_id,
                    lesson_id=lesson_id,
                    owner=learner_id,
                    language=language,
                    title=title,
                    body=_joined(title, text),
                    **{f"t_{lang}": title, f"b_{lang}": _joined(title, text)},
                )
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        self._state["notes_change"] = done
        self._state["languages"] = sorted(languages_seen)
        self._write_state()

    def _on_pack_changed(self, pack_id: str, change: str) -> None:
        self._update_quietly(self._sync_packs)

    def _on_note_saved(self, learner_id: str, pack_id: str, lesson_id: str) -> None:
        self._update_quietly(self._sync_notes)

    def _update_quietly(self, update: Callable[[], None]) -> None:
        """Listeners run inside an install or a note save: a broken index must not fail those.

        If the update fails, the index is dropped and the next search rebuilds it.
        """
        with self._lock:
            if self._ix is None:
                return  # not opened yet: the first search brings it up to date
            try:
                update()
                self._checked_at = time.monotonic()
            except LockError:
                log.warning("another process holds the search index; the next search catches up")
            except Exception:
                log.exception("the search index could not be updated; it will be rebuilt")
                self._close_searcher()
                self._ix = None
                shutil.rmtree(self.folder, ignore_errors=True)

    # -- searching ----------------------------------------------------------------------------
    def _get_searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif self._dirty:
            # Not ``Searcher.refresh()``: it compares generations, and after a deletions-only commit
            # it kept serving a deleted note. A new searcher after our own write is cheap enough.
            self._searcher.close()
            self._searcher = self._ix.searcher()
        self._dirty = False
        return self._searcher

    def _parser(self, fieldname: str, group: str) -> QueryParser:
        parser = self._parsers.get((fieldname, group))
        if parser is None:
            grouping = OrGroup.factory(0.9) if group == "or" else AndGroup
            parser = QueryParser(fieldname, self._get_searcher().schema, group=grouping)
            parser.remove_plugin_class(plugins.FieldsPlugin)  # "note: loops" is two words, not a field
            parser.remove_plugin_class(plugins.WildcardPlugin)  # "*" is not "every lesson"
            parser.remove_plugin_class(plugins.PrefixPlugin)
            self._parsers[(fieldname, group)] = parser
        return parser

    def _query(self, text: str, langs: tuple[str, ...], any_word: bool) -> query.Query:
        """Per language: every word (or, failing that, any word) in the lesson, titles adding to the score.

        The body field holds the title too, so one field answers "does it match"; the small title
        field only adds score, as the other arm of an ``Or`` whose matches are a subset of the body's
        (every title word is in the body). Not ``AndMaybe``: Whoosh's block-quality skipping loops
        forever on it when the optional side cannot skip.
        """
        per_lang: list[query.Query] = []
        for lang in langs:
            body = self._parser(f"b_{lang}", "or" if any_word else "and").parse(text)
            if body is query.NullQuery:
                continue
            title = self._parser(f"t_{lang}", "or" if any_word else "and").parse(text)
            per_lang.append(body if title is query.NullQuery else query.Or([body, title]))
        if not per_lang:
            return query.NullQuery
        return per_lang[0] if len(per_lang) == 1 else query.Or(per_lang)

    def search(
        self, text: str, *, learner_id: str | None = None, limit: int = 10, language: str | None = None
    ) -> SearchResults:
        """Lessons (and this learner's own notes, when ``learner_id`` is given) matching ``text``.

        ``*`` and ``?`` are not wildcards: learners type words, and "*" found every lesson.
        """
        text = text.replace("*", " ").replace("?", " ").strip()
        if not text:
            return SearchResults()
        with self._lock:
            try:
                self.ensure_fresh()
            except LockError:
                log.warning("another process is updating the search index; searching what it holds")
                if self._ix is None:
                    raise
            try:
                return self._search(text, learner_id, limit, language)
            except Exception:  # a segment damaged after opening: rebuild once, then let errors through
                self.rebuild()
                return self._search(text, learner_id, limit, language)

    def _search(self, text: str, learner_id: str | None, limit: int, language: str | None) -> SearchResults:
        searcher = self._get_searcher()
        langs = tuple(self._state.get("languages", [])) or (FALLBACK,)
        # Hidden documents are subtracted inside the query rather than with a filter: a filter makes
        # Whoosh visit every match, while a query keeps its block-quality skipping (top-N only).
        hidden: query.Query = query.Term("kind", "note")
        if learner_id:
            hidden = query.AndNot(hidden, query.Term("owner", learner_id))
        only: query.Query | None = None
        if language:
            langs = (field_language(language),)
            only = query.Term("language", language)
        hits = self._run(searcher, text, langs, hidden, only, limit)
        suggestion = self._suggest(searcher, text)
        if not hits and suggestion:
            corrected = self._run(searcher, suggestion, langs, hidden, only, limit)
            if corrected:
                return SearchResults(corrected, suggestion, corrected=True)
        return SearchResults(hits, suggestion, corrected=False)

    def _run(
        self,
        searcher: Searcher,
        text: str,
        langs: tuple[str, ...],
        hidden: query.Query,
        only: query.Query | None,
        limit: int,
    ) -> list[Hit]:
        for any_word in (False, True):
            if any_word and len(_WORD_RE.findall(text)) < 2:
                break
            q = self._query(text, langs, any_word)
            if q is query.NullQuery:
                return []
            if only is not None:
                q = query.And([q, only])
            hits = self._collect(searcher, query.AndNot(q, hidden), limit)
            if hits:
                return hits
        return []

    def _collect(self, searcher: Searcher, q: query.Query, limit: int) -> list[Hit]:
        results = searcher.search(q, limit=max(1, limit))
        if not len(results.top_n):
            return []
        spans = _match_spans(searcher.reader(), q, [docnum for _score, docnum in results.top_n])
        out: list[Hit] = []
        for hit in results:
            stored = hit.fields()
            title = str(stored.get("title", ""))
            body = str(stored.get("body", ""))
            skip = len(title) + 2 if body.startswith(title) else 0  # the title is shown already
            snippet = _snippet(body, spans.get(hit.docnum, []), skip)
            out.append(
                Hit(
                    kind=str(stored["kind"]),
                    pack_id=str(stored["pack_id"]),
                    lesson_id=str(stored["lesson_id"]),
                    title=title,
                    snippet_html=snippet,
                    score=round(float(hit.score or 0.0), 4),
                    language=str(stored.get("language", "")),
                )
            )
        return out

    def _suggest(self, searcher: Searcher, text: str) -> str | None:
        """Replace each word the lessons do not contain with the closest one they do (or give up)."""
        reader = searcher.reader()
        changed = False

        def fix(match: re.Match[str]) -> str:
            nonlocal changed
            word = match.group(0)
            lower = word.lower()
            if word in _OPERATORS or len(lower) < 3 or lower.isdigit() or reader.doc_frequency("spell", lower):
                return word
            best = _closest(reader, lower)
            if best is None:
                raise LookupError(word)
            changed = True
            return best

        try:
            suggestion = _PLAIN_WORD_RE.sub(fix, text)
        except LookupError:
            return None  # a word with no close match: probably not a typo; suggest nothing
        return suggestion if changed else None

    def close(self) -> None:
        with self._lock:
            self._close_searcher()
            self._ix = None


Span = tuple[int, int, int]  # (start char, end char, which query term)


def _match_spans(reader: Any, q: query.Query, shown: list[int]) -> dict[int, list[Span]]:
    """Where each query term occurs in each *shown* hit, from the offsets stored in the index.

    This is Whoosh's "pinpoint" highlighting done for the ten shown hits only: ``search(terms=True)``
    would record matched terms for every matching document (costing more than the search), and
    re-analysing the text of each hit costs about a millisecond a hit.
    """
    spans: dict[int, list[Span]] = {docnum: [] for docnum in shown}
    order = sorted(shown)
    terms = sorted(t for t in q.existing_terms(reader, phrases=True, expand=True) if t[0].startswith("b_"))
    for which, (fieldname, btext) in enumerate(terms):
        postings = reader.postings(fieldname, btext)
        for docnum in order:
            if not postings.is_active():
                break
            if postings.id() < docnum:
                postings.skip_to(docnum)
            if postings.is_active() and postings.id() == docnum:
                spans[docnum].extend((start, end, which) for _pos, start, end in postings.value_as("characters"))
    return spans


def _snippet(text: str, spans: list[Span], skip: int) -> str:
    """About SNIPPET_CHARS of ``text`` around the densest run of matches, matches in ``<b>``, escaped."""
    spans = sorted(sp for sp in spans if sp[0] >= skip) or sorted(spans)
    if not spans:
        return html.escape(_lead(text[skip:]), quote=False)
    spans = spans[:400]
    reach = SNIPPET_CHARS - 2 * SNIPPET_CONTEXT
    best, best_at, j = (-1, -1), 0, 0
    for i, first in enumerate(spans):  # the window with the most different terms, then the most matches
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - first[0] <= reach:
            j += 1
        rank = (len({sp[2] for sp in spans[i : j + 1]}), j - i)
        if rank > best:
            best, best_at = rank, i
    first_start = spans[best_at][0]
    start = max(skip, first_start - SNIPPET_CONTEXT)
    if start > skip:
        space = text.find(" ", start, first_start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first_start, end)
        end = space if space > first_start else end
    pieces: list[str] = ["… " if start > skip else ""]
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


def _closest(reader: Any, word: str) -> str | None:
    maxdist = 1 if len(word) <= 4 else 2
    best: tuple[int, int, str] | None = None
    for dist in range(1, maxdist + 1):
        for candidate in reader.terms_within("spell", word, dist, prefix=1):
            if candidate == word:
                continue
            rank = (dist, -int(reader.doc_frequency("spell", candidate)), str(candidate))
            if best is None or rank < best:
                best = rank
        if best is not None:
            return best[2]
    return None


def _joined(title: str, text: str) -> str:
    """What the body field indexes and stores: the title, then the text (snippet offsets refer to it)."""
    return f"{title}\n\n{text}"


def _lead(text: str) -> str:
    """The first sentence or so, for a hit whose body had no highlighted words (a title match)."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    cut = flat.rfind(" ", 0, SNIPPET_CHARS)
    return flat[: cut if cut > 0 else SNIPPET_CHARS] + "…"
