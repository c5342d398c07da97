"""The kinds of rule, and the registry that holds a set of them.

A rule is a small class: ``check`` reads a prepared
:class:`~afterword.checker.document.Document` and yields findings. What a built-in rule says
is data, in ``checker/data/rules/<rule id>.yaml``: its title, severity, message, why it
matters, its good and bad examples (which the test suite runs), and the phrasings it looks
for, each with its own examples and near misses. A rule of your own may instead set these as
class variables, and give its examples in its docstring.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from afterword.checker.document import Document
from afterword.checker.phrases import RULES_DIR, Phrase, PhraseSet, load_phrases, rule_data
from afterword.checker.report import Finding, Severity

#: The interview the context rules' examples are checked against.
EXAMPLE_INTERVIEW: dict[str, Any] = {
    "company": "Acme Robotics",
    "role": "Product Marketing Manager",
    "ended_at": "2026-11-24T15:30:00-05:00",
    "interviewers": [{"name": "Dana Lee", "topics": ["the warehouse robot launch"]}],
}


class Rule:
    """Base of every rule. Subclasses set the class variables and implement ``check``."""

    id: ClassVar[str]
    #: A short, plain title for a person, not a developer ("An apology", "No next step").
    title: ClassVar[str]
    severity: ClassVar[Severity]
    #: Why it matters to the reader of the note, in one or two plain sentences.
    message: ClassVar[str]
    #: Context the examples need: an interview (debrief-file keys), and settings
    #: keywords for the "good" and the "bad" examples.
    example_interview: ClassVar[dict[str, Any] | None] = None
    example_settings: ClassVar[dict[str, dict[str, Any]] | None] = None

    #: The first line of the advice, and why it matters to the reader of the note.
    summary: ClassVar[str] = ""
    why: ClassVar[str] = ""
    #: How the rule reads a note: ``existence`` (each phrasing found is a finding),
    #: ``at-least-one`` (a finding when none is found), ``metric`` or ``context``.
    engine: ClassVar[str] = ""
    _examples: ClassVar[tuple[list[str], list[str]] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        rule_id = cls.__dict__.get("id")
        if rule_id is None or not (RULES_DIR / f"{rule_id}.yaml").exists():
            return
        data = rule_data(rule_id)
        for key in ("title", "severity", "message", "summary", "why", "engine"):
            if key in data and key not in cls.__dict__:
                setattr(cls, key, data[key])
        examples = data.get("examples", {})
        cls._examples = (list(examples.get("good", [])), list(examples.get("bad", [])))

    def __init__(self, phrases: Iterable[Phrase] | None = None) -> None:
        """``phrases``: the phrasings to look for, in place of those of the rule's data file
        (a registry of your own can so tighten or extend a built-in rule)."""
        if phrases is None:
            listed = load_phrases(self.id) if (RULES_DIR / f"{self.id}.yaml").exists() else []
        else:
            listed = list(phrases)
        #: The phrasings this rule looks for, found together (compiled on first use).
        self.phrases = PhraseSet(listed)

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def examples(cls) -> tuple[list[str], list[str]]:
        """The rule's good and bad examples: from its data file, or else the ``Good:`` and
        ``Bad:`` examples of its docstring, one per ``- `` item.

        An item continues on more-indented lines; ``\\n`` inside an item is a line break, so
        an example can hold a whole note with its paragraphs.
        """
        if cls._examples is not None:
            return list(cls._examples[0]), list(cls._examples[1])
        good: list[str] = []
        bad: list[str] = []
        target: list[str] | None = None
        doc = inspect.cleandoc(cls.__doc__ or "")
        for raw in doc.splitlines():
            line = raw.strip()
            if line in ("Good:", "Bad:"):
                target = good if line == "Good:" else bad
                continue
            if target is None:
                continue
            if line.startswith("- "):
                target.append(line[2:])
            elif line and target and raw.startswith("  "):
                target[-1] += " " + line
            elif not line:
                continue
            else:
                target = None
        decode = [s.replace("\\n", "\n") for s in good], [s.replace("\\n", "\n") for s in bad]
        return decode


class Registry:
    """An ordered set of rules, looked up by id. Build one per use; never share a global one."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            self.register(rule)

    def register(self, rule: Rule) -> Rule:
        if rule.id in self._rules:
            raise ValueError(f"rule {rule.id!r} is registered twice")
        self._rules[rule.id] = rule
        return rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    @property
    def ids(self) -> list[str]:
        return list(self._rules)

    def title(self, rule_id: str) -> str:
        """The rule's plain title (its id, for a finding no rule here made)."""
        rule = self._rules.get(rule_id)
        return rule.title if rule is not None else rule_id.replace("-", " ").capitalize()

    def enabled(self, disable: Iterable[str]) -> list[Rule]:
        off = set(disable)
        return [r for r in self._rules.values() if r.id not in off]
