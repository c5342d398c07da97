"""``afterword practice``: the weak questions of your debriefs, on a spaced schedule."""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli.common import console, workspace
from afterword.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from afterword.practice import Plan, Rating

RATING_PROMPT = "How did it go? again (1), hard (2), good (3), easy (4); q to stop: "
ANSWER_PROMPT = "Your answer (type it, or answer aloud and press Enter): "


class Lines:
    """What the user types: asked at the terminal, or read from piped input (all of it at
    once, so that an empty pipe is known before anything is asked)."""

    def __init__(self) -> None:
        stdin = sys.stdin
        self.piped: list[str] | None = None
        if stdin is None or not stdin.isatty():
            self.piped = (stdin.read() if stdin is not None else "").splitlines()

    @property
    def nothing_to_read(self) -> bool:
        return self.piped == []

    def ask(self, prompt: str) -> str | None:
        """A line, or None at the end of the input."""
        if self.piped is None:
            try:
                return input(prompt)
            except EOFError:
                return None
        print(prompt, flush=True)
        return self.piped.pop(0) if self.piped else None


def _rating(text: str) -> Rating | None:
    from afterword.practice import Rating

    word = text.strip().casefold()
    for rating in Rating:
        if word in (str(int(rating)), rating.name, rating.name[0]):
            return rating
    return None


def _when(moment: datetime, today: date) -> str:
    from afterword.services import practice_zone

    day = moment.astimezone(practice_zone()).date()
    days = (day - today).days
    return f"{day:%a} {day.day} {day:%b}" + (
        f" (in {days} day{'s' if days != 1 else ''})" if days > 0 else ""
    )


def _waiting(plan: Plan) -> str | None:
    if not plan.waiting:
        return None
    days = plan.days_to_clear
    return (
        f"{plan.waiting} more wait{'s' if plan.waiting == 1 else ''} for the next days, "
        f"{plan.limit} a day: you are through them in {days} day{'s' if days != 1 else ''}."
    )


def _header(out: Console, plan: Plan, today: date) -> None:
    from rich.text import Text

    if plan.upcoming is not None:
        coming = plan.upcoming
        if coming.company:
            out.print(
                Text(
                    f"Before {coming.label(today)}: your interview with {coming.company} "
                    f"({coming.role}). Its likely questions come first.",
                    style="bold",
                )
            )
        elif plan.likely:
            out.print(
                Text(
                    f"Before {coming.label(today)}: the questions that came back in other "
                    "interviews come first.",
                    style="bold",
                )
            )
        else:
            out.print(
                Text(
                    f"Before {coming.label(today)}: no interview is logged by then, and no "
                    "question has come back in another interview yet.",
                    style="bold",
                )
            )


def practice(
    before: Annotated[
        str | None,
        typer.Option(
            "--before",
            help="Prepare for an interview by this date (YYYY-MM-DD): the questions most "
            "likely there come first. Without it, the next interview logged in the coming two "
            "weeks is prepared for.",
            metavar="DATE",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="Questions a day (default 10)."),
    ] = None,
    list_only: Annotated[
        bool, typer.Option("--list", help="List today's questions; ask nothing.")
    ] = False,
) -> None:
    """Practise the questions that went badly, on a spaced schedule: each question, your
    answer (typed, or aloud), then your best answer, and how it went. A question you knew
    comes back in days, then weeks; one you missed, soon. At most 10 a day, so that after a
    break the most overdue come first and the rest follow over the next days. With piped
    input the answers and ratings are read from it; with none, today's questions are listed.

    Example:

        afterword practice
        afterword practice --before 2026-12-03 --limit 15
    """
    from rich.text import Text

    from afterword.services import practice_zone

    day: date | None = None
    if before is not None:
        try:
            day = date.fromisoformat(before.strip())
        except ValueError as exc:
            raise InputError(
                f"--before: {before!r} is not a date (write it like 2026-12-03)"
            ) from exc
    out = console()
    with workspace() as ws:
        plan = ws.practice(limit=limit, before=day)
        today = ws.now().astimezone(practice_zone()).date()
        _header(out, plan, today)
        if not plan.today:
            if not plan.total:
                out.print(
                    "Nothing to practise yet: it comes from your debriefs, a question that went "
                    "badly with the better answer you wrote since.",
                    markup=False,
                )
            else:
                done = f" ({plan.done_today} done)" if plan.done_today else ""
                out.print(f"Nothing more to practise today{done}. Let it rest.", markup=False)
            if waiting := _waiting(plan):
                out.print(waiting, markup=False)
            return
        lines = Lines() if not list_only else None
        if lines is None or lines.nothing_to_read:
            out.print(
                f"{len(plan.today)} question{'s' if len(plan.today) != 1 else ''} to practise "
                "today:",
                markup=False,
            )
            for number, question in enumerate(plan.today, start=1):
                out.print(Text(f"{number:>3}. {question.group.question}  ({question.why})"))
            if waiting := _waiting(plan):
                out.print(waiting, markup=False)
            return
        practised = 0
        for number, question in enumerate(plan.today, start=1):
            card = question.card
            assert card is not None  # the session makes the cards first
            out.print()
            out.print(Text(f"{number}/{len(plan.today)}  {question.group.question}", style="bold"))
            where = "; ".join(
                dict.fromkeys(f"{a.company}, {a.ended_at:%b %Y}" for a in question.group.asked)
            )
            out.print(Text(f"     {question.why} · asked at {where}", style="dim"))
            answer = lines.ask(ANSWER_PROMPT)
            if answer is None:
                break
            out.print(Text("Your best answer:", style="bold"))
            out.print(Text(f"  {question.best_answer}"))
            if question.group.stories:
                out.print(Text(f"  Stories: {', '.join(question.group.stories)}"))
            earlier = [a for _, _, a in ws.practice_answers(card.id) if a]
            if earlier:
                out.print(Text(f"  Last time you typed: {earlier[-1]}", style="dim"))
            rating = None
            while rating is None:
                said = lines.ask(RATING_PROMPT)
                if said is None or said.strip().casefold() in ("q", "quit"):
                    break
                rating = _rating(said)
                if rating is None:
                    out.print("Type 1, 2, 3 or 4 (or again, hard, good, easy).", markup=False)
            if rating is None:
                break
            updated = ws.practise(card.id, rating, answer, expected_reviews=card.reviews)
            practised += 1
            out.print(Text(f"{rating.name.capitalize()}: next on {_when(updated.due, today)}."))
        out.print()
        left = len(plan.today) - practised
        summary = f"Practised {practised} question{'s' if practised != 1 else ''} today."
        if left:
            summary += f" {left} more {'is' if left == 1 else 'are'} due today."
        out.print(summary, markup=False)
        if waiting := _waiting(plan):
            out.print(waiting, markup=False)
