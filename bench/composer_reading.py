"""The reading rubric: the composer's notes, and automated checks for the defects a reader finds.

    .venv/bin/python bench/composer_reading.py [FOLDER ...] [--generated N] [--variants V] [--quiet]

Prints every note (one per interviewer, V variants, default 2, warm tone) for the debriefs in
each FOLDER (default: bench/data/composer-debriefs and composer-debriefs2 to 11),
then the defects found in them,
then the same checks over N (default 1,000) generated debriefs (panels, moments asked by one
panelist, an offended interviewer, titles such as "Dr." and "Prof.", names such as Łukasz
Nowak or Ioana Ștefănescu, official company names with "Ltd" or "Inc." and role titles with
commas; stories, moments, written better answers and research drawn from
bench/data/matching.yaml, the examples and bench/data/composer-debriefs; warm and formal tone in
turn). Each defect is counted and its sentence quoted:

- ``no-subject``: a sentence (or a clause after a semicolon) that starts with a verb or a
  participle ("Split ingestion into three services.", "Shipped in nine weeks.");
- ``no-antecedent``: a pronoun (it, they, them, this, that, she, he, him, her, both) with
  nothing in the paragraph before it that it can stand for;
- ``panel-repeat``: one story, research item or figure in the notes to two panelists (in any
  variants: the one sent may be any of them, and panels compare notes);
- ``wrong-asker``: a note that follows up a moment another panelist asked;
- ``pasted-name``: a comma'd role or title, a legal form ("Inc.", "Ltd") or a registration
  number anywhere in the note (subject, greeting, body, sign-off);
- ``no-amends``: the debrief records that the writer offended an interviewer, and the note to
  them has no apology;
- ``stray-amends``: a note apologizes to someone the debrief does not say was offended;
- ``not-clean``: a draft the checker finds an error or a warning in (but the warning that a
  note the debrief gave nothing to add adds nothing: those are counted apart, below);
- ``name-not-ready``: a note to a name with letters outside ASCII that is not ready, or whose
  greeting does not spell the name as written.

``--quiet`` leaves out the notes. The exit status is 1 when any defect is found. The counts
before and after the composer's fixes are in bench/composer_reading_results.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from afterword.composer import Draft, compose
from afterword.composer.facts import same_person
from afterword.debrief_file import load_debrief_file
from afterword.matching import Matcher
from afterword.model import (
    Cause,
    Debrief,
    Interview,
    Interviewer,
    Moment,
    MomentKind,
    Person,
    Research,
    Story,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"


def _bench_composer() -> ModuleType:
    """bench/composer.py, whose generator's stories, moments and research these reuse."""
    name = "bench_composer"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, DATA.parent / "composer.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


bench_composer = _bench_composer()
FOLDERS = tuple(
    DATA / f"composer-debriefs{n}"
    for n in (
        "",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
    )
)

DEFECTS = (
    "no-subject",
    "no-antecedent",
    "panel-repeat",
    "wrong-asker",
    "pasted-name",
    "no-amends",
    "stray-amends",
    "not-clean",
    "name-not-ready",
)


@dataclass(frozen=True, slots=True)
class Defect:
    kind: str
    to: str
    sentence: str
    why: str = ""


# -- sentences -------------------------------------------------------------------------------

