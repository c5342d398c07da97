"""The composer: from a debrief to a ready thank-you note per interviewer, and a better
answer per weak moment, backed by the user's own stories and research.

Pure: no I/O, no clock (pass ``now``), no randomness that a ``seed`` does not fix. The
exceptions: :mod:`afterword.composer.polish`, which asks a language model the user configured,
and only when asked to; and an .eml file, which is dated (and given a Message-ID) when it is
written, unless a ``now`` is passed.

    >>> from afterword.composer import compose
    >>> for draft in compose(interview, seed=7):
    ...     print(draft.subject, draft.text, sep="\\n")
"""

from __future__ import annotations

from afterword.composer.answer import BetterAnswer, draft_answer
from afterword.composer.compose import MIN_WORDS, PANEL_SIMILARITY, TONES, compose, similarity
from afterword.composer.draft import Draft, Drafts, EvidenceUsed
from afterword.composer.suggest import suggestions_for

__all__ = [
    "MIN_WORDS",
    "PANEL_SIMILARITY",
    "TONES",
    "BetterAnswer",
    "Draft",
    "Drafts",
    "EvidenceUsed",
    "compose",
    "draft_answer",
    "similarity",
    "suggestions_for",
]
