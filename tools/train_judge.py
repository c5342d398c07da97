"""Train the checker's sentence judge and say how well it generalises.

    .venv/bin/python tools/train_judge.py [--write] [--threshold-recall R]

Training sentences come from the labelled note sets in bench/data (never the held-out set
any ``checker-public-heldout*.jsonl``, and never the development corpus, which the accuracy bench
reads where it lives):

- notes with sentence labels (``sentences`` in each line): every sentence as labelled;
- single labelled sentences quoted from public advice pages (``checker-public-sentences``);
- the project's own and blind note sets, which carry note labels only. A note labelled without
  an apology, an admission or pressure gives negatives for that judgment from every sentence;
  a note labelled with one gives the sentences the rules flag as positives and the others as
  negatives (the rules agree with these labels on these sets); a note that has new information
  or a call to action gives no sentence of its own for that judgment (which one is unknown),
  one without gives negatives.

It prints leave-one-source-out cross-validation per judgment (each set held out in turn, the
model trained on the rest), then trains on everything and, with ``--write``, writes the
weights to src/afterword/checker/data/judge.json. Needs scikit-learn (a development
dependency); the checker itself only reads the JSON.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from afterword.checker import CheckSettings, check
from afterword.checker.document import Document
from afterword.checker.judge import LABELS, MODEL_PATH, features
from afterword.checker.phrases import RULES_DIR, rule_data
from afterword.checker.rules import RULE_CLASSES
from afterword.checker.text import sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
#: Judgments the rules report from a span, so their sentences can be labelled from findings.
RULE_OF = {
    "apology": "apology",
    "overt_failure": "overt-failure",
    "pressure": "pressure",
    "new_information": "missing-new-information",
    "call_to_action": "missing-call-to-action",
}
#: Judgments a rule reports from a span; the others are reported as missing from a note.
SPAN_RULES = ("apology", "overt_failure", "pressure")
C = 0.5
#: Only features seen in at least this many training sentences are kept.
MIN_COUNT = 2

RULES_ALONE = CheckSettings(judge=False)
Example = tuple[str, dict[str, bool], str]  # sentence, known labels, source set


#: Test modules whose parametrized sentences are the rules' phrase lists: a test named
#: ``test_<judgment>_...`` lists sentences that show it, ``..._near_miss...`` ones that do not.
PHRASE_TESTS = (
    ROOT / "tests" / "checker" / "test_phrasing.py",
    ROOT / "tests" / "checker" / "test_rules.py",
)
_JUDGMENTS_BY_LENGTH = sorted(LABELS, key=len, reverse=True)


def phrase_examples() -> list[Example]:
    """The rules' listed phrasings and near misses: from the phrase tests that are left, and
    from each rule's data file (its phrasings' examples and near misses, and its good and bad
    examples)."""
    out: list[Example] = []
    for path in PHRASE_TESTS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            name = node.name.removeprefix("test_")
            label = next((j for j in _JUDGMENTS_BY_LENGTH if name.startswith(j + "_")), None)
            if label is None:
                continue
            shows = "near_miss" not in name
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and len(deco.args) == 2
                    and isinstance(deco.args[0], ast.Constant)
                    and deco.args[0].value == "sentence"
                    and isinstance(deco.args[1], ast.List)
                ):
                    for item in deco.args[1].elts:
                        if isinstance(item, ast.Constant) and isinstance(item.value, str):
                            out.extend(_listed(item.value, label, shows))
    for rule in RULE_CLASSES:
        label = next((j for j, r in RULE_OF.items() if r == rule.id), None)
        if label is None:
            continue
        out.extend(_phrasings_listed(rule.id, label))
        good, bad = rule.examples()
        # A "missing ..." rule's good examples show the judgment, its bad ones lack it.
        shown, lacking = (bad, good) if label in SPAN_RULES else (good, bad)
        for t in lacking:
            out.extend(_listed(t, label, False))
        for t in shown:
            out.extend(_listed(t, label, True))
    return out


def _phrasings_listed(rule_id: str, label: str) -> list[Example]:
    """The examples (which show the judgment) and near misses (which do not) of a rule's
    phrasings, from its data file."""
    if not (RULES_DIR / f"{rule_id}.yaml").exists():
        return []
    data = rule_data(rule_id)
    out: list[Example] = []
    listed = [("more_examples", True), ("near_misses", False)]
    for key, shows in listed:
        for text in data.get(key, []):
            out.extend(_listed(text, label, shows))
    for phrase in data.get("phrases", []):
        for key, shows in (("examples", True), ("near_misses", False)):
            for text in phrase.get(key, []):
                out.extend(_listed(text, label, shows))
    return out


def _listed(text: str, label: str, shows: bool) -> list[Example]:
    """A listed example as training sentences: a near miss of several sentences gives each as
    a negative; an example that shows the judgment stays whole (which sentence shows it is
    not said). Whole notes (with line breaks) are left to the note sets."""
    if "\n" in text:
        return []
    if shows:
        return [(text, {label: True}, "phrase-lists")]
    return [(text[s:e], {label: False}, "phrase-lists") for s, e in sentences(text, 0, len(text))]


def held_out_sets() -> list[Path]:
    """Every held-out set (``checker-public-heldout*.jsonl``): never trained on."""
    return sorted(DATA.glob("checker-public-heldout*.jsonl"))


def sources() -> list[Path]:
    held = set(held_out_sets())
    return sorted(p for p in DATA.glob("checker-*.jsonl") if p not in held)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


class HeldOut:
    """What the held-out set holds, so that nothing of it is trained on: the sets were
    gathered from the same public pages independently, and some share pages and sentences."""

    def __init__(self) -> None:
        notes = [
            json.loads(line)
            for path in held_out_sets()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        self.urls = {n["source"] for n in notes}
        self.text = " | ".join(_norm(n["text"]) for n in notes)

    def holds(self, text: str, source: str | None = None) -> bool:
        if source is not None and source in self.urls:
            return True
        words = _norm(text)
        return len(words) > 25 and words in self.text


def examples() -> list[Example]:
    out: list[Example] = []
    held = HeldOut() if held_out_sets() else None
    left_out = 0
    for path in sources():
        group = path.stem.removeprefix("checker-")
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if held is not None and held.holds(str(item.get("text", "")), item.get("source")):
                left_out += 1
                continue
            if "sentences" in item:
                for s in item["sentences"]:
                    if held is not None and held.holds(s["text"]):
                        left_out += 1
                        continue
                    out.append((s["text"], {k: k in s["labels"] for k in LABELS}, group))
            elif "text" in item and "labels" in item:
                out.append((item["text"], {k: k in item["labels"] for k in LABELS}, group))
            else:
                out.extend(_from_note(item, group))
    if left_out:
        print(f"{left_out} notes or sentences left out: their page or text is in the held-out set")
    return out + phrase_examples()


def _from_note(note: dict[str, object], group: str) -> list[Example]:
    text = str(note["text"])
    doc = Document(text)
    report = check(text, settings=RULES_ALONE)
    spans = doc.sentences
    flagged: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in report.findings:
        if f.start is not None and f.end is not None:
            flagged[f.rule].append((f.start, f.end))
    known: list[dict[str, bool]] = [{} for _ in spans]
    for label in LABELS:
        value = bool(note.get(label))
        if label in SPAN_RULES and value:
            hits = flagged.get(RULE_OF[label], [])
            if not hits:
                continue  # the rules missed it: which sentence holds it is unknown
            for i, (s, e) in enumerate(spans):
                known[i][label] = any(a < e and b > s for a, b in hits)
        elif not value:
            for k in known:
                k[label] = False
    return [(doc.work[s:e], k, group) for (s, e), k in zip(spans, known, strict=True) if k]


def fit(rows: list[Example], label: str) -> tuple[DictVectorizer, LogisticRegression] | None:
    xs = [{f: 1 for f in features(t)} for t, known, _ in rows if label in known]
    ys = [known[label] for _, known, _ in rows if label in known]
    if len(set(ys)) < 2:
        return None
    counts: dict[str, int] = defaultdict(int)
    for x in xs:
        for f in x:
            counts[f] += 1
    xs = [{f: 1 for f in x if counts[f] >= MIN_COUNT} for x in xs]
    vec = DictVectorizer()
    matrix = vec.fit_transform(xs)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, solver="lbfgs")
    model.fit(matrix, np.array(ys))
    return vec, model


def predict(fitted: tuple[DictVectorizer, LogisticRegression], texts: list[str]) -> np.ndarray:
    vec, model = fitted
    matrix = vec.transform([{f: 1 for f in features(t)} for t in texts])
    return np.asarray(model.predict_proba(matrix)[:, 1])


def cross_validate(rows: list[Example], thresholds: dict[str, float]) -> None:
    groups = sorted({g for _, _, g in rows})
    pooled: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    print(f"leave-one-source-out over {len(groups)} sets, {len(rows)} sentences")
    print(f"{'judgment':<16}{'pos':>5}{'prec':>7}{'rec':>7}{'F1':>7}   worst set (F1)")
    for label in LABELS:
        tp = fp = fn = 0
        per_group: dict[str, float] = {}
        for g in groups:
            train = [r for r in rows if r[2] != g]
            test = [r for r in rows if r[2] == g and label in r[1]]
            fitted = fit(train, label)
            if fitted is None or not test:
                continue
            probs = predict(fitted, [t for t, _, _ in test])
            pooled[label].extend(
                (float(p), known[label]) for p, (_, known, _) in zip(probs, test, strict=True)
            )
            gt = gp = gf = 0
            for p, (_, known, _) in zip(probs, test, strict=True):
                said, truth = p >= thresholds[label], known[label]
                gt += said and truth
                gp += said and not truth
                gf += truth and not said
            tp, fp, fn = tp + gt, fp + gp, fn + gf
            if gt + gf:
                per_group[g] = 2 * gt / (2 * gt + gp + gf)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        worst = min(per_group.items(), key=lambda kv: kv[1]) if per_group else ("-", 0.0)
        scores = f"{tp + fn:>5}{prec:>7.2f}{rec:>7.2f}{f1:>7.2f}"
        print(f"{label:<16}{scores}   {worst[0]} ({worst[1]:.2f})")
    print("precision / recall by threshold (pooled over the held-out sets)")
    cuts = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
    print(f"{'judgment':<16}" + "".join(f"{c:>12}" for c in cuts))
    for label in LABELS:
        cells = []
        for c in cuts:
            tp = sum(1 for p, t in pooled[label] if p >= c and t)
            fp = sum(1 for p, t in pooled[label] if p >= c and not t)
            pos = sum(1 for _, t in pooled[label] if t)
            cells.append(f"{tp / (tp + fp) if tp + fp else 1:.2f}/{tp / pos if pos else 0:.2f}")
        print(f"{label:<16}" + "".join(f"{c:>12}" for c in cells))


#: How sure the judge must be before a rule acts on it. A finding the rules did not make must
#: be worth an interruption; a "missing" rule kept quiet must be right about what it saw.
#: Chosen from the cross-validation's table: precision near 0.9 or above on sets left out.
THRESHOLDS = {
    "apology": 0.6,
    "overt_failure": 0.9,
    "pressure": 0.9,
    "new_information": 0.9,
    "call_to_action": 0.7,
}


def train_all(rows: list[Example]) -> dict[str, object]:
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(LABELS))
    bias = [0.0] * len(LABELS)
    for i, label in enumerate(LABELS):
        fitted = fit(rows, label)
        if fitted is None:
            bias[i] = -30.0
            continue
        vec, model = fitted
        bias[i] = round(float(model.intercept_[0]), 4)
        for name, w in zip(vec.feature_names_, model.coef_[0], strict=True):
            if abs(w) >= 0.05:
                weights[name][i] = round(float(w), 3)
    digest = hashlib.sha256()
    for path in [*sources(), *PHRASE_TESTS, *sorted(RULES_DIR.glob("*.yaml"))]:
        digest.update(path.name.encode() + path.read_bytes())
    return {
        "labels": list(LABELS),
        "bias": bias,
        "thresholds": THRESHOLDS,
        "trained_on": {
            "sets": [p.name for p in sources()],
            "sentences": len(rows),
            "sha256": digest.hexdigest(),
        },
        "weights": dict(sorted(weights.items())),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the trained weights")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args(argv)
    rows = examples()
    for label in LABELS:
        known = [r for r in rows if label in r[1]]
        print(f"{label:<16} {sum(r[1][label] for r in known):>5} positive of {len(known)}")
    if not args.no_cv:
        cross_validate(rows, THRESHOLDS)
    model = train_all(rows)
    print(f"{len(model['weights'])} features kept")  # type: ignore[arg-type]
    if args.write:
        MODEL_PATH.parent.mkdir(exist_ok=True)
        MODEL_PATH.write_text(
            json.dumps(model, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
