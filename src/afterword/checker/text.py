"""Text plumbing: a same-length working copy, words, sentences and syllables.

Every rule reads a *working copy* of the note that has exactly the length of the text as given,
so that an offset found in the copy is an offset into the original. The copy folds what varies
between mail clients and keyboards (Windows line endings, curly quotes, non-breaking spaces,
pasted HTML) into one plain form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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


def _blank(segment: str) -> str:
    """Spaces in place of a segment, keeping its newlines so line numbers stay true."""
    return "".join("\n" if c == "\n" else " " for c in segment)


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


# -- the words of a text ------------------------------------------------------------------
#
# Most branches of a pattern set match in no note at all, and a regex search costs about a
# microsecond even when it finds nothing. Many branches need a whole word ("received", or one
# of "got", "earned", ...) in every match; whether a note holds it is one set lookup in the
# note's words, found once for all the pattern sets that search the note (see ``_words_in``).

_WORD_RUN = lazy_re(r"\w+")
# ASCII bytes with every byte that is no word character blanked out.
_ASCII_WORD_BYTES = bytes(
    c if c < 128 and (chr(c).isalnum() or c == ord("_")) else 32 for c in range(256)
)
#: The words of the strings searched last (the note's lower-cased body, its working copy):
#: id of the string -> (the string, words of all of it, (start, end) -> words).
_word_sets: dict[int, tuple[str, list[frozenset[str]], dict[tuple[int, int], frozenset[str]]]] = {}


#: the arguments and answer of the last call of ``_words_in``
_last_words: list[Any] = [None, 0, 0, frozenset()]


def _words_in(string: str, pos: int, end: int) -> frozenset[str]:
    """The words of ``string[pos:end]``, or more, kept while the same few strings are searched.

    Where neither end of the range cuts a word (a paragraph), the words of the whole string
    serve: one pass over a note instead of one for each paragraph.
    """
    last = _last_words
    if last[0] is string and last[1] == pos and last[2] == end:
        held: frozenset[str] = last[3]
        return held  # the pattern sets of one note mostly search the same range in turn
    words = _words_in_range(string, pos, end)
    _last_words[:] = (string, pos, end, words)
    return words


def _words_in_range(string: str, pos: int, end: int) -> frozenset[str]:
    held = _word_sets.get(id(string))
    if held is None or held[0] is not string:
        if len(_word_sets) >= 4:
            _word_sets.clear()
        held = _word_sets[id(string)] = (string, [], {})
    n = len(string)
    if (pos <= 0 or pos >= n or not _is_word(string[pos - 1]) or not _is_word(string[pos])) and (
        end >= n or end <= pos or not _is_word(string[end]) or not _is_word(string[end - 1])
    ):
        if not held[1]:
            held[1].append(_word_set(string))
        return held[1][0]
    words = held[2].get((pos, end))
    if words is None:
        words = held[2][(pos, end)] = _word_set(string[pos:end])
    return words


def _word_set(text: str) -> frozenset[str]:
    """The runs of word characters (``\\w+``) in ``text``."""
    if text.isascii():
        # Blanking out the rest of an ASCII text as bytes and splitting it costs half as much
        # as finding the words with a regex.
        return frozenset(text.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split())
    return frozenset(_WORD_RUN.findall(text))


#: More words a branch needs beyond those it is indexed by: for each pattern merged into the
#: branch, sets of words that must each meet the text; the branch may match if, for one of
#: the patterns, every set does.
_Needed = tuple[tuple[frozenset[str], ...], ...]
#: One branch as read off a pattern: its regex, whether a \\b leads it, the index of its gate
#: or -1, a text it needs or None, words one of which it needs whole or None, more words it
#: needs or None.
_Row = tuple[str, bool, int, str | None, frozenset[str] | None, _Needed | None]
_Gate = re.Pattern[str] | tuple[str, ...]


class _Branches:
    """What a :class:`PatternSet` reads off its pattern: its branches, their gates, and which
    branches wait for which word."""

    __slots__ = ("alone", "branches", "by_word", "gates", "regexes", "rows", "unworded", "words")

    def __init__(self, gates: list[_Gate], rows: list[_Row]) -> None:
        #: a gate is open when its regex matches, or when one of its texts occurs
        self.gates = gates
        self.rows = rows
        #: (leading \\b, gate, needed text, more needed words) of each branch, in the order
        #: the branches are tried; the more needed words as one set where they are (the usual
        #: case), which is asked inline instead of through ``_may_match``
        self.branches = [(row[1], row[2], row[3], _simplest(row[5])) for row in rows]
        #: Each branch's regex, compiled when first needed: most branches wait for a word that
        #: few notes hold.
        self.regexes: list[re.Pattern[str] | str] = [row[0] for row in rows]
        #: word -> the branches that need it (or another of their words) whole
        self.by_word: dict[str, list[int]] = {}
        #: the branches that need no particular word
        self.unworded: list[int] = []
        for i, row in enumerate(rows):
            if row[4] is None:
                self.unworded.append(i)
            else:
                for word in row[4]:
                    self.by_word.setdefault(word, []).append(i)
        #: all words of ``by_word``
        self.words = frozenset(self.by_word)
        #: word -> the branches to try when it is the only word of ``by_word`` a text holds
        #: (the usual case after none), in order: found once instead of on every call
        self.alone: dict[str, list[int]] = {
            word: sorted({*self.unworded, *ids}) for word, ids in self.by_word.items()
        }

    def to_data(self) -> dict[str, Any]:
        """The branches as JSON data, for :mod:`afterword.checker.pattern_table`."""
        return {
            "gates": [list(g) if isinstance(g, tuple) else g.pattern for g in self.gates],
            "rows": [
                [
                    body,
                    boundary,
                    gate,
                    needs,
                    None if req is None else sorted(req),
                    None if also is None else [[sorted(s) for s in sets] for sets in also],
                ]
                for body, boundary, gate, needs, req, also in self.rows
            ],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any], flags: int) -> _Branches:
        """The branches again from what :meth:`to_data` gave."""
        gates: list[_Gate] = [
            tuple(g) if isinstance(g, list) else re.compile(g, flags) for g in data["gates"]
        ]
        rows: list[_Row] = [
            (
                body,
                boundary,
                gate,
                needs,
                None if req is None else frozenset(req),
                None if also is None else tuple(tuple(map(frozenset, sets)) for sets in also),
            )
            for body, boundary, gate, needs, req, also in data["rows"]
        ]
        return cls(gates, rows)


class PatternSet:
    """An alternation compiled branch by branch, matched as one pattern.

    Python's ``re`` tries every branch of an alternation at every position unless each branch
    starts with a literal; then it skips ahead with a fast literal search. Compiled one by one
    (a leading ``\\b`` checked here instead), each branch gets that fast path: on real notes
    this made the checker about five times faster than one big alternation.

    The pattern is read into branches on first use, not when the set is built (see
    :mod:`afterword.checker.patterns`), and the built-in rules' patterns are not read at all
    but looked up in :mod:`afterword.checker.pattern_table`: reading their several hundred
    branches took longer than importing the whole checker.
    """

    __slots__ = ("_branches", "_flags", "_pattern", "_verbose")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._verbose = bool(flags & re.VERBOSE)
        self._flags = flags & ~re.VERBOSE
        self._branches: _Branches | None = None

    @property
    def key(self) -> tuple[str, int]:
        """The pattern and flags as given: what the pattern table files it under."""
        return self._pattern, self._flags | (re.VERBOSE if self._verbose else 0)

    def _load(self) -> _Branches:
        from afterword.checker.pattern_table import stored

        data = stored(self.key)
        if data is not None:
            return _Branches.from_data(data, self._flags)
        return self.read()

    def read(self) -> _Branches:
        """Read the pattern into branches (what the pattern table holds for the rules)."""
        from afterword.checker.patterns import read_pattern

        return read_pattern(self._pattern, self._flags, self._verbose)

    def _searches(self, string: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """The first acceptable-looking match of each branch whose gate and text are there."""
        read = self._branches
        if read is None:
            read = self._branches = self._load()
        order: Iterable[int]
        words: frozenset[str] = frozenset()
        if read.words:
            # Most branches need one of a few words that most notes lack: find the branches
            # whose words the text holds from the text's words, instead of asking each branch.
            words = _words_in(string, pos, end)
            hits = read.words.intersection(words)
            if len(hits) == 1:
                (word,) = hits
                order = read.alone[word]
            elif hits:
                chosen = set(read.unworded)
                for word in hits:
                    chosen.update(read.by_word[word])
                order = sorted(chosen)
            else:
                order = read.unworded
        else:
            order = range(len(read.branches))
        found: dict[str, bool] = {}
        gates: list[bool | None] = [None] * len(read.gates)
        regexes = read.regexes
        branches = read.branches
        for i in order:
            boundary, gate, needs, also = branches[i]
            if also is not None:
                if isinstance(also, frozenset):
                    if words.isdisjoint(also):
                        continue
                elif not _may_match(also, words):
                    continue
            if gate >= 0:
                is_open = gates[gate]
                if is_open is None:
                    is_open = gates[gate] = _gate_open(read.gates[gate], string, pos, end, found)
                if not is_open:
                    continue
            if needs is not None:
                there = found.get(needs)
                if there is None:
                    there = found[needs] = string.find(needs, pos, end) >= 0
                if not there:
                    continue
            regex = regexes[i]
            if isinstance(regex, str):
                regex = regexes[i] = re.compile(regex, self._flags)
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


def _simplest(also: _Needed | None) -> _Needed | frozenset[str] | None:
    """``also`` as its one set of words where it is one pattern's one set, else as it is."""
    if also is not None and len(also) == 1 and len(also[0]) == 1:
        return also[0][0]
    return also


def _may_match(also: _Needed, words: frozenset[str]) -> bool:
    """Whether, for one of the patterns, each set of words it needs meets ``words``."""
    for sets in also:
        for need in sets:
            if words.isdisjoint(need):
                break
        else:
            return True
    return False


def _gate_open(gate: _Gate, string: str, pos: int, end: int, found: dict[str, bool]) -> bool:
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
    parts = _KEEP_CASE.split(pattern)
    parts[::2] = [part.lower() for part in parts[::2]]
    return PatternSet("".join(parts), flags)


# Escapes and the P of "(?P<name>" keep their case in a lower-cased pattern.
_KEEP_CASE = lazy_re(r"(\\.|(?<=\(\?)P)", re.DOTALL)


def lower_copy(work: str) -> str:
    """``work`` in lower case, exactly as long (a few letters, such as "İ", grow when folded)."""
    low = work.lower()
    if len(low) == len(work):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in work)
