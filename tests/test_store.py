"""Storage on a real SQLite file and a real PostgreSQL server: migrations, repositories,
atomicity."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import inspect, text

from afterword.debrief_file import load_debrief_file
from afterword.errors import ConflictError, InputError, NotFoundError
from afterword.model import Note, Outcome, Story
from afterword.services import Workspace
from afterword.store.db import (
    Database,
    alembic_head_revision,
    current_revision,
    head_revision,
    upgrade,
)
from support import EXAMPLES

TABLES = {
    "interviews",
    "interviewers",
    "moments",
    "stories",
    "interview_stories",
    "research",
    "lessons",
    "notes",
    "check_ins",
    "outbox",
    "practice_cards",
    "practice_reviews",
    "users",
    "sessions",
    "invites",
    "password_resets",
    "shares",
    "comments",
    "alembic_version",
}


def test_opening_a_database_creates_the_schema_at_the_latest_revision(database_url: str) -> None:
    database = Database(database_url)
    try:
        assert set(database.table_names()) == TABLES
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()


def test_migrations_go_down_and_up_again_without_losing_the_way(database_url: str) -> None:
    database = Database(database_url, migrate=False)
    try:
        assert current_revision(database.engine) is None
        upgrade(database.engine)
        assert set(inspect(database.engine).get_table_names()) >= TABLES
        from alembic import command

        from afterword.store.db import alembic_config

        command.downgrade(alembic_config(database.engine), "base")
        assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
        upgrade(database.engine)
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()


def test_upgrading_a_first_version_database_keeps_its_interviews(database_url: str) -> None:
    """A user's data written by the first schema survives every later migration."""
    database = Database(database_url, migrate=False)
    try:
        upgrade(database.engine, "0001")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO interviews (id, company, role, format, ended_at, "
                    "utc_offset_minutes, causes) VALUES (7, 'Acme Robotics', 'PMM', 'video', "
                    "'2026-11-24 20:30:00', -300, '[\"nerves\"]')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO interviewers (interview_id, position, name, topics) "
                    "VALUES (7, 0, 'Dana Lee', '[]')"
                )
            )
    finally:
        database.close()
    with Workspace(database_url) as workspace:  # opening it upgrades to the latest schema
        interview = workspace.interview(7)
        assert (interview.company, interview.interviewers[0].name) == ("Acme Robotics", "Dana Lee")
        assert interview.ended_at.isoformat() == "2026-11-24T15:30:00-05:00"
        assert [c.value for c in interview.debrief.causes] == ["nerves"]
        before = [card.id for card in workspace.agenda(datetime.now(UTC))]
        assert before == [7]


def test_the_quick_head_revision_agrees_with_alembic() -> None:
    assert head_revision() == alembic_head_revision()


