"""The domain model refuses what would be ambiguous or wrong, with messages a person can act on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from afterword.model import Debrief, Interview, Moment

BASE = {"company": "Acme", "role": "Analyst", "ended_at": "2026-11-24T15:30:00-05:00"}


def test_a_naive_time_is_refused_with_advice() -> None:
    with pytest.raises(ValidationError) as info:
        Interview.model_validate({**BASE, "ended_at": "2026-11-24T15:30:00"})
    message = str(info.value)
    assert "has no time zone" in message
    assert "AFTERWORD_TIMEZONE" in message


def test_a_naive_time_is_read_in_the_configured_zone_never_utc() -> None:
    zone = ZoneInfo("America/New_York")
    interview = Interview.model_validate(
        {**BASE, "ended_at": "2026-11-24T15:30:00"}, context={"timezone": zone}
    )
    assert interview.ended_at.utcoffset() == timedelta(hours=-5)
    assert interview.ended_at.astimezone(UTC).hour == 20


def test_an_interview_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match=r"ends .* before it starts"):
        Interview.model_validate({**BASE, "started_at": "2026-11-24T16:00:00-05:00"})


@pytest.mark.parametrize("feeling", [0, 6, -1])
def test_feeling_is_one_to_five(feeling: int) -> None:
    with pytest.raises(ValidationError):
        Debrief(feeling=feeling)


def test_emails_and_names_are_checked() -> None:
    with pytest.raises(ValidationError, match="email"):
        Interview.model_validate({**BASE, "interviewers": [{"name": "Dana", "email": "dana@"}]})
    with pytest.raises(ValidationError):
        Interview.model_validate({**BASE, "interviewers": [{"name": "   "}]})


def test_unknown_cause_and_moment_kind_are_refused() -> None:
    with pytest.raises(ValidationError, match="preparation"):
        Debrief.model_validate({"causes": ["bad_luck"]})
    with pytest.raises(ValidationError):
        Moment.model_validate({"question": "Why us?", "kind": "awful"})


def test_the_24_hour_mark() -> None:
    interview = Interview.model_validate(BASE)
    ended = datetime(2026, 11, 24, 20, 30, tzinfo=UTC)
    assert interview.note_due == ended + timedelta(hours=24)
    assert interview.hours_left(ended + timedelta(hours=20)) == pytest.approx(4)
    assert interview.hours_left(ended + timedelta(hours=30)) == pytest.approx(-6)


def test_offsets_are_kept_as_given() -> None:
    interview = Interview.model_validate({**BASE, "ended_at": "2026-11-24T09:00:00+05:30"})
    assert interview.ended_at.tzinfo == timezone(timedelta(hours=5, minutes=30))
