"""The outbox: every attempt to send an email over SMTP, recorded before it is made.

See :class:`afterword.store.tables.OutboxRow` for the states. This repository keeps the
record, and on success marks the note (or check-in) sent in the same transaction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from afterword.errors import NotFoundError
from afterword.model import NoteStatus
from afterword.store.repository import bump_revision
from afterword.store.tables import LOCAL_OWNER, CheckInRow, InterviewRow, NoteRow, OutboxRow

Kind = Literal["thank_you", "check_in"]
OutboxState = Literal["sending", "sent", "failed", "unknown"]

#: An attempt still "sending" after this long was cut off (the program stopped, the machine
#: slept): whether it went out is not known.
STALE_SENDING = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One attempt to send, as recorded."""

    id: int
    interview_id: int
    kind: Kind
    to: str
    email: str
    message_id: str
    idempotency_key: str
    note_version: int
    subject: str
    body: str
    state: OutboxState
    error: str | None
    created_at: datetime
    finished_at: datetime | None


def _entry(row: OutboxRow) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        interview_id=row.interview_id,
        kind=row.kind,  # type: ignore[arg-type]
        to=row.to,
        email=row.email,
        message_id=row.message_id,
        idempotency_key=row.idempotency_key,
        note_version=row.note_version,
        subject=row.subject,
        body=row.body,
        state=row.state,  # type: ignore[arg-type]
        error=row.error,
        created_at=row.created_at,
        finished_at=row.finished_at,
    )


def idempotency_key(interview_id: int, kind: str, to: str, version: int, earlier: int) -> str:
    """The key of one attempt: the interview, the kind, the recipient, the note's version,
    and how many attempts to that person came before (so that, once one is known not to have
    gone out, a new one gets a key of its own)."""
    text = f"{interview_id}\0{kind}\0{to.casefold()}\0{version}\0{earlier}"
    return hashlib.sha256(text.encode()).hexdigest()


class OutboxRepository:
    """One owner's send attempts (those of their interviews): every query is scoped."""

    def __init__(self, session: Session, owner: int = LOCAL_OWNER) -> None:
        self.session = session
        self.owner = owner
        self._mine = select(InterviewRow.id).where(InterviewRow.owner_id == owner)

    def attempts(self, interview_id: int, kind: str, to: str) -> list[OutboxEntry]:
        """Every attempt to send this kind of email to ``to``, oldest first."""
        rows = self.session.scalars(
            select(OutboxRow)
            .where(
                OutboxRow.interview_id == interview_id,
                OutboxRow.interview_id.in_(self._mine),
                OutboxRow.kind == kind,
                func.lower(OutboxRow.to) == to.lower(),
            )
            .order_by(OutboxRow.id)
        )
        return [_entry(row) for row in rows if row.to.casefold() == to.casefold()]

    def start(
        self,
        interview_id: int,
        kind: str,
        to: str,
        email: str,
        message_id: str,
        version: int,
        subject: str,
        body: str,
        now: datetime,
    ) -> OutboxEntry:
        """Record an attempt, in state ``sending`` (commit before opening the connection)."""
        if self.session.scalar(self._mine.where(InterviewRow.id == interview_id)) is None:
            raise NotFoundError(f"there is no interview {interview_id}")
        earlier = len(self.attempts(interview_id, kind, to))
        row = OutboxRow(
            interview_id=interview_id,
            kind=kind,
            to=to,
            email=email,
            message_id=message_id,
            idempotency_key=idempotency_key(interview_id, kind, to, version, earlier),
            note_version=version,
            subject=subject,
            body=body,
            state="sending",
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return _entry(row)

    def _row(self, outbox_id: int) -> OutboxRow:
        row = self.session.scalars(
            select(OutboxRow)
            .where(OutboxRow.id == outbox_id, OutboxRow.interview_id.in_(self._mine))
            .with_for_update()
        ).first()
        if row is None:
            raise NotFoundError(f"there is no send attempt {outbox_id}")
        return row

    def finish(
        self,
        outbox_id: int,
        state: OutboxState,
        error: str | None,
        now: datetime,
        *,
        sent_at: datetime | None = None,
    ) -> OutboxEntry:
        """Record how an attempt ended; ``sent`` also marks the note (or check-in) sent, at
        ``sent_at`` (default: ``now``)."""
        row = self._row(outbox_id)
        row.state = state
        row.error = error
        row.finished_at = now
        if state == "sent":
            self._mark_mail_sent(row, sent_at or now)
        self.session.flush()
        return _entry(row)

    def _mark_mail_sent(self, row: OutboxRow, when: datetime) -> None:
        """Mark the note or check-in that this attempt sent as sent, holding what went out.
        A note already recorded as sent keeps its record (and time)."""
        interview = self.session.get(InterviewRow, row.interview_id)
        if interview is None:
            return
        mails: list[NoteRow] | list[CheckInRow] = (
            interview.notes if row.kind == "thank_you" else interview.check_ins
        )
        folded = row.to.casefold()
        drafts = [
            m for m in mails if m.to.casefold() == folded and m.status == NoteStatus.draft.value
        ]
        if not drafts:
            return
        mail = drafts[-1]
        mail.subject, mail.body = row.subject, row.body
        mail.status = NoteStatus.sent.value
        mail.sent_at = when
        mail.version = (mail.version or 0) + 1
        interview.updated_at = datetime.now(UTC)
        interview.version = (interview.version or 0) + 1
        self.session.flush()
        bump_revision(self.session, self.owner)
