"""The whole database out (every interview, the story library, the outbox, the practice
deck) and back in.

A restore writes in the caller's one transaction: an error anywhere leaves nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from afterword.archive import Archive
from afterword.errors import InputError
from afterword.model import Interview, Story
from afterword.store.repository import (
    InterviewRepository,
    StoryRepository,
    _story_from_row,
    bump_revision,
)
from afterword.store.tables import (
    LOCAL_OWNER,
    CommentRow,
    InterviewRow,
    OutboxRow,
    PracticeCardRow,
    PracticeReviewRow,
    ShareRow,
    StoryRow,
    UserRow,
)

#: The outbox's columns, as an export names them.
_OUTBOX_FIELDS = (
    "id",
    "interview_id",
    "kind",
    "to",
    "email",
    "message_id",
    "idempotency_key",
    "note_version",
    "subject",
    "body",
    "state",
    "error",
    "created_at",
    "finished_at",
)
_CARD_FIELDS = (
    "id",
    "key",
    "question",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reviews",
    "created_at",
)


@dataclass(frozen=True, slots=True)
class Everything:
    """The records an export holds, each with its id."""

    interviews: list[tuple[int, Interview]]
    stories: list[tuple[int, Story]]
    outbox: list[dict[str, Any]]
    practice: list[dict[str, Any]]
    shares: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore (or merge) wrote."""

    interviews: int
    stories: int
    outbox: int
    practice: int
    #: Shares with coaches in the export, which a restore does not give again.
    shares: int = 0

    def shares_note(self) -> str:
        """What the person should know about the shares a restore left out (or nothing)."""
        if not self.shares:
            return ""
        return (
            f" The export records {_plural(self.shares, 'share')} with coaches: none is given "
            "again here (share again from the Sharing page if you wish)."
        )


def read_everything(session: Session, owner: int = LOCAL_OWNER) -> Everything:
    """Every record of ``owner``, in the order of its id (call it in one transaction, for a
    consistent picture)."""
    if session.get_bind().dialect.name == "postgresql":
        # One snapshot for every query, not one per statement (before any of them runs).
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    repository = InterviewRepository(session, owner)
    interviews = sorted(repository.list(), key=lambda pair: pair[0])
    stories = [
        (row.id, _story_from_row(row))
        for row in session.scalars(
            select(StoryRow).where(StoryRow.owner_id == owner).order_by(StoryRow.id)
        )
    ]
    outbox = [
        {name: getattr(row, name) for name in _OUTBOX_FIELDS}
        for row in session.scalars(
            select(OutboxRow)
            .where(OutboxRow.interview_id.in_(repository.mine()))
            .order_by(OutboxRow.id)
        )
    ]
    cards = select(PracticeCardRow.id).where(PracticeCardRow.owner_id == owner)
    history: dict[int, list[dict[str, Any]]] = {}
    for review in session.scalars(
        select(PracticeReviewRow)
        .where(PracticeReviewRow.card_id.in_(cards))
        .order_by(PracticeReviewRow.id)
    ):
        history.setdefault(review.card_id, []).append(
            {"rating": review.rating, "reviewed_at": review.reviewed_at, "answer": review.answer}
        )
    practice = [
        {**{name: getattr(row, name) for name in _CARD_FIELDS}, "history": history.get(row.id, [])}
        for row in session.scalars(
            select(PracticeCardRow)
            .where(PracticeCardRow.owner_id == owner)
            .order_by(PracticeCardRow.id)
        )
    ]
    return Everything(interviews, stories, outbox, practice, _shares(session, owner))


def _shares(session: Session, owner: int) -> list[dict[str, Any]]:
    """What ``owner`` shared with coaches, revoked shares included (the record of consent),
    each with the coaches' comments while it stands (a revoked share's comments are hidden
    from everyone, on the site and here)."""
    coach = aliased(UserRow)
    author = aliased(UserRow)
    comments: dict[int, list[dict[str, Any]]] = {}
    for share_id, email, text_, written in session.execute(
        select(CommentRow.share_id, author.email, CommentRow.text, CommentRow.created_at)
        .join(ShareRow, ShareRow.id == CommentRow.share_id)
        .join(author, author.id == CommentRow.author_id)
        .where(ShareRow.owner_id == owner, ShareRow.revoked_at.is_(None))
        .order_by(CommentRow.id)
    ):
        comments.setdefault(share_id, []).append(
            {"author": email or "", "text": text_, "written_at": written}
        )
    return [
        {
            "coach": email or "",
            "interview_id": row.interview_id,
            "shared_at": row.created_at,
            "revoked_at": row.revoked_at,
            "comments": comments.get(row.id, []),
        }
        for row, email in session.execute(
            select(ShareRow, coach.email)
            .join(coach, coach.id == ShareRow.coach_id)
            .where(ShareRow.owner_id == owner)
            .order_by(ShareRow.id)
        )
    ]


