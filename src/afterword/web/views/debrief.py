"""The guided debrief: one step at a time, each saved as the user goes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError

from afterword.errors import InputError
from afterword.model import CAUSE_LABELS, Cause, Interview, Moment, MomentKind
from afterword.services import Workspace
from afterword.web.common import InterviewId, errors_of, lines, redirect, render, text, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]

STEPS = [
    ("feeling", "How it felt"),
    ("causes", "Why"),
    ("moments", "The moments"),
    ("lessons", "Lessons"),
]
FEELINGS = {1: "Very bad", 2: "Bad", 3: "So-so", 4: "Good", 5: "Very good"}
KINDS = {
    MomentKind.couldnt_answer: "I couldn't answer it",
    MomentKind.could_be_better: "I could have answered better",
    MomentKind.forgot_to_mention: "I forgot to mention it",
    MomentKind.went_well: "It went well",
}


def _page(
    request: Request,
    ws: Workspace,
    interview_id: int,
    step: str,
    errors: list[str] | None = None,
    **extra: Any,
) -> Response:
    card = ws.card(interview_id, ws.now())
    interview = card.interview
    evidence = ws.evidence(interview_id) if step == "moments" else {}
    return render(
        request,
        "debrief.html",
        status_code=422 if errors else 200,
        card=card,
        interview=interview,
        interview_id=interview_id,
        step=step,
        steps=STEPS,
        feelings=FEELINGS,
        causes=CAUSE_LABELS,
        kinds=KINDS,
        evidence=evidence,
        errors=errors or [],
        **extra,
    )


def _next(step: str) -> str:
    names = [name for name, _ in STEPS]
    index = names.index(step)
    return names[index + 1] if index + 1 < len(names) else ""


@router.get("/interviews/{interview_id}/debrief")
def debrief(request: Request, ws: WS, interview_id: InterviewId, step: str = "feeling") -> Response:
    if step not in dict(STEPS):
        step = "feeling"
    return _page(request, ws, interview_id, step)


def _with_debrief(**changes: Any) -> Any:
    def change(interview: Interview) -> Interview:
        return interview.model_copy(
            update={"debrief": interview.debrief.model_copy(update=changes)}
        )

    return change


@router.post("/interviews/{interview_id}/debrief/answer")
async def draft_answer(request: Request, ws: WS, interview_id: InterviewId) -> Response:
    """Draft a better answer to one moment from a chosen story; shown in the moment's form
    for the user to edit, and saved only when they save it."""
    form = await request.form()
    number = text(form, "moment") or ""
    if not (number.isdigit() and len(number) <= 4):
        raise InputError("moment: which moment is this answer for?")
    answer = ws.better_answer(interview_id, int(number), text(form, "story"))
    proposal = answer.text or answer.advice or ""
    return _page(
        request,
        ws,
        interview_id,
        "moments",
        proposed={int(number) - 1: (proposal, answer.story or answer.research)},
    )


@router.post("/interviews/{interview_id}/debrief/{step}")
async def save_step(request: Request, ws: WS, interview_id: InterviewId, step: str) -> Response:
    form = await request.form()
    try:
        if step == "feeling":
            feeling = text(form, "feeling")
            if feeling is not None:
                if feeling not in {"1", "2", "3", "4", "5"}:
                    raise InputError("feeling: choose one of the five")
                ws.update_interview(interview_id, _with_debrief(feeling=int(feeling)))
        elif step == "causes":
            try:
                causes = [Cause(str(c)) for c in form.getlist("causes")]
            except ValueError as exc:
                raise InputError("causes: choose from the list") from exc
            ws.update_interview(
                interview_id, _with_debrief(causes=causes, cause_notes=text(form, "cause_notes"))
            )
        elif step == "moments":
            return await _save_moment(request, ws, interview_id)
        elif step == "lessons":
            ws.update_interview(interview_id, _with_debrief(lessons=lines(form, "lessons")))
        else:
            raise InputError(f"there is no debrief step {step!r}")
    except (InputError, ValidationError) as exc:
        return _page(request, ws, interview_id, step, errors_of(exc))
    following = _next(step)
    if not following:
        return redirect(
            f"/interviews/{interview_id}/notes",
            "Debrief saved. Next: a short thank-you note to each interviewer.",
        )
    return redirect(f"/interviews/{interview_id}/debrief?step={following}", "Saved.")


async def _save_moment(request: Request, ws: Workspace, interview_id: int) -> Response:
    """Add, change or remove one moment; the page stays on the moments step."""
    form = await request.form()
    index_text = text(form, "index")
    action = text(form, "action") or "save"

    def change(interview: Interview) -> Interview:
        moments = list(interview.debrief.moments)
        index = None
        if index_text and index_text.isdigit():
            # A number of thousands of digits is no moment (nor, for Python, an int).
            index = int(index_text) if len(index_text) <= 9 else -1
        if index is not None and not 0 <= index < len(moments):
            raise InputError("that moment no longer exists; reload the page")
        was = text(form, "was_question")
        if index is not None and was is not None and moments[index].question != was:
            # Another tab added, removed or changed a moment since this page was shown: the
            # one at this place is no longer the one the user edited.
            raise InputError(
                "this moment was changed in another tab or window since this page was shown; "
                "nothing was saved. Your text is below: reload the page, then save it again"
            )
        if action == "delete" and index is not None:
            del moments[index]
        else:
            moment = Moment(
                question=text(form, "question") or "",
                kind=text(form, "kind") or "",
                what_i_said=text(form, "what_i_said"),
                better_answer=text(form, "better_answer"),
                topic=text(form, "topic"),
                asked_by=text(form, "asked_by"),
                stories=moments[index].stories if index is not None else [],
            )
            if index is None:
                moments.append(moment)
            else:
                moments[index] = moment
        return interview.model_copy(
            update={"debrief": interview.debrief.model_copy(update={"moments": moments})}
        )

    try:
        ws.update_interview(interview_id, change)
    except (InputError, ValidationError) as exc:
        return _page(
            request,
            ws,
            interview_id,
            "moments",
            errors_of(exc),
            draft={k: v for k, v in form.items() if isinstance(v, str)},
        )
    notice = "Removed." if action == "delete" else "Saved."
    return redirect(f"/interviews/{interview_id}/debrief?step=moments", notice)
