"""The follow-up journey in a real browser, with the clock in the test's hands: the note is
sent, the dashboard shows when a check-in is allowed, one before then is refused with the
date, and after it a check-in is drafted and sent over SMTP, once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from afterword.web.app import create_app
from browser import LiveServer
from mailserver import MailServer, serve
from support import EXAMPLES, NOW

pytestmark = pytest.mark.browser


@pytest.fixture
def mail() -> Iterator[MailServer]:
    yield from serve()


@pytest.fixture
def journey(
    browser: Any, tmp_path: Path, isolated_home: Path, mail: MailServer
) -> Iterator[tuple[Any, list[Any]]]:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {mail.port}\nsecurity = "none"\n'
    )
    times = [NOW]
    app = create_app(f"sqlite:///{tmp_path / 'journey.db'}", clock=lambda: times[0])
    app.state.workspace.import_file(EXAMPLES / "acme-first-round.yaml")
    server = LiveServer("", app=app)
    context = browser.new_context(base_url=server.url)
    context.set_default_timeout(10_000)
    yield context.new_page(), times
    context.close()
    server.stop()


def test_sent_then_a_check_in_only_when_its_day_comes(
    journey: tuple[Any, list[Any]], mail: MailServer
) -> None:
    page, times = journey
    page.goto("/interviews/1/notes?to=Dana%20Lee")
    page.get_by_label("Your note to Dana Lee").fill(
        "Dear Dana,\n\nThank you for your time today and for the conversation about the "
        "warehouse robot launch. Since we spoke, I looked into the market: most buyers are "
        "third-party logistics firms.\n\nI'd welcome the chance to continue the conversation."
        "\n\nBest regards,\nAlex Kim"
    )
    page.get_by_role("button", name="Mark as sent").click()
    page.get_by_text("Marked as sent").wait_for()

    page.goto("/")
    today = page.locator("section.today")
    assert "Check-in to Dana Lee" in today.inner_text()
    assert "Tue 08 Dec 2026, 09:00" in today.inner_text()

    today.get_by_role("link", name="Check-in").click()
    assert "Not yet." in page.locator("[data-check-in-refused]").inner_text()
    assert page.get_by_role("button", name="Draft a check-in").count() == 0

    times[0] = NOW + timedelta(days=14)
    page.reload()
    page.get_by_role("button", name="Draft a check-in").click()
    page.get_by_text("Here is a draft").wait_for()
    body = page.get_by_label("Your check-in to Dana Lee")
    assert "Dear Dana," in body.input_value()
    assert "Ready to send" in page.content()
    page.get_by_role("button", name="Send to dana.lee@acme.example").click()
    page.get_by_text("Sent to Dana Lee").wait_for()
    assert page.get_by_role("button", name="Draft a check-in").count() == 0
    assert "as many as helps" in page.locator("[data-check-in-refused]").inner_text()
    # Sent once: one message arrived, the check-in, and nothing offers to send another.
    assert len(mail.arrived) == 1
    assert mail.arrived[0].message["Subject"].startswith("Following up")
    assert page.get_by_role("button", name="Send to dana.lee@acme.example").count() == 0
