"""``reader-in-third-person``: the note speaks of the person it greets as of someone else."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.rules.wrong_recipient import greeted_name

# "as Dana mentioned", "Prof. Doyle's report", "Dana explains that...": what a reader says or
# owns, told about them rather than to them (notes forwarded from one's own jottings read so).
_VERBS = {
    "mentioned": "mentioned", "said": "said", "told": "told", "explained": "explained",
    "noted": "noted", "suggested": "suggested", "described": "described", "asked": "asked",
    "shared": "shared", "highlighted": "highlighted", "pointed": "pointed", "mentions": "mention",
    "says": "say", "explains": "explain", "notes": "note", "describes": "describe",
    "talked": "talked", "spoke": "spoke", "wrote": "wrote", "writes": "write",
}  # fmt: skip
_TITLE = r"(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s+)?"
# "Dear Ms. Rodriguez, Mr. Chen, and Dr. Abbott," greets several readers.
_SEVERAL = re.compile(r"\w\s*,\s*\w|\s(?:and|&)\s", re.IGNORECASE)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"})


class ReaderInThirdPerson(Rule):
    """A note that speaks of its reader as "Dana said" reads as notes about them, not to them.

    Why it matters, and good and bad examples: ``checker/data/rules/reader-in-third-person.yaml``.
    """

    id = "reader-in-third-person"

    def check(self, doc: Document) -> Iterator[Finding]:
        names = self._reader_names(doc)
        if not names:
            return
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(
            rf"\b{_TITLE}(?:{alternatives})(?P<tail>'s\b|\u2019s\b|\s+(?P<verb>{'|'.join(_VERBS)})\b)",
            re.IGNORECASE,
        )
        for m in doc.matches(pattern, cased=True):
            verb = m.group("verb")
            better = f"you {_VERBS[verb.lower()]}" if verb else "your"
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                m.end(),
                better,
                replaces_span=True,
            )

    @staticmethod
    def _reader_names(doc: Document) -> set[str]:
        """The greeted reader's names: the greeting's, and with an interview on record, the
        first and last names of the interviewer it greets."""
        m = greeted_name(doc)
        greeting = doc.body.greeting
        if m is None or greeting is None:
            return set()
        greeted = m.group("name")
        if _SEVERAL.search(doc.work, greeting.start, greeting.end):
            return set()  # a note to a panel may speak of each of them: "Ms. Rodriguez's point"
        words = [w for w in greeted.split() if w.rstrip(".").casefold() not in _TITLES]
        names = {w for w in words if len(w) > 1}
        interview = doc.interview
        if interview is not None:
            for person in interview.interviewers:
                parts = [p for p in person.name.split() if p.rstrip(".").casefold() not in _TITLES]
                if any(w.casefold() in {p.casefold() for p in parts} for w in words):
                    names |= {p for p in parts if len(p) > 1}
        return names
