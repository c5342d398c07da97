"""Run a registry of rules over a note and build the report."""

from __future__ import annotations

from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from afterword.checker import language
from afterword.checker.document import Document
from afterword.checker.normalize import fold
from afterword.checker.report import CheckSettings, Finding, Report, Stats
from afterword.checker.rules import Registry, default_registry
from afterword.checker.second_opinion import second_opinion

if TYPE_CHECKING:
    from afterword.model import Interview

UNSUPPORTED_LANGUAGE = "unsupported-language"
MAX_FINDINGS_PER_RULE = 100

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check(
    text: str,
    interview: Interview | None = None,
    settings: CheckSettings | None = None,
    *,
    registry: Registry | None = None,
) -> Report:
    """Check a thank-you note against the craft.

    ``text`` is the note as written (subject, greeting, signature and quoted mail may be in
    it; the checker finds the body). ``interview`` enables the context rules; ``settings``
    turns rules off and sets limits. Never raises on any text.
    """
    folded = fold(text)
    if folded is not None:
        # Invisible characters, compatibility forms and look-alike letters folded away; the
        # report's offsets are mapped back to the text as given.
        return folded.restore(_check(folded.text, interview, settings, registry))
    return _check(text, interview, settings, registry)


def _check(
    text: str,
    interview: Interview | None,
    settings: CheckSettings | None,
    registry: Registry | None,
) -> Report:
    settings = settings or CheckSettings()
    doc = Document(text, interview, settings)
    body = doc.body
    stats = Stats(
        paragraphs=len(body.paragraphs),
        words=sum(doc.paragraph_words),
        sentences=len(doc.sentences),
        reading_grade=doc.reading_grade,
    )
    # A body too short to judge (or none found) is judged with the whole note.
    lang = language.detect(body.text if len(body.text) >= 40 else doc.work)
    if lang == "other":
        findings = []
        if UNSUPPORTED_LANGUAGE not in settings.disable:
            findings.append(
                doc.finding(
                    UNSUPPORTED_LANGUAGE,
                    "info",
                    "This note does not look like English, and the checker only knows the "
                    "craft of English notes; it was not checked.",
                )
            )
        return Report(findings=findings, body=body, stats=stats, language="other")
    rules = (registry if registry is not None else _built_in()).enabled(settings.disable)
    found: list[Finding] = []
    for rule in rules:
        # Past a hundred findings of one kind a person learns nothing new, and a megabyte of
        # pasted text would otherwise cost seconds in findings alone.
        found.extend(islice(rule.check(doc), MAX_FINDINGS_PER_RULE))
    if settings.judge:
        enabled = {r.id for r in rules}
        found.extend(islice(second_opinion(doc, found, enabled), MAX_FINDINGS_PER_RULE))
    found.sort(key=_order)
    return Report(findings=found, body=body, stats=stats, language=lang)


@cache
def _built_in() -> Registry:
    """The built-in rules, built once per process: they hold no state about a note, and their
    phrase sets compile on first use, so every check shares one registry of them."""
    return default_registry()


def _order(f: Finding) -> tuple[int, int, int]:
    # Findings in reading order; those about the whole note after them, errors first.
    return (
        f.start if f.start is not None else 1 << 60,
        _SEVERITY_ORDER[f.severity],
        f.end or 0,
    )
