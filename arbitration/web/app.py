"""The FastAPI application: security middleware, the session/CSRF guard every route goes through, error pages,
and the page and API routers. `create_app(data_dir)` builds one; `arbitration serve` runs it with uvicorn."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

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


class SecurityMiddleware:
    """Pure ASGI: security headers on every response; request bodies capped (413) and chunked bodies refused (411)."""

    def __init__(self, app, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        refuse = None
        if scope["method"] in UNSAFE:
            if length is None and b"chunked" in headers.get(b"transfer-encoding", b""):
                refuse = (411, "请求必须带有 Content-Length")
            elif length is not None and (not length.isdigit() or int(length) > self.max_body):
                refuse = (413, f"上传内容超过上限 {self.max_body // (1 << 20)} MB")
        secure = scope.get("scheme") == "https"

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                hs = list(message.get("headers", []))
                hs += SECURITY_HEADERS
                if secure:
                    hs.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = hs
            await send(message)

        if refuse:
            resp = JSONResponse({"detail": refuse[1]}, status_code=refuse[0])
            return await resp(scope, receive, send_with_headers)
        return await self.app(scope, receive, send_with_headers)


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

    from arbitration.web import api, pages

    app.include_router(pages.public)
    app.include_router(pages.router, dependencies=[Depends(guard)])
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

    app.add_middleware(SecurityMiddleware, max_body=upload_limits.max_request_bytes)
    return app
