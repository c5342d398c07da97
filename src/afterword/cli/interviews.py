"""Commands for interviews: import, export, schema, list, show, interview add|rm."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli.common import (
    OutputFormat,
    console,
    hours_left_label,
    parse_time,
    print_json,
    workspace,
    write_new_file,
)
from afterword.errors import ConflictError, InputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from afterword.model import Interview, Interviewer

interview_app = typer.Typer(
    help="Log, edit and remove interviews.", no_args_is_help=True, rich_markup_mode=None
)


class ExportFormat(StrEnum):
    yaml = "yaml"
    json = "json"
    markdown = "markdown"


def import_(
    file: Annotated[str, typer.Argument(help="A debrief file (YAML or JSON); '-' reads stdin.")],
    everything: Annotated[
        bool,
        typer.Option("--all", help="FILE is a whole export (`afterword export --all`)."),
    ] = False,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="With --all: add to a database that is not empty."),
    ] = False,
) -> None:
    """Import a whole interview from a debrief file and print its id.

    Nothing is written unless the whole file is valid. Stories go to your library (a story
    whose title is already there is reused, not duplicated).

    With --all, FILE is an export of everything, restored into an empty database with the
    same ids (refused when the database is not empty; --merge adds the interviews as new
    ones and merges the stories by title).

    Example:

        afterword import examples/acme-first-round.yaml
        afterword import --all afterword-export.json
    """
    if everything:
        from afterword.cli.archive import import_all

        import_all(file, merge)
        return
    if merge:
        raise InputError("--merge goes with --all (a single debrief file is always added)")
    from afterword import config
    from afterword.debrief_file import MAX_FILE_BYTES, load_debrief_file, parse_debrief_bytes

    if file == "-":
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        interview = parse_debrief_bytes(raw, "<stdin>", config.timezone())
    else:
        interview = load_debrief_file(Path(file), config.timezone())
    with workspace() as ws:
        interview_id = ws.add_interview(interview)
    print(interview_id)


def export(
    interview_id: Annotated[
        int | None, typer.Argument(metavar="[ID]", help="The interview's id.")
    ] = None,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", help="yaml (default) or json; with --all, json (default) or markdown."
        ),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Everything: every interview, the story library, the outbox."),
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (default: stdout).")
    ] = None,
) -> None:
    """Write an interview back as a debrief file (importing it gives the same interview).

    With --all, write everything as one JSON file that `afterword import --all` restores,
    or (--format markdown) a readable report of every interview to keep or print.

    Example:

        afterword export 1 --format json > acme.json
        afterword export --all --out afterword-export.json
        afterword export --all --format markdown --out interviews.md
    """
    if everything:
        if interview_id is not None:
            raise InputError("give either an interview's ID or --all, not both")
        if fmt is ExportFormat.yaml:
            raise InputError("--all writes json or markdown")
        from afterword.cli.archive import export_all

        export_all((fmt or ExportFormat.json).value, out)
        return
    if interview_id is None:
        raise InputError("which interview? Give its ID (see `afterword list`), or --all")
    if fmt is ExportFormat.markdown:
        raise InputError("markdown is for --all (the report of every interview)")
    with workspace() as ws:
        text = ws.export(interview_id, (fmt or ExportFormat.yaml).value)
    if out is None:
        sys.stdout.write(text)
        return
    write_new_file(out, text)


def schema() -> None:
    """Print the JSON Schema of debrief files (for editors and validators).

    Example:

        afterword schema > debrief.schema.json
    """
    from afterword.debrief_file import json_schema

    print_json(json_schema())


def list_(
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="text (a table) or json.")
    ] = OutputFormat.text,
) -> None:
    """List your interviews, most urgent first, with the time left to the 24-hour mark.

    Example:

        afterword list --format json
    """
    with workspace() as ws:
        now = ws.now()
        cards = ws.agenda(now)
    if fmt is OutputFormat.json:
        print_json(
            [
                {
                    "id": card.id,
                    "company": card.interview.company,
                    "role": card.interview.role,
                    "stage": card.interview.stage,
                    "ended_at": card.interview.ended_at.isoformat(),
                    "hours_left": round(card.hours_left, 2),
                    "status": card.state.value,
                    "next_step": card.next_step[0],
                    "interviewers": [i.name for i in card.interview.interviewers],
                }
                for card in cards
            ]
        )
        return
    out = console()
    if not cards:
        out.print(
            "No interviews yet. Log one with `afterword interview add`, or try the example: "
            "`afterword import examples/acme-first-round.yaml`."
        )
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Interviews, most urgent first", box=box.SIMPLE_HEAD)
    table.add_column("id", justify="right")
    table.add_column("company")
    table.add_column("role")
    table.add_column("ended", no_wrap=True)
    table.add_column("24-hour mark", no_wrap=True)
    table.add_column("status", no_wrap=True)
    styles = {"ok": "green", "amber": "yellow", "red": "red"}
    for card in cards:
        mark = "—"
        if card.urgency != "none":
            mark = f"[{styles[card.urgency]}]{hours_left_label(card.hours_left)}[/]"
        table.add_row(
            str(card.id),
            Text(card.interview.company),  # user text, not Rich markup
            Text(card.interview.role),
            card.interview.ended_at.strftime("%d %b %H:%M"),
            mark,
            card.state.value,
        )
    out.print(table)


def show(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="text or json (the export).")
    ] = OutputFormat.text,
) -> None:
    """Show an interview and its debrief.

    Example:

        afterword show 1
    """
    with workspace() as ws:
        interview = ws.interview(interview_id)
        card = ws.card(interview_id, ws.now())
    if fmt is OutputFormat.json:
        from afterword.debrief_file import dump_debrief

        sys.stdout.write(dump_debrief(interview, "json"))
        return
    from afterword.cli.render import render_interview

    render_interview(console(), card)


@interview_app.command("add")
def add(
    company: Annotated[str | None, typer.Option(help="The company.")] = None,
    role: Annotated[str | None, typer.Option(help="The role you interviewed for.")] = None,
    stage: Annotated[str | None, typer.Option(help="e.g. 'first round'.")] = None,
    interview_format: Annotated[
        str, typer.Option("--format", help="phone, video, onsite, panel or other.")
    ] = "other",
    ended_at: Annotated[
        str | None,
        typer.Option(
            "--ended-at",
            help="When it ended: '2026-11-24 15:30' (your time zone), with an offset, or 'now'.",
        ),
    ] = None,
    interviewer: Annotated[
        list[str] | None,
        typer.Option("--interviewer", "-i", help="'Name <email>' or 'Name'; repeat for a panel."),
    ] = None,
    sender_name: Annotated[str | None, typer.Option(help="Your name, for the notes.")] = None,
    sender_email: Annotated[str | None, typer.Option(help="Your email address.")] = None,
    timeline: Annotated[str | None, typer.Option(help="What they said about the timeline.")] = None,
) -> None:
    """Log an interview; asks for what the flags leave out, then prints its id.

    Example:

        afterword interview add --company "Acme Robotics" --role "PMM" \\
            --ended-at "2026-11-24 15:30" -i "Dana Lee <dana.lee@acme.example>"
    """
    from pydantic import ValidationError

    from afterword.model import Interview, Person

    if sender_email and not sender_name:
        raise InputError("--sender-email needs --sender-name too (the notes are signed with it)")
    company = company or typer.prompt("Company")
    role = role or typer.prompt("Role")
    when = parse_time(ended_at or typer.prompt("When did it end?", default="now"), "ended_at")
    people = list(interviewer or [])
    if interviewer is None and sys.stdin.isatty():
        while name := typer.prompt("Interviewer (Name <email>; Enter when done)", default=""):
            people.append(name)
    try:
        interview = Interview(
            company=company,
            role=role,
            stage=stage,
            format=interview_format,
            ended_at=when,
            timeline=timeline,
            sender=Person(name=sender_name, email=sender_email) if sender_name else None,
            interviewers=[_parse_person(p) for p in people],
        )
    except ValidationError as exc:
        raise InputError(
            "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'interview'}: "
                f"{e['msg'].removeprefix('Value error, ')}"
                for e in exc.errors()
            )
        ) from exc
    with workspace() as ws:
        interview_id = ws.add_interview(interview)
    print(interview_id)
    from rich.markup import escape

    err = console(stderr=True)
    err.print(
        f"Logged {escape(company)} ({escape(role)}), ended {when.isoformat()}. Next: "
        f"`afterword debrief {interview_id}`."
    )


def _parse_person(text: str) -> Interviewer:
    from afterword.model import Interviewer

    name, _, rest = text.partition("<")
    email = rest.rstrip("> ").strip() or None
    return Interviewer(name=name.strip(), email=email)


@interview_app.command("edit")
def edit(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
) -> None:
    """Edit a whole interview (interviewers, topics, debrief, research...) in your editor.

    It opens as a debrief file (YAML) in $EDITOR. What you save is checked as an import is;
    when it is not valid, you are told why and can edit it again: nothing is saved until it
    is valid.

    Example:

        afterword interview edit 1
    """
    from afterword.debrief_file import dump_debrief

    err = console(stderr=True)
    with workspace() as ws:
        interview, version = ws.interview_version(interview_id)

        def save(changed: Interview) -> None:
            # Saved only over the version that was opened: a note autosaved in the browser
            # meanwhile is not silently replaced by this older copy.
            ws.update_interview(interview_id, lambda _: changed, expected_version=version)

        if not _edit_until_saved(dump_debrief(interview, "yaml"), interview_id, save):
            err.print("No change; nothing saved.")
            return
    err.print(f"Saved interview {interview_id}.")


def _edit_until_saved(text: str, interview_id: int, save: Callable[[Interview], None]) -> bool:
    """Open ``text`` in the editor until what the user saves is valid and saved (True), or
    they change nothing (False). A refused edit is never lost: it can be edited again, and is
    kept in a file when the user stops (or when the interview changed meanwhile)."""
    import click  # Typer's own dependency; its edit() is not re-exported by Typer

    from afterword import config
    from afterword.debrief_file import parse_debrief_text

    while True:
        edited = click.edit(text, extension=".yaml", require_save=True)
        if edited is None or edited == text:
            return False
        text = edited
        try:
            save(parse_debrief_text(text, f"interview {interview_id}", config.timezone()))
            return True
        except ConflictError as exc:
            raise InputError(f"{exc} Your edited text is in {_keep(text, interview_id)}") from exc
        except InputError as exc:
            console(stderr=True).print(str(exc), markup=False)
            if not sys.stdin.isatty() or not typer.confirm("Edit it again?", default=True):
                # The interview stays as it was; the user's typing is kept to copy from.
                raise InputError(
                    f"the edit was not valid, so the interview was left as it was; "
                    f"your edited text is in {_keep(text, interview_id)}"
                ) from exc


def _keep(text: str, interview_id: int) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile(
        "w", suffix=".yaml", prefix=f"afterword-edit-{interview_id}-", delete=False
    ) as kept:
        kept.write(text)
    return kept.name


@interview_app.command("rm")
def remove(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an interview with its debrief and notes (your stories stay in the library).

    Example:

        afterword interview rm 3 --yes
    """
    with workspace() as ws:
        interview = ws.interview(interview_id)
        if not yes:
            typer.confirm(
                f"Delete the {interview.company} interview ({interview.role}) and its notes?",
                abort=True,
            )
        ws.delete_interview(interview_id)
    print(f"Deleted interview {interview_id}.")
