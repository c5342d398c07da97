"""Train the matcher's learned competency reader and say how well it generalises.

    .venv/bin/python tools/train_competency.py [--write]

Training texts, each labelled with a competency of the taxonomy
(:data:`afterword.matching.competency.COMPETENCY_IDS`):

- the published questions of :data:`afterword.matching.exemplars.EXEMPLARS` (a facet under its
  competency);
- the moments (full questions and jotted notes) and the stories of the labelled matching sets
  bench/data/matching-public-dev.yaml, matching-public-heldout.yaml and
  matching-public-heldout2.yaml (a story is labelled with the competencies of the moments it
  answers), and of the team set bench/data/matching.yaml where its moments carry a label (none
  do yet: its stories serve only to check the ranking). No other set: a later held-out file
  (matching-public-heldout3.yaml and any after it) is for a first look only, never for training
  or tuning, and this tool refuses to read a file whose name says "heldout3" (:func:`_sets`).

Two heads, each a multinomial logistic regression over a text's distinct stems (scaled by one
over the square root of their number): one reads questions, one reads stories. Each is trained
on both kinds of text (the other kind at weight ``OTHER_KIND``): 80 labelled stories alone
teach little, and the questions name the competencies in words stories use too.

It prints:

1. the heads' accuracy (the label ranked first) on texts they never saw: leave one set out
   (train on the exemplars and two public sets, read the third) and 5-fold by story (a story
   and its moments always in the same fold); then, leaving one set out, the reading without the
   model (cue words, themes, exemplars, a story's skills), the model alone, and mixtures of the
   two; the share of the model in each mixture (questions, stories) is the one that reads best;
2. the matcher's figures on each set with a model trained without that set (the team set with
   one trained on the three public sets), with those mixtures, for a few weights of the
   competency match in the ranking, and the best (:func:`objective`), beside the matcher
   without the model and without the reading of a story's skills; per set: recall@1, recall@3,
   competency hit@1 and the share of stories whose competency is read right first;

then trains on everything and, with ``--write``, writes src/afterword/matching/data/competency.json.
Needs scikit-learn (the ``train`` extra); the matcher itself reads only the JSON.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from afterword.matching import Matcher, Weights  # noqa: E402
from afterword.matching import competency as comp  # noqa: E402
from afterword.matching.exemplars import EXEMPLARS  # noqa: E402
from afterword.matching.features import read  # noqa: E402
from afterword.matching.learned import (  # noqa: E402
    MODEL_PATH,
    CompetencyModel,
    question_features,
    story_features,
)
from afterword.matching.rank import moment_text, story_text  # noqa: E402
from afterword.matching.semantic import wordllama  # noqa: E402
from matching import SETS as SET_FILES  # noqa: E402
from matching import LabelledSet, load  # noqa: E402

LABELS = comp.COMPETENCY_IDS
#: The sets the model learns from and is cross-validated on: never matching-public-heldout3.yaml
#: or any later one (the first look of someone else, on texts nothing here has read).
SETS = ("team", "public-dev", "public-heldout", "public-heldout2")
#: The labelled public sets, each left out in turn ("by set").
PUBLIC = ("public-dev", "public-heldout", "public-heldout2")
#: A file whose name holds one of these is never read here, whatever SETS says.
NEVER_READ = ("heldout3",)
#: Regularisation (inverse strength) and the weight of the other kind of text in each head.
C = 4.0
OTHER_KIND = 1.0
MIN_COUNT = 1


@dataclass(frozen=True)
class Text:
    features: tuple[str, ...]
    labels: tuple[str, ...]
    kind: str  # "question" | "story"
    source: str  # "exemplars" or a set's name
    #: Texts of one story (the story and its moments) share a group.
    group: str
    jotted: bool = False


def texts() -> tuple[list[Text], dict[str, LabelledSet]]:
    out = [
        Text(tuple(question_features(q)), (comp.FACETS.get(g, g),), "question", "exemplars", q)
        for g, questions in EXEMPLARS.items()
        for q in questions
    ]
    sets = _sets()
    for name, data in sets.items():
        for story in data.stories:
            labels = tuple(sorted(c for c in data.story_competencies[story.title] if c in LABELS))
            if labels:
                terms = read([(story_text(story), tuple(story.skills))])[0].terms
                group = f"{name}:{story.title}"
                out.append(Text(tuple(story_features(terms)), labels, "story", name, group))
        for case in data.cases:
            if case.competency in LABELS:
                group = f"{name}:{sorted(case.right)[0]}"
                found = tuple(question_features(moment_text(case.moment)))
                out.append(Text(found, (case.competency,), "question", name, group, case.jotted))
    return out, sets


def _sets() -> dict[str, LabelledSet]:
    """The labelled sets of :data:`SETS`, each checked against :data:`NEVER_READ` by its
    file's name before it is opened."""
    out = {}
    for name in SETS:
        path = SET_FILES[name]
        if any(word in path.name.casefold() for word in NEVER_READ) or any(
            word in name.casefold() for word in NEVER_READ
        ):
            raise SystemExit(f"{path.name} is a first-look set: it is never read for training")
        out[name] = load(name)
    return out


