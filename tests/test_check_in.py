"""The one polite check-in: refused with its date until the policy allows it, drafted with
something useful to add, recorded once, and never a second time."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from typer.testing import CliRunner

from afterword.checker import check
from afterword.cli.app import app
from afterword.debrief_file import load_debrief_file
from support import EXAMPLES, NOW, clock

runner = CliRunner(env={"COLUMNS": "120"})
#: Acme's decision was promised for Saturday 5 December: a check-in opens Tuesday the 8th.
OPENS = "2026-12-08T09:00:00-05:00"


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def thanked(use_database: str) -> None:
    assert run("import", str(EXAMPLES / "acme-first-round.yaml")).exit_code == 0
    assert run("draft", "1", "--save", "--seed", "1").exit_code == 0
    assert run("sent", "1", "--at", NOW.isoformat()).exit_code == 0


def test_a_check_in_before_its_date_is_refused_with_the_date(
    use_database: str, monkeypatch: Any
) -> None:
    assert run("import", str(EXAMPLES / "acme-first-round.yaml")).exit_code == 0
    first = run("checkin", "1")
    assert first.exit_code == 2 and "thank-you note first" in first.stderr
    thanked(use_database)
    monkeypatch.setattr("afterword.services.utc_now", lambda: NOW)
    early = run("checkin", "1")
    assert early.exit_code == 2
    assert "not before Tuesday 8 December" in early.stderr
    assert "Saturday 5 December" in early.stderr


def test_a_check_in_is_drafted_checked_recorded_once(use_database: str, monkeypatch: Any) -> None:
    thanked(use_database)
    later = NOW + timedelta(days=14)
    monkeypatch.setattr("afterword.services.utc_now", lambda: later)
    result = run("checkin", "1", "--save", "--format", "json")
    assert result.exit_code == 0, result.output
    draft = json.loads(result.stdout)
    interview = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    assert draft["to"] == "Dana Lee" and draft["subject"].startswith("Following up")
    text = draft["text"]
    # Something useful the thank-you note did not carry (the research), no filler, no pressure.
    assert "warehouse-automation market" in text
    assert "just checking in" not in text.casefold()
    assert check(text, interview).ready and not draft["findings"]
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert [c["body"] for c in shown["check_ins"]] == [text]

    sent = run("sent", "1", "--check-in", "--at", later.isoformat())
    assert sent.exit_code == 0, sent.output
    assert "Let it go now" in sent.stdout
    again = run("checkin", "1")
    assert again.exit_code == 2 and "as many as helps" in again.stderr
    due = json.loads(run("due", "--format", "json", "--at", later.isoformat()).stdout)
    assert [s["action"] for s in due] == ["outcome"]


def test_due_and_the_check_in_agree_on_the_date(use_database: str) -> None:
    thanked(use_database)
    due = json.loads(run("due", "--format", "json", "--at", NOW.isoformat()).stdout)
    assert next(s for s in due if s["action"] == "check_in")["not_before"] == OPENS


def test_the_check_in_page_says_when_then_drafts_and_records_it(database_url: str) -> None:
    from fastapi.testclient import TestClient

    from afterword.web.app import create_app

    times = [NOW]
    with TestClient(create_app(database_url, clock=lambda: times[0])) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        body = "Dear Dana,\n\nThank you for the time today.\n\nBest,\nAlex"
        client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body, "action": "sent"})
        page = client.get("/interviews/1/check-in").text
        assert "Not yet." in page and "Tue 08 Dec 2026, 09:00" in page
        refused = client.post("/interviews/1/check-in/draft")
        assert refused.status_code == 400 and "not before Tuesday 8 December" in refused.text

        times[0] = NOW + timedelta(days=14)
        drafted = client.post("/interviews/1/check-in/draft")
        assert "Here is a draft" in drafted.text and "Ready to send" in drafted.text
        assert "warehouse-automation market" in drafted.text
        sent = client.post(
            "/interviews/1/check-in",
            data={
                "to": "Dana Lee",
                "subject": "Following up",
                "body": "Dear Dana,\n\nThanks.",
                "action": "sent",
            },
        )
        assert "Let it go now" in sent.text
        assert "Check-in to Dana Lee sent" in sent.text
        again = client.post("/interviews/1/check-in/draft")
        assert again.status_code == 400 and "as many as helps" in again.text


def test_an_outcome_shows_on_the_page_and_advancing_offers_the_next_round(
    database_url: str,
) -> None:
    from fastapi.testclient import TestClient

    from afterword.web.app import create_app

    with TestClient(create_app(database_url, clock=clock)) as client:
        with (EXAMPLES / "panel-onsite.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        page = client.post("/interviews/1/outcome", data={"outcome": "advanced"}).text
        assert "On to the next round" in page and "let it go" not in page.casefold()
        assert "Outcome:</strong> I&#39;m through to the next round" in page
        next_round = client.get("/interviews/new?after=1").text
        assert 'value="Northwind Health"' in next_round
        assert 'value="next round"' in next_round
        for name in ("Priya Natarajan", "Tom Becker", "Mei Chen"):
            assert f'value="{name}"' in next_round
        assert 'name="ended_at" value="" required' in next_round  # when: for the user to say
        offer = client.post("/interviews/1/outcome", data={"outcome": "offer"}).text
        assert "Congratulations on the offer" in offer and "let it go" not in offer.casefold()
        assert "Log the next round" not in offer


def test_a_stale_check_in_page_never_replaces_what_was_written(database_url: str) -> None:
    from fastapi.testclient import TestClient

    from afterword.web.app import create_app

    later = NOW + timedelta(days=14)
    with TestClient(create_app(database_url, clock=lambda: later)) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        body = "Dear Dana,\n\nThank you for the time today.\n\nBest,\nAlex"
        client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body, "action": "sent"})
        client.post("/interviews/1/check-in/draft")
        shown = client.get("/api/interviews/1").json()["check_ins"][0]["body"]
        mine = "Dear Dana,\n\nMy own careful check-in. Thank you again.\n\nBest,\nAlex"
        client.post("/interviews/1/check-in", data={"to": "Dana Lee", "body": mine, "was": shown})
        # A stale page: its "Draft" button, and its Save with the text it showed.
        client.post("/interviews/1/check-in/draft")
        stale = client.post(
            "/interviews/1/check-in", data={"to": "Dana Lee", "body": "Old.", "was": shown}
        )
        assert stale.status_code == 409 and "changed elsewhere" in stale.text
        assert client.get("/api/interviews/1").json()["check_ins"][0]["body"] == mine
        # Marking a check-in with an error as sent asks first.
        sorry = "Dear Dana,\n\nI'm sorry to bother you again.\n\nBest,\nAlex"
        asked = client.post(
            "/interviews/1/check-in",
            data={"to": "Dana Lee", "body": sorry, "was": mine, "action": "sent"},
        )
        assert "not marked as sent" in asked.text
        check_ins = client.get("/api/interviews/1").json()["check_ins"]
        assert [c.get("status", "draft") for c in check_ins] == ["draft"]
        bad = client.post(
            "/interviews/1/check-in/send/settle", data={"to": "Dana Lee", "found": "maybe"}
        )
        assert bad.status_code in (400, 422)
