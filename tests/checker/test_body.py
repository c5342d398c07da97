"""Body detection on real-mail shapes: what is set aside, and that offsets stay true."""

from __future__ import annotations

import pytest

from afterword.checker import check


def paragraphs(text: str) -> list[str]:
    report = check(text)
    return [text[p.start : p.end] for p in report.body.paragraphs]


def test_subject_greeting_signoff_signature_are_set_aside() -> None:
    text = (
        "Subject: Thank you\n\nDear Ms. Lee,\n\nThank you for meeting me.\n\n"
        "I look forward to hearing from you.\n\nBest regards,\nAlex Kim\n555-0100\n"
    )
    assert paragraphs(text) == ["Thank you for meeting me.", "I look forward to hearing from you."]


@pytest.mark.parametrize(
    "greeting",
    [
        "Dear Ms. Lee,",
        "Hi Dana —",
        "Hello [Name],",
        "Hi,",
        "Good morning Dana,",
        "Dana,",
        "To Whom It May Concern:",
        "Mrs. Scott,",
        "Dear Mr./Ms. Last Name:",
    ],
)
def test_greetings(greeting: str) -> None:
    text = f"{greeting}\n\nThank you for the interview today.\n\nBest,\nAlex"
    assert paragraphs(text) == ["Thank you for the interview today."]


def test_greeting_on_the_body_line() -> None:
    text = "Hi Dana, thanks so much for your time today.\n\nCheers,\nAl"
    assert paragraphs(text) == ["thanks so much for your time today."]


def test_letter_header_with_addresses_and_date() -> None:
    text = (
        "521 King Avenue\nBaltimore, MD 54798\n\nJune 11, 2018\n\nMs. Anna Johnson\n"
        "Senior Administrator\n\nDear Ms. Johnson:\n\nThank you for meeting me.\n\nSincerely,\n"
        "Laura Smith, RN"
    )
    assert paragraphs(text) == ["Thank you for meeting me."]


def test_quoted_mail_is_set_aside() -> None:
    text = (
        "Hi Dana,\n\nThanks for the call.\n\nBest,\nAl\n\n"
        "On Tue, Nov 24, 2026 at 3:00 PM Dana Lee <dana@acme.example> wrote:\n"
        "> Thanks for applying.\n> Sorry for the delay.\n"
    )
    report = check(text)
    assert paragraphs(text) == ["Thanks for the call."]
    assert not report.by_rule("apology")


def test_ps_counts_as_a_paragraph() -> None:
    text = "Thank you for today.\n\nSincerely,\n\nP.S. - I hope your move goes well."
    assert paragraphs(text) == ["Thank you for today.", "P.S. - I hope your move goes well."]


def test_thank_you_line_with_a_period_is_body() -> None:
    text = "Let me know if you have any questions. Thank you."
    report = check(text)
    assert report.stats.paragraphs == 1
    assert not report.by_rule("missing-gratitude")


def test_many_thanks_signoff_is_not_gratitude() -> None:
    text = "Great to meet you yesterday. Let me know if I can help.\n\nMany thanks,\nAl"
    assert check(text).by_rule("missing-gratitude")


def test_signature_without_closing() -> None:
    text = "Dear Dr. Katz,\n\nThank you for your time.\n\nWilliam Smith"
    assert paragraphs(text) == ["Thank you for your time."]


def test_last_sentence_without_period_is_not_a_signature() -> None:
    text = "Thank you for your time.\n\nLooking forward to hearing from you"
    assert len(paragraphs(text)) == 2


def test_windows_line_endings_give_same_paragraphs() -> None:
    unix = "Hi Dana,\n\nThank you.\n\nLet me know.\n\nBest,\nAl"
    assert paragraphs(unix.replace("\n", "\r\n")) == paragraphs(unix)


def test_html_mail() -> None:
    text = (
        "<html><body><p>Hi Dana,</p><p>Thank you for the tour &amp; the demo.</p>"
        "<p>Please let me know if I can help.</p><p>Best,<br>Al</p></body></html>"
    )
    report = check(text)
    assert report.stats.paragraphs == 2
    assert not report.by_rule("missing-gratitude")
    assert not report.by_rule("placeholder")


def test_stats_words_and_sentences() -> None:
    report = check("Thank you, Dana. It was great — really great!\n\nBest,\nAl")
    assert report.stats.words == 8
    assert report.stats.sentences == 2
    assert report.stats.reading_grade >= 0


def test_greeting_naming_several_readers() -> None:
    text = (
        "Dear Ms. Osei, Mr. Hart and Dr. Lin,\n\nThank you all for your time.\n\nKind regards,\nSam"
    )
    assert paragraphs(text) == ["Thank you all for your time."]


def test_greeting_with_the_body_on_its_line_still_splits() -> None:
    text = "Hi Dana, thanks so much for the tour today.\n\nCheers,\nAl"
    assert paragraphs(text) == ["thanks so much for the tour today."]


@pytest.mark.parametrize("closing", ["Your future Chief Tea Officer,", "Yours in anticipation,"])
def test_a_playful_your_closing_is_the_sign_off(closing: str) -> None:
    text = f"Hi Dana,\n\nThanks for the chat. Let me know.\n\n{closing}\nGreg"
    assert paragraphs(text) == ["Thanks for the chat. Let me know."]


def test_a_bare_name_above_a_ps_is_the_signature() -> None:
    text = (
        "Hi Mo,\n\nThanks for today, let me know if you need more.\n\nPriya\n\n"
        "P.S. Good luck at the race!"
    )
    assert paragraphs(text) == [
        "Thanks for today, let me know if you need more.",
        "P.S. Good luck at the race!",
    ]


def test_a_sentence_above_a_ps_stays_in_the_body() -> None:
    text = "Hi Mo,\n\nThanks for today.\n\nLet me know if you need more.\n\nP.S. Good luck!"
    assert len(paragraphs(text)) == 3


@pytest.mark.parametrize("closing", ["Thanks, Priya", "Best, Priya", "Many thanks, Priya Shah"])
def test_a_sign_off_glued_to_a_one_block_note_is_set_aside(closing: str) -> None:
    text = f"Hi Omar, thanks for the tour today. Could you send the rota? {closing}"
    report = check(text)
    assert paragraphs(text) == ["thanks for the tour today. Could you send the rota?"]
    assert report.stats.words == 10
    assert report.body.signoff is not None
    assert text[report.body.signoff.start : report.body.signoff.end] == closing


def test_thanks_to_the_reader_at_the_end_of_a_one_block_note_stays_in_the_body() -> None:
    text = "Hi Omar, great to meet you today. Let me know if you need more. Thank you, Omar."
    assert paragraphs(text) == [
        "great to meet you today. Let me know if you need more. Thank you, Omar."
    ]
    assert not check(text).by_rule("missing-gratitude")


@pytest.mark.parametrize("closing", ["Warmly-ish,", "Gratefully, eternally,", "Fondly, ever,"])
def test_a_playful_sign_off_over_a_name_is_set_aside(closing: str) -> None:
    text = f"Dear Ms. Roe,\n\nThank you for the visit.\n\nPlease let me know.\n\n{closing}\nKim"
    assert paragraphs(text) == ["Thank you for the visit.", "Please let me know."]
