"""A revision counter per owner instead of one for the whole database.

Caches (the dashboard's agenda, the live check's interview, the practice count) ask whether
anything changed since they were filled. With one counter every save by anyone emptied
everyone's caches, and every save in every account queued on that one row's lock; a counter
on each owner's ``users`` row is raised only by that owner's saves. The old counter's value
goes to local mode's owner, whose saves raised it until now.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL_OWNER = 1


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), server_default="0", nullable=False))
    op.execute(
        sa.text(
            "UPDATE users SET revision = COALESCE((SELECT value FROM revision WHERE id = 1), 0)"
            " WHERE id = :local"
        ).bindparams(local=LOCAL_OWNER)
    )
    op.drop_table("revision")


def downgrade() -> None:
    table = op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision")),
    )
    op.bulk_insert(table, [{"id": 1, "value": 0}])
    # The highest owner's count still says "changed" to any cache filled before.
    op.execute(sa.text("UPDATE revision SET value = (SELECT MAX(revision) FROM users)"))
    with op.batch_alter_table("users") as batch:
        batch.drop_column("revision")
