"""Practice: a spaced-repetition deck of the questions that went badly, each with the better
answer written since, scheduled with FSRS 6.

**One card per question, not per moment.** Moments have no ids of their own (a debrief saved
again rewrites them), and the same question asked in two interviews is one thing to learn. A
card is keyed by a wording of the question as compared word for word
(:func:`afterword.question_bank.normalise`, hashed); it is shown for the question-bank group
that holds that wording, so near-duplicate questions ("How would you grow our email list?",
"How would you grow the email list?") share one card and one schedule. Groups can merge as
questions are added; the card with the most reviews then stands for the group, and the others
rest. A card whose wordings are all gone (the moment removed or reworded) is kept with its
reviews, and no longer shown.

A question is on the deck when one of its moments was weak and has a better answer: there is
nothing to reveal otherwise.

**Daily practice, without burying anyone.** FSRS runs without its minute-long learning steps
(``learning_steps=()``, ``relearning_steps=()``): every rating schedules the question for a
later day. At most :data:`DAILY_LIMIT` questions a day (new and due together, the day's
reviews counted): after a break, the most important (asked in the most interviews) and then
the most overdue come first, and the rest wait for the following days, ``limit`` a day,
rather than arriving all at once.

**Before the next interview.** With an interview logged in the future (the soonest within
:data:`HORIZON_DAYS`, or the one by a date the user names), the questions most likely to come
up for its company and role (the prep checklist's scoring, :func:`afterword.prep.likely_
questions`) come first, due or not, once a day each.

Pure: the caller passes the cards as stored, the question bank, the clock and the day.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from afterword.model import Interview
from afterword.question_bank import QuestionGroup, normalise

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

#: Questions a day, new and due together: enough to keep up, few enough after a break.
DAILY_LIMIT = 10
#: How far ahead an interview logged in the future is prepared for without being asked.
HORIZON_DAYS = 14


class Rating(IntEnum):
    """How the answer went (FSRS's ratings, by the same numbers)."""

    again = 1
    hard = 2
    good = 3
    easy = 4


#: What each rating means to the person practising.
RATING_WORDS = {
    Rating.again: "I could not answer it",
    Rating.hard: "I got there, with effort",
    Rating.good: "I answered it well",
    Rating.easy: "It came easily",
}


def scheduler(*, fuzzing: bool = True) -> Scheduler:
    """FSRS for daily practice: no learning steps in minutes; fuzzing (a random spread of the
    longer intervals, so that questions learned together do not stay together) can be turned
    off for exact dates in tests."""
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=fuzzing)


