"""Everything out and back: the whole database as one versioned JSON document.

An export holds every interview as a debrief file (with its notes and check-ins, as sent),
the whole story library (stories no interview uses too), the outbox's record of what was
sent over SMTP, and the practice deck with its reviews. Reading one never writes anything;
its errors name the file, the field path and the line, as a debrief file's do.
:func:`to_markdown` makes the same data a report to keep or print.

Pure: no database, no clock (the caller passes the time of the export).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from afterword.debrief_file import DebriefFile, _describe
from afterword.errors import InputError
from afterword.model import (
    MAX_NAME,
    Instant,
    Interview,
    NoteStatus,
    Story,
    Text,
    _aware,
    _Model,
)

FORMAT = "afterword-export"
VERSION = 1
#: A debrief file is a few kilobytes; a few thousand of them fit well under this.
MAX_ARCHIVE_BYTES = 64_000_000
#: The largest id a database row can have.
MAX_ID = 2**63 - 1
MAX_RECORDS = 100_000


class ExportedInterview(DebriefFile):
    """An interview of an export: a debrief file, and the id it had."""

    id: int | None = Field(default=None, ge=1, le=MAX_ID)

    def to_interview(self, timezone: ZoneInfo | None = None) -> Interview:
        return DebriefFile.model_validate(self.model_dump(exclude={"id"})).to_interview(timezone)


class ExportedStory(Story):
    """A story of the library, and the id it had."""

    id: int | None = Field(default=None, ge=1, le=MAX_ID)


class OutboxRecord(_Model):
    """One attempt to send an email over SMTP, as recorded (see the outbox table)."""

    id: int | None = Field(default=None, ge=1, le=MAX_ID)
    interview_id: int = Field(ge=1, le=MAX_ID)
    kind: Literal["thank_you", "check_in"]
    to: str = Field(min_length=1, max_length=MAX_NAME)
    email: str = Field(max_length=320)
    message_id: str = Field(min_length=1, max_length=250)
    idempotency_key: str = Field(min_length=1, max_length=64)
    note_version: int = Field(ge=0, le=MAX_ID)
    subject: Text = ""
    body: Text = ""
    state: Literal["sending", "sent", "failed", "unknown"]
    error: Text | None = None
    created_at: Instant
    finished_at: Instant | None = None

    @field_validator("created_at", "finished_at", mode="before")
    @classmethod
    def _times_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, info.field_name or "time")


class PracticeReview(_Model):
    """One review of a practice card: the rating (1 again .. 4 easy), when, what was typed."""

    rating: int = Field(ge=1, le=4)
    reviewed_at: Instant
    answer: Text | None = None

    @field_validator("reviewed_at", mode="before")
    @classmethod
    def _times_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, "reviewed_at")


class PracticeCardRecord(_Model):
    """A card of the practice deck, its FSRS schedule and its reviews, oldest first."""

    id: int | None = Field(default=None, ge=1, le=MAX_ID)
    key: str = Field(min_length=1, max_length=64)
    question: Text
    state: int = Field(ge=1, le=3)
    step: int | None = Field(default=None, ge=0)
    stability: float | None = None
    difficulty: float | None = None
    due: Instant
    last_review: Instant | None = None
    reviews: int = Field(default=0, ge=0)
    created_at: Instant
    history: list[PracticeReview] = Field(default_factory=list, max_length=MAX_RECORDS)

    @field_validator("due", "last_review", "created_at", mode="before")
    @classmethod
    def _times_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, info.field_name or "time")


class CommentRecord(_Model):
    """A coach's comment on a shared interview."""

    author: str = Field(max_length=320)
    text: Text
    written_at: Instant

    @field_validator("written_at", mode="before")
    @classmethod
    def _written_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, "written_at")


class ShareRecord(_Model):
    """What the person shared with a coach on a hosted site (one interview, or their insights
    when ``interview_id`` is empty), when, whether it was revoked, and the coach's comments.
    The record of consent given: an import shares nothing again (consent is given anew on
    the site the export goes to)."""

    coach: str = Field(max_length=320)
    interview_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    shared_at: Instant
    revoked_at: Instant | None = None
    comments: list[CommentRecord] = Field(default_factory=list, max_length=MAX_RECORDS)

    @field_validator("shared_at", "revoked_at", mode="before")
    @classmethod
    def _shared_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, info.field_name or "time")


