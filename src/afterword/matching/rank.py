"""Rank the stories and research that back a better answer to each weak moment, and say why.

Three signals, each weak alone (PLATFORM.md measured BM25 and a small embedding at 0.25 and 0.18
recall@1 on real questions), add up:

- *lexical*: BM25 over stemmed content words (bm25s), for the words a question shares with a
  story ("email list" and "email capture");
- *semantic*: cosine of WordLlama embeddings, for the same meaning in other words;
- *themes*: what the question asks about (a conflict, a failure, a deadline...) against what a
  story is about, weighted by how rare the theme is in the library, since "customers" tells
  less than "a disagreement";

plus what the user already said: a story they linked to the moment, and skills of a story that
the moment's topic names. Every candidate carries the reasons that made its score.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from afterword.matching import semantic as sem
from afterword.matching.text import stems, stems_of_many, words
from afterword.matching.themes import THEMES_BY_ID, themes_of
from afterword.model import Interview, Moment, Research, Story

Mode = Literal["combined", "lexical", "semantic", "themes"]
EvidenceKind = Literal["story", "research"]


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts in the combined score (each signal lies in 0..1)."""

    lexical: float = 0.35
    semantic: float = 0.25
    themes: float = 0.45
    skills: float = 0.2
    #: A story the user linked to the moment themselves goes first: they know best.
    linked: float = 1.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """One story or research item, scored for one moment."""

    kind: EvidenceKind
    #: Position in the list of stories (or research items) that was ranked.
    position: int
    title: str
    score: float
    lexical: float
    semantic: float
    themes: tuple[str, ...]
    skills: tuple[str, ...]
    words: tuple[str, ...]
    linked: bool
    reasons: tuple[str, ...]
    story: Story | None = None
    research: Research | None = None

    @property
    def reason(self) -> str:
        """The reasons in one line, for a list item."""
        return "; ".join(self.reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 3),
            "lexical": round(self.lexical, 3),
            "semantic": round(self.semantic, 3),
            "themes": list(self.themes),
            "skills": list(self.skills),
            "words": list(self.words),
            "linked": self.linked,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class MomentEvidence:
    """The ranked evidence for one weak moment of a debrief."""

    #: 1-based, as ``afterword show`` numbers the moments.
    number: int
    moment: Moment
    #: Ids of the themes the question asks about.
    asks_about: tuple[str, ...]
    stories: tuple[Candidate, ...] = ()
    research: tuple[Candidate, ...] = ()

    def __iter__(self) -> Iterator[Candidate]:
        """The stories, then the research."""
        return iter((*self.stories, *self.research))

    @property
    def best_story(self) -> Candidate | None:
        return self.stories[0] if self.stories else None

    @property
    def best_research(self) -> Candidate | None:
        return self.research[0] if self.research else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "moment": self.number,
            "question": self.moment.question,
            "kind": self.moment.kind.value,
            "topic": self.moment.topic,
            "asks_about": [THEMES_BY_ID[t].about for t in self.asks_about],
            "stories": [c.to_dict() for c in self.stories],
            "research": [c.to_dict() for c in self.research],
        }


def story_text(story: Story) -> str:
    parts = [story.title, story.situation, story.action, story.result, *story.metrics]
    return ". ".join(p for p in parts if p) + ". " + ", ".join(story.skills)


def story_gist(story: Story) -> str:
    """The part of a story the embedding reads: what it is and what came of it. Embedding
    whole stories costs three times as long (WordLlama's time grows with the tokens) and
    ranked no better on the bench: the situation and action are mostly detail."""
    parts = [story.title, story.result, ", ".join(story.skills)]
    return ". ".join(p for p in parts if p)


def research_text(item: Research) -> str:
    return f"{item.topic}. {item.text}"


def moment_text(moment: Moment) -> str:
    """What a moment asks, for ranking: the question, the topic, and the user's better answer
    if they wrote one (what they said at the time is left out: it is the weak answer)."""
    parts = [moment.question, moment.topic, moment.better_answer]
    return ". ".join(p for p in parts if p)


@dataclass(slots=True)
class _Side:
    """One list of evidence (stories or research) prepared once for many queries."""

    kind: EvidenceKind
    titles: list[str]
    texts: list[str]
    stems: list[set[str]]
    themes: list[frozenset[str]]
    #: Per item: its skills (or the research topic), each as a set of stems.
    skills: list[list[tuple[str, frozenset[str]]]]
    #: Per item: stem -> the word as the item writes it, for reasons people can read.
    surface: list[dict[str, str]]
    idf: dict[str, float]
    bm25: Any = None
    vectors: sem.Vectors | None = None
    stories: Sequence[Story] = field(default_factory=list)
    research: Sequence[Research] = field(default_factory=list)


