"""``hedging``: qualifiers that make the writer sound unsure of their own worth."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.phrases import PhraseSet, load_phrases
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule

_HEDGES = load_phrases("hedging")
# Each hedge is looked for on its own (a finding per hedge, the longest first in the list).
_PATTERNS = [(PhraseSet([phrase]), phrase.rewrite or "") for phrase in _HEDGES]
# Every hedge in one set: most notes hold none, and one look for any spares the separate ones.
_ANY_HEDGE = PhraseSet(_HEDGES)


class Hedging(Rule):
    """Hedges undersell you exactly where you want to sound sure.

    Why it matters, and good and bad examples: ``checker/data/rules/hedging.yaml``.
    """

    id = "hedging"

    def check(self, doc: Document) -> Iterator[Finding]:
        found = {_ANY_HEDGE.phrase_of(m).id for m in doc.matches(_ANY_HEDGE, ordered=False)}
        if not found:
            return
        taken: set[int] = set()
        for pattern, replacement in _PATTERNS:
            if pattern.phrases[0].id not in found:
                continue
            for m in doc.matches(pattern):
                if m.start() in taken:
                    continue  # "I think I might be" is one hedge, not two
                taken.update(range(m.start(), m.end()))
                yield doc.finding(
                    self.id,
                    self.severity,
                    self.message,
                    m.start(),
                    m.end(),
                    replacement or "(cut it)",
                    replaces_span=bool(replacement),
                    phrase=pattern.phrases[0].id,
                )
