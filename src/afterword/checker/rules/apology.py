"""``apology``: the note apologizes for something."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import clause_end, follow_up_for
from afterword.checker.text import lazy_re

# Sympathy, not apology: "sorry to hear about the office move", "sorry for your loss".
_SYMPATHY_AFTER = lazy_re(
    r"\s*+(?:to\s+(?:hear|learn|read|see|find\s+out)|for\s+your\s+loss|about\s+your|"
    r"for\s+(?:the|your)\s+(?:loss|news)\s+(?:of|about)|that\s+you\s+(?:are|were|have|had)\s+"
    r"(?:ill|sick|unwell|going\s+through))",
    re.IGNORECASE,
)
# Someone else's apology, or one declined: "no apology needed", "you apologized for the delay".
_NOT_MINE_BEFORE = lazy_re(
    r"(?:\b(?:no|not|never|without|nothing\s+to)\s+(?:\w+\s+)?|\bno\s+need\s+(?:for\s+(?:an?\s+)?|to\s+)|"
    r"\b(?:you|he|she|they|we|who|you\s+(?:kindly|graciously|even))\s+(?:\w+\s+)?|\ba\s+"
    r"|\b(?:don't|didn't|doesn't|needn't|need\s+not|do\s+not|did\s+not|shouldn't)\s+(?:\w+\s+)?"
    r"(?:need\s+to\s+|have\s+to\s+)?|\b(?:your|his|her|their)\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
_CANT_ENOUGH = lazy_re(r"\s+enough\b", re.IGNORECASE)
# Pardon asked of the reader: "I hope you can forgive the noise", "I trust you'll excuse".
_ASKED_BEFORE = lazy_re(
    r"\b(?:hope|hoping|trust|ask|asking|pray)\s+(?:that\s+)?you(?:'ll|\s+will|\s+can|\s+could|\s+would"
    r"|\s+might|\s+may)?\s+$",
    re.IGNORECASE,
)
# "I owe you an apology", "let me offer you my apologies": "you" is who receives it.
_TO_YOU_BEFORE = lazy_re(
    r"\b(?:owe|offer|extend|give|send|make)\s+(?:you\s+|to\s+you\s+)?$", re.IGNORECASE
)


class Apology(Rule):
    """Apologizing puts the weak moment back at the center of the reader's memory.

    Why it matters, and good and bad examples: ``checker/data/rules/apology.yaml``.
    """

    id = "apology"

    def check(self, doc: Document) -> Iterator[Finding]:
        offended = _offended(doc)
        seen_sentences: set[tuple[int, int]] = set()
        for m in doc.matches(self.phrases):
            sentence = doc.sentence_at(m.start())
            if sentence in seen_sentences:
                # one finding per sentence: "I'm sorry, please forgive me" (asked first: a
                # sentence of a thousand "sorry"s is judged once, not a thousand times)
                continue
            word = m.group().lower()
            # Someone else's or a declined apology is skipped, but "I can't apologize
            # enough" is still an apology.
            before = doc.before(m.start(), 30)
            if (
                _NOT_MINE_BEFORE.search(before)
                and not ("apolog" in word and _CANT_ENOUGH.match(doc.work, m.end()))
                and not _TO_YOU_BEFORE.search(before)
                and not _ASKED_BEFORE.search(before)
            ):
                continue
            if "sorry" in word and _SYMPATHY_AFTER.match(doc.work, m.end()):
                continue
            seen_sentences.add(sentence)
            end = clause_end(doc.work, m.end(), sentence[1] if sentence[1] > m.end() else m.end())
            text = doc.work[m.start() : end]
            if offended:
                yield doc.finding(
                    self.id,
                    "info",
                    "The debrief says the interviewer may have been offended: one brief, "
                    "sincere apology is right here. Keep it to a sentence and move on.",
                    m.start(),
                    end,
                    "I apologize for my comment about [what you said]; it was out of place.",
                    phrase=self.phrases.phrase_of(m).id,
                )
                continue
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                end,
                follow_up_for(text),
                replaces_span=True,
                phrase=self.phrases.phrase_of(m).id,
            )


def _offended(doc: Document) -> bool:
    interview = doc.interview
    if interview is None:
        return False
    return interview.debrief.offended_interviewer
