"""Practice cards and their reviews (see :mod:`afterword.practice`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from afterword.errors import NotFoundError
from afterword.practice import PracticeCard, Rating
from afterword.store.repository import bump_revision
from afterword.store.tables import LOCAL_OWNER, PracticeCardRow, PracticeReviewRow


def _card(row: PracticeCardRow) -> PracticeCard:
    return PracticeCard(
        id=row.id,
        key=row.key,
        question=row.question,
        state=row.state,
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
        reviews=row.reviews,
        created_at=row.created_at,
    )


class PracticeRepository:
    """One owner's practice deck: every query is scoped to ``owner``."""

    def __init__(self, session: Session, owner: int = LOCAL_OWNER) -> None:
        self.session = session
        self.owner = owner

    def _mine(self) -> Any:
        return select(PracticeCardRow.id).where(PracticeCardRow.owner_id == self.owner)

    def cards(self) -> list[PracticeCard]:
        rows = self.session.scalars(
            select(PracticeCardRow)
            .where(PracticeCardRow.owner_id == self.owner)
            .order_by(PracticeCardRow.id)
        )
        return [_card(row) for row in rows]

    def _row(self, card_id: int, *, lock: bool = False) -> PracticeCardRow:
        query = select(PracticeCardRow).where(
            PracticeCardRow.id == card_id, PracticeCardRow.owner_id == self.owner
        )
        row = self.session.scalars(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFoundError(f"there is no practice card {card_id}")
        return row

    def get(self, card_id: int, *, lock: bool = False) -> PracticeCard:
        return _card(self._row(card_id, lock=lock))

    def add_missing(self, wanted: Sequence[tuple[str, str]], now: datetime) -> list[PracticeCard]:
        """Make a card, due now, for each (key, question) that has none yet."""
        have = set(
            self.session.scalars(
                select(PracticeCardRow.key).where(PracticeCardRow.owner_id == self.owner)
            )
        )
        rows = []
        for key, question in wanted:
            if key in have:
                continue
            have.add(key)
            row = PracticeCardRow(
                owner_id=self.owner,
                key=key,
                question=question,
                state=1,
                step=0,
                due=now,
                reviews=0,
                created_at=now,
            )
            self.session.add(row)
            rows.append(row)
        self.session.flush()
        if rows:
            bump_revision(self.session, self.owner)
        return [_card(row) for row in rows]

    def record(
        self, updated: PracticeCard, rating: Rating, answer: str | None, when: datetime
    ) -> PracticeCard:
        """Save the card as a review left it, and the review (one row per review)."""
        row = self._row(updated.id)
        row.state = updated.state
        row.step = updated.step
        row.stability = updated.stability
        row.difficulty = updated.difficulty
        row.due = updated.due
        row.last_review = updated.last_review
        row.reviews = updated.reviews
        self.session.add(
            PracticeReviewRow(card_id=row.id, rating=int(rating), reviewed_at=when, answer=answer)
        )
        self.session.flush()
        bump_revision(self.session, self.owner)
        return _card(row)

    def reviews_since(self, start: datetime) -> int:
        """How many reviews were made from ``start`` on."""
        query = select(func.count()).where(
            PracticeReviewRow.reviewed_at >= start, PracticeReviewRow.card_id.in_(self._mine())
        )
        return int(self.session.scalar(query) or 0)

    def reviews(self, card_id: int) -> list[tuple[int, datetime, str | None]]:
        """The card's reviews, oldest first: (rating, when, the answer typed)."""
        query = (
            select(
                PracticeReviewRow.rating, PracticeReviewRow.reviewed_at, PracticeReviewRow.answer
            )
            .where(PracticeReviewRow.card_id == card_id)
            .where(PracticeReviewRow.card_id.in_(self._mine()))
            .order_by(PracticeReviewRow.id)
        )
        return [(r, w, a) for r, w, a in self.session.execute(query)]

    def last_answer(self, card_id: int) -> str | None:
        """The latest answer typed for the card, to compare with."""
        query = (
            select(PracticeReviewRow.answer)
            .where(PracticeReviewRow.card_id == card_id, PracticeReviewRow.answer.is_not(None))
            .where(PracticeReviewRow.card_id.in_(self._mine()))
            .order_by(PracticeReviewRow.id.desc())
            .limit(1)
        )
        return self.session.scalar(query)
