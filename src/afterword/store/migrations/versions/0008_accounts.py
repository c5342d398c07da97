"""Accounts for hosted mode: users, their sessions and invitations, and an owner on every
top-level record (interviews, stories, practice cards). What was there belongs to the one
owner of local mode, so a local database upgrades with nothing lost and nothing changed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL_OWNER = 1
OWNED = ("interviews", "stories", "practice_cards")


def upgrade() -> None:
    users = op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.bulk_insert(
        users,
        [
            {
                "id": LOCAL_OWNER,
                "email": None,
                "password_hash": None,
                "role": "local",
                "active": True,
                "failed_logins": 0,
                "created_at": sa.func.now(),
            }
        ],
        multiinsert=False,
    )
    if op.get_bind().dialect.name == "postgresql":
        # The row above was written with its own id, which the sequence does not count.
        op.execute("SELECT setval(pg_get_serial_sequence('users', 'id'), 1, true)")
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index(op.f("ix_sessions_user_id"), "sessions", ["user_id"])
    op.create_index(op.f("ix_sessions_expires_at"), "sessions", ["expires_at"])
    op.create_table(
        "invites",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_invites_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invites")),
    )
    for table in OWNED:
        with op.batch_alter_table(table) as batch:
            # Every row there is the local owner's; the default goes once they are filled in,
            # so that a new row must always say whose it is.
            batch.add_column(
                sa.Column("owner_id", sa.Integer(), server_default=str(LOCAL_OWNER), nullable=False)
            )
        with op.batch_alter_table(table) as batch:
            batch.alter_column("owner_id", server_default=None, existing_type=sa.Integer())
            batch.create_foreign_key(
                op.f(f"fk_{table}_owner_id_users"),
                "users",
                ["owner_id"],
                ["id"],
                ondelete="CASCADE",
            )
            batch.create_index(op.f(f"ix_{table}_owner_id"), ["owner_id"])
            if table == "stories":
                batch.drop_constraint("uq_stories_title", type_="unique")
                batch.create_unique_constraint("uq_stories_owner_title", ["owner_id", "title"])
            if table == "practice_cards":
                batch.drop_constraint("uq_practice_cards_key", type_="unique")
                batch.create_unique_constraint("uq_practice_cards_owner_key", ["owner_id", "key"])


def downgrade() -> None:
    for table in reversed(OWNED):
        with op.batch_alter_table(table) as batch:
            if table == "stories":
                batch.drop_constraint("uq_stories_owner_title", type_="unique")
                batch.create_unique_constraint("uq_stories_title", ["title"])
            if table == "practice_cards":
                batch.drop_constraint("uq_practice_cards_owner_key", type_="unique")
                batch.create_unique_constraint("uq_practice_cards_key", ["key"])
            batch.drop_index(op.f(f"ix_{table}_owner_id"))
            batch.drop_constraint(op.f(f"fk_{table}_owner_id_users"), type_="foreignkey")
            batch.drop_column("owner_id")
    op.drop_table("invites")
    op.drop_index(op.f("ix_sessions_expires_at"), table_name="sessions")
    op.drop_index(op.f("ix_sessions_user_id"), table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("users")
