"""The question bank: every moment of every interview with its question, the better answer
written since and the stories behind it, with the same question asked in different interviews
grouped together.

Two questions are the same question when their words overlap enough: each is read as the set
of its content words, stemmed ("researching" meets "research"; "tell me about a time" and
other words every question is made of are left out), and two sets whose Jaccard similarity
(shared words over all words) is at least :data:`SIMILAR` are grouped, and so is a question
with any question of the group (single linkage). A question of nothing but such words ("Tell
me about yourself") keeps all its words. Simple on purpose: every grouping can be explained by
the words the questions share.

Pure: the caller passes the interviews with their ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterword.model import Interview, Moment, MomentKind

#: Two questions sharing at least half of their words (together) are the same question.
SIMILAR = 0.5


@dataclass(frozen=True, slots=True)
class Asked:
    """One moment of one interview: where and when the question was asked."""

    interview_id: int
    company: str
    role: str
    ended_at: datetime
    #: The moment's place in the debrief, 1-based (as `afterword show` numbers them).
    number: int
    moment: Moment


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """A question, asked once or in several interviews (most recent first)."""

    asked: tuple[Asked, ...]
    #: The words all of its wordings share (stemmed), to explain the grouping.
    shared: frozenset[str]

    @property
    def question(self) -> str:
        """The most recent wording."""
        return self.asked[0].moment.question

    @property
    def wordings(self) -> list[str]:
        return list(dict.fromkeys(a.moment.question for a in self.asked))

    @property
    def interviews(self) -> int:
        """In how many interviews it was asked."""
        return len({a.interview_id for a in self.asked})

    @property
    def same_wording(self) -> bool:
        """Whether the very same question (normalised) came back in another interview: the
        strongest sign that it will come up again."""
        seen: dict[str, int] = {}
        for a in self.asked:
            key = normalise(a.moment.question)
            if seen.setdefault(key, a.interview_id) != a.interview_id:
                return True
        return False

    @property
    def recurs(self) -> bool:
        return self.interviews > 1

    @property
    def better_answer(self) -> str | None:
        """The most recent better answer written for it."""
        return next((a.moment.better_answer for a in self.asked if a.moment.better_answer), None)

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(a.moment.topic for a in self.asked if a.moment.topic))

    @property
    def stories(self) -> list[str]:
        """The stories linked to it, most often linked first."""
        counts = Counter(title for a in self.asked for title in a.moment.stories)
        return [title for title, _ in counts.most_common()]

    @property
    def weak(self) -> int:
        """How many times it was a weak moment."""
        return sum(a.moment.kind.is_weak for a in self.asked)

    @property
    def last_asked(self) -> datetime:
        return self.asked[0].ended_at

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "wordings": self.wordings,
            "interviews": self.interviews,
            "same_wording": self.same_wording,
            "shared_words": sorted(self.shared),
            "topics": self.topics,
            "better_answer": self.better_answer,
            "stories": self.stories,
            "asked": [
                {
                    "interview_id": a.interview_id,
                    "company": a.company,
                    "role": a.role,
                    "ended_at": a.ended_at.isoformat(),
                    "moment": a.number,
                    "question": a.moment.question,
                    "kind": a.moment.kind.value,
                    "topic": a.moment.topic,
                    "better_answer": a.moment.better_answer,
                    "stories": a.moment.stories,
                }
                for a in self.asked
            ],
        }


def normalise(question: str) -> str:
    """A question as compared word for word: case, punctuation and spacing left out."""
    from afterword.matching.text import fold, tokens

    return " ".join(tokens(fold(question)))


def signature(text: str) -> frozenset[str]:
    """The stems of the content words of ``text`` (of all its words, when it has no other)."""
    from afterword.matching.text import fold, stem_table, stems, tokens

    found = frozenset(stems(text))
    if found:
        return found
    every = tokens(fold(text))
    table = stem_table(every)
    return frozenset(table[w] for w in every)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity: the words two questions share, over all the words of both."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def moments_of(interviews: Iterable[tuple[int, Interview]]) -> list[Asked]:
    """Every moment of every interview, most recent interview first."""
    found = [
        Asked(i, item.company, item.role, item.ended_at, number, moment)
        for i, item in interviews
        for number, moment in enumerate(item.debrief.moments, start=1)
    ]
    return sorted(found, key=lambda a: (-a.ended_at.timestamp(), -a.interview_id, a.number))


def bank(interviews: Iterable[tuple[int, Interview]]) -> list[QuestionGroup]:
    """Every question, the same question from different interviews grouped; those asked in
    more interviews first, the very same wording before a similar one, then the most recent."""
    asked = moments_of(interviews)
    signatures = [signature(a.moment.question) for a in asked]
    parent = list(range(len(asked)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    # Only questions that share a word can be similar: compare those alone.
    by_word: dict[str, list[int]] = {}
    for index, words in enumerate(signatures):
        for word in words:
            by_word.setdefault(word, []).append(index)
    for index, words in enumerate(signatures):
        candidates = {other for word in words for other in by_word[word] if other > index}
        for other in candidates:
            if similarity(words, signatures[other]) >= SIMILAR:
                parent[root(other)] = root(index)

    members: dict[int, list[int]] = {}
    for index in range(len(asked)):
        members.setdefault(root(index), []).append(index)
    groups = [
        QuestionGroup(
            tuple(asked[i] for i in indices),
            frozenset.intersection(*(signatures[i] for i in indices)),
        )
        for indices in members.values()
    ]
    return sorted(
        groups,
        key=lambda g: (-g.interviews, not g.same_wording, -g.last_asked.timestamp()),
    )


def search(
    groups: Sequence[QuestionGroup], query: str | None = None, topic: str | None = None
) -> list[QuestionGroup]:
    """The groups whose question, better answer, topic or stories hold ``query`` (as written,
    or every one of its words, stemmed), and with ``topic`` among their topics."""
    found = list(groups)
    if topic and topic.strip():
        wanted = " ".join(topic.casefold().split())
        found = [
            g for g in found if any(" ".join(t.casefold().split()) == wanted for t in g.topics)
        ]
    if query and query.strip():
        needle = query.casefold().strip()
        words = signature(query)

        def matches(group: QuestionGroup) -> bool:
            texts = [
                *(a.moment.question for a in group.asked),
                *(a.moment.better_answer or "" for a in group.asked),
                *group.topics,
                *group.stories,
            ]
            if any(needle in text.casefold() for text in texts):
                return True
            return bool(words) and words <= signature(" ".join(texts))

        found = [g for g in found if matches(g)]
    return found


def weak_only(groups: Sequence[QuestionGroup]) -> list[QuestionGroup]:
    """The groups with at least one moment that did not go well."""
    return [g for g in groups if any(a.moment.kind is not MomentKind.went_well for a in g.asked)]
