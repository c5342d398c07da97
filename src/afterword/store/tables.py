"""The database schema. Any change here needs an Alembic migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware instant, stored in UTC: SQLite keeps no zone and would hand back naive times."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Named constraints keep migrations portable between SQLite (batch mode) and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


#: The one owner of everything in local mode (a row of ``users`` that cannot log in).
LOCAL_OWNER = 1


class UserRow(Base):
    """A person with an account (hosted mode), or the one implicit owner of local mode."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Folded to lower case: the name a person logs in with. None for the local owner.
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    #: An argon2id hash (None: no password, so no login at all).
    password_hash: Mapped[str | None] = mapped_column(String(200))
    #: ``member``, ``coach`` (reads what members share with them, and nothing else), ``admin``
    #: (invites, deactivates, makes coaches; reads nobody's notes) or ``local``.
    role: Mapped[str] = mapped_column(String(20), default="member")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    #: Failed logins in a row, and until when logging in is refused after too many: per
    #: account, in the database, so that every worker counts the same tries.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Raised by every save of this owner's records: a cache of them tells, in one cheap
    #: query, whether anything changed since it was filled, whichever worker (or host) saved,
    #: and one owner's saves neither empty another's caches nor queue behind them.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SessionRow(Base):
    """A logged-in browser. The cookie holds a random token; only its SHA-256 is kept, so a
    copy of the database cannot be used to log in."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class InviteRow(Base):
    """An admin's invitation to make an account (when sign-up is not open to all); as with
    sessions, only the token's SHA-256 is kept."""

    __tablename__ = "invites"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PasswordResetRow(Base):
    """A link to set a new password, for someone who forgot theirs: mailed to them, or
    printed for the operator to hand over. Only the token's SHA-256 is kept; it works once."""

    __tablename__ = "password_resets"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ShareRow(Base):
    """A member's consent for a coach to read one interview (``interview_id``) or their
    insights (``interview_id`` None). Revoking sets ``revoked_at``: the row stays, as the
    record of what was shared and when, but from that moment the coach reaches nothing
    through it, its comments included."""

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CommentRow(Base):
    """A coach's comment on a shared interview; shown to the member, and to the coach, only
    while the share it was written under stands."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    share_id: Mapped[int] = mapped_column(ForeignKey("shares.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


def _owner() -> Mapped[int]:
    # No default: a record written without saying whose it is fails, rather than becoming
    # someone's by accident.
    return mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class InterviewRow(Base):
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Whose it is: every query of the repositories is scoped to one owner.
    owner_id: Mapped[int] = _owner()
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(20))
    # Instants are stored in UTC; the offset the user gave is kept to show and export them
    # as entered.
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer, default=0)
    decision_expected_by: Mapped[date | None] = mapped_column(Date)
    timeline: Mapped[str | None] = mapped_column(Text)
    sender_name: Mapped[str | None] = mapped_column(String(200))
    sender_email: Mapped[str | None] = mapped_column(String(320))
    feeling: Mapped[int | None] = mapped_column(Integer)
    causes: Mapped[list[str]] = mapped_column(JSON, default=list)
    cause_notes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(20))
    #: Raised by every save of the interview or anything in it: a client that read version N
    #: can ask to save only if nothing changed since (optimistic concurrency).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), server_default=func.now(), onupdate=func.now()
    )

    interviewers: Mapped[list[InterviewerRow]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        order_by="InterviewerRow.position",
    )
    moments: Mapped[list[MomentRow]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="MomentRow.position"
    )
    research: Mapped[list[ResearchRow]] = relationship(
        cascade="all, delete-orphan", order_by="ResearchRow.position"
    )
    lessons: Mapped[list[LessonRow]] = relationship(
        cascade="all, delete-orphan", order_by="LessonRow.position"
    )
    story_links: Mapped[list[InterviewStoryRow]] = relationship(
        cascade="all, delete-orphan", order_by="InterviewStoryRow.position"
    )
    notes: Mapped[list[NoteRow]] = relationship(cascade="all, delete-orphan", order_by="NoteRow.id")
    check_ins: Mapped[list[CheckInRow]] = relationship(
        cascade="all, delete-orphan", order_by="CheckInRow.id"
    )


class InterviewerRow(Base):
    __tablename__ = "interviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(320))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)

    interview: Mapped[InterviewRow] = relationship(back_populates="interviewers")


class MomentRow(Base):
    __tablename__ = "moments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30))
    what_i_said: Mapped[str | None] = mapped_column(Text)
    better_answer: Mapped[str | None] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(Text)
    asked_by: Mapped[str | None] = mapped_column(String(200))
    story_titles: Mapped[list[str]] = mapped_column(JSON, default=list)

    interview: Mapped[InterviewRow] = relationship(back_populates="moments")


class StoryRow(Base):
    """The user's experience library; titles are unique per owner (imports de-duplicate by
    title)."""

    __tablename__ = "stories"
    __table_args__ = (UniqueConstraint("owner_id", "title", name="uq_stories_owner_title"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = _owner()
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    metrics: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), server_default=func.now(), onupdate=func.now()
    )


class InterviewStoryRow(Base):
    """The stories an interview's debrief draws on (the ``stories`` of its debrief file)."""

    __tablename__ = "interview_stories"

    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True
    )
    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)

    story: Mapped[StoryRow] = relationship()


