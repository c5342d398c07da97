"""A fact the reader saw the writer miss is put right, in the writer's words, and nothing of
the writer's homework (self-talk, shorthand, praise for the topic they fumbled) goes out."""

from __future__ import annotations

import re

import pytest

from afterword.composer import compose
from afterword.composer.facts import own_plan, research_facts
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Research, Story


def _airline() -> Interview:
    return Interview(
        company="Shannonside Regional Airlines",
        role="Operations Controller",
        ended_at="2026-11-26T16:45:00+00:00",
        interviewers=[
            Interviewer(
                name="Capt. Pádraig Ó Murchú",
                topics=["crew fatigue and flight time limitations", "crosswind diversions"],
            )
        ],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Crew reported at 06:30, four sectors. What's their maximum FDP?",
                    asked_by="Capt. Ó Murchú",
                    kind=MomentKind.couldnt_answer,
                    what_i_said="Said 13 hours.",
                    better_answer="Twelve hours. The basic maximum is 13 hours for one or two "
                    "sectors, and it comes down 30 minutes for each sector after the second.",
                    topic="crew fatigue and flight time limitations",
                )
            ]
        ),
        stories=[
            Story(
                title="Crew legality alerts",
                result="legality alerts switched on for every base in the crew system; no FTL "
                "exceedances reported in 2025",
                skills=["flight time limitations", "crew control"],
            )
        ],
        research=[
            Research(
                topic="crew fatigue and flight time limitations",
                text="ORO.FTL.205 table: 13:00 for 1-2 sectors, 12:00 for 4. So 12 hours was "
                "the answer.",
            )
        ],
    )


def test_the_answer_to_a_question_of_fact_the_writer_missed_leads() -> None:
    """To the captain whose FDP question went unanswered, the note gives the answer, not a
    story that shares its topic, nor the writer's jotted table."""
    for seed in range(4):
        for draft in compose(_airline(), seed=seed, variants=2):
            assert "twelve hours" in draft.text, draft.text
            assert draft.evidence[0].kind == "better_answer", draft.text


def test_a_reader_who_put_the_writer_right_is_told_they_were_right() -> None:
    """When the notes say the captain corrected the writer, the note owns it in a clause
    ("You were right about...", "...your question, where you put me right") before the answer, with
    no apology and no "I was wrong"; where the notes do not say who asked on a panel, the
    note does not tell its reader they were the one who was right."""
    interview = _airline()
    moment = interview.debrief.moments[0]
    moment.what_i_said = "Said 13 hours. Captain Ó Murchú corrected me: fewer for four sectors."
    owned = re.compile(r"You were right about|where you put me right|on which you corrected me")
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            assert owned.search(draft.paragraphs[1]), draft.text
            assert "twelve hours" in draft.text.casefold(), draft.text
            assert not re.search(r"(?i)\bsorry|apolog|I was wrong", draft.text), draft.text
            assert draft.ready, draft.text
    interview.interviewers.append(Interviewer(name="Nuala Byrne", topics=["crosswind diversions"]))
    moment.asked_by = None
    moment.what_i_said = "Said 13 hours. One of them corrected me: fewer for four sectors."
    answered = [
        draft
        for seed in range(6)
        for draft in compose(interview, seed=seed, variants=2)
        if "twelve hours" in draft.text.casefold()
    ]
    assert answered
    assert not any(owned.search(draft.text) for draft in answered)


def _one_reader(name: str, moments: list[Moment]) -> Interview:
    return Interview(
        company="Calderbrook Works",
        role="Senior Officer",
        ended_at="2026-11-26T15:00:00+00:00",
        interviewers=[Interviewer(name=name)],
        debrief=Debrief(moments=moments),
    )


