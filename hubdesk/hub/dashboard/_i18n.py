"""The dashboard's words in English and French.

Every sentence a page shows goes through :class:`Words` (``w("Centres")``, with ``{name}`` fields
filled after translation); French comes from :data:`FRENCH` (``fr.json``), keyed by the English text, and a test
checks every ``w("...")`` in the dashboard has its French. The language is the operator's choice
(``?lang=fr``, kept in a cookie) or else the browser's first of English and French.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

LANGS = ("en", "fr")
MONTHS_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


class Words:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "en"

    def __call__(self, text: str, **fields: Any) -> str:
        out = FRENCH.get(text, text) if self.lang == "fr" else text
        return out.format(**fields) if fields else out

    def number(self, n: float) -> str:
        text = f"{n:,.0f}"
        return text.replace(",", "\u202f") if self.lang == "fr" else text

    def date(self, day: dt.date) -> str:
        if self.lang == "fr":
            return f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}"
        return day.strftime("%d %b %Y")

    def short_date(self, day: dt.date) -> str:
        return f"{day.day} {MONTHS_FR[day.month - 1]}" if self.lang == "fr" else f"{day.day} {day:%b}"

    def when(self, at: float | None) -> str:
        if at is None:
            return self("never")
        moment = dt.datetime.fromtimestamp(at)
        return f"{self.date(moment.date())} {moment:%H:%M}"


def choose(query_lang: str | None, cookie_lang: str | None, accept: str) -> str:
    for lang in (query_lang, cookie_lang):
        if lang in LANGS:
            return str(lang)
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"


FRENCH: dict[str, str] = json.loads(resources.files(__package__).joinpath("fr.json").read_text("utf-8"))
