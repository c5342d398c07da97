"""``pressure``: the note begs, sounds needy, pushes, or demands a decision."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import STRONG_CTA
from afterword.checker.text import lazy_re

# A timeline the interviewer set is theirs to keep, not pressure: "as we discussed, ... by Friday".
_THEIR_TIMELINE = lazy_re(
    r"\b(?:as\s+(?:we|you)\s+(?:discussed|mentioned|said|noted|indicated|suggested|agreed)|"
    r"you\s+(?:mentioned|said|noted|indicated|expect|plan|hope)|your\s+(?:timeline|timeframe)|"
    r"per\s+(?:our|your)\s+(?:conversation|discussion))\b",
    re.IGNORECASE,
)
_CONTRAST = lazy_re(r"\b(?:but|however|although|though|yet)\b", re.IGNORECASE)
_URGENT = lazy_re(
    r"asap|immediately|urgently|right\s+away|as\s+soon\s+as(?:\s+possible)?", re.IGNORECASE
)
_DECISION_WORDS = lazy_re(
    r"\b(?:decision|decide|answer|respond|response|reply|hear|offer|update|get\s+back|let\s+me\s+know"
    r"|call\s+me|text\s+me|email\s+me|contact\s+me)\b",
    re.IGNORECASE,
)
_NEGATION_BEFORE = lazy_re(
    r"(?:\b(?:not|never|no|don't|won't|wouldn't|didn't)\s+(?:\w+\s+)?(?:\w+\s+)?|\bwithout\s+)$",
    re.IGNORECASE,
)
_ABOUT_START_DATE = lazy_re(r"\b(?:start|begin|join)\b", re.IGNORECASE)
# The start announced as if hired ("I'll start on Monday", "my first day"); in a reply to an offer,
# or on a condition ("if offered, I will start on Monday"), it is plain logistics.
_PRESUMED_START = lazy_re(
    r"^I(?:'ll|\s+will)\s+(?:be\s+)?(?:start|report)|\bmy\s+first\s+day$|\bexpect\s.*\sto\s+be$"
    r"|\bto\s+(?:collect|pick\s+up|get|sign\s+for|receive)\s+(?:my|the)\s.*(?:badge|pass|keys?|laptop"
    r"|lanyard|uniform|card)$",
    re.IGNORECASE,
)
_PRESUMED_DECISION = lazy_re(r"no\s|you\s+(?:can|may|should|could)\s")
_CONDITION = lazy_re(
    r"\b(?:if|once|should|when|assuming|subject\s+to|were\s+I|offered|successful)\b", re.IGNORECASE
)
# "No need to prolong the process" steps aside when the writer withdraws or leaves the pace to the
# reader ("on my account"); only otherwise does it presume the decision.
_STEPS_ASIDE = lazy_re(
    r"\b(?:on\s+my\s+account|for\s+my\s+sake|because\s+of\s+me)\b", re.IGNORECASE
)
_WITHDRAWS = lazy_re(
    r"\b(?:withdraw\w*|accepted\s+(?:an(?:other)?|a|the\s+other)\s+(?:[\w-]+\s+)?(?:offer|position|role|job)"
    r"|no\s+longer\s+(?:available|interested|pursuing|looking|seeking|in\s+the\s+market))\b",
    re.IGNORECASE,
)
_OFFER_MADE = lazy_re(
    r"\b(?:accept\w*|thank\w*\s+(?:you\s+)?(?:so\s+much\s+|very\s+much\s+)?for|received|delighted\s+(?:with|by)"
    r"|pleased\s+(?:with|by))\s+(?:your|the)\s+(?:\w+\s+){0,2}?offer\b|\bwelcome\s+(?:aboard|to\s+the\s+team)\b",
    re.IGNORECASE,
)


# The writer's own words, before "it was rude" in a sentence: an apology owning them.
_OWN_WORDS = lazy_re(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:remark|comment|joke|words|tone|answer|reply|behaviou?r"
    r"|manner|question|email|message)\b|\bwhat\s+i\s+(?:said|wrote|did)\b",
    re.IGNORECASE,
)


class _Asked:
    """Searches of a sentence (or of the whole note), each done once: a rule asks the same of a
    sentence for every match in it, and a long sentence full of matches cost time in the square
    of its length."""

    __slots__ = ("_answers", "_texts", "_work")

    def __init__(self, work: str) -> None:
        self._work = work
        self._texts: dict[tuple[int, int], str] = {}
        self._answers: dict[tuple[object, int, int, int], re.Match[str] | None] = {}

    def text(self, s: int, e: int) -> str:
        text = self._texts.get((s, e))
        if text is None:
            text = self._texts[(s, e)] = self._work[s:e]
        return text

    def search(
        self, pattern: re.Pattern[str], s: int, e: int, pos: int = 0
    ) -> re.Match[str] | None:
        """``pattern.search(work[s:e], pos)``."""
        key = (pattern, s, e, pos)
        if key not in self._answers:
            self._answers[key] = pattern.search(self.text(s, e), pos)
        return self._answers[key]

    def contrast(self, s: int, e: int, pos: int, endpos: int) -> bool:
        """Whether ``_CONTRAST.search(work[s:e], pos, endpos)`` finds one, from one search of
        the sentence from ``pos``: a contrast before ``endpos`` is that first one, or a word
        that ``endpos`` cuts short ("but" of "butter"), at most eight letters before it."""
        first = self.search(_CONTRAST, s, e, pos)
        if first is not None and first.end() <= endpos:
            return True
        near = max(pos, endpos - len("although"))
        return _CONTRAST.search(self.text(s, e), near, endpos) is not None


class Pressure(Rule):
    """Begging, neediness and deadlines push the reader away.

    Why it matters, and good and bad examples: ``checker/data/rules/pressure.yaml``.
    """

    id = "pressure"

    def check(self, doc: Document) -> Iterator[Finding]:
        asked = _Asked(doc.work)
        whole = len(doc.work)
        for m in doc.matches(self.phrases):
            phrase = self.phrases.phrase_of(m).id
            s, e = doc.sentence_at(m.start())
            if _URGENT.fullmatch(m.group()) and not asked.search(_DECISION_WORDS, s, e):
                continue  # "I can start right away" is eagerness, not pressure
            if _URGENT.fullmatch(m.group()) and asked.search(_ABOUT_START_DATE, s, e):
                continue
            theirs = asked.search(_THEIR_TIMELINE, s, e)
            if theirs and not asked.contrast(s, e, theirs.end(), max(m.start() - s, 0)):
                # "as you mentioned, you'll decide by Friday" is their timeline; "you said two
                # weeks, but I need to know by tomorrow" overrides it.
                continue
            if _NEGATION_BEFORE.search(doc.before(m.start(), 25)):
                continue
            if _PRESUMED_START.search(m.group()) and (
                asked.search(_CONDITION, s, e) or asked.search(_OFFER_MADE, 0, whole)
            ):
                continue  # "if offered, I will start on Monday"; "I accept your offer ..."
            if phrase == "thats-rude" and _OWN_WORDS.search(doc.work, s, m.start()):
                continue  # "my remark about Moon Bakery: it was discourteous" owns the writer's
            if _PRESUMED_DECISION.match(m.group()) and (
                asked.search(_STEPS_ASIDE, s, e) or asked.search(_WITHDRAWS, 0, whole)
            ):
                continue  # "no need to delay the process on my account", a withdrawal
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                m.end(),
                "I remain very interested in the role. " + STRONG_CTA,
                phrase=phrase,
            )
