"""Whether a ranked story or research item is evidence for a moment (or a topic) at all.

The matcher ranks everything, and the best of a library of unrelated stories is still
unrelated: a note that offers it ("To build on my answer about onboarding, I caught 11 feed
failures...") reads as a non sequitur, which is worse than no story. Words in common ("first",
"day") or one skill that is only part of the question ("sql" for "SQL window functions") are
not evidence. What is, strongest first:

- ``LINKED``: the user tied the story to the moment themselves;
- ``ABOUT``: a skill of the story, or the topic of the research, is what the question is about
  (it covers at least half of the moment's topic or question, and they of it);
- ``RELATED``: the story's title names a theme the question itself asks about (a conflict,
  a failure...: "Pushed back on the release date" for "a time you disagreed"), or it is close
  in meaning (cosine of the embeddings at least
  :data:`STRONG_MEANING`, above every unrelated pair of the labelled set).

A question about the employer ("What do you know about our customers?") is answered by
research, not by a story from another job: there only a link the user made counts for a story.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from afterword.matching import themes_of
from afterword.matching.text import stems

if TYPE_CHECKING:
    from afterword.matching import Candidate
    from afterword.model import Moment

NONE, RELATED, ABOUT, LINKED = 0, 1, 2, 3
#: Raw cosine of WordLlama embeddings; the labelled set's unrelated pairs stay below 0.48.
STRONG_MEANING = 0.5

_EMPLOYER = re.compile(
    r"\b(?:know|knew|heard|familiar|learn(?:ed|t)?|read|research(?:ed)?)\b[^?.!]*"
    r"\b(?:us|our|we|this\s+company|the\s+company)\b"
    r"|\bwhy\s+(?:us|here|this\s+company|our\s+company|do\s+you\s+want\s+to\s+(?:work|join))\b"
    r"|\b(?:who|what)\s+(?:are|is)\s+our\b"
    r"|\bwhat\s+do\s+you\s+think\s+(?:of|about)\s+(?:us|our)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8_192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stems(text))


@lru_cache(maxsize=8_192)
def _themes(text: str) -> frozenset[str]:
    return themes_of(text)


def asks_about_employer(question: str) -> bool:
    return bool(_EMPLOYER.search(question))


# Questions about the candidate's motives and plans: answered by framing (what they are moving
# towards, why this role), not by a story of something they did.
_FRAMING = re.compile(
    r"\bwhy\s+(?:are|were)\s+you\s+(?:leaving|looking|moving)\b|\bwhy\s+(?:did|do)\s+you\s+"
    r"(?:want\s+to\s+)?(?:leave|quit|change|switch|move)\b|\breasons?\s+for\s+(?:leaving|moving)\b"
    r"|\bwhy\s+(?:this|a)\s+(?:role|job|position|career|change)\b|\bcareer\s+change\b"
    r"|\bwhere\s+do\s+you\s+see\s+yourself\b|\b(?:salary|pay|compensation)\s+expectations?\b"
    r"|\bgap\s+in\s+your\s+(?:cv|resume|résumé|employment)\b|\bwhy\s+should\s+we\s+hire\s+you\b"
    r"|\b(?:why|leaving)\s+(?:your\s+)?(?:current|last|previous)\s+(?:job|role|employer|company)\b",
    re.IGNORECASE,
)


def asks_for_framing(question: str) -> bool:
    """Whether the question is about motives or plans ("Why are you leaving?")."""
    return bool(_FRAMING.search(question))


def covers(name: str, subject: str) -> bool:
    """Whether ``name`` (a skill, a research topic) is what ``subject`` is about: one names the
    other whole, and that is at least half of each ("dbt" in "dbt models", "pricing" and
    "enterprise pricing"; but "sql" is a third of "SQL window functions", and "data
    visualization" shares only a modifier with "data quality")."""
    a, b = _stems(name), _stems(subject)
    shared = len(a & b)
    return (
        shared > 0 and shared in (len(a), len(b)) and 2 * shared >= len(a) and 2 * shared >= len(b)
    )


def names(phrase: str, question: str) -> bool:
    """Whether a question names ``phrase`` as a name ("our Kafka cluster", "your SQL"): a
    product or a technology the question is about, though it is one word of several."""
    if not _stems(phrase) <= _stems(question):
        return False
    pattern = r"(?<=\w )" + r"\W+".join(map(re.escape, phrase.split())) + r"\b"
    m = re.search(pattern, question, re.IGNORECASE)
    return m is not None and m.group(0)[:1].isupper()


def is_subject(name: str, moment: Moment) -> bool:
    """Whether a skill (or a research topic) is what the moment is about."""
    if moment.topic and covers(name, moment.topic):
        return True
    return covers(name, moment.question) or names(name, moment.question)


def for_moment(candidate: Candidate, moment: Moment) -> int:
    """How strongly a candidate backs a better answer to ``moment`` (NONE: not at all)."""
    if candidate.linked:
        return LINKED
    if candidate.story is not None:
        if asks_about_employer(moment.question):
            return NONE
        if any(is_subject(skill, moment) for skill in candidate.story.skills):
            return ABOUT
        # The story's title says what it is about; a theme cue in its details ("customers" in
        # a result, "grow" in a question about helping someone grow) is too loose a tie.
        if _themes(moment.question) & _themes(candidate.story.title):
            return RELATED
    elif candidate.research is not None and is_subject(candidate.research.topic, moment):
        return ABOUT
    return RELATED if candidate.semantic >= STRONG_MEANING else NONE


def for_topic(candidate: Candidate, topic: str) -> int:
    """How strongly a candidate speaks to a topic an interviewer discussed (no themes here: a
    topic names a subject, not the kind of situation a behavioural question asks about)."""
    names = (
        candidate.story.skills
        if candidate.story is not None
        else [candidate.research.topic]
        if candidate.research is not None
        else []
    )
    if any(covers(name, topic) for name in names):
        return ABOUT
    return RELATED if candidate.semantic >= STRONG_MEANING else NONE
