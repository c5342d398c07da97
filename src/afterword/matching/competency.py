"""Which competency a question asks about, and which a story shows.

Interviewers ask about a small set of competencies (a conflict, a failure, leading people, a
deadline...), and a user's note of the question is often two words of it: "the team-conflict
q", "outage / on-call firefight q". So a question is read three ways, each summed into a score
per competency:

- *cue words* that name a competency ("conflict", "disagree", "firefight"), stemmed, which
  carry a jotted note;
- the question's *themes* (:mod:`~afterword.matching.themes`), each pointing at the
  competencies it belongs to;
- how close its embedding comes to the *published questions* of each competency
  (:mod:`~afterword.matching.exemplars`): the mean of its three nearest, so that a full
  question phrased in a way no cue foresaw lands near those that ask the same thing.

A story is read the same way (its themes, its cue words, and how close its embedding comes to
the centre of each competency's questions), and its skills on their own: the few words a
person lists as what a story shows ("influencing", "conflict resolution") name its competency
more often than any sentence of it does. The scores become a distribution over the
competencies (a softmax), a question's mixed with the distribution of a learned model
(:mod:`~afterword.matching.learned`, trained on labelled questions and stories), and a story's
competency match with a question is the chance that both are about the same one.

The competencies are data: add one here and give it questions in :data:`EXEMPLARS`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from numpy.typing import NDArray

from afterword.matching import semantic as sem
from afterword.matching.exemplars import EXEMPLARS
from afterword.matching.learned import CompetencyModel, default_model
from afterword.matching.text import fold, ranking_words, stem_table
from afterword.matching.themes import THEMES

Matrix = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    #: How a reason names it: "the question asks about {about}".
    about: str
    #: Words that name it, in a note or a story (stemmed when read: "conflicts" is "conflict").
    cues: tuple[str, ...]
    #: Other names people give it, for labels ("problem-solving", "prioritization").
    aliases: tuple[str, ...] = ()
    #: The themes that point at it, with how strongly.
    themes: tuple[tuple[str, float], ...] = ()


_READ_AS: tuple[Competency, ...] = (
    Competency(
        "conflict",
        "a disagreement or a difficult person",
        (
            "conflict",
            "disagree",
            "disagreement",
            "argument",
            "argue",
            "clash",
            "tension",
            "friction",
            "dispute",
            "pushback",
            "confront",
            "coworker",
            "co-worker",
            "personality",
            "rift",
        ),
        ("conflict resolution", "disagreement", "interpersonal", "difficult people"),
        (("conflict", 1.0), ("stakeholders", 0.2)),
    ),
    Competency(
        "failure",
        "a mistake or a failure and what came of it",
        (
            "failure",
            "fail",
            "failed",
            "mistake",
            "error",
            "setback",
            "flop",
            "flopped",
            "regret",
            "misstep",
            "blunder",
            "lesson",
            "screwup",
            "screw-up",
            "postmortem",
        ),
        ("mistake", "failures", "learning from failure", "resilience", "accountability"),
        (("failure", 1.0),),
    ),
    Competency(
        "leadership",
        "leading people",
        (
            "lead",
            "leader",
            "leadership",
            "led",
            "delegate",
            "delegation",
            "vision",
            "rally",
        ),
        ("leading", "people management", "managing people"),
        (("leadership", 1.0), ("mentoring", 0.3), ("change", 0.3)),
    ),
    Competency(
        "teamwork",
        "working with others in a team",
        (
            "teamwork",
            "collaborate",
            "collaboration",
            "colleague",
            "cross-functional",
            "cooperate",
            "teammate",
        ),
        ("collaboration", "team work", "team player", "working with others"),
        (),
    ),
    Competency(
        "deadline",
        "working against a deadline or under pressure",
        (
            "deadline",
            "pressure",
            "stress",
            "stressful",
            "crunch",
            "urgent",
            "rush",
            "overnight",
            "firefight",
            "firefighting",
            "crisis",
            "emergency",
            "outage",
            "on-call",
            "incident",
            "timeline",
        ),
        ("pressure", "time pressure", "working under pressure", "stress", "crisis"),
        (("deadline", 1.0), ("incident", 0.8)),
    ),
    Competency(
        "customer",
        "serving a customer or client",
        (
            "customer",
            "client",
            "patient",
            "complaint",
            "complain",
            "angry",
            "unhappy",
            "shopper",
            "guest",
        ),
        ("customer service", "customer focus", "client service", "customer obsession"),
        (("customer", 0.8),),
    ),
    Competency(
        "initiative",
        "taking initiative",
        (
            "initiative",
            "proactive",
            "ownership",
            "owner",
            "volunteer",
            "unasked",
            "self-starter",
        ),
        ("ownership", "proactivity", "self-starter", "going above and beyond"),
        (("initiative", 1.0),),
    ),
    Competency(
        "problem_solving",
        "solving a hard problem",
        (
            "problem",
            "solve",
            "solving",
            "solution",
            "troubleshoot",
            "analyse",
            "analyze",
            "analysis",
            "analytical",
            "judgement",
            "judgment",
            "puzzle",
        ),
        (
            "problem solving",
            "problem-solving",
            "analytical thinking",
            "decision making",
            "decision-making",
            "judgement",
        ),
        (("data", 0.3), ("efficiency", 0.3), ("ambiguity", 0.2)),
    ),
    Competency(
        "communication",
        "explaining to an audience",
        (
            "communication",
            "communicate",
            "explain",
            "presentation",
            "audience",
            "non-technical",
            "nontechnical",
            "listen",
            "listening",
            "misunderstanding",
            "jargon",
        ),
        ("communication skills", "presenting", "written communication"),
        (("communication", 1.0),),
    ),
    Competency(
        "adaptability",
        "adapting to change or ambiguity",
        (
            "adapt",
            "adaptability",
            "flexible",
            "flexibility",
            "ambiguity",
            "ambiguous",
            "uncertain",
            "uncertainty",
            "transition",
            "reorg",
            "pivot",
        ),
        ("flexibility", "change", "ambiguity", "dealing with ambiguity", "resilience to change"),
        (("change", 0.8), ("ambiguity", 1.0)),
    ),
    Competency(
        "persuasion",
        "persuading or influencing people",
        (
            "persuade",
            "persuasion",
            "convince",
            "influence",
            "buy-in",
            "pitch",
            "negotiate",
            "negotiation",
            "stakeholder",
            "sway",
            "lobby",
        ),
        ("influence", "influencing", "negotiation", "selling an idea", "stakeholder management"),
        (("negotiation", 0.6), ("stakeholders", 0.8)),
    ),
    Competency(
        "prioritisation",
        "prioritising competing demands",
        (
            "prioritise",
            "prioritize",
            "prioritisation",
            "prioritization",
            "priority",
            "priorities",
            "juggle",
            "juggling",
            "competing",
            "workload",
            "multitask",
            "multitasking",
            "trade-off",
            "tradeoff",
            "organise",
            "organize",
            "busy",
        ),
        ("prioritization", "time management", "organisation", "organization", "planning"),
        (("prioritization", 1.0),),
    ),
    Competency(
        "ethics",
        "integrity and doing the right thing",
        (
            "ethics",
            "ethical",
            "unethical",
            "integrity",
            "honest",
            "honesty",
            "dilemma",
            "whistle",
            "cheat",
            "compliance",
            "confidential",
            "confidentiality",
            "illegal",
            "fraud",
        ),
        ("integrity", "honesty", "ethical judgement", "values"),
        (),
    ),
    Competency(
        "motivation",
        "what drives you and why this role",
        (
            "passion",
            "leaving",
            "aspiration",
            "interested",
        ),
        ("motivations", "career goals", "why this job", "why us", "drive", "fit"),
        (),
    ),
    Competency(
        "technical",
        "a technical challenge",
        (
            "technical",
            "architecture",
            "debug",
            "bug",
            "scale",
            "scaling",
            "performance",
            "latency",
            "database",
            "infrastructure",
            "migration",
            "tech",
            "debt",
            "engineering",
            "api",
        ),
        ("technical skills", "technical problem", "system design", "engineering"),
        (("incident", 0.5), ("data", 0.3), ("quality", 0.2)),
    ),
    Competency(
        "achievement",
        "an achievement and its results",
        (
            "achievement",
            "accomplishment",
            "proud",
            "exceed",
            "exceeded",
            "target",
        ),
        ("accomplishment", "results", "delivering results", "achievements", "impact"),
        (("growth", 0.6), ("launch", 0.4), ("efficiency", 0.3)),
    ),
    Competency(
        "feedback",
        "taking feedback or criticism",
        ("feedback", "criticism", "criticise", "criticize", "critique", "review", "constructive"),
        ("criticism", "receiving feedback", "coachability"),
        (("feedback", 1.0),),
    ),
    Competency(
        "mentoring",
        "helping someone grow",
        (
            "mentor",
            "mentoring",
            "coach",
            "coaching",
            "junior",
            "train",
            "training",
            "onboard",
            "underperform",
            "underperforming",
        ),
        ("developing others", "coaching", "people development", "mentorship"),
        (("mentoring", 1.0),),
    ),
    Competency(
        "learning",
        "learning something new quickly",
        (
            "learn",
            "learning",
            "learned",
            "learnt",
            "taught",
            "curious",
            "curiosity",
            "unfamiliar",
            "upskill",
            "course",
            "ramp",
        ),
        ("learning agility", "continuous learning", "curiosity", "learn and be curious"),
        (("learning", 1.0),),
    ),
    Competency(
        "creativity",
        "a new idea or a better way of doing things",
        (
            "creative",
            "creativity",
            "innovate",
            "innovation",
            "innovative",
            "idea",
            "invent",
            "novel",
            "improvement",
            "simplify",
        ),
        ("innovation", "invent and simplify", "creative thinking"),
        (("launch", 0.3),),
    ),
)

#: What a story that shows a competency tends to say, beyond the words that name it: the verbs
#: and nouns of such a story ("we disagreed", "I reported it", "the deadline moved"), each
#: stemmed. A story is read for these and for the cue words of its competency.
STORY_CUES: dict[str, tuple[str, ...]] = {
    "conflict": (
        "disagreed",
        "disagreement",
        "argued",
        "clash",
        "clashed",
        "tension",
        "tense",
        "friction",
        "frustrated",
        "frustration",
        "heated",
        "compromise",
        "mediate",
        "mediated",
        "hostile",
        "rude",
        "blamed",
        "undermined",
        "resented",
        "dismissive",
        "dispute",
        "perspective",
    ),
    "failure": (
        "mistake",
        "slipped",
        "owned",
        "overlooked",
        "underestimated",
        "lesson",
        "learned",
        "apologised",
        "apologized",
        "regret",
        "hindsight",
        "realised",
        "realized",
        "embarrassing",
        "should",
        "missed",
    ),
    "leadership": (
        "led",
        "delegated",
        "motivated",
        "morale",
        "coached",
        "mentored",
        "supervised",
        "empowered",
        "rallied",
        "assigned",
        "reports",
        "managed",
    ),
    "teamwork": (
        "together",
        "collaborated",
        "colleagues",
        "teammates",
        "supported",
        "helped",
        "jointly",
        "shared",
        "pitched",
        "team",
    ),
    "deadline": (
        "deadline",
        "hours",
        "overnight",
        "weekend",
        "urgent",
        "rush",
        "schedule",
        "behind",
        "slipping",
        "late",
        "early",
        "time",
        "days",
        "peak",
    ),
    "customer": (
        "customer",
        "client",
        "guest",
        "patient",
        "complaint",
        "complained",
        "upset",
        "angry",
        "refund",
        "satisfaction",
        "family",
        "expectations",
        "shopper",
        "diner",
    ),
    "initiative": (
        "noticed",
        "volunteered",
        "proposed",
        "suggested",
        "unprompted",
        "myself",
        "initiative",
        "started",
        "outside",
    ),
    "problem_solving": (
        "investigated",
        "diagnosed",
        "analysed",
        "analyzed",
        "identified",
        "hypothesis",
        "root",
        "cause",
        "troubleshooting",
        "figured",
        "solution",
        "workaround",
        "tested",
        "problem",
    ),
    "communication": (
        "explained",
        "presented",
        "presentation",
        "listened",
        "clarified",
        "updates",
        "briefed",
        "wrote",
        "simplified",
        "plain",
        "audience",
        "informed",
        "insights",
        "slides",
    ),
    "adaptability": (
        "changed",
        "unexpected",
        "unexpectedly",
        "suddenly",
        "pivot",
        "pivoted",
        "adapted",
        "adjusted",
        "improvised",
        "instead",
        "switched",
        "shortage",
        "cancelled",
        "canceled",
        "new",
    ),
    "persuasion": (
        "convinced",
        "persuaded",
        "buy-in",
        "proposal",
        "pitched",
        "case",
        "agreed",
        "approval",
        "approved",
        "sceptical",
        "skeptical",
        "won",
        "negotiated",
        "objections",
    ),
    "prioritisation": (
        "prioritised",
        "prioritized",
        "priorities",
        "focus",
        "focused",
        "scope",
        "triage",
        "deprioritised",
        "deprioritized",
        "juggled",
        "limited",
        "resources",
        "capacity",
        "half",
    ),
    "ethics": (
        "reported",
        "improper",
        "violation",
        "integrity",
        "honest",
        "refused",
        "falsify",
        "confidential",
        "compliance",
        "ethical",
        "fair",
        "fairness",
        "investigation",
        "hr",
        "policy",
    ),
    "motivation": (
        "goal",
        "myself",
        "passion",
        "personal",
        "enrolled",
        "ambition",
        "driven",
        "wanted",
        "aspired",
    ),
    "technical": (
        "code",
        "database",
        "system",
        "bug",
        "sql",
        "script",
        "api",
        "server",
        "query",
        "pipeline",
        "feed",
        "automated",
        "python",
        "software",
        "deployment",
        "migration",
        "latency",
        "data",
    ),
    "achievement": (
        "increased",
        "record",
        "award",
        "exceeded",
        "doubled",
        "grew",
        "revenue",
        "recognised",
        "recognized",
        "proud",
        "promoted",
        "best",
        "top",
    ),
}

#: Cue words that name a competency in a question but not in a story: "you failed" asks about
#: a failure, "the payments failed" tells of an outage.
QUESTION_ONLY_CUES = ("fail", "failed")
STORIES_READ_QUESTION_CUES = True

#: Facets that the taxonomy files under a broader competency, as the public lists of questions
#: do: helping someone grow is leadership, taking criticism is owning a failure, learning fast
#: is adapting, a new idea is solving a problem. Each keeps its own exemplars and cue words.
FACETS = {
    "mentoring": "leadership",
    "feedback": "failure",
    "learning": "adaptability",
    "creativity": "problem_solving",
}


def _merged() -> tuple[Competency, ...]:
    by_id = {c.id: c for c in _READ_AS if c.id not in FACETS}
    for facet in _READ_AS:
        if facet.id in FACETS:
            parent = by_id[FACETS[facet.id]]
            by_id[parent.id] = Competency(
                parent.id,
                parent.about,
                (*parent.cues, *facet.cues),
                (*parent.aliases, facet.id, *facet.aliases),
                (*parent.themes, *facet.themes),
            )
    return tuple(by_id.values())


#: The competencies, in the order of the taxonomy.
COMPETENCIES: tuple[Competency, ...] = _merged()
COMPETENCY_IDS: tuple[str, ...] = tuple(c.id for c in COMPETENCIES)
COMPETENCIES_BY_ID = {c.id: c for c in COMPETENCIES}
if set(STORY_CUES) != set(COMPETENCY_IDS):
    raise RuntimeError("every competency needs story cues")
if set(EXEMPLARS) != {c.id for c in _READ_AS}:
    raise RuntimeError("every competency and facet needs exemplar questions, and only those")


def _exemplars_of(competency: str) -> list[str]:
    """The published questions of a competency and of its facets."""
    return [
        question
        for group, questions in EXEMPLARS.items()
        if FACETS.get(group, group) == competency
        for question in questions
    ]


def _label_key(label: str) -> str:
    return " ".join(fold(label).replace("-", " ").replace("_", " ").split())


_BY_LABEL = {_label_key(name): c.id for c in COMPETENCIES for name in (c.id, c.about, *c.aliases)}


def competency_id(label: str) -> str | None:
    """The id of the competency a label names ("Problem-solving", "prioritization"), if any."""
    return _BY_LABEL.get(_label_key(label))


#: How much each way of reading counts, in the logits of the softmax.
CUE_WEIGHT = 2.0
THEME_WEIGHT = 0.5
#: The exemplar similarity, spread over the competencies (z-scores), times this.
EMBEDDING_WEIGHT = 1.0
#: Nearest exemplars averaged for a question.
NEAREST = 3
#: The same weights for a story, read from its themes, its words and its embedding.
STORY_CUE_WEIGHT = 2.0
STORY_THEME_WEIGHT = 1.0
STORY_EMBEDDING_WEIGHT = 0.6
#: How much the learned model (:mod:`~afterword.matching.learned`) counts against the reading
#: above, as the share of its distribution in the mixture (0: not at all; 1: it alone). Chosen
#: by ``tools/train_competency.py`` from cross-validation on the public sets: since a story's
#: skills are read (below), the model's reading of a story adds nothing out of sample (stories
#: read right first 0.64 without it, 0.63 at a quarter), so a story is read without it.
QUESTION_MIX = 0.5
STORY_MIX = 0.0
#: A story's skills, read on their own: the cue words they hold (as for the whole story), and
#: a skill that is a competency's name ("conflict resolution", "persuasion"). People list as
#: skills what a story shows, so its few words say more than any sentence of it.
SKILL_CUE_WEIGHT = 1.0
SKILL_NAME_WEIGHT = 1.0

ModelLoader = Callable[[], CompetencyModel | None]


class CompetencyReader:
    """Reads competencies with one embedder; the exemplars are embedded once.

    ``model`` gives the learned model (loaded on the first reading that needs it; None: read
    without one); ``question_mix`` and ``story_mix`` say how much it counts.
    """

    def __init__(
        self,
        embedder: sem.Embedder | None,
        model: ModelLoader = default_model,
        question_mix: float = QUESTION_MIX,
        story_mix: float = STORY_MIX,
        skill_cue_weight: float = SKILL_CUE_WEIGHT,
        skill_name_weight: float = SKILL_NAME_WEIGHT,
    ) -> None:
        self._embedder = embedder
        self._load_model = model
        self._model: tuple[CompetencyModel, NDArray[np.intp]] | None = None
        self._model_read = False
        self.question_mix = question_mix
        self.story_mix = story_mix
        self.skill_cue_weight = skill_cue_weight
        self.skill_name_weight = skill_name_weight
        self._lock = threading.Lock()
        self._exemplars: Matrix | None = None
        #: Each competency's exemplars as a row of indexes into them, padded with -1.
        self._owner: NDArray[np.intp] = np.zeros((0, 0), dtype=np.intp)
        self._centroids: Matrix | None = None
        #: (question, its theme bits) -> its distribution: a web page asks the same few again.
        self._asked: dict[tuple[str, int], Matrix] = {}
        #: (story's text, theme bits, cue bits) -> its distribution (:meth:`shown`).
        self._shown: dict[tuple[str, int, int], Matrix] = {}
        ids = {c: i for i, c in enumerate(COMPETENCY_IDS)}
        #: theme id -> its row of weights over the competencies.
        self._theme_rows = np.zeros((len(THEMES), len(COMPETENCIES)), dtype=np.float32)
        theme_index = {t.id: i for i, t in enumerate(THEMES)}
        for competency in COMPETENCIES:
            for theme, weight in competency.themes:
                self._theme_rows[theme_index[theme], ids[competency.id]] += weight

    def model(self) -> tuple[CompetencyModel, NDArray[np.intp]] | None:
        """The learned model, and for each competency the column of its label in the model's
        distribution (loaded once)."""
        if not self._model_read:
            with self._lock:
                if not self._model_read:
                    found = self._load_model()
                    if found is not None:
                        if set(found.labels) != set(COMPETENCY_IDS):
                            raise RuntimeError("the learned model's labels are not the taxonomy's")
                        columns = np.array([found.labels.index(c) for c in COMPETENCY_IDS])
                        self._model = (found, columns.astype(np.intp))
                    self._model_read = True
        return self._model

    def _vectors(self) -> tuple[Matrix, NDArray[np.intp], Matrix] | None:
        if self._embedder is None:
            return None
        with self._lock:
            if self._exemplars is None or self._centroids is None:
                groups = [_exemplars_of(c) for c in COMPETENCY_IDS]
                texts = [q for group in groups for q in group]
                owner = np.full((len(groups), max(map(len, groups))), -1, dtype=np.intp)
                at = 0
                for i, group in enumerate(groups):
                    owner[i, : len(group)] = np.arange(at, at + len(group))
                    at += len(group)
                vectors = self._embedder.embed([_embedding_text(t) for t in texts])
                centroids = np.stack([vectors[row[row >= 0]].mean(axis=0) for row in owner])
                centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
                self._exemplars, self._owner = vectors, owner
                self._centroids = centroids.astype(np.float32)
            return self._exemplars, self._owner, self._centroids

    def theme_scores(self, theme_bits: NDArray[np.int64]) -> Matrix:
        """Per text (row), the sum of its themes' weights over the competencies."""
        out = np.zeros((len(theme_bits), len(COMPETENCIES)), dtype=np.float32)
        for i in range(len(THEMES)):
            row = self._theme_rows[i]
            if row.any():
                has = (theme_bits >> i) & 1
                if has.any():
                    out += has[:, None].astype(np.float32) * row
        return out

    def question(self, text: str, theme_bits: int) -> Matrix:
        """The question's distribution over :data:`COMPETENCY_IDS` (remembered)."""
        key = (text, theme_bits)
        found = self._asked.get(key)
        if found is None:
            found = self._question(text, theme_bits)
            with self._lock:
                if len(self._asked) >= 4_096:
                    self._asked.clear()
                self._asked[key] = found
        return found

    def _question(self, text: str, theme_bits: int) -> Matrix:
        logits = CUE_WEIGHT * np.minimum(cue_scores(text), 2.0)
        logits += THEME_WEIGHT * self.theme_scores(np.array([theme_bits], dtype=np.int64))[0]
        known = self._vectors()
        if known is not None and self._embedder is not None:
            exemplars, owner, _ = known
            query = _embedding_text(text)
            if query:
                similarity = (exemplars @ self._embedder.embed([query])[0]).astype(np.float32)
                # Each competency's similarities in a row (padding far below any cosine),
                # sorted, and the nearest few averaged.
                rows = np.where(owner >= 0, similarity[owner], np.float32(-9.0))
                nearest = np.sort(rows, axis=1)[:, -NEAREST:].mean(axis=1)
                logits += EMBEDDING_WEIGHT * _spread(nearest[None, :])[0]
        found: Matrix = _softmax(np.asarray(logits[None, :], dtype=np.float32))[0]
        learned = self.model() if self.question_mix else None
        if learned is not None:
            model, columns = learned
            read = model.questions([text])[0][columns]
            found = np.asarray(
                (1 - self.question_mix) * found + self.question_mix * read, dtype=np.float32
            )
        return found

    def stories(
        self,
        vectors: Matrix | None,
        theme_bits: NDArray[np.int64],
        cue_bits: NDArray[np.int64],
        terms: Sequence[Iterable[str]] | None = None,
        skills: Sequence[Sequence[SkillStems]] | None = None,
    ) -> Matrix:
        """Each story's distribution over :data:`COMPETENCY_IDS` (one row a story), given
        its themes, its :func:`cue_bits`, (for the learned model) the stems it uses and its
        skills, each with its stems (:func:`skill_scores`)."""
        logits: Matrix = np.log1p(unpack_cue_bits(cue_bits)) * np.float32(STORY_CUE_WEIGHT)
        logits += STORY_THEME_WEIGHT * self.theme_scores(theme_bits)
        if skills is not None and (self.skill_cue_weight or self.skill_name_weight):
            logits += self.skill_scores(skills)
        known = self._vectors()
        if known is not None and vectors is not None and len(vectors):
            _, _, centroids = known
            logits += STORY_EMBEDDING_WEIGHT * _spread(vectors @ centroids.T)
        found = _softmax(logits)
        learned = self.model() if self.story_mix and terms is not None else None
        if learned is not None and terms is not None and len(found):
            model, columns = learned
            read = model.stories(terms)[:, columns]
            found = np.asarray(
                (1 - self.story_mix) * found + self.story_mix * read, dtype=np.float32
            )
        return found

    def skill_scores(self, skills: Sequence[Sequence[SkillStems]]) -> Matrix:
        """Per story (row), what its skills say of each competency: the log of one plus the
        count of distinct story cues among their stems, and each skill that names one."""
        out = np.zeros((len(skills), len(COMPETENCY_IDS)), dtype=np.float32)
        for i, listed in enumerate(skills):
            if listed:
                out[i] = _skill_row(tuple(listed), self.skill_cue_weight, self.skill_name_weight)
        return out

    def shown(
        self,
        texts: Sequence[str],
        vectors: Matrix | None,
        theme_bits: NDArray[np.int64],
        cue_bits: NDArray[np.int64],
        terms: Sequence[Iterable[str]] | None = None,
        skills: Sequence[Sequence[SkillStems]] | None = None,
    ) -> Matrix:
        """:meth:`stories`, remembered by each story's text and bits: a library ranked
        again (each page of the web app makes a new matcher) reads only its new stories (a
        story's text holds its skills)."""
        keys = list(zip(texts, theme_bits.tolist(), cue_bits.tolist(), strict=True))
        memo = self._shown
        missing = [i for i, key in enumerate(keys) if key not in memo]
        if missing:
            which = np.array(missing, dtype=np.intp)
            rows = self.stories(
                vectors[which] if vectors is not None else None,
                theme_bits[which],
                cue_bits[which],
                [terms[i] for i in missing] if terms is not None else None,
                [skills[i] for i in missing] if skills is not None else None,
            )
            with self._lock:
                if len(memo) + len(missing) > 50_000:
                    memo.clear()
                memo.update(zip([keys[i] for i in missing], rows, strict=True))
            if len(missing) == len(keys):
                return rows
        if not keys:
            return np.zeros((0, len(COMPETENCY_IDS)), dtype=np.float32)
        return np.stack([memo[key] for key in keys])

    def ranked(self, distribution: Matrix) -> tuple[str, ...]:
        """The competency ids, likeliest first (ties in the order of the taxonomy)."""
        order = np.lexsort((np.arange(len(distribution)), -distribution))
        return tuple(COMPETENCY_IDS[i] for i in order.tolist())


