"""A rule's phrasings as data: each one a plain ``re`` pattern, found together.

A rule that looks for wording ("I'm sorry", "I really need this job") lists its phrasings in
``checker/data/rules/<rule id>.yaml``, one pattern each, in Python ``re`` syntax, written in
lower case (escapes such as ``\\S`` keep theirs) and matched against the lower-cased note
(``placeholder``'s against the note as written). A :class:`PhraseSet` finds them as one
alternation of them all would: the earliest match first, and where two phrasings match at the
same place, the one listed first (so list the more specific phrasing before the one it
extends); a finding can then name the phrasing it matched.

Running a few hundred patterns over every note would be slow in ``re``, which tries most of
them at every character; so each set first asks RE2 (google-re2, linear in the length of the
note) which of its phrasings can match at all, in one pass, and runs only those in ``re``. The
RE2 patterns are made to match *more* than the ``re`` ones (look-arounds left out, letters and
spaces outside ASCII read as ASCII ones), never less: RE2 only rules phrasings out, and every
finding is still found, placed and read by ``re``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import re2

#: Where the rules' data files are.
RULES_DIR = Path(__file__).resolve().parent / "data" / "rules"


@dataclass(frozen=True, slots=True)
class Phrase:
    """One phrasing of a rule: what to look for, and what to say about it."""

    #: Unique within its rule; a finding names the phrasing it matched by this id.
    id: str
    #: A Python ``re`` pattern (no VERBOSE), written in lower case.
    pattern: str
    #: What the phrasing is, in a few words (where the pattern alone does not say).
    about: str | None = None
    #: A better wording, where the rule has one per phrasing.
    rewrite: str | None = None
    #: How strongly it counts, for rules with two kinds of phrasing ("weak": a passive
    #: closing that only half invites a next step).
    kind: str | None = None


@cache
def rule_data(rule_id: str) -> dict[str, Any]:
    """The data file of a rule, as read (cached: the files do not change while we run)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    path = RULES_DIR / f"{rule_id}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


def load_phrases(rule_id: str) -> list[Phrase]:
    """The phrasings listed in a rule's data file."""
    phrases = [
        Phrase(
            id=str(item["id"]),
            pattern=str(item["pattern"]),
            about=item.get("about"),
            rewrite=item.get("rewrite"),
            kind=item.get("kind"),
        )
        for item in rule_data(rule_id).get("phrases", [])
    ]
    ids = [p.id for p in phrases]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{rule_id}: phrase ids repeat")
    # (a match is traced to its phrasing by its compiled pattern, which ``re`` shares between
    # equal patterns)
    patterns = [p.pattern.removeprefix("\\b") for p in phrases]
    if len(set(patterns)) != len(patterns):
        raise ValueError(f"{rule_id}: a pattern is listed twice")
    return phrases


