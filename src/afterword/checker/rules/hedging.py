"""``hedging``: qualifiers that make the writer sound unsure of their own worth."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from afterword.checker.document import Document
from afterword.checker.phrases import Phrase, PhraseSet
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule


class Hedging(Rule):
    """Hedges undersell you exactly where you want to sound sure.

    Why it matters, and good and bad examples: ``checker/data/rules/hedging.yaml``.
    """

    id = "hedging"

    def __init__(self, phrases: Iterable[Phrase] | None = None) -> None:
        super().__init__(phrases)
        # Every hedge in one set (``self.phrases``): most notes hold none, and one look for
        # any spares the separate ones. Then each hedge found is looked for on its own (a
        # finding per hedge, the longest first in the list).
        self._each = [(PhraseSet([p]), p.rewrite or "") for p in self.phrases.phrases]

    def check(self, doc: Document) -> Iterator[Finding]:
        found = {self.phrases.phrase_of(m).id for m in doc.matches(self.phrases, ordered=False)}
        if not found:
            return
        taken: set[int] = set()
        for pattern, replacement in self._each:
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
