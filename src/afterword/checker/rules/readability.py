"""``readability``: the body reads above a high-school level."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule

#: Flesch-Kincaid grade above which a short note reads as heavy. Plain-language guides (e.g.
#: plainlanguage.gov) aim for grade 8 or so in public writing; a note to a professional can run
#: higher, so only a grade past high school is flagged.
MAX_GRADE = 12.0
MIN_WORDS = 30


class Readability(Rule):
    """Long sentences of long words slow a reader who is scanning.

    Why it matters, and good and bad examples: ``checker/data/rules/readability.yaml``.
    """

    id = "readability"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.body.end - doc.body.start < MIN_WORDS * 3 or len(doc.sentences) == 0:
            return
        if len(doc.alpha_words) < MIN_WORDS:
            return
        grade = doc.reading_grade
        if grade > MAX_GRADE:
            yield doc.finding(
                self.id,
                self.severity,
                f"The note reads at grade {grade:.0f}; shorter sentences and plainer words "
                "get read faster.",
                suggestion="Split long sentences and prefer short words.",
            )
