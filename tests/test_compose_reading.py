"""The notes as the interviewer reads them: names as people say them, figures with what they
measured, a closing offer that fits what the note gave, and a bridge for "how would you..."
questions that reads as one sentence.

The debriefs here are made up for these tests (other people, jobs and figures than the benched
ones), so that a pass means the kind of defect is gone, not that one note was tuned.
"""

from __future__ import annotations

import pytest

from afterword.composer import compose
from afterword.composer.facts import spoken_company
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind

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
