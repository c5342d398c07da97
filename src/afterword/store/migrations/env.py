"""Alembic's environment: migrations run on the engine Afterword opened (or the URL given)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Engine

from afterword.store.db import make_engine
from afterword.store.tables import Base

config = context.config
engine: Engine | None = config.attributes.get("engine")
if engine is None:
    from afterword.config import database_url

    engine = make_engine(config.get_main_option("sqlalchemy.url") or database_url())

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    raw: Any = connection.connection.driver_connection
    if sqlite:
        # Batch mode copies a table and drops the old one; with foreign keys on, that drop
        # deletes every row that points at the table (ON DELETE CASCADE). The pragma is
        # ignored inside a transaction, so it is set on the driver's connection first.
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                # SQLite cannot ALTER most things in place; batch mode copies the table.
                render_as_batch=sqlite,
            )
            if connection.dialect.name == "postgresql":
                # Several workers (or hosts) starting at once: one migrates, the others wait
                # here, then find the schema current.
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(20261206)")
            with context.begin_transaction():
                context.run_migrations()
            if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise RuntimeError("a migration left rows pointing at nothing; nothing changed")
    finally:
        if sqlite:
            raw.execute("PRAGMA foreign_keys=ON")
