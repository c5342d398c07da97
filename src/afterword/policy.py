"""The follow-up policy: what may be sent to an interviewer now, from when, and why.

Pure: the caller passes the clock, the interview and what was sent; nothing here reads a file,
a clock or a database. Every refusal names the date it would be allowed and the reason, so
that the person is told "not yet, on Tuesday the 9th, because..." rather than just "no".

The defaults, and where they come from:

- **Thank-you note: within 24 hours of the interview's end** (:data:`NOTE_WINDOW`). Career
  centres and recruiters agree on the same day or the next morning, while the conversation is
  fresh (e.g. Indeed's and university career centres' guidance on thank-you emails). A late
  note is still allowed, and marked late: better late than never, without apologizing for it.
  The last :data:`WARN_HOURS` hours are flagged. An interview that ends late on a Friday (or
  before a holiday) can be thanked on the next business morning: nobody reads it sooner.
- **Not within the first hour** (:data:`MIN_AFTER_END`): a note that arrives while the
  interviewer is still in the building reads as pre-written.
- **A week past the mark, a thank-you is no longer asked for** (:data:`TOO_LATE`): it would
  read as an afterthought, and a list of stale ones would bury today's.
- **One thank-you per interviewer**: a panel gets one note each, never two to the same person.
- **At most one check-in** (``check_ins``, configurable up to :data:`MAX_CHECK_INS`, never
  more), **no sooner than 2 business days after the decision date the interviewer gave, or 5
  business days after the interview when no date was given**: the usual recruiter advice is to
  let the promised date pass and then allow a couple of working days for slippage, and to wait
  about a working week when no date was given. The ``conservative`` profile waits a full week
  (5 business days) after a promised date and two weeks (10) without one. A second check-in,
  where allowed, waits as long again after the first.
- **Closed as ``no_response`` about 4 weeks after the decision date** (or after the day a
  check-in became allowed, when no date was given) (:data:`CLOSE_AFTER`): silence that long is
  an answer, and the kind move is to let it go and put the energy into the next application.
- **An outcome closes everything**: nothing more is due once it is recorded.

Business days skip weekends and the holidays given (see :class:`PolicySettings`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from afterword.model import NOTE_WINDOW, Interview, NoteStatus

#: The last hours before the 24-hour mark, when the thank-you note is flagged as urgent.
WARN_HOURS = 6
#: The soonest a thank-you note should go out after the interview's end.
MIN_AFTER_END = timedelta(hours=1)
#: The most check-ins any setting allows.
MAX_CHECK_INS = 2
#: How long after the check-in date silence closes the interview as ``no_response``.
CLOSE_AFTER = timedelta(weeks=4)
#: How long past the 24-hour mark a thank-you note is still asked for: a week on, it would
#: read as an afterthought, and a list of them would bury today's.
TOO_LATE = timedelta(days=7)
#: The hour of the morning a "business morning" starts, in the interview's zone.
MORNING = time(9, 0)
#: An interview ending at or after this hour the day before a weekend or holiday can be
#: thanked on the next business morning.
LATE_HOUR = 16

Action = Literal["thank_you", "check_in", "outcome"]
Profile = Literal["standard", "conservative"]

#: Business days to wait for a check-in: (after a promised decision date, without one).
WAITS: dict[str, tuple[int, int]] = {"standard": (2, 5), "conservative": (5, 10)}


@dataclass(frozen=True, slots=True)
class PolicySettings:
    """How patient the policy is; ``settings.toml``'s ``[follow_up]`` table sets it."""

    check_ins: int = 1
    profile: Profile = "standard"
    #: Days that are not business days besides weekends (from the ``holidays`` package or
    #: listed by the user).
    holidays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not 0 <= self.check_ins <= MAX_CHECK_INS:
            raise ValueError(f"check_ins must be from 0 to {MAX_CHECK_INS}")
        if self.profile not in WAITS:
            raise ValueError(f"profile must be one of: {', '.join(WAITS)}")

    @classmethod
    def from_mapping(cls, table: dict[str, Any], holidays: Iterable[date] = ()) -> PolicySettings:
        """Settings from the ``[follow_up]`` table (``check_ins``, ``profile``, ``holidays``:
        a list of ISO dates), with ``holidays`` (e.g. a country's) added."""
        check_ins = table.get("check_ins", 1)
        if not isinstance(check_ins, int) or isinstance(check_ins, bool):
            raise ValueError("[follow_up] check_ins must be a whole number")
        listed = table.get("holidays", [])
        if not isinstance(listed, list):
            raise ValueError("[follow_up] holidays must be a list of dates (2026-12-24)")
        days = set(holidays)
        for item in listed:
            if isinstance(item, date):
                days.add(item)
                continue
            try:
                days.add(date.fromisoformat(str(item)))
            except ValueError as exc:
                raise ValueError(f"[follow_up] holidays: {item!r} is not a date") from exc
        return cls(
            check_ins=check_ins, profile=table.get("profile", "standard"), holidays=frozenset(days)
        )

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add_business_days(self, day: date, count: int) -> date:
        """The ``count``-th business day after ``day``."""
        while count > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                count -= 1
        return day

    def next_business_day(self, day: date) -> date:
        """``day`` itself when it is a business day, else the next one."""
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day


