"""``wrong-recipient``: the note names another person or company than the interview."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import EXAMPLE_INTERVIEW, Rule
from afterword.checker.text import lazy_re

if TYPE_CHECKING:
    from afterword.model import Interview

# Matched at the greeting's start (``match`` with a position: no "^", which would only match
# at the start of the whole note and so skip a greeting under a "Subject:" line). The greeting
# word is taken whole when it is there (an atomic group), so that a name starting with a
# letter outside ASCII ("Łukasz", "Émile") is read as the name, never the greeting word.
_GREETING_NAME = lazy_re(
    r"\s*(?>(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b)?\s*"
    r"(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s+)?"
    r"(?P<name>[^\W\d_][\w'-]+(?:\s+[^\W\d_][\w'-]+){0,2})",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    [
        "all",
        "team",
        "everyone",
        "everybody",
        "there",
        "folks",
        "hiring",
        "manager",
        "recruiter",
        "sir",
        "madam",
        "whom",
        "to",
        "committee",
        "panel",
        "colleagues",
        "friends",
        # The greeting words themselves, should one ever be read as the name.
        "dear",
        "hi",
        "hello",
        "hey",
        "good",
    ]
)
# Only where the note speaks of the employer it applies to: "the role at Globex", "to join
# Initech", "the team at Globex". "At Brightline I built ..." names a past employer and is fine.
_COMPANY = lazy_re(
    r"(?:\b(?:role|position|job|opening|opportunity|internship|vacancy|post|career|future|interview)"
    r"\s+(?:here\s+)?(?:at|with)\s+"
    r"|\b(?:to\s+join|joining|join)\s+(?:you\s+at\s+|the\s+(?:\w+\s+)?team\s+at\s+)?"
    r"|(?<!my\s)(?<!our\s)(?<!former\s)(?<!previous\s)(?<!current\s)(?<!old\s)"
    r"\b(?:team|everyone|people)\s+(?:here\s+)?at\s+"
    # "contribute to" and a bare "interested in" take skills and projects as often as
    # employers ("interested in Python automation"), so only the forms that name a workplace
    # count.
    r"|\b(?:to\s+work|to\s+contribute)\s+(?:at|for)\s+"
    r"|\binterest(?:ed)?\s+in\s+(?:joining|working\s+(?:at|for))\s+)"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:&\s+)?[A-Z][\w&'.-]*){0,3})",
)
_CAPITALISED_STOP = frozenset(
    [
        "I",
        "I'm",
        "I'd",
        "I've",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "The",
        "This",
        "That",
        "You",
        "Your",
        "My",
        "Our",
        "We",
        "It",
        "He",
        "She",
        "They",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "English",
        "LinkedIn",
        "Zoom",
        "Teams",
        "Google",
        "Meet",
        "Slack",
        "Thanks",
        "Thank",
        "Best",
        "Regards",
    ]
)


def greeted_name(doc: Document) -> re.Match[str] | None:
    """Where the greeting names its reader ("Dana", "Doyle" of "Dear Prof. Doyle"): the match,
    whose group ``name`` is the name; None without a greeting or a name in it ("Dear team")."""
    greeting = doc.body.greeting
    if greeting is None:
        return None
    m = _GREETING_NAME.match(doc.work, greeting.start, greeting.end)
    if m is None or _words(m.group("name")) & _NOT_A_NAME:
        return None
    return m


# A Japanese honorific after a name ("Dear Takahashi-san") is not part of the name.
_HONORIFIC = re.compile(r"-(?:san|sama|sensei|shi)$")


def _words(text: str) -> set[str]:
    found = re.findall(r"[\w'\u00c0-\u024f-]+", text.casefold())
    return {_HONORIFIC.sub("", w) for w in found if len(w) > 1}


def _known(interview: Interview) -> set[str]:
    known = _words(interview.company) | _words(interview.role)
    for person in interview.interviewers:
        known |= _words(person.name)
        if person.title:
            known |= _words(person.title)
        for topic in person.topics:
            known |= _words(topic)
    if interview.sender is not None:
        known |= _words(interview.sender.name)
    return known


class WrongRecipient(Rule):
    """Naming the wrong person or company is the one mistake a reader never overlooks.

    Why it matters, and good and bad examples: ``checker/data/rules/wrong-recipient.yaml``.
    """

    id = "wrong-recipient"
    example_interview: ClassVar[dict[str, Any] | None] = EXAMPLE_INTERVIEW

    def check(self, doc: Document) -> Iterator[Finding]:
        interview = doc.interview
        if interview is None:
            return
        known = _known(interview)
        greeted = greeted_name(doc) if interview.interviewers else None
        words = _words(greeted.group("name")) if greeted is not None else set()
        if greeted is not None and words and not words & known:
            name = greeted.group("name")
            right = interview.interviewers[0].name if len(interview.interviewers) == 1 else None
            yield doc.finding(
                self.id,
                self.severity,
                f"The greeting names {name}, who is not among the interviewers on record "
                f"({', '.join(i.name for i in interview.interviewers)}).",
                greeted.start("name"),
                greeted.end("name"),
                right.split()[0] if right else None,
                replaces_span=right is not None,
            )
        company_words = _words(interview.company)
        for m in doc.matches(_COMPANY, cased=True):
            name = m.group("name").rstrip(".")
            first = name.split()[0]
            if first in _CAPITALISED_STOP:
                continue
            words = _words(name)
            if words & known or words & company_words:
                continue
            yield doc.finding(
                self.id,
                self.severity,
                f"The note names {name}, but the interview on record is with {interview.company}.",
                m.start("name"),
                m.start("name") + len(name),
                interview.company,
                replaces_span=True,
            )
