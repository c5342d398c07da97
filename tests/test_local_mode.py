"""Local mode's guards: security headers on every answer, nothing loaded from elsewhere, and
pages that run under their policy in a real Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from afterword.web.app import CONTENT_SECURITY_POLICY, create_app
from support import clock


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'afterword.db'}", clock=clock)) as test:
        yield test


@pytest.mark.parametrize(
    "path", ["/", "/interviews/new", "/stories", "/api/interviews", "/static/afterword.js", "/nope"]
)
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self';" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_no_swagger_ui_from_a_cdn_but_the_schema_stays(client: TestClient) -> None:
    assert client.get("/api/docs").status_code == 404
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200 and "/api/interviews" in schema.json()["paths"]


def test_the_templates_have_no_inline_script_or_style() -> None:
    templates = Path(__file__).resolve().parents[1] / "src/afterword/web/templates"
    for template in templates.glob("*.html"):
        html = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), template.name
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", html), template.name


PAGES = [
    "/",
    "/interviews/new",
    "/interviews/1",
    "/interviews/1/edit",
    "/interviews/1/debrief?step=feeling",
    "/interviews/1/debrief?step=moments",
    "/interviews/1/notes",
    "/interviews/1/outcome",
    "/stories",
]


@pytest.mark.browser
def test_the_pages_run_under_their_policy(browser: Any, live_server: str) -> None:
    """Chromium reports every breach of the page's policy on the console; there is none, on
    any page, and the editor still checks the note as it is typed."""
    context = browser.new_context(base_url=live_server)
    context.set_default_timeout(10_000)
    page = context.new_page()
    breaches: list[str] = []
    page.on(
        "console",
        lambda message: (
            breaches.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/")
    page.get_by_role("button", name="Try it with an example").click()
    for path in PAGES:
        page.goto(path)
        page.wait_for_load_state("load")
    page.goto("/interviews/1/notes")
    page.locator("textarea").first.fill(
        "Dear Dana,\n\nI'm sorry I blanked on your question.\n\nBest regards,\nAlex"
    )
    page.locator(".findings .finding.error").first.wait_for()
    assert page.evaluate("() => typeof htmx") == "object"  # the vendored script ran
    context.close()
    assert breaches == []