class PhraseSet:
    """Phrasings found together: every match of each, the earliest first, overlaps dropped."""

    __slots__ = ("_by_regex", "_flags", "_prefilter", "_regexes", "phrases")

    def __init__(self, phrases: Iterable[Phrase], flags: int = 0) -> None:
        self.phrases: tuple[Phrase, ...] = tuple(phrases)
        self._flags = flags
        # Compiled on first use, as is the RE2 set: a check needs only some rules' sets.
        self._regexes: list[tuple[re.Pattern[str], bool] | None] | None = None
        self._by_regex: dict[re.Pattern[str], Phrase] = {}
        self._prefilter: _Prefilter | None = None

    def _regex(self, i: int) -> tuple[re.Pattern[str], bool]:
        """The ``i``-th phrasing compiled, on its first use: most wait for words few notes
        hold, and compiling them all took longer than the rest of a cold check."""
        regexes = self._regexes
        if regexes is None:
            regexes = self._regexes = [None] * len(self.phrases)
        compiled = regexes[i]
        if compiled is None:
            compiled = regexes[i] = _compile(self.phrases[i].pattern, self._flags)
            self._by_regex[compiled[0]] = self.phrases[i]
        return compiled

    def _candidates(self, string: str, pos: int, end: int) -> list[int]:
        prefilter = self._prefilter
        if prefilter is None:
            prefilter = self._prefilter = _Prefilter(
                [p.pattern for p in self.phrases], self._flags, prefilter=len(self.phrases) > 1
            )
        return prefilter.candidates(string, pos, end)

    def phrase_of(self, match: re.Match[str]) -> Phrase:
        """The phrasing that ``match`` (found by this set) matched."""
        return self._by_regex[match.re]

    def unordered(self, string: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """Every phrasing's matches, phrasing by phrasing; overlapping ones are all kept.
        Enough, and faster, where only whether any match is acceptable counts."""
        for _, m in self._found(string, pos, end):
            yield m

    def _found(self, string: str, pos: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
        for i in self._candidates(string, pos, end):
            regex, boundary = self._regex(i)
            for m in _finditer(regex, boundary, string, pos, end):
                yield i, m

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches in reading order (at one start, the phrasing listed first), each after
        the end of the one before."""
        end = len(string) if endpos is None else endpos
        found = list(self._found(string, pos, end))
        if len(found) > 1:
            found.sort(key=lambda found: (found[1].start(), found[0]))
        last_end = -1
        for _, m in found:
            if m.start() >= last_end:
                last_end = m.end()
                yield m

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], bool]:
    """The pattern compiled, without a leading ``\\b`` where it has one (and whether it had).

    ``re`` skips ahead to a pattern's first letters only when the pattern starts with them; a
    leading ``\\b`` hides them and made a search about thirty times slower. The boundary is
    checked on each match instead (see :func:`_finditer`).
    """
    if pattern.startswith("\\b") and not _has_top_level_bar(pattern):
        return re.compile(pattern[2:], flags), True
    return re.compile(pattern, flags), False


def _finditer(
    regex: re.Pattern[str], boundary: bool, string: str, pos: int, end: int
) -> Iterator[re.Match[str]]:
    """``regex.finditer(string, pos, end)``, with a leading ``\\b`` asked here."""
    if not boundary:
        yield from regex.finditer(string, pos, end)
        return
    while (m := regex.search(string, pos, end)) is not None:
        s = m.start()
        before = s > 0 and _is_word(string[s - 1])
        after = s < len(string) and _is_word(string[s])
        if before == after:
            pos = s + 1  # no word boundary here; the pattern may still match further on
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


# -- the RE2 prefilter -------------------------------------------------------------------

#: RE2 reads ``\\s`` as [\\t\\n\\f\\r ]; ``re`` also as these.
_ASCII_SPACES = str.maketrans({c: " " for c in "\v\x1c\x1d\x1e\x1f"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def _ascii_stand_in(c: str) -> str:
    """An ASCII character that every ``re`` class holding ``c`` holds too, for RE2's ASCII
    ``\\w``, ``\\d``, ``\\s`` and ``\\b`` (other characters are kept)."""
    if c.isdecimal():
        return "0"
    if c.isalnum():
        return "x"
    if c.isspace():
        return " "
    return c


def _fold_run(m: re.Match[str]) -> str:
    return "".join(map(_ascii_stand_in, m.group()))


def _for_re2(text: str) -> bytes:
    """``text`` as the RE2 patterns read it (see :func:`_ascii_stand_in`), in UTF-8."""
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_run, text)
    if _ODD_SPACE.search(text) is not None:
        text = text.translate(_ASCII_SPACES)
    return text.encode()


_ODD_SPACE = re.compile("[\v\x1c-\x1f]")
#: The text last read for RE2, and what it gave: (string, pos, end, bytes). The rules of a
#: check mostly search the same string and range in turn, and it is read once for them all.
_last_read: list[Any] = [None, 0, 0, b""]


def _read_for_re2(string: str, pos: int, end: int) -> bytes:
    last = _last_read
    if last[0] is string and last[1] == pos and last[2] == end:
        held: bytes = last[3]
        return held
    text = string if pos == 0 and end == len(string) else string[pos:end]
    read = _for_re2(text)
    _last_read[:] = (string, pos, end, read)
    return read


class _Prefilter:
    """Which of a list of ``re`` patterns can match a text: one RE2 pass for them all."""

    __slots__ = ("_always", "_order", "_set")

    def __init__(self, patterns: Sequence[str], flags: int, *, prefilter: bool = True) -> None:
        self._order: list[int] = []
        self._always: list[int] = []
        self._set: Any = None
        if not prefilter:
            # one pattern: asking RE2 first would cost about as much as asking ``re``
            self._always = list(range(len(patterns)))
            return
        options = re2.Options()
        options.max_mem = 64 << 20
        options.log_errors = False
        options.never_capture = True
        options.case_sensitive = not flags & re.IGNORECASE
        if flags & re.DOTALL:
            options.dot_nl = True
        self._set = re2.Set.SearchSet(options)
        # (the patterns RE2 cannot read, if any, are always tried)
        index: dict[int, int] = {}
        for i, pattern in enumerate(patterns):
            try:
                index[self._set.Add(re2_superset(pattern))] = i
            except re2.error:
                self._always.append(i)
        self._set.Compile()
        self._order = [index[k] for k in sorted(index)]

    def candidates(self, string: str, pos: int, end: int) -> list[int]:
        """The indices of the patterns that may match ``string[pos:end]``, in list order."""
        if self._set is None:
            return self._always
        hits = self._set.Match(_read_for_re2(string, pos, end))
        if not hits:
            return self._always
        if self._always:
            return sorted([*(self._order[h] for h in hits), *self._always])
        return sorted([self._order[h] for h in hits])


def re2_superset(pattern: str) -> str:
    """An RE2 pattern that matches wherever the ``re`` pattern does (and maybe elsewhere).

    Look-arounds are left out (RE2 has none), possessive and atomic forms are read as plain
    ones, and letters outside ASCII are written as :func:`_ascii_stand_in` reads the text.
    """
    out: list[str] = []
    i = 0
    n = len(pattern)
    quantified = False  # the last piece was a quantifier: a "+" now makes it possessive
    while i < n:
        c = pattern[i]
        if c == "\\":
            piece, i = _escape(pattern, i)
            out.append(piece)
            quantified = False
        elif c == "[":
            j = _class_end(pattern, i)
            out.append(_class(pattern, i, j))
            i = j
            quantified = False
        elif c == "(" and pattern.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?#"), i):
            i = _group_end(pattern, i)  # an assertion left out: the pattern matches more
            quantified = False
        elif c == "(" and pattern.startswith("(?>", i):
            out.append("(?:")
            i += 3
            quantified = False
        elif c == "(" and pattern.startswith("(?", i):
            out.append("(?")
            i += 2
            quantified = False
        elif c in "*+?":
            if quantified and c == "+":
                quantified = False  # possessive: the same matches, for a set that only asks
            elif quantified and c == "?":
                out.append(c)  # lazy
                quantified = False
            else:
                out.append(c)
                quantified = True
            i += 1
        elif (
            c == "{"
            and (close := pattern.find("}", i)) > 0
            and _COUNT.fullmatch(pattern, i, close + 1)
        ):
            # "{0,8}" as "*", "{1,400}" as "+": the same for a set that only asks whether,
            # for a program a fraction of the size (compiling them was most of a cold check)
            low = pattern[i + 1 : close].partition(",")[0]
            out.append("*" if low in ("", "0") else "+")
            i = close + 1
            quantified = True
        else:
            # a run of plain characters at once: one piece at a time was most of the cost
            # of a cold check's first note
            plain = _PLAIN.match(pattern, i)
            j = plain.end() if plain is not None else i + 1
            run = pattern[i:j]
            out.append(run if run.isascii() else "".join(map(_fold_char, run)))
            i = j
            quantified = False
    return "".join(out)


_COUNT = re.compile(r"\{\d*(?:,\d*)?\}")
_PLAIN = re.compile(r"[^\\\[(*+?{]+")


_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _escape(pattern: str, i: int) -> tuple[str, int]:
    """The RE2 form of the escape at ``i``, and the index past it."""
    kind = pattern[i + 1 : i + 2]
    width = _HEX_ESCAPES.get(kind)
    if width is not None:
        c = _fold_char(chr(int(pattern[i + 2 : i + 2 + width], 16)))
        return f"\\x{{{ord(c):x}}}", i + 2 + width
    if kind == "Z":
        return "\\z", i + 2
    return pattern[i : i + 2], i + 2


def _class(pattern: str, start: int, end: int) -> str:
    """The RE2 form of the character class ``pattern[start:end]``."""
    out = []
    i = start
    while i < end:
        if pattern[i] == "\\":
            piece, i = _escape(pattern, i)
            out.append(piece)
        else:
            out.append(_fold_char(pattern[i]))
            i += 1
    return "".join(out)


def _fold_char(c: str) -> str:
    return c if c.isascii() else _ascii_stand_in(c)


def _class_end(pattern: str, i: int) -> int:
    """The index just past the character class that opens at ``i``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _syntax(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, depth)`` of each ``(``, ``)`` and ``|`` that is syntax (not in an
    escape or a character class); the depth is that after an opening, before a closing."""
    depth = 0
    j = start
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
            yield j, c, depth
        elif c == ")":
            yield j, c, depth
            depth -= 1
        elif c == "|":
            yield j, c, depth
        j += 1


def _group_end(pattern: str, i: int) -> int:
    """The index just past the group that opens at ``i``."""
    for j, c, depth in _syntax(pattern, i):
        if c == ")" and depth == 1:
            return j + 1
    return len(pattern)


def _has_top_level_bar(pattern: str) -> bool:
    return any(c == "|" and depth == 0 for _, c, depth in _syntax(pattern))
