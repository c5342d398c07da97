"""``late``: the note goes out after the 24-hour mark."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule


class Late(Rule):
    """A note sent more than 24 hours after the interview arrives after the impression formed.

    Why it matters, and good and bad examples: ``checker/data/rules/late.yaml``.
    """

    id = "late"
    example_interview: ClassVar[dict[str, Any] | None] = {
        "company": "Acme Robotics",
        "role": "Product Marketing Manager",
        "ended_at": "2026-11-24T15:30:00-05:00",
    }
    # The good example is checked two hours after the interview, the bad one two days after.
    example_settings: ClassVar[dict[str, dict[str, Any]] | None] = {
        "good": {"now": "2026-11-24T17:30:00-05:00"},
        "bad": {"now": "2026-11-26T15:30:00-05:00"},
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        interview, now = doc.interview, doc.settings.now
        if interview is None or now is None:
            return
        over = (now - interview.ended_at).total_seconds() / 3600 - 24
        if over <= 0:
            return
        yield doc.finding(
            self.id,
            self.severity,
            f"The 24-hour mark passed {over:.0f} hours ago. Send it today anyway, and don't "
            "apologize for the delay: the content is what counts now.",
            suggestion="Send it now; open with the thanks and what you add, not the delay.",
        )
