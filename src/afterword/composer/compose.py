"""From a debrief to one checked thank-you note per interviewer.

For each interviewer the composer plans what the note is about (one topic they discussed, the
most important weak moment for them, the evidence that is about it: see :mod:`.relevance`),
then writes it from the grammar with a seeded random choice, and runs the checker on it. A
draft that runs over the word limit is written again with shorter wording and a shorter form
of the same fact; one that the checker faults, or that reads too much like a sibling note (the
other interviewers of a panel compare notes), with other choices, then with other evidence,
and only then with a general line. The user's own words are the usual cause of a fault, and
dropping them is safer than sending them. No draft over the limit is handed out as within it:
if not even the plainest note fits, it says so (``over-word-limit``).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from afterword.checker.report import Finding
from afterword.composer import facts, relevance
from afterword.composer.draft import Draft, EvidenceUsed
from afterword.composer.grammar import Generator, tidy
from afterword.composer.phrases import GRAMMAR
from afterword.composer.suggest import suggestions_for
from afterword.errors import InputError
from afterword.model import Interview, Interviewer, Moment, MomentKind, Story

if TYPE_CHECKING:
    from afterword.matching import Candidate, Matcher, MomentEvidence

TONES = ("warm", "formal")
#: The shortest limit a whole note (thanks, one addition, a call to action) fits in.
MIN_WORDS = 50
MAX_VARIANTS = 10
#: Notes of one panel must differ at least this much (word 3-gram Jaccard below it).
PANEL_SIMILARITY = 0.35
#: The id of the finding the composer adds to a note it could not fit in the word limit.
OVER_LIMIT = "over-word-limit"

#: How much a weak moment matters to its reader: a question the writer could not answer most,
#: then what they forgot to say, then an answer that only could have been better.
_KIND_WEIGHT = {
    MomentKind.couldnt_answer: 3.0,
    MomentKind.forgot_to_mention: 2.0,
    MomentKind.could_be_better: 1.5,
}
#: The writer's own written better answer: a moment with one has something to follow up with
#: (worth a step of kind: an answer that could have been better, with the answer written,
#: beats a question the writer could not answer and has written nothing on since).
_ANSWER_WEIGHT = 2.0
#: What a closing offers to send or walk through: something the writer can really hand over.
#: A story's and research's offer follows from what they are (see :func:`_story_offer`,
#: :func:`_research_offer`); the user's better answer offers nothing more (it often explains
#: the interviewer's own field to them, and "a worked example" of it reads as a lecture).
_OFFER = {
    "hypothetical": "a one-page plan",
}
# What a story's action says it was: a technical design, an analysis of data, or a process
# the writer set up. Anything else (a conversation, a catch, a sale) has no document to offer.
_DESIGN = re.compile(
    r"(?i)\b(?:architecture|architected|schemas?|APIs?|microservices?|databases?|Redis|Kafka"
    r"|(?:data|ETL|ingestion|streaming|event|build|CI|deployment)\s+pipelines?|clusters?|replication|token\s+buckets?|cach(?:e|ing)|endpoints?|idempoten\w*)\b"
)
_DATA = re.compile(
    r"(?i)\b(?:analys\w*|analyz\w*|audit\w*|survey\w*|regression|quer(?:y|ies)|SQL|timestamps"
    r"|data\s+(?:set|model)|forecast\w*|scorecard|benchmark\w*|A/B)\b"
)
_PROCESS = re.compile(
    r"(?i)\b(?:plan|process|onboarding|checklists?|schedul\w+|rota|curriculum|guide|template"
    r"|forms?|reports?|workflow|phased|procedures?|polic(?:y|ies)|drills|rubric|playbook"
    r"|handbook|reconciliation|fund\s+codes|step|buddy\s+system|calendar|zones)\b"
)
# What research has made that the writer can send: "made myself a one-page comparison".
_MADE = re.compile(
    r"(?i)\b(?:made|wrote|drew\s+up|put\s+together|(?:re)?built|sketched|redid)\s+"
    r"(?:myself\s+|up\s+)?(?:(?:the|my|our)\s+(?:[\w-]+\s+){1,4}?(?:in|into|as)\s+)?"
    r"(?:a|an)\s+((?:[\w-]+\s+){0,3}?(?:comparison|summary|checklist|plan|table|map|outline"
    r"|timeline|list|matrix|model|prototype|draft|sketch|query))\b"
)


def _story_offer(told: str, hypothetical: bool) -> str | None:
    """What a note that tells a story as ``told`` can offer to send: a sketch of a design, a
    write-up of an analysis, an outline of a process; None (a plain next step) where what the
    note tells is none of them. Only what the note says counts: a design the story's title
    names but the note leaves out is one the reader never heard of, and a sales "pipeline"
    call is no design."""
    text = told
    if _DESIGN.search(text):
        return "a sketch of the design"
    if hypothetical:
        return _OFFER["hypothetical"]
    if _DATA.search(text):
        return "a short write-up of the analysis"
    if _PROCESS.search(text):
        return "a one-page outline of the approach"
    return None


def _research_offer(text: str, company: str) -> str | None:
    """What research can offer: what the writer made of it ("my one-page comparison"), or their
    notes; nothing where it is about the interviewer's own company or materials (they need no
    notes on their own documents)."""
    own = [w for w in re.findall(r"\w{4,}", company) if w.casefold() not in ("the", "and")]
    if re.search(r"(?i)\b(?:your|yours)\b", text) or any(
        re.search(rf"(?i)\b{re.escape(w)}\b", text) for w in own
    ):
        return None
    made = _MADE.search(text)
    if made:
        return f"my {made.group(1)}"
    # "My notes on it" offered to the expert who knows the subject best (round 10's Chief
    # Economist) reads as odd: only something the writer made is offered.
    return None


def _offering(forms: Sequence[_Form], hypothetical: bool) -> tuple[_Form, ...]:
    """A story's forms, each with the offer that fits what it tells (``offer`` empty where
    it tells nothing the writer could send: the close then proposes a next step). What the
    writer did counts, not the situation a story told in whole sentences opens with: an
    audit that found the problem was someone else's, and "a write-up of the analysis" would
    offer it as the writer's."""

    def deed(form: _Form) -> str:
        if form.evidence is None:
            return ""
        told = form.evidence.text
        if form.symbol is not None and form.symbol.startswith("told_"):
            return " ".join(facts.sentences(told)[1:])
        return told

    return tuple(
        replace(form, slots=(*form.slots, ("offer", _story_offer(deed(form), hypothetical) or "")))
        for form in forms
    )


#: A question about what the writer would do, not what they did.
_HYPOTHETICAL = re.compile(
    r"^\s*(?:how\s+would\s+you|what\s+would\s+you|how\s+might\s+you|design\b|imagine\b"
    r"|suppose\b|if\s+you\s+(?:were|had|joined)|walk\s+me\s+through\s+how\s+you\s+would"
    r"|what\s+is\s+your\s+approach|how\s+do\s+you\s+(?:plan|intend))",
    re.IGNORECASE,
)


@cache
def _generator() -> Generator:
    return Generator(GRAMMAR)


@dataclass(frozen=True, slots=True)
class _Form:
    """One length of a piece's evidence: the slots it fills and what the note then says."""

    slots: tuple[tuple[str, str], ...]
    evidence: EvidenceUsed | None
    #: The grammar symbol this length is said with, where not the piece's own (a story told
    #: in whole sentences needs a lead-in that ends in a full stop, not a colon).
    symbol: str | None = None


@dataclass(frozen=True, slots=True)
class _Piece:
    """One way to fill the follow-up: a grammar symbol, and its evidence in one or more
    lengths (longest first), so a tight word limit shortens the fact instead of dropping it."""

    symbol: str
    forms: tuple[_Form, ...]
    offer: str | None
    #: Carries a story's result or a research item: what the note is there to add (the user's
    #: better answer and the general lines are fallbacks for a debrief without one).
    backed: bool = False
    #: Research: its text and source, to tell whose material it restates.
    research: str = ""
    #: The writer's own apology that opened their answer ("I should begin by apologising for
    #: my remark about Moon Bakery"): the note's one apology where one is owed.
    amends: str = ""

    @property
    def evidence(self) -> EvidenceUsed | None:
        return self.forms[0].evidence

    @property
    def key(self) -> tuple[str, str] | None:
        e = self.evidence
        return (e.kind, e.title.casefold()) if e is not None and self.backed else None


