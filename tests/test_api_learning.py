"""Everything the follow-up and learning pages show is in the JSON API too."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from afterword.web.app import create_app
from support import EXAMPLES, NOW


def test_the_api_gives_due_check_ins_insights_questions_and_prep(database_url: str) -> None:
    times = [NOW]
    with TestClient(create_app(database_url, clock=lambda: times[0])) as client:
        for name in ("acme-first-round.yaml", "panel-onsite.yaml", "good-interview.json"):
            with (EXAMPLES / name).open("rb") as handle:
                client.post("/interviews/import", files={"file": (name, handle)})
        due = client.get("/api/due").json()
        assert [s["action"] for s in due] == ["thank_you"] * 4
        assert due[3] | {"reason": ""} == {
            "interview_id": 1,
            "action": "thank_you",
            "to": "Dana Lee",
            "not_before": None,
            "due_by": "2026-11-25T15:30:00-05:00",
            "reason": "",
        }
        body = "Dear Dana,\n\nThank you for the time today.\n\nBest,\nAlex"
        client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body, "action": "sent"})
        status = client.get("/api/interviews/1/check-in").json()
        assert status["allowed"] is False
        assert status["not_before"] == "2026-12-08T09:00:00-05:00"
        early = client.post("/api/interviews/1/check-in")
        assert early.status_code == 409 and "Tuesday 8 December" in early.json()["detail"]
        times[0] = NOW + timedelta(days=14)
        draft = client.post("/api/interviews/1/check-in").json()
        assert draft["to"] == "Dana Lee" and draft["ready"]

        insights = client.get("/api/insights").json()
        assert insights["causes"]["company_research"] >= 1
        questions = client.get("/api/questions", params={"q": "email"}).json()
        assert questions and "email" in str(questions[0]).casefold()
        prep = client.get(
            "/api/prep", params={"company": "Acme Robotics", "role": "Product Marketing Manager"}
        )
        assert prep.status_code == 200 and prep.json()
        assert client.get("/api/prep", params={"company": " ", "role": "x"}).status_code == 422


def test_the_api_plans_and_records_practice(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=lambda: NOW)) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        today = client.get("/api/practice").json()["today"]
        assert [q["question"] for q in today] == ["How would you grow our email list?"]
        card = today[0]["card_id"]
        rated = client.post(f"/api/practice/{card}", json={"rating": "good", "answer": "Landing"})
        assert rated.status_code == 200 and rated.json()["reviews"] == 1
        assert client.get("/api/practice").json()["today"] == []
        bad = client.post(f"/api/practice/{card}", json={"rating": "superb"})
        assert bad.status_code == 422