def test_the_question_the_reader_put_the_writer_right_on_is_the_one_followed_up() -> None:
    """Round 20's tree officer: two weak answers to the same manager, the second corrected in
    the room ("G: no closed season in the Act"); the note followed up the first, and the
    mistake the manager saw was never put right."""
    moments = [
        Moment(
            question="An insurer wants a protected oak felled for subsidence. How do you "
            "handle it?",
            asked_by="Graham",
            kind=MomentKind.could_be_better,
            what_i_said="No structure.",
            better_answer="I would ask for the evidence first: level monitoring over a full "
            "seasonal cycle, trial pits and root identification matched to the oak.",
            topic="subsidence claims",
        ),
        Moment(
            question="A resident wants a council tree down in May. Can we?",
            asked_by="Graham",
            kind=MomentKind.could_be_better,
            what_i_said="Said no felling March to August. G: no closed season in the Act.",
            better_answer="The Wildlife and Countryside Act protects nests in use whatever the "
            "month, so I would check the tree for active nests before any work, all year.",
            topic="nesting birds",
        ),
    ]
    interview = _one_reader("Graham Oyelaran-Shaw", moments)
    for seed in range(4):
        draft = compose(interview, seed=seed)[0]
        assert "active nests" in draft.text, draft.text
        assert "where you put me right" in draft.text or "You were right" in draft.text
        assert draft.ready, draft.text


def test_the_answer_that_says_what_the_writer_never_mentioned_is_followed_up() -> None:
    """Round 21's chocolate maker never mentioned his own auditor certificate on the question
    about certification; the note followed up another question of the same reader's."""
    moments = [
        Moment(
            question="How would you take this factory to FSSC 22000 certification?",
            asked_by="Akosua Owusu-Ansah",
            kind=MomentKind.could_be_better,
            what_i_said="Said we need a consultant. Did not mention my own auditor certificate.",
            better_answer="First a gap analysis against the standard. I can do this myself: I "
            "am a certified FSSC 22000 internal auditor.",
            topic="certification",
        ),
        Moment(
            question="We make 600 kg a day with one conche. How do we get to 1 tonne a day?",
            asked_by="Akosua Owusu-Ansah",
            kind=MomentKind.could_be_better,
            what_i_said="Said we would need another conche.",
            better_answer="First find the real bottleneck; a second shift on the conche gives "
            "about 1,200 kg a day before spending on a new machine.",
            topic="growing to 1 tonne a day",
        ),
    ]
    interview = _one_reader("Akosua Owusu-Ansah", moments[::-1])  # the other question first
    for seed in range(4):
        draft = compose(interview, seed=seed)[0]
        assert "internal auditor" in draft.text, draft.text


def test_the_thanks_never_praise_the_topic_the_writer_was_caught_out_on() -> None:
    for seed in range(4):
        for draft in compose(_airline(), seed=seed, variants=2):
            thanks = draft.paragraphs[0]
            assert "crew fatigue" not in thanks, draft.text


@pytest.mark.parametrize(
    "research,kept",
    [
        (
            "Vatnajökull National Park was listed by UNESCO in 2019. I had the year wrong.",
            "Vatnajökull National Park was listed by UNESCO in 2019.",
        ),
        (
            "ORO.FTL.205: 12:00 for 4 sectors. So 12 hours was the answer.",
            "ORO.FTL.205: 12:00 for 4 sectors.",
        ),
        ("Pdm = vibration analysis, thermography, oil analysis.", None),
    ],
)
def test_self_talk_and_shorthand_in_research_are_not_sent(research: str, kept: str | None) -> None:
    found = research_facts(research)
    assert (found[0] if found else None) == kept


