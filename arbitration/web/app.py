"""The FastAPI application: security middleware, the session/CSRF guard every route goes through, error pages,
and the page and API routers. `create_app(data_dir)` builds one; `arbitration serve` runs it with uvicorn."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers
from starlette.requests import cookie_parser

from arbitration.errors import ArbitrationError
from arbitration.web.auth import (
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    Limits,
    Sessions,
    tokens_equal,
)
from arbitration.web.service import ArchiveNotReady, NotReady, Workspace
from arbitration.web.stages import STAGE_NAMES, StageMissing, available
from arbitration.web.store import ROLES, User
from arbitration.web.uploads import UploadLimits

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
PUBLIC_BODY_BYTES = 8 * 1024  # a request without a session (the login form) carries at most this much

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; media-src 'self' blob:; worker-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"microphone=(self), camera=(), geolocation=()"),
]


class NotAuthenticated(Exception):
    """No valid session: pages redirect to the login page, the API answers 401."""


class Forbidden(Exception):
    """Logged in, but not allowed (role, case assignment, CSRF)."""

    def __init__(self, message: str = "无权访问") -> None:
        super().__init__(message)


class BodyTooLarge(HTTPException):
    """Raised while a request body arrives, as soon as the bytes received pass the cap (answered 413)."""

    def __init__(self, detail: str) -> None:
        super().__init__(413, detail, headers={"connection": "close"})


def too_large(cap: int, signed_in: bool) -> str:
    if not signed_in:
        return f"未登录的请求内容不能超过 {cap // 1024} KB"
    return f"上传内容超过上限 {cap // (1 << 20)} MB"


class SecurityMiddleware:
    """Pure ASGI: security headers on every response, and request bodies held to their cap: a request with both
    Transfer-Encoding and Content-Length is refused (400; the two can disagree about where the body ends), a
    declared length over the cap is refused before reading (413), and the bytes that arrive, chunked or not, are
    counted against the cap as they come (413 once past it). Without a valid session the cap is a few kilobytes,
    so no multipart body is parsed for anyone who has not logged in."""

    def __init__(self, app, max_body: int, signed_in=None, public_body: int = PUBLIC_BODY_BYTES) -> None:
        self.app, self.max_body, self.public_body = app, max_body, public_body
        self.signed_in = signed_in or (lambda token: False)  # session cookie -> whether it is a live session

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        length, chunked = headers.get("content-length"), "transfer-encoding" in headers
        refuse, cap, signed_in = None, self.max_body, True
        if length is not None or chunked:
            signed_in = self.signed_in(cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE))
            cap = self.max_body if signed_in else self.public_body
            if length is not None and chunked:
                refuse = (400, "请求同时带有 Transfer-Encoding 与 Content-Length，已拒绝")
            elif length is not None and (not length.isdigit() or int(length) > cap):
                refuse = (413, too_large(cap, signed_in))
        secure = scope.get("scheme") == "https"
        started = False
        received = 0

        async def receive_capped():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    raise BodyTooLarge(too_large(cap, signed_in))
            return message

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                hs = list(message.get("headers", []))
                hs += SECURITY_HEADERS
                if secure:
                    hs.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = hs
            await send(message)

        if refuse:  # answered without reading the body, and the connection closed so it is not drained either
            resp = JSONResponse({"detail": refuse[1]}, status_code=refuse[0], headers={"connection": "close"})
            return await resp(scope, receive, send_with_headers)
        try:
            return await self.app(scope, receive_capped, send_with_headers)
        except BodyTooLarge as e:  # raised where no handler answered it (outside a route)
            if started:
                raise
            resp = JSONResponse({"detail": e.detail}, status_code=413, headers={"connection": "close"})
            return await resp(scope, receive, send_with_headers)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def guard(request: Request) -> User:
    """Every non-public route: a live session, and for state-changing requests the session's CSRF token
    (header X-CSRF-Token for the JSON API, hidden form field csrf_token for pages)."""
    sessions: Sessions = request.app.state.sessions
    found = sessions.lookup(request.cookies.get(SESSION_COOKIE))
    if found is None:
        raise NotAuthenticated()
    user, csrf = found
    request.state.user, request.state.csrf = user, csrf
    if request.method in UNSAFE:
        token = request.headers.get(CSRF_HEADER)
        ctype = request.headers.get("content-type", "")
        if token is None and not request.url.path.startswith("/api/") and (
            ctype.startswith("application/x-www-form-urlencoded") or ctype.startswith("multipart/form-data")
        ):
            form = await request.form(max_files=UploadLimits().max_files)
            token = form.get(CSRF_FIELD)
        if not tokens_equal(token if isinstance(token, str) else None, csrf):
            raise Forbidden("缺少或错误的 CSRF 令牌，请刷新页面后重试")
    return user


def require_roles(*roles: str):
    async def check(user: User = Depends(guard)) -> User:
        if user.role not in roles:
            raise Forbidden(f"此操作需要以下角色之一：{'、'.join(ROLES[r] for r in roles)}")
        return user

    return check


def create_app(data_dir: Path | None = None, *, limits: Limits = Limits(),
               upload_limits: UploadLimits = UploadLimits(), https: bool = False) -> FastAPI:
    """Build the application over the data folder (default Settings.data_dir); the store lives in data_dir/web/."""
    from arbitration.config import settings

    data_dir = Path(data_dir) if data_dir else settings().data_dir
    app = FastAPI(
        title="劳动人事争议仲裁工作台 API",
        version="1.0",
        description="案卷、要素、提纲、类案、庭审笔录、裁决书草稿。所有接口需要登录会话；修改类请求需要 X-CSRF-Token 头。",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    ws = Workspace(data_dir, upload_limits)
    app.state.workspace = ws
    app.state.store = ws.store
    app.state.sessions = Sessions(ws.store, limits)
    app.state.https = https
    app.state.live_hearings = {}  # hearing id -> hearing_api.Live (the library's open Hearing)
    app.state.live_lock = threading.Lock()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(ROLES=ROLES, STAGE_NAMES=STAGE_NAMES, stage_available=available)
    app.state.templates = templates

    # openapi.json is served behind the guard like every other route
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", None) != "/api/openapi.json"]

    @app.get("/api/openapi.json", include_in_schema=False)
    async def openapi_spec(user: User = Depends(guard)) -> JSONResponse:
        return JSONResponse(app.openapi())

    from arbitration.web import api, pages, regions_page

    app.include_router(pages.public)
    app.include_router(pages.router, dependencies=[Depends(guard)])
    app.include_router(regions_page.router, dependencies=[Depends(guard)])  # 地区参数 (admin)
    app.include_router(api.router, prefix="/api", dependencies=[Depends(guard)])
    app.add_api_websocket_route("/api/hearings/{hearing_id}/ws", api.hearing_socket)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def page_error(request: Request, status: int, title: str, message: str):
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        user = getattr(request.state, "user", None)
        return templates.TemplateResponse(
            request, "error.html",
            {"user": user, "csrf": getattr(request.state, "csrf", ""), "title": title, "message": message},
            status_code=status,
        )

    @app.exception_handler(NotAuthenticated)
    async def _unauth(request: Request, exc: NotAuthenticated):
        if wants_json(request):
            return JSONResponse({"detail": "请先登录"}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden):
        return page_error(request, 403, "无权访问", str(exc))

    @app.exception_handler(StageMissing)
    async def _missing(request: Request, exc: StageMissing):
        return page_error(request, 503, "该功能尚未安装", str(exc))

    @app.exception_handler(ArchiveNotReady)
    async def _archive_not_ready(request: Request, exc: ArchiveNotReady):
        return page_error(request, 503, "类案库尚未就绪", str(exc))

    @app.exception_handler(NotReady)
    async def _not_ready(request: Request, exc: NotReady):
        return page_error(request, 409, "案卷尚未就绪", str(exc))

    @app.exception_handler(ArbitrationError)
    async def _arb(request: Request, exc: ArbitrationError):
        return page_error(request, 422, "无法完成", str(exc))

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError):
        return page_error(request, 422, "输入有误", str(exc))

    app.add_middleware(SecurityMiddleware, max_body=upload_limits.max_request_bytes,
                       signed_in=lambda token: app.state.sessions.lookup(token) is not None)
    return app
