"""Sending over SMTP (``Workspace.send``), against a real SMTP server on the loopback address:
what arrived, exactly, and what the outbox and the note record, on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from sqlalchemy import MetaData, select

from afterword.errors import AfterwordError, InputError
from afterword.mail import SmtpSettings
from afterword.model import Note, NoteStatus
from afterword.services import Workspace
from afterword.store.tables import OutboxRow
from mailserver import MailServer, serve
from support import EXAMPLES, NOW

DANA = "Dana Lee"


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def server() -> Iterator[MailServer]:
    yield from serve()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ws(database_url: str, clock: Clock) -> Iterator[Workspace]:
    with Workspace(database_url, clock=clock) as workspace:
        workspace.import_file(EXAMPLES / "acme-first-round.yaml")
        yield workspace


def smtp(server: MailServer, **kwargs: object) -> SmtpSettings:
    options: dict[str, object] = {"security": "none", "timeout": 5.0, "backoff": 0.0}
    options.update(kwargs)
    return SmtpSettings("127.0.0.1", server.port, **options)  # type: ignore[arg-type]


def save_draft(ws: Workspace) -> Note:
    """The composer's draft to Dana Lee (clean: no error, no warning), saved."""
    drafts, _ = ws.draft_notes(1, to=DANA, seed=1)
    return ws.save_note(1, drafts[0].note()).note


def outbox(ws: Workspace) -> list[OutboxRow]:
    with ws.database.session() as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def test_a_ready_note_goes_out_once_exactly_as_saved(ws: Workspace, server: MailServer) -> None:
    note = save_draft(ws)
    seen_during: list[list[str]] = []
    # The attempt is on record, committed, before the server has answered.
    server.handler.during_data = lambda: seen_during.append([r.state for r in outbox(ws)])

    result = ws.send(1, DANA, smtp=smtp(server))

    assert result.state == "sent" and result.error is None and result.attempts == 1
    assert seen_during == [["sending"]]
    [arrival] = server.arrived
    assert arrival.sender == "alex@example.org"
    assert arrival.recipients == ["dana.lee@acme.example"]
    message = arrival.message
    assert message["From"] == "Alex Kim <alex@example.org>"
    assert message["To"] == "Dana Lee <dana.lee@acme.example>"
    assert message["Subject"] == note.subject
    assert message["Message-ID"] == result.message_id
    assert parsedate_to_datetime(message["Date"]) == NOW
    assert message["X-Unsent"] is None  # a sent message is no draft
    assert message.get_content().replace("\r\n", "\n") == note.body.rstrip("\n") + "\n"

    [row] = outbox(ws)
    assert (row.state, row.kind, row.to, row.email) == (
        "sent",
        "thank_you",
        DANA,
        "dana.lee@acme.example",
    )
    assert row.message_id == result.message_id and len(row.idempotency_key) == 64
    assert row.error is None and row.finished_at == NOW
    stored = ws.note(1, DANA)
    assert stored is not None
    assert stored.note.status is NoteStatus.sent and stored.note.sent_at == NOW

    # One note per interviewer: a second send is refused by the policy, and nothing goes out.
    with pytest.raises(InputError, match="thanked Dana Lee already"):
        ws.send(1, DANA, smtp=smtp(server))
    assert len(server.arrived) == 1 and len(outbox(ws)) == 1


def test_too_soon_after_the_interview_is_refused_with_the_time(
    ws: Workspace, server: MailServer, clock: Clock
) -> None:
    save_draft(ws)
    clock.now = datetime.fromisoformat("2026-11-24T15:50:00-05:00")  # 20 minutes after the end
    with pytest.raises(InputError, match="not before 16:30: a note within the hour"):
        ws.send(1, DANA, smtp=smtp(server))
    assert server.handler.seen == 0 and outbox(ws) == []


