"""Evidence matching: which of the user's stories and research back a better answer to each
weak moment, and why.

Pure: nothing here reads a file, a clock or a database, apart from loading the semantic model
that a package ships inside itself (lazily, on the first ranking that needs it).

    >>> from afterword.matching import rank_evidence
    >>> for found in rank_evidence(interview, library):
    ...     print(found.moment.question, found.best_story.title, found.best_story.reasons)
"""

from __future__ import annotations

from afterword.matching.rank import (
    Candidate,
    Matcher,
    MomentEvidence,
    Weights,
    merge_stories,
    rank_evidence,
)
from afterword.matching.semantic import ModelUnavailable
from afterword.matching.themes import THEMES, Theme, themes_of

__all__ = [
    "THEMES",
    "Candidate",
    "Matcher",
    "ModelUnavailable",
    "MomentEvidence",
    "Theme",
    "Weights",
    "merge_stories",
    "rank_evidence",
    "themes_of",
]
