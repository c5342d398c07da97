"""A learned reading of the competency a question asks about, or a story shows.

Cue words and the nearest published questions (:mod:`~afterword.matching.competency`) read a
question well and a story poorly: a story of an outage rarely says "pressure", and one of a
disagreement with a boss rarely says "persuade". This is a linear model (multinomial logistic
regression) over the stems a text uses, trained offline on labelled questions and stories
(``tools/train_competency.py`` says on which, and how well it reads texts it never saw). It
gives a distribution over :data:`~afterword.matching.competency.COMPETENCY_IDS`, which the
reader mixes with its own as cross-validation says it pays: for a question, half and half; for
a story, not at all since a story's skills are read (the story head is trained and shipped, so
that the tool can weigh it again; :data:`~afterword.matching.competency.STORY_MIX`).

Scoring is a sum of weight rows looked up by stem: numpy only. The weights are a small JSON
file in the package, loaded the first time a ranking needs them.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Collection, Iterable, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from afterword.matching.text import ranking_stems

Matrix = NDArray[np.float32]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "competency.json"


def question_features(text: str) -> list[str]:
    """What the model reads in a question: its distinct stems (compounds split, jotting words
    and stop words left out, as the rankers read it)."""
    return list(dict.fromkeys(ranking_stems(text)))


def story_features(terms: Iterable[str]) -> Collection[str]:
    """What the model reads in a story: its distinct stems, as the matcher read them for BM25
    (:attr:`~afterword.matching.features.Features.terms`), so a new story costs no new reading."""
    if isinstance(terms, dict):
        return terms.keys()
    return list(dict.fromkeys(terms))


class Head:
    """One linear model: a bias and a weight row per known stem, over the labels."""

    __slots__ = ("bias", "index", "weights")

    def __init__(self, vocabulary: Sequence[str], weights: Matrix, bias: Matrix) -> None:
        self.index = {stem: i for i, stem in enumerate(vocabulary)}
        # A last row of zeros, for texts with no known stem.
        self.weights = np.vstack([weights, np.zeros((1, weights.shape[1]), dtype=np.float32)])
        self.bias = bias

    def probabilities(self, texts: Sequence[Collection[str]]) -> Matrix:
        """Each text's (its distinct features') distribution over the labels, one row a text.
        Each feature counts once, scaled by one over the square root of how many the text has
        (as the model was trained: a long story does not shout); an unknown one adds nothing."""
        if not texts:
            return np.zeros((0, len(self.bias)), dtype=np.float32)
        get, zero = self.index.get, len(self.weights) - 1
        counts = np.fromiter(map(len, texts), np.intp, len(texts))
        # A text of no feature reads the zero row once, so that every text has a row to sum.
        flat = np.fromiter(
            chain.from_iterable(map(get, t, repeat(zero)) if t else (zero,) for t in texts),
            np.intp,
        )
        starts = np.zeros(len(texts), dtype=np.intp)
        np.cumsum(np.maximum(counts, 1)[:-1], out=starts[1:])
        sums = np.add.reduceat(self.weights[flat], starts, axis=0)
        scale = (1.0 / np.sqrt(np.maximum(counts, 1))).astype(np.float32)
        logits = sums * scale[:, None] + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)


class CompetencyModel:
    """The trained heads: one for questions, one for stories, over the same labels."""

    __slots__ = ("labels", "question", "story")

    def __init__(self, labels: tuple[str, ...], question: Head, story: Head) -> None:
        self.labels = labels
        self.question = question
        self.story = story

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CompetencyModel:
        labels: tuple[str, ...] = tuple(data["labels"])
        heads = []
        for name in ("question", "story"):
            head = data[name]
            vocabulary = list(head["vocabulary"])
            weights = np.asarray(head["weights"], dtype=np.float32).reshape(
                len(vocabulary), len(labels)
            )
            heads.append(Head(vocabulary, weights, np.asarray(head["bias"], dtype=np.float32)))
        return cls(labels, heads[0], heads[1])

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CompetencyModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def questions(self, texts: Sequence[str]) -> Matrix:
        return self.question.probabilities([question_features(t) for t in texts])

    def stories(self, terms: Sequence[Iterable[str]]) -> Matrix:
        return self.story.probabilities([story_features(t) for t in terms])


_LOADED: list[CompetencyModel] = []
_LOCK = threading.Lock()


def default_model() -> CompetencyModel:
    """The model shipped with the matcher, loaded once per process on first use."""
    with _LOCK:
        if not _LOADED:
            _LOADED.append(CompetencyModel.load())
        return _LOADED[0]