def test_a_note_with_errors_is_refused_and_force_sends_it_with_a_warning(
    ws: Workspace, server: MailServer
) -> None:
    body = (
        "Dear Dana,\n\nThank you for your time today. I'm sorry I bombed the question about "
        "the email list.\n\nBest,\nAlex Kim"
    )
    ws.save_note(1, Note(to=DANA, subject="Thank you", body=body))
    with pytest.raises(InputError, match=r"still has .* to fix \(apology: .*--force"):
        ws.send(1, DANA, smtp=smtp(server))
    assert server.handler.seen == 0 and outbox(ws) == []

    result = ws.send(1, DANA, force=True, smtp=smtp(server))
    assert result.state == "sent"
    assert any("error(s) left, as you asked" in w and "apology" in w for w in result.warnings)
    [arrival] = server.arrived
    assert "I'm sorry I bombed" in arrival.message.get_content()


def test_a_connection_dropped_mid_data_is_unknown_and_never_sent_again(
    ws: Workspace, server: MailServer
) -> None:
    save_draft(ws)
    server.handler.answers = ["drop"]
    result = ws.send(1, DANA, smtp=smtp(server))

    assert result.state == "unknown" and "may have gone out" in (result.error or "")
    assert server.handler.seen == 1 and server.arrived == []
    [row] = outbox(ws)
    assert row.state == "unknown" and row.finished_at == NOW
    stored = ws.note(1, DANA)
    assert stored is not None and stored.note.status is NoteStatus.draft

    # Not re-sent blindly: refused, with the way to settle it, and nothing reaches the server.
    for _ in range(2):
        with pytest.raises(InputError, match=r"Sent folder.*--mark-sent.*--mark-not-sent"):
            ws.send(1, DANA, smtp=smtp(server))
    # Not even after an edit of the note (a new version).
    ws.save_note(1, stored.note.model_copy(update={"subject": "Thank you, Dana"}))
    with pytest.raises(InputError, match="Sent folder"):
        ws.send(1, DANA, smtp=smtp(server))
    assert server.handler.seen == 1 and len(outbox(ws)) == 1
    last = ws.last_send(1, DANA)
    assert last is not None and last.state == "unknown"


def test_an_unknown_send_found_in_the_sent_folder_is_recorded_as_sent(
    ws: Workspace, server: MailServer, clock: Clock
) -> None:
    note = save_draft(ws)
    server.handler.answers = ["drop"]
    assert ws.send(1, DANA, smtp=smtp(server)).state == "unknown"
    clock.now = NOW + timedelta(hours=2)  # the user looked later
    settled = ws.resolve_send(1, DANA, sent=True)
    assert settled.state == "sent"
    stored = ws.note(1, DANA)
    assert stored is not None
    # Sent when it was handed over, as it was then.
    assert stored.note.status is NoteStatus.sent and stored.note.sent_at == NOW
    assert stored.note.body == note.body
    with pytest.raises(InputError, match="thanked Dana Lee already"):
        ws.send(1, DANA, smtp=smtp(server))
    with pytest.raises(InputError, match="no send to Dana Lee of unknown outcome"):
        ws.resolve_send(1, DANA, sent=True)
    assert server.handler.seen == 1


def test_an_unknown_send_not_in_the_sent_folder_may_be_sent_again_under_a_new_key(
    ws: Workspace, server: MailServer
) -> None:
    save_draft(ws)
    server.handler.answers = ["drop"]
    first = ws.send(1, DANA, smtp=smtp(server))
    ws.resolve_send(1, DANA, sent=False)
    second = ws.send(1, DANA, smtp=smtp(server))

    assert second.state == "sent" and second.message_id != first.message_id
    [arrival] = server.arrived
    assert arrival.message["Message-ID"] == second.message_id
    rows = outbox(ws)
    assert [r.state for r in rows] == ["failed", "sent"]
    assert "not in your Sent folder" in (rows[0].error or "")
    assert rows[0].idempotency_key != rows[1].idempotency_key
    assert rows[0].note_version == rows[1].note_version  # the same note, a new attempt


def test_a_4xx_answer_is_retried_and_exactly_one_message_arrives(
    ws: Workspace, server: MailServer
) -> None:
    save_draft(ws)
    server.handler.answers = ["451 4.3.0 Try again later"]
    waits: list[float] = []
    result = ws.send(1, DANA, smtp=smtp(server, backoff=0.5), sleep=waits.append)

    assert result.state == "sent" and result.attempts == 2
    assert waits == [0.5]  # injected: the test never sleeps
    assert server.handler.seen == 2
    [arrival] = server.arrived
    assert arrival.message["Message-ID"] == result.message_id  # the same message, retried
    assert [r.state for r in outbox(ws)] == ["sent"]


