"""Reminders as an iCalendar file: one event, with a display alarm, per upcoming deadline
(a thank-you note's 24-hour mark) and per earliest date for a check-in or for closing an
interview that went quiet.

Pure: the caller passes the steps of the follow-up policy, each interview's version and the
time stamp. Each event's UID is derived from the interview's id, the action and the person,
so importing a newer file updates the events rather than adding copies; its SEQUENCE is the
interview's version, which every save raises, so calendars take the newer one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from afterword.policy import Step

#: The domain part of every UID: stable, and no one else's.
UID_DOMAIN = "afterword.invalid"
#: How long each reminder's event lasts in the calendar.
EVENT_LENGTH = timedelta(minutes=30)

_ALARMS = {
    # action: (how long before the event the alarm fires, what the event says)
    "thank_you": (timedelta(hours=3), "Thank-you note to {to} due ({company})"),
    "check_in": (timedelta(0), "A polite check-in to {to} is allowed from today ({company})"),
    "outcome": (timedelta(0), "If {company} hasn't answered, close it and move on"),
}


def uid(step: Step) -> str:
    person = "".join(c if c.isalnum() else "-" for c in (step.to or "").casefold()).strip("-")
    return (
        f"interview-{step.interview_id}-{step.action.replace('_', '-')}"
        + (f"-{person}" if person else "")
        + f"@{UID_DOMAIN}"
    )


def calendar(
    steps: Sequence[Step],
    companies: Mapping[int, str],
    versions: Mapping[int, int],
    now: datetime,
) -> bytes:
    """The reminders for ``steps`` that are still ahead of ``now``, as an .ics file."""
    from icalendar import Alarm, Calendar, Event

    events = []
    for step in steps:
        start = step.due_by if step.action == "thank_you" else step.not_before
        if start is None or start <= now:
            continue  # nothing to remind of: it is due now, or overdue (the dashboard says so)
        before, summary = _ALARMS[step.action]
        text = summary.format(to=step.to or "them", company=companies.get(step.interview_id, ""))
        if step.action == "thank_you":
            start -= EVENT_LENGTH  # the event ends at the 24-hour mark
        events.append(
            Event.new(
                uid=uid(step),
                sequence=versions.get(step.interview_id, 0),
                stamp=now.astimezone(UTC),
                start=start.astimezone(UTC),
                end=(start + EVENT_LENGTH).astimezone(UTC),
                summary=text,
                description=step.reason,
                subcomponents=[Alarm.new_display(text, -before)],
            )
        )
    cal = Calendar.new(
        prodid="-//Afterword//follow-up reminders//EN",
        name="Afterword",
        uid=f"reminders@{UID_DOMAIN}",  # a random one by default, and the file would differ
        subcomponents=events,
    )
    return bytes(cal.to_ical())