def test_sqlite_uses_wal_and_enforces_foreign_keys(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        database.close()


def test_the_default_database_lives_in_the_data_directory(isolated_home: Path) -> None:
    with Workspace() as workspace:
        workspace.import_file(EXAMPLES / "good-interview.json")
    assert (isolated_home / "data" / "afterword.db").exists()


@pytest.mark.parametrize(
    "name", ["acme-first-round.yaml", "panel-onsite.yaml", "good-interview.json"]
)
def test_an_imported_example_comes_back_whole(database_url: str, name: str) -> None:
    original = load_debrief_file(EXAMPLES / name)
    with Workspace(database_url) as workspace:
        interview_id = workspace.import_file(EXAMPLES / name)
        stored = workspace.interview(interview_id)
    assert stored.model_dump(mode="json") == original.model_dump(mode="json")
    assert stored.ended_at.utcoffset() == original.ended_at.utcoffset()


def test_stories_are_deduplicated_by_title_across_imports(database_url: str) -> None:
    with Workspace(database_url) as workspace:
        workspace.import_file(EXAMPLES / "acme-first-round.yaml")
        workspace.import_file(EXAMPLES / "acme-first-round.yaml")
        titles = [story.title for _, story in workspace.stories()]
        assert titles == ["Email capture growth", "Launch of the scheduling app"]
        assert len(workspace.interviews()) == 2
        assert [s.title for _, s in workspace.stories(search="4,000 SIGN-UPS")] == [
            "Launch of the scheduling app"
        ]


def test_the_story_library_add_edit_delete(database_url: str) -> None:
    with Workspace(database_url) as workspace:
        story_id = workspace.add_story(Story(title="Churn turnaround", result="9% to 4%"))
        with pytest.raises(InputError, match="already in your library"):
            workspace.add_story(Story(title="churn TURNAROUND"))
        workspace.update_story(story_id, Story(title="Churn turnaround", result="9% to 3%"))
        assert workspace.story(story_id).result == "9% to 3%"
        assert workspace.find_story("CHURN turnaround") == story_id
        workspace.delete_story(story_id)
        with pytest.raises(NotFoundError, match="no story"):
            workspace.story(story_id)


def test_a_failed_change_leaves_what_was_saved(database_url: str) -> None:
    with Workspace(database_url) as workspace:
        interview_id = workspace.import_file(EXAMPLES / "acme-first-round.yaml")
        before = workspace.interview(interview_id)

        def breaks(interview):  # type: ignore[no-untyped-def]
            interview.debrief.moments.clear()
            raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            workspace.update_interview(interview_id, breaks)
        assert workspace.interview(interview_id) == before

        def invalid(interview):  # type: ignore[no-untyped-def]
            return interview.model_copy(update={"started_at": interview.ended_at})

        with pytest.raises(ValueError, match="before it starts"):
            workspace.update_interview(interview_id, invalid)
        assert workspace.interview(interview_id) == before


def test_deleting_an_interview_removes_its_rows_but_keeps_stories(database_url: str) -> None:
    with Workspace(database_url) as workspace:
        interview_id = workspace.import_file(EXAMPLES / "panel-onsite.yaml")
        workspace.delete_interview(interview_id)
        assert workspace.interviews() == []
        assert len(workspace.stories()) == 2
        with workspace.database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM interviewers")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM moments")).scalar() == 0


def test_a_change_through_one_worker_shows_on_the_next_check_in_another(
    database_url: str,
) -> None:
    """Each worker process has its own Workspace (and caches) over the same database."""
    from afterword.model import Interviewer

    with Workspace(database_url) as one, Workspace(database_url) as other:
        interview_id = one.import_file(EXAMPLES / "acme-first-round.yaml")
        assert other.context(interview_id).interviewer("Sam Ortiz") is None

        def add_sam(interview):  # type: ignore[no-untyped-def]
            people = [*interview.interviewers, Interviewer(name="Sam Ortiz")]
            return interview.model_copy(update={"interviewers": people})

        one.update_interview(interview_id, add_sam)
        assert other.context(interview_id).interviewer("Sam Ortiz") is not None


def test_the_agenda_sees_a_save_whose_clock_is_behind(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker whose clock is behind (another host, or a transaction that began earlier and
    committed later) still changes what every other worker's dashboard shows."""
    from datetime import UTC, datetime, timedelta

    from afterword.store import repository

    now = datetime.now(UTC)
    with Workspace(database_url) as one, Workspace(database_url) as other:
        first = one.import_file(EXAMPLES / "acme-first-round.yaml")
        one.import_file(EXAMPLES / "panel-onsite.yaml")  # saved last: the latest stamp
        assert {c.interview.outcome for c in other.agenda(now)} == {None}

        class Behind(datetime):
            @classmethod
            def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
                return datetime.now(tz) - timedelta(minutes=5)

        monkeypatch.setattr(repository, "datetime", Behind)
        one.update_interview(
            first, lambda interview: interview.model_copy(update={"outcome": Outcome.rejected})
        )
        cards = other.agenda(now)
        assert [c.interview.outcome for c in cards if c.id == first] == ["rejected"]


def test_upgrading_a_second_version_database_keeps_notes_and_guards_them(
    database_url: str,
) -> None:
    """Migration 0003 adds versions to what was stored before; saves are guarded at once."""
    database = Database(database_url, migrate=False)
    try:
        upgrade(database.engine, "0002")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO interviews (id, company, role, format, ended_at, "
                    "utc_offset_minutes, causes) VALUES (3, 'Acme Robotics', 'PMM', 'video', "
                    "'2026-11-24 20:30:00', -300, '[]')"
                )
            )
            connection.execute(
                text(
                    'INSERT INTO notes (interview_id, "to", subject, body, status) '
                    "VALUES (3, 'Dana Lee', 'Thanks', 'Dear Dana, thank you.', 'draft')"
                )
            )
    finally:
        database.close()
    with Workspace(database_url) as workspace:
        stored = workspace.note(3, "Dana Lee")
        assert stored is not None
        assert (stored.note.body, stored.version) == ("Dear Dana, thank you.", 1)
        with pytest.raises(ConflictError):
            workspace.save_note(3, Note(to="Dana Lee", body="Stale."), expected_version=0)
        saved = workspace.save_note(3, Note(to="Dana Lee", body="Newer."), expected_version=1)
        assert saved.version == 2


