"""The web application object: pages, the JSON API, static files, and its guards."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from afterword import __version__
from afterword.errors import AfterwordError, NotFoundError
from afterword.services import Workspace
from afterword.web.common import HERE, render

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def create_app(database_url: str | None = None) -> FastAPI:
    """An app over the database at ``database_url`` (default: the user's), upgraded first."""
    workspace = Workspace(database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
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

    @app.middleware("http")
    async def same_origin_only(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # The app listens on localhost: refuse form posts that another web site's page makes
        # the browser send (cross-site request forgery).
        if request.method in UNSAFE:
            origin = request.headers.get("origin") or request.headers.get("referer")
            if origin and urlsplit(origin).netloc != request.headers.get("host"):
                return PlainTextResponse("Cross-site request refused.", status_code=403)
        return await call_next(request)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        response: Response = render(request, "error.html", 404, message=str(exc))
        return response

    @app.exception_handler(AfterwordError)
    async def bad_input(request: Request, exc: AfterwordError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        response: Response = render(request, "error.html", 400, message=str(exc))
        return response

    from afterword.web import api
    from afterword.web.views import debrief, interviews, notes, stories

    app.include_router(api.router)
    app.include_router(interviews.router)
    app.include_router(debrief.router)
    app.include_router(notes.router)
    app.include_router(stories.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
