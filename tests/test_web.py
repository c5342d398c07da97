"""The web app through the ASGI test client: pages as plain HTML forms, and the JSON API."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from afterword import config
from afterword.cli.app import app
from afterword.web.app import create_app
from support import EXAMPLES, NOW, clock


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database_url, clock=clock)) as test_client:
        yield test_client


def imported(client: TestClient, name: str = "acme-first-round.yaml") -> int:
    with (EXAMPLES / name).open("rb") as handle:
        response = client.post(
            "/interviews/import", files={"file": (name, handle)}, follow_redirects=False
        )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[2].split("?")[0])


def test_an_empty_dashboard_explains_and_offers_the_example(client: TestClient) -> None:
    page = client.get("/")
    assert "you have about 24 hours" in page.text
    assert "Try it with an example" in page.text
    response = client.post("/interviews/example", follow_redirects=True)
    assert "Acme Robotics" in response.text
    assert "Here is an example interview" in response.text


def test_the_dashboard_orders_by_what_needs_doing_now(client: TestClient) -> None:
    imported(client, "good-interview.json")  # closed
    imported(client, "acme-first-round.yaml")
    imported(client, "panel-onsite.yaml")
    page = client.get("/").text
    cards = page.split('<ul class="cards"')[1]  # after "Today", which lists steps, not cards
    assert cards.index("Acme Robotics") < cards.index("Northwind Health") < cards.index("Lumen")
    assert 'class="countdown' in page
    assert "Write the notes" in page


def test_logging_an_interview_with_interviewers_through_the_form(client: TestClient) -> None:
    form = {
        "company": "Globex",
        "role": "Data Engineer",
        "format": "panel",
        "ended_at": "2026-11-24T15:30",
        "timezone": "America/New_York",
        "interviewer_name": ["Priya Natarajan", "Tom Becker", ""],
        "interviewer_title": ["Director", "", ""],
        "interviewer_email": ["priya@globex.example", "", ""],
        "interviewer_topics": ["dbt models\nSQL window functions", "", ""],
        "sender_name": "Sam Rivera",
        "action": "save",
    }
    response = client.post("/interviews", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/interviews/1/debrief")
    stored = client.get("/api/interviews/1").json()
    assert stored["ended_at"] == "2026-11-24T15:30:00-05:00"
    assert [p["name"] for p in stored["interviewers"]] == ["Priya Natarajan", "Tom Becker"]
    assert stored["interviewers"][0]["topics"] == ["dbt models", "SQL window functions"]

    # Remove one interviewer in place and add another, on the edit form.
    edit = {
        **form,
        "timezone": "-05:00",
        "interviewer_name": ["Priya Natarajan", "Tom Becker", "Mei Chen"],
        "interviewer_title": ["Director", "", "Lead"],
        "interviewer_email": ["priya@globex.example", "", ""],
        "interviewer_topics": ["dbt models", "", "forecasting"],
        "interviewer_remove": ["1"],
    }
    assert client.post("/interviews/1/edit", data=edit, follow_redirects=False).status_code == 303
    stored = client.get("/api/interviews/1").json()
    assert [p["name"] for p in stored["interviewers"]] == ["Priya Natarajan", "Mei Chen"]
    assert stored["ended_at"] == "2026-11-24T15:30:00-05:00"


def test_a_bad_form_keeps_what_was_typed_and_says_what_is_wrong(client: TestClient) -> None:
    response = client.post(
        "/interviews",
        data={
            "company": "Globex",
            "role": "",
            "ended_at": "2026-11-24T15:30",
            "started_at": "2026-11-24T16:30",
            "timezone": "Mars/Olympus",
            "interviewer_name": ["Dana"],
            "interviewer_email": ["not-an-email"],
        },
    )
    assert response.status_code == 422
    assert "unknown zone" in response.text
    assert 'value="Globex"' in response.text
    assert 'value="Dana"' in response.text
    assert "Nothing was lost" in response.text
    assert client.get("/api/interviews").json() == []


def test_without_javascript_add_interviewer_shows_one_more_row(client: TestClient) -> None:
    response = client.post(
        "/interviews",
        data={"company": "Globex", "interviewer_name": ["Dana"], "action": "add_interviewer"},
    )
    assert response.text.count('name="interviewer_name"') == 2
    assert 'value="Dana"' in response.text
    assert client.get("/api/interviews").json() == []


def test_the_guided_debrief_saves_each_step(client: TestClient) -> None:
    client.post(
        "/interviews",
        data={"company": "Globex", "role": "PM", "ended_at": "2026-11-24T15:30", "timezone": "UTC"},
    )
    step = client.post(
        "/interviews/1/debrief/feeling", data={"feeling": "2"}, follow_redirects=False
    )
    assert step.headers["location"].startswith("/interviews/1/debrief?step=causes")
    client.post(
        "/interviews/1/debrief/causes",
        data={"causes": ["preparation", "nerves"], "cause_notes": "Little sleep."},
    )
    client.post(
        "/interviews/1/debrief/moments",
        data={"question": "Why us?", "kind": "couldnt_answer", "what_i_said": "Not much."},
    )
    client.post(
        "/interviews/1/debrief/moments",
        data={"question": "Biggest failure?", "kind": "could_be_better"},
    )
    # Change the first moment, then remove the second.
    client.post(
        "/interviews/1/debrief/moments",
        data={
            "index": "0",
            "question": "Why us?",
            "kind": "couldnt_answer",
            "better_answer": "Your work on logistics robots.",
        },
    )
    client.post(
        "/interviews/1/debrief/moments",
        data={"index": "1", "action": "delete", "question": "x", "kind": "went_well"},
    )
    last = client.post(
        "/interviews/1/debrief/lessons",
        data={"lessons": "Sleep before interviews\n- Research the customers"},
        follow_redirects=False,
    )
    assert last.headers["location"].startswith("/interviews/1/notes")
    stored = client.get("/api/interviews/1").json()
    assert stored["feeling"] == 2
    assert stored["causes"] == ["preparation", "nerves"]
    assert stored["cause_notes"] == "Little sleep."
    assert [m["question"] for m in stored["moments"]] == ["Why us?"]
    assert stored["moments"][0]["better_answer"] == "Your work on logistics robots."
    assert stored["lessons"] == ["Sleep before interviews", "Research the customers"]

    bad = client.post("/interviews/1/debrief/moments", data={"question": "", "kind": "awful"})
    assert bad.status_code == 422
    assert len(client.get("/api/interviews/1").json()["moments"]) == 1


def test_importing_a_bad_file_is_refused_and_writes_nothing(client: TestClient) -> None:
    response = client.post(
        "/interviews/import",
        files={"file": ("bad.yaml", b"company: Acme\nrole: PM\nended_at: 2026-11-24T15:30\n")},
    )
    assert response.status_code == 422
    assert "bad.yaml:3: ended_at: ended_at has no time zone" in response.text
    assert client.get("/api/interviews").json() == []


def test_the_story_library_with_search_edit_delete_and_undo(client: TestClient) -> None:
    added = client.post(
        "/stories",
        data={
            "title": "Churn turnaround",
            "result": "Churn fell from 9% to 4%",
            "skills": "retention, onboarding",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    client.post("/stories", data={"title": "Launch", "result": "4,000 sign-ups"})
    assert "Churn turnaround" not in client.get("/stories?q=sign-ups").text
    duplicate = client.post("/stories", data={"title": "launch"})
    assert duplicate.status_code == 422 and "already in your library" in duplicate.text

    client.post("/stories/1", data={"title": "Churn turnaround", "result": "Churn fell to 3%"})
    assert client.get("/api/stories/1").json()["result"] == "Churn fell to 3%"

    deleted = client.post("/stories/1/delete", follow_redirects=True)
    assert "Deleted “Churn turnaround”" in deleted.text and "Undo" in deleted.text
    assert [s["title"] for s in client.get("/api/stories").json()] == ["Launch"]
    undo = deleted.text.split('name="story" value="')[1].split('"')[0]
    import html

    restored = client.post("/stories/restore", data={"story": html.unescape(undo)})
    assert "Restored “Churn turnaround”" in restored.text
    titles = [s["title"] for s in client.get("/api/stories").json()]
    assert titles == ["Churn turnaround", "Launch"]


def test_outcome_then_a_gentle_prompt_for_one_lesson(client: TestClient) -> None:
    interview_id = imported(client)
    response = client.post(
        f"/interviews/{interview_id}/outcome", data={"outcome": "rejected"}, follow_redirects=True
    )
    assert "One lesson" in response.text and "happens to everyone" in response.text
    client.post(f"/interviews/{interview_id}/outcome", data={"lesson": "Bring numbers"})
    stored = client.get(f"/api/interviews/{interview_id}").json()
    assert stored["outcome"] == "rejected"
    assert stored["lessons"][-1] == "Bring numbers"
    assert client.get("/api/interviews").json()[0]["status"] == "closed"


def test_the_api_checks_notes_with_spans_and_context(client: TestClient) -> None:
    interview_id = imported(client)
    text = "Dear Dana,\n\nI'm sorry I bombed the question about churn.\n\nBest,\nAlex Kim"
    report = client.post("/api/check", json={"text": text, "interview_id": interview_id}).json()
    assert report["ready"] is False
    apology = next(f for f in report["findings"] if f["rule"] == "apology")
    assert text[apology["start"] : apology["end"]] == apology["excerpt"]
    assert {"paragraphs", "words"} <= set(report["stats"])
    missing = client.post("/api/check", json={"text": "Hi", "interview_id": 999})
    assert missing.status_code == 404


def test_the_api_crud_of_interviews_and_stories(client: TestClient) -> None:
    data = json.loads(
        json.dumps(
            __import__("yaml").safe_load((EXAMPLES / "panel-onsite.yaml").read_text()), default=str
        )
    )
    created = client.post("/api/interviews", json=data)
    assert created.status_code == 201
    interview_id = created.json()["id"]
    assert client.get(f"/api/interviews/{interview_id}").json()["company"] == "Northwind Health"
    data["role"] = "Lead Data Analyst"
    assert client.put(f"/api/interviews/{interview_id}", json=data).status_code == 200
    assert client.get(f"/api/interviews/{interview_id}").json()["role"] == "Lead Data Analyst"
    bad = client.post("/api/interviews", json={**data, "ended_at": "2026-11-24T10:00:00"})
    assert bad.status_code == 422
    exported = client.get(f"/api/interviews/{interview_id}/export?format=yaml")
    assert exported.text.startswith("company: Northwind Health")
    assert client.delete(f"/api/interviews/{interview_id}").status_code == 204
    assert client.get(f"/api/interviews/{interview_id}").status_code == 404

    story = client.post("/api/stories", json={"title": "Churn", "skills": ["retention"]})
    story_id = story.json()["id"]
    assert (
        client.put(
            f"/api/stories/{story_id}", json={"title": "Churn", "result": "9% to 4%"}
        ).json()["result"]
        == "9% to 4%"
    )
    assert client.delete(f"/api/stories/{story_id}").status_code == 204
    assert "Churn" not in [s["title"] for s in client.get("/api/stories").json()]
    assert client.get(f"/api/stories/{story_id}").status_code == 404
    schema = client.get("/api/openapi.json").json()
    assert "/api/check" in schema["paths"]


def test_cross_site_form_posts_are_refused(client: TestClient) -> None:
    response = client.post(
        "/stories", data={"title": "x"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert client.get("/api/stories").json() == []


def test_evidence_and_a_better_answer_drafted_from_a_story(client: TestClient) -> None:
    interview_id = imported(client)
    page = client.get(f"/interviews/{interview_id}/debrief?step=moments")
    assert "What backs a better answer" in page.text
    assert "Email capture growth" in page.text
    drafted = client.post(
        f"/interviews/{interview_id}/debrief/answer",
        data={"moment": "2", "story": "Email capture growth"},
    )
    assert "Drafted from “Email capture growth”" in drafted.text
    assert "200% in four months" in drafted.text
    # Nothing is saved until the user saves the form.
    stored = client.get(f"/api/interviews/{interview_id}").json()
    assert "better_answer" not in stored["moments"][1]


def test_the_debrief_proposes_only_stories_that_speak_to_the_question(
    client: TestClient,
) -> None:
    interview_id = imported(client)
    client.post(
        "/api/stories",
        json={"title": "Forklift licence", "result": "Passed the forklift test first time"},
    )
    page = client.get(f"/interviews/{interview_id}/debrief?step=moments").text
    assert "Email capture growth" in page
    assert "Forklift licence" not in page


def test_draft_for_me_offers_variants_and_saving_one_makes_it_the_note(
    client: TestClient,
) -> None:
    interview_id = imported(client)
    page = client.post(
        f"/interviews/{interview_id}/notes/draft?to=Dana%20Lee", data={"variants": "3"}
    )
    assert page.text.count("Use this draft") == 3
    body = page.text.split('name="body" value="')[1].split('"')[0]
    import html

    text = html.unescape(body)
    assert "Dana" in text.splitlines()[0]
    saved = client.post(
        f"/interviews/{interview_id}/notes?to=Dana%20Lee",
        data={"subject": "Thank you", "body": text},
        follow_redirects=True,
    )
    assert "Ready to send" in saved.text
    eml = client.get(f"/interviews/{interview_id}/notes/eml?to=Dana%20Lee")
    assert eml.status_code == 200
    assert b"To: Dana Lee <dana.lee@acme.example>" in eml.content
    assert client.get("/api/interviews").json()[0]["status"] == "note ready"
    sent = client.post(
        f"/interviews/{interview_id}/notes?to=Dana%20Lee",
        data={"subject": "Thank you", "body": text, "action": "sent"},
        follow_redirects=True,
    )
    assert "Marked as sent" in sent.text
    assert client.get("/api/interviews").json()[0]["status"] == "sent"


def test_an_empty_note_cannot_be_marked_sent(client: TestClient) -> None:
    interview_id = imported(client)
    response = client.post(
        f"/interviews/{interview_id}/notes?to=Dana%20Lee", data={"body": "", "action": "sent"}
    )
    assert response.status_code == 400
    assert "is empty" in response.text


def test_the_api_composes_a_note_per_interviewer(client: TestClient) -> None:
    interview_id = imported(client, "panel-onsite.yaml")
    response = client.post(f"/api/interviews/{interview_id}/compose", json={"seed": 3})
    notes = response.json()["notes"]
    assert [n["to"] for n in notes] == ["Priya Natarajan", "Tom Becker", "Mei Chen"]
    assert all(n["ready"] for n in notes)
    assert not any(f["severity"] in ("error", "warning") for n in notes for f in n["findings"])
    again = client.post(f"/api/interviews/{interview_id}/compose", json={"seed": 3}).json()
    assert again["notes"] == notes  # a seed makes it repeatable
    one = client.post(
        f"/api/interviews/{interview_id}/compose",
        json={"to": "Mei Chen", "variants": 2, "tone": "formal"},
    ).json()["notes"]
    assert [n["to"] for n in one] == ["Mei Chen", "Mei Chen"]
    assert one[0]["text"] != one[1]["text"]
    bad = client.post(f"/api/interviews/{interview_id}/compose", json={"variants": 9})
    assert bad.status_code == 422


def test_a_refused_change_to_a_moment_comes_back_in_that_moment_s_form(
    client: TestClient,
) -> None:
    """Not in the "Add a moment" form, where saving it would add a second moment."""
    interview_id = imported(client)
    response = client.post(
        f"/interviews/{interview_id}/debrief/moments",
        data={
            "index": "0",
            "question": "   ",
            "kind": "couldnt_answer",
            "better_answer": "My careful answer, with a number: 40%.",
        },
    )
    assert response.status_code == 422
    page = response.text
    first, add = page.index('id="moment-1"'), page.index("Add a moment")
    typed = page.index("My careful answer, with a number: 40%.")
    assert first < typed < page.index('id="moment-2"') < add
    assert page.count("My careful answer, with a number: 40%.") == 1
    moment = page[first : page.index('id="moment-2"')]
    assert '<option value="couldnt_answer" selected>' in moment


def test_a_local_app_answers_only_to_its_own_host_names(database_url: str) -> None:
    """DNS rebinding: a page on evil.example, its name re-pointed at 127.0.0.1, must not read
    the user's interviews (same-origin to the browser, so only the Host header tells)."""
    app = create_app(database_url, clock=clock, allowed_hosts=["localhost", "127.0.0.1", "[::1]"])
    with TestClient(app, base_url="http://127.0.0.1:8765") as local:
        local.post("/interviews/example")
        assert local.get("/api/interviews").status_code == 200
        assert local.get("/", headers={"host": "localhost:8765"}).status_code == 200
        assert local.get("/", headers={"host": "[::1]:8765"}).status_code == 200
        stolen = local.get("/api/interviews", headers={"host": "evil.example:8765"})
        assert stolen.status_code == 421
        assert "Acme" not in stolen.text


