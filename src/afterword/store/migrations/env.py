"""Alembic's environment: migrations run on the engine Afterword opened (or the URL given)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from afterword.store.db import make_engine
from afterword.store.tables import Base

config = context.config
engine: Engine | None = config.attributes.get("engine")
if engine is None:
    from afterword.config import database_url

    engine = make_engine(config.get_main_option("sqlalchemy.url") or database_url())

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
