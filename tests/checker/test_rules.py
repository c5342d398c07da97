"""The rules on notes written for these tests, beyond the phrasings each rule lists with its
examples and near misses in its data file (test_phrases.py runs those)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from afterword.checker import CheckSettings, check
from afterword.model import Interview, Interviewer

NOTE = "Dear Dana,\n\n{}\n\nBest,\nAlex"


def fires(rule: str, sentence: str) -> bool:
    report = check(NOTE.format(sentence))
    return any(f.rule == rule and f.severity != "info" for f in report.findings)


# Notes that still lack the call to action and the new information the rules read for (the
# near misses of their phrasings are in the rules' data files).
@pytest.mark.parametrize(
    "sentence",
    [
        "I look forward to working with you.",
        "I hope we can work together in the future.",
        "I look forward to the possibility of joining your team.",
        "Don't hesitate to imagine me on your team.",
    ],
)
def test_missing_call_to_action(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I am confident my skills make me a strong fit.",
        "Thank you for the interview on January 6th.",
        "Please call me at (555) 745-5247.",
        "Thanks for spending 25 minutes with me.",
        "I ran the 60 blocks home afterwards.",
    ],
)
def test_missing_new_information(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


def test_apology_suggests_a_follow_up_for_its_span() -> None:
    text = "I'm sorry I couldn't answer your question about churn."
    finding = check(text).by_rule("apology")[0]
    assert text[finding.start : finding.end] == finding.excerpt
    assert finding.suggestion == (
        "I wanted to follow up on your question about churn: "
        "[one concrete example, with a number if you have one]"
    )
    assert finding.replaces_span


def test_apology_is_info_when_the_interviewer_was_offended(
    make_interview: Callable[..., Interview],
) -> None:
    interview = make_interview(debrief={"causes": ["offended_interviewer"]})
    report = check(NOTE.format("I'm sorry my joke about your team landed badly."), interview)
    findings = report.by_rule("apology")
    assert findings and all(f.severity == "info" for f in findings)
    assert "offended" in findings[0].message


def test_passive_closing_is_a_weak_call_to_action() -> None:
    report = check(NOTE.format("Thank you for your time. I hope to hear from you soon."))
    findings = report.by_rule("missing-call-to-action")
    assert [f.severity for f in findings] == ["info"]
    assert findings[0].excerpt == "I hope to hear from you"
    assert findings[0].suggestion


def test_too_long_paragraphs_and_words() -> None:
    three = "Thanks.\n\nOne.\n\nTwo."
    finding = check(three).by_rule("too-long")[0]
    assert three[finding.start : finding.end] == "Two."
    long_paragraph = " ".join(["word"] * 50)
    assert not check(long_paragraph).by_rule("too-long")
    report = check(long_paragraph, settings=CheckSettings(max_words=40))
    assert "50 words" in report.by_rule("too-long")[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Dear [Name],\n\nThanks.",
        "Hi <NAME>, thanks.",
        "Thanks for the {{role}} chat.",
        "Dear ________,\n\nThanks.",
        "Dear xx,\n\nThanks.",
        "Thanks for the ${job.title} role.",
        "Thanks.\n\nBest,\n[Your Name]",
        "about the (position) position",
    ],
)
def test_placeholder(text: str) -> None:
    assert check(text).by_rule("placeholder")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the chat [...] and the tour.",
        "Write to <dana@acme.example> anytime.",
        "Thanks for the <b>tour</b>.",
        "The Xbox demo was fun.",
    ],
)
def test_placeholder_near_misses(text: str) -> None:
    assert not check(text).by_rule("placeholder")


def test_placeholder_filled_from_the_interview(acme: Interview) -> None:
    report = check("Thank you for meeting me about the [Role] role at [Company].", acme)
    suggestions = [f.suggestion for f in report.by_rule("placeholder")]
    assert suggestions == ["Product Marketing Manager", "Acme Robotics"]


def test_wrong_recipient(acme: Interview) -> None:
    report = check("Dear Priya,\n\nThank you for meeting me.", acme)
    finding = report.by_rule("wrong-recipient")[0]
    assert finding.excerpt == "Priya" and finding.suggestion == "Dana"
    report = check("Dear Dana,\n\nThank you. I would love to join Globex Industries.", acme)
    assert report.by_rule("wrong-recipient")[0].excerpt == "Globex Industries"
    fine = "Dear Ms. Lee,\n\nThank you. At Brightline I built the same program for Acme's rival."
    assert not check(fine, acme).by_rule("wrong-recipient")
    report = check("Dear Dana,\n\nThank you. I am very interested in working at Initech.", acme)
    assert report.by_rule("wrong-recipient")[0].excerpt == "Initech"


@pytest.mark.parametrize(
    "sentence",
    [
        "I am very interested in Python automation for the launch.",
        "I would love to contribute to Kubernetes upgrades there.",
        "I'm interested in Salesforce reporting as well.",
    ],
)
def test_skills_and_projects_are_not_taken_for_another_company(
    acme: Interview, sentence: str
) -> None:
    note = f"Dear Dana,\n\nThank you for your time. {sentence}\n\nBest,\nAlex"
    assert not check(note, acme).by_rule("wrong-recipient")


def test_missing_personalization(acme: Interview) -> None:
    assert check("Hello,\n\nThank you for your time.", acme).by_rule("missing-personalization")
    assert not check(
        "Hello,\n\nThank you for the talk about the warehouse robot launch.", acme
    ).by_rule("missing-personalization")
    assert not check("Thank you for your time.").by_rule("missing-personalization")


def test_late(acme: Interview) -> None:
    soon = CheckSettings(now=acme.ended_at + timedelta(hours=3))
    late = CheckSettings(now=acme.ended_at + timedelta(hours=50))
    assert not check("Thank you.", acme, soon).by_rule("late")
    assert "26 hours" in check("Thank you.", acme, late).by_rule("late")[0].message
    assert not check("Thank you.", None, late).by_rule("late")


def test_disable() -> None:
    report = check("Thanks!!! Great!!", settings=CheckSettings(disable=frozenset({"exclamation"})))
    assert not report.by_rule("exclamation")
    assert check("Thanks!!! Great!!").by_rule("exclamation")


def test_now_is_aware() -> None:
    # The late rule compares aware datetimes; a naive "now" is the caller's bug, not a crash.
    assert CheckSettings(now=datetime.now().astimezone()).now is not None


def test_a_blank_left_by_a_suggestion_is_a_placeholder() -> None:
    """Apply on a suggestion such as "I wanted to add to what I said about X: ..." leaves a
    blank to fill: a note that still holds it is not ready."""
    text = (
        "Dear Dana,\n\nThank you for your time. I wanted to add to what I said about "
        "pricing: ...\n\nBest,\nAlex"
    )
    [finding] = check(text).by_rule("placeholder")
    assert text[finding.start : finding.end] == "..."
    assert not check(text).ready
    assert not check("Dear Dana,\n\nThank you. I paused... then went on.\n\nBest,\nAlex").by_rule(
        "placeholder"
    )


def test_a_greeting_to_a_name_beyond_ascii_or_under_a_subject_line_is_read_right() -> None:
    """ "Hello Łukasz" greets Łukasz (not someone called "Hello"), and a greeting under a
    "Subject:" line is checked like any other."""
    panel = Interview.model_validate(
        {
            "company": "Acme Robotics",
            "role": "PMM",
            "ended_at": "2026-11-24T15:30:00-05:00",
            "interviewers": [{"name": "Łukasz Nowak"}, {"name": "Émile Roux"}],
        }
    )
    body = "\n\nThank you for your time today.\n\nBest,\nAlex"
    for greeting in ("Hello Łukasz,", "Dear Émile,", "Subject: Thanks\n\nDear Łukasz,"):
        assert not check(greeting + body, panel).by_rule("wrong-recipient"), greeting
    [wrong] = check("Subject: Thanks\n\nDear Dana," + body, panel).by_rule("wrong-recipient")
    assert wrong.excerpt == "Dana"
    [other] = check("Hi Øystein," + body, panel).by_rule("wrong-recipient")
    assert other.excerpt == "Øystein"


def test_no_suggestion_holds_an_ellipsis() -> None:
    """A rewrite with "..." reads as cut off; where the user has to fill something in, the
    suggestion says what, in brackets (which the placeholder rule then keeps from being sent)."""
    notes = [
        "Dear Dana,\n\nI'm sorry I couldn't answer your question about churn.\n\nBest,\nAlex",
        "Dear Dana,\n\nThank you for your time.\n\nBest,\nAlex",
        "Dear [Name],\n\nThank you for your time.\n\nBest,\nAlex",
        "Dear Dana,\n\nI blew the interview, sorry about that.\n\nAlex",
    ]
    for text in notes:
        for finding in check(text).findings:
            assert finding.suggestion is None or not re.search(r"\.\.\.|…", finding.suggestion)


@pytest.mark.parametrize(
    ("middle", "rule"),
    [
        # An example announced with "I'd like to add" is new information...
        (
            "One example I'd like to add on email marketing: at Brightline we rebuilt the "
            "sign-up page around a single field and a checklist offer. Would a call help?",
            "missing-new-information",
        ),
        # ...and a question after a semicolon invites a next step.
        (
            "I rewrote the rolling-average query with a window frame; shall I send it over?",
            "missing-call-to-action",
        ),
    ],
)
def test_plain_additions_and_questions_are_recognised(middle: str, rule: str) -> None:
    text = f"Dear Dana,\n\nThank you for your time today. {middle}\n\nBest,\nAlex"
    assert not check(text).by_rule(rule)


def test_a_japanese_honorific_after_the_name_is_not_a_wrong_name() -> None:
    interview = Interview(
        company="Mizunami Precision Europe",
        role="Buyer",
        ended_at="2026-12-02T16:00:00+01:00",
        interviewers=[Interviewer(name="Takahashi Kenji")],
    )
    fine = "Dear Takahashi-san,\n\nThank you for your time yesterday.\n\nKind regards,\nİlayda"
    assert not check(fine, interview).by_rule("wrong-recipient")
    wrong = "Dear Suzuki-san,\n\nThank you for your time yesterday.\n\nKind regards,\nİlayda"
    assert check(wrong, interview).by_rule("wrong-recipient")
