"""``grammar-slip``: verb forms a fluent reader stumbles on, with the likely correction."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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


# "it take 12 to 24 months", "the soil need it", "the museum still use my numbers": a verb
# left in its bare form after a singular subject, as writers whose first language marks no
# person on the verb often do. After a noun, only verbs that are seldom nouns themselves ("the
# base pay", "the land use", "the total cost" are nouns) unless an adverb stands between ("the
# museum still use"), and only before what a verb takes (an object, a preposition, an adverb),
# so that a compound noun ("the price increase") is never read as a subject and its verb.
def _s(verb: str) -> str:
    if verb.endswith(("ch", "sh", "ss", "x", "o")):
        return verb + "es"
    return verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in "aeiou" else verb + "s"


_SAFE_VERBS = (
    "need", "take", "make", "react", "seem", "depend", "mean", "go", "give", "know", "want",
    "become", "contain", "require", "remain", "belong", "happen", "appear", "allow", "include",
    "affect", "decide", "exist", "prefer", "understand", "get", "keep", "say", "think", "grow",
    "stay", "feel", "bring", "begin", "believe", "provide", "lose", "continue", "learn",
    "follow", "create", "spend", "remember", "consider", "expect", "reach", "suggest", "sell",
    "send", "arrive", "ask", "come", "explain", "attach", "rotate", "compare", "connect",
    "calculate", "accept", "receive", "replace", "remove", "prevent", "protect", "manage",
    "reduce", "improve", "deliver", "generate", "identify", "combine", "ensure", "detect",
    "notify", "apply",
)  # fmt: skip
_NOUN_LIKE_VERBS = ("use", "pay", "cost", "work", "help", "show", "change", "run", "stop", "look")
_THIRD_PERSON = {verb: _s(verb) for verb in (*_SAFE_VERBS, *_NOUN_LIKE_VERBS)}
# Nouns a bare verb agrees with: plurals without an "s", and collectives British English
# takes as plural ("the staff need", "the team want").
_PLURAL_NOUNS = (
    "staff|team|people|police|crew|family|management|government|board|committee|public"
    "|cattle|personnel|children|men|women|data|media|sheep|fish|feet|teeth|series|couple"
)
_AFTER_VERB = (
    r"(?:the|a|an|it|them|him|her|me|us|my|our|your|his|their|its|this|that|these|those|more"
    r"|less|some|any|all|no|to|from|in|on|at|up|out|down|back|slow|slowly|fast|time|longer"
    r"|years?|months?|weeks?|days?|hours?|minutes?|place|care|sure|over|into|with|two|three"
    r"|four|five|six|ten|twelve|several|many|much)\b|\d|[$£€]"
)
_ADVERB = r"(?:still|also|always|usually|often|never|only|really|now|normally|sometimes)"
# Verbs a subject follows as an object before a bare infinitive ("let it go", "made him take
# it"), and the auxiliaries of a question ("does the soil need it", "will it take long").
_NOT_AFTER = "".join(
    rf"(?<!\b{w}\s)"
    for w in (
        "let", "lets", "make", "makes", "made", "help", "helps", "helped", "have", "had",
        "see", "saw", "watch", "hear", "heard", "does", "did", "do", "will", "would", "can",
        "could", "should", "may", "might", "must", "to", "whether", "not", "has", "is",
    )
)  # fmt: skip
_VERBS = "|".join(_THIRD_PERSON)
_FUNCTION = (
    "(?:that|which|who|whom|whose|what|where|when|they|we|you|i|and|or|but|to|of|in|on|at"
    "|for|with|is|was|are|were|be|been|has|have|had|not|one|way|would|could|should|will"
    "|can|may|might|must|shall|do|does|did|own)"
)


# Found from the verb back: a verb of the list before what a verb takes, then its subject in
# the few words before it (one pattern over the whole note, with its subject, cost a third of
# the checker's speed).
def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` that shares their prefixes ("ne(?:ed|...)"): Python's
    ``re`` tries every branch of a flat one at each word of the note."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(tree)


# In lower case, as a verb after its subject is: a pattern that opens on a class of letters
# lets ``re`` skip to the words that can match (a third of the time of a case-blind one).
_VERB_AT = lazy_re(
    rf"(?=[{''.join(sorted({verb[0] for verb in _THIRD_PERSON}))}])"
    rf"\b(?P<verb>{_trie(_THIRD_PERSON)})\b\s+(?={_AFTER_VERB})"
)
_SUBJECT_WORDS = frozenset(["it", "he", "she", "this", "the", "my", "our", "his", "her", "its"])
_SUBJECT_BEFORE = lazy_re(
    rf"{_NOT_AFTER}\b(?:(?P<pronoun>it|he|she)|(?P<this>this)"
    rf"|(?:the|this|my|our|his|her|its)\s+(?:(?!{_FUNCTION}\b)[a-z]+\s+)?"
    rf"(?!(?:{_PLURAL_NOUNS}|{_FUNCTION}|{_ADVERB}|day|week|month|year|time|morning|night"
    rf"|first|last|next|same)\b)"
    # A plural ends in "s", but "process", "analysis" and "status" are singular.
    rf"(?P<noun>[a-z]+)(?<![^sui]s))\s+(?P<adverb>{_ADVERB}\s+)?$",
    re.IGNORECASE,
)
_SAFE = frozenset(_SAFE_VERBS)


def _agrees_not(m: re.Match[str]) -> bool:
    """Whether the verb of a :data:`_VERB_AT` match stands bare after a singular subject."""
    text = m.string
    start = max(0, m.start() - 60)
    # Most verbs of a note follow no such subject: the words before it say so at once.
    if not _SUBJECT_WORDS.intersection(text[start : m.start()].casefold().split()[-4:]):
        return False
    subject = _SUBJECT_BEFORE.search(text, start, m.start())
    if subject is None or _in_question(text, m.start()):
        return False
    if subject.group("pronoun"):
        return True
    # After a noun, a verb that is often a noun too ("the land use") only after an adverb.
    return m.group("verb").lower() in _SAFE or bool(
        subject.group("noun") and subject.group("adverb")
    )


def _in_question(text: str, start: int) -> bool:
    """Whether a match is in a question, whose verb an auxiliary carries ("How does clay in
    the ore affect the plant?")."""
    end = re.search(r"[.!?\n]", text[start:])
    return end is not None and end.group() == "?"


def _bare_verbs(text: str) -> Iterator[re.Match[str]]:
    return (m for m in _VERB_AT.finditer(text) if _agrees_not(m))


def agreed(text: str) -> str:
    """``text`` with a bare verb after a singular subject given its "s" ("it take 12 months"
    -> "it takes 12 months"): the composer corrects the writer's text so, where the fix is
    certain."""

    def fix(m: re.Match[str]) -> str:
        verb = m.group("verb")
        said = _THIRD_PERSON[verb.lower()]
        return (said.capitalize() if verb[0].isupper() else said) + m.group(0)[len(verb) :]

    out, last = [], 0
    for m in _bare_verbs(text):
        out += [text[last : m.start()], fix(m)]
        last = m.end()
    return "".join([*out, text[last:]])


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
        for m in doc.matches(_VERB_AT, cased=True):
            if _agrees_not(m):
                yield self._finding(doc, m, "verb", _THIRD_PERSON[m.group("verb").lower()])

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