def _spread(similarity: Matrix) -> Matrix:
    """Similarities as z-scores across the competencies (row by row): raw cosines of static
    embeddings crowd together, and what tells is which competency stands out."""
    mean = similarity.mean(axis=1, keepdims=True)
    std = similarity.std(axis=1, keepdims=True)
    return np.asarray((similarity - mean) / np.maximum(std, 1e-6), dtype=np.float32)


def _softmax(logits: Matrix) -> Matrix:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)


def _embedding_text(text: str) -> str:
    """What the embedding reads of a question: its content words, compounds split, without
    "tell me about a time" or "the ... q" (the same for a note and a published question)."""
    return " ".join(w for w in ranking_words(text) if "-" not in w)


@cache
def _cue_table() -> dict[str, NDArray[np.float32]]:
    """stem -> the competencies whose cue words have it (a row of 0s and 1s)."""
    words = {w for c in COMPETENCIES for w in c.cues}
    stems = stem_table(words)
    table: dict[str, NDArray[np.float32]] = {}
    for i, competency in enumerate(COMPETENCIES):
        for cue in competency.cues:
            row = table.setdefault(stems[cue], np.zeros(len(COMPETENCIES), dtype=np.float32))
            row[i] = 1.0
    return table


def cue_stems() -> frozenset[str]:
    """Every stem that names a competency."""
    return _cue_stems()


