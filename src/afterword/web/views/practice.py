"""The Practice page: today's questions, one at a time (answer, reveal the best answer, rate),
in plain form posts."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from afterword.errors import ConflictError, InputError
from afterword.practice import RATING_WORDS, Plan, Rating
from afterword.services import Workspace, practice_zone
from afterword.web.common import MAX_ID, redirect, render, text, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]
CardId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="A practice card's id.")]


def _day(before: str | None) -> date | None:
    if not before:
        return None
    try:
        return date.fromisoformat(before)
    except ValueError as exc:
        raise InputError(f"{before!r} is not a date (write it like 2026-12-03)") from exc


def _page(before: str | None) -> str:
    return "/practice" + (f"?{urlencode({'before': before})}" if before else "")


def _show(
    request: Request,
    ws: Workspace,
    plan: Plan,
    before: str | None,
    *,
    revealed: bool = False,
    answer: str | None = None,
    last_answer: str | None = None,
) -> Response:
    return render(
        request,
        "practice.html",
        plan=plan,
        question=plan.next,
        revealed=revealed,
        answer=answer or "",
        last_answer=last_answer,
        before=before or "",
        today=ws.now().astimezone(practice_zone()).date(),
        ratings=[(r.name, r.name.capitalize(), RATING_WORDS[r]) for r in Rating],
        active="practice",
    )


@router.get("/practice")
async def practice_page(request: Request, ws: WS, before: str | None = None) -> Response:
    day = _day(before)
    plan = await run_in_threadpool(lambda: ws.practice(before=day))
    return _show(request, ws, plan, before)


@router.post("/practice/{card_id}/reveal")
async def reveal(request: Request, ws: WS, card_id: CardId) -> Response:
    """The question again, with the answer typed and the best answer shown, and the ratings."""
    form = await request.form()
    before = text(form, "before")
    day = _day(before)
    await run_in_threadpool(ws.practice_card, card_id)
    plan = await run_in_threadpool(lambda: ws.practice(before=day))
    if plan.next is None or plan.next.card is None or plan.next.card.id != card_id:
        return redirect(_page(before), "That question is done; here is the next one.")
    earlier = [a for _, _, a in await run_in_threadpool(ws.practice_answers, card_id) if a]
    return _show(
        request,
        ws,
        plan,
        before,
        revealed=True,
        answer=text(form, "answer"),
        last_answer=earlier[-1] if earlier else None,
    )


@router.post("/practice/{card_id}/review")
async def review(request: Request, ws: WS, card_id: CardId) -> Response:
    form = await request.form()
    before = text(form, "before")
    name = text(form, "rating") or ""
    if name not in Rating.__members__:
        raise InputError("say how it went: again, hard, good or easy")
    rating = Rating[name]
    reviews = text(form, "reviews") or ""
    expected = int(reviews) if reviews.isdigit() and len(reviews) < 10 else None
    try:
        card = await run_in_threadpool(
            lambda: ws.practise(card_id, rating, text(form, "answer"), expected)
        )
    except ConflictError:
        return redirect(_page(before), "That question was rated already; here is the next one.")
    due = card.due.astimezone(practice_zone()).date()
    return redirect(
        _page(before), f"{rating.name.capitalize()}: it comes back on {due:%a} {due.day} {due:%b}."
    )