@dataclass(slots=True)
class _Plan:
    interviewer: Interviewer | None
    topics: list[str]
    moment_number: int | None
    pieces: list[_Piece]
    #: The moment followed up has a story or research item that is about it.
    moment_backed: bool = False
    #: The stories and research that other panelists' notes lead with.
    told: frozenset[tuple[str, str]] = frozenset()
    #: The reader's main fumble where the debrief gives nothing to follow it up with: the
    #: note leaves it alone, and the advice says what would back it.
    unbacked: int | None = None
    #: A document the reader asked for in the interview ("the file", "a copy of the slides"):
    #: the note says it is attached (and the advice says to attach it).
    request: str | None = None
    #: A credential the writer forgot to mention (the story's title, and the clause that
    #: tells it), said in one sentence beside the follow-up: it is short, and it is the thing
    #: the writer most wanted to add.
    also: tuple[str, str] | None = None


def _forgotten_credentials(interview: Interview) -> list[tuple[int, Moment, str, str]]:
    """(moment number, moment, story title, clause) for each credential a moment of
    ``forgot_to_mention`` links to ("Forgot my flight dispatcher licence" and the story "ANAC
    flight dispatcher licence, 2021": "I gained the ANAC flight dispatcher licence in 2021")."""
    by_title = {s.title.casefold(): s for s in interview.stories}
    out = []
    for number, moment in enumerate(interview.debrief.moments, 1):
        if moment.kind is not MomentKind.forgot_to_mention:
            continue
        told = False
        for title in moment.stories:
            story = by_title.get(title.casefold())
            clause = facts.credential(story.result) if story and story.result else None
            if story is not None and clause is not None:
                out.append((number, moment, story.title, clause))
                told = True
        # Otherwise what the notes say was forgotten ("Forgot to say I'm booked to sit CAMS on
        # 14 January"), in the writer's words: the fact the reader never heard.
        said = None if told else facts.forgotten(moment.what_i_said or "")
        if said is not None:
            title = moment.stories[0] if moment.stories else ""
            fixed = facts.repaired(said)
            out.append((number, moment, title, said[:1] + fixed[1:]))
            continue
        if told:
            continue
        # Else the story it links to, in one clause ("Forgot completely the Python script
        # from the internship" and its story: "I wrote a Python script that..., and the
        # monthly lapse report went from 2 days to about 3 hours"): round 20's readers
        # missed it in every note, the one piece of real work the graduate had.
        for title in moment.stories[:1]:
            story = by_title.get(title.casefold())
            clauses = facts.story_clauses(story) if story is not None and story.result else []
            # Its first sentence: "I got a first (74%). Found that only 1 in 5..." goes on
            # without a subject.
            firsts = [facts.sentences(c)[0].rstrip(".") for c in clauses if c.startswith("I ")]
            fits = [c for c in firsts if 6 <= facts.word_count(c) <= 32]
            if story is not None and fits:
                out.append((number, moment, story.title, fits[0]))
    return out


def compose(
    interview: Interview,
    *,
    to: str | None = None,
    variants: int = 1,
    tone: str = "warm",
    max_words: int = 150,
    seed: int | None = None,
    now: datetime | None = None,
    library: Sequence[Story] = (),
    matcher: Matcher | None = None,
) -> list[Draft]:
    """Draft the thank-you notes of an interview: one per interviewer (only ``to``, if given),
    ``variants`` different ones each, every one checked with no error and no warning.

    ``library`` adds the user's other stories to the interview's own as evidence; ``now`` lets
    the note say "today" or "yesterday" (the core never reads a clock); ``seed`` makes the
    drafts repeatable (each draft records the seed it was written with).
    """
    if tone not in TONES:
        raise InputError(f"unknown tone {tone!r}: use warm or formal")
    if not 1 <= variants <= MAX_VARIANTS:
        raise InputError(f"variants must be between 1 and {MAX_VARIANTS}")
    if max_words < MIN_WORDS:
        raise InputError(
            f"a note needs at least {MIN_WORDS} words for the thanks, one addition and a call "
            "to action"
        )
    recipients: list[Interviewer | None] = list(interview.interviewers) or [None]
    found: Interviewer | None = None
    if to is not None:
        found = interview.interviewer(to.strip())
        if found is None:
            names = ", ".join(i.name for i in interview.interviewers) or "none on record"
            raise InputError(f"{to!r} is not an interviewer of this interview ({names})")
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    if matcher is None:
        from afterword.matching import Matcher, merge_stories

        matcher = Matcher(merge_stories(interview.stories, library), interview.research)
    # The whole panel is planned even for one note (--to): that note follows up the moment it
    # would in the panel, not the one another panelist's note takes up.
    planned = list(enumerate(_plan(interview, recipients, matcher)))
    if found is not None:
        planned = [(i, plan) for i, plan in planned if plan.interviewer is found]
    plans = [plan for _, plan in planned]
    context = _context(interview, now)
    # The debrief's acronyms, read once for all its drafts.
    capitals = _acronyms(interview)
    advice = suggestions_for(interview, library)

    drafts: list[Draft] = []
    accepted: list[Draft] = []
    for variant in range(1, variants + 1):
        panel: list[Draft] = []
        for position, plan in planned:
            own = [d for d in accepted if d.to == _name(plan.interviewer)]
            # What the other panelists' notes already tell, in any variant (the one the user
            # sends may be any of them): the plan foresees their leads, but a note that could
            # not use its lead tells another fact, and that one is theirs too.
            elsewhere = [
                e
                for d in accepted
                if d.to != _name(plan.interviewer)
                for e in d.evidence
                if e.kind != "topic"
            ]
            told = plan.told | frozenset((e.kind, e.title.casefold()) for e in elsewhere)
            # A fact is told by its figures too: a better answer that cites a story's result
            # ("email capture grew 200%") tells that story.
            figures = frozenset(f for e in elsewhere for f in _figures(e.text))
            draft = _write(
                interview,
                plan,
                context,
                tone,
                max_words,
                seed,
                variant,
                position,
                panel,
                own,
                accepted,
                told,
                figures,
                capitals,
            )
            panel.append(draft)
            accepted.append(draft)
        drafts.extend(panel)
    ordered = sorted(drafts, key=lambda d: (_order(plans, d.to), d.variant))
    return [_with_suggestions(d, advice, plans[_order(plans, d.to)], interview) for d in ordered]


_FIGURE = re.compile(r"[$£€]?\d[\d,.]*\d(?:\s?%|[kKM]\b)?|[$£€]?\d(?:\s?%|[kKM]\b)")


_YEAR = re.compile(r"(?:19|20)\d\d")


def _figures(text: str) -> frozenset[str]:
    """The figures of a fact ("200%", "$1.2M", "9 to 64"'s "64"), as told: what a panel would
    recognise in two notes. A year, a time of day or a single digit tells no fact apart ("in
    2025", "by 17:00": two stories of one writer share them)."""
    out = set()
    for m in _FIGURE.finditer(text):
        figure = m.group().replace(" ", "")
        before, after = text[max(m.start() - 1, 0) : m.start()], text[m.end() : m.end() + 1]
        if ":" in (before, after) or _YEAR.fullmatch(figure) or re.fullmatch(r"\d", figure):
            continue
        out.add(figure)
    return frozenset(out)


def _name(interviewer: Interviewer | None) -> str:
    return interviewer.name if interviewer is not None else "the hiring team"


def _order(plans: list[_Plan], to: str) -> int:
    return next(i for i, p in enumerate(plans) if _name(p.interviewer) == to)


def _context(interview: Interview, now: datetime | None) -> dict[str, str]:
    return {
        "role": facts.spoken_role(interview.role),
        "company": facts.spoken_company(interview.company),
        "opt_when": facts.when_phrase(interview, now),
        "decision": facts.decision_phrase(interview, now),
    }


# -- planning --------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 2}