@cache
def _cue_stems() -> frozenset[str]:
    return frozenset(_cue_table())


def cue_scores(text: str) -> NDArray[np.float32]:
    """How many cue words of each competency ``text`` holds (each distinct stem once)."""
    found = ranking_words(text)
    return cue_scores_of(stem_table(found).values())


#: cue_bits: three bits a competency, its count of story cues up to 7.
_BITS = 3
_MOST = (1 << _BITS) - 1
if len(COMPETENCY_IDS) * _BITS > 63:
    raise RuntimeError("more competencies than cue bits")


@cache
def _story_cue_table() -> dict[str, NDArray[np.float32]]:
    """stem -> the competencies whose cue words or story cues have it (0s and 1s)."""
    not_in_stories = set(stem_table(QUESTION_ONLY_CUES).values())
    table = (
        {s: row.copy() for s, row in _cue_table().items() if s not in not_in_stories}
        if STORIES_READ_QUESTION_CUES
        else {}
    )
    stems = stem_table({w for words in STORY_CUES.values() for w in words})
    for i, competency in enumerate(COMPETENCY_IDS):
        for word in STORY_CUES[competency]:
            row = table.setdefault(stems[word], np.zeros(len(COMPETENCIES), dtype=np.float32))
            row[i] = 1.0
    return table


