"""Each page's figures as JSON under ``/api/...``, for signed-in operators (a session cookie; the
same data as ``hubdesk hub report``). Read-only: nothing here changes the hub."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hubdesk.errors import NotFound
from hubdesk.hub import contributions, published, reports
from hubdesk.hub.dashboard import _data

if TYPE_CHECKING:
    from hubdesk.hub.dashboard._app import Context


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name, "")
    return max(lo, min(hi, int(raw))) if raw.isdigit() else default


async def centres(request: Request, ctx: Context) -> Response:
    rows = await run_in_threadpool(_data.centres, ctx.dash.cache, ctx.inst)
    return JSONResponse([r.to_dict() for r in rows])


async def active(request: Request, ctx: Context) -> Response:
    weeks = _int(request, "weeks", 12, 1, 104)
    data = await run_in_threadpool(
        ctx.dash.cache.get, ctx.inst, ("active", weeks), lambda: reports.active_by_week(ctx.inst, weeks)
    )
    return JSONResponse([c.to_dict() for c in data])


async def retention(request: Request, ctx: Context) -> Response:
    by = request.query_params.get("by", "all")
    by = by if by in ("all", "centre", "course") else "all"
    weeks = _int(request, "weeks", 8, 1, 26)
    groups = await run_in_threadpool(
        ctx.dash.cache.get,
        ctx.inst,
        ("retention", by, weeks),
        lambda: reports.retention(ctx.inst, by, weeks, of_device=_data.centre_map(ctx.dash.cache, ctx.inst)),  # type: ignore[arg-type]
    )
    return JSONResponse({"by": by, "weeks": weeks, "groups": reports.as_json(groups, weeks)})


async def courses(request: Request, ctx: Context) -> Response:
    rows = await run_in_threadpool(ctx.dash.cache.get, ctx.inst, ("courses",), lambda: reports.courses(ctx.inst))
    return JSONResponse([{"course": cid, "title": title, "started": n} for cid, title, n in rows])


async def funnel(request: Request, ctx: Context) -> Response:
    course = request.path_params["course"]
    try:
        f = await run_in_threadpool(
            ctx.dash.cache.get, ctx.inst, ("funnel", course), lambda: reports.funnel(ctx.inst, course)
        )
    except NotFound as exc:
        return JSONResponse({"error": str(exc)}, status_code=404)
    return JSONResponse(f.to_dict())


async def learners(request: Request, ctx: Context) -> Response:
    q = request.query_params.get("q", "")[:60]
    offset = _int(request, "offset", 0, 0, 10_000_000)
    total, rows = await run_in_threadpool(_data.learners, ctx.dash.cache, ctx.inst, q, offset, 100)
    out = [
        {
            "id": r.id,
            "name": r.name,
            "centre": r.centre,
            "first_active": None if r.first_week is None else reports.week_start(r.first_week).isoformat(),
            "last_active": None if r.last_week is None else reports.week_start(r.last_week).isoformat(),
            "lessons_finished": r.finished,
        }
        for r in rows
    ]
    return JSONResponse({"total": total, "offset": offset, "learners": out})


async def waiting(request: Request, ctx: Context) -> Response:
    items = await run_in_threadpool(contributions.waiting, ctx.inst)
    return JSONResponse([c.to_dict() for c in items])


async def packs(request: Request, ctx: Context) -> Response:
    items = await run_in_threadpool(published.published, ctx.inst, False)
    uses = await run_in_threadpool(_data.pack_use, ctx.dash.cache, ctx.inst)
    return JSONResponse(
        {
            "published": [p.to_dict() for p in items],
            "running": [{"pack": u.pack_id, "title": u.title, "versions": u.versions} for u in uses],
        }
    )


ROUTES: list[tuple[str, Any, list[str]]] = [
    ("/api/centres", centres, ["GET"]),
    ("/api/active", active, ["GET"]),
    ("/api/retention", retention, ["GET"]),
    ("/api/courses", courses, ["GET"]),
    ("/api/funnel/{course}", funnel, ["GET"]),
    ("/api/learners", learners, ["GET"]),
    ("/api/contributions", waiting, ["GET"]),
    ("/api/packs", packs, ["GET"]),
]