def _matrix(rows: list[Text], vocabulary: dict[str, int]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for row in rows:
        distinct = list(dict.fromkeys(row.features))
        found = [vocabulary[f] for f in distinct if f in vocabulary]
        # As learned.Head scores them: every stem of the text in the scale, known or not.
        scale = 1.0 / np.sqrt(max(len(distinct), 1))
        data.extend([scale] * len(found))
        indices.extend(found)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))


def fit_head(rows: list[Text], kind: str, c: float, other: float) -> dict[str, object]:
    """One head: trained on texts of ``kind`` at weight 1 and the others at ``other``."""
    rows = [r for r in rows if r.kind == kind or other > 0]
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for f in set(row.features):
            counts[f] += 1
    vocabulary = {
        f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))
    }
    # A text with several labels is one sample a label, its weight shared among them.
    samples, y, weight = [], [], []
    for row in rows:
        share = (1.0 if row.kind == kind else other) / len(row.labels)
        for label in row.labels:
            samples.append(row)
            y.append(LABELS.index(label))
            weight.append(share)
    model = LogisticRegression(C=c, max_iter=3000, class_weight=None)
    model.fit(_matrix(samples, vocabulary), np.array(y), sample_weight=np.array(weight))
    # Labels the training data never had get a bias far below the others.
    weights = np.zeros((len(vocabulary), len(LABELS)), dtype=np.float64)
    bias = np.full(len(LABELS), -20.0)
    for j, label in enumerate(model.classes_.tolist()):
        weights[:, label] = model.coef_[j] if len(model.classes_) > 2 else 0.0
        bias[label] = model.intercept_[j] if len(model.classes_) > 2 else 0.0
    kept = np.flatnonzero(np.abs(weights).max(axis=1) >= 1e-3)
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    return {
        "vocabulary": [names[i] for i in kept],
        "weights": [round(float(w), 3) for w in weights[kept].ravel()],
        "bias": [round(float(b), 4) for b in bias],
    }


def fit(rows: list[Text], c: float = C, other: float = OTHER_KIND) -> dict[str, object]:
    return {
        "labels": list(LABELS),
        "question": fit_head(rows, "question", c, other),
        "story": fit_head(rows, "story", c, other),
    }


def _first(model: CompetencyModel, row: Text) -> str:
    head = model.question if row.kind == "question" else model.story
    probabilities = head.probabilities([row.features])[0]
    return model.labels[int(np.argmax(probabilities))]


def _folds_by_set(rows: list[Text]) -> list[tuple[str, list[Text], list[Text]]]:
    return [
        (
            f"held out: {name}",
            [r for r in rows if r.source != name],
            [r for r in rows if r.source == name],
        )
        for name in PUBLIC
    ]


def _folds_by_story(rows: list[Text], k: int = 5) -> list[tuple[str, list[Text], list[Text]]]:
    groups = sorted({r.group for r in rows if r.source != "exemplars"})
    rng = np.random.default_rng(0)
    order = rng.permutation(len(groups))
    fold_of = {groups[g]: i % k for i, g in enumerate(order.tolist())}
    return [
        (
            f"fold {i + 1}",
            [r for r in rows if fold_of.get(r.group) != i],
            [r for r in rows if fold_of.get(r.group) == i],
        )
        for i in range(k)
    ]


def classifier_cv(
    rows: list[Text], c: float, other: float, quiet: bool = False
) -> dict[str, float]:
    """Accuracy of the first label on texts each model never saw, per kind of text."""
    out: dict[str, float] = {}
    for scheme, folds in (("by set", _folds_by_set(rows)), ("5-fold", _folds_by_story(rows))):
        hits: dict[str, list[int]] = defaultdict(list)
        for _, train, test in folds:
            model = CompetencyModel.from_dict(fit(train, c, other))
            for row in test:
                kind = "story" if row.kind == "story" else ("jotted" if row.jotted else "full")
                hits[kind].append(_first(model, row) in row.labels)
        for kind in ("full", "jotted", "story"):
            out[f"{scheme} {kind}"] = float(np.mean(hits[kind]))
        if not quiet:
            print(
                f"  {scheme:<7} "
                + "   ".join(f"{k} {np.mean(v):.2f} (n={len(v)})" for k, v in sorted(hits.items()))
            )
    return out