def test_4xx_answers_to_every_try_fail_after_a_bounded_number(
    ws: Workspace, server: MailServer
) -> None:
    save_draft(ws)
    server.handler.answers = ["451 4.3.0 Try again later"] * 5
    waits: list[float] = []
    result = ws.send(1, DANA, smtp=smtp(server, attempts=3, backoff=1.0), sleep=waits.append)
    assert result.state == "failed" and "451" in (result.error or "")
    assert "tried 3 times" in (result.error or "")
    assert waits == [1.0, 2.0] and server.handler.seen == 3 and server.arrived == []


def test_a_5xx_answer_fails_and_the_note_stays_a_draft_with_the_error_recorded(
    ws: Workspace, server: MailServer
) -> None:
    save_draft(ws)
    server.handler.answers = ["550 5.7.1 Message rejected as spam"]
    result = ws.send(1, DANA, smtp=smtp(server))

    assert result.state == "failed" and result.attempts == 1
    assert "550 5.7.1 Message rejected as spam" in (result.error or "")
    assert server.handler.seen == 1 and server.arrived == []
    [row] = outbox(ws)
    assert row.state == "failed" and "550" in (row.error or "")
    stored = ws.note(1, DANA)
    assert stored is not None and stored.note.status is NoteStatus.draft
    last = ws.last_send(1, DANA)
    assert last is not None and last.state == "failed"

    # A clear failure may be tried again (the server takes it now).
    assert ws.send(1, DANA, smtp=smtp(server)).state == "sent"
    assert len(server.arrived) == 1


def test_a_refused_recipient_fails_before_any_data(ws: Workspace, server: MailServer) -> None:
    save_draft(ws)
    server.handler.rcpt_answer = "550 5.1.1 No such user"
    result = ws.send(1, DANA, smtp=smtp(server))
    assert result.state == "failed" and "recipient dana.lee@acme.example" in (result.error or "")
    assert "550 5.1.1" in (result.error or "") and server.handler.seen == 0


def test_no_server_listening_fails_clearly(ws: Workspace, server: MailServer) -> None:
    save_draft(ws)
    port = server.port
    server.stop()
    result = ws.send(1, DANA, smtp=SmtpSettings("127.0.0.1", port, "none", timeout=5))
    assert result.state == "failed" and "connection was refused" in (result.error or "")
    stored = ws.note(1, DANA)
    assert stored is not None and stored.note.status is NoteStatus.draft


def test_two_sends_of_the_same_note_at_once_send_one_message(
    ws: Workspace, server: MailServer
) -> None:
    save_draft(ws)
    start = threading.Barrier(2, timeout=30)
    outcomes: list[str] = []

    def send() -> None:
        start.wait()
        try:
            outcomes.append(ws.send(1, DANA, smtp=smtp(server)).state)
        except AfterwordError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(o == "sent" for o in outcomes) == [False, True], outcomes
    refusal = next(o for o in outcomes if o != "sent")
    assert "being sent already" in refusal or "thanked Dana Lee already" in refusal
    assert len(server.arrived) == 1 and [r.state for r in outbox(ws)] == ["sent"]


def test_a_dry_run_makes_the_message_and_sends_nothing(ws: Workspace, server: MailServer) -> None:
    note = save_draft(ws)
    result = ws.send(1, DANA, dry_run=True, smtp=smtp(server))
    assert result.state == "dry_run" and result.filename == "interview-1-dana-lee.eml"
    assert b"Subject: " in result.message and b"X-Unsent" not in result.message
    assert result.message_id.encode() in result.message
    assert note.subject.split()[0].encode() in result.message
    assert server.handler.seen == 0 and outbox(ws) == []
    stored = ws.note(1, DANA)
    assert stored is not None and stored.note.status is NoteStatus.draft