def card_key(question: str) -> str:
    """The key of a question's card: its wording as compared word for word, hashed (a
    fixed-length key, whatever the length of the question)."""
    return hashlib.sha256(normalise(question).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class PracticeCard:
    """A card as stored: FSRS's fields, and how many reviews it has had."""

    id: int
    key: str
    question: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reviews: int
    created_at: datetime

    @property
    def is_new(self) -> bool:
        return self.last_review is None

    def to_fsrs(self) -> Card:
        from fsrs import Card, State

        return Card(
            card_id=self.id,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due.astimezone(UTC),
            last_review=self.last_review.astimezone(UTC) if self.last_review else None,
        )


def review(
    card: PracticeCard, rating: Rating, when: datetime, *, fuzzing: bool = True
) -> PracticeCard:
    """The card after a review rated ``rating`` at ``when`` (any zone: FSRS is given UTC)."""
    from dataclasses import replace

    from fsrs import Rating as FsrsRating

    updated, _ = scheduler(fuzzing=fuzzing).review_card(
        card.to_fsrs(), FsrsRating(int(rating)), when.astimezone(UTC)
    )
    return replace(
        card,
        state=int(updated.state),
        step=updated.step,
        stability=updated.stability,
        difficulty=updated.difficulty,
        due=updated.due,
        last_review=updated.last_review,
        reviews=card.reviews + 1,
    )


def on_deck(groups: Sequence[QuestionGroup]) -> list[QuestionGroup]:
    """The questions worth practising: weak at least once, with a better answer written."""
    return [
        g for g in groups if any(a.moment.kind.is_weak and a.moment.better_answer for a in g.asked)
    ]


def match(
    groups: Sequence[QuestionGroup], cards: Sequence[PracticeCard]
) -> list[tuple[QuestionGroup, PracticeCard | None]]:
    """Each question on the deck with its card (None: none made yet). Of several cards for one
    group (its questions were grouped since), the one with the most reviews, then the oldest."""
    by_key = {c.key: c for c in cards}
    found = []
    for group in on_deck(groups):
        mine = {by_key[k] for k in {card_key(w) for w in group.wordings} if k in by_key}
        best = min(mine, key=lambda c: (-c.reviews, c.id), default=None)
        found.append((group, best))
    return found


@dataclass(frozen=True, slots=True)
class Upcoming:
    """The interview practice prepares for: one logged in the future, or only a date the user
    named (then the questions that came back most often come first)."""

    on: date
    interview_id: int | None = None
    company: str | None = None
    role: str | None = None

    def label(self, today: date) -> str:
        """'Thursday' within the week, else the date ('Thu 10 Dec')."""
        days = (self.on - today).days
        if days == 0:
            return "today"
        if days == 1:
            return "tomorrow"
        if 0 < days < 7:
            return self.on.strftime("%A")
        return self.on.strftime("%a %d %b").replace(" 0", " ")


def upcoming(
    interviews: Sequence[tuple[int, Interview]],
    now: datetime,
    before: date | None = None,
    zone: Any = UTC,
) -> Upcoming | None:
    """The soonest interview logged in the future (by ``before``, a local date, when given;
    else within :data:`HORIZON_DAYS`). With ``before`` and none logged by then, the date alone."""
    last = before or (now.astimezone(zone) + timedelta(days=HORIZON_DAYS)).date()
    ahead = sorted(
        (
            (item.ended_at, i, item)
            for i, item in interviews
            if item.ended_at > now and item.ended_at.astimezone(zone).date() <= last
        ),
        key=lambda t: (t[0], t[1]),
    )
    if ahead:
        ended_at, i, item = ahead[0]
        return Upcoming(ended_at.astimezone(zone).date(), i, item.company, item.role)
    return Upcoming(before) if before is not None else None


@dataclass(frozen=True, slots=True)
class Question:
    """A question to practise today, and why it is on today's list."""

    group: QuestionGroup
    #: None until the practice session makes it (a question new to the deck).
    card: PracticeCard | None
    why: str
    likely: bool = False

    @property
    def best_answer(self) -> str:
        """The most recent better answer written for a weak moment of it."""
        for asked in self.group.asked:
            if asked.moment.kind.is_weak and asked.moment.better_answer:
                return asked.moment.better_answer
        return self.group.better_answer or ""


@dataclass(frozen=True, slots=True)
class Plan:
    """Today's practice: the questions in order, and what waits for the next days."""

    today: list[Question]
    done_today: int
    limit: int
    #: Due (or new) questions held back by the daily limit.
    waiting_due: int
    waiting_new: int
    #: Questions on the deck (shown ones; resting cards are not counted).
    total: int
    upcoming: Upcoming | None = None
    likely: list[QuestionGroup] = field(default_factory=list)

    @property
    def waiting(self) -> int:
        return self.waiting_due + self.waiting_new

    @property
    def days_to_clear(self) -> int:
        """In how many more days, at ``limit`` a day, what waits is through."""
        return math.ceil(self.waiting / self.limit) if self.limit and self.waiting else 0

    @property
    def next(self) -> Question | None:
        return self.today[0] if self.today else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": [
                {
                    "card_id": q.card.id if q.card else None,
                    "question": q.group.question,
                    "why": q.why,
                    "likely": q.likely,
                    "due": q.card.due.isoformat() if q.card else None,
                    "reviews": q.card.reviews if q.card else 0,
                }
                for q in self.today
            ],
            "done_today": self.done_today,
            "limit": self.limit,
            "waiting_due": self.waiting_due,
            "waiting_new": self.waiting_new,
            "total": self.total,
            "upcoming": {
                "on": self.upcoming.on.isoformat(),
                "interview_id": self.upcoming.interview_id,
                "company": self.upcoming.company,
                "role": self.upcoming.role,
            }
            if self.upcoming
            else None,
        }


