"""The reading rubric's detectors (bench/composer_reading.py): each fires on a bad sentence or
note and stays quiet on a good one, so that a count of zero means something."""

from __future__ import annotations

import random
from dataclasses import replace
from types import ModuleType

import pytest

from afterword.composer import Draft, EvidenceUsed
from afterword.model import Cause, Debrief, Interview, Interviewer, Moment, MomentKind, Story
from support import bench_module


@pytest.fixture(scope="module")
def rubric() -> ModuleType:
    return bench_module("composer_reading")


@pytest.mark.parametrize(
    "sentence",
    [
        "Split ingestion into three services.",
        "Shipped in nine weeks, and 2,300 merchants used it.",
        "I held the fill; shipped in nine weeks.",
        "Start with the landing pages and one clear offer.",
        "Looking forward to hearing from you.",
        "Lead the team through the outage.",
        "Looked at your partner list after the call: you work with three resellers.",
        "Built dashboards for the team, and the team uses them.",
    ],
)
def test_a_sentence_with_no_subject_is_found(rubric: ModuleType, sentence: str) -> None:
    assert rubric.subjectless(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I split ingestion into three services.",
        "Let me know if a short call would help.",
        "Thank you for your time yesterday.",
        "Looking back, I would start with the pricing page.",
        "Retried refund requests occasionally refunded twice.",
        "Extended Project submissions were often marked down for weak referencing.",
        "I held the fill; the GP practice changed its template.",
        "I sat in on their pipeline calls; lead acceptance went from 48% to 81%.",
        "Test coverage rose to 80% in a quarter.",
        "Reclaimed fill by the bay means liquefaction and soft soil.",
    ],
)
def test_a_sentence_with_a_subject_is_not(rubric: ModuleType, sentence: str) -> None:
    assert rubric.subjectless(sentence) is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "I wanted to add one example. They shipped it in nine weeks.",
        "I wanted to add one example on SQL. She moved $150k into search.",
        "I walked the estimate line by line; both now own a service and are on the rota.",
        "Thanks for the chat yesterday. It cut the backlog by half.",
        "On data quality, I would start from what worked: I brought him the defect data.",
    ],
)
def test_a_pronoun_with_nothing_to_stand_for_is_found(rubric: ModuleType, paragraph: str) -> None:
    assert rubric.unanchored(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "A pupil told me about home. She was referred to early help that week.",
        "Our team averaged 41 pages a week. I ran an audit; they fell to 17.",
        "It was great to hear about the role, and I especially enjoyed it.",
        "Thank you for your time; it was a pleasure to meet you.",
        "My director wanted to ship early. I brought him the defect data.",
        "The chain chose sites on gut feeling. I'd be glad to talk through how that worked.",
        # Round 20: a participant of a scheme, and "my old chief", are people.
        "First the assessment with the participant. Then the falls he had.",
        "I asked my old chief. He says start from the class survey items.",
    ],
)
def test_a_pronoun_with_an_antecedent_is_not(rubric: ModuleType, paragraph: str) -> None:
    assert rubric.unanchored(paragraph) == []


def test_pasted_official_names_are_found(rubric: ModuleType) -> None:
    assert rubric.pasted("Thanks for talking about the Registered Nurse, Cardiac ICU role.")
    assert rubric.pasted("Thank you for your time at Acme Robotics Inc. yesterday.")
    assert rubric.pasted("The Brightwave Trust (Company No. 08123456) was a pleasure to visit.")
    assert rubric.pasted("It was great to meet you.", ["Nurse (Band 6)"]) == []
    assert rubric.pasted("Thanks for talking about the Nurse (Band 6) post.", ["Nurse (Band 6)"])
    assert rubric.pasted("Thanks for talking with me about the Registered Nurse role.") == []
    assert rubric.pasted("Thank you, Dr. Kaya, for your time at St. Aldhelm's.") == []
    # A legal form in quotes is a term the note talks about, not a name pasted in.
    assert rubric.pasted('"plc" brings a UK listing assumption that is not in the Estonian.') == []


