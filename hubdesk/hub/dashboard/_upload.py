"""The packs page: what the hub publishes, which centre runs which version, and a new pack uploaded
and published from the browser.

An upload is checked as ``hubdesk pack verify`` checks a file (every file's hash, the signature). A
pack signed by a key the hub trusts is published at once. One signed by a key the hub does not
trust, or not signed at all, is kept aside and the page says so with the key's fingerprint: it is
published only when the operator confirms (trusting that key, as ``--trust`` does on the command
line), and never otherwise.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from hubdesk.core.installation import Installation
from hubdesk.core.packs import CheckedPack, fingerprint, verify_pack
from hubdesk.errors import HubDeskError
from hubdesk.hub import published
from hubdesk.hub.dashboard import _data
from hubdesk.hub.dashboard._html import e, hidden_csrf, table
from hubdesk.hub.dashboard._pages import centre_label
from hubdesk.hub.dashboard._refused import Refused

if TYPE_CHECKING:
    from hubdesk.hub.dashboard._app import Context

_STAGED = re.compile(r"^[0-9a-f]{32}$")
STAGED_FOR_S = 24 * 3600


def _staging(inst: Installation) -> Path:
    folder = inst.dirs.root / "hub" / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def packs_page(request: Request, ctx: Context) -> Response:
    w = ctx.words
    items = await run_in_threadpool(published.published, ctx.inst, False)
    uses = await run_in_threadpool(_data.pack_use, ctx.dash.cache, ctx.inst)
    names = await run_in_threadpool(_data.centre_names, ctx.dash.cache, ctx.inst)
    done = request.query_params.get("published")
    notice = (
        f'<p class="notice" role="status">{e(w("Published: centres download it on their next sync."))}</p>'
        if done
        else ""
    )
    body = notice + table(
        w("Packs this hub publishes"),
        [w("Pack"), w("Version"), w("Size"), w("Published")],
        [
            [
                e(f"{p.title} ({p.id})"),
                e(p.version),
                e(w("{n} kB", n=w.number(p.size / 1000))),
                e(w.when(p.published_at)),
            ]
            for p in reversed(items)
        ],
        numeric_from=2,
        empty=w("This hub publishes no pack yet."),
    )
    rows = []
    for use in uses:
        for version, centre_ids in sorted(use.versions.items()):
            who = ", ".join(centre_label(w, names.get(c), c) for c in sorted(centre_ids))
            rows.append([e(f"{use.title} ({use.pack_id})"), e(version), e(who), e(w.number(len(centre_ids)))])
    body += table(
        w("Which centre runs which version"),
        [w("Pack"), w("Version"), w("Which centres"), w("Centres")],
        rows,
        numeric_from=3,
        empty=w("No centre has reported its packs yet."),
    )
    hint = w(
        "The signature is checked first; a pack signed by a key this hub does not trust is published only "
        "once you confirm that key."
    )
    body += (
        f'<h2 id="upload">{e(w("Publish a new pack"))}</h2>'
        f'<form method="post" action="/published/upload" enctype="multipart/form-data">{hidden_csrf(ctx.session.csrf)}'
        f'<p><label for="pack">{e(w("Pack file (.hubpack)"))}</label> '
        f'<input id="pack" name="pack" type="file" accept=".hubpack" required></p>'
        f'<p><button type="submit">{e(w("Check and publish"))}</button></p></form>'
        f'<p class="hint">{e(hint)}</p>'
    )
    return ctx.html(w("Packs"), body)


async def upload(request: Request, ctx: Context) -> Response:
    limit = ctx.inst.packs.max_bytes + (1 << 20)
    declared = request.headers.get("content-length", "")
    if not declared.isdigit():
        raise Refused(411, "The upload must say its size; try another browser.")
    if int(declared) > limit:
        raise Refused(413, "That pack is larger than this hub accepts.")
    async with request.form(max_files=1, max_fields=5) as form:
        if form.get("csrf") != ctx.session.csrf:
            raise Refused(403, "This form has expired or did not come from this dashboard; reload the page.")
        file = form.get("pack")
        if not isinstance(file, UploadFile):
            raise Refused(400, "Choose a .hubpack file to upload.")
        staged_id = secrets.token_hex(16)
        target = _staging(ctx.inst) / f"{staged_id}.hubpack"
        await run_in_threadpool(_save, file, target)
    return await _check_and_publish(ctx, staged_id, None)


def _save(file: UploadFile, target: Path) -> None:
    for old in target.parent.glob("*.hubpack"):
        if old.stat().st_mtime < time.time() - STAGED_FOR_S:
            old.unlink(missing_ok=True)
    with open(target, "wb") as out:
        shutil.copyfileobj(file.file, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


async def confirm(request: Request, ctx: Context) -> Response:
    fields = await ctx.form(request)
    staged_id = fields.get("staged", "")
    if not _STAGED.match(staged_id) or not (_staging(ctx.inst) / f"{staged_id}.hubpack").is_file():
        raise Refused(404, "That upload is no longer here; upload the pack again.")
    return await _check_and_publish(ctx, staged_id, fields.get("trust_key", ""))


async def _check_and_publish(ctx: Context, staged_id: str, confirmed_key: str | None) -> Response:
    """Publish a staged upload if its signer is trusted or was just confirmed; else ask."""
    w = ctx.words
    path = _staging(ctx.inst) / f"{staged_id}.hubpack"
    try:
        checked: CheckedPack = await run_in_threadpool(
            verify_pack, path, trusted=ctx.inst.packs.trusted_keys(), max_bytes=ctx.inst.packs.max_bytes
        )
    except HubDeskError as exc:
        path.unlink(missing_ok=True)
        await run_in_threadpool(ctx.record, "pack.refused", str(exc))
        return ctx.html(w("Pack refused"), f'<p class="error" role="alert">{e(exc)}</p>{_back(w)}', 422)
    m = checked.manifest
    key_fp = fingerprint(checked.signed_by) if checked.signed_by else ""
    if not checked.verified and confirmed_key != key_fp:
        if checked.signed_by:
            text = w(
                "{title} {version} is signed by key {fp}, which this hub does not trust. Publish it only if you know "
                "this key is the publisher's: this hub will then trust it.",
                title=m.title,
                version=m.version,
                fp=key_fp,
            )
            button = w("Trust key {fp} and publish", fp=key_fp)
        else:
            text = w(
                "{title} {version} is not signed: nothing proves who made it. Publish it only if you got it "
                "from its publisher yourself.",
                title=m.title,
                version=m.version,
            )
            button = w("Publish it unsigned")
        body = (
            f'<p class="warning" role="alert">{e(text)}</p>'
            f'<form method="post" action="/published/confirm">{hidden_csrf(ctx.session.csrf)}'
            f'<input type="hidden" name="staged" value="{e(staged_id)}">'
            f'<input type="hidden" name="trust_key" value="{e(key_fp)}">'
            f'<button type="submit">{e(button)}</button></form>{_back(w)}'
        )
        return ctx.html(w("Confirm this pack"), body)
    try:
        if checked.signed_by and not checked.verified:
            await run_in_threadpool(
                ctx.inst.packs.trust, checked.signed_by, f"trusted from the dashboard by {ctx.session.operator}"
            )
            await run_in_threadpool(ctx.record, "key.trusted", key_fp)
        choice = (
            f"signed by {'trusted ' if checked.verified else 'newly trusted '}key {key_fp}" if key_fp else "unsigned"
        )
        item = await run_in_threadpool(
            lambda: published.publish(
                ctx.inst, path, choice=f"{choice}, confirmed in the dashboard by {ctx.session.operator}"
            )
        )
    except HubDeskError as exc:
        await run_in_threadpool(ctx.record, "pack.refused", str(exc))
        return ctx.html(w("Pack refused"), f'<p class="error" role="alert">{e(exc)}</p>{_back(w)}', 422)
    finally:
        path.unlink(missing_ok=True)
    await run_in_threadpool(ctx.record, "pack.published", f"{item.id} {item.version} {key_fp}".strip())
    return RedirectResponse("/published?published=1", status_code=303)


def _back(w: Any) -> str:
    return f'<p><a href="/published">{e(w("Back to the packs"))}</a></p>'


ROUTES: list[tuple[str, Any, list[str]]] = [
    ("/published", packs_page, ["GET"]),
    ("/published/upload", upload, ["POST"]),
    ("/published/confirm", confirm, ["POST"]),
]
