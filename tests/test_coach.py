"""Coaches, by consent, through the web app on the real PostgreSQL fixture: an admin makes
an account a coach; a member shares one interview or their insights with a coach (asked for
the password again), and revokes it the same way; the coach sees exactly what is shared, and
nothing else (404 for anything not shared, never 403); a comment reaches the member, and
revoking hides everything at once, comments included."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from afterword.debrief_file import load_debrief_file
from afterword.model import MomentKind, Note
from afterword.services import Workspace
from hosted import PASSWORD, Clock, browser, hosted_app, log_in, post, sign_up, token
from support import EXAMPLES, PostgresServer
from test_isolation import _routes

pytestmark = pytest.mark.postgres

UNUSED = 987_654_321
COMMENT = "Good recovery on the customers question: name two of their clients next time."


@pytest.fixture
def app(postgres: PostgresServer) -> Iterator[FastAPI]:
    app = hosted_app(postgres.new_database(), Clock())
    with browser(app):
        yield app


def _coach(app: FastAPI, email: str = "cora@example.org") -> tuple[TestClient, int]:
    user = app.state.hosted.accounts.create_user(email, PASSWORD, "coach")
    client = browser(app)
    assert log_in(client, email).status_code == 303
    return client, user.id


def _member(app: FastAPI, email: str) -> tuple[TestClient, int, Workspace]:
    client = browser(app)
    member_id = sign_up(client, email)
    return client, member_id, app.state.hosted.workspace_for(member_id)


def _interview(ws: Workspace, company: str, days_later: int = 0, **changes: Any) -> int:
    interview = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    ended = interview.ended_at + timedelta(days=days_later)
    interview = interview.model_copy(update={"company": company, "ended_at": ended, **changes})
    interview_id = ws.add_interview(interview)
    ws.save_note(interview_id, Note(to="Dana Lee", subject="Thanks", body=f"Dear Dana, {company}."))
    return interview_id


def _share(client: TestClient, what: int | str, coach: str = "cora@example.org", **more: str):  # type: ignore[no-untyped-def]
    data = {"what": str(what), "email": coach, "password": PASSWORD, **more}
    return post(client, "/sharing", data, page="/sharing")


def _share_id(client: TestClient) -> int:
    found = re.findall(r'action="/sharing/(\d+)/revoke"', client.get("/sharing").text)
    assert found
    return int(found[0])


def test_an_admin_makes_an_account_a_coach_and_nobody_else_can(app: FastAPI) -> None:
    accounts = app.state.hosted.accounts
    accounts.create_user("root@example.org", PASSWORD, "admin")
    admin = browser(app)
    log_in(admin, "root@example.org")
    member, member_id, _ = _member(app, "cora@example.org")
    other, _, _ = _member(app, "ben@example.org")
    refused = post(other, f"/admin/users/{member_id}/role", {"role": "coach"})
    assert refused.status_code == 404
    assert "Shared with you" not in member.get("/").text
    made = post(admin, f"/admin/users/{member_id}/role", {"role": "coach"}, page="/admin")
    assert made.status_code == 303 and "is+now+a+coach" in made.headers["location"]
    assert "Shared with you" in member.get("/").text
    assert member.get("/coach").status_code == 200
    assert post(admin, f"/admin/users/{member_id}/role", {"role": "admin"}).status_code == 400
    assert post(admin, f"/admin/users/{UNUSED}/role", {"role": "coach"}).status_code == 404
    post(admin, f"/admin/users/{member_id}/role", {"role": "member"})
    assert member.get("/coach").status_code == 404


def test_sharing_and_revoking_ask_for_the_password_again(app: FastAPI) -> None:
    coach, _ = _coach(app)
    ana, _, ws = _member(app, "ana@example.org")
    interview_id = _interview(ws, "Zyxwvu Robotics")
    for password in ("", "not my password"):
        refused = _share(ana, interview_id, password=password)
        assert refused.status_code == 400 and "password is not right" in refused.text
    assert "Zyxwvu" not in coach.get("/coach").text
    assert coach.get(f"/coach/interviews/{interview_id}").status_code == 404
    assert _share(ana, interview_id).status_code == 303
    assert coach.get(f"/coach/interviews/{interview_id}").status_code == 200
    share_id = _share_id(ana)
    kept = post(ana, f"/sharing/{share_id}/revoke", {"password": "wrong"}, page="/sharing")
    assert kept.status_code == 400 and "password is not right" in kept.text
    assert coach.get(f"/coach/interviews/{interview_id}").status_code == 200


def test_only_a_coach_can_be_shared_with(app: FastAPI) -> None:
    ana, _, ws = _member(app, "ana@example.org")
    _member(app, "ben@example.org")
    interview_id = _interview(ws, "Zyxwvu Robotics")
    answers = [
        _share(ana, interview_id, coach=email).text
        for email in ("ben@example.org", "nobody@example.org")
    ]
    assert all("there is no coach with the email" in a for a in answers)
    assert "Nothing: no one but you sees your interviews." in ana.get("/sharing").text


def test_a_coach_sees_exactly_what_is_shared_and_nothing_else(app: FastAPI) -> None:
    coach, _ = _coach(app)
    ana, ana_id, ana_ws = _member(app, "ana@example.org")
    ben, ben_id, ben_ws = _member(app, "ben@example.org")
    shared = _interview(ana_ws, "Zyxwvu Robotics")
    kept = _interview(ana_ws, "Qqjx Private Co", days_later=-3)
    bens = _interview(ben_ws, "Plmokn Ltd")
    assert _share(ana, shared).status_code == 303

    listed = coach.get("/coach").text
    assert "Zyxwvu Robotics" in listed and "ana@example.org" in listed
    assert "Qqjx" not in listed and "Plmokn" not in listed and "ben@example.org" not in listed
    page = coach.get(f"/coach/interviews/{shared}")
    assert page.status_code == 200
    # The debrief and the notes, read-only: no form but the comment's.
    assert "How would you grow our email list?" in page.text
    assert "Dear Dana, Zyxwvu Robotics." in page.text
    assert re.findall(r'<form method="post" action="([^"]+)"', page.text) == [
        "/logout",
        f"/coach/interviews/{shared}/comments",
    ]
    # Every coach route, with the ids of what is not shared: the answer of an id never used.
    coach_routes = [(m, p) for m, p, _ in _routes(app) if p.startswith("/coach/")]
    assert len(coach_routes) >= 3
    for method, template in coach_routes:
        for ids in (
            {"interview_id": kept, "user_id": ana_id},
            {"interview_id": bens, "user_id": ben_id},
        ):
            never = {"interview_id": UNUSED, "user_id": UNUSED}
            answers = []
            for values in (ids, never):
                path = re.sub(r"\{(\w+)[^}]*\}", lambda m, v=values: str(v[m.group(1)]), template)
                if method == "GET":
                    answers.append(coach.get(path))
                else:
                    answers.append(post(coach, path, {"text": "Hello"}, page="/coach"))
            theirs, unused = answers
            assert theirs.status_code == 404, f"{method} {template} {ids}"
            assert re.sub(r"\d+", "N", theirs.text) == re.sub(r"\d+", "N", unused.text)
            for marker in ("Qqjx", "Plmokn", "ben@example.org"):
                assert marker not in theirs.text
    # Shared is read-only, and only on the coach's pages: the member's pages are the coach's own.
    assert coach.get(f"/interviews/{shared}").status_code == 404
    assert coach.get(f"/api/interviews/{shared}").status_code == 404
    assert post(coach, f"/interviews/{shared}/delete", page="/coach").status_code == 404
    # A member is no coach: the coach's pages do not exist to them, whatever is shared.
    assert ben.get("/coach").status_code == 404
    assert ben.get(f"/coach/interviews/{shared}").status_code == 404
    assert ana.get(f"/coach/interviews/{shared}").status_code == 404
    # Nothing the coach did changed Ana's records.
    assert ana_ws.interview(shared).company == "Zyxwvu Robotics"


def test_a_comment_reaches_the_member_and_revoking_hides_everything_at_once(
    app: FastAPI,
) -> None:
    coach, _ = _coach(app)
    ana, ana_id, ws = _member(app, "ana@example.org")
    interview_id = _interview(ws, "Zyxwvu Robotics")
    _share(ana, interview_id)
    _share(ana, "insights")
    left = post(
        coach,
        f"/coach/interviews/{interview_id}/comments",
        {"text": COMMENT},
        page=f"/coach/interviews/{interview_id}",
    )
    assert left.status_code == 303
    assert COMMENT in coach.get(f"/coach/interviews/{interview_id}").text
    mine = ana.get(f"/interviews/{interview_id}").text
    assert COMMENT in mine and "cora@example.org" in mine
    empty = post(coach, f"/coach/interviews/{interview_id}/comments", {"text": "  "})
    assert empty.status_code == 400

    for share_id in re.findall(r'action="/sharing/(\d+)/revoke"', ana.get("/sharing").text):
        revoked = post(ana, f"/sharing/{share_id}/revoke", {"password": PASSWORD}, page="/sharing")
        assert revoked.status_code == 303
    # The coach's very next requests find nothing: the interview, its comments, the insights.
    assert coach.get(f"/coach/interviews/{interview_id}").status_code == 404
    assert coach.get(f"/coach/members/{ana_id}/insights").status_code == 404
    again = post(coach, f"/coach/interviews/{interview_id}/comments", {"text": "Still here?"})
    assert again.status_code == 404
    assert "Zyxwvu" not in coach.get("/coach").text
    assert COMMENT not in ana.get(f"/interviews/{interview_id}").text
    # Sharing again is a new consent: the comments under the old one stay hidden.
    _share(ana, interview_id)
    assert COMMENT not in coach.get(f"/coach/interviews/{interview_id}").text


def test_a_coach_who_is_a_coach_no_more_reaches_nothing(app: FastAPI) -> None:
    coach, coach_id = _coach(app)
    ana, _, ws = _member(app, "ana@example.org")
    interview_id = _interview(ws, "Zyxwvu Robotics")
    _share(ana, interview_id)
    app.state.hosted.accounts.create_user("root@example.org", PASSWORD, "admin")
    admin = browser(app)
    log_in(admin, "root@example.org")
    post(admin, f"/admin/users/{coach_id}/role", {"role": "member"}, page="/admin")
    assert coach.get(f"/coach/interviews/{interview_id}").status_code == 404
    post(admin, f"/admin/users/{coach_id}/role", {"role": "coach"}, page="/admin")
    assert coach.get(f"/coach/interviews/{interview_id}").status_code == 200


def test_a_member_never_sees_or_touches_anothers_shares(app: FastAPI) -> None:
    _coach(app)
    ana, _, ana_ws = _member(app, "ana@example.org")
    ben, _, _ = _member(app, "ben@example.org")
    interview_id = _interview(ana_ws, "Zyxwvu Robotics")
    _share(ana, interview_id)
    share_id = _share_id(ana)
    page = ben.get("/sharing").text
    assert "Zyxwvu" not in page and "cora@example.org" not in page
    assert f"/sharing/{share_id}/revoke" not in page
    # Ben, with his own password, can neither revoke Ana's share nor share her interview.
    revoke = post(ben, f"/sharing/{share_id}/revoke", {"password": PASSWORD}, page="/sharing")
    never = post(ben, f"/sharing/{UNUSED}/revoke", {"password": PASSWORD}, page="/sharing")
    assert revoke.status_code == never.status_code == 404
    assert re.sub(r"\d+", "N", revoke.text) == re.sub(r"\d+", "N", never.text)
    assert _share(ben, interview_id).status_code == 404
    assert _share(ben, UNUSED).status_code == 404
    # Nothing changed on Ana's side.
    assert f"/sharing/{share_id}/revoke" in ana.get("/sharing").text


def test_shared_insights_show_progress_per_skill_first_to_latest(app: FastAPI) -> None:
    coach, _ = _coach(app)
    ana, ana_id, ws = _member(app, "ana@example.org")
    first = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    _interview(ws, "Zyxwvu Robotics", days_later=-2)
    later = [
        m.model_copy(update={"kind": MomentKind.went_well})
        for m in first.debrief.moments
        if m.topic == "email marketing"
    ]
    _interview(
        ws,
        "Later Co",
        debrief=first.debrief.model_copy(update={"moments": later}),
    )
    assert coach.get(f"/coach/members/{ana_id}/insights").status_code == 404
    _share(ana, "insights")
    assert f"/coach/members/{ana_id}/insights" in coach.get("/coach").text
    page = coach.get(f"/coach/members/{ana_id}/insights")
    assert page.status_code == 200
    row = next(r for r in page.text.split("<tr>") if "email marketing" in r)
    assert "0 strong, 2 weak" in row and "2 strong, 0 weak" in row and "better" in row
    # The insights only: the coach cannot open the interviews behind them.
    assert "/coach/interviews/" not in page.text


def test_a_members_export_holds_what_they_shared_and_the_comments_a_restore_shares_nothing(
    app: FastAPI,
) -> None:
    """The export is all of the member's data: whom they shared what with (revoked shares
    too, as the record of consent) and the coach's comments. Restored into an empty account,
    the interviews come back and nothing is shared again, which the notice says."""
    coach, _ = _coach(app)
    ana, _, ws = _member(app, "ana@example.org")
    interview_id = _interview(ws, "Zyxwvu Robotics")
    _share(ana, interview_id)
    _share(ana, "insights")
    page = f"/coach/interviews/{interview_id}"
    assert post(coach, f"{page}/comments", {"text": COMMENT}, page=page).status_code == 303
    insights = re.findall(r'action="/sharing/(\d+)/revoke"', ana.get("/sharing").text)[0]
    post(ana, f"/sharing/{insights}/revoke", {"password": PASSWORD}, page="/sharing")

    exported = post(
        ana, "/settings/export", {"format": "json", "password": PASSWORD}, page="/settings"
    )
    assert exported.status_code == 200
    shares = exported.json()["shares"]
    assert [(s["coach"], s["interview_id"], bool(s["revoked_at"])) for s in shares] == [
        ("cora@example.org", interview_id, False),
        ("cora@example.org", None, True),
    ]
    assert [(c["author"], c["text"]) for c in shares[0]["comments"]] == [
        ("cora@example.org", COMMENT)
    ]
    # A revoked share's comments are hidden from everyone, in an export too.
    for share_id in re.findall(r'action="/sharing/(\d+)/revoke"', ana.get("/sharing").text):
        post(ana, f"/sharing/{share_id}/revoke", {"password": PASSWORD}, page="/sharing")
    later = post(
        ana, "/settings/export", {"format": "json", "password": PASSWORD}, page="/settings"
    )
    assert [s["comments"] for s in later.json()["shares"]] == [[], []]

    ben, _, ben_ws = _member(app, "ben@example.org")
    restored = ben.post(
        "/settings/restore",
        files={"file": ("export.json", exported.content)},
        headers={"X-CSRFToken": token(ben, "/settings")},
    )
    assert restored.status_code == 303, restored.text
    notice = ben.get(restored.headers["location"]).text
    assert "2 shares with coaches" in notice and "none is given again" in notice
    assert [i.company for _, i in ben_ws.interviews()] == ["Zyxwvu Robotics"]
    # Ana revoked hers, and Ben's restore shared nothing: the coach sees none of it.
    assert "Zyxwvu" not in coach.get("/coach").text
