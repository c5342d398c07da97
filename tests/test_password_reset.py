"""Forgotten passwords in hosted mode, on the real PostgreSQL fixture and a real SMTP server
on loopback: the login page mails a link that sets a new password once, within its hour,
and ends every other login; the answer never tells which emails have accounts; a site that
sends no mail has the operator print the link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from afterword.accounts import LOGIN_FAILED, RESET_INTERVAL, cheapest_hasher
from afterword.cli.app import app as cli
from afterword.config import HostedSettings
from afterword.mail import SmtpSettings
from afterword.web.app import create_app
from afterword.web.hosted import SESSION_COOKIE
from afterword.web.views.accounts import RESET_SENT
from hosted import PASSWORD, SECRET, Clock, browser, hosted_app, log_in, post, sign_up
from mailserver import MailServer, serve
from support import PostgresServer

pytestmark = pytest.mark.postgres

NEW_PASSWORD = "a brand new passphrase for ana"
_LINK = re.compile(r"https://testserver/password/reset\?token=[\w-]+")


@pytest.fixture
def server() -> Iterator[MailServer]:
    yield from serve()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(postgres: PostgresServer, clock: Clock, server: MailServer) -> Iterator[FastAPI]:
    mail = SmtpSettings(
        "127.0.0.1", server.port, security="none", sender="no-reply@example.org", timeout=5.0
    )
    settings = HostedSettings(postgres.new_database(), SECRET, signup=True, mail=mail)
    app = create_app(clock=clock, hosted=settings, password_hasher=cheapest_hasher())
    with browser(app):  # runs the lifespan
        yield app


def _ask_for_a_link(app: FastAPI, email: str) -> str:
    stranger = browser(app)
    response = post(stranger, "/password/forgot", {"email": email}, page="/password/forgot")
    assert response.status_code == 200
    assert RESET_SENT in response.text.replace("&#39;", "'")
    return response.text


def test_a_mailed_link_sets_a_new_password_once_and_ends_every_other_login(
    app: FastAPI, server: MailServer
) -> None:
    ana = browser(app)
    sign_up(ana, "ana@example.org")
    assert "Forgot your password?" in browser(app).get("/login").text

    _ask_for_a_link(app, "Ana@Example.org")
    assert len(server.arrived) == 1
    mail = server.arrived[0]
    assert mail.recipients == ["ana@example.org"]
    assert mail.message["From"] == "no-reply@example.org"
    body = mail.message.get_content()
    link = _LINK.search(body)
    assert link is not None, body

    stranger = browser(app)
    form = stranger.get(link.group())
    assert form.status_code == 200 and "New password" in form.text
    token = link.group().rpartition("=")[2]
    typo = post(
        stranger,
        "/password/reset",
        {"token": token, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD + "x"},
        page="/login",
    )
    assert typo.status_code == 400 and "the two passwords differ" in typo.text
    assert 'name="token"' in typo.text  # the link still works: a typo does not spend it

    done = post(
        stranger,
        "/password/reset",
        {"token": token, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
        page="/login",
    )
    assert done.status_code == 303 and stranger.cookies.get(SESSION_COOKIE)
    assert "ana@example.org" in stranger.get("/").text
    # Ana's other login (the browser she signed up in) is over.
    assert ana.get("/").status_code == 303
    assert log_in(browser(app), "ana@example.org").status_code == 401
    assert log_in(browser(app), "ana@example.org", NEW_PASSWORD).status_code == 303

    again = browser(app).get(link.group())
    assert again.status_code == 400 and "cannot be used" in again.text
    reuse = post(
        browser(app),
        "/password/reset",
        {"token": token, "password": PASSWORD, "password_again": PASSWORD},
        page="/login",
    )
    assert reuse.status_code == 400 and "cannot be used" in reuse.text
    assert log_in(browser(app), "ana@example.org", NEW_PASSWORD).status_code == 303


def test_the_answer_is_the_same_for_any_email_and_inboxes_are_not_flooded(
    app: FastAPI, server: MailServer, clock: Clock
) -> None:
    sign_up(browser(app), "ana@example.org")
    for email in ("nobody@example.org", "not an email", "ana@example.org", "ana@example.org"):
        _ask_for_a_link(app, email)
    assert [m.recipients for m in server.arrived] == [["ana@example.org"]]
    clock.advance(RESET_INTERVAL + timedelta(seconds=1))
    _ask_for_a_link(app, "ana@example.org")
    assert len(server.arrived) == 2


def test_a_link_is_refused_after_its_hour_and_a_new_password_spends_older_links(
    app: FastAPI, server: MailServer, clock: Clock
) -> None:
    ana = browser(app)
    sign_up(ana, "ana@example.org")
    _ask_for_a_link(app, "ana@example.org")
    first = _LINK.search(server.arrived[0].message.get_content())
    assert first is not None
    clock.advance(timedelta(hours=1, seconds=1))
    late = browser(app).get(first.group())
    assert late.status_code == 400 and "cannot be used" in late.text

    _ask_for_a_link(app, "ana@example.org")
    second = _LINK.search(server.arrived[1].message.get_content())
    assert second is not None
    # Ana remembers her password and changes it: the link mailed before stops working.
    changed = post(
        ana,
        "/account/password",
        {"current": PASSWORD, "new": NEW_PASSWORD, "new_again": NEW_PASSWORD},
        page="/account",
    )
    assert changed.status_code == 303, changed.text
    assert browser(app).get(second.group()).status_code == 400


def test_a_locked_account_can_set_a_new_password_and_log_in_at_once(
    app: FastAPI, server: MailServer
) -> None:
    sign_up(browser(app), "ana@example.org")
    for _ in range(6):
        assert log_in(browser(app), "ana@example.org", "wrong guess here").status_code == 401
    locked = log_in(browser(app), "ana@example.org")
    assert locked.status_code == 401 and LOGIN_FAILED[:40] in locked.text.replace("&#39;", "'")
    _ask_for_a_link(app, "ana@example.org")
    link = _LINK.search(server.arrived[0].message.get_content())
    assert link is not None
    token = link.group().rpartition("=")[2]
    client = browser(app)
    data = {"token": token, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    assert post(client, "/password/reset", data, page="/login").status_code == 303
    assert log_in(browser(app), "ana@example.org", NEW_PASSWORD).status_code == 303


def test_without_mail_the_page_says_whom_to_ask_and_the_operator_prints_a_link(
    postgres: PostgresServer, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = postgres.new_database()
    app = hosted_app(url, clock)
    with browser(app):
        sign_up(browser(app), "ana@example.org")
        page = browser(app).get("/password/forgot")
        assert "does not send mail" in page.text and 'name="email"' not in page.text
        refused = post(browser(app), "/password/forgot", {"email": "ana@example.org"}, "/login")
        assert refused.status_code == 404

        monkeypatch.setenv("AFTERWORD_MODE", "hosted")
        monkeypatch.setenv("AFTERWORD_DATABASE_URL", url)
        monkeypatch.setenv("AFTERWORD_SECRET_KEY", SECRET)
        runner = CliRunner()
        printed = runner.invoke(
            cli, ["account", "reset", "ana@example.org", "--site", "https://testserver"]
        )
        assert printed.exit_code == 0, printed.output
        link = _LINK.search(printed.stdout)
        assert link is not None
        token = link.group().rpartition("=")[2]
        data = {"token": token, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
        assert post(browser(app), "/password/reset", data, "/login").status_code == 303
        unknown = runner.invoke(
            cli, ["account", "reset", "bob@example.org", "--site", "https://testserver"]
        )
        assert unknown.exit_code != 0 and "no account for bob@example.org" in unknown.stderr
        plain = runner.invoke(
            cli, ["account", "reset", "ana@example.org", "--site", "http://testserver"]
        )
        assert plain.exit_code == 2 and "https" in plain.stderr


def test_the_sites_mail_server_comes_from_the_settings_file_and_needs_a_from_address(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    from afterword import config

    monkeypatch.setenv("AFTERWORD_MODE", "hosted")
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", "postgresql://u@127.0.0.1/d")
    monkeypatch.setenv("AFTERWORD_SECRET_KEY", SECRET)
    monkeypatch.setenv("AFTERWORD_SMTP_PASSWORD", "mail-secret")
    assert config.hosted_settings().mail is None
    settings_file = config.settings_path()
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('[smtp]\nhost = "smtp.example.org"\nuser = "site"\n')
    with pytest.raises(config.ConfigError, match="needs a `from` address"):
        config.hosted_settings()
    settings_file.write_text(
        '[smtp]\nhost = "smtp.example.org"\nuser = "site"\nfrom = "no-reply@example.org"\n'
    )
    mail = config.hosted_settings().mail
    assert mail is not None and mail.sender == "no-reply@example.org"
    assert mail.password == "mail-secret" and "mail-secret" not in repr(mail)


def test_the_sites_mail_server_never_sends_a_members_note(
    app: FastAPI, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The operator's [smtp] is the site's (for password links): a member's thank-you note
    goes out from the member's own mailbox, so there is no Send button, and a send asked
    for anyway sends nothing and says what to do instead."""
    from afterword import config
    from hosted import user_id
    from support import EXAMPLES

    settings_file = config.settings_path()
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\n'
        'from = "no-reply@example.org"\n'
    )
    ana = browser(app)
    sign_up(ana, "ana@example.org")
    interview = app.state.hosted.workspace_for(user_id(ana)).import_file(
        EXAMPLES / "acme-first-round.yaml"
    )
    page = f"/interviews/{interview}/notes?to=Dana%20Lee"
    body = "Dear Dana,\n\nThank you for the conversation about the launch.\n\nBest,\nAna"
    sent = post(
        ana,
        f"/interviews/{interview}/notes/send?to=Dana%20Lee",
        {"subject": "Thank you", "body": body, "force": "1"},
        page=page,
    )
    assert sent.status_code == 303
    shown = ana.get(sent.headers["location"])
    assert "your own mailbox" in shown.text and "Download .eml" in shown.text
    assert "data-smtp-send" not in shown.text
    assert server.arrived == []
