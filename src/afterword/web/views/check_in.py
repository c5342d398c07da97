"""The check-in page: whether the follow-up policy allows one now (and if not, from when and
why), a draft with something useful to add, and the record of what went out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from afterword.model import Note, NoteStatus
from afterword.services import Workspace
from afterword.web.common import InterviewId, redirect, render, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


@router.get("/interviews/{interview_id}/check-in")
def check_in_page(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    interview, decision = ws.check_in_decision(interview_id)
    drafts = [c for c in interview.check_ins if c.status is NoteStatus.draft]
    sent = [c for c in interview.check_ins if c.status is NoteStatus.sent]
    draft = drafts[-1] if drafts and decision.allowed else None
    report = ws.check(draft.body, interview_id) if draft and draft.body.strip() else None
    return render(
        request,
        "check_in.html",
        interview=interview,
        interview_id=interview_id,
        decision=decision,
        draft=draft,
        report=report,
        sent=sent,
    )


@router.post("/interviews/{interview_id}/check-in/draft")
def draft_check_in(ws: WS, interview_id: InterviewId) -> Response:
    draft = ws.draft_check_in(interview_id)
    ws.save_check_in(interview_id, Note(to=draft.to, subject=draft.subject, body=draft.text))
    return redirect(
        f"/interviews/{interview_id}/check-in",
        "Here is a draft. Read it as they would, make it yours, then send it from your mail.",
    )


@router.post("/interviews/{interview_id}/check-in")
def save_check_in(
    ws: WS,
    interview_id: InterviewId,
    to: Annotated[str, Form(max_length=200)],
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    ws.save_check_in(interview_id, Note(to=to, subject=subject.strip(), body=body))
    if action == "sent":
        ws.mark_check_in_sent(interview_id, to, ws.now())
        return redirect(
            f"/interviews/{interview_id}/check-in",
            "Marked as sent. That is the last nudge that helps: whatever comes back (or "
            "doesn't) is their answer. Let it go now.",
        )
    return redirect(f"/interviews/{interview_id}/check-in", "Saved.")