class Archive(_Model):
    """The whole database: ``afterword export --all`` writes it, ``import --all`` reads it."""

    format: Literal["afterword-export"]
    version: Literal[1]
    exported_at: Instant
    interviews: list[ExportedInterview] = Field(default_factory=list, max_length=MAX_RECORDS)
    stories: list[ExportedStory] = Field(default_factory=list, max_length=MAX_RECORDS)
    outbox: list[OutboxRecord] = Field(default_factory=list, max_length=MAX_RECORDS)
    practice: list[PracticeCardRecord] = Field(default_factory=list, max_length=MAX_RECORDS)
    shares: list[ShareRecord] = Field(default_factory=list, max_length=MAX_RECORDS)

    @field_validator("exported_at", mode="before")
    @classmethod
    def _exported_aware(cls, value: Any, info: ValidationInfo) -> Any:
        return _aware(value, info, "exported_at")

    @model_validator(mode="after")
    def _consistent(self) -> Archive:
        problems: list[str] = []
        problems += _duplicates("interviews", [(i.id, i.id) for i in self.interviews], "id")
        problems += _duplicates("stories", [(s.id, s.id) for s in self.stories], "id")
        problems += _duplicates(
            "stories", [(s.title.casefold(), s.title) for s in self.stories], "title"
        )
        problems += _duplicates("outbox", [(o.id, o.id) for o in self.outbox], "id")
        problems += _duplicates(
            "outbox", [(o.message_id, o.message_id) for o in self.outbox], "message_id"
        )
        problems += _duplicates(
            "outbox", [(o.idempotency_key, o.idempotency_key) for o in self.outbox], "key"
        )
        problems += _duplicates("practice", [(c.id, c.id) for c in self.practice], "id")
        problems += _duplicates("practice", [(c.key, c.key) for c in self.practice], "key")
        # Ids are kept on restore: a file gives them for all records of a kind, or for none
        # (a row without one would be numbered into a clash with a later row that has one).
        for where, given in (
            ("interviews", [i.id for i in self.interviews]),
            ("stories", [s.id for s in self.stories]),
            ("practice", [c.id for c in self.practice]),
        ):
            if None in given and any(i is not None for i in given):
                problems.append(f"{where}: give an id for every one, or for none")
        ids = {i.id for i in self.interviews}
        if self.outbox and None in ids:
            problems.append(
                "outbox: its records name interviews by id, and some interviews have none"
            )
        for number, record in enumerate(self.outbox):
            if record.interview_id not in ids:
                problems.append(
                    f"outbox.{number}.interview_id: there is no interview {record.interview_id} "
                    "in the file"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _duplicates(where: str, keys: list[tuple[object, object]], what: str) -> list[str]:
    seen: set[object] = set()
    problems = []
    for number, (key, shown) in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            problems.append(f"{where}.{number}.{what}: {shown!r} appears twice")
        seen.add(key)
    return problems


def build(
    exported_at: datetime,
    interviews: list[tuple[int, Interview]],
    stories: list[tuple[int, Story]],
    outbox: list[dict[str, Any]],
    practice: list[dict[str, Any]] | None = None,
    shares: list[dict[str, Any]] | None = None,
) -> Archive:
    """The archive of these records (interviews and stories with their ids)."""
    return Archive(
        format=FORMAT,
        version=VERSION,
        exported_at=exported_at,
        interviews=[
            ExportedInterview.model_validate(
                {"id": i, **DebriefFile.from_interview(item).model_dump()}
            )
            for i, item in interviews
        ],
        stories=[ExportedStory.model_validate({"id": i, **s.model_dump()}) for i, s in stories],
        outbox=[OutboxRecord.model_validate(record) for record in outbox],
        practice=[PracticeCardRecord.model_validate(card) for card in practice or []],
        shares=[ShareRecord.model_validate(share) for share in shares or []],
    )


def dump(archive: Archive) -> str:
    """The archive as JSON text; :func:`parse_archive_bytes` reads it back as it was."""

    def first_id(item: dict[str, Any]) -> dict[str, Any]:
        return {"id": item.pop("id"), **item} if "id" in item else item

    data = {
        "format": archive.format,
        "version": archive.version,
        "exported_at": archive.exported_at.isoformat(),
        "interviews": [
            first_id(i.model_dump(mode="json", exclude_defaults=True)) for i in archive.interviews
        ],
        "stories": [
            first_id(s.model_dump(mode="json", exclude_defaults=True)) for s in archive.stories
        ],
        "outbox": [o.model_dump(mode="json") for o in archive.outbox],
        "practice": [c.model_dump(mode="json") for c in archive.practice],
    }
    if archive.shares:  # hosted mode only: local mode has no coaches
        data["shares"] = [s.model_dump(mode="json") for s in archive.shares]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def parse_archive_bytes(raw: bytes, name: str) -> Archive:
    """Read and validate an export, or raise :class:`InputError` naming the file, the field
    and what is wrong."""
    if len(raw) > MAX_ARCHIVE_BYTES:
        raise InputError(
            f"{name}: the input is larger than {MAX_ARCHIVE_BYTES // 1_000_000} MB, "
            "more than an export of Afterword holds"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}:{exc.lineno}: not valid JSON ({exc.msg}); is the file complete? "
            "An export is one JSON document, as `afterword export --all` writes it"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{name}: nested too deeply to be an export") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        hint = (
            " (it looks like a single debrief file: import it with `afterword import FILE`)"
            if isinstance(data, dict) and "company" in data
            else ""
        )
        raise InputError(
            f'{name}: not an Afterword export (no "format": "{FORMAT}" at the top){hint}'
        )
    if data.get("version") != VERSION:
        raise InputError(
            f"{name}: an export of version {data.get('version')!r}; this Afterword reads "
            f"version {VERSION} (a newer Afterword may read it)"
        )
    try:
        return Archive.model_validate(data)
    except ValidationError as exc:
        raise InputError(_describe(exc, name, text)) from exc


