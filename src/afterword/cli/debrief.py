"""``afterword debrief``: a guided introspection that saves every answer as it goes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli.common import console, workspace

if TYPE_CHECKING:
    from rich.console import Console

    from afterword.model import Interview
    from afterword.services import Workspace

# What a coach asks, in the order a coach asks it: each kind of moment gets its own prompt.
MOMENT_PROMPTS = [
    ("couldnt_answer", "A question you couldn't answer"),
    ("could_be_better", "A question you could have answered better"),
    ("forgot_to_mention", "Something you forgot to mention (a skill, a result, a story)"),
    ("went_well", "Something that went well"),
]


BETTER_ANSWER_PROMPT = (
    "Your best answer now, with a concrete example or number (Enter to come back to it later)"
)


def _ask(text: str, default: str = "") -> str:
    return str(typer.prompt(text, default=default, show_default=bool(default))).strip()


def debrief(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
) -> None:
    """Walk through what happened, the way a coach would, saving each answer as you go.

    Quit at any point (Ctrl-C): what you answered is kept, and running it again adds to it.

    Example:

        afterword debrief 1
    """
    from rich.markup import escape

    out = console()
    with workspace() as ws:
        interview = ws.interview(interview_id)
        out.print(
            f"[bold]Debrief: {escape(interview.company)}, {escape(interview.role)}[/]\n"
            "Bad interviews happen to everyone. Let's turn this one into something useful: "
            "a few questions, and everything you answer is saved straight away. "
            "Press Enter to skip a question."
        )
        try:
            _walk(out, ws, interview_id, interview)
        except typer.Abort:
            out.print(
                f"\nStopped. Everything you answered is saved; `afterword debrief "
                f"{interview_id}` shows it again (Enter keeps an answer) and adds to it."
            )
            raise typer.Exit(1) from None
    out.print(
        f"\nDone, and saved. See it all with `afterword show {interview_id}`. "
        "The next step is a short thank-you note within 24 hours of the interview."
    )


def _walk(out: Console, ws: Workspace, interview_id: int, interview: Interview) -> None:
    from rich.markup import escape

    from afterword.model import Cause, Moment, MomentKind

    def save(**changes: object) -> None:
        """Store a change of the debrief at once, so that quitting loses nothing."""
        nonlocal interview
        interview = ws.update_interview(interview_id, lambda i: _changed(i, changes))

    current = interview.debrief.feeling
    while answer := _ask(
        "How do you feel it went, from 1 (very bad) to 5 (very good)?",
        str(current) if current else "",
    ):
        if answer.isdigit() and 1 <= int(answer) <= 5:
            save(feeling=int(answer))
            break
        out.print("Please answer with a number from 1 to 5.")

    causes = list(Cause)
    out.print("\nWhat played a part? It helps to name it; none of these is a verdict on you.")
    for number, cause in enumerate(causes, 1):
        mark = "x" if cause in interview.debrief.causes else " "
        out.print(escape(f"  [{mark}] {number}. {cause.label}"))
    while answer := _ask("Numbers, separated by commas (Enter keeps what is marked)"):
        try:
            picked = [causes[int(n) - 1] for n in answer.replace(" ", "").split(",") if n]
        except (ValueError, IndexError):
            out.print(f"Please give numbers from 1 to {len(causes)}, like 1,3.")
            continue
        save(causes=picked)
        break
    previous = interview.debrief.cause_notes or ""
    notes = _ask("In your own words, why did it go that way?", previous)
    if notes != previous:
        save(cause_notes=notes or None)

    def update_moment(index: int, **changes: object) -> None:
        moments = list(interview.debrief.moments)
        moments[index] = moments[index].model_copy(update=changes)
        save(moments=moments)

    # Moments left "to come back to later" on an earlier run come back first.
    for index, moment in enumerate(interview.debrief.moments):
        if moment.kind.is_weak and not moment.better_answer:
            out.print(f"\nEarlier you noted: [bold]{escape(moment.question)}[/]")
            if better := _ask(BETTER_ANSWER_PROMPT):
                update_moment(index, better_answer=better)
                out.print("[green]Saved.[/]")

    for kind, prompt in MOMENT_PROMPTS:
        out.print()
        moment_kind = MomentKind(kind)
        while question := _ask(f"{prompt} (Enter when there are no more)"):
            # Saved before the next question, so that quitting there keeps it.
            save(moments=[*interview.debrief.moments, Moment(question=question, kind=moment_kind)])
            index = len(interview.debrief.moments) - 1
            asks_said = moment_kind is not MomentKind.forgot_to_mention
            if asks_said and (said := _ask("What did you say?")):
                update_moment(index, what_i_said=said)
            if moment_kind.is_weak and (better := _ask(BETTER_ANSWER_PROMPT)):
                update_moment(index, better_answer=better)
            out.print("[green]Saved.[/]")

    out.print()
    while lesson := _ask("One thing you'll do differently next time (Enter when done)"):
        save(lessons=[*interview.debrief.lessons, lesson])


def _changed(interview: Interview, changes: dict[str, object]) -> Interview:
    return interview.model_copy(update={"debrief": interview.debrief.model_copy(update=changes)})
