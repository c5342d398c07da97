"""An interview's research: add, change and remove items (topic, text, source) from its page
and from its debrief."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from afterword.errors import InputError
from afterword.model import Research
from afterword.services import Workspace
from afterword.web.common import InterviewId, errors_of, redirect, render, text, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


def _back(interview_id: int, where: str | None) -> str:
    """Back to the page the form was on (its debrief's moments, or the interview page)."""
    if where == "debrief":
        return f"/interviews/{interview_id}/debrief?step=moments#research"
    return f"/interviews/{interview_id}#research"


@router.post("/interviews/{interview_id}/research")
async def change_research(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    """Add an item (no ``index``), save the one at ``index``, or remove it
    (``action=delete``)."""
    form = await request.form()
    index_text = text(form, "index")
    action = text(form, "action") or "save"
    back = text(form, "back")
    try:
        index = None
        if index_text is not None:
            if not (index_text.isdigit() and len(index_text) <= 9):
                raise InputError("that research item no longer exists; reload the page")
            index = int(index_text)
        was = None
        if index is not None and text(form, "was_topic") and text(form, "was_text"):
            was = Research(topic=text(form, "was_topic") or "", text=text(form, "was_text") or "")
        item = None
        if action != "delete":
            item = Research(
                topic=text(form, "topic") or "",
                text=text(form, "text") or "",
                source=text(form, "source"),
            )
        ws.change_research(interview_id, index, item, was)
    except (InputError, ValidationError) as exc:
        interview = ws.interview(interview_id)
        return render(
            request,
            "research_form.html",
            status_code=422,
            interview=interview,
            interview_id=interview_id,
            errors=errors_of(exc),
            values={k: v for k, v in form.items() if isinstance(v, str)},
        )
    notice = "Research removed." if action == "delete" else "Research saved."
    return redirect(_back(interview_id, back), notice)
