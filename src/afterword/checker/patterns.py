"""Reading a pattern into the branches a :class:`~afterword.checker.text.PatternSet` runs.

A pattern is read once, on the first use of its set, and the built-in rules' patterns not even
then: :mod:`afterword.checker.pattern_table` holds what reading them gives, so this module is
imported only for a pattern that is not in the table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from afterword.checker.text import _Branches, _Gate, _is_word, _Row


def read_pattern(pattern: str, flags: int, verbose: bool = False) -> _Branches:
    """The branches of ``pattern``: split at its top-level bars, with a leading group spread
    into one branch per alternative, branches that start alike merged, and each one's gate,
    needed text and needed words found."""
    if verbose:
        pattern = _strip_verbose(pattern)
    gates: list[_Gate] = []
    gate_index: dict[str, int] = {}
    rows: list[_Row] = []

    def add(
        body: str,
        boundary: bool,
        gate: int,
        needs: str | None,
        req: frozenset[str] | None,
        more: list[tuple[frozenset[str], ...]],
    ) -> None:
        # Only if every pattern in the branch needs more words can they rule it out.
        rows.append((body, boundary, gate, needs, req, tuple(more) if all(more) else None))

    # Branches that start with the same plain letter (or a digit) and share a gate share
    # one regex: it keeps the fast literal search and saves passes over the text.
    merged: dict[
        tuple[str, bool, int, frozenset[str] | None],
        list[tuple[str, tuple[frozenset[str], ...]]],
    ] = {}
    words = flags == 0
    known: tuple[str, list[_Token] | None, list[tuple[int, int]]] = ("", None, [])
    for whole in _top_level_branches(pattern):
        # "(?#needs:X)" at the start of a branch: skip it unless X (a pattern without
        # parentheses) occurs in the text. Each gate is tried once per call.
        gate = -1
        if whole.startswith("(?#needs:"):
            close = whole.index(")")
            text = whole[9:close]
            whole = whole[close + 1 :]
            if text not in gate_index:
                gate_index[text] = len(gates)
                gates.append(_gate(text, flags))
            gate = gate_index[text]
        for branch in _expand_leading(whole):
            boundary = branch.startswith("\\b")
            body = branch[2:] if boundary else branch
            req: frozenset[str] | None = None
            more: tuple[frozenset[str], ...] = ()
            if words:
                if known[0] is not whole:
                    places: list[tuple[int, int]] = []
                    known = (whole, _tokens(whole, places), places)
                reqs = word_requirements(body, boundary, _shared_tokens(body, whole, known))
                if reqs:
                    # The best set of words indexes the branch; the rest rule out more
                    # notes for the price of a set lookup each, far below a regex search.
                    req, more = reqs[0], tuple(reqs[1:])
            if body.startswith("\\d") and body[2:3] not in ("?", "*", "{"):
                if gate >= 0 and _is_digit_gate(gates[gate]):
                    gate = -1  # the branch's own first character is that gate
                merged.setdefault(("\\d", boundary, gate, req), []).append((body, more))
                continue
            needs = required_literal(body, flags)
            if needs is not None and not body.startswith(needs):
                # A rarer word later in the branch: look for it before running the regex.
                add(body, boundary, gate, needs, req, [more])
            elif body[:1].isalpha() and body[1:2] not in ("?", "*", "+", "{"):
                merged.setdefault((body[0], boundary, gate, req), []).append((body, more))
            else:
                add(body, boundary, gate, None, req, [more])
    for (first, boundary, gate, req), group in merged.items():
        bodies = [body for body, _ in group]
        if first == "\\d" and boundary:
            # "\\d(?<!\\w\\d)(?:...|...)": the look-behind is the leading \\b, asked after
            # the first digit so that ``re`` still skips ahead to digits. Without it the
            # branches were tried at every digit of a number, each reading the number to its
            # end ("[\\d,]*"): a long run of digits took time in the square of its length.
            rests = [_after_first_digit(b) for b in bodies]
            joined = "\\d(?<!\\w\\d)(?:" + "|".join(rests) + ")"
        elif first == "\\d":
            joined = "|".join(f"(?:{b})" for b in bodies)
        else:
            # "i(?<!\\wi)(?:...|...)": the shared letters are the literal to search for, and
            # the look-behind drops the "i" inside "with" or "interview" before any branch
            # is tried there. The more letters shared, the rarer the literal: "train" is
            # looked for far faster than every "t".
            lead = _shared_letters(bodies)
            guard = f"(?<!\\w{lead})" if boundary else ""
            joined = lead + guard + "(?:" + "|".join(b[len(lead) :] for b in bodies) + ")"
        add(joined, boundary, gate, None, req, [more for _, more in group])
    return _Branches(gates, rows)


# Kept pieces of a VERBOSE pattern (escapes, character classes, text), or layout to drop.
_VERBOSE_PIECE = re.compile(
    r"(\\.|\[\]?(?:\\.|[^\]\\])*\]?|\(\?\#|[^\\\[\s#(]+|\()|\s+|\#[^\n]*", re.DOTALL
)


def _strip_verbose(pattern: str) -> str:
    """A VERBOSE pattern without its comments and layout whitespace."""
    return "".join(_VERBOSE_PIECE.findall(pattern))


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, depth)`` of each ``(``, ``)`` and ``|`` that is syntax, not an
    escape or part of a character class; the depth is counted after the character."""
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
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            yield i, c, depth


