"""`afterword check`: lint thank-you notes like code (placeholder; filled in below)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def check(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Note files to check; '-' or nothing reads standard input."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="Output format: text or json.")
    ] = "text",
    disable: Annotated[
        list[str] | None,
        typer.Option("--disable", help="Rule id to turn off (repeatable)."),
    ] = None,
    max_words: Annotated[
        int | None,
        typer.Option("--max-words", min=1, help="Word limit for one body paragraph."),
    ] = None,
    interview: Annotated[
        int | None,
        typer.Option("--interview", help="Check against the interview with this id."),
    ] = None,
    context: Annotated[
        Path | None,
        typer.Option("--context", help="Check against the interview in this debrief file."),
    ] = None,
) -> None:
    """Check thank-you notes against the craft and show every problem in place.

    Example:

        afterword check note.txt
    """
    raise typer.Exit(2)
