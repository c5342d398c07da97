"""The better-answer drafter: a weak moment answered in the situation-action-result shape,
from the story that backs it best, for the user to edit and keep.

Interviewers listen for the shape as much as the content: where you were, what you did
yourself, and what came of it, with a number. The draft takes each part from the story as the
user wrote it, in the first person, and adds research done since where there is some.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from afterword.composer import facts, relevance

if TYPE_CHECKING:
    from afterword.matching import Candidate, MomentEvidence
    from afterword.model import Moment


@dataclass(frozen=True, slots=True)
class BetterAnswer:
    moment: int
    question: str
    #: The drafted answer, or None when there is no story or research to draft it from.
    text: str | None
    situation: str | None = None
    action: str | None = None
    result: str | None = None
    story: str | None = None
    research: str | None = None
    reasons: tuple[str, ...] = ()
    #: What to add when there is nothing to draft from.
    advice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "moment": self.moment,
            "question": self.question,
            "text": self.text,
            "situation": self.situation,
            "action": self.action,
            "result": self.result,
            "story": self.story,
            "research": self.research,
            "reasons": list(self.reasons),
            "advice": self.advice,
        }


def _first_person(action: str) -> str:
    """ "Rebuilt the landing pages; A/B tested the offer" -> "I rebuilt the landing pages, and
    A/B tested the offer." Text already in the first person is left as it is."""
    action = " ".join(action.split()).rstrip(" .;")
    first = action.split(" ", 1)[0]
    if re.match(r"(?i)^(?:I|we|my|our)\b", action) or not facts._is_past(first):
        return facts.as_sentence(action)
    parts = [p.strip() for p in action.split(";") if p.strip()]
    body = ", and ".join([parts[0][:1].lower() + parts[0][1:], *parts[1:]])
    return facts.as_sentence(f"I {body}")


def draft_answer(found: MomentEvidence, story_title: str | None = None) -> BetterAnswer:
    """Draft a better answer for one weak moment from its ranked evidence.

    ``story_title`` picks a story other than the best-ranked one (it must be among the ranked).
    Only evidence that is about the question is used (see :mod:`~.relevance`): an answer built
    on another job's story that merely shares a word with the question would not answer it.
    """
    moment = found.moment
    chosen = None
    if story_title is not None:
        chosen = next(
            (c for c in found.stories if c.title.casefold() == story_title.strip().casefold()),
            None,
        )
        if chosen is None:
            raise LookupError(f"no story titled {story_title!r} in your library")
    stories = _ranked(found.stories, moment)
    research = next(iter(_ranked(found.research, moment)), None)
    if chosen is None and stories:
        strength, best = stories[0]
        # Research on the very question ("What do you know about our customers?") answers it;
        # a story that only shares a theme with it would be a detour.
        if research is None or research[0] < relevance.ABOUT or strength >= relevance.ABOUT:
            chosen = best

    parts: list[str] = []
    situation = action = result = None
    if chosen is not None and chosen.story is not None:
        story = chosen.story
        if story.situation:
            situation = facts.as_sentence(story.situation)
            parts.append(situation)
        if story.action:
            action = _first_person(story.action)
            parts.append(action)
        clause = facts.story_clause(story, 60)
        if clause is not None:
            # "In the end, monthly churn fell...": the clause reads on after a comma as it
            # does after a colon, so names keep their capitals and nothing else gets one.
            result = facts.as_sentence(f"In the end, {clause}" if parts else clause)
            parts.append(result)
    research_text = None
    if research is not None and research[1].research is not None:
        # An interview answer is said in the next interview: "since we spoke" has no place.
        research_text = facts.research_fact(research[1].research.text, 60)
        if research_text:
            parts.append(research_text)
    if not parts:
        return BetterAnswer(
            moment=found.number,
            question=moment.question,
            text=None,
            advice=_advice(found),
        )
    return BetterAnswer(
        moment=found.number,
        question=moment.question,
        text=" ".join(parts),
        situation=situation,
        action=action,
        result=result,
        story=chosen.title if chosen is not None else None,
        research=research[1].title if research is not None and research_text else None,
        reasons=chosen.reasons if chosen is not None else (),
    )


def _ranked(candidates: Sequence[Candidate], moment: Moment) -> list[tuple[int, Candidate]]:
    rated = [(relevance.for_moment(c, moment), c) for c in candidates]
    return sorted(((s, c) for s, c in rated if s), key=lambda pair: (-pair[0], -pair[1].score))


def _advice(found: MomentEvidence) -> str:
    add = (
        "Add a story with a situation, what you did and a result with a number to your "
        "library, or research on the topic, and draft again."
    )
    if relevance.asks_for_framing(found.moment.question):
        return (
            "This question is about why you are moving and what you are looking for: it is "
            "answered by framing, not by a story. Write your better answer in the debrief, "
            "toward what draws you to this role rather than away from your last one, and "
            "draft again."
        )
    if relevance.asks_about_employer(found.moment.question):
        return (
            "This question is about the company: research answers it better than a story. "
            "Add what you have learned about it as research, and draft again."
        )
    if found.stories:
        # Say why the library's stories were passed over, so the user trusts the silence.
        closest = found.stories[0].title
        return (
            f'None of your stories is about this question (the closest, "{closest}", has no '
            "skill, theme or link that ties it to it). " + add
        )
    return add
