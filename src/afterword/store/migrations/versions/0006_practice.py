"""Practice: a spaced-repetition card per weak question, and one row per review.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "practice_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_review", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviews", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_cards")),
        sa.UniqueConstraint("key", name=op.f("uq_practice_cards_key")),
    )
    op.create_index(op.f("ix_practice_cards_due"), "practice_cards", ["due"])
    op.create_table(
        "practice_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["card_id"],
            ["practice_cards.id"],
            name=op.f("fk_practice_reviews_card_id_practice_cards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_reviews")),
    )
    op.create_index(op.f("ix_practice_reviews_card_id"), "practice_reviews", ["card_id"])
    op.create_index(op.f("ix_practice_reviews_reviewed_at"), "practice_reviews", ["reviewed_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_practice_reviews_reviewed_at"), table_name="practice_reviews")
    op.drop_index(op.f("ix_practice_reviews_card_id"), table_name="practice_reviews")
    op.drop_table("practice_reviews")
    op.drop_index(op.f("ix_practice_cards_due"), table_name="practice_cards")
    op.drop_table("practice_cards")