def _top_level_branches(pattern: str) -> list[str]:
    branches: list[str] = []
    start = 0
    for i, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches


def _group_end(pattern: str, start: int) -> int | None:
    """Index of the ``)`` closing the group that opens at ``pattern[start]``."""
    return next((i for i, c, depth in _structure(pattern, start) if c == ")" and depth == 0), None)


# Enough for the longest leading groups of the rules: at 12, overt-failure's "the interview
# / it / that ... was a disaster" stayed one branch that ``re`` tried at every position, and
# cost more than all the rule's other branches together.
_EXPAND_LIMIT = 24


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


# -- whole-word requirements -------------------------------------------------------------
#
# Most branches match in no note at all, and a regex search costs about a microsecond even
# when it finds nothing. Many branches need a whole word ("received", or one of "got",
# "earned", ...) that stands between word boundaries in every match; whether a note holds that
# word is one set lookup in the note's words (see ``text._words_in``).

_LEXEME = re.compile(
    r"""
    (\\.)                                       # 1: an escape
    |(\[\^?\]?(?:\\.|[^\]\\])*\])               # 2: a character class
    |(\((?:\?:|\?P<\w+>|(?!\?)))                 # 3: a group opens
    |(\(\?<?[=!])                               # 4: a look-around opens
    |(\(\?\#[^)]*\))                            # 5: a comment
    |(\(\?)                                     # 6: flags, conditionals, back references
    |(\))                                       # 7: a group closes
    |(\|)                                       # 8
    |([?*+]|\{(\d*)(,\d*)?\})[?+]?              # 9: a quantifier (10: its least, 11: most)
    |(\w+)                                      # 12: plain word characters
    |(.)                                        # 13: another plain character
    """,
    re.VERBOSE | re.DOTALL,
)
# Words in nearly every note: a branch that needs only these is not worth a gate.
_COMMON_WORDS = frozenset(
    [
        *("i", "a", "an", "the", "to", "and", "of", "in", "on", "for", "my", "me", "you"),
        *("your", "it", "is", "was", "be", "that", "this", "we", "with", "at", "as"),
    ]
)

#: A token of a branch: ("w", text) literal word characters; ("n",) something that is no
#: word character (or a boundary); ("g", alternatives, starts, ends) a group that occurs
#: once; ("o", starts, ends) an optional piece; ("x",) anything else. ``starts`` and ``ends``
#: tell whether every alternative starts and ends with an ("n",) token.
_Token = tuple[object, ...]


