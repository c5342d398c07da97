"""The dashboard, logging and editing interviews, importing files, and the outcome."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from itertools import zip_longest
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from afterword.debrief_file import MAX_FILE_BYTES, load_debrief_file, parse_debrief_bytes
from afterword.errors import ConflictError, InputError
from afterword.model import (
    CAUSE_LABELS,
    Interview,
    Interviewer,
    InterviewFormat,
    Outcome,
    Person,
)
from afterword.services import Workspace
from afterword.web.common import (
    InterviewId,
    errors_of,
    lines,
    local_zone_name,
    parse_local_time,
    redirect,
    render,
    text,
    workspace,
)
from afterword.web.views.debrief import FEELINGS

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]
PER_PAGE = 20
EXAMPLE = Path(__file__).resolve().parents[4] / "examples" / "acme-first-round.yaml"

OUTCOME_LABELS = {
    Outcome.advanced: "I'm through to the next round",
    Outcome.offer: "I got an offer",
    Outcome.rejected: "They said no",
    Outcome.no_response: "No response",
    Outcome.withdrew: "I withdrew",
}


#: How many steps the dashboard's "Today" list shows, and how many of those that come next.
TODAY, NEXT = 8, 3


@router.get("/")
async def dashboard(request: Request, ws: WS, page: int = 1) -> Response:
    # Served on the event loop when the agenda is as last built (the usual visit): no thread
    # hop. A rebuild after a change (every interview read, drafts checked) runs in a worker
    # thread, so that it holds up no other request.
    moment = ws.now()
    cards = ws.cached_agenda(moment)
    if cards is None:
        cards = await run_in_threadpool(ws.agenda, moment)
    pages = max(1, math.ceil(len(cards) / PER_PAGE))
    page = min(max(page, 1), pages)
    shown = cards[(page - 1) * PER_PAGE : page * PER_PAGE]
    # "Today": what the follow-up policy says is due now (overdue first), then what is next.
    steps = ws.due(moment)
    today = [s for s in steps if s.is_open(moment)][:TODAY]
    later = [s for s in steps if not s.is_open(moment)][:NEXT]
    companies = {card.id: card.interview.company for card in cards}
    practice = await run_in_threadpool(ws.practice_today)
    return render(
        request,
        "dashboard.html",
        cards=shown,
        page=page,
        pages=pages,
        active="dashboard",
        today=today,
        later=later,
        companies=companies,
        now=moment,
        practice=practice,
    )


@router.get("/reminders.ics")
def reminders(ws: WS) -> Response:
    """The upcoming deadlines and follow-up dates, to import into a calendar."""
    return Response(
        ws.reminders(),
        media_type="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="afterword-reminders.ics"'},
    )


def _form_values(interview: Interview | None) -> dict[str, Any]:
    """The form's fields for an interview (or a blank form)."""
    if interview is None:
        return {"timezone": local_zone_name(), "interviewers": [{}], "format": "video"}
    zone = interview.ended_at.tzinfo
    return {
        "company": interview.company,
        "role": interview.role,
        "stage": interview.stage or "",
        "format": interview.format.value,
        "started_at": interview.started_at.strftime("%Y-%m-%dT%H:%M")
        if interview.started_at
        else "",
        "ended_at": interview.ended_at.strftime("%Y-%m-%dT%H:%M"),
        # The offset the time was given in: editing keeps the time as the user entered it.
        "timezone": interview.ended_at.isoformat()[-6:] if zone else local_zone_name(),
        "decision_expected_by": interview.decision_expected_by.isoformat()
        if interview.decision_expected_by
        else "",
        "timeline": interview.timeline or "",
        "sender_name": interview.sender.name if interview.sender else "",
        "sender_email": (interview.sender.email or "") if interview.sender else "",
        "interviewers": [
            {
                "name": p.name,
                "was": p.name,
                "title": p.title or "",
                "email": p.email or "",
                "topics": "\n".join(p.topics),
            }
            for p in interview.interviewers
        ]
        or [{}],
    }


