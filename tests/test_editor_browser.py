"""The note editor in a real browser: Apply on a note with an emoji, two tabs on one note,
and an unsaved copy kept in the browser from before a newer save."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

INTERVIEW = {
    "company": "Acme Robotics",
    "role": "Product Marketing Manager",
    "ended_at": "2026-11-24T15:30:00-05:00",
    "interviewers": [{"name": "Dana Lee"}],
}


@pytest.fixture
def context(browser: Any, live_server: str) -> Any:
    # Playwright's string predicates count as inline script; the pages' policy is checked on
    # its own in test_local_mode.py.
    context = browser.new_context(base_url=live_server, bypass_csp=True)
    context.set_default_timeout(10_000)
    created = context.request.post("/api/interviews", data=INTERVIEW)
    assert created.status == 201
    yield context
    context.close()


def stored(context: Any) -> str:
    return str(context.request.get("/api/interviews/1/notes/Dana%20Lee").json()["note"]["body"])


def saved(page: Any) -> None:
    page.wait_for_function("document.querySelector('[data-save-status]').textContent == 'Saved.'")


def test_apply_keeps_a_note_with_an_emoji_intact(context: Any) -> None:
    page = context.new_page()
    page.goto("/interviews/1/notes")
    body = page.get_by_label("Your note to Dana Lee")
    body.fill(
        "Dear Dana,\n\n🚀 Thank you for the chat about the launch!!! It was great.\n\nBest,\nAlex"
    )
    finding = page.locator(".findings li.finding", has_text="exclamation")
    finding.get_by_role("button", name="Apply").click()
    assert body.input_value() == (
        "Dear Dana,\n\n🚀 Thank you for the chat about the launch. It was great.\n\nBest,\nAlex"
    )
    saved(page)
    assert "launch. It was great" in stored(context)


def test_a_second_tab_never_overwrites_newer_text(context: Any) -> None:
    first, second = context.new_page(), context.new_page()
    first.goto("/interviews/1/notes")
    second.goto("/interviews/1/notes")
    second.get_by_label("Your note to Dana Lee").fill("Dear Dana,\n\nFrom the second tab.")
    saved(second)
    first.get_by_label("Your note to Dana Lee").fill("Dear Dana,\n\nFrom the first tab.")
    first.wait_for_function(
        "document.querySelector('[data-save-status]').textContent.includes('changed elsewhere')"
    )
    assert stored(context) == "Dear Dana,\n\nFrom the second tab."
    # The first tab's text is still on its screen and in the browser, not lost.
    assert first.get_by_label("Your note to Dana Lee").input_value().endswith("first tab.")


def test_an_unsaved_copy_from_before_a_newer_save_is_offered_not_imposed(context: Any) -> None:
    page = context.new_page()
    page.goto("/interviews/1/notes")
    page.route("**/api/interviews/1/notes/**", lambda route: route.abort())  # offline
    page.get_by_label("Your note to Dana Lee").fill("Dear Dana,\n\nTyped offline.")
    page.wait_for_function(
        "document.querySelector('[data-save-status]').textContent.includes('Not saved')"
    )
    page.unroute("**/api/interviews/1/notes/**")
    # Meanwhile the note is saved elsewhere (another device, the command line).
    newer = context.request.put(
        "/api/interviews/1/notes/Dana%20Lee", data={"body": "Dear Dana,\n\nNewer.", "version": 0}
    )
    assert newer.ok
    page.reload()
    body = page.get_by_label("Your note to Dana Lee")
    assert body.input_value() == "Dear Dana,\n\nNewer."
    page.get_by_role("button", name="Use my unsaved edit instead").click()
    assert body.input_value() == "Dear Dana,\n\nTyped offline."
    saved(page)
    assert stored(context) == "Dear Dana,\n\nTyped offline."


def test_use_this_draft_asks_before_replacing_what_you_wrote(context: Any) -> None:
    page = context.new_page()
    page.goto("/interviews/1/notes")
    body = page.get_by_label("Your note to Dana Lee")
    body.fill("Dear Dana,\n\nMy own words.")
    saved(page)
    page.get_by_role("button", name="Draft for me").click()
    asked: list[str] = []

    def decline(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", decline)
    page.get_by_role("button", name="Use this draft").first.click()
    page.wait_for_timeout(300)
    assert asked and "Replace the note you wrote" in asked[0]
    assert stored(context) == "Dear Dana,\n\nMy own words."
    assert page.get_by_label("Your note to Dana Lee").input_value() == "Dear Dana,\n\nMy own words."


def test_on_a_phone_the_finding_under_the_cursor_is_explained_beside_the_text(
    browser: Any, live_server: str
) -> None:
    context = browser.new_context(
        base_url=live_server, bypass_csp=True, viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(10_000)
    assert context.request.post("/api/interviews", data=INTERVIEW).status == 201
    page = context.new_page()
    page.goto("/interviews/1/notes")
    body = page.get_by_label("Your note to Dana Lee")
    text = "Dear Dana,\n\nThank you for the time. I'm sorry I rambled.\n\nBest,\nAlex"
    body.fill(text)
    page.locator(".findings .finding.error").first.wait_for()
    here = page.locator("[data-here]")
    assert here.is_hidden()
    body.evaluate("(el, at) => { el.focus(); el.setSelectionRange(at, at); }", text.index("sorry"))
    body.press("ArrowRight")
    here.wait_for()
    assert "To fix: An apology" in here.inner_text()
    # It sits right under the note, not below the list of findings.
    note_box = body.bounding_box()
    here_box = here.bounding_box()
    assert note_box and here_box and 0 <= here_box["y"] - (note_box["y"] + note_box["height"]) < 80
    context.close()
