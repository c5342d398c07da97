"""Owners at the data layer, on a real SQLite file and a real PostgreSQL server: a database
written before accounts existed upgrades with everything kept (and still the local user's),
and two owners of one database never see, change or collide with each other's records."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import insert, text

from afterword.errors import NotFoundError
from afterword.model import Note, Outcome, Story
from afterword.practice import Rating
from afterword.services import Workspace
from afterword.store.db import Database, current_revision, head_revision, upgrade
from afterword.store.tables import UserRow
from support import EXAMPLES, NOW, PostgresServer, clock

ROWS_AT_0007 = [
    "INSERT INTO interviews (id, company, role, format, ended_at, utc_offset_minutes, causes,"
    " version) VALUES (7, 'Acme Robotics', 'PMM', 'video', '2026-11-24 20:30:00', -300,"
    " '[\"nerves\"]', 3)",
    "INSERT INTO interviewers (interview_id, position, name, topics) VALUES (7, 0, 'Dana Lee',"
    " '[\"the launch\"]')",
    "INSERT INTO moments (interview_id, position, question, kind, story_titles, asked_by)"
    " VALUES (7, 0, 'How would you grow our list?', 'could_be_better', '[\"Email growth\"]',"
    " 'Dana Lee')",
    "INSERT INTO stories (id, title, metrics, skills) VALUES (4, 'Email growth', '[]',"
    " '[\"email\"]')",
    "INSERT INTO interview_stories (interview_id, story_id, position) VALUES (7, 4, 0)",
    'INSERT INTO notes (interview_id, "to", subject, body, status, version) VALUES (7,'
    " 'Dana Lee', 'Thanks', 'Dear Dana, thank you.', 'draft', 2)",
    "INSERT INTO lessons (interview_id, position, text) VALUES (7, 0, 'Read their news')",
    "INSERT INTO practice_cards (id, key, question, state, due, reviews, created_at) VALUES"
    " (5, 'k1', 'How would you grow our list?', 2, '2026-11-26 09:00:00', 1,"
    " '2026-11-25 09:00:00')",
    "INSERT INTO practice_reviews (card_id, rating, reviewed_at, answer) VALUES (5, 3,"
    " '2026-11-25 09:10:00', 'Landing pages first')",
]


def test_a_database_from_before_accounts_upgrades_with_everything_kept(database_url: str) -> None:
    """A local user who upgrades finds every interview, note, story, lesson and practice
    card where it was, under the same ids, and can go on editing them."""
    database = Database(database_url, migrate=False)
    try:
        upgrade(database.engine, "0007")
        with database.engine.begin() as connection:
            for statement in ROWS_AT_0007:
                connection.execute(text(statement))
    finally:
        database.close()
    with Workspace(database_url, clock=clock) as workspace:
        interview = workspace.interview(7)
        assert interview.company == "Acme Robotics"
        assert [p.name for p in interview.interviewers] == ["Dana Lee"]
        assert interview.debrief.moments[0].stories == ["Email growth"]
        assert interview.debrief.lessons == ["Read their news"]
        assert [s.title for s in interview.stories] == ["Email growth"]
        assert workspace.note(7, "Dana Lee") is not None
        assert [(i, s.title) for i, s in workspace.stories()] == [(4, "Email growth")]
        assert workspace.practice_answers(5) == [
            (3, workspace.practice_answers(5)[0][1], "Landing pages first")
        ]
        saved = workspace.save_note(7, Note(to="Dana Lee", body="Dear Dana, thanks!"), 2)
        assert saved.version == 3
        # New records after the upgrade get fresh ids (PostgreSQL's sequences included).
        assert workspace.add_story(Story(title="Another story")) not in (4,)
        assert workspace.import_file(EXAMPLES / "acme-first-round.yaml") != 7


def _second_owner(workspace: Workspace, email: str) -> Workspace:
    with workspace.database.engine.begin() as connection:
        owner = connection.execute(
            insert(UserRow)
            .values(email=email, role="member", active=True, failed_logins=0, created_at=NOW)
            .returning(UserRow.id)
        ).scalar_one()
    return workspace.for_owner(owner)


def test_two_owners_of_one_database_see_only_their_own(database_url: str) -> None:
    with Workspace(database_url, clock=clock) as local:
        ana = _second_owner(local, "ana@example.org")
        ben = _second_owner(local, "ben@example.org")
        ana_id = ana.import_file(EXAMPLES / "acme-first-round.yaml")
        # The same example, the same story titles: no clash with Ana's library.
        ben_id = ben.import_file(EXAMPLES / "acme-first-round.yaml")
        assert [i for i, _ in ana.interviews()] == [ana_id]
        assert [i for i, _ in ben.interviews()] == [ben_id]
        assert local.interviews() == []
        ana_stories = {i for i, _ in ana.stories()}
        ben_stories = {i for i, _ in ben.stories()}
        assert ana_stories and ben_stories and not ana_stories & ben_stories
        story_id = next(iter(ana_stories))
        for attempt in (
            lambda: ben.interview(ana_id),
            lambda: ben.note(ana_id, "Dana Lee"),
            lambda: ben.save_note(ana_id, Note(to="Dana Lee", body="Hi")),
            lambda: ben.delete_interview(ana_id),
            lambda: ben.record_outcome(ana_id, None, ["mine now"]),
            lambda: ben.story(story_id),
            lambda: ben.update_story(story_id, Story(title="Taken")),
            lambda: ben.delete_story(story_id),
            lambda: ben.check("Thanks, Dana", ana_id),
        ):
            with pytest.raises(NotFoundError):
                attempt()
        assert ben.stories_only_in(ana_id) == []
        # Renaming Ben's story leaves the titles Ana's moments link to as they were.
        ben_story = next(i for i, s in ben.stories() if s.title == "Email capture growth")
        ben.update_story(ben_story, Story(title="Renamed by Ben"))
        ana_links = [m.stories for m in ana.interview(ana_id).debrief.moments]
        assert "Renamed by Ben" not in str(ana_links)
        # Practice decks are each their own.
        ana.practice_fuzzing = ben.practice_fuzzing = False
        ana_cards = [q.card.id for q in ana.practice().today if q.card]
        ben_cards = [q.card.id for q in ben.practice().today if q.card]
        assert ana_cards and ben_cards and not set(ana_cards) & set(ben_cards)
        assert ben.practice_answers(ana_cards[0]) == []
        with pytest.raises(NotFoundError):
            ben.practise(ana_cards[0], Rating.good)
        # An export holds its owner's records only.
        archive = ben.export_all()
        assert [i.id for i in archive.interviews] == [ben_id]
        assert ana.interview(ana_id).company == "Acme Robotics"


def test_each_owners_caches_follow_their_own_saves_only(database_url: str) -> None:
    """Two workers (each its own Workspace and caches) over one database: a save by Ana
    through one worker shows on the other worker's dashboard for Ana at once, while Ben's
    dashboard there stays cached (his counter did not move); and a practice review through
    one worker changes the other's count of what is left today."""
    with (
        Workspace(database_url, clock=clock) as first,
        Workspace(database_url, clock=clock) as second,
    ):
        ana, ben = _second_owner(first, "ana@example.org"), _second_owner(first, "ben@example.org")
        ana_there, ben_there = second.for_owner(ana.owner), second.for_owner(ben.owner)
        ana_id = ana.import_file(EXAMPLES / "acme-first-round.yaml")
        ben.import_file(EXAMPLES / "panel-onsite.yaml")
        assert [c.interview.outcome for c in ana_there.agenda(NOW)] == [None]
        ben_cards = ben_there.agenda(NOW)
        assert ben_there.cached_agenda(NOW) == ben_cards

        ana.record_outcome(ana_id, Outcome.rejected, [])
        assert ana_there.cached_agenda(NOW) is None
        assert [c.interview.outcome for c in ana_there.agenda(NOW)] == ["rejected"]
        assert ben_there.cached_agenda(NOW) == ben_cards

        ana.practice_fuzzing = ana_there.practice_fuzzing = False
        left = ana_there.practice_today()
        card = next(q.card for q in ana.practice().today if q.card)
        ana.practise(card.id, Rating.good)
        assert ana_there.practice_today() == left - 1


@pytest.mark.postgres
def test_workers_starting_at_once_on_an_empty_database_all_come_up(
    postgres: PostgresServer,
) -> None:
    """Several worker processes (or hosts) opening a new PostgreSQL database at the same
    moment: one migrates, the others wait for it, and every one of them starts."""
    url = postgres.new_database()
    opening = "from afterword.store.db import Database; import sys; Database(sys.argv[1]).close()"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", opening, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    outcomes = [worker.communicate(timeout=120) for worker in workers]
    assert [w.returncode for w in workers] == [0, 0, 0, 0], outcomes
    database = Database(url, migrate=False)
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()
