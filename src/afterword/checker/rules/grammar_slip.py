"""``grammar-slip``: verb forms a fluent reader stumbles on, with the likely correction."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.text import lazy_re

# Verbs whose bare form is never a past participle, an adjective or a noun after "is"/"for"
# ("is cut", "was close", "for use", "for help" are all correct, so those words are left out).
_PARTICIPLE = {
    "reduce": "reduced",
    "improve": "improved",
    "decrease": "decreased",
    "complete": "completed",
    "finish": "finished",
    "deliver": "delivered",
    "create": "created",
    "develop": "developed",
    "organize": "organized",
    "organise": "organised",
    "prepare": "prepared",
    "handle": "handled",
    "solve": "solved",
    "grow": "grown",
    "rise": "risen",
    "fall": "fallen",
    "go": "gone",
    "make": "made",
    "take": "taken",
    "give": "given",
    "choose": "chosen",
    "write": "written",
    "build": "built",
    "sell": "sold",
    "lose": "lost",
}
_GERUND = {
    "make": "making",
    "do": "doing",
    "reduce": "reducing",
    "improve": "improving",
    "manage": "managing",
    "create": "creating",
    "develop": "developing",
    "organize": "organizing",
    "organise": "organising",
    "prepare": "preparing",
    "handle": "handling",
    "solve": "solving",
    "deliver": "delivering",
    "analyse": "analysing",
    "analyze": "analyzing",
    "negotiate": "negotiating",
    "coordinate": "coordinating",
    "give": "giving",
    "take": "taking",
}
_BE_BARE = lazy_re(
    r"\b(?:is|are|was|were|been|being)\s+(?:(?:also|then|now|already|successfully|finally)\s+)?"
    rf"(?P<verb>{'|'.join(_PARTICIPLE)})\b(?!-)",
    re.IGNORECASE,
)
# "responsible for make the forecast" (a preposition takes the -ing form); "to" is left out,
# where the bare form is right.
_PREPOSITION_BARE = lazy_re(
    r"\b(?:for|of|about|without|after|before|by)\s+"
    rf"(?P<verb>{'|'.join(_GERUND)})\s+(?:the|a|an|our|my|their|all|new|it|them|sure)\b",
    re.IGNORECASE,
)
# "from 8% until 2.5%": a range of figures runs "from ... to ...".
# Years and hours run "from 2019 until 2021", "from 9 until 5": only a measure (a currency, a
# percentage, a count of days...) is caught.
_UNTIL = lazy_re(
    r"\bfrom\s+(?:[$£€]\d[\d.,]*[kKmM]?|\d[\d.,]*\s*(?:%|[kKmM]\b|(?:days|weeks|months|minutes"
    r"|percent|points|tickets|errors|defects|complaints)\b))\s+(?P<word>until|till)\s+(?=[$£€]?\d)"
    # "1.0 until 1.2 g per kg": a range of decimals, never a time.
    r"|\b\d+\.\d+\s+(?P<word2>until|till)\s+(?=\d)"
)


# "Client in Monterrey was planning to leave" (an article dropped, as writers whose first
# language has none often do): a singular person or thing, capitalised only because it opens
# the sentence, then a preposition or a verb.
_NO_ARTICLE = lazy_re(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<noun>Client|Customer|Manager|Colleague|Supplier|Patient"
    r"|Student|User|Company|Boss|Director|Vendor|Partner|Coworker|Co-worker|Engineer|Nurse"
    r"|Teacher|Driver|Tenant|Guest|Caller|Buyer)\s+(?=(?:in|at|from|with|was|had|has"
    r"|is|asked|wanted|said|told|called|complained|needed|could|would|did)\b)"
)


# "in first 3 month", "2 year ago": a count above one before a unit left singular. Only units
# of time and a few countable words, where the plural is certain ("3 staff" is right).
_UNITS = {
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "hour": "hours",
    "minute": "minutes",
    "shift": "shifts",
    "client": "clients",
    "customer": "customers",
    "student": "students",
    "patient": "patients",
    "project": "projects",
}
_SINGULAR_COUNT = lazy_re(
    r"\b(?!(?:19|20)\d\d\b)(?:[2-9]|[1-9]\d{1,5}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    rf"(?P<unit>{'|'.join(_UNITS)})\b(?![-'’])(?!\s+(?:old|long|period|course|contract|plan|rota|programme|program|shift|cycle|window|lease|mark|review|stay|notice))"
    # "46 student volunteers": a noun before a plural noun is its modifier, not the counted.
    r"(?!\s+(?!(?:is|was|has|as|this|its|us|plus|across|versus)\b)[a-z]+s\b)",
    re.IGNORECASE,
)


def counted_plural(text: str) -> str:
    """``text`` with a unit after a count above one in the plural ("first 3 month" -> "first
    3 months"): the composer corrects a story's result so, where the fix is certain."""
    return _SINGULAR_COUNT.sub(
        lambda m: m.group(0)[: m.start("unit") - m.start()] + _UNITS[m.group("unit").lower()],
        text,
    )


class GrammarSlip(Rule):
    """A verb form a fluent reader stumbles on reads as a careless note.

    Why it matters, and good and bad examples: ``checker/data/rules/grammar-slip.yaml``.
    """

    id = "grammar-slip"

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.matches(_BE_BARE, cased=True):
            verb = m.group("verb")
            yield self._finding(doc, m, "verb", _PARTICIPLE[verb.lower()])
        for m in doc.matches(_PREPOSITION_BARE, cased=True):
            yield self._finding(doc, m, "verb", _GERUND[m.group("verb").lower()])
        for m in doc.matches(_UNTIL, cased=True):
            yield self._finding(doc, m, "word" if m.group("word") else "word2", "to")
        for m in doc.matches(_NO_ARTICLE, cased=True):
            yield self._finding(doc, m, "noun", "A " + m.group("noun").lower())
        for m in doc.matches(_SINGULAR_COUNT, cased=True):
            yield self._finding(doc, m, "unit", _UNITS[m.group("unit").lower()])

    def _finding(self, doc: Document, m: re.Match[str], group: str, better: str) -> Finding:
        start, end = m.span(group)
        return doc.finding(
            self.id,
            self.severity,
            f"{self.message} Likely: \u201c{better}\u201d.",
            start,
            end,
            better,
            replaces_span=True,
        )