def _plan(
    interview: Interview,
    recipients: list[Interviewer | None],
    matcher: Matcher,
) -> list[_Plan]:
    weak = [
        (number, moment)
        for number, moment in enumerate(interview.debrief.moments, 1)
        if moment.kind.is_weak
    ]
    found = {number: matcher.moment(number, moment, top=5) for number, moment in weak}
    company = interview.company
    panel = [i.name for i in interview.interviewers]
    pieces = {number: _moment_pieces(moment, found[number], company) for number, moment in weak}
    usable = [n for n, _ in weak if pieces[n]]
    backed = {n: any(p.backed for p in pieces[n]) for n in usable}

    names = [i.name for i in interview.interviewers]
    requested: dict[str, str] = {}
    for moment in interview.debrief.moments:
        found_request = facts.request(moment, names)
        if found_request is not None:
            requested.setdefault(*found_request)
    plans: list[_Plan] = []
    taken_moments: list[int] = []
    taken_topics: set[str] = set()
    told: set[tuple[str, str]] = set()  # the stories panelists' notes lead with
    for interviewer in recipients:
        topics = [facts.topic_phrase(t) for t in (interviewer.topics if interviewer else [])]
        # A topic another panelist's note already leads with goes to the back of the queue,
        # and one the writer was caught out on further back still.
        topics.sort(
            key=lambda t: (
                _about_writer(t),
                _flubbed(t, interview),
                t.casefold() in taken_topics,
            )
        )
        if topics:
            taken_topics.add(topics[0].casefold())
        about = _words(" ".join([*(interviewer.topics if interviewer else [])]))

        def importance(
            number: int, about: set[str] = about, reader: Interviewer | None = interviewer
        ) -> float:
            moment = interview.debrief.moments[number - 1]
            affinity = len(about & _words(f"{moment.topic or ''} {moment.question}"))
            # The main fumble wins: one the reader asked, then how badly it went, then the
            # writer's written answer to it. A story that fits it, or a word it shares with
            # the reader's topics, only decides between moments that matter alike (a story
            # that happens to fit a lesser moment must not outrank the question the writer
            # could not answer).
            answer = _ANSWER_WEIGHT if moment.better_answer else 0.0
            evidence = 0.5 if backed.get(number) else 0.0
            own = 10.0 if _asked_by(moment, reader) else 0.0
            # A mistake the reader put right in the room is the one they remember: round 20's
            # tree officer was corrected on the nesting law, and his note followed up another
            # question of the same reader's.
            righted = 1.0 if _put_right(moment) else 0.0
            # So is one whose notes say the writer left out their strongest card ("Did not
            # mention my own auditor certificate", round 21): the answer that says it.
            righted += (
                1.0 if moment.better_answer and _LEFT_OUT.search(moment.what_i_said or "") else 0.0
            )
            return (
                own
                + _KIND_WEIGHT[moment.kind]
                + answer
                + evidence
                + righted
                + 0.25 * min(2.0, affinity)
                - number / 1000
            )

        # A question a colleague asked is theirs to be followed up on ("You asked about..."
        # to the one who did not is a seam a panel notices), unless nothing else is left.
        mine = [n for n in usable if not _asked_by_another(interview, number=n, reader=interviewer)]
        fresh = [n for n in mine if n not in taken_moments]
        choice = max(fresh or mine, key=importance, default=None)
        bare = [
            n
            for n, _ in weak
            if not pieces[n] and not _asked_by_another(interview, number=n, reader=interviewer)
        ]
        unbacked = max(bare, key=importance, default=None) if choice is None else None
        chosen: list[_Piece] = []
        if choice is not None:
            taken_moments.append(choice)
            chosen = list(pieces[choice])
            lead = [p for p in chosen if p.backed]
            if choice in taken_moments[:-1] and len(lead) > 1:
                # The same moment as another panelist's note: lead with other evidence.
                chosen = lead[1:] + lead[:1] + [p for p in chosen if not p.backed]
            if len(recipients) == 1:
                # One note: its variants may take up the other weak moments too. (A panel's
                # notes keep a moment each, so that no two of them tell the same story.)
                for other in sorted(usable, key=importance, reverse=True):
                    if other != choice:
                        chosen += [p for p in pieces[other] if p.backed]
        for topic in topics[:2]:
            chosen += _topic_pieces(topic, matcher, interview.company)
        # Before a general line: the result behind an answer that went well with this reader.
        chosen += _went_well_pieces(interview, interviewer, len(recipients))
        chosen += _generic_pieces(
            topics[0]
            if topics and not _flubbed(topics[0], interview) and not _about_writer(topics[0])
            else None
        )
        # Research that restates the reader's own post or talk is no news to them; research
        # on a person of the panel ("Looked Zeynep up. Health care aide 2004-2015...") is the
        # writer's own homework, never sent to anyone.
        chosen = [
            p
            for p in chosen
            if not _readers_own(p.research, interviewer) and not facts.tells_of(p.research, panel)
        ]
        seen: set[tuple[str, str]] = set()
        unique = []
        for piece in chosen:
            if piece.key is None or piece.key not in seen:
                unique.append(piece)
                if piece.key is not None:
                    seen.add(piece.key)
        plans.append(
            _Plan(
                interviewer,
                topics,
                choice,
                unique,
                moment_backed=choice is not None and backed[choice],
                told=frozenset(told),
                unbacked=unbacked,
                request=requested.get(interviewer.name if interviewer else ""),
            )
        )
        if len(recipients) > 1:
            # What this note leads with, the next panelists' notes leave to it.
            lead_piece = next((p for p in unique if p.backed and p.key not in told), None)
            if lead_piece is not None and lead_piece.key is not None:
                told.add(lead_piece.key)
    return _with_forgotten_credentials(interview, plans)


def _with_forgotten_credentials(interview: Interview, plans: list[_Plan]) -> list[_Plan]:
    """Each credential the writer forgot to mention, given to one note that does not already
    follow up its moment: the note to whoever asked, a lone reader's, or the first of a
    panel's (panels compare notes, so it is said once)."""
    chosen = {p.moment_number for p in plans}
    out = list(plans)
    for number, moment, title, clause in _forgotten_credentials(interview):
        if number in chosen or not out:
            continue
        asker = next((i for i, p in enumerate(out) if _asked_by(moment, p.interviewer)), None)
        if asker is None and moment.asked_by is not None and len(out) > 1:
            continue  # asked by someone this note set does not write to
        # Asked by no one in particular: the reader whose topics it speaks to ("Excel and
        # Python" for a Python script), else the first.
        about = _words(f"{title} {' '.join(_skills(interview, title))}") - _COMMON
        keen = next(
            (
                i
                for i, p in enumerate(out)
                if p.interviewer is not None and about & _words(" ".join(p.interviewer.topics))
            ),
            None,
        )
        i = asker if asker is not None else keen if keen is not None else 0
        # A story another panelist's note may lead with is theirs to tell: panels compare
        # notes, and the same figures twice read as a mail merge.
        elsewhere = {
            piece.evidence.title.casefold()
            for j, p in enumerate(out)
            if j != i
            for piece in p.pieces
            if piece.backed and piece.evidence is not None
        }
        if out[i].also is None and title.casefold() not in elsewhere:
            out[i] = replace(out[i], also=(title, clause))
    return out


_COMMON = frozenset(["the", "and", "for", "with", "from", "our", "your", "their", "about"])


def _skills(interview: Interview, title: str) -> list[str]:
    return next((s.skills for s in interview.stories if s.title.casefold() == title.casefold()), [])


_OWN_WORK = (
    r"(?:[\w-]+\s+){0,2}(?:post|posts|talk|article|blog|podcast|interview|paper|book|video"
    r"|tweet|thread|newsletter|presentation|keynote|webinar|piece|op-ed|column|profile"
    r"|slides|deck|essay|episode)\b"
)


def _readers_own(research: str, reader: Interviewer | None) -> bool:
    """Whether research restates the reader's own public material ("Hannah's LinkedIn post
    from October says...", a source under their name): what they wrote is no finding to them."""
    if not research or reader is None:
        return False
    # Research that tells of the reader by title or whole name ("Mr Lim designed it with his
    # mother") tells them about themselves, in the third person.
    untitled = [
        p
        for p in facts.formal_name(reader.name).split()
        if p.rstrip(".").casefold() not in facts.TITLES
    ]
    called = [facts.honorific(reader.name), " ".join(untitled) if len(untitled) > 1 else None]
    if any(c and re.search(rf"(?<!\w){re.escape(c)}(?!\w)", research) for c in called):
        return True
    names = [p for p in untitled if len(p) > 2]
    for name in names:
        if re.search(rf"\b{re.escape(name)}['’]s\s+{_OWN_WORK}", research):
            return True
    # A source under their whole name: "example.org/hannah-whitcombe/claims-cycle-time".
    slugs = {n.casefold() for n in names}
    urls = re.findall(r"https?://\S+", research)
    return bool(slugs) and any(slugs <= set(re.split(r"[/._?=&-]+", u.casefold())) for u in urls)


#: ... or the writer's own move and terms: "relocating to Stockholm", "visa sponsorship",
#: "notice period", "salary expectations", "start date".
_WRITER = re.compile(
    r"(?i)\b(?:I|me|my|mine|myself)\b|^\s*why\b"
    r"|^\s*(?:relocat\w*|moving\s+to)\b|\b(?:visa|notice\s+period|salary|start\s+date)\b"
)


def _about_writer(topic: str) -> bool:
    """Whether a topic is about the writer, not the interviewer's world: "what a good manager
    looks like to me", "the fractions lesson I taught", "why compliance over front office"."""
    return _WRITER.search(topic) is not None


