"""The quick path, as a person two hours after a bad interview would take it: from an empty
dashboard to a ready, signed note that names the interviewer and follows up the weak moment
with their own fact, counting every click and field."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from afterword.web.app import create_app
from support import clock

#: The most clicks plus fields the quick path may take (issue: "in 12 interactions").
BUDGET = 12


class Counted:
    """A page whose clicks and fills are counted."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.interactions = 0

    def click(self, locator: Any) -> None:
        self.interactions += 1
        locator.click()

    def fill(self, locator: Any, value: str) -> None:
        self.interactions += 1
        locator.fill(value)


@pytest.mark.browser
def test_a_ready_signed_specific_note_within_twelve_interactions(
    browser: Any, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    user = Counted(page)
    page.goto("/")
    user.click(page.get_by_role("button", name="Write the thank-you note now"))
    user.fill(page.get_by_label("Company"), "Northwind Health")
    user.fill(page.get_by_label("Role"), "Senior Data Analyst")
    user.fill(page.get_by_label("Who interviewed you"), "Priya Natarajan")
    user.fill(
        page.get_by_label("What went worst, in a few words"),
        "catching a silent drop in a claims feed",
    )
    user.fill(
        page.get_by_label("What you would add now"),
        "I would compare row counts per day against a rolling baseline and alert on a 20% drop.",
    )
    user.fill(page.get_by_label("Your name"), "Sam Rivera")
    user.click(page.get_by_role("button", name="Draft my notes"))

    body = page.get_by_label("Your note to Priya Natarajan")
    page.locator("[data-readiness] .badge.ready").wait_for()
    note = body.input_value()
    assert note.splitlines()[0].endswith("Priya,")  # "Dear Priya," or "Hello Priya,"
    assert "rolling baseline" in note or "row counts" in note
    assert note.rstrip().endswith("Sam Rivera")
    assert user.interactions <= BUDGET, user.interactions
    assert user.interactions == 8

    # The next time, the name is remembered: one field fewer.
    page.goto("/quick")
    assert page.get_by_label("Your name").input_value() == "Sam Rivera"
    context.close()


def test_the_quick_form_refuses_clearly_and_keeps_the_typing(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=clock)) as client:
        form = {
            "company": "Globex",
            "role": "Analyst",
            "interviewers": " , ",
            "ended_at": "2026-11-25T08:00",
            "timezone": "America/New_York",
            "question": "why this company",
            "better_answer": "Because of the forecasting work.",
            "sender_name": "Sam",
        }
        refused = client.post("/quick", data=form)
        assert refused.status_code == 422 and "who interviewed you" in refused.text
        assert "Because of the forecasting work." in refused.text
        assert client.get("/api/interviews").json() == []
        made = client.post("/quick", data={**form, "interviewers": "Ana Ruiz; Bo Li"})
        assert "first draft of your note" in made.text
        notes = client.get("/api/interviews/1").json()["notes"]
        assert [n["to"] for n in notes] == ["Ana Ruiz", "Bo Li"]
        assert all(n["body"].rstrip().endswith("Sam") for n in notes)


def test_each_quick_note_keeps_its_own_story(database_url: str) -> None:
    """A second quick note's result is its own, not the first one's."""
    with TestClient(create_app(database_url, clock=clock)) as client:
        base = {
            "role": "Analyst",
            "interviewers": "Ana Ruiz",
            "ended_at": "2026-11-25T08:00",
            "timezone": "America/New_York",
            "sender_name": "Sam",
        }
        client.post(
            "/quick",
            data={
                **base,
                "company": "Globex",
                "question": "email marketing",
                "story": "At Brightline I grew email sign-ups 200% in four months",
            },
        )
        client.post(
            "/quick",
            data={
                **base,
                "company": "Umbrella",
                "question": "SQL performance",
                "story": "At Initech I cut the SQL report's runtime from 40 to 4 minutes",
            },
        )
        second = client.get("/api/interviews/2").json()
        assert [s["result"] for s in second["stories"]] == [
            "At Initech I cut the SQL report's runtime from 40 to 4 minutes"
        ]
        assert "Brightline" not in second["notes"][0]["body"]
