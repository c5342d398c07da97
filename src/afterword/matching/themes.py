"""What a question asks about, and what a story is about: themes.

"Tell me about a time you disagreed with your manager" shares no useful word with a story about
pushing back on a release date, and a generic embedding rates it close to any story that
mentions a manager. What the question asks about (a conflict, a failure, a deadline...) is what
an interviewer listens for, so both sides are read for the same small set of themes, each
recognised by cue phrases in the words of questions and of stories alike.

The themes are data: add one by adding a :class:`Theme` to :data:`THEMES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from afterword.matching.text import fold, split_compounds, tokens


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    #: How a reason names it: "both are about {about}".
    about: str
    #: Regular-expression alternatives, matched at word starts in lower-cased text.
    cues: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "conflict",
        "a disagreement or a difficult person",
        (
            r"disagree\w*",
            r"conflict\w*",
            r"push(?:ed|ing)? back",
            r"pushback",
            r"stand up to",
            r"stood up to",
            r"argu\w+",
            r"tension",
            r"friction",
            r"rivalry",
            r"complain\w*",
            r"complaint\w*",
            r"accus\w+",
            r"threaten\w*",
            r"difficult (?:person|people|customer|client|stakeholder)",
            r"difficult (?:colleague|coworker|co-worker|manager|boss)",
            r"angry",
            r"upset",
            r"shout\w*",
            r"de-?escalat\w*",
            r"confront\w*",
            r"difference of opinion",
            r"more senior",
        ),
    ),
    Theme(
        "failure",
        "a mistake or a failure and what came of it",
        (
            r"mistake\w*",
            # A person's failure, not a system's ("payments failed for an hour").
            r"failures?",
            r"failing",
            r"(?:i|we|you|they|he|she) failed",
            r"failed (?:to|at)",
            r"went wrong",
            r"lost money",
            r"didn't land",
            r"did not land",
            r"didn't work",
            r"setback\w*",
            r"owned (?:up|the call|it)",
            r"owned up",
            r"own up",
            r"learned from",
            r"learnt from",
            r"lesson\w*",
            r"nobody used",
            r"no one used",
            r"wast(?:ed|e)",
            r"an error",
            r"error of mine",
            r"caught late",
            r"the way you hoped",
            r"underpaid",
        ),
    ),
    Theme(
        "deadline",
        "working against a deadline or under pressure",
        (
            r"deadline\w*",
            r"tight (?:deadline|timeline|schedule)",
            r"time pressure",
            r"under pressure",
            r"pressure",
            r"stress\w*",
            r"crunch",
            r"overnight",
            r"to spare",
            r"\d+-hour",
            r"(?:days|weeks) before",
            r"(?:days|weeks) left",
            r"(?:days|weeks) to launch",
            r"(?:days|weeks) to ship",
            r"urgent\w*",
            r"at short notice",
            r"last-minute",
            r"last minute",
        ),
    ),
    Theme(
        "leadership",
        "leading a team",
        (
            r"led",
            r"lead(?:ing|er|ership)?",
            r"working group",
            r"took (?:incident )?command",
            r"in charge",
            r"headed",
            r"rall(?:y|ied)",
            r"team of \w+",
            r"managed (?:a|the|my) team",
        ),
    ),
    Theme(
        "mentoring",
        "helping someone grow",
        (
            r"mentor\w*",
            r"coach\w*",
            r"junior",
            r"new hire",
            r"one-on-ones?",
            r"helped (?:someone|him|her|them|a colleague)",
            r"someone on (?:your|my) team",
            r"help (?:\w+ )?grow",
            r"helped (?:\w+ )?grow",
            r"struggling",
            r"people development",
        ),
    ),
    Theme(
        "learning",
        "learning something new quickly",
        (
            r"learn (?:a )?(?:new|whole)",
            r"learned (?:a )?(?:new|whole)",
            r"learning (?:a )?(?:new|whole)",
            r"learn\w* quickly",
            r"learn\w* fast",
            r"taught myself",
            r"self-taught",
            r"self-learning",
            r"picked up",
            r"pick up",
            r"new (?:technology|tool|field|skill|language|domain)",
            r"unfamiliar",
            r"don't know",
            r"did not know",
            r"nobody knew",
            r"took a course",
            r"course",
            r"from scratch",
            r"quickly",
        ),
    ),
    Theme(
        "feedback",
        "taking feedback or criticism",
        (
            r"feedback",
            r"criticis\w+",
            r"critique\w*",
            r"told me (?:that|after)",
            r"asked for examples",
            r"constructive",
        ),
    ),
    Theme(
        "data",
        "working with data and analysis",
        (
            r"data",
            r"analy\w+",
            r"dashboard\w*",
            r"metric\w*",
            r"sql",
            r"dbt",
            r"forecast\w*",
            r"report\w*",
            r"spreadsheet\w*",
            r"excel",
            r"model(?:s|ing|led)?",
            r"statistic\w*",
            r"numbers",
            r"census",
        ),
    ),
    Theme(
        "customer",
        "customers and the people served",
        (
            r"customer\w*",
            r"client\w*",
            r"users?",
            r"patients?",
            r"shoppers?",
            r"famil(?:y|ies)",
            r"parents?",
            r"students?",
            r"account\w*",
            r"service",
        ),
    ),
    Theme(
        "negotiation",
        "negotiating and selling",
        (
            r"negotiat\w+",
            r"deals?",
            r"contract\w*",
            r"price\w*",
            r"pricing",
            r"supplier\w*",
            r"vendor\w*",
            r"procurement",
            r"leverage",
            r"renew\w*",
            r"sales",
            r"sell\w*",
            r"closed",
            r"signed",
            r"roi",
        ),
    ),
    Theme(
        "efficiency",
        "saving time or money",
        (
            r"cost\w*",
            r"spend\w*",
            r"budget\w*",
            r"sav(?:e|ed|es|ing|ings)",
            r"efficien\w+",
            r"faster",
            r"automat\w+",
            r"process\w*",
            r"streamlin\w+",
            r"under control",
            r"bill\b",
            r"cheap\w*",
            r"from \w+ days to",
            r"time to hire",
            r"in half",
            r"halved",
        ),
    ),
    Theme(
        "prioritization",
        "prioritising competing demands",
        (
            r"prioriti\w+",
            r"competing",
            r"trade-?offs?",
            r"what not to",
            r"would not do",
            r"backlog",
            r"roadmap\w*",
            r"capacity",
            r"requests from",
            r"impact and effort",
        ),
    ),
    Theme(
        "ambiguity",
        "working with little direction",
        (
            r"ambigu\w+",
            r"unclear",
            r"(?:no|little|without) direction",
            r"no (?:plan|budget|owner|goal|brief|spec)",
            r"vague",
            r"uncertain\w*",
            r"figure out",
            r"open-ended",
        ),
    ),
    Theme(
        "initiative",
        "taking initiative",
        (
            r"initiative",
            r"without being asked",
            r"on (?:my|your) own",
            r"ownership",
            r"proactive\w*",
            r"stepped up",
            r"volunteered to",
            r"nobody asked",
            r"everyone had learned to ignore",
        ),
    ),
    Theme(
        "change",
        "leading people through change",
        (
            r"change\w*",
            r"reorg\w*",
            r"merg\w+",
            r"acquisition",
            r"transition\w*",
            r"integrat\w+",
            r"together",
            r"cultures?",
            r"rollout",
            r"adopt\w*",
        ),
    ),
    Theme(
        "communication",
        "explaining to an audience",
        (
            r"explain\w*",
            r"present\w*",
            r"non-?technical",
            r"plain(?:ly)?",
            r"audience",
            r"slides",
            r"deck",
            r"communicat\w+",
            r"simplif\w+",
            r"black box",
            r"lunch session",
            r"storytelling",
        ),
    ),
    Theme(
        "incident",
        "handling an outage or a crisis",
        (
            r"outage\w*",
            r"goes down",
            r"went down",
            r"incident\w*",
            r"crisis",
            r"emergency",
            r"failed for",
            r"on-call",
            r"paged",
            r"night pages",
            r"postmortem",
            r"production",
            r"recover\w*",
        ),
    ),
    Theme(
        "launch",
        "taking something new to market",
        (
            r"launch\w*",
            r"idea to market",
            r"go-to-market",
            r"new product",
            r"from zero",
            r"mvp",
            r"pilot\w*",
            r"beta",
            r"waitlist",
            r"ship(?:ped)?",
        ),
    ),
    Theme(
        "growth",
        "growing an audience, leads or revenue",
        (
            r"grow\w*",
            r"grew",
            r"leads?",
            r"traffic",
            r"sign-ups?",
            r"signups?",
            r"conversion\w*",
            r"funnel",
            r"seo",
            r"inbound",
            r"organic",
            r"email list",
            r"audience",
            r"fivefold",
            r"revenue",
        ),
    ),
    Theme(
        "quality",
        "quality, accuracy and safety",
        (
            r"quality",
            r"safety",
            r"safe",
            r"accura\w+",
            r"errors",
            r"defects?",
            r"tests?",
            r"testing",
            r"audit\w*",
            r"complian\w+",
            r"trust(?:ed)?",
            r"mis-picks?",
            r"checks",
        ),
    ),
    Theme(
        "hiring",
        "hiring and staffing",
        (
            r"hir(?:e|es|ed|ing)",
            r"recruit\w*",
            r"open roles",
            r"headcount",
            r"talent",
            r"candidates?",
            r"staff\w*",
            r"volunteers?",
            r"referral",
            r"shifts?",
        ),
    ),
    Theme(
        "inclusion",
        "accessibility and inclusion",
        (
            r"accessib\w+",
            r"disabilit\w+",
            r"don't speak english",
            r"bilingual",
            r"inclusi\w+",
            r"spanish",
            r"language",
            r"wcag",
        ),
    ),
    Theme(
        "stakeholders",
        "winning over stakeholders",
        (
            r"stakeholder\w*",
            r"executives?",
            r"board",
            r"buy-in",
            r"ceo",
            r"coo",
            r"director",
            r"department heads",
            r"leadership team",
            r"persuad\w+",
            r"convinc\w+",
        ),
    ),
)

THEMES_BY_ID = {theme.id: theme for theme in THEMES}

# Speed matters: a library of a thousand stories is read on every ranking, and one pattern of
# three hundred alternatives costs Python's engine about 2 ms a story. So a cue that is one word
# is looked up per distinct word (and remembered), and a cue of several words is tried only on
# texts that hold its longest plain word.
_PLAIN = re.compile(r"[a-z'-]+")


#: Each theme is a bit, in the order of :data:`THEMES`: the themes of a text are a few ORs of
#: small ints, and a ranking compares a thousand stories' themes in one numpy operation.
THEME_BIT = {theme.id: 1 << i for i, theme in enumerate(THEMES)}
if len(THEMES) > 62:  # the bits must fit a numpy int64
    raise RuntimeError("more themes than bits: keep sets of themes in wider ints")


def _themes_by_cue() -> dict[str, int]:
    cues: dict[str, int] = {}
    for theme in THEMES:
        for cue in theme.cues:
            cues[cue] = cues.get(cue, 0) | THEME_BIT[theme.id]
    return cues


_SETS: dict[int, frozenset[str]] = {}


def themes_of_bits(bits: int) -> frozenset[str]:
    """The ids of the themes of ``bits``, one object for each set (a library has a few
    hundred), which keeps the feature cache small and the garbage collector's walks short."""
    found = _SETS.get(bits)
    if found is None:
        found = frozenset(ordered_themes(bits))
        if len(_SETS) < 50_000:  # bounded, though a library's themes combine in a few hundred ways
            _SETS[bits] = found
    return found


