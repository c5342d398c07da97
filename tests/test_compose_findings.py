"""Research in a note says what was found, not only what the writer read."""

from __future__ import annotations

from afterword.composer import compose
from afterword.composer.facts import research_facts
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Research, Story


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


def _inspection_interview() -> Interview:
    tracker = Story(
        title="Permanence tracker in Eastfield",
        situation="In 2024 an audit in my current authority found 31 children in long-term "
        "foster care without a confirmed permanence plan at their second review.",
        action="I proposed and maintained a tracker for our practice group, with a named action "
        "and date for each child, reviewed monthly with the team manager.",
        result="The number fell from 31 to 14 within twelve months",
        skills=["permanence planning", "care planning"],
    )
    return Interview(
        company="Westmarch Borough Council",
        role="Senior Social Worker",
        ended_at="2026-11-26T15:10:00+00:00",
        interviewers=[Interviewer(name="Siân Llewellyn", topics=["reflective supervision"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Our focused visit identified drift in permanence planning. How "
                    "would you contribute to addressing that?",
                    kind=MomentKind.couldnt_answer,
                    topic="permanence planning",
                    stories=[tracker.title],
                )
            ]
        ),
        stories=[tracker],
        research=[
            Research(
                topic="permanence planning",
                text="I have now read the focused visit letter published in October. It names "
                "drift in permanence for children in long-term foster care and inconsistent "
                "management oversight on case files, and the council's action plan commits to "
                "a permanence tracker by March 2027, which is very close to what I set up in "
                "Eastfield.",
            )
        ],
    )


def test_research_that_holds_a_finding_says_it_and_never_promises_what_was_learned() -> None:
    interview = _inspection_interview()
    told = 0
    for seed in range(8):
        for draft in compose(interview, seed=seed, variants=2):
            assert draft.ready, draft.text
            assert "what I learned" not in draft.text, draft.text
            if "visit letter" in draft.text:
                told += 1
                # What the letter says, not only that it was read.
                assert "names drift in permanence" in draft.text, draft.text
                # The writer's own story speaks to the finding: the two are linked.
                assert "from 31 to 14" in draft.text, draft.text
    assert told


def test_what_was_read_is_said_by_what_it_says_when_both_do_not_fit() -> None:
    text = _inspection_interview().research[0].text
    forms = research_facts(text)
    assert forms and all(
        f.startswith("The focused visit letter published in October names drift") for f in forms
    ), forms


def test_research_jotted_without_its_subject_is_said_as_the_writers_own() -> None:
    text = (
        "Read the council's public flood plan summary: it routes sandbags from a depot that "
        "closed in 2024. Also checked the two neighbouring councils: both stock sandbags locally."
    )
    forms = research_facts(text)
    assert forms[0].startswith("I read the council's public flood plan summary"), forms
    assert "I also checked the two neighbouring councils" in forms[0], forms
    # A sentence with a subject of its own stays as written.
    said = research_facts("Branded search was over-credited by 27% in the last audit.")
    assert said[0].startswith("Branded search was"), said


def test_research_the_writer_rebuilt_into_a_document_offers_that_document() -> None:
    """Research that says what the writer made of it ("Rebuilt the regional split in a
    one-page model") offers that model, not vague "notes on it"."""
    interview = Interview(
        company="Aldermoor Holdings",
        role="Marketing Manager",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Soren Dahl")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="How would you split the budget across the region?",
                    kind=MomentKind.couldnt_answer,
                    topic="budget planning",
                )
            ]
        ),
        research=[
            Research(
                topic="budget planning",
                text="Rebuilt the regional budget split in a one-page model; moving 20% to "
                "events gives 30% more expected pipeline at current conversion rates.",
            )
        ],
    )
    closes = [
        d.paragraphs[-1]
        for tone in ("warm", "formal")
        for seed in range(10)
        for d in compose(interview, seed=seed, tone=tone)
    ]
    assert any("my one-page model" in c for c in closes)
    assert not any("notes on it" in c for c in closes)