MIXES = (0.0, 0.25, 0.5, 0.75, 1.0)


def mixed_reading(rows: list[Text], sets: dict[str, LabelledSet]) -> tuple[float, float]:
    """The first label of the reading without the model (mix 0), of the model alone (mix 1),
    and of mixtures of the two, on each public set with a model trained without that set."""
    embedder = wordllama()
    reader = comp.CompetencyReader(embedder, model=lambda: None)
    hits: dict[tuple[str, float], list[bool]] = defaultdict(list)
    for name in PUBLIC:
        model = CompetencyModel.from_dict(fit([r for r in rows if r.source != name]))
        columns = [model.labels.index(c) for c in LABELS]
        data = sets[name]
        matcher = Matcher(data.stories, reader=reader, embedder=embedder)
        cases = [c for c in data.cases if c.competency in LABELS]
        queries = [moment_text(c.moment) for c in cases]
        read = np.stack([_asked(matcher, q) for q in queries])
        learned = model.questions(queries)[:, columns]
        stories = [s for s in data.stories if data.story_competencies[s.title] & set(LABELS)]
        at = [data.stories.index(s) for s in stories]
        read_stories = matcher.story_competencies()[at]
        terms = [matcher_terms(matcher)[i] for i in at]
        learned_stories = model.stories(terms)[:, columns]
        for mix in MIXES:
            mixed = (1 - mix) * read + mix * learned
            for case, row in zip(cases, mixed, strict=True):
                kind = "jotted" if case.jotted else "full"
                hits[(kind, mix)].append(LABELS[int(np.argmax(row))] == case.competency)
            mixed = (1 - mix) * read_stories + mix * learned_stories
            for story, row in zip(stories, mixed, strict=True):
                labels = data.story_competencies[story.title]
                hits[("story", mix)].append(LABELS[int(np.argmax(row))] in labels)
    print("  by set; share of the model in the mixture: " + "  ".join(f"{m:>4}" for m in MIXES))
    for kind in ("full", "jotted", "story"):
        n = len(hits[(kind, 0.0)])
        print(
            f"  {kind + f' (n={n})':<14}"
            + "  ".join(f"{np.mean(hits[(kind, m)]):.2f}" for m in MIXES)
        )
    # The best share for questions (full and jotted alike) and for stories; a tie goes to
    # the smaller share of the model.
    question = max(MIXES, key=lambda m: (np.mean(hits[("full", m)] + hits[("jotted", m)]), -m))
    story = max(MIXES, key=lambda m: (np.mean(hits[("story", m)]), -m))
    print(f"  best share: questions {question}, stories {story}")
    return question, story


def _asked(matcher: Matcher, query: str) -> np.ndarray:
    return matcher._asked(query)


def matcher_terms(matcher: Matcher) -> list[dict[str, int]]:
    return matcher._stories.terms


@dataclass
class Figures:
    n: int = 0
    at1: int = 0
    at3: int = 0
    labelled: int = 0
    competency: int = 0
    #: Labelled stories, and how many of them the matcher reads right first.
    stories: int = 0
    stories_read: int = 0

    def add(self, other: Figures) -> Figures:
        return Figures(
            *(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values(), strict=True))
        )

    def line(self) -> str:
        text = f"{self.at1 / self.n:.2f} {self.at3 / self.n:.2f}"
        if self.labelled:
            text += f" {self.competency / self.labelled:.2f}"
        if self.stories:
            text += f" s{self.stories_read / self.stories:.2f}"
        return text


def objective(figures: dict[str, Figures]) -> float:
    """What the mixture is chosen by, each set counting the same: recall@1 plus recall@3 on
    each set, and competency hit@1 on each public set (the team set has no competency
    labels)."""
    found = [(f.at1 + f.at3) / f.n for f in figures.values()]
    hits = [f.competency / f.labelled for f in figures.values() if f.labelled]
    return float(np.mean(found) + np.mean(hits))


def rank_figures(data: LabelledSet, matcher: Matcher) -> Figures:
    out = Figures()
    for case in data.cases:
        ranked = [
            c.title
            for c in matcher.rank_stories(moment_text(case.moment), case.moment.topic, top=3)
        ]
        out.n += 1
        out.at1 += ranked[0] in case.right
        out.at3 += bool(case.right & set(ranked))
        if case.competency:
            out.labelled += 1
            out.competency += case.competency in data.story_competencies.get(ranked[0], ())
    for story, row in zip(data.stories, matcher.story_competencies(), strict=True):
        labels = data.story_competencies.get(story.title, set()) & set(LABELS)
        if labels:
            out.stories += 1
            out.stories_read += LABELS[int(np.argmax(row))] in labels
    return out


