"""States, urgency and the order of the agenda: what the dashboard and `afterword list` show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from afterword.journey import agenda, state, urgency
from afterword.model import Debrief, Interview, InterviewState, Note, Outcome

ENDED = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def make(**changes: object) -> Interview:
    base = Interview(company="Acme", role="Analyst", ended_at=ENDED)
    return base.model_copy(update=changes)


def test_states_follow_the_journey() -> None:
    now = ENDED + timedelta(hours=2)
    assert state(make(), now) is InterviewState.debrief_to_do
    debriefed = make(debrief=Debrief(feeling=2))
    assert state(debriefed, now) is InterviewState.note_to_write

    draft = Note(to="Dana Lee", body="Dear Dana, thank you ...")
    assert state(make(notes=[draft]), now) is InterviewState.note_ready
    # A draft the checker does not pass is still a note to write.
    assert state(make(notes=[draft]), now, lambda i, n: False) is InterviewState.note_to_write
    assert state(make(notes=[Note(to="Dana Lee")]), now) is InterviewState.note_to_write

    sent = Note(to="Dana Lee", body="...", status="sent", sent_at=now)
    assert state(make(notes=[sent]), now + timedelta(hours=1)) is InterviewState.sent
    assert state(make(notes=[sent]), now + timedelta(days=4)) is InterviewState.waiting
    decided = make(notes=[sent], decision_expected_by=date(2026, 11, 24))
    assert state(decided, now + timedelta(days=1)) is InterviewState.waiting
    # One note sent, another still a draft: the draft still needs doing.
    assert state(make(notes=[sent, draft]), now) is InterviewState.note_ready

    closed = make(notes=[sent], outcome=Outcome.rejected)
    assert state(closed, now) is InterviewState.closed


def test_the_countdown_turns_amber_then_red_and_stops_once_sent() -> None:
    interview = make()
    todo = InterviewState.debrief_to_do
    assert urgency(interview, todo, ENDED + timedelta(hours=10)) == "ok"
    assert urgency(interview, todo, ENDED + timedelta(hours=19)) == "amber"
    assert urgency(interview, todo, ENDED + timedelta(hours=25)) == "red"
    assert urgency(interview, InterviewState.sent, ENDED + timedelta(hours=25)) == "none"


def test_the_agenda_puts_the_nearest_deadline_first() -> None:
    now = ENDED + timedelta(hours=12)
    soon = make(company="Soon", ended_at=ENDED - timedelta(hours=8))  # 4 h left
    later = make(company="Later", ended_at=ENDED)  # 12 h left
    missed = make(company="Missed", ended_at=ENDED - timedelta(days=2))
    sent = make(
        company="Sent",
        notes=[Note(to="X", body="b", status="sent", sent_at=now - timedelta(hours=1))],
    )
    closed = make(company="Closed", outcome=Outcome.offer)
    cards = agenda([(1, closed), (2, later), (3, sent), (4, missed), (5, soon)], now)
    assert [c.interview.company for c in cards] == ["Soon", "Later", "Missed", "Sent", "Closed"]
    assert cards[0].urgency == "amber" and cards[2].urgency == "red"
    assert cards[0].next_step == ("Debrief it", "debrief")
    assert cards[3].next_step[0] == "Record the outcome"


def test_the_promised_decision_date_is_read_in_the_interview_s_zone() -> None:
    """In Los Angeles on the evening of the promised day it is already tomorrow in UTC; the
    decision is not overdue yet."""
    la = timezone(timedelta(hours=-8))
    ended = datetime(2026, 12, 1, 15, 0, tzinfo=la)
    sent = Note(to="Dana Lee", body="...", status="sent", sent_at=ended + timedelta(hours=2))
    interview = Interview(
        company="Acme",
        role="Analyst",
        ended_at=ended,
        decision_expected_by=date(2026, 12, 2),
        notes=[sent],
    )
    evening = datetime(2026, 12, 2, 19, 0, tzinfo=la).astimezone(UTC)  # 03:00 UTC on the 3rd
    assert state(interview, evening) is InterviewState.sent
    assert state(interview, evening + timedelta(hours=6)) is InterviewState.waiting
