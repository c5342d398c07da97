"""Repositories: the only place that maps between the domain model and table rows."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session, selectinload

from afterword.errors import ConflictError, InputError, NotFoundError
from afterword.model import (
    Cause,
    Debrief,
    Interview,
    Interviewer,
    InterviewFormat,
    Moment,
    MomentKind,
    Note,
    NoteStatus,
    Outcome,
    Person,
    Research,
    Story,
)
from afterword.store.tables import (
    LOCAL_OWNER,
    CheckInRow,
    InterviewerRow,
    InterviewRow,
    InterviewStoryRow,
    LessonRow,
    MomentRow,
    NoteRow,
    ResearchRow,
    StoryRow,
    UserRow,
)


def _offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def _in_offset(moment: datetime | None, minutes: int) -> datetime | None:
    if moment is None:
        return None
    return moment.astimezone(timezone(timedelta(minutes=minutes)))


M = TypeVar("M", bound=BaseModel)
#: A row of an email to an interviewer: a thank-you note or a check-in.
MailRow = TypeVar("MailRow", NoteRow, CheckInRow)


def _from_store(model: type[M], data: dict[str, Any]) -> M:
    """A stored record as the model. What was saved was valid when it was saved: when a later
    version's limits refuse it (a longer text than is now allowed), it is still read, as
    stored, rather than made unreadable; only a new save of it must meet the limits."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return model.model_construct(**data)


def _story_from_row(row: StoryRow) -> Story:
    return _from_store(
        Story,
        {
            "title": row.title,
            "situation": row.situation,
            "action": row.action,
            "result": row.result,
            "metrics": list(row.metrics or []),
            "skills": list(row.skills or []),
        },
    )


def _fill_story(row: StoryRow, story: Story) -> None:
    row.title = story.title
    row.situation = story.situation
    row.action = story.action
    row.result = story.result
    row.metrics = list(story.metrics)
    row.skills = list(story.skills)


def revision(session: Session | Connection, owner: int) -> int:
    """The counter every save of ``owner``'s records raises (``UserRow.revision``). Callers
    on a hot path pass a plain connection: an ORM session costs several times the query."""
    found = session.execute(select(UserRow.revision).where(UserRow.id == owner)).scalar()
    return int(found or 0)


def bump_revision(session: Session, owner: int) -> None:
    """Raise ``owner``'s counter, in the saving transaction: the increment happens in the
    database, so concurrent saves each count, and readers see it exactly when the save
    commits."""
    session.execute(
        update(UserRow).where(UserRow.id == owner).values(revision=UserRow.revision + 1)
    )


class StoryRepository:
    """One owner's experience library: every query is scoped to ``owner``, so that another
    owner's story is, to this repository, one that does not exist."""

    def __init__(self, session: Session, owner: int = LOCAL_OWNER) -> None:
        self.session = session
        self.owner = owner

    def list(self, search: str | None = None) -> list[tuple[int, Story]]:
        rows = self.session.scalars(
            select(StoryRow).where(StoryRow.owner_id == self.owner).order_by(StoryRow.title)
        ).all()
        stories = [(row.id, _story_from_row(row)) for row in rows]
        if search:
            needle = search.casefold()
            stories = [(i, s) for i, s in stories if needle in s.model_dump_json().casefold()]
        return stories

    def _row(self, story_id: int) -> StoryRow:
        row = self.session.scalars(
            select(StoryRow).where(StoryRow.id == story_id, StoryRow.owner_id == self.owner)
        ).first()
        if row is None:
            raise NotFoundError(f"there is no story {story_id} (see `afterword story list`)")
        return row

    def get(self, story_id: int) -> Story:
        return _story_from_row(self._row(story_id))

    def find(self, title: str) -> int | None:
        """The id of the story with this title (case-insensitive), if there is one."""
        folded = title.strip().casefold()
        query = select(StoryRow.id, StoryRow.title).where(StoryRow.owner_id == self.owner)
        for row_id, row_title in self.session.execute(query):
            if row_title.casefold() == folded:
                return int(row_id)
        return None

    def add(self, story: Story, story_id: int | None = None) -> int:
        """Add a story to the library (under ``story_id`` when given: a restore keeps ids)."""
        if self.find(story.title) is not None:
            raise InputError(f"a story titled {story.title!r} is already in your library")
        row = StoryRow(id=story_id, owner_id=self.owner)
        _fill_story(row, story)
        self.session.add(row)
        self.session.flush()
        bump_revision(self.session, self.owner)
        return row.id

    def update(self, story_id: int, story: Story) -> None:
        row = self._row(story_id)  # first: whether it is there at all (and this owner's)
        existing = self.find(story.title)
        if existing is not None and existing != story_id:
            raise InputError(f"another story is already titled {story.title!r}")
        if row.title != story.title:
            self._retitle_links(row.title, story.title)
        _fill_story(row, story)
        self.session.flush()
        bump_revision(self.session, self.owner)

    def _retitle_links(self, old: str, new: str) -> None:
        """Moments name the stories behind their better answers by title: a renamed story
        stays linked to them."""
        folded = old.casefold()
        mine = select(InterviewRow.id).where(InterviewRow.owner_id == self.owner)
        for moment in self.session.scalars(
            select(MomentRow).where(MomentRow.interview_id.in_(mine))
        ):
            titles = list(moment.story_titles or [])
            if any(t.casefold() == folded for t in titles):
                moment.story_titles = [new if t.casefold() == folded else t for t in titles]

    def delete(self, story_id: int) -> Story:
        row = self._row(story_id)
        story = _story_from_row(row)
        self.session.delete(row)
        self.session.flush()
        bump_revision(self.session, self.owner)
        return story

    def merge(self, story: Story) -> StoryRow:
        """Add a story, or reuse the one with its title, filling the fields it lacks."""
        found = self.find(story.title)
        if found is None:
            row = StoryRow(owner_id=self.owner)
            _fill_story(row, story)
            self.session.add(row)
            self.session.flush()
            return row
        row = self._row(found)
        row.situation = row.situation or story.situation
        row.action = row.action or story.action
        row.result = row.result or story.result
        row.metrics = list(dict.fromkeys([*(row.metrics or []), *story.metrics]))
        row.skills = list(dict.fromkeys([*(row.skills or []), *story.skills]))
        return row