@dataclass(frozen=True, slots=True)
class Step:
    """One thing to do (or to wait for) about an interview."""

    interview_id: int
    action: Action
    #: The interviewer it concerns, for a thank-you or a check-in.
    to: str | None
    #: The earliest time it is allowed (None: now).
    not_before: datetime | None
    #: When it is due (None: no deadline).
    due_by: datetime | None
    reason: str

    def is_open(self, now: datetime) -> bool:
        """Allowed now."""
        return self.not_before is None or self.not_before <= now

    def is_overdue(self, now: datetime) -> bool:
        return self.due_by is not None and self.due_by < now

    def to_dict(self) -> dict[str, Any]:
        return {
            "interview_id": self.interview_id,
            "action": self.action,
            "to": self.to,
            "not_before": self.not_before.isoformat() if self.not_before else None,
            "due_by": self.due_by.isoformat() if self.due_by else None,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether something may be sent now; when not, from when (None: never) and why."""

    allowed: bool
    not_before: datetime | None
    reason: str


def _at(day: date, moment: time, zone: tzinfo | None) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone)


def _day(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B}"


def thank_you_window(
    interview: Interview, settings: PolicySettings
) -> tuple[datetime, datetime, str]:
    """When a thank-you note may go out, when it is due, and why that deadline."""
    ended = interview.ended_at
    # Elapsed hours, not wall-clock ones: across a DST change, 24 hours stay 24 hours.
    opens = (ended.astimezone(UTC) + MIN_AFTER_END).astimezone(ended.tzinfo)
    due = (ended.astimezone(UTC) + NOTE_WINDOW).astimezone(ended.tzinfo)
    why = "within 24 hours of the interview, while the conversation is fresh"
    next_day = ended.date() + timedelta(days=1)
    if ended.hour >= LATE_HOUR and not settings.is_business_day(next_day):
        # Late before a weekend or holiday: the next business morning reads the same.
        morning = _at(settings.next_business_day(next_day), time(12, 0), ended.tzinfo)
        if morning > due:
            due = morning
            why = (
                f"the interview ended late before a day off, so the morning of "
                f"{_day(morning)} is just as good: nobody reads it sooner"
            )
    return opens, due, why


def check_ins_sent(interview: Interview) -> list[datetime]:
    """When the interview's check-ins went out."""
    return [c.sent_at for c in interview.check_ins if c.status is NoteStatus.sent and c.sent_at]


def check_in_opens(
    interview: Interview, settings: PolicySettings, sent: Sequence[datetime] | None = None
) -> tuple[datetime, str]:
    """The earliest time for the next check-in, and why then (``sent``: when the earlier
    check-ins went out; default: as the interview records them)."""
    check_ins = check_ins_sent(interview) if sent is None else sent
    after_date, without_date = WAITS[settings.profile]
    zone = interview.ended_at.tzinfo
    if check_ins:
        last = max(check_ins)
        wait = after_date if interview.decision_expected_by else without_date
        day = settings.add_business_days(last.astimezone(zone).date(), wait)
        return _at(day, MORNING, zone), (
            f"{wait} business days after your last check-in: give them room to answer it"
        )
    decided = interview.decision_expected_by
    if decided is not None:
        day = settings.add_business_days(decided, after_date)
        return _at(day, MORNING, zone), (
            f"{after_date} business days after {decided:%A} {decided.day} {decided:%B}, the date "
            "they gave for a decision: dates slip, and a note before then reads as impatience"
        )
    day = settings.add_business_days(interview.ended_at.astimezone(zone).date(), without_date)
    return _at(day, MORNING, zone), (
        f"{without_date} business days after the interview, since no date for a decision was "
        "given: hiring takes longer than anyone says"
    )


def close_date(interview: Interview, settings: PolicySettings) -> datetime:
    """When silence closes the interview as ``no_response``."""
    zone = interview.ended_at.tzinfo
    decided = interview.decision_expected_by
    if decided is not None:
        return _at(decided, MORNING, zone) + CLOSE_AFTER
    opens, _ = check_in_opens(interview, settings)
    return opens + CLOSE_AFTER


def _thank_yous_sent(interview: Interview) -> set[str]:
    return {n.to.casefold() for n in interview.notes if n.status is NoteStatus.sent}


def may_check_in(
    interview: Interview,
    now: datetime,
    settings: PolicySettings,
    sent: Sequence[datetime] | None = None,
) -> Decision:
    """Whether a check-in may go out now; when not, the date it may, or why never (``sent``:
    when the earlier check-ins went out; default: as the interview records them)."""
    check_ins = check_ins_sent(interview) if sent is None else sent
    if interview.outcome is not None:
        return Decision(False, None, f"the interview is closed ({interview.outcome.value})")
    if settings.check_ins == 0:
        return Decision(
            False,
            None,
            "your settings allow no check-in ([follow_up] check_ins = 0): the thank-you note "
            "speaks for you, and the next word is theirs",
        )
    if len(check_ins) >= settings.check_ins:
        count = "one check-in" if settings.check_ins == 1 else f"{settings.check_ins} check-ins"
        return Decision(
            False,
            None,
            f"you have sent {count}, which is as many as helps: more reads as pressure. If you "
            "hear nothing, it is an answer; let it go and put the energy into the next one",
        )
    if not _thank_yous_sent(interview):
        return Decision(False, None, "send your thank-you note first")
    opens, why = check_in_opens(interview, settings, check_ins)
    if now < opens:
        return Decision(False, opens, f"not before {_day(opens)}: {why}")
    return Decision(True, opens, f"allowed since {_day(opens)}: {why}")


def may_thank(interview: Interview, to: str, now: datetime, settings: PolicySettings) -> Decision:
    """Whether a thank-you note to ``to`` may go out now."""
    if to.casefold() in _thank_yous_sent(interview):
        return Decision(False, None, f"you have thanked {to} already: one note per interviewer")
    opens, due, why = thank_you_window(interview, settings)
    if now < opens:
        return Decision(
            False, opens, f"not before {opens:%H:%M}: a note within the hour reads as pre-written"
        )
    if now > due:
        return Decision(True, opens, "late, but still worth sending today; don't apologize for it")
    return Decision(True, opens, f"due by {_day(due)} {due:%H:%M}: {why}")


def steps(
    interview_id: int, interview: Interview, now: datetime, settings: PolicySettings
) -> list[Step]:
    """What needs doing about one interview, now or next, soonest first."""
    if interview.outcome is not None:
        return []
    found: list[Step] = []
    thanked = _thank_yous_sent(interview)
    opens, due, why = thank_you_window(interview, settings)
    # A week past the mark a note reads as an afterthought: it is no longer asked for.
    asking = now <= due + TOO_LATE
    if asking and not interview.interviewers:
        found.append(
            Step(interview_id, "thank_you", None, None, due, f"add who interviewed you: {why}")
        )
    for person in interview.interviewers if asking else []:
        if person.name.casefold() in thanked:
            continue
        if now > due:
            reason = (
                f"the 24-hour mark passed {_day(due)}: send it today anyway, without "
                "apologizing for the delay"
            )
        elif (due - now).total_seconds() < WARN_HOURS * 3600:
            reason = f"less than {WARN_HOURS} hours left: {why}"
        else:
            reason = why
        found.append(
            Step(
                interview_id, "thank_you", person.name, None if now >= opens else opens, due, reason
            )
        )
    if thanked and may_check_in(interview, now, settings).not_before is not None:
        check_in, why = check_in_opens(interview, settings)
        to = next((p.name for p in interview.interviewers if p.name.casefold() in thanked), None)
        when = "now" if now >= check_in else f"from {_day(check_in)}"
        found.append(
            Step(
                interview_id,
                "check_in",
                to,
                check_in,
                None,
                f"one short, polite check-in, with something useful to add, is allowed "
                f"{when} ({why})" + ("" if now >= check_in else "; until then, let it rest"),
            )
        )
    if thanked or not asking:
        closes = close_date(interview, settings)
        found.append(
            Step(
                interview_id,
                "outcome",
                None,
                closes if now < closes else None,
                None,
                (
                    "record how it ended as soon as you hear. If nothing comes by "
                    f"{_day(closes)}, close it as no response"
                    if now < closes
                    else f"nothing has come since {_day(closes - CLOSE_AFTER)}: close it as no "
                    "response"
                )
                + ": silence that long is an answer, and your energy is better spent on the "
                "next one",
            )
        )
    return found


def agenda(
    interviews: Iterable[tuple[int, Interview]], now: datetime, settings: PolicySettings
) -> list[Step]:
    """Every interview's steps, most urgent first: overdue, then what is allowed now by its
    deadline, then what comes later by the date it opens."""
    found = [
        step
        for interview_id, interview in interviews
        for step in steps(interview_id, interview, now, settings)
    ]
    far = datetime(9000, 1, 1, tzinfo=UTC)

    def key(step: Step) -> tuple[int, datetime]:
        if step.is_overdue(now):
            return (0, step.due_by or far)
        if step.is_open(now):
            return (1, step.due_by or far)
        return (2, step.not_before or far)

    return sorted(found, key=key)