def _asked_by(moment: Moment, reader: Interviewer | None) -> bool:
    """Whether ``reader`` asked the moment's question, however the writer jotted their name
    ("Guðmundur" for Guðmundur Ari Jóhannsson)."""
    return (
        reader is not None
        and moment.asked_by is not None
        and facts.same_person(moment.asked_by, reader.name)
    )


def _asked_by_another(interview: Interview, *, number: int, reader: Interviewer | None) -> bool:
    """Whether the moment was asked by another interviewer of the panel than ``reader``."""
    moment = interview.debrief.moments[number - 1]
    if moment.asked_by is None or reader is None or len(interview.interviewers) < 2:
        return False
    return not _asked_by(moment, reader)


def _ranked(
    candidates: Sequence[Candidate], strength: Callable[[Candidate], int]
) -> list[tuple[int, Candidate]]:
    """The candidates that are evidence at all, strongest kind of evidence first."""
    rated = [(strength(c), c) for c in candidates]
    return sorted(((s, c) for s, c in rated if s), key=lambda pair: (-pair[0], -pair[1].score))


def _finds(candidate: Candidate) -> bool:
    """Whether a candidate is not research that came up empty (see facts.found_nothing)."""
    return candidate.research is None or not facts.found_nothing(candidate.research.text)


def _moment_pieces(moment: Moment, found: MomentEvidence, company: str) -> list[_Piece]:
    stories = _ranked(found.stories, lambda c: relevance.for_moment(c, moment))
    research = _ranked(
        [c for c in found.research if _finds(c)], lambda c: relevance.for_moment(c, moment)
    )
    if research and research[0][0] >= relevance.ABOUT:
        # Research on the very question ("What do you know about our customers?") is what
        # the interviewer asked for; a story that only shares a theme with it is a stretch.
        stories = [pair for pair in stories if pair[0] >= relevance.ABOUT]
    if stories:
        # A runner-up only when it is the same kind of evidence and nearly as good.
        best_strength, best = stories[0]
        stories = [stories[0]] + [
            (s, c) for s, c in stories[1:2] if s >= best_strength and c.score >= 0.75 * best.score
        ]
    mtopic = facts.moment_topic(moment)
    if mtopic is None:
        # Name the moment by what its evidence is about: the research topic, or the skill
        # that is the question's subject, in the casing the question uses.
        about = [
            skill
            for _, c in stories
            if c.story is not None
            for skill in c.story.skills
            if relevance.covers(skill, moment.question) or relevance.names(skill, moment.question)
        ]
        if research and research[0][1].research is not None:
            mtopic = facts.topic_phrase(research[0][1].research.topic)
        elif about:
            mtopic = facts.as_written(about[0], moment.question)
        elif (
            moment.better_answer
            and (scene := facts.scenario_subject(moment.question))
            and _fits_the_scene(scene, moment.better_answer)
        ):
            # "A 58-year-old man... tells you...": the answer is about whom the scene is.
            mtopic = scene
        else:
            return []
    kind = moment.kind.value
    hypothetical = _HYPOTHETICAL.search(moment.question) is not None
    out: list[tuple[int, float, _Piece]] = []
    for strength, candidate in stories:
        assert candidate.story is not None
        forms = []
        told = "told_hypothetical" if hypothetical else f"told_{kind}"
        for account in facts.story_accounts(candidate.story):
            used = EvidenceUsed("story", candidate.title, account, found.number, candidate.reasons)
            forms.append(_Form((("mtopic", mtopic), ("story", account)), used, told))
        for clause in facts.story_clauses(candidate.story):
            slots = [("mtopic", mtopic), ("clause", clause)]
            if clause.startswith("I "):
                slots.append(("iclause", clause))
            used = EvidenceUsed("story", candidate.title, clause, found.number, candidate.reasons)
            forms.append(_Form(tuple(slots), used))
        if forms:
            offered = _offering(forms, hypothetical)
            if hypothetical:
                piece = _Piece("story_hypothetical", offered, None, True)
            else:
                piece = _Piece(f"story_{kind}", offered, None, backed=True)
            out.append((strength, candidate.score, piece))
    if research:
        strength, candidate = research[0]
        assert candidate.research is not None
        said = facts.research_facts(candidate.research.text)
        if said and moment.better_answer and not any(map(facts.says_a_finding, said)):
            # Research that says only what was read ("I read the last two annual reports")
            # is followed by what the writer made of it: their better answer.
            view = facts.answer_facts(moment.better_answer, 35)
            said = [f"{said[-1]} {v}" for v in view if facts.word_count(f"{said[-1]} {v}") <= 60]
        # A finding the writer's own story speaks to ("...a permanence tracker by March 2027,
        # very close to what I set up in Eastfield") is linked to what that story achieved.
        linked = [
            brief
            for _, c in stories[:1]
            if c.story is not None and facts.speaks_to(c.story, candidate.research.text)
            for brief in [facts.story_in_brief(c.story)]
            if brief is not None
        ]
        if linked and any(map(facts.says_a_finding, said)):
            link = f"That is close to what I have done before: {linked[0]}"
            said = [
                f"{fact} {link}" for fact in said if facts.word_count(f"{fact} {link}") <= 70
            ] + said
        forms = [
            _Form(
                (("mtopic", mtopic), ("fact", fact)),
                EvidenceUsed(
                    "research", candidate.research.topic, fact, found.number, candidate.reasons
                ),
            )
            for fact in said
        ]
        if forms:
            offer = _research_offer(candidate.research.text, company)
            material = f"{candidate.research.text} {candidate.research.source or ''}"
            piece = _Piece(f"research_{kind}", tuple(forms), offer, True, material)
            out.append((strength, candidate.score, piece))
    out.sort(key=lambda item: (-item[0], -item[1]))
    pieces = [piece for _, _, piece in out]
    # What the reader's own organisation publishes ("looked at their site: 6 clinics, free
    # hearing tests...") is no news to them (round 20): a plain line says more.
    pieces = [p for p in pieces if not _their_own_material(p.research)]
    if _READER_SAID.search(moment.what_i_said or ""):
        # The reader gave the fact in the interview ("Guðrún said 2019", "She smiled and said
        # 1969"): research that tells it back tells them what they know. It stays a fallback.
        pieces = [replace(p, backed=False) if p.research else p for p in pieces]
    # The answer the writer wrote for this very question comes before a story that only
    # shares a theme word with it (it is theirs, and it answers what was asked); evidence
    # about the very question, with its result, still leads, unless the answer carries it.
    if moment.better_answer:
        better, apology = _apology_apart(moment.better_answer)

        def answer_forms(told: list[str]) -> tuple[_Form, ...]:
            return tuple(
                _Form(
                    (("mtopic", mtopic), ("fact", fact)),
                    EvidenceUsed("better_answer", moment.question, fact, found.number),
                )
                for fact in told
            )

        said = facts.answer_facts(better, figure=facts.asks_for_a_figure(moment.question))
        # A story the writer linked to a "how would you" question backs their answer with
        # what came of doing it ("Track row counts... I have done this before: I caught 11
        # feed failures...").
        first_story = stories[0][1].story if stories else None
        backing = (
            facts.story_clauses(first_story)[:1]
            if hypothetical
            and first_story is not None
            and first_story.title.casefold() in {t.casefold() for t in moment.stories}
            else []
        )
        backed_answer = [
            f"{fact} I have done this before: {facts.mid_sentence(facts.as_sentence(backing[0]))}"
            for fact in said
            if backing
            # An answer that opened with an apology is what the writer means to say to the
            # reader they offended: it is told whole, not cut to make room for a story.
            and not apology
            and facts.word_count(f"{fact} {backing[0]}") <= 60
            # An answer that already tells the story's figures needs no second telling.
            and not _figures(backing[0]) <= _figures(fact)
        ]
        if backed_answer:
            # Its own piece, first: where a tight limit leaves no room for both, the story
            # leads as it would without the answer.
            pieces.insert(
                0,
                _Piece(f"answer_{kind}", answer_forms(backed_answer), None, True, amends=apology),
            )
        answered = answer_forms(said)
        if answered:
            # Loose: tied to the question by a theme word of its title only, not by a skill,
            # a link, or its meaning.
            leads = [*stories[:1], *research[:1]]
            # A question about motives or plans ("Why are you leaving hospitality?") is
            # answered by the writer's reasons, never by a story, however close its theme.
            # A question that asks for a fact, not an example from the past nor a plan
            # ("What's their maximum FDP?", "When do we owe compensation?"), missed or got
            # wrong: the right answer, as the writer wrote it, is the follow-up the reader is
            # waiting for; a story beside it is a change of subject.
            # Work done since on the very question ("I rewrote the query with a window frame
            # and put it in a gist") is news the answer is not: it still leads.
            done_since = any(
                strength >= relevance.ABOUT
                and c.research is not None
                and _DONE_SINCE.search(c.research.text)
                for strength, c in research
            )
            corrected = (
                kind in ("couldnt_answer", "could_be_better")
                and not _BEHAVIOURAL.search(moment.question)
                and not hypothetical
                and not done_since
                # "I would call them before writing to them": whom it means is in the
                # question, which the note does not repeat.
                and not _PERSON_PRONOUN.search(facts.sentences(moment.better_answer)[0])
            )
            first = (
                corrected
                or bool(apology)
                or relevance.asks_for_framing(moment.question)
                or all(
                    strength < relevance.ABOUT and c.semantic < relevance.STRONG_MEANING
                    for strength, c in leads
                )
            )
            # A fact put right is no plan: "Here is how I would approach crew fatigue. The
            # answer is twelve hours." reads oddly; it comes back to the question instead.
            symbol = "answer_fact" if corrected else f"answer_{kind}"
            if (
                corrected
                and _put_right(moment)
                # An answer that thanks for the correction itself says it once already.
                and not _OWNS_CORRECTION.search(moment.better_answer)
            ):
                # The reader put the writer right in the interview: the note says they were
                # right, then gives the answer (round 19's tax note came back to the question
                # as if the reader had not seen the mistake).
                symbol = "answer_corrected"
            answer = _Piece(symbol, answered, None, first, amends=apology)
            if corrected:
                # Every variant puts it right (they differ in wording); the story or the
                # research are what a note falls back on if the answer cannot be said.
                pieces = [answer, *(replace(p, backed=False) for p in pieces)]
            else:
                pieces.insert(int(bool(backed_answer)) if first else len(pieces), answer)
    return pieces


