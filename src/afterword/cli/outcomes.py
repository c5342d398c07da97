"""``afterword sent`` and ``afterword outcome``: what went out, and how it ended."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from afterword.cli.common import console, parse_time, workspace
from afterword.errors import InputError


class OutcomeChoice(StrEnum):
    """The model's ``Outcome``, repeated so that ``--help`` need not import the model (a test
    checks that the two agree)."""

    advanced = "advanced"
    rejected = "rejected"
    offer = "offer"
    no_response = "no_response"
    withdrew = "withdrew"


def sent(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    to: Annotated[
        str | None,
        typer.Option("--to", help="The interviewer (needed when there are several)."),
    ] = None,
    at: Annotated[
        str, typer.Option("--at", help="When it went out: 'now' or a time like 2026-11-25 09:10.")
    ] = "now",
    check_in: Annotated[
        bool, typer.Option("--check-in", help="It was the check-in (`afterword checkin`).")
    ] = False,
) -> None:
    """Record that the note to an interviewer went out (save it first with `draft --save`).

    Example:

        afterword sent 1 --to "Dana Lee"
    """
    when = parse_time(at, "--at")
    if check_in:
        with workspace() as ws:
            note = ws.mark_check_in_sent(interview_id, to, when)
        console().print(
            f"Marked the check-in to {note.to} as sent. That is the last nudge that helps: "
            "whatever comes back (or doesn't) is their answer. Let it go now.",
            markup=False,
        )
        return
    with workspace() as ws:
        interview = ws.interview(interview_id)
        if to is None:
            names = [n.to for n in interview.notes]
            if len(names) != 1:
                raise InputError(
                    "say which note went out with --to NAME"
                    + (f" (one of: {', '.join(names)})" if names else "; there is no note yet")
                )
            to = names[0]
        note = ws.mark_sent(interview_id, to, when)
    console().print(
        f"Marked the note to {note.to} as sent. It may or may not change the outcome, and "
        "sending it was still right. Now let it go for a while.",
        markup=False,
    )


def outcome(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    result: Annotated[
        OutcomeChoice,
        typer.Argument(metavar="OUTCOME", help="advanced, rejected, offer, no_response, withdrew."),
    ],
    lesson: Annotated[
        list[str] | None,
        typer.Option("--lesson", "-l", help="A lesson for next time; repeat for more."),
    ] = None,
) -> None:
    """Record how it ended, with a lesson for next time.

    Example:

        afterword outcome 1 rejected --lesson "Read their last three press releases first"
    """
    from afterword.model import Outcome

    chosen = Outcome(result.value)
    lessons = list(lesson or [])
    out = console()
    if chosen is Outcome.rejected and not lessons and sys.stdin.isatty():
        out.print("That stings, and it happens to everyone. One lesson, then on to the next one.")
        if answer := typer.prompt("What will you do differently next time?", default="").strip():
            lessons.append(answer)
    with workspace() as ws:
        ws.record_outcome(interview_id, chosen, lessons)
    saved = f" and {len(lessons)} lesson(s)" if lessons else ""
    out.print(f"Recorded the outcome ({chosen.value}){saved}.", markup=False)
