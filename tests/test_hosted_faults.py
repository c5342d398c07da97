"""Hosted mode through faults, on real servers: a worker process killed and PostgreSQL
restarted while people are working. The app recovers by itself, only requests in flight may
fail, and nothing the app acknowledged is lost."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from types import ModuleType

import pytest
from fastapi import FastAPI

from afterword import config
from afterword.accounts import cheapest_hasher
from afterword.errors import AfterwordError
from afterword.store import db
from afterword.web.app import WARM_UP_THREAD
from hosted import Clock, browser, hosted_app, sign_up
from support import PostgresServer, bench_module

pytestmark = pytest.mark.postgres


def bench() -> ModuleType:
    return bench_module("hosted")


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A cluster of this test's own: it is restarted and stopped, which the session's
    shared one must not be."""
    try:
        server = PostgresServer()
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL is not available here: {exc}")
    yield server
    server.stop()


def test_a_killed_worker_and_a_postgres_restart_lose_nothing_acknowledged(
    own_postgres: PostgresServer,
) -> None:
    """bench/hosted.py's fault scenario, small: 10 people on 2 workers of `afterword serve`;
    a third of the way in a worker is killed (SIGKILL), two thirds in PostgreSQL restarts."""
    hosted = bench()
    outcome = hosted.simulate(
        10, 8, 2, with_faults=True, think=0.2, hasher=cheapest_hasher(), postgres=own_postgres
    )
    report = hosted.report(outcome)
    verdict = outcome.verdict
    assert verdict.lost == [] and verdict.unexpected == [], report
    assert verdict.interviews_acknowledged > 0 and verdict.checked > 0, report
    killed, restarted = outcome.run.faults
    assert killed.name == "worker killed" and restarted.name == "PostgreSQL restarted"
    # Both times the app answered again by itself, and uvicorn replaced the dead worker.
    assert killed.recovered is not None and restarted.recovered is not None, report
    assert killed.replaced, report
    # Only requests in flight during a fault failed: none before, between or after them.
    assert outcome.failures_outside_faults() == [], report
    # ...and people went on working after each fault: writes acknowledged after recovery.
    for fault in (killed, restarted):
        after = [
            r
            for r in outcome.run.requests
            if r.kind in hosted.WRITES and r.started > fault.recovered and not r.failed
        ]
        assert after, f"nothing written after {fault.name}\n{report}"
    # No unhandled error: a broken database connection is answered 503, not a traceback.
    assert outcome.tracebacks == [], report


@pytest.fixture
def app(own_postgres: PostgresServer) -> Iterator[FastAPI]:
    app = hosted_app(own_postgres.new_database(), Clock())
    with browser(app):  # runs the lifespan
        yield app


def test_a_request_waits_for_a_restarting_database_instead_of_failing(
    app: FastAPI, own_postgres: PostgresServer
) -> None:
    client = browser(app)
    sign_up(client, "ana@example.org")
    assert client.get("/api/interviews").status_code == 200
    # PostgreSQL goes away, every pooled connection with it, and comes back a moment later.
    own_postgres.shut_down()
    back = threading.Timer(0.5, own_postgres.start)
    back.start()
    try:
        response = client.get("/api/interviews")
    finally:
        back.join()
    assert response.status_code == 200, response.text
    assert client.get("/").status_code == 200


def test_while_the_database_stays_away_requests_get_503_then_work_again(
    app: FastAPI, own_postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = browser(app)
    sign_up(client, "ana@example.org")
    monkeypatch.setattr(db, "CONNECT_PATIENCE", 0.2)
    own_postgres.shut_down()
    try:
        api = client.get("/api/interviews")
        assert api.status_code == 503 and api.headers["retry-after"] == "2"
        assert "did not answer just now" in api.json()["detail"]
        page = client.get("/")
        assert page.status_code == 503 and "Try again in a moment" in page.text
        # The security headers are on these answers too.
        assert page.headers["x-frame-options"] == "DENY"
    finally:
        own_postgres.start()
    # The same app, not restarted, answers again: the same login still holds.
    assert client.get("/api/interviews").status_code == 200
    assert client.get("/").status_code == 200


def test_a_worker_started_while_the_database_restarts_waits_for_it(
    own_postgres: PostgresServer,
) -> None:
    """uvicorn replaces a worker that died; if PostgreSQL is restarting just then, the new
    worker used to die at start-up with a traceback ("cannot open the database"). One that
    `afterword serve` started (the database answered it before) waits, as a request does; the
    command line still says at once that a database does not answer."""
    url = own_postgres.new_database()
    db.Database(url).close()
    own_postgres.shut_down()
    try:
        with pytest.raises(AfterwordError, match="cannot open the database"):
            db.Database(url)
        back = threading.Timer(0.5, own_postgres.start)
        back.start()
        try:
            opened = db.Database(url, known=True)
        finally:
            back.join()
        opened.close()
    finally:
        if not _answers(url):
            own_postgres.start()


def test_a_worker_started_while_the_database_stays_away_starts_and_answers_503(
    own_postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A worker that uvicorn starts while PostgreSQL is away for longer than a request
    waits: it comes up without a query of its own (its master upgraded the schema), its
    dashboard warm-up says so in one line rather than a traceback, its requests are answered
    503, and it serves as soon as the database is back."""
    url = own_postgres.new_database()
    with browser(hosted_app(url, Clock())) as first:
        sign_up(first, "ana@example.org")
    monkeypatch.setenv(config.DATABASE_OPENED_VARIABLE, url)  # as `afterword serve` sets it
    monkeypatch.setattr(db, "CONNECT_PATIENCE", 0.2)
    unhandled: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: unhandled.append(args.exc_value))
    own_postgres.shut_down()
    try:
        worker = hosted_app(url, Clock())  # does not raise
        caplog.set_level("WARNING", logger="afterword")
        with browser(worker) as client:
            for thread in threading.enumerate():
                if thread.name == WARM_UP_THREAD:
                    thread.join(timeout=30)
            assert unhandled == []
            assert "database unavailable at start-up" in caplog.text
            client.cookies.update(first.cookies)  # Ana is logged in already
            assert client.get("/api/interviews").status_code == 503
            own_postgres.start()
            assert client.get("/api/interviews").status_code == 200
            assert client.get("/").status_code == 200
    finally:
        if not _answers(url):
            own_postgres.start()


def _answers(url: str) -> bool:
    try:
        db.Database(url).close()
    except AfterwordError:
        return False
    return True
