"""A note follows up the moment that mattered most to its reader: the one they asked, where the
writer could not answer, with the answer the writer has written since; not a moment that went
only less well because a story or a topic word happens to fit it better."""

from __future__ import annotations

from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Story
from compose_support import drafts


def _interview() -> Interview:
    return Interview(
        company="Fenwick Payments",
        role="Senior Backend Engineer",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[
            Interviewer(name="Priya Raman", topics=["rate limiting for the public API"]),
            Interviewer(name="Tom Ellery", topics=["mentoring"]),
        ],
        debrief=Debrief(
            moments=[
                Moment(
                    question="How would you design rate limiting for our public API?",
                    kind=MomentKind.could_be_better,
                    asked_by="Priya Raman",
                    topic="rate limiting",
                    better_answer="I would use a token bucket per API key in Redis.",
                    stories=["Rate limiter for the partner API"],
                ),
                Moment(
                    question="How would you make sure a retried payment is never charged twice?",
                    kind=MomentKind.couldnt_answer,
                    asked_by="Priya Raman",
                    topic="duplicate charges",
                    better_answer="I would give every payment request an idempotency key that "
                    "the client sends with each retry. The server stores the key with the "
                    "result and returns the stored result for a key it has seen.",
                ),
            ]
        ),
        stories=[
            Story(
                title="Rate limiter for the partner API",
                situation="Partners flooded our public API at month end.",
                action="I built a token bucket rate limiter in Redis for the public API.",
                result="Timeouts at month end fell from 4% to 0.2%.",
                skills=["rate limiting", "API design"],
            )
        ],
    )


def test_the_question_the_writer_could_not_answer_is_the_one_followed_up() -> None:
    for draft in drafts(_interview(), seeds=4):
        if draft.to != "Priya Raman":
            continue
        assert draft.ready, draft.text
        assert "idempotency key" in draft.text, draft.text
        assert "token bucket" not in draft.text, draft.text


def test_a_question_on_why_the_writer_is_moving_is_followed_up_with_their_reasons() -> None:
    """ "Why are you leaving hospitality?" is answered by the writer's own written reasons, not
    by a story that shares a theme with it (a career change, a course taken)."""
    interview = Interview(
        company="Quayside Hotels",
        role="HR Advisor",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Dana Whitby")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Why are you leaving hospitality?",
                    kind=MomentKind.could_be_better,
                    topic="career change",
                    better_answer="The part of my work I enjoy most is hiring and keeping "
                    "people, and I want to do it full time.",
                    stories=["HR certificate"],
                ),
            ]
        ),
        stories=[
            Story(
                title="HR certificate",
                situation="I decided to move into HR in 2025.",
                action="I completed an HR certificate in the evenings while working full time.",
                result="I passed the certificate exam in October 2026.",
                skills=["career change", "HR"],
            )
        ],
    )
    for draft in drafts(interview, seeds=4):
        if draft.variant != 1:
            continue
        assert draft.ready, draft.text
        assert "hiring and keeping people" in draft.text, draft.text
