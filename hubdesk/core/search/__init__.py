"""Full-text search over installed lessons and the signed-in learner's own notes (SQLite FTS5).

The index is a cache in its own SQLite file (``search-index/index.sqlite3``), never the store:
missing, damaged or stale, it is laid out and filled again at search time. Text is stemmed in
Python per language before FTS5 indexes it, so stemming covers every language Snowball has (and
lowercase words for the rest, Kiswahili among them), while ranking (BM25, titles first), snippets
and "did you mean" stay in C where the work is heavy. See the private modules for each part:

- ``_manager``: the ``Search`` object, freshness, listeners, the several-processes rules;
- ``_index``: the file and its tables;
- ``_indexing``: lesson Markdown to plain text, writing lessons and notes;
- ``_words``: words, stems, stop words;
- ``_query``: parsing, ranking and "did you mean"; ``_snippets``: highlighted snippets.
"""

from hubdesk.core.search._indexing import LessonDoc, PackLike, PacksLike, lesson_text
from hubdesk.core.search._manager import RECHECK_SECONDS, WRITER_WAIT_SECONDS, Search
from hubdesk.core.search._query import Hit, SearchResults
from hubdesk.core.search._words import FALLBACK, STEMMED, field_language

__all__ = [
    "FALLBACK",
    "RECHECK_SECONDS",
    "STEMMED",
    "WRITER_WAIT_SECONDS",
    "Hit",
    "LessonDoc",
    "PackLike",
    "PacksLike",
    "Search",
    "SearchResults",
    "field_language",
    "lesson_text",
]
