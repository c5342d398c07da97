"""A slip in what the user wrote is repaired only where the repair is certain, and the composer
makes none of its own: a participle opening a situation is no deed of the writer's, a result
after "the result was" starts in lower case, and a bare topic takes the question's article."""

from __future__ import annotations

import pytest

from afterword.composer.facts import moment_topic, repaired, story_accounts, topic_phrase
from afterword.model import Moment, MomentKind, Story


def test_an_opening_participle_with_its_own_verb_is_not_made_the_writers_deed() -> None:
    story = Story(
        title="Returns desk",
        situation="Damaged parcels at the depot were often left unlogged for days.",
        action="Set up a same-day returns log with photos.",
        result="Unlogged damage fell from 30 a week to 4",
    )
    told = story_accounts(story)[0]
    assert told.startswith("Damaged parcels at the depot were often left unlogged"), told
    adverb = story.model_copy(
        update={"situation": "Duplicated invoices sometimes reached the customer twice."}
    )
    assert story_accounts(adverb)[0].startswith("Duplicated invoices sometimes reached"), (
        story_accounts(adverb)[0]
    )


def test_a_result_after_the_result_was_starts_in_lower_case() -> None:
    story = Story(
        title="Ladder checks",
        situation="Ladder inspections on site were done from memory.",
        action="Introduced a tagged inspection card for every ladder.",
        result="No ladder incidents in the following year",
    )
    told = story_accounts(story)[0]
    assert "the result was no ladder incidents" in told, told


def test_a_grade_in_capitals_is_no_article() -> None:
    story = Story(
        title="Revision clinics",
        situation="Year 11 maths results had slipped for two years.",
        action="Ran weekly revision clinics after school.",
        result="The share of pupils at grade A rose from 22% to 35%",
    )
    told = story_accounts(story)[0]
    assert "the result was" not in told, told
    assert "the share of pupils at grade A rose from 22% to 35%" in told, told


def test_what_a_customer_did_next_is_in_the_past_after_a_past_clause() -> None:
    assert repaired("Usage went from 20% to 65% and they extend for three years") == (
        "Usage went from 20% to 65% and they extended for three years"
    )
    # Nothing in the past before it: the present may be meant.
    assert repaired("They use it daily and they renew every year") == (
        "They use it daily and they renew every year"
    )


def test_a_bare_topic_takes_the_article_the_question_gives_it() -> None:
    moment = Moment(
        question="What would you do with the museum's costume collection?",
        kind=MomentKind.couldnt_answer,
        topic="museum costume collection",
    )
    assert moment_topic(moment) == "the museum's costume collection"
    ours = Moment(
        question="How would you improve our volunteer induction?",
        kind=MomentKind.could_be_better,
        topic="volunteer induction",
    )
    assert moment_topic(ours) == "your volunteer induction"


def test_research_is_not_cut_inside_a_list_of_nouns() -> None:
    from afterword.composer.facts import research_facts

    text = (
        "I walked the depot twice with the shift lead; the yard is mostly racking and block "
        "stacking, which slows loading at night."
    )
    for form in research_facts(text):
        assert not form.endswith("mostly racking."), form


@pytest.mark.parametrize(
    "jotted,said",
    [
        ("voice of the child", "the voice of the child"),
        ("business recommendation", "the business recommendation"),
        ("portfolio walkthrough", "the portfolio walkthrough"),
        ("webinar programme", "the webinar programme"),
        # A field, a plural, a name or a topic with its own determiner is as written.
        ("permanence planning", "permanence planning"),
        ("health scores", "health scores"),
        ("HubSpot to Salesforce attribution", "HubSpot to Salesforce attribution"),
        ("the Ofsted action plan", "the Ofsted action plan"),
    ],
)
def test_a_jotted_topic_that_names_one_thing_takes_its_article(jotted: str, said: str) -> None:
    moment = Moment(
        question="How do you make sure the wishes are heard?",
        kind=MomentKind.could_be_better,
        topic=jotted,
    )
    assert moment_topic(moment) == said
    assert topic_phrase(jotted) == said
