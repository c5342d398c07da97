"""The check-in page: whether the follow-up policy allows one now (and if not, from when and
why), a draft with something useful to add, and the record of what went out."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InputError
from afterword.model import Note, NoteStatus
from afterword.services import Workspace
from afterword.web.common import InterviewId, redirect, render, still_to_fix, workspace
from afterword.web.views.notes import send_notice

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


@router.get("/interviews/{interview_id}/check-in")
def check_in_page(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    interview, decision = ws.check_in_decision(interview_id)
    drafts = [c for c in interview.check_ins if c.status is NoteStatus.draft]
    sent = [c for c in interview.check_ins if c.status is NoteStatus.sent]
    draft = drafts[-1] if drafts and decision.allowed else None
    report = ws.check(draft.body, interview_id) if draft and draft.body.strip() else None
    try:
        can_send = ws.smtp_settings() is not None
    except InputError:  # broken [smtp] settings: the Send button would only say so
        can_send = False
    person = interview.interviewer(draft.to) if draft else None
    return render(
        request,
        "check_in.html",
        interview=interview,
        interview_id=interview_id,
        decision=decision,
        draft=draft,
        report=report,
        sent=sent,
        email=person.email if person and can_send else None,
        last_send=ws.last_send(interview_id, draft.to, "check_in") if draft else None,
    )


@router.post("/interviews/{interview_id}/check-in/draft")
def draft_check_in(ws: WS, interview_id: InterviewId) -> Response:
    draft = ws.draft_check_in(interview_id)
    # Saved only where there is no draft yet: a stale page never replaces one being written.
    ws.save_check_in(
        interview_id, Note(to=draft.to, subject=draft.subject, body=draft.text), was=""
    )
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
    was: Annotated[str | None, Form()] = None,
    action: Annotated[str, Form()] = "save",
) -> Response:
    page = f"/interviews/{interview_id}/check-in"
    saved = ws.save_check_in(interview_id, Note(to=to, subject=subject.strip(), body=body), was)
    if action == "sent" and (left := still_to_fix(ws, saved.body, interview_id)):
        return redirect(page, f"Saved, not marked as sent: it still has {left}.")
    if action == "sent":
        ws.mark_check_in_sent(interview_id, to, ws.now())
        return redirect(
            f"/interviews/{interview_id}/check-in",
            "Marked as sent. That is the last nudge that helps: whatever comes back (or "
            "doesn't) is their answer. Let it go now.",
        )
    return redirect(f"/interviews/{interview_id}/check-in", "Saved.")


@router.post("/interviews/{interview_id}/check-in/send")
def send_check_in(
    ws: WS,
    interview_id: InterviewId,
    to: Annotated[str, Form(max_length=200)],
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    was: Annotated[str | None, Form()] = None,
) -> Response:
    """Save the check-in as shown, then send it over SMTP (once)."""
    page = f"/interviews/{interview_id}/check-in"
    ws.require_interview(interview_id)
    try:
        ws.save_check_in(interview_id, Note(to=to, subject=subject.strip(), body=body), was)
        result = ws.send(interview_id, to, kind="check_in")
    except AfterwordError as exc:
        return redirect(page, f"Not sent: {str(exc).removeprefix('not sent: ')}")
    return redirect(page, send_notice(result, "check-in"))


@router.post("/interviews/{interview_id}/check-in/send/settle")
def settle_check_in_send(
    ws: WS,
    interview_id: InterviewId,
    to: Annotated[str, Form(max_length=200)],
    found: Annotated[Literal["yes", "no"], Form()],
) -> Response:
    """The user looked in their Sent folder: record a check-in of unknown outcome as sent or
    not."""
    ws.resolve_send(interview_id, to, sent=found == "yes", kind="check_in")
    return redirect(
        f"/interviews/{interview_id}/check-in",
        "Recorded as sent." if found == "yes" else "Recorded as not sent; you can send it again.",
    )
