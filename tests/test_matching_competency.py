"""What a question asks about, from a jotted note or the full question: compounds, jotting
words, and the competency taxonomy, as a user of the evidence ranking sees them."""

from __future__ import annotations

import pytest

from afterword.matching import Matcher, themes_of
from afterword.matching.competency import (
    COMPETENCY_IDS,
    _exemplars_of,
    competency_id,
)
from afterword.matching.rank import moment_text
from afterword.matching.text import (
    compound_parts,
    compound_parts_in,
    fold,
    ranking_words,
    tokens,
)
from afterword.model import Moment, MomentKind, Story

LIBRARY = [
    Story(
        title="Checkout totals disagreement",
        situation="A front-end developer and I disagreed about who should compute cart totals.",
        action="I set up a meeting, listened to his concerns and we agreed a compromise.",
        result="The tension eased and we shipped the checkout on time.",
        skills=["javascript"],
    ),
    Story(
        title="Black Friday payment outage",
        situation="Payments failed for an hour during the Black Friday peak while I was on call.",
        action="I took incident command, rolled back the release and kept support updated.",
        result="Checkout recovered within the hour and we wrote a blameless postmortem.",
        skills=["incident response"],
    ),
    Story(
        title="Duplicate invoice at month-end",
        situation="At month-end close the ledger did not reconcile.",
        action="I traced the difference to a vendor invoice entered twice and reversed it.",
        result="The accounts closed on time and we added a duplicate check to the process.",
        skills=["accounting"],
    ),
    Story(
        title="Reporting improper hiring practices",
        situation="A colleague was skipping the scoring rubric for candidates he liked.",
        action="He asked me to keep quiet; I reported it to my manager and HR instead.",
        result="The hiring process was audited and the rubric became mandatory.",
        skills=["recruiting"],
    ),
    Story(
        title="Welcome email series",
        situation="New subscribers rarely opened our welcome email.",
        action="I rewrote the series as three short emails and tested subject lines.",
        result="Open rates rose from 18% to 41% and first purchases doubled.",
        skills=["email marketing"],
    ),
    Story(
        title="Missed the launch date",
        situation="I tried to build the reporting module alone instead of delegating.",
        action="When we slipped I owned the mistake with my manager and split the work.",
        result="We launched two weeks late; since then I plan handoffs at the start.",
        skills=["project management"],
    ),
]


def _best(note: str, library: list[Story] = LIBRARY) -> str:
    return Matcher(library).rank_stories(note)[0].title


@pytest.mark.parametrize(
    ("note", "story"),
    [
        ("the team-conflict q", "Checkout totals disagreement"),
        ("team-conflict question", "Checkout totals disagreement"),
        ("outage / on-call firefight q", "Black Friday payment outage"),
        ("the ethics bit", "Reporting improper hiring practices"),
        ("failure q", "Missed the launch date"),
        ("Tell me about a time you disagreed with a colleague.", "Checkout totals disagreement"),
        ("Tell me about a time you failed.", "Missed the launch date"),
        (
            "Describe a time you faced an ethical dilemma at work.",
            "Reporting improper hiring practices",
        ),
    ],
)
def test_a_jotted_note_or_a_full_question_finds_the_story_it_asks_for(
    note: str, story: str
) -> None:
    assert _best(note) == story


def test_compounds_are_split_and_jotting_words_are_left_out() -> None:
    assert ranking_words("the team-conflict q") == ["team-conflict", "team", "conflict"]
    assert ranking_words("a Team-Conflict and a hand-off") == [
        "team-conflict",
        "hand-off",
        "team",
        "conflict",
        "hand",
    ]
    # A slash separates words; "on", once split off, is a stop word like any other.
    assert ranking_words("outage/on-call firefight question") == [
        "outage",
        "on-call",
        "firefight",
        "call",
    ]
    assert "conflict" in themes_of("the team-conflict question")
    assert "deadline" in themes_of("a tight-deadline q")  # a phrase's words joined by hyphens


