"""The whole journey in a real browser: log, debrief, write and check a note, send, outcome."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest

from support import REPO

pytestmark = pytest.mark.browser
#: The README's picture of the editor, refreshed only on request (AFTERWORD_SCREENSHOTS=1), so
#: that running the tests leaves the checkout as it was.
SCREENSHOT = REPO / "docs" / "note-editor.png"


@pytest.fixture
def page(browser: Any, live_server: str) -> Any:
    # Playwright evaluates string predicates and injects axe-core as inline scripts, which the
    # pages' policy forbids; test_local_mode.py checks the pages under the policy itself.
    context = browser.new_context(
        base_url=live_server, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def log_panel_interview(page: Any) -> None:
    page.goto("/")
    page.get_by_role("button", name="Log your interview").click()
    page.get_by_label("Company").fill("Northwind Health")
    page.get_by_label("Role").fill("Senior Data Analyst")
    page.get_by_label("It ended").fill("2026-11-24T15:30")
    page.get_by_label("Time zone").fill("America/New_York")
    page.get_by_label("Name", exact=True).fill("Priya Natarajan")
    page.get_by_label("Topics you discussed with them (one a line)").fill("data quality")
    # "Add another interviewer" adds a row in place (no page load).
    page.get_by_role("button", name="Add another interviewer").click()
    page.get_by_label("Name", exact=True).nth(1).fill("Tom Becker")
    page.get_by_label("Topics you discussed with them (one a line)").nth(1).fill(
        "SQL window functions"
    )
    page.get_by_label("Your name").fill("Sam Rivera")
    page.get_by_role("button", name="Log it and start the debrief").click()
    page.wait_for_url(re.compile(r"/interviews/1/debrief"))


def test_the_journey_from_logging_to_outcome(page: Any) -> None:
    log_panel_interview(page)

    page.get_by_label("Bad", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("I hadn't researched the company").check()
    page.get_by_label("In your own words, why did it go that way?").fill("I ran out of time.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("The question or topic").fill("How would you detect a silent drop in a feed?")
    page.get_by_label("Your best answer now").last.fill("Row counts per day against a baseline.")
    page.get_by_role("button", name="Add it").click()
    page.get_by_role("button", name="Continue to lessons").click()
    page.get_by_label("What will you do differently next time?").fill("Practise live SQL")
    page.get_by_role("button", name="Save and write the notes").click()
    page.wait_for_url(re.compile(r"/interviews/1/notes"))

    # One tab per interviewer.
    assert page.get_by_role("tab", name="Priya Natarajan").is_visible()
    assert page.get_by_role("tab", name="Tom Becker").is_visible()

    # The editor checks as the user types and marks the problem in the text.
    body = page.get_by_label("Your note to Priya Natarajan")
    body.fill(
        "Dear Priya,\n\nI'm sorry I blanked on your question about the claims feed.\n\n"
        "Best regards,\nSam Rivera"
    )
    page.locator(".findings .finding.error").first.wait_for()
    assert page.locator(".highlights mark.error").count() >= 1
    assert "to fix before sending" in page.locator("[data-readiness]").inner_text()
    if os.environ.get("AFTERWORD_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOT), full_page=True)

    # Rewrite it until the checker says it is ready.
    body.fill(
        "Dear Priya,\n\nThank you for your time today and for walking me through the "
        "readmissions dashboard and data quality at Northwind Health. I wanted to add to our "
        "conversation about the claims feed: at my last job I built daily row-count checks "
        "that caught 11 feed failures in one quarter.\n\n"
        "I would welcome the chance to discuss the Senior Data Analyst role further. Could we "
        "find time next week?\n\nBest regards,\nSam Rivera"
    )
    page.get_by_text("Ready to send").wait_for()
    page.wait_for_function("document.querySelector('[data-save-status]').textContent == 'Saved.'")

    # Autosaved: it survives a reload.
    page.reload()
    assert "11 feed failures" in page.get_by_label("Your note to Priya Natarajan").input_value()

    page.get_by_role("button", name="Mark as sent").click()
    page.get_by_text("Marked as sent").wait_for()
    assert page.get_by_role("tab", name=re.compile("Priya Natarajan.*sent")).is_visible()
    # What went out is kept as it was: the editor is read-only and says it was sent.
    assert not page.get_by_label(re.compile("Your note to Priya")).is_editable()
    page.locator("[data-readiness]").get_by_text("Sent", exact=True).wait_for()

    # The composer drafts Tom's note; the chosen draft is ready as it is.
    page.get_by_role("tab", name="Tom Becker").click()
    page.get_by_role("button", name="Draft for me").click()
    drafts = page.locator(".variant")
    assert drafts.count() == 3
    assert drafts.nth(0).inner_text() != drafts.nth(1).inner_text()
    drafts.nth(1).get_by_role("button", name="Use this draft").click()
    page.get_by_text("Ready to send").wait_for()
    assert "Tom" in page.get_by_label("Your note to Tom Becker").input_value().splitlines()[0]

    page.goto("/interviews/1/outcome")
    page.get_by_label("They said no").check()
    page.get_by_role("button", name="Record it").click()
    page.get_by_label("One lesson").fill("Bring one number for every skill")
    page.get_by_role("button", name="Save the lesson").click()
    page.get_by_text("Lesson saved").wait_for()
    page.goto("/")
    assert "closed" in page.locator(".card").first.inner_text()


def test_an_unsaved_edit_survives_a_reload_when_the_server_is_unreachable(
    page: Any, live_server: str
) -> None:
    log_panel_interview(page)
    page.goto("/interviews/1/notes")
    # Make every save fail, as when the app was stopped.
    page.route("**/api/interviews/1/notes/**", lambda route: route.abort())
    page.get_by_label("Your note to Priya Natarajan").fill("Dear Priya,\n\nThank you")
    page.get_by_text("Not saved to Afterword").wait_for()
    page.unroute("**/api/interviews/1/notes/**")
    page.reload()
    assert page.get_by_label("Your note to Priya Natarajan").input_value() == (
        "Dear Priya,\n\nThank you"
    )
    page.get_by_text("Restored your unsaved edit").wait_for()


def test_apply_a_suggested_rewrite_in_one_click(page: Any) -> None:
    log_panel_interview(page)
    page.goto("/interviews/1/notes?to=Tom%20Becker")
    body = page.get_by_label("Your note to Tom Becker")
    body.fill("Dear Tom,\n\nI apologize for rambling about dbt.\n\nBest,\nSam")
    apply = page.get_by_role("button", name="Apply").first
    apply.wait_for()
    before = body.input_value()
    apply.click()
    page.wait_for_function(
        "before => document.querySelector('[data-body]').value !== before", arg=before
    )
    assert "apologize" not in body.input_value().lower()


def test_the_pages_fit_a_phone_screen(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto("/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    page.get_by_role("button", name="Try it with an example").click()
    page.goto("/interviews/1/notes")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_keyboard_users_see_where_they_are(page: Any, live_server: str) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/interviews/new",
        "/interviews/1",
        "/interviews/1/debrief?step=causes",
        "/interviews/1/debrief?step=moments",
        "/interviews/1/notes",
        "/interviews/1/outcome",
        "/stories",
        "/quick",
        "/interviews/1/check-in",
        "/practice",
        "/insights",
        "/questions",
        "/settings",
    ],
)
def test_pages_have_no_serious_accessibility_problems(page: Any, path: str) -> None:
    """axe-core (from npm) finds no serious or critical problem: labels, contrast, roles."""
    page.goto("/")
    if page.get_by_role("button", name="Try it with an example").count():
        page.get_by_role("button", name="Try it with an example").click()
    page.goto(path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations")
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:80]})"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_autosaves_reach_the_server_in_the_order_they_were_typed(page: Any) -> None:
    """A slow save overtaken by a later one must not leave the older text stored."""
    log_panel_interview(page)
    page.goto("/interviews/1/notes")
    held: list[Any] = []

    def hold_the_first_save(route: Any) -> None:
        if route.request.method == "PUT" and not held:
            held.append(route)  # answered later, after the next save
            return
        route.continue_()

    page.route("**/api/interviews/1/notes/**", hold_the_first_save)
    body = page.get_by_label("Your note to Priya Natarajan")
    body.fill("Dear Priya,\n\nFirst version.")
    page.wait_for_function("document.querySelector('[data-save-status]').textContent")
    page.wait_for_timeout(1200)
    assert len(held) == 1
    body.fill("Dear Priya,\n\nSecond version.")
    page.wait_for_timeout(1200)
    held[0].continue_()
    page.wait_for_function("document.querySelector('[data-save-status]').textContent == 'Saved.'")
    page.wait_for_timeout(500)
    stored = page.request.get("/api/interviews/1").json()["notes"]
    assert [n["body"] for n in stored] == ["Dear Priya,\n\nSecond version."]


def test_apply_never_rewrites_text_the_findings_were_not_for(page: Any) -> None:
    """After more typing, a finding's offsets point into the old text: Apply must not cut
    the user's note at the wrong place."""
    log_panel_interview(page)
    page.goto("/interviews/1/notes?to=Tom%20Becker")
    body = page.get_by_label("Your note to Tom Becker")
    body.fill("Dear Tom,\n\nI apologize for rambling about dbt.\n\nBest,\nSam")
    apply = page.get_by_role("button", name="Apply").first
    apply.wait_for()
    page.route("**/api/check", lambda route: None)  # the next check never answers
    typed = "Dear Tom,\n\nThank you for the time today.\n\nI apologize for rambling about dbt."
    typed += "\n\nBest,\nSam"
    body.fill(typed)
    apply.click()
    page.wait_for_timeout(300)
    assert body.input_value() == typed
