"""What a person's interviews say, taken together: the causes that keep coming back, the
topics and kinds of question they are weakest on, how their feelings and outcomes moved, and
whether a note after a bad interview still paid off; then what to work on next.

Pure: the caller passes the interviews (with their ids) and the clock. Only interviews that
have ended count; an upcoming one has nothing to learn from yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from afterword.model import Cause, Interview, MomentKind, NoteStatus, Outcome

#: A feeling of 2 ("bad") or less makes an interview a bad one.
BAD_FEELING = 2
#: "Your last five interviews": recent enough to be about now, long enough to show a pattern.
RECENT = 5
#: A cause named in at least this many of the recent interviews is something to work on.
RECURS = 2
ADVANCING = frozenset({Outcome.advanced, Outcome.offer})

#: Short names for charts and tables (the debrief's labels are sentences in the first person).
CAUSE_NAMES: dict[Cause, str] = {
    Cause.preparation: "Preparation",
    Cause.company_research: "Company research",
    Cause.topic_knowledge: "Topic knowledge",
    Cause.communication: "Communication",
    Cause.forgot_details: "Forgotten details",
    Cause.nerves: "Nerves",
    Cause.offended_interviewer: "Offending the interviewer",
    Cause.other: "Something else",
}

#: What to do about each cause, said as the first thing to do before the next interview.
CAUSE_ACTIONS: dict[Cause, str] = {
    Cause.company_research: "research the company first (its products, recent news, the team)",
    Cause.preparation: "block time to prepare, and rehearse the likely questions",
    Cause.topic_knowledge: "brush up on the topics you were weakest on",
    Cause.communication: "practise your answers out loud, situation, action, result",
    Cause.forgot_details: "write your key numbers and examples on one page and read it before",
    Cause.nerves: "do a mock interview, and plan the first minute",
    Cause.offended_interviewer: "ask about their work before you give opinions on it",
    Cause.other: "read your notes on what went wrong before you start",
}

MOMENT_KIND_NAMES: dict[MomentKind, str] = {
    MomentKind.couldnt_answer: "couldn't answer",
    MomentKind.could_be_better: "could be better",
    MomentKind.forgot_to_mention: "forgot to mention",
    MomentKind.went_well: "went well",
}


@dataclass(frozen=True, slots=True)
class CauseTrend:
    """How often one cause was named: in all, per month, in the earlier and later half of the
    interviews, and in the most recent ones."""

    cause: Cause
    total: int
    earlier: int
    later: int
    recent: int
    by_month: dict[str, int]

    @property
    def name(self) -> str:
        return CAUSE_NAMES[self.cause]

    @property
    def direction(self) -> str:
        if self.later > self.earlier:
            return "rising"
        if self.later < self.earlier:
            return "falling"
        return "steady"


@dataclass(frozen=True, slots=True)
class Weakness:
    """A topic or kind of question: how many times it was a weak moment, out of how many."""

    name: str
    weak: int
    asked: int


@dataclass(frozen=True, slots=True)
class Point:
    """One interview on the timeline of feelings and outcomes."""

    interview_id: int
    company: str
    ended_at: datetime
    feeling: int | None
    outcome: Outcome | None
    note_sent: bool


@dataclass(frozen=True, slots=True)
class NotesAfterBad:
    """Bad interviews (feeling 2 or less) whose outcome is known, by whether a note went out,
    and how many of each still advanced (to the next round or an offer)."""

    with_note: int
    with_note_advanced: int
    without_note: int
    without_note_advanced: int


@dataclass(frozen=True, slots=True)
class Advice:
    """One thing to work on next, and the figures behind it."""

    text: str
    count: int
    out_of: int
    cause: Cause | None = None


@dataclass(frozen=True, slots=True)
class Insights:
    #: How many interviews have ended (the ones counted).
    interviews: int
    #: How many of them have a debrief.
    debriefed: int
    #: Each cause, with the number of interviews that named it, most named first.
    causes: dict[Cause, int]
    trends: list[CauseTrend]
    #: The months of the interviews, in order ("2026-03"), each with how many ended in it.
    months: dict[str, int]
    #: How many interviews the earlier half and the later half hold.
    halves: tuple[int, int]
    topics: list[Weakness]
    #: Kinds of question (what a question asks about: conflict, a deadline...).
    question_kinds: list[Weakness]
    moment_kinds: dict[MomentKind, int]
    timeline: list[Point]
    #: The average feeling of the earlier and the later half (None where none was given).
    feeling_by_half: tuple[float | None, float | None]
    outcomes: dict[Outcome, int]
    after_bad: NotesAfterBad
    next_steps: list[Advice] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviews": self.interviews,
            "debriefed": self.debriefed,
            "causes": {c.value: n for c, n in self.causes.items()},
            "cause_trends": {
                t.cause.value: {
                    "total": t.total,
                    "earlier_half": t.earlier,
                    "later_half": t.later,
                    "recent": t.recent,
                    "direction": t.direction,
                    "by_month": t.by_month,
                }
                for t in self.trends
            },
            "months": self.months,
            "halves": list(self.halves),
            "recent": min(RECENT, self.interviews),
            "weak_topics": [
                {"topic": w.name, "weak": w.weak, "asked": w.asked} for w in self.topics
            ],
            "weak_question_kinds": [
                {"kind": w.name, "weak": w.weak, "asked": w.asked} for w in self.question_kinds
            ],
            "moment_kinds": {k.value: n for k, n in self.moment_kinds.items()},
            "feelings": [
                {
                    "id": p.interview_id,
                    "company": p.company,
                    "ended_at": p.ended_at.isoformat(),
                    "feeling": p.feeling,
                    "outcome": p.outcome.value if p.outcome else None,
                    "note_sent": p.note_sent,
                }
                for p in self.timeline
            ],
            "feeling_by_half": list(self.feeling_by_half),
            "outcomes": {o.value: n for o, n in self.outcomes.items()},
            "notes_after_bad_interviews": {
                "with_note": self.after_bad.with_note,
                "with_note_advanced": self.after_bad.with_note_advanced,
                "without_note": self.after_bad.without_note,
                "without_note_advanced": self.after_bad.without_note_advanced,
            },
            "next_steps": [
                {"text": a.text, "count": a.count, "out_of": a.out_of} for a in self.next_steps
            ],
        }


def ended(
    interviews: Sequence[tuple[int, Interview]], now: datetime
) -> list[tuple[int, Interview]]:
    """The interviews that have ended by ``now``, oldest first."""
    return sorted(
        ((i, item) for i, item in interviews if item.ended_at <= now),
        key=lambda pair: (pair[1].ended_at, pair[0]),
    )


def month_of(interview: Interview) -> str:
    """The month an interview ended in, where it took place ("2026-03")."""
    return interview.ended_at.strftime("%Y-%m")


def insights(interviews: Sequence[tuple[int, Interview]], now: datetime) -> Insights:
    """What the interviews that ended by ``now`` say, taken together."""
    past = ended(interviews, now)
    items = [item for _, item in past]
    half = len(items) // 2
    earlier, later = items[:half], items[half:]
    recent = items[-RECENT:]

    causes = Counter(c for item in items for c in item.debrief.causes)
    months = Counter(month_of(item) for item in items)
    trends = [
        CauseTrend(
            cause,
            total,
            sum(cause in item.debrief.causes for item in earlier),
            sum(cause in item.debrief.causes for item in later),
            sum(cause in item.debrief.causes for item in recent),
            {
                month: sum(
                    cause in item.debrief.causes for item in items if month_of(item) == month
                )
                for month in sorted(months)
            },
        )
        for cause, total in _ordered(causes)
    ]

    outcomes = Counter(item.outcome for item in items if item.outcome is not None)
    timeline = [
        Point(
            i,
            item.company,
            item.ended_at,
            item.debrief.feeling,
            item.outcome,
            any(n.status is NoteStatus.sent for n in item.notes),
        )
        for i, item in past
    ]
    bad = [p for p in timeline if p.feeling is not None and p.feeling <= BAD_FEELING and p.outcome]
    after_bad = NotesAfterBad(
        sum(p.note_sent for p in bad),
        sum(p.note_sent and p.outcome in ADVANCING for p in bad),
        sum(not p.note_sent for p in bad),
        sum(not p.note_sent and p.outcome in ADVANCING for p in bad),
    )
    topics, kinds = _weaknesses(items)
    found = Insights(
        interviews=len(items),
        debriefed=sum(item.debrief.is_started for item in items),
        causes=dict(_ordered(causes)),
        trends=trends,
        months=dict(sorted(months.items())),
        halves=(len(earlier), len(later)),
        topics=topics,
        question_kinds=kinds,
        moment_kinds=dict(
            _ordered(Counter(m.kind for item in items for m in item.debrief.weak_moments))
        ),
        timeline=timeline,
        feeling_by_half=(_average_feeling(earlier), _average_feeling(later)),
        outcomes=dict(_ordered(outcomes)),
        after_bad=after_bad,
    )
    return Insights(**{**_fields(found), "next_steps": next_steps(found, recent)})


def _fields(found: Insights) -> dict[str, Any]:
    return {name: getattr(found, name) for name in Insights.__dataclass_fields__}


E = TypeVar("E", bound=StrEnum)


def _ordered(counts: Counter[E]) -> list[tuple[E, int]]:
    """Most first; ties in the order of the enum (a stable, explainable order)."""
    return sorted(counts.items(), key=lambda pair: (-pair[1], _position(pair[0])))


def _position(member: StrEnum) -> int:
    return list(type(member).__members__.values()).index(member)


def _average_feeling(items: Sequence[Interview]) -> float | None:
    feelings = [item.debrief.feeling for item in items if item.debrief.feeling is not None]
    return round(sum(feelings) / len(feelings), 2) if feelings else None


def _weaknesses(items: Sequence[Interview]) -> tuple[list[Weakness], list[Weakness]]:
    """Topics and kinds of question by how often they were weak moments (then how often they
    came up at all); a topic is named as the user first wrote it."""
    from afterword.matching.themes import THEMES_BY_ID, themes_of

    topic_names: dict[str, str] = {}
    topic_weak: Counter[str] = Counter()
    topic_asked: Counter[str] = Counter()
    kind_weak: Counter[str] = Counter()
    kind_asked: Counter[str] = Counter()
    for item in items:
        for moment in item.debrief.moments:
            weak = moment.kind.is_weak
            if moment.topic and moment.topic.strip():
                key = " ".join(moment.topic.casefold().split())
                topic_names.setdefault(key, moment.topic.strip())
                topic_asked[key] += 1
                topic_weak[key] += weak
            for theme in themes_of(moment.question):
                kind_asked[theme] += 1
                kind_weak[theme] += weak

    def ranked(weak: Counter[str], asked: Counter[str], name: Any) -> list[Weakness]:
        rows = [Weakness(name(key), weak[key], asked[key]) for key in asked if weak[key]]
        return sorted(rows, key=lambda w: (-w.weak, -w.weak / w.asked, w.name.casefold()))

    return (
        ranked(topic_weak, topic_asked, topic_names.__getitem__),
        ranked(kind_weak, kind_asked, lambda key: THEMES_BY_ID[key].about),
    )


def next_steps(found: Insights, recent: Sequence[Interview]) -> list[Advice]:
    """What to work on next: the causes that keep coming back in the recent interviews (most
    first), then the weakest topic, then what notes after bad interviews did."""
    advice: list[Advice] = []
    out_of = len(recent)
    counts = Counter(c for item in recent for c in item.debrief.causes)
    for cause, count in _ordered(counts):
        if count < RECURS or cause is Cause.other:
            continue
        action = CAUSE_ACTIONS[cause]
        if cause is Cause.topic_knowledge and found.topics:
            action = f"brush up on {found.topics[0].name} first"
        advice.append(
            Advice(
                f"{CAUSE_NAMES[cause]} came up in {count} of your last {out_of} interviews: "
                f"{action}.",
                count,
                out_of,
                cause,
            )
        )
    if found.topics and found.topics[0].weak >= RECURS:
        top = found.topics[0]
        advice.append(
            Advice(
                f"Your answers on {top.name} were weak {top.weak} times out of {top.asked}: "
                "write one strong answer with a story, and say it out loud.",
                top.weak,
                top.asked,
            )
        )
    bad = found.after_bad
    if bad.with_note_advanced:
        advice.append(
            Advice(
                f"After {bad.with_note} bad interviews you sent a note, and "
                f"{bad.with_note_advanced} of them still led to the next round or an offer: a "
                "bad interview is not the end, so send the note.",
                bad.with_note_advanced,
                bad.with_note,
            )
        )
    return advice


@dataclass(frozen=True, slots=True)
class SkillStep:
    """How one skill went in one interview: how many of its moments were weak, of how many."""

    company: str
    ended_at: datetime
    weak: int
    asked: int

    @property
    def strong(self) -> int:
        return self.asked - self.weak


@dataclass(frozen=True, slots=True)
class SkillProgress:
    """One skill (a topic of the moments, or a kind of question) from the first interview it
    came up in to the latest: progress, not a score."""

    name: str
    #: ``topic`` (as the person wrote it) or ``question`` (a kind of question).
    kind: str
    first: SkillStep
    latest: SkillStep
    #: In how many interviews it came up.
    interviews: int

    @property
    def direction(self) -> str:
        """``better``, ``worse`` or ``same`` (the share of weak moments, first to latest);
        ``once`` when it came up in one interview only."""
        if self.interviews < 2:
            return "once"
        first = self.first.weak / self.first.asked
        latest = self.latest.weak / self.latest.asked
        if latest < first:
            return "better"
        if latest > first:
            return "worse"
        return "same"


def skill_progress(
    interviews: Sequence[tuple[int, Interview]], now: datetime
) -> list[SkillProgress]:
    """Each skill the moments of the ended interviews touch (their topics, and the kinds of
    question of :func:`_weaknesses`), first interview → latest; those that came up in
    several interviews first, then by name."""
    from afterword.matching.themes import THEMES_BY_ID, themes_of

    names: dict[tuple[str, str], str] = {}
    steps: dict[tuple[str, str], list[SkillStep]] = {}
    for _, item in ended(interviews, now):
        counts: dict[tuple[str, str], list[int]] = {}
        for moment in item.debrief.moments:
            keys = []
            if moment.topic and moment.topic.strip():
                key = ("topic", " ".join(moment.topic.casefold().split()))
                names.setdefault(key, moment.topic.strip())
                keys.append(key)
            for theme in sorted(themes_of(moment.question)):
                key = ("question", theme)
                names.setdefault(key, THEMES_BY_ID[theme].about)
                keys.append(key)
            for key in keys:
                weak_asked = counts.setdefault(key, [0, 0])
                weak_asked[0] += moment.kind.is_weak
                weak_asked[1] += 1
        for key, (weak, asked) in counts.items():
            steps.setdefault(key, []).append(SkillStep(item.company, item.ended_at, weak, asked))
    found = [
        SkillProgress(names[key], key[0], found[0], found[-1], len(found))
        for key, found in steps.items()
    ]
    return sorted(found, key=lambda p: (p.interviews < 2, p.kind, p.name.casefold()))
