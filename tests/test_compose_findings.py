"""Research in a note says what was found, not only what the writer read."""

from __future__ import annotations

from afterword.composer import compose
from afterword.composer.facts import research_facts
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Research


def test_no_shorter_form_of_research_drops_what_was_found() -> None:
    text = (
        "I read the council's published flood plan over the weekend and walked the two streets "
        "it names; the plan still routes sandbags from a depot that closed in 2024."
    )
    for form in research_facts(text):
        assert "depot that closed" in form, form


def test_research_that_only_says_what_was_read_is_followed_by_the_writers_view() -> None:
    interview = Interview(
        company="Brackenridge Housing",
        role="Finance Business Partner",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Leona Batty", topics=["the repairs budget"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question="What did you make of our repairs spending?",
                    kind=MomentKind.couldnt_answer,
                    topic="repairs spending",
                    better_answer="Responsive repairs take about two thirds of the budget, so "
                    "moving damp cases into planned work is where the savings are.",
                )
            ]
        ),
        research=[
            Research(
                topic="repairs spending",
                text="I read the last two board papers on repairs carefully, including the "
                "appendix on contractor costs.",
            )
        ],
    )
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            assert draft.ready, draft.text
            if "board papers" in draft.text:
                assert "two thirds of the budget" in draft.text, draft.text


def test_research_that_made_something_stands_on_its_own() -> None:
    interview = Interview(
        company="Brackenridge Housing",
        role="Finance Business Partner",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Leona Batty")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="How would you set the repairs budget?",
                    kind=MomentKind.couldnt_answer,
                    topic="repairs budgeting",
                    better_answer="Start from stock condition data, then split planned and "
                    "responsive work.",
                )
            ]
        ),
        research=[
            Research(
                topic="repairs budgeting",
                text="I read the regulator's guidance and made myself a one-page checklist for "
                "setting a repairs budget.",
            )
        ],
    )
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            assert "checklist" not in draft.text or "stock condition" not in draft.text, draft.text
