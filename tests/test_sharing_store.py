"""Shares at the data layer, on a real SQLite file and a real PostgreSQL server: a database
with accounts and their records (revision 0008) upgrades with everything kept, and the
coach's repository reaches a member's interview only through a standing share."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from afterword.errors import NotFoundError
from afterword.services import Workspace
from afterword.store.db import Database, current_revision, head_revision, upgrade
from afterword.store.sharing import CoachRepository, ShareRepository
from support import NOW, clock

ROWS_AT_0008 = [
    "INSERT INTO users (id, email, password_hash, role, active, failed_logins, created_at)"
    " VALUES (2, 'ana@example.org', 'x', 'member', true, 0, '2026-11-20 09:00:00'),"
    " (3, 'cora@example.org', 'x', 'coach', true, 0, '2026-11-20 09:00:00'),"
    " (4, 'ben@example.org', 'x', 'member', true, 0, '2026-11-20 09:00:00')",
    "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES"
    " ('s1', 2, '2026-11-20 09:00:00', '2026-11-20 09:00:00', '2026-12-20 09:00:00')",
    "INSERT INTO interviews (id, owner_id, company, role, format, ended_at,"
    " utc_offset_minutes, causes, version) VALUES (7, 2, 'Acme Robotics', 'PMM', 'video',"
    " '2026-11-24 20:30:00', -300, '[\"nerves\"]', 3),"
    " (8, 4, 'Northwind', 'Analyst', 'video', '2026-11-23 11:00:00', 60, '[]', 1)",
    "INSERT INTO moments (interview_id, position, question, kind, story_titles, topic) VALUES"
    " (7, 0, 'How would you grow our list?', 'could_be_better', '[]', 'email marketing')",
    'INSERT INTO notes (interview_id, "to", subject, body, status, version) VALUES (7,'
    " 'Dana Lee', 'Thanks', 'Dear Dana, thank you.', 'draft', 2)",
]


def test_a_database_with_accounts_upgrades_to_sharing_with_everything_kept(
    database_url: str,
) -> None:
    database = Database(database_url, migrate=False)
    try:
        upgrade(database.engine, "0008")
        with database.engine.begin() as connection:
            for statement in ROWS_AT_0008:
                connection.execute(text(statement))
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence('users', 'id'), 4, true)")
                )
    finally:
        database.close()
    with Workspace(database_url, clock=clock) as local:
        assert current_revision(local.database.engine) == head_revision()
        ana, ben = local.for_owner(2), local.for_owner(4)
        interview = ana.interview(7)
        assert interview.company == "Acme Robotics"
        assert interview.debrief.moments[0].topic == "email marketing"
        assert ana.note(7, "Dana Lee") is not None
        assert [i for i, _ in ben.interviews()] == [8]
        with local.database.write_session() as session, session.begin():
            roles = dict(session.execute(text("SELECT email, role FROM users WHERE id > 1")).all())
            assert roles == {
                "ana@example.org": "member",
                "cora@example.org": "coach",
                "ben@example.org": "member",
            }
            assert session.execute(text("SELECT count(*) FROM sessions")).scalar() == 1
            shares = ShareRepository(session, 2)
            coach = shares.coach("cora@example.org")
            assert coach == 3
            assert shares.coach("ben@example.org") is None
            share_id, new = shares.add(coach, 7, NOW)
            assert new and shares.add(coach, 7, NOW) == (share_id, False)
            with pytest.raises(NotFoundError):
                ShareRepository(session, 4).add(coach, 7, NOW)
            with pytest.raises(NotFoundError):
                shares.add(coach, 8, NOW)
        with local.database.write_session() as session, session.begin():
            cora = CoachRepository(session, 3)
            _, shared, _ = cora.interview(7)
            assert shared.company == "Acme Robotics"
            for interview_id in (8, 9):
                with pytest.raises(NotFoundError):
                    cora.interview(interview_id)
            with pytest.raises(NotFoundError):
                CoachRepository(session, 4).interview(7)
            cora.comment(7, "Name two of their customers next time.", NOW)
            assert [c.text for c in ShareRepository(session, 2).comments(7)] == [
                "Name two of their customers next time."
            ]
            assert ShareRepository(session, 4).comments(7) == []
            ShareRepository(session, 2).revoke(share_id, NOW)
            with pytest.raises(NotFoundError):
                cora.interview(7)
            assert ShareRepository(session, 2).comments(7) == []
        # Deleting the interview deletes its shares and their comments with it.
        ana.delete_interview(7)
        with local.database.session() as session, session.begin():
            assert session.execute(text("SELECT count(*) FROM shares")).scalar() == 0
            assert session.execute(text("SELECT count(*) FROM comments")).scalar() == 0


def test_progress_per_skill_goes_from_the_first_interview_to_the_latest() -> None:
    """Pure: each topic (and kind of question) with its weak and strong moments in the first
    interview it came up in and in the latest; an upcoming interview does not count."""
    from datetime import timedelta

    from afterword.debrief_file import load_debrief_file
    from afterword.insights import skill_progress
    from afterword.model import MomentKind
    from support import EXAMPLES

    base = load_debrief_file(EXAMPLES / "acme-first-round.yaml")

    def at(days: int, kind: MomentKind | None = None) -> object:
        moments = [m.model_copy(update={"kind": kind}) if kind else m for m in base.debrief.moments]
        return base.model_copy(
            update={
                "company": f"Day {days}",
                "ended_at": base.ended_at + timedelta(days=days),
                "debrief": base.debrief.model_copy(update={"moments": moments}),
            }
        )

    interviews = [(1, at(-10)), (2, at(-5, MomentKind.went_well)), (3, at(30))]
    found = {p.name: p for p in skill_progress(interviews, NOW)}  # type: ignore[arg-type]
    email = found["email marketing"]
    assert (email.kind, email.interviews, email.direction) == ("topic", 2, "better")
    assert (email.first.company, email.first.weak, email.first.asked) == ("Day -10", 2, 2)
    assert (email.latest.company, email.latest.weak, email.latest.strong) == ("Day -5", 0, 2)
    assert found["robotics industry"].direction == "better"
    assert skill_progress(interviews[:1], NOW)[0].direction == "once"
    assert skill_progress([], NOW) == []
