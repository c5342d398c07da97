"""The checker's shortcuts give exactly what the plain way gives.

Each shortcut (a text scanned as bytes, a regex put off until first use, a run of characters
read once) is checked against the straightforward code it stands in for. (The phrase sets'
own shortcuts are tested in test_phrases.py.)
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from afterword.checker import language
from afterword.checker.rules.spelling import _MISSPELLINGS, _WORD, _letter_runs
from afterword.checker.text import (
    _SENTENCE_END,
    _TRANSLATE,
    alpha_words,
    count_words,
    lazy_re,
    working_copy,
)

# Characters the shortcuts treat differently: ASCII word and space characters, the folding
# table, letters outside ASCII, and a few that are word or space characters to Unicode only.
TEXT = st.text(
    alphabet=st.sampled_from(
        list("aZ09_ .,!?'\"-\n\t\r\v\f\x1c\x00<>&;")
        + [chr(c) for c in _TRANSLATE]
        + list("éİßſ€—…\u00a0\u2003\u0660ǅ")
    ),
    max_size=40,
)


@given(TEXT)
def test_the_working_copy_folds_as_translate_does(text: str) -> None:
    folded = text.replace("\r\n", " \n").replace("\r", "\n").translate(_TRANSLATE)
    if "<" not in text:
        assert working_copy(text) == folded


@given(TEXT)
def test_words_are_tokens_with_a_letter_or_digit(text: str) -> None:
    not_words = re.findall(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)", text)
    assert count_words(text) == len(text.split()) - len(not_words)


@given(TEXT)
def test_alpha_words_are_the_letter_runs(text: str) -> None:
    assert alpha_words(text) == re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", text)


@given(st.text(alphabet=st.sampled_from(list("ab. !?…\"')]\n\t")), max_size=40), st.data())
def test_sentence_ends_are_found_as_before(text: str, data: st.DataObject) -> None:
    before = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s|$)|\n[ ]*(?=\n)")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    want = [m.span() for m in before.finditer(text, start, end)]
    # The paragraph is cut out of the note first: a mark before it starts nothing in it.
    found = _SENTENCE_END.finditer(text[start:end])
    assert [(m.start() + start, m.end() + start) for m in found] == want


@given(TEXT)
def test_the_language_of_ascii_text_is_judged_as_before(text: str) -> None:
    note = (text + " the team and you ") * 5
    tokens = re.findall(r"[^\W\d_]+", note)
    assert language.detect(note) in ("en", "other", "unknown")
    if note.isascii():
        assert language._ASCII_TOKEN.findall(note) == tokens


def test_letter_runs_find_every_misspelling() -> None:
    assert all(re.fullmatch(r"[a-z]{3,}", word) for word in _MISSPELLINGS)
    for text in ["recieve2 the_untill x", "wich\u00e9 teh", "sincerly-youre"]:
        runs = _letter_runs(text)
        assert set(_WORD.findall(text)) <= set(runs)


def test_a_lazy_regex_answers_as_the_compiled_one() -> None:
    lazy = lazy_re(r"(\w+)@(\w+)", re.IGNORECASE)
    plain = re.compile(r"(\w+)@(\w+)", re.IGNORECASE)
    text = "Mail A@B or c@d."
    assert lazy.search(text).span() == plain.search(text).span()  # type: ignore[union-attr]
    assert lazy.findall(text) == plain.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.sub("x", text) == plain.sub("x", text)
    assert lazy.pattern == plain.pattern


@given(st.text(alphabet=st.sampled_from(list("a1!2 !!3\n٣")), max_size=30))
def test_patterns_spelled_to_start_with_a_plain_character_find_the_same(text: str) -> None:
    from afterword.checker.rules.exclamation import _BANG

    assert [m.span() for m in _BANG.finditer(text)] == [m.span() for m in re.finditer("!+", text)]


# -- long runs read once ------------------------------------------------------------------------
# Each shortcut below stands in for a pattern that read a run of characters again from each of
# its characters (time in the square of the run's length); each must find what that one found.


def pieces(*options: str, max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(options), max_size=max_size).map("".join)


RUNS = pieces(
    *("\n", " ", "\t", "\u2028", ">", "a", "On x wrote:", "-- Original Message", "On ", "\r"),
    max_size=16,
)


@given(RUNS)
def test_quoted_mail_starts_where_the_plain_pattern_finds_it(text: str) -> None:
    from afterword.checker.document import _quoted_mail_start

    plain = re.compile(
        r"^\s*(?:On\s[^\n]{3,300}wrote:|-{2,}\s*(?:Original|Forwarded)\s+Message|>)",
        re.IGNORECASE | re.MULTILINE,
    )
    m = plain.search(text)
    if m is not None and not text[: m.start()].strip():
        m = plain.search(text, m.end())
    assert _quoted_mail_start(text) == (m.start() if m else len(text))


@given(
    pieces(
        *("<script", "<SCRIPT>", "</script>", "</Script >", "<style", "</style>", "<head>"),
        *("</head\n>", "<!--", "-->", "->", "-", ">", "<", "a", " ", "<scripts"),
        max_size=12,
    )
)
def test_hidden_html_is_blanked_as_the_plain_pattern_blanks_it(text: str) -> None:
    from afterword.checker.text import _blank_hidden

    plain = re.compile(r"<(style|script|head)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
    assert _blank_hidden(text) == plain.sub(lambda m: " " * len(m.group()), text)


@given(pieces("but", "butter", "although", "However", " ", "x", ",", max_size=9))
def test_a_contrast_is_found_as_one_search_of_the_range_finds_it(text: str) -> None:
    from afterword.checker.rules.pressure import _CONTRAST, _Asked

    asked = _Asked(text)
    for pos in range(len(text) + 1):
        for endpos in range(len(text) + 1):
            want = _CONTRAST.search(text, pos, endpos) is not None
            assert asked.contrast(0, len(text), pos, endpos) == want