def test_an_interview_with_notes_comes_back_whole(database_url: str) -> None:
    """A debrief file may carry its notes, drafts and sent ones, with their versions."""
    original = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    notes = [
        Note(to="Dana Lee", subject="Thank you", body="Dear Dana,\n\nThank you."),
        Note(
            to="Sam Ortiz",
            body="Dear Sam,\n\nThank you.",
            status="sent",
            sent_at="2026-11-25T09:10:00-05:00",
        ),
    ]
    with Workspace(database_url) as workspace:
        interview_id = workspace.add_interview(original.model_copy(update={"notes": notes}))
        assert workspace.interview(interview_id).notes == notes
        stored = workspace.note(interview_id, "Dana Lee")
        assert stored is not None and stored.version == 1


def test_what_an_older_version_stored_past_todays_limits_stays_readable(
    database_url: str,
) -> None:
    """A note body longer than today's limit, saved when there was none, is shown as stored;
    the other notes still save, and only saving that text again asks to shorten it."""
    with Workspace(database_url) as workspace:
        interview_id = workspace.import_file(EXAMPLES / "acme-first-round.yaml")
        long_body = "Thank you. " * 3000  # 33,000 characters
        with workspace.database.engine.begin() as connection:
            connection.execute(
                text(
                    'INSERT INTO notes (interview_id, "to", subject, body, status, version) '
                    "VALUES (:i, 'Dana Lee', '', :b, 'draft', 1)"
                ),
                {"i": interview_id, "b": long_body},
            )
        workspace.database.engine.dispose()
        interview = workspace.interview(interview_id)
        assert interview.notes[0].body == long_body
        assert workspace.save_note(interview_id, Note(to="Sam Ortiz", body="Hi.")).version == 1
        with pytest.raises(ValidationError):
            workspace.save_note(interview_id, Note(to="Dana Lee", body=long_body + "!"))
        assert workspace.interview(interview_id).notes[0].body == long_body


def test_upgrading_to_counters_per_owner_keeps_the_local_count_and_the_records(
    database_url: str,
) -> None:
    """Migration 0010 moves the one counter onto each owner: local mode's owner carries the
    old count on (a cache filled before the upgrade cannot mistake itself for current), new
    accounts start at zero, and the records are untouched."""
    from afterword.store.repository import revision

    database = Database(database_url, migrate=False)
    try:
        upgrade(database.engine, "0009")
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE revision SET value = 41 WHERE id = 1"))
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, role, active, failed_logins,"
                    " created_at) VALUES (2, 'ana@example.org', 'x', 'member', true, 0,"
                    " '2026-11-20 09:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO interviews (id, owner_id, company, role, format, ended_at, "
                    "utc_offset_minutes, causes, version) VALUES (3, 2, 'Acme Robotics', 'PMM',"
                    " 'video', '2026-11-24 20:30:00', -300, '[]', 1)"
                )
            )
    finally:
        database.close()
    with Workspace(database_url) as workspace:
        assert current_revision(workspace.database.engine) == head_revision()
        assert "revision" not in inspect(workspace.database.engine).get_table_names()
        ana = workspace.for_owner(2)
        with workspace.database.engine.connect() as connection:
            assert (revision(connection, 1), revision(connection, 2)) == (41, 0)
        assert ana.interview(3).company == "Acme Robotics"
        ana.update_interview(3, lambda i: i.model_copy(update={"role": "Senior PMM"}))
        with workspace.database.engine.connect() as connection:
            assert (revision(connection, 1), revision(connection, 2)) == (41, 1)