@pytest.mark.parametrize(
    "jotted,said",
    [
        (
            "First call maintenance control for an estimate.",
            "I would first call maintenance control for an estimate.",
        ),
        (
            "While that comes back, check the crew's duty.",
            "While that comes back, I would check the crew's duty.",
        ),
        (
            "Test properties not exact output: every stop visited once.",
            "I would test properties, not exact output: every stop visited once.",
        ),
        (
            "And keep a fixed set of real days to compare new versions.",
            "I would also keep a fixed set of real days to compare new versions.",
        ),
        ("Ask for the evidence first.", "I would ask for the evidence first."),
        (
            'I call ops: "Plan for a diversion." Then amend the TAF.',
            'I call ops: "Plan for a diversion." Then I would amend the TAF.',
        ),
        # Not orders: a jotted lead-in, a weekday, a clause with its own subject, a jotted
        # verdict, a noun with what was not done to it, a sentence that "And" only joins on.
        ("Same first steps - scene safe.", "Same first steps - scene safe."),
        ("Test results not good: we lost two days.", "Test results not good: we lost two days."),
        ("Use cases not covered by tests: two.", "Use cases not covered by tests: two."),
        ("And the team agreed.", "And the team agreed."),
        ("Time for a change was clear.", "Time for a change was clear."),
        ("Often it's the computer distance.", "Often it's the computer distance."),
        (
            "First whether it should travel at all.",
            "First I would ask whether it should travel at all.",
        ),
        ("Monday first: how many days of stock.", "Monday first: how many days of stock."),
        ("When she arrives, the team checks it.", "When she arrives, the team checks it."),
        ("First week was hard.", "First week was hard."),
    ],
)
def test_an_order_to_oneself_is_said_as_the_writers_plan(jotted: str, said: str) -> None:
    assert own_plan(jotted) == said


def test_a_forgotten_credential_is_said_once_beside_the_follow_up() -> None:
    """The captain's note puts the FDP right and also says the licence the writer forgot;
    in a panel, only one note says it."""
    interview = _airline()
    interview.debrief.moments.append(
        Moment(
            question="Is there anything else you'd like us to know?",
            kind=MomentKind.forgot_to_mention,
            what_i_said="Said no. Forgot my flight dispatcher licence.",
            stories=["Flight dispatcher licence"],
        )
    )
    interview.stories.append(
        Story(title="Flight dispatcher licence", result="ANAC flight dispatcher licence, 2021")
    )
    said = "I gained the ANAC flight dispatcher licence in 2021"
    for seed in range(3):
        for draft in compose(interview, seed=seed, variants=2):
            assert "twelve hours" in draft.text and said in draft.text, draft.text
    interview.interviewers.append(Interviewer(name="Marta", topics=["standby cover"]))
    for seed in range(3):
        drafts = compose(interview, seed=seed, variants=1)
        assert sum(said in d.text for d in drafts) == 1, [d.text for d in drafts]


def _park_guide(what_i_said: str) -> Interview:
    return Interview(
        company="Vesturland Adventures",
        role="Glacier Guide",
        ended_at="2026-11-30T16:00:00+00:00",
        interviewers=[Interviewer(name="Guðrún Hallsdóttir", topics=["guest safety briefings"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question="When was Vatnajökull listed by UNESCO?",
                    kind=MomentKind.couldnt_answer,
                    what_i_said=what_i_said,
                    topic="Vatnajökull National Park",
                )
            ]
        ),
        stories=[
            Story(
                title="Glacier walk briefings",
                result="rewrote the pre-walk safety briefing for Sólheimajökull groups; no guest "
                "injuries in two seasons",
                skills=["Vatnajökull National Park", "guest safety briefings"],
            )
        ],
        research=[
            Research(
                topic="Vatnajökull National Park",
                text="Vatnajökull National Park was listed by UNESCO in 2019.",
            )
        ],
    )


def test_a_fact_the_reader_gave_in_the_interview_is_not_told_back_to_them() -> None:
    """ "Guðrún said 2019": a note leading with "it was listed in 2019" tells her what she
    said; where she did not give it, the research still leads."""
    told = {
        said: sum(
            "2019" in draft.text
            for seed in range(4)
            for draft in compose(_park_guide(said), seed=seed, variants=2)
        )
        for said in ("Guessed 2008. Guðrún said 2019.", "Guessed 2008.")
    }
    assert told["Guessed 2008. Guðrún said 2019."] == 0, told
    assert told["Guessed 2008."] > 0, told


