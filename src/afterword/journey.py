"""Where an interview stands on the journey, what to do next, and in what order.

Pure: the caller passes the clock and a way to tell whether a draft is ready (the checker), so
the CLI and the web app show the same states in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from afterword.model import Interview, InterviewState, Note, NoteStatus

#: After this long with no answer, "sent" becomes "waiting" (and a check-in may be considered).
SENT_FOR = timedelta(days=3)
#: The last hours before the 24-hour mark, when the countdown turns amber.
AMBER_HOURS = 6

Urgency = Literal["ok", "amber", "red", "none"]


def state(
    interview: Interview,
    now: datetime,
    is_ready: Callable[[Interview, Note], bool] | None = None,
) -> InterviewState:
    """The state of an interview; ``is_ready`` tells a draft that passes the checker."""
    if interview.outcome is not None:
        return InterviewState.closed
    notes = interview.notes
    sent = [n for n in notes if n.status is NoteStatus.sent]
    if notes and len(sent) == len(notes):
        last = max((n.sent_at for n in sent if n.sent_at), default=None)
        decided = interview.decision_expected_by
        # The date the decision was promised for is a date where the user lives: read the
        # clock in the interview's zone, not in UTC.
        overdue = decided is not None and now.astimezone(interview.ended_at.tzinfo).date() > decided
        if overdue or last is None or now - last > SENT_FOR:
            return InterviewState.waiting
        return InterviewState.sent
    drafts = [n for n in notes if n.status is NoteStatus.draft]
    if drafts and all(
        n.body.strip() and (is_ready is None or is_ready(interview, n)) for n in drafts
    ):
        return InterviewState.note_ready
    if drafts or interview.debrief.is_started:
        return InterviewState.note_to_write
    return InterviewState.debrief_to_do


NEXT_STEPS: dict[InterviewState, tuple[str, str]] = {
    # state: (what the button says, which page it opens)
    InterviewState.debrief_to_do: ("Debrief it", "debrief"),
    InterviewState.note_to_write: ("Write the notes", "notes"),
    InterviewState.note_ready: ("Send the notes", "notes"),
    InterviewState.sent: ("Record the outcome", "outcome"),
    InterviewState.waiting: ("Record the outcome", "outcome"),
    InterviewState.closed: ("See the lessons", "debrief?step=lessons"),
}


def urgency(interview: Interview, current: InterviewState, now: datetime) -> Urgency:
    """How the 24-hour countdown looks: it matters only while a note is still to be sent."""
    if current not in (
        InterviewState.debrief_to_do,
        InterviewState.note_to_write,
        InterviewState.note_ready,
    ):
        return "none"
    hours = interview.hours_left(now)
    if hours < 0:
        return "red"
    return "amber" if hours <= AMBER_HOURS else "ok"


@dataclass(frozen=True, slots=True)
class Card:
    """One interview as the dashboard and ``afterword list`` show it."""

    id: int
    interview: Interview
    state: InterviewState
    urgency: Urgency
    hours_left: float

    @property
    def next_step(self) -> tuple[str, str]:
        return NEXT_STEPS[self.state]


_RANK = {
    InterviewState.debrief_to_do: 1,
    InterviewState.note_to_write: 1,
    InterviewState.note_ready: 1,
    InterviewState.sent: 2,
    InterviewState.waiting: 2,
    InterviewState.closed: 3,
}


def agenda(
    interviews: Sequence[tuple[int, Interview]],
    now: datetime,
    is_ready: Callable[[Interview, Note], bool] | None = None,
) -> list[Card]:
    """Cards in the order of what needs doing now: notes still inside their 24 hours, the
    soonest deadline first; then notes past the mark, newest first; then interviews waiting
    for an answer; then closed ones."""
    cards = []
    for interview_id, interview in interviews:
        current = state(interview, now, is_ready)
        cards.append(
            Card(
                interview_id,
                interview,
                current,
                urgency(interview, current, now),
                interview.hours_left(now),
            )
        )

    def key(card: Card) -> tuple[int, int, float]:
        rank = _RANK[card.state]
        if rank == 1 and card.hours_left >= 0:
            return (0, 0, card.hours_left)
        return (rank, 0, -card.interview.ended_at.timestamp())

    return sorted(cards, key=key)
