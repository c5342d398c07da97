"""Evidence matching, with the real rankers and the real bundled model."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from afterword.debrief_file import load_debrief_file
from afterword.matching import Matcher, rank_evidence, themes_of
from afterword.matching.features import FEATURES, FeatureCache
from afterword.matching.rank import Mode, moment_text
from afterword.matching.semantic import WordLlamaEmbedder, wordllama
from afterword.matching.text import _WORD, fold, stems, tokens, tokens_of_many
from afterword.matching.themes import (
    _PHRASES,
    THEMES,
    bits_of,
    ordered_themes,
    themes_of_bits,
)
from afterword.model import Moment, MomentKind, Research, Story
from support import EXAMPLES, REPO

BENCH = REPO / "bench" / "data" / "matching.yaml"


def _labelled() -> tuple[list[Story], list[tuple[Moment, set[str]]]]:
    raw: dict[str, Any] = yaml.safe_load(BENCH.read_text())
    stories = [Story.model_validate(s) for s in raw["stories"]]
    cases = []
    for item in raw["moments"]:
        answer = item.pop("answer")
        cases.append(
            (Moment.model_validate(item), {answer} if isinstance(answer, str) else set(answer))
        )
    return stories, cases


def test_the_labelled_set_is_large_and_well_formed() -> None:
    stories, cases = _labelled()
    titles = {s.title for s in stories}
    assert len(stories) >= 30 and len(cases) >= 30
    assert all(right <= titles for _, right in cases)


def test_combined_ranking_beats_each_ranker_alone_on_the_labelled_set() -> None:
    stories, cases = _labelled()
    recall: dict[str, tuple[float, float]] = {}
    modes: tuple[Mode, ...] = ("lexical", "semantic", "combined")
    for mode in modes:
        matcher = Matcher(stories, mode=mode)
        at1 = at3 = 0
        for moment, right in cases:
            ranked = [c.title for c in matcher.rank_stories(moment_text(moment), moment.topic)]
            at1 += ranked[0] in right
            at3 += bool(right & set(ranked[:3]))
        recall[mode] = (at1 / len(cases), at3 / len(cases))
    assert recall["combined"][0] >= 0.65
    assert recall["combined"][1] >= 0.85
    assert recall["combined"][0] > max(recall["lexical"][0], recall["semantic"][0])


def test_what_a_question_asks_about() -> None:
    assert "conflict" in themes_of("Tell me about a time you disagreed with your manager.")
    assert "failure" in themes_of("Tell me about a mistake you made.")
    assert "deadline" in themes_of("Describe working under a tight deadline.")
    assert "conflict" in themes_of("I pushed back on the release date in the planning review")
    assert themes_of("") == frozenset()


def test_the_examples_rank_the_linked_and_fitting_stories_first_with_reasons() -> None:
    interview = load_debrief_file(EXAMPLES / "panel-onsite.yaml")
    found = rank_evidence(interview)
    assert [f.number for f in found] == [1, 2, 3]
    first = found[0].best_story
    assert first is not None and first.title == "Claims pipeline monitoring"
    assert "you linked it to this moment" in first.reasons
    assert any(r.startswith("shared skills") for r in first.reasons)
    sql = found[1]
    assert sql.best_research is not None and sql.best_research.title == "SQL window functions"
    assert any("the topic" in r for r in sql.best_research.reasons)
    assert found[0].to_dict()["stories"][0]["title"] == "Claims pipeline monitoring"


def test_a_library_adds_stories_without_duplicates() -> None:
    interview = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    extra = Story(title="Email capture growth", result="dup")
    other = Story(title="Customer interviews", result="Interviewed 30 logistics buyers")
    found = rank_evidence(interview, [extra, other], top=None)
    titles = [c.title for c in found[0].stories]
    assert titles.count("Email capture growth") == 1
    assert "Customer interviews" in titles


def test_empty_inputs_rank_to_empty_lists() -> None:
    matcher = Matcher([], [])
    assert matcher.rank_stories("anything") == []
    bare = Matcher([Story(title="x")], [Research(topic="y", text="z")])
    assert len(bare.rank_stories("")) == 1
    moment = Moment(question="Why?", kind=MomentKind.couldnt_answer)
    assert bare.moment(1, moment).best_story is not None


def test_wordllama_vectors_match_the_library_own_embedding() -> None:
    embedder = wordllama()
    texts = ["Grew email capture 200% in four months.", "Tell me about a conflict at work."]
    ours = embedder.embed(texts)
    theirs = np.asarray(embedder._model.embed(texts, norm=True))
    assert np.all(np.sum(ours * theirs, axis=1) > 0.999)
    assert embedder.embed([""]).shape == (1, embedder.dimensions)


def test_loading_the_model_leaves_logging_alone() -> None:
    code = (
        "import logging; from afterword.matching.semantic import wordllama; wordllama(); "
        "root = logging.getLogger(); print(root.level, len(root.handlers))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [str(logging.WARNING), "0"]


@pytest.mark.skipif(
    not (shutil.which("unshare") and os.geteuid() == 0), reason="needs unshare -n as root"
)
def test_the_model_loads_with_the_network_cut(tmp_path: Path) -> None:
    code = (
        "from afterword.matching.semantic import wordllama; "
        "print(wordllama().embed(['offline']).shape)"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "HOME": str(tmp_path)}
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, env=env
    )
    if result.returncode != 0 and "Operation not permitted" in result.stderr:
        pytest.skip("unshare is not permitted here")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, 256)"


# Caches: what is remembered changes how long a ranking takes, never what it finds. ----------


def _rankings(matcher: Matcher, cases: list[tuple[Moment, set[str]]]) -> list[Any]:
    return [
        [(c.position, c.score, c.semantic, c.to_dict()) for c in matcher.moment(n, moment)]
        for n, (moment, _) in enumerate(cases, 1)
    ]


def test_rankings_are_identical_with_and_without_the_feature_cache() -> None:
    stories, cases = _labelled()
    research = [Research(topic=s.title, text=s.result or s.title) for s in stories[:8]]
    cache = FeatureCache()
    uncached = _rankings(Matcher(stories, research, cache=None), cases)
    first = _rankings(Matcher(stories, research, cache=cache), cases)
    assert cache.read_count == len(stories) + len(research)
    again = _rankings(Matcher(stories, research, cache=cache), cases)
    assert cache.read_count == len(stories) + len(research)  # all remembered
    assert uncached == first == again


def test_a_changed_story_is_read_again_and_an_unchanged_one_is_not() -> None:
    cache = FeatureCache()
    one = Story(title="Churn model", result="Cut churn 12% with a forecast", skills=["SQL"])
    two = Story(title="Vendor deal", result="Negotiated a 20% discount", skills=["negotiation"])
    Matcher([one, two], mode="lexical", cache=cache)
    assert cache.read_count == 2
    Matcher([one, two], mode="lexical", cache=cache)
    assert cache.read_count == 2
    edited = two.model_copy(update={"result": "Negotiated a 30% discount after a conflict"})
    matcher = Matcher([one, edited], mode="lexical", cache=cache)
    assert cache.read_count == 3  # only the edited story was read again
    best = matcher.rank_stories("Tell me about a conflict with a vendor")[0]
    assert best.title == "Vendor deal" and "conflict" in best.themes
    reskilled = one.model_copy(update={"skills": ["SQL", "forecasting"]})
    Matcher([reskilled, edited], mode="lexical", cache=cache)
    assert cache.read_count == 4  # skills are part of what a story is read for


def test_the_feature_cache_is_bounded_and_forgets_the_least_recently_used() -> None:
    cache = FeatureCache(max_items=3)
    keys = [(f"story number {i}", ()) for i in range(5)]
    cache.get_many(keys[:3])
    cache.get_many(keys[:1])  # story 0 used again: story 1 is now the oldest
    cache.get_many(keys[3:])
    assert len(cache) == 3 and cache.read_count == 5
    cache.get_many(keys[:1])
    assert cache.read_count == 5
    cache.get_many(keys[1:2])
    assert cache.read_count == 6


def test_lexical_scores_are_those_of_bm25s_to_the_bit() -> None:
    bm25s = pytest.importorskip("bm25s")
    stories, cases = _labelled()
    stories = [*stories, Story(title="the of and")]  # a story without a content word
    matcher = Matcher(stories, mode="lexical", cache=None)
    side = matcher._stories
    index = bm25s.BM25()
    index.index([_doc(f) for f in side.features], show_progress=False)
    for moment, _ in cases:
        query = stems(moment_text(moment))
        ours = side.bm25(query)
        theirs = np.asarray(index.get_scores(query), dtype=np.float32)
        assert np.array_equal(ours, theirs)


def _doc(feature: Any) -> list[str]:
    # bm25s scores term frequencies and lengths only, so any order of the stems will do.
    words = [stem for stem, n in feature.terms.items() for _ in range(n)]
    return words or ["\x00"]


def test_the_embedder_remembers_texts_and_gives_the_same_vectors() -> None:
    shared = wordllama()
    fresh = WordLlamaEmbedder(shared._model)
    texts = ["Grew email capture 200% in four months.", "", "Led a team of five", "Grew"]
    first = fresh.embed(texts)
    assert np.array_equal(first, fresh.embed(texts))
    assert np.array_equal(first[::-1], fresh.embed(texts[::-1]))
    one_by_one = np.stack([WordLlamaEmbedder(shared._model).embed([t])[0] for t in texts])
    assert np.array_equal(first, one_by_one)
    small = WordLlamaEmbedder(shared._model)
    small.max_words, small.max_texts = 6, 2
    small._forget_words()
    assert np.array_equal(small.embed(texts), first)  # past both bounds: forgets, same result


def test_ranking_from_several_threads_at_once_matches_ranking_alone() -> None:
    stories, cases = _labelled()
    expected = _rankings(Matcher(stories, cache=None), cases[:10])

    def work(shift: int) -> list[Any]:
        # Each thread edits one story, so the threads read, remember and forget concurrently.
        edited = list(stories)
        edited[shift] = edited[shift].model_copy(update={"result": f"x{shift}"})
        Matcher(edited)
        return _rankings(Matcher(stories), cases[:10])

    cache_before = FEATURES.max_items
    FEATURES.max_items = len(stories) + 2  # tiny, so the threads evict each other's items
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, range(16)))
    finally:
        FEATURES.max_items = cache_before
    assert all(r == expected for r in results)


def test_a_phrase_is_found_where_its_whole_pattern_would_find_it() -> None:
    # The phrase search skips the leading \b for speed; it must find what \b(?:cue)\b finds.
    for text in (
        "i pushed back on the date",
        "upushed back",
        "upushed back then pushed back",
        "push back",
        "pushback",
        "we push backwards",
        "(push back)",
    ):
        for phrases in _PHRASES.values():
            for phrase in phrases:
                whole = re.compile(rf"\b(?:{phrase._fast.pattern[:-2]})\b")
                assert phrase.search(text) == bool(whole.search(text)), (text, whole.pattern)


# Fast paths: each must give what the plain way gives. ------------------------------------------

_PIECES = [*"ab09 '-’.\t\0éA", "--", "'s", "a-b", " - ", "don't"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_words_are_those_of_the_word_pattern(texts: list[str]) -> None:
    folded = [fold(t) for t in texts]
    expected = [_WORD.findall(f) for f in folded]
    assert [tokens(f) for f in folded] == expected
    assert tokens_of_many(folded) == expected  # ASCII texts joined, the others one by one


def test_chunks_encoded_together_are_the_chunks_encoded_one_by_one() -> None:
    embedder = WordLlamaEmbedder(wordllama()._model)
    tokenizer = embedder._model.tokenizer
    plain = [
        "Grew",
        "email",
        "capture",
        "200%",
        "(3.45).",
        "3-45.",
        "naïve",
        "🙂",
        "C++,",
        "x" * 40,
    ]
    # The mark of a space, or a special token, in a chunk: encoded one by one instead.
    odd = [*plain, "a\u2581b", "<s>", "x</s>y"]
    for chunks in (plain, odd, plain[:1]):
        ids, lengths = embedder._token_ids(chunks)
        alone = [tokenizer.encode(c, add_special_tokens=False).ids for c in chunks]
        assert [list(row[:n]) for row, n in zip(ids, lengths, strict=True)] == alone


def test_shared_themes_come_rarest_first_then_in_the_order_of_the_themes() -> None:
    stories = [
        Story(title="Reorg", result="Led the team through a reorg"),
        Story(title="Merger", result="Led the merger of two teams"),
    ]
    matcher = Matcher(stories, mode="themes", cache=None)
    found = matcher.rank_stories("Tell me about leading a team through a change")
    ids = [t.id for t in THEMES]
    for candidate in found:  # both themes in both stories: as rare as each other
        assert candidate.themes == tuple(sorted(candidate.themes, key=ids.index))
    assert found[0].themes == ("leadership", "change")


def test_themes_as_bits_and_back() -> None:
    for ids in ([], ["conflict"], ["stakeholders", "conflict", "data"]):
        bits = bits_of(ids)
        assert themes_of_bits(bits) == frozenset(ids)
        assert ordered_themes(bits) == tuple(t.id for t in THEMES if t.id in ids)
    assert themes_of_bits(bits_of(["data"])) is themes_of_bits(bits_of(["data"]))


def test_a_phrase_missing_one_of_its_words_is_not_found() -> None:
    # Each phrase first checks that the text holds its other plain words (a substring test).
    phrase = next(p for p in _PHRASES["from"] if "zero" in p._fast.pattern)
    assert phrase.search("we built it from zero")
    assert not phrase.search("we built it from scratch")
    assert not phrase.search("zero came from elsewhere")
