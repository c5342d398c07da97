"""The ``afterword`` command. Each command only translates its arguments into use-case calls.

Heavy imports (the database, Rich tables, the checker) happen inside the commands, so that
``afterword --help`` stays fast.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from afterword import __version__
from afterword.cli import (
    accounts,
    archive,
    checkin,
    compose,
    database,
    debrief,
    due,
    interviews,
    learning,
    outcomes,
    practice,
    send,
    serve,
    stories,
)
from afterword.cli.check import check
from afterword.config import ConfigError
from afterword.errors import AfterwordError


def _fail(message: str, exit_code: int) -> typer.Exit:
    from afterword.cli.common import terminal_safe

    for line in message.splitlines():
        print(f"error: {terminal_safe(line)}", file=sys.stderr)
    return typer.Exit(exit_code)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f": {lines[0][:200]}" if lines else ""


def _unexpected(exc: Exception) -> str:
    """A bug, in one line that names it and shows nothing of the user's data: a database
    error's message holds the SQL statement and the row's values, so only the first line of
    the driver's own error is kept."""
    if type(exc).__module__.startswith("sqlalchemy"):
        orig = getattr(exc, "orig", None)
        cause = f"{type(orig).__name__}{_first_line(orig)}" if orig else type(exc).__name__
        what = f"database error ({cause})"
    else:
        what = f"{type(exc).__name__}{_first_line(exc)}"
    return f"unexpected {what} (run again with --debug to see where)"


class Group(TyperGroup):
    """Turns domain errors into clear lines on stderr with exit status 2, and bugs into a
    short note with status 1 (``--debug`` shows the traceback)."""

    def invoke(self, ctx: Any) -> Any:  # a Click context; Typer vendors Click privately
        try:
            return super().invoke(ctx)
        except AfterwordError as exc:
            raise _fail(str(exc), exc.exit_code) from exc
        except ConfigError as exc:  # a setting the user gave, not a bug
            raise _fail(str(exc), AfterwordError.exit_code) from exc
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if (ctx.obj or {}).get("debug") or type(exc).__module__.startswith("typer"):
                raise  # --debug, or Typer's own usage errors, which it reports itself
            raise _fail(_unexpected(exc), 1) from exc


app = typer.Typer(
    cls=Group,
    name="afterword",
    help="Turn a bad interview into a second chance: debrief it, send a thank-you note that "
    "follows the craft within 24 hours, and learn from it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"afterword {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Afterword: debrief a bad interview, write the note, learn from it.

    Example:

        afterword import examples/acme-first-round.yaml
        afterword list
    """
    ctx.obj = {"debug": debug}


app.command("import")(interviews.import_)
app.command("export")(interviews.export)
app.command("schema")(interviews.schema)
app.command("list")(interviews.list_)
app.command("show")(interviews.show)
app.command("debrief")(debrief.debrief)
app.command("check")(check)
app.command("evidence")(compose.evidence)
app.command("answer")(compose.answer)
app.command("draft")(compose.draft)
app.command("send")(send.send)
app.command("sent")(outcomes.sent)
app.command("outcome")(outcomes.outcome)
app.command("due")(due.due)
app.command("remind")(due.remind)
app.command("checkin")(checkin.checkin)
app.command("insights")(learning.insights)
app.command("questions")(learning.questions)
app.command("prep")(learning.prep)
app.command("practice")(practice.practice)
app.command("serve")(serve.serve)
app.command("backup")(archive.backup)
app.add_typer(interviews.interview_app, name="interview")
app.add_typer(stories.story_app, name="story")
app.add_typer(database.db_app, name="db")
app.add_typer(accounts.account_app, name="account")


def main() -> None:
    app()
