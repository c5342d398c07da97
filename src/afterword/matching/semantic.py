"""The offline semantic ranker: WordLlama's static embeddings, shipped inside its wheel.

Why WordLlama (see bench/matching.py for the figures): it needs numpy only, loads in about a
quarter of a second and embeds a thousand stories in tens of milliseconds, so ranking a whole
library stays far inside the budget of a command. MiniLM on onnxruntime ranks better on its
own but costs seconds of start-up and two little-known packages; the themes
(:mod:`afterword.matching.themes`) recover most of that difference at no cost.

Nothing here may reach the network: the model is loaded from the package's own folder with
downloads disabled, and a test loads it with the network cut.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into unit vectors (one row per text)."""

    def embed(self, texts: Sequence[str]) -> Vectors: ...


class ModelUnavailable(RuntimeError):
    """The bundled model cannot be loaded (the package is missing or broken)."""


class WordLlamaEmbedder:
    """WordLlama's bundled model, embedding texts a word at a time, with a memory of words.

    WordLlama's vector for a text is the mean of its token vectors, and its tokenizer never
    joins two words into one token, so a text's vector is the sum of its words' token vectors
    over their count. Remembering each word's sum makes a library of a thousand stories cost
    a few thousand distinct words to tokenize instead of every word of every story (about 4x
    faster cold, and the web app and the composer re-rank the same stories often). The
    vectors match ``WordLlama.embed`` (cosine 1.0) except where a text holds runs of spaces or
    tabs, which WordLlama reads as tokens and this reads as one space.
    """

    #: Forget every word past this many (a library's vocabulary is a few thousand words).
    max_words = 200_000

    def __init__(self, model: Any) -> None:
        self._model = model
        self._table: NDArray[np.float32] = np.asarray(model.embedding, dtype=np.float32)
        self.dimensions = int(self._table.shape[1])
        self._row: dict[str, int] = {}
        self._sums = np.zeros((0, self.dimensions), dtype=np.float32)
        self._counts = np.zeros(0, dtype=np.float32)

    def _learn(self, chunks: list[str]) -> None:
        if len(self._row) + len(chunks) > self.max_words:
            self._row.clear()
            self._sums = np.zeros((0, self.dimensions), dtype=np.float32)
            self._counts = np.zeros(0, dtype=np.float32)
        encoded = self._model.tokenizer.encode_batch(chunks, add_special_tokens=False)
        sums = np.zeros((len(chunks), self.dimensions), dtype=np.float32)
        counts = np.zeros(len(chunks), dtype=np.float32)
        last = self._table.shape[0] - 1
        for i, item in enumerate(encoded):
            ids = [min(t, last) for t, on in zip(item.ids, item.attention_mask, strict=True) if on]
            if ids:
                sums[i] = self._table[ids].sum(axis=0)
                counts[i] = len(ids)
        start = len(self._row)
        for offset, chunk in enumerate(chunks):
            self._row[chunk] = start + offset
        self._sums = np.concatenate([self._sums, sums])
        self._counts = np.concatenate([self._counts, counts])

    def embed(self, texts: Sequence[str]) -> Vectors:
        split = [t.split() for t in texts]
        new = list(dict.fromkeys(c for chunks in split for c in chunks if c not in self._row))
        if new:
            self._learn(new)
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # A small gather per text: numpy's reduceat over one big gather is six times slower.
        for i, chunks in enumerate(split):
            if chunks:
                rows = [self._row[c] for c in chunks]
                out[i] = self._sums[rows].sum(axis=0) / max(float(self._counts[rows].sum()), 1.0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(np.divide(out, norms, out=out, where=norms > 0), dtype=np.float32)


@cache
def wordllama() -> WordLlamaEmbedder:
    """Load the model bundled in the wordllama wheel, once per process, never downloading."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        # wordllama.inference calls logging.basicConfig(level=INFO) when imported, which would
        # turn on every library's INFO logging in our process; undo it right away.
        import wordllama  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from wordllama import WordLlama
    except ImportError as exc:
        raise ModelUnavailable(
            "the semantic ranker needs the wordllama package (pip install wordllama)"
        ) from exc
    finally:
        root.setLevel(level)
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
    try:
        model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except Exception as exc:  # any failure of a third-party loader means the same to the user
        raise ModelUnavailable(f"cannot load wordllama's bundled model: {exc}") from exc
    return WordLlamaEmbedder(model)


def cosine(queries: Vectors, documents: Vectors) -> Vectors:
    """Cosine similarity of unit vectors: one row per query, one column per document."""
    if queries.size == 0 or documents.size == 0:
        return np.zeros((len(queries), len(documents)), dtype=np.float32)
    return np.asarray(queries @ documents.T, dtype=np.float32)
