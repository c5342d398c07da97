"""Hosted mode: it refuses to start without its settings, saying which are missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli.app import app
from afterword.config import ConfigError
from afterword.web.app import create_app
from support import PostgresServer

runner = CliRunner()
SECRET = "s" * 48


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({}, ["AFTERWORD_DATABASE_URL is not set", "AFTERWORD_SECRET_KEY"]),
        (
            {"AFTERWORD_DATABASE_URL": "sqlite:///x.db", "AFTERWORD_SECRET_KEY": SECRET},
            ["must name a PostgreSQL database"],
        ),
        (
            {"AFTERWORD_DATABASE_URL": "postgresql://u@h/d", "AFTERWORD_SECRET_KEY": "short"},
            ["AFTERWORD_SECRET_KEY must be a random secret of at least 32"],
        ),
        (
            {
                "AFTERWORD_DATABASE_URL": "postgresql://u@h/d",
                "AFTERWORD_SECRET_KEY": SECRET,
                "AFTERWORD_SIGNUP": "maybe",
            },
            ["AFTERWORD_SIGNUP='maybe'"],
        ),
    ],
)
def test_hosted_mode_refuses_to_start_without_its_settings(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], missing: list[str]
) -> None:
    monkeypatch.setenv("AFTERWORD_MODE", "hosted")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "hosted mode (AFTERWORD_MODE=hosted) cannot start" in result.stderr
    for words in missing:
        assert words in result.stderr
    assert SECRET not in result.stderr
    with pytest.raises(ConfigError, match="cannot start"):
        create_app()


def test_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERWORD_MODE", "cloud")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "AFTERWORD_MODE='cloud': use local (the default) or hosted" in result.stderr


def test_local_mode_still_serves_this_computer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AFTERWORD_MODE", raising=False)
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "keep --host 127.0.0.1" in result.stderr


def test_local_mode_has_no_login_and_no_tokens(tmp_path: Path) -> None:
    """Local mode is as it always was: the dashboard opens at once, with no account pages,
    no CSRF field in its forms and no cookie."""
    from fastapi.testclient import TestClient

    from support import clock

    with TestClient(create_app(f"sqlite:///{tmp_path / 'a.db'}", clock=clock)) as client:
        dashboard = client.get("/")
        assert dashboard.status_code == 200
        assert "csrftoken" not in dashboard.text and "Log out" not in dashboard.text
        assert "Afterword keeps your notes on this computer." in dashboard.text
        assert "set-cookie" not in dashboard.headers
        assert client.get("/login").status_code == 404
        example = client.post("/interviews/example")
        assert example.status_code == 200 and "Acme Robotics" in example.text


@pytest.mark.postgres
def test_the_first_admin_is_made_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, postgres: PostgresServer
) -> None:
    from afterword.accounts import Accounts, cheapest_hasher
    from afterword.store.db import Database
    from support import clock

    url = postgres.new_database()
    monkeypatch.setenv("AFTERWORD_MODE", "hosted")
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", url)
    monkeypatch.setenv("AFTERWORD_SECRET_KEY", SECRET)
    password = "a long admin password"
    result = runner.invoke(
        app, ["account", "add", "Coach@Example.org", "--admin"], input=f"{password}\n{password}\n"
    )
    assert result.exit_code == 0, result.output
    assert "Made the admin account coach@example.org." in result.stdout
    assert password not in result.stdout
    again = runner.invoke(
        app, ["account", "add", "coach@example.org"], input=f"{password}\n{password}\n"
    )
    assert again.exit_code == 2 and "already an account" in again.stderr
    database = Database(url)
    try:
        login = Accounts(database, clock, cheapest_hasher()).log_in("coach@example.org", password)
        assert login.user.is_admin
    finally:
        database.close()


def test_the_command_line_does_not_pretend_to_see_a_hosted_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AFTERWORD_MODE", "hosted")
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", "postgresql://u@127.0.0.1:1/d")
    monkeypatch.setenv("AFTERWORD_SECRET_KEY", SECRET)
    for command in (["list"], ["story", "list"], ["due"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, command
        assert "reached through the web app" in result.stderr


def test_hosted_mode_refuses_to_serve_any_host_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the site's host name (or address), a request naming any host would be
    answered, and whatever the app builds from that name would lead elsewhere."""
    monkeypatch.setenv("AFTERWORD_MODE", "hosted")
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", "postgresql://u@127.0.0.1:1/d")
    monkeypatch.setenv("AFTERWORD_SECRET_KEY", SECRET)
    monkeypatch.delenv("AFTERWORD_ALLOWED_HOSTS", raising=False)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "set AFTERWORD_ALLOWED_HOSTS to the site's host name" in result.stderr
