"""Shares and comments (hosted mode): what a member lets a coach read, seen from each side.

Both repositories are scoped like the others: :class:`ShareRepository` to the member who
shares (their own shares only), :class:`CoachRepository` to the coach, who reaches a member's
records only through a share that exists, is not revoked, was given to this very coach (still
a coach, and active) by a member still active. Anything else is, to the coach, a record that
does not exist (:class:`NotFoundError`, which the web answers 404, never 403)."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from afterword.errors import NotFoundError
from afterword.model import Interview
from afterword.store.repository import InterviewRepository
from afterword.store.tables import CommentRow, InterviewRow, ShareRow, UserRow


@dataclass(frozen=True, slots=True)
class Share:
    """One standing share: who gave it to whom, and what it covers (an interview, whose
    company and role are given, or, with ``interview_id`` None, the member's insights)."""

    id: int
    owner_id: int
    owner_email: str
    coach_email: str
    interview_id: int | None
    company: str | None
    role: str | None
    created_at: datetime

    @property
    def what(self) -> str:
        if self.interview_id is None:
            return "insights"
        return f"the {self.company} interview ({self.role})"


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    author_email: str
    text: str
    created_at: datetime


_owner = aliased(UserRow, name="owner")
_coach = aliased(UserRow, name="coach")


def _standing() -> Any:
    """Shares not revoked, with the emails of both sides and what they cover."""
    return (
        select(ShareRow, _owner.email, _coach.email, InterviewRow.company, InterviewRow.role)
        .join(_owner, _owner.id == ShareRow.owner_id)
        .join(_coach, _coach.id == ShareRow.coach_id)
        .outerjoin(InterviewRow, InterviewRow.id == ShareRow.interview_id)
        .where(ShareRow.revoked_at.is_(None))
        .order_by(ShareRow.created_at.desc(), ShareRow.id.desc())
    )


def _live() -> Any:
    """Shares a coach can read through: standing, given by an active member to an active
    account that is a coach still."""
    return _standing().where(_owner.active, _coach.active, _coach.role == "coach")


def _shares(session: Session, query: Any) -> list[Share]:
    return [
        Share(
            row.id,
            row.owner_id,
            owner or "",
            coach or "",
            row.interview_id,
            company,
            role,
            row.created_at,
        )
        for row, owner, coach, company, role in session.execute(query)
    ]


def _comments(session: Session, share_ids: Sequence[int]) -> list[Comment]:
    rows = session.execute(
        select(CommentRow, UserRow.email)
        .join(UserRow, UserRow.id == CommentRow.author_id)
        .where(CommentRow.share_id.in_(share_ids))
        .order_by(CommentRow.created_at, CommentRow.id)
    )
    return [Comment(row.id, email or "", row.text, row.created_at) for row, email in rows]


class ShareRepository:
    """One member's shares: every query is scoped to ``owner``."""

    def __init__(self, session: Session, owner: int) -> None:
        self.session = session
        self.owner = owner

    def coach(self, email: str) -> int | None:
        """The id of the active coach with this email, if there is one."""
        found = self.session.scalars(
            select(UserRow.id).where(
                UserRow.email == email, UserRow.role == "coach", UserRow.active
            )
        ).first()
        return int(found) if found is not None else None

    def add(self, coach_id: int, interview_id: int | None, now: datetime) -> tuple[int, bool]:
        """Share the interview (one of the owner's: else :class:`NotFoundError`), or the
        insights, with the coach; a share that stands already is kept. Returns its id and
        whether it is new."""
        if interview_id is not None:
            InterviewRepository(self.session, self.owner).lock(interview_id)
        standing = self.session.scalars(
            select(ShareRow.id).where(
                ShareRow.owner_id == self.owner,
                ShareRow.coach_id == coach_id,
                ShareRow.revoked_at.is_(None),
                ShareRow.interview_id.is_(None)
                if interview_id is None
                else ShareRow.interview_id == interview_id,
            )
        ).first()
        if standing is not None:
            return int(standing), False
        row = ShareRow(
            owner_id=self.owner, coach_id=coach_id, interview_id=interview_id, created_at=now
        )
        self.session.add(row)
        self.session.flush()
        return row.id, True

    def get(self, share_id: int) -> Share:
        """One of the owner's standing shares."""
        found = _shares(
            self.session,
            _standing().where(ShareRow.id == share_id, ShareRow.owner_id == self.owner),
        )
        if not found:
            raise NotFoundError(f"there is no share {share_id}")
        return found[0]

    def revoke(self, share_id: int, now: datetime) -> Share:
        """End one of the owner's shares, from this moment (the coach's next request finds
        nothing, comments included)."""
        share = self.get(share_id)
        self.session.execute(
            update(ShareRow)
            .where(
                ShareRow.id == share_id,
                ShareRow.owner_id == self.owner,
                ShareRow.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        return share

    def list(self) -> list[Share]:
        """The owner's standing shares, newest first."""
        return _shares(self.session, _standing().where(ShareRow.owner_id == self.owner))

    def comments(self, interview_id: int) -> builtins.list[Comment]:
        """The comments coaches left on one of the owner's interviews, under shares that
        stand."""
        ids = [
            s.id
            for s in _shares(
                self.session,
                _standing().where(
                    ShareRow.owner_id == self.owner, ShareRow.interview_id == interview_id
                ),
            )
        ]
        return _comments(self.session, ids)


class CoachRepository:
    """What one coach can reach: only through shares that stand, given to them."""

    def __init__(self, session: Session, coach: int) -> None:
        self.session = session
        self.coach = coach

    def _mine(self) -> Any:
        return _live().where(ShareRow.coach_id == self.coach)

    def list(self) -> list[Share]:
        """Everything shared with the coach, newest first."""
        return _shares(self.session, self._mine())

    def share_for(self, interview_id: int) -> Share:
        """The standing share of this interview with the coach (else it does not exist)."""
        found = _shares(self.session, self._mine().where(ShareRow.interview_id == interview_id))
        if not found:
            raise NotFoundError(f"there is no interview {interview_id} shared with you")
        return found[0]

    def interview(self, interview_id: int) -> tuple[Share, Interview, builtins.list[Comment]]:
        """A shared interview (read through its owner's repository, scoped to them), and the
        comments on it."""
        share = self.share_for(interview_id)
        interview = InterviewRepository(self.session, share.owner_id).get(interview_id)
        return share, interview, _comments(self.session, [share.id])

    def interviews_for_insights(
        self, member_id: int
    ) -> tuple[Share, builtins.list[tuple[int, Interview]]]:
        """A member's interviews, when they shared their insights with the coach: for the
        insights only (the pages show what the insights say, not the interviews)."""
        found = _shares(
            self.session,
            self._mine().where(ShareRow.owner_id == member_id, ShareRow.interview_id.is_(None)),
        )
        if not found:
            raise NotFoundError(f"there are no insights of account {member_id} shared with you")
        return found[0], InterviewRepository(self.session, member_id).list()

    def comment(self, interview_id: int, text: str, now: datetime) -> Comment:
        share = self.share_for(interview_id)
        row = CommentRow(share_id=share.id, author_id=self.coach, text=text, created_at=now)
        self.session.add(row)
        self.session.flush()
        email = self.session.scalar(select(UserRow.email).where(UserRow.id == self.coach))
        return Comment(row.id, email or "", row.text, row.created_at)
