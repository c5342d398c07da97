"""The learned competency reading, as a user of the evidence ranking meets it: a jotted note
finds the story that shows what it asks about among stories of other competencies, even where
note and story share no word; the weights ship in the package and load only when a ranking
needs them."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from afterword.matching import Matcher
from afterword.matching import competency as comp
from afterword.matching.features import read
from afterword.matching.learned import MODEL_PATH, CompetencyModel, default_model
from afterword.matching.rank import story_text
from afterword.matching.semantic import wordllama
from afterword.matching.text import ranking_stems, stems
from afterword.model import Story

LIBRARY = [
    Story(
        title="Quarter-end report in two days",
        situation="The finance director moved the board pack forward by a week, leaving us "
        "two days for a report that usually takes five.",
        action="I cut the analysis to the three figures the board reads, split the tables "
        "with a colleague and worked late both evenings.",
        result="The pack reached the board on the morning it was due.",
        skills=["reporting", "excel"],
    ),
    Story(
        title="Two designers, one homepage",
        situation="Two designers on my team each wanted their own homepage layout and stopped "
        "talking to each other.",
        action="I sat them down, had each explain the other's layout back, and we picked the "
        "parts that tested best from both.",
        result="They shipped a joint design and worked together on the next project.",
        skills=["design"],
    ),
    Story(
        title="Wrong price list sent",
        situation="I emailed a customer last year's price list by mistake.",
        action="When I noticed, I called them, apologised and sent the right one the same hour.",
        result="They placed the order; I now check the file date before I attach it.",
        skills=["sales"],
    ),
    Story(
        title="Van rota on a spreadsheet",
        situation="Drivers swapped shifts by text message and vans sat idle.",
        action="Without being asked, I built a shared rota and showed the drivers how to use it.",
        result="Idle van days fell by half within a month.",
        skills=["logistics"],
    ),
    Story(
        title="Refund for a furious guest",
        situation="A guest shouted at reception because his room had not been cleaned.",
        action="I listened, upgraded his room and sent a note with breakfast vouchers.",
        result="He left a five-star review that named me.",
        skills=["hospitality"],
    ),
]


def _ranked(note: str) -> list[str]:
    return [c.title for c in Matcher(LIBRARY).rank_stories(note)]


@pytest.mark.parametrize(
    ("note", "story"),
    [
        ("missed deadline q", "Quarter-end report in two days"),
        ("time pressure q", "Quarter-end report in two days"),
        ("biggest mistake q", "Wrong price list sent"),
        ("initiative q", "Van rota on a spreadsheet"),
    ],
)
def test_a_jotted_note_finds_the_story_that_shows_what_it_asks_about(note: str, story: str) -> None:
    assert _ranked(note)[0] == story


@pytest.mark.parametrize(
    ("note", "story"),
    [
        ("angry customer q", "Refund for a furious guest"),
        (
            "Tell me about a time you had to deliver under a tight deadline.",
            "Quarter-end report in two days",
        ),
    ],
)
def test_the_story_that_shows_it_is_among_the_first_two(note: str, story: str) -> None:
    assert story in _ranked(note)[:2]


def test_the_matcher_reads_a_deadline_in_a_new_story_that_never_says_deadline() -> None:
    story = Story(
        title="Catalogue to the printer",
        situation="The printer's slot was in two days and the catalogue was half laid out.",
        action="I worked late, cut the pages we could spare and sent files each evening.",
        result="The catalogue went to print on the day.",
    )
    shown = Matcher([story]).story_competencies()[0]
    assert comp.COMPETENCY_IDS[int(np.argmax(shown))] == "deadline"
    # The learned model reads a story from the stems the ranking read (the reader weighs it
    # by cross-validation: at present a story is read without it, a question with it).
    terms = read([(story_text(story), ())])[0].terms
    model = default_model()
    assert model.stories([terms]).shape == (1, len(comp.COMPETENCY_IDS))


def test_without_the_model_the_matcher_still_ranks() -> None:
    embedder = wordllama()
    reader = comp.CompetencyReader(embedder, model=lambda: None)
    found = Matcher(LIBRARY, embedder=embedder, reader=reader).rank_stories("missed deadline q")
    assert found[0].title == "Quarter-end report in two days"
    assert len(found) == len(LIBRARY)


def test_the_weights_ship_as_json_over_the_taxonomy() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["labels"]) == set(comp.COMPETENCY_IDS)
    model = CompetencyModel.from_dict(data)
    assert model.questions(["conflict q", ""]).shape == (2, len(comp.COMPETENCY_IDS))
    # A text of no known word reads as the priors alone, still a distribution.
    assert float(model.stories([[]]).sum()) == pytest.approx(1.0, abs=1e-5)


def test_importing_the_matcher_loads_no_weights() -> None:
    code = (
        "import afterword.matching, afterword.matching.learned as l, sys; "
        "print(len(l._LOADED), 'sklearn' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "False"]


HANDOVER = Story(
    title="Night shift handover sheet",
    situation="Nurses on the night shift kept their own notes and the day team often missed "
    "changes in a patient's medication.",
    action="I drafted a one-page handover sheet, tried it for a fortnight on my own ward and "
    "took the figures to the ward sisters' meeting.",
    result="All four wards use the sheet; missed medication changes fell from nine a month to one.",
    skills=["influencing", "nursing"],
)


def test_a_persuasion_story_comes_first_for_a_question_that_shares_no_word_with_it() -> None:
    question = "How do you bring someone round to your point of view?"
    assert not set(ranking_stems(question)) & set(ranking_stems(story_text(HANDOVER)))
    assert _ranked_in([*LIBRARY, HANDOVER], question)[0] == HANDOVER.title


def test_a_story_s_skills_say_what_it_shows() -> None:
    # Its text tells of a new sheet and missed changes; its skills say it won people over.
    embedder = wordllama()
    shown = Matcher([HANDOVER], embedder=embedder).story_competencies()[0]
    assert "persuasion" in comp.CompetencyReader(embedder).ranked(shown)[:2]
    unread = comp.CompetencyReader(embedder, skill_cue_weight=0.0, skill_name_weight=0.0)
    without = Matcher([HANDOVER], embedder=embedder, reader=unread).story_competencies()[0]
    assert float(shown[comp.COMPETENCY_IDS.index("persuasion")]) > float(
        without[comp.COMPETENCY_IDS.index("persuasion")]
    )


@pytest.mark.parametrize(
    ("skills", "competency"),
    [
        (("conflict resolution",), "conflict"),
        (("Negotiation", "excel"), "persuasion"),
        (("time management",), "prioritisation"),
        (("customer service", "retail"), "customer"),
    ],
)
def test_a_skill_that_names_a_competency_reads_as_it(
    skills: tuple[str, ...], competency: str
) -> None:
    reader = comp.CompetencyReader(None, model=lambda: None)
    listed = [(name, frozenset(stems(name))) for name in skills]
    row = reader.skill_scores([listed, []])
    assert comp.COMPETENCY_IDS[int(np.argmax(row[0]))] == competency
    assert not row[1].any()  # a story without skills: nothing from them


def _ranked_in(library: list[Story], note: str) -> list[str]:
    return [c.title for c in Matcher(library).rank_stories(note)]
