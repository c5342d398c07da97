"""Rank the stories and research that back a better answer to each weak moment, and say why.

Four signals, each weak alone (PLATFORM.md measured BM25 and a small embedding at 0.25 and 0.18
recall@1 on real questions), add up:

- *lexical*: BM25 over stemmed content words (bm25s's scores, computed here), for the words a
  question shares with a story ("email list" and "email capture");
- *semantic*: cosine of WordLlama embeddings, for the same meaning in other words;
- *themes*: what the question asks about (a conflict, a failure, a deadline...) against what a
  story is about, weighted by how rare the theme is in the library, since "customers" tells
  less than "a disagreement";
- *competency*: the chance that the question and the story are about the same competency of
  the taxonomy interviewers ask from (:mod:`~.competency`: cue words, themes, and how close
  each comes to published questions of each competency, a story's skills read on their own,
  and a learned model's reading of the question), which carries a jotted note ("the
  team-conflict q") that shares no word with its story;

plus what the user already said: a story they linked to the moment, and skills of a story that
the moment's topic names. Every candidate carries the reasons that made its score. Queries are
read as the rankers read them (:func:`~.text.ranking_words`): hyphenated compounds split, and
the words of jotting a question down ("question", "q") never count as evidence.

Speed: what each story says is read once per process and remembered by its text
(:mod:`afterword.matching.features`), its embedding likewise (:mod:`~.semantic`), and a query
then costs a few numpy operations over the library plus the candidates it returns; each story's
competencies are remembered likewise (:meth:`~.competency.CompetencyReader.shown`). A library
of 1,000 stories is ranked for three moments in about 20-40 ms when known and 100-200 ms when
every story is new, most of it reading the stories (``bench/matching.py`` and
bench/matching_results.md, on a busy two-core box).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from typing import Any, Literal, TypeVar

import numpy as np
from numpy.typing import NDArray

from afterword.matching import competency as comp
from afterword.matching import semantic as sem
from afterword.matching.features import FEATURES, FeatureCache, Features, read
from afterword.matching.features import Key as FeatureKey
from afterword.matching.text import ranking_stems, words
from afterword.matching.themes import THEME_BIT, THEMES_BY_ID, bits_of, ordered_themes, themes_of
from afterword.model import Interview, Moment, Research, Story

Mode = Literal["combined", "lexical", "semantic", "themes", "competency"]
EvidenceKind = Literal["story", "research"]
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts in the combined score (each signal lies in 0..1)."""

    lexical: float = 0.3
    semantic: float = 0.24
    themes: float = 0.36
    skills: float = 0.12
    #: The chance that the story shows the competency the question asks about (chosen with the
    #: learned model's mixtures by cross-validation over the three public sets and the team
    #: set, tools/train_competency.py).
    competency: float = 0.6
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
    #: Ids of the competencies the question most likely asks about, likeliest first.
    competencies: tuple[str, ...] = ()

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
            "competencies": comp.describe(self.competencies),
            "stories": [c.to_dict() for c in self.stories],
            "research": [c.to_dict() for c in self.research],
        }


def story_text(story: Story) -> str:
    parts = [story.title, story.situation, story.action, story.result, *story.metrics]
    return ". ".join([p for p in parts if p]) + ". " + ", ".join(story.skills)


def story_gist(story: Story) -> str:
    """The part of a story the embedding reads: what it is and what came of it. Embedding
    whole stories costs three times as long (WordLlama's time grows with the tokens) and
    ranked no better on the bench: the situation and action are mostly detail."""
    parts = [story.title, story.result, ", ".join(story.skills)]
    return ". ".join([p for p in parts if p])


def research_text(item: Research) -> str:
    return f"{item.topic}. {item.text}"


def moment_text(moment: Moment) -> str:
    """What a moment asks, for ranking: the question, the topic, and the user's better answer
    if they wrote one (what they said at the time is left out: it is the weak answer)."""
    parts = [moment.question, moment.topic, moment.better_answer]
    return ". ".join([p for p in parts if p])


