"""The follow-up policy: every rule and its boundaries, with the clock passed in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterword.model import Interview
from afterword.policy import PolicySettings, agenda, may_check_in, may_thank, steps

NY = ZoneInfo("America/New_York")
STANDARD = PolicySettings()


def interview(ended: datetime, **extra: Any) -> Interview:
    data = {
        "company": "Acme Robotics",
        "role": "PMM",
        "ended_at": ended,
        "interviewers": [{"name": "Dana Lee"}, {"name": "Sam Ortiz"}],
        **extra,
    }
    return Interview.model_validate(data)


def sent(item: Interview, *names: str, at: datetime | None = None) -> Interview:
    when = at or item.ended_at + timedelta(hours=3)
    notes = [{"to": n, "body": "Thank you.", "status": "sent", "sent_at": when} for n in names]
    return item.model_copy(
        update={"notes": Interview.model_validate({**item.model_dump(), "notes": notes}).notes}
    )


TUESDAY_3PM = datetime(2026, 11, 24, 15, 0, tzinfo=NY)


def test_a_thank_you_opens_after_an_hour_and_is_due_within_24_hours() -> None:
    item = interview(TUESDAY_3PM)
    too_soon = may_thank(item, "Dana Lee", TUESDAY_3PM + timedelta(minutes=30), STANDARD)
    assert not too_soon.allowed and too_soon.not_before == TUESDAY_3PM + timedelta(hours=1)
    assert "pre-written" in too_soon.reason
    assert may_thank(item, "Dana Lee", TUESDAY_3PM + timedelta(hours=1), STANDARD).allowed
    [dana, sam] = steps(1, item, TUESDAY_3PM + timedelta(hours=2), STANDARD)
    assert (dana.action, dana.to, dana.due_by) == (
        "thank_you",
        "Dana Lee",
        TUESDAY_3PM + timedelta(hours=24),
    )
    assert sam.to == "Sam Ortiz"
    assert "within 24 hours" in dana.reason


def test_the_last_six_hours_are_flagged_and_a_late_note_is_still_allowed() -> None:
    item = interview(TUESDAY_3PM)
    [urgent, _] = steps(1, item, TUESDAY_3PM + timedelta(hours=18, minutes=1), STANDARD)
    assert "less than 6 hours left" in urgent.reason
    assert not steps(1, item, TUESDAY_3PM + timedelta(hours=18), STANDARD)[0].reason.startswith(
        "less"
    )
    late_at = TUESDAY_3PM + timedelta(hours=30)
    [late, _] = steps(1, item, late_at, STANDARD)
    assert late.is_overdue(late_at) and "send it today anyway" in late.reason
    decision = may_thank(item, "Dana Lee", late_at, STANDARD)
    assert decision.allowed and "late" in decision.reason


def test_one_thank_you_per_interviewer() -> None:
    item = sent(interview(TUESDAY_3PM), "Dana Lee")
    again = may_thank(item, "dana lee", TUESDAY_3PM + timedelta(hours=5), STANDARD)
    assert not again.allowed and again.not_before is None
    assert [
        s.to
        for s in steps(1, item, TUESDAY_3PM + timedelta(hours=5), STANDARD)
        if s.action == "thank_you"
    ] == ["Sam Ortiz"]


def test_a_friday_evening_interview_can_be_thanked_on_monday_morning() -> None:
    friday_evening = datetime(2026, 11, 27, 17, 30, tzinfo=NY)
    [step, _] = steps(1, interview(friday_evening), friday_evening + timedelta(hours=2), STANDARD)
    assert step.due_by == datetime(2026, 11, 30, 12, 0, tzinfo=NY)
    assert "Monday 30 November" in step.reason
    friday_lunch = datetime(2026, 11, 27, 12, 0, tzinfo=NY)
    [normal, _] = steps(1, interview(friday_lunch), friday_lunch + timedelta(hours=2), STANDARD)
    assert normal.due_by == friday_lunch + timedelta(hours=24)


def test_a_holiday_counts_as_a_day_off() -> None:
    thursday_evening = datetime(2026, 12, 24, 17, 0, tzinfo=NY)
    christmas = PolicySettings(holidays=frozenset({date(2026, 12, 25)}))
    [step, _] = steps(1, interview(thursday_evening), thursday_evening, christmas)
    assert step.due_by == datetime(2026, 12, 28, 12, 0, tzinfo=NY)
    [plain, _] = steps(1, interview(thursday_evening), thursday_evening, STANDARD)
    assert plain.due_by == thursday_evening + timedelta(hours=24)


def test_24_hours_stay_24_hours_across_a_dst_change() -> None:
    saturday = datetime(2026, 3, 7, 10, 0, tzinfo=NY)  # clocks go forward on Sunday the 8th
    [step, _] = steps(1, interview(saturday), saturday, STANDARD)
    assert step.due_by is not None
    assert step.due_by.astimezone(UTC) - saturday.astimezone(UTC) == timedelta(hours=24)
    assert step.due_by.astimezone(NY).hour == 11  # 11:00 EDT, 24 real hours later


def test_a_check_in_waits_two_business_days_after_the_decision_date() -> None:
    item = sent(interview(TUESDAY_3PM, decision_expected_by="2026-12-04"), "Dana Lee")  # a Friday
    opens = datetime(2026, 12, 8, 9, 0, tzinfo=NY)  # Tuesday, two business days on
    early = may_check_in(item, opens - timedelta(minutes=1), STANDARD)
    assert not early.allowed and early.not_before == opens
    assert "Tuesday 8 December" in early.reason and "Friday 4 December" in early.reason
    assert may_check_in(item, opens, STANDARD).allowed
    step = next(
        s for s in steps(1, item, opens - timedelta(days=1), STANDARD) if s.action == "check_in"
    )
    assert (step.to, step.not_before) == ("Dana Lee", opens)


def test_without_a_date_a_check_in_waits_five_business_days() -> None:
    item = sent(interview(TUESDAY_3PM), "Dana Lee")
    # Tuesday 24 November + 5 business days = Tuesday 1 December (the weekend skipped).
    assert may_check_in(item, TUESDAY_3PM, STANDARD).not_before == datetime(
        2026, 12, 1, 9, 0, tzinfo=NY
    )
    conservative = PolicySettings(profile="conservative")
    assert may_check_in(item, TUESDAY_3PM, conservative).not_before == datetime(
        2026, 12, 8, 9, 0, tzinfo=NY
    )


def test_a_decision_date_in_the_past_allows_a_check_in_now() -> None:
    item = sent(interview(TUESDAY_3PM, decision_expected_by="2026-11-25"), "Dana Lee")
    now = datetime(2026, 12, 10, 12, 0, tzinfo=NY)
    decision = may_check_in(item, now, STANDARD)
    assert decision.allowed and decision.not_before == datetime(2026, 11, 27, 9, 0, tzinfo=NY)


def test_no_check_in_before_the_thank_you_and_never_one_too_many() -> None:
    item = interview(TUESDAY_3PM)
    assert (
        "thank-you note first"
        in may_check_in(item, TUESDAY_3PM + timedelta(days=30), STANDARD).reason
    )
    thanked = sent(item, "Dana Lee")
    once = [datetime(2026, 12, 2, 10, 0, tzinfo=NY)]
    refused = may_check_in(thanked, datetime(2027, 1, 4, tzinfo=NY), STANDARD, once)
    assert not refused.allowed and refused.not_before is None
    assert "as many as helps" in refused.reason
    twice = PolicySettings(check_ins=2)
    second = may_check_in(thanked, datetime(2026, 12, 3, tzinfo=NY), twice, once)
    assert not second.allowed and second.not_before == datetime(2026, 12, 9, 9, 0, tzinfo=NY)
    with pytest.raises(ValueError):
        PolicySettings(check_ins=3)


def test_an_outcome_closes_everything() -> None:
    thanked = sent(interview(TUESDAY_3PM), "Dana Lee")
    item = Interview.model_validate({**thanked.model_dump(), "outcome": "rejected"})
    assert steps(1, item, TUESDAY_3PM + timedelta(days=10), STANDARD) == []
    assert "closed" in may_check_in(item, TUESDAY_3PM + timedelta(days=10), STANDARD).reason


def test_silence_closes_the_interview_four_weeks_after_the_decision_date() -> None:
    item = sent(interview(TUESDAY_3PM, decision_expected_by="2026-12-04"), "Dana Lee", "Sam Ortiz")
    [check_in, outcome] = steps(1, item, TUESDAY_3PM + timedelta(days=1), STANDARD)
    assert check_in.action == "check_in" and outcome.action == "outcome"
    assert outcome.not_before == datetime(2027, 1, 1, 9, 0, tzinfo=NY)
    assert "close it as no response" in outcome.reason


def test_the_agenda_puts_overdue_first_then_open_then_later() -> None:
    now = datetime(2026, 11, 26, 12, 0, tzinfo=NY)
    overdue = interview(now - timedelta(hours=30))
    open_now = interview(now - timedelta(hours=3), company="Globex")
    waiting = sent(interview(now - timedelta(days=1), company="Initech"), "Dana Lee", "Sam Ortiz")
    found = agenda([(1, waiting), (2, open_now), (3, overdue)], now, STANDARD)
    assert [(s.interview_id, s.action) for s in found][:4] == [
        (3, "thank_you"),
        (3, "thank_you"),
        (2, "thank_you"),
        (2, "thank_you"),
    ]
    assert [s.action for s in found[4:]] == ["check_in", "outcome"]
    as_json = found[0].to_dict()
    assert set(as_json) >= {"interview_id", "action", "to", "not_before", "due_by", "reason"}
    assert as_json["due_by"] == (now - timedelta(hours=6)).isoformat()


def test_settings_from_the_follow_up_table() -> None:
    table = {"check_ins": 2, "profile": "conservative", "holidays": ["2026-12-24"]}
    settings = PolicySettings.from_mapping(table, holidays=[date(2026, 12, 25)])
    assert settings.check_ins == 2 and settings.profile == "conservative"
    assert not settings.is_business_day(date(2026, 12, 24))
    assert not settings.is_business_day(date(2026, 12, 25))
    with pytest.raises(ValueError, match="not a date"):
        PolicySettings.from_mapping({"holidays": ["soon"]})


def test_a_week_past_the_mark_a_note_is_no_longer_asked_for() -> None:
    """Stale thank-yous would bury today's: a week past the 24-hour mark only the outcome is
    left to record."""
    item = interview(TUESDAY_3PM)
    six_days = TUESDAY_3PM + timedelta(hours=24, days=6)
    assert [s.action for s in steps(1, item, six_days, STANDARD)] == ["thank_you", "thank_you"]
    eight_days = TUESDAY_3PM + timedelta(hours=24, days=8)
    [outcome] = steps(1, item, eight_days, STANDARD)
    assert outcome.action == "outcome"


def test_the_words_fit_the_moment() -> None:
    thanked = sent(interview(TUESDAY_3PM), "Dana Lee", "Sam Ortiz")
    opens = datetime(2026, 12, 1, 9, 0, tzinfo=NY)
    [check_in, _] = steps(1, thanked, opens + timedelta(hours=1), STANDARD)
    assert "allowed now" in check_in.reason and "until then" not in check_in.reason
    late = datetime(2027, 2, 1, tzinfo=NY)
    [_, outcome] = steps(1, thanked, late, STANDARD)
    assert "nothing has come since" in outcome.reason and "If nothing comes" not in outcome.reason
    none_allowed = may_check_in(thanked, late, PolicySettings(check_ins=0))
    assert "allow no check-in" in none_allowed.reason and "sent 0" not in none_allowed.reason