def _tokens(pattern: str, places: list[tuple[int, int]] | None = None) -> list[_Token] | None:
    """The top level of ``pattern`` (no top-level ``|``) as tokens, or None if unsure.

    ``places`` gets (offset in ``pattern``, number of tokens before it) for each top-level
    place where a new piece of the pattern begins.
    """
    # Each open group: the tokens around it, its alternatives so far, whether it looks around.
    stack: list[tuple[list[_Token], list[list[_Token]], bool]] = []
    out: list[_Token] = []
    atom: _Token | None = None  # the atom that a quantifier would apply to
    for m in _LEXEME.finditer(pattern):
        kind = m.lastindex
        if places is not None and not stack and kind not in (9, 10, 11):
            places.append((m.start(), len(out)))
        if kind == 10 or kind == 11:
            kind = 9
        if kind == 9:
            if atom is None or atom[0] == "look":
                return None
            q = m.group(9)
            low = 0 if q in ("?", "*") else 1 if q == "+" else int(m.group(10) or 0)
            single = q[0] == "{" and low == 1 and m.group(11) in (None, ",1")
            out.pop()
            if atom[0] == "w" and len(str(atom[1])) > 1:
                # the quantifier takes the last character only
                word = str(atom[1])
                out.append(("w", word[:-1]))
                atom = ("w", word[-1])
            if single:
                out.append(atom)
            elif atom == ("n",):
                out.append(("n",) if low >= 1 else ("o", True, True, None))
            elif low == 0 and q == "?" and atom[0] == "w":
                out.append(("o", False, False, ["", atom[1]]))
            elif low == 0 and atom[0] == "g":
                inner_words = atom[4] if q == "?" else None
                assert inner_words is None or isinstance(inner_words, list)
                optional = None if inner_words is None else ["", *inner_words]
                out.append(("o", atom[2], atom[3], optional))
            else:
                out.append(("x",))
            atom = None
            continue
        text = m.group()
        if kind == 1:
            e = text[1]
            if e == "b":
                out.append(("n",))
                atom = None
                continue
            if e in ("s", "W"):
                atom = ("n",)
            elif e.isalnum() or e == "_":
                atom = ("x",)  # \d, \w, \S, \B, \A, \Z, a back reference, ...
            else:
                atom = ("n",)  # an escaped punctuation mark
        elif kind == 2:
            atom = ("n",) if _no_word_class(text[1:-1]) else ("x",)
        elif kind == 3 or kind == 4:
            inner: list[_Token] = []
            stack.append((out, [inner], kind == 4))
            out = inner
            atom = None
            continue
        elif kind == 5:
            atom = None
            continue
        elif kind == 6:
            return None
        elif kind == 8:
            if not stack:
                return None
            out = []
            stack[-1][1].append(out)
            atom = None
            continue
        elif kind == 7:
            if not stack:
                return None
            out, alternatives, look = stack.pop()
            if look:
                # Takes no characters: dropping it only allows more matches.
                atom = ("look",)
                continue
            starts = all(a and a[0] == ("n",) for a in alternatives)
            ends = all(a and a[-1] == ("n",) for a in alternatives)
            spellings: list[str] | None = None
            if all(t[0] == "w" for a in alternatives for t in a):
                spellings = ["".join(str(t[1]) for t in a) for a in alternatives]
            atom = ("g", alternatives, starts, ends, spellings)
        elif kind == 12:
            atom = ("w", text)
        elif text in "^$":
            atom = None
            continue
        elif text == ".":
            atom = ("x",)
        else:
            atom = ("n",)
        out.append(atom)
    return None if stack else out


def _shared_tokens(
    body: str, whole: str, known: tuple[str, list[_Token] | None, list[tuple[int, int]]]
) -> list[_Token] | None:
    """The tokens of ``body``, one of the branches that ``whole`` expands to: the text that
    ``body`` ends with is read from ``whole``'s tokens (``known``) instead of again."""
    _, whole_tokens, places = known
    if whole_tokens is None:
        return _tokens(body)
    # the longest common ending of the two
    lo, hi = 0, min(len(body), len(whole))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if body.endswith(whole[len(whole) - mid :]):
            lo = mid
        else:
            hi = mid - 1
    i = bisect_left(places, (len(whole) - lo, -1))
    if i == len(places):
        return _tokens(body)
    offset, count = places[i]
    head = _tokens(body[: len(body) - (len(whole) - offset)])
    return None if head is None else head + whole_tokens[count:]


def _no_word_class(inside: str) -> bool:
    """Whether the character class ``[inside]`` holds no word character (``[\\s-]``)."""
    if not inside or inside[0] == "^":
        return False
    i, n = 0, len(inside)
    while i < n:
        c = inside[i]
        if c == "\\":
            e = inside[i + 1 : i + 2]
            if e not in ("s", "W") and (not e or e.isalnum() or e == "_"):
                return False
            i += 2
            continue
        if c == "-" and 0 < i < n - 1:
            return False  # a range
        if _is_word(c):
            return False
        i += 1
    return True


def _spellings(t: _Token) -> list[str] | None:
    """The texts a token of word characters only can take, or None."""
    if t[0] == "w":
        return [str(t[1])]
    spellings = t[4] if t[0] == "g" else t[3] if t[0] == "o" else None
    assert spellings is None or isinstance(spellings, list)
    return spellings


