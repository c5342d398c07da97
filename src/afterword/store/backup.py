"""A consistent copy of the SQLite database, taken while the app may be writing to it.

SQLite's online backup API copies the pages of one snapshot (in WAL mode, writers carry on
meanwhile). The copy is written beside the target under a temporary name, checked with
``PRAGMA integrity_check``, and only then given the target's name, so that a failed or
interrupted backup never leaves a half file under it. PostgreSQL has its own tool, pg_dump.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from afterword.errors import InputError


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    size: int
    interviews: int
    stories: int


def pg_dump_command(url: str) -> str:
    """The pg_dump command that backs up the PostgreSQL database at ``url``, without its
    password (pg_dump reads it from PGPASSWORD or ~/.pgpass)."""
    given = make_url(url)
    parsed = URL.create(
        "postgresql",
        username=given.username,
        host=given.host,
        port=given.port,
        database=given.database,
        query={k: v for k, v in given.query.items() if k.lower() != "password"},
    )
    target = parsed.render_as_string(hide_password=False)
    return f"pg_dump --format=custom --file=afterword.dump {shlex.quote(target)}"


def pg_dump_hint(url: str) -> str:
    """The one-line answer for a PostgreSQL database."""
    return (
        f"the database is PostgreSQL: back it up with its own tool, pg_dump, e.g. "
        f"{pg_dump_command(url)} (the password from PGPASSWORD or ~/.pgpass)"
    )


def sqlite_path(url: str) -> Path:
    """The file of a SQLite database URL, or an error that says why there is none to copy."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        raise InputError(pg_dump_hint(url))
    if parsed.get_backend_name() != "sqlite":
        raise InputError(f"cannot back up a {parsed.get_backend_name()} database")
    if not parsed.database or parsed.database == ":memory:":
        raise InputError("the database is in memory only: there is no file to back up")
    return Path(parsed.database).expanduser()


def backup(url: str, target: Path, *, force: bool = False) -> Backup:
    """Copy the SQLite database at ``url`` into ``target`` (refused when it exists, unless
    ``force``) and check the copy."""
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise InputError(f"{source_path}: there is no database to back up yet")
    if target.is_dir():
        raise InputError(
            f"{target}: is a directory; name the backup file (e.g. {target}/afterword.db)"
        )
    if not target.parent.is_dir():
        raise InputError(f"{target.parent}: no such directory")
    if target.exists():
        if target.resolve() == source_path.resolve() or target.samefile(source_path):
            raise InputError(f"{target}: is the database itself; back it up to another file")
        if not force:
            raise InputError(f"{target}: already exists; use --force to replace it")
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(fd)
    temporary = Path(name)
    try:
        interviews, stories = _copy(source_path, temporary)
        if force:
            os.replace(temporary, target)
        else:
            try:
                os.link(temporary, target)  # never replaces a file that appeared meanwhile
            except FileExistsError as exc:
                raise InputError(f"{target}: already exists; use --force to replace it") from exc
            temporary.unlink()
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return Backup(target, target.stat().st_size, interviews, stories)


def _copy(source_path: Path, temporary: Path) -> tuple[int, int]:
    source = sqlite3.connect(source_path, timeout=30)
    try:
        destination = sqlite3.connect(temporary)
        try:
            # One step: the whole copy is one read transaction, so one consistent snapshot.
            source.backup(destination)
            # A single file, with no write-ahead log beside it, to move or download.
            destination.execute("PRAGMA journal_mode=DELETE")
            result = [row[0] for row in destination.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise InputError(
                    "the copy failed its integrity check (" + "; ".join(result[:3]) + "); "
                    "it was not kept"
                )
            interviews = _count(destination, "interviews")
            stories = _count(destination, "stories")
        finally:
            destination.close()
    finally:
        source.close()
    return interviews, stories


def _count(connection: sqlite3.Connection, table: str) -> int:
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # a database from before the table existed
        return 0
