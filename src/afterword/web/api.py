"""The JSON API under /api/: what the pages do, for scripts and the live editor.

FastAPI publishes its OpenAPI schema at /api/openapi.json (and docs at /api/docs).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from afterword.checker import default_registry
from afterword.debrief_file import DebriefFile, dump_debrief
from afterword.errors import InputError, NotFoundError
from afterword.model import MAX_NAME, Note, Story
from afterword.services import Workspace
from afterword.web.common import MAX_ID, InterviewId, StoryId, attachment, workspace

router = APIRouter(prefix="/api", tags=["api"])
WS = Annotated[Workspace, Depends(workspace)]

#: The live editor posts on every pause in typing; a note is never this long.
MAX_CHECK_CHARS = 200_000


class CheckRequest(BaseModel):
    text: str = Field(max_length=MAX_CHECK_CHARS)
    interview_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Check against this interview (names, topics, causes).",
    )


class ComposeRequest(BaseModel):
    to: str | None = Field(
        default=None, max_length=MAX_NAME, description="Only the note to this interviewer."
    )
    variants: int = Field(default=1, ge=1, le=5)
    tone: Literal["warm", "formal"] = "warm"
    words: int = Field(default=150, ge=40, le=400, description="Word limit of the body.")
    seed: int | None = Field(default=None, description="Makes the drafts repeatable.")


class NoteUpdate(BaseModel):
    subject: str = Field(default="", max_length=500)
    body: str = Field(default="", max_length=MAX_CHECK_CHARS)
    version: int | None = Field(
        default=None,
        ge=0,
        le=MAX_ID,
        description="The version this text was edited from (0: there was no note yet). When "
        "the stored note is newer, nothing is saved and the answer is 409.",
    )


def report_json(text: str, ws: Workspace, interview_id: int | None) -> dict[str, Any]:
    report = ws.check(text, interview_id)
    data = report.to_dict()
    rules = default_registry()
    for finding, out in zip(report.findings, data["findings"], strict=True):
        out["replaces_span"] = finding.replaces_span
        out["title"] = rules.title(finding.rule)
    data["longest_paragraph"] = max(
        (len(text[p.start : p.end].split()) for p in report.body.paragraphs), default=0
    )
    return data


@router.post("/check", summary="Check a note", response_model=None)
def check_note(request: CheckRequest, ws: WS) -> JSONResponse:
    """The checker's report on a note: findings with offsets into ``text``, stats, readiness."""
    # A plain function, so FastAPI runs it in a worker thread: a long note takes the checker
    # milliseconds, and on the event loop that would hold up every other request meanwhile.
    # It returns a response rather than a dict for FastAPI to encode generically.
    return JSONResponse(report_json(request.text, ws, request.interview_id))


@router.get("/interviews", summary="List interviews, most urgent first")
def list_interviews(ws: WS) -> list[dict[str, Any]]:
    return [
        {
            "id": card.id,
            "company": card.interview.company,
            "role": card.interview.role,
            "ended_at": card.interview.ended_at.isoformat(),
            "status": card.state.value,
            "hours_left": round(card.hours_left, 2),
            "next_step": card.next_step[0],
        }
        for card in ws.agenda(ws.now())
    ]


@router.post("/interviews", status_code=201, summary="Create an interview from a debrief")
def create_interview(debrief: DebriefFile, ws: WS) -> dict[str, int]:
    return {"id": ws.add_interview(debrief.to_interview())}


@router.get("/interviews/{interview_id}", summary="One interview, as a debrief file")
def get_interview(interview_id: InterviewId, ws: WS, response: Response) -> dict[str, Any]:
    """The interview; its ``ETag`` names the version, for a guarded ``PUT`` (``If-Match``)."""
    interview, version = ws.interview_version(interview_id)
    data: dict[str, Any] = DebriefFile.from_interview(interview).model_dump(
        mode="json", exclude_defaults=True
    )
    response.headers["ETag"] = f'"{version}"'
    return {"id": interview_id, **data}


@router.put("/interviews/{interview_id}", summary="Replace an interview")
def replace_interview(
    interview_id: InterviewId,
    debrief: DebriefFile,
    ws: WS,
    if_match: Annotated[str | None, Header()] = None,
) -> dict[str, int]:
    """Replace the interview with this file. With ``If-Match`` (the ``ETag`` of a ``GET``),
    nothing is saved and the answer is 409 when it was changed since. Sent notes are kept as
    they went out: leaving one out keeps it, changing one is refused."""
    expected = None
    if if_match is not None and if_match.strip() != "*":
        tag = if_match.strip().removeprefix("W/").strip('"')
        if not tag.isdigit() or len(tag) > 18:
            raise InputError(f"If-Match: {if_match!r} is not a version this API gave")
        expected = int(tag)
    ws.update_interview(interview_id, lambda _: debrief.to_interview(), expected)
    return {"id": interview_id}


@router.delete("/interviews/{interview_id}", status_code=204, summary="Delete an interview")
def delete_interview(interview_id: InterviewId, ws: WS) -> Response:
    ws.delete_interview(interview_id)
    return Response(status_code=204)


@router.get("/interviews/{interview_id}/export", summary="Download a debrief file")
def export_interview(
    interview_id: InterviewId, ws: WS, format: Annotated[Literal["yaml", "json"], Query()] = "yaml"
) -> Response:
    interview = ws.interview(interview_id)
    media = "application/json" if format == "json" else "application/yaml"
    slug = "".join(c if c.isalnum() else "-" for c in interview.company.lower()).strip("-")
    return Response(
        dump_debrief(interview, format),
        media_type=media,
        headers=attachment(f"{slug or 'interview'}.{format}", f"interview-{interview_id}.{format}"),
    )


