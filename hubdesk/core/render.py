"""Lesson Markdown to sanitised HTML that Qt's QTextBrowser shows well, and plain text for search.

Real lessons are not tidy CommonMark: Carpentries episodes carry YAML front matter, Pandoc fenced
divs (``::::: challenge``) and kramdown attribute lists (``{: .language-bash}``). Divs become boxed
one-cell tables (QTextBrowser draws tables, not CSS boxes); attribute lists are consumed; anything
else unknown stays readable text. Every URL is decided in one place (``_filter_attr``): links to
other lessons become ``hubdesk:lesson/<id>``, pack files stay relative to the pack root (the view
adds the root to its search paths), web links stay (the view warns before leaving), and images from
anywhere but the pack are replaced by their alt text, so showing a lesson never touches the network.
nh3 (ammonia) removes scripts, iframes, event handlers, styles and ``javascript:`` URLs.
"""

from __future__ import annotations

import html
import posixpath
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from hubdesk.core import pandoc_md

LESSON_SCHEME = "hubdesk"
_FRONT_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_NONCE = secrets.token_hex(4)  # placeholders a lesson cannot forge by writing them
_CLOSE = f"HDBOX{_NONCE}C"
_DIV_OPEN_RE = re.compile(r"^\s{0,3}:{3,}\s*\{?\s*\.?([A-Za-z][\w-]*)[^\n]*$")
_DIV_CLOSE_RE = re.compile(r"^\s{0,3}:{3,}\s*$")
_IAL_RE = re.compile(r"^\s{0,3}\{:\s*[^}\n]*\}\s*$")
_TOKEN_RE = re.compile(rf"(?:<p>)?HDBOX{_NONCE}O(\d+)(?:</p>)?|(?:<p>)?HDBOX{_NONCE}C(?:</p>)?")
_IMG_RE = re.compile(r"<img\b[^>]*>")
_ALT_RE = re.compile(r'\salt="([^"]*)"')
_TAG_RE = re.compile(r"<[^>]+>")
# table cells become "a | b" and images part words; inline tags (b, em, code, a) do not, so
# "<b>sub</b>folder." stays one word
_CELL_RE = re.compile(r"</t[dh]>\s*(?=<t[dh][\s>])")
_IMG_TAG_RE = re.compile(r"<img[^>]*>")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SPACE_RE = re.compile(r"[ \t\r\f\v]+")
_BLOCK_END_RE = re.compile(r"</(?:p|li|h\d|pre|tr|dt|dd|blockquote)>|<br\s*/?>")

BOX_TITLES = {
    "challenge": "Challenge",
    "solution": "Solution",
    "callout": "Note",
    "objectives": "Objectives",
    "questions": "Questions",
    "keypoints": "Key points",
    "instructor": "Instructor note",
    "prereq": "Before you start",
    "discussion": "Discussion",
    "caution": "Caution",
    "checklist": "Checklist",
    "hint": "Hint",
    "spoiler": "More",
    "testimonial": "Testimonial",
}
_PLAIN_TABLE = '<table border="1" cellspacing="0" cellpadding="4">'
_BOX_COLOURS = {"solution": "#eef7ee", "caution": "#fdf1e6", "instructor": "#f2f2f2"}

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "samp", "small", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"border", "cellpadding", "cellspacing", "width", "bgcolor"},
    "td": {"colspan", "rowspan", "align", "valign", "bgcolor"},
    "th": {"colspan", "rowspan", "align", "valign"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", LESSON_SCHEME}


@dataclass(frozen=True)
class RenderedLesson:
    title: str
    html: str
    text: str  # plain text for the search index
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, text, anchor id)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """Return ``(front matter, body, problem)``; a malformed block is dropped with a note, never fatal."""
    m = _FRONT_RE.match(text)
    if not m:
        return {}, text, None
    import yaml  # imported on first use: commands that never render start faster

    body = text[m.end() :]
    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as exc:
        return {}, body, f"front matter is not valid YAML ({str(exc).splitlines()[0]}); it was ignored"
    if not isinstance(data, dict):
        return {}, body, "front matter is not a mapping; it was ignored"
    return data, body, None


def _preprocess(body: str) -> tuple[str, list[str]]:
    """Turn fenced divs into placeholder paragraphs and drop kramdown attribute lines (outside code)."""
    out: list[str] = []
    kinds: list[str] = []
    depth = 0
    fence: str | None = None
    grid: list[str] | None = None
    for line in [*body.splitlines(), ""]:
        if grid is not None:  # a Pandoc grid table being read, until its last border
            if pandoc_md.is_grid_line(line):
                grid.append(line)
                continue
            out.extend(pandoc_md.grid_table(grid))
            grid = None
        if fence is None and pandoc_md.is_grid_border(line):
            grid = [line]
            continue
        if fence is not None:
            out.append(line)
            m = _FENCE_RE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip(" `~"):
                fence = None
            continue
        m = _FENCE_RE.match(line)
        if m:
            fence = m.group(1)
            out.append(line)
        elif ":::" in line and _DIV_CLOSE_RE.match(line):
            if depth:
                depth -= 1
                out.extend(("", _CLOSE, ""))
        elif ":::" in line and (d := _DIV_OPEN_RE.match(line)):
            kinds.append(d.group(1).lower())
            depth += 1
            out.extend(("", f"HDBOX{_NONCE}O{len(kinds) - 1}", ""))
        elif "{:" in line and _IAL_RE.match(line):
            continue
        else:
            out.append(pandoc_md.inline(line))
    out.extend(("", _CLOSE, "") * depth)
    return "\n".join(out), kinds


