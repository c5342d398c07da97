"""A note prepared once for every rule: working copy, body, sentences, quoted text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from afterword.checker.body import detect_body
from afterword.checker.judge import Judge, default_judge
from afterword.checker.phrases import PhraseSet
from afterword.checker.report import EXCERPT_MAX, Body, CheckSettings, Finding, Severity, Span
from afterword.checker.text import (
    alpha_words,
    count_words,
    lazy_re,
    lower_copy,
    reading_grade,
    sentences,
    working_copy,
)

if TYPE_CHECKING:
    from afterword.model import Interview

# Quoted speech inside the body ("the 'no apology needed' line", a quoted reply) is not the
# writer's own voice; pattern rules skip it. Single quotes are left alone: they are apostrophes
# far more often than quotation marks.
_QUOTED = lazy_re(r'"[^"\n]{1,400}"')
_NEWLINE = lazy_re("\n")


class Document:
    """The note as the rules see it. Offsets everywhere are into ``text``."""

    __slots__ = (
        "_alpha",
        "_grade",
        "_judged",
        "_line_starts",
        "_quote_ends",
        "_quote_starts",
        "_quoted_mail",
        "_sentence_starts",
        "_sentences",
        "_words",
        "body",
        "interview",
        "low",
        "scan",
        "settings",
        "text",
        "work",
    )

    def __init__(
        self, text: str, interview: Interview | None = None, settings: CheckSettings | None = None
    ) -> None:
        self.text = text
        self.work = working_copy(text)
        #: The working copy in lower case: what the (lower-case) rule patterns match.
        self.low = lower_copy(self.work)
        self.interview = interview
        self.settings = settings or CheckSettings()
        self.body: Body = detect_body(self.work)
        # The lower-cased body with everything else (header, greeting, signature, the blank
        # lines between paragraphs) blotted out by NULs: one pass of a pattern over it finds
        # exactly the matches that lie inside a single paragraph.
        pieces: list[str] = []
        prev = 0
        for p in self.body.paragraphs:
            pieces.append("\0" * (p.start - prev))
            pieces.append(self.low[p.start : p.end])
            prev = p.end
        pieces.append("\0" * (len(text) - prev))
        self.scan = "".join(pieces)
        # Line starts are needed only to place findings: built on the first one.
        self._line_starts: list[int] | None = None
        starts: list[int] = []
        ends: list[int] = []
        for p in self.body.paragraphs:
            for m in _QUOTED.finditer(self.work, p.start, p.end):
                starts.append(m.start())
                ends.append(m.end())
        self._quote_starts = starts
        self._quote_ends = ends
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] | None = None
        self._grade: float | None = None
        self._words: list[int] | None = None
        self._alpha: list[str] | None = None
        self._quoted_mail: int | None = None
        self._judged: list[tuple[tuple[int, int], dict[str, float]]] | None = None

    # -- reading -------------------------------------------------------------------------
    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return self.body.paragraphs

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            out: list[tuple[int, int]] = []
            for p in self.body.paragraphs:
                out.extend(sentences(self.work, p.start, p.end))
            self._sentences = out
        return self._sentences

    def sentence_at(self, pos: int) -> tuple[int, int]:
        spans = self.sentences
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _ in spans]
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            return spans[i]
        return pos, pos

    @property
    def judge(self) -> Judge:
        return default_judge()

    @property
    def judged(self) -> list[tuple[tuple[int, int], dict[str, float]]]:
        """Each body sentence outside quoted speech with the judge's probabilities, once."""
        if self._judged is None:
            judge = self.judge
            # A sentence said twice is judged once (a pasted run of ". . ." is thousands).
            seen: dict[str, dict[str, float]] = {}
            judged = []
            for s, e in self.sentences:
                if self._quote_starts and self.in_quote(s, e):
                    continue
                text = self.work[s:e]
                scores = seen.get(text)
                if scores is None:
                    scores = seen[text] = judge.scores(text)
                judged.append(((s, e), scores))
            self._judged = judged
        return self._judged

    def judge_finds(self, label: str) -> bool:
        """Whether the judge is sure some sentence does what ``label`` names."""
        if not self.settings.judge:
            return False
        judge = self.judge
        return any(judge.says(label, scores) for _, scores in self.judged)

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self._quote_ends[i] >= end

    def matches(
        self,
        pattern: re.Pattern[str] | PhraseSet,
        *,
        quoted: bool = False,
        cased: bool = False,
        ordered: bool = True,
    ) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the body paragraphs, outside quoted speech.

        Patterns match the lower-cased copy (see :mod:`~afterword.checker.phrases`)
        unless ``cased``. ``ordered=False`` yields them in no particular order and may repeat
        overlapping ones, which is faster when the caller only asks whether any is acceptable.
        """
        if not cased:
            body = self.body
            if not ordered and isinstance(pattern, PhraseSet):
                found = pattern.unordered(self.scan, body.start, body.end)
            else:
                found = pattern.finditer(self.scan, body.start, body.end)
            for m in found:
                if quoted or not self._quote_starts or not self.in_quote(m.start(), m.end()):
                    yield m
            return
        subject = self.work
        for p in self.body.paragraphs:
            if not ordered and isinstance(pattern, PhraseSet):
                found = pattern.unordered(subject, p.start, p.end)
            else:
                found = pattern.finditer(subject, p.start, p.end)
            for m in found:
                if quoted or not self._quote_starts or not self.in_quote(m.start(), m.end()):
                    yield m

    def first(
        self, pattern: re.Pattern[str] | PhraseSet, *, cased: bool = False
    ) -> re.Match[str] | None:
        return next(self.matches(pattern, cased=cased), None)

    @property
    def paragraph_words(self) -> list[int]:
        """Words in each body paragraph (tokens with a letter or digit)."""
        if self._words is None:
            self._words = [count_words(self.work, p.start, p.end) for p in self.body.paragraphs]
        return self._words

    @property
    def alpha_words(self) -> list[str]:
        """The body's words of letters only (for the reading grade), found once."""
        if self._alpha is None:
            self._alpha = alpha_words(self.body.text)
        return self._alpha

    @property
    def reading_grade(self) -> float:
        if self._grade is None:
            self._grade = reading_grade(self.alpha_words, len(self.sentences))
        return self._grade

    def note_matches(self, pattern: re.Pattern[str] | PhraseSet) -> Iterator[re.Match[str]]:
        """Matches anywhere in the note except quoted earlier mail (greeting and signature too)."""
        if self._quoted_mail is None:
            self._quoted_mail = _quoted_mail_start(self.work)
        yield from pattern.finditer(self.work, 0, self._quoted_mail)

    def before(self, pos: int, width: int = 40) -> str:
        """The working text just before ``pos``, within its paragraph."""
        lo = max(0, pos - width)
        chunk = self.work[lo:pos]
        cut = chunk.rfind("\n\n")
        return chunk[cut + 2 :] if cut >= 0 else chunk

    def after(self, pos: int, width: int = 40) -> str:
        chunk = self.work[pos : pos + width]
        cut = chunk.find("\n\n")
        return chunk[:cut] if cut >= 0 else chunk

    # -- writing -------------------------------------------------------------------------
    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        start: int | None = None,
        end: int | None = None,
        suggestion: str | None = None,
        *,
        replaces_span: bool = False,
        phrase: str | None = None,
    ) -> Finding:
        if start is None or end is None:
            return Finding(rule, severity, message, suggestion=suggestion, phrase=phrase)
        if self._line_starts is None:
            self._line_starts = []
        line, column, excerpt = place(self.text, self._line_starts, start, end)
        return Finding(
            rule,
            severity,
            message,
            start,
            end,
            line,
            column,
            excerpt,
            suggestion,
            replaces_span,
            phrase,
        )


