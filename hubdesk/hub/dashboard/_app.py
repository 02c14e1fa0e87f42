"""The dashboard as a Starlette app: sign-in, sessions, CSRF, and the routes of every page.

Mounted by the hub server under its centre routes, so a centre's signed request never reaches it.
A browser without a session gets the sign-in page; the form carries a token tied to a cookie set
with the page (HMAC of the cookie under the hub's secret), so a post from elsewhere, or without the
cookie, is refused with a 403. A signed-in operator's session cookie is HttpOnly, SameSite=Strict,
Secure over HTTPS, replaced at each sign-in and deleted at sign-out; every form of a signed-in page
carries the session's CSRF token. Database work runs in a worker thread.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import urllib.parse
from collections.abc import Awaitable, Callable
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError
from hubdesk.hub.dashboard import _api, _pages, _upload
from hubdesk.hub.dashboard._html import Frame, e, hidden_csrf, page
from hubdesk.hub.dashboard._i18n import Words, choose
from hubdesk.hub.dashboard._refused import Refused
from hubdesk.hub.operators import Operators, Session, TooManyAttempts

SESSION_COOKIE = "hubdesk_session"
SIGNIN_COOKIE = "hubdesk_signin"
LANG_COOKIE = "hubdesk_lang"
LOOPBACK = ("127.0.0.1", "::1", "localhost")
FORM_MAX = 64 << 10

Page = Callable[[Request, "Context"], Awaitable[Response]]


class Context:
    """One signed-in request: the hub, the operator's session, their words and the page frame."""

    def __init__(self, dash: Dashboard, request: Request, session: Session, words: Words) -> None:
        self.dash = dash
        self.inst = dash.inst
        self.operators = dash.operators
        self.session = session
        self.words = words
        self.frame = Frame(words, request.url.path, session.operator, session.csrf, _plain_http(request))

    def html(self, title: str, body: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(page(self.frame, title, body), status_code=status)

    async def form(self, request: Request) -> dict[str, str]:
        """The posted fields, once the CSRF token is checked (a missing or wrong one: Refused 403)."""
        fields = await _read_form(request)
        if not hmac.compare_digest(fields.get("csrf", ""), self.session.csrf):
            raise Refused(403, "This form has expired or did not come from this dashboard; reload the page.")
        return fields

    def record(self, action: str, detail: str = "") -> None:
        self.operators.record(self.session.operator, action, detail)


def _plain_http(request: Request) -> bool:
    client = request.client.host if request.client else ""
    return request.url.scheme == "http" and client not in LOOPBACK and (request.url.hostname or "") not in LOOPBACK


async def _read_form(request: Request) -> dict[str, str]:
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) > FORM_MAX:
        raise Refused(413, "The form is too large.")
    body = await request.body()
    if len(body) > FORM_MAX:
        raise Refused(413, "The form is too large.")
    try:
        pairs = urllib.parse.parse_qsl(body.decode(), keep_blank_values=True, max_num_fields=50)
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "The form could not be read.") from None
    return dict(pairs)


