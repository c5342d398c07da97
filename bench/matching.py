"""How well, and how fast, evidence matching finds the right story for a weak moment.

    .venv/bin/python bench/matching.py [--set team|public-dev|public-heldout|public-heldout2|
                                       public-heldout3] [-v] [--no-fresh] [--no-timing]

Recall@1 and recall@3 of each ranker (lexical only, semantic only, themes only, combined) on
a labelled set, then, for the combined ranker, recall@1, recall@3 and competency hit@1 split by
how the moment was written down: a jotted note ("the team-conflict q") or the full question.
Competency hit@1: the story ranked first answers the competency the moment asks about (a
story's competencies are those of the moments it is labelled for, or its own ``competency``);
the matcher's own guess of the question's competency is printed beside it ("asked").

The sets (same format; each public moment also has ``competency`` and ``jotted``):

- team: bench/data/matching.yaml, written for this bench;
- public-dev: bench/data/matching-public-dev.yaml, real public question/story pairs (tune here);
- public-heldout: bench/data/matching-public-heldout.yaml, real pairs first kept untouched and
  run once; since then tuning data (the learned competency model is trained on it);
- public-heldout2: bench/data/matching-public-heldout2.yaml, real pairs first kept untouched and
  run once; since then tuning data like the two above (the model trains on it, and the
  cross-validation of tools/train_competency.py reads each of the three with a model trained on
  the other two);
- public-heldout3: bench/data/matching-public-heldout3.yaml, real pairs written by someone who
  never read the matcher, for a first look only: run once, never tuned on, never trained on
  (tools/train_competency.py refuses to read it).

Then the time to prepare a library of 1,000 stories (made from the team set) and rank it for
the weak moments of one interview, p50 and p95 beside the target:

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from afterword.matching import Matcher
from afterword.matching.competency import COMPETENCY_IDS, competency_id
from afterword.matching.rank import Mode, moment_text
from afterword.model import Moment, Story

DATA = Path(__file__).parent / "data"
SETS = {
    "team": DATA / "matching.yaml",
    "public-dev": DATA / "matching-public-dev.yaml",
    "public-heldout": DATA / "matching-public-heldout.yaml",
    "public-heldout2": DATA / "matching-public-heldout2.yaml",
    "public-heldout3": DATA / "matching-public-heldout3.yaml",
}
#: The issue's requirement: evidence ranking over 1,000 stories in <= 100 ms at p95.
TARGET_MS = 100.0
COLD_RUNS = 60
WARM_PER_LIBRARY = 3
FRESH_RUNS = 5


@dataclass(frozen=True)
class Case:
    moment: Moment
    right: set[str]
    #: The competency the moment asks about, as labelled (None where the set has none).
    competency: str | None = None
    jotted: bool = False


@dataclass
class LabelledSet:
    stories: list[Story]
    cases: list[Case]
    #: Story title -> the competencies it answers (its own label, or its moments').
    story_competencies: dict[str, set[str]] = field(default_factory=dict)


def _label(value: Any) -> str | None:
    if value is None:
        return None
    return competency_id(str(value)) or str(value).strip().casefold()


def load(name: str = "team") -> LabelledSet:
    raw: dict[str, Any] = yaml.safe_load(SETS[name].read_text())
    stories, competencies = [], {}
    for item in raw["stories"]:
        item = dict(item)
        own = item.pop("competency", None)
        for key in [k for k in item if k not in Story.model_fields]:
            item.pop(key)  # a source, a note: not part of a story
        story = Story.model_validate(item)
        stories.append(story)
        competencies[story.title] = {c for c in [_label(own)] if c}
    titles = {s.title for s in stories}
    cases = []
    for item in raw["moments"]:
        item = dict(item)
        answer = item.pop("answer")
        competency = _label(item.pop("competency", None))
        jotted = bool(item.pop("jotted", False))
        for key in [k for k in item if k not in Moment.model_fields]:
            item.pop(key)
        right = {answer} if isinstance(answer, str) else set(answer)
        missing = right - titles
        if missing:
            raise SystemExit(f"unknown story in the labels: {missing}")
        cases.append(Case(Moment.model_validate(item), right, competency, jotted))
        if competency:
            for title in right:
                competencies[title].add(competency)
    return LabelledSet(stories, cases, competencies)


@dataclass
class Scores:
    n: int = 0
    at1: int = 0
    at3: int = 0
    #: Moments with a labelled competency, and how many of them...
    labelled: int = 0
    #: ...have a first story that answers that competency,
    competency_at1: int = 0
    #: ...and whose competency the matcher guessed first.
    asked_at1: int = 0

    def line(self, label: str) -> str:
        if not self.n:
            return f"  {label:<16} (none)"
        text = f"  {label:<16} n={self.n:<4} recall@1 {self.at1 / self.n:.2f}   recall@3 "
        text += f"{self.at3 / self.n:.2f}"
        if self.labelled:
            text += (
                f"   competency hit@1 {self.competency_at1 / self.labelled:.2f}"
                f"   (asked: {self.asked_at1 / self.labelled:.2f})"
            )
        return text


def recall(
    data: LabelledSet, mode: Mode, split: bool = False
) -> tuple[dict[str, Scores], list[str]]:
    matcher = Matcher(data.stories, mode=mode)
    scores = {"all": Scores(), "jotted": Scores(), "full question": Scores()}
    misses = []
    for case in data.cases:
        moment, right = case.moment, case.right
        query = moment_text(moment)
        ranked = [c.title for c in matcher.rank_stories(query, moment.topic)]
        asked = matcher.competencies(query)
        for key in ("all", "jotted" if case.jotted else "full question"):
            s = scores[key]
            s.n += 1
            s.at1 += ranked[0] in right
            s.at3 += bool(right & set(ranked[:3]))
            if case.competency:
                s.labelled += 1
                s.competency_at1 += case.competency in data.story_competencies.get(ranked[0], ())
                s.asked_at1 += bool(asked) and asked[0] == case.competency
        if ranked[0] not in right:
            misses.append(
                f"{moment.question!r} [{case.competency or '-'}; asked "
                f"{', '.join(asked[:2]) or '-'}] -> {ranked[0]!r} (want {sorted(right)[0]!r})"
            )
    return scores, misses


def story_reading(data: LabelledSet) -> float | None:
    """The share of labelled stories whose likeliest competency, as the matcher reads it, is
    one of their labels (None where the set labels no story)."""
    shown = Matcher(data.stories).story_competencies()
    hits = []
    for story, row in zip(data.stories, shown, strict=True):
        labels = data.story_competencies.get(story.title, set()) & set(COMPETENCY_IDS)
        if labels:
            hits.append(COMPETENCY_IDS[int(row.argmax())] in labels)
    return sum(hits) / len(hits) if hits else None


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
data = load()
library = big_library(data.stories, 1000, 0)
Matcher(data.stories[:1])  # loads the models (not counted)
start = time.perf_counter()
matcher = Matcher(library)
for number, case in enumerate(data.cases[:3], 1):
    matcher.moment(number, case.moment)
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
    args = sys.argv[1:]
    name = args[args.index("--set") + 1] if "--set" in args else "team"
    if name not in SETS:
        raise SystemExit(f"--set is one of {', '.join(SETS)}")
    data = load(name)
    jotted = sum(c.jotted for c in data.cases)
    print(
        f"Set {name}: {len(data.stories)} stories, {len(data.cases)} weak moments "
        f"({jotted} jotted, {len(data.cases) - jotted} full questions)\n"
    )
    print(f"{'ranker':<10} {'recall@1':>9} {'recall@3':>9}")
    report = {}
    for mode in ("lexical", "semantic", "themes", "competency", "combined"):
        scores, misses = recall(data, mode)
        report[mode] = misses
        overall = scores["all"]
        print(f"{mode:<10} {overall.at1 / overall.n:>9.2f} {overall.at3 / overall.n:>9.2f}")
    scores, _ = recall(data, "combined")
    print("\nCombined ranker, by how the moment was written down:")
    for key, value in scores.items():
        print(value.line(key))
    read = story_reading(data)
    if read is not None:
        print(f"  stories whose competency is read right first: {read:.2f}")
    if "-v" in args:
        print("\nCombined ranker, wrong at rank 1:")
        for text in report["combined"]:
            print("  " + text)
    if "--no-timing" in args:
        return 0

    team = load()
    moments = [c.moment for c in team.cases[:3]]
    Matcher(team.stories)  # load the models once, outside the timings
    cold: list[float] = []
    warm: list[float] = []
    for rep in range(COLD_RUNS):
        library = big_library(team.stories, 1000, rep)
        cold.append(rank_once(library, moments))  # every story new to the caches
        warm.extend(rank_once(library, moments) for _ in range(WARM_PER_LIBRARY))
    print(f"\nRanking 1,000 stories for {len(moments)} weak moments (prepare + rank):")
    print(line(f"cold: every story new ({len(cold)} runs)", cold))
    print(line(f"warm: the same library again ({len(warm)} runs)", warm))
    if "--no-fresh" not in args:
        first = fresh_process(FRESH_RUNS)
        print(
            f"  {f'first call in a new process ({FRESH_RUNS} runs)':<44} "
            f"p50 {statistics.median(first):6.1f} ms   max {max(first):6.1f} ms   "
            "(every word new too; model load not counted)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
