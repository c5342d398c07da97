"""Opening the database: SQLite in the user's data directory by default, any SQLAlchemy URL
(PostgreSQL through psycopg 3) when ``AFTERWORD_DATABASE_URL`` says so."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from afterword.errors import AfterwordError

MIGRATIONS = "afterword.store:migrations"


def _normalise(url: str) -> str:
    # "postgresql://" would pick psycopg2, which we do not ship; psycopg 3 is the driver.
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event (below) open every transaction, not the driver's guess
    # at when to open one (which runs the first reads outside any transaction).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets the web app read while the CLI writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


#: An execution option of the engine that writes: on SQLite its transactions take the write
#: lock when they begin, so that what a save reads cannot change before it writes.
WRITES = "afterword_writes"


def _sqlite_begin(connection: Connection) -> None:
    # A plain BEGIN reads a snapshot and fails with "database is locked" when it later tries
    # to write after another writer; BEGIN IMMEDIATE waits (busy_timeout) for its turn instead.
    immediate = connection.get_execution_options().get(WRITES)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


#: How long opening a connection keeps trying while a PostgreSQL server that has answered
#: before refuses connections (a restart or a failover takes a second or two): a request then
#: waits for it rather than failing. A server that never answered fails at once (a wrong URL
#: is said straight away).
CONNECT_PATIENCE = 5.0


class _PatientConnect:
    """SQLAlchemy's ``do_connect`` hook: opens the driver's connection, trying again while
    the server is unreachable or says it is starting or shutting down. Only opening a
    connection is tried again: nothing was sent on it, so no statement can run twice."""

    def __init__(self, answered: bool = False) -> None:
        self.answered = answered

    def __call__(self, dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        deadline = time.monotonic() + CONNECT_PATIENCE
        pause = 0.05
        while True:
            try:
                connection = dialect.connect(*cargs, **cparams)
            except dialect.loaded_dbapi.OperationalError as exc:
                # No SQLSTATE: the server could not be reached; class 57P: it is shutting
                # down or starting up. Anything else (a wrong password, no such database)
                # will not mend by waiting.
                state = getattr(exc, "sqlstate", None)
                transient = state is None or str(state).startswith("57P")
                if not (self.answered and transient) or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
                continue
            self.answered = True
            return connection


def make_engine(url: str, *, known: bool = False) -> Engine:
    """An engine for ``url``. ``known``: the server has answered before (the web server's
    master opened it): a worker starting while it restarts waits for it like a request does,
    rather than die at start-up."""
    url = _normalise(url)
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except ArgumentError as exc:
        raise AfterwordError(f"AFTERWORD_DATABASE_URL is not a database URL: {url!r}") from exc
    except NoSuchModuleError as exc:
        raise AfterwordError(
            f"AFTERWORD_DATABASE_URL names a database Afterword cannot use: {parsed.drivername!r} "
            "(use sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME)"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # pool_pre_ping: a pooled connection that a PostgreSQL restart ended is noticed when it is
    # taken from the pool (and the pool's older connections replaced), not by a failed request.
    engine = create_engine(parsed, pool_pre_ping=True)
    event.listen(engine, "do_connect", _PatientConnect(answered=known))
    return engine


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a no-op when it is there already."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str:
    """The latest revision this version of Afterword knows.

    Revision ids are sequential numbers that prefix the file names (``0002_add_x.py``), so the
    head is read off the folder; importing Alembic for that would slow every command down.
    A test checks this against Alembic's own answer.
    """
    versions = Path(__file__).with_name("migrations") / "versions"
    return max(p.name.split("_", 1)[0] for p in versions.glob("[0-9]*_*.py"))


def alembic_head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return ScriptDirectory.from_config(config).get_current_head()


class Database:
    """An engine and its session factory; the schema is upgraded when it is opened."""

    def __init__(self, url: str, *, migrate: bool = True, known: bool = False) -> None:
        self.url = _normalise(url)
        self.engine = make_engine(self.url, known=known)
        if migrate:
            try:
                if current_revision(self.engine) != head_revision():
                    upgrade(self.engine)
            except AfterwordError:
                raise
            except Exception as exc:
                safe = make_url(self.url).render_as_string(hide_password=True)
                raise AfterwordError(f"cannot open the database {safe}: {exc}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = sessionmaker(
            self.engine.execution_options(**{WRITES: True}), expire_on_commit=False
        )

    def session(self) -> Session:
        return self.sessions()

    def write_session(self) -> Session:
        """A session for a transaction that writes (see :data:`WRITES`)."""
        return self.write_sessions()

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
