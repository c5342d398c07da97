"""The web application object: pages, the JSON API, static files, and its guards."""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from afterword import __version__
from afterword.errors import AfterwordError, NotFoundError
from afterword.services import Workspace
from afterword.web.common import HERE, render

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class SameOriginOnly:
    """Refuse form posts that another web site's page makes the browser send to this app
    (cross-site request forgery): the app listens on localhost, where any page can reach it.

    A plain ASGI middleware: Starlette's ``@app.middleware("http")`` costs more per request
    than the live check it would guard.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE:
            headers = Headers(scope=scope)
            origin = headers.get("origin") or headers.get("referer")
            if origin and urlsplit(origin).netloc != headers.get("host"):
                response = PlainTextResponse("Cross-site request refused.", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(database_url: str | None = None) -> FastAPI:
    """An app over the database at ``database_url`` (default: the user's), upgraded first."""
    workspace = Workspace(database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        def warm_up() -> None:
            # Fill the dashboard's cache while the first page loads, not during it; then move
            # what start-up built out of the garbage collector's way, so that its full
            # collections (tens of milliseconds) stay rare and short under load.
            workspace.agenda(datetime.now(UTC))
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

    @app.exception_handler(AfterwordError)
    async def bad_input(request: Request, exc: AfterwordError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return render(request, "error.html", 400, message=str(exc))

    app.add_middleware(SameOriginOnly)
    from afterword.web import api
    from afterword.web.views import debrief, interviews, notes, stories

    app.include_router(api.router)
    app.include_router(interviews.router)
    app.include_router(debrief.router)
    app.include_router(notes.router)
    app.include_router(stories.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
