"""Record what the checker finds in every labelled text there is, to prove a change finds the same.

    .venv/bin/python tools/checker_snapshot.py OUT.json [--dev PATH]
    .venv/bin/python tools/checker_snapshot.py OUT.json --compare BEFORE.json

The texts: every record of bench/data/checker-*.jsonl (a note's ``text``, and each of its
labelled ``sentences``), the development corpus (read where it lives, next to the repository,
never copied into the project), and every string of the checker's tests and of the rules'
examples (their phrasings and near misses). Each is checked with the judge on and off, and the
notes also against each debrief of examples/ as the interview on record (with a ``now`` a day
and a half after the interview, so that the ``late`` rule runs too).

The output holds each text and the (rule, severity, start, end) of every finding, with the
message and the phrasing matched (where the checker names it) apart. ``--compare`` checks the
texts stored in BEFORE.json again (so the comparison does not depend on where the texts came
from), writes OUT.json, and prints how many findings agree; it exits 1 when any (rule,
severity, start, end) differs.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

from afterword.checker import CheckSettings, check
from afterword.debrief_file import load_debrief_file
from afterword.model import Interview

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
DEV = ROOT.parent / "shared" / "corpus" / "dev-notes.jsonl"
EXAMPLES = ROOT / "examples"
#: Where the rules' phrasings, near misses and examples are written down.
PHRASE_SOURCES = (
    ROOT / "tests" / "checker",
    ROOT / "src" / "afterword" / "checker" / "rules",
    ROOT / "src" / "afterword" / "checker" / "data" / "rules",
)
MIN_CHARS = 8


def _jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def labelled_texts(dev: Path) -> dict[str, list[str]]:
    """Texts by kind: ``notes`` (whole notes) and ``sentences`` (labelled sentences)."""
    notes: list[str] = []
    sents: list[str] = []
    paths = sorted(DATA.glob("checker-*.jsonl"))
    if dev.exists():
        paths.append(dev)
    for path in paths:
        for record in _jsonl(path):
            text = record.get("text")
            if isinstance(text, str):
                (sents if "labels" in record else notes).append(text)
            for item in record.get("sentences") or []:
                if isinstance(item, dict) and isinstance(item.get("text"), str):
                    sents.append(item["text"])
    return {"notes": notes, "sentences": sents}


def phrase_texts() -> list[str]:
    """Every string constant of the checker's tests and rule modules that reads as prose (a
    space in it): the phrase lists, near misses and docstring examples among them."""
    found: list[str] = []
    for folder in PHRASE_SOURCES:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".py", ".yaml", ".yml", ".toml"):
                continue
            source = path.read_text(encoding="utf-8")
            if path.suffix in (".yaml", ".yml"):
                found.extend(_strings(yaml.safe_load(source)))
            if path.suffix == ".py":
                for node in ast.walk(ast.parse(source)):
                    if isinstance(node, ast.Constant) and isinstance(node.value, str):
                        found.append(node.value)
                        # a docstring's "- " items are examples, one per line
                        found.extend(
                            line.strip()[2:]
                            for line in node.value.splitlines()
                            if line.strip().startswith("- ")
                        )
    return [t for t in found if len(t) >= MIN_CHARS and " " in t]


def _strings(data: object, wanted: bool = False) -> list[str]:
    """The example strings of a rule's data file: those under ``examples`` and
    ``near_misses`` (its patterns and messages are not)."""
    if isinstance(data, str):
        return [data] if wanted else []
    if isinstance(data, list):
        return [s for item in data for s in _strings(item, wanted)]
    if isinstance(data, dict):
        return [
            s
            for key, value in data.items()
            for s in _strings(value, wanted or key in ("examples", "near_misses"))
        ]
    return []


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def interviews() -> list[tuple[str, Interview]]:
    found = []
    for path in sorted(EXAMPLES.glob("*")):
        if path.suffix in (".yaml", ".yml", ".json"):
            found.append((path.name, load_debrief_file(path)))
    return found


def _settings(judge: bool, interview: Interview | None) -> CheckSettings:
    now = interview.ended_at + timedelta(hours=36) if interview is not None else None
    return CheckSettings(judge=judge, now=now)


def run(texts: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One entry per check: the text's index and kind, the context, and the findings."""
    cases: list[dict[str, Any]] = []
    contexts: list[tuple[str, Interview | None]] = [("none", None), *interviews()]
    for kind, items in texts.items():
        for i, text in enumerate(items):
            for name, interview in contexts:
                if interview is not None and kind != "notes":
                    continue
                for judge in (True, False):
                    report = check(text, interview, _settings(judge, interview))
                    cases.append(
                        {
                            "kind": kind,
                            "index": i,
                            "interview": name,
                            "judge": judge,
                            "findings": [
                                [f.rule, f.severity, f.start, f.end] for f in report.findings
                            ],
                            "messages": [f.message for f in report.findings],
                            "phrases": [getattr(f, "phrase", None) for f in report.findings],
                        }
                    )
    return cases


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> int:
    """Print the agreement of two runs over the same texts; the number of checks that differ."""
    checks = differ = findings = same = 0
    by_rule: dict[str, int] = {}
    for old, new in zip(before, after, strict=True):
        checks += 1
        old_f = [tuple(f) for f in old["findings"]]
        new_f = [tuple(f) for f in new["findings"]]
        findings += len(old_f)
        same += sum(1 for f in old_f if f in new_f)
        if old_f != new_f:
            differ += 1
            if differ <= 20:
                print(
                    f"differs: {old['kind']} #{old['index']} ({old['interview']}, judge "
                    f"{old['judge']}): {sorted(set(old_f) ^ set(new_f))}"
                )
        for f in new_f:
            by_rule[str(f[0])] = by_rule.get(str(f[0]), 0) + 1
    print(
        f"{checks} checks; {findings} findings before, "
        f"{sum(len(c['findings']) for c in after)} after, {same} of them identical; "
        f"{differ} checks differ"
    )
    print("findings by rule:", json.dumps(dict(sorted(by_rule.items()))))
    return differ


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--compare", type=Path, metavar="BEFORE")
    args = parser.parse_args(argv)
    before: dict[str, Any] | None = None
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        texts = before["texts"]
    else:
        texts = labelled_texts(args.dev)
        texts["phrases"] = phrase_texts()
        texts = {kind: _unique(items) for kind, items in texts.items()}
    cases = run(texts)
    args.out.write_text(json.dumps({"texts": texts, "cases": cases}), encoding="utf-8")
    counts = ", ".join(f"{len(v)} {k}" for k, v in texts.items())
    print(
        f"{counts}; {len(cases)} checks, "
        f"{sum(len(c['findings']) for c in cases)} findings -> {args.out}"
    )
    if before is not None:
        return 1 if compare(before["cases"], cases) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