def counts(session: Session, owner: int = LOCAL_OWNER) -> dict[str, int]:
    """How many interviews, stories, send attempts and practice cards ``owner`` has."""
    mine = select(InterviewRow.id).where(InterviewRow.owner_id == owner)

    def count(table: Any, *where: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)

    return {
        "interviews": count(InterviewRow, InterviewRow.owner_id == owner),
        "stories": count(StoryRow, StoryRow.owner_id == owner),
        "outbox": count(OutboxRow, OutboxRow.interview_id.in_(mine)),
        "practice": count(PracticeCardRow, PracticeCardRow.owner_id == owner),
    }


_MERGE = "add them to what is there with `afterword import --all --merge FILE`"


def refuse_unless_empty(session: Session, owner: int = LOCAL_OWNER) -> None:
    found = counts(session, owner)
    if found["interviews"]:
        raise InputError(
            f"the database already has {_plural(found['interviews'], 'interview')}; "
            f"nothing was written. Restore into an empty database, or {_MERGE}"
        )
    if found["stories"]:
        raise InputError(
            f"the database already has {_plural(found['stories'], 'story', 'stories')} in its "
            f"library; nothing was written. Restore into an empty database, or {_MERGE}"
        )
    if found["outbox"]:
        raise InputError(
            f"the database already has {_plural(found['outbox'], 'send attempt')} on record; "
            "nothing was written. Restore into an empty database"
        )
    if found["practice"]:
        raise InputError(
            f"the database already has {_plural(found['practice'], 'practice card')}; "
            f"nothing was written. Restore into an empty database, or {_MERGE}"
        )


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def restore(
    session: Session, archive: Archive, *, merge: bool = False, owner: int = LOCAL_OWNER
) -> Restored:
    """Write the archive into the database: an empty one, keeping every id (refused when
    anything is there), or, with ``merge``, alongside what is there: the interviews added as
    new ones, the stories merged by title as an import does, and send attempts already on
    record (by message id) left as they are.

    Only the local owner's restore keeps ids: in a database shared by several people, the
    ids of one person's export may be another's records, so an account's restore gets new
    ones (as a merge does)."""
    if not merge:
        refuse_unless_empty(session, owner)
    keep_ids = not merge and owner == LOCAL_OWNER
    stories = StoryRepository(session, owner)
    interviews = InterviewRepository(session, owner)
    added_stories = 0
    for story in archive.stories:
        plain = Story.model_validate(story.model_dump(exclude={"id"}))
        if merge:
            if stories.find(plain.title) is None:
                added_stories += 1
            stories.merge(plain)
        else:
            stories.add(plain, story.id if keep_ids else None)
            added_stories += 1
    ids: dict[int | None, int] = {}
    for item in archive.interviews:
        new_id = interviews.add(item.to_interview(), item.id if keep_ids else None)
        ids[item.id] = new_id
    added_outbox = 0
    mine = OutboxRow.interview_id.in_(interviews.mine())
    known = set(session.scalars(select(OutboxRow.message_id).where(mine))) if merge else set()
    keys = set(session.scalars(select(OutboxRow.idempotency_key).where(mine))) if merge else set()
    for record in archive.outbox:
        if record.message_id in known or record.idempotency_key in keys:
            continue
        data = record.model_dump()
        data["interview_id"] = ids[record.interview_id]
        if not keep_ids:
            data["id"] = None
        session.add(OutboxRow(**data))
        added_outbox += 1
    added_cards = 0
    have = (
        set(session.scalars(select(PracticeCardRow.key).where(PracticeCardRow.owner_id == owner)))
        if merge
        else set()
    )
    for card in archive.practice:
        if card.key in have:  # merged: the card on record keeps its own schedule
            continue
        data = card.model_dump(exclude={"history"})
        if not keep_ids:
            data["id"] = None
        row = PracticeCardRow(**data, owner_id=owner)
        session.add(row)
        session.flush()
        session.add_all(
            PracticeReviewRow(card_id=row.id, **review.model_dump()) for review in card.history
        )
        added_cards += 1
    session.flush()
    if keep_ids:
        _advance_sequences(session)
    # Practice cards and send attempts are written here directly, and a merge may only fill
    # in stories: the owner's caches must learn of all of it.
    bump_revision(session, owner)
    return Restored(
        len(archive.interviews), added_stories, added_outbox, added_cards, len(archive.shares)
    )


def _advance_sequences(session: Session) -> None:
    """PostgreSQL hands out ids from sequences, which rows written with their own ids do not
    move on: set each past the largest id, so that the next row gets a fresh one. (SQLite
    takes the largest id plus one by itself.)"""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("interviews", "stories", "outbox", "practice_cards"):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )
