"""Text plumbing: a same-length working copy, words, sentences and syllables.

Every rule reads a *working copy* of the note that has exactly the length of the text as given,
so that an offset found in the copy is an offset into the original. The copy folds what varies
between mail clients and keyboards (Windows line endings, curly quotes, non-breaking spaces,
pasted HTML) into one plain form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import filterfalse
from typing import Any, cast


class _LazyPattern:
    """A regex that is compiled when first used, and then answers as the compiled one."""

    _METHODS = ("findall", "finditer", "fullmatch", "match", "search", "split", "sub")
    __slots__ = ("_args", *_METHODS)

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Reached only for what is not set yet: on first use, compile and take over the
        # compiled pattern's methods, which later calls then find directly.
        if name == "_args" or name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._args)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, put off until the pattern is first used.

    The checker's modules hold about a hundred patterns, and compiling them all was a fair part
    of ``import afterword.checker`` (and so of every ``afterword check``); many are needed only
    for a rare kind of note.
    """
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\ufeff": " ",
        "\t": " ",
        "\v": "\n",
        "\f": "\n",
        "\x85": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)

_FOLDS = tuple((chr(k), str(v)) for k, v in _TRANSLATE.items())

# Only real HTML tags count: "<NAME>" or "<Company>" in a plain note is a template placeholder.
_HTML_TAG = lazy_re(
    # (the look-ahead turns away a "<" that no tag name follows before the alternatives, which
    # ``re`` tries one by one when they ignore case)
    r"</?(?=[a-z!])(?:html|head|body|p|br|div|span|a|b|i|u|em|strong|font|table|tbody|thead|tr|td|th"
    r"|ul|ol|li|h[1-6]|blockquote|pre|code|img|hr|meta|title|center|small|big|sup|sub"
    r"|section|article|header|footer|o:p|!doctype)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_BLOCK_END = lazy_re(r"</(?:p|div|li|h[1-6]|tr|table|blockquote|ul|ol)\b|<(?:br|hr)\b", re.I)
# What a browser does not show: a comment, and a style, script or head element. Found as
# ``<(style|script|head)\b.*?</\1\s*>|<!--.*?-->`` would find them, but without that pattern's
# cost: each opener that is never closed sent it to the end of the note, so a run of them was
# quadratic (see ``_blank_hidden``).
_HTML_HIDDEN_OPEN = lazy_re(r"<(style|script|head)\b|<!--", re.I)
_HTML_HIDDEN_CLOSE = {kind: lazy_re(rf"</{kind}\s*>", re.I) for kind in ("style", "script", "head")}
_HTML_ENTITY = lazy_re(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")

_ALPHA_WORD = lazy_re(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# The same for ASCII text, where a letter is [A-Za-z]: a plain class is matched faster than one
# that asks Unicode about every character.
_ASCII_ALPHA_WORD = lazy_re(r"[A-Za-z]+(?:['-][A-Za-z]+)*")


def looks_like_html(text: str) -> bool:
    return "<" in text and _HTML_TAG.search(text) is not None


def _blank_hidden(work: str) -> str:
    """``work`` with each hidden element or comment blanked out by spaces."""
    pieces: list[str] = []
    done = pos = 0
    # Kinds with no closing tag at or after some opener: none after a later one either.
    unclosed: set[str] = set()
    while (m := _HTML_HIDDEN_OPEN.search(work, pos)) is not None:
        kind = (m.group(1) or "!--").lower()
        end = -1
        if kind not in unclosed:
            if kind == "!--":
                close = work.find("-->", m.end())
                end = close + 3 if close >= 0 else -1
            else:
                closing = _HTML_HIDDEN_CLOSE[kind].search(work, m.end())
                end = closing.end() if closing is not None else -1
            if end < 0:
                unclosed.add(kind)
        if end < 0:
            pos = m.start() + 1
            continue
        pieces.append(work[done : m.start()])
        pieces.append(" " * (end - m.start()))
        done = pos = end
    if not pieces:
        return work
    pieces.append(work[done:])
    return "".join(pieces)


def _mask_html(work: str) -> str:
    import html

    # Inside HTML a newline is only a space; paragraphs come from the tags.
    work = work.replace("\n", " ")
    work = _blank_hidden(work)

    def tag(m: re.Match[str]) -> str:
        n = len(m.group())
        if _HTML_BLOCK_END.match(m.group()):
            return ("\n\n" + " " * n)[:n]
        return " " * n

    work = _HTML_TAG.sub(tag, work)

    def entity(m: re.Match[str]) -> str:
        n = len(m.group())
        decoded = html.unescape(m.group()).translate(_TRANSLATE)
        if len(decoded) != 1 or decoded in "<>":
            decoded = " "
        return decoded + " " * (n - 1)

    return _HTML_ENTITY.sub(entity, work)


def working_copy(text: str) -> str:
    """The text folded to one plain form, exactly as long as ``text``."""
    work = text.replace("\r\n", " \n").replace("\r", "\n")
    # A search for each character of the table, and a replace for the few that occur, cost far
    # less than translate, which looks up every character of the note. (No character is
    # folded into another one of the table, so the order does not matter.)
    for old, new in _FOLDS:
        if old in work:
            work = work.replace(old, new)
    if looks_like_html(work):
        work = _mask_html(work)
    assert len(work) == len(text)
    return work


_LETTER_OR_DIGIT = lazy_re(r"[^\W_]")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Tokens with a letter or digit (the corpus README's definition of a word)."""
    tokens = text[start:end].split()
    words = len(tokens)
    # Most tokens are letters only; the rest ("today,", "-", an emoji) are asked whether they
    # hold any letter or digit. Faster than a regex over every character.
    for token in filterfalse(str.isalnum, tokens):
        if _LETTER_OR_DIGIT.search(token) is None:
            words -= 1
    return words


# ASCII bytes with all but letters, apostrophes and hyphens blanked out.
_ASCII_ALPHA_BYTES = bytes(
    c if c < 128 and (chr(c).isalpha() or chr(c) in "'-") else 32 for c in range(256)
)


def alpha_words(text: str) -> list[str]:
    if not text.isascii():
        return _ALPHA_WORD.findall(text)
    # A word cannot reach past a blanked byte, so the words of the text are those of its runs
    # of letters, apostrophes and hyphens; most runs are a word of letters only, and splitting
    # costs half as much as running the regex over the whole text.
    runs = text.encode("ascii").translate(_ASCII_ALPHA_BYTES).decode("ascii").split()
    if all(map(str.isalpha, runs)):
        return runs
    words: list[str] = []
    for run in runs:
        if run.isalpha():
            words.append(run)
        else:
            words.extend(_ASCII_ALPHA_WORD.findall(run))
    return words


# A period after these is no sentence end.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "co",
        "ltd",
        "corp",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "no",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
)
# ".", "!", "?" or "..." with closing quotes or brackets, before a space; or a blank line. Written
# to start with one class of characters, which ``re`` skips ahead to instead of trying both
# alternatives at every position. A run of marks is read once: the repeats are possessive (giving
# back a mark or a bracket could never end a sentence), and a mark after another one starts no
# sentence end of its own, since the run from the first one would have ended there too; without
# that, "?????...x" was read again from each of its marks. (``sentences`` matches a paragraph
# cut out of the note, so the look-behind never sees a mark outside it.)
_SENTENCE_END = lazy_re(
    r"[.!?\u2026\n](?:(?<=\n)[ ]*(?=\n)"
    r"|(?<![.!?\u2026][.!?\u2026])(?<!\n)[.!?\u2026]*+[\"')\]]*+(?=\s|$))"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]`` (a paragraph), trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text[start:end]):
        if text[start + m.start()] == ".":
            # "Ms. Lee", "e.g. this", "Rachel L. Arbeit" and "3.5" do not end a sentence.
            j = start + m.start()
            k = j
            while k > begin and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1
            token = text[k:j].lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        stop = start + m.end()
        segment = text[begin:stop]
        kept = segment.strip()
        if kept:
            lead = len(segment) - len(segment.lstrip())
            spans.append((begin + lead, begin + lead + len(kept)))
        begin = stop
    segment = text[begin:end]
    kept = segment.strip()
    if kept:
        lead = len(segment) - len(segment.lstrip())
        spans.append((begin + lead, begin + lead + len(kept)))
    return spans


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """A vowel-group estimate of syllables, good enough for a reading grade."""
    w = word.lower()
    count = 0
    previous = False
    for c in w:
        vowel = c in "aeiouy"
        if vowel and not previous:
            count += 1
        previous = vowel
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_grade(words: list[str], n_sentences: int) -> float:
    """Flesch-Kincaid grade level, computed here (textstat >= 0.7.9 needs the network)."""
    if not words or not n_sentences:
        return 0.0
    syl = sum(map(syllables, words))
    grade = 0.39 * len(words) / n_sentences + 11.8 * syl / len(words) - 15.59
    return round(max(grade, 0.0), 1)


def lower_copy(work: str) -> str:
    """``work`` in lower case, exactly as long (a few letters, such as "İ", grow when folded)."""
    low = work.lower()
    if len(low) == len(work):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in work)
