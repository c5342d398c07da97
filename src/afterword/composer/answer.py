"""The better-answer drafter: a weak moment answered in the situation-action-result shape,
from the story that backs it best, for the user to edit and keep.

Interviewers listen for the shape as much as the content: where you were, what you did
yourself, and what came of it, with a number. The draft takes each part from the story as the
user wrote it, in the first person, and adds research done since where there is some.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from afterword.composer import facts

if TYPE_CHECKING:
    from afterword.matching import MomentEvidence


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
    """
    moment = found.moment
    candidates = list(found.stories)
    chosen = None
    if story_title is not None:
        chosen = next(
            (c for c in candidates if c.title.casefold() == story_title.strip().casefold()), None
        )
        if chosen is None:
            raise LookupError(f"no story titled {story_title!r} in your library")
    elif candidates and (
        candidates[0].linked or candidates[0].themes or candidates[0].skills or candidates[0].words
    ):
        chosen = candidates[0]
    research = found.best_research
    # Research joins the answer only when it is about the question: a word or two in common
    # (as "market" in an answer about email sign-ups) would make the answer wander.
    if research is not None and not (
        research.linked or research.skills or len(research.words) >= 3
    ):
        research = None

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
            if clause.startswith("I "):
                result = facts.as_sentence(("In the end, " if parts else "") + clause)
            else:
                # After a colon the clause keeps its capital, whether it is "Overtime" or a
                # name such as "Brightline", which cannot be told apart here.
                result = facts.as_sentence(f"The result: {clause}")
            parts.append(result)
    research_text = None
    if research is not None and research.research is not None:
        research_text = facts.research_fact(research.research.text, 60)
        if research_text:
            parts.append(research_text)
    if not parts:
        return BetterAnswer(
            moment=found.number,
            question=moment.question,
            text=None,
            advice=(
                "Add a story with a situation, what you did and a result with a number "
                "(`afterword story add`), or research on the topic, and draft again."
            ),
        )
    return BetterAnswer(
        moment=found.number,
        question=moment.question,
        text=" ".join(parts),
        situation=situation,
        action=action,
        result=result,
        story=chosen.title if chosen is not None else None,
        research=research.title if research is not None and research_text else None,
        reasons=chosen.reasons if chosen is not None else (),
    )
