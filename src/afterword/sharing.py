"""Sharing with a coach, by consent (hosted mode): a member shares one interview, or their
insights, with a coach named by email, and can revoke each share; sharing and revoking ask
for the password again. A coach reads what is shared with them, read-only, and can comment on
a shared interview; the member sees the comments on the interview's page. Revoking takes
effect on the coach's next request, and hides the comments with the rest.

Every read of a coach goes through :class:`~afterword.store.sharing.CoachRepository`, scoped
by a standing share: anything else does not exist to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from afterword.accounts import Accounts, normal_email
from afterword.errors import InputError
from afterword.insights import Insights, SkillProgress, insights, skill_progress
from afterword.model import Interview
from afterword.store.db import Database
from afterword.store.sharing import CoachRepository, Comment, Share, ShareRepository

#: The longest comment taken (a few paragraphs, as a note to a member).
MAX_COMMENT = 5000


@dataclass(frozen=True, slots=True)
class SharedInsights:
    """What a coach sees of a member's insights: the insights, and progress per skill."""

    share: Share
    insights: Insights
    progress: list[SkillProgress]


class Sharing:
    """The sharing use cases over one database; ``clock`` as in :class:`Workspace`."""

    def __init__(self, database: Database, clock: Callable[[], datetime], accounts: Accounts):
        self.database = database
        self.clock = clock
        self.accounts = accounts

    # The member's side --------------------------------------------------------------------

    def share(
        self, member_id: int, coach_email: str, interview_id: int | None, password: str
    ) -> tuple[Share, bool]:
        """Share one of the member's interviews (``interview_id``), or their insights (None),
        with the coach of that email, once the password is given again. Returns the share and
        whether it is new (one that stands already is kept)."""
        try:
            email = normal_email(coach_email)
        except InputError:
            email = ""
        with self.database.write_session() as session, session.begin():
            repository = ShareRepository(session, member_id)
            # First whether the interview is theirs (else it does not exist), then the rest.
            if interview_id is not None:
                from afterword.store.repository import InterviewRepository

                InterviewRepository(session, member_id).version(interview_id)
            coach = repository.coach(email) if email else None
            if coach is None or coach == member_id:
                raise InputError(
                    f"there is no coach with the email {coach_email.strip()[:320]!r} here: ask "
                    "your coach which email their account has (the admin makes accounts coaches)"
                )
        self.accounts.confirm(member_id, password)
        with self.database.write_session() as session, session.begin():
            repository = ShareRepository(session, member_id)
            share_id, new = repository.add(coach, interview_id, self.clock())
            return repository.get(share_id), new

    def revoke(self, member_id: int, share_id: int, password: str) -> Share:
        """End one of the member's shares, once the password is given again."""
        with self.database.session() as session, session.begin():
            ShareRepository(session, member_id).get(share_id)  # theirs, or it does not exist
        self.accounts.confirm(member_id, password)
        with self.database.write_session() as session, session.begin():
            return ShareRepository(session, member_id).revoke(share_id, self.clock())

    def shares(self, member_id: int) -> list[Share]:
        with self.database.session() as session, session.begin():
            return ShareRepository(session, member_id).list()

    def comments(self, member_id: int, interview_id: int) -> list[Comment]:
        """The coaches' comments on one of the member's interviews."""
        with self.database.session() as session, session.begin():
            return ShareRepository(session, member_id).comments(interview_id)

    # The coach's side ---------------------------------------------------------------------

    def shared_with(self, coach_id: int) -> list[Share]:
        with self.database.session() as session, session.begin():
            return CoachRepository(session, coach_id).list()

    def interview(self, coach_id: int, interview_id: int) -> tuple[Share, Interview, list[Comment]]:
        with self.database.session() as session, session.begin():
            return CoachRepository(session, coach_id).interview(interview_id)

    def insights(self, coach_id: int, member_id: int) -> SharedInsights:
        with self.database.session() as session, session.begin():
            share, interviews = CoachRepository(session, coach_id).interviews_for_insights(
                member_id
            )
        now = self.clock()
        return SharedInsights(share, insights(interviews, now), skill_progress(interviews, now))

    def comment(self, coach_id: int, interview_id: int, text: str) -> Comment:
        """Leave a comment on an interview shared with the coach."""
        text = text.strip()
        with self.database.write_session() as session, session.begin():
            repository = CoachRepository(session, coach_id)
            # Whether it is shared comes first: a refusal of the text must not tell.
            repository.share_for(interview_id)
            if not text:
                raise InputError("the comment is empty; write something first")
            if len(text) > MAX_COMMENT:
                raise InputError(f"a comment can have at most {MAX_COMMENT} characters")
            return repository.comment(interview_id, text, self.clock())