def ordered_themes(bits: int) -> tuple[str, ...]:
    """The ids of the themes of ``bits`` in the order of :data:`THEMES` (a set's order changes
    with Python's hash seed; this one never does)."""
    return tuple(theme.id for theme in THEMES if bits & THEME_BIT[theme.id])


def bits_of(theme_ids: Iterable[str]) -> int:
    """The bits (:data:`THEME_BIT`) of the themes ``theme_ids``."""
    bits = 0
    for theme_id in theme_ids:
        bits |= THEME_BIT[theme_id]
    return bits


_BY_CUE = _themes_by_cue()
_SINGLE = [(re.compile(cue), ids) for cue, ids in _BY_CUE.items() if " " not in cue]


class _Phrase:
    """A cue of several words, found as ``\\b(?:cue)\\b`` finds it, 25 times faster: a
    pattern that starts with ``\\b`` makes Python's engine try every position of the text,
    while one that starts with letters lets it skip to where they occur. So the cue is looked
    for without its leading ``\\b``, and each place found is checked with it."""

    __slots__ = ("_fast", "_full", "_key_after", "_key_before", "_needs", "bits")

    def __init__(self, cue: str, bits: int, key: str) -> None:
        self._key_after, self._key_before = f"{key}-", f"-{key}"
        self._fast = re.compile(rf"(?:{cue})\b")
        self._full = re.compile(rf"\b(?:{cue})\b")
        self.bits = bits
        #: The cue's other plain words, which every match holds: a text without one of them
        #: cannot match, and a substring test says so far faster than the search. (The word
        #: the cue is filed under is in the text already.)
        self._needs = tuple(p for p in _necessary_parts(cue) if _PLAIN.fullmatch(p) and p != key)

    def hyphenated(self, text: str) -> bool:
        """Whether ``text`` joins the cue's key word to another with a hyphen."""
        return self._key_after in text or self._key_before in text

    def search(self, text: str) -> bool:
        for needed in self._needs:
            if needed not in text:
                return False
        at = 0
        while (found := self._fast.search(text, at)) is not None:
            if self._full.match(text, found.start()):  # \b looks behind the start position
                return True
            at = found.start() + 1
        return False


