"""Fixtures for the checker tests: interviews built from debrief-file mappings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from afterword.model import Interview

ACME: dict[str, Any] = {
    "company": "Acme Robotics",
    "role": "Product Marketing Manager",
    "ended_at": "2026-11-24T15:30:00-05:00",
    "sender": {"name": "Alex Kim"},
    "interviewers": [
        {"name": "Dana Lee", "topics": ["the warehouse robot launch", "email nurture program"]}
    ],
}


def _make_interview(**changes: Any) -> Interview:
    return Interview.model_validate({**ACME, **changes})


@pytest.fixture
def make_interview() -> Callable[..., Interview]:
    """Build an interview like ACME with some keys changed."""
    return _make_interview


@pytest.fixture
def acme() -> Interview:
    return _make_interview()
