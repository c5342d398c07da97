"""Each rule's phrasings find their examples and pass their near misses; phrase sets find what
plain ``re`` finds, and the RE2 look ahead never rules out a match."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from afterword.checker import check
from afterword.checker.document import Document
from afterword.checker.phrases import (
    RULES_DIR,
    Phrase,
    PhraseSet,
    load_phrases,
    re2_superset,
    rule_data,
)
from afterword.checker.rules import RULE_CLASSES

RULES_WITH_PHRASES = sorted(p.stem for p in RULES_DIR.glob("*.yaml"))
ALL_PHRASES = [(rule, phrase) for rule in RULES_WITH_PHRASES for phrase in load_phrases(rule)]


#: Rules that report each phrasing found; the others ("missing ...") report when none is.
EXISTENCE = {"apology", "overt-failure", "pressure", "placeholder", "hedging"}
NOTE = "Dear Dana,\n\n{}\n\nBest,\nAlex"


def _listed() -> list[Any]:
    """(rule, phrase id or None, text, shows): each example and near miss of the data files.
    An example shows what the rule reads for; a near miss is close to it and must not count."""
    cases = []
    for rule in RULES_WITH_PHRASES:
        data = rule_data(rule)
        for key, shows in (("more_examples", True), ("near_misses", False)):
            for text in data.get(key, []):
                cases.append(pytest.param(rule, None, text, shows, id=f"{rule}-{key}"))
        for phrase in data.get("phrases", []):
            for key, shows in (("examples", True), ("near_misses", False)):
                for text in phrase.get(key, []):
                    cases.append(pytest.param(rule, phrase["id"], text, shows, id=phrase["id"]))
    return cases


@pytest.mark.parametrize(("rule", "phrase", "text", "shows"), _listed())
def test_listed_examples_and_near_misses(
    rule: str, phrase: str | None, text: str, shows: bool
) -> None:
    """An example of an ``apology`` phrasing is an apology found by that phrasing; one of a
    ``missing-call-to-action`` phrasing is an invitation, so that rule stays quiet. A near miss
    is not taken for what it resembles."""
    report = check(NOTE.format(text))
    found = [f for f in report.findings if f.rule == rule and f.severity != "info"]
    if rule in EXISTENCE:
        assert bool(found) == shows, found
        if shows and phrase is not None:
            assert found[0].phrase == phrase
    else:
        assert bool(found) != shows, found
    if phrase is not None:
        # the phrasing it is listed under does match it (or, as a near miss, resembles it)
        listed = next(p for p in load_phrases(rule) if p.id == phrase)
        doc = Document(NOTE.format(text))
        assert next(PhraseSet([listed]).unordered(doc.scan, 0, len(doc.scan)), None) is not None


def phrase_set(*patterns: str) -> PhraseSet:
    return PhraseSet(Phrase(f"p{i}", pattern) for i, pattern in enumerate(patterns))


def test_every_rule_with_phrasings_is_a_rule() -> None:
    assert set(RULES_WITH_PHRASES) <= {rule.id for rule in RULE_CLASSES}


@pytest.mark.parametrize(("rule", "phrase"), ALL_PHRASES, ids=lambda x: getattr(x, "id", x))
def test_each_phrasing_is_read_by_re_and_by_re2(rule: str, phrase: Phrase) -> None:
    re.compile(phrase.pattern)
    re2.compile(re2_superset(phrase.pattern))  # else it is run on every note


def test_a_phrase_set_finds_what_one_alternation_finds() -> None:
    patterns = [
        r"\b(?:i\s+)?(?:hope|hoping)\s+to\s+hear",
        r"\bi\s+(?:\w+\s+)?blanked",
        r"\b(?:would\s+)?welcome\s+(?:any|your)\s+feedback",
        r"\b\d+\s?%",
        r"\b\d+\s+users",
        r"\bi'm\s+(?:really\s+)?begging\b",
        r"\bplease\s+(?:call|write)\b",
        r"\bsorry(?!\s+to)\b",
    ]
    texts = [
        "i hope to hear from you. hoping to hear soon.",
        "i completely blanked, then i blanked again. within blanked",
        "we would welcome any feedback; welcome your feedback",
        "up 18% and 4000 users, not x18%, ١٨% too",
        "i'm really begging. i'm begging you. please call or please write",
        "sorry. sorry to hear. sorryyy, unsorry, café sorry, éblanked",
        "nothing to see here",
    ]
    plain = re.compile("|".join(patterns))
    phrases = phrase_set(*patterns)
    for text in texts:
        # the whole text, ranges that cut words, and ranges that end between words
        ranges = [(0, len(text)), (3, len(text) - 4), (text.index(" "), text.rindex(" "))]
        for pos, end in ranges:
            want = [m.span() for m in plain.finditer(text, pos, end)]
            assert [m.span() for m in phrases.finditer(text, pos, end)] == want, (text, pos)
            assert set(want) <= {m.span() for m in phrases.unordered(text, pos, end)}


def test_at_one_start_the_first_phrasing_listed_is_taken() -> None:
    phrases = phrase_set(r"\bneed\s+a\s+decision\s+soon", r"\bneed\s+a\s+decision\s+sooner\b")
    (m,) = phrases.finditer("i need a decision sooner than that")
    assert (m.group(), phrases.phrase_of(m).id) == ("need a decision soon", "p0")


# Pieces of the rules' phrasings, and characters the RE2 look ahead reads otherwise than ``re``:
# letters, digits and spaces outside ASCII, the spaces only ``re`` counts, NUL and newlines.
_PIECES = [
    *("i", "i'm", "sorry", "apologize", "thank you", "need", "this job", "let me know", "by"),
    *("friday", "hope", "to hear", "from you", "the", "interview", "went", "badly", "18%"),
    *("users", "[name]", "<company>", "{{role}}", "xx", "guess", "kind of", "really", "my"),
    *(" ", "  ", "\n", "\x00", "\x1c", "\v", "\u2003", "é", "\u0663", "ǅ", "—", "…", ",", "."),
]


@functools.cache
def _rule_sets() -> list[tuple[str, PhraseSet, list[re.Pattern[str]]]]:
    found = []
    for rule in RULES_WITH_PHRASES:
        phrases = load_phrases(rule)
        found.append((rule, PhraseSet(phrases), [re.compile(p.pattern) for p in phrases]))
    return found


@settings(deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_re2_look_ahead_keeps_every_phrasing_that_matches(text: str) -> None:
    for rule, phrases, regexes in _rule_sets():
        candidates = set(phrases._candidates(text, 0, len(text)))
        for i, regex in enumerate(regexes):
            if regex.search(text):
                assert i in candidates, (rule, phrases.phrases[i].id, text)


@given(st.text(alphabet=st.sampled_from(list("ab_1 é\u0663-'\n")), max_size=12))
def test_a_leading_word_boundary_asked_after_the_match_is_the_same(text: str) -> None:
    for pattern in (r"\ba+", r"\b[\w']+", r"\b'?b", r"\b\d"):
        got = [m.span() for m in phrase_set(pattern).finditer(text)]
        assert got == [m.span() for m in re.finditer(pattern, text)], pattern


@pytest.mark.parametrize(
    ("pattern", "superset"),
    [
        (r"\bsorry(?!\s+to)\b", r"\bsorry\b"),
        (r"(?:(?<=:\x20)|(?<=:))(?:\.\.\.|…)(?=\n|\Z)", r"(?:|)(?:\.\.\.|…)"),
        (r"[.!?]*+[\"')\]]*+x++", r"[.!?]*[\"')\]]*x+"),
        (r"(?:\w+\s+){0,8}?need\s{1,3}", r"(?:\w+\s+)*?need\s+"),
        (r"caf[é\u00e9]\s+\u2014", r"caf[x\x{78}]\s+\x{2014}"),
        (r"a(?>bc|b)c\Z", r"a(?:bc|b)c\z"),
    ],
)
def test_the_re2_pattern_matches_more(pattern: str, superset: str) -> None:
    assert re2_superset(pattern) == superset