def _keep_seconds(moment: datetime | None, base: Interview | None, field: str) -> datetime | None:
    """The form shows times to the minute; an unchanged minute keeps the stored seconds."""
    stored: datetime | None = getattr(base, field, None) if base is not None else None
    if (
        moment is not None
        and stored is not None
        and moment == stored.replace(second=0, microsecond=0)
    ):
        return stored
    return moment


def _from_form(form: FormData, base: Interview | None) -> Interview:
    """Build the interview a form describes (keeping the debrief and notes of ``base``)."""
    zone = text(form, "timezone")
    ended_at = _keep_seconds(
        parse_local_time(text(form, "ended_at"), zone, "ended at"), base, "ended_at"
    )
    started_at = _keep_seconds(
        parse_local_time(text(form, "started_at"), zone, "started at"), base, "started_at"
    )
    names = form.getlist("interviewer_name")
    titles = form.getlist("interviewer_title")
    emails = form.getlist("interviewer_email")
    topics = form.getlist("interviewer_topics")
    was = form.getlist("interviewer_was")
    removed = set(form.getlist("interviewer_remove"))
    people = []
    renamed: dict[str, str] = {}
    for index, name in enumerate(names):
        if str(index) in removed or not str(name).strip():
            continue
        before = str(was[index]).strip() if index < len(was) else ""
        if before and before.casefold() != str(name).strip().casefold():
            renamed[before.casefold()] = str(name).strip()
        people.append(
            Interviewer(
                name=str(name),
                title=str(titles[index]).strip() or None if index < len(titles) else None,
                email=str(emails[index]).strip() or None if index < len(emails) else None,
                topics=[
                    t.strip(" -•")
                    for t in str(topics[index] if index < len(topics) else "").splitlines()
                    if t.strip(" -•")
                ],
            )
        )
    sender_name = text(form, "sender_name")
    data: dict[str, Any] = {
        "company": text(form, "company") or "",
        "role": text(form, "role") or "",
        "stage": text(form, "stage"),
        "format": text(form, "format") or "other",
        "started_at": started_at,
        "ended_at": ended_at,
        "decision_expected_by": text(form, "decision_expected_by"),
        "timeline": text(form, "timeline"),
        "sender": Person(name=sender_name, email=text(form, "sender_email"))
        if sender_name
        else None,
        "interviewers": people,
    }
    if base is not None:
        data = {**base.model_dump(), **data}
        # A renamed interviewer keeps their note (unless one to the new name exists already).
        taken = {n.to.casefold() for n in base.notes}
        data["notes"] = [
            {**n, "to": renamed[key]}
            if (key := n["to"].casefold()) in renamed and renamed[key].casefold() not in taken
            else n
            for n in data["notes"]
        ]
        # And the questions they asked stay theirs.
        for moment in data["debrief"]["moments"]:
            asked = (moment.get("asked_by") or "").casefold()
            if asked in renamed:
                moment["asked_by"] = renamed[asked]
    return Interview.model_validate(data)


def _interview_form(
    request: Request,
    values: dict[str, Any],
    errors: list[str],
    interview_id: int | None,
    *,
    browser_zone: bool = False,
) -> Response:
    """The interview's form; ``browser_zone``: a new one, whose time zone the browser knows
    better than the server."""
    return render(
        request,
        "interview_form.html",
        status_code=422 if errors else 200,
        values=values,
        errors=errors,
        interview_id=interview_id,
        formats=list(InterviewFormat),
        active="new" if interview_id is None else None,
        browser_zone=browser_zone,
    )


def _values_from(form: FormData) -> dict[str, Any]:
    """What the user typed, to show it again when the form has a problem."""
    values: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
    rows = zip_longest(
        form.getlist("interviewer_name"),
        form.getlist("interviewer_was"),
        form.getlist("interviewer_title"),
        form.getlist("interviewer_email"),
        form.getlist("interviewer_topics"),
        fillvalue="",
    )
    values["interviewers"] = [
        {"name": n, "was": w, "title": t, "email": e, "topics": tp} for n, w, t, e, tp in rows
    ] or [{}]
    return values


