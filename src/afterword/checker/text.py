"""Text plumbing: a same-length working copy, words, sentences and syllables.

Every rule reads a *working copy* of the note that has exactly the length of the text as given,
so that an offset found in the copy is an offset into the original. The copy folds what varies
between mail clients and keyboards (Windows line endings, curly quotes, non-breaking spaces,
pasted HTML) into one plain form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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


# Kept pieces of a VERBOSE pattern (escapes, character classes, text), or layout to drop.
_VERBOSE_PIECE = re.compile(
    r"(\\.|\[\]?(?:\\.|[^\]\\])*\]?|\(\?\#|[^\\\[\s#(]+|\()|\s+|\#[^\n]*", re.DOTALL
)


def _strip_verbose(pattern: str) -> str:
    """A VERBOSE pattern without its comments and layout whitespace."""
    return "".join(_VERBOSE_PIECE.findall(pattern))


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


# -- whole-word requirements -------------------------------------------------------------
#
# Most branches match in no note at all, and a regex search costs about a microsecond even
# when it finds nothing. Many branches need a whole word ("received", or one of "got",
# "earned", ...) that stands between word boundaries in every match; whether a note holds that
# word is one set lookup in the note's words, found once (see ``_words_in``).

_WORD_RUN = re.compile(r"\w+")
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
    if toks is None:
        toks = _tokens(body)
    if toks is None:
        return None
    reqs = _requirements(toks, boundary, False)
    if not reqs:
        return None
    best = _best(reqs)
    return None if best & _COMMON_WORDS else best


#: The words of the strings searched last (the note's lower-cased body, its working copy):
#: id of the string -> (the string, words of all of it, (start, end) -> words).
_word_sets: dict[int, tuple[str, list[frozenset[str]], dict[tuple[int, int], frozenset[str]]]] = {}


def _words_in(string: str, pos: int, end: int) -> frozenset[str]:
    """The words of ``string[pos:end]``, or more, kept while the same few strings are searched.

    Where neither end of the range cuts a word (a paragraph), the words of the whole string
    serve: one pass over a note instead of one for each paragraph.
    """
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
            held[1].append(frozenset(_WORD_RUN.findall(string)))
        return held[1][0]
    words = held[2].get((pos, end))
    if words is None:
        words = held[2][(pos, end)] = frozenset(_WORD_RUN.findall(string, pos, end))
    return words


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
        #: it needs or None, words one of which it needs whole or None)
        self._branches: list[tuple[int, bool, int, str | None, frozenset[str] | None]] = []
        #: Each branch's regex, compiled when first needed: most branches wait for a word that
        #: few notes hold, and compiling them all would double the checker's import time.
        self._regexes: list[re.Pattern[str] | str] = []
        self._flags = flags
        #: a gate is open when its regex matches, or when one of its texts occurs
        self._gates: list[re.Pattern[str] | tuple[str, ...]] = []
        gate_index: dict[str, int] = {}
        # Branches that start with the same plain letter (or a digit) and share a gate share
        # one regex: it keeps the fast literal search and saves passes over the text.
        merged: dict[tuple[str, bool, int, frozenset[str] | None], list[str]] = {}
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
                    gate_index[text] = len(self._gates)
                    self._gates.append(_gate(text, flags))
                gate = gate_index[text]
            for branch in _expand_leading(whole):
                boundary = branch.startswith("\\b")
                body = branch[2:] if boundary else branch
                req: frozenset[str] | None = None
                if words:
                    if known[0] is not whole:
                        places: list[tuple[int, int]] = []
                        known = (whole, _tokens(whole, places), places)
                    req = word_requirement(body, boundary, _shared_tokens(body, whole, known))
                if body.startswith("\\d") and body[2:3] not in ("?", "*", "{"):
                    if gate >= 0 and _is_digit_gate(self._gates[gate]):
                        gate = -1  # the branch's own first character is that gate
                    merged.setdefault(("\\d", boundary, gate, req), []).append(body)
                    continue
                needs = required_literal(body, flags)
                if needs is not None and not body.startswith(needs):
                    # A rarer word later in the branch: look for it before running the regex.
                    self._add(body, boundary, gate, needs, req)
                elif body[:1].isalpha() and body[1:2] not in ("?", "*", "+", "{"):
                    merged.setdefault((body[0], boundary, gate, req), []).append(body)
                else:
                    self._add(body, boundary, gate, None, req)
        for (first, boundary, gate, req), bodies in merged.items():
            if first == "\\d":
                joined = "|".join(f"(?:{b})" for b in bodies)
            else:
                # "i(?<!\\wi)(?:...|...)": the shared letter is the literal to search for, and
                # the look-behind drops the "i" inside "with" or "interview" before any branch
                # is tried there.
                guard = f"(?<!\\w{first})" if boundary else ""
                joined = first + guard + "(?:" + "|".join(b[1:] for b in bodies) + ")"
            self._add(joined, boundary, gate, None, req)

    def _add(
        self, body: str, boundary: bool, gate: int, needs: str | None, req: frozenset[str] | None
    ) -> None:
        self._branches.append((len(self._regexes), boundary, gate, needs, req))
        self._regexes.append(body)

    def _searches(self, string: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """The first acceptable-looking match of each branch whose gate and text are there."""
        found: dict[str, bool] = {}
        gates: list[bool | None] = [None] * len(self._gates)
        regexes = self._regexes
        words: frozenset[str] | None = None
        for index, boundary, gate, needs, req in self._branches:
            if req is not None:
                if words is None:
                    words = _words_in(string, pos, end)
                if words.isdisjoint(req):
                    continue
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
    parts = _KEEP_CASE.split(pattern)
    parts[::2] = [part.lower() for part in parts[::2]]
    return PatternSet("".join(parts), flags)


# Escapes and the P of "(?P<name>" keep their case in a lower-cased pattern.
_KEEP_CASE = re.compile(r"(\\.|(?<=\(\?)P)", re.DOTALL)


def lower_copy(work: str) -> str:
    """``work`` in lower case, exactly as long (a few letters, such as "İ", grow when folded)."""
    low = work.lower()
    if len(low) == len(work):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in work)
