"""``afterword check``: lint thank-you notes like code.

Only argument handling and printing live here; the judgment is :func:`afterword.checker.check`,
the same function the web page calls.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli.common import terminal_safe
from afterword.errors import InputError

if TYPE_CHECKING:
    from afterword.checker import Finding, Report
    from afterword.model import Interview

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def check(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Note files to check (plain text or pasted mail); '-' or nothing reads "
            "standard input.",
            show_default=False,
            metavar="[FILE ...|-]",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: text or json.", metavar="text|json"),
    ] = "text",
    disable: Annotated[
        list[str] | None,
        typer.Option("--disable", "-d", help="Turn a rule off by id (repeatable).", metavar="RULE"),
    ] = None,
    max_words: Annotated[
        int | None,
        typer.Option("--max-words", min=1, help="Word limit for one body paragraph [120]."),
    ] = None,
    interview: Annotated[
        int | None,
        typer.Option(
            "--interview", "-i", help="Check against the interview with this id.", metavar="ID"
        ),
    ] = None,
    context: Annotated[
        Path | None,
        typer.Option(
            "--context",
            help="Check against the interview in this debrief file (YAML or JSON).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Check thank-you notes and show every problem in place, with a better wording.

    Each finding names the rule, why it matters to the interviewer, and what to write instead.
    A note is ready when it has no error. Exit status: 0 when every note is ready, 1 when any
    has an error, 2 for a usage or input error. Defaults for --disable and --max-words can be
    set in the [check] table of settings.toml in the config directory.

    Example:

    \b
        afterword check note.txt
        afterword check --format json --disable hedging drafts/*.txt
        pbpaste | afterword check --context acme.yaml -
    """
    from afterword.checker import check as check_note
    from afterword.checking import check_settings

    if output_format not in ("text", "json"):
        raise InputError(f"--format must be text or json, not {output_format!r}")
    record = _interview(interview, context)
    # The core never reads a clock; the shell passes "now" so the late rule can run.
    settings = check_settings(
        disable or [], max_words, now=datetime.now(UTC) if record is not None else None
    )
    notes = [(path, _read(path)) for path in (files or ["-"])]
    reports = [(path, text, check_note(text, record, settings)) for path, text in notes]

    if output_format == "json":
        import json

        data = {"files": [{"path": path, **report.to_dict()} for path, _, report in reports]}
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in __import__("os").environ
        _print_text(reports, colour)
    if not all(report.ready for _, _, report in reports):
        raise typer.Exit(1)


def _interview(interview_id: int | None, context: Path | None) -> Interview | None:
    if interview_id is not None and context is not None:
        raise InputError("give --interview or --context, not both")
    if interview_id is not None:
        from afterword.services import load_interview

        return load_interview(interview_id)
    if context is not None:
        from afterword import config
        from afterword.debrief_file import load_debrief_file

        try:
            zone = config.timezone()
        except config.ConfigError as exc:
            raise InputError(str(exc)) from exc
        return load_debrief_file(context, zone)
    return None


def _read(path: str) -> str:
    """A note as text, or an InputError that says in one line what is wrong with it."""
    if path == "-":
        if sys.stdin.isatty():
            raise InputError("no note given: name a file, or pipe the note in and use '-'")
        raw = sys.stdin.buffer.read()
        name = "standard input"
    else:
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise InputError(f"{path}: no such file") from exc
        except IsADirectoryError as exc:
            raise InputError(f"{path}: is a directory, not a note") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from exc
        name = path
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte {exc.start}); save the note as UTF-8"
        ) from exc
    if not text.strip():
        raise InputError(f"{name}: the note is empty")
    return text


def _print_text(reports: list[tuple[str, str, Report]], colour: bool) -> None:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    totals = {"error": 0, "warning": 0, "info": 0}
    out: list[str] = []
    for path, _, report in reports:
        for f in report.findings:
            totals[f.severity] += 1
            out.append(_line(path, f, paint))
    ready = sum(1 for _, _, r in reports if r.ready)
    counts = (
        ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in totals.items() if n)
        or "no findings"
    )
    if ready == len(reports):
        verdict = paint("ready", _BOLD + "\x1b[32m") + f" ({counts})"
    else:
        verdict = paint("not ready", _BOLD + _COLOURS["error"]) + f" ({counts})"
    files = f"{len(reports)} note{'s' if len(reports) != 1 else ''}"
    out.append(
        f"{files}: {verdict}" + (f", {ready} of {len(reports)} ready" if len(reports) > 1 else "")
    )
    sys.stdout.write("\n".join(out) + "\n")


def _line(path: str, f: Finding, paint: Any) -> str:
    where = f"{path}:{f.line}:{f.column}" if f.line is not None else path
    where = terminal_safe(where)
    parts = [
        f"{where}: {paint(f.severity, _COLOURS[f.severity])} {paint(f.rule, _BOLD)}",
    ]
    if f.excerpt is not None:
        parts[0] += f' "{_one_line(f.excerpt)}"'
    parts.append(f.message)
    if f.suggestion:
        parts.append(paint("try: ", _DIM) + _one_line(f.suggestion))
    return " \u2014 ".join(parts)


def _one_line(text: str) -> str:
    """An excerpt of the note on one line, its control characters shown, not obeyed."""
    return terminal_safe(" ".join(text.split()))
