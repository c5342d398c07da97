"""``missing-new-information``: the note adds nothing the reader did not already have."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.text import lazy_re

_ACHIEVEMENT_VERB = (
    r"(?:increas|grew|grow|reduc|cut|sav|boost|improv|rais|lower|decreas|generat|driv|drove|doubl"
    r"|tripl|quadrupl|ship|launch|led|lead|manag|hir|train|mentor|built|build|clos|sold|sell|won"
    r"|deliver|scal|migrat|automat|streamlin|expand|onboard|recruit|publish|secur|negotiat"
    r"|accelerat|shortened|shrank|halv|achiev|exceed|surpass|coordinat|organi[sz]|rais)\w*"
)
# A change done by the writer and measured: "reduced churn by 18", "grew the list to 4,000".
# Found from the number back (a leading alternation of verbs would be tried at every position
# of every note): a number after "by", "to", "from", "of" or "over", then a verb before it in
# the same sentence.
_MEASURE = lazy_re(r"\b(?:by|to|from|of|over)\s+\d")
_ACHIEVED_BEFORE = lazy_re(rf"\b{_ACHIEVEMENT_VERB}\b[^.!?\n]{{0,60}}$")


# A count the writer achieved, as the object of their own deed: "I caught 11 feed failures",
# "I closed 14 deals", "I cut lag 40%" (no "by" or "to" before the figure).
_OWN_COUNT = lazy_re(
    r"\bi\s+(?:[a-z]+ly\s+)?(?:caught|flagged|fixed|resolved|closed|won|shipped|launched"
    r"|hired|trained|mentored|recruited|onboarded|published|cut|saved|raised|secured"
    r"|handled|processed|led|delivered|built|automated|migrated|sold|signed)\s+"
    r"(?:(?:over|about|nearly|almost|more\s+than|roughly|some)\s+)?[$£€]?\d"
)


def _measured_change(doc: Document) -> bool:
    scan, body = doc.scan, doc.body
    for m in _OWN_COUNT.finditer(scan, body.start, body.end):
        if not _restated(doc, m.start()):
            return True
    for m in _MEASURE.finditer(scan, body.start, body.end):
        # The word and its spaces within six characters of the number, as when each number
        # was looked back from (a search per number cost more than this one pass).
        if m.end() - m.start() > 7:
            continue
        if _ACHIEVED_BEFORE.search(
            scan, max(body.start, m.start() - 90), m.start()
        ) and not _restated(doc, m.start()):
            return True
    return False


# "hoping to hear good news" hopes for news; it brings none.
_NEWS_HOPED = lazy_re(
    r"\b(?:hear(?:ing)?|receiv\w*|get(?:ting)?|for|await\w*|bring\s+me|send\s+me)\s+(?:some\s+|any\s+)?$",
    re.IGNORECASE,
)
_NEWS = lazy_re(r"(?:good|great|exciting|some)\s+news$", re.IGNORECASE)


# A date or a phone number is not news: "January 6th", "(000) 745-5247", "10/12".
_NOT_A_FACT = lazy_re(r"^(?:\d{1,2}/\d{1,2}|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})$", re.IGNORECASE)


# "You asked about X: ..." opens an answer; "when you asked about X" only recalls the moment.
_RECALLED = lazy_re(
    r"\b(?:when|while|as|after|before|and|what|that|because|since|if|how|where)\s+$", re.IGNORECASE
)


# News passed on is someone else's word; the reader's own, or the writer's, is nothing new.
_TOLD = ("mentioned", "said", "told", "confirmed", "explained")
_OWN_OR_READERS = lazy_re(
    r"\b(?:you|I|we)(?:'d|'ve)?\s+(?:\w+\s+)?$|\b(?:as|like)\s+(?:was\s+|I\s+|we\s+)?$",
    re.IGNORECASE,
)

# Availability and years of experience are facts the interview itself often gave; a sentence that
# says so ("as I told you", "when you asked about X, which I have run for three years") restates.
_RESTATABLE = lazy_re(
    r"^I(?:'m|\s+am)\s+(?:also\s+|still\s+)?available\b|\bfor\s.*\byears$"
    # a step already done, recapped: "as we discussed, I completed my articles at ..."
    r"|^I(?:'ve|\s+have)?\s+(?:(?:just|recently|since|now|also|finally)\s+){0,2}(?:passed|earned|completed"
    r"|finished|obtained|won|published|relocated|moved\s+to)\b",
    re.IGNORECASE,
)
# A counted result restated: a sentence (or a list) that opens with the writer's own recap, "As I
# mentioned during the interview, I would bring: six years in AP, a team of four". "As we
# discussed, I ..." may still add the figure, and a link or an attachment is new whatever the
# sentence opens with.
_COUNTED = lazy_re(r"\d|\byears?\b|\bteam\s+of\b|\bpercent\b", re.IGNORECASE)
_NOT_COUNTED = lazy_re(r"https?:|www\.|\.(?:com|org|io)|\battach|\benclos", re.IGNORECASE)
_RECAP_OPENING = lazy_re(
    r"\s*+(?:and\s+|so\s+|but\s+)?(?:as|when)\s+I\s+(?:(?:already|briefly)\s+)?(?:mentioned|said|told\s+you|explained"
    r"|noted|described|outlined)\b",
    re.IGNORECASE,
)
_ALREADY_HEARD = lazy_re(
    r"\b(?:as\s+I\s+(?:told|mentioned\s+to|said\s+to)\s+you|as\s+I\s+(?:said|mentioned|explained)"
    r"|as\s+(?:we\s+)?discussed|as\s+you\s+know|when\s+you\s+asked|you\s+asked\s+(?:me\s+)?about)\b",
    re.IGNORECASE,
)


def _restated(doc: Document, pos: int) -> bool:
    start = doc.sentence_at(pos)[0]
    return start < pos and _RECAP_OPENING.match(doc.work, start, pos) is not None


class MissingNewInformation(Rule):
    """A note that only repeats the interview gives the reader no reason to think again.

    Why it matters, and good and bad examples: ``checker/data/rules/missing-new-information.yaml``.
    """

    id = "missing-new-information"

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.matches(self.phrases, ordered=False):
            if _NOT_A_FACT.match(m.group()):
                continue
            if _NEWS.match(m.group()) and _NEWS_HOPED.search(doc.before(m.start(), 20)):
                continue  # "hoping to hear good news soon"
            if m.group().startswith("you asked") and _RECALLED.search(doc.before(m.start(), 12)):
                continue  # "when you asked about X, I froze" recalls the question, adds nothing
            if m.group().startswith(_TOLD) and _OWN_OR_READERS.search(doc.before(m.start(), 20)):
                continue  # "as you said, the team is growing" is what the reader already has
            if _RESTATABLE.search(m.group()):
                start = doc.sentence_at(m.start())[0]
                if _ALREADY_HEARD.search(doc.work, start, m.start()):
                    continue  # "as I told you, I am available from June": they have it
            if (
                _COUNTED.search(m.group())
                and not _NOT_COUNTED.search(m.group())
                and _restated(doc, m.start())
            ):
                continue  # "as I mentioned, I bring six years in AP": a recap
            return
        if _measured_change(doc):
            return
        if doc.judge_finds("new_information"):
            return  # added in words no pattern lists (see checker/judge.py)
        yield doc.finding(
            self.id,
            self.severity,
            self.message,
            suggestion="One thing I wanted to add to our conversation: [a result, a number, "
            "or something you looked into since].",
        )