# The Markdown report --------------------------------------------------------------------------

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})


def _md(text: str) -> str:
    """User text on one line of Markdown, shown as written (not read as markup)."""
    return " ".join(text.split()).translate(_SPECIAL)


def _quoted(text: str) -> list[str]:
    """Several lines of user text as a block quote."""
    return [f"> {line.translate(_SPECIAL)}".rstrip() for line in text.strip().splitlines()]


FEELINGS = {1: "very bad", 2: "bad", 3: "so-so", 4: "good", 5: "very good"}
KINDS = {
    "couldnt_answer": "couldn't answer",
    "could_be_better": "could be better",
    "forgot_to_mention": "forgot to mention",
    "went_well": "went well",
}


def to_markdown(archive: Archive) -> str:
    """A readable report of every interview, newest first: what happened, what went wrong,
    the better answers, the notes sent and when, and the lessons."""
    when = archive.exported_at.strftime("%d %b %Y")
    lines = [f"# Afterword: your interviews (as of {when})", ""]
    interviews = sorted(archive.interviews, key=lambda i: i.ended_at, reverse=True)
    if not interviews:
        lines += ["No interviews yet.", ""]
    for item in interviews:
        lines += _interview_markdown(item)
    lessons = [lesson for item in interviews for lesson in item.lessons if lesson.strip()]
    if lessons:
        lines += ["## Every lesson, newest first", ""]
        lines += [f"- [ ] {_md(lesson)}" for lesson in dict.fromkeys(lessons)]
        lines.append("")
    return "\n".join(lines)


def _interview_markdown(item: ExportedInterview) -> list[str]:
    lines = [f"## {_md(item.company)}: {_md(item.role)}", ""]
    facts = [f"- **When:** {item.ended_at.strftime('%a %d %b %Y, %H:%M (UTC%z)')}"]
    if item.stage:
        facts.append(f"- **Stage:** {_md(item.stage)} ({item.format.value})")
    if item.interviewers:
        people = ", ".join(
            _md(p.name) + (f" ({_md(p.title)})" if p.title else "") for p in item.interviewers
        )
        facts.append(f"- **With:** {people}")
    if item.feeling:
        facts.append(f"- **How it felt:** {item.feeling}/5 ({FEELINGS[item.feeling]})")
    if item.causes:
        facts.append("- **What went wrong:** " + "; ".join(c.label for c in item.causes))
    if item.cause_notes:
        facts.append(f"- **In your words:** {_md(item.cause_notes)}")
    if item.outcome:
        facts.append(f"- **Outcome:** {item.outcome.value.replace('_', ' ')}")
    lines += [*facts, ""]
    weak = [m for m in item.moments if m.kind.is_weak]
    if weak:
        lines += ["### The moments, and a better answer", ""]
        for number, moment in enumerate(weak, start=1):
            lines.append(f"{number}. **{_md(moment.question)}** ({KINDS[moment.kind.value]})")
            if moment.what_i_said:
                lines.append(f"   - What I said: {_md(moment.what_i_said)}")
            if moment.better_answer:
                lines += ["   - Better answer:", ""]
                lines += ["     " + q for q in _quoted(moment.better_answer)]
                lines.append("")
            if moment.stories:
                lines.append(f"   - Stories: {', '.join(_md(s) for s in moment.stories)}")
        lines.append("")
    sent = [
        (what, note)
        for what, notes in (("Thank-you note", item.notes), ("Check-in", item.check_ins))
        for note in notes
        if note.status is NoteStatus.sent
    ]
    if sent:
        lines += ["### Sent", ""]
        for what, note in sent:
            at = note.sent_at.strftime("%a %d %b %Y, %H:%M") if note.sent_at else "date unknown"
            subject = f": {_md(note.subject)}" if note.subject else ""
            lines += [f"- {what} to {_md(note.to)}, {at}{subject}", ""]
            lines += ["  " + q for q in _quoted(note.body)]
            lines.append("")
    if item.lessons:
        lines += ["### Lessons", ""]
        lines += [f"- {_md(lesson)}" for lesson in item.lessons if lesson.strip()]
        lines.append("")
    return lines
