"""Hosted mode's sharing with a coach: the member's page of shares (share, revoke, each with
the password again) and the coach's read-only pages of what is shared with them, with their
comments. Only a hosted app includes these routes.

The coach's pages read through :class:`~afterword.sharing.Sharing`, scoped by a standing
share: an id not shared with this coach, or shared and since revoked, is answered as one that
was never used (404)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from afterword.errors import InputError, NotFoundError
from afterword.services import Workspace
from afterword.sharing import MAX_COMMENT, Sharing
from afterword.store.accounts import User
from afterword.web.common import MAX_ID, InterviewId, redirect, render, workspace

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form()]
WS = Annotated[Workspace, Depends(workspace)]


def _sharing(request: Request) -> Sharing:
    sharing: Sharing = request.app.state.hosted.sharing
    return sharing


def _user(request: Request) -> User:
    user: User | None = getattr(request.state, "user", None)
    if user is None:
        raise NotFoundError("log in first")
    return user


def _coach(request: Request) -> User:
    """The coach asking; to anyone else the coach's pages do not exist."""
    user = _user(request)
    if not user.is_coach:
        raise NotFoundError("there is no such page")
    return user


def _id(value: int, what: str) -> int:
    if not 1 <= value <= MAX_ID:
        raise NotFoundError(f"there is no {what} {value}")
    return value


# The member's side ------------------------------------------------------------------------


def _sharing_page(
    request: Request, ws: Workspace, status_code: int = 200, **context: object
) -> Response:
    user = _user(request)
    context.setdefault("chosen", "")
    context.setdefault("coach_email", "")
    return render(
        request,
        "sharing.html",
        status_code,
        active="sharing",
        shares=_sharing(request).shares(user.id),
        interviews=ws.interviews(),
        **context,
    )


@router.get("/sharing")
def sharing_page(request: Request, ws: WS, interview: str = "") -> Response:
    return _sharing_page(request, ws, chosen=interview[:30])


@router.post("/sharing")
def share(
    request: Request, ws: WS, what: Field = "", email: Field = "", password: Field = ""
) -> Response:
    user = _user(request)
    interview_id: int | None = None
    if what != "insights":
        try:
            interview_id = _id(int(what), "interview")
        except ValueError:
            return _sharing_page(
                request, ws, 400, errors=["choose an interview, or your insights, to share"]
            )
    try:
        found, new = _sharing(request).share(user.id, email, interview_id, password)
    except InputError as exc:
        return _sharing_page(
            request, ws, 400, errors=[str(exc)], chosen=what[:30], coach_email=email[:320]
        )
    if not new:
        return redirect("/sharing", f"{found.coach_email} can already see {found.what}.")
    return redirect(
        "/sharing",
        f"{found.coach_email} can now see {found.what}, read-only, until you revoke it.",
    )


@router.post("/sharing/{share_id}/revoke")
def revoke(request: Request, ws: WS, share_id: int, password: Field = "") -> Response:
    user = _user(request)
    try:
        found = _sharing(request).revoke(user.id, _id(share_id, "share"), password)
    except InputError as exc:
        return _sharing_page(request, ws, 400, errors=[str(exc)])
    return redirect(
        "/sharing", f"{found.coach_email} no longer sees {found.what}, nor its comments."
    )


# The coach's side -------------------------------------------------------------------------


@router.get("/coach")
def coach_page(request: Request) -> Response:
    coach = _coach(request)
    return render(
        request, "coach.html", active="coach", shares=_sharing(request).shared_with(coach.id)
    )


def _coach_interview_page(
    request: Request, interview_id: int, status_code: int = 200, **context: object
) -> Response:
    from afterword.model import CAUSE_LABELS
    from afterword.web.views.debrief import FEELINGS

    coach = _coach(request)
    found, interview, comments = _sharing(request).interview(coach.id, interview_id)
    context.setdefault("draft", "")
    return render(
        request,
        "coach_interview.html",
        status_code,
        active="coach",
        share=found,
        interview=interview,
        interview_id=interview_id,
        comments=comments,
        cause_labels=CAUSE_LABELS,
        feelings=FEELINGS,
        max_comment=MAX_COMMENT,
        **context,
    )


@router.get("/coach/interviews/{interview_id}")
def coach_interview(request: Request, interview_id: InterviewId) -> Response:
    return _coach_interview_page(request, interview_id)


@router.post("/coach/interviews/{interview_id}/comments")
def comment(request: Request, interview_id: InterviewId, text: Field = "") -> Response:
    coach = _coach(request)
    try:
        _sharing(request).comment(coach.id, interview_id, text)
    except InputError as exc:
        return _coach_interview_page(
            request, interview_id, 400, errors=[str(exc)], draft=text[:MAX_COMMENT]
        )
    return redirect(f"/coach/interviews/{interview_id}#comments", "Your comment is left.")


@router.get("/coach/members/{user_id}/insights")
def coach_insights(request: Request, user_id: int) -> Response:
    coach = _coach(request)
    found = _sharing(request).insights(coach.id, _id(user_id, "account"))
    return render(request, "coach_insights.html", active="coach", shared=found)
