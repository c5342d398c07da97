"""The note checker: finds every way a thank-you note breaks the craft, shows where, and
offers a better wording.

Pure Python and light to import: it is on the path of ``afterword check``.
"""

from __future__ import annotations

from afterword.checker.engine import UNSUPPORTED_LANGUAGE, check
from afterword.checker.report import Body, CheckSettings, Finding, Report, Span, Stats
from afterword.checker.rules import Registry, Rule, default_registry

__all__ = [
    "UNSUPPORTED_LANGUAGE",
    "Body",
    "CheckSettings",
    "Finding",
    "Registry",
    "Report",
    "Rule",
    "Span",
    "Stats",
    "check",
    "default_registry",
]