class InterviewRepository:
    """One owner's interviews (and what hangs off them: notes, check-ins, the debrief):
    every query is scoped to ``owner``; another owner's interview is one that does not
    exist."""

    def __init__(self, session: Session, owner: int = LOCAL_OWNER) -> None:
        self.session = session
        self.owner = owner
        self.stories = StoryRepository(session, owner)

    def mine(self) -> Any:
        """The ids of this owner's interviews, as a subquery (for the tables under them)."""
        return select(InterviewRow.id).where(InterviewRow.owner_id == self.owner)

    def _row(self, interview_id: int, *, lock: bool = False) -> InterviewRow:
        # ``lock`` takes the row's write lock before anything of it is read (SELECT ... FOR
        # UPDATE on PostgreSQL; SQLite's writing transactions hold the database's), so that a
        # change computed from what was read cannot be overtaken by another save meanwhile.
        query = select(InterviewRow).where(
            InterviewRow.id == interview_id, InterviewRow.owner_id == self.owner
        )
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        row = self.session.scalars(query).first()
        if row is None:
            raise NotFoundError(f"there is no interview {interview_id} (see `afterword list`)")
        return row

    def lock(self, interview_id: int) -> None:
        """Take the interview's write lock for the rest of the transaction."""
        self._row(interview_id, lock=True)

    def version(self, interview_id: int) -> int:
        return self._row(interview_id).version

    def last_sender(self) -> Person | None:
        """The sender of the interview saved most recently, if one was given."""
        row = self.session.execute(
            select(InterviewRow.sender_name, InterviewRow.sender_email)
            .where(InterviewRow.owner_id == self.owner, InterviewRow.sender_name.is_not(None))
            .order_by(InterviewRow.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return _from_store(Person, {"name": row[0], "email": row[1]})

    def versions(self) -> dict[int, int]:
        """Every interview's version, by id."""
        rows = self.session.execute(
            select(InterviewRow.id, InterviewRow.version).where(InterviewRow.owner_id == self.owner)
        )
        return {int(i): int(v) for i, v in rows}

    def _touch(self, row: InterviewRow) -> None:
        # Set in Python, to the microsecond: the database's clock has whole seconds on SQLite.
        row.updated_at = datetime.now(UTC)
        row.version = (row.version or 0) + 1
        self.session.flush()
        bump_revision(self.session, self.owner)

    @staticmethod
    def _expect(what: str, expected: int | None, actual: int) -> None:
        if expected is not None and expected != actual:
            raise ConflictError(
                f"{what} was changed elsewhere (another tab or window, or the command line) "
                "since you opened it; nothing was saved, and the newer version is kept. "
                "Reload to see it."
            )

    def add(self, interview: Interview, interview_id: int | None = None) -> int:
        """Store a new interview (under ``interview_id`` when given: a restore keeps ids)."""
        row = InterviewRow(id=interview_id, owner_id=self.owner, version=0)
        self._fill(row, interview)
        self.session.add(row)
        self._touch(row)
        return row.id

    def replace(
        self, interview_id: int, interview: Interview, expected_version: int | None = None
    ) -> int:
        """Store a new version of the whole interview under the same id; refused when
        ``expected_version`` is given and the stored one is not it. Returns the new version."""
        row = self._row(interview_id, lock=True)
        self._expect(f"the {row.company} interview", expected_version, row.version)
        self._fill(row, interview)
        self._touch(row)
        return row.version

    def note(self, interview_id: int, to: str) -> tuple[Note, int] | None:
        """The note to ``to`` and its version, if there is one."""
        interview = self._row(interview_id)
        row = self._note_row(interview, to)
        if row is None:
            return None
        return self._note_model(row, interview.utc_offset_minutes or 0), row.version

    def save_note(
        self, interview_id: int, note: Note, expected_version: int | None = None
    ) -> tuple[Note, int]:
        """Save one note (only its row is written), a draft over a draft: refused when the
        stored note is newer than ``expected_version`` (0: there was none) or was sent."""
        row = self._row(interview_id, lock=True)
        existing = self._note_row(row, note.to)
        self._expect(
            f"the note to {note.to}", expected_version, existing.version if existing else 0
        )
        if existing is None:
            existing = NoteRow(to=note.to, version=0)
            row.notes.append(existing)
        elif existing.status == NoteStatus.sent.value:
            if (existing.subject, existing.body) == (note.subject, note.body):
                return self._note_model(existing, row.utc_offset_minutes or 0), existing.version
            raise InputError(
                f"the note to {existing.to} was already sent, and what went out is kept as it "
                "was; nothing was saved"
            )
        self._write_note(existing, note.model_copy(update={"status": NoteStatus.draft}))
        existing.version = (existing.version or 0) + 1
        self._touch(row)
        return self._note_model(existing, row.utc_offset_minutes or 0), existing.version

    def mark_sent(self, interview_id: int, to: str, when: datetime) -> tuple[Note, int]:
        """Record that the note to ``to`` went out at ``when``; the time of a note already
        recorded as sent is never replaced (the follow-up timing counts from it)."""
        row = self._row(interview_id, lock=True)
        existing = self._note_row(row, to)
        if existing is None:
            raise NotFoundError(f"there is no note to {to} yet")
        offset = row.utc_offset_minutes or 0
        if existing.status == NoteStatus.sent.value:
            sent_at = _in_offset(existing.sent_at, offset)
            raise InputError(
                f"the note to {existing.to} is already recorded as sent"
                + (f" ({sent_at:%a %d %b %Y, %H:%M})" if sent_at else "")
                + "; that time is kept"
            )
        if not existing.body.strip():
            raise InputError(f"the note to {to} is empty; write it before sending")
        existing.status = NoteStatus.sent.value
        existing.sent_at = when
        existing.version = (existing.version or 0) + 1
        self._touch(row)
        return self._note_model(existing, offset), existing.version

    def unmark_sent(
        self, interview_id: int, to: str, now: datetime, window: timedelta
    ) -> tuple[Note, int]:
        """Take back a "sent" recorded by mistake, within ``window`` of its time: after that,
        the record stands (the follow-up timing has started from it)."""
        row = self._row(interview_id, lock=True)
        existing = self._note_row(row, to)
        if existing is None or existing.status != NoteStatus.sent.value:
            raise InputError(f"the note to {to} is not marked as sent")
        if existing.sent_at is None or not timedelta(0) <= now - existing.sent_at <= window:
            raise InputError(
                f"the note to {existing.to} was marked as sent more than "
                f"{int(window.total_seconds() // 60)} minutes ago; that record is kept"
            )
        existing.status = NoteStatus.draft.value
        existing.sent_at = None
        existing.version = (existing.version or 0) + 1
        self._touch(row)
        return self._note_model(existing, row.utc_offset_minutes or 0), existing.version

    @staticmethod
    def _note_row(row: InterviewRow, to: str) -> NoteRow | None:
        folded = to.casefold()
        return next((n for n in row.notes if n.to.casefold() == folded), None)

    def delete(self, interview_id: int, remove_stories: Sequence[int] = ()) -> None:
        """Delete the interview; of ``remove_stories``, those no other interview uses go too."""
        only = {i for i, _ in self.stories_only_in(interview_id)}
        self.session.delete(self._row(interview_id))
        self.session.flush()
        for story_id in set(remove_stories) & only:
            self.stories.delete(story_id)
        bump_revision(self.session, self.owner)

    def stories_only_in(self, interview_id: int) -> builtins.list[tuple[int, str]]:
        """The stories (id, title) this interview uses and no other one does."""
        mine = select(InterviewStoryRow.story_id).where(
            InterviewStoryRow.interview_id == interview_id
        )
        shared = select(InterviewStoryRow.story_id).where(
            InterviewStoryRow.interview_id != interview_id
        )
        rows = self.session.execute(
            select(StoryRow.id, StoryRow.title)
            .where(
                StoryRow.owner_id == self.owner, StoryRow.id.in_(mine), StoryRow.id.not_in(shared)
            )
            .order_by(StoryRow.title)
        )
        return [(int(i), str(t)) for i, t in rows]

    def get(self, interview_id: int) -> Interview:
        return self._to_model(self._row(interview_id))

    def list(self, ids: Sequence[int] | None = None) -> list[tuple[int, Interview]]:
        """Interviews with their ids, newest first (only ``ids``, when given)."""
        query = (
            select(InterviewRow)
            .options(
                selectinload(InterviewRow.interviewers),
                selectinload(InterviewRow.moments),
                selectinload(InterviewRow.lessons),
                selectinload(InterviewRow.research),
                selectinload(InterviewRow.notes),
                selectinload(InterviewRow.check_ins),
                selectinload(InterviewRow.story_links).selectinload(InterviewStoryRow.story),
            )
            .where(InterviewRow.owner_id == self.owner)
            .order_by(InterviewRow.ended_at.desc(), InterviewRow.id.desc())
        )
        if ids is not None:
            query = query.where(InterviewRow.id.in_(ids))
        return [(row.id, self._to_model(row)) for row in self.session.scalars(query)]

    def _fill(self, row: InterviewRow, interview: Interview) -> None:
        row.company = interview.company
        row.role = interview.role
        row.stage = interview.stage
        row.format = interview.format.value
        row.started_at = interview.started_at
        row.ended_at = interview.ended_at
        row.utc_offset_minutes = _offset_minutes(interview.ended_at)
        row.decision_expected_by = interview.decision_expected_by
        row.timeline = interview.timeline
        row.sender_name = interview.sender.name if interview.sender else None
        row.sender_email = interview.sender.email if interview.sender else None
        debrief = interview.debrief
        row.feeling = debrief.feeling
        row.causes = [c.value for c in debrief.causes]
        row.cause_notes = debrief.cause_notes
        row.outcome = interview.outcome.value if interview.outcome else None
        row.interviewers = [
            InterviewerRow(
                position=i, name=p.name, title=p.title, email=p.email, topics=list(p.topics)
            )
            for i, p in enumerate(interview.interviewers)
        ]
        row.moments = [
            MomentRow(
                position=i,
                question=m.question,
                kind=m.kind.value,
                what_i_said=m.what_i_said,
                better_answer=m.better_answer,
                topic=m.topic,
                asked_by=m.asked_by,
                story_titles=list(m.stories),
            )
            for i, m in enumerate(debrief.moments)
        ]
        row.lessons = [LessonRow(position=i, text=t) for i, t in enumerate(debrief.lessons)]
        row.research = [
            ResearchRow(position=i, topic=r.topic, text=r.text, source=r.source)
            for i, r in enumerate(interview.research)
        ]
        self._link_stories(row, interview.stories)
        offset = row.utc_offset_minutes or 0
        row.notes = self._merge_mail(row.notes, interview.notes, NoteRow, offset, "note")
        row.check_ins = self._merge_mail(
            row.check_ins, interview.check_ins, CheckInRow, offset, "check-in"
        )

    def _link_stories(self, row: InterviewRow, stories: Sequence[Story]) -> None:
        # Reuse the link rows that stay: a new row with the same key would be inserted before
        # the old one is deleted, and clash with it.
        existing = {link.story_id: link for link in row.story_links}
        links: dict[int, InterviewStoryRow] = {}
        for story in stories:
            story_row = self.stories.merge(story)
            if story_row.id in links:
                continue
            link = existing.get(story_row.id) or InterviewStoryRow(
                story_id=story_row.id, story=story_row
            )
            link.position = len(links)
            links[story_row.id] = link
        row.story_links = list(links.values())

    def _merge_mail(
        self,
        rows: Sequence[MailRow],
        items: Sequence[Note],
        make: type[MailRow],
        offset: int,
        what: str,
    ) -> builtins.list[MailRow]:
        """The rows for ``items`` (notes, or check-ins), reusing the rows of those that stay,
        so their ids, versions and creation times survive an edit.

        A sent one is the record of what went out: a new version of the interview may leave
        it out (it is kept) or repeat it, but never change it. One whose interviewer was
        renamed comes back under the new name with the same content: its row (and version,
        and sent record) moves along with it. Rows are matched by name and, for several to
        one person (check-ins), by their order.
        """

        def keyed(names: Sequence[str]) -> builtins.list[tuple[str, int]]:
            seen: dict[str, int] = {}
            keys: builtins.list[tuple[str, int]] = []
            for name in names:
                folded = name.casefold()
                keys.append((folded, seen.get(folded, 0)))
                seen[folded] = seen.get(folded, 0) + 1
            return keys

        existing = dict(zip(keyed([r.to for r in rows]), rows, strict=True))
        incoming = keyed([item.to for item in items])
        left = [r for key, r in existing.items() if key not in set(incoming)]
        kept: builtins.list[MailRow] = []
        for key, item in zip(incoming, items, strict=True):
            mail_row = existing.pop(key, None)
            if mail_row is None:
                moved = next(
                    (
                        r
                        for r in left
                        if self._note_model(r, offset) == item.model_copy(update={"to": r.to})
                    ),
                    None,
                )
                if moved is not None:
                    left.remove(moved)
                    existing = {k: r for k, r in existing.items() if r is not moved}
                    moved.to = item.to
                    moved.version = (moved.version or 0) + 1
                    kept.append(moved)
                    continue
                mail_row = make(to=item.to, version=0)
            elif mail_row.status == NoteStatus.sent.value:
                if self._note_model(mail_row, offset) != item:
                    raise InputError(
                        f"the {what} to {mail_row.to} was already sent, and what went out is "
                        "kept as it was; leave it as it is (nothing was saved)"
                    )
                kept.append(mail_row)
                continue
            if mail_row.version == 0 or self._note_model(mail_row, offset) != item:
                self._write_note(mail_row, item)
                mail_row.version = (mail_row.version or 0) + 1
            kept.append(mail_row)
        kept += [r for r in existing.values() if r.status == NoteStatus.sent.value]
        return kept

    @staticmethod
    def _write_note(row: MailRow, note: Note) -> None:
        row.to = note.to
        row.subject = note.subject
        row.body = note.body
        row.status = note.status.value
        row.sent_at = note.sent_at

    @staticmethod
    def _note_model(row: NoteRow | CheckInRow, offset: int) -> Note:
        return _from_store(
            Note,
            {
                "to": row.to,
                "subject": row.subject,
                "body": row.body,
                "status": NoteStatus(row.status),
                "sent_at": _in_offset(row.sent_at, offset),
            },
        )

    def _to_model(self, row: InterviewRow) -> Interview:
        offset = row.utc_offset_minutes or 0
        debrief = _from_store(
            Debrief,
            {
                "feeling": row.feeling,
                "causes": [Cause(c) for c in row.causes or []],
                "cause_notes": row.cause_notes,
                "moments": [
                    _from_store(
                        Moment,
                        {
                            "question": m.question,
                            "kind": MomentKind(m.kind),
                            "what_i_said": m.what_i_said,
                            "better_answer": m.better_answer,
                            "topic": m.topic,
                            "asked_by": m.asked_by,
                            "stories": m.story_titles or [],
                        },
                    )
                    for m in row.moments
                ],
                "lessons": [lesson.text for lesson in row.lessons],
            },
        )
        return _from_store(
            Interview,
            {
                "company": row.company,
                "role": row.role,
                "stage": row.stage,
                "format": InterviewFormat(row.format),
                "started_at": _in_offset(row.started_at, offset),
                "ended_at": _in_offset(row.ended_at, offset),
                "decision_expected_by": row.decision_expected_by,
                "timeline": row.timeline,
                "sender": _from_store(Person, {"name": row.sender_name, "email": row.sender_email})
                if row.sender_name
                else None,
                "interviewers": [
                    _from_store(
                        Interviewer,
                        {"name": p.name, "title": p.title, "email": p.email, "topics": p.topics},
                    )
                    for p in row.interviewers
                ],
                "debrief": debrief,
                "research": [
                    _from_store(Research, {"topic": r.topic, "text": r.text, "source": r.source})
                    for r in row.research
                ],
                "stories": [_story_from_row(link.story) for link in row.story_links],
                "notes": [self._note_model(n, offset) for n in row.notes],
                "check_ins": [self._note_model(c, offset) for c in row.check_ins],
                "outcome": Outcome(row.outcome) if row.outcome else None,
            },
        )