def test_sentences_do_not_end_at_a_title(rubric: ModuleType) -> None:
    text = "Thanks, Dr. Kaya, for the talk at St. Aldhelm's. I wanted to add one example."
    assert rubric.sentences(text) == [
        "Thanks, Dr. Kaya, for the talk at St. Aldhelm's.",
        "I wanted to add one example.",
    ]


def _panel() -> Interview:
    return Interview(
        company="Acme",
        role="Analyst",
        ended_at="2026-11-24T15:30:00-05:00",
        interviewers=[Interviewer(name="Dana Lee"), Interviewer(name="Łukasz Nowak")],
        debrief=Debrief(
            causes=[Cause.offended_interviewer],
            cause_notes="When Łukasz asked about my last job I made a joke; he did not laugh.",
            moments=[
                Moment(question="Tell me about a deadline.", kind=MomentKind.couldnt_answer),
                Moment(
                    question="How do you price?",
                    kind=MomentKind.could_be_better,
                    asked_by="Dana Lee",
                ),
            ],
        ),
        stories=[
            Story(
                title="Pricing test",
                situation="Sign-ups were flat.",
                action="I ran a pricing test on the annual plan.",
                result="Annual plans rose 12% in a quarter",
            )
        ],
    )


def _draft(to: str, body: str, *, moment: int | None = None, story: bool = False) -> Draft:
    evidence = (EvidenceUsed("story", "Pricing test", body, moment),) if story else ()
    first = to.split()[0]
    return Draft(
        to=to,
        email=None,
        subject="Thank you",
        text=f"Dear {first},\n\n{body}\n\nBest,\nAlex",
        paragraphs=(body,),
        evidence=evidence,
        findings=(),
        tone="warm",
        seed=1,
        moment=moment,
    )


def test_the_panel_defects_are_found(rubric: ModuleType) -> None:
    interview = _panel()
    good = [
        _draft("Dana Lee", "Thank you. You asked about pricing: annual plans rose 12%.", moment=2),
        _draft("Łukasz Nowak", "Thank you. I am sorry for my joke; it was out of place."),
    ]
    assert rubric.check_drafts(interview, good) == []

    bad = [
        _draft("Dana Lee", "Thank you. I ran a pricing test; annual plans rose 12%.", story=True),
        _draft(
            "Łukasz Nowak",
            "Thank you. You asked about pricing: I ran a pricing test, and annual plans rose 12%.",
            moment=2,
            story=True,
        ),
    ]
    kinds = {d.kind for d in rubric.check_drafts(interview, bad)}
    assert kinds == {"panel-repeat", "wrong-asker", "no-amends"}


def test_the_same_figure_in_two_facts_is_no_repeat(rubric: ModuleType) -> None:
    interview = _panel()
    drafts = [
        _draft("Dana Lee", "Thank you. Annual plans rose 12% after my pricing test."),
        _draft("Łukasz Nowak", "Thank you, and sorry. Our churn fell 12% when support moved."),
    ]
    assert rubric.check_drafts(interview, drafts) == []


def test_a_name_not_in_the_greeting_is_found(rubric: ModuleType) -> None:
    interview = replace_interviewers(_panel())
    draft = _draft("Łukasz Nowak", "Thank you, and sorry for my joke.")
    wrong = replace(draft, text=draft.text.replace("Łukasz", "Lukasz"))
    assert [d.kind for d in rubric.check_drafts(interview, [wrong])] == ["name-not-ready"]
    assert rubric.check_drafts(interview, [draft]) == []


def replace_interviewers(interview: Interview) -> Interview:
    return interview.model_copy(update={"interviewers": interview.interviewers[1:]})


