"""``afterword checkin``: the one polite check-in, when the follow-up policy allows it."""

from __future__ import annotations

from typing import Annotated

import typer

from afterword.cli.common import OutputFormat, console, print_json, workspace


def checkin(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    to: Annotated[
        str | None,
        typer.Option("--to", help="The interviewer (default: the first one you thanked)."),
    ] = None,
    save: Annotated[bool, typer.Option("--save", help="Keep it as the check-in draft.")] = False,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format: text or json.")
    ] = OutputFormat.text,
) -> None:
    """Draft a short, polite check-in to an interviewer you thanked, with something useful to
    add (research or a result the thank-you note did not carry), checked like any note.

    It is refused, with the date it would be allowed and why, before the decision date they
    gave has passed (or a working week after the interview when none was given), and after
    the one check-in that helps. Record it with `afterword sent ID --check-in` once it is out.

    Example:

        afterword checkin 1 --save
    """
    with workspace() as ws:
        draft = ws.draft_check_in(interview_id, to)
        if save:
            ws.save_check_in(interview_id, draft.note())
    if fmt is OutputFormat.json:
        print_json(draft.to_dict())
        return
    out = console()
    out.print(f"To: {draft.to}\nSubject: {draft.subject}\n", markup=False)
    out.print(draft.text, markup=False)
    for finding in draft.findings:
        out.print(f"\n{finding.severity} {finding.rule}: {finding.message}", markup=False)
    for line in draft.suggestions:
        out.print(f"\nTip: {line}", markup=False)
    if save:
        console(stderr=True).print("\nKept as the check-in draft.", markup=False)