#: The writer's notes say the interviewer answered or corrected them: "She said 1969",
#: "Guðrún said 2019", "he corrected me".
_READER_SAID = re.compile(
    r"(?:\b(?:[Ss]he|[Hh]e|[Tt]hey)|(?<![\w.])\b(?!I\b)[A-Z][\w'’-]+)\s+(?:\w+\s+(?:and\s+)?)?"
    r"(?:said|corrected|pointed\s+out|told\s+me)\b"
)
#: The writer's notes say the interviewer put them right: "Rania corrected me", "she put me
#: right", "he pointed out that the band is for taxable income".
_READER_CORRECTED = re.compile(
    r"(?i)\b(?:corrected\s+me|put\s+me\s+right|set\s+me\s+straight|pointed\s+out\s+that)\b"
)
#: The reader's words jotted after their initial or name and a colon, putting something
#: right: "G: no closed season in the Act", "Rania: that is the 0% band".
_READER_PUT_IT = re.compile(
    r"(?:^|[.;!?]\s+)(?:[A-Z]\.?|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?:\s+"
    r"(?:no|not|actually|it['’]s|that['’]s|that\s+is|it\s+is|there['’]s\s+no|wrong)\b"
)


_OWN_SITE = re.compile(
    r"(?i)\b(?:their|your|the\s+company['’]s|the\s+clinic['’]s|the\s+firm['’]s)\s+"
    r"(?:web\s*)?(?:site|home\s*page|careers\s+page|about\s+page)\b|\bon\s+the\s+home\s*page\b"
)


def _their_own_material(research: str) -> bool:
    """Whether research restates what the reader's organisation says of itself on its own
    site: the reader knows it already."""
    return bool(research) and _OWN_SITE.search(research) is not None


_LEFT_OUT = re.compile(
    r"(?i)\b(?:did\s*n[o'’]?t|never|forgot\s+to)\s+(?:even\s+)?(?:mention|say|bring\s+up|talk\s+about)"
    r"\s+(?:my|our|the|that)\b"
)


def _put_right(moment: Moment) -> bool:
    """Whether the writer's notes say the reader put them right on this question."""
    said = moment.what_i_said or ""
    return bool(_READER_CORRECTED.search(said) or _READER_PUT_IT.search(said))


_OWNS_CORRECTION = re.compile(
    r"(?i)\b(?:thank|thanks|correction|corrected|you\s+were\s+right|you['’]re\s+right)\b"
)
_PERSON_PRONOUN = re.compile(r"(?i)\b(?:they|them|he|him|she|her)\b")


def _fits_the_scene(scene: str, answer: str) -> bool:
    """Whether an answer's first sentence can point back to the scene's subject: "them" after
    "the grantee" reads as someone else (a plural)."""
    first = facts.sentences(answer)[0] if answer.strip() else ""
    plural = re.search(r"(?i)\b(?:they|them|their)\b", first)
    return not plural or scene.rstrip().endswith("s")


#: A pronoun in an answer that points back into the question's scene.
_LEANS_ON_THE_SCENE = re.compile(r"(?i)\b(?:he|him|his|she|her|hers)\b")
#: Research that tells of something the writer made since, not of something looked up.
_DONE_SINCE = re.compile(
    r"\bI(?:'ve| have)?\s+(?:re)?(?:wrote|written|built|made|drafted|created|put|prepared"
    r"|sketched|mocked|coded|designed|ran|run|tested|modelled|modeled|recorded|filmed)\b"
)
#: A question that asks for an example from the writer's past, which a story answers.
_BEHAVIOURAL = re.compile(
    r"(?i)\b(?:tell (?:me|us) about|describe|give (?:me |us )?an example|an example of"
    r"|a time (?:when|you|that)|have you (?:ever|had)|share an example|when have you"
    r"|walk (?:me|us) through (?:a|an|one) (?:time|project|situation)|what(?:'s| is| was) "
    r"(?:a|an|the) (?:time|project|situation|example|achievement))\b"
)


def _topic_pieces(topic: str, matcher: Matcher, company: str) -> list[_Piece]:
    out: list[_Piece] = []
    stories = _ranked(matcher.rank_stories(topic, top=3), lambda c: relevance.for_topic(c, topic))
    story = stories[0][1] if stories else None
    if story is not None and story.story is not None:
        forms = tuple(
            _Form(
                (("topic", topic), ("story", account)),
                EvidenceUsed("story", story.title, account, None, story.reasons),
                "told_topic",
            )
            for account in facts.story_accounts(story.story)
        ) + tuple(
            _Form(
                (("topic", topic), ("clause", clause)),
                EvidenceUsed("story", story.title, clause, None, story.reasons),
            )
            for clause in facts.story_clauses(story.story)
        )
        if forms:
            out.append(_Piece("story_topic", _offering(forms, False), None, backed=True))
    research = _ranked(
        [c for c in matcher.rank_research(topic, top=3) if _finds(c)],
        lambda c: relevance.for_topic(c, topic),
    )
    item = research[0][1] if research else None
    if item is not None and item.research is not None:
        forms = tuple(
            _Form(
                (("topic", topic), ("fact", fact)),
                EvidenceUsed("research", item.title, fact, None, item.reasons),
            )
            for fact in facts.research_facts(item.research.text)
        )
        if forms:
            offer = _research_offer(item.research.text, company)
            material = f"{item.research.text} {item.research.source or ''}"
            if not _their_own_material(material):
                out.append(_Piece("research_topic", forms, offer, True, material))
    return out


def _went_well_pieces(interview: Interview, reader: Interviewer | None, panel: int) -> list[_Piece]:
    """A moment that went well with this reader (on a panel, one they asked), told with the
    result of the story it rests on: something concrete the note can add where no weak moment
    or topic has evidence, instead of a line that only says the writer has ideas."""
    by_title = {s.title.casefold(): s for s in interview.stories}
    out: list[_Piece] = []
    for number, moment in enumerate(interview.debrief.moments, 1):
        if moment.kind is not MomentKind.went_well:
            continue
        if panel > 1 and not _asked_by(moment, reader):
            continue
        mtopic = facts.moment_topic(moment)
        if mtopic is None or _about_writer(mtopic):
            continue
        for title in moment.stories:
            story = by_title.get(title.casefold())
            if story is None:
                continue
            forms = [
                _Form(
                    (("mtopic", mtopic), ("story", account)),
                    EvidenceUsed("story", story.title, account, number),
                    "told_went_well",
                )
                for account in facts.story_accounts(story)
            ] + [
                _Form(
                    (("mtopic", mtopic), ("clause", clause)),
                    EvidenceUsed("story", story.title, clause, number),
                )
                for clause in facts.story_clauses(story)
            ]
            if forms:
                offered = _offering(forms, False)
                out.append(_Piece("story_went_well", offered, None, backed=True))
    return out


