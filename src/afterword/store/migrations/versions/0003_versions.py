"""A version number on each interview and each note, raised by every save, so that a stale
copy (another tab, the CLI's editor) can be refused instead of silently replacing newer work.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("interviews", "notes"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in ("interviews", "notes"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