@cache
def story_cue_stems() -> frozenset[str]:
    """Every stem a story is read for (:func:`cue_bits`)."""
    return frozenset(_story_cue_table())


@cache
def _story_cue_owners() -> dict[str, tuple[int, ...]]:
    """stem -> the indexes of the competencies it is a story cue of."""
    return {stem: tuple(np.flatnonzero(row).tolist()) for stem, row in _story_cue_table().items()}


def cue_bits(stems: Iterable[str]) -> int:
    """How many distinct story cues of each competency ``stems`` hold (up to 7), packed in an
    int to keep with a text's features."""
    owners = _story_cue_owners()
    counts = [0] * len(COMPETENCY_IDS)
    for stem in owners.keys() & set(stems):
        for i in owners[stem]:
            counts[i] += 1
    bits = 0
    for i, count in enumerate(counts):
        if count:
            bits |= min(count, _MOST) << (_BITS * i)
    return bits


def unpack_cue_bits(bits: NDArray[np.int64]) -> Matrix:
    """Per text (row), the count of story cues of each competency, from :func:`cue_bits`."""
    at = np.arange(len(COMPETENCY_IDS), dtype=np.int64) * _BITS
    return ((bits[:, None] >> at) & _MOST).astype(np.float32)


def cue_scores_of(stems: Iterable[str]) -> NDArray[np.float32]:
    """:func:`cue_scores` of stems read already (repeats count once)."""
    table = _cue_table()
    out = np.zeros(len(COMPETENCIES), dtype=np.float32)
    for stem in table.keys() & set(stems):
        out += table[stem]
    return out