def _generic_pieces(topic: str | None) -> list[_Piece]:
    # No offer: "my ideas in writing" promises ideas the note does not give; the close
    # proposes a next step on the topic instead.
    out = []
    if topic:
        used = EvidenceUsed("topic", topic, topic)
        out.append(_Piece("generic_topic", (_Form((("topic", topic),), used),), None))
    out.append(_Piece("generic_role", (_Form((), None),), None))
    return out


# -- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    """How a note is written: random or the shortest wording, with or without a line on the
    topic, keeping clear of sibling notes' wording or not (the similarity check stays)."""

    shortest: bool
    topic_line: bool
    avoid_siblings: bool
    attempts: int
    #: The parts ("thanks", "follow_up", "cta") that may take a sibling's shortest wording
    #: while the others keep clear of theirs: a large panel at a tight limit has used up the
    #: short wordings of a part, and one shared sentence still leaves the notes apart.
    reuse: tuple[str, ...] = ()


#: From the fullest note to the tightest one.
_LAYOUTS = (
    _Layout(shortest=False, topic_line=True, avoid_siblings=True, attempts=3),
    _Layout(shortest=True, topic_line=True, avoid_siblings=True, attempts=1),
    _Layout(shortest=False, topic_line=False, avoid_siblings=True, attempts=2),
    _Layout(shortest=True, topic_line=False, avoid_siblings=True, attempts=1),
    *(
        _Layout(shortest=True, topic_line=False, avoid_siblings=True, attempts=1, reuse=parts)
        for parts in (
            ("follow_up",),
            ("thanks",),
            ("cta",),
            ("follow_up", "cta"),
            ("thanks", "cta"),
            ("thanks", "follow_up"),
        )
    ),
    _Layout(shortest=True, topic_line=False, avoid_siblings=False, attempts=1),
)


def _write(
    interview: Interview,
    plan: _Plan,
    context: dict[str, str],
    tone: str,
    max_words: int,
    seed: int,
    variant: int,
    position: int,
    panel: list[Draft],
    own: list[Draft],
    accepted: list[Draft],
    told_elsewhere: frozenset[tuple[str, str]] = frozenset(),
    figures_elsewhere: frozenset[str] = frozenset(),
    capitals: frozenset[str] = frozenset(),
) -> Draft:
    from afterword.checker import check

    interviewer = plan.interviewer
    rng = random.Random(f"{seed}:{position}:{variant}")
    # The panel's other notes are what interviewers compare: never reuse their wording where
    # the grammar has another; the other variants' wording only where there is still a choice.
    avoid = frozenset(c for d in [*panel, *own] for c in d.choices)
    also_avoid = frozenset(c for d in accepted for c in d.choices)
    topics = plan.topics
    # Variants take turns at the evidence (another story, the research, another moment), so
    # every one of them still adds a fact; the better answer and the general lines are only
    # fallbacks.
    # A story a colleague's note already tells comes after everything else: panels compare
    # notes, and the same story twice reads as a mail merge.

    def repeats(piece: _Piece) -> bool:
        if piece.backed and piece.key in told_elsewhere:
            return True
        said = [f.evidence for f in piece.forms if f.evidence and f.evidence.kind != "topic"]
        return any(_figures(e.text) & figures_elsewhere for e in said)

    told = [p for p in plan.pieces if repeats(p)]
    backed = [p for p in plan.pieces if p.backed and not repeats(p)]
    # The variants take turns only at the evidence on the weak moments (the main fumble first,
    # then, in a note with no panel to share them, the others): a story on a topic the reader
    # raised never leads a variant while a moment has a fact.
    main = [p for p in backed if _on_a_weak_moment(p)]
    rest = [p for p in backed if not _on_a_weak_moment(p)]
    turn = main or rest
    if turn:
        shift = (variant - 1) % len(turn)
        turn = turn[shift:] + turn[:shift]
    backed = turn + rest if main else turn
    pieces = backed + [p for p in plan.pieces if not p.backed and not repeats(p)] + told

    best: tuple[tuple[int, float], Draft] | None = None
    shortest: Draft | None = None
    # A clean note that reads too much like one of this interviewer's other variants: better
    # than a general line, since only one variant is sent (a panel's notes must differ).
    close: tuple[float, Draft] | None = None
    close_piece: _Piece | None = None
    told_close: list[Draft] = []
    for piece in pieces:
        if close is not None and not piece.backed:
            return close[1]
        # Faults per way of saying it: a story told in sentences that the checker faults may
        # still be said in a clause.
        faulty: dict[str, int] = {}
        said_with = {form.symbol or piece.symbol for form in piece.forms}
        # The line on a topic names another one than the follow-up does, where there is one.
        mtopic = dict(piece.forms[0].slots).get("mtopic", "").casefold()
        # A topic about the writer ("the lesson I taught", "why compliance over front office")
        # is no line of thanks: "I loved hearing how the team thinks about..." would not read.
        # Nor is a topic the writer was caught out on: "I especially enjoyed hearing about
        # crew fatigue" to the captain whose question on it went unanswered.
        theirs = [t for t in topics if not _about_writer(t) and not _flubbed(t, interview)]
        # One that holds the follow-up's ("preceptorship for new registrants" and then "about
        # preceptorship") names it twice in one note: then no line on a topic at all.
        others = [t for t in theirs if not _overlaps(t, mtopic)] or (theirs if not mtopic else [])
        topic = others[(variant - 1) % len(others)] if others else ""
        # A tight limit takes the shortest wording, then drops the line on the topic, each
        # with the evidence in every length; only then does it try the next evidence.
        for layout in _LAYOUTS:
            dead = {symbol for symbol in said_with if faulty.get(symbol, 0) >= 2}
            if dead == said_with:
                break  # the checker faults what this piece says, not how: try the next one
            for form in piece.forms:
                if (form.symbol or piece.symbol) in dead:
                    continue
                for attempt in range(layout.attempts):
                    draft = _render(
                        interview,
                        interviewer,
                        context,
                        topic,
                        piece,
                        form,
                        tone,
                        rng,
                        avoid if layout.avoid_siblings else frozenset(),
                        also_avoid if attempt == 0 and layout.avoid_siblings else frozenset(),
                        layout,
                        seed,
                        variant,
                        plan.request,
                        plan.also,
                        capitals,
                    )
                    if draft.words > max_words:
                        # Over the limit is never handed out: no need to check it.
                        if shortest is None or draft.words < shortest.words:
                            shortest = draft
                        continue
                    report = check(draft.text, interview)
                    draft = draft.with_text(draft.text, draft.paragraphs, tuple(report.findings))
                    # A general line adds nothing by construction: the checker saying so is
                    # the note's honest state (the advice beside it says what would), not a
                    # fault to trade for a story a colleague's note already tells.
                    faults = sum(
                        f.severity in ("error", "warning")
                        and (piece.backed or f.rule != "missing-new-information")
                        for f in report.findings
                    )
                    symbol = form.symbol or piece.symbol
                    faulty[symbol] = faulty.get(symbol, 0) + (faults > 0)
                    similar = max((similarity(draft.text, s.text) for s in panel), default=0.0)
                    if faults == 0 and similar < PANEL_SIMILARITY:
                        mine = max((similarity(draft.text, s.text) for s in own), default=0.0)
                        if mine < PANEL_SIMILARITY:
                            if form.symbol is None and close is not None and close[1] in told_close:
                                # A story told with its situation, if close to another variant,
                                # beats the same story with its figures stripped of context.
                                return close[1]
                            if close is not None and close_piece is piece:
                                # So does the whole of this very answer or story: a variant
                                # that differs only by cutting it short reads as an answer
                                # cut to its first step (round 15: 19 notes).
                                return close[1]
                            return draft
                        if form.symbol is not None and form.symbol.startswith("told_"):
                            told_close.append(draft)
                        if close is None or mine < close[0]:
                            close = (mine, draft)
                            close_piece = piece
                    rank = (faults, similar)
                    if best is None or rank < best[0]:
                        best = (rank, draft)
    if close is not None:
        return close[1]
    if best is not None:
        return best[1]
    # Not even the plainest note fits (a role or company name of many words): keep the
    # shortest and say so, rather than pass it off as within the limit.
    assert shortest is not None
    report = check(shortest.text, interview)
    over = Finding(
        OVER_LIMIT,
        "warning",
        f"The note runs {shortest.words} words, over your limit of {max_words}, even in its "
        "shortest form: shorten it by hand, or allow more words.",
    )
    return shortest.with_text(shortest.text, shortest.paragraphs, (*report.findings, over))