class Dashboard:
    """The operator's web dashboard of one hub (``Dashboard(inst).app``)."""

    def __init__(self, inst: Installation) -> None:
        self.inst = inst
        self.operators = Operators(inst.store)
        self._secret = self.operators.secret()
        self.cache = _pages.ReportCache()
        pages: list[tuple[str, Page, list[str]]] = [
            *_pages.ROUTES,
            *_upload.ROUTES,
            *_api.ROUTES,
        ]
        self.app = Starlette(
            routes=[
                Route("/", self.front, methods=["GET"]),
                Route("/signin", self._signin, methods=["POST"]),
                Route("/signout", self._signout, methods=["POST"]),
                Route("/favicon.ico", self._favicon, methods=["GET"]),
                Route("/favicon.svg", self._favicon, methods=["GET"]),
                Route("/static/dashboard.css", self._css, methods=["GET"]),
                *[Route(path, self._signed_in(fn), methods=methods) for path, fn, methods in pages],
            ]
        )

    # -- plumbing ----------------------------------------------------------------------------
    def words(self, request: Request) -> Words:
        return Words(
            choose(
                request.query_params.get("lang"),
                request.cookies.get(LANG_COOKIE),
                request.headers.get("accept-language", ""),
            )
        )

    def _keep_lang(self, request: Request, response: Response) -> Response:
        lang = request.query_params.get("lang")
        if lang in ("en", "fr"):
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict", httponly=True)
        return response

    def _signin_token(self, nonce: str) -> str:
        return hmac.new(self._secret, b"signin:" + nonce.encode(), hashlib.sha256).hexdigest()

    def _signed_in(self, fn: Page) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            token = request.cookies.get(SESSION_COOKIE)
            session = await run_in_threadpool(self.operators.session, token)
            words = self.words(request)
            if session is None:
                if request.url.path.startswith("/api/"):
                    return JSONResponse({"error": "Sign in as an operator first."}, status_code=401)
                back = urllib.parse.quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
                return RedirectResponse(f"/?next={back}", status_code=303)
            ctx = Context(self, request, session, words)
            try:
                response = await fn(request, ctx)
            except Refused as exc:
                if request.url.path.startswith("/api/"):
                    return JSONResponse({"error": exc.message}, status_code=exc.status)
                body = f'<p class="error" role="alert">{e(words(exc.message))}</p>'
                return ctx.html(words("Not done"), body, exc.status)
            response.headers.setdefault("cache-control", "no-store")
            return self._keep_lang(request, response)

        return endpoint

    def _cookie(self, request: Request, response: Response, name: str, value: str, max_age: int | None) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )

    # -- signing in and out ------------------------------------------------------------------
    def _signin_page(self, request: Request, message: str = "", name: str = "") -> Response:
        words = self.words(request)
        nonce = secrets.token_urlsafe(24)
        nxt = request.query_params.get("next", "")
        nxt = nxt if nxt.startswith("/") and not nxt.startswith("//") else ""
        alert = f'<p class="error" role="alert">{e(message)}</p>' if message else ""
        body = (
            f'{alert}<form class="signin" method="post" action="/signin">{hidden_csrf(self._signin_token(nonce))}'
            f'<input type="hidden" name="next" value="{e(nxt)}">'
            f'<p><label for="name">{e(words("Operator name"))}</label>'
            '<input id="name" name="name" type="text" autocomplete="username" required autofocus'
            f' value="{e(name)}"></p>'
            f'<p><label for="password">{e(words("Password"))}</label>'
            f'<input id="password" name="password" type="password" autocomplete="current-password" required></p>'
            f'<p><button type="submit">{e(words("Sign in"))}</button></p></form>'
            f'<p class="hint">{e(words("Operators are added on the hub with: hubdesk hub operator add NAME"))}</p>'
        )
        frame = Frame(words, request.url.path, plain_http_warning=_plain_http(request))
        response = HTMLResponse(page(frame, words("Sign in to the hub"), body), headers={"cache-control": "no-store"})
        self._cookie(request, response, SIGNIN_COOKIE, nonce, 3600)
        return self._keep_lang(request, response)

    async def front(self, request: Request) -> Response:
        session = await run_in_threadpool(self.operators.session, request.cookies.get(SESSION_COOKIE))
        if session is not None:
            return self._keep_lang(request, RedirectResponse("/centres", status_code=303))
        return self._signin_page(request)

    async def _signin(self, request: Request) -> Response:
        words = self.words(request)
        try:
            fields = await _read_form(request)
        except Refused as exc:
            return HTMLResponse(e(words(exc.message)), status_code=exc.status)
        nonce = request.cookies.get(SIGNIN_COOKIE, "")
        if not nonce or not hmac.compare_digest(fields.get("csrf", ""), self._signin_token(nonce)):
            return HTMLResponse(
                e(words("This form has expired or did not come from this dashboard; reload the page.")), status_code=403
            )
        address = request.client.host if request.client else "?"
        name = fields.get("name", "")
        try:
            token, _session = await run_in_threadpool(self.operators.sign_in, name, fields.get("password", ""), address)
        except TooManyAttempts:
            return self._signin_page(
                request, words("Too many failed sign-ins; wait a few minutes and try again."), name
            )
        except AuthError:
            return self._signin_page(
                request, words("That name and password do not match an operator of this hub."), name
            )
        nxt = fields.get("next", "")
        target = nxt if nxt.startswith("/") and not nxt.startswith("//") else "/centres"
        response = RedirectResponse(target, status_code=303)
        old = request.cookies.get(SESSION_COOKIE)
        if old:
            await run_in_threadpool(self.operators.sign_out, old)  # a new session at each sign-in
        self._cookie(request, response, SESSION_COOKIE, token, None)
        response.delete_cookie(SIGNIN_COOKIE, path="/")
        return response

    async def _signout(self, request: Request) -> Response:
        token = request.cookies.get(SESSION_COOKIE)
        session = await run_in_threadpool(self.operators.session, token)
        if session is None or token is None:
            return RedirectResponse("/", status_code=303)
        try:
            fields = await _read_form(request)
        except Refused as exc:
            return HTMLResponse(e(exc.message), status_code=exc.status)
        if not hmac.compare_digest(fields.get("csrf", ""), session.csrf):
            return HTMLResponse(
                e(self.words(request)("This form has expired or did not come from this dashboard; reload the page.")),
                status_code=403,
            )
        await run_in_threadpool(self.operators.sign_out, token)
        await run_in_threadpool(self.operators.record, session.operator, "signout", "")
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # -- files -------------------------------------------------------------------------------
    async def _favicon(self, request: Request) -> Response:
        return Response(_static("favicon.svg"), media_type="image/svg+xml", headers={"cache-control": "max-age=86400"})

    async def _css(self, request: Request) -> Response:
        return Response(_static("dashboard.css"), media_type="text/css", headers={"cache-control": "max-age=3600"})


def _static(name: str) -> bytes:
    return resources.files("hubdesk.hub.dashboard").joinpath("static", name).read_bytes()


__all__ = ["Context", "Dashboard", "Refused"]
