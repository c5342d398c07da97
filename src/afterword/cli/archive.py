"""Everything out and back: ``export --all``, ``import --all`` and ``backup``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from afterword.cli.common import console, workspace, write_new_file
from afterword.errors import InputError


def export_all(fmt: str, out: Path | None) -> None:
    """Write the whole database as one JSON export, or as a Markdown report."""
    from afterword.archive import dump, to_markdown

    with workspace() as ws:
        archive = ws.export_all()
    text = to_markdown(archive) if fmt == "markdown" else dump(archive)
    if out is None:
        sys.stdout.write(text)
        return
    write_new_file(out, text)
    console(stderr=True).print(
        f"Wrote {len(archive.interviews)} interviews and {len(archive.stories)} stories to {out}.",
        markup=False,
    )


def import_all(file: str, merge: bool) -> None:
    """Restore an export: into an empty database, or added to what is there (``merge``)."""
    from afterword.archive import MAX_ARCHIVE_BYTES, parse_archive_bytes

    if file == "-":
        raw, name = sys.stdin.buffer.read(MAX_ARCHIVE_BYTES + 1), "<stdin>"
    else:
        path = Path(file)
        try:
            if path.stat().st_size > MAX_ARCHIVE_BYTES:
                raise InputError(
                    f"{path}: the file is larger than {MAX_ARCHIVE_BYTES // 1_000_000} MB, "
                    "more than an export of Afterword holds"
                )
            raw, name = path.read_bytes(), str(path)
        except FileNotFoundError as exc:
            raise InputError(f"{path}: no such file") from exc
        except IsADirectoryError as exc:
            raise InputError(f"{path}: is a directory, not an export") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from exc
    archive = parse_archive_bytes(raw, name)
    with workspace() as ws:
        restored = ws.import_all(archive, merge=merge)
    console(stderr=True).print(
        f"{'Added' if merge else 'Restored'} {_plural(restored.interviews, 'interview')}, "
        f"{_plural(restored.stories, 'story', 'stories')}, "
        f"{_plural(restored.practice, 'practice card')} and "
        f"{_plural(restored.outbox, 'record')} of emails sent from {name}."
        + restored.shares_note(),
        markup=False,
    )


def backup(
    file: Annotated[Path, typer.Argument(help="Where to write the copy (a new file).")],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Copy the SQLite database into FILE, safely while Afterword is running, and check it.

    The copy is one consistent snapshot (SQLite's online backup), checked with
    PRAGMA integrity_check before it takes the name FILE. To restore it, point
    AFTERWORD_DATABASE_URL at it, or put it in place of the database while Afterword is
    stopped. On PostgreSQL, use pg_dump.

    Example:

        afterword backup ~/afterword-2026-11-25.db
    """
    from afterword import config
    from afterword.store.backup import backup as copy_database

    # The database is not opened first: a PostgreSQL server need not even be reachable to
    # be told that pg_dump is the tool.
    done = copy_database(config.database_url(), file, force=force)
    console(stderr=True).print(
        f"Backed up {_plural(done.interviews, 'interview')} and "
        f"{_plural(done.stories, 'story', 'stories')} to {done.path} "
        f"({done.size / 1024:.0f} KB); integrity check: ok.",
        markup=False,
    )


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"
