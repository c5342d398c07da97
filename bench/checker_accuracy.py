"""How well the checker agrees with hand-labelled real notes.

Reads the development corpus where it lives (../shared/corpus/dev-notes.jsonl next to the
repository; never copied into the project) and prints precision, recall and F1 per rule, and
the accuracy of the verdict "follows the rules" against the ``follows_rules`` label.

    .venv/bin/python bench/checker_accuracy.py [CORPUS.jsonl] [--verbose]

``AFTERWORD_CORPUS`` (a file or a folder holding dev-notes.jsonl) overrides the default path.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from afterword.checker import check

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev-notes.jsonl"

#: rule id -> (label, value of the label that means the rule should fire)
RULES: dict[str, tuple[str, bool]] = {
    "apology": ("apology", True),
    "overt-failure": ("overt_failure", True),
    "pressure": ("pressure", True),
    "missing-gratitude": ("gratitude", False),
    "missing-call-to-action": ("call_to_action", False),
    "missing-new-information": ("new_information", False),
    "too-long": ("paragraphs", True),  # paragraphs > 2
}
#: The verdict "follows the rules": none of these fires (at error or warning).
VERDICT_RULES = (
    "apology",
    "overt-failure",
    "pressure",
    "missing-gratitude",
    "missing-call-to-action",
    "too-long",
)
TARGETS = {
    "apology": 0.95,
    "overt-failure": 0.95,
    "pressure": 0.95,
    "missing-gratitude": 0.95,
    "missing-call-to-action": 0.95,
    "too-long": 0.95,
    "missing-new-information": 0.85,
}


def corpus_path(argv: list[str]) -> Path:
    args = [a for a in argv if not a.startswith("--")]
    if args:
        return Path(args[0])
    env = os.environ.get("AFTERWORD_CORPUS")
    if env:
        path = Path(env)
        return path / "dev-notes.jsonl" if path.is_dir() else path
    return DEFAULT


def expected(note: dict[str, Any], rule: str) -> bool:
    label, fires_when = RULES[rule]
    if rule == "too-long":
        return bool(note["paragraphs"] > 2)
    return bool(note[label]) is fires_when


def fired(findings: set[str], rule: str) -> bool:
    return rule in findings


def main(argv: list[str]) -> int:
    path = corpus_path(argv)
    verbose = "--verbose" in argv
    try:
        notes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except OSError as exc:
        print(f"cannot read the corpus at {path}: {exc.strerror}", file=sys.stderr)
        return 2
    counts = {rule: [0, 0, 0] for rule in RULES}  # tp, fp, fn
    verdict_right = 0
    paragraphs_right = words_right = 0
    for note in notes:
        report = check(note["text"])
        # An info finding is advice, not a violation (a weak call to action still is one).
        found = {f.rule for f in report.findings if f.severity != "info"}
        for rule in RULES:
            want, got = expected(note, rule), fired(found, rule)
            if got and want:
                counts[rule][0] += 1
            elif got:
                counts[rule][1] += 1
            elif want:
                counts[rule][2] += 1
            if verbose and want != got:
                print(f"  {note['id']}: {rule} expected {want}, got {got}")
        follows = not any(rule in found for rule in VERDICT_RULES)
        verdict_right += follows == note["follows_rules"]
        paragraphs_right += report.stats.paragraphs == note["paragraphs"]
        words_right += report.stats.words == note["words"]

    print(f"corpus: {path} ({len(notes)} notes)")
    print(f"{'rule':<26}{'P':>7}{'R':>7}{'F1':>7}  tp fp fn  target")
    ok = True
    for rule, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        met = f1 >= TARGETS[rule]
        ok &= met
        print(
            f"{rule:<26}{p:7.3f}{r:7.3f}{f1:7.3f}  {tp:2} {fp:2} {fn:2}  "
            f">= {TARGETS[rule]:.2f} {'ok' if met else 'MISSED'}"
        )
    accuracy = verdict_right / len(notes) if notes else 0.0
    ok &= accuracy >= 0.95
    print(
        f"verdict 'follows the rules' accuracy: {accuracy:.3f} ({verdict_right}/{len(notes)})"
        f"  target >= 0.95 {'ok' if accuracy >= 0.95 else 'MISSED'}"
    )
    print(
        f"body detection: paragraphs exact {paragraphs_right}/{len(notes)}, "
        f"words exact {words_right}/{len(notes)}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