#: BM25 as bm25s scores it by default ("lucene"), reproduced to the bit (a test checks):
#: bm25s rebuilt its whole index for every ranking, which no cache could spare.
_K1 = 1.5
_B = 0.75


@dataclass(slots=True)
class _Side:
    """One list of evidence (stories or research) prepared once for many queries."""

    kind: EvidenceKind
    titles: list[str]
    features: list[Features]
    #: Per item: BM25's length normalisation, k1 * (1 - b + b * length / mean length).
    norms: NDArray[np.float64]
    #: Each item's themes as bits (:data:`~afterword.matching.themes.THEME_BIT`).
    theme_bits: NDArray[np.int64]
    #: Each distinct list of skills in the list, and each item's index into them.
    skill_lists: list[tuple[tuple[str, frozenset[str]], ...]]
    skill_list_of: NDArray[np.intp]
    idf: dict[str, float]
    #: Each item's ``features.terms``.
    terms: list[dict[str, int]] = field(default_factory=list)
    vectors: sem.Vectors | None = None
    #: What the embedding read of each item.
    gists: list[str] = field(default_factory=list)
    #: Each item's whole text, as read for its features.
    texts: list[str] = field(default_factory=list)
    #: Each item's distribution over the competencies (filled at the first ranking).
    competencies: NDArray[np.float32] | None = None
    #: stem -> its BM25 score in each item (0 where absent); filled as queries ask.
    columns: dict[str, NDArray[np.float32] | None] = field(default_factory=dict)
    stories: Sequence[Story] = field(default_factory=list)
    research: Sequence[Research] = field(default_factory=list)
    _skill_pairs: set[tuple[str, frozenset[str]]] | None = None

    def skill_pairs(self) -> set[tuple[str, frozenset[str]]]:
        """Each distinct skill of the list, with its stems."""
        if self._skill_pairs is None:
            self._skill_pairs = set().union(*self.skill_lists)
        return self._skill_pairs

    def column(self, stem: str) -> NDArray[np.float32] | None:
        """Each item's BM25 score for ``stem``, None where no item has it."""
        if stem in self.columns:
            return self.columns[stem]
        n = len(self.features)
        # map over dict.get runs at C speed, where a generator costs a Python step an item.
        tf = np.fromiter(map(dict.get, self.terms, repeat(stem), repeat(0)), np.float32, n)
        df = int(np.count_nonzero(tf))
        found: NDArray[np.float32] | None = None
        if df:
            idf = np.float32(math.log(1 + (n - df + 0.5) / (df + 0.5)))
            found = (idf * (tf / (self.norms + tf))).astype(np.float32)
        if len(self.columns) < 10_000:
            self.columns[stem] = found
        return found

    def bm25(
        self, query_stems: Sequence[str], weights: Sequence[float] | None = None
    ) -> NDArray[np.float32]:
        """BM25 scores of every item for a query (each repeat of a stem counts again), each
        stem's score times its weight where ``weights`` gives them."""
        scores = np.zeros(len(self.features), dtype=np.float32)
        for at, stem in enumerate(query_stems):
            found = self.column(stem)
            if found is not None:
                if weights is None or weights[at] == 1.0:
                    scores += found
                else:
                    scores += np.float32(weights[at]) * found
        return scores


_THEME_BITS = attrgetter("theme_bits")
#: A competency this likely is what a question asks, or what a story shows.
_CLEAR = 0.4
_CUES = attrgetter("competency_cues")


def _groups(values: Sequence[_T]) -> tuple[list[_T], NDArray[np.intp]]:
    """The distinct values (first seen first) and each value's index among them."""
    index: dict[_T, int] = {}
    of = np.fromiter((index.setdefault(v, len(index)) for v in values), np.intp, len(values))
    return list(index), of


