"""Accounts, their sessions and invitations (hosted mode): the rows, and nothing of what a
password or a token is (see :mod:`afterword.accounts`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from afterword.store.tables import LOCAL_OWNER, InviteRow, PasswordResetRow, SessionRow, UserRow


@dataclass(frozen=True, slots=True)
class User:
    """An account as the app sees it: never its password hash."""

    id: int
    email: str
    role: str
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_coach(self) -> bool:
        return self.role == "coach"


def _user(row: UserRow) -> User:
    return User(row.id, row.email or "", row.role, row.active)


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def row_by_email(self, email: str, *, lock: bool = False) -> UserRow | None:
        query = select(UserRow).where(UserRow.email == email, UserRow.id != LOCAL_OWNER)
        return self.session.scalars(query.with_for_update() if lock else query).first()

    def row(self, user_id: int, *, lock: bool = False) -> UserRow | None:
        query = select(UserRow).where(UserRow.id == user_id, UserRow.id != LOCAL_OWNER)
        return self.session.scalars(query.with_for_update() if lock else query).first()

    def add(self, email: str, password_hash: str, role: str, now: datetime) -> User:
        row = UserRow(
            email=email,
            password_hash=password_hash,
            role=role,
            active=True,
            failed_logins=0,
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return _user(row)

    def users(self) -> list[User]:
        """Every account (not the local owner), by email."""
        rows = self.session.scalars(
            select(UserRow).where(UserRow.id != LOCAL_OWNER).order_by(UserRow.email)
        )
        return [_user(row) for row in rows]

    def count(self) -> int:
        return len(self.users())

    # Sessions ---------------------------------------------------------------------------------

    def add_session(self, digest: str, user_id: int, now: datetime, expires: datetime) -> None:
        self.session.add(
            SessionRow(
                id=digest, user_id=user_id, created_at=now, last_seen_at=now, expires_at=expires
            )
        )
        self.session.flush()

    def session_user(self, digest: str, now: datetime) -> User | None:
        """The active account a live session belongs to, if any."""
        row = self.session.scalars(
            select(UserRow)
            .join(SessionRow, SessionRow.user_id == UserRow.id)
            .where(SessionRow.id == digest, SessionRow.expires_at > now, UserRow.active)
        ).first()
        return _user(row) if row is not None else None

    def drop_session(self, digest: str) -> None:
        self.session.execute(delete(SessionRow).where(SessionRow.id == digest))

    def drop_sessions(self, user_id: int, keep: str | None = None) -> int:
        """End every session of the account (but ``keep``); how many there were."""
        query = delete(SessionRow).where(SessionRow.user_id == user_id)
        if keep is not None:
            query = query.where(SessionRow.id != keep)
        return int(self.session.execute(query).rowcount or 0)  # type: ignore[attr-defined]

    def drop_expired_sessions(self, user_id: int, now: datetime) -> None:
        self.session.execute(
            delete(SessionRow).where(SessionRow.user_id == user_id, SessionRow.expires_at <= now)
        )

    def sessions(self, user_id: int) -> int:
        return len(
            self.session.scalars(select(SessionRow.id).where(SessionRow.user_id == user_id)).all()
        )

    # Invitations ------------------------------------------------------------------------------

    def add_invite(
        self, digest: str, email: str, by: int | None, now: datetime, expires: datetime
    ) -> None:
        self.session.add(
            InviteRow(id=digest, email=email, created_by=by, created_at=now, expires_at=expires)
        )
        self.session.flush()

    def invite(self, digest: str, *, lock: bool = False) -> InviteRow | None:
        query = select(InviteRow).where(InviteRow.id == digest)
        return self.session.scalars(query.with_for_update() if lock else query).first()

    # Password resets --------------------------------------------------------------------------

    def add_reset(self, digest: str, user_id: int, now: datetime, expires: datetime) -> None:
        self.session.add(
            PasswordResetRow(id=digest, user_id=user_id, created_at=now, expires_at=expires)
        )
        self.session.flush()

    def reset(self, digest: str, *, lock: bool = False) -> PasswordResetRow | None:
        query = select(PasswordResetRow).where(PasswordResetRow.id == digest)
        return self.session.scalars(query.with_for_update() if lock else query).first()

    def latest_reset(self, user_id: int) -> datetime | None:
        """When the account's latest link to set a new password was made, if ever."""
        return self.session.scalars(
            select(PasswordResetRow.created_at)
            .where(PasswordResetRow.user_id == user_id)
            .order_by(PasswordResetRow.created_at.desc())
        ).first()

    def drop_expired_resets(self, user_id: int, now: datetime) -> None:
        self.session.execute(
            delete(PasswordResetRow).where(
                PasswordResetRow.user_id == user_id, PasswordResetRow.expires_at <= now
            )
        )

    def drop_resets(self, user_id: int) -> None:
        """Every link of the account stops working (one was used, or the password changed)."""
        self.session.execute(delete(PasswordResetRow).where(PasswordResetRow.user_id == user_id))
