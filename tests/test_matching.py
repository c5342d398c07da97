"""Evidence matching, with the real rankers and the real bundled model."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from afterword.debrief_file import load_debrief_file
from afterword.matching import Matcher, rank_evidence, themes_of
from afterword.matching.rank import Mode, moment_text
from afterword.matching.semantic import wordllama
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