def _prepare(
    kind: EvidenceKind,
    titles: list[str],
    keys: list[FeatureKey],
    cache: FeatureCache | None,
    embedder: sem.Embedder | None,
    gists: list[str],
) -> _Side:
    features = cache.get_many(keys) if cache is not None else read(keys)
    n = max(len(keys), 1)
    theme_bits = np.fromiter(map(_THEME_BITS, features), np.int64, len(features))
    # Rare themes tell more. With a small library every theme is rare and the weights even out.
    idf = {
        t: math.log(1 + n / (1 + int(np.count_nonzero(theme_bits & bit))))
        for t, bit in THEME_BIT.items()
    }
    skill_lists, skill_list_of = _groups([f.skills for f in features])
    lengths = np.array([f.length for f in features], dtype=np.int64)
    norms = np.zeros(len(features), dtype=np.float64)
    if len(features):
        norms = _K1 * ((1 - _B) + _B * lengths.astype(np.float64) / lengths.mean())
    side = _Side(
        kind=kind,
        titles=titles,
        features=features,
        norms=norms,
        theme_bits=theme_bits,
        skill_lists=skill_lists,
        skill_list_of=skill_list_of,
        idf=idf,
        terms=[f.terms for f in features],
    )
    side.gists = gists
    side.texts = [text for text, _ in keys]
    if keys and embedder is not None:
        side.vectors = embedder.embed(gists)
    return side


def _competencies(side: _Side, reader: comp.CompetencyReader) -> NDArray[np.float32]:
    """Each item's distribution over the competencies, read once per side."""
    if side.competencies is None:
        cues = np.fromiter(map(_CUES, side.features), np.int64, len(side.features))
        skills = [f.skills for f in side.features]
        side.competencies = reader.shown(
            side.texts, side.vectors, side.theme_bits, cues, side.terms, skills
        )
    return side.competencies


@lru_cache(maxsize=4_096)
def _stem_weights(query_stems: tuple[str, ...]) -> tuple[float, ...]:
    """How much each stem of a query counts: words that every kind of interview question uses
    ("work", "project", "difficult") count for less (:func:`~.competency.question_word_weight`)."""
    return tuple(map(comp.question_word_weight, query_stems))


