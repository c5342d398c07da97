"""The notes: one tab per interviewer, drafts from the composer, a live-checked editor."""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InputError
from afterword.model import Interview, Note, NoteStatus
from afterword.services import UNDO_SENT, SendResult, Workspace
from afterword.web.common import (
    InterviewId,
    attachment,
    redirect,
    render,
    still_to_fix,
    workspace,
)

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]


def mailto(address: str | None, subject: str, body: str) -> str:
    """A mailto: link with the subject and body encoded (RFC 6068)."""
    return (
        f"mailto:{quote(address or '', safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def _tabs(interview: Interview) -> list[str]:
    names = [p.name for p in interview.interviewers]
    # A note can outlive its interviewer's removal from the list: keep showing it.
    names += [n.to for n in interview.notes if interview.interviewer(n.to) is None]
    return names


@router.get("/interviews/{interview_id}/notes")
def notes(
    request: Request,
    ws: WS,
    interview_id: InterviewId,
    to: str | None = None,
    drafts: Annotated[int | None, Query(ge=1, le=5)] = None,
    tone: Annotated[str, Query(pattern="^(warm|formal)$")] = "warm",
    seed: Annotated[int | None, Query(ge=0, le=2**31)] = None,
) -> Response:
    """The editor; with ``drafts`` (and the ``seed`` that makes them repeatable), the
    composer's drafts beside it, the same ones on every reload or return to the page."""
    card = ws.card(interview_id, ws.now())
    interview = card.interview
    tabs = _tabs(interview)
    if not tabs:
        return render(
            request,
            "notes.html",
            card=card,
            interview=interview,
            interview_id=interview_id,
            tabs=[],
            current=None,
        )
    current = next((t for t in tabs if to and t.casefold() == to.casefold()), tabs[0])
    if drafts is None:
        return _editor(request, ws, card, interview_id, tabs, current)
    found, hints = ws.draft_notes(
        interview_id, to=current, variants=drafts, tone=tone, seed=seed, now=ws.now()
    )
    return _editor(request, ws, card, interview_id, tabs, current, variants=found, hints=hints)


def _editor(
    request: Request,
    ws: Workspace,
    card: Any,
    interview_id: InterviewId,
    tabs: list[str],
    current: str,
    variants: list[Any] | None = None,
    hints: list[str] | None = None,
    errors: list[str] | None = None,
) -> Response:
    interview = card.interview
    # The note and its version are read together: the editor saves only over that version.
    saved = ws.note(interview_id, current)
    note, version = (saved.note, saved.version) if saved else (Note(to=current), 0)
    settings = ws.check_settings()
    report = ws.check(note.body, interview_id) if note.body.strip() else None
    person = interview.interviewer(current)
    last_send = ws.last_send(interview_id, current)
    try:
        can_send = ws.smtp_settings() is not None
    except InputError:  # broken [smtp] settings: the Send button would only say so
        can_send = False
    return render(
        request,
        "notes.html",
        status_code=422 if errors else 200,
        card=card,
        interview=interview,
        interview_id=interview_id,
        tabs=tabs,
        current=current,
        note=note,
        version=version,
        # Only a "sent" the user recorded can be undone: one Afterword sent by email went out.
        can_undo=note.sent_at is not None
        and ws.now() - note.sent_at <= UNDO_SENT
        and not (last_send is not None and last_send.state == "sent"),
        confirm_send=bool(request.query_params.get("confirm_send")),
        report=report,
        limits=settings,
        email=person.email if person else None,
        mailto=mailto(person.email if person else None, note.subject, note.body),
        can_send=can_send,
        confirm_force=bool(request.query_params.get("confirm_force")),
        last_send=last_send,
        variants=variants or [],
        hints=hints or [],
        errors=errors or [],
    )


# The interviewer's name travels in the query string, never in the path: a name such as
# "../../stories/3/delete" in a form's action would be resolved by the browser into another
# route's path.
To = Annotated[str, Query(min_length=1, max_length=200)]


def _version(field: str) -> int | None:
    """The version a form was shown with (None when it carries none the database can hold)."""
    field = field.strip()
    return int(field) if field.isdigit() and len(field) <= 18 else None


@router.post("/interviews/{interview_id}/notes")
def save_note(
    ws: WS,
    interview_id: InterviewId,
    to: To,
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    # Plain functions with form fields: FastAPI reads the form, then runs these in a worker
    # thread, so that a save (or the composer below) never holds up the event loop.
    note = Note(to=to, subject=subject.strip(), body=body)
    saved = ws.save_note(interview_id, note, _version(version)).note
    if action.strip() in ("sent", "send_anyway"):
        if not saved.body.strip():
            raise InputError(f"the note to {to} is empty; write it before sending")
        left = still_to_fix(ws, saved.body, interview_id)
        if left and action.strip() != "send_anyway":
            # Sending locks the note: say what is still wrong, and let the user choose.
            return redirect(
                f"/interviews/{interview_id}/notes?to={quote(to)}&confirm_send=1",
                f"Not marked as sent yet: the note still has {left}. "
                "Fix them, or mark it as sent anyway.",
            )
        ws.mark_sent(interview_id, to, ws.now())
        return redirect(
            f"/interviews/{interview_id}/notes?to={quote(to)}",
            "Marked as sent. It may or may not change the outcome, and sending it was still "
            "right. Now let it go for a while.",
        )
    notice = "Saved." if saved.body.strip() else "Saved (the note is empty)."
    return redirect(f"/interviews/{interview_id}/notes?to={quote(to)}", notice)


@router.post("/interviews/{interview_id}/notes/unsend")
def unsend_note(ws: WS, interview_id: InterviewId, to: To) -> Response:
    ws.unmark_sent(interview_id, to)
    return redirect(f"/interviews/{interview_id}/notes?to={quote(to)}", "No longer marked as sent.")


@router.post("/interviews/{interview_id}/notes/draft")
def draft_note(
    request: Request,
    ws: WS,
    interview_id: InterviewId,
    to: To,
    variants: Annotated[str, Form()] = "3",
    tone: Annotated[str, Form()] = "warm",
) -> Response:
    """Ask the composer for variants: the page they are shown on has its own address (with a
    seed), so that they are still there after a reload or a visit elsewhere; the user picks
    one, and nothing is overwritten until then."""
    ws.require_interview(interview_id)
    if variants.strip() not in ("1", "2", "3", "4", "5"):
        raise InputError("variants: choose from 1 to 5")
    if tone not in ("warm", "formal"):
        raise InputError("tone: choose warm or formal")
    query = urlencode(
        {"to": to, "drafts": variants.strip(), "tone": tone, "seed": secrets.randbelow(2**31)}
    )
    return redirect(f"/interviews/{interview_id}/notes?{query}#drafts")


@router.get("/interviews/{interview_id}/notes/eml")
def download_eml(ws: WS, interview_id: InterviewId, to: To) -> Response:
    filename, content = ws.note_eml(interview_id, to)
    return Response(
        content,
        media_type="message/rfc822",
        headers=attachment(filename, f"interview-{interview_id}-note.eml"),
    )


@router.post("/interviews/{interview_id}/notes/send")
def send_note(
    ws: WS,
    interview_id: InterviewId,
    to: To,
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
    force: Annotated[str, Form()] = "",
) -> Response:
    """Save the note as shown, then send it over SMTP (once); the notice says what came of it."""
    page = f"/interviews/{interview_id}/notes?to={quote(to)}"
    stored = ws.note(interview_id, to)
    if stored is None or stored.note.status is NoteStatus.draft:
        saved = ws.save_note(
            interview_id, Note(to=to, subject=subject.strip(), body=body), _version(version)
        )
        left = still_to_fix(ws, saved.note.body, interview_id)
        if left and force != "1":
            return redirect(
                f"{page}&confirm_force=1",
                f"Not sent: the note still has {left}. Fix them, or send it anyway.",
            )
    try:
        result = ws.send(interview_id, to, force=force == "1")
    except AfterwordError as exc:
        return redirect(page, f"Not sent: {str(exc).removeprefix('not sent: ')}")
    return redirect(page, send_notice(result, "note"))


def send_notice(result: SendResult, what: str) -> str:
    """What the page says after a send: sent, not sent (and why), or not known."""
    if result.state == "sent":
        notice = (
            f"Sent to {result.to} ({result.email}). It may or may not change the outcome, and "
            "sending it was still right. Now let it go for a while."
        )
        if result.warnings:
            notice += " Note: " + " ".join(result.warnings)
        return notice
    if result.state == "unknown":
        return (
            f"Not known whether it went out: {result.error}. Look in your Sent folder, then "
            "say below whether it is there; it will not be sent again blindly."
        )
    return f"Not sent: {result.error}. The {what} is still a draft; try again once that is fixed."


@router.post("/interviews/{interview_id}/notes/send/settle")
def settle_send(
    ws: WS, interview_id: InterviewId, to: To, found: Annotated[str, Form()] = ""
) -> Response:
    """The user looked in their Sent folder: record a send of unknown outcome as sent or not."""
    if found not in ("yes", "no"):
        raise InputError("say whether the message is in your Sent folder (yes or no)")
    ws.resolve_send(interview_id, to, sent=found == "yes")
    return redirect(
        f"/interviews/{interview_id}/notes?to={quote(to)}",
        "Recorded as sent." if found == "yes" else "Recorded as not sent; you can send it again.",
    )
