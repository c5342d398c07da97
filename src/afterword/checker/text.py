"""Text plumbing: a same-length working copy, words, sentences and syllables.

Every rule reads a *working copy* of the note that has exactly the length of the text as given,
so that an offset found in the copy is an offset into the original. The copy folds what varies
between mail clients and keyboards (Windows line endings, curly quotes, non-breaking spaces,
pasted HTML) into one plain form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

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

# Only real HTML tags count: "<NAME>" or "<Company>" in a plain note is a template placeholder.
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|br|div|span|a|b|i|u|em|strong|font|table|tbody|thead|tr|td|th"
    r"|ul|ol|li|h[1-6]|blockquote|pre|code|img|hr|meta|title|center|small|big|sup|sub"
    r"|section|article|header|footer|o:p|!doctype)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_BLOCK_END = re.compile(
    r"</(?:p|div|li|h[1-6]|tr|table|blockquote|ul|ol)\b|<(?:br|hr)\b", re.I
)
_HTML_HIDDEN = re.compile(r"<(style|script|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")

_WORD = re.compile(r"\S*[^\W_]\S*")
_ALPHA_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _blank(segment: str) -> str:
    """Spaces in place of a segment, keeping its newlines so line numbers stay true."""
    return "".join("\n" if c == "\n" else " " for c in segment)


def looks_like_html(text: str) -> bool:
    return "<" in text and _HTML_TAG.search(text) is not None


def _mask_html(work: str) -> str:
    import html

    # Inside HTML a newline is only a space; paragraphs come from the tags.
    work = work.replace("\n", " ")
    work = _HTML_HIDDEN.sub(lambda m: " " * len(m.group()), work)

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
    work = text.replace("\r\n", " \n").replace("\r", "\n").translate(_TRANSLATE)
    if looks_like_html(work):
        work = _mask_html(work)
    assert len(work) == len(text)
    return work


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Tokens with a letter or digit (the corpus README's definition of a word)."""
    return len(_WORD.findall(text, start, len(text) if end is None else end))


def alpha_words(text: str) -> list[str]:
    return _ALPHA_WORD.findall(text)


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
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s|$)|\n[ ]*(?=\n)")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]`` (a paragraph), trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group()[0] == ".":
            # "Ms. Lee", "e.g. this", "Rachel L. Arbeit" and "3.5" do not end a sentence.
            j = m.start()
            k = j
            while k > begin and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1
            token = text[k:j].lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        stop = m.end()
        if text[begin:stop].strip():
            spans.append(_trim(text, begin, stop))
        begin = stop
    if text[begin:end].strip():
        spans.append(_trim(text, begin, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
    syl = sum(syllables(w) for w in words)
    grade = 0.39 * len(words) / n_sentences + 11.8 * syl / len(words) - 15.59
    return round(max(grade, 0.0), 1)


def _strip_verbose(pattern: str) -> str:
    """A VERBOSE pattern without its comments and layout whitespace."""
    out: list[str] = []
    escaped = in_class = in_comment = False
    for c in pattern:
        if in_comment:
            if c == "\n":
                in_comment = False
            continue
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif in_class:
            out.append(c)
            in_class = c != "]" or out[-2:] == ["[", "]"]
        elif c == "[":
            out.append(c)
            in_class = True
        elif c == "#" and out[-2:] != ["(", "?"]:
            in_comment = True
        elif not c.isspace():
            out.append(c)
    return "".join(out)


def _top_level_branches(pattern: str) -> list[str]:
    branches: list[str] = []
    depth = 0
    escaped = in_class = False
    start = 0
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]" or pattern[i - 1] == "["
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches


class PatternSet:
    """An alternation compiled branch by branch, matched as one pattern.

    Python's ``re`` tries every branch of an alternation at every position unless each branch
    starts with a literal; then it skips ahead with a fast literal search. Compiled one by one
    (a leading ``\\b`` checked here instead), each branch gets that fast path: on real notes
    this made the checker about five times faster than one big alternation.
    """

    __slots__ = ("_branches",)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if flags & re.VERBOSE:
            pattern = _strip_verbose(pattern)
            flags &= ~re.VERBOSE
        self._branches: list[tuple[re.Pattern[str], bool, re.Pattern[str] | None]] = []
        # Branches that start with the same plain letter share one regex: it keeps the fast
        # literal search and saves passes over the text.
        by_letter: dict[tuple[str, bool], list[str]] = {}
        for branch in _top_level_branches(pattern):
            # "(?#needs:X)" at the start of a branch: skip it unless X (a pattern without
            # parentheses) occurs in the text.
            gate = None
            if branch.startswith("(?#needs:"):
                close = branch.index(")")
                gate = re.compile(branch[9:close], flags)
                branch = branch[close + 1 :]
            boundary = branch.startswith("\\b")
            body = branch[2:] if boundary else branch
            if gate is None and body[:1].isalpha() and body[1:2] not in ("?", "*", "+", "{"):
                by_letter.setdefault((body[0], boundary), []).append(body)
                continue
            self._branches.append((re.compile(body, flags), boundary, gate))
        for (_, boundary), bodies in by_letter.items():
            merged = bodies[0] if len(bodies) == 1 else "|".join(f"(?:{b})" for b in bodies)
            self._branches.append((re.compile(merged, flags), boundary, None))

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(string) if endpos is None else endpos
        found: list[re.Match[str]] = []
        for regex, boundary, gate in self._branches:
            if gate is not None and gate.search(string, pos, end) is None:
                continue
            first = regex.search(string, pos, end)
            if first is None:
                continue  # the usual case; cheaper than starting an iterator
            for m in regex.finditer(string, first.start(), end):
                s = m.start()
                if boundary and s > 0 and _is_word(string[s - 1]) and _is_word(string[s]):
                    continue
                found.append(m)
        if len(found) > 1:
            found.sort(key=lambda m: (m.start(), -m.end()))
        last_end = -1
        for m in found:
            if m.start() >= last_end:
                last_end = m.end()
                yield m

    def unordered(self, string: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """Matches branch by branch, lazily: enough to ask whether any match is acceptable."""
        for regex, boundary, gate in self._branches:
            if gate is not None and gate.search(string, pos, end) is None:
                continue
            first = regex.search(string, pos, end)
            if first is None:
                continue
            for m in regex.finditer(string, first.start(), end):
                s = m.start()
                if boundary and s > 0 and _is_word(string[s - 1]) and _is_word(string[s]):
                    continue
                yield m

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def lower_re(pattern: str, flags: int = re.VERBOSE) -> PatternSet:
    """Compile a pattern for the lower-cased copy of a note.

    Python's ``re`` finds a pattern's literal prefix fast only without IGNORECASE, which made
    the rules several times slower; so the rules match a lower-cased copy instead, and their
    patterns are lower-cased here (escapes such as ``\\S`` are kept as written).
    """
    out: list[str] = []
    escaped = False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif c == "P" and out[-2:] == ["(", "?"]:
            out.append(c)  # (?P<name>...)
        else:
            out.append(c.lower())
    return PatternSet("".join(out), flags)


def lower_copy(work: str) -> str:
    """``work`` in lower case, exactly as long (a few letters, such as "İ", grow when folded)."""
    low = work.lower()
    if len(low) == len(work):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in work)
