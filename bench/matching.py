"""How well, and how fast, evidence matching finds the right story for a weak moment.

    .venv/bin/python bench/matching.py [-v] [--no-fresh]

Recall@1 and recall@3 of each ranker (lexical only, semantic only, themes only, combined) on
the labelled set in bench/data/matching.yaml, then the time to prepare a library of 1,000
stories and rank it for the weak moments of one interview, p50 and p95 beside the target:

- cold: every story new to the caches (a new library each run; the words and the model are
  known already, as in a web app that has served a request before);
- warm: the same library again, as when the web app shows the evidence of an interview again
  or the composer drafts from it;
- the first call in a new process, where every word is new too (the model load, about a
  quarter of a second, is not counted).

Each timed run starts after ``gc.collect()``, so it pays for the collections its own garbage
triggers but not for a full collection of what earlier runs left behind.
"""

from __future__ import annotations

import gc
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from afterword.matching import Matcher
from afterword.matching.rank import Mode, moment_text
from afterword.model import Moment, Story

DATA = Path(__file__).parent / "data" / "matching.yaml"
#: The issue's requirement: evidence ranking over 1,000 stories in <= 100 ms at p95.
TARGET_MS = 100.0
COLD_RUNS = 60
WARM_PER_LIBRARY = 3
FRESH_RUNS = 5


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


def percentile(values: list[float], q: int) -> float:
    """The q-th percentile, interpolated between the two nearest runs."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def rank_once(library: list[Story], moments: list[Moment]) -> float:
    """Milliseconds to prepare ``library`` and rank it for each moment, as the web app does
    on every request (a new Matcher each time, the whole ranked list of each moment)."""
    gc.collect()  # each run pays for the garbage it makes, not for the runs before it
    start = time.perf_counter()
    matcher = Matcher(library)
    for number, moment in enumerate(moments, 1):
        matcher.moment(number, moment)
    return (time.perf_counter() - start) * 1000


FRESH = """
import sys, time
sys.path.insert(0, {bench!r})
from matching import big_library, load
from afterword.matching import Matcher
from afterword.matching.semantic import wordllama
stories, cases = load()
library = big_library(stories, 1000, 0)
wordllama()
start = time.perf_counter()
matcher = Matcher(library)
for number, (moment, _) in enumerate(cases[:3], 1):
    matcher.moment(number, moment)
print((time.perf_counter() - start) * 1000)
"""


def fresh_process(runs: int) -> list[float]:
    """The first ranking in a new process, every cache empty (the model load not counted)."""
    code = FRESH.format(bench=str(Path(__file__).parent))
    return [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]


def line(label: str, values: list[float]) -> str:
    p50, p95 = statistics.median(values), percentile(values, 95)
    verdict = "ok" if p95 <= TARGET_MS else "over"
    return (
        f"  {label:<44} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
        f"(target p95 <= {TARGET_MS:.0f} ms: {verdict})"
    )


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
        for text in report["combined"]:
            print("  " + text)

    moments = [m for m, _ in cases[:3]]
    Matcher(stories)  # load the model once, outside the timings
    cold: list[float] = []
    warm: list[float] = []
    for rep in range(COLD_RUNS):
        library = big_library(stories, 1000, rep)
        cold.append(rank_once(library, moments))  # every story new to the caches
        warm.extend(rank_once(library, moments) for _ in range(WARM_PER_LIBRARY))
    print(f"\nRanking 1,000 stories for {len(moments)} weak moments (prepare + rank):")
    print(line(f"cold: every story new ({len(cold)} runs)", cold))
    print(line(f"warm: the same library again ({len(warm)} runs)", warm))
    if "--no-fresh" not in sys.argv:
        first = fresh_process(FRESH_RUNS)
        print(
            f"  {f'first call in a new process ({FRESH_RUNS} runs)':<44} "
            f"p50 {statistics.median(first):6.1f} ms   max {max(first):6.1f} ms   "
            "(every word new too; model load not counted)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