def _necessary_parts(cue: str) -> list[str]:
    """The space-separated parts of ``cue`` outside any group (so not optional, nor one of
    several alternatives); none where the cue is several alternatives at its top level."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(cue):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and char == "|":
            return []
        if depth == 0 and char == " ":
            parts.append(cue[start:at])
            start = at + 1
    return [*parts, cue[start:]]


# A cue of several words, filed under its longest plain word (every such cue must have one).
_PHRASES: dict[str, list[_Phrase]] = {}
for _cue, _bits in _BY_CUE.items():
    if " " in _cue:
        _key = max((p for p in _cue.split(" ") if _PLAIN.fullmatch(p)), key=len)
        _PHRASES.setdefault(_key, []).append(_Phrase(_cue, _bits, _key))
_PHRASE_KEYS = frozenset(_PHRASES)


def _first_letter_dispatch(cues: list[str]) -> str:
    buckets: dict[str, list[str]] = {}
    for cue in cues:
        buckets.setdefault(cue[0] if cue[0].isalnum() else "", []).append(cue)
    return "|".join(
        f"(?={first})(?:{'|'.join(group)})" if first else "|".join(group)
        for first, group in buckets.items()
    )


_ANY_SINGLE = re.compile(_first_letter_dispatch([c.pattern for c, _ in _SINGLE]))
_WORD_THEMES: dict[str, int] = {}


def _first(cue: str) -> str:
    """The letter every word the cue matches starts with ("" where that is not known)."""
    return cue[0] if cue[0].isalnum() and cue[1:2] not in ("?", "*", "{") else ""


# The single-word cues by first letter: a word is tried against its letter's few, not all.
_SINGLE_BY_FIRST: dict[str, list[tuple[re.Pattern[str], int]]] = {}
for _pattern, _bits in _SINGLE:
    _SINGLE_BY_FIRST.setdefault(_first(_pattern.pattern), []).append((_pattern, _bits))


def _themes_of_word(word: str) -> int:
    found = _WORD_THEMES.get(word)
    if found is None:
        found = 0
        if _ANY_SINGLE.fullmatch(word):
            for cue, bits in _SINGLE_BY_FIRST.get(word[0], []) + _SINGLE_BY_FIRST.get("", []):
                if cue.fullmatch(word):
                    found |= bits
        if len(_WORD_THEMES) < 200_000:  # a memo of a pure function, bounded
            _WORD_THEMES[word] = found
    return found


def themes_of(text: str) -> frozenset[str]:
    """The ids of the themes whose cues occur in ``text``."""
    folded = fold(text)
    return themes_of_words(folded, split_compounds(tokens(folded)))


def cue_words(distinct: Iterable[str]) -> dict[str, int]:
    """The words of ``distinct`` that are cues on their own, with the bits of their themes, or
    that cues of several words are filed under (bits 0 where they are only that)."""
    out: dict[str, int] = {}
    memo = _WORD_THEMES.get
    for word in distinct:
        bits = memo(word)
        if bits is None:
            bits = _themes_of_word(word)
        if bits or word in _PHRASE_KEYS:
            out[word] = bits
    return out


def themes_of_words(folded: str, words: Iterable[str]) -> frozenset[str]:
    """The ids of the themes of a :func:`~afterword.matching.text.fold`-ed text, given its
    words (repeats allowed), for a caller that has split the text already."""
    words = set(words)
    return themes_of_bits(theme_bits(folded, words, cue_words(words)))


def theme_bits(folded: str, words: Iterable[str], cues: dict[str, int]) -> int:
    """:func:`themes_of_words` as bits (:data:`THEME_BIT`), for a caller that reads many texts
    and looked all their words up at once with :func:`cue_words`."""
    hits = cues.keys() & words
    found = 0
    for word in hits:
        found |= cues[word]
    unhyphenated: str | None = None
    hyphenated = "-" in folded
    for key in _PHRASE_KEYS.intersection(hits):
        for phrase in _PHRASES[key]:
            # A phrase adds nothing that single words found already: skip its search.
            if phrase.bits & ~found and phrase.search(folded):
                found |= phrase.bits
            elif hyphenated and phrase.bits & ~found and phrase.hyphenated(folded):
                # "push-back", "tight-deadline": a compound of a phrase's words is the phrase.
                if unhyphenated is None:
                    unhyphenated = folded.replace("-", " ")
                if phrase.search(unhyphenated):
                    found |= phrase.bits
    return found


def describe(theme_ids: Iterable[str]) -> list[str]:
    return [THEMES_BY_ID[t].about for t in theme_ids if t in THEMES_BY_ID]
