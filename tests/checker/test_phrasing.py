"""What the rules learned from independent sets of notes, beyond single phrasings.

The classes of phrasing themselves, each worded afresh (not copied from the labelled sets), are
now the examples and near misses of the phrasings in each rule's data file
(checker/data/rules/*.yaml, run by test_phrases.py); what is left here is how a whole note is
read: greetings, sign-offs, forwarded mail, one finding per sentence.
"""

from __future__ import annotations

import pytest

from afterword.checker import check

NOTE = "Dear Dana,\n\n{}\n\nBest,\nAlex"


def fires(rule: str, sentence: str) -> bool:
    report = check(NOTE.format(sentence))
    return any(f.rule == rule and f.severity != "info" for f in report.findings)


# -- gratitude ---------------------------------------------------------------------------------
def test_gratitude_only_in_a_closing_does_not_count() -> None:
    for closing in ("Thank you,", "Gratefully,", "With appreciation,", "Thanking you in advance,"):
        text = f"Hi Sam,\n\nGreat to meet you today.\n\n{closing}\nAlex"
        assert check(text).by_rule("missing-gratitude"), closing


# -- body detection ----------------------------------------------------------------------------
@pytest.mark.parametrize("closing", ["Ta,", "Regretfully,", "Warm wishes,", "With thanks,"])
def test_any_short_closing_over_a_name_is_the_sign_off(closing: str) -> None:
    text = f"Hi Sam,\n\nThanks for today.\n\nLet me know if you need anything.\n\n{closing}\nAlex"
    assert check(text).stats.paragraphs == 2


def test_a_short_comma_line_without_a_signature_stays_in_the_body() -> None:
    text = "Hi Sam,\n\nThanks for today.\n\nLet me know if you need anything.\n\nAll in all,"
    assert check(text).stats.paragraphs == 3


def test_greeting_closed_by_a_dash() -> None:
    report = check("Sam -\n\nThanks for today. Let me know if you need anything.\n\n- Alex")
    assert report.stats.paragraphs == 1
    assert report.stats.words == 10


def test_a_long_paragraph_is_advice_not_a_warning() -> None:
    sentence = "Thank you for the interview and the tour of the new plant today. "
    report = check(NOTE.format(sentence * 12))
    long = report.by_rule("too-long")
    assert long and all(f.severity == "info" for f in long)
    many = check(NOTE.format("Thanks.\n\nOne.\n\nTwo."))
    assert [f.severity for f in many.by_rule("too-long")] == ["warning"]


# -- classes found by the blind set (bench/data/checker-blind.jsonl), worded afresh -----------
def test_cannot_thank_enough_is_thanks() -> None:
    assert not fires("missing-gratitude", "I can't thank you enough for the time. Let me know.")


def test_greetings_of_the_day_belongs_to_the_greeting() -> None:
    report = check(
        "Dear Sir,\n\nGreetings of the day!\n\nThank you for the interview.\n\nRegards,\nA"
    )
    assert report.stats.paragraphs == 1


def test_stacked_closings_are_the_sign_off() -> None:
    text = "Dear Sir,\n\nThank you for the interview.\n\nThanking you,\nYours faithfully,\nA. Rao"
    report = check(text)
    assert (report.stats.paragraphs, report.stats.words) == (1, 5)


def test_a_lowercase_last_line_is_no_signature() -> None:
    report = check("hi,\n\nthanks for the interview today!\n\ncall me back whenever")
    assert report.stats.paragraphs == 2


# -- third blind round (bench/data/checker-blind2.jsonl) ----------------------------------------
def test_a_memo_header_is_no_quoted_mail() -> None:
    text = (
        "To: Ms. Rao, Hiring Lead\nFrom: Sam Lee\nDate: 3 May\nSubject: Thanks\n\n"
        "Dear Ms. Rao,\n\nThank you for the interview today.\n\nRegards,\nSam Lee"
    )
    report = check(text)
    assert (report.stats.paragraphs, report.stats.words) == (1, 6)


def test_a_subject_line_label_is_header() -> None:
    text = (
        "Email #2: the quick one\n\nSubject line: Thanks, {Name}!\n\nHi {Name},\n\n"
        "Thank you for today.\n\nBest,\n{Me}"
    )
    assert check(text).stats.paragraphs == 1


# -- round four: messy, non-native and forwarded notes -------------------------------------------
def test_a_forwarded_note_keeps_its_body() -> None:
    text = (
        "---------- Forwarded message ---------\nFrom: Sam Lee <sam@example.com>\n"
        "Date: Mon, 3 Mar 2025\nSubject: Thanks\nTo: <rao@example.com>\n\n\n"
        "Hi Ms. Rao,\n\nThank you for the interview today.\n\nBest,\nSam"
    )
    assert (check(text).stats.paragraphs, check(text).stats.words) == (1, 6)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "Dear Sir,\n\nThank you for the interview.\n\nThanks & Regards,\nRavi\n+91 98000 00021",
            (1, 5),
        ),
        ("Good day Sir,\n\nThank you for the interview.\n\nRemain blessed.\nAda Obi", (1, 5)),
        ("mr dobbs,\r\nthanks for having me at the shop today.\r\n- ray", (1, 8)),
        ("hiii!!\n\ntysm for the interview today\n\nxo, kayla", (1, 5)),
    ],
)
def test_sign_offs_of_other_voices(text: str, counts: tuple[int, int]) -> None:
    report = check(text)
    assert (report.stats.paragraphs, report.stats.words) == counts


# -- classes from the fourth blind set ----------------------------------------------------------
def test_call_to_action_a_demanded_answer_still_asks_for_a_reply() -> None:
    assert not fires("missing-call-to-action", "Thank you. I'll need your answer by Monday.")
    assert fires("missing-call-to-action", "Thank you. I need a break before Monday.")


def test_a_closing_with_an_aside_over_a_name_is_the_sign_off() -> None:
    report = check("Hi Sam,\n\nThanks for the call. Let me know.\n\nTalk soon (hopefully),\nJo")
    assert report.stats.paragraphs == 1


# -- classes from the fifth blind set ----------------------------------------------------------
def test_overt_failure_one_finding_for_one_sentence_of_admissions() -> None:
    report = check(NOTE.format("Thanks. I fumbled the SQL task and I froze on the last question."))
    assert len(report.by_rule("overt-failure")) == 1


# -- call to action: any chance to continue, hopes for good news, stories of waiting --------------
def cta(sentence: str) -> str | None:
    found = check(NOTE.format(sentence)).by_rule("missing-call-to-action")
    return found[0].severity if found else None


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I would welcome any chance to continue our discussion.",
        "Thank you. I'd value any further opportunity to talk about the role.",
    ],
)
def test_call_to_action_any_chance_to_continue(sentence: str) -> None:
    assert cta(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the chat! Hoping to hear some good news soon.",
        "Thank you. I hope to get an update before the holidays.",
        "Thank you. Hoping to hear great things from your side.",
    ],
)
def test_call_to_action_hopes_for_news_are_passive(sentence: str) -> None:
    assert cta(sentence) == "info"


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the tour. The guard did not wait for an answer before opening the gate.",
        "Thank you. My old boss never waited for a reply either.",
    ],
)
def test_call_to_action_near_misses_stories_of_waiting(sentence: str) -> None:
    assert cta(sentence) == "warning"
