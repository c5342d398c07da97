"""Input that must never crash the checker, and must be read in one pass.

How long a check takes is timed by bench/checker_worst_case.py, never here.
"""

from __future__ import annotations

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


def test_one_megabyte_of_paragraphs_is_too_long() -> None:
    paragraph = (
        "Thank you for meeting me about the role. I'm sorry I rambled. Let me know if I can "
        "help; I grew revenue by 20% last year.\n\n"
    )
    text = paragraph * (1_000_000 // len(paragraph))
    report = check(text)
    assert report.by_rule("too-long")
    assert_spans_inside(text, report)


def test_one_megabyte_without_breaks_is_one_long_paragraph() -> None:
    text = "word " * 200_000
    report = check(text)
    assert report.stats.paragraphs == 1
    assert report.by_rule("too-long")
    assert_spans_inside(text, report)


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
            "phrase",
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


# Long runs of one kind of character: each of these once sent a pattern back over the rest of
# the run from every character of it, so that a few thousand of them took seconds and a pasted
# page took minutes (bench/checker_worst_case.py times them; here they must give a sane report).
RUN_UNITS = [
    *("?", "!", ".", "\u2026", ",", "-", "'", '"', "&", "#", "_", "/", "@", "$", "%", "(", "|"),
    *(" ", "\t", "\n", "\r\n", "\n\n", "  \n", "\u00a0", "\u200b", "\u00ad", "\u2028"),
    *("0123456789", "1 ", "1.", "1,", "10% ", "$1,000 "),
    *("a", "A", "a ", "word ", "a\n", "sorry ", "please ", "I really need this job, "),
    *("thank you ", "Mr. Ms. e.g. ", ". ", "?x", "by 5 "),
    *("<", ">", "> x\n", "[", "{{", "<!--", "<script", "<p>", "&amp;", "<b", "[Name] "),
    *("On Tue ", "-- \n", "From: ", "http://a.io/ ", "___"),
    *("\u00e9", "\u043f\u0440\u0438\u0432\u0435\u0442 ", "\u9762\u63a5\u306e", "\U0001f44b"),
    *("a\u0301", "a\u202e", "\u0663"),
]
RUN_HEADS = ["", "<p>", "Hi Dana,\n\n", "I'm sorry ", "As you mentioned, ", "<p><!--"]
RUN_TAILS = ["", "x", "?", "\n\nBest,\nAl", "-->", "</script>", " 20% more users."]


def assert_sane(text: str, report: Report) -> None:
    assert_spans_inside(text, report)
    assert report.language in ("en", "other", "unknown")
    for f in report.findings:
        if f.start is not None and f.end is not None and f.end - f.start <= 80:
            assert f.excerpt == text[f.start : f.end]
    for rule in {f.rule for f in report.findings}:
        assert len(report.by_rule(rule)) <= 100


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(RUN_HEADS),
    st.sampled_from(RUN_UNITS),
    st.integers(2_000, 12_000),
    st.sampled_from(RUN_TAILS),
)
def test_a_long_run_of_any_kind_of_character(head: str, unit: str, size: int, tail: str) -> None:
    text = head + (unit * (size // len(unit) + 1))[:size] + tail
    for report in (check(text), check(text, OFFENDED)):
        assert_sane(text, report)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(RUN_UNITS), st.integers(1, 3_000)), max_size=4))
def test_long_runs_of_several_kinds_one_after_another(runs: list[tuple[str, int]]) -> None:
    text = "".join((unit * (n // len(unit) + 1))[:n] for unit, n in runs)
    assert_sane(text, check(text))
