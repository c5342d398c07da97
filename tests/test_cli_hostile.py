"""The CLI with hostile text: markup and escape sequences are shown as written, a bug's one
line holds no SQL nor data, and `serve` keeps to this computer."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli.app import _unexpected, app

runner = CliRunner(env={"COLUMNS": "120"})
ESC = "\x1b"


def run(*args: str, input: str | None = None) -> object:
    return runner.invoke(app, list(args), input=input)


HOSTILE_FILE = (
    'company: "Acme\\e[2J [bold red]x[/] Labs"\n'
    'role: "PM\\e]0;pwned\\a"\n'
    "ended_at: 2026-11-24T15:30:00-05:00\n"
    'interviewers: [{name: "Dana\\e[31m Lee [/]", email: dana@acme.example}]\n'
    "causes: [nerves]\n"
    'moments: [{question: "Why [/] \\e[2J?", kind: could_be_better, topic: email}]\n'
    'stories: [{title: "Growth [/b] \\e[2J", result: "Grew email capture 200%", '
    "skills: [email]}]\n"
)


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("show", "1"),
        ("story", "list"),
        ("story", "show", "1"),
        ("evidence", "1"),
        ("answer", "1", "1"),
        ("draft", "1"),
        ("sent", "1", "--to", "Nobody \x1b[2J [/]"),
    ],
    ids=" ".join,
)
def test_markup_and_escape_sequences_in_user_text_are_shown_not_obeyed(
    use_database: str, tmp_path: Path, command: tuple[str, ...]
) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE_FILE)
    assert run("import", str(source)).exit_code == 0
    result = run(*command)
    assert result.exit_code in (0, 2), result.output  # 2: `sent` to nobody is a user error
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert ESC not in result.stdout and ESC not in result.stderr
    shown = result.stdout + result.stderr
    # The escape character is drawn as its picture (␛), the rest of the sequence as text.
    assert "\u241b[2J" in shown or "\u241b[31m" in shown, shown
    if command[0] in ("list", "show"):
        assert "[bold red]x[/] Labs" in shown


def test_a_bug_is_one_line_without_sql_or_row_data() -> None:
    from sqlalchemy.exc import StatementError

    error = StatementError(
        "(builtins.OverflowError) date value out of range",
        "INSERT INTO interviews (company, role) VALUES (?, ?)",
        ("Secret Corp", "Secret role"),
        OverflowError("date value out of range"),
    )
    line = _unexpected(error)
    assert line == (
        "unexpected database error (OverflowError: date value out of range) "
        "(run again with --debug to see where)"
    )
    assert "INSERT" not in line and "Secret" not in line
    assert _unexpected(ValueError("first\nsecond")) == (
        "unexpected ValueError: first (run again with --debug to see where)"
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_serve_refuses_an_address_other_computers_can_reach(host: str) -> None:
    result = run("serve", "--host", host)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: --host {host}: other computers could reach your interviews there; the app "
        "serves this computer only (keep --host 127.0.0.1)"
    ]


def test_serve_accepts_loopback_addresses() -> None:
    from afterword.cli.serve import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "my-laptop.local"))
