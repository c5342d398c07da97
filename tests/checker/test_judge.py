"""The learned judge: what it adds to the rules, and where it stays quiet."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from afterword.checker import CheckSettings, check
from afterword.checker.judge import LABELS, default_judge, features
from afterword.model import Interview

NOTE = "Dear Ann,\n\nThank you for meeting me on Tuesday about the analyst role. {}\n\nBest,\nSam"
RULES_ALONE = CheckSettings(judge=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "I had not done my best on the SQL question.",
        "I feel I was not performing well yesterday.",
    ],
)
def test_an_admission_in_unlisted_words_is_reported_with_a_rewrite(sentence: str) -> None:
    text = NOTE.format(sentence)
    assert not any(f.rule == "overt-failure" for f in check(text, settings=RULES_ALONE).findings)
    [finding] = [f for f in check(text).findings if f.rule == "overt-failure"]
    # The whole sentence, marked as a judgment rather than a listed phrasing, and a rewrite
    # that follows up instead of confessing (with a blank for the writer's own example).
    assert finding.excerpt == sentence
    assert finding.severity == "warning"
    assert "No listed phrasing matched" in finding.message
    assert finding.suggestion is not None and finding.suggestion.startswith("I wanted to")
    assert "..." not in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "I don't think it was a disaster at all.",
        "I think I did myself justice on the budget task.",
        "Thank you for the offer, which I accept. I'll be in on Monday to collect my badge.",
        "It was great to hear how the team plans the spring launch.",
    ],
)
def test_the_judge_stays_quiet_on_near_misses(sentence: str) -> None:
    findings = check(NOTE.format(sentence)).findings
    assert not [f for f in findings if f.severity == "error" or "No listed phrasing" in f.message]


def test_one_fault_is_one_finding() -> None:
    # A sentence a rule reported is not reported again by the judge, under any of the rules.
    findings = check(NOTE.format("I really need this job, I feel I was not at my best.")).findings
    assert not [f for f in findings if "No listed phrasing" in f.message]
    assert {f.rule for f in findings if f.start is not None} <= {"pressure", "overt-failure"}


def test_an_owned_apology_after_offending_the_interviewer_is_left_to_the_rule(
    make_interview: Callable[..., Interview],
) -> None:
    interview = make_interview(debrief={"causes": ["offended_interviewer"]})
    text = NOTE.format("I regret how my comment about your old product came out.")
    assert not [f for f in check(text, interview).findings if "No listed phrasing" in f.message]


def test_turning_a_rule_off_turns_its_judgment_off() -> None:
    text = NOTE.format("I had not done my best on the SQL question.")
    settings = CheckSettings(disable=frozenset({"overt-failure"}))
    assert not [f for f in check(text, settings=settings).findings if f.rule == "overt-failure"]


def test_negated_words_are_read_apart() -> None:
    assert "w:disaster" in features("It was a disaster.")
    assert "n:disaster" in features("I don't think it was a disaster.")
    assert "w:disaster" not in features("I don't think it was a disaster.")


def test_the_shipped_judge_scores_every_judgment() -> None:
    scores = default_judge().scores("I look forward to hearing from you.")
    assert set(scores) == set(LABELS)
    assert all(0.0 <= p <= 1.0 for p in scores.values())


def test_no_rule_suggests_a_rewrite_with_an_ellipsis_or_a_cut_word(
    make_interview: Callable[..., Interview],
) -> None:
    # Every rule's bad examples, checked with and without the debrief that makes the
    # offended-interviewer exception apply: a suggestion is text a person can use as it is,
    # with a bracketed blank where their own words go.
    from afterword.checker.rules import RULE_CLASSES

    offended = make_interview(debrief={"causes": ["offended_interviewer"]})
    for rule in RULE_CLASSES:
        for text in rule.examples()[1]:
            for interview in (None, offended):
                for f in check(text, interview).findings:
                    if f.suggestion:
                        assert "..." not in f.suggestion and "\u2026" not in f.suggestion, f
                        assert not f.suggestion.rstrip().endswith(("-", " a", " the")), f