def _bounded_before(toks: list[_Token], i: int, left: bool) -> bool:
    while i > 0:
        t = toks[i - 1]
        if t[0] == "n":
            return True
        if t[0] == "g":
            return bool(t[3])
        if t[0] != "o" or not t[2]:
            return False
        i -= 1
    return left


def _bounded_after(toks: list[_Token], i: int, right: bool) -> bool:
    n = len(toks)
    while i < n - 1:
        t = toks[i + 1]
        if t[0] == "n":
            return True
        if t[0] == "g":
            return bool(t[2])
        if t[0] != "o" or not t[1]:
            return False
        i += 1
    return right


def _requirements(toks: list[_Token], left: bool, right: bool) -> list[frozenset[str]]:
    """Sets of words, one word of each of which stands whole in every match."""
    found: list[frozenset[str]] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if _spellings(t) is not None:
            # A word written out, perhaps with optional or alternative parts: "offers?",
            # "appreciat(?:e|ed)".
            j = i
            while j + 1 < n and _spellings(toks[j + 1]) is not None:
                j += 1
            texts = [""]
            for k in range(i, j + 1):
                parts = _spellings(toks[k])
                assert parts is not None
                texts = [a + b for a in texts for b in parts]
                if len(texts) > 32:
                    break
            else:
                if (
                    "" not in texts
                    and _bounded_before(toks, i, left)
                    and _bounded_after(toks, j, right)
                ):
                    found.append(frozenset(texts))
            i = j + 1
            continue
        if t[0] == "g":
            lctx = _bounded_before(toks, i, left)
            rctx = _bounded_after(toks, i, right)
            union: set[str] = set()
            alternatives = t[1]
            assert isinstance(alternatives, list)
            for alt in alternatives:
                reqs = _requirements(alt, lctx, rctx)
                if not reqs:
                    break
                union |= _best(reqs)
            else:
                found.append(frozenset(union))
        i += 1
    return found


def _best(reqs: list[frozenset[str]]) -> frozenset[str]:
    """The requirement likely to rule out the most notes: no common word, fewest words."""
    return min(reqs, key=lambda r: (not r.isdisjoint(_COMMON_WORDS), len(r)))


def word_requirement(
    body: str, boundary: bool, toks: list[_Token] | None = None
) -> frozenset[str] | None:
    """Words one of which every match of ``body`` holds as a whole word, or None.

    ``boundary``: a match must start at a word boundary (the branch began with ``\\b``).
    ``toks``: the tokens of ``body``, if read already.
    """
    reqs = word_requirements(body, boundary, toks)
    return reqs[0] if reqs else None


def word_requirements(
    body: str, boundary: bool, toks: list[_Token] | None = None
) -> list[frozenset[str]]:
    """Every set of words one of which every match of ``body`` holds as a whole word, the
    one likely to rule out the most notes first; none if the first would hold a common word.
    """
    if toks is None:
        toks = _tokens(body)
    if toks is None:
        return []
    reqs = _requirements(toks, boundary, False)
    if not reqs:
        return []
    best = _best(reqs)
    if best & _COMMON_WORDS:
        return []
    rest = [best]
    for r in reqs:
        if r not in rest and r.isdisjoint(_COMMON_WORDS):
            rest.append(r)
    return rest


def _after_first_digit(body: str) -> str:
    """``body`` (which starts with ``\\d``, not optional) without that first digit."""
    rest = body[2:]
    if rest[:1] == "+":
        return "\\d*" + rest[1:]  # "\\d+" is one digit and "\\d*" ("\\d+?" "\\d*?", ...)
    return rest


def _shared_letters(bodies: list[str]) -> str:
    """The plain letters every one of ``bodies`` starts with (at least its first one)."""
    leads = []
    for body in bodies:
        n = 0
        while n < len(body) and body[n].isalpha():
            n += 1
        if body[n : n + 1] in _QUANTIFIERS:
            n -= 1  # "offers?": the "s" is optional
        leads.append(body[:n])
    # The common start of the alphabetically first and last is the common start of all.
    low, high = min(leads), max(leads)
    n = 0
    while n < len(low) and low[n] == high[n]:
        n += 1
    shared = low[:n]
    assert shared  # the bodies were grouped by a first letter that no quantifier follows
    return shared


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
