"""Input that must never crash the checker or take more than a second."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.checker import UNSUPPORTED_LANGUAGE, Report, check
from afterword.model import Interview

OFFENDED = Interview.model_validate(
    {
        "company": "Acme Robotics",
        "role": "Product Marketing Manager",
        "ended_at": "2026-11-24T15:30:00-05:00",
        "interviewers": [{"name": "Dana Lee"}],
        "debrief": {"causes": ["offended_interviewer"]},
    }
)


def assert_spans_inside(text: str, report: Report) -> None:
    for f in report.findings[:50]:
        if f.start is None:
            assert f.end is None and f.line is None and f.column is None and f.excerpt is None
            continue
        assert f.end is not None and 0 <= f.start <= f.end <= len(text)
        assert f.line is not None and f.line >= 1 and f.column is not None and f.column >= 1
        assert text.count("\n", 0, f.start) + 1 == f.line
    for p in report.body.paragraphs:
        assert 0 <= p.start < p.end <= len(text)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "Hi Dana,", "Dear Ms. Lee,\n", "Best,\nAlex", "!!!", "[Name]", "\r\n\r\n"],
)
def test_degenerate_notes(text: str) -> None:
    report = check(text)
    assert_spans_inside(text, report)
    assert report.stats.paragraphs == 0 or text.strip()


def test_only_a_greeting_is_not_ready() -> None:
    report = check("Hi Dana,")
    assert report.stats.paragraphs == 0
    assert report.by_rule("missing-gratitude")
    assert not report.ready


def test_one_megabyte_under_a_second() -> None:
    paragraph = (
        "Thank you for meeting me about the role. I'm sorry I rambled. Let me know if I can "
        "help; I grew revenue by 20% last year.\n\n"
    )
    text = paragraph * (1_000_000 // len(paragraph))
    start = time.perf_counter()
    report = check(text)
    assert time.perf_counter() - start < 1.0
    assert report.by_rule("too-long")
    assert_spans_inside(text, report)


def test_one_megabyte_without_breaks_under_a_second() -> None:
    text = "word " * 200_000
    start = time.perf_counter()
    check(text)
    assert time.perf_counter() - start < 1.0


def test_windows_line_endings_keep_offsets() -> None:
    text = "Hi Dana,\r\n\r\nThank you. I'm sorry I was late.\r\n\r\nBest,\r\nAl\r\n"
    report = check(text)
    finding = report.by_rule("apology")[0]
    assert text[finding.start : finding.end] == finding.excerpt == "I'm sorry I was late"
    assert (finding.line, finding.column) == (3, 12)


def test_curly_quotes_and_emoji() -> None:
    text = "Hi Dana 👋,\n\nThank you 🙏 for today! I’m sorry I rambled.\n\nBest,\nAl"
    report = check(text)
    finding = report.by_rule("apology")[0]
    assert finding.excerpt == "I’m sorry I rambled"
    assert_spans_inside(text, report)


def test_html_pasted_in_keeps_offsets() -> None:
    text = "<p>Hi Dana,</p><p>Thanks! I&rsquo;m sorry I was late.</p><p>Best,<br>Al</p>"
    report = check(text)
    finding = report.by_rule("apology")[0]
    # An entity inside a word cannot keep its length and the word; the apology is still found
    # and its offsets still point into the HTML as given.
    assert text[finding.start : finding.end].endswith("sorry I was late")
    assert report.stats.paragraphs == 1


@pytest.mark.parametrize(
    "text",
    [
        "Estimada Sra. Lee:\n\nMuchas gracias por la entrevista de ayer. Fue un placer conocer "
        "al equipo y me gustaría mucho trabajar con ustedes.\n\nSaludos,\nAna",
        "Sehr geehrte Frau Lee,\n\nvielen Dank für das Gespräch gestern. Ich habe mich sehr "
        "über die Einblicke in das Team gefreut und bin weiterhin sehr interessiert.",
        "Уважаемая Дана,\n\nСпасибо за интервью. Мне очень понравилось общение с командой.",
        "李様\n\n昨日は面接のお時間をいただき、ありがとうございました。チームのお話がとても印象的でした。",
    ],
)
def test_other_languages_get_one_info_finding(text: str) -> None:
    report = check(text)
    assert [(f.rule, f.severity) for f in report.findings] == [(UNSUPPORTED_LANGUAGE, "info")]
    assert report.ready


def test_english_with_a_foreign_name_is_english() -> None:
    report = check("Dear Señora García,\n\nThank you for the interview at Café del Mar.")
    assert report.language == "en"


def test_to_dict_shape() -> None:
    text = "I'm sorry.\n\nLet me know."
    data = check(text).to_dict()
    assert set(data) == {"ready", "findings", "stats"}
    assert set(data["stats"]) >= {"paragraphs", "words", "sentences", "reading_grade"}
    for f in data["findings"]:
        assert list(f) == [
            "rule",
            "severity",
            "message",
            "start",
            "end",
            "line",
            "column",
            "excerpt",
            "suggestion",
        ]


NOTE_PIECES = st.sampled_from(
    [
        "Dear Ms. Lee,",
        "Hi Dana —",
        "Subject: Thanks",
        "Best regards,",
        "Alex Kim",
        "555-0100",
        "I'm sorry I bombed it.",
        "Thank you!",
        "Please let me know.",
        "[Name]",
        "{{role}}",
        "> quoted",
        "On Tue, Dana wrote:",
        "P.S. one more thing",
        "<p>",
        "</p>",
        "&amp;",
        "I really need this job by Friday.",
        "18%",
        "\r\n",
        "\n\n",
        "\n",
        " ",
        "—",
        "👋",
        "ß",
        "İstanbul",
        "\u200b",
        "\t",
        '"',
        "“",
        "’",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(NOTE_PIECES, st.text(max_size=30)), max_size=25))
def test_check_never_raises_and_spans_lie_inside(pieces: list[str]) -> None:
    text = "".join(pieces)
    for report in (check(text), check(text, OFFENDED)):
        assert_spans_inside(text, report)
        for f in report.findings:
            if f.start is not None and f.end is not None and f.end - f.start <= 80:
                assert f.excerpt == text[f.start : f.end]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    assert_spans_inside(text, check(text))
