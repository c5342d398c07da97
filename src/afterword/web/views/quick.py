"""The quick path: one screen with only what the note needs, and the notes drafted at once.

In the first hours after a bad interview the note matters most and the full debrief can wait:
this asks for the company, the role, who interviewed you, when it ended, the one question
that went worst and what you would add now (perhaps a story or a number), and who you are
(remembered from last time). The notes come back drafted, one per interviewer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from afterword.errors import InputError
from afterword.model import Interview
from afterword.services import Workspace
from afterword.web.common import (
    errors_of,
    local_zone_name,
    parse_local_time,
    redirect,
    render,
    text,
    workspace,
    zone_named,
)

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


def _page(request: Request, values: dict[str, Any], errors: list[str] | None = None) -> Response:
    return render(
        request,
        "quick.html",
        status_code=422 if errors else 200,
        values=values,
        errors=errors or [],
        active="quick",
    )


@router.get("/quick")
def quick_form(request: Request, ws: WS) -> Response:
    sender = ws.last_sender()
    zone = local_zone_name()
    ended = ws.now().astimezone(zone_named(zone)).strftime("%Y-%m-%dT%H:%M")
    values = {
        "ended_at": ended,
        "timezone": zone,
        "sender_name": sender.name if sender else "",
        "sender_email": (sender.email or "") if sender else "",
    }
    return _page(request, values)


def _interview(form: FormData) -> Interview:
    names = [n.strip() for n in (text(form, "interviewers") or "").replace(";", ",").split(",")]
    question = text(form, "question")
    answer = text(form, "better_answer")
    story = text(form, "story")
    # The story is titled by its own words: a fixed title would merge every quick note's story
    # into the first one (the library keeps one story a title).
    title = (story if len(story) <= 120 else story[:119].rstrip() + "…") if story else None
    sender = text(form, "sender_name")
    data: dict[str, Any] = {
        "company": text(form, "company") or "",
        "role": text(form, "role") or "",
        "ended_at": parse_local_time(text(form, "ended_at"), text(form, "timezone"), "ended at"),
        "interviewers": [{"name": n} for n in names if n],
        "sender": {"name": sender, "email": text(form, "sender_email")} if sender else None,
        "debrief": {
            "moments": [
                {
                    # A few words on what it was about: the note names it ("you asked about
                    # ..."); the debrief can record the question in full later.
                    "question": question,
                    "topic": question,
                    "kind": "could_be_better",
                    "better_answer": answer,
                    "stories": [title] if title else [],
                }
            ]
            if question
            else []
        },
        "stories": [{"title": title, "result": story}] if title else [],
    }
    if not data["interviewers"]:
        raise InputError("who interviewed you: give at least one name (the note is to them)")
    if not sender:
        raise InputError("your name: the note is signed with it")
    return Interview.model_validate(data)


@router.post("/quick")
async def quick_start(request: Request, ws: WS) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        interview = _interview(form)
    except (ValidationError, InputError) as exc:
        return _page(request, values, errors_of(exc))
    from starlette.concurrency import run_in_threadpool

    # The composer drafts the notes: CPU work, off the event loop.
    interview_id = await run_in_threadpool(ws.quick_start, interview)
    return redirect(
        f"/interviews/{interview_id}/notes",
        "Here is a first draft of your note. Read it as they would, make it yours, and send "
        "it. Your full debrief can wait until later.",
    )