@lru_cache(maxsize=50_000)
def _features(text: str) -> tuple[list[str], list[str], frozenset[str]]:
    """Words, stems and themes of one text. Remembered: a user's library is ranked again for
    every moment, every draft and every page, and reading it is most of a ranking's cost."""
    found = words(text)
    return found, stems_of_many([found])[0], themes_of(text)


def _prepare(
    kind: EvidenceKind,
    titles: list[str],
    texts: list[str],
    skill_lists: list[list[str]],
    embedder: sem.Embedder | None,
    gists: list[str] | None = None,
) -> _Side:
    features = [_features(t) for t in texts]
    split = [f[0] for f in features]
    stemmed = [f[1] for f in features]
    themes = [f[2] for f in features]
    document_frequency = Counter(t for found in themes for t in found)
    n = max(len(texts), 1)
    # Rare themes tell more. With a small library every theme is rare and the weights even out.
    idf = {t: math.log(1 + n / (1 + document_frequency[t])) for t in THEMES_BY_ID}
    surface: list[dict[str, str]] = []
    for item_words, item_stems in zip(split, stemmed, strict=True):
        mapping: dict[str, str] = {}
        for word, stem in zip(item_words, item_stems, strict=True):
            mapping.setdefault(stem, word)
        surface.append(mapping)
    skills = [[(s, frozenset(stems(s))) for s in skill_list] for skill_list in skill_lists]
    side = _Side(
        kind=kind,
        titles=titles,
        texts=texts,
        stems=[set(s) for s in stemmed],
        themes=themes,
        skills=skills,
        surface=surface,
        idf=idf,
    )
    if texts:
        import bm25s  # type: ignore[import-untyped, import-not-found, unused-ignore]

        index = bm25s.BM25()
        # bm25s cannot index an empty document; a token no query has stands in for one.
        index.index([s or ["\x00"] for s in stemmed], show_progress=False)
        side.bm25 = index
        if embedder is not None:
            side.vectors = embedder.embed(gists if gists is not None else texts)
    return side


