"""The notes as the interviewer reads them: names as people say them, figures with what they
measured, a closing offer that fits what the note gave, and a bridge for "how would you..."
questions that reads as one sentence.

The debriefs here are made up for these tests (other people, jobs and figures than the benched
ones), so that a pass means the kind of defect is gone, not that one note was tuned.
"""

from __future__ import annotations

import re

import pytest

from afterword.composer import compose
from afterword.composer.facts import repaired, spoken_company, story_accounts
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Story

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
        "The Hartley, Ashby & Coombe Community Trust",  # a list of places is no name
        "The Learning Trust Primary School",  # "The Learning" would name nothing
        "University of Dunmore Medical School",
    ],
)
def test_a_name_that_cannot_be_shortened_safely_is_kept(name: str) -> None:
    spoken = spoken_company(name)
    assert spoken in name and len(spoken.split()) >= 2
    if name.startswith("The ") or len(name.split()) < 4:
        assert spoken == name


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
    # Whole sentences, each starting with a capital: no clause that leans on a missing one.
    for sentence in re.split(r"(?<=\.)\s+", told):
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
