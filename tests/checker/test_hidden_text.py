"""Invisible characters and look-alike letters do not hide a problem from the checker, and the
problem is still shown where it is in the note as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.checker import Report, check
from afterword.checker.normalize import fold

NOTE = "Hi Dana,\n\nThank you for your time today. {apology} I rambled.\n\nBest,\nAl"


def the_apology(text: str) -> tuple[str, int, int]:
    """The apology found in ``text``: its excerpt, line and column, after checking that the
    excerpt is the text at its offsets."""
    report = check(text)
    (finding,) = report.by_rule("apology")
    assert finding.start is not None and finding.end is not None
    assert finding.excerpt == text[finding.start : finding.end]
    assert finding.line == text.count("\n", 0, finding.start) + 1
    assert finding.column == finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
    assert_body_inside(text, report)
    assert finding.excerpt is not None and finding.line is not None
    assert finding.column is not None
    return finding.excerpt, finding.line, finding.column


def assert_body_inside(text: str, report: Report) -> None:
    body = report.body
    assert 0 <= body.start <= body.end <= len(text)
    assert body.text == text[body.start : body.end]
    for p in body.paragraphs:
        assert body.start <= p.start < p.end <= body.end


@pytest.mark.parametrize(
    "apology",
    [
        "I'm so\u00adrry",  # soft hyphen
        "I'm so\u200brry",  # zero-width space
        "I'm sor\u200dry",  # zero-width joiner
        "I'm s\u200corry",  # zero-width non-joiner
        "I'm sor\u2060ry",  # word joiner
        "I'm \ufeffsorry",  # byte order mark
        "I'm \u202esorry\u202c",  # a right-to-left override and its end
        "I'm so\u200erry",  # left-to-right mark
        "I'm s\u043erry",  # Cyrillic o
        "I'm s\u03bfrry",  # Greek omicron
        "I'm sorr\u0443",  # Cyrillic u that looks like y
        "I'm \uff53\uff4f\uff52\uff52\uff59",  # fullwidth letters
        "I'm \U0001d42c\U0001d428\U0001d42b\U0001d42b\U0001d432",  # mathematical bold letters
    ],
)
def test_hidden_sorry_is_an_apology_where_it_was_written(apology: str) -> None:
    text = NOTE.format(apology=apology)
    excerpt, line, column = the_apology(text)
    assert excerpt == apology + " I rambled"
    assert (line, column) == (3, 32)


@pytest.mark.parametrize(
    "apology",
    [
        "I apolog\u200bize for rambling",
        "I apolo\u00adgize for rambling",
        "I \u0430p\u043el\u043egize for rambling",  # Cyrillic a, o, o
        "Please \u0435\u0445\u0441use my rambling",  # Cyrillic e, x, c
        "I \uff41\uff50\uff4f\uff4c\uff4f\uff47\uff49\uff5a\uff45 for rambling",  # fullwidth
        "I am \u0455\u043erry for rambling",  # Cyrillic s and o
    ],
)
def test_other_hidden_apologies_are_found(apology: str) -> None:
    text = f"Hi Dana,\n\nThank you for the tour. {apology}.\n\nBest,\nAl"
    excerpt, line, column = the_apology(text)
    assert apology.endswith(excerpt)
    assert (line, column) == (3, text.index(excerpt) - text.index("Thank") + 1)


def test_an_emoji_and_hidden_characters_before_the_apology_keep_its_place() -> None:
    text = (
        "\ufeffHi Dana \U0001f44b,\r\n\r\nThank you \U0001f64f\u200d for today! "
        "I\u2019m so\u00adrry I rambled.\r\n\r\nBest,\r\nAl"
    )
    excerpt, line, column = the_apology(text)
    assert excerpt == "I\u2019m so\u00adrry I rambled"
    assert line == 3
    assert text[text.index("I\u2019m") :].startswith(excerpt)
    assert column == text.index("I\u2019m") - text.index("Thank") + 1


def test_a_ligature_maps_back_to_the_one_character_it_was() -> None:
    text = "Hi Dana,\n\nThank you. I'm sorry for the \ufb01asco.\n\nBest,\nAl"
    excerpt, _, _ = the_apology(text)
    assert excerpt == "I'm sorry for the \ufb01asco"


def test_notes_in_other_scripts_are_not_folded_into_latin() -> None:
    for text in [
        "\u0423\u0432\u0430\u0436\u0430\u0435\u043c\u0430\u044f \u0414\u0430\u043d\u0430,\n\n"
        "\u0421\u043f\u0430\u0441\u0438\u0431\u043e \u0437\u0430 \u0438\u043d\u0442\u0435"
        "\u0440\u0432\u044c\u044e \u0438 \u0432\u0430\u0448\u0435 \u0432\u0440\u0435\u043c"
        "\u044f, \u044f \u043e\u0447\u0435\u043d\u044c \u0440\u0430\u0434 \u0441 \u0432"
        "\u0430\u043c\u0438 \u043f\u043e\u0437\u043d\u0430\u043a\u043e\u043c\u0438\u0442"
        "\u044c\u0441\u044f.",
        "\u0391\u03b3\u03b1\u03c0\u03b7\u03c4\u03ae \u03ba\u03c5\u03c1\u03af\u03b1 \u039b"
        "\u03b9,\n\n\u03a3\u03b1\u03c2 \u03b5\u03c5\u03c7\u03b1\u03c1\u03b9\u03c3\u03c4"
        "\u03ce \u03b3\u03b9\u03b1 \u03c4\u03b7 \u03c3\u03c5\u03bd\u03ad\u03bd\u03c4\u03b5"
        "\u03c5\u03be\u03b7 \u03ba\u03b1\u03b9 \u03c4\u03bf\u03bd \u03c7\u03c1\u03cc\u03bd"
        "\u03bf \u03c3\u03b1\u03c2.",
    ]:
        folded = fold(text)
        assert folded is None or folded.text == text
        assert check(text).language == "other"


def test_a_note_with_nothing_to_fold_is_not_copied() -> None:
    assert fold("I'm sorry I rambled.") is None
    assert fold("Caf\u00e9 \u2014 \u201cthanks\u201d \U0001f44b") is None


INVISIBLE = st.sampled_from(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"])


@given(st.lists(st.tuples(st.integers(1, 4), INVISIBLE), max_size=4))
def test_invisible_characters_anywhere_in_a_word_hide_nothing(
    inserts: list[tuple[int, str]],
) -> None:
    word = "sorry"
    for at, c in sorted(inserts, reverse=True):
        word = word[:at] + c + word[at:]
    text = NOTE.format(apology=f"I'm {word}")
    excerpt, line, column = the_apology(text)
    assert excerpt == f"I'm {word} I rambled"
    assert (line, column) == (3, 32)


@given(st.text(max_size=40))
def test_folded_offsets_map_back_inside_the_text(text: str) -> None:
    folded = fold(text)
    if folded is None:
        return
    for start in range(len(folded.text) + 1):
        for end in (start, min(start + 1, len(folded.text)), len(folded.text)):
            s, e = folded.span(start, max(start, end))
            assert 0 <= s <= e <= len(text)