class ResearchRow(Base):
    __tablename__ = "research"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)


class LessonRow(Base):
    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class _Mail:
    """The columns of an email to an interviewer: a thank-you note, or a check-in."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    to: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Raised by every save of it (see :attr:`InterviewRow.version`).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), server_default=func.now(), onupdate=func.now()
    )


class NoteRow(_Mail, Base):
    __tablename__ = "notes"


class CheckInRow(_Mail, Base):
    """A later follow-up email to an interviewer; the same shape as a note."""

    __tablename__ = "check_ins"


class OutboxRow(Base):
    """One attempt to send an email (a thank-you note or a check-in) over SMTP.

    Written, and committed, before the SMTP transaction opens: whatever happens to the
    connection, the attempt is on record. ``state`` goes from ``sending`` to ``sent``,
    ``failed`` (nothing was accepted; the note stays a draft) or ``unknown`` (the connection
    dropped after the message was handed over: it may have gone out, and is never re-sent
    blindly). ``idempotency_key`` is unique: derived from the interview, the kind, the
    recipient, the note's version and the attempts before, so that one attempt is never made
    twice. The subject and body are what went out (or was to), kept as the record.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    to: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    message_id: Mapped[str] = mapped_column(String(250), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    note_version: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="sending")
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PracticeCardRow(Base):
    """One question to practise, scheduled by FSRS (see :mod:`afterword.practice`).

    ``key`` names the question, not a moment (moments have no ids of their own): the
    question as compared word for word, hashed; the card is shown for the question-bank group
    that holds that wording. The FSRS card's fields are columns, so that what is due is one
    query on ``due``. A card outlives its moments: when none is left, it is kept (with its
    reviews) but no longer shown.
    """

    __tablename__ = "practice_cards"
    __table_args__ = (UniqueConstraint("owner_id", "key", name="uq_practice_cards_owner_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = _owner()
    key: Mapped[str] = mapped_column(String(64))
    #: The wording the card was made for (the record; what is shown is the latest wording).
    question: Mapped[str] = mapped_column(Text)
    #: FSRS: 1 learning, 2 review, 3 relearning.
    state: Mapped[int] = mapped_column(Integer, default=1)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: How many reviews it has had: a rating sent twice (a double click, a second tab) is
    #: recorded once.
    reviews: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PracticeReviewRow(Base):
    """One review of a practice card: the rating, when, and the answer typed, if any."""

    __tablename__ = "practice_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("practice_cards.id", ondelete="CASCADE"), index=True
    )
    #: FSRS: 1 again, 2 hard, 3 good, 4 easy.
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    answer: Mapped[str | None] = mapped_column(Text)
