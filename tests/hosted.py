"""What the tests of hosted mode share: an app on the real PostgreSQL fixture, with the
cheapest argon2 profile and a clock the test moves, and browsers-as-clients that sign up,
log in and send the CSRF token as a page would."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient

from afterword.accounts import cheapest_hasher
from afterword.config import HostedSettings
from afterword.web.app import create_app
from afterword.web.hosted import SESSION_COOKIE
from support import NOW

SECRET = "a-test-secret-that-is-long-enough-0123456789"
PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf(?:token|-token)" (?:value|content)="([^"]+)"')


class Clock:
    """The time the app reads; a test moves it on."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, by: timedelta) -> None:
        self.now += by


def hosted_app(database_url: str, clock: Clock, *, signup: bool = True) -> FastAPI:
    settings = HostedSettings(database_url, SECRET, signup=signup)
    return create_app(clock=clock, hosted=settings, password_hasher=cheapest_hasher())


def browser(app: FastAPI) -> TestClient:
    """A client on https (the cookies are Secure and ``__Host-``), not following redirects."""
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


def token(client: TestClient, page: str = "/login") -> str:
    """The CSRF token a page of ``page`` carries (as the browser would post it back)."""
    response = client.get(page)
    found = _TOKEN.search(response.text)
    assert found, f"no CSRF token on {page} ({response.status_code})"
    return found.group(1)


def post(client: TestClient, path: str, data: dict[str, str] | None = None, page: str = "/"):  # type: ignore[no-untyped-def]
    """Submit a form as its page would: with the page's CSRF token."""
    return client.post(path, data={**(data or {}), "csrftoken": token(client, page)})


def sign_up(client: TestClient, email: str, password: str = PASSWORD) -> int:
    response = post(
        client,
        "/signup",
        {"email": email, "password": password, "password_again": password},
        page="/signup",
    )
    assert response.status_code == 303, response.text
    assert client.cookies.get(SESSION_COOKIE)
    return user_id(client)


def log_in(client: TestClient, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return post(client, "/login", {"email": email, "password": password}, page="/login")


def user_id(client: TestClient) -> int:
    app: FastAPI = client.app  # type: ignore[assignment]
    found = app.state.hosted.accounts.user(client.cookies.get(SESSION_COOKIE))
    assert found is not None
    return int(found.id)