def _flubbed(topic: str, interview: Interview) -> bool:
    """Whether ``topic`` is that of a moment the writer could not answer or answered badly."""
    return any(
        m.kind in (MomentKind.couldnt_answer, MomentKind.could_be_better)
        and m.topic
        and _overlaps(topic, facts.topic_phrase(m.topic))
        for m in interview.debrief.moments
    )


def _overlaps(topic: str, other: str) -> bool:
    """Whether one of two topics holds the other ("preceptorship" in "preceptorship for
    non-nursing registrants"), so that a note naming both says one of them twice."""
    a, b = topic.casefold(), other.casefold()
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def _render(
    interview: Interview,
    interviewer: Interviewer | None,
    context: dict[str, str],
    topic: str,
    piece: _Piece,
    form: _Form,
    tone: str,
    rng: random.Random,
    avoid: frozenset[tuple[str, int]],
    also_avoid: frozenset[tuple[str, int]],
    layout: _Layout,
    seed: int,
    variant: int,
    request: str | None = None,
    also: tuple[str, str] | None = None,
    capitals: frozenset[str] = frozenset(),
) -> Draft:
    generator = _generator()
    slots = dict(context)
    honorific = None
    if interviewer is not None:
        honorific = facts.addressed(
            interviewer.name, (m.asked_by for m in interview.debrief.moments)
        )
        # A name given with a title ("Dr. Siobhán Byrne"), or one the writer's notes give a
        # title ("Mr Takahashi" asked...), is addressed by it in either tone; otherwise by the
        # first name: "Dear Bethan Morgan," reads as a mail merge, and "Ms Morgan" would guess
        # at what the debrief does not say.
        slots["name"] = honorific or facts.first_name(interviewer.name)
    slots["topic"] = topic
    slots["offer"] = piece.offer or ""
    # A piece about a topic brings its own (and then the note needs no line on one).
    slots.update(form.slots)
    # Whether the moment followed up is this reader's own (a lone reader's are all theirs).
    number = form.evidence.moment if form.evidence is not None else None
    theirs = interviewer is not None and (
        len(interview.interviewers) == 1
        or (number is not None and _asked_by(interview.debrief.moments[number - 1], interviewer))
    )
    written = [slot for slot in ("fact", "story", "clause", "iclause") if slots.get(slot)]
    for slot in written:
        # "call the ap": the writer's notes in lower case, where the debrief writes the same
        # word in capitals elsewhere ("stop + call the AP").
        slots[slot] = facts.in_capitals(slots[slot], capitals)
    if interviewer is not None and form.evidence is not None:
        # What the user wrote about the reader is said to them ("your team", not "Zoë's").
        kind = form.evidence.kind
        asked = number is not None and theirs
        for slot in ("fact", "story", "clause", "iclause"):
            if slots.get(slot):
                slots[slot] = facts.to_reader(
                    slots[slot],
                    interviewer.name,
                    company_theirs=kind in ("research", "better_answer"),
                    reader_pronouns=kind == "better_answer" and asked,
                    about=form.evidence.title if kind == "research" else None,
                    company=interview.company,
                )
    # The question put right is named by its topic only where the label is short enough to
    # be how a person would say it ("your question about selective mutism"); a long one
    # ("the monthly payroll cycle for 1,400 employees") reads as pasted from the notes
    # (round 14), and the answer itself says which question it was.
    mtopic = slots.get("mtopic", "")
    # A long label is named by its head ("the monthly payroll cycle for 1,400 employees" ->
    # "the monthly payroll cycle"): "one of your questions" alone read as vague (round 15).
    head = re.split(
        r"\s+(?:on|for|to|after|in|at|with|from|during|before|under|across)\s+", mtopic, maxsplit=1
    )[0]
    # The reader's own question, where it can be named in its words ("your question about the
    # limit for settle plates in grade A", "...about how I would work with your aides"),
    # rather than the writer's label for it ("informed consent problems" read as pasted).
    in_its_words = (
        facts.question_phrase(interview.debrief.moments[number - 1].question) if number else None
    )
    # A question that set a scene ("A 58-year-old man, six weeks after a stroke, tells you
    # ...") is named by whom it was about where the answer speaks of them ("I take his goal
    # seriously"): "his" then points back to someone (round 19: to no one).
    scene = (
        facts.scenario_subject(interview.debrief.moments[number - 1].question)
        if number and not in_its_words
        else None
    )
    told = slots.get("fact") or slots.get("story") or ""
    leans = bool(told) and bool(_LEANS_ON_THE_SCENE.search(facts.sentences(told)[0]))
    short = bool(mtopic) and len(head.split()) <= 4
    named = short and (head == mtopic or len(head.split()) >= 2)
    whose = "your" if theirs else "the"
    # What the reader put the writer right on, in words a person would say.
    slots["ctopic"] = in_its_words or (head if short else "")
    if re.search(r"(?i)\bquestion$", mtopic) and len(mtopic.split()) <= 4:
        # A label that names the question itself ("the estimation question"): "your
        # estimation question", not "your question about the estimation question".
        label = re.sub(r"(?i)^(?:the|your|my)\s+", "", mtopic)
        slots["qref"] = f"{whose} {label}"
        slots["ctopic"] = ""
    elif in_its_words:
        slots["qref"] = f"{whose} question about {in_its_words}"
    elif scene and (leans or not named) and _fits_the_scene(scene, told):
        slots["qref"] = f"{whose} question about {scene}"
    elif named:
        slots["qref"] = f"{whose} question about {head}"
    else:
        slots["qref"] = "one of your questions" if theirs else "a question from our conversation"
    uses_topic = piece.symbol.endswith("_topic")
    choices: list[tuple[str, int]] = []
    used: set[tuple[str, ...]] = set()
    # A reader who holds a title (a councillor, a judge, a doctor) or a formal interview (a
    # scored panel) is written to formally, whatever the tone asked for: "I loved hearing..."
    # and "a short call" read as too casual there.
    register = "formal" if honorific or _formal_setting(interview) else tone

    def say(symbol: str, shortest: bool = False, part: str = "") -> str:
        reused = part in layout.reuse
        expansion = generator.expand(
            symbol,
            slots,
            rng,
            tone=register,
            avoid=frozenset() if reused else avoid,
            also_avoid=frozenset() if reused else also_avoid,
            shortest=shortest,
            used=used,
        )
        if expansion is None:
            return ""
        choices.extend(expansion.choices)
        return expansion.text

    greeting = (
        (f"Dear {honorific}," if honorific else say("greeting"))
        if interviewer is not None
        else ("Hello," if register == "warm" else "Dear Hiring Team,")
    )
    # The thanks names what the reader told about their topic, in a sentence of its own plan;
    # a tight note, one whose follow-up is on the topic, and one note in three (openings that
    # all name a topic read as a template too) thank plainly instead of adding a stock
    # "highlight" line.
    # Only a topic that reads as words for a sentence ("the December auction", "your move to
    # cloud billing"), not a jotted label ("classification memos", "SAE reporting in India"),
    # which round 16's readers saw as a field pasted into a template.
    with_topic = (
        layout.topic_line
        and not uses_topic
        and facts.reads_as_phrase(slots["topic"])
        and rng.random() < 0.67
    )
    slots["ttopic"] = slots["topic"] if with_topic else ""
    thanks = (say("thanks_topic", layout.shortest, "thanks") if with_topic else "") or say(
        "thanks", layout.shortest, "thanks"
    )
    amends = say("amends", layout.shortest) if _owes_amends(interview, interviewer) else ""
    if amends and piece.amends:
        # The writer's own apology names the remark ("I'm sorry for what I said about
        # Rocklea"): it is the one apology, closing the opening paragraph, and the stock one
        # goes (round 19's note apologized twice, the first time for "my remark").
        amends = piece.amends
    elif amends and _APOLOGY.search(slots.get("fact", "")):
        amends = ""  # the answer keeps its apology (what follows leans on it): said once
    symbol = form.symbol or piece.symbol
    if symbol == "answer_corrected" and not theirs:
        symbol = "answer_fact"  # another panelist put the writer right, not this reader
    follow_up = say(symbol, layout.shortest, "follow_up")
    told_it = (
        form.evidence is not None
        and also is not None
        and (
            (also[0] and form.evidence.title.casefold() == also[0].casefold())
            or also[1] in follow_up
        )
    )
    if also and not told_it and not layout.shortest:
        slots["also"] = also[1]
        # "my solo Steam demo with 12,000 wishlists" is a thing to mention, not a clause.
        # So is "my Gerber certificate, and that I moved a range to Portugal".
        thing = also[1].startswith("my ") and not facts.has_verb(also[1].split(",")[0])
        follow_up = f"{follow_up} {say('also_thing' if thing else 'also_credential')}"
    if request:
        # What the reader asked for comes first after the follow-up: it is the one thing
        # they are waiting for.
        slots["request"] = request
        follow_up = f"{follow_up} {say('sent_request', layout.shortest)}"
    # Without something made to send, the close looks ahead plainly: an offered "short call"
    # about the follow-up read as odd (rounds 11 and 16), weak (17) and pushy (18).
    plain = piece.symbol.startswith("generic_") or not slots.get("offer")
    cta = say("cta_plain" if plain else "cta", layout.shortest, "cta")
    subject = say("subject") or f"Thank you: {context['role']}"
    signoff = say("signoff")
    # The apology closes the opening paragraph: owned in one sentence, then the note moves on.
    opening = tidy(f"{thanks} {amends}")
    paragraphs = tuple(p for p in (opening, tidy(f"{follow_up} {cta}")) if p)
    sender = interview.sender.name if interview.sender else None
    text = "\n\n".join([greeting, *paragraphs, signoff + (f"\n{sender}" if sender else "")])
    evidence = (form.evidence,) if form.evidence is not None else ()
    return Draft(
        to=_name(interviewer),
        email=interviewer.email if interviewer else None,
        subject=subject[:1].upper() + subject[1:],
        text=text,
        paragraphs=paragraphs,
        evidence=evidence,
        findings=(),
        tone=tone,
        seed=seed,
        variant=variant,
        topic=slots["topic"] or None,
        moment=form.evidence.moment if form.evidence else None,
        choices=tuple(choices),
    )


