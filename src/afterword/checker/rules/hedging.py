"""``hedging``: qualifiers that make the writer sound unsure of their own worth."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.text import lower_re

_HEDGES: tuple[tuple[str, str], ...] = (
    (
        r"\bI\s+(?:just\s+)?(?:think|feel|believe|guess|suppose)\s+(?:that\s+)?I\s+(?:might|could|may)"
        r"(?:\s+possibly)?\s+be\b",
        "I am",
    ),
    (
        r"\bI\s+(?:just\s+)?(?:think|feel|believe|guess)\s+(?:that\s+)?I\s+(?:might|could|may)\b",
        "I can",
    ),
    (r"\bI\s+feel\s+like\b", "I think"),
    (r"\bI\s+guess\b", ""),
    (r"\bI'm\s+not\s+(?:sure|certain)\s+(?:if|whether|that)\s+I\b", "I"),
    (
        r"\b(?:kind|sort)\s+of\b(?!\s+(?:a|an|the|person|role|team|work|thing|company|problem)\b)",
        "",
    ),
    (r"\bjust\s+wanted\s+to\b", "wanted to"),
    (r"\bhopefully\b", ""),
    (r"\b(?:a\s+little\s+bit|somewhat|possibly|perhaps)\b", ""),
    (r"\bmight\s+be\s+able\s+to\b", "can"),
    (r"\bif\s+(?:it's|it\s+is)\s+not\s+too\s+much\s+trouble\b", ""),
)
_PATTERNS = [(lower_re(p, 0), replacement) for p, replacement in _HEDGES]
# Every hedge in one pattern set, whose branches share passes by first letter: most notes hold
# none, and one look for any spares the ten separate passes.
_ANY_HEDGE = lower_re("|".join(p for p, _ in _HEDGES), 0)


class Hedging(Rule):
    """Hedges undersell you exactly where you want to sound sure.

    After a shaky interview the instinct is to soften every claim; "I think I might be able to
    help" reads as doubt. State it plainly. (Advice of the kind in Strunk & White's "Avoid
    qualifiers" and in plain-language guides.)

    Good:
    - I can help your team cut onboarding time.
    Bad:
    - I think I might be a good fit for the role.
    - I just wanted to say thanks.
    """

    id = "hedging"
    title = "Hedging"
    severity = "info"
    message = "Hedging undersells you; say it plainly."

    def check(self, doc: Document) -> Iterator[Finding]:
        if next(doc.matches(_ANY_HEDGE, ordered=False), None) is None:
            return
        taken: set[int] = set()
        for pattern, replacement in _PATTERNS:
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
                )
