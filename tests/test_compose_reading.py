"""The notes as the interviewer reads them: names as people say them, figures with what they
measured, a closing offer that fits what the note gave, and a bridge for "how would you..."
questions that reads as one sentence.

The debriefs here are made up for these tests (other people, jobs and figures than the benched
ones), so that a pass means the kind of defect is gone, not that one note was tuned.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from afterword.composer import compose
from afterword.composer.facts import repaired, spoken_company, story_accounts, story_clauses
from afterword.model import (
    Debrief,
    Interview,
    Interviewer,
    Moment,
    MomentKind,
    Research,
    Story,
)
from compose_support import closing

# -- names as people say them ------------------------------------------------------------------


@pytest.mark.parametrize(
    "official,spoken",
    [
        ("St Bartholomew's Catholic Voluntary Academy", "St Bartholomew's"),
        ("Oakfield Church of England Voluntary Controlled Junior School", "Oakfield"),
        ("Riverside Valley NHS Foundation Trust", "Riverside Valley"),
        ("Mount Calder Regional Medical Centre Ltd", "Mount Calder"),
        ("Brannock Lowe Financial Services Group plc", "Brannock Lowe"),
        ("Fenwick & Dodd Construction Partners, LLC", "Fenwick & Dodd"),
    ],
)
def test_a_long_official_name_is_said_by_its_own_words(official: str, spoken: str) -> None:
    assert spoken_company(official) == spoken


@pytest.mark.parametrize(
    "name",
    [
        "Quayside Freight Analytics",  # three words: already short
        "Northwind Systems",
        "The Learning Trust Primary School",  # "The Learning" would name nothing
        "University of Dunmore Medical School",
    ],
)
def test_a_name_that_cannot_be_shortened_safely_is_kept(name: str) -> None:
    spoken = spoken_company(name).removeprefix("the ")  # "the University of Dunmore..."
    assert spoken in name and len(spoken.split()) >= 2
    if name.startswith("The ") or len(name.split()) < 4:
        assert spoken == name


def test_a_body_named_by_a_list_of_places_is_the_body() -> None:
    assert spoken_company("The Hartley, Ashby & Coombe Community Trust") == "the Trust"
    assert spoken_company("The Kenton and Wembley Park Residents' Association") == (
        "the Association"
    )
    # Without a list of places, or of another kind, the name stays.
    assert spoken_company("The Royal Pharmaceutical Society") == "The Royal Pharmaceutical Society"
    assert spoken_company("The Hartley, Ashby & Coombe Bakery") == (
        "The Hartley, Ashby & Coombe Bakery"
    )


def test_the_note_names_a_school_as_its_staff_would() -> None:
    interview = Interview(
        company="St Cuthbert's Roman Catholic Voluntary Aided Primary School",
        role="Year 2 Class Teacher",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Mrs Helen Ward", topics=["phonics in Year 2"])],
        debrief=Debrief(
            moments=[Moment(question="How do you teach phonics?", kind=MomentKind.could_be_better)]
        ),
    )
    for draft in compose(interview, seed=3, variants=3):
        assert "St Cuthbert's" in draft.text, draft.text
        assert "Voluntary Aided" not in draft.text and "Primary School" not in draft.text
        assert draft.ready, draft.text


# -- a figure with what it measured --------------------------------------------------------------


def _figures(text: str) -> list[str]:
    return re.findall(r"\d[\d,.]*%?", text)


_ROTA = Story(
    title="Night rota rebuild",
    situation="On the stroke ward, 14 night shifts a month went unfilled and agency spend was "
    "£9,000 a month.",
    action="Rebuilt the rota with self-rostering windows, and trained two band 6 nurses to sign "
    "off swaps.",
    result="Unfilled shifts fell to 3 a month; agency spend halved within a quarter",
    skills=["rostering", "workforce planning"],
)
_MENTEE = Story(
    title="Coaching a new dispatcher",
    situation="A new dispatcher was missing the 90-second call-to-dispatch target on most shifts.",
    action="Sat with her for six evening shifts and built a one-page prompt card.",
    result="She met the target on 96% of calls within a month",
)
_CLUB = Story(
    title="Chess club",
    situation="Captain of the county under-16 chess squad in 2022.",
    action="Ran weekly practice and paired juniors with seniors.",
    result="The squad finished second of 11 counties",
)


def test_a_story_is_told_with_its_situation_so_its_figures_have_a_baseline() -> None:
    told = story_accounts(_ROTA)[0]
    # The situation first (where the figure started), then the writer's deed, then the result.
    assert (
        told.index("14 night shifts") < told.index("I rebuilt the rota") < told.index("3 a month")
    )
    assert (
        "Unfilled shifts fell to 3 a month" in told or "unfilled shifts fell to 3 a month" in told
    )
    # The user's figures exactly as written, none added.
    source = f"{_ROTA.situation} {_ROTA.action} {_ROTA.result}"
    assert set(_figures(told)) <= set(_figures(source))
    # Two whole sentences (the situation; the deed and what came of it), each starting with a
    # capital: no clause that leans on a missing one.
    told_sentences = re.split(r"(?<=\.)\s+", told)
    assert len(told_sentences) == 2, told
    for sentence in told_sentences:
        assert sentence[:1].isupper() and sentence.endswith("."), sentence


def test_a_result_about_someone_else_names_them_first() -> None:
    told = story_accounts(_MENTEE)[0]
    assert told.startswith("A new dispatcher was missing the 90-second")
    assert "I sat with her for six evening shifts" in told
    assert told.index("A new dispatcher") < told.index("she met the target on 96%")


def test_a_role_given_as_a_fragment_becomes_the_writers_own_sentence() -> None:
    told = story_accounts(_CLUB)[0]
    assert told.startswith("I was captain of the county under-16 chess squad in 2022.")
    assert "I ran weekly practice" in told and "the squad finished second of 11 counties" in told


def test_a_situation_that_is_no_sentence_gives_no_telling() -> None:
    fragment = Story(
        title="Stock count",
        situation="Annual stock count, 2,400 lines.",
        action="Split the count into zones.",
        result="Variance fell to 0.4%",
    )
    assert story_accounts(fragment) == []
    # Nor one where the writer's own part is not said.
    nobody = Story(
        title="Clinic move",
        situation="The clinic moved sites in March.",
        result="Waiting times fell from 6 weeks to 4",
    )
    assert story_accounts(nobody) == []


def test_a_non_native_writers_present_tense_is_told_in_the_past_where_certain() -> None:
    assert repaired("The defect rate go down from 5% to 1% in a year") == (
        "The defect rate went down from 5% to 1% in a year"
    )
    assert repaired("Our plant move from paper to tablets in 2023") == (
        "Our plant moved from paper to tablets in 2023"
    )
    # A pronoun, a modal or an auxiliary before the verb: nothing certain, left alone.
    assert repaired("we move from paper to tablets") == "we move from paper to tablets"
    assert repaired("it will increase by 5%") == "it will increase by 5%"
    story = Story(
        title="Line changeover",
        situation="Our line took 90 minutes for each changeover.",
        action="I make a standard kit for each press and I train the operators.",
        result="Changeover time go down from 90 to 35 minutes",
    )
    told = story_accounts(story)[0]
    assert "I made a standard kit for each press" in told
    assert "went down from 90 to 35 minutes" in told


def _rota_interview(question: str, kind: MomentKind = MomentKind.could_be_better) -> Interview:
    return Interview(
        company="Aldermoor Community Hospital",
        role="Ward Manager",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Grace Okoye", topics=["the new e-rostering system"])],
        debrief=Debrief(
            moments=[Moment(question=question, kind=kind, topic="staffing", stories=[_ROTA.title])]
        ),
        stories=[_ROTA, _MENTEE],
    )


@pytest.mark.parametrize("tone", ["warm", "formal"])
def test_every_note_that_gives_the_figure_gives_its_baseline(tone: str) -> None:
    interview = _rota_interview("How do you handle staffing gaps?")
    for seed in range(4):
        for draft in compose(interview, seed=seed, variants=2, tone=tone):
            assert draft.ready and draft.clean, draft.text
            body = " ".join(draft.paragraphs)
            assert "3 a month" in body, body
            assert "14 night shifts" in body, body
            assert "I rebuilt the rota" in body, body


# -- the offer at the close -----------------------------------------------------------------------

_DOCUMENT = re.compile(r"(?i)\b(?:one-page|sketch|write-up|outline|summary|worked example|notes)\b")


def _one_story_interview(story: Story, question: str, **extra: Any) -> Interview:
    return Interview(
        company=extra.pop("company", "Brightwater Transit Authority"),
        role=extra.pop("role", "Operations Supervisor"),
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Tariq Hussein", topics=["the spring timetable change"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question=question,
                    kind=MomentKind.could_be_better,
                    topic=extra.pop("topic", "difficult customers"),
                    stories=[story.title],
                    better_answer=extra.pop("better_answer", None),
                )
            ]
        ),
        stories=[story],
        research=extra.pop("research", []),
    )


def test_a_story_with_no_document_behind_it_offers_a_next_step_not_a_document() -> None:
    calmed = Story(
        title="Calming a stranded passenger",
        situation="A passenger in a wheelchair was stranded when the lift at Keller Street failed.",
        action="Stayed with him, called a wheelchair taxi and phoned his daughter.",
        result="He got home within 40 minutes and later wrote to thank the depot",
    )
    interview = _one_story_interview(calmed, "Tell me about a difficult customer.")
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            assert draft.ready, draft.text
            assert not _DOCUMENT.search(closing(draft)), draft.text


def test_a_design_story_offers_a_sketch_and_a_process_story_an_outline() -> None:
    design = Story(
        title="Fare-tap pipeline",
        situation="Fare taps reached the ledger up to six hours late at peak.",
        action="Designed a streaming pipeline on Kafka with an idempotent ledger writer.",
        result="Taps reached the ledger within 40 seconds at peak",
    )
    process = Story(
        title="Driver handover",
        situation="Drivers handing over mid-route missed 1 in 5 defect reports.",
        action="Introduced a two-minute handover checklist and a shared defect log.",
        result="Missed defect reports fell from 20% to 3% in two months",
    )
    offers: dict[str, set[str]] = {}
    for story, question in [
        (design, "How would you design fare processing for us?"),
        (process, "Tell me about a handover you improved."),
    ]:
        interview = _one_story_interview(story, question, topic="fare processing")
        for seed in range(8):
            for draft in compose(interview, seed=seed, variants=2):
                found = _DOCUMENT.search(closing(draft))
                if found:
                    offers.setdefault(story.title, set()).add(closing(draft))
    assert offers["Fare-tap pipeline"], "some closing offers the design"
    assert all("sketch of the design" in c for c in offers["Fare-tap pipeline"]), offers
    assert offers["Driver handover"]
    assert all("outline of the approach" in c for c in offers["Driver handover"]), offers


def test_no_note_offers_notes_on_the_interviewers_own_materials_or_field() -> None:
    own_docs = Research(
        topic="fare capping",
        text="I read Brightwater's published fare policy: it caps daily fares at £5.40 and "
        "weekly fares at £21, which matches how I would model capping.",
    )
    plain = Story(title="Rota", situation="The depot ran short.", result="Done")
    interview = _one_story_interview(
        plain,
        "What do you know about fare capping?",
        topic="fare capping",
        research=[own_docs],
        better_answer="Fare capping limits what a rider pays in a day or a week, however many "
        "journeys they make; the operator settles the difference.",
    )
    closings = [
        closing(draft) for seed in range(8) for draft in compose(interview, seed=seed, variants=2)
    ]
    assert closings
    for said in closings:
        assert not re.search(r"(?i)\b(?:my notes|worked example|my sources)\b", said), said


# -- the bridge for "how would you..." -------------------------------------------------------


def test_a_how_would_you_question_is_bridged_in_one_plain_sentence() -> None:
    interview = _rota_interview(
        "How would you fix the night staffing gaps on our wards?", MomentKind.couldnt_answer
    )
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            body = " ".join(draft.paragraphs)
            assert "what has worked for me before, where" not in body, body
            assert "3 a month" in body, body
            # The bridge says what the writer would do, in a sentence of its own or before a
            # clause that starts with their own deed.
            lead = body.split("14 night shifts" if "14 night shifts" in body else "3 a month")[0]
            assert re.search(r"\bI would\b|\bI'd\b|result I would build on", lead), body


def test_every_variant_that_tells_the_story_tells_its_situation() -> None:
    # One story, so both variants tell it: the second keeps the situation too, rather than the
    # result stripped of what it measured ("I won back the account" - which account?).
    story = Story(
        title="Winning back Halden Foods",
        situation="Halden Foods had moved its chilled freight to a rival after two missed "
        "collections in one week.",
        action="Met their logistics manager, agreed a named driver and a 6 am collection slot.",
        result="Won back the account within five months, about £310K a year",
    )
    interview = _one_story_interview(
        story, "How do you recover a lost customer?", topic="customer recovery"
    )
    for seed in range(4):
        drafts = compose(interview, seed=seed, variants=3)
        for draft in drafts:
            if "won back the account" in draft.text:
                assert "Halden Foods had moved its chilled freight" in draft.text, draft.text


# -- clauses that read -------------------------------------------------------------------------


def test_a_topic_about_the_writer_is_no_line_of_thanks() -> None:
    interview = Interview(
        company="Harrowgate Logistics",
        role="Fleet Coordinator",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[
            Interviewer(
                name="Nadia Petrova",
                topics=["why I left my last job", "what motivates me", "the new depot in Corby"],
            )
        ],
    )
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=3):
            assert draft.ready, draft.text
            first = draft.paragraphs[0]
            assert "why I left" not in first and "motivates me" not in first, draft.text
            assert "why I left" not in draft.subject and "motivates me" not in draft.subject


def test_more_non_native_slips_are_corrected_where_the_fix_is_certain() -> None:
    assert repaired("I was responsible for plan the deliveries of 300 stores") == (
        "I was responsible for planning the deliveries of 300 stores"
    )
    assert repaired("returns almost stop after the change") == (
        "returns almost stopped after the change"
    )
    assert repaired("The queue double in 2 weeks") == "The queue doubled in 2 weeks"
    # A modal before it: a plan, not a slip.
    assert repaired("we will double in 3 years") == "we will double in 3 years"


def test_a_change_at_the_end_of_a_result_is_told_in_the_past_too() -> None:
    assert repaired("and the scrap of packaging reduce 18%") == (
        "and the scrap of packaging was reduced by 18%"
    )
    assert repaired("complaints drop two thirds") == "complaints dropped two thirds"


def test_a_dangling_as_in_the_situation_says_who_held_the_role() -> None:
    story = Story(
        title="Late bake",
        situation="As shift lead at Dunmore Bakery, waste was 12% of output.",
        action="Cut batch sizes for the late bake.",
        result="Waste fell to 5% of output",
    )
    assert story_accounts(story)[0].startswith(
        "When I was shift lead at Dunmore Bakery, waste was 12% of output. I cut batch sizes"
    )
    # Where the writer is the subject already, the sentence is theirs as written.
    own = story.model_copy(
        update={"situation": "As shift lead at Dunmore Bakery, I saw waste at 12% of output."}
    )
    assert story_accounts(own)[0].startswith("As shift lead at Dunmore Bakery, I saw waste")


def test_a_figure_after_a_semicolon_joins_the_one_before_it_as_a_phrase() -> None:
    story = Story(
        title="Youth fund",
        situation="Young applicants told us our 12-page form put them off.",
        action="Designed a one-page form with a video option.",
        result="Applications rose from 14 to 71 in a year; 40 projects funded",
    )
    told = story_accounts(story)[0]
    assert told.endswith("rose from 14 to 71 in a year, with 40 projects funded."), told
    # A clause of its own stays one.
    clause = story.model_copy(update={"result": "Applications rose to 71; 40 were funded"})
    assert story_accounts(clause)[0].endswith("rose to 71, and 40 were funded."), clause


def test_figures_listed_after_a_result_go_with_it() -> None:
    story = Story(
        title="Clinic refit",
        situation="A $12M clinic refit had to be done while the clinic stayed open.",
        action="Phased the work into four zones.",
        result="Finished two weeks early, zero safety incidents, and no lost clinic days",
    )
    told = story_accounts(story)[0]
    assert told.endswith(
        "I phased the work into four zones, and finished two weeks early, with zero safety "
        "incidents and no lost clinic days."
    ), told


def test_a_formal_closing_offers_to_send_the_document_not_to_discuss_it() -> None:
    process = Story(
        title="Driver handover",
        situation="Drivers handing over mid-route missed 1 in 5 defect reports.",
        action="Introduced a two-minute handover checklist and a shared defect log.",
        result="Missed defect reports fell from 20% to 3% in two months",
    )
    interview = _one_story_interview(process, "Tell me about a handover you improved.")
    closings = [
        closing(draft)
        for seed in range(12)
        for draft in compose(interview, seed=seed, variants=2, tone="formal")
    ]
    assert any("outline of the approach" in c for c in closings)
    for said in closings:
        assert not re.search(r"\bdiscuss (?:a|an|my) ", said), said


def test_two_results_joined_by_a_comma_alone_take_an_and() -> None:
    story = Story(
        title="Supplier scorecard",
        situation="Our main supplier was late in a third of deliveries.",
        action="Built a monthly scorecard with the supplier.",
        result="On-time delivery go up from 66% to 94% in a year, rush orders almost stop",
    )
    assert story_accounts(story)[0].endswith(
        "on-time delivery went up from 66% to 94% in a year, and rush orders almost stopped."
    )
    # A phrase after the comma is no clause: left as written.
    saving = story.model_copy(update={"result": "Delivery went up to 94%, saving about $40K"})
    assert story_accounts(saving)[0].endswith("went up to 94%, saving about $40K.")


def test_a_participle_after_a_quantifier_is_no_clause_to_join_with_and() -> None:
    """ "Caught 11 feed failures, each fixed within a day": "each fixed" has no "was", so it
    stays a phrase after the comma, not a clause after an "and" ("..., and each fixed within
    a day" reads as a slip)."""
    story = Story(
        title="Claims pipeline monitoring",
        situation="Monthly claims data arrived with silent gaps that skewed reports.",
        action="Built daily volume and distribution checks with alerts in the team's chat.",
        result="Caught 11 feed failures in the first quarter, each fixed within a day",
    )
    told = story_accounts(story)[0]
    assert told.endswith("caught 11 feed failures in the first quarter, each fixed within a day.")
    assert ", and each" not in told


def test_a_story_about_a_person_is_told_from_its_situation_not_through_its_title() -> None:
    # A title is a label: "as a result of the Young person chairing his own review, he
    # attended..." pastes it as a noun with a stray capital, and "he" has no one to point at.
    review = Story(
        title="Young person chairing his own review",
        situation="A twelve-year-old boy was disengaged from his reviews and refused to attend.",
        action='We wrote a one-page "About me" together and he agreed to chair the first part '
        "of the meeting.",
        result="He attended every review afterwards, and contact with his brother was increased "
        "from monthly to fortnightly at his request",
        skills=["voice of the child", "participation"],
    )
    assert not [c for c in story_clauses(review) if "chairing his own review" in c]
    told = story_accounts(review)
    assert told and told[0].startswith("A twelve-year-old boy was disengaged"), told
    assert 'We wrote a one-page "About me" together' in told[0], told
    # A title that is a label ("..., reworked") is not the subject of a figure either.
    take_home = Story(
        title="Claim-severity take-home, reworked",
        result="GLM Gini 0.41 vs 0.43 for boosting; bottom 40% of scores contain only 3% of "
        "claims over $5k",
    )
    assert not [c for c in story_clauses(take_home) if "reworked brought" in c]
