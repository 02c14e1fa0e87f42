"""The page around every dashboard page, and small HTML builders that escape what they are given.

Plain server-made HTML: a skip link, a ``<nav>`` that links every page (the current one marked
``aria-current``), one ``<h1>``, tables with captions and header cells. No script at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from hubdesk.hub.dashboard._i18n import Words

# (path, English name) of every page, in the navigation's order
PAGES = (
    ("/centres", "Centres"),
    ("/activity", "Active learners"),
    ("/retention", "Retention"),
    ("/courses", "Courses"),
    ("/learners", "Learners"),
    ("/contributions", "Contributions"),
    ("/published", "Packs"),
    ("/operators", "Operators"),
)


@dataclass(frozen=True)
class Frame:
    """What the layout needs to know about the request."""

    words: Words
    path: str
    operator: str | None = None
    csrf: str = ""
    plain_http_warning: bool = False


def e(value: object) -> str:
    return escape(str(value), quote=True)


def hidden_csrf(token: str) -> str:
    return f'<input type="hidden" name="csrf" value="{e(token)}">'


def page(frame: Frame, title: str, body: str) -> str:
    w = frame.words
    nav = ""
    account = ""
    if frame.operator is not None:
        items = []
        for path, name in PAGES:
            current = ' aria-current="page"' if frame.path == path or frame.path.startswith(path + "/") else ""
            items.append(f'<li><a href="{path}"{current}>{e(w(name))}</a></li>')
        nav = f'<nav aria-label="{e(w("Dashboard pages"))}"><ul>{"".join(items)}</ul></nav>'
        account = (
            f'<form class="account" method="post" action="/signout">{hidden_csrf(frame.csrf)}'
            f"<span>{e(w('Signed in as {name}', name=frame.operator))}</span> "
            f'<button type="submit">{e(w("Sign out"))}</button></form>'
        )
    warning = ""
    if frame.plain_http_warning:
        text = w(
            "This hub is served over plain HTTP beyond this computer: passwords and figures cross the network "
            "readable. Serve it over HTTPS (see docs/hub.md)."
        )
        warning = f'<p class="warning" role="alert">{e(text)}</p>'
    other = "fr" if w.lang == "en" else "en"
    other_name = "Français" if other == "fr" else "English"
    return (
        f'<!doctype html><html lang="{w.lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)} · {e(w('HubDesk hub'))}</title>"
        '<link rel="icon" href="/favicon.svg" type="image/svg+xml">'
        '<link rel="stylesheet" href="/static/dashboard.css"></head><body>'
        f'<a class="skip" href="#main">{e(w("Skip to the content"))}</a>'
        f'<header><p class="brand">{e(w("HubDesk hub"))}</p>{nav}{account}</header>{warning}'
        f'<main id="main" tabindex="-1"><h1>{e(title)}</h1>{body}</main>'
        f'<footer><a href="?lang={other}" lang="{other}" hreflang="{other}">{other_name}</a></footer>'
        "</body></html>"
    )


def table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric_from: int = 1,
    row_class: Sequence[str] | None = None,
    empty: str = "",
) -> str:
    """A table of already-escaped cells; the first cell of each row is its header (``th scope=row``)."""
    head = "".join(
        f'<th scope="col"{" class=num" if i >= numeric_from else ""}>{e(h)}</th>' for i, h in enumerate(headers)
    )
    body = []
    for n, row in enumerate(rows):
        cls = f' class="{row_class[n]}"' if row_class and row_class[n] else ""
        cells = [f'<th scope="row">{row[0]}</th>']
        cells += [f"<td{' class=num' if i >= numeric_from else ''}>{c}</td>" for i, c in enumerate(row[1:], 1)]
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    if not body and empty:
        return f'<p class="empty">{e(empty)}</p>'
    return (
        f'<div class="table"><table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def select(name: str, label: str, options: Sequence[tuple[str, str]], chosen: str) -> str:
    opts = "".join(
        f'<option value="{e(v)}"{" selected" if v == chosen else ""}>{e(text)}</option>' for v, text in options
    )
    return f'<label>{e(label)} <select name="{e(name)}">{opts}</select></label>'
