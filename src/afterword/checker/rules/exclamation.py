"""``exclamation``: more than one exclamation mark in the body."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.text import lazy_re

# Spelled "!!*" rather than "!+": a pattern that starts with a plain character lets ``re`` skip
# straight to it, one that starts with a repeat is tried at every position.
_BANG = lazy_re(r"!!*")


class Exclamation(Rule):
    """Several exclamation marks read as over-eager in a professional note.

    Why it matters, and good and bad examples: ``checker/data/rules/exclamation.yaml``.
    """

    id = "exclamation"

    def check(self, doc: Document) -> Iterator[Finding]:
        marks = list(doc.matches(_BANG))
        if len(marks) < 2 and not any(len(m.group()) > 1 for m in marks):
            return
        first = True
        for m in marks:
            if first and len(m.group()) == 1:
                first = False
                continue  # one is allowed
            first = False
            yield doc.finding(
                self.id, self.severity, self.message, m.start(), m.end(), ".", replaces_span=True
            )