def test_serve_keeps_a_loopback_app_to_loopback_names(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from afterword.cli import serve

    for name in ("AFTERWORD_ALLOWED_HOSTS", config.DATABASE_OPENED_VARIABLE):
        monkeypatch.setenv(name, "")  # restored afterwards
        monkeypatch.delenv(name)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    serve.serve(port=8765, host="127.0.0.1", open_browser=False, workers=1)
    assert os.environ["AFTERWORD_ALLOWED_HOSTS"] == "localhost,127.0.0.1,::1"


def test_an_app_opened_after_serve_ran_in_the_same_process_upgrades_its_own_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`afterword serve` tells its workers which database it upgraded, and only that one is
    opened without a check of its schema: another database opened in the same process
    later (a test's) is upgraded as usual (CI once failed 24 tests on "relation users does
    not exist" after serve had run in-process)."""
    import uvicorn

    from afterword.cli import serve

    for name in ("AFTERWORD_ALLOWED_HOSTS", config.DATABASE_OPENED_VARIABLE):
        monkeypatch.setenv(name, "")  # restored afterwards
        monkeypatch.delenv(name)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    serve.serve(port=8765, host="127.0.0.1", open_browser=False, workers=1)
    assert os.environ[config.DATABASE_OPENED_VARIABLE] == config.database_url()
    app = create_app(f"sqlite:///{tmp_path / 'other.db'}", allowed_hosts=["testserver"])
    other = TestClient(app)
    assert other.get("/api/interviews").status_code == 200


def test_editing_an_unrelated_field_keeps_the_times_as_stored(client: TestClient) -> None:
    data = {"company": "Globex", "role": "PM", "ended_at": "2026-11-24T15:30:45-05:00"}
    interview_id = client.post("/api/interviews", json=data).json()["id"]
    form = client.get(f"/interviews/{interview_id}/edit").text
    assert 'value="2026-11-24T15:30"' in form
    client.post(
        f"/interviews/{interview_id}/edit",
        data={
            "company": "Globex",
            "role": "Senior PM",
            "ended_at": "2026-11-24T15:30",
            "timezone": "-05:00",
        },
    )
    stored = client.get(f"/api/interviews/{interview_id}").json()
    assert stored["role"] == "Senior PM"
    assert stored["ended_at"] == "2026-11-24T15:30:45-05:00"


def test_a_sent_note_shows_its_time_in_the_interview_s_zone(client: TestClient) -> None:
    interview_id = imported(client)
    client.post(
        f"/interviews/{interview_id}/notes?to=Dana%20Lee",
        data={"body": "Dear Dana,\n\nThank you.\n\nBest,\nAlex", "action": "sent"},
    )
    sent_at = client.get(f"/api/interviews/{interview_id}").json()["notes"][0]["sent_at"]
    assert sent_at.endswith("-05:00")


def test_the_editor_and_the_api_give_the_answer_the_cli_gives(
    database_url: str, isolated_home: Path
) -> None:
    """The [check] settings and the clock apply in the browser as on the command line."""
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text('[check]\ndisable = ["exclamation"]\n')
    two_days_on = NOW + timedelta(days=2)
    with TestClient(create_app(database_url, clock=lambda: two_days_on)) as client:
        interview_id = imported(client)
        body = "Dear Dana,\n\nThank you for the time today!!! I enjoyed it!!\n\nBest,\nAlex"
        report = client.post("/api/check", json={"text": body, "interview_id": interview_id})
        rules = {f["rule"] for f in report.json()["findings"]}
        assert "late" in rules
        assert "exclamation" not in rules
        client.post(f"/interviews/{interview_id}/notes?to=Dana%20Lee", data={"body": body})
        page = client.get(f"/interviews/{interview_id}/notes").text
        assert "24-hour mark passed" in page
        assert "exclamation mark" not in page
    cli = CliRunner().invoke(
        app, ["check", "--disable", "late", "-"], input=body, env={"NO_COLOR": "1"}
    )
    assert "exclamation" not in cli.output


def test_the_state_follows_the_injected_clock(database_url: str) -> None:
    """A sent note is 'sent' until the promised decision date has passed, then 'waiting'."""
    times = [NOW]
    with TestClient(create_app(database_url, clock=lambda: times[0])) as client:
        interview_id = imported(client)
        body = "Dear Dana,\n\nThank you for the time today.\n\nBest,\nAlex"
        client.post(
            f"/interviews/{interview_id}/notes?to=Dana%20Lee", data={"body": body, "action": "sent"}
        )
        assert client.get("/api/interviews").json()[0]["status"] == "sent"
        times[0] = NOW + timedelta(days=11)  # past the decision date of 2026-12-05
        assert client.get("/api/interviews").json()[0]["status"] == "waiting"


def test_findings_speak_to_a_person_and_ready_says_what_is_left(client: TestClient) -> None:
    interview_id = imported(client)
    url = f"/interviews/{interview_id}/notes?to=Dana%20Lee"
    client.post(url, data={"body": "Dear Dana,\n\nI'm sorry I rambled.\n\nBest,\nAlex"})
    page = client.get(url).text
    assert "To fix: An apology" in page and "<code>apology</code>" not in page
    report = client.post(
        "/api/check", json={"text": "Dear Dana,\n\nThank you for your time today.\n\nAlex"}
    ).json()
    assert {f["title"] for f in report["findings"]} >= {"No next step"}
    client.post(url, data={"body": "Dear Dana,\n\nThank you for your time today.\n\nAlex"})
    assert "Ready to send · " in client.get(url).text and "worth a look" in client.get(url).text


def test_see_the_lessons_opens_the_lessons(client: TestClient) -> None:
    interview_id = imported(client, "good-interview.json")  # closed
    page = client.get(f"/interviews/{interview_id}").text
    assert f'href="/interviews/{interview_id}/debrief?step=lessons">See the lessons' in page


def test_the_example_is_dated_from_now_and_leaves_nothing_behind(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=lambda: NOW + timedelta(days=40))) as client:
        client.post("/interviews/example")
        example = client.get("/api/interviews/1").json()
        assert example["ended_at"].startswith("2027-01-04T07:")  # two hours before "now"
        assert example["decision_expected_by"] == "2027-01-15"
        titles = [s["title"] for s in client.get("/api/stories").json()]
        assert titles == [
            "Email capture growth (example)",
            "Launch of the scheduling app (example)",
        ]
        assert example["moments"][0]["stories"] == ["Email capture growth (example)"]
        page = client.get("/interviews/1").text
        assert page.count('name="remove_story"') == 2 and page.count(" checked>") >= 2
        ids = [str(s["id"]) for s in client.get("/api/stories").json()]
        client.post("/interviews/1/delete", data={"remove_story": ids})
        assert client.get("/api/interviews").json() == []
        assert client.get("/api/stories").json() == []


def test_deleting_an_interview_keeps_the_stories_you_keep(client: TestClient) -> None:
    first = imported(client)
    imported(client)  # the same stories, used by a second interview too
    client.post("/api/stories", json={"title": "Mine alone"})
    ids = [str(s["id"]) for s in client.get("/api/stories").json()]
    client.post(f"/interviews/{first}/delete", data={"remove_story": ids})
    # Shared stories stay whatever was ticked; so does a story no interview uses.
    titles = {s["title"] for s in client.get("/api/stories").json()}
    assert titles == {"Email capture growth", "Launch of the scheduling app", "Mine alone"}


def test_the_debrief_keeps_you_oriented(client: TestClient) -> None:
    """The countdown on the debrief, "Draft my answer" back at its moment, and a way back from
    the story library to the moment that sent you there."""
    interview_id = imported(client)
    moments = client.get(f"/interviews/{interview_id}/debrief?step=moments").text
    assert 'class="countdown' in moments
    assert f'action="/interviews/{interview_id}/debrief/answer#moment-1"' in moments
    back = f"/interviews/{interview_id}/debrief?step=moments#moment-3"
    library = client.get("/stories", params={"back": back}).text
    assert "Back to the moment you were working on" in library
    added = client.post(
        "/stories",
        data={"title": "Customer interviews", "result": "Spoke to 40 buyers", "back": back},
        follow_redirects=False,
    )
    assert added.headers["location"].startswith(f"/interviews/{interview_id}/debrief?step=moments")
    elsewhere = client.get("/stories", params={"back": "https://example.org/"}).text
    assert "Back to the moment" not in elsewhere


def test_the_interview_page_shows_the_feeling_the_why_and_the_outcome(client: TestClient) -> None:
    interview_id = imported(client)
    client.post(f"/interviews/{interview_id}/outcome", data={"outcome": "rejected"})
    page = client.get(f"/interviews/{interview_id}").text
    assert "How it felt:</strong> Bad" in page
    assert "Why, in your words:</strong> I read their website the night before" in page
    assert "Outcome:</strong> They said no" in page


def test_who_you_are_is_asked_once(client: TestClient) -> None:
    """The sender of the last interview signs the next one's form and its unsigned drafts."""
    imported(client)  # signed by Alex Kim
    form = client.get("/interviews/new").text
    assert 'name="sender_name" value="Alex Kim"' in form and "data-browser-zone" in form
    created = client.post(
        "/interviews",
        data={
            "company": "Globex",
            "role": "Analyst",
            "ended_at": "2026-11-25T08:00",
            "timezone": "America/New_York",
            "interviewer_name": ["Ana Ruiz"],
            "action": "save",
        },
        follow_redirects=False,
    )
    new_id = int(created.headers["location"].split("/")[2].split("?")[0])
    drafts = client.post(f"/api/interviews/{new_id}/compose", json={"seed": 1}).json()["notes"]
    assert drafts[0]["text"].rstrip().endswith("Alex Kim")


def test_drafts_stay_on_the_page_after_a_reload(client: TestClient) -> None:
    interview_id = imported(client)
    asked = client.post(
        f"/interviews/{interview_id}/notes/draft?to=Dana%20Lee",
        data={"variants": "2"},
        follow_redirects=False,
    )
    location = asked.headers["location"]
    assert "drafts=2" in location and "seed=" in location
    first = client.get(location).text
    again = client.get(location).text
    assert first.count("Use this draft") == 2
    drafts = [part.split("</pre>")[0] for part in first.split('class="note-text">')[1:]]
    assert drafts and all(d in again for d in drafts)
