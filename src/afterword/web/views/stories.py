"""The story library: list, search, add, edit, delete with undo."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from afterword.errors import InputError
from afterword.model import Story
from afterword.services import Workspace
from afterword.web.common import StoryId, errors_of, lines, redirect, render, text, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


def _story_from(form: FormData) -> Story:
    return Story(
        title=text(form, "title") or "",
        situation=text(form, "situation"),
        action=text(form, "action"),
        result=text(form, "result"),
        metrics=lines(form, "metrics"),
        skills=[s.strip() for s in (text(form, "skills") or "").split(",") if s.strip()],
    )


def _values(story: Story | None) -> dict[str, Any]:
    if story is None:
        return {}
    return {
        **story.model_dump(),
        "metrics": "\n".join(story.metrics),
        "skills": ", ".join(story.skills),
    }


def _list(
    request: Request, ws: Workspace, errors: list[str] | None = None, values: Any = None
) -> Response:
    q = request.query_params.get("q") or None
    undo = request.query_params.get("undo")
    back = _back(request.query_params.get("back") or (values or {}).get("back"))
    return render(
        request,
        "stories.html",
        status_code=422 if errors else 200,
        stories=ws.stories(q),
        q=q or "",
        errors=errors or [],
        values=values or {},
        undo=undo,
        back=back,
        active="stories",
    )


@router.get("/stories")
def stories(request: Request, ws: WS) -> Response:
    return _list(request, ws)


def _back(path: str | None) -> str | None:
    """Where the user came from, to go back to: a page of an interview of this app only
    (never another site)."""
    if path and path.startswith("/interviews/") and "//" not in path and "\\" not in path:
        return path
    return None


@router.post("/stories")
async def add_story(request: Request, ws: WS) -> Response:
    form = await request.form()
    try:
        story_id = ws.add_story(_story_from(form))
    except (ValidationError, InputError) as exc:
        values = {k: v for k, v in form.items() if isinstance(v, str)}
        return _list(request, ws, errors_of(exc), values)
    back = _back(text(form, "back"))
    if back:
        return redirect(back, "Added to your library: it can back this moment now.")
    return redirect(f"/stories#story-{story_id}", "Added to your library.")


@router.post("/stories/restore")
async def restore_story(request: Request, ws: WS) -> Response:
    form = await request.form()
    try:
        story = Story.model_validate(json.loads(text(form, "story") or ""))
        story_id = ws.add_story(story)
    except (ValueError, InputError, RecursionError) as exc:
        reason = "the story is garbled" if isinstance(exc, RecursionError) else exc
        return redirect("/stories", f"Could not undo: {reason}")
    return redirect(f"/stories#story-{story_id}", f"Restored “{story.title}”.")


@router.get("/stories/{story_id}/edit")
def edit_story(request: Request, ws: WS, story_id: StoryId) -> Response:
    story = ws.story(story_id)
    return render(
        request, "story_form.html", story_id=story_id, values=_values(story), active="stories"
    )


@router.post("/stories/{story_id}")
async def update_story(request: Request, ws: WS, story_id: StoryId) -> Response:
    form = await request.form()
    try:
        ws.update_story(story_id, _story_from(form))
    except (ValidationError, InputError) as exc:
        return render(
            request,
            "story_form.html",
            status_code=422,
            story_id=story_id,
            values={k: v for k, v in form.items() if isinstance(v, str)},
            errors=errors_of(exc),
            active="stories",
        )
    return redirect(f"/stories#story-{story_id}", "Saved.")


@router.post("/stories/{story_id}/delete")
def delete_story(ws: WS, story_id: StoryId) -> Response:
    story = ws.delete_story(story_id)
    # The deleted story travels in the link, so "Undo" can put it back as it was.
    query = urlencode({"notice": f"Deleted “{story.title}”.", "undo": story.model_dump_json()})
    return RedirectResponse(f"/stories?{query}", status_code=303)