def test_refusals_name_what_is_missing(ws: Workspace, server: MailServer) -> None:
    with pytest.raises(AfterwordError, match="no note to Dana Lee yet"):
        ws.send(1, DANA, smtp=smtp(server))
    ws.update_interview(
        1,
        lambda i: i.model_copy(
            update={"interviewers": [i.interviewers[0].model_copy(update={"email": None})]}
        ),
    )
    save_draft(ws)
    with pytest.raises(InputError, match="no email address for Dana Lee"):
        ws.send(1, DANA, smtp=smtp(server))
    with pytest.raises(InputError, match=r"no check-in draft to Dana Lee|send your thank-you"):
        ws.send(1, DANA, kind="check_in", smtp=smtp(server))
    assert server.handler.seen == 0


def test_a_check_in_goes_out_when_the_policy_allows_it(
    ws: Workspace, server: MailServer, clock: Clock
) -> None:
    save_draft(ws)
    assert ws.send(1, DANA, smtp=smtp(server)).state == "sent"
    with pytest.raises(InputError, match=r"no check-in draft to Dana Lee|not before"):
        ws.send(1, DANA, kind="check_in", smtp=smtp(server))
    # The decision was promised for Saturday 5 December: check-ins from Tuesday the 8th.
    clock.now = datetime.fromisoformat("2026-12-08T10:00:00-05:00")
    with pytest.raises(InputError, match="no check-in draft to Dana Lee"):
        ws.send(1, DANA, kind="check_in", smtp=smtp(server))
    draft = ws.draft_check_in(1, DANA)
    ws.save_check_in(1, draft.note())

    result = ws.send(1, DANA, kind="check_in", smtp=smtp(server))
    assert result.state == "sent"
    assert [a.message["Subject"] for a in server.arrived] == [
        server.arrived[0].message["Subject"],
        draft.subject,
    ]
    interview = ws.interview(1)
    [check_in] = interview.check_ins
    assert check_in.status is NoteStatus.sent and check_in.sent_at == clock.now
    # One check-in is all the policy allows.
    with pytest.raises(InputError, match="as many as helps"):
        ws.send(1, DANA, kind="check_in", smtp=smtp(server))
    assert len(server.arrived) == 2


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_password_is_used_to_log_in_and_kept_nowhere(
    ws: Workspace, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    secret = "pw-Zq8!unique-4471"
    caplog.set_level(logging.DEBUG)
    for server in serve(user="alex", password=secret):
        save_draft(ws)
        wrong = ws.send(1, DANA, smtp=smtp(server, user="alex", password=secret + "x"))
        assert wrong.state == "failed" and "refused the login: 535" in (wrong.error or "")
        settings = smtp(server, user="alex", password=secret)
        assert secret not in repr(settings) and secret not in str(settings)
        assert ws.send(1, DANA, smtp=settings).state == "sent"
        assert server.logins[-1] == (b"alex", secret.encode())
        assert len(server.arrived) == 1
    everything = dump_database(ws)
    assert "refused the login" in everything  # the failure is on record, without the password
    assert secret not in everything
    out, err = capfd.readouterr()
    assert secret not in caplog.text + out + err


def dump_database(ws: Workspace) -> str:
    metadata = MetaData()
    metadata.reflect(ws.database.engine)
    with ws.database.engine.connect() as connection:
        return "\n".join(
            repr(row)
            for table in metadata.sorted_tables
            for row in connection.execute(table.select())
        )


def test_what_was_shown_is_what_goes_out(ws: Workspace, server: MailServer) -> None:
    """The CLI shows the message and asks: a note saved elsewhere meanwhile is not sent in
    place of the one the user confirmed."""
    note = save_draft(ws)
    shown = ws.send(1, DANA, smtp=smtp(server), dry_run=True)
    ws.save_note(1, note.model_copy(update={"body": note.body + "\n\nP.S. Edited in the browser."}))
    with pytest.raises(InputError, match="changed since it was shown"):
        ws.send(1, DANA, smtp=smtp(server), shown=shown)
    assert server.arrived == [] and outbox(ws) == []
    again = ws.send(1, DANA, smtp=smtp(server), dry_run=True)
    assert ws.send(1, DANA, smtp=smtp(server), shown=again).state == "sent"
    assert len(server.arrived) == 1 and "Edited in the browser" in server.arrived[0].data.decode()
