"""How often the composer's drafts are ready with no warning, how fast, how different.

    .venv/bin/python bench/composer.py [N]

Composes notes (two variants per interviewer, warm and formal in turn) for the examples and
for N (default 1,000) generated debriefs: random panels, topics, weak moments, and stories
from bench/data/matching.yaml. Prints the share of drafts with no error and no warning, the
p95 time to compose one note (the matcher built once per interview included, the model load
excluded), and the largest word 3-gram Jaccard similarity between two notes of one panel.

Then a tight run (three variants, ``--words 50``) over the same debriefs: the share of drafts
with no error and no warning, the share within the limit (all of them, or the composer says
so), and how often a note adds a story's result or a research item there and at the default
limit: a tight limit or a later variant should shorten the fact, not drop it.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from afterword.composer import Draft, compose, similarity
from afterword.debrief_file import load_debrief_file
from afterword.matching import Matcher
from afterword.model import (
    Debrief,
    Interview,
    Interviewer,
    Moment,
    MomentKind,
    Person,
    Research,
    Story,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "matching.yaml"

NAMES = [
    "Dana Lee", "Priya Natarajan", "Tom Becker", "Dr. Mei Chen", "José Álvarez", "Sam O'Neil",
    "Rosa Alvarez", "Kwame Mensah", "Anna Kowalska", "Li Wei",
]  # fmt: skip
COMPANIES = [
    "Acme Robotics", "Northwind Health", "Lumen Books", "Globex", "Initech", "Zeta & Co",
    "Blue Harbor Logistics", "St. Mary's Hospital", "Brightwave Schools",
]  # fmt: skip
ROLES = [
    "Product Marketing Manager", "Senior Data Analyst", "Customer Success Lead", "Staff Nurse",
    "Site Reliability Engineer", "Operations Manager", "Year 4 Teacher", "Account Executive",
]  # fmt: skip
TOPICS = [
    "the warehouse robot launch", "their email nurture program", "dbt models",
    "SQL window functions", "onboarding independent bookstores", "our hiring plan",
    "the Q3 roadmap", "patient safety on night shifts", "renewal playbooks",
    "the move to Kubernetes", "reading interventions", "enterprise pricing",
]  # fmt: skip
RESEARCH = [
    Research(topic="robotics industry", text="Most buyers are third-party logistics firms."),
    Research(
        topic="SQL window functions",
        text="I rewrote the rolling-average query with a window frame; it runs in one pass.",
    ),
    Research(
        topic="their customers",
        text="Their three largest customers are regional grocery chains, and two of them "
        "expanded last year. I read the annual reports of both to understand why.",
    ),
    Research(
        topic="enterprise pricing",
        text="Competitors price per seat with a 20% discount for annual plans.",
    ),
]
BETTER = [None, None, "Start with the landing pages and one clear offer.", "Lead with the range."]


def load() -> tuple[list[Story], list[dict[str, Any]]]:
    raw: dict[str, Any] = yaml.safe_load(DATA.read_text())
    return [Story.model_validate(s) for s in raw["stories"]], raw["moments"]


def generated(rng: random.Random, stories: list[Story], moments: list[dict[str, Any]]) -> Interview:
    interviewers = [
        Interviewer(
            name=name,
            email=rng.choice([None, "person@example.org"]),
            topics=rng.sample(TOPICS, rng.randint(0, 3)),
        )
        for name in rng.sample(NAMES, rng.randint(0, 4))
    ]
    weak = [
        Moment(
            question=m["question"],
            kind=rng.choice(list(MomentKind)),
            topic=rng.choice([None, m.get("topic"), "data quality", "email marketing"]),
            better_answer=rng.choice(BETTER),
        )
        for m in rng.sample(moments, rng.randint(0, 4))
    ]
    return Interview(
        company=rng.choice(COMPANIES),
        role=rng.choice(ROLES),
        ended_at="2026-11-24T15:30:00-05:00",
        sender=rng.choice([None, Person(name="Alex Kim", email="alex@example.org")]),
        interviewers=interviewers,
        debrief=Debrief(moments=weak),
        stories=rng.sample(stories, rng.randint(0, 8)),
        research=rng.sample(RESEARCH, rng.randint(0, 2)),
    )


def _adds_fact(draft: Draft) -> bool:
    return any(e.kind in ("story", "research") for e in draft.evidence)


def tight(interviews: list[Interview]) -> bool:
    """Three variants at 50 words: clean, within the limit, and still carrying the fact."""
    total = clean = within = facts = 0
    kept = first = 0
    for number, interview in enumerate(interviews):
        drafts = compose(interview, seed=number, variants=3, max_words=50)
        total += len(drafts)
        clean += sum(d.clean for d in drafts)
        within += sum(d.words <= 50 for d in drafts)
        facts += sum(map(_adds_fact, drafts))
        for to in {d.to for d in drafts}:
            mine = [d for d in drafts if d.to == to]
            if _adds_fact(mine[0]):
                first += 1
                kept += all(map(_adds_fact, mine[1:]))
    print(f"Tight run (3 variants, 50 words): {total} drafts")
    print(f"  no error and no warning: {clean / total:.1%}; within 50 words: {within / total:.1%}")
    print(f"  adding a story's result or research: {facts / total:.1%}")
    print(f"  later variants keeping a fact when the first has one: {kept / max(first, 1):.1%}")
    return clean == total == within


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    stories, moments = load()
    rng = random.Random(2026)
    interviews = [load_debrief_file(p) for p in sorted((ROOT / "examples").glob("*.*"))]
    interviews += [generated(rng, stories, moments) for _ in range(count)]
    Matcher(stories)  # load the model once, outside the timings

    per_note: list[float] = []
    drafts_total = clean = facts = 0
    panel_max = 0.0
    failures = []
    for number, interview in enumerate(interviews):
        start = time.perf_counter()
        drafts = compose(
            interview, seed=number, variants=2, tone="formal" if number % 2 else "warm"
        )
        per_note.append((time.perf_counter() - start) * 1000 / len(drafts))
        drafts_total += len(drafts)
        facts += sum(map(_adds_fact, drafts))
        for draft in drafts:
            if draft.clean:
                clean += 1
            else:
                failures.append((number, [(f.rule, f.excerpt) for f in draft.findings]))
        for variant in (1, 2):
            panel = [d.text for d in drafts if d.variant == variant]
            for i, a in enumerate(panel):
                for b in panel[i + 1 :]:
                    panel_max = max(panel_max, similarity(a, b))

    print(f"Interviews: {len(interviews)} ({len(interviews) - count} examples + {count} generated)")
    print(f"Drafts: {drafts_total}, ready with no error and no warning: {clean / drafts_total:.1%}")
    print(f"Compose time per note, p95: {statistics.quantiles(per_note, n=20)[-1]:.1f} ms")
    print(f"Panel similarity (word 3-gram Jaccard), max: {panel_max:.3f}")
    print(f"Notes adding a story's result or research: {facts / drafts_total:.1%}")
    for number, found in failures[:10]:
        print(f"  not clean: interview {number}: {found}")
    tight_ok = tight(interviews)
    return 0 if clean == drafts_total and tight_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
