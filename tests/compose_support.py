"""What the composer's tests share: every draft of an interview, and the closing sentence of one."""

from __future__ import annotations

import re
from datetime import datetime

from afterword.composer import Draft, compose
from afterword.model import Interview


def closing(draft: Draft) -> str:
    """The draft's last sentence: where the call to action is."""
    return re.split(r"(?<=[.!?])\s+", draft.paragraphs[-1])[-1]


def drafts(interview: Interview, seeds: int = 8, now: datetime | None = None) -> list[Draft]:
    """Two variants for each of ``seeds`` seeds, in both tones."""
    return [
        draft
        for tone in ("warm", "formal")
        for seed in range(seeds)
        for draft in compose(interview, seed=seed, variants=2, tone=tone, now=now)
    ]
