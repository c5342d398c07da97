"""The domain of Afterword, in the words of DESIGN.md.

Pure data and validation: nothing here reads a file, a clock or a database. Times are always
time-zone aware; a naive time is refused unless the caller passes a zone to read it in through
the validation context (``{"timezone": ZoneInfo(...)}``), never silently taken as UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

#: How long after the interview a thank-you note still counts as prompt.
NOTE_WINDOW = timedelta(hours=24)

# Bounds on what a person can type or a file can hold: far above any real interview, far
# below what would slow the pages down or fill the disk (a 20,000-character answer is about
# ten pages).
#: A name, a company, a role, a title.
MAX_NAME = 200
#: One line: a topic, a skill, a lesson, a question, a subject.
MAX_LINE = 2_000
#: Free text: what was said, a better answer, a story's parts, a note's body.
MAX_TEXT = 20_000
MAX_INTERVIEWERS = 50
MAX_MOMENTS = 200
MAX_ITEMS = 200  # research, lessons, notes of one interview
MAX_STORIES = 500  # stories in one file
MAX_TAGS = 50  # topics, skills, metrics, story titles of one item
#: Times outside these years are typing mistakes (and 9999 overflows once moved to UTC).
YEARS = (1900, 2999)

NonEmptyStr = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LINE)
]
ShortStr = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)
]
OptionalName = Annotated[str, StringConstraints(max_length=MAX_NAME)]
Line = Annotated[str, StringConstraints(max_length=MAX_LINE)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


def _one_line(value: Any) -> Any:
    """A line break in an email subject would start a new header: fold it into a space."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return " ".join(value.split())
    return value


Subject = Annotated[str, BeforeValidator(_one_line), StringConstraints(max_length=MAX_LINE)]


def _in_years(value: date | None) -> date | None:
    if value is not None and not YEARS[0] <= value.year <= YEARS[1]:
        raise ValueError(f"the year {value.year} is out of range ({YEARS[0]} to {YEARS[1]})")
    return value


Day = Annotated[date, AfterValidator(_in_years)]
Instant = Annotated[datetime, AfterValidator(_in_years)]


class Cause(StrEnum):
    """Why an interview went badly: the fixed taxonomy of DESIGN.md."""

    preparation = "preparation"
    company_research = "company_research"
    topic_knowledge = "topic_knowledge"
    communication = "communication"
    forgot_details = "forgot_details"
    nerves = "nerves"
    offended_interviewer = "offended_interviewer"
    other = "other"

    @property
    def label(self) -> str:
        return CAUSE_LABELS[self]


CAUSE_LABELS: dict[Cause, str] = {
    Cause.preparation: "I wasn't prepared enough",
    Cause.company_research: "I hadn't researched the company",
    Cause.topic_knowledge: "I didn't know a topic well enough",
    Cause.communication: "I didn't communicate clearly",
    Cause.forgot_details: "I forgot crucial details",
    Cause.nerves: "Nerves got the better of me",
    Cause.offended_interviewer: "I may have offended the interviewer",
    Cause.other: "Something else",
}


class MomentKind(StrEnum):
    couldnt_answer = "couldnt_answer"
    could_be_better = "could_be_better"
    forgot_to_mention = "forgot_to_mention"
    went_well = "went_well"

    @property
    def is_weak(self) -> bool:
        return self is not MomentKind.went_well


class InterviewFormat(StrEnum):
    phone = "phone"
    video = "video"
    onsite = "onsite"
    panel = "panel"
    other = "other"


class NoteStatus(StrEnum):
    draft = "draft"
    sent = "sent"


class Outcome(StrEnum):
    advanced = "advanced"
    rejected = "rejected"
    offer = "offer"
    no_response = "no_response"
    withdrew = "withdrew"


