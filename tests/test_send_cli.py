"""`afterword send` against a real SMTP server on the loopback address: the settings, the
question before sending, dry runs, a send of unknown outcome settled by the user, and the
password kept out of everything."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli.app import app
from afterword.model import Note, NoteStatus
from afterword.services import Workspace
from mailserver import MailServer, serve
from support import EXAMPLES, NOW
from test_send import dump_database

runner = CliRunner(env={"COLUMNS": "200"})
SECRET = "cli-secret-Hq2!9931"

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture
def server() -> Iterator[MailServer]:
    yield from serve(user="alex", password=SECRET)


def settings(home: Path, text: str) -> None:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text(text)


@pytest.fixture
def ready(
    use_database: str, isolated_home: Path, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> str:
    """An interview with a saved draft to Dana Lee, the [smtp] settings and the password."""
    monkeypatch.setattr(Workspace, "now", lambda self: NOW)
    monkeypatch.setenv("AFTERWORD_SMTP_PASSWORD", SECRET)
    settings(
        isolated_home,
        f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\nuser = "alex"\n',
    )
    assert runner.invoke(app, ["import", str(EXAMPLES / "acme-first-round.yaml")]).exit_code == 0
    assert runner.invoke(app, ["draft", "1", "--save", "--seed", "1"]).exit_code == 0
    return use_database


def send(*args: str, input: str | None = None) -> object:
    return runner.invoke(app, ["send", "1", *args], input=input)


def test_send_yes_sends_once_and_keeps_the_password_out_of_everything(
    ready: str, server: MailServer
) -> None:
    result = send("--yes")
    assert result.exit_code == 0, result.output
    assert "Sent to Dana Lee <dana.lee@acme.example>" in result.stdout
    [arrival] = server.arrived
    assert arrival.recipients == ["dana.lee@acme.example"]
    assert server.logins == [(b"alex", SECRET.encode())]
    again = send("--yes")
    assert again.exit_code == 2 and "thanked Dana Lee already" in again.stderr
    assert len(server.arrived) == 1
    with Workspace(ready) as ws:
        stored = ws.note(1, "Dana Lee")
        assert stored is not None and stored.note.status is NoteStatus.sent
        assert SECRET not in dump_database(ws)
    assert SECRET not in result.output + again.output


def test_without_yes_it_shows_the_message_and_asks(ready: str, server: MailServer) -> None:
    refused = send()  # no one to answer
    assert refused.exit_code == 2
    assert refused.stderr.strip().splitlines() == [
        "error: nothing was sent: pass --yes to send without being asked"
    ]
    assert "To: Dana Lee <dana.lee@acme.example>" in refused.stdout
    with Workspace(ready) as ws:
        stored = ws.note(1, "Dana Lee")
    assert stored is not None
    assert f"Subject: {stored.note.subject}" in refused.stdout
    assert all(line in refused.stdout for line in stored.note.body.splitlines())

    declined = send(input="n\n")
    assert declined.exit_code == 0 and "Nothing was sent." in declined.stdout
    assert server.handler.seen == 0

    accepted = send(input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert "Send it to Dana Lee now?" in accepted.stdout and "Sent to Dana Lee" in accepted.stdout
    assert len(server.arrived) == 1


def test_dry_run_writes_the_eml_and_sends_nothing(
    ready: str, server: MailServer, tmp_path: Path
) -> None:
    result = send("--dry-run", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / "interview-1-dana-lee.eml"
    assert f"Wrote {path} (nothing was sent)." in result.stdout
    data = path.read_bytes()
    assert b"Message-ID: <" in data and b"To: Dana Lee <dana.lee@acme.example>" in data
    assert b"Date: Wed, 25 Nov 2026 09:00:00 -0500" in data
    assert server.handler.seen == 0 and server.logins == []


def test_a_dropped_connection_is_settled_by_the_user_never_resent_blindly(
    ready: str, server: MailServer
) -> None:
    server.handler.answers = ["drop"]
    first = send("--yes")
    assert first.exit_code == 3
    assert "Not known whether it went out" in first.stdout
    assert "Look in your Sent folder" in first.stdout and "--mark-sent" in first.stdout

    again = send("--yes")
    assert again.exit_code == 2 and "Sent folder" in again.stderr
    assert server.handler.seen == 1 and server.arrived == []

    assert send("--mark-sent", "--mark-not-sent").exit_code == 2
    settled = send("--mark-not-sent")
    assert settled.exit_code == 0 and "as not sent" in settled.stdout
    resent = send("--yes")
    assert resent.exit_code == 0, resent.output
    assert server.handler.seen == 2 and len(server.arrived) == 1
    nothing = send("--mark-sent")
    assert nothing.exit_code == 2 and "no send to Dana Lee of unknown outcome" in nothing.stderr


def test_a_rejected_message_fails_with_the_server_s_reason(ready: str, server: MailServer) -> None:
    server.handler.answers = ["554 5.7.1 Rejected by policy"]
    result = send("--yes")
    assert result.exit_code == 3
    assert "Not sent: the mail server refused the message: 554 5.7.1" in result.stdout
    assert "still a draft" in result.stdout


def test_a_note_with_errors_needs_force_and_is_sent_with_a_warning(
    ready: str, server: MailServer
) -> None:
    with Workspace(ready) as ws:
        ws.save_note(
            1,
            Note(
                to="Dana Lee",
                subject="Thank you",
                body="Dear Dana,\n\nThank you for your time. Sorry for my rambling answer about "
                "the email list.\n\nBest,\nAlex Kim",
            ),
        )
    refused = send("--yes")
    assert refused.exit_code == 2 and "--force" in refused.stderr and "apology" in refused.stderr
    forced = send("--yes", "--force")
    assert forced.exit_code == 0, forced.output
    assert "warning: sent with 2 error(s) left, as you asked: apology: " in forced.stderr
    assert len(server.arrived) == 1


def test_too_soon_is_refused_with_the_time(
    ready: str, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    early = datetime.fromisoformat("2026-11-24T16:00:00-05:00")
    monkeypatch.setattr(Workspace, "now", lambda self: early)
    result = send("--yes")
    assert result.exit_code == 2 and "not before 16:30" in result.stderr
    assert server.handler.seen == 0


def test_smtp_settings_are_checked_and_named(
    use_database: str, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Workspace, "now", lambda self: NOW)
    assert runner.invoke(app, ["import", str(EXAMPLES / "acme-first-round.yaml")]).exit_code == 0
    assert runner.invoke(app, ["draft", "1", "--save", "--seed", "1"]).exit_code == 0
    missing = send("--yes")
    assert missing.exit_code == 2 and "add an [smtp] table" in missing.stderr
    cases = {
        '[smtp]\nhost = "mail.example.org"\nsecurity = "ssl"\n': "security must be one of",
        '[smtp]\nhost = "mail.example.org"\nport = "x"\n': "port must be a number",
        '[smtp]\nhost = "mail.example.org"\npassword = "p"\n': "keep the password out",
        '[smtp]\nhost = "mail.example.org"\nsecurity = "none"\nuser = "a"\n': "unencrypted",
        "smtp = 3\n": "[smtp] must be a table",
    }
    for text, message in cases.items():
        settings(isolated_home, text)
        result = send("--yes")
        assert result.exit_code == 2, text
        assert "settings.toml" in result.stderr and message in result.stderr, result.stderr
    settings(isolated_home, '[smtp]\nhost = "mail.example.org"\nuser = "alex"\n')
    monkeypatch.delenv("AFTERWORD_SMTP_PASSWORD", raising=False)
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed
    result = send("--yes")
    assert result.exit_code == 2
    assert "no password for alex: set AFTERWORD_SMTP_PASSWORD" in result.stderr


def test_the_password_can_come_from_the_system_keyring(
    ready: str, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AFTERWORD_SMTP_PASSWORD")
    asked: list[tuple[str, str]] = []

    def get_password(service: str, user: str) -> str:
        asked.append((service, user))
        return SECRET

    fake = types.ModuleType("keyring")
    fake.get_password = get_password  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    result = send("--yes")
    assert result.exit_code == 0, result.output
    assert asked == [("afterword", "alex")] and len(server.arrived) == 1
