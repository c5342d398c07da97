"""``missing-call-to-action``: the note invites no next step (or only a passive one)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from afterword.checker.document import Document
from afterword.checker.phrases import Phrase, PhraseSet
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import STRONG_CTA
from afterword.checker.text import lazy_re

# A question put to the reader invites a reply ("Would Thursday work for a follow-up call?",
# "Any news on your side?"); a question about something else ("Who wouldn't love that?") does
# not. Checked per sentence ending in "?", which real notes rarely have, so it costs little.
_QUESTION_OPENER = lazy_re(
    r"(?:could|would|can|will|shall|may|when|what|how|where|is|are|was|were|have|has|had|did"
    r"|do|does|any|anything)\b",
    re.IGNORECASE,
)
_ADDRESSED = lazy_re(r"\b(?:you|your)\b", re.IGNORECASE)
_NEGATION_BEFORE = lazy_re(
    r"\b(?:don't|do\s+not|never|no\s+need\s+to|not)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_SENTENCE_START_BEFORE = lazy_re(
    r"(?:^|[.!?:;,\u2013\u2014-]\s*|\n\s*|\b(?:and|so|then)\s+)$", re.IGNORECASE
)
# An imperative opens its clause or follows a softener: "just tell me when", "so name the day".
_IMPERATIVE_BEFORE = lazy_re(
    r"(?:^|[.!?:;,\u2013\u2014-]\s*|\n\s*|\b(?:and|so|then|just|please|simply|kindly|do)\s+)$",
    re.IGNORECASE,
)
_IMPERATIVES = ("shout", "tell", "name")


class MissingCallToAction(Rule):
    """A note that invites no next step leaves the reader nothing to do.

    Why it matters, and good and bad examples: ``checker/data/rules/missing-call-to-action.yaml``.
    """

    id = "missing-call-to-action"

    def __init__(self, phrases: Iterable[Phrase] | None = None) -> None:
        super().__init__(phrases)
        listed = self.phrases.phrases
        self._strong = PhraseSet(p for p in listed if p.kind != "weak")
        # Passive closings (kind "weak"): a hope for a reply, not an invitation (DESIGN.md:
        # only a weak call to action).
        self._weak = PhraseSet(p for p in listed if p.kind == "weak")

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.matches(self._strong, ordered=False):
            before = doc.before(m.start(), 20)
            if m.group().startswith(_IMPERATIVES):
                opener = _SENTENCE_START_BEFORE if m.group()[0] == "s" else _IMPERATIVE_BEFORE
                if not opener.search(before):
                    # "they shout if the kettle is left on", "she didn't tell me when" tell; they
                    # do not invite
                    continue
            if not _NEGATION_BEFORE.search(before):
                return
        if _asks_the_reader(doc):
            return
        # "he did not wait for an answer" tells a story; it hopes for nothing
        weak = next(
            (
                w
                for w in doc.matches(self._weak)
                if not _NEGATION_BEFORE.search(doc.before(w.start(), 20))
            ),
            None,
        )
        if weak is not None:
            yield doc.finding(
                self.id,
                "info",
                "A passive closing only hopes for a reply; inviting one gives the reader a "
                "reason to write back.",
                weak.start(),
                weak.end(),
                STRONG_CTA,
                phrase=self._weak.phrase_of(weak).id,
            )
            return
        if doc.judge_finds("call_to_action"):
            return  # an invitation in words no pattern lists (see checker/judge.py)
        yield doc.finding(self.id, self.severity, self.message, suggestion=STRONG_CTA)


def _asks_the_reader(doc: Document) -> bool:
    scan = doc.scan
    pos = scan.find("?", doc.body.start, doc.body.end)
    while pos >= 0:
        if not doc.in_quote(pos, pos + 1):
            start, end = doc.sentence_at(pos)
            # The question may be the sentence's last clause: "...a short gist; shall I send
            # it over?" asks as plainly as a sentence of its own.
            clause = max(doc.work.rfind(mark, start, pos) for mark in ";:\u2013\u2014") + 1
            clause = max(clause, start)
            while clause < pos and doc.work[clause].isspace():
                clause += 1
            if (
                _QUESTION_OPENER.match(doc.work, start, end)
                or _QUESTION_OPENER.match(doc.work, clause, end)
                or _ADDRESSED.search(doc.work, start, end)
            ):
                return True
            # Every other "?" of this sentence asks the same of it: one look at a sentence,
            # not one for each of its question marks ("?????..." was quadratic).
            pos = max(pos, end - 1)
        pos = scan.find("?", pos + 1, doc.body.end)
    return False
