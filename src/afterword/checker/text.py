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


# A token with no letter or digit ("-", "—", an emoji): the few whitespace-separated tokens
# that are no word. Counting them and subtracting is several times faster than matching words.
_NOT_A_WORD = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Tokens with a letter or digit (the corpus README's definition of a word)."""
    chunk = text[start:end]
    return len(chunk.split()) - len(_NOT_A_WORD.findall(chunk))


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
        if text[m.start()] == ".":
            # "Ms. Lee", "e.g. this", "Rachel L. Arbeit" and "3.5" do not end a sentence.
            j = m.start()
            k = j
            while k > begin and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1
            token = text[k:j].lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        stop = m.end()
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


def _group_end(pattern: str, start: int) -> int | None:
    """Index of the ``)`` closing the group that opens at ``pattern[start]``."""
    depth = 0
    escaped = in_class = False
    for i in range(start, len(pattern)):
        c = pattern[i]
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
            if depth == 0:
                return i
    return None


_EXPAND_LIMIT = 12


def _expand_leading(branch: str) -> list[str]:
    """``(?:a|b)c`` as ``ac`` and ``bc``, and ``(?:a)?c`` as ``ac`` and ``c``: branches that
    start with a plain letter, so that each gets the fast literal search (a leading group or
    optional word leaves ``re`` trying the branch at every position of the text)."""
    lead = "\\b" if branch.startswith("\\b") else ""
    body = branch[len(lead) :]
    if not body.startswith("(?:") or "(?P<" in body:
        return [branch]
    close = _group_end(body, 0)
    if close is None:
        return [branch]
    rest = body[close + 1 :]
    alternatives = _top_level_branches(body[3:close])
    if rest[:1] == "?":
        if rest[1:2] in ("?", "+"):
            return [branch]  # a lazy or possessive group: keep as written
        rest = rest[1:]
        alternatives.append("")
    elif rest[:1] in ("*", "+", "{"):
        return [branch]
    out: list[str] = []
    for alt in alternatives:
        out.extend(_expand_leading(lead + alt + rest))
        if len(out) > _EXPAND_LIMIT:
            return [branch]
    return out


_QUANTIFIERS = frozenset("?*+{")
_ESCAPED_LITERALS = frozenset(".-'\"/\\$%&,:;!#()[]{}|?*+^ ")


def required_literal(pattern: str, flags: int = 0) -> str | None:
    """The longest plain text every match of ``pattern`` must contain, or None.

    ``str.find`` for it is much cheaper than running a regex that starts with a common letter
    ("i ...") at each of its places, and most branches of a rule match in no note at all. Reads
    only the top level of the pattern (a group ends a run); a plain scan, because parsing with
    ``re``'s own parser would double the import time of the checker.
    """
    if flags & re.IGNORECASE:
        return None
    best = run = ""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        piece: str | None = None
        nxt = i + 1
        if c == "\\":
            e = pattern[i + 1 : i + 2]
            nxt = i + 2
            if e == "b":
                i = nxt
                continue  # \b takes no characters
            if e in _ESCAPED_LITERALS:
                piece = e
        elif c == "(":
            close = _group_end(pattern, i)
            if close is None:
                return None
            nxt = close + 1
        elif c == "{":
            close = pattern.find("}", i)  # a counted repeat, "{0,3}"
            nxt = close + 1 if close > 0 else n
        elif c == "[" or c in "|^$.":
            if c == "|":
                return None  # a top-level alternation: no single text is required
            if c == "[":
                close = pattern.find("]", i + 2)
                nxt = close + 1 if close > 0 else n
        elif c not in _QUANTIFIERS and c != ")":
            piece = c
        if nxt < n and pattern[nxt] in _QUANTIFIERS:
            if piece is not None and pattern[nxt] == "+":
                run += piece  # one at least
            piece = None  # optional or repeated: the run ends here
            best = max(best, run, key=len)
            run = ""
        elif piece is None:
            best = max(best, run, key=len)
            run = ""
        else:
            run += piece
        i = nxt
    best = max(best, run, key=len)
    return best if len(best) >= 3 else None


class PatternSet:
    """An alternation compiled branch by branch, matched as one pattern.

    Python's ``re`` tries every branch of an alternation at every position unless each branch
    starts with a literal; then it skips ahead with a fast literal search. Compiled one by one
    (a leading ``\\b`` checked here instead), each branch gets that fast path: on real notes
    this made the checker about five times faster than one big alternation.
    """

    __slots__ = ("_branches", "_flags", "_gates", "_regexes")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if flags & re.VERBOSE:
            pattern = _strip_verbose(pattern)
            flags &= ~re.VERBOSE
        #: (index in ``_regexes``, leading \\b, index of its gate in ``_gates`` or -1, text
        #: it needs or None)
        self._branches: list[tuple[int, bool, int, str | None]] = []
        #: Each branch's regex, compiled when first needed: most branches wait for a word that
        #: few notes hold, and compiling them all would double the checker's import time.
        self._regexes: list[re.Pattern[str] | str] = []
        self._flags = flags
        #: a gate is open when its regex matches, or when one of its texts occurs
        self._gates: list[re.Pattern[str] | tuple[str, ...]] = []
        gate_index: dict[str, int] = {}
        # Branches that start with the same plain letter (or a digit) and share a gate share
        # one regex: it keeps the fast literal search and saves passes over the text.
        merged: dict[tuple[str, bool, int], list[str]] = {}
        for whole in _top_level_branches(pattern):
            # "(?#needs:X)" at the start of a branch: skip it unless X (a pattern without
            # parentheses) occurs in the text. Each gate is tried once per call.
            gate = -1
            if whole.startswith("(?#needs:"):
                close = whole.index(")")
                text = whole[9:close]
                whole = whole[close + 1 :]
                if text not in gate_index:
                    gate_index[text] = len(self._gates)
                    self._gates.append(_gate(text, flags))
                gate = gate_index[text]
            for branch in _expand_leading(whole):
                boundary = branch.startswith("\\b")
                body = branch[2:] if boundary else branch
                if body.startswith("\\d") and body[2:3] not in ("?", "*", "{"):
                    if gate >= 0 and _is_digit_gate(self._gates[gate]):
                        gate = -1  # the branch's own first character is that gate
                    merged.setdefault(("\\d", boundary, gate), []).append(body)
                    continue
                needs = required_literal(body, flags)
                if needs is not None and not body.startswith(needs):
                    # A rarer word later in the branch: look for it before running the regex.
                    self._add(body, boundary, gate, needs)
                elif body[:1].isalpha() and body[1:2] not in ("?", "*", "+", "{"):
                    merged.setdefault((body[0], boundary, gate), []).append(body)
                else:
                    self._add(body, boundary, gate, None)
        for (first, boundary, gate), bodies in merged.items():
            if first == "\\d":
                joined = "|".join(f"(?:{b})" for b in bodies)
            else:
                # "i(?<!\\wi)(?:...|...)": the shared letter is the literal to search for, and
                # the look-behind drops the "i" inside "with" or "interview" before any branch
                # is tried there.
                guard = f"(?<!\\w{first})" if boundary else ""
                joined = first + guard + "(?:" + "|".join(b[1:] for b in bodies) + ")"
            self._add(joined, boundary, gate, None)

    def _add(self, body: str, boundary: bool, gate: int, needs: str | None) -> None:
        self._branches.append((len(self._regexes), boundary, gate, needs))
        self._regexes.append(body)

    def _searches(self, string: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """The first acceptable-looking match of each branch whose gate and text are there."""
        found: dict[str, bool] = {}
        gates: list[bool | None] = [None] * len(self._gates)
        regexes = self._regexes
        for index, boundary, gate, needs in self._branches:
            if gate >= 0:
                is_open = gates[gate]
                if is_open is None:
                    is_open = gates[gate] = _gate_open(self._gates[gate], string, pos, end, found)
                if not is_open:
                    continue
            if needs is not None:
                there = found.get(needs)
                if there is None:
                    there = found[needs] = string.find(needs, pos, end) >= 0
                if not there:
                    continue
            regex = regexes[index]
            if isinstance(regex, str):
                regex = regexes[index] = re.compile(regex, self._flags)
            first = regex.search(string, pos, end)
            if first is None:
                continue  # the usual case; cheaper than starting an iterator
            for m in regex.finditer(string, first.start(), end):
                s = m.start()
                if boundary and s > 0 and _is_word(string[s - 1]) and _is_word(string[s]):
                    continue
                yield m

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(string) if endpos is None else endpos
        found = list(self._searches(string, pos, end))
        if len(found) > 1:
            found.sort(key=lambda m: (m.start(), -m.end()))
        last_end = -1
        for m in found:
            if m.start() >= last_end:
                last_end = m.end()
                yield m

    def unordered(self, string: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """Matches branch by branch, lazily: enough to ask whether any match is acceptable."""
        return self._searches(string, pos, end)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)


def _gate(text: str, flags: int) -> re.Pattern[str] | tuple[str, ...]:
    """A gate as the texts one of which must occur, where each alternative has one."""
    texts: list[str] = []
    for alternative in _top_level_branches(text):
        needs = required_literal(alternative, flags)
        if needs is None:
            if len(alternative) >= 2 and alternative.isalpha() and not flags & re.IGNORECASE:
                needs = alternative  # a short word: "by", "if"
            else:
                return re.compile(text, flags)
        texts.append(needs)
    return tuple(texts)


def _is_digit_gate(gate: re.Pattern[str] | tuple[str, ...]) -> bool:
    return isinstance(gate, re.Pattern) and gate.pattern == "\\d"


def _gate_open(
    gate: re.Pattern[str] | tuple[str, ...], string: str, pos: int, end: int, found: dict[str, bool]
) -> bool:
    if isinstance(gate, re.Pattern):
        return gate.search(string, pos, end) is not None
    for needs in gate:
        there = found.get(needs)
        if there is None:
            there = found[needs] = string.find(needs, pos, end) >= 0
        if there:
            return True
    return False


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
