"""The Insights, Questions and Prep pages and an interview's research, through the ASGI
client on the seeded history; the Insights charts in a real Chromium."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from afterword.model import Interview
from afterword.services import Workspace
from afterword.web.app import create_app
from support import NOW, clock
from test_learning import seed_module


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    seed_module().seed_database(database_url)
    with TestClient(create_app(database_url, clock=clock)) as test_client:
        yield test_client


def workspace_of(client: TestClient) -> Workspace:
    ws: Workspace = client.app.state.workspace  # type: ignore[attr-defined]
    return ws


def cells(html: str, row: str) -> list[str]:
    """The cells of the table row headed ``row``."""
    found = re.search(rf'<th scope="row">{re.escape(row)}</th>(.*?)</tr>', html)
    assert found, row
    return re.findall(r"<td>(.*?)</td>", found[1])


def test_the_insights_page_says_what_to_work_on_and_shows_the_figures(client: TestClient) -> None:
    page = client.get("/insights")
    assert page.status_code == 200
    html = page.text
    assert 'href="/insights" aria-current="page"' in html
    steps = re.findall(r"<li>(.*?)</li>", html.split("data-next-steps>")[1].split("</ol>")[0])
    assert steps[0] == (
        "Company research came up in 5 of your last 5 interviews: research the company first "
        "(its products, recent news, the team)."
    )
    # The table beside the chart: all, earlier 15, later 15, last 5.
    assert cells(html, "Company research")[:4] == ["16", "4", "12", "5"]
    assert cells(html, "Nerves")[:4] == ["6", "5", "1", "0"]
    assert "<strong>1 of 4</strong> still went on to the next round" in html
    for name in ("causes", "topics", "feelings"):
        assert f'src="/insights/{name}.svg"' in html
        chart = client.get(f"/insights/{name}.svg")
        assert chart.headers["content-type"] == "image/svg+xml"
        assert chart.text.lstrip().startswith("<?xml")
    causes = client.get("/insights/causes.svg").text
    assert "Interviews that named it" in causes and "What played a part" in causes
    assert "Company research" in causes and "#0072b2" in causes.lower()
    assert client.get("/insights/nothing.svg").status_code == 404


def test_the_question_bank_page_searches(client: TestClient) -> None:
    page = client.get("/questions").text
    assert page.count("data-question") == 51
    first = page.split("data-question")[1]
    assert "How would you position our product against a cheaper rival?" in first
    assert "asked in 9 interviews, word for word" in first
    found = client.get("/questions", params={"q": "price"}).text
    assert found.count("data-question") == 2
    assert "“How would you price a new product?”" in found
    assert "2 questions of 51." in found
    by_topic = client.get("/questions", params={"topic": "sql"}).text
    assert by_topic.count("data-question") == 1
    assert "Write a query that finds our top ten customers by revenue." in by_topic


def test_an_upcoming_interview_offers_its_prep_checklist(client: TestClient) -> None:
    ws = workspace_of(client)
    upcoming = ws.add_interview(
        Interview(
            company="Acme Robotics",
            role="Product Marketing Manager",
            ended_at=NOW + timedelta(days=2),
        )
    )
    page = client.get(f"/interviews/{upcoming}").text
    link = re.search(r'<a role="button" href="(/prep\?[^"]+)">Prepare for it</a>', page)
    assert link, page
    assert "Prepare for it" not in client.get("/interviews/1").text  # over already

    checklist = client.get(link[1].replace("&amp;", "&")).text
    first = checklist.split('data-section="first"')[1].split("</ul>")[0]
    assert first.index("Research Acme Robotics") < first.index("Practise your answers")
    assert "Company research came up in 5 of your last 5 interviews (16 in all)" in first
    questions = re.findall(r"<li><strong>(.*?)</strong>", checklist.split("questions")[-1])
    assert questions[0] == "How would you position our product against a cheaper rival?"

    download = re.search(r'<a href="([^"]+)" download>Download as Markdown</a>', checklist)
    assert download
    markdown = client.get(download[1].replace("&amp;", "&"))
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert (
        "prep-acme-robotics-product-marketing-manager.md"
        in (markdown.headers["content-disposition"])
    )
    assert markdown.text.startswith("# Prep: Product Marketing Manager at Acme Robotics")


def test_research_is_added_changed_and_removed_from_the_interview_page(
    client: TestClient,
) -> None:
    url = "/interviews/1/research"
    added = client.post(
        url,
        data={"topic": "expansion", "text": "They open in Canada.", "source": "their blog"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    assert added.headers["location"] == "/interviews/1?notice=Research+saved.#research"
    page = client.get("/interviews/1").text
    assert "<strong>expansion</strong> — They open in Canada." in page

    changed = {"index": "0", "was_topic": "expansion", "was_text": "They open in Canada."}
    client.post(
        url, data={**changed, "topic": "expansion", "text": "Canada and Mexico.", "back": "debrief"}
    )
    assert [r.text for r in workspace_of(client).interview(1).research] == ["Canada and Mexico."]
    assert "Canada and Mexico." in client.get("/interviews/1/debrief?step=moments").text

    # A second tab still shows the old text: its save is refused, its text kept in the form.
    stale = client.post(url, data={**changed, "topic": "expansion", "text": "Only Canada."})
    assert stale.status_code == 422
    assert "changed in another tab" in stale.text and "Only Canada." in stale.text
    empty = client.post(url, data={"topic": "", "text": ""})
    assert empty.status_code == 422 and "topic:" in empty.text

    removed = client.post(
        url,
        data={
            "index": "0",
            "was_topic": "expansion",
            "was_text": "Canada and Mexico.",
            "action": "delete",
        },
        follow_redirects=False,
    )
    assert removed.status_code == 303
    assert workspace_of(client).interview(1).research == []


@pytest.mark.browser
def test_the_insights_charts_render_in_a_browser(browser: Any, tmp_path: Path) -> None:
    from PIL import Image

    from browser import LiveServer

    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    seed_module().seed_database(url)
    server = LiveServer(url, create_app(url, clock=clock))
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_role("link", name="Insights").click()
        page.wait_for_url(re.compile(r"/insights$"))
        assert page.get_by_role("heading", name="What your interviews say").is_visible()
        chart = page.locator('img[data-chart="causes"]')
        chart.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => [...document.querySelectorAll('img[data-chart]')].every("
            "i => i.complete && i.naturalWidth > 0)"
        )
        assert chart.get_attribute("alt", timeout=1000).startswith("Bar chart")
        # The chart is drawn in its colours under the page's policy: the later half's blue
        # bars (Okabe-Ito #0072B2) show on screen.
        shot = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
        colours = shot.getcolors(maxcolors=shot.width * shot.height) or []
        blue = sum(
            count
            for count, (r, g, b) in colours
            if abs(r - 0x00) < 12 and abs(g - 0x72) < 12 and abs(b - 0xB2) < 12
        )
        assert blue > 2_000, blue
        assert page.locator('table[data-table="causes"]').is_visible()
    finally:
        context.close()
        server.stop()
