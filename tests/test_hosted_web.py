"""Hosted mode's accounts through the web app, on the real PostgreSQL fixture: signing up,
logging in and out, sessions behind a ``__Host-`` cookie, throttled logins, CSRF, invitations
and the admin."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from afterword.accounts import FIRST_WAIT, FREE_TRIES, LOGIN_FAILED
from afterword.store.tables import InterviewRow, StoryRow
from afterword.web.hosted import CSRF_COOKIE, SESSION_COOKIE
from hosted import PASSWORD, Clock, browser, hosted_app, log_in, post, sign_up, token
from support import EXAMPLES, PostgresServer

pytestmark = pytest.mark.postgres


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(postgres: PostgresServer, clock: Clock) -> Iterator[FastAPI]:
    app = hosted_app(postgres.new_database(), clock)
    with browser(app):  # runs the lifespan
        yield app


def test_signing_up_logs_in_behind_a_secure_host_only_cookie(app: FastAPI) -> None:
    client = browser(app)
    response = post(
        client,
        "/signup",
        {"email": "Ana@Example.org", "password": PASSWORD, "password_again": PASSWORD},
        page="/signup",
    )
    assert response.status_code == 303
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "secure", "path"} <= attributes and "domain" not in attributes
    assert "samesite=lax" in cookie.lower() and "path=/" in cookie.lower()
    dashboard = client.get("/")
    assert dashboard.status_code == 200
    assert "Signed in as ana@example.org" in dashboard.text
    csrf = browser(app).get("/login").headers["set-cookie"]
    assert csrf.startswith(f"{CSRF_COOKIE}=") and "Secure" in csrf and "Path=/" in csrf


def test_without_a_login_pages_lead_to_it_and_the_api_says_401(app: FastAPI) -> None:
    client = browser(app)
    page = client.get("/interviews/1")
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/interviews/1"
    assert client.get("/api/interviews").status_code == 401
    assert client.post("/api/interviews", json={}).status_code == 401
    assert client.get("/static/afterword.js").status_code == 200
    assert client.get("/login").status_code == 200


def test_a_short_password_or_a_mistyped_one_is_refused_and_the_form_kept(app: FastAPI) -> None:
    client = browser(app)
    short = post(
        client,
        "/signup",
        {"email": "ana@example.org", "password": "short", "password_again": "short"},
        page="/signup",
    )
    assert short.status_code == 400 and "at least 12 characters" in short.text
    assert 'value="ana@example.org"' in short.text
    differ = post(
        client,
        "/signup",
        {"email": "ana@example.org", "password": PASSWORD, "password_again": PASSWORD + "x"},
        page="/signup",
    )
    assert differ.status_code == 400 and "the two passwords differ" in differ.text


def test_logging_in_gives_a_new_session_id_and_logging_out_ends_it(app: FastAPI) -> None:
    first = browser(app)
    sign_up(first, "ana@example.org")
    before = first.cookies.get(SESSION_COOKIE)
    assert log_in(first, "ana@example.org").status_code == 303
    after = first.cookies.get(SESSION_COOKIE)
    assert after and after != before
    # The session it replaced is over: a copy of the old cookie opens nothing.
    stale = browser(app)
    stale.cookies.set(SESSION_COOKIE, before or "")
    assert stale.get("/").status_code == 303
    assert post(first, "/logout").status_code == 303
    gone = browser(app)
    gone.cookies.set(SESSION_COOKIE, after)
    assert gone.get("/api/interviews").status_code == 401


def test_failed_logins_make_the_account_wait_and_say_nothing_more(
    app: FastAPI, clock: Clock
) -> None:
    sign_up(browser(app), "ana@example.org")
    client = browser(app)
    for _ in range(FREE_TRIES):
        wrong = log_in(client, "ana@example.org", "not the password at all")
        assert wrong.status_code == 401 and LOGIN_FAILED in wrong.text.replace("&#39;", "'")
    # Now even the right password waits: the same words, so a guesser learns nothing.
    locked = log_in(client, "ana@example.org")
    assert locked.status_code == 401
    unknown = log_in(client, "nobody@example.org")
    assert unknown.status_code == 401
    assert unknown.text.replace("nobody@", "ana@") == locked.text
    clock.advance(FIRST_WAIT + timedelta(seconds=1))
    assert log_in(client, "ana@example.org").status_code == 303
    # Counted per account and in the database: another client (or worker) sees the same.
    other = browser(app)
    for _ in range(FREE_TRIES):
        log_in(other, "ana@example.org", "wrong again, and again")
    assert log_in(browser(app), "ana@example.org").status_code == 401


def test_changing_the_password_logs_out_every_other_device(app: FastAPI) -> None:
    laptop, phone = browser(app), browser(app)
    sign_up(laptop, "ana@example.org")
    assert log_in(phone, "ana@example.org").status_code == 303
    wrong = post(
        laptop,
        "/account/password",
        {"current": "not it at all!", "new": "a new long password", "new_again": "x"},
    )
    assert wrong.status_code == 400
    changed = post(
        laptop,
        "/account/password",
        {
            "current": PASSWORD,
            "new": "a new long password",
            "new_again": "a new long password",
        },
    )
    assert changed.status_code == 303
    assert laptop.get("/account").status_code == 200
    assert phone.get("/account").status_code == 303
    assert log_in(browser(app), "ana@example.org").status_code == 401
    assert log_in(browser(app), "ana@example.org", "a new long password").status_code == 303


def test_log_out_everywhere_else_keeps_this_device(app: FastAPI) -> None:
    laptop, phone = browser(app), browser(app)
    sign_up(laptop, "ana@example.org")
    log_in(phone, "ana@example.org")
    response = post(laptop, "/account/sessions")
    assert response.status_code == 303 and "1+other" in response.headers["location"]
    assert laptop.get("/").status_code == 200
    assert phone.get("/").status_code == 303


def test_every_change_needs_the_csrf_token(app: FastAPI) -> None:
    client = browser(app)
    sign_up(client, "ana@example.org")
    assert client.post("/interviews/example").status_code == 403
    assert client.post("/api/stories", json={"title": "A story"}).status_code == 403
    good = token(client, "/")
    ok = client.post("/api/stories", json={"title": "A story"}, headers={"X-CSRFToken": good})
    assert ok.status_code == 201
    assert client.post("/interviews/example", data={"csrftoken": good}).status_code == 303
    # A form another site makes the browser send is refused, token or not.
    elsewhere = client.post(
        "/interviews/example",
        data={"csrftoken": good},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert elsewhere.status_code == 403
    # Logging someone in is a change too (login CSRF), even with no cookie yet.
    assert (
        browser(app).post("/login", data={"email": "a@b.org", "password": "x"}).status_code == 403
    )


def test_sign_up_by_invitation_only_when_it_is_closed(postgres: PostgresServer) -> None:
    clock = Clock()
    app = hosted_app(postgres.new_database(), clock, signup=False)
    accounts = app.state.hosted.accounts
    admin = accounts.create_user("admin@example.org", PASSWORD, "admin")
    stranger = browser(app)
    refused = post(
        stranger,
        "/signup",
        {"email": "ana@example.org", "password": PASSWORD, "password_again": PASSWORD},
        page="/login",
    )
    assert refused.status_code == 400 and "by invitation" in refused.text
    admin_client = browser(app)
    log_in(admin_client, "admin@example.org")
    page = post(admin_client, "/admin/invite", {"email": "ana@example.org"}, page="/admin")
    assert page.status_code == 200
    link = page.text.split("<code>")[1].split("</code>")[0].replace("&amp;", "&")
    invite = link.split("invite=")[1]
    assert "ana@example.org" not in link
    wrong_email = post(
        browser(app),
        "/signup",
        {
            "email": "eve@example.org",
            "password": PASSWORD,
            "password_again": PASSWORD,
            "invite": invite,
        },
        page="/login",
    )
    assert wrong_email.status_code == 400
    ana = browser(app)
    assert f'value="{invite}"' in ana.get(f"/signup?invite={invite}").text
    form = {
        "email": "ana@example.org",
        "password": PASSWORD,
        "password_again": PASSWORD,
        "invite": invite,
    }
    joined = post(ana, "/signup", form, page="/login")
    assert joined.status_code == 303
    again = post(browser(app), "/signup", form, page="/login")
    assert again.status_code == 400
    # A member has no admin page: to them it does not exist.
    assert ana.get("/admin").status_code == 404
    assert "ana@example.org" in admin_client.get("/admin").text
    assert admin.is_admin


def test_the_admin_deactivates_an_account_and_reads_none_of_its_notes(
    postgres: PostgresServer,
) -> None:
    app = hosted_app(postgres.new_database(), Clock())
    app.state.hosted.accounts.create_user("admin@example.org", PASSWORD, "admin")
    ana = browser(app)
    ana_id = sign_up(ana, "ana@example.org")
    post(ana, "/interviews/example")
    admin = browser(app)
    log_in(admin, "admin@example.org")
    assert "Acme" not in admin.get("/admin").text
    assert "Acme" not in admin.get("/").text
    assert admin.get("/api/interviews").json() == []
    done = post(admin, f"/admin/users/{ana_id}/active", {"active": "no"}, page="/admin")
    assert done.status_code == 303
    assert ana.get("/").status_code == 303
    assert log_in(browser(app), "ana@example.org").status_code == 401
    post(admin, f"/admin/users/{ana_id}/active", {"active": "yes"}, page="/admin")
    back = browser(app)
    assert log_in(back, "ana@example.org").status_code == 303
    assert "Acme" in back.get("/").text


def test_deleting_the_account_deletes_everything_in_it(app: FastAPI) -> None:
    ana, ben = browser(app), browser(app)
    ana_id = sign_up(ana, "ana@example.org")
    sign_up(ben, "ben@example.org")
    for client in (ana, ben):
        post(client, "/interviews/example")
    wrong = post(ana, "/account/delete", {"password": "not my password"}, page="/account")
    assert wrong.status_code == 400
    done = post(ana, "/account/delete", {"password": PASSWORD}, page="/account")
    assert done.status_code == 303
    assert ana.get("/").status_code == 303
    database = app.state.workspace.database
    with database.session() as session:
        owners = session.scalars(select(InterviewRow.owner_id)).all()
        stories = session.scalar(
            select(func.count()).select_from(StoryRow).where(StoryRow.owner_id == ana_id)
        )
    assert ana_id not in owners and owners and stories == 0
    assert "Acme" in ben.get("/").text
    assert log_in(browser(app), "ana@example.org").status_code == 401


def test_an_export_holds_only_its_owners_records(app: FastAPI) -> None:
    ana, ben = browser(app), browser(app)
    sign_up(ana, "ana@example.org")
    sign_up(ben, "ben@example.org")
    post(ana, "/interviews/example")
    refused = post(ben, "/settings/export", {"format": "json"}, page="/settings")
    assert refused.status_code == 400 and "password is not right" in refused.text
    exported = post(
        ben, "/settings/export", {"format": "json", "password": PASSWORD}, page="/settings"
    )
    assert exported.status_code == 200
    assert exported.json()["interviews"] == []
    assert "/settings/backup" not in ben.get("/settings").text
    assert EXAMPLES.exists()


def test_the_logs_hold_no_password_and_no_note_text(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    # Everything the app and its libraries log, at every level, while a person signs up,
    # mistypes a password, writes and checks a note and saves it.
    caplog.set_level(logging.DEBUG)
    secret_password = "violet-lantern-orbit-4417"
    note_text = "Dear Dana,\n\nMy salary at Brightline is 83,417 and I bombed the SQL question."
    client = browser(app)
    sign_up(client, "ana@example.org", secret_password)
    assert log_in(browser(app), "ana@example.org", "mistyped-" + secret_password).status_code
    post(client, "/interviews/example")
    csrf = {"X-CSRFToken": token(client, "/")}
    checked = client.post("/api/check", json={"text": note_text}, headers=csrf)
    assert checked.status_code == 200
    saved = client.put(
        "/api/interviews/1/notes/Dana%20Lee", json={"body": note_text, "version": 0}, headers=csrf
    )
    assert saved.status_code in (200, 409)
    logged = caplog.text
    assert caplog.records, "the app logged nothing to check"
    for secret in (secret_password, "83,417", "bombed the SQL"):
        assert secret not in logged
