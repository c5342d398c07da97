"""How well, and how fast, evidence matching finds the right story for a weak moment.

    .venv/bin/python bench/matching.py

Recall@1 and recall@3 of each ranker (lexical only, semantic only, themes only, combined) on
the labelled set in bench/data/matching.yaml, then the p95 time to rank a library of 1,000
stories for the weak moments of one interview: cold (every story new to the embedding cache,
as on a first run) and warm (as when composing notes for an interview a second time).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from afterword.matching import Matcher
from afterword.matching.rank import Mode, moment_text
from afterword.model import Moment, Story

DATA = Path(__file__).parent / "data" / "matching.yaml"


def load() -> tuple[list[Story], list[tuple[Moment, set[str]]]]:
    raw: dict[str, Any] = yaml.safe_load(DATA.read_text())
    stories = [Story.model_validate(s) for s in raw["stories"]]
    titles = {s.title for s in stories}
    cases = []
    for item in raw["moments"]:
        answer = item.pop("answer")
        right = {answer} if isinstance(answer, str) else set(answer)
        missing = right - titles
        if missing:
            raise SystemExit(f"unknown story in the labels: {missing}")
        cases.append((Moment.model_validate(item), right))
    return stories, cases


def recall(
    stories: list[Story], cases: list[tuple[Moment, set[str]]], mode: Mode
) -> tuple[float, float, list[str]]:
    matcher = Matcher(stories, mode=mode)
    at1 = at3 = 0
    misses = []
    for moment, right in cases:
        ranked = [c.title for c in matcher.rank_stories(moment_text(moment), moment.topic)]
        if ranked[0] in right:
            at1 += 1
        else:
            misses.append(f"{moment.question!r} -> {ranked[0]!r} (want {sorted(right)[0]!r})")
        if right & set(ranked[:3]):
            at3 += 1
    return at1 / len(cases), at3 / len(cases), misses


def big_library(stories: list[Story], size: int, salt: int) -> list[Story]:
    """``size`` distinct stories made by recombining the parts of the labelled ones."""
    rng = random.Random(salt)
    out = []
    for i in range(size):
        a, b, c = rng.choice(stories), rng.choice(stories), rng.choice(stories)
        out.append(
            Story(
                title=f"{a.title} {salt}-{i}",
                situation=a.situation,
                action=b.action,
                result=f"{c.result} ({salt}.{i})",
                metrics=c.metrics,
                skills=[*a.skills[:1], *b.skills[:2]],
            )
        )
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    stories, cases = load()
    print(f"Labelled set: {len(stories)} stories, {len(cases)} weak moments\n")
    print(f"{'ranker':<10} {'recall@1':>9} {'recall@3':>9}")
    report = {}
    for mode in ("lexical", "semantic", "themes", "combined"):
        r1, r3, misses = recall(stories, cases, mode)
        report[mode] = misses
        print(f"{mode:<10} {r1:>9.2f} {r3:>9.2f}")
    if "-v" in sys.argv:
        print("\nCombined ranker, wrong at rank 1:")
        for line in report["combined"]:
            print("  " + line)

    moments = [m for m, _ in cases[:3]]
    Matcher(stories)  # load the model once, outside the timings
    cold: list[float] = []
    warm: list[float] = []
    for rep in range(40):
        library = big_library(stories, 1000, rep)
        for sample in (cold, warm):  # the second pass finds every text in the cache
            start = time.perf_counter()
            matcher = Matcher(library)
            for number, moment in enumerate(moments, 1):
                matcher.moment(number, moment)
            sample.append((time.perf_counter() - start) * 1000)
    print(
        f"\nRanking 1,000 stories for {len(moments)} weak moments (index + rank): "
        f"cold p95 {p95(cold):.1f} ms (median {statistics.median(cold):.1f}), "
        f"warm p95 {p95(warm):.1f} ms (median {statistics.median(warm):.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
