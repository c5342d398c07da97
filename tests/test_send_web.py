"""The note editor's Send button, against a real SMTP server on the loopback address: shown
only when [smtp] is set, a plain form post, and each outcome told on the page."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from afterword.services import Workspace
from afterword.web.app import create_app
from mailserver import MailServer, serve
from support import EXAMPLES, clock

PAGE = "/interviews/1/notes?to=Dana%20Lee"
SEND = "/interviews/1/notes/send?to=Dana%20Lee"


@pytest.fixture
def server() -> Iterator[MailServer]:
    yield from serve()


@pytest.fixture
def client(database_url: str, isolated_home: Path, server: MailServer) -> Iterator[TestClient]:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\n'
    )
    with Workspace(database_url, clock=clock) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
        drafts, _ = ws.draft_notes(1, to="Dana Lee", seed=1)
        ws.save_note(1, drafts[0].note())
    with TestClient(create_app(database_url, clock=clock)) as test_client:
        yield test_client


def form(page: str) -> dict[str, str]:
    """The editor's fields as the page holds them."""
    editor = page.split('class="editor-form"')[1]
    subject = editor.split('name="subject" value="')[1].split('"')[0]
    body = editor.split('data-body spellcheck="true"')[1].split(">", 1)[1].split("</textarea>")[0]
    version = editor.split('name="version" value="')[1].split('"')[0]
    return {
        "subject": html.unescape(subject),
        "body": html.unescape(body),
        "version": version,
    }


def test_the_send_button_sends_once_and_says_so(client: TestClient, server: MailServer) -> None:
    page = client.get(PAGE).text
    assert "data-smtp-send" in page and "Send to dana.lee@acme.example" in page
    sent = client.post(SEND, data=form(page), follow_redirects=True)
    assert sent.status_code == 200
    assert "Sent to Dana Lee (dana.lee@acme.example)" in html.unescape(sent.text)
    assert "data-smtp-send" not in sent.text and "sent-record" in sent.text
    [arrival] = server.arrived
    assert arrival.recipients == ["dana.lee@acme.example"]
    # A second post (a double click, a resent form) sends nothing more.
    again = client.post(SEND, data=form(page), follow_redirects=True)
    assert "Not sent: you have thanked Dana Lee already" in html.unescape(again.text)
    assert len(server.arrived) == 1


def test_a_failure_is_shown_and_the_note_stays_a_draft(
    client: TestClient, server: MailServer
) -> None:
    server.handler.answers = ["550 5.7.1 Rejected by policy"]
    page = client.post(SEND, data=form(client.get(PAGE).text), follow_redirects=True).text
    text = html.unescape(page)
    assert "Not sent: the mail server refused the message: 550 5.7.1 Rejected by policy" in text
    assert "data-send-failed" in page and "data-smtp-send" in page  # it may be tried again
    assert server.arrived == []


def test_an_unknown_outcome_asks_about_the_sent_folder(
    client: TestClient, server: MailServer
) -> None:
    server.handler.answers = ["drop"]
    page = client.post(SEND, data=form(client.get(PAGE).text), follow_redirects=True).text
    assert "Look in your Sent folder" in html.unescape(page)
    assert "data-send-unknown" in page and "data-smtp-send" not in page
    # The form posted again anyway (another tab): refused, nothing reaches the server.
    again = client.post(SEND, data=form(page), follow_redirects=True)
    assert "Not sent: the note to Dana Lee may already have gone out" in html.unescape(again.text)
    assert server.handler.seen == 1
    settled = client.post(
        "/interviews/1/notes/send/settle?to=Dana%20Lee",
        data={"found": "yes"},
        follow_redirects=True,
    )
    assert "Recorded as sent." in settled.text and "sent-record" in settled.text
    assert server.handler.seen == 1 and server.arrived == []


def test_a_note_with_errors_asks_before_sending_anyway(
    client: TestClient, server: MailServer
) -> None:
    fields = form(client.get(PAGE).text)
    fields["body"] = fields["body"].replace("\n\n", "\n\nI'm sorry I bombed that question. ", 1)
    page = client.post(SEND, data=fields, follow_redirects=True).text
    assert "Not sent: the note still has" in html.unescape(page)
    assert "data-smtp-send-anyway" in page and server.handler.seen == 0
    forced = client.post(SEND, data={**form(page), "force": "1"}, follow_redirects=True)
    assert "Sent to Dana Lee" in html.unescape(forced.text)
    [arrival] = server.arrived
    assert "I'm sorry I bombed" in arrival.message.get_content()


def test_no_send_button_without_smtp_settings(database_url: str) -> None:
    with Workspace(database_url, clock=clock) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
    with TestClient(create_app(database_url, clock=clock)) as client:
        page = client.get(PAGE).text
        assert "Mark as sent" in page and "data-smtp-send" not in page


def test_the_check_in_page_sends_the_check_in_once(
    database_url: str, isolated_home: Path, server: MailServer
) -> None:
    from datetime import timedelta

    from support import NOW

    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\n'
    )
    later = NOW + timedelta(days=14)
    with Workspace(database_url, clock=clock) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
        ws.save_note(1, ws.draft_notes(1, to="Dana Lee", seed=1).notes[0].note())
        ws.mark_sent(1, "Dana Lee", NOW)
    with TestClient(create_app(database_url, clock=lambda: later)) as client:
        client.post("/interviews/1/check-in/draft")
        page = client.get("/interviews/1/check-in").text
        assert "Send to dana.lee@acme.example" in page
        body = html.unescape(page.split('name="body"')[1].split(">", 1)[1].split("</textarea>")[0])
        sent = client.post(
            "/interviews/1/check-in/send",
            data={"to": "Dana Lee", "subject": "Following up", "body": body},
        )
        assert "Sent to Dana Lee" in html.unescape(sent.text)
        assert "Check-in to Dana Lee sent" in sent.text
        again = client.post(
            "/interviews/1/check-in/send",
            data={"to": "Dana Lee", "subject": "Following up", "body": body},
        )
        assert "Not sent" in html.unescape(again.text)
    assert len(server.arrived) == 1
    assert server.arrived[0].message["Subject"] == "Following up"


def test_a_note_sent_by_email_cannot_be_unmarked_and_sent_again(
    client: TestClient, server: MailServer
) -> None:
    page = client.get(PAGE).text
    client.post(SEND, data=form(page))
    assert len(server.arrived) == 1
    assert "Undo “sent”" not in client.get(PAGE).text
    undo = client.post("/interviews/1/notes/unsend?to=Dana%20Lee")
    assert undo.status_code == 400 and "did go out" in undo.text
    again = client.post(SEND, data=form(page))
    assert "Not sent" in html.unescape(again.text)
    assert len(server.arrived) == 1
