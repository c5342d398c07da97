"""What the rankers read in a text, read once per distinct text and remembered.

Reading a library (splitting each story into words, stemming them, finding its themes) was
most of the cost of a ranking, and the web app ranks the same library again for every page,
moment and draft. So each text's features are kept in a bounded cache keyed by the text itself
(and the skills read with it): an unchanged story is read once per process, an edited one is
read again because its key changed, and nothing else is ever invalidated.

Pure: a feature is a function of its key alone, so the cache changes how long a ranking takes
and never what it finds (a test compares rankings with and without it).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse

from afterword.matching.competency import cue_bits
from afterword.matching.competency import story_cue_stems as competency_cue_stems
from afterword.matching.text import (
    RANKING_STOPWORDS,
    compound_parts_in,
    fold,
    stem_table,
    stems,
    tokens_of_many,
)
from afterword.matching.themes import cue_words, theme_bits, themes_of_bits

#: What a text is read for: the text itself and the skills (or topic) that go with it.
Key = tuple[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Features:
    """One text, read for ranking."""

    #: stem -> how often the text uses it (BM25's term frequencies).
    terms: dict[str, int]
    #: BM25's document length: content words, or 1 for a text without any (bm25s indexes an
    #: empty document as one token that no query has).
    length: int
    #: stem -> the first word that the text writes for it, for reasons people can read.
    surface: dict[str, str]
    themes: frozenset[str]
    #: The same themes as bits (:data:`~afterword.matching.themes.THEME_BIT`).
    theme_bits: int
    #: Each skill (or the research topic) with its stems.
    skills: tuple[tuple[str, frozenset[str]], ...]
    #: The competencies its words name (:func:`~afterword.matching.competency.cue_bits`).
    competency_cues: int = 0


def read(keys: Sequence[Key]) -> list[Features]:
    """Read texts (no cache). The distinct words of all the texts are stemmed and looked up
    for themes at once; then each text costs a few passes at C speed over its words.
    """
    folded = [fold(text) for text, _ in keys]
    # A compound's parts follow it ("team-conflict", "team", "conflict"): the few texts with
    # a hyphen pay for it.
    split = [
        words + parts if (parts := compound_parts_in(text)) else words
        for text, words in zip(folded, tokens_of_many(folded), strict=True)
    ]
    distinct: set[str] = set().union(*split)
    table = stem_table(distinct - RANKING_STOPWORDS)
    cues = cue_words(distinct)
    is_stopword = RANKING_STOPWORDS.__contains__
    cue_stems = competency_cue_stems()
    out = []
    for (_, skills), text, found in zip(keys, folded, split, strict=True):
        content = list(filterfalse(is_stopword, found))
        stemmed = list(map(table.__getitem__, content))
        bits = theme_bits(text, found, cues)
        out.append(
            Features(
                # A Counter keeps the order in which stems first occur (BM25 ignores it).
                terms=dict(Counter(stemmed)),
                length=len(content) or 1,
                # Built backwards, so where two words share a stem the first one written stays.
                surface=dict(zip(reversed(stemmed), reversed(content), strict=True)),
                themes=themes_of_bits(bits),
                theme_bits=bits,
                skills=_skills(skills),
                competency_cues=_cue_bits(cue_stems.intersection(stemmed)),
            )
        )
    return out


# A library repeats the same few dozen skills (and a few hundred sets of themes, see
# themes.themes_of_bits): one object for each keeps the cache small and gives Python's garbage
# collector fewer objects to walk.
@lru_cache(maxsize=20_000)
def _skills(skills: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((skill, _stems_of_skill(skill)) for skill in skills)


@lru_cache(maxsize=20_000)
def _stems_of_skill(skill: str) -> frozenset[str]:
    return frozenset(stems(skill))


class FeatureCache:
    """A bounded, thread-safe memory of :class:`Features` by key, least recently used first
    out. ``read_count`` says how many texts it has had to read (for tests and benchmarks)."""

    def __init__(self, max_items: int = 5_000) -> None:
        self.max_items = max_items
        self.read_count = 0
        self._items: OrderedDict[Key, Features] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.read_count = 0

    def get_many(self, keys: Sequence[Key]) -> list[Features]:
        found: list[Features | None] = []
        with self._lock:
            items = self._items
            for key in keys:
                feature = items.get(key)
                if feature is not None:
                    items.move_to_end(key)
                found.append(feature)
        missing = list(dict.fromkeys(k for k, f in zip(keys, found, strict=True) if f is None))
        if not missing:
            return [f for f in found if f is not None]  # every one was found
        # Read outside the lock: another thread may read the same text meanwhile, to the
        # same features, and whichever stores it last wins.
        fresh = dict(zip(missing, read(missing), strict=True))
        with self._lock:
            self.read_count += len(fresh)
            items = self._items
            for key, feature in fresh.items():
                items[key] = feature
                items.move_to_end(key)
            while len(items) > self.max_items:
                items.popitem(last=False)
        return [f if f is not None else fresh[k] for k, f in zip(keys, found, strict=True)]


#: The process's memory of features, shared by every :class:`~afterword.matching.Matcher`.
FEATURES = FeatureCache()


@lru_cache(maxsize=20_000)
def _cue_bits(found: frozenset[str]) -> int:
    return cue_bits(found) if found else 0
