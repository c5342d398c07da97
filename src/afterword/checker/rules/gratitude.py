"""``missing-gratitude``: the note never thanks the reader."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.phrases import PhraseSet
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import GRATITUDE
from afterword.checker.text import lazy_re

# "Thanks to my time at Acme ..." is causal, not gratitude; "no thanks" declines.
_NOT_GRATITUDE_AFTER = lazy_re(
    r"\s+to\s+(?:my|our|his|her|their|its|this|that|these|those|the|a|an)\b", re.IGNORECASE
)
_NOT_GRATITUDE_BEFORE = lazy_re(r"\b(?:no|not|never|without|un)\s*$", re.IGNORECASE)
# A refusal: "I won't be thanking you", "I'm not going to thank them" ("I can't thank you enough"
# is thanks).
_REFUSED_BEFORE = lazy_re(
    r"\b(?:won't|will\s+not|wouldn't|would\s+not|not\s+going\s+to|am\s+not|'m\s+not)\s+(?:be\s+)?$",
    re.IGNORECASE,
)
# A request, not thanks: "I would be grateful for any feedback", "I'd appreciate an update".
_CONDITIONAL_BEFORE = lazy_re(
    r"\b(?:would|'d|should)\s+(?:be\s+)?(?:\w+\s+)?$|\bI'd\s+(?:be\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
_NO_SUBJECT = lazy_re(r"(?:(?:really|truly|so|much|greatly)\s+)?appreciate\s")
_CONDITIONAL_WORD = lazy_re(r"grateful|appreciat|valu|treasur|cherish", re.IGNORECASE)
# "I appreciate that you're busy", "I appreciate you have a lot of candidates", "appreciate it's a
# busy time": appreciating a fact is understanding it, not thanks ("I appreciate that you took
# the time" still thanks).
_UNDERSTOOD_OBJECT = lazy_re(r"(?:that\s+you|you|it)$", re.IGNORECASE)
_UNDERSTOOD_AFTER = lazy_re(
    # "you're busy", "you are short-staffed" (not "you're considering me", "you are so kind")
    r"(?:'re|\s+are)\s+(?!(?:still\s+|also\s+|really\s+|even\s+)?(?:considering\s+(?:me|my)|willing|open"
    r"|taking|giving|making|so|such|being|always|happy|kind|generous|keeping|including|thinking|offering"
    r"|sharing|letting|allowing|interested|keen|prepared)\b)"
    r"|(?:'ve|\s+have)\s+got\s+(?:a\s+lot|lots|many|several|plenty|other|a\s+(?:number|busy|full))\b"
    r"|(?:'ve|\s+have)\s+(?:a\s+lot|lots|many|several|plenty|other|a\s+(?:number|busy|full|packed|tight"
    r"|difficult|tough|hard|big|large)|more|to|no|limited|your\s+hands)\b"
    r"|\s+(?:must|may|might|need|needs|can't|cannot|won't|will|'ll|likely|probably|get|receive|see"
    r"|deal|handle|face)\b"
    r"|'s|\s+is\b|\s+takes?\b",
    re.IGNORECASE,
)
# "Appreciate you taking the time" with no "I": only at the start of a sentence.
_SENTENCE_START_BEFORE = lazy_re(
    r"(?:^|[.!?:;\u2014-]\s*|\n)\s*(?:and\s+|but\s+|also\s+|again\s+|,\s*)?$", re.IGNORECASE
)


def find_gratitude(doc: Document, thanks: PhraseSet) -> re.Match[str] | None:
    """The first of ``thanks`` in the note that thanks the reader."""
    for m in doc.matches(thanks, ordered=False):
        word = m.group().lower()
        if word.startswith("thank") and _NOT_GRATITUDE_AFTER.match(doc.work, m.end()):
            continue
        if _NOT_GRATITUDE_BEFORE.search(doc.before(m.start(), 12)):
            continue
        before = doc.before(m.start(), 30)
        if word.startswith("thank") and _REFUSED_BEFORE.search(before):
            continue
        if _NO_SUBJECT.match(word) and not _SENTENCE_START_BEFORE.search(before):
            continue
        if _CONDITIONAL_WORD.search(word) and _CONDITIONAL_BEFORE.search(doc.before(m.start(), 20)):
            continue
        if _CONDITIONAL_WORD.search(word) and _conditional_inside(word):
            continue
        if "appreciat" in word and _understood(doc, word, m.end()):
            continue
        return m
    return None


def _understood(doc: Document, word: str, end: int) -> bool:
    """ "I appreciate that you're busy" (or "the fact that you ..."): a fact understood."""
    if word.endswith("the"):
        fact = _FACT_THAT.match(doc.work, end)
        if fact is None:
            return False
        end = fact.end()
    elif not _UNDERSTOOD_OBJECT.search(word):
        return False
    return _UNDERSTOOD_AFTER.match(doc.work, end) is not None


_FACT_THAT = lazy_re(r"\s+fact\s+that\s+(?:you|it)\b", re.IGNORECASE)
_CONDITIONAL_INSIDE = lazy_re(r"^(?:I|we)\s+(?:would|'d|should)\b", re.IGNORECASE)


def _conditional_inside(word: str) -> bool:
    """A request inside the match: "I would appreciate your feedback"."""
    return _CONDITIONAL_INSIDE.match(word) is not None


class MissingGratitude(Rule):
    """A thank-you note that never says thank you misses its first job.

    Why it matters, and good and bad examples: ``checker/data/rules/missing-gratitude.yaml``.
    """

    id = "missing-gratitude"

    def check(self, doc: Document) -> Iterator[Finding]:
        if find_gratitude(doc, self.phrases) is None:
            yield doc.finding(self.id, self.severity, self.message, suggestion=GRATITUDE)