# A full stop after these is no end of a sentence ("Dr. Kaya", "St. Aldhelm's", "e.g. this").
_ABBREVIATIONS = (
    "dr|mr|mrs|ms|mx|st|prof|revd|rev|fr|sr|jr|no|nos|vs|etc|e\\.g|i\\.e|inc|ltd|co|corp|approx"
    "|dept"
)


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences (a full stop after a title or an abbreviation ends none)."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])\s+", paragraph):
        before = paragraph[start : match.start()]
        word = re.search(r"(\S+)$", before)
        after = paragraph[match.end() : match.end() + 1]
        last = word.group(1).rstrip(".").casefold() if word else ""
        if re.fullmatch(_ABBREVIATIONS, last) or re.fullmatch(r"[a-z]", last):
            continue
        if not after or not re.match(r"[\"“(A-Z0-9À-ÖØ-Þ]", after):
            continue
        out.append(paragraph[start : match.start()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[\w][\w'’-]*", text)


def _wordlist(text: str) -> list[str]:
    return text.split()


# -- (a) a sentence with no subject -----------------------------------------------------------

# Past forms and base forms a story's or a plan's verb clause starts with.
_IRREGULAR = frozenset(
    _wordlist(
        """
    built rebuilt ran led cut split set grew made won took brought sold wrote kept went got gave
    found taught bought drove began saw held met spent told paid stood fell rose put shut sent
    lost became chose drew fed fought forgot hid hit hung knew laid lent let lit meant overran
    overtook oversaw rewrote sank sat shot shrank slept sped spoke spun stole stuck struck swept
    swung thought threw understood undertook woke wore withdrew
    """
    )
)
_BASE = frozenset(
    _wordlist(
        """
    start call find map get code check reconcile build use run add move ask make split cut lead
    write ship hire train agree review create track measure meet focus keep take give fix plan
    introduce design launch deliver reduce increase improve set up open close audit analyse
    analyze interview visit phone email draft prepare present pilot test rebuild rewrite
    """
    )
)
# Words ending in -ed that are no verb of a fragment.
_NOT_VERBS = frozenset(
    _wordlist(
        """
    indeed need red bed seed speed feed weed reed shed united ted fred ned jed ahmed mohammed
    mohamed hundred kindred naked wicked sacred
    """
    )
)
# A subject after an opening participial phrase: "Looking back, I would...".
_SUBJECT_AFTER_COMMA = re.compile(
    r",\s+(?:I|we|he|she|they|it|you|the|my|our|his|her|their|your|this|that|these|those|a|an"
    r"|[A-Z][\w'’-]+)\b"
)
_FRAGMENT_OPENERS = frozenset({"looking", "hoping", "happy", "glad", "excited", "grateful"})


#: The imperatives a note may open with: "Thank you", "Please let me know", "Let me know".
_IMPERATIVES = frozenset({"thank", "thanks", "please", "let"})
_AUXILIARIES = frozenset(
    _wordlist(
        "is are was were has have had will would can could did do does shall should may might"
    )
)


def _finite_later(clause: str) -> bool:
    """Whether the part of ``clause`` before its first comma has a finite verb after its first
    word that is no second verb of the first one's ("... refunded twice", "... were marked";
    not "... and cut latency")."""
    words = _words(clause.split(",")[0])
    for i, (prev, word) in enumerate(itertools.pairwise(words[1:])):
        w = word.casefold()
        if prev.casefold() in ("and", "or", "then", "but", "to"):
            continue
        if w in _AUXILIARIES or (_verb_like(word) and w not in _BASE | _FRAGMENT_OPENERS):
            return True
        # "Reclaimed fill by the bay means liquefaction": a verb in the present after a noun.
        if i >= 1 and w in _PRESENT_S and prev.casefold() not in _FUNCTION:
            return True
    return False


_PRESENT_S = frozenset(
    _wordlist(
        "means needs makes shows gives takes keeps requires depends matters helps costs runs "
        "goes comes says"
    )
)


def _noun_before_verb(words: Sequence[str]) -> bool:
    """A base form, a noun, then a finite verb: the first two are the subject ("lead
    acceptance went", "test coverage rose"), where an order would go on to its object ("Split
    ingestion into", "Use the numbers")."""
    if len(words) < 3 or words[1].casefold() in _FUNCTION or _verb_like(words[1]):
        return False
    third = words[2].casefold()
    return third in _AUXILIARIES or (
        _verb_like(words[2]) and third not in _BASE | _FRAGMENT_OPENERS
    )


def _verb_like(word: str) -> bool:
    w = word.casefold()
    if w in _NOT_VERBS:
        return False
    if w in _IRREGULAR or w in _BASE or w in _FRAGMENT_OPENERS:
        return True
    return len(w) > 4 and w.endswith("ed")


def subjectless(sentence: str, names: Iterable[str] = ()) -> str | None:
    """Why ``sentence`` (or one of its clauses after a semicolon) has no subject, or None.

    A clause that opens with a verb or a participle and never reaches a subject is a fragment
    pasted from a story or a plan ("Split ingestion into three services", "Shipped in nine
    weeks"); "Thank you", "Thanks", "Please" and "Let me know" are the only imperatives a note
    may open with."""
    known = {w.casefold() for name in names for w in _words(name)}
    clauses = [sentence] + [c for c in re.split(r";\s*", sentence)[1:]]
    for number, clause in enumerate(clauses):
        words = _words(clause)
        if not words:
            continue
        first = words[0]
        if number > 0 and not first[:1].islower():
            continue  # after a semicolon, a capital is a name: "; Wealdstone has..."
        if first.casefold() in known:
            continue
        if number == 0 and first.casefold() in _IMPERATIVES:
            continue
        if not _verb_like(first):
            continue
        if _SUBJECT_AFTER_COMMA.search(clause):
            continue
        if first.casefold() not in _BASE | _FRAGMENT_OPENERS and _finite_later(clause):
            continue  # a participle before a noun: "Retried requests were refunded twice"
        if _noun_before_verb(words):
            continue  # a verb's form used as a noun: "lead acceptance went from 48% to 81%"
        return f"opens with {first!r} and has no subject"
    return None


# -- (a) a pronoun with no antecedent ---------------------------------------------------------

_FUNCTION = frozenset(
    _wordlist(
        """
    a an the and or but if so as at by for from in into of on onto to with without about after
    before since until while when where how what why which who whom whose than then there here
    i me my mine myself we us our ours you your yours he him his she her hers it its they them
    their theirs this that these those both each every all some any no not one more most much
    many few other another such very also just only even still again too really well
    is am are was were be been being has have had do does did will would shall should can could
    may might must let lets let's i'd i'm i've i'll it's that's there's we'd we're we've
    thank thanks please dear hello hi yesterday today tomorrow week month year example
    wanted want glad happy pleased keen like love loved enjoyed appreciated kept thinking
    add share mention say talk talked spoke chat chatted hear heard learned learn found looked
    since afterwards later first last next again up out over down off back
    """
    )
)
_PERSONS = frozenset(
    _wordlist(
        """
    man woman men women boy girl child children kid kids baby mother father parent parents son
    daughter family person people someone somebody anyone colleague colleagues coworker peer
    engineer engineers nurse nurses manager managers director pupil pupils student students
    rep reps representative colleague mentor mentee teacher teachers chef chefs cook analyst
    developer designer supervisor officer coordinator volunteer volunteers trainee trainees
    lead head member members candidate doctor gp surgeon surgeons driver drivers worker workers
    employee employees hire hires recruit apprentice accountant librarian paramedic paramedics
    resident residents guest guests tenant tenants patient patients customer customers client
    clients user users buyer buyers owner owners founder ceo cfo cto vp boss staff team
    auditor auditors inspector estimator receptionist cashier server housekeeper housekeepers
    caller callers learner learners grantee grantees donor donors teammate teammates intern
    interns graduate graduates sponsor stakeholder stakeholders executive executives
    director directors chair trustee trustees principal headteacher dsl pharmacist technician
    technicians therapist consultant registrar specialist author speaker he she him her
    participant participants chief chiefs
    """
    )
)
_COLLECTIVE = frozenset(
    _wordlist(
        """
    team teams company companies staff family hospital city client customer school board
    committee panel department firm bank business organisation organization group council
    trust government people police management practice unit clinic ward store shop agency
    charity foundation partner partners vendor vendor supplier suppliers carrier carriers
    class crew squad union press public market audience both couple pair
    """
    )
)
_SINGULAR_S = re.compile(r"(?:ss|us|is|ics|ys|ws|news|series|species)$")
# "It" that stands for nothing by design: "it was great to...", "if it would help".
_EXPLETIVE_IT = re.compile(
    r"(?i)\bit(?:'s|’s|\s+(?:is|was|would|will|has|had|might|may|could|seems|seemed|felt"
    r"|took|takes|made|makes|turned\s+out|helps|helped))\b"
    r"(?:\s+(?:be|been|have|really|also|still|not|just|so|very|a|an|the|\w+ly))*"
    r"\s+(?:great|good|nice|lovely|a\s+pleasure|a\s+privilege|helpful|useful|clear|easy|hard"
    r"|difficult|worth|important|interesting|possible|wonderful|fun|kind|generous|help"
    r"|to\b|that\b|out\s+of\s+(?:place|line)|\w+ed\b)"
)
_PRONOUNS = {
    "it": "thing",
    "they": "plural",
    "them": "plural",
    "both": "plural",
    "she": "person",
    "he": "person",
    "him": "person",
    "her": "person",
    "this": "thing",
    "that": "thing",
}
_AUX_OR_VERB = re.compile(
    r"^(?:is|was|are|were|'s|’s|has|had|have|would|will|could|can|might|may|meant|helped|led"
    r"|made|cut|worked|works|went|got|took|gave|showed|shows|means|became|stayed|stuck|came"
    r"|\w+ed)$",
    re.I,
)


def _is_noun_like(word: str, after_the: bool) -> bool:
    w = word.casefold()
    if w in _FUNCTION or w in _PRONOUNS or not re.search(r"[a-z]", w):
        return False
    return after_the or len(w) > 2


def _antecedents(tokens: Sequence[str], names: set[str]) -> set[str]:
    """What the words before a pronoun offer it to stand for: "thing", "plural", "person"."""
    found: set[str] = set()
    for i, token in enumerate(tokens):
        w = token.casefold().strip("'’")
        prev = tokens[i - 1].casefold() if i else ""
        # A capitalised word in mid-sentence may be a name ("Priya told me"); an acronym
        # ("SQL", "ICU") is none.
        name = i and token[:1].isupper() and not token.isupper() and w not in _FUNCTION
        if w in _PERSONS or w in names or name:
            found.add("person")
        if w in _COLLECTIVE or re.fullmatch(r"\d[\d,.]*", w):
            found.add("plural")
        if w.endswith("s") and len(w) > 3 and not _SINGULAR_S.search(w) and w not in _FUNCTION:
            found.add("plural")
        if w in ("and",) and i and _is_noun_like(tokens[i - 1], False):
            found.add("plural")
        if _is_noun_like(token, prev in ("the", "a", "an", "my", "our", "your", "their")):
            found.add("thing")
    if "person" in found:
        found.add("thing")
    return found


def _pronoun_use(tokens: Sequence[str], i: int, sentence: str) -> bool:
    """Whether tokens[i] is used as a pronoun (this/that/both as a determiner or "that" as a
    conjunction stand for nothing)."""
    w = tokens[i].casefold()
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if w in ("this", "that"):
        # "that cut the backlog", "about that." ; not "this role", "so that", "I think that".
        if i + 1 >= len(tokens):
            return True
        if w == "that" and i and tokens[i - 1].casefold() not in ("and", "but", "how", "so"):
            # A relative "that" after a noun stands for the noun; a conjunction for nothing.
            return False
        return _AUX_OR_VERB.match(nxt) is not None
    if w == "both":
        return _AUX_OR_VERB.match(nxt) is not None or nxt.casefold() in ("now", "still", "of")
    return True


def unanchored(paragraph: str, names: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The pronouns of ``paragraph`` with nothing before them in it to stand for, each with its
    sentence: [(sentence, why)]."""
    known = {w.casefold() for name in names for w in _words(name)}
    out: list[tuple[str, str]] = []
    before: list[str] = []
    for sentence in sentences(paragraph):
        tokens = _words(sentence)
        # "it" in "it was great to hear" stands for what follows, not for anything before.
        expletive = {m.start() for m in _EXPLETIVE_IT.finditer(sentence)}
        offsets = [m.start() for m in re.finditer(r"[\w][\w'’-]*", sentence)]
        for i, token in enumerate(tokens):
            w = token.casefold()
            need = _PRONOUNS.get(w)
            if need is None or not _pronoun_use(tokens, i, sentence):
                continue
            if len(token) > 1 and token.isupper():
                continue  # an acronym: "the IT Service Desk role"
            if w == "it" and offsets[i] in expletive:
                continue
            offered = _antecedents([*before, *tokens[:i]], known)
            if need not in offered:
                out.append((sentence, f"{token!r} has nothing before it to stand for ({need})"))
                break
        before.extend(tokens)
    return out


# -- (d) a pasted official name ---------------------------------------------------------------

_LEGAL = re.compile(
    # A legal form in quotes is a term talked about ('"plc" brings a UK listing assumption').
    r"(?<![\"“'‘])\b(?:Inc|Ltd|LLC|LLP|PLC|plc|GmbH|AG|S\.A|SAS|BV|N\.V|Pty|Corp|Limited|Co)\b"
    r"(?![\"”'’])\.?"
    r"|\((?:Company|Charity|Reg(?:istered|istration)?\.?)\s+(?:No|Number|no)\b"
    r"|\b(?:Company|Charity|Registration|Registered)\s+(?:No\.?|Number)\s*:?\s*\d"
    r"|\b\d{7,}\b"
)
# A title with a comma before the word that says it is a title: "the Nurse, Cardiac ICU role".
_COMMA_TITLE = re.compile(
    r"\b(?:the|your|a|an)\s+((?:[A-Z][\w&'’/-]*\s+){0,5}[A-Z][\w&'’/-]*,\s+(?:[\w&'’/()-]+\s+){0,6}?)"
    r"(?:role|position|post|job|vacancy|opening)\b"
)


def pasted(text: str, official: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Official names pasted into ``text``: a legal form, a registration number, a comma'd
    title, or one of ``official`` (the company, role and titles as recorded, where they hold a
    comma, brackets or a legal form) verbatim."""
    out: list[tuple[str, str]] = []
    for sentence in (s for line in text.splitlines() for s in sentences(line)):
        legal = _LEGAL.search(sentence)
        if legal:
            out.append((sentence, f"legal form or number {legal.group(0)!r}"))
            continue
        title = _COMMA_TITLE.search(sentence)
        if title:
            out.append((sentence, f"comma'd title {title.group(1).strip()!r}"))
            continue
        for name in official:
            if name in sentence:
                out.append((sentence, f"the official name {name!r}"))
                break
    return out


def _official(interview: Interview) -> list[str]:
    names = [interview.company, interview.role, *(i.title or "" for i in interview.interviewers)]
    return [n for n in names if re.search(r"[,()]", n) or _LEGAL.search(n)]


# -- (e) the apology owed ---------------------------------------------------------------------

_TITLES = frozenset(_wordlist("mr mrs ms miss mx dr prof professor sir dame rev revd canon"))
_APOLOGY = re.compile(r"(?i)\b(?:sorry|apologi[sz]e|apologies|apology|regret)\b")


def offended(interview: Interview) -> list[Interviewer]:
    """Who the debrief says was offended: the interviewers its notes on the causes name where
    they tell who took offence ("Renée ... she didn't laugh"), the first one named, or every
    interviewer where the notes name none."""
    if Cause.offended_interviewer not in interview.debrief.causes:
        return []
    notes = interview.debrief.cause_notes or ""
    hits: dict[str, list[int]] = {}
    for person in interview.interviewers:
        # A title two panelists share ("Prof.") tells them apart no more than "the".
        parts = [p for p in _words(person.name) if len(p) > 2 and p.casefold() not in _TITLES]
        hits[person.name] = [
            m.start() for p in parts for m in re.finditer(rf"\b{re.escape(p)}\b", notes)
        ]
    named = [(min(hits[p.name]), p) for p in interview.interviewers if hits[p.name]]
    if not named:
        return list(interview.interviewers)
    # Whoever answered back in their own words ('She said, very evenly, "I run the lab."') is
    # the one offended: the person named last before those words.
    quoted = re.search(r"\bsaid\b[^.\"“]{0,30}[\"“]", notes)
    if quoted is not None:
        before = [
            (max(h), p)
            for p in interview.interviewers
            if (h := [at for at in hits[p.name] if at < quoted.start()])
        ]
        if before:
            return [max(before, key=lambda pair: pair[0])[1]]
    return [min(named, key=lambda pair: pair[0])[1]]


# -- the checks over one interview's drafts ---------------------------------------------------

_FIGURE = re.compile(r"[$£€]?\d[\d,.]*(?:\s?%|[kKM]\b)?")


def _body(draft: Draft) -> str:
    return "\n".join(draft.paragraphs)


def _people(interview: Interview) -> list[str]:
    people = [i.name for i in interview.interviewers]
    if interview.sender:
        people.append(interview.sender.name)
    return [*people, interview.company]


def _figures(text: str) -> set[str]:
    return {
        f.rstrip(".,").replace(" ", "")
        for f in _FIGURE.findall(text)
        if len(re.sub(r"\D", "", f)) >= 2 or re.search(r"[$£€%kKM]", f)
    }


def _sources(interview: Interview) -> list[tuple[str, str]]:
    """The stories and research items of an interview, each as (what it is, its text)."""
    out = [
        (f"story {s.title!r}", " ".join(filter(None, [s.situation, s.action, s.result])))
        for s in interview.stories
    ]
    out += [(f"research on {r.topic!r}", r.text) for r in interview.research]
    return out


def _shared_facts(a: Draft, b: Draft, interview: Interview) -> str | None:
    """What two notes of one panel both tell: the same story or research item, or the same
    figure of one story or research item."""
    ea = {(e.kind, e.title.casefold()) for e in a.evidence if e.kind in ("story", "research")}
    eb = {(e.kind, e.title.casefold()) for e in b.evidence if e.kind in ("story", "research")}
    both = ea & eb
    if both:
        kind, title = sorted(both)[0]
        return f"both tell the {kind} {title!r}"
    fa, fb = _figures(_body(a)), _figures(_body(b))
    context = _figures(f"{interview.company} {interview.role}")
    for figure in sorted((fa & fb) - context):
        for what, text in _sources(interview):
            if figure not in _figures(text):
                continue
            # The same figure in two facts ("a 20% discount", "beat their targets by 20%") is
            # no repeat: each note's sentence must say it in the source's words.
            own = _content(text)
            if all(
                any(len(own & _content(s)) >= 3 for s in sentences(_body(d)) if figure in s)
                for d in (a, b)
            ):
                return f"both give {figure} from the {what}"
    return None


def _content(text: str) -> set[str]:
    return {w.casefold() for w in _words(text) if len(w) > 3 and w.casefold() not in _FUNCTION}


def _quoted(sentence: str, paragraph: str) -> bool:
    """Whether ``sentence`` stands inside quotation marks in ``paragraph``: speech the writer
    quotes, where an order is what they would say, not an order to the reader."""
    at = paragraph.find(sentence)
    before = paragraph[: max(at, 0)]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def check_drafts(interview: Interview, drafts: Sequence[Draft]) -> list[Defect]:
    """Every defect of the rubric in the drafts of one interview."""
    defects: list[Defect] = []
    names = _people(interview)
    official = _official(interview)
    panel = len(interview.interviewers) > 1
    owed = {p.name for p in offended(interview)}
    moments = interview.debrief.moments
    for draft in drafts:
        for paragraph in draft.paragraphs:
            for sentence in sentences(paragraph):
                if _quoted(sentence, paragraph):
                    continue  # words the writer would say ("Plan for a diversion: ...")
                why = subjectless(sentence, names)
                if why:
                    defects.append(Defect("no-subject", draft.to, sentence, why))
            for sentence, why in unanchored(paragraph, names):
                defects.append(Defect("no-antecedent", draft.to, sentence, why))
        for sentence, why in pasted(f"{draft.subject}\n{draft.text}", official):
            defects.append(Defect("pasted-name", draft.to, sentence, why))
        numbers = {e.moment for e in draft.evidence if e.moment} | {draft.moment} - {None}
        for number in sorted(n for n in numbers if n is not None):
            asker = moments[number - 1].asked_by
            # "asked_by: Guðmundur" is Guðmundur Ari Jóhannsson.
            if panel and asker and not same_person(asker, draft.to):
                said = next(
                    (
                        s
                        for p in draft.paragraphs
                        for s in sentences(p)
                        if re.search(r"(?i)\byou\s+asked|\byour\s+question", s)
                    ),
                    draft.paragraphs[-1],
                )
                defects.append(
                    Defect("wrong-asker", draft.to, said, f"moment {number} was {asker}'s")
                )
        apology = _APOLOGY.search(_body(draft))
        if draft.to in owed and not apology:
            defects.append(
                Defect("no-amends", draft.to, draft.paragraphs[0], "no apology to the offended")
            )
        elif apology and draft.to not in owed:
            said = next(s for p in draft.paragraphs for s in sentences(p) if _APOLOGY.search(s))
            defects.append(Defect("stray-amends", draft.to, said, "an apology to another"))
        if not draft.clean:
            found = [f"{f.rule} ({f.severity}): {f.excerpt!r}" for f in draft.findings]
            left = [x for x, f in zip(found, draft.findings, strict=True) if f.severity != "info"]
            defects.append(Defect("not-clean", draft.to, _body(draft)[:120], "; ".join(left)))
        if not draft.to.isascii():
            greeting = draft.text.splitlines()[0]
            parts = [unicodedata.normalize("NFC", p) for p in _words(draft.to)]
            if not draft.ready or not any(p in greeting for p in parts):
                defects.append(Defect("name-not-ready", draft.to, greeting, "greeting or ready"))
    if panel:
        # Any variant may be the one sent: no two notes to two panelists may share a fact.
        for i, a in enumerate(drafts):
            for b in drafts[i + 1 :]:
                shared = _shared_facts(a, b, interview) if a.to != b.to else None
                if shared:
                    where = f"{a.to} ({a.variant}) / {b.to} ({b.variant})"
                    defects.append(Defect("panel-repeat", where, _body(b)[:160], shared))
    return defects


# -- generated debriefs -----------------------------------------------------------------------

NAMES = [
    "Łukasz Nowak", "Ida Ødegård", "Ioana Ștefănescu", "Dr. Mei Chen", "Prof. Anil Gupta",
    "Dr. Siobhán Byrne", "José Álvarez", "Zoë Grünewald", "Dana Lee", "Tom Becker",
    "Kwame Mensah", "Sam O'Neil", "Renée Dubois-Carter", "Nguyễn Văn An", "Björn Åkesson",
    "Prof. Ingrid Sørensen", "Chloé Marchand", "Priya Natarajan",
]  # fmt: skip
TITLES = [
    None, "Head of Marketing", "Registered Nurse, Cardiac ICU", "Director of Finance, EMEA",
    "Senior HR Business Partner", "Engineering Manager, Payments Platform", "Chief Nursing Officer",
]  # fmt: skip
COMPANIES = [
    "Acme Robotics Inc.", "Northwind Health Ltd", "Blue Harbor Logistics, LLC",
    "St. Aldhelm's Regional Medical Center", "Globex Corporation", "Lumen Books",
    "Brightwave Schools Trust (Company No. 08123456)", "Kestrel Freight Analytics GmbH",
    "The Harrow, Wealdstone & Pinner Community Foundation", "Hallmark & Vance Medical Supply Co.",
]  # fmt: skip
ROLES = [
    "Registered Nurse, Cardiac ICU", "Senior Data Analyst",
    "Territory Sales Representative, Surgical Devices — Southeast (Atlanta, GA)",
    "Grants Manager, Community Programmes (Part-Time, 0.8 FTE)", "Customer Success Lead",
    "Software Engineer II, Payments Platform", "Operations Manager", "Year 4 Teacher",
]  # fmt: skip
JOKES = [
    "When {name} asked about my last manager I made a joke about HR that landed badly; "
    "{first} did not laugh and was cooler for the rest of the interview.",
    "I interrupted {name} twice while {first} was explaining the team's process, and it "
    "clearly annoyed them.",
    "I said the company's product looked dated, and {first} took it personally.",
]


def pool() -> tuple[list[Story], list[dict[str, Any]], list[Research]]:
    """What generated debriefs draw on: the stories and moments of bench/data/matching.yaml and
    bench/composer.py's research, with the stories, moments (and their written better answers)
    and research of the examples and of bench/data/composer-debriefs. (composer-debriefs2 stays
    out: it is read as written, by no generator.)"""
    stories, moments = bench_composer.load()
    research = list(bench_composer.RESEARCH)
    for path in [*sorted((ROOT / "examples").glob("*.yaml")), *sorted(FOLDERS[0].glob("*.yaml"))]:
        interview = load_debrief_file(path)
        stories += interview.stories
        research += interview.research
        moments += [
            {
                "question": m.question,
                "topic": m.topic,
                "better_answer": m.better_answer,
                "answer": list(m.stories),
            }
            for m in interview.debrief.moments
        ]
    unique = {s.title.casefold(): s for s in stories}
    return list(unique.values()), moments, research


def generated(
    rng: random.Random,
    stories: list[Story],
    moments: list[dict[str, Any]],
    research: Sequence[Research] = bench_composer.RESEARCH,
) -> Interview:
    """One debrief of the kind a reader trips over: a panel, each moment asked by one of them,
    names in any script, titles, official company names and comma'd role titles."""
    people = rng.sample(NAMES, rng.choice([1, 2, 2, 3, 3, 4]))
    interviewers = [
        Interviewer(
            name=name,
            title=rng.choice(TITLES),
            email=rng.choice([None, "person@example.org"]),
            topics=rng.sample(bench_composer.TOPICS, rng.randint(0, 3)),
        )
        for name in people
    ]
    library = rng.sample(stories, rng.randint(0, 8))
    titles = {s.title for s in library}
    chosen = rng.sample(moments, rng.randint(1, 5))
    weak = []
    for m in chosen:
        answer = m.get("answer")
        linked = [a for a in ([answer] if isinstance(answer, str) else answer or []) if a in titles]
        weak.append(
            Moment(
                question=m["question"],
                kind=rng.choice(list(MomentKind)),
                topic=rng.choice([None, m.get("topic"), "data quality", "email marketing"]),
                better_answer=rng.choice([*bench_composer.BETTER, m.get("better_answer")]),
                asked_by=rng.choice([None, *[p.name for p in interviewers] * 2]),
                stories=linked if rng.random() < 0.5 else [],
            )
        )
    causes = rng.sample(list(Cause), rng.randint(0, 2))
    notes = None
    if rng.random() < 0.25:
        causes = [Cause.offended_interviewer, *[c for c in causes if c != "offended_interviewer"]]
        target = rng.choice(interviewers)
        plain = [p for p in target.name.split() if not p.endswith(".")]
        notes = rng.choice(JOKES).format(name=target.name, first=plain[0])
    return Interview(
        company=rng.choice(COMPANIES),
        role=rng.choice(ROLES),
        ended_at="2026-11-24T15:30:00-05:00",
        sender=rng.choice([None, Person(name="Alex Kim", email="alex@example.org")]),
        interviewers=interviewers,
        debrief=Debrief(moments=weak, causes=causes, cause_notes=notes),
        stories=library,
        research=rng.sample(list(research), rng.randint(0, 2)),
    )


# -- the run ----------------------------------------------------------------------------------


def _print_drafts(name: str, drafts: Sequence[Draft]) -> None:
    print(f"## {name}\n")
    for draft in drafts:
        left = [f"{f.rule} ({f.severity})" for f in draft.findings if f.severity != "info"]
        print(f"### To {draft.to} (variant {draft.variant})\n")
        print(f"Subject: {draft.subject}\n")
        print("\n".join("    " + line for line in draft.text.splitlines()))
        print(f"\nChecker: {', '.join(left) or 'ready'}\n")


def report(
    title: str, found: list[tuple[str, Defect]], drafts: Sequence[Draft], quotes: int
) -> None:
    counts = Counter(d.kind for _, d in found)
    print(f"# Defects: {title} ({len(drafts)} drafts)\n")
    for kind in DEFECTS:
        print(f"- {kind}: {counts[kind]}")
    named = [d for d in drafts if not d.to.isascii()]
    ready = sum(d.ready for d in named)
    print(f"\nNotes to names outside ASCII: {len(named)}, ready: {ready}")
    empty = sum(d.adds_nothing for d in drafts)
    print(f"Notes the debrief gave nothing to add (marked so, with advice): {empty}\n")
    by_kind: dict[str, list[tuple[str, Defect]]] = defaultdict(list)
    for where, defect in found:
        by_kind[defect.kind].append((where, defect))
    for kind in DEFECTS:
        for where, d in by_kind[kind][:quotes]:
            print(f'  [{kind}] {where}, to {d.to}: {d.why}\n      "{d.sentence}"')
        if len(by_kind[kind]) > quotes:
            print(f"  [{kind}] ... and {len(by_kind[kind]) - quotes} more")
    print()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    parser.add_argument("--generated", type=int, default=1000)
    parser.add_argument("--variants", type=int, default=2)
    parser.add_argument("--quotes", type=int, default=15, help="quotes per defect and set")
    parser.add_argument("--quiet", action="store_true", help="leave out the notes")
    args = parser.parse_args(argv)

    found: list[tuple[str, Defect]] = []
    everything: list[Draft] = []
    for folder in args.folders:
        for path in sorted(folder.glob("*.y*ml")):
            interview = load_debrief_file(path)
            now = interview.ended_at + timedelta(hours=16)
            drafts = compose(interview, seed=1, variants=args.variants, now=now)
            everything += drafts
            if not args.quiet:
                _print_drafts(f"{folder.name}/{path.stem}", drafts)
            found += [(path.stem, d) for d in check_drafts(interview, drafts)]
    names = ", ".join(folder.name for folder in args.folders)
    report(f"the debriefs of {names}", found, everything, 1000)

    stories, moments, research = pool()
    rng = random.Random(2027)
    Matcher(stories)  # the model loaded once
    made: list[tuple[str, Defect]] = []
    generated_drafts: list[Draft] = []
    for number in range(args.generated):
        interview = generated(rng, stories, moments, research)
        tone = "formal" if number % 2 else "warm"
        drafts = compose(interview, seed=number, variants=args.variants, tone=tone)
        generated_drafts += drafts
        made += [(f"generated {number}", d) for d in check_drafts(interview, drafts)]
    if args.generated:
        report(f"{args.generated} generated debriefs", made, generated_drafts, args.quotes)
    return 1 if found or made else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
