"""``afterword send``: a note (or the check-in) over SMTP, once, and what came of it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli.common import console, terminal_safe, workspace
from afterword.errors import InputError

if TYPE_CHECKING:
    from afterword.model import Interview
    from afterword.services import SendKind, SendResult

#: The exit status when the message did not go out, or may not have.
NOT_SENT = 3


def send(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    to: Annotated[
        str | None,
        typer.Option("--to", help="The interviewer (needed when there are several)."),
    ] = None,
    check_in: Annotated[
        bool, typer.Option("--check-in", help="Send the draft check-in, not the thank-you note.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Send without showing the message and asking.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Send a note the checker still finds errors in (warned)."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write the message as an .eml file; send nothing.")
    ] = False,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Where --dry-run writes the .eml file.")
    ] = Path("."),
    mark_sent: Annotated[
        bool,
        typer.Option("--mark-sent", help="A send of unknown outcome is in your Sent folder."),
    ] = False,
    mark_not_sent: Annotated[
        bool,
        typer.Option(
            "--mark-not-sent", help="A send of unknown outcome is not in your Sent folder."
        ),
    ] = False,
) -> None:
    """Send a saved note to its interviewer through your mail server (SMTP), once.

    The server is set in settings.toml's [smtp] table (host, port, security, user, from); the
    password comes from AFTERWORD_SMTP_PASSWORD or the system keyring, and is never stored.
    Refused while the follow-up policy says not now, or while the note has errors (--force
    sends it anyway). If the connection drops after the message was handed over, it may have
    gone out: it is never sent again blindly; look in your Sent folder, then settle it with
    --mark-sent or --mark-not-sent. Exit status 3: not sent, or not known to be.

    Example:

        afterword send 1 --to "Dana Lee"
    """
    kind: SendKind = "check_in" if check_in else "thank_you"
    if mark_sent and mark_not_sent:
        raise InputError("--mark-sent or --mark-not-sent: one of them")
    if (mark_sent or mark_not_sent) and (dry_run or force):
        raise InputError("--mark-sent and --mark-not-sent settle an earlier send; send nothing")
    output = console()
    with workspace() as ws:
        if mark_sent or mark_not_sent:
            name = to or _only_recipient(ws.interview(interview_id), check_in)
            ws.resolve_send(interview_id, name, sent=mark_sent, kind=kind)
            if mark_sent:
                output.print(f"Recorded the message to {name} as sent.", markup=False)
            else:
                output.print(
                    f"Recorded the message to {name} as not sent; `afterword send "
                    f"{interview_id}` sends it again.",
                    markup=False,
                )
            return
        if dry_run:
            result = ws.send(interview_id, to, kind=kind, force=force, dry_run=True)
            _warn(result)
            out.mkdir(parents=True, exist_ok=True)
            path = out / result.filename
            path.write_bytes(result.message)
            output.print(f"Wrote {path} (nothing was sent).", markup=False)
            return
        if not yes:
            preview = ws.send(interview_id, to, kind=kind, force=force, dry_run=True)
            _show(preview)
            _warn(preview)
            try:
                confirmed = typer.confirm(f"Send it to {preview.to} now?", default=False)
            except typer.Abort:
                confirmed = None
            if confirmed is None:
                raise InputError("nothing was sent: pass --yes to send without being asked")
            if not confirmed:
                output.print("Nothing was sent.", markup=False)
                return
            result = ws.send(interview_id, to, kind=kind, force=force, shown=preview)
        else:
            result = ws.send(interview_id, to, kind=kind, force=force)
    _warn(result)
    _report(result, interview_id, " --check-in" if check_in else "")


def _only_recipient(interview: Interview, check_in: bool) -> str:
    names = list(
        dict.fromkeys(n.to for n in (interview.check_ins if check_in else interview.notes))
    )
    if len(names) != 1:
        raise InputError(
            "say whose message with --to NAME" + (f" (one of: {', '.join(names)})" if names else "")
        )
    return names[0]


def _show(result: SendResult) -> None:
    """The message as it will go out: its headers and its text."""
    from email import message_from_bytes
    from email.message import EmailMessage
    from email.policy import default

    message = message_from_bytes(result.message, policy=default)
    assert isinstance(message, EmailMessage)
    lines = [f"{name}: {message[name]}" for name in ("From", "To", "Subject", "Date")]
    body = message.get_body(("plain",))
    text = body.get_content() if isinstance(body, EmailMessage) else ""
    print(terminal_safe("\n".join(lines) + "\n\n" + text.rstrip("\n")) + "\n")


def _warn(result: SendResult) -> None:
    for warning in result.warnings:
        print(f"warning: {terminal_safe(warning)}", file=sys.stderr)


def _report(result: SendResult, interview_id: int, flag: str) -> None:
    output = console()
    if result.state == "sent":
        output.print(
            f"Sent to {result.to} <{result.email}>. It may or may not change the outcome, and "
            "sending it was still right. Now let it go for a while.",
            markup=False,
        )
        return
    if result.state == "unknown":
        output.print(
            f"Not known whether it went out: {result.error}. Look in your Sent folder (or your "
            f"mail provider's web page) for {result.message_id}. It will not be sent again "
            f"blindly: then run `afterword send {interview_id}{flag} "
            f'--to "{result.to}" --mark-sent`, or --mark-not-sent to send it again.',
            markup=False,
        )
    else:
        output.print(
            f"Not sent: {result.error}. The note is still a draft; send again once that is fixed.",
            markup=False,
        )
    raise typer.Exit(NOT_SENT)