def test_the_generator_makes_what_a_reader_trips_over(rubric: ModuleType) -> None:
    stories, moments, research = rubric.pool()
    assert any(m.get("better_answer") for m in moments)  # the debriefs' own, as written
    rng = random.Random(1)
    made = [rubric.generated(rng, stories, moments, research) for _ in range(60)]
    assert any(len(i.interviewers) >= 3 for i in made)
    assert any(m.asked_by for i in made for m in i.debrief.moments)
    assert any(i.debrief.offended_interviewer for i in made)
    assert any(not p.name.isascii() for i in made for p in i.interviewers)
    assert any(p.name.startswith(("Dr.", "Prof.")) for i in made for p in i.interviewers)
    assert any("," in i.role for i in made)
    assert any(rubric._official(i) for i in made)


def test_the_offended_is_told_apart_from_a_colleague_with_the_same_title(
    rubric: ModuleType,
) -> None:
    interview = _panel().model_copy(
        update={
            "interviewers": [
                Interviewer(name="Prof. Ingrid Berg"),
                Interviewer(name="Prof. Anil Rao"),
            ],
            "debrief": Debrief(
                causes=[Cause.offended_interviewer],
                cause_notes="When Prof. Anil Rao asked about HR I joked; Anil did not laugh.",
            ),
        }
    )
    assert [p.name for p in rubric.offended(interview)] == ["Prof. Anil Rao"]


def test_the_offended_is_who_answered_back_not_who_was_named_first(rubric: ModuleType) -> None:
    interview = _panel().model_copy(
        update={
            "interviewers": [Interviewer(name="Lars Lindqvist"), Interviewer(name="Dr Ada Obi")],
            "debrief": Debrief(
                causes=[Cause.offended_interviewer],
                cause_notes="I aimed my answers at Lars and took Dr Obi for HR. At the end I "
                'asked her about the paperwork. She said, very evenly, "I run the lab." '
                "Lars looked at the floor.",
            ),
        }
    )
    assert [p.name for p in rubric.offended(interview)] == ["Dr Ada Obi"]


def test_an_apology_to_someone_not_offended_is_found(rubric: ModuleType) -> None:
    interview = _panel()
    drafts = [
        _draft("Dana Lee", "Thank you. I am sorry for my joke; it was out of place."),
        _draft("Łukasz Nowak", "Thank you. I apologize for my joke; it was out of place."),
    ]
    assert [d.kind for d in rubric.check_drafts(interview, drafts)] == ["stray-amends"]


def test_an_order_inside_quoted_speech_is_no_fragment(rubric: ModuleType) -> None:
    """ "First a phone call to ops: "...Plan for a diversion: Inverness is clear."": what the
    writer would say on the phone, not an order to the reader."""
    interview = replace_interviewers(_panel())
    paragraph = (
        'First a phone call to ops: "The haar is not clearing. Plan for a diversion: Inverness '
        'is clear." Then I would amend the TAF.'
    )
    draft = _draft("Łukasz Nowak", paragraph)
    kinds = [d.kind for d in rubric.check_drafts(interview, [draft])]
    assert "no-subject" not in kinds
    bare = _draft("Łukasz Nowak", "The haar is not clearing. Plan for a diversion.")
    assert "no-subject" in [d.kind for d in rubric.check_drafts(interview, [bare])]


def test_a_draft_the_checker_faults_is_found(rubric: ModuleType) -> None:
    from afterword.checker.report import Finding

    interview = replace_interviewers(_panel())
    draft = _draft("Łukasz Nowak", "Thank you, and sorry for my joke.")
    warned = replace(draft, findings=(Finding("too-long", "warning", "Too long."),))
    noted = replace(draft, findings=(Finding("hedging", "info", "A hedge."),))
    assert [d.kind for d in rubric.check_drafts(interview, [warned])] == ["not-clean"]
    assert rubric.check_drafts(interview, [noted]) == []


def test_an_acronym_is_no_pronoun(rubric: ModuleType) -> None:
    paragraph = "Thank you for the chat yesterday about the IT Service Desk Analyst role."
    assert rubric.unanchored(paragraph) == []
