"""``missing-personalization``: the note names nothing of this interview."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import EXAMPLE_INTERVIEW, Rule

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "about",
        "from",
        "our",
        "your",
        "their",
        "my",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "you",
        "they",
        "our",
        "how",
        "what",
        "why",
        "new",
    ]
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", text.casefold()) if len(w) > 2 and w not in _STOP}


class MissingPersonalization(Rule):
    """A note that could go to anyone reads as a form letter.

    Why it matters, and good and bad examples: ``checker/data/rules/missing-personalization.yaml``.
    """

    id = "missing-personalization"
    example_interview: ClassVar[dict[str, Any] | None] = EXAMPLE_INTERVIEW

    def check(self, doc: Document) -> Iterator[Finding]:
        interview = doc.interview
        if interview is None:
            return
        start = doc.body.greeting.start if doc.body.greeting else doc.body.start
        seen = _content_words(doc.work[start : doc.body.end])
        if not seen:
            yield doc.finding(self.id, self.severity, self.message, suggestion=self._hint(doc))
            return
        names: set[str] = set()
        for person in interview.interviewers:
            names |= _content_words(person.name)
        names |= _content_words(interview.company)
        if seen & names:
            return
        role = _content_words(interview.role)
        if role and len(seen & role) >= max(1, len(role) // 2):
            return
        for person in interview.interviewers:
            for topic in person.topics:
                words = _content_words(topic)
                if words and len(seen & words) >= max(1, (len(words) + 1) // 2):
                    return
        for moment in interview.debrief.moments:
            if moment.topic:
                words = _content_words(moment.topic)
                if words and len(seen & words) >= max(1, (len(words) + 1) // 2):
                    return
        yield doc.finding(self.id, self.severity, self.message, suggestion=self._hint(doc))

    @staticmethod
    def _hint(doc: Document) -> str:
        interview = doc.interview
        assert interview is not None
        topic = next((t for i in interview.interviewers for t in i.topics), None)
        if topic:
            return f"I especially enjoyed our conversation about {topic}."
        return (
            f"Thank you for the conversation about the {interview.role} role at "
            f"{interview.company}."
        )
