"""Isolation between accounts, walked over every route of the hosted app against the real
PostgreSQL server: Ben, logged in, tries each route and API endpoint on Ana's interview,
story, note, practice card and share with a coach. He gets exactly what he gets for an id that
was never used (404, never 403: nothing tells him the record exists), nothing of hers appears
in any answer, and her records are unchanged afterwards. Someone not logged in gets nothing at
all.

The routes are read from the app itself, so a route added later is walked too; one with a
path parameter this test does not know fails it until the parameter is added here."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from afterword.debrief_file import DebriefFile, load_debrief_file
from afterword.model import Note, Research, Story
from afterword.services import Workspace
from afterword.web.hosted import PUBLIC
from hosted import PASSWORD, Clock, browser, hosted_app, sign_up, token, user_id
from support import EXAMPLES, PostgresServer

pytestmark = pytest.mark.postgres

#: Words only Ana's records hold: none may reach Ben, nor anyone not logged in.
MARKERS = (
    "Zyxwvu Robotics",
    "Qqjx secret story",
    "Plmokn",
    "Wqazsx",
    "ana@example.org",
    "Edcrfv coach",
)
#: Parameters that name a record someone owns (tried with Ana's id and with an unused one).
OWNED = ("interview_id", "story_id", "card_id", "user_id", "share_id")
#: Other parameters, and what to put there.
OTHER = {"to": "Dana Lee", "name": "feelings", "step": "feeling"}
UNUSED = 987_654_321
#: Answers to every field a form of the app asks for: the forms are sent filled in, so that a
#: refusal is the ownership check's, not the form's.
FORM = {
    "to": "Dana Lee",
    "subject": "Thank you",
    "body": "Dear Dana, thank you for your time today. I look forward to next steps.",
    "version": "1",
    "feeling": "3",
    "causes": "nerves",
    "question": "How would you grow our list?",
    "kind": "could_be_better",
    "index": "0",
    "lesson": "Prepare one story with a number",
    "lessons": "Prepare one story with a number",
    "topic": "email",
    "text": "Some research",
    "outcome": "rejected",
    "rating": "good",
    "answer": "An answer",
    "found": "no",
    "moment": "1",
    "story": "Email capture growth",
    "title": "Ben's own story",
    "company": "Ben Co",
    "role": "Analyst",
    "format": "video",
    "ended_at": "2026-11-24T15:30",
    "zone": "America/New_York",
    "interviewer_name": "Dana Lee",
    "tone": "warm",
    "email": "someone@example.org",
    "password": "not anyone's password",
    "current": "not anyone's password",
    "active": "no",
    "format_": "json",
}


def _routes(app: FastAPI) -> list[tuple[str, str, Any]]:
    """(method, path, route) for every route of the app, included routers opened up."""

    def walk(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
        for route in routes:
            if hasattr(route, "original_router"):  # FastAPI's included router
                yield from walk(route.original_router.routes, prefix + route.include_context.prefix)
            else:
                yield prefix + route.path, route

    found = []
    for path, route in walk(app.routes):
        for method in sorted(getattr(route, "methods", None) or {"GET"}):
            if method != "HEAD":
                found.append((method, path, route))
    return found


def _fill(path: str, ids: dict[str, int]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        if name in ids:
            return str(ids[name])
        assert name in OTHER, f"a route has the parameter {name!r}: add it to this test"
        return OTHER[name]

    return re.sub(r"\{([^}]+)\}", value, path)


def _json_body(method: str, path: str, ids: dict[str, int]) -> Any:
    debrief = json.loads(
        DebriefFile.from_interview(
            load_debrief_file(EXAMPLES / "acme-first-round.yaml")
        ).model_dump_json(exclude_defaults=True)
    )
    if path == "/api/check":
        return {"text": FORM["body"], "interview_id": ids["interview_id"]}
    if path.startswith("/api/stories"):
        return {"title": "Ben's own story"}
    if path.startswith("/api/practice/"):
        return {"rating": "good"}
    if "/notes/" in path:
        return {"subject": "Thanks", "body": FORM["body"]}
    if path.startswith("/api/interviews") and method in ("POST", "PUT") and path.count("/") <= 3:
        return debrief
    return {}


def _send(client: TestClient, method: str, template: str, ids: dict[str, int]) -> Response:
    # Some routes name the interviewer in the query (?to=): every request carries one.
    path = _fill(template, ids) + "?to=Dana%20Lee"
    csrf = token(client, "/login")
    if template.startswith("/api/"):
        body = _json_body(method, template, ids) if method in ("POST", "PUT") else None
        return client.request(method, path, json=body, headers={"X-CSRFToken": csrf})
    if method == "GET":
        return client.get(path)
    if template in ("/interviews/import", "/settings/restore"):
        return client.post(
            path,
            data={"csrftoken": csrf},
            files={"file": ("x.json", b'{"company": "Ben Co"}', "application/json")},
        )
    return client.post(path, data={**FORM, "csrftoken": csrf})


@pytest.fixture
def app(postgres: PostgresServer) -> Iterator[FastAPI]:
    app = hosted_app(postgres.new_database(), Clock())
    with browser(app):
        yield app


def _anas_records(ana: Workspace) -> dict[str, int]:
    interview = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    interview = interview.model_copy(
        update={
            "company": "Zyxwvu Robotics",
            "research": [Research(topic="their robots", text="Wqazsx: the warehouse line")],
        }
    )
    interview_id = ana.add_interview(interview)
    ana.save_note(
        interview_id,
        Note(to="Dana Lee", subject="Thanks", body="Dear Dana, Plmokn was a great topic."),
    )
    story_id = ana.add_story(Story(title="Qqjx secret story", result="Grew it 200%"))
    ana.practice_fuzzing = False
    card = next(q.card for q in ana.practice().today if q.card)
    return {"interview_id": interview_id, "story_id": story_id, "card_id": card.id}


def _shared_with_a_coach(app: FastAPI, ana_id: int, interview_id: int) -> dict[str, int]:
    """Ana shares her interview and her insights with a coach, who comments on it: what is
    shared with one account is still nobody else's."""
    hosted = app.state.hosted
    coach = hosted.accounts.create_user("coach@example.org", PASSWORD, "coach")
    share, _ = hosted.sharing.share(ana_id, coach.email, interview_id, PASSWORD)
    hosted.sharing.share(ana_id, coach.email, None, PASSWORD)
    hosted.sharing.comment(coach.id, interview_id, "Edcrfv coach comment")
    return {"share_id": share.id}