def _box_open(kind: str) -> str:
    title = BOX_TITLES.get(kind, kind.replace("-", " ").replace("_", " ").capitalize())
    colour = _BOX_COLOURS.get(kind, "#eef3fb")
    return (
        f'<table class="box {kind}" width="100%" border="1" cellspacing="0" cellpadding="8" bgcolor="{colour}">'
        f"<tr><td><p><b>{html.escape(title)}</b></p>"
    )


class _Urls:
    """Decides every URL of one lesson (see the module docstring)."""

    def __init__(self, path: str, lesson_links: Mapping[str, str]) -> None:
        self.base = posixpath.dirname(path)
        self.lesson_links = lesson_links

    def _in_pack(self, url: str) -> tuple[str, str] | None:
        target, _, frag = url.partition("#")
        target = unquote(target.partition("?")[0])
        joined = posixpath.normpath(posixpath.join(self.base, target)) if target else ""
        if joined.startswith("../") or joined in ("..", ".") or joined.startswith("/") or "\\" in joined:
            return None
        return joined, frag

    def href(self, url: str) -> str | None:
        url = url.strip()
        if url.startswith("#"):
            return url
        m = _SCHEME_RE.match(url)
        if m:
            return url if m.group(1).lower() in URL_SCHEMES else None
        if url.startswith("//"):
            return "https:" + url
        found = self._in_pack(url)
        if found is None or not found[0]:
            return None
        target, frag = found
        lesson = self.lesson_links.get(target)
        if lesson is not None:
            return f"{LESSON_SCHEME}:lesson/{lesson}" + (f"#{frag}" if frag else "")
        return None if target.endswith(".md") else target

    def src(self, url: str) -> str | None:
        url = url.strip()
        if _SCHEME_RE.match(url) or url.startswith("//"):
            return None  # remote (or data:) images never load: the alt text shows instead
        found = self._in_pack(url)
        return found[0] if found and found[0] else None


_local = threading.local()


def _markdown() -> Any:
    md = getattr(_local, "md", None)
    if md is None:
        import markdown

        md = _local.md = markdown.Markdown(
            extensions=["tables", "fenced_code", "attr_list", "toc", "sane_lists", "def_list"],
            extension_configs={"toc": {"permalink": False}},
        )
    md.reset()
    return md


def _flatten(tokens: list[dict[str, Any]], out: list[tuple[int, str, str]]) -> None:
    for t in tokens:
        out.append((int(t["level"]), html.unescape(str(t["name"])), str(t["id"])))
        _flatten(t.get("children", []), out)


def _img_or_alt(m: re.Match[str]) -> str:
    """An image whose source was dropped (remote, or outside the pack) shows its alt text instead."""
    tag = m.group(0)
    if " src=" in tag:
        return tag
    alt = _ALT_RE.search(tag)
    return f"<i>[{alt.group(1)}]</i>" if alt and alt.group(1) else ""


def render_markdown(
    text: str, *, path: str = "lesson.md", lesson_links: Mapping[str, str] | None = None
) -> RenderedLesson:
    """Render one lesson. ``path`` is the lesson's path in its pack; ``lesson_links`` maps pack paths to lesson ids."""
    front, body, _problem = split_front_matter(text)
    source, kinds = _preprocess(body)
    md = _markdown()
    try:
        raw = md.convert(source)
    except Exception:  # a construct python-markdown chokes on: show the text rather than nothing
        raw = "<pre>" + html.escape(body) + "</pre>"
    headings: list[tuple[int, str, str]] = []
    _flatten(getattr(md, "toc_tokens", []), headings)

    def boxes(m: re.Match[str]) -> str:
        return _box_open(kinds[int(m.group(1))]) if m.group(1) is not None else "</td></tr></table>"

    raw = _TOKEN_RE.sub(boxes, raw).replace("<table>", _PLAIN_TABLE)  # QTextBrowser draws no borders by default
    urls = _Urls(path, lesson_links or {})

    def filter_attr(element: str, attribute: str, value: str) -> str | None:
        if attribute == "href":
            return urls.href(value)
        if attribute == "src":
            return urls.src(value) if element == "img" else None
        return value

    import nh3

    clean = nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=filter_attr,
        link_rel=None,
        strip_comments=True,
    )
    clean = _IMG_RE.sub(_img_or_alt, clean)
    title = str(front.get("title") or "") or next((h[1] for h in headings if h[0] == 1), "")
    plain = _IMG_TAG_RE.sub(" ", _CELL_RE.sub(" | ", clean))
    plain = html.unescape(_TAG_RE.sub("", _BLOCK_END_RE.sub("\n", plain)))
    plain = "\n".join(ln.strip() for ln in _SPACE_RE.sub(" ", plain).splitlines() if ln.strip())
    return RenderedLesson(title=title, html=clean, text=plain, headings=headings)
