"""``afterword due``: what needs doing now and next, across all interviews."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from afterword.cli.common import OutputFormat, console, parse_time, print_json, workspace
from afterword.errors import InputError

ACTIONS = {"thank_you": "thank-you note", "check_in": "check-in", "outcome": "record the outcome"}


def due(
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format: text or json.")
    ] = OutputFormat.text,
    at: Annotated[
        str,
        typer.Option("--at", help="As of this time: 'now' or a time like 2026-12-07 09:00."),
    ] = "now",
) -> None:
    """What needs doing now and next across all interviews, most urgent first.

    Thank-you notes are due within 24 hours of the interview; one polite check-in is allowed
    once the decision date they gave has passed (or a working week after the interview); after
    about four weeks of silence, close the interview and move on. Each line says why.

    Example:

        afterword due --format json
    """
    with workspace() as ws:
        now = ws.now() if at == "now" else parse_time(at, "--at")
        found = ws.due(now)
        companies = {i: item.company for i, item in ws.interviews()}
    if fmt is OutputFormat.json:
        print_json([step.to_dict() for step in found])
        return
    out = console()
    if not found:
        out.print("Nothing to do: no interview is waiting on you.", markup=False)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title="What's due, most urgent first", box=box.SIMPLE_HEAD)
    for column in ("id", "company", "what", "to", "when", "why"):
        table.add_column(column, overflow="fold")
    for step in found:
        if step.is_overdue(now) and step.due_by is not None:
            when = Text(f"overdue since {step.due_by:%a %d %b %H:%M}", style="red")
        elif step.is_open(now):
            when = Text(
                f"now, by {step.due_by:%a %d %b %H:%M}" if step.due_by else "now",
                style="green",
            )
        else:
            assert step.not_before is not None
            when = Text(f"from {step.not_before:%a %d %b %H:%M}")
        table.add_row(
            str(step.interview_id),
            Text(companies.get(step.interview_id, "")),
            ACTIONS[step.action],
            Text(step.to or ""),
            when,
            Text(step.reason),
        )
    out.print(table)


def remind(
    ics: Annotated[
        Path,
        typer.Option("--ics", help="Write the reminders to this iCalendar file.", metavar="FILE"),
    ],
    at: Annotated[
        str,
        typer.Option("--at", help="As of this time: 'now' or a time like 2026-12-07 09:00."),
    ] = "now",
) -> None:
    """Write reminders for what comes next to an iCalendar file (.ics) to import into your
    calendar: each thank-you note's 24-hour mark, and the earliest day for a check-in or for
    closing an interview that went quiet, each with an alarm. Importing a newer file updates
    the same events instead of adding copies.

    Example:

        afterword remind --ics ~/afterword.ics
    """
    with workspace() as ws:
        now = ws.now() if at == "now" else parse_time(at, "--at")
        content = ws.reminders(now)
    try:
        ics.expanduser().write_bytes(content)
    except OSError as exc:
        raise InputError(f"{ics}: cannot write the file ({exc.strerror})") from exc
    count = content.count(b"BEGIN:VEVENT")
    console(stderr=True).print(
        f"Wrote {count} reminder{'s' if count != 1 else ''} to {ics}.", markup=False
    )