@router.get("/interviews/new")
def new_interview(request: Request, ws: WS, after: InterviewId | None = None) -> Response:
    """A blank form, or (``after``: an interview that advanced) the next round's, with the
    company, role, people and sender filled in; only when it happens is left to say."""
    if after is None:
        # Who the user is was asked once: the last interview's sender signs this one too.
        sender = ws.last_sender()
        values = _form_values(None)
        if sender is not None:
            values |= {"sender_name": sender.name, "sender_email": sender.email or ""}
        return _interview_form(request, values, [], None, browser_zone=True)
    previous = _form_values(ws.interview(after))
    values = {
        **{k: previous[k] for k in ("company", "role", "format", "sender_name", "sender_email")},
        "timezone": previous["timezone"],
        "stage": "next round",
        "interviewers": [{**p, "was": ""} for p in previous["interviewers"]],
    }
    return _interview_form(request, values, [], None)


def _add_row(request: Request, form: FormData, interview_id: int | None) -> Response | None:
    """Without JavaScript, "Add another interviewer" posts the form: show it with a new row."""
    if form.get("action") != "add_interviewer":
        return None
    values = _values_from(form)
    values["interviewers"].append({})
    return _interview_form(request, values, [], interview_id)


@router.post("/interviews")
async def create_interview(request: Request, ws: WS) -> Response:
    form = await request.form()
    if (more := _add_row(request, form, None)) is not None:
        return more
    try:
        interview = _from_form(form, None)
    except (ValidationError, InputError) as exc:
        return _interview_form(request, _values_from(form), errors_of(exc), None)
    interview_id = ws.add_interview(interview)
    return redirect(f"/interviews/{interview_id}/debrief", "Logged. Now, the debrief.")