class Matcher:
    """Stories and research prepared once, ranked for any number of moments."""

    def __init__(
        self,
        stories: Sequence[Story] = (),
        research: Sequence[Research] = (),
        *,
        mode: Mode = "combined",
        weights: Weights | None = None,
        embedder: sem.Embedder | None = None,
    ) -> None:
        self.mode: Mode = mode
        self.weights = weights or Weights()
        if mode in ("combined", "semantic") and embedder is None:
            embedder = sem.wordllama()
        self._embedder = embedder if mode in ("combined", "semantic") else None
        self._stories = _prepare(
            "story",
            [s.title for s in stories],
            [story_text(s) for s in stories],
            [list(s.skills) for s in stories],
            self._embedder,
            [story_gist(s) for s in stories],
        )
        self._stories.stories = stories
        self._research = _prepare(
            "research",
            [r.topic for r in research],
            [research_text(r) for r in research],
            [[r.topic] for r in research],
            self._embedder,
        )
        self._research.research = research

    def rank_stories(
        self,
        query: str,
        topic: str | None = None,
        linked: Sequence[str] = (),
        top: int | None = None,
    ) -> list[Candidate]:
        return self._rank(self._stories, query, topic, linked, top)

    def rank_research(
        self, query: str, topic: str | None = None, top: int | None = None
    ) -> list[Candidate]:
        return self._rank(self._research, query, topic, (), top)

    def moment(self, number: int, moment: Moment, top: int | None = None) -> MomentEvidence:
        query = moment_text(moment)
        return MomentEvidence(
            number=number,
            moment=moment,
            asks_about=tuple(sorted(themes_of(query))),
            stories=tuple(self.rank_stories(query, moment.topic, moment.stories, top)),
            research=tuple(self.rank_research(query, moment.topic, top)),
        )

    def _rank(
        self,
        side: _Side,
        query: str,
        topic: str | None,
        linked: Sequence[str],
        top: int | None,
    ) -> list[Candidate]:
        n = len(side.texts)
        if n == 0:
            return []
        weights = self.weights
        query_stems = stems(query)
        query_set = set(query_stems)
        topic_stems = frozenset(stems(topic)) if topic else frozenset()

        lexical = np.zeros(n, dtype=np.float32)
        if query_stems and side.bm25 is not None:
            raw = np.asarray(side.bm25.get_scores(query_stems), dtype=np.float32)
            best = float(raw.max()) if raw.size else 0.0
            if best > 0:
                lexical = raw / best

        similarity = np.zeros(n, dtype=np.float32)
        relative = np.zeros(n, dtype=np.float32)
        if self._embedder is not None and side.vectors is not None:
            similarity = sem.cosine(self._embedder.embed([query]), side.vectors)[0]
            # Raw cosines of static embeddings crowd together (0.3-0.7 for anything in
            # English); spread them over the library so the signal can move the ranking.
            floor, ceiling = float(similarity.mean()), float(similarity.max())
            if ceiling > floor:
                relative = np.clip((similarity - floor) / (ceiling - floor), 0.0, 1.0)

        asked = themes_of(query)
        asked_weight = sum(side.idf[t] for t in asked)
        themes = np.array(
            [
                sum(side.idf[t] for t in asked & found) / asked_weight if asked_weight else 0.0
                for found in side.themes
            ]
        )

        def matched_skills(i: int) -> tuple[str, ...]:
            return tuple(
                name
                for name, skill_stems in side.skills[i]
                if skill_stems and (skill_stems <= query_set or skill_stems <= topic_stems)
            )

        skills = np.array([min(1.0, 0.6 * len(matched_skills(i))) for i in range(n)])
        folded_links = {title.casefold() for title in linked}
        is_linked = np.array([t.casefold() in folded_links for t in side.titles], dtype=bool)

        if self.mode == "lexical":
            score = lexical.astype(np.float64)
        elif self.mode == "semantic":
            score = similarity.astype(np.float64)
        elif self.mode == "themes":
            score = themes
        else:
            score = (
                weights.lexical * lexical
                + weights.semantic * relative
                + weights.themes * themes
                + weights.skills * skills
                + weights.linked * is_linked
            )
        # Ties keep the library's order, so a ranking never depends on sort instability.
        order = np.lexsort((np.arange(n), -score))[: top if top else n]
        query_order = list(dict.fromkeys(query_stems))
        out = []
        for i in (int(k) for k in order):
            shared_themes = tuple(sorted(asked & side.themes[i], key=lambda t: -side.idf[t]))
            shared_skills = matched_skills(i)
            shared_words = tuple(side.surface[i][s] for s in query_order if s in side.stems[i])
            out.append(
                Candidate(
                    kind=side.kind,
                    position=i,
                    title=side.titles[i],
                    score=float(score[i]),
                    lexical=float(lexical[i]),
                    semantic=float(similarity[i]),
                    themes=shared_themes,
                    skills=shared_skills,
                    words=shared_words[:6],
                    linked=bool(is_linked[i]),
                    reasons=_reasons(
                        side.kind,
                        bool(is_linked[i]),
                        shared_themes,
                        shared_skills,
                        shared_words,
                        float(relative[i]),
                        float(similarity[i]),
                    ),
                    story=side.stories[i] if side.kind == "story" else None,
                    research=side.research[i] if side.kind == "research" else None,
                )
            )
        return out


def _reasons(
    kind: EvidenceKind,
    linked: bool,
    themes: tuple[str, ...],
    skills: tuple[str, ...],
    shared_words: tuple[str, ...],
    relative: float,
    similarity: float,
) -> tuple[str, ...]:
    out: list[str] = []
    if linked:
        out.append("you linked it to this moment")
    if themes:
        about = "; ".join(THEMES_BY_ID[t].about for t in themes[:2])
        out.append(f"it is about what the question asks: {about}")
    if skills:
        label = "the topic" if kind == "research" else "shared skills"
        out.append(f"{label}: {', '.join(skills)}")
    skill_words = {w for s in skills for w in words(s)}
    rest = [w for w in shared_words if w not in skill_words]
    if rest:
        out.append(f"shared words: {', '.join(rest[:5])}")
    if relative >= 0.6:
        out.append(f"close in meaning (similarity {similarity:.2f})")
    return tuple(out)


def rank_evidence(
    interview: Interview,
    library: Sequence[Story] = (),
    *,
    top: int | None = 5,
    mode: Mode = "combined",
    embedder: sem.Embedder | None = None,
) -> list[MomentEvidence]:
    """The ranked stories and research for each weak moment of the interview's debrief.

    ``library`` adds the user's other stories to the interview's own (a title already among
    the interview's stories is not counted twice). ``top`` keeps the best few of each list.
    """
    stories = merge_stories(interview.stories, library)
    matcher = Matcher(stories, interview.research, mode=mode, embedder=embedder)
    return [
        matcher.moment(number, moment, top)
        for number, moment in enumerate(interview.debrief.moments, 1)
        if moment.kind.is_weak
    ]


def merge_stories(own: Sequence[Story], library: Sequence[Story]) -> list[Story]:
    seen = {s.title.casefold() for s in own}
    merged = list(own)
    for story in library:
        if story.title.casefold() not in seen:
            seen.add(story.title.casefold())
            merged.append(story)
    return merged
