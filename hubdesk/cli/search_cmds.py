"""``hubdesk search QUERY``: find lessons in the installed packs (never anyone's notes).

The search code (stemmers, the index) is loaded only when the command runs, so ``hubdesk --version``
and every other command start as fast as before.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from typing import Any

from hubdesk.cli.context import Context


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="search the installed lessons",
        description="Search lesson titles and text in every installed pack (every word is required; "
        'also "a phrase", OR, NOT). Misspelt words get a '
        "'did you mean' suggestion; when the words find nothing, the suggestion's lessons are shown.",
    )
    p.add_argument("query", nargs="+", help="words to look for")
    p.add_argument("--json", action="store_true", help="print a JSON object: query, results, suggestion")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="at most N lessons (default 10)")
    p.add_argument("--language", metavar="CODE", help="only lessons in this language (en, fr, ...)")
    p.set_defaults(func=_search)


def _search(args: argparse.Namespace, ctx: Context) -> int:
    text = " ".join(args.query)
    limit = max(1, min(args.limit, 1000))
    found = ctx.inst.search.search(text, learner_id=None, limit=limit, language=args.language)
    if args.json:
        ctx.print_json(
            {
                "query": text,
                "results": [
                    {
                        "pack_id": h.pack_id,
                        "lesson_id": h.lesson_id,
                        "title": h.title,
                        "snippet": h.snippet,
                        "snippet_html": h.snippet_html,
                        "score": h.score,
                        "language": h.language,
                    }
                    for h in found.results
                    if h.kind == "lesson"
                ],
                "suggestion": found.suggestion,
                "corrected": found.corrected,
            }
        )
        return 0
    if found.corrected:
        print(f"Nothing found for “{text}”. Showing lessons for “{found.suggestion}” instead.")
    elif found.suggestion:
        print(f"Did you mean: {found.suggestion}?")
    lessons = [h for h in found.results if h.kind == "lesson"]
    if not lessons:
        print(f"No lesson matches “{text}”.")
        return 0
    bold = sys.stdout.isatty()
    for n, hit in enumerate(lessons, start=1):
        print(f"{n}. {hit.title}  [{hit.pack_id} / {hit.lesson_id}]")
        print(f"   {_terminal(hit.snippet_html, bold)}")
    return 0


def _terminal(snippet_html: str, bold: bool) -> str:
    """Matches in bold on a terminal, in *stars* when piped; other markup removed."""
    on, off = ("\033[1m", "\033[0m") if bold else ("*", "*")
    text = snippet_html.replace("<b>", on).replace("</b>", off)
    return html.unescape(re.sub(r"<[^>]+>", "", text))
