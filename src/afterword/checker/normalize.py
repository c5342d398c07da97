"""What hides a word from the checker, folded away before the rules read the note.

"I'm so\\u00adrry" (a soft hyphen), "I apolog\\u200bize" (a zero-width space), "I'm s\\u043erry"
(a Cyrillic "о") and "ｓｏｒｒｙ" (fullwidth letters) all read as an apology, and none of them
matches a rule's pattern as written. Before the rules run, the note is folded:

- invisible format characters are removed: soft hyphens, zero-width spaces and joiners, the
  byte order mark, bidirectional controls, word joiners, variation selectors, tags;
- compatibility forms of letters and digits become the plain letters they stand for, as NFKC
  gives them (fullwidth forms, ligatures such as "ﬁ", mathematical letters, "ſ"), and fullwidth
  punctuation and the ideographic space become ASCII;
- in a word that mixes Latin letters with look-alikes from Cyrillic, Greek or Armenian (or in
  a note written in Latin letters, a word made of look-alikes only), the look-alikes become the
  Latin letters they imitate. A word of Russian or Greek is left as it is, so that a note in
  another language is still told apart.

The rules then read the folded text, and every offset they report is mapped back to the text
as given (:meth:`Folded.restore`): a finding's start, end, line, column and excerpt refer to the
note the user wrote, invisible characters included.

A note with none of these characters (every ASCII note among them) is not copied at all.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace

from afterword.checker.report import Body, Finding, Report, Span
from afterword.checker.text import lazy_re

# Characters that take no room on the screen: soft hyphen, combining grapheme joiner, Arabic
# letter mark, Hangul fillers, Khmer inherent vowels, Mongolian free variation selectors and
# vowel separator, zero-width space, (non-)joiner, left-to-right and right-to-left marks,
# bidirectional embeddings, overrides and isolates, word joiner and invisible operators,
# variation selectors, byte order mark, Hangul half-width filler, tag characters.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef"
)
# Characters that may have a compatibility form NFKC folds to ASCII: fullwidth forms, the
# ideographic space, letterlike symbols, ligatures, mathematical letters and digits, the long s,
# and Latin letters with a compatibility decomposition (enclosed, superscript letters are
# symbols or "No" digits, which stay: "10²" is not "102").
_COMPATIBLE = (
    "\u017f\u01c4-\u01cc\u01f1-\u01f3\u02b0-\u02b8\u1d2c-\u1d6a\u2071\u207f\u2090-\u209c"
    "\u2100-\u214f\u3000\ufb00-\ufb06\uff01-\uff5e\U0001d400-\U0001d7ff"
)

#: Look-alikes of Latin letters: Cyrillic, Greek and Armenian letters that most fonts draw as
#: the Latin letter, or nearly so.
CONFUSABLES: dict[str, str] = {
    # Cyrillic
    **dict(zip("аеорсухіјѕһԁԛԝӏ", "aeopcyxijshdqwl", strict=True)),
    **dict(zip("АВЕКМНОРСТХУІЈЅԌԚԜ", "ABEKMHOPCTXYIJSGQW", strict=True)),
    # Greek
    **dict(zip("οαρνικτυχ", "oapviktux", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
    # Armenian
    **dict(zip("օսոհզց", "ounhqg", strict=True)),
}

_FOLD = lazy_re(f"[{_INVISIBLE}]+|[{_COMPATIBLE}]+")
_LOOK_ALIKE = lazy_re("[" + "".join(CONFUSABLES) + "]")
_LOOK_ALIKES = "".join(CONFUSABLES)
# A word that may read as Latin: letters that are Latin or fold to Latin (invisible characters
# inside it), one of them a look-alike. Found whole by one pattern (no letter on either side;
# the repeats possessive), so that the words of a note in Russian or Greek cost no Python.
_LATIN_LOOKING_WORD = lazy_re(
    f"(?<![^\\W\\d_])(?<![{_INVISIBLE}])"
    f"(?=[A-Za-z{_INVISIBLE}{_COMPATIBLE}]*+[{_LOOK_ALIKES}])"
    f"[A-Za-z{_LOOK_ALIKES}{_INVISIBLE}{_COMPATIBLE}]++"
    f"(?![^\\W\\d_])(?![{_INVISIBLE}])"
)
_ASCII_LETTER = lazy_re("[A-Za-z]")
_LETTER = lazy_re("[^\\W\\d_]")


def _compatible(c: str) -> str:
    """``c`` as NFKC folds it where that gives plain ASCII for a letter, a digit, fullwidth
    punctuation or the ideographic space; else ``c`` itself."""
    folded = unicodedata.normalize("NFKC", c)
    if folded == c or not folded.isascii():
        return c
    category = unicodedata.category(c)
    if category[0] == "L" or category == "Nd" or "\uff01" <= c <= "\uff5e" or c == "\u3000":
        return folded
    return c


class Folded:
    """A note folded for the rules, and the way back to the note as given.

    Most folds keep the length (a look-alike letter, a fullwidth one): there a folded offset is
    the original one. Removed characters and expansions ("ﬁ" is "fi") break the text into
    pieces: a position in a linear piece maps to the same place in its stretch of the original,
    and a position in an expansion to the whole character it came from.
    """

    __slots__ = ("_linear", "_norm_starts", "_orig_ends", "_orig_starts", "original", "text")

    def __init__(self, original: str, edits: list[tuple[int, int, str]]) -> None:
        """``edits``: (start, end, replacement) of stretches of ``original``, in order."""
        self.original = original
        self._norm_starts: list[int] = [0]
        self._orig_starts: list[int] = [0]
        self._orig_ends: list[int] = [0]
        self._linear: list[bool] = [True]
        out: list[str] = []
        n = done = 0
        for start, end, new in edits:
            out.append(original[done:start])
            n += start - done
            out.append(new)
            if len(new) != end - start:
                if new:
                    self._piece(n, start, end, False)
                n += len(new)
                self._piece(n, end, end, True)  # the text after it, linear again
            else:
                n += len(new)
            done = end
        out.append(original[done:])
        self.text = "".join(out)

    def _piece(self, norm: int, start: int, end: int, linear: bool) -> None:
        self._norm_starts.append(norm)
        self._orig_starts.append(start)
        self._orig_ends.append(end)
        self._linear.append(linear)

    def start_of(self, pos: int) -> int:
        """The original offset where the folded character at ``pos`` comes from."""
        if pos >= len(self.text):
            return len(self.original)
        i = bisect_right(self._norm_starts, pos) - 1
        if self._linear[i]:
            return self._orig_starts[i] + pos - self._norm_starts[i]
        return self._orig_starts[i]

    def end_of(self, pos: int) -> int:
        """The original offset just after the folded character before ``pos``."""
        if pos <= 0:
            return self.start_of(0)
        i = bisect_right(self._norm_starts, pos - 1) - 1
        if self._linear[i]:
            return self._orig_starts[i] + pos - self._norm_starts[i]
        return self._orig_ends[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.start_of(start)
        return s, max(s, self.end_of(end)) if end > start else s

    def restore(self, report: Report) -> Report:
        """``report`` (on the folded text) with every offset, line, column and excerpt
        referring to the original text."""
        from afterword.checker.document import place

        original = self.original
        starts: list[int] = []
        findings: list[Finding] = []
        for f in report.findings:
            if f.start is None or f.end is None:
                findings.append(f)
                continue
            start, end = self.span(f.start, f.end)
            line, column, excerpt = place(original, starts, start, end)
            findings.append(
                replace(f, start=start, end=end, line=line, column=column, excerpt=excerpt)
            )
        body = report.body
        start, end = self.span(body.start, body.end)
        report.body = Body(
            start=start,
            end=end,
            text=original[start:end],
            paragraphs=tuple(self._span(p) for p in body.paragraphs),
            greeting=None if body.greeting is None else self._span(body.greeting),
            signoff=None if body.signoff is None else self._span(body.signoff),
        )
        report.findings = findings
        return report

    def _span(self, span: Span) -> Span:
        return Span(*self.span(span.start, span.end))


def fold(text: str) -> Folded | None:
    """The note folded for the rules, or None where there is nothing to fold."""
    if text.isascii():
        return None
    edits: list[tuple[int, int, str]] = []
    for m in _FOLD.finditer(text):
        run = m.group()
        if run[0] in _INVISIBLE_SET:
            edits.append((m.start(), m.end(), ""))
            continue
        new = run.translate(_tables()[0])
        if len(new) == len(run):
            if new != run:
                edits.append((m.start(), m.end(), new))
        else:
            # "ﬁ" is two letters: each character its own piece, to map back exactly
            compatible = _tables()[0]
            for i, c in enumerate(run, m.start()):
                f = compatible.get(ord(c))
                if f is not None:
                    edits.append((i, i + 1, f))
    if _LOOK_ALIKE.search(text) is not None:
        edits.extend(_look_alikes(text))
        edits.sort()
    if not edits:
        return None
    return Folded(text, edits)


_INVISIBLE_SET = frozenset(
    chr(c)
    for first, last in re.findall(r"(.)(?:-(.))?", _INVISIBLE)
    for c in range(ord(first), ord(last or first) + 1)
)
_LATIN = str.maketrans(CONFUSABLES)
_LOOK_ALIKE_RUN = lazy_re("[" + "".join(CONFUSABLES) + "]+")
_TABLES: list[dict[int, str | None]] = []


def _tables() -> list[dict[int, str | None]]:
    """The translate tables: compatibility forms to ASCII, and that with look-alike letters
    folded and invisible characters removed (for telling whether a word reads as Latin).
    Made on first use: it asks NFKC about some thirteen hundred characters."""
    if not _TABLES:
        compatible: dict[int, str | None] = {}
        for first, last in re.findall(r"(.)(?:-(.))?", _COMPATIBLE):
            for code in range(ord(first), ord(last or first) + 1):
                folded = _compatible(chr(code))
                if folded != chr(code):
                    compatible[code] = folded
        word = dict(compatible)
        word.update((ord(c), latin) for c, latin in CONFUSABLES.items())
        word.update(dict.fromkeys(map(ord, _INVISIBLE_SET)))
        _TABLES.extend((compatible, word))
    return _TABLES


def _look_alikes(text: str) -> list[tuple[int, int, str]]:
    """Look-alike letters in the words that read as Latin, as edits."""
    latin_note: bool | None = None
    table = _tables()[1]
    edits: list[tuple[int, int, str]] = []
    for m in _LATIN_LOOKING_WORD.finditer(text):
        word = m.group()
        if not word.translate(table).isascii():
            continue  # a compatibility form that is no Latin letter
        if _ASCII_LETTER.search(word) is None:
            # a word of look-alikes only: Latin in a note written in Latin letters
            if latin_note is None:
                letters = len(_LETTER.findall(text))
                latin_note = 2 * len(_ASCII_LETTER.findall(text)) > letters
            if not latin_note:
                continue
        start = m.start()
        latin = word.translate(_LATIN)
        if latin == word.translate(table):
            edits.append((start, m.end(), latin))  # nothing else in it to fold
            continue
        for run in _LOOK_ALIKE_RUN.finditer(word):
            latin = "".join(CONFUSABLES[c] for c in run.group())
            edits.append((start + run.start(), start + run.end(), latin))
    return edits
