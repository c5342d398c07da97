"""The prep checklist for the next interview, from the person's own history: what to do first
(the causes that keep coming back, company research leading when it recurs), their lessons,
the questions most likely to come up again for this role, and the stories to have ready.

Pure: the caller passes the interviews, the story library and the clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterword.insights import CAUSE_ACTIONS, CAUSE_NAMES, RECENT, RECURS, ended
from afterword.model import Cause, Interview, Story
from afterword.question_bank import QuestionGroup, bank, signature, similarity

#: How many questions and stories a checklist lists: enough to prepare in an evening.
MAX_QUESTIONS = 8
MAX_LESSONS = 10


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to do, and why it is on the list."""

    text: str
    why: str


@dataclass(frozen=True, slots=True)
class LikelyQuestion:
    group: QuestionGroup
    #: Each interview it was asked in counts 1, plus how alike its role is to this one (0-1),
    #: plus 1 when it was asked at the same company.
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class StoryToHave:
    title: str
    result: str | None
    #: The questions (of the list) it backs.
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    company: str
    role: str
    first: list[Item]
    lessons: list[Item]
    questions: list[LikelyQuestion]
    stories: list[StoryToHave]

    def to_dict(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "role": self.role,
            "first": [{"text": i.text, "why": i.why} for i in self.first],
            "lessons": [{"text": i.text, "why": i.why} for i in self.lessons],
            "questions": [
                {
                    "question": q.group.question,
                    "score": round(q.score, 2),
                    "why": q.why,
                    "interviews": q.group.interviews,
                    "better_answer": q.group.better_answer,
                    "stories": q.group.stories,
                }
                for q in self.questions
            ],
            "stories": [
                {"title": s.title, "result": s.result, "questions": list(s.questions)}
                for s in self.stories
            ],
        }


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def checklist(
    interviews: Sequence[tuple[int, Interview]],
    library: Sequence[Story],
    company: str,
    role: str,
    now: datetime,
) -> Checklist:
    """The checklist for an interview with ``company`` for ``role``, from the interviews that
    ended by ``now``."""
    past = ended(interviews, now)
    items = [item for _, item in past]
    return Checklist(
        company.strip(),
        role.strip(),
        _first(items, company.strip()),
        _lessons(items),
        (questions := likely_questions(past, company, role)),
        _stories(questions, library),
    )


def _first(items: Sequence[Interview], company: str) -> list[Item]:
    """An item for each cause that recurs (named in two interviews or more, one of them
    recent), those named most in the recent interviews first; company research leads, since
    it is what to do first. Research kept from earlier interviews with the same company
    follows its item."""
    recent = items[-RECENT:]
    total = Counter(c for item in items for c in item.debrief.causes)
    latest = Counter(c for item in recent for c in item.debrief.causes)
    order = list(Cause)
    causes = sorted(
        (c for c, n in total.items() if n >= RECURS and latest[c] and c is not Cause.other),
        key=lambda c: (c is not Cause.company_research, -latest[c], -total[c], order.index(c)),
    )
    found: list[Item] = []
    for cause in causes:
        why = (
            f"{CAUSE_NAMES[cause].lower()} came up in {latest[cause]} of your last "
            f"{len(recent)} interviews ({total[cause]} in all)"
        )
        if cause is Cause.company_research:
            found.append(
                Item(
                    f"Research {company}: its products, recent news, and the people you will meet",
                    why[:1].upper() + why[1:],
                )
            )
            kept: set[tuple[str, str]] = set()
            for item in reversed(items):  # the latest first
                for r in item.research if _same(item.company, company) else []:
                    if (key := (r.topic.casefold(), r.text.casefold())) not in kept:
                        kept.add(key)
                        found.append(
                            Item(
                                f"Re-read what you found on {r.topic}: {r.text}",
                                f"from your {item.ended_at:%b %Y} interview with {item.company}"
                                + (f"; source: {r.source}" if r.source else ""),
                            )
                        )
            continue
        action = CAUSE_ACTIONS[cause]
        found.append(Item(action[:1].upper() + action[1:], why[:1].upper() + why[1:]))
    return found


