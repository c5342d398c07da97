"""What the rules let pass and the judge is sure of, reported under the rule's own id.

The rules are precise and say which phrasing they matched; the judge (:mod:`.judge`) reads a
sentence as a whole and catches the same fault in words nobody listed. A sentence any of the
three rules already reported is left alone, so one fault is one finding. The judge's findings
are warnings, not errors: a judgment, less certain than a listed phrasing, that still keeps
the note from being ready until the writer looks at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.suggestions import STRONG_CTA, follow_up_for

#: judgment -> (rule id, what the sentence reads as)
_REPORTED = {
    "apology": ("apology", "an apology, which makes the interviewer relive the weak moment"),
    "overt_failure": (
        "overt-failure",
        "saying the interview went badly, which writes the verdict for the interviewer",
    ),
    "pressure": (
        "pressure",
        "pressure or a plea, which reads as a risk to the interviewer",
    ),
}
_RULE_IDS = frozenset(rule for rule, _ in _REPORTED.values())


def second_opinion(doc: Document, found: Iterable[Finding], enabled: set[str]) -> Iterator[Finding]:
    """Findings for sentences the judge is sure of and no rule of :data:`_REPORTED` flagged."""
    wanted = [j for j, (rule, _) in _REPORTED.items() if rule in enabled]
    if not wanted:
        return
    taken = [(f.start, f.end) for f in found if f.rule in _RULE_IDS and f.start is not None]
    # With the debrief's "offended the interviewer", one brief apology is right (the apology
    # rule says so); the judge does not second-guess it.
    offended = doc.interview is not None and doc.interview.debrief.offended_interviewer
    for (start, end), scores in doc.judged:
        if any(a is not None and b is not None and a < end and b > start for a, b in taken):
            continue
        best = max(wanted, key=lambda j: scores[j])
        if not doc.judge.says(best, scores) or (best == "apology" and offended):
            continue
        rule, reads_as = _REPORTED[best]
        sentence = doc.work[start:end]
        suggestion = (
            "I remain very interested in the role. " + STRONG_CTA
            if best == "pressure"
            else follow_up_for(sentence)
        )
        yield doc.finding(
            rule,
            "warning",
            f"This sentence reads as {reads_as}. No listed phrasing matched; the checker judged "
            f"the sentence as a whole ({scores[best]:.0%} sure), so read it as the interviewer "
            "would.",
            start,
            end,
            suggestion,
            replaces_span=True,
        )