# The start of quoted earlier mail: a line that opens (after spaces) with "On ... wrote:", an
# "Original Message" rule or ">". Blank lines before it belong to the quote too: the quote
# starts at the first line start from which only whitespace leads to the marker.
def place(text: str, line_starts: list[int], start: int, end: int) -> tuple[int, int, str]:
    """Line and column (1-based) of ``start`` in ``text``, and the excerpt ``text[start:end]``
    (shortened past ``EXCERPT_MAX``). ``line_starts`` is filled on the first call, and kept
    for the next ones on the same text."""
    if not line_starts:
        line_starts.append(0)
        line_starts.extend(m.end() for m in _NEWLINE.finditer(text))
    line = bisect_right(line_starts, start)
    column = start - line_starts[line - 1] + 1
    excerpt = text[start:end]
    if len(excerpt) > EXCERPT_MAX:
        excerpt = excerpt[: EXCERPT_MAX - 1].rstrip() + "\u2026"
    return line, column, excerpt


_QUOTE_START = lazy_re(
    r"^[^\S\n]*(?:On\s[^\n]{3,300}wrote:|-{2,}\s*(?:Original|Forwarded)\s+Message|>)",
    re.IGNORECASE | re.MULTILINE,
)


def _quote_start(work: str, pos: int = 0) -> tuple[int, int] | None:
    """Start and end of the first quote marker at or after ``pos``, as ``^\\s*(?:...)`` in
    MULTILINE mode finds it. Written so: that pattern let ``\\s*`` run from every line start
    to the end of a run of blank lines, quadratic in the run's length."""
    m = _QUOTE_START.search(work, pos)
    if m is None:
        return None
    start = m.start()
    # Back over the whitespace above the marker's line, to the first line start in it.
    i = pos + len(work[pos:start].rstrip())
    if i < start:
        start = i if i == 0 or work[i - 1] == "\n" else work.find("\n", i, start) + 1
    return start, m.end()


def _quoted_mail_start(work: str) -> int:
    m = _quote_start(work)
    if m is not None and not work[: m[0]].strip():
        # A note forwarded as it is opens with the forward line: the quote is the note.
        m = _quote_start(work, m[1])
    return m[0] if m else len(work)
