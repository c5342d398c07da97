"""What a check returns: findings, the body it found, stats, and the verdict.

Plain dataclasses with slots rather than pydantic models: a check builds a dozen of these per
note and the checker must run thousands of notes a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: Word limit for one body paragraph; ``rules/too_long.py`` says where it comes from.
DEFAULT_MAX_WORDS = 120

#: Excerpts longer than this are shortened with an ellipsis (a whole paragraph is no excerpt).
EXCERPT_MAX = 80


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """How a check runs. ``now`` enables the ``late`` rule (the core never reads a clock)."""

    disable: frozenset[str] = frozenset()
    max_words: int = DEFAULT_MAX_WORDS
    max_paragraphs: int = 2
    now: datetime | None = None
    #: False runs the rules alone, without the learned judge (checker/judge.py): to compare
    #: the two, and to label training sentences by the rules.
    judge: bool = True

    @classmethod
    def from_mapping(cls, table: dict[str, Any]) -> CheckSettings:
        """Settings from the ``[check]`` table of settings.toml (unknown keys are ignored)."""
        disable = table.get("disable", [])
        if isinstance(disable, str):
            disable = [disable]
        if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
            raise ValueError("[check] disable must be a list of rule ids")
        max_words = table.get("max_words", DEFAULT_MAX_WORDS)
        if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
            raise ValueError("[check] max_words must be a positive whole number")
        return cls(disable=frozenset(disable), max_words=max_words)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a note. Offsets are 0-based, end-exclusive, into the text as given;
    they (and line, column, excerpt) are None for a finding about the whole note."""

    rule: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None
    suggestion: str | None = None
    #: True when ``suggestion`` is a drop-in replacement for text[start:end].
    replaces_span: bool = False
    #: Which of the rule's phrasings matched (its id in the rule's data file), where one did.
    phrase: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "phrase": self.phrase,
        }


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Body:
    """The part of the note the rules read: paragraphs between greeting and sign-off."""

    start: int
    end: int
    text: str
    paragraphs: tuple[Span, ...]
    greeting: Span | None = None
    signoff: Span | None = None


@dataclass(frozen=True, slots=True)
class Stats:
    paragraphs: int
    words: int
    sentences: int
    reading_grade: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraphs": self.paragraphs,
            "words": self.words,
            "sentences": self.sentences,
            "reading_grade": self.reading_grade,
        }


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    body: Body
    stats: Stats
    language: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        """A note is ready when no error is left (DESIGN.md)."""
        return not any(f.severity == "error" for f in self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "findings": [f.to_dict() for f in self.findings],
            "stats": self.stats.to_dict(),
        }
