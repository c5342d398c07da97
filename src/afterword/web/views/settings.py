"""Settings: everything out (a JSON export, a Markdown report, a backup of the SQLite file)
and back (an export restored into an empty database)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from afterword.errors import InputError, NotFoundError
from afterword.services import Workspace
from afterword.web.common import attachment, errors_of, redirect, render, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


def _page(request: Request, ws: Workspace, status_code: int = 200, **extra: object) -> Response:
    from afterword.store.backup import pg_dump_command

    sqlite = ws.database.engine.dialect.name == "sqlite"
    return render(
        request,
        "settings.html",
        status_code,
        active="settings",
        interviews=len(ws.interviews()),
        stories=len(ws.stories()),
        sqlite=sqlite,
        hosted=request.app.state.hosted is not None,
        database=ws.database.engine.url.database if sqlite else None,
        pg_dump=None if sqlite else pg_dump_command(ws.database.url),
        **extra,
    )


@router.get("/settings")
def settings_page(request: Request, ws: WS) -> Response:
    return _page(request, ws)


@router.post("/settings/export")
def download_export(
    request: Request,
    ws: WS,
    format: Annotated[str, Form()] = "json",
    password: Annotated[str, Form()] = "",
) -> Response:
    """Everything as one JSON export (``format=json``) or a Markdown report (``markdown``);
    hosted, only once the password is given again (a browser left logged in is not enough
    to carry off everything at once)."""
    from afterword.archive import dump, to_markdown

    hosted = request.app.state.hosted
    if hosted is not None:
        try:
            hosted.accounts.confirm(request.state.user.id, password)
        except InputError as exc:
            return _page(request, ws, 400, errors=errors_of(exc))
    archive = ws.export_all()
    day = archive.exported_at.strftime("%Y-%m-%d")
    if format == "markdown":
        name = f"afterword-report-{day}.md"
        return Response(
            to_markdown(archive),
            media_type="text/markdown; charset=utf-8",
            headers=attachment(name, name),
        )
    if format != "json":
        raise InputError(f"format: {format!r} is not json or markdown")
    name = f"afterword-export-{day}.json"
    return Response(dump(archive), media_type="application/json", headers=attachment(name, name))


@router.post("/settings/backup")
def download_backup(request: Request, ws: WS) -> Response:
    """A checked copy of the SQLite database, taken now, as a download (local mode: a
    hosted database holds everyone's, and is backed up by the people who run it)."""
    if request.app.state.hosted is not None:
        raise NotFoundError("there is no such page")
    folder = Path(tempfile.mkdtemp(prefix="afterword-backup-"))
    try:
        name = f"afterword-backup-{ws.now():%Y-%m-%d}.db"
        done = ws.backup(folder / name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        done.path,
        media_type="application/vnd.sqlite3",
        headers=attachment(name, name),
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.post("/settings/restore")
async def restore(request: Request, ws: WS, file: Annotated[UploadFile, File()]) -> Response:
    """Restore an export into an empty database; refused, with nothing written, otherwise."""
    from afterword.archive import MAX_ARCHIVE_BYTES, parse_archive_bytes

    raw = await file.read(MAX_ARCHIVE_BYTES + 1)
    name = file.filename or "the file"
    try:
        archive = await run_in_threadpool(parse_archive_bytes, raw, name)
        restored = await run_in_threadpool(ws.import_all, archive)
    except InputError as exc:
        return await run_in_threadpool(_page, request, ws, 422, errors=errors_of(exc))
    return redirect(
        "/",
        f"Restored {restored.interviews} interviews and {restored.stories} stories from {name}."
        + restored.shares_note(),
    )