#: A skill as the matcher reads it: its name and its stems.
SkillStems = tuple[str, frozenset[str]]


@lru_cache(maxsize=20_000)
def _skill_row(
    skills: tuple[SkillStems, ...], cue_weight: float, name_weight: float
) -> NDArray[np.float32]:
    """What one list of skills says of each competency (see :meth:`CompetencyReader.
    skill_scores`); a library repeats a few dozen lists."""
    owners = _story_cue_owners()
    counts = np.zeros(len(COMPETENCY_IDS), dtype=np.float32)
    for stem in owners.keys() & set().union(*(stems for _, stems in skills)):
        counts[list(owners[stem])] += 1
    row = np.float32(cue_weight) * np.log1p(counts)
    for name, _ in skills:
        named = competency_id(name)
        if named is not None:
            row[COMPETENCY_IDS.index(named)] += np.float32(name_weight)
    row.flags.writeable = False
    return row


_READERS: dict[int, tuple[sem.Embedder | None, CompetencyReader]] = {}
_READERS_LOCK = threading.Lock()


def reader(embedder: sem.Embedder | None) -> CompetencyReader:
    """One reader per embedder (the exemplars are embedded once a process)."""
    with _READERS_LOCK:
        found = _READERS.get(id(embedder))
        if found is None or found[0] is not embedder:
            if len(_READERS) >= 16:
                _READERS.clear()
            found = _READERS[id(embedder)] = (embedder, CompetencyReader(embedder))
        return found[1]


#: A word that questions about this many competencies use says little about what a question
#: asks ("work", "project", "difficult", "situation"): it counts for less in a query.
GENERIC_SPREAD = 2


@cache
def _question_word_weights() -> dict[str, float]:
    """stem -> how much it counts in a query, from how many competencies' published questions
    use it: 1 for a word of one or two, less for a word that every kind of question uses."""
    spread: dict[str, int] = {}
    for competency in COMPETENCY_IDS:
        used: set[str] = set()
        for question in _exemplars_of(competency):
            words = ranking_words(question)
            used.update(stem_table(words).values())
        for stem in used:
            spread[stem] = spread.get(stem, 0) + 1
    return {
        stem: max(GENERIC_WEIGHT_FLOOR, GENERIC_SPREAD / n)
        for stem, n in spread.items()
        if n > GENERIC_SPREAD
    }


GENERIC_WEIGHT_FLOOR = 0.15


def question_word_weight(stem: str) -> float:
    """How much a stem of a question counts as evidence (see :func:`_question_word_weights`)."""
    return _question_word_weights().get(stem, 1.0)


def describe(ids: Sequence[str]) -> list[str]:
    return [COMPETENCIES_BY_ID[c].about for c in ids if c in COMPETENCIES_BY_ID]
