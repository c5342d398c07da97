"""``afterword db``: the schema's version, and upgrading it."""

from __future__ import annotations

import typer

db_app = typer.Typer(
    help="Look after the database (it is upgraded automatically on start-up).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the database schema up to date (safe to run any time; keeps your data).

    Example:

        afterword db upgrade
    """
    from afterword.config import database_url
    from afterword.store.db import Database, current_revision, upgrade

    database = Database(database_url(), migrate=False)
    try:
        before = current_revision(database.engine)
        upgrade(database.engine)
        after = current_revision(database.engine)
    finally:
        database.close()
    if before == after:
        print(f"The database is up to date (revision {after}).")
    else:
        print(f"Upgraded the database from {before or 'empty'} to revision {after}.")


@db_app.command("status")
def status() -> None:
    """Say which database is in use and whether its schema is current.

    Example:

        afterword db status
    """
    from sqlalchemy.engine import make_url

    from afterword.config import database_url
    from afterword.store.db import Database, current_revision, head_revision

    database = Database(database_url(), migrate=False)
    try:
        current = current_revision(database.engine)
    finally:
        database.close()
    head = head_revision()
    print(f"Database: {make_url(database.url).render_as_string(hide_password=True)}")
    state = "up to date" if current == head else "needs `afterword db upgrade`"
    print(f"Schema revision: {current or 'none'} (latest {head}): {state}")
