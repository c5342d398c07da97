"""Every rule passes its own good examples and catches its own bad ones (proselint's habit)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from afterword.checker import CheckSettings, check, default_registry
from afterword.checker.rules import RULE_CLASSES, Rule
from afterword.model import Interview

CASES = [
    pytest.param(cls, kind, text, id=f"{cls.id}-{kind}-{i}")
    for cls in RULE_CLASSES
    for kind, texts in zip(("good", "bad"), cls.examples(), strict=True)
    for i, text in enumerate(texts)
]


def _context(cls: type[Rule], kind: str) -> tuple[Interview | None, CheckSettings]:
    interview = Interview.model_validate(cls.example_interview) if cls.example_interview else None
    extra: dict[str, Any] = dict((cls.example_settings or {}).get(kind, {}))
    if "now" in extra:
        extra["now"] = datetime.fromisoformat(extra["now"])
    return interview, CheckSettings(**extra)


@pytest.mark.parametrize(("cls", "kind", "text"), CASES)
def test_rule_examples(cls: type[Rule], kind: str, text: str) -> None:
    interview, settings = _context(cls, kind)
    report = check(text, interview, settings)
    fired = [f for f in report.findings if f.rule == cls.id and f.severity != "info"]
    if cls.severity == "info":
        fired = [f for f in report.findings if f.rule == cls.id]
    if kind == "good":
        assert not fired, f"{cls.id} fired on its good example: {fired}"
    else:
        assert fired, f"{cls.id} missed its bad example"


@pytest.mark.parametrize("cls", RULE_CLASSES, ids=lambda c: c.id)
def test_every_rule_has_examples(cls: type[Rule]) -> None:
    good, bad = cls.examples()
    assert good, f"{cls.id} has no good example (in its data file)"
    assert bad, f"{cls.id} has no bad example (in its data file)"


def test_registry_is_fresh_each_time() -> None:
    first, second = default_registry(), default_registry()
    assert first is not second
    assert first.ids == second.ids
    assert len(set(first.ids)) == len(first.ids)


def test_a_registry_of_ones_own_can_list_more_phrasings_for_a_built_in_rule() -> None:
    """A coach in Leeds who often hears "my answers were pants" lists it for the overt-failure
    rule in a registry of their own; the built-in rules, and every other check, are left as
    they were."""
    from afterword.checker.phrases import Phrase, load_phrases
    from afterword.checker.rules import OvertFailure, Registry

    note = "Dear Dana,\n\nThank you for today. My answers on pricing were pants.\n\nBest,\nAlex"
    assert not [f for f in check(note).findings if f.rule == "overt-failure"]

    pants = Phrase(id="were-pants", pattern=r"\b(?:was|were)\s+pants\b")
    listed = [*load_phrases("overt-failure"), pants]
    own = Registry(OvertFailure(listed) if cls is OvertFailure else cls() for cls in RULE_CLASSES)
    found = [f for f in check(note, registry=own).findings if f.rule == "overt-failure"]
    assert [(f.excerpt, f.phrase) for f in found] == [("were pants", "were-pants")]
    assert not [f for f in check(note).findings if f.rule == "overt-failure"]


def test_registry_refuses_duplicates() -> None:
    registry = default_registry()
    with pytest.raises(ValueError, match="twice"):
        registry.register(RULE_CLASSES[0]())


def test_design_ids_and_severities_are_stable() -> None:
    expected = {
        "apology": "error",
        "overt-failure": "error",
        "pressure": "error",
        "missing-gratitude": "error",
        "placeholder": "error",
        "wrong-recipient": "error",
        "missing-call-to-action": "warning",
        "missing-new-information": "warning",
        "too-long": "warning",
        "missing-personalization": "warning",
    }
    registry = default_registry()
    for rule_id, severity in expected.items():
        assert registry.get(rule_id).severity == severity
    assert len(registry) >= len(expected) + 3