@lru_cache(maxsize=4_096)
def _query(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The stems (in order, repeats kept) and the themes of a query."""
    return tuple(ranking_stems(text)), themes_of(text)


class Matcher:
    """Stories and research prepared once, ranked for any number of moments.

    What it reads in each story is remembered across matchers (``cache``, by default the
    process's :data:`~afterword.matching.features.FEATURES`), so preparing the same library
    again costs little; ``cache=None`` reads everything afresh. ``reader`` reads the
    competencies (by default the process's reader for the embedder, with the shipped model).
    """

    def __init__(
        self,
        stories: Sequence[Story] = (),
        research: Sequence[Research] = (),
        *,
        mode: Mode = "combined",
        weights: Weights | None = None,
        embedder: sem.Embedder | None = None,
        cache: FeatureCache | None = FEATURES,
        reader: comp.CompetencyReader | None = None,
    ) -> None:
        self.mode: Mode = mode
        self.weights = weights or Weights()
        embeds = mode in ("combined", "semantic", "competency")
        if embeds and embedder is None:
            embedder = sem.wordllama()
        self._embedder = embedder if embeds else None
        self._reader = reader or comp.reader(self._embedder)
        self._stories = _prepare(
            "story",
            [s.title for s in stories],
            [(story_text(s), tuple(s.skills)) for s in stories],
            cache,
            self._embedder,
            [story_gist(s) for s in stories],
        )
        self._stories.stories = stories
        texts = [research_text(r) for r in research]
        self._research = _prepare(
            "research",
            [r.topic for r in research],
            [(text, (r.topic,)) for text, r in zip(texts, research, strict=True)],
            cache,
            self._embedder,
            texts,
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

    def competencies(self, query: str) -> tuple[str, ...]:
        """The ids of the competencies ``query`` asks about, likeliest first (all of them)."""
        return self._reader.ranked(self._asked(query))

    def story_competencies(self) -> NDArray[np.float32]:
        """Each story's distribution over the competencies (:data:`~.competency.COMPETENCY_IDS`),
        one row a story, in the order given."""
        return _competencies(self._stories, self._reader)

    def _asked(self, query: str) -> NDArray[np.float32]:
        return self._reader.question(query, bits_of(_query(query)[1]))

    def moment(self, number: int, moment: Moment, top: int | None = None) -> MomentEvidence:
        query = moment_text(moment)
        asked = self._asked(query)
        likely = [
            c for c, p in zip(comp.COMPETENCY_IDS, asked.tolist(), strict=True) if p >= _CLEAR
        ]
        return MomentEvidence(
            number=number,
            moment=moment,
            asks_about=tuple(sorted(_query(query)[1])),
            stories=tuple(self.rank_stories(query, moment.topic, moment.stories, top)),
            research=tuple(self.rank_research(query, moment.topic, top)),
            competencies=tuple(sorted(likely, key=lambda c: -asked[comp.COMPETENCY_IDS.index(c)])),
        )

    def _rank(
        self,
        side: _Side,
        query: str,
        topic: str | None,
        linked: Sequence[str],
        top: int | None,
    ) -> list[Candidate]:
        n = len(side.titles)
        if n == 0:
            return []
        weights = self.weights
        query_stems, asked = _query(query)
        query_set = set(query_stems)
        topic_stems = frozenset(_query(topic)[0]) if topic else frozenset()

        lexical = np.zeros(n, dtype=np.float32)
        if query_stems:
            raw = side.bm25(query_stems, _stem_weights(query_stems))
            best = float(raw.max())
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

        # Themes are scored, and their reasons written, once per distinct set that the question
        # and an item share (a few), in the order of THEMES where Python's set order would
        # change with the hash seed (and with it a sum's last bit, or the order of two reasons).
        idf = side.idf
        asked_order = ordered_themes(bits_of(asked))
        asked_weight = sum(idf[t] for t in asked_order)
        shared_bits, theme_group_of = np.unique(
            side.theme_bits & bits_of(asked), return_inverse=True
        )
        theme_scores = []
        theme_parts: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        for bits in shared_bits.tolist():
            shared = ordered_themes(bits)
            theme_scores.append(sum(idf[t] for t in shared) / asked_weight if asked_weight else 0.0)
            by_rarity = tuple(sorted(shared, key=lambda t: -idf[t]))
            theme_parts.append((by_rarity, _themes_reason(by_rarity)))
        themes = np.array(theme_scores, dtype=np.float64)[theme_group_of]
        competency = np.zeros(n, dtype=np.float64)
        # Where the question clearly asks about one competency, the items that clearly show it.
        shows_asked = np.zeros(n, dtype=bool)
        asked_about = ""
        if self.mode in ("combined", "competency") and side.kind == "story":
            question = self._asked(query)
            shown = _competencies(side, self._reader)
            # Elementwise, not a matrix product: BLAS's threads cost more than this work.
            match = (shown * question).sum(axis=1)
            best_match = float(match.max())
            if best_match > 0:
                competency = (match / best_match).astype(np.float64)
            likeliest = int(np.argmax(question))
            if float(question[likeliest]) >= _CLEAR:
                shows_asked = shown[:, likeliest] >= _CLEAR
                asked_about = comp.COMPETENCIES[likeliest].about
        # Skills likewise, once per distinct list, and only where the query names one at all.
        matching = {
            pair
            for pair in side.skill_pairs()
            if pair[1] and (pair[1] <= query_set or pair[1] <= topic_stems)
        }
        skill_parts: list[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]] = []
        for skill_list in side.skill_lists:
            matched: tuple[str, ...] = ()
            if not matching.isdisjoint(skill_list):
                matched = tuple(name for name, st in skill_list if (name, st) in matching)
            skill_parts.append((matched, *_skills_reason(side.kind, matched)))
        skills = np.array([min(1.0, 0.6 * len(m)) for m, _, _ in skill_parts])[side.skill_list_of]
        is_linked = np.zeros(n, dtype=bool)
        if linked:
            folded_links = {title.casefold() for title in linked}
            is_linked = np.array([t.casefold() in folded_links for t in side.titles], dtype=bool)

        if self.mode == "lexical":
            score = lexical.astype(np.float64)
        elif self.mode == "semantic":
            score = similarity.astype(np.float64)
        elif self.mode == "themes":
            score = themes
        elif self.mode == "competency":
            score = competency
        else:
            score = (
                weights.lexical * lexical
                + weights.semantic * relative
                + weights.themes * themes
                + weights.skills * skills
                + weights.competency * competency
                + weights.linked * is_linked
            )
        # Ties keep the library's order, so a ranking never depends on sort instability.
        order = np.lexsort((np.arange(n), -score))[: top if top else n]
        query_order = list(dict.fromkeys(query_stems))
        # Python lists: indexing a numpy array for one number costs ten times as much.
        scores, lexicals, similarities = score.tolist(), lexical.tolist(), similarity.tolist()
        relatives, links = relative.tolist(), is_linked.tolist()
        shows = shows_asked.tolist()
        theme_group, skill_list_of = theme_group_of.tolist(), side.skill_list_of.tolist()
        kind, titles, features = side.kind, side.titles, side.features
        stories = side.stories if kind == "story" else None
        research = side.research if kind == "research" else None
        out = []
        for i in order.tolist():
            shared_themes, themes_reason = theme_parts[theme_group[i]]
            shared_skills, skills_reason, skill_words = skill_parts[skill_list_of[i]]
            # Adding an empty tuple gives the other one back: most items build no new tuple.
            reasons = themes_reason + skills_reason
            shared_words: tuple[str, ...] = ()
            if lexicals[i]:  # a BM25 score of 0: not one word of the query
                surface, terms = features[i].surface, features[i].terms
                shared_words = tuple([surface[s] for s in query_order if s in terms])
                rest = [w for w in shared_words if w not in skill_words]
                if rest:
                    reasons += (f"it mentions {_listed(rest[:5])}, as the question does",)
            if links[i]:
                reasons = ("you linked it to this moment", *reasons)
            if shows[i] and not shared_themes:
                reasons += (f"it shows what the question asks about: {asked_about}",)
            if relatives[i] >= 0.6:
                reasons += ("it is about much the same thing as the question",)
            # Positional: a thousand candidates a ranking, and keywords cost a third more.
            out.append(
                Candidate(
                    kind,
                    i,
                    titles[i],
                    scores[i],
                    lexicals[i],
                    similarities[i],
                    shared_themes,
                    shared_skills,
                    shared_words[:6],
                    links[i],
                    reasons,
                    stories[i] if stories is not None else None,
                    research[i] if research is not None else None,
                )
            )
        return out


def _themes_reason(themes: tuple[str, ...]) -> tuple[str, ...]:
    """The reason that names shared themes, if any (a tuple of it, to add to others)."""
    if not themes:
        return ()
    about = "; ".join(THEMES_BY_ID[t].about for t in themes[:2])
    return (f"it is about what the question asks: {about}",)


def _skills_reason(
    kind: EvidenceKind, skills: tuple[str, ...]
) -> tuple[tuple[str, ...], frozenset[str]]:
    """The reason that names shared skills (or the research topic), if any, and their words,
    which the reason that names shared words leaves out."""
    if not skills:
        return (), frozenset()
    label = "the topic" if kind == "research" else "shared skills"
    words_of = frozenset(w for s in skills for w in _words_of_skill(s))
    return (f"{label}: {', '.join(skills)}",), words_of


@lru_cache(maxsize=20_000)
def _words_of_skill(skill: str) -> tuple[str, ...]:
    return tuple(words(skill))


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


def _listed(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c": words as a sentence says them."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
