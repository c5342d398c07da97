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
from fastapi.testclient import TestClient
from httpx import Response
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
    settings = HostedSettings(
        postgres.new_database(), SECRET, signup=True, mail=mail, site_url="https://testserver"
    )
    app = create_app(clock=clock, hosted=settings, password_hasher=cheapest_hasher())
    with browser(app):  # runs the lifespan
        yield app


def _ask_for_a_link(app: FastAPI, email: str) -> str:
    stranger = browser(app)
    response = post(stranger, "/password/forgot", {"email": email}, page="/password/forgot")
    assert response.status_code == 200
    assert RESET_SENT in response.text.replace("&#39;", "'")
    return response.text


def _open(client: TestClient, link: str) -> Response:
    """Open a mailed link as a browser does: it moves the token into a cookie and leads to
    the same page without it."""
    opened = client.get(link)
    assert opened.status_code == 303 and opened.headers["location"] == "/password/reset"
    return client.get("/password/reset")


def _set(client: TestClient, password: str, again: str | None = None) -> Response:
    data = {"password": password, "password_again": password if again is None else again}
    return post(client, "/password/reset", data, page="/login")


def _mailed_link(server: MailServer, index: int = -1) -> str:
    found = _LINK.search(server.arrived[index].message.get_content())
    assert found is not None
    return found.group()


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
    form = _open(stranger, link.group())
    assert form.status_code == 200 and "New password" in form.text
    assert form.headers["cache-control"] == "no-store"
    secret = link.group().rpartition("=")[2]
    assert secret not in form.text  # neither the page's address nor its form holds it
    typo = _set(stranger, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert typo.status_code == 400 and "the two passwords differ" in typo.text
    assert "New password" in typo.text  # the link still works: a typo does not spend it

    done = _set(stranger, NEW_PASSWORD)
    assert done.status_code == 303 and stranger.cookies.get(SESSION_COOKIE)
    assert "ana@example.org" in stranger.get("/").text
    # Ana's other login (the browser she signed up in) is over.
    assert ana.get("/").status_code == 303
    assert log_in(browser(app), "ana@example.org").status_code == 401
    assert log_in(browser(app), "ana@example.org", NEW_PASSWORD).status_code == 303

    again = _open(browser(app), link.group())
    assert again.status_code == 400 and "cannot be used" in again.text
    reuse = browser(app)
    _open(reuse, link.group())
    refused = _set(reuse, PASSWORD)
    assert refused.status_code == 400 and "cannot be used" in refused.text
    assert log_in(browser(app), "ana@example.org", NEW_PASSWORD).status_code == 303


def test_the_link_leads_to_the_sites_own_address_whatever_host_the_request_named(
    app: FastAPI, postgres: PostgresServer, clock: Clock, server: MailServer
) -> None:
    """A request addressed to another host name is refused outright (the site's address
    names the one host it answers to); and where an operator let more names through, the
    mailed link still leads to the site's own address, never to the name a request gave."""
    elsewhere = TestClient(app, base_url="https://attacker.example", follow_redirects=False)
    assert elsewhere.get("/password/forgot").status_code == 421

    mail = SmtpSettings(
        "127.0.0.1", server.port, security="none", sender="no-reply@example.org", timeout=5.0
    )
    settings = HostedSettings(
        postgres.new_database(), SECRET, signup=True, mail=mail, site_url="https://testserver"
    )
    lax = create_app(
        clock=clock,
        hosted=settings,
        password_hasher=cheapest_hasher(),
        allowed_hosts=["testserver", "attacker.example"],
    )
    with browser(lax):
        sign_up(browser(lax), "ana@example.org")
        stranger = TestClient(lax, base_url="https://attacker.example", follow_redirects=False)
        asked = post(stranger, "/password/forgot", {"email": "ana@example.org"}, "/password/forgot")
        assert asked.status_code == 200
    body = server.arrived[0].message.get_content()
    assert "attacker.example" not in body and "https://testserver/password/reset?" in body


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
    first = _mailed_link(server)
    clock.advance(timedelta(hours=1, seconds=1))
    late = _open(browser(app), first)
    assert late.status_code == 400 and "cannot be used" in late.text

    _ask_for_a_link(app, "ana@example.org")
    second = _mailed_link(server)
    # Ana remembers her password and changes it: the link mailed before stops working.
    changed = post(
        ana,
        "/account/password",
        {"current": PASSWORD, "new": NEW_PASSWORD, "new_again": NEW_PASSWORD},
        page="/account",
    )
    assert changed.status_code == 303, changed.text
    assert _open(browser(app), second).status_code == 400


def test_deactivating_an_account_spends_its_links(
    app: FastAPI, server: MailServer, clock: Clock
) -> None:
    ana = browser(app)
    ana_id = sign_up(ana, "ana@example.org")
    _ask_for_a_link(app, "ana@example.org")
    link = _mailed_link(server)
    admin = app.state.hosted.accounts.create_user("root@example.org", PASSWORD, "admin")
    app.state.hosted.accounts.set_active(admin.id, ana_id, False)
    app.state.hosted.accounts.set_active(admin.id, ana_id, True)
    assert _open(browser(app), link).status_code == 400


def test_a_locked_account_can_set_a_new_password_and_log_in_at_once(
    app: FastAPI, server: MailServer
) -> None:
    sign_up(browser(app), "ana@example.org")
    for _ in range(6):
        assert log_in(browser(app), "ana@example.org", "wrong guess here").status_code == 401
    locked = log_in(browser(app), "ana@example.org")
    assert locked.status_code == 401 and LOGIN_FAILED[:40] in locked.text.replace("&#39;", "'")
    _ask_for_a_link(app, "ana@example.org")
    client = browser(app)
    _open(client, _mailed_link(server))
    assert _set(client, NEW_PASSWORD).status_code == 303
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
        client = browser(app)
        _open(client, link.group())
        assert _set(client, NEW_PASSWORD).status_code == 303
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
    with pytest.raises(config.ConfigError, match="AFTERWORD_SITE_URL is not set"):
        config.hosted_settings()
    monkeypatch.setenv("AFTERWORD_SITE_URL", "https://Afterword.example.org/app")
    with pytest.raises(config.ConfigError, match="no path"):
        config.hosted_settings()
    monkeypatch.setenv("AFTERWORD_SITE_URL", "https://Afterword.example.org/")
    hosted = config.hosted_settings()
    assert hosted.site_url == "https://afterword.example.org"
    mail = hosted.mail
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