def _formal_setting(interview: Interview) -> bool:
    """Whether the interview was a formal one by its own account ("formal panel interview")."""
    return re.search(r"(?i)\bformal\b", interview.stage or "") is not None


def _acronyms(interview: Interview) -> frozenset[str]:
    """The words the debrief writes in capitals among words in lower case ("stop + call the
    AP"); not a run of capitals ("ROWS BETWEEN 6 PRECEDING AND CURRENT ROW" is code)."""
    words = re.findall(r"[\w-]+", interview.model_dump_json(warnings=False))
    capital = re.compile(r"[A-Z][A-Z0-9]{1,5}")
    shouted = [bool(re.fullmatch(r"[A-Z0-9-]{2,}", w)) and not w.isdigit() for w in words]
    found = [
        w
        for i, w in enumerate(words)
        if capital.fullmatch(w)
        and not (i > 0 and shouted[i - 1])
        and not (i + 1 < len(words) and shouted[i + 1])
    ]
    # A word the debrief writes in lower case more often than in capitals is a word ("and"
    # stressed once), not an acronym the writer jotted in lower case ("raf", once each way).
    lower = Counter(w for w in words if w.islower())
    return frozenset(w for w in found if found.count(w) >= lower[w.casefold()])


_APOLOGY = re.compile(r"(?i)\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apologies|apology)\b")


def _apology_apart(answer: str) -> tuple[str, str]:
    """(the answer, the apology it opens with): a better answer that begins by apologizing
    ("I'm sorry for what I said about Rocklea; it was careless.") keeps that for the
    opening paragraph and is told without it; one whose next sentence leans on the apology
    ("...how I feel about these weddings. They are my favourite part of the job") keeps it."""
    said = facts.sentences(answer)
    if len(said) < 2 or not _APOLOGY.search(said[0]):
        return answer, ""
    if re.match(r"(?:They|It|This|That|These|Those|He|She)\b", said[1]):
        return answer, ""
    # "I should begin by apologising for my remark..." closes the opening paragraph, where it
    # begins nothing: "I apologise for my remark...". What a colon adds after it is the
    # writer judging themselves ("...: it was also wrong about how the list works"), which the
    # checker rightly reads as an admission; the apology is whole without it.
    apology = re.sub(
        r"(?i)^I\s+(?:should|must|want\s+to|would\s+like\s+to|['’]d\s+like\s+to)\s+"
        r"(?:begin|start)\s+by\s+apologi([sz])ing\b",
        r"I apologi\1e",
        said[0],
    )
    if ": " in apology:
        apology = apology.split(": ", 1)[0].rstrip(",;") + "."
    return " ".join(said[1:]), apology


def _owes_amends(interview: Interview, reader: Interviewer | None) -> bool:
    """Whether this reader's note carries the one apology: the debrief says an interviewer
    was offended, and its notes on the causes name this reader first among the interviewers
    (they tell what happened to whom: "when Renée asked..., Curtis laughed"), or name none."""
    debrief = interview.debrief
    if not debrief.offended_interviewer:
        return False
    notes = (debrief.cause_notes or "").casefold()

    def mentions(person: Interviewer) -> list[int]:
        return [
            m.start()
            for part in person.name.split()
            if part.rstrip(".").casefold() not in facts.TITLES
            for m in re.finditer(rf"\b{re.escape(part.casefold())}\b", notes)
        ]

    # Who answered back ("She said, very evenly, 'I run the lab.'", "He said he built that
    # package") is who was offended: the last person named before it. The first named may be
    # only where it happened ("I aimed my answers at Lars... and Dr Nwachukwu was from HR").
    retort = _RETORT.search(notes)
    if retort is not None:
        before = [
            (max(at), i, p)
            for i, p in enumerate(interview.interviewers)
            if (at := [m for m in mentions(p) if m < retort.start()])
        ]
        if before:
            return reader == max(before)[2]
    named = [(min(at), i, p) for i, p in enumerate(interview.interviewers) if (at := mentions(p))]
    return not named or reader == min(named)[2]


#: An interviewer answering back in the writer's notes on the causes (lower case).
_RETORT = re.compile(
    r"\bsaid,?\s+(?:\w+\s+)?(?:evenly|flatly|quietly|coldly|curtly|sharply|icily|tersely)\b"
    r"|\bsaid\s+(?:that\s+)?(?:he|she|they)(?:'d|’d|\s+had|\s+was|\s+were|\s+built|\s+wrote"
    r"|\s+runs?|\s+curated|\s+designed|\s+made)\b"
    r"|\bsaid\s+[\"“]"
)


def _on_a_weak_moment(piece: _Piece) -> bool:
    """Whether a piece follows up a weak moment (not a topic, nor a moment that went well)."""
    return (
        piece.evidence is not None
        and piece.evidence.moment is not None
        and piece.symbol != "story_went_well"
    )


def _with_suggestions(
    draft: Draft, advice: dict[str, list[str]], plan: _Plan, interview: Interview
) -> Draft:
    key = _name(plan.interviewer)
    lines = [*advice.get("", []), *advice.get(key, [])]
    number = plan.moment_number or plan.unbacked
    moment = interview.debrief.moments[number - 1] if number else None
    if (
        moment is not None
        and not plan.moment_backed
        and relevance.asks_for_framing(moment.question)
    ):
        lines.append(
            f"Moment {number} asks why you are moving or what you want: a story "
            "does not answer it. Write your better answer in the debrief, framed toward what "
            "draws you to this role, and the note can add it."
        )
    elif number and not plan.moment_backed:
        # Stories that only share words with the question are left out on purpose (a note
        # that cites them reads as a non sequitur): say what would back it instead.
        lines.append(
            f"Moment {number} has no story or research that is about it: add one "
            "(or link a story to the moment) and the note can give a concrete result instead "
            "of a general line."
        )
    if draft.adds_nothing and not (number and not plan.moment_backed):
        # Nothing of the debrief's is left for this note (on a panel, each note follows up
        # something of its own): say what would give it something.
        about = f" about {plan.topics[0]}" if plan.topics else ""
        lines.append(
            f"The note to {key} adds nothing new: no story, research or better answer is left "
            f"for it. Add one{about}, or record which interviewer asked each question, and the "
            "note can follow it up."
        )
    if plan.request:
        lines.append(
            f"The note to {key} says {plan.request} they asked for is attached: attach it "
            "before you send the note."
        )
    if any(f.rule == OVER_LIMIT for f in draft.findings):
        lines.append(
            f"The note to {key} could not be made to fit the word limit; allow more words "
            "(--words) or shorten it by hand."
        )
    return replace(draft, suggestions=tuple(dict.fromkeys(lines)))


# -- similarity --------------------------------------------------------------------------------


def _trigrams(text: str) -> set[tuple[str, str, str]]:
    tokens = re.findall(r"[a-z0-9']+", text.casefold())
    return set(zip(tokens, tokens[1:], tokens[2:], strict=False))


def similarity(a: str, b: str) -> float:
    """Word 3-gram Jaccard similarity of two notes (0: nothing shared, 1: the same)."""
    x, y = _trigrams(a), _trigrams(b)
    return len(x & y) / len(x | y) if x or y else 1.0
