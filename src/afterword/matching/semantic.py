"""The offline semantic ranker: WordLlama's static embeddings, shipped inside its wheel.

Why WordLlama (see bench/matching.py for the figures): it needs numpy only, loads in about a
quarter of a second and embeds a thousand stories in tens of milliseconds, so ranking a whole
library stays far inside the budget of a command. MiniLM on onnxruntime (all-MiniLM-L6-v2,
int8) costs half a second of start-up, 3-7 ms a text and two little-known packages, and in the
combined ranker it did no better on real public question/story pairs (bench/matching_results.md):
the themes and competencies (:mod:`afterword.matching.themes`, :mod:`~.competency`) carry what
it adds.

Nothing here may reach the network: the model is loaded from the package's own folder with
downloads disabled, and a test loads it with the network cut.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]

#: How WordLlama's (SentencePiece) tokenizer writes a space: the mark at the start of a word.
_SPACE = "\u2581"


class Embedder(Protocol):
    """Turns texts into unit vectors (one row per text)."""

    def embed(self, texts: Sequence[str]) -> Vectors: ...


class ModelUnavailable(RuntimeError):
    """The bundled model cannot be loaded (the package is missing or broken)."""


class WordLlamaEmbedder:
    """WordLlama's bundled model, embedding texts a word at a time, with a memory of words and
    of whole texts.

    WordLlama's vector for a text is the mean of its token vectors, and its tokenizer never
    joins two words into one token, so a text's vector is the sum of its words' token vectors
    over their count. Remembering each word's sum makes a library of a thousand stories cost
    a few thousand distinct words to tokenize instead of every word of every story (about 4x
    faster cold, and the web app and the composer re-rank the same stories often). The
    vectors match ``WordLlama.embed`` (cosine 1.0) except where a text holds runs of spaces or
    tabs, which WordLlama reads as tokens and this reads as one space.

    A text's vector is remembered too, so an unchanged story is never embedded twice in a
    process. Both memories are bounded and guarded by a lock: the web app embeds from several
    threads at once.
    """

    #: Forget every word past this many (a library's vocabulary is a few thousand words).
    max_words = 100_000
    #: Forget every text's vector past this many (1 KiB each).
    max_texts = 20_000
    #: Texts of more words than this are averaged one at a time (see :meth:`_means`).
    long_text = 200
    #: Chunks joined into one input of the tokenizer (see :meth:`_token_ids`).
    join_chunks = 200

    def __init__(self, model: Any) -> None:
        self._model = model
        self._table: NDArray[np.float32] = np.asarray(model.embedding, dtype=np.float32)
        self.dimensions = int(self._table.shape[1])
        self._lock = threading.Lock()
        self._texts: dict[str, Vectors] = {}
        self._forget_words()
        tokenizer = model.tokenizer
        vocabulary: dict[str, int] = tokenizer.get_vocab()
        #: Token id -> whether the token starts a word (see :meth:`_token_ids`).
        self._starts_word = np.zeros(max(vocabulary.values(), default=0) + 1, dtype=bool)
        for token, token_id in vocabulary.items():
            self._starts_word[token_id] = token.startswith(_SPACE)
        #: What, in joined chunks, could make them tokenize differently than one by one.
        self._unsafe = (_SPACE, *(t.content for t in tokenizer.get_added_tokens_decoder().values()))

    def _forget_words(self) -> None:
        self._row: dict[str, int] = {}
        # Room for every word up front, so learning never copies what it learned: the memory
        # is only reserved, and the system hands it out a page at a time as rows are written.
        self._sums = np.zeros((self.max_words, self.dimensions), dtype=np.float32)
        self._counts = np.zeros(self.max_words, dtype=np.float32)

    def _learn(self, chunks: list[str]) -> None:
        ids, lengths = self._token_ids(chunks)
        start, end = len(self._row), len(self._row) + len(chunks)
        # Chunks with as many tokens are summed together, token by token, in the order a
        # per-chunk sum adds them (so the vectors are the same).
        sums = self._sums[start:end]
        for length in np.unique(lengths[lengths > 0]).tolist():
            which = np.flatnonzero(lengths == length)
            total = self._table[ids[which, 0]]
            for j in range(1, length):
                total += self._table[ids[which, j]]
            sums[which] = total
        self._counts[start:end] = lengths
        self._row.update(zip(chunks, range(start, end), strict=True))

    def _token_ids(self, chunks: list[str]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """Each chunk's token ids, one row each padded on the right, and how many it has.

        The tokenizer costs about 8 microseconds an input, most of it not tokenizing, so the
        chunks go in joined by spaces, a couple of hundred to an input (3-4x faster):
        WordLlama's tokenizer reads a space as the mark that starts a word and has no token
        with one inside (only runs of them), so every token starting with it starts the next
        chunk, and the chunks come apart again as the same tokens they have alone. Anything
        that could break that (a chunk with the mark, or with a special token, which the
        tokenizer splits off first) or a count of starts that does not match the chunks, and
        the chunks are encoded one by one, as before.
        """
        if not chunks:
            return np.zeros((0, 0), dtype=np.intp), np.zeros(0, dtype=np.intp)
        tokenizer = self._model.tokenizer
        # encode_batch_fast (tokenizers 0.20+) skips the character offsets, which we don't use.
        encode = getattr(tokenizer, "encode_batch_fast", tokenizer.encode_batch)
        joined = [
            " ".join(chunks[i : i + self.join_chunks])
            for i in range(0, len(chunks), self.join_chunks)
        ]
        if not any(mark in text for text in joined for mark in self._unsafe):
            encoded = encode(joined, add_special_tokens=False)
            # Each input's tokens, without the padding the tokenizer adds on the right (were it
            # on the left, the count of starts below would catch it).
            real = [len(e.ids) - e.attention_mask.count(0) for e in encoded]
            flat = np.fromiter(
                chain.from_iterable(e.ids[:n] for e, n in zip(encoded, real, strict=True)),
                np.intp,
                sum(real),
            )
            starts = np.flatnonzero(self._starts_word[np.minimum(flat, len(self._starts_word) - 1)])
            if len(starts) == len(chunks) and (not len(flat) or starts[0] == 0):
                lengths = np.diff(starts, append=len(flat))
                ids = np.zeros((len(chunks), int(lengths.max(initial=0))), dtype=np.intp)
                ids[np.arange(ids.shape[1]) < lengths[:, None]] = flat
                return np.minimum(ids, len(self._table) - 1), lengths
        encoded = encode(chunks, add_special_tokens=False)
        # The tokenizer pads a batch on the right: a chunk's tokens are the first sum(mask)
        # ids of its row.
        ids = np.minimum(np.array([e.ids for e in encoded], dtype=np.intp), len(self._table) - 1)
        mask = np.array([e.attention_mask for e in encoded], dtype=bool)
        lengths = mask.sum(axis=1)
        if not np.array_equal(mask, np.arange(mask.shape[1]) < lengths[:, None]):
            raise ModelUnavailable("wordllama's tokenizer no longer pads on the right")
        return ids, lengths

    def _embed_new(self, texts: list[str]) -> Vectors:
        split = [t.split() for t in texts]
        distinct = set(chain.from_iterable(split))
        row = self._row
        new = [c for c in distinct if c not in row]
        if len(row) + len(new) > self.max_words:
            # Start over, with every word of these texts (not only the new ones) to learn.
            self._forget_words()
            new = list(distinct)
            if len(new) > self.max_words:  # more words than the memory holds: halve the batch
                if len(texts) == 1:
                    vector = self._model.embed(texts, norm=True)
                    return np.asarray(vector, dtype=np.float32).reshape(1, self.dimensions)
                half = len(texts) // 2
                return np.concatenate(
                    [self._embed_new(texts[:half]), self._embed_new(texts[half:])]
                )
        if new:
            self._learn(new)
        out = self._means(split)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(np.divide(out, norms, out=out, where=norms > 0), dtype=np.float32)

    def _means(self, split: list[list[str]]) -> Vectors:
        """Each text's mean token vector, from its words' sums and counts.

        Texts go longest first, and word j of every text that has one is added in one step,
        so a thousand texts cost as many numpy calls as the longest has words; each text's
        words are still added in order, so the sums are those of a per-text loop. A text
        longer than :attr:`long_text` words is summed on its own, to keep the table small.
        """
        out = np.zeros((len(split), self.dimensions), dtype=np.float32)
        row = self._row
        lengths = np.fromiter(map(len, split), np.intp, len(split))
        for i in np.flatnonzero(lengths > self.long_text).tolist():
            rows = [row[c] for c in split[i]]
            out[i] = self._sums[rows].sum(axis=0) / max(float(self._counts[rows].sum()), 1.0)
        lengths[lengths > self.long_text] = 0
        longest = int(lengths.max()) if len(split) else 0
        if longest == 0:
            return out
        short = (chunks for chunks, n in zip(split, lengths.tolist(), strict=True) if n)
        flat = np.fromiter(
            map(row.__getitem__, chain.from_iterable(short)), np.intp, int(lengths.sum())
        )
        order = np.argsort(-lengths, kind="stable")
        rows_of = np.zeros((len(split), longest), dtype=np.intp)
        rows_of[np.arange(longest) < lengths[:, None]] = flat
        rows_of, lengths = rows_of[order], lengths[order]
        live = int(np.count_nonzero(lengths))
        sums = self._sums[rows_of[:live, 0]]
        counts = self._counts[rows_of[:live, 0]]
        for j in range(1, longest):
            n = int(np.count_nonzero(lengths > j))
            sums[:n] += self._sums[rows_of[:n, j]]
            counts[:n] += self._counts[rows_of[:n, j]]
        out[order[:live]] = sums / np.maximum(counts, 1.0)[:, None]
        return out

    def embed(self, texts: Sequence[str]) -> Vectors:
        with self._lock:
            remembered = self._texts
            new = [t for t in dict.fromkeys(texts) if t not in remembered]
            if new:
                if len(remembered) + len(new) > self.max_texts:
                    remembered.clear()
                    new = list(dict.fromkeys(texts))
                vectors = self._embed_new(new)
                remembered.update(zip(new, vectors, strict=True))
                if len(new) == len(texts):  # all new and distinct: the answer, in order
                    return vectors.copy()  # (a copy: its rows are remembered)
            if not texts:
                return np.zeros((0, self.dimensions), dtype=np.float32)
            return np.stack([remembered[t] for t in texts])


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
