"""Cartridge web content to lesson Markdown: the page's HTML, sanitised, with its links made local.

Every ``href``/``src`` is decided here: Canvas's ``$IMS-CC-FILEBASE$/...`` points into
``web_resources/``, ``$WIKI_REFERENCE$/pages/<slug>`` at another wiki page, a relative link at a
file of the cartridge; each becomes a path relative to the lesson (another lesson's ``.md``, or an
asset that then travels in the pack), web addresses stay (the reader asks before leaving), and
links into the LMS itself (``$CANVAS_OBJECT_REFERENCE$`` and the like) or to files the cartridge
lacks are dropped, keeping their text. The HTML is cleaned with the reader's own allow-list, so a
hostile page loses its scripts here already; the reader sanitises it again when it shows it.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from urllib.parse import quote, unquote

import nh3

from hubdesk.core.render import ATTRIBUTES, TAGS, URL_SCHEMES

_BODY_RE = re.compile(r"<body[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
FILEBASE = ("$IMS-CC-FILEBASE$", "$IMS_CC_FILEBASE$")
WIKI = "$WIKI_REFERENCE$/pages/"

# cartridge path of a link's target (None: not in the cartridge) -> path in the pack, or None
Resolve = Callable[[str], str | None]


def title_and_body(markup: str) -> tuple[str, str]:
    title = _TITLE_RE.search(markup)
    body = _BODY_RE.search(markup)
    return (
        html.unescape(title.group(1)).strip() if title else "",
        body.group(1) if body else markup,
    )


def target_of(url: str, page_dir: str) -> str | None:
    """The cartridge path a link in a page at ``page_dir`` points to, or None (web, LMS, outside)."""
    url = html.unescape(url.strip())
    if url[:3].upper() == "%24":  # real Canvas exports write "%24IMS-CC-FILEBASE%24/..." in src
        token, sep, rest = url[3:].partition("%24")
        url = f"${token}${rest}" if sep else url
    for base in FILEBASE:
        if url.startswith(base):
            return posixpath.normpath("web_resources/" + unquote(url[len(base) :].lstrip("/").split("?")[0]))
    if url.startswith(WIKI):
        slug = unquote(url[len(WIKI) :].split("#")[0].split("?")[0])
        return f"wiki_content/{slug}.html"
    if url.startswith("$") or url.startswith(("#", "/", "//")) or _SCHEME_RE.match(url):
        return None
    path = unquote(url.split("#")[0].split("?")[0])
    joined = posixpath.normpath(posixpath.join(page_dir, path))
    return None if joined.startswith("..") or not path else joined


def page_html(markup: str, page_dir: str, lesson_path: str, resolve: Resolve) -> str:
    """Clean HTML for the lesson at ``lesson_path``, links rewritten relative to it."""
    lesson_dir = posixpath.dirname(lesson_path)

    def local(url: str) -> str | None:
        value = url.strip()
        if value.startswith("#"):
            return value
        m = _SCHEME_RE.match(value)
        if m:
            return value if m.group(1).lower() in URL_SCHEMES else None
        target = target_of(value, page_dir)
        packed = resolve(target) if target else None
        if packed is None:
            return None
        frag = value.split("#", 1)[1] if "#" in value else ""
        rel = posixpath.relpath(packed, lesson_dir or ".")
        return quote(rel) + (f"#{frag}" if frag else "")

    def attr(element: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src"):
            return local(value)
        return value

    return nh3.clean(
        markup,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=attr,
        link_rel=None,
        strip_comments=True,
    ).strip()


def needs_internet(kind: str, url: str, description: str = "") -> str:
    """The body of a lesson standing for a part of the course that lives on the web."""
    safe = html.escape(url, quote=True)
    link = f'<a href="{safe}">{html.escape(url)}</a>' if url.startswith(("http://", "https://")) else html.escape(url)
    extra = f"<p>{html.escape(description)}</p>" if description else ""
    return (
        f"<p><b>Needs internet.</b> This part of the course is {kind} on the web; "
        f"it opens only where there is a connection:</p><p>{link or 'no address was given'}</p>{extra}"
    )


def lesson_text(front: dict[str, object], body_html: str) -> str:
    """A lesson file: YAML front matter, then the page's HTML as one raw block."""
    import yaml

    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False).strip()
    return f"---\n{head}\n---\n\n<div>\n{body_html}\n</div>\n"
