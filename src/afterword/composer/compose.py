"""From a debrief to one checked thank-you note per interviewer.

For each interviewer the composer plans what the note is about (one topic they discussed, the
most important weak moment for them, the best evidence for it), then writes it from the grammar
with a seeded random choice, and runs the checker on it. A draft that the checker faults, that
runs over the word limit, or that reads too much like a sibling note (the other interviewers of
a panel compare notes) is written again with other choices, then with other evidence, then with
the plainest wording; the user's own words are the usual cause, and dropping them is safer than
sending them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from afterword.composer import facts
from afterword.composer.draft import Draft, EvidenceUsed
from afterword.composer.grammar import Generator, tidy
from afterword.composer.phrases import GRAMMAR
from afterword.composer.suggest import suggestions_for
from afterword.errors import InputError
from afterword.model import Interview, Interviewer, Moment, MomentKind, Story

if TYPE_CHECKING:
    from afterword.checker import Report
    from afterword.matching import Candidate, Matcher, MomentEvidence

TONES = ("warm", "formal")
#: The shortest limit a whole note (thanks, one addition, a call to action) fits in.
MIN_WORDS = 50
MAX_VARIANTS = 10
#: Notes of one panel must differ at least this much (word 3-gram Jaccard below it).
PANEL_SIMILARITY = 0.35

_KIND_WEIGHT = {
    MomentKind.couldnt_answer: 3.0,
    MomentKind.could_be_better: 2.0,
    MomentKind.forgot_to_mention: 1.5,
}
_OFFER = {
    "story": "how we got there",
    "research": "what I found",
    "better_answer": "the approach",
    "topic": "my ideas",
}


@cache
def _generator() -> Generator:
    return Generator(GRAMMAR)


@dataclass(frozen=True, slots=True)
class _Piece:
    """One way to fill the follow-up: a grammar symbol and the slots its evidence gives."""

    symbol: str
    slots: tuple[tuple[str, str], ...]
    evidence: EvidenceUsed | None
    offer: str


@dataclass(slots=True)
class _Plan:
    interviewer: Interviewer | None
    topics: list[str]
    moment_number: int | None
    pieces: list[_Piece]


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
    if to is not None:
        found = interview.interviewer(to.strip())
        if found is None:
            names = ", ".join(i.name for i in interview.interviewers) or "none on record"
            raise InputError(f"{to!r} is not an interviewer of this interview ({names})")
        recipients = [found]
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    if matcher is None:
        from afterword.matching import Matcher, merge_stories

        matcher = Matcher(merge_stories(interview.stories, library), interview.research)
    plans = _plan(interview, recipients, matcher, max_words)
    context = _context(interview, now)
    advice = suggestions_for(interview)

    drafts: list[Draft] = []
    accepted: list[Draft] = []
    for variant in range(1, variants + 1):
        panel: list[Draft] = []
        for position, plan in enumerate(plans):
            siblings = panel + [d for d in accepted if d.to == _name(plan.interviewer)]
            draft = _write(
                interview,
                plan,
                context,
                tone,
                max_words,
                seed,
                variant,
                position,
                siblings,
                accepted,
            )
            panel.append(draft)
            accepted.append(draft)
        drafts.extend(panel)
    ordered = sorted(drafts, key=lambda d: (_order(plans, d.to), d.variant))
    return [_with_suggestions(d, advice, plans[_order(plans, d.to)], interview) for d in ordered]


def _name(interviewer: Interviewer | None) -> str:
    return interviewer.name if interviewer is not None else "the hiring team"


def _order(plans: list[_Plan], to: str) -> int:
    return next(i for i, p in enumerate(plans) if _name(p.interviewer) == to)


def _context(interview: Interview, now: datetime | None) -> dict[str, str]:
    return {
        "role": " ".join(interview.role.split()),
        "company": " ".join(interview.company.split()),
        "opt_when": facts.when_phrase(interview, now),
    }


# -- planning --------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 2}


def _plan(
    interview: Interview,
    recipients: list[Interviewer | None],
    matcher: Matcher,
    max_words: int,
) -> list[_Plan]:
    budget = max(14, min(45, max_words - 70))
    weak = [
        (number, moment)
        for number, moment in enumerate(interview.debrief.moments, 1)
        if moment.kind.is_weak
    ]
    found = {number: matcher.moment(number, moment, top=3) for number, moment in weak}
    pieces = {number: _moment_pieces(moment, found[number], budget) for number, moment in weak}
    usable = [n for n, _ in weak if pieces[n]]

    plans: list[_Plan] = []
    taken_moments: list[int] = []
    taken_topics: set[str] = set()
    for interviewer in recipients:
        topics = [facts.topic_phrase(t) for t in (interviewer.topics if interviewer else [])]
        # A topic another panelist's note already leads with goes to the back of the queue.
        topics.sort(key=lambda t: t.casefold() in taken_topics)
        if topics:
            taken_topics.add(topics[0].casefold())
        about = _words(" ".join([*(interviewer.topics if interviewer else [])]))

        def importance(number: int, about: set[str] = about) -> float:
            moment = interview.debrief.moments[number - 1]
            affinity = len(about & _words(f"{moment.topic or ''} {moment.question}"))
            return _KIND_WEIGHT[moment.kind] + min(2.0, affinity) - 0.1 * number / 100

        fresh = [n for n in usable if n not in taken_moments]
        choice = max(fresh or usable, key=importance, default=None)
        chosen_pieces: list[_Piece] = []
        if choice is not None:
            taken_moments.append(choice)
            chosen_pieces = list(pieces[choice])
            if choice in taken_moments[:-1] and len(chosen_pieces) > 1:
                # The same moment as another panelist's note: lead with other evidence.
                chosen_pieces = chosen_pieces[1:] + chosen_pieces[:1]
        for topic in topics[:2]:
            chosen_pieces += _topic_pieces(topic, matcher, budget)
        chosen_pieces += _generic_pieces(interview, choice, topics[0] if topics else None)
        plans.append(_Plan(interviewer, topics, choice, chosen_pieces))
    return plans


def _relevant(candidate: Candidate) -> bool:
    """Whether a candidate is evidence at all: the best of a library of unrelated stories is
    still unrelated, and a note that offers it reads as a non sequitur."""
    if candidate.linked or candidate.skills:
        return True  # the user tied it to the moment, or it names the moment's topic
    if candidate.kind == "research":
        return len(candidate.words) >= 3
    return len(candidate.words) >= 2 or bool(candidate.themes and candidate.words)


def _moment_pieces(moment: Moment, found: MomentEvidence, budget: int) -> list[_Piece]:
    mtopic = facts.moment_topic(moment)
    story = next((c for c in found.stories if _relevant(c)), None)
    research = next((c for c in found.research if _relevant(c)), None)
    if mtopic is None:
        # Name the moment by what its evidence is about: the research topic or a shared skill.
        if research is not None and research.research is not None:
            mtopic = facts.topic_phrase(research.research.topic)
        elif story is not None and story.skills:
            mtopic = story.skills[0]
        else:
            return []
    kind = moment.kind.value
    out: list[tuple[float, _Piece]] = []
    stories = [c for c in found.stories if _relevant(c)]
    # A runner-up far behind the best is a stretch; offer it only when it is close.
    stories = [c for c in stories if c.score >= 0.5 * stories[0].score][:2]
    for candidate in stories:
        assert candidate.story is not None
        clause = facts.story_clause(candidate.story, budget)
        if clause is None:
            continue
        slots = [("mtopic", mtopic), ("clause", clause)]
        if clause.startswith("I "):
            slots.append(("iclause", clause))
        used = EvidenceUsed("story", candidate.title, clause, found.number, candidate.reasons)
        out.append((candidate.score, _Piece(f"story_{kind}", tuple(slots), used, _OFFER["story"])))
    if research is not None and research.research is not None:
        fact = facts.research_fact(research.research.text, budget)
        if fact is not None:
            used = EvidenceUsed(
                "research", research.research.topic, fact, found.number, research.reasons
            )
            piece = _Piece(
                f"research_{kind}", (("mtopic", mtopic), ("fact", fact)), used, _OFFER["research"]
            )
            # Research on the very topic of the moment is what the interviewer asked for.
            bonus = (
                0.5
                if moment.topic and research.research.topic.casefold() == (moment.topic.casefold())
                else 0.0
            )
            out.append((research.score + bonus, piece))
    out.sort(key=lambda pair: -pair[0])
    pieces = [piece for _, piece in out]
    if moment.better_answer:
        fact = facts.research_fact(moment.better_answer, budget)
        if fact is not None:
            used = EvidenceUsed("better_answer", moment.question, fact, found.number)
            pieces.append(
                _Piece(
                    f"answer_{kind}",
                    (("mtopic", mtopic), ("fact", fact)),
                    used,
                    _OFFER["better_answer"],
                )
            )
    generic = EvidenceUsed("topic", mtopic, mtopic, found.number)
    pieces.append(_Piece("generic_moment", (("mtopic", mtopic),), generic, _OFFER["topic"]))
    return pieces


def _topic_pieces(topic: str, matcher: Matcher, budget: int) -> list[_Piece]:
    out: list[_Piece] = []
    story = next((c for c in matcher.rank_stories(topic, top=3) if _relevant(c)), None)
    if story is not None and story.story is not None:
        clause = facts.story_clause(story.story, budget)
        if clause is not None:
            used = EvidenceUsed("story", story.title, clause, None, story.reasons)
            out.append(_Piece("story_topic", (("clause", clause),), used, _OFFER["story"]))
    research = next((c for c in matcher.rank_research(topic, top=3) if _relevant(c)), None)
    if research is not None and research.research is not None:
        fact = facts.research_fact(research.research.text, budget)
        if fact is not None:
            used = EvidenceUsed("research", research.title, fact, None, research.reasons)
            out.append(_Piece("research_topic", (("fact", fact),), used, _OFFER["research"]))
    return out


def _generic_pieces(interview: Interview, moment: int | None, topic: str | None) -> list[_Piece]:
    out = []
    if topic:
        used = EvidenceUsed("topic", topic, topic)
        out.append(_Piece("generic_topic", (), used, _OFFER["topic"]))
    out.append(_Piece("generic_role", (), None, _OFFER["topic"]))
    return out


# -- writing ---------------------------------------------------------------------------------


def _write(
    interview: Interview,
    plan: _Plan,
    context: dict[str, str],
    tone: str,
    max_words: int,
    seed: int,
    variant: int,
    position: int,
    siblings: list[Draft],
    accepted: list[Draft],
) -> Draft:
    from afterword.checker import check

    interviewer = plan.interviewer
    rng = random.Random(f"{seed}:{position}:{variant}")
    # The panel's other notes are what interviewers compare: never reuse their wording where
    # the grammar has another; the other variants' wording only where there is still a choice.
    avoid = frozenset(c for d in siblings for c in d.choices)
    also_avoid = frozenset(c for d in accepted for c in d.choices)
    topics = plan.topics
    topic = topics[(variant - 1) % len(topics)] if topics else ""
    pieces = plan.pieces
    # Variants after the first lead with other evidence, where there is other evidence.
    if variant > 1 and len(pieces) > 2:
        shift = (variant - 1) % (len(pieces) - 1)
        pieces = pieces[shift:-1] + pieces[:shift] + pieces[-1:]

    best: tuple[tuple[int, int, float], Draft] | None = None
    for piece in pieces:
        for attempt in range(6):
            compact = attempt >= 4
            draft = _render(
                interview,
                interviewer,
                context,
                topic,
                piece,
                tone,
                rng,
                avoid,
                also_avoid if attempt == 0 else frozenset(),
                compact,
                seed,
                variant,
            )
            report = check(draft.text, interview)
            draft = draft.with_text(draft.text, draft.paragraphs, tuple(report.findings))
            faults = sum(f.severity in ("error", "warning") for f in report.findings)
            similar = max((similarity(draft.text, s.text) for s in siblings), default=0.0)
            over = max(0, draft.words - max_words)
            rank = (faults, over, similar)
            if best is None or rank < best[0]:
                best = (rank, draft)
            if faults == 0 and over == 0 and similar < PANEL_SIMILARITY:
                return draft
    assert best is not None
    return best[1]


def _render(
    interview: Interview,
    interviewer: Interviewer | None,
    context: dict[str, str],
    topic: str,
    piece: _Piece,
    tone: str,
    rng: random.Random,
    avoid: frozenset[tuple[str, int]],
    also_avoid: frozenset[tuple[str, int]],
    compact: bool,
    seed: int,
    variant: int,
) -> Draft:
    generator = _generator()
    slots = dict(context)
    if interviewer is not None:
        slots["name"] = facts.first_name(interviewer.name)
        slots["full"] = facts.formal_name(interviewer.name)
    uses_topic = piece.symbol.endswith("_topic")
    slots["topic"] = topic
    slots["offer"] = piece.offer
    slots.update(piece.slots)
    if piece.evidence is not None and piece.evidence.kind == "topic" and uses_topic:
        slots["topic"] = piece.evidence.title
    choices: list[tuple[str, int]] = []

    def say(symbol: str, shortest: bool = False) -> str:
        expansion = generator.expand(symbol, slots, rng, tone=tone, avoid=avoid, shortest=shortest)
        if expansion is None:
            return ""
        choices.extend(expansion.choices)
        return expansion.text

    greeting = (
        say("greeting")
        if interviewer is not None
        else ("Hello," if tone == "warm" else "Dear Hiring Team,")
    )
    thanks = say("thanks", shortest=compact)
    topic_line = "" if compact or uses_topic or not topic else say("topic_line")
    follow_up = say(piece.symbol)
    cta = say("cta", shortest=compact)
    subject = say("subject") or f"Thank you: {context['role']}"
    signoff = say("signoff")
    paragraphs = tuple(p for p in (tidy(f"{thanks} {topic_line}"), tidy(f"{follow_up} {cta}")) if p)
    sender = interview.sender.name if interview.sender else None
    text = "\n\n".join([greeting, *paragraphs, signoff + (f"\n{sender}" if sender else "")])
    evidence = (piece.evidence,) if piece.evidence is not None else ()
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
        topic=topic or None,
        moment=piece.evidence.moment if piece.evidence else None,
        choices=tuple(choices),
    )


def _with_suggestions(
    draft: Draft, advice: dict[str, list[str]], plan: _Plan, interview: Interview
) -> Draft:
    from dataclasses import replace

    key = _name(plan.interviewer)
    lines = [*advice.get("", []), *advice.get(key, [])]
    # Only when nothing backs the moment: a variant may take the general line by choice.
    backed = any(
        p.evidence is not None and p.evidence.kind in ("story", "research") for p in plan.pieces
    )
    if draft.evidence and draft.evidence[0].kind == "topic" and plan.moment_number and not backed:
        lines.append(
            f"Moment {plan.moment_number} has no story or research to back it: add one and "
            "the note can give a concrete result instead of a general line."
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


def check_report(draft: Draft, interview: Interview) -> Report:
    from afterword.checker import check

    return check(draft.text, interview)