def _newsroom() -> Interview:
    return Interview(
        company="Boland Daily",
        role="Night Sub-Editor",
        ended_at="2026-12-01T18:00:00+02:00",
        interviewers=[
            Interviewer(name="Nomvula Dlamini", topics=["the night desk rota"]),
            Interviewer(name="Pieter Coetzee", topics=["print deadlines"]),
        ],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Which rules apply to naming an accused before they plead?",
                    asked_by="Nomvula Dlamini",
                    kind=MomentKind.couldnt_answer,
                    topic="court reporting and the Press Code",
                    better_answer="An accused is named only after the first court "
                    "appearance, and is described as accused, never as guilty.",
                ),
                Moment(
                    question="Have you worked a big breaking night?",
                    asked_by="Pieter Coetzee",
                    kind=MomentKind.forgot_to_mention,
                    what_i_said="Talked about load-shedding nights and forgot the obvious one: "
                    "I ran the results live blog through the 2024 election count, three nights "
                    "straight.",
                ),
            ]
        ),
    )


def test_what_the_writer_forgot_to_mention_is_said_once_to_whoever_asked() -> None:
    for seed in range(4):
        drafts = compose(_newsroom(), seed=seed, variants=2)
        for draft in drafts:
            told = "I ran the results live blog through the 2024 election count" in draft.text
            assert told == (draft.to == "Pieter Coetzee"), draft.text
            assert draft.ready, draft.text


def test_a_question_put_right_is_not_named_by_a_long_topic_label() -> None:
    """ "the question about court reporting and the Press Code" reads as the writer's notes
    pasted in; the answer says which question it was."""
    for seed in range(4):
        for draft in compose(_newsroom(), seed=seed, variants=2):
            if draft.to == "Nomvula Dlamini":
                assert "court reporting and the Press Code" not in draft.text, draft.text
                assert "first court appearance" in draft.text, draft.text


def test_a_long_label_is_named_by_its_head_and_no_variant_cuts_the_answer_short() -> None:
    interview = _airline()
    moment = interview.debrief.moments[0]
    labelled = moment.model_copy(update={"topic": "the maximum FDP for a four-sector day"})
    interview = interview.model_copy(
        update={"debrief": interview.debrief.model_copy(update={"moments": [labelled]})}
    )
    for seed in range(4):
        for draft in compose(interview, seed=seed, variants=2):
            assert "your question about the maximum FDP." in draft.text, draft.text
            # Both variants give the whole answer, in other words around it.
            assert "30 minutes for each sector after the second" in draft.text, draft.text


def test_a_forgotten_thing_and_a_clause_are_mentioned_together() -> None:
    interview = _newsroom()
    forgot = interview.debrief.moments[1].model_copy(
        update={
            "what_i_said": "Forgot my NCTJ shorthand certificate, and that I subbed the "
            "election pages."
        }
    )
    interview = interview.model_copy(
        update={
            "debrief": interview.debrief.model_copy(
                update={"moments": [interview.debrief.moments[0], forgot]}
            )
        }
    )
    said = [
        d.text
        for seed in range(4)
        for d in compose(interview, seed=seed, variants=2)
        if "NCTJ" in d.text
    ]
    assert said
    for text in said:
        assert re.search(r"mention my NCTJ shorthand certificate, and that I subbed", text), text


def test_a_question_put_right_is_named_in_the_readers_own_words() -> None:
    """ "What is the limit for settle plates in grade A?" is "your question about the limit for
    settle plates in grade A", not the writer's label for it."""
    interview = _airline()
    moment = interview.debrief.moments[0]
    asked = moment.model_copy(
        update={"question": "What is the maximum FDP for this crew?", "topic": "FDP limits"}
    )
    interview = interview.model_copy(
        update={"debrief": interview.debrief.model_copy(update={"moments": [asked]})}
    )
    for seed in range(4):
        for draft in compose(interview, seed=seed, variants=2):
            assert "your question about the maximum FDP for this crew." in draft.text, draft.text
            assert "FDP limits" not in draft.text, draft.text
