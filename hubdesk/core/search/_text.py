"""A lesson's Markdown as the plain text that search indexes and shows in snippets.

Not ``render.render_markdown``: rendering a real Carpentries episode to sanitised HTML takes tens
of milliseconds, so a 5,000-lesson library took minutes to become searchable. Search needs the words
a learner reads, not the layout, so a few whole-text regular expressions (each one pass in C) take
the Markdown syntax away: front matter, code fences and fenced-div markers, kramdown attributes,
HTML tags and comments, images (the reader's plain text drops them too), link targets (their text
stays), heading, emphasis, table and quote markers. Code inside fences stays: learners search for ``ls -F`` too.
"""

from __future__ import annotations

import html
import re

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
_SPACES_RE = re.compile(r"[ \t]{2,}|\t")
_BLANKS_RE = re.compile(r"\n\s*\n+")


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
    text = html.unescape(text)
    text = _SPACES_RE.sub(" ", text)
    return _BLANKS_RE.sub("\n", text).strip()


def _underscored(m: re.Match[str]) -> str:
    """``_x_`` is emphasis only at a word's edge: ``snake_case_name`` keeps its underscores."""
    start = m.start()
    if start and (m.string[start - 1].isalnum() or m.string[start - 1] == "_"):
        return m.group(0)
    return m.group(2)