@dataclass(frozen=True)
class Mixture:
    question: float
    story: float
    weight: float
    skills: float = 1.0
    label: str = ""


def fold_models(rows: list[Text]) -> dict[str, CompetencyModel]:
    """For each set, a model trained without it (the team set's texts are in none)."""
    return {
        name: CompetencyModel.from_dict(fit([r for r in rows if r.source != name]))
        for name in (*PUBLIC, "team")
    }


def set_figures(
    sets: dict[str, LabelledSet], models: dict[str, CompetencyModel], mixture: Mixture
) -> dict[str, Figures]:
    """The matcher on each set with its model, as :class:`Mixture` says."""
    embedder = wordllama()
    figures = {}
    for name in (*PUBLIC, "team"):
        reader = comp.CompetencyReader(
            embedder,
            model=lambda m=models[name]: m,
            question_mix=mixture.question,
            story_mix=mixture.story,
            skill_cue_weight=mixture.skills * comp.SKILL_CUE_WEIGHT,
            skill_name_weight=mixture.skills * comp.SKILL_NAME_WEIGHT,
        )
        matcher = Matcher(
            sets[name].stories,
            embedder=embedder,
            reader=reader,
            weights=replace(Weights(), competency=mixture.weight),
        )
        figures[name] = rank_figures(sets[name], matcher)
    return figures


def print_figures(label: str, figures: dict[str, Figures]) -> None:
    public = Figures()
    for name in PUBLIC:
        public = public.add(figures[name])
    print(
        f"  {label:<34} "
        + " | ".join(f"{name.removeprefix('public-')} {figures[name].line()}" for name in PUBLIC)
        + f" | all public {public.line()} | team {figures['team'].line()}"
    )


def mixture_cv(
    rows: list[Text], sets: dict[str, LabelledSet], question_mix: float, story_mix: float
) -> float:
    """The matcher on each set with a model that never saw it, for a few weights of the
    competency match; returns the best weight. Beside it, the matcher without the model and
    without the reading of a story's skills (each figure per set: recall@1, recall@3,
    competency hit@1, s: stories whose competency is read right first)."""
    models = fold_models(rows)
    results = []
    for mixture in [
        Mixture(0.0, 0.0, 0.21, 0.0, "without the model or the skills"),
        Mixture(0.5, 0.25, 0.5, 0.0, "without the skills (before)"),
        Mixture(question_mix, story_mix, 0.5, 0.0, "without the skills, chosen shares"),
        *(Mixture(question_mix, story_mix, w) for w in (0.3, 0.4, 0.5, 0.6, 0.7)),
    ]:
        figures = set_figures(sets, models, mixture)
        results.append((objective(figures), mixture, figures))
    print("  question share, story share, competency weight: per set r@1 r@3 hit@1 s")
    for _, mixture, figures in results:
        name = mixture.label or f"{mixture.question} {mixture.story} {mixture.weight}"
        print_figures(name, figures)
    chosen = max(
        (r for r in results if not r[1].label), key=lambda r: (round(r[0], 6), -r[1].weight)
    )
    return chosen[1].weight


def main(argv: list[str]) -> int:
    rows, sets = texts()
    kinds = defaultdict(int)
    for row in rows:
        kinds[(row.source, row.kind)] += 1
    print("Training texts: " + ", ".join(f"{s} {k} {n}" for (s, k), n in sorted(kinds.items())))
    if "--grid" in argv:
        for c, other in itertools.product((0.5, 1.0, 2.0, 4.0, 8.0, 16.0), (0.0, 0.1, 0.3, 1.0)):
            found = classifier_cv(rows, c, other, quiet=True)
            print(
                f"  C {c:<4} other {other:<4} "
                + "  ".join(f"{k} {v:.2f}" for k, v in found.items())
            )
    print("\n1. The first competency read, on texts the model never saw (the model alone):")
    classifier_cv(rows, C, OTHER_KIND)
    print("   ...and mixed with the reading of cue words, themes and exemplars:")
    question_mix, story_mix = mixed_reading(rows, sets)
    print("\n2. The matcher with a model that never saw the set it ranks:")
    weight = mixture_cv(rows, sets, question_mix, story_mix)
    print(
        f"  chosen: question mix {question_mix}, story mix {story_mix}, competency weight {weight}"
    )
    if "--write" in argv:
        model = fit(rows)
        MODEL_PATH.parent.mkdir(exist_ok=True)
        MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        size = MODEL_PATH.stat().st_size
        print(f"\nWrote {MODEL_PATH.relative_to(ROOT)} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