def test_the_word_question_is_never_evidence() -> None:
    library = [
        Story(
            title="Questions, questions",
            situation="Every question in the question bank was a question about questions.",
            result="I answered each question.",
            skills=["questions"],
        ),
        Story(
            title="Pricing page test",
            situation="We wanted more annual plans.",
            action="I tested hiding the monthly price on the pricing page.",
            result="Annual plans rose 12%.",
            skills=["pricing"],
        ),
    ]
    found = Matcher(library).rank_stories("the pricing question")
    assert found[0].title == "Pricing page test"
    for candidate in found:
        assert not any(w.startswith("question") for w in candidate.words)
        mentions = [r for r in candidate.reasons if r.startswith("it mentions")]
        assert not any("question," in r or "questions," in r for r in mentions)
    # A note of nothing but jotting words shares no word with any story.
    assert all(c.lexical == 0 for c in Matcher(library).rank_stories("the question q"))


@pytest.mark.parametrize(
    ("text", "competency"),
    [
        ("the team-conflict q", "conflict"),
        ("Tell me about a time you disagreed with your manager.", "conflict"),
        ("outage / on-call firefight q", "deadline"),
        ("Tell me about a time you worked under pressure.", "deadline"),
        ("biggest mistake q", "failure"),
        ("Tell me about a time you failed.", "failure"),
        ("Describe a time you faced an ethical dilemma at work.", "ethics"),
        ("ethics q", "ethics"),
        ("Why do you want to work here?", "motivation"),
        ("how do you prioritise competing deadlines", "prioritisation"),
        (
            "Tell me about a time you persuaded your manager to take a different approach.",
            "persuasion",
        ),
        ("difficult customer q", "customer"),
        ("Tell me about the accomplishment you are most proud of.", "achievement"),
        ("explaining tech to non-technical people", "communication"),
        ("mentoring a junior", "leadership"),
    ],
)
def test_what_competency_a_question_asks_about(text: str, competency: str) -> None:
    assert Matcher(LIBRARY).competencies(text)[0] == competency


def test_the_evidence_names_the_competency_and_shows_it_in_the_reasons() -> None:
    moment = Moment(question="the team-conflict q", kind=MomentKind.couldnt_answer)
    found = Matcher(LIBRARY).moment(1, moment)
    assert found.competencies[:1] == ("conflict",)
    assert found.to_dict()["competencies"][0] == "a disagreement or a difficult person"
    best = found.best_story
    assert best is not None and best.title == "Checkout totals disagreement"
    assert best.reasons  # says why, in words a person reads


def test_every_competency_has_many_published_questions_and_labels_map_to_it() -> None:
    assert len(COMPETENCY_IDS) >= 16
    for competency in COMPETENCY_IDS:
        assert len(_exemplars_of(competency)) >= 8, competency
    assert competency_id("Problem-solving") == "problem_solving"
    assert competency_id("prioritization") == "prioritisation"
    assert competency_id("Time management") == "prioritisation"
    assert competency_id("mentoring") == "leadership"  # a facet, filed under its competency
    assert competency_id("astrology") is None


def test_a_moment_reads_the_same_whatever_its_case_or_spacing() -> None:
    matcher = Matcher(LIBRARY)
    a = moment_text(Moment(question="Team-Conflict Q", kind=MomentKind.couldnt_answer))
    b = moment_text(Moment(question="team-conflict   q", kind=MomentKind.couldnt_answer))
    assert matcher.competencies(a) == matcher.competencies(b)
    assert [c.title for c in matcher.rank_stories(a)] == [c.title for c in matcher.rank_stories(b)]


@pytest.mark.parametrize(
    "text",
    [
        "the team-conflict q",
        "On-call / outage: a co-worker's hand-off, 24-7, build 0-12 -> done",
        "- a lone hyphen, a trailing one- and -a leading one",
        "no compound at all",
    ],
)
def test_a_story_s_compounds_are_found_as_its_words_are(text: str) -> None:
    folded = fold(text)
    assert compound_parts_in(folded) == compound_parts(tokens(folded))
