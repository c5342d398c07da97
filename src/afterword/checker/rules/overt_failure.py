"""``overt-failure``: the note says outright that the interview or the candidate went badly."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import clause_end, follow_up_for
from afterword.checker.text import lazy_re

_ADV = r"(?:(?:totally|completely|really|kind\s+of|sort\s+of|just|probably|definitely|so|badly|"
_ADV += r"pretty\s+much|absolutely|utterly|simply|clearly|obviously|somewhat|a\s+bit)\s+)?"
# "It went well", "that went as planned", "not a disaster" are the opposite.
_POSITIVE_AFTER = lazy_re(
    r"(?:well|as\s+(?:planned|hoped|I\s+\w+)|to\s+plan|(?:the\s+way|how)\s+[\w\s']+)$",
    re.IGNORECASE,
)
_NEGATED = lazy_re(r"n't\b|\bnot\b", re.IGNORECASE)
# "sorry about how the interview went" regrets it; "how the interview went" alone may be good.
_REGRETTED = lazy_re(r"sorry|apologi|regret|embarrassed|disappointed", re.IGNORECASE)
_NEGATION_BEFORE = lazy_re(
    r"\b(?:not|never|wasn't|isn't|hardly|no|don't\s+think|didn't\s+think|wouldn't\s+say|"
    r"if|whether|worry\s+that|afraid\s+that|hope)\s+(?:\w+\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


_ASKED_WHERE_BEFORE = lazy_re(
    r"\b(?:on|about|of|know|learn|understand|see|hear|share|me|us)\s+(?:where|how|why|what|in\s+what\s+ways?)\s+$",
    re.IGNORECASE,
)
_REFUSE_BEFORE = lazy_re(r"\b(?:won't|can't|cannot|couldn't|wouldn't)\s+$", re.IGNORECASE)


class OvertFailure(Rule):
    """Saying the interview went badly writes the verdict for the interviewer.

    Why it matters, and good and bad examples: ``checker/data/rules/overt-failure.yaml``.
    """

    id = "overt-failure"

    def check(self, doc: Document) -> Iterator[Finding]:
        reported = -1  # where the last finding ends: one sentence's admissions are one finding
        for m in doc.matches(self.phrases):
            if m.start() < reported:
                continue
            text = m.group()
            if (
                _POSITIVE_AFTER.search(text)
                and not _NEGATED.search(text)
                and not _REGRETTED.match(text)
            ):
                continue  # "it went well", "it went as planned"
            negated = _NEGATION_BEFORE.search(doc.before(m.start(), 30)) is not None
            if text.startswith("pretend"):
                # Only a refusal to pretend admits it: "I won't pretend it was my best".
                if not negated and not _REFUSE_BEFORE.search(doc.before(m.start(), 30)):
                    continue
            elif negated:
                continue  # "I don't think it was a disaster", "if I rambled"
            if _ASKED_WHERE_BEFORE.search(doc.before(m.start(), 30)):
                continue  # "any feedback on where I fell short" asks; it does not admit

            sentence = doc.sentence_at(m.start())
            end = clause_end(doc.work, m.end(), max(sentence[1], m.end()))
            reported = end
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                end,
                follow_up_for(doc.work[m.start() : end]),
                replaces_span=True,
                phrase=self.phrases.phrase_of(m).id,
            )
