"""The web application object: pages, the JSON API, static files, and its guards."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from afterword import __version__
from afterword.errors import AfterwordError, ConflictError, NotFoundError
from afterword.services import Workspace, utc_now
from afterword.web.common import HERE, render

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

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

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
            if origin and urlsplit(origin).netloc != headers.get("host"):
                response = PlainTextResponse("Cross-site request refused.", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(
    database_url: str | None = None,
    allowed_hosts: Iterable[str] | None = None,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> FastAPI:
    """An app over the database at ``database_url`` (default: the user's), upgraded first.

    ``allowed_hosts`` (default: ``AFTERWORD_ALLOWED_HOSTS``, comma-separated; unset: any)
    are the host names requests may be addressed to; every page reads the time from
    ``clock``."""
    workspace = Workspace(database_url, clock=clock)
    if allowed_hosts is None and (names := os.environ.get(ALLOWED_HOSTS_VARIABLE)):
        allowed_hosts = names.split(",")
    hosts = frozenset(h.strip().strip("[]").lower() for h in allowed_hosts or ()) or None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        def warm_up() -> None:
            # Fill the dashboard's cache while the first page loads, not during it; then move
            # what start-up built out of the garbage collector's way, so that its full
            # collections (tens of milliseconds) stay rare and short under load.
            workspace.agenda(workspace.now())
            gc.freeze()

        threading.Thread(target=warm_up, daemon=True).start()
        yield
        workspace.close()

    app = FastAPI(
        title="Afterword",
        version=__version__,
        description="Debrief a bad interview, write the thank-you note, learn from it.",
        lifespan=lifespan,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.workspace = workspace

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

    app.add_middleware(SameOriginOnly, allowed_hosts=hosts)
    from afterword.web import api
    from afterword.web.views import debrief, interviews, notes, stories

    app.include_router(api.router)
    app.include_router(interviews.router)
    app.include_router(debrief.router)
    app.include_router(notes.router)
    app.include_router(stories.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
