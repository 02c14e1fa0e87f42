"""The dashboard's pages: centres, active learners, retention, courses and their funnels, learners,
contributions and operators (packs are in :mod:`._upload`). Each is a table that works without
script, with a server-made chart beside it where a picture helps."""

from __future__ import annotations

import time
import urllib.parse
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from hubdesk.errors import NotFound
from hubdesk.hub import centres as centres_api
from hubdesk.hub import contributions, reports
from hubdesk.hub.dashboard import _data, _svg
from hubdesk.hub.dashboard._data import ReportCache
from hubdesk.hub.dashboard._html import e, hidden_csrf, percent, select, table
from hubdesk.hub.dashboard._i18n import Words

if TYPE_CHECKING:
    from hubdesk.hub.dashboard._app import Context

PAGE_SIZE = 50


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name, "")
    return max(lo, min(hi, int(raw))) if raw.isdigit() else default


def centre_label(w: Words, row: centres_api.CentreRow | None, centre_id: str) -> str:
    if row is not None and row.name:
        return row.name
    return w("Centre {id}", id=centre_id[:8])


# -- centres ---------------------------------------------------------------------------------
async def centres_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    rows = await run_in_threadpool(_data.centres, ctx.dash.cache, ctx.inst)
    now = time.time()
    silent = [r for r in rows if r.silent(now)]
    cells = []
    classes = []
    for r in rows:
        quiet = r.silent(now)
        days = None if r.last_contact is None else int((now - r.last_contact) // 86400)
        contact = e(w.when(r.last_contact))
        if quiet:
            note = w("never in contact") if days is None else w("silent for {n} days", n=days)
            contact += f' <strong class="flag">({e(note)})</strong>'
        cells.append(
            [
                e(centre_label(w, r, r.id)),
                e(r.place or "–"),
                e(w.number(len(r.pcs))),
                e(w.number(r.learners)),
                e(w.number(r.packs)),
                contact,
            ]
        )
        classes.append("silent" if quiet else "")
    summary = w(
        "Centres: {n}. Silent for 14 days or more (in red): {s}.", n=w.number(len(rows)), s=w.number(len(silent))
    )
    body = f"<p>{e(summary)}</p>" + table(
        w("Centres enrolled with this hub"),
        [w("Centre"), w("Place"), w("PCs"), w("Learners"), w("Packs"), w("Last contact")],
        cells,
        numeric_from=2,
        row_class=classes,
        empty=w("No centre is enrolled yet. Give one a code from: hubdesk hub enrol-code"),
    )
    return ctx.html(w("Centres"), body)


# -- active learners -------------------------------------------------------------------------
async def activity_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    weeks = _int(request, "weeks", 12, 1, 104)
    data = await run_in_threadpool(
        ctx.dash.cache.get, ctx.inst, ("active", weeks), lambda: reports.active_by_week(ctx.inst, weeks)
    )
    labels = [w.date(reports.week_start(c.week)) for c in data]
    values = [c.learners for c in data]
    chart = _svg.bars(
        w("Active learners week by week"),
        w("Learners who studied at least once in each week, across every centre."),
        [w.short_date(reports.week_start(c.week)) for c in data],
        values,
    )
    choices = [(str(n), str(n)) for n in (4, 8, 12, 26, 52, 104)]
    form = (
        f'<form method="get" class="filters">{select("weeks", w("Weeks shown"), choices, str(weeks))}'
        f' <button type="submit">{e(w("Show"))}</button></form>'
    )
    rows = [[e(label), e(w.number(v))] for label, v in zip(labels, values, strict=True)]
    caption = w(
        "A learner is active in a week when they opened or finished a lesson, spent time on one or answered a quiz."
    )
    body = (
        form
        + f"<figure>{chart}<figcaption>{e(caption)}</figcaption></figure>"
        + table(w("Active learners by week (week starting)"), [w("Week"), w("Learners")], rows)
    )
    return ctx.html(w("Active learners"), body)


# -- retention -------------------------------------------------------------------------------
async def retention_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    by = request.query_params.get("by", "all")
    by = by if by in ("all", "centre", "course") else "all"
    weeks = _int(request, "weeks", 8, 1, 26)
    groups = await run_in_threadpool(
        ctx.dash.cache.get,
        ctx.inst,
        ("retention", by, weeks),
        lambda: reports.retention(ctx.inst, by, weeks, of_device=_data.centre_map(ctx.dash.cache, ctx.inst)),  # type: ignore[arg-type]
    )
    names = await run_in_threadpool(_group_names, ctx, by)
    chosen = request.query_params.get("group", groups[0].key if groups else "")
    ks = list(range(1, weeks + 1))
    head = [w("Group"), w("Started")] + [w("Week +{k}", k=k) for k in ks]
    summary_rows = []
    for g in groups:
        pooled = g.pooled(weeks)
        label = names.get(g.key, g.key) if by != "all" else w("Every centre")
        link = (
            f'<a href="?by={by}&amp;weeks={weeks}&amp;group={urllib.parse.quote(g.key)}">{e(label)}</a>'
            if by != "all"
            else e(label)
        )
        summary_rows.append([link, e(w.number(g.learners)), *[e(percent(pooled[k])) for k in ks]])
    series = [(names.get(g.key, g.key) if by != "all" else w("Every centre"), g.pooled(weeks)[1:]) for g in groups[:8]]
    chart = _svg.lines(
        w("Retention: share of learners still active"),
        w("For learners who started in the same week, the share still active 1 to {n} weeks later.", n=weeks),
        [w("+{k} wk", k=k) for k in ks],
        series,
    )
    options = [("all", w("Every centre together")), ("centre", w("Per centre")), ("course", w("Per course"))]
    form = (
        f'<form method="get" class="filters">{select("by", w("Group by"), options, by)} '
        f"{select('weeks', w('Weeks followed'), [(str(n), str(n)) for n in (4, 8, 12, 26)], str(weeks))}"
        f' <button type="submit">{e(w("Show"))}</button></form>'
    )
    body = (
        form
        + f"<figure>{chart}</figure>"
        + table(
            w("Share still active, weeks after starting (every cohort of the last 12 weeks)"),
            head,
            summary_rows,
            empty=w("No learner has studied yet at any centre."),
        )
    )
    group = next((g for g in groups if g.key == chosen), None)
    if group is not None:
        label = names.get(group.key, group.key) if by != "all" else w("Every centre")
        cohort_rows = [
            [e(w.date(reports.week_start(c.week))), e(w.number(c.size)), *[e(percent(s)) for s in c.shares()[1:]]]
            for c in group.cohorts
        ]
        body += f"<h2>{e(w('Cohorts: {name}', name=label))}</h2>" + table(
            w("Of the learners who started in week W, the share still active in week W+1, W+2, …"),
            [w("Started in week of"), w("Learners"), *[w("Week +{k}", k=k) for k in ks]],
            cohort_rows,
        )
    return ctx.html(w("Retention"), body)


def _group_names(ctx: Context, by: str) -> dict[str, str]:
    if by == "centre":
        return {c.id: centre_label(ctx.words, c, c.id) for c in _data.centres(ctx.dash.cache, ctx.inst)}
    if by == "course":
        rows = ctx.dash.cache.get(ctx.inst, ("courses",), lambda: reports.courses(ctx.inst))
        return {cid: title for cid, title, _n in rows}
    return {}


# -- courses and funnels ---------------------------------------------------------------------
async def courses_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    rows = await run_in_threadpool(ctx.dash.cache.get, ctx.inst, ("courses",), lambda: reports.courses(ctx.inst))
    cells = [
        [f'<a href="/courses/{urllib.parse.quote(cid)}">{e(title)}</a>', e(cid), e(w.number(n))]
        for cid, title, n in rows
    ]
    body = f"<p>{e(w('Choose a course to see how many learners reached and finished each lesson.'))}</p>" + table(
        w("Courses learners have started"),
        [w("Course"), w("Pack id"), w("Learners who started")],
        cells,
        numeric_from=2,
        empty=w("No learner has studied yet at any centre."),
    )
    return ctx.html(w("Courses"), body)


async def funnel_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    course = request.path_params["course"]
    try:
        f = await run_in_threadpool(
            ctx.dash.cache.get, ctx.inst, ("funnel", course), lambda: reports.funnel(ctx.inst, course)
        )
    except NotFound:
        return ctx.html(
            w("Course not found"), f'<p role="alert">{e(w("No learner has started that course at this hub."))}</p>', 404
        )
    chart = _svg.bars(
        w("Completion funnel of {title}", title=f.title),
        w("How many learners reached each lesson, in the course's order."),
        [str(i) for i in range(1, len(f.steps) + 1)],  # the table's lesson numbers
        [s.reached for s in f.steps],
    )
    rows = [
        [
            e(f"{i}. {s.title}"),
            e(w.number(s.reached)),
            e(w.number(s.finished)),
            e(percent(s.reached / f.started if f.started else None)),
        ]
        for i, s in enumerate(f.steps, 1)
    ]
    body = (
        f"<p>{e(w('Learners who started this course: {n}.', n=w.number(f.started)))}</p><figure>{chart}</figure>"
        + table(
            w("Learners who reached and finished each lesson"),
            [w("Lesson"), w("Reached"), w("Finished"), w("Share of those who started")],
            rows,
        )
        + f'<p><a href="/courses">{e(w("All courses"))}</a></p>'
    )
    return ctx.html(w("Funnel: {title}", title=f.title), body)


# -- learners --------------------------------------------------------------------------------
async def learners_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    q = request.query_params.get("q", "")[:60]
    pageno = _int(request, "page", 1, 1, 100_000)
    total, rows = await run_in_threadpool(
        _data.learners, ctx.dash.cache, ctx.inst, q, (pageno - 1) * PAGE_SIZE, PAGE_SIZE
    )
    names = await run_in_threadpool(_data.centre_names, ctx.dash.cache, ctx.inst)

    def week(n: int | None) -> str:
        return "–" if n is None else w.date(reports.week_start(n))

    cells = [
        [
            e(r.name),
            e(centre_label(w, names.get(r.centre), r.centre)),
            e(week(r.first_week)),
            e(week(r.last_week)),
            e(w.number(r.finished)),
        ]
        for r in rows
    ]
    form = (
        f'<form method="get" class="filters" role="search"><label>{e(w("Name contains"))} '
        f'<input type="search" name="q" value="{e(q)}"></label> <button type="submit">{e(w("Search"))}</button></form>'
    )
    privacy = w(
        "Names are shown to operators to answer a centre about one learner; every other page shows totals only."
    )
    pages = max(1, -(-total // PAGE_SIZE))
    nav = ""
    if pages > 1:
        links = []
        if pageno > 1:
            links.append(
                f'<a href="?q={urllib.parse.quote(q)}&amp;page={pageno - 1}" rel="prev">{e(w("Previous"))}</a>'
            )
        links.append(e(w("Page {n} of {m}", n=pageno, m=pages)))
        if pageno < pages:
            links.append(f'<a href="?q={urllib.parse.quote(q)}&amp;page={pageno + 1}" rel="next">{e(w("Next"))}</a>')
        nav = f'<p class="pager">{" · ".join(links)}</p>'
    body = (
        f"<p>{e(privacy)}</p>"
        + form
        + table(
            w("Learners: {n}", n=w.number(total)),
            [w("Name"), w("Centre"), w("First active"), w("Last active"), w("Lessons finished")],
            cells,
            numeric_from=4,
            empty=w("No learner matches."),
        )
        + nav
    )
    return ctx.html(w("Learners"), body)


# -- contributions ---------------------------------------------------------------------------
async def contributions_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    items = await run_in_threadpool(contributions.waiting, ctx.inst)
    names = await run_in_threadpool(_data.centre_names, ctx.dash.cache, ctx.inst)
    of_device = await run_in_threadpool(_data.centre_map, ctx.dash.cache, ctx.inst)
    rows = []
    for c in items:
        centre = of_device.get(c.device_id, c.device_id)
        share = (
            f'<form method="post" action="/contributions/share">{hidden_csrf(ctx.session.csrf)}'
            f'<input type="hidden" name="id" value="{e(c.id)}">'
            f'<button type="submit">{e(w("Share with every centre"))}</button></form>'
        )
        rows.append(
            [e(c.title), e(centre_label(w, names.get(centre), centre)), e(c.by or "–"), e(c.state), e(c.licence), share]
        )
    done = request.query_params.get("shared")
    notice = (
        f'<p class="notice" role="status">{e(w("Shared with every centre: they receive it on their next sync."))}</p>'
        if done
        else ""
    )
    body = notice + table(
        w("Contributions waiting across centres"),
        [w("Contribution"), w("Centre"), w("By"), w("State"), w("Licence"), w("Action")],
        rows,
        numeric_from=99,
        empty=w("No contribution is waiting: centres have sent none, or every one is shared."),
    )
    return ctx.html(w("Contributions"), body)


async def share_contribution(request: Request, ctx: Context) -> Response:
    fields = await ctx.form(request)
    item = fields.get("id", "")
    try:
        found = await run_in_threadpool(contributions.share, ctx.inst, item)
    except NotFound:
        gone = ctx.words("That contribution is not waiting at this hub (already shared, closed or unknown).")
        return ctx.html(ctx.words("Not done"), f'<p role="alert">{e(gone)}</p>', 404)
    await run_in_threadpool(ctx.record, "contribution.shared", found.id)
    return RedirectResponse("/contributions?shared=1", status_code=303)


# -- operators -------------------------------------------------------------------------------
async def operators_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    ops = await run_in_threadpool(ctx.operators.all)
    actions = await run_in_threadpool(ctx.operators.actions, 50)
    body = table(
        w("Operators of this hub"),
        [w("Name"), w("Added"), w("Last sign-in")],
        [[e(o.name), e(w.when(o.created_at)), e(w.when(o.last_sign_in))] for o in ops],
        numeric_from=99,
    ) + table(
        w("What operators did (newest first)"),
        [w("When"), w("Operator"), w("Action"), w("Detail")],
        [[e(w.when(at)), e(who), e(what), e(detail)] for at, who, what, detail in actions],
        numeric_from=99,
    )
    hint = w("Add or remove operators on the hub with: hubdesk hub operator add NAME, hubdesk hub operator remove NAME")
    body += f'<p class="hint">{e(hint)}</p>'
    return ctx.html(w("Operators"), body)


ROUTES: list[tuple[str, Any, list[str]]] = [
    ("/centres", centres_page, ["GET"]),
    ("/activity", activity_page, ["GET"]),
    ("/retention", retention_page, ["GET"]),
    ("/courses", courses_page, ["GET"]),
    ("/courses/{course}", funnel_page, ["GET"]),
    ("/learners", learners_page, ["GET"]),
    ("/contributions", contributions_page, ["GET"]),
    ("/contributions/share", share_contribution, ["POST"]),
    ("/operators", operators_page, ["GET"]),
]

__all__ = ["ROUTES", "ReportCache", "centre_label"]
