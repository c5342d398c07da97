"""Words for ranking: one tokenizer shared by the lexical ranker and the reasons it gives.

Stemming makes "launched" meet "launch" and "negotiating" meet "negotiation"; the stop list
holds English function words and the words every interview question is made of ("tell me
about a time you..."), which say nothing about what the question asks.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Protocol

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
#: An ASCII byte -> itself if a word can hold it (a letter of a folded text, a digit, an
#: apostrophe or a hyphen), else a space.
_NON_WORD = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789'-" else 32 for c in range(256)
)
_NON_WORD_BUT_NUL = b"\0" + _NON_WORD[1:]
#: Each hyphen (then apostrophe) that does not join two letters or digits. One pattern a
#: joiner: a pattern that starts with a literal is searched for at C speed, one that starts with
#: a set of characters is tried at every position of the text (ten times slower).
_LOOSE_JOINERS = tuple(
    re.compile(rb"%s(?:(?<![a-z0-9]%s)|(?![a-z0-9]))" % (joiner, joiner)) for joiner in (b"-", b"'")
)


def _unjoin(kept: bytes) -> bytes:
    """``kept`` with a space for each apostrophe or hyphen that does not join two letters or
    digits (whether one does depends on its neighbours alone, so the order is free)."""
    for joiner, pattern in zip((b"-", b"'"), _LOOSE_JOINERS, strict=True):
        if joiner in kept:
            kept = pattern.sub(b" ", kept)
    return kept


STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let's",
        "me",
        "more",
        "most",
        "mustn't",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shan't",
        "she",
        "should",
        "shouldn't",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "they'd",
        "they'll",
        "they're",
        "they've",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "wasn't",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "weren't",
        "what",
        "what's",
        "when",
        "when's",
        "where",
        "where's",
        "which",
        "while",
        "who",
        "who's",
        "whom",
        "why",
        "why's",
        "will",
        "with",
        "won't",
        "would",
        "wouldn't",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "tell",
        "describe",
        "give",
        "example",
        "walk",
        "talk",
        "time",
        "times",
        "something",
        "someone",
        "thing",
        "things",
        "way",
        "ways",
        "kind",
        "sort",
        "really",
        "one",
        "two",
        "get",
        "got",
        "make",
        "made",
        "us",
        "let",
        "like",
        "please",
        "share",
        "explain",
    ]
)


#: Words of how people jot a question down ("the team-conflict q", "the stakeholder bit"), which
#: say nothing about what it asks: never evidence, in a question or a story.
DOMAIN_STOPWORDS = frozenset(
    [
        "question",
        "questions",
        "q",
        "qs",
        "qn",
        "bit",
        "bits",
        "ask",
        "asked",
        "asks",
        "asking",
        "interviewer",
        "interviewers",
        "etc",
        "stuff",
        "re",
        "topic",
        "answer",
        "answered",
    ]
)
#: What the rankers leave out: function words, question words and jotting words.
RANKING_STOPWORDS = STOPWORDS | DOMAIN_STOPWORDS


def compound_parts(words: list[str]) -> list[str]:
    """The parts of each hyphenated compound among ``words`` that starts with a letter
    ("team-conflict" gives "team", "conflict"; "24-7" gives nothing)."""
    return [
        part
        for word in words
        if "-" in word and word[0].isalpha()
        for part in word.split("-")
        if part
    ]


_IN_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'-")


def compound_parts_in(folded: str) -> list[str]:
    """:func:`compound_parts` of a :func:`fold`-ed text's words, found from its hyphens alone
    (a story has a few; a Python step for each of its hundred words would cost more)."""
    parts: list[str] = []
    at = folded.find("-")
    size = len(folded)
    while at != -1:
        if not (0 < at < size - 1 and folded[at + 1].isalpha() and folded[at - 1].isalpha()):
            at = folded.find("-", at + 1)  # not between letters ("0-12", "->"): no compound
            continue
        start = end = at
        while start > 0 and folded[start - 1] in _IN_WORD:
            start -= 1
        while end < size and folded[end] in _IN_WORD:
            end += 1
        word = folded[start:end].strip("-'")
        if "-" in word and word[0].isalpha():
            parts.extend(part for part in word.split("-") if part)
        at = folded.find("-", end)
    return parts


def split_compounds(found: list[str]) -> list[str]:
    """The words, followed by the parts of each hyphenated compound ("the team-conflict q"
    gives "the", "team-conflict", "q", "team", "conflict"), so that a note's compounds meet a
    story's words. (A slash never joins words: "outage/on-call" is two words already.)"""
    parts = compound_parts(found)
    return found + parts if parts else found