@router.post("/interviews/{interview_id}/compose", summary="Draft thank-you notes")
def compose_notes(interview_id: InterviewId, request: ComposeRequest, ws: WS) -> dict[str, Any]:
    """One draft per interviewer (``variants`` each), checked: none has an error or warning.
    ``suggestions`` says what to add to the debrief to make the notes stronger."""
    drafts = ws.draft_notes(
        interview_id,
        to=request.to,
        variants=request.variants,
        tone=request.tone,
        max_words=request.words,
        seed=request.seed,
        now=ws.now(),
    )
    return {"notes": [d.to_dict() for d in drafts.notes], "suggestions": drafts.suggestions}


@router.get("/interviews/{interview_id}/notes/{to:path}", summary="One note and its version")
def get_note(interview_id: InterviewId, to: str, ws: WS) -> dict[str, Any]:
    saved = ws.note(interview_id, to)
    if saved is None:
        raise NotFoundError(f"there is no note to {to} yet")
    return {"note": saved.note.model_dump(mode="json"), "version": saved.version}


@router.put("/interviews/{interview_id}/notes/{to:path}", summary="Save a note (autosave)")
def save_note(interview_id: InterviewId, to: str, update: NoteUpdate, ws: WS) -> dict[str, Any]:
    saved = ws.save_note(
        interview_id, Note(to=to, subject=update.subject, body=update.body), update.version
    )
    return {
        "note": saved.note.model_dump(mode="json"),
        "version": saved.version,
        **report_json(saved.note.body, ws, interview_id),
    }


@router.get("/stories", summary="List stories")
def list_stories(ws: WS, q: str | None = None) -> list[dict[str, Any]]:
    return [{"id": i, **s.model_dump(mode="json")} for i, s in ws.stories(q)]


@router.post("/stories", status_code=201, summary="Add a story")
def add_story(story: Story, ws: WS) -> dict[str, int]:
    return {"id": ws.add_story(story)}


@router.get("/stories/{story_id}", summary="One story")
def get_story(story_id: StoryId, ws: WS) -> dict[str, Any]:
    return {"id": story_id, **ws.story(story_id).model_dump(mode="json")}


@router.put("/stories/{story_id}", summary="Replace a story")
def update_story(story_id: StoryId, story: Story, ws: WS) -> dict[str, Any]:
    ws.update_story(story_id, story)
    return {"id": story_id, **story.model_dump(mode="json")}


@router.delete("/stories/{story_id}", status_code=204, summary="Delete a story")
def delete_story(story_id: StoryId, ws: WS) -> Response:
    ws.delete_story(story_id)
    return Response(status_code=204)


# Following up and learning: the same figures the pages and the CLI show ----------------------


@router.get("/due", summary="What is due now and next")
def due(ws: WS) -> list[dict[str, Any]]:
    """The follow-up policy's steps across all interviews, most urgent first: ``action``
    (``thank_you``, ``check_in``, ``outcome``), ``to``, ``not_before``, ``due_by``, ``reason``."""
    return [step.to_dict() for step in ws.due()]


@router.get("/interviews/{interview_id}/check-in", summary="Whether a check-in is allowed")
def check_in_status(interview_id: InterviewId, ws: WS) -> dict[str, Any]:
    """``allowed`` now or not, ``not_before`` (null: never, e.g. one was sent), ``reason``."""
    _, decision = ws.check_in_decision(interview_id)
    return {
        "allowed": decision.allowed,
        "not_before": decision.not_before.isoformat() if decision.not_before else None,
        "reason": decision.reason,
    }


@router.post("/interviews/{interview_id}/check-in", summary="Draft a check-in", response_model=None)
def draft_check_in(
    interview_id: InterviewId, ws: WS, to: Annotated[str | None, Query(max_length=200)] = None
) -> dict[str, Any] | JSONResponse:
    """A checked draft of the one polite check-in (409 when the policy says not now, with
    ``not_before`` and the reason)."""
    _, decision = ws.check_in_decision(interview_id)
    if not decision.allowed:
        return JSONResponse(
            {"detail": f"no check-in yet: {decision.reason}", **check_in_status(interview_id, ws)},
            status_code=409,
        )
    return ws.draft_check_in(interview_id, to).to_dict()


@router.get("/insights", summary="What your interviews say, taken together")
def insights(ws: WS) -> dict[str, Any]:
    return ws.insights().to_dict()


@router.get("/questions", summary="The question bank")
def questions(ws: WS, q: str | None = None, topic: str | None = None) -> list[dict[str, Any]]:
    return [group.to_dict() for group in ws.question_bank(q, topic)]


@router.get("/prep", summary="A prep checklist for an upcoming interview")
def prep(
    ws: WS,
    company: Annotated[str, Query(max_length=200)],
    role: Annotated[str, Query(max_length=200)],
) -> dict[str, Any]:
    return ws.prep(company, role).to_dict()


class PracticeReview(BaseModel):
    rating: Literal["again", "hard", "good", "easy"]
    answer: str | None = Field(default=None, max_length=20_000)


@router.get("/practice", summary="Today's practice")
def practice_plan(ws: WS) -> dict[str, Any]:
    """The questions to practise today (due or new, those likely at the next interview
    first), and how many wait."""
    return ws.practice().to_dict()


@router.post("/practice/{card_id}", summary="Record one practice review")
def practice_review(
    card_id: Annotated[int, Path(ge=1, le=2**62)], review: PracticeReview, ws: WS
) -> dict[str, Any]:
    """Rate an attempt at a question; the answer is when it comes back."""
    from afterword.practice import Rating

    card = ws.practise(card_id, Rating[review.rating], review.answer)
    return {"card_id": card.id, "due": card.due.isoformat(), "reviews": card.reviews}