class InterviewState(StrEnum):
    """Where an interview stands on the journey (see :mod:`afterword.journey`)."""

    debrief_to_do = "debrief to do"
    note_to_write = "note to write"
    note_ready = "note ready"
    sent = "sent"
    waiting = "waiting"
    closed = "closed"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _aware(value: Any, info: ValidationInfo, field: str) -> Any:
    """Make a datetime aware, or refuse it: a naive time is ambiguous by hours."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value  # pydantic reports the bad format
    if isinstance(value, datetime) and value.tzinfo is None:
        zone: tzinfo | None = (info.context or {}).get("timezone")
        if zone is None:
            raise ValueError(
                f"{field} has no time zone; write it with an offset such as "
                "2026-11-24T15:30:00-05:00, or set AFTERWORD_TIMEZONE (e.g. America/New_York)"
            )
        return value.replace(tzinfo=zone)
    return value


class Person(_Model):
    name: ShortStr
    email: EmailStr | None = None


class Interviewer(_Model):
    """A person on the other side of the table; each gets a note of their own."""

    name: ShortStr
    title: OptionalName | None = None
    email: EmailStr | None = None
    topics: list[NonEmptyStr] = Field(default_factory=list, max_length=MAX_TAGS)


class Moment(_Model):
    """A question or topic of the interview, and what the user would say now."""

    question: NonEmptyStr
    kind: MomentKind
    what_i_said: Text | None = None
    better_answer: Text | None = None
    topic: Line | None = None
    #: Which interviewer asked it, on a panel: their note follows it up, not a colleague's.
    asked_by: OptionalName | None = None
    #: Titles of the stories from the library that back the better answer.
    stories: list[NonEmptyStr] = Field(default_factory=list, max_length=MAX_TAGS)


class Story(_Model):
    """An entry of the user's experience library (situation, action, result)."""

    title: ShortStr
    situation: Text | None = None
    action: Text | None = None
    result: Text | None = None
    metrics: list[NonEmptyStr] = Field(default_factory=list, max_length=MAX_TAGS)
    skills: list[NonEmptyStr] = Field(default_factory=list, max_length=MAX_TAGS)


class Research(_Model):
    """Something learned after the interview that speaks to a weak moment."""

    topic: NonEmptyStr
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)
    ]
    source: Line | None = None


class Note(_Model):
    """A thank-you email to one interviewer."""

    to: ShortStr
    subject: Subject = ""
    body: Text = ""
    status: NoteStatus = NoteStatus.draft
    sent_at: Instant | None = None

    @field_validator("sent_at", mode="before")
    @classmethod
    def _sent_at_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, "sent_at")


class Debrief(_Model):
    """The introspection after an interview."""

    feeling: int | None = Field(default=None, ge=1, le=5)
    causes: list[Cause] = Field(default_factory=list, max_length=MAX_TAGS)
    cause_notes: Text | None = None
    moments: list[Moment] = Field(default_factory=list, max_length=MAX_MOMENTS)
    lessons: list[NonEmptyStr] = Field(default_factory=list, max_length=MAX_ITEMS)

    @field_validator("causes")
    @classmethod
    def _unique_causes(cls, causes: list[Cause]) -> list[Cause]:
        return list(dict.fromkeys(causes))

    @property
    def weak_moments(self) -> list[Moment]:
        return [m for m in self.moments if m.kind.is_weak]

    @property
    def is_started(self) -> bool:
        return bool(self.feeling or self.causes or self.moments or self.lessons)

    @property
    def offended_interviewer(self) -> bool:
        """The one case where the craft allows a brief, owned apology."""
        return Cause.offended_interviewer in self.causes


class _Timed(_Model):
    """Validation of when an interview happened: aware times, the end after the start.

    The fields are declared by the subclasses, so that they keep their place in the order of
    fields (and of exported files)."""

    @field_validator("started_at", "ended_at", mode="before", check_fields=False)
    @classmethod
    def _times_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, info.field_name or "time")

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        started: datetime | None = getattr(self, "started_at", None)
        ended: datetime = getattr(self, "ended_at")  # noqa: B009 - declared by subclasses
        if started is not None and ended <= started:
            raise ValueError(
                f"the interview ends ({ended.isoformat()}) before it starts ({started.isoformat()})"
            )
        return self


class Interview(_Timed):
    """One conversation with a company for a role, at a stage."""

    company: ShortStr
    role: ShortStr
    stage: Line | None = None
    format: InterviewFormat = InterviewFormat.other
    started_at: Instant | None = None
    ended_at: Instant
    decision_expected_by: Day | None = None
    #: What they said about the timeline, in their words ("we'll decide by Friday").
    timeline: Text | None = None
    sender: Person | None = None
    interviewers: list[Interviewer] = Field(default_factory=list, max_length=MAX_INTERVIEWERS)
    debrief: Debrief = Field(default_factory=Debrief)
    research: list[Research] = Field(default_factory=list, max_length=MAX_ITEMS)
    stories: list[Story] = Field(default_factory=list, max_length=MAX_STORIES)
    notes: list[Note] = Field(default_factory=list, max_length=MAX_ITEMS)
    #: Later follow-up emails (the follow-up policy allows one, on its terms); a check-in has
    #: the shape of a note.
    check_ins: list[Note] = Field(default_factory=list, max_length=MAX_ITEMS)
    outcome: Outcome | None = None

    @property
    def note_due(self) -> datetime:
        return self.ended_at + NOTE_WINDOW

    def hours_left(self, now: datetime) -> float:
        """Hours to the 24-hour mark (negative once it has passed)."""
        return (self.note_due - now).total_seconds() / 3600

    def interviewer(self, name: str) -> Interviewer | None:
        folded = name.casefold()
        return next((i for i in self.interviewers if i.name.casefold() == folded), None)