def _day(moment: datetime, zone: Any) -> date:
    return moment.astimezone(zone).date()


def plan(
    deck: Sequence[tuple[QuestionGroup, PracticeCard | None]],
    now: datetime,
    *,
    done_today: int = 0,
    limit: int = DAILY_LIMIT,
    zone: Any = UTC,
    upcoming: Upcoming | None = None,
    likely: Sequence[QuestionGroup] = (),
) -> Plan:
    """Today's questions, in order: those likely at the upcoming interview (not yet practised
    today) first; then those due by the end of the local day, the ones asked in the most
    interviews first, then the most overdue; then new ones in the question bank's order (asked
    in more interviews, then the most recent). No more than ``limit`` less ``done_today``."""
    today = _day(now, zone)
    likely_rank = {id(g): n for n, g in enumerate(likely)}
    forward: list[tuple[int, Question]] = []
    due: list[tuple[tuple[int, datetime, int], Question]] = []
    new: list[Question] = []
    for group, card in deck:
        last = card.last_review if card is not None else None
        practised_today = last is not None and _day(last, zone) >= today
        if id(group) in likely_rank and not practised_today and upcoming is not None:
            forward.append(
                (likely_rank[id(group)], Question(group, card, _likely_why(upcoming, today), True))
            )
        elif card is None or card.is_new:
            new.append(Question(group, card, "new: not practised yet"))
        elif _day(card.due, zone) <= today:
            late = (today - _day(card.due, zone)).days
            why = "due today" if late == 0 else f"due {late} day{'s' if late != 1 else ''} ago"
            due.append(((-group.interviews, card.due, card.id), Question(group, card, why)))
    ordered = [q for _, q in sorted(forward, key=lambda t: t[0])]
    ordered += [q for _, q in sorted(due, key=lambda t: t[0])]
    ordered += new
    room = max(0, limit - done_today)
    shown = ordered[:room]
    held = ordered[room:]
    return Plan(
        today=shown,
        done_today=done_today,
        limit=limit,
        waiting_due=sum(1 for q in held if q.card is not None and not q.card.is_new),
        waiting_new=sum(1 for q in held if q.card is None or q.card.is_new),
        total=len(deck),
        upcoming=upcoming,
        likely=list(likely),
    )


def _likely_why(upcoming: Upcoming, today: date) -> str:
    if upcoming.company:
        return f"likely at {upcoming.company} ({upcoming.label(today)})"
    return f"came back in other interviews: practise it before {upcoming.label(today)}"


def likely_for(
    groups: Sequence[QuestionGroup],
    past: Sequence[tuple[int, Interview]],
    upcoming: Upcoming | None,
) -> list[QuestionGroup]:
    """The groups (of ``groups``) most likely at the upcoming interview, most likely first: the
    prep checklist's questions for its company and role (for a date alone, those that came
    back most often)."""
    if upcoming is None:
        return []
    from afterword.prep import likely_questions

    found = likely_questions(past, upcoming.company or "", upcoming.role or "")
    by_wording = {normalise(w): g for g in groups for w in g.wordings}
    ranked: list[QuestionGroup] = []
    for q in found:
        group = next(
            (by_wording[k] for w in q.group.wordings if (k := normalise(w)) in by_wording), None
        )
        if group is not None and all(group is not g for g in ranked):
            ranked.append(group)
    return ranked