class _Stemmer(Protocol):
    def stemWords(self, words: Sequence[str]) -> list[str]: ...


@cache
def _stemmer() -> _Stemmer:
    import Stemmer  # type: ignore[import-not-found, unused-ignore]

    stemmer: _Stemmer = Stemmer.Stemmer("english")
    return stemmer


# Stemming is a pure function of one word, and a library of a thousand stories holds a few
# thousand distinct words: each is stemmed once per process and remembered (bounded). The lock
# keeps one thread at a time inside the stemmer, which is not documented as thread-safe.
_STEMS: dict[str, str] = {}
_STEM_LOCK = threading.Lock()
#: Forget every stem past this many (a library's vocabulary is a few thousand words).
MAX_STEMS = 200_000


def stem_table(found: Iterable[str]) -> dict[str, str]:
    """word -> stem for each distinct word of ``found``, stemming only words not seen before."""
    table: dict[str, str] = {}
    new: list[str] = []
    remembered = _STEMS.get
    for word in set(found):
        stem = remembered(word)
        if stem is None:
            new.append(word)
        else:
            table[word] = stem
    if new:
        with _STEM_LOCK:
            stemmed = _stemmer().stemWords(new)
            if len(_STEMS) + len(new) > MAX_STEMS:
                _STEMS.clear()
            for word, stem in zip(new, stemmed, strict=True):
                table[word] = _STEMS[word] = stem
    return table


def fold(text: str) -> str:
    """``text`` as every reader here reads it: case-folded, with plain apostrophes."""
    return text.casefold().replace("’", "'")


def tokens(folded: str) -> list[str]:
    """Every word of a :func:`fold`-ed text, stop words included, in order."""
    if not folded.isascii():
        return _WORD.findall(folded)
    # What _WORD finds, at C speed (twice as fast): every character that no word holds becomes
    # a space, then so does each apostrophe or hyphen that does not join two letters or digits;
    # what is left between the spaces is each word _WORD would match (a test checks).
    kept = folded.encode("ascii").translate(_NON_WORD)
    kept = _unjoin(kept)
    return kept.decode("ascii").split()


def tokens_of_many(folded: Sequence[str]) -> list[list[str]]:
    """:func:`tokens` of each text: the ASCII ones joined, so that each C routine makes one
    pass over them all instead of a call a text (a fifth faster for a library)."""
    batched = [f.isascii() and "\0" not in f for f in folded]
    if sum(batched) < 2:
        return [tokens(f) for f in folded]
    joined = "\0".join(f for f, ok in zip(folded, batched, strict=True) if ok)
    # NUL separates the texts and stays one: it is neither a word nor a joiner of one.
    kept = joined.encode("ascii").translate(_NON_WORD_BUT_NUL)
    kept = _unjoin(kept)
    parts = iter(kept.decode("ascii").split("\0"))
    return [next(parts).split() if ok else tokens(f) for f, ok in zip(folded, batched, strict=True)]


def words(text: str) -> list[str]:
    """The content words of ``text``, lower-cased, without stop words (not stemmed)."""
    return [w for w in tokens(fold(text)) if w not in STOPWORDS]


def stems(text: str) -> list[str]:
    """The stems of the content words of ``text``, in order (repeats kept for BM25)."""
    found = words(text)
    table = stem_table(found)
    return [table[w] for w in found]


def ranking_words(text: str) -> list[str]:
    """The words the rankers read in ``text``: compounds split (and kept), stop words and
    jotting words ("question", "q") left out; not stemmed."""
    return [w for w in split_compounds(tokens(fold(text))) if w not in RANKING_STOPWORDS]


def ranking_stems(text: str) -> list[str]:
    """The stems of :func:`ranking_words`, in order (repeats kept for BM25)."""
    found = ranking_words(text)
    table = stem_table(found)
    return [table[w] for w in found]
