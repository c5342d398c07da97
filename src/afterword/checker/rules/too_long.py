"""``too-long``: more than two body paragraphs, or a paragraph that is not short."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule


class TooLong(Rule):
    """Interviewers scan their mail; a long note is skimmed or not read at all.

    Limits, and where they come from:

    * **Two body paragraphs** (``max_paragraphs``): "Keep your thank you letter to two brief
      paragraphs ... Anything longer will probably not be read" (newyork.com, "How Long Does a
      Thank You Note Need to Be?"); DESIGN.md makes it the product's rule.
    * **120 words a paragraph** (``max_words``, ``--max-words``, ``[check] max_words``): the
      same article asks for a first paragraph of "no more than three to four lines of text", and
      personaljobcoach.co.uk ("How to Write a Thank You Email After an Interview") advises
      "Aim for 150 to 200 words" for the whole note and calls 400 words "excessive". Two
      paragraphs of a 200-word note are 100 words each; 120 leaves a one-paragraph note room to
      carry the whole message.

    The greeting, the sign-off and the signature are not counted; a P.S. is a paragraph.

    Only the paragraph count makes the note too long (a ``warning``): that is how the labelled
    corpus defines the rule, and a note of one or two paragraphs still reads as short in an
    inbox. A paragraph over the word limit is advice to split or cut it, at ``info``.

    Good:
    - Thank you for meeting me today.\\n\\nI look forward to hearing about next steps.
    Bad:
    - Thank you for meeting me.\\n\\nI enjoyed the tour.\\n\\nLet me know if you need anything.
    - Thank you for meeting me. P.S. I also wanted to mention my pottery.\\n\\nBest,\\nAl
      \\n\\nP.S. One more thing.\\n\\nP.P.S. And another.
    """

    id = "too-long"
    title = "Too long"
    severity = "warning"
    message = (
        "Interviewers scan their mail: keep the note to two short paragraphs so all of it "
        "gets read."
    )

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
