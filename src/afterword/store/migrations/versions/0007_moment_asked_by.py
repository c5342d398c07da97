"""Which interviewer asked each moment's question, so that on a panel each note follows up
the questions its reader asked.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("moments") as batch:
        batch.add_column(sa.Column("asked_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("moments") as batch:
        batch.drop_column("asked_by")