def _lessons(items: Sequence[Interview]) -> list[Item]:
    """The user's lessons, the same lesson written after several interviews counted once (and
    listed first), then the most recent."""
    seen: dict[str, tuple[str, list[Interview]]] = {}
    for item in reversed(items):  # most recent first: the latest wording is kept
        for lesson in item.debrief.lessons:
            key = " ".join(lesson.casefold().rstrip(".").split())
            seen.setdefault(key, (lesson, []))[1].append(item)
    ranked = sorted(seen.values(), key=lambda pair: -len(pair[1]))  # stable: recent first
    found = []
    for lesson, where in ranked[:MAX_LESSONS]:
        if len(where) > 1:
            why = f"you wrote this after {len(where)} interviews"
        else:
            why = f"from {where[0].company}, {where[0].ended_at:%b %Y}"
        found.append(Item(lesson, why))
    return found


def likely_questions(
    past: Sequence[tuple[int, Interview]], company: str, role: str
) -> list[LikelyQuestion]:
    """The questions most likely to come up again: each weighted by the interviews it was
    asked in, each counting more the more alike its role is to ``role``, and more again when
    it was asked at ``company``."""
    wanted = signature(role)
    scored = []
    for group in bank(past):
        roles: dict[int, float] = {}
        at_company = False
        for asked in group.asked:
            roles[asked.interview_id] = similarity(wanted, signature(asked.role))
            at_company = at_company or _same(asked.company, company)
        score = sum(1 + alike for alike in roles.values()) + (1 if at_company else 0)
        if group.interviews < 2 and not at_company:
            continue  # asked once elsewhere: no sign it comes back
        alike_roles = sum(alike >= 0.5 for alike in roles.values())
        why = f"asked in {group.interviews} interview{'s' if group.interviews > 1 else ''}"
        if alike_roles:
            why += f", {alike_roles} for a role like this one"
        if at_company:
            why += f", at {company.strip()} before"
        if group.same_wording:
            why += "; the very same question came back"
        scored.append(LikelyQuestion(group, score, why))
    scored.sort(key=lambda q: (-q.score, -q.group.weak, -q.group.last_asked.timestamp()))
    return scored[:MAX_QUESTIONS]


def _stories(questions: Sequence[LikelyQuestion], library: Sequence[Story]) -> list[StoryToHave]:
    """The stories linked to the likely questions, those backing more of them first."""
    backs: dict[str, list[str]] = {}
    for q in questions:
        for title in q.group.stories:
            backs.setdefault(title.casefold(), [title]).append(q.group.question)
    by_title = {s.title.casefold(): s for s in library}
    ranked = sorted(backs.items(), key=lambda pair: -len(pair[1]))
    return [
        StoryToHave(
            by_title[key].title if key in by_title else found[0],
            by_title[key].result if key in by_title else None,
            tuple(found[1:]),
        )
        for key, found in ranked
    ]


def to_markdown(checklist: Checklist) -> str:
    """The checklist as Markdown, with boxes to tick."""

    def clean(text: str) -> str:
        return " ".join(text.split())

    lines = [f"# Prep: {clean(checklist.role)} at {clean(checklist.company)}", ""]
    if checklist.first:
        lines += ["## First", ""]
        lines += [f"- [ ] {clean(i.text)} (*{clean(i.why)}*)" for i in checklist.first]
        lines.append("")
    if checklist.lessons:
        lines += ["## Your lessons", ""]
        lines += [f"- [ ] {clean(i.text)} (*{clean(i.why)}*)" for i in checklist.lessons]
        lines.append("")
    if checklist.questions:
        lines += ["## Questions likely to come up", ""]
        for number, q in enumerate(checklist.questions, start=1):
            lines.append(f"{number}. **{clean(q.group.question)}** (*{clean(q.why)}*)")
            if q.group.better_answer:
                lines.append(f"   - Your better answer: {clean(q.group.better_answer)}")
            if q.group.stories:
                lines.append(f"   - Stories: {', '.join(clean(s) for s in q.group.stories)}")
        lines.append("")
    if checklist.stories:
        lines += ["## Stories to have ready", ""]
        for s in checklist.stories:
            result = f": {clean(s.result)}" if s.result else ""
            lines.append(
                f"- [ ] **{clean(s.title)}**{result} (for {len(s.questions)} question"
                f"{'s' if len(s.questions) != 1 else ''})"
            )
        lines.append("")
    if len(lines) == 2:
        lines += ["Nothing from earlier interviews yet: debrief them and this list fills in.", ""]
    return "\n".join(lines)
