"""``too-long``: more than two body paragraphs, or a paragraph that is not short."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule


class TooLong(Rule):
    """Interviewers scan their mail; a long note is skimmed or not read at all.

    Why it matters, and good and bad examples: ``checker/data/rules/too-long.yaml``.
    """

    id = "too-long"

    def check(self, doc: Document) -> Iterator[Finding]:
        settings = doc.settings
        paragraphs = doc.paragraphs
        if len(paragraphs) > settings.max_paragraphs:
            extra = paragraphs[settings.max_paragraphs]
            yield doc.finding(
                self.id,
                self.severity,
                f"The body has {len(paragraphs)} paragraphs; more than "
                f"{settings.max_paragraphs} and the reader starts to skim.",
                extra.start,
                extra.end,
                "Merge the thanks and your one new point into the first paragraph, and close "
                "with the call to action in the second.",
            )
        for p, words in zip(paragraphs, doc.paragraph_words, strict=True):
            if words > settings.max_words:
                yield doc.finding(
                    self.id,
                    "info",
                    f"This paragraph has {words} words (limit {settings.max_words}); a short "
                    "paragraph gets read, a long one gets skimmed.",
                    p.start,
                    p.end,
                    "Keep one point per paragraph and cut the rest: the thanks, one thing you "
                    "add, the next step.",
                )
