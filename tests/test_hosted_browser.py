"""Hosted mode in a real Chromium, on PostgreSQL: sign up, try the example, and write a note in
the live editor, whose checks and autosaves (script calls) carry the CSRF token; log out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser import LiveServer
from hosted import PASSWORD, Clock, hosted_app
from support import PostgresServer

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


@pytest.fixture
def hosted_server(postgres: PostgresServer) -> Iterator[str]:
    url = postgres.new_database()
    server = LiveServer(url, app=hosted_app(url, Clock()))
    # The cookies are Secure: browsers keep them on https, and on this computer's own name.
    yield server.url.replace("127.0.0.1", "localhost")
    server.stop()


def test_a_new_account_writes_a_note_in_the_live_editor(browser: Any, hosted_server: str) -> None:
    # Playwright's string predicates count as inline script; the policy is checked elsewhere.
    context = browser.new_context(base_url=hosted_server, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/")
    assert "/login" in page.url
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_label("The password again").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()
    page.get_by_text("Signed in as ana@example.org").wait_for()
    page.get_by_role("button", name="Try it with an example").click()
    page.goto("/interviews/1/notes?to=Dana%20Lee")
    note = page.get_by_label("Your note to Dana Lee")
    note.fill("Dear Dana,\n\nI am so sorry about my answer on the email list.\n\nBest,\nAlex")
    # The live check (a POST) answered: the apology is flagged.
    page.locator(".finding.error").first.wait_for()
    assert "apolog" in page.locator("[data-findings]").inner_text().lower()
    # The autosave (a PUT) was accepted.
    page.wait_for_function("document.querySelector('[data-save-status]').textContent == 'Saved.'")
    page.reload()
    assert "I am so sorry" in page.get_by_label("Your note to Dana Lee").input_value()
    page.get_by_role("button", name="Log out").click()
    assert "/login" in page.url
    page.goto("/interviews/1/notes?to=Dana%20Lee")
    assert "/login" in page.url
    context.close()


@pytest.fixture
def with_a_coach(postgres: PostgresServer) -> Iterator[str]:
    url = postgres.new_database()
    app = hosted_app(url, Clock())
    app.state.hosted.accounts.create_user("cora@example.org", PASSWORD, "coach")
    server = LiveServer(url, app=app)
    yield server.url.replace("127.0.0.1", "localhost")
    server.stop()


HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 1"> Well done'


def test_a_member_shares_with_a_coach_who_comments_and_the_share_is_revoked(
    browser: Any, with_a_coach: str
) -> None:
    """Both sides in the browser: Ana shares her interview (her password again), the coach
    reads it and leaves a comment of hostile text, which Ana sees as text; she revokes, and the
    coach's page is gone."""
    ana = browser.new_context(base_url=with_a_coach, bypass_csp=True)
    ana.set_default_timeout(10_000)
    page = ana.new_page()
    page.goto("/signup")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_label("The password again").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()
    page.get_by_role("button", name="Try it with an example").click()
    page.goto("/interviews/1")
    page.get_by_role("link", name="Share with a coach").click()
    page.get_by_label("Your coach's email").fill("cora@example.org")
    page.get_by_label("Your password, to confirm").fill(PASSWORD)
    page.get_by_role("button", name="Share it").click()
    page.get_by_text("cora@example.org can now see the Acme Robotics interview").wait_for()

    coach = browser.new_context(base_url=with_a_coach, bypass_csp=True)
    coach.set_default_timeout(10_000)
    other = coach.new_page()
    other.goto("/login")
    other.get_by_label("Email").fill("cora@example.org")
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("button", name="Log in").click()
    other.get_by_role("link", name="Shared with you").click()
    other.get_by_role("link", name="Acme Robotics").click()
    other.get_by_label("A comment for ana@example.org").fill(HOSTILE)
    other.get_by_role("button", name="Leave the comment").click()
    other.get_by_text("Your comment is left.").wait_for()

    page.goto("/interviews/1")
    comment = page.locator("[data-comment]")
    assert HOSTILE in comment.inner_text()
    assert page.evaluate("window.pwned") is None
    assert other.evaluate("window.pwned") is None

    page.goto("/sharing")
    page.get_by_label("Your password").first.fill(PASSWORD)
    page.get_by_role("button", name="Revoke").click()
    page.get_by_text("cora@example.org no longer sees").wait_for()
    other.goto("/coach/interviews/1")
    assert "Acme Robotics" not in other.content()
    page.goto("/interviews/1")
    assert page.locator("[data-comment]").count() == 0
    ana.close()
    coach.close()


def _hostile_debrief() -> str:
    """The example debrief as JSON with the hostile text appended to every text field a
    person can type (names kept readable where a field is used as a link's text)."""
    import json

    import yaml

    from support import EXAMPLES

    data = yaml.safe_load((EXAMPLES / "acme-first-round.yaml").read_text(encoding="utf-8"))
    data["company"] = "Acme " + HOSTILE
    data["role"] = "Marketer " + HOSTILE
    data["timeline"] = HOSTILE
    data["cause_notes"] = HOSTILE
    data["lessons"] = [HOSTILE]
    person = data["interviewers"][0]
    person["name"] = "Dana <b>Lee</b>"
    person["topics"] = [HOSTILE]
    for moment in data["moments"]:
        moment["question"] = moment["question"] + " " + HOSTILE
        moment["what_i_said"] = HOSTILE
        moment["better_answer"] = HOSTILE
        moment.pop("stories", None)
    for story in data["stories"]:
        story["situation"] = HOSTILE
        story["action"] = HOSTILE
        story["result"] = "Grew sign-ups 200% " + HOSTILE
    for item in data["research"]:
        item["text"] = HOSTILE
    return json.dumps(data, default=str)


def test_hostile_text_in_every_field_stays_text_for_a_logged_in_user(
    browser: Any, hosted_server: str, tmp_path: Any
) -> None:
    """A logged-in member imports a debrief whose every text field holds markup and script
    (through the page's own import form, so with its CSRF token), then opens every page that
    shows it: the text is shown as typed and no script of it runs, under the real policy."""
    path = tmp_path / "hostile.json"
    path.write_text(_hostile_debrief(), encoding="utf-8")
    context = browser.new_context(base_url=hosted_server)
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/signup")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_label("The password again").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()
    page.goto("/interviews/new")
    page.get_by_text("Or import a debrief file").click()
    page.set_input_files("#debrief-file", str(path))
    page.locator("form[action='/interviews/import'] button[type=submit]").click()
    page.wait_for_url("**/interviews/1*")
    to = "Dana%20%3Cb%3ELee%3C%2Fb%3E"
    pages = [
        "/",
        "/interviews/1",
        "/interviews/1/edit",
        "/interviews/1/debrief?step=causes",
        "/interviews/1/debrief?step=moments",
        "/interviews/1/debrief?step=lessons",
        f"/interviews/1/notes?to={to}",
        "/interviews/1/outcome",
        "/stories",
        "/insights",
        "/questions",
        "/prep",
        "/practice",
    ]
    for address in pages:
        response = page.goto(address)
        assert response is not None and response.status == 200, address
        assert page.evaluate("window.pwned") is None, address
        assert page.locator("script:not([src])").count() == 0, address
        assert page.locator("img[src=x]").count() == 0, address
    page.goto("/interviews/1")
    assert HOSTILE in page.locator("body").inner_text()
    page.goto(f"/interviews/1/notes?to={to}")
    assert "Dana <b>Lee</b>" in page.locator("body").inner_text()
    assert dialogs == []
    context.close()