@router.get("/interviews/{interview_id}")
def show_interview(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    card = ws.card(interview_id, ws.now())
    hosted, user = request.app.state.hosted, getattr(request.state, "user", None)
    # Hosted: what coaches said about it, under the shares that stand.
    comments = hosted.sharing.comments(user.id, interview_id) if hosted and user else []
    return render(
        request,
        "interview.html",
        card=card,
        interview=card.interview,
        interview_id=interview_id,
        cause_labels=CAUSE_LABELS,
        feelings=FEELINGS,
        outcome_labels=OUTCOME_LABELS,
        upcoming=card.interview.ended_at > ws.now(),
        own_stories=ws.stories_only_in(interview_id),
        example_mark=EXAMPLE_MARK,
        prep_query=urlencode({"company": card.interview.company, "role": card.interview.role}),
        comments=comments,
    )


@router.get("/interviews/{interview_id}/edit")
def edit_interview(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    values = _form_values(ws.interview(interview_id))
    return _interview_form(request, {**values, "shown": _fingerprint(values)}, [], interview_id)


def _fingerprint(values: dict[str, Any]) -> str:
    """What the edit form showed, in short: a save is refused when what it would overwrite
    changed since (another tab), and only then (a note saved meanwhile is no conflict)."""
    import hashlib
    import json

    shown = {k: v for k, v in values.items() if k != "shown"}
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


@router.post("/interviews/{interview_id}/edit")
async def update_interview(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    form = await request.form()
    if (more := _add_row(request, form, interview_id)) is not None:
        return more
    shown = text(form, "shown")

    def change(current: Interview) -> Interview:
        if shown is not None and _fingerprint(_form_values(current)) != shown:
            raise ConflictError(
                "this interview was changed elsewhere (another tab or window) since this form "
                "was shown; nothing was saved. Your changes are below: reload the interview to "
                "see the newer version, then make them again"
            )
        return _from_form(form, current)

    try:
        ws.update_interview(interview_id, change)
    except (ValidationError, InputError, ConflictError) as exc:
        message = [str(exc)] if isinstance(exc, ConflictError) else errors_of(exc)
        return _interview_form(request, _values_from(form), message, interview_id)
    return redirect(f"/interviews/{interview_id}", "Saved.")


@router.post("/interviews/{interview_id}/delete")
def delete_interview(
    ws: WS,
    interview_id: InterviewId,
    remove_story: Annotated[list[int] | None, Form()] = None,
) -> Response:
    interview = ws.interview(interview_id)
    removed = len(remove_story or [])
    ws.delete_interview(interview_id, remove_story or [])
    return redirect(
        "/",
        f"Deleted the {interview.company} interview"
        + (
            f" and {removed} stor{'y' if removed == 1 else 'ies'} only it used." if removed else "."
        ),
    )


@router.post("/interviews/import")
async def import_file(request: Request, ws: WS, file: Annotated[UploadFile, File()]) -> Response:
    raw = await file.read(MAX_FILE_BYTES + 1)
    name = file.filename or "the file"
    try:
        interview = parse_debrief_bytes(raw, name)
    except InputError as exc:
        return render(
            request,
            "interview_form.html",
            status_code=422,
            values=_form_values(None),
            errors=errors_of(exc),
            interview_id=None,
            formats=list(InterviewFormat),
            active="new",
        )
    interview_id = ws.add_interview(interview)
    return redirect(f"/interviews/{interview_id}", f"Imported {name}.")


#: Marks the example's stories in the library, so that deleting the example offers to take
#: them away with it (and nobody mistakes them for their own).
EXAMPLE_MARK = " (example)"


def _example(now: datetime) -> Interview:
    """The example interview as if it had ended two hours ago (so its countdown, decision
    date and follow-up dates make sense today), its stories marked as the example's."""
    interview = load_debrief_file(EXAMPLE)
    shift = now - timedelta(hours=2) - interview.ended_at
    shift -= timedelta(seconds=shift.total_seconds() % 60)  # whole minutes
    data = interview.model_dump()
    data["ended_at"] = ended = interview.ended_at + shift
    if interview.started_at:
        data["started_at"] = interview.started_at + shift
    if interview.decision_expected_by:
        # As many days after the interview as in the file.
        days = ended.date() - interview.ended_at.date()
        data["decision_expected_by"] = interview.decision_expected_by + days
    data["stories"] = [{**s, "title": s["title"] + EXAMPLE_MARK} for s in data["stories"]]
    for moment in data["debrief"]["moments"]:
        moment["stories"] = [t + EXAMPLE_MARK for t in moment["stories"]]
    return Interview.model_validate(data)


@router.post("/interviews/example")
def import_example(ws: WS) -> Response:
    interview_id = ws.add_interview(_example(ws.now()))
    return redirect(f"/interviews/{interview_id}", "Here is an example interview to explore.")


#: What the page says once an outcome is recorded: each in its own words (no "let it go"
#: after an offer).
OUTCOME_NOTICES = {
    Outcome.advanced: "On to the next round, well done. Log it now, so that your lessons and "
    "questions from this one are ready for it.",
    Outcome.offer: "Congratulations on the offer! Take the time you need to decide.",
    Outcome.rejected: "Outcome recorded. It happens to everyone; on to the next one.",
    Outcome.no_response: "Closed as no response. Silence that long is an answer, and your "
    "energy is better spent on the next one.",
    Outcome.withdrew: "Recorded that you withdrew. Knowing what you don't want counts too.",
}


@router.get("/interviews/{interview_id}/outcome")
def outcome_form(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    interview = ws.interview(interview_id)
    return render(
        request,
        "outcome.html",
        interview=interview,
        interview_id=interview_id,
        outcomes=OUTCOME_LABELS,
        asked_lesson=request.query_params.get("lesson") == "1",
    )


@router.post("/interviews/{interview_id}/outcome")
async def record_outcome(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    form = await request.form()
    lesson = text(form, "lesson")
    chosen = text(form, "outcome")
    if chosen is None and lesson is None:
        return redirect(f"/interviews/{interview_id}/outcome", "Choose an outcome first.")
    try:
        outcome = Outcome(chosen) if chosen else None
    except ValueError:
        return redirect(f"/interviews/{interview_id}/outcome", "Choose one of the outcomes.")

    ws.record_outcome(interview_id, outcome, lines(form, "lesson"))
    if outcome is Outcome.rejected and not lesson:
        return redirect(f"/interviews/{interview_id}/outcome?lesson=1")
    if lesson:
        return redirect(f"/interviews/{interview_id}", "Lesson saved. On to the next one.")
    return redirect(
        f"/interviews/{interview_id}", OUTCOME_NOTICES[outcome] if outcome else "Saved."
    )
