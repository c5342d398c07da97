"""Story results as the note says them: whose deed, with its subject and object, in grammar a
hiring manager reads without stumbling.

Run as a script (``python tests/test_facts.py tests/data/held_out_stories.json``) it prints,
for each story of a set, the sentence of a composed note that carries it, for scoring by eye.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from afterword.composer import compose
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Story

DATA = Path(__file__).parent / "data"


def _interview(case: dict[str, Any]) -> Interview:
    story = Story(
        title=case["title"],
        situation=case.get("situation"),
        action=case.get("action"),
        result=case.get("result"),
    )
    return Interview(
        company="Globex",
        role="Operations Lead",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Ana Ruiz")],
        debrief=Debrief(
            moments=[
                Moment(
                    question=case["question"],
                    kind=MomentKind.couldnt_answer,
                    topic=case["topic"],
                    stories=[case["title"]],
                )
            ]
        ),
        stories=[story],
    )


def carrying_sentence(case: dict[str, Any], seed: int = 1) -> str:
    """The sentence of the note that carries the story ('-' when the note leaves it out)."""
    draft = compose(_interview(case), seed=seed)[0]
    told = [e for e in draft.evidence if e.kind == "story"]
    if not told:
        return "- (story left out: " + draft.paragraphs[-1] + ")"
    body = " ".join(draft.paragraphs)
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", body):
        if told[0].text[:20] in sentence:
            return sentence
    return body


def main(path: str) -> None:
    cases = json.loads(Path(path).read_text(encoding="utf-8"))
    for number, case in enumerate(cases, 1):
        print(f"{number:2}. [{case['field']}] {case['result']!r}")
        print(f"    -> {carrying_sentence(case)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DATA / "held_out_stories.json"))
