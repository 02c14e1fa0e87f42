"""Words: how text is cut into words and each word reduced to its stem, per language.

Stemming is done here in Python, before SQLite sees the text: FTS5 only has an English (Porter)
stemmer, and a custom FTS5 tokenizer cannot be registered from Python's ``sqlite3``. So the index
holds pre-stemmed text ("redirecting" is stored as "redirect") and a query is stemmed the same way.
A lesson library repeats the same few tens of thousands of words millions of times, so each
language keeps a dict of the stems it has computed and the Snowball stemmer (PyStemmer, in C) only
sees each distinct word once.

Stop words are dropped from queries only (the index keeps every word): "pipes and filters" must not
require, nor highlight, every "and" of a lesson; a query made only of stop words keeps them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

import Stemmer

FALLBACK = "xx"  # the table suffix for languages with no stemmer (Kiswahili, ...): lowercase words only

# The ISO 639-1 code of every language a Snowball stemmer covers, to PyStemmer's algorithm name.
_ALGORITHMS = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "eo": "esperanto", "es": "spanish", "et": "estonian", "eu": "basque",
    "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "st": "sesotho", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip
_ALIASES = {"nb": "no", "nn": "no"}
STEMMED = tuple(sorted(code for code, name in _ALGORITHMS.items() if name in Stemmer.algorithms()))

# Letters and digits (not "_", which FTS5's tokenizer splits on too), with the combining marks of
# Arabic, Hebrew and Devanagari kept inside a word (Python's \w does not count them as letters).
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0962\u0963"
)
WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_MARK_RE = re.compile(f"[{_MARKS}]")
_PLAIN_WORD_RE = re.compile(r"\w+")  # three times faster than WORD_RE: used when no mark is present

_STOP = {
    "en": "a an and are as at be but by can do for from has have he her his i if in into is it its of on "
    "or she so than that the their them then there these they this to was we were what when which who "
    "will with you your",
    "fr": "a au aux avec ce ces cet cette d dans de des du elle elles en est et il ils je l la le les leur "
    "leurs mais ne nous on ou par pas pour qu que qui sa sans se ses son sont sur tu un une vous y à",
    "sw": "au cha hii hiyo huo ile ili kama katika kuwa kwa la lakini na ni pia sana tu vya wa ya za",
    "ar": "أن أو إلى إن التي الذي ثم عن على في قد كان لا ما مع من هذا هذه هو هي و ذلك",
    "es": "a al con de del el en es la las lo los o para por que se su un una y",
    "pt": "a ao as com da das de do dos e em o os para por que se um uma é",
}
STOP_WORDS = {lang: frozenset(words.split()) for lang, words in _STOP.items()}


def field_language(language: str) -> str:
    """The index table suffix for a pack language: 'fr-CA' -> 'fr'; 'sw' (no stemmer) -> the fallback."""
    base = (language or "").split("-")[0].split("_")[0].lower()
    base = _ALIASES.get(base, base)
    return base if base in STEMMED else FALLBACK


def words(text: str) -> list[str]:
    """The lowercase words of ``text``, in order."""
    text = text.lower()
    if _MARK_RE.search(text) is not None:
        return WORD_RE.findall(text)
    return _PLAIN_WORD_RE.findall(text.replace("_", " "))


class Stems:
    """One language's stemmer with a cache of every word it has stemmed (thread-safe)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stemmer = Stemmer.Stemmer(_ALGORITHMS[lang]) if lang in STEMMED else None
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()
        fallback = STOP_WORDS["en"] | STOP_WORDS["sw"]  # as before: unstemmed languages dropped English stop words
        self.stop_words = STOP_WORDS.get(lang, fallback if lang == FALLBACK else frozenset())

    def learn(self, distinct: Iterable[str]) -> None:
        """Stem every word of ``distinct`` not seen before, in one call into the C stemmer."""
        cache = self._cache
        new = [w for w in distinct if w not in cache]
        if not new:
            return
        stems = new if self._stemmer is None else self._stemmer.stemWords(new)
        with self._lock:
            cache.update(zip(new, stems, strict=True))

    def stem(self, word: str) -> str:
        self.learn((word,))
        return self._cache[word]

    def stemmed(self, tokens: list[str], learned: bool = False) -> str:
        """The stems of ``tokens`` (lowercase words), space-separated: what the index stores.

        ``learned``: the caller already passed these tokens to ``learn``.
        """
        if not learned:
            self.learn(set(tokens))
        return " ".join(map(self._cache.__getitem__, tokens))


_STEMS: dict[str, Stems] = {}
_STEMS_LOCK = threading.Lock()


def stems_for(lang: str) -> Stems:
    """The shared stemmer of a table language (built once per process)."""
    with _STEMS_LOCK:
        found = _STEMS.get(lang)
        if found is None:
            found = _STEMS[lang] = Stems(lang)
        return found


def stemmer_version() -> str:
    """Part of the index's identity: other stems would no longer match the ones indexed."""
    return f"pystemmer-{getattr(Stemmer, '__version__', '?')}"