def _snapshot(ana: Workspace) -> Any:
    return ana.export_all().model_dump(mode="json", exclude={"exported_at"})


def test_the_isolation_walk_one_account_never_reaches_anothers_records(app: FastAPI) -> None:
    ana_client, ben = browser(app), browser(app)
    ana_id = sign_up(ana_client, "ana@example.org")
    sign_up(ben, "ben@example.org")
    ana = app.state.hosted.workspace_for(ana_id)
    ids = {**_anas_records(ana), "user_id": ana_id}
    ids |= _shared_with_a_coach(app, ana_id, ids["interview_id"])
    unused = dict.fromkeys(OWNED, UNUSED)
    before = _snapshot(ana)
    # Ben has records of his own, so that his lists are not empty by chance.
    app.state.hosted.workspace_for(user_id(ben)).import_file(EXAMPLES / "acme-first-round.yaml")

    walked = []
    problems: list[str] = []
    # Signing up or out ends Ben's session: those come last.
    routes = sorted(_routes(app), key=lambda r: r[1] in ("/signup", "/logout"))
    for method, template, _route in routes:
        if template.startswith("/static"):
            continue
        owned = [name for name in OWNED if "{" + name in template]
        theirs = _send(ben, method, template, ids)
        where = f"{method} {template}"
        assert theirs.status_code != 403, where
        assert theirs.status_code < 500, f"{where}: {theirs.text[:300]}"
        for marker in MARKERS:
            assert marker not in theirs.text, f"{where} shows Ana's {marker!r}"
            assert marker not in str(theirs.headers), f"{where} shows Ana's {marker!r}"
        if owned or template == "/api/check":
            never = _send(ben, method, template, unused)
            if theirs.status_code != 404:
                problems.append(f"{where}: {theirs.status_code} {theirs.text[:200]}")
                continue
            # The same answer as for an id never used: nothing tells that hers exists.
            assert never.status_code == 404, where
            assert re.sub(r"\d+", "N", theirs.text) == re.sub(r"\d+", "N", never.text), where
        walked.append(where)
    assert not problems, "\n".join(problems)
    # The same requests reach Ana's records for Ana: the 404s above are Ben's alone.
    mine = ana_client.get(f"/api/interviews/{ids['interview_id']}?to=x")
    assert mine.status_code == 200 and "Zyxwvu Robotics" in mine.text
    assert "Qqjx secret story" in ana_client.get(f"/stories/{ids['story_id']}/edit").text
    assert _snapshot(ana) == before
    assert len(walked) > 60
    assert {"GET /api/interviews/{interview_id}", "POST /practice/{card_id}/review"} <= set(walked)


def test_nobody_logged_out_reaches_anything_but_the_login(app: FastAPI) -> None:
    ana_client = browser(app)
    ana_id = sign_up(ana_client, "ana@example.org")
    ana = app.state.hosted.workspace_for(ana_id)
    ids = {**_anas_records(ana), "user_id": ana_id}
    ids |= _shared_with_a_coach(app, ana_id, ids["interview_id"])
    before = _snapshot(ana)
    stranger = browser(app)
    for method, template, _route in _routes(app):
        if template.startswith("/static") or template in PUBLIC:
            continue
        answer = _send(stranger, method, template, ids)
        where = f"{method} {template}"
        if method == "GET" and not template.startswith("/api/"):
            assert answer.status_code == 303, where
            assert answer.headers["location"].startswith("/login?next="), where
        else:
            assert answer.status_code in (401, 403), f"{where}: {answer.status_code}"
        for marker in MARKERS:
            assert marker not in answer.text, where
    assert _snapshot(ana) == before
