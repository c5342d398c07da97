"""The web application object: pages, the JSON API, static files, and its guards."""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.body_limit import MAX_BODY_SIZE_SCOPE_KEY, RequestBodyLimitMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from afterword import __version__, config
from afterword.config import HostedSettings
from afterword.errors import AfterwordError, ConflictError, NotFoundError
from afterword.services import Workspace

if TYPE_CHECKING:
    from argon2 import PasswordHasher
from afterword.web.common import HERE, errors_of, render
from afterword.web.hosted import fetched_from_elsewhere

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
#: Set by `afterword serve` when it listens on loopback only: the host names it answers to.
ALLOWED_HOSTS_VARIABLE = "AFTERWORD_ALLOWED_HOSTS"
LOOPBACK_NAMES = "localhost,127.0.0.1,::1"


class SameOriginOnly:
    """Refuse form posts that another web site's page makes the browser send to this app
    (cross-site request forgery): the app listens on localhost, where any page can reach it.

    A plain ASGI middleware: Starlette's ``@app.middleware("http")`` costs more per request
    than the live check it would guard.
    """

    def __init__(
        self,
        app: ASGIApp,
        allowed_hosts: frozenset[str] | None = None,
        *,
        fetch_metadata: bool = False,
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        #: Hosted mode: also refuse what the browser's Sec-Fetch-Site says another site sent.
        self.fetch_metadata = fetch_metadata

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed_hosts is not None:
            # DNS rebinding: a web site whose name is made to resolve to 127.0.0.1 is "same
            # origin" with itself, and could read the user's interviews; it cannot make the
            # browser send a Host header that names this computer.
            host = urlsplit("//" + (Headers(scope=scope).get("host") or "")).hostname
            if host not in self.allowed_hosts:
                response = PlainTextResponse("Unknown host name refused.", status_code=421)
                await response(scope, receive, send)
                return
        if scope["type"] == "http" and scope["method"] in UNSAFE:
            headers = Headers(scope=scope)
            origin = headers.get("origin") or headers.get("referer")
            if (origin and urlsplit(origin).netloc != headers.get("host")) or (
                self.fetch_metadata and fetched_from_elsewhere(headers)
            ):
                response = PlainTextResponse("Cross-site request refused.", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


#: No form or JSON body of this app comes near this; a debrief file to import is at most
#: 1 MB (MAX_FILE_BYTES), and its form adds a few hundred bytes.
MAX_BODY_BYTES = 1 << 20
#: What a page may load and do: its own scripts and styles only (no inline script, no inline
#: style), never inside another site's frame (a framing page could make a click mark a note
#: sent), no <base> to re-aim its links, forms posting only back to this app.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    # Not no-referrer: browsers then send "Origin: null" with a page's own form posts, and
    # SameOriginOnly would refuse them.
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response (a plain ASGI middleware, like
    :class:`SameOriginOnly`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: What a request is told when its database connection broke under it.
DATABASE_UNAVAILABLE = (
    "The database did not answer just now (it may be restarting). Try again in a moment; "
    "if you were saving something, reload first to see whether it was saved."
)


class DatabaseUnavailable:
    """A request whose database connection failed (PostgreSQL restarting, a failover, a
    dropped connection) is answered 503 with Retry-After, its transaction rolled back,
    rather than as an unhandled error: a 500, a traceback that may quote the statement's
    values (someone's note) in the log, and the client's connection closed. The pool has
    dropped the broken connection already; the next request gets a new one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except DBAPIError as exc:
            if started or not _connection_broke(exc):
                raise
            logging.getLogger("afterword").warning(
                "database unavailable (%s): answered 503", _driver_said(exc)
            )
            request = Request(scope)
            headers = {"retry-after": "2"}
            response: Response
            if _is_api(request):
                response = JSONResponse(
                    {"detail": DATABASE_UNAVAILABLE}, status_code=503, headers=headers
                )
            else:
                response = PlainTextResponse(DATABASE_UNAVAILABLE, status_code=503, headers=headers)
            await response(scope, receive, send)


def _connection_broke(exc: DBAPIError) -> bool:
    """The database went away under a statement (a restart, a failover, a dropped
    connection), rather than refusing the statement itself."""
    return isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated


def _driver_said(exc: DBAPIError) -> str:
    # The driver's first line only: never the statement or its parameters.
    cause = str(exc.orig).splitlines()[0] if exc.orig is not None else ""
    return f"{type(exc.orig).__name__}: {cause}"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _too_large(request: Request, limit: int) -> Response:
    message = (
        f"The request is larger than {limit / (1 << 20):g} MB, more than anything Afterword "
        "needs (a debrief file is a few kilobytes); nothing was saved."
    )
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=413)
    return render(request, "error.html", 413, message=message)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with a clear 413, before reading them when
    their length is declared; Starlette's limiter counts the bytes of the others as they come
    (and the app's 413 handler words its refusal)."""

    def __init__(
        self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES, larger: dict[str, int] | None = None
    ) -> None:
        self.app = RequestBodyLimitMiddleware(app, max_body_size=max_bytes)
        self.max_bytes = max_bytes
        #: Paths that take more (a whole export to restore), and their limits.
        self.larger = {
            path: (RequestBodyLimitMiddleware(app, max_body_size=limit), limit)
            for path, limit in (larger or {}).items()
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        inner, limit = self.app, self.max_bytes
        if scope["type"] == "http":
            inner, limit = self.larger.get(scope["path"], (inner, limit))
            length = Headers(scope=scope).get("content-length", "")
            if length.isdigit() and (len(length) > 15 or int(length) > limit):
                await _too_large(Request(scope), limit)(scope, receive, send)
                return
        await inner(scope, receive, send)


#: The thread that prepares the dashboard when the app starts.
WARM_UP_THREAD = "afterword-warm-up"


def create_app(
    database_url: str | None = None,
    allowed_hosts: Iterable[str] | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    hosted: HostedSettings | None = None,
    password_hasher: PasswordHasher | None = None,
) -> FastAPI:
    """An app over the database at ``database_url`` (default: the user's), upgraded first.

    ``allowed_hosts`` (default: ``AFTERWORD_ALLOWED_HOSTS``, comma-separated; unset: any)
    are the host names requests may be addressed to; every page reads the time from
    ``clock``. ``hosted`` (default: from the environment when ``AFTERWORD_MODE=hosted``,
    which refuses to start without its settings) serves many people, each behind a login;
    ``password_hasher`` is argon2id's OWASP profile unless a test passes a cheaper one."""
    if hosted is None and config.mode() == "hosted":
        hosted = config.hosted_settings()
    if hosted is not None:
        database_url = hosted.database_url
    # `afterword serve` opened the database before it started its workers: a worker started
    # while the database server restarts (uvicorn replacing one that died) waits for it to
    # answer, as a request would, rather than die at start-up.
    url = database_url or config.database_url()
    opened = os.environ.get(config.DATABASE_OPENED_VARIABLE) == url
    workspace = Workspace(url, clock=clock, database_known=opened)
    if allowed_hosts is None and (names := os.environ.get(ALLOWED_HOSTS_VARIABLE)):
        allowed_hosts = names.split(",")
    if allowed_hosts is None and hosted is not None and hosted.site_url:
        allowed_hosts = [urlsplit(hosted.site_url).hostname or ""]
    hosts = frozenset(h.strip().strip("[]").lower() for h in allowed_hosts or ()) or None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        def warm_up() -> None:
            # Fill the dashboard's cache while the first page loads, not during it; then move
            # what start-up built out of the garbage collector's way, so that its full
            # collections (tens of milliseconds) stay rare and short under load.
            try:
                workspace.agenda(workspace.now())
            except DBAPIError as exc:
                if not _connection_broke(exc):
                    raise
                # A worker that uvicorn starts while PostgreSQL restarts: the first visit
                # fills the cache instead (and is answered 503 until the database is back).
                logging.getLogger("afterword").warning(
                    "database unavailable at start-up (%s): the dashboard is prepared on "
                    "its first visit",
                    _driver_said(exc),
                )
            gc.freeze()

        threading.Thread(target=warm_up, name=WARM_UP_THREAD, daemon=True).start()
        yield
        workspace.close()

    app = FastAPI(
        title="Afterword",
        version=__version__,
        description="Debrief a bad interview, write the thank-you note, learn from it.",
        lifespan=lifespan,
        # Swagger UI would load its scripts from a CDN: the app works offline, and its pages
        # load nothing from elsewhere. The schema stays at /api/openapi.json.
        docs_url=None,
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.workspace = workspace
    app.state.hosted = None
    if hosted is not None:
        from afterword.accounts import Accounts
        from afterword.web.hosted import Hosted

        accounts = Accounts(
            workspace.database, workspace.now, password_hasher, signup=hosted.signup
        )
        app.state.hosted = Hosted(workspace, accounts, hosted.mail, hosted.site_url)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return render(request, "error.html", 404, message=str(exc))

    @app.exception_handler(ConflictError)
    async def conflict(request: Request, exc: ConflictError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=409)
        return render(request, "error.html", 409, message=str(exc))

    @app.exception_handler(AfterwordError)
    async def bad_input(request: Request, exc: AfterwordError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return render(request, "error.html", 400, message=str(exc))

    @app.exception_handler(413)
    async def too_large(request: Request, exc: Exception) -> Response:
        return _too_large(request, request.scope.get(MAX_BODY_SIZE_SCOPE_KEY) or MAX_BODY_BYTES)

    @app.exception_handler(ValidationError)
    async def invalid(request: Request, exc: ValidationError) -> Response:
        # Input checked by the model inside a route (a note's length, a time's year): the
        # input's fault, said field by field, and nothing saved.
        if _is_api(request):
            detail = [
                {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()
            ]
            return JSONResponse({"detail": detail}, status_code=422)
        return render(request, "error.html", 422, message="; ".join(errors_of(exc)))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        messages = [
            f"{'.'.join(str(p) for p in e['loc'][1:]).replace('_', ' ')}: {e['msg']}"
            for e in exc.errors()
        ]
        return render(request, "error.html", 422, message="; ".join(messages))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400 and isinstance(exc.__cause__, RecursionError):
            exc = StarletteHTTPException(400, "The JSON is nested too deeply.")
        return await http_exception_handler(request, exc)

    if app.state.hosted is not None:
        from afterword.web.hosted import Authenticate, Csrf

        # Innermost first: the CSRF check runs before the session is even looked up.
        app.add_middleware(Authenticate, hosted=app.state.hosted)
        app.add_middleware(Csrf, secret=hosted.secret_key if hosted else "")
    app.add_middleware(DatabaseUnavailable)
    app.add_middleware(
        SameOriginOnly, allowed_hosts=hosts, fetch_metadata=app.state.hosted is not None
    )
    from afterword.archive import MAX_ARCHIVE_BYTES

    app.add_middleware(BodyLimit, larger={"/settings/restore": MAX_ARCHIVE_BYTES + (1 << 16)})
    app.add_middleware(SecurityHeaders)
    from afterword.web import api
    from afterword.web.views import (
        check_in,
        debrief,
        interviews,
        learning,
        notes,
        practice,
        quick,
        research,
        settings,
        stories,
    )

    app.include_router(api.router)
    app.include_router(interviews.router)
    app.include_router(debrief.router)
    app.include_router(notes.router)
    app.include_router(stories.router)
    app.include_router(check_in.router)
    app.include_router(quick.router)
    app.include_router(learning.router)
    app.include_router(practice.router)
    app.include_router(research.router)
    app.include_router(settings.router)
    if app.state.hosted is not None:
        from afterword.web.views import accounts as account_views
        from afterword.web.views import coaching

        app.include_router(account_views.router)
        app.include_router(coaching.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
