"""The use cases, written once for both shells (the CLI and the web app).

A :class:`Workspace` is the user's data behind one database. Each method is one transaction:
it either happens whole or not at all, so bad input never loses what was saved before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from sqlalchemy.orm import Session

from afterword import config
from afterword.debrief_file import dump_debrief, load_debrief_file
from afterword.errors import ConflictError, InputError, NotFoundError
from afterword.journey import Card, agenda
from afterword.model import Interview, Moment, Note, NoteStatus, Outcome, Person, Research, Story
from afterword.store.db import Database
from afterword.store.repository import InterviewRepository, StoryRepository, revision
from afterword.store.tables import LOCAL_OWNER

if TYPE_CHECKING:
    from afterword.archive import Archive
    from afterword.checker import CheckSettings, Report
    from afterword.composer import BetterAnswer, Draft, Drafts
    from afterword.composer.polish import Polished
    from afterword.insights import Insights
    from afterword.mail import SmtpSettings
    from afterword.matching import MomentEvidence
    from afterword.policy import Decision, PolicySettings, Step
    from afterword.practice import Plan, PracticeCard, Rating
    from afterword.prep import Checklist
    from afterword.question_bank import QuestionGroup
    from afterword.store.archive import Restored
    from afterword.store.backup import Backup
    from afterword.store.outbox import OutboxEntry

#: How long "mark as sent" can be taken back: a slip of the finger is noticed at once.
UNDO_SENT = timedelta(minutes=10)

#: How often a save is tried when the database is busy or asks for a retry.
WRITE_ATTEMPTS = 5

T = TypeVar("T")


def _transient(exc: Exception) -> bool:
    """Whether a database error means "try again" (busy, deadlock, serialization failure)."""
    original = getattr(exc, "orig", None)
    code = getattr(original, "sqlstate", None)
    if code in ("40001", "40P01"):  # PostgreSQL: serialization failure, deadlock detected
        return True
    message = str(original or exc).lower()
    return "database is locked" in message or "database is busy" in message


#: Seconds between recomputations of the agenda's order and countdowns.
AGENDA_STEP_SECONDS = 5


@dataclass(frozen=True, slots=True)
class SavedNote:
    """A note as stored, and its version (raised by every save of it)."""

    note: Note
    version: int


@dataclass
class _AgendaCache:
    version: int
    interviews: list[tuple[int, Interview]]
    ready: dict[tuple[int, str], bool]
    bucket: int = -1
    cards: list[Card] | None = None
    #: The follow-up policy's steps, for the same interviews and bucket as the cards.
    steps: list[Step] | None = None
    steps_bucket: int = -1


#: What can be sent over SMTP, and its name in messages.
SendKind = Literal["thank_you", "check_in"]
_KINDS: dict[str, str] = {"thank_you": "note", "check_in": "check-in"}


@dataclass(frozen=True, slots=True)
class SendResult:
    """What came of :meth:`Workspace.send`: ``sent``; ``failed`` (nothing went out; the note
    stays a draft, ``error`` says why); ``unknown`` (it may have gone out: look in the Sent
    folder); or ``dry_run`` (nothing was sent). ``message`` is the message as sent (or as it
    would be), ``filename`` a name to save it under."""

    state: Literal["sent", "failed", "unknown", "dry_run"]
    to: str
    email: str
    message_id: str
    message: bytes
    filename: str
    warnings: tuple[str, ...] = ()
    error: str | None = None
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class _Prepared:
    to: str
    email: str
    sender: str
    message: bytes
    message_id: str
    filename: str
    warnings: tuple[str, ...]
    outbox_id: int | None

    def result(
        self,
        state: Literal["sent", "failed", "unknown", "dry_run"],
        error: str | None = None,
        attempts: int = 0,
    ) -> SendResult:
        return SendResult(
            state,
            self.to,
            self.email,
            self.message_id,
            self.message,
            self.filename,
            self.warnings,
            error,
            attempts,
        )


def utc_now() -> datetime:
    return datetime.now(UTC)


class Workspace:
    """The use cases over one database.

    ``clock`` is the one place both shells read the time from (tests pass a fixed one); the
    user's checker settings are read once, on first use, so the CLI, the editor and the API
    give a note the same answer.
    """

    def __init__(
        self,
        database_url: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        owner: int = LOCAL_OWNER,
        database: Database | None = None,
        database_known: bool = False,
    ) -> None:
        if database is None and database_url is None and config.mode() == "hosted":
            # The shells' default workspace is the one person of local mode; on a hosted
            # database that person has nothing, and each account is reached through the web.
            raise config.ConfigError(
                "AFTERWORD_MODE=hosted: the command line works on local mode's data only; "
                "each account's interviews are reached through the web app (here, use "
                "`afterword account` and `afterword db`)"
            )
        self._owns_database = database is None
        # ``database_known``: a worker of `afterword serve`, whose master has upgraded the
        # schema already. It starts without a query (one that a PostgreSQL restart could cut
        # off, killing the worker at start-up); its first request waits for the server instead.
        self.database = database or Database(
            database_url or config.database_url(),
            migrate=not database_known,
            known=database_known,
        )
        # Looked up when the workspace opens, so that the CLI's tests can set the time too.
        self.clock = clock or utc_now
        #: Whose records these use cases see: the one owner of local mode, or an account.
        #: Every repository is scoped to it, so no use case can reach another's records.
        self.owner = owner
        self._check_settings: CheckSettings | None = None
        self._policy_settings: PolicySettings | None = None
        self._agenda: _AgendaCache | None = None
        self._agenda_lock = threading.Lock()
        self._contexts: dict[int, tuple[int, Interview]] = {}

    def for_owner(self, owner: int) -> Workspace:
        """The same use cases over the same database, for ``owner``'s records only (with
        caches of their own)."""
        return Workspace(clock=self.clock, owner=owner, database=self.database)

    def close(self) -> None:
        if self._owns_database:
            self.database.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self.clock()

    def check_settings(self, *, timed: bool = False) -> CheckSettings:
        """The user's checker settings; ``timed`` adds the clock (for the ``late`` rule)."""
        from dataclasses import replace

        from afterword.checking import check_settings

        if self._check_settings is None:
            self._check_settings = check_settings()
        return replace(self._check_settings, now=self.now()) if timed else self._check_settings

    def policy_settings(self) -> PolicySettings:
        """The follow-up policy as ``settings.toml``'s ``[follow_up]`` table sets it:
        ``check_ins`` (0-2), ``profile`` (standard or conservative), ``country`` (and
        ``subdivision``) whose public holidays are days off, ``holidays`` (dates)."""
        if self._policy_settings is None:
            self._policy_settings = policy_settings(self.now().year)
        return self._policy_settings

    def due(self, now: datetime | None = None) -> list[Step]:
        """What needs doing now and next across all interviews, most urgent first."""
        from afterword.policy import agenda as policy_agenda

        # The dashboard asks on every visit, right after the agenda: reuse its interviews
        # while they are current, and the steps themselves within the same few seconds (their
        # words count hours), as the agenda's countdowns do.
        now = now or self.now()
        bucket = int(now.timestamp() // AGENDA_STEP_SECONDS)
        cache = self._current_agenda()
        if cache is not None:
            if cache.steps is None or cache.steps_bucket != bucket:
                cache.steps = policy_agenda(cache.interviews, now, self.policy_settings())
                cache.steps_bucket = bucket
            return cache.steps
        return policy_agenda(self.interviews(), now, self.policy_settings())

    def _current_agenda(self) -> _AgendaCache | None:
        """The dashboard's cache of the interviews, while nothing was saved since."""
        cache = self._agenda
        if cache is None:
            return None
        with self.database.engine.connect() as connection:
            return cache if revision(connection, self.owner) == cache.version else None

    def _all_interviews(self) -> list[tuple[int, Interview]]:
        """Every interview: from the dashboard's cache while it is current, else read."""
        cache = self._current_agenda()
        return cache.interviews if cache is not None else self.interviews()

    def reminders(self, now: datetime | None = None) -> bytes:
        """An iCalendar file of the upcoming deadlines and earliest follow-up dates."""
        from afterword.policy import agenda as policy_agenda
        from afterword.reminders import calendar

        now = now or self.now()
        with self._transaction() as session:
            repository = InterviewRepository(session, self.owner)
            interviews, versions = repository.list(), repository.versions()
        steps = policy_agenda(interviews, now, self.policy_settings())
        return calendar(steps, {i: item.company for i, item in interviews}, versions, now)

    def check(self, text: str, interview_id: int | None = None) -> Report:
        """Check a note, against an interview on record when ``interview_id`` is given."""
        from afterword.checker import check

        if interview_id is None:
            return check(text, None, self.check_settings())
        return check(text, self.context(interview_id), self.check_settings(timed=True))

    def is_ready(self, interview: Interview, note: Note) -> bool:
        """Whether a draft passes the checker (no error finding) for this interview."""
        return note_is_ready(interview, note, self.check_settings())

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A transaction that only reads."""
        with self.database.session() as session, session.begin():
            yield session

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one writing transaction, again if the database asks for a retry.

        A save is acknowledged only once its transaction has committed. SQLite's writers
        queue for the write lock (BEGIN IMMEDIATE, busy_timeout); PostgreSQL may still end a
        transaction in a deadlock or serialization failure, and a locked SQLite file can
        outlast the wait: those are retried a few times, briefly, rather than answered with
        an error the user can do nothing about.
        """
        from sqlalchemy.exc import OperationalError

        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.database.write_session() as session, session.begin():
                    return work(session)
            except OperationalError as exc:
                if attempt == WRITE_ATTEMPTS - 1 or not _transient(exc):
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    # Interviews -----------------------------------------------------------------------------

    def add_interview(self, interview: Interview) -> int:
        """Store a whole interview (with its debrief, stories, research and lessons)."""
        return self._write(lambda session: InterviewRepository(session, self.owner).add(interview))

    def import_file(self, path: Path) -> int:
        return self.add_interview(load_debrief_file(path, config.timezone()))

    def interview(self, interview_id: int) -> Interview:
        with self._transaction() as session:
            return InterviewRepository(session, self.owner).get(interview_id)

    def context(self, interview_id: int) -> Interview:
        """The interview a note is checked against. The live editor asks on every pause in
        typing, so a copy is kept, and used only while the revision counter says nothing was
        saved since, through any worker: one cheap query, and no grace period."""
        with self.database.engine.connect() as connection:
            current = revision(connection, self.owner)
        cached = self._contexts.get(interview_id)
        if cached is not None and cached[0] == current:
            return cached[1]
        with self._transaction() as session:
            current = revision(session, self.owner)
            interview = InterviewRepository(session, self.owner).get(interview_id)
        if len(self._contexts) > 256:
            self._contexts.clear()
        self._contexts[interview_id] = (current, interview)
        return interview

    def interviews(self) -> list[tuple[int, Interview]]:
        """Every interview with its id, newest first."""
        with self._transaction() as session:
            return InterviewRepository(session, self.owner).list()

    def cached_agenda(self, now: datetime) -> list[Card] | None:
        """The agenda as last built, when one cheap query says nothing changed since and its
        countdowns are recent; None when :meth:`agenda` has work to do."""
        with self.database.engine.connect() as connection:
            version = revision(connection, self.owner)
        cache = self._agenda
        if (
            cache is not None
            and cache.version == version
            and cache.cards is not None
            and cache.bucket == int(now.timestamp() // AGENDA_STEP_SECONDS)
        ):
            return cache.cards
        return None

    def agenda(self, now: datetime) -> list[Card]:
        """Every interview as a card, in the order of what needs doing now.

        The dashboard asks on every visit, so the interviews and the checker's verdicts on
        their drafts are kept until one cheap query says something changed; the order and
        countdowns are recomputed at most every few seconds (the page's script keeps the
        countdowns ticking in between). One thread rebuilds while the others wait for it,
        rather than all rebuilding at once after a change.
        """
        with self.database.engine.connect() as connection:
            version = revision(connection, self.owner)
        bucket = int(now.timestamp() // AGENDA_STEP_SECONDS)
        with self._agenda_lock:
            cache = self._agenda
            if cache is None or cache.version != version:
                with self._transaction() as session:
                    interviews = InterviewRepository(session, self.owner).list()
                ready = {
                    (interview_id, n.to): self.is_ready(interview, n)
                    for interview_id, interview in interviews
                    for n in interview.notes
                    if n.status is NoteStatus.draft and n.body.strip()
                }
                cache = self._agenda = _AgendaCache(version, interviews, ready)
            if cache.cards is None or cache.bucket != bucket:
                ids = {id(interview): i for i, interview in cache.interviews}
                cache.cards = agenda(
                    cache.interviews,
                    now,
                    lambda interview, note: cache.ready[(ids[id(interview)], note.to)],
                )
                cache.bucket = bucket
            return cache.cards

    def card(self, interview_id: int, now: datetime) -> Card:
        """One interview as a card: its state, urgency and next step."""
        return agenda([(interview_id, self.interview(interview_id))], now, self.is_ready)[0]

    def update_interview(
        self,
        interview_id: int,
        change: Callable[[Interview], Interview],
        expected_version: int | None = None,
    ) -> Interview:
        """Apply ``change`` to the stored interview and save the result, in one transaction
        that holds the interview's write lock from before it is read, so that no other save
        can land in between; refused when ``expected_version`` is given and is not current."""

        def work(session: Session) -> Interview:
            repository = InterviewRepository(session, self.owner)
            repository.lock(interview_id)
            updated = change(repository.get(interview_id))
            # Validate the whole again: a change must not smuggle in an invalid interview.
            updated = Interview.model_validate(updated.model_dump())
            repository.replace(interview_id, updated, expected_version)
            return updated

        return self._write(work)

    def quick_start(self, interview: Interview) -> int:
        """Log an interview from the quick form (the facts, the one moment that went worst and
        what the user would add now, perhaps a story) and save a first draft of the note to
        each interviewer at once: a note to send within the hour, the full debrief later."""
        interview_id = self.add_interview(interview)
        for draft in self.draft_notes(interview_id, now=self.now()).notes:
            self.save_note(interview_id, draft.note(), expected_version=0)
        return interview_id

    def last_sender(self) -> Person | None:
        """Who signed the most recent interview's notes: asked once, remembered after."""
        with self._transaction() as session:
            return InterviewRepository(session, self.owner).last_sender()

    def require_interview(self, interview_id: int) -> None:
        """Nothing, when the owner has this interview; else :class:`NotFoundError` (the
        answer of a page that only leads elsewhere, so that it tells nothing either)."""
        with self._transaction() as session:
            InterviewRepository(session, self.owner).version(interview_id)

    def interview_version(self, interview_id: int) -> tuple[Interview, int]:
        """The interview and its version, read together (for a later guarded save)."""
        with self._transaction() as session:
            repository = InterviewRepository(session, self.owner)
            return repository.get(interview_id), repository.version(interview_id)

    def delete_interview(self, interview_id: int, remove_stories: Sequence[int] = ()) -> None:
        """Delete an interview with its debrief and notes; the stories in ``remove_stories``
        go too when no other interview uses them (the library keeps the rest)."""
        self._write(
            lambda session: InterviewRepository(session, self.owner).delete(
                interview_id, remove_stories
            )
        )

    def stories_only_in(self, interview_id: int) -> list[tuple[int, str]]:
        """The stories (id, title) only this interview uses."""
        with self._transaction() as session:
            return InterviewRepository(session, self.owner).stories_only_in(interview_id)

    def export(self, interview_id: int, fmt: str = "yaml") -> str:
        return dump_debrief(self.interview(interview_id), fmt)

    # Everything out and back -----------------------------------------------------------------

    def export_all(self) -> Archive:
        """The whole database (interviews, the story library, the outbox, the practice deck),
        read at once."""
        from afterword.archive import build
        from afterword.store.archive import read_everything

        with self._transaction() as session:
            found = read_everything(session, self.owner)
        return build(
            self.now(), found.interviews, found.stories, found.outbox, found.practice, found.shares
        )

    def import_all(self, archive: Archive, *, merge: bool = False) -> Restored:
        """Restore an export into an empty database (refused otherwise, unless ``merge``),
        in one transaction: nothing is written unless all of it is."""
        from afterword.store.archive import restore

        return self._write(lambda session: restore(session, archive, merge=merge, owner=self.owner))

    def backup(self, target: Path, *, force: bool = False) -> Backup:
        """A consistent, checked copy of the SQLite database in ``target``."""
        from afterword.store.backup import backup

        return backup(self.database.url, target, force=force)

    # Saving and sending notes ---------------------------------------------------------------

    def note(self, interview_id: int, to: str) -> SavedNote | None:
        """The note to ``to`` as stored, with its version, if there is one."""
        with self._transaction() as session:
            found = InterviewRepository(session, self.owner).note(interview_id, to)
        return SavedNote(*found) if found else None

    def save_note(
        self, interview_id: int, note: Note, expected_version: int | None = None
    ) -> SavedNote:
        """Save the note to one interviewer (its row only), replacing the draft that was there.

        ``expected_version`` is the version the editor started from (0: no note yet): when
        the stored note is newer, the save is refused and the newer text kept. A sent note is
        the record of what went out (and of when, which the follow-up timing counts from):
        saving it unchanged keeps it, and changing it is refused.
        """
        return SavedNote(
            *self._write(
                lambda session: InterviewRepository(session, self.owner).save_note(
                    interview_id, note, expected_version
                )
            )
        )

    def mark_sent(self, interview_id: int, to: str, when: datetime) -> Note:
        """Record that the note to ``to`` went out at ``when`` (once: the time is kept)."""
        note, _ = self._write(
            lambda session: InterviewRepository(session, self.owner).mark_sent(
                interview_id, to, when
            )
        )
        return note

    def unmark_sent(self, interview_id: int, to: str) -> Note:
        """Undo "mark as sent" within :data:`UNDO_SENT` of it (a slip of the finger); never
        for a note that Afterword sent by email itself (it did go out, and undoing the record
        would allow sending it twice)."""
        from afterword.store.outbox import OutboxRepository

        def work(session: Session) -> tuple[Note, int]:
            repository = InterviewRepository(session, self.owner)
            repository.lock(interview_id)
            if any(
                a.state == "sent"
                for a in OutboxRepository(session, self.owner).attempts(
                    interview_id, "thank_you", to
                )
            ):
                raise InputError(
                    f"the note to {to} was sent by email from here, so it did go out; that "
                    "record is kept"
                )
            return repository.unmark_sent(interview_id, to, self.now(), UNDO_SENT)

        note, _ = self._write(work)
        return note

    # Check-ins --------------------------------------------------------------------------------

    def check_in_decision(self, interview_id: int) -> tuple[Interview, Decision]:
        """The interview, and whether the follow-up policy allows a check-in now (and if
        not, from when, or why never)."""
        from afterword.policy import may_check_in

        interview = self.interview(interview_id)
        return interview, may_check_in(interview, self.now(), self.policy_settings())

    def draft_check_in(self, interview_id: int, to: str | None = None) -> Draft:
        """A short, polite check-in to an interviewer already thanked, checked; refused, with
        the date it would be allowed and why, when the follow-up policy says not now."""
        from afterword.composer.check_in import draft_check_in

        interview, decision = self.check_in_decision(interview_id)
        if not decision.allowed:
            raise InputError(f"no check-in yet: {decision.reason}")
        return draft_check_in(interview, self._check_in_to(interview, to), self.now())

    def save_check_in(self, interview_id: int, note: Note, was: str | None = None) -> Note:
        """Keep ``note`` as the draft check-in to its interviewer (replacing the draft that
        was there); a check-in the policy does not allow now is refused. ``was``: the draft's
        text as the page showed it (empty: none); when the stored draft is another by now (a
        second tab), nothing is saved and the newer text is kept."""

        def change(interview: Interview) -> Interview:
            from afterword.policy import may_check_in

            decision = may_check_in(interview, self.now(), self.policy_settings())
            if not decision.allowed:
                raise InputError(f"no check-in yet: {decision.reason}")
            to = self._check_in_to(interview, note.to)
            stored = next(
                (
                    c.body
                    for c in interview.check_ins
                    if c.status is NoteStatus.draft and c.to.casefold() == to.casefold()
                ),
                "",
            )
            # Browsers send a form's line breaks as CRLF: compare the text, not the breaks.
            if was is not None and _plain(stored) != _plain(was):
                raise ConflictError(
                    "the check-in was changed elsewhere (another tab or window) since this page "
                    "was shown; nothing was saved, and the newer text is kept. Reload to see it."
                )
            kept = [
                c
                for c in interview.check_ins
                if not (c.status is NoteStatus.draft and c.to.casefold() == to.casefold())
            ]
            draft = note.model_copy(update={"to": to, "status": NoteStatus.draft})
            return interview.model_copy(update={"check_ins": [*kept, draft]})

        updated = self.update_interview(interview_id, change)
        return updated.check_ins[-1]

    def mark_check_in_sent(self, interview_id: int, to: str | None, when: datetime) -> Note:
        """Record that the draft check-in went out at ``when``."""

        def change(interview: Interview) -> Interview:
            drafts = [c for c in interview.check_ins if c.status is NoteStatus.draft]
            if to is not None:
                drafts = [c for c in drafts if c.to.casefold() == to.casefold()]
            if not drafts:
                raise NotFoundError("there is no check-in draft to mark as sent")
            sent = drafts[-1].model_copy(update={"status": NoteStatus.sent, "sent_at": when})
            rest = [c for c in interview.check_ins if c is not drafts[-1]]
            return interview.model_copy(update={"check_ins": [*rest, sent]})

        updated = self.update_interview(interview_id, change)
        return next(c for c in reversed(updated.check_ins) if c.status is NoteStatus.sent)

    @staticmethod
    def _check_in_to(interview: Interview, to: str | None) -> str:
        """The interviewer a check-in goes to: one who was thanked (the first, by default)."""
        thanked = [n.to for n in interview.notes if n.status is NoteStatus.sent]
        if to is None:
            return thanked[0]
        found = next((name for name in thanked if name.casefold() == to.casefold()), None)
        if found is None:
            raise InputError(
                f"a check-in goes to someone you thanked: {', '.join(thanked) or 'nobody yet'}"
            )
        return found

    def record_outcome(
        self, interview_id: int, outcome: Outcome | None, lessons: Sequence[str] = ()
    ) -> Interview:
        """Record how it ended (``None`` leaves the outcome as it is) and add lessons."""
        lessons = [line.strip() for line in lessons if line.strip()]
        if outcome is None and not lessons:
            raise InputError("give an outcome or a lesson; nothing was saved")

        def change(interview: Interview) -> Interview:
            update: dict[str, object] = {}
            if outcome is not None:
                update["outcome"] = outcome
            if lessons:
                debrief = interview.debrief
                update["debrief"] = debrief.model_copy(
                    update={"lessons": [*debrief.lessons, *lessons]}
                )
            return interview.model_copy(update=update)

        return self.update_interview(interview_id, change)

    # The story library ----------------------------------------------------------------------

    def stories(self, search: str | None = None) -> list[tuple[int, Story]]:
        with self._transaction() as session:
            return StoryRepository(session, self.owner).list(search)

    def story(self, story_id: int) -> Story:
        with self._transaction() as session:
            return StoryRepository(session, self.owner).get(story_id)

    def find_story(self, title: str) -> int | None:
        with self._transaction() as session:
            return StoryRepository(session, self.owner).find(title)

    def add_story(self, story: Story) -> int:
        return self._write(lambda session: StoryRepository(session, self.owner).add(story))

    def update_story(self, story_id: int, story: Story) -> None:
        self._write(lambda session: StoryRepository(session, self.owner).update(story_id, story))

    def delete_story(self, story_id: int) -> Story:
        return self._write(lambda session: StoryRepository(session, self.owner).delete(story_id))

    # Notes and evidence ---------------------------------------------------------------------
    # The composer and the matcher are pure; these use cases feed them the interview and the
    # whole story library, and store what the user keeps. Imports are local: they pull in
    # numpy and the embedding model, which commands that only list interviews should not pay.

    def evidence(self, interview_id: int, top: int = 3) -> dict[int, MomentEvidence]:
        """For each weak moment, the stories (the whole library) and research that back it,
        keyed by the moment's 0-based position in the debrief (``.number`` is 1-based)."""
        from afterword.matching import rank_evidence

        interview = self.interview(interview_id)
        found = rank_evidence(interview, self._library(), top=top)
        return {item.number - 1: item for item in found}

    def better_answer(
        self, interview_id: int, moment_number: int, story_title: str | None = None
    ) -> BetterAnswer:
        """Draft a better answer to one weak moment (1-based, as `afterword show` numbers
        them) in the situation-action-result shape, from its best story or ``story_title``."""
        from afterword.composer import draft_answer
        from afterword.matching import Matcher, merge_stories

        interview = self.interview(interview_id)
        moment = self._weak_moment(interview, moment_number)
        stories = merge_stories(interview.stories, self._library())
        found = Matcher(stories, interview.research).moment(moment_number, moment)
        try:
            return draft_answer(found, story_title)
        except LookupError as exc:
            raise InputError(f"{exc} (see `afterword story list`)") from exc

    def save_better_answer(
        self,
        interview_id: int,
        moment_number: int,
        text: str,
        stories: Sequence[str] = (),
    ) -> Moment:
        """Keep ``text`` as the moment's better answer, linking the stories it draws on."""
        if not text.strip():
            raise InputError("the better answer is empty; nothing was saved")

        def change(interview: Interview) -> Interview:
            moment = self._weak_moment(interview, moment_number)
            linked = list(dict.fromkeys([*moment.stories, *stories]))
            updated = moment.model_copy(update={"better_answer": text.strip(), "stories": linked})
            moments = list(interview.debrief.moments)
            moments[moment_number - 1] = updated
            debrief = interview.debrief.model_copy(update={"moments": moments})
            return interview.model_copy(update={"debrief": debrief})

        return self.update_interview(interview_id, change).debrief.moments[moment_number - 1]

    def draft_notes(
        self,
        interview_id: int,
        *,
        to: str | None = None,
        variants: int = 1,
        tone: str = "warm",
        max_words: int = 150,
        seed: int | None = None,
        now: datetime | None = None,
    ) -> Drafts:
        """Draft the thank-you notes of an interview (see :func:`afterword.composer.compose`),
        with what to add to the debrief to make them stronger."""
        from afterword.composer import Drafts, compose

        interview = self.interview(interview_id)
        if interview.sender is None:
            # A note is never unsigned: who signed the last one signs this one.
            interview = interview.model_copy(update={"sender": self.last_sender()})
        notes = compose(
            interview,
            to=to,
            variants=variants,
            tone=tone,
            max_words=max_words,
            seed=seed,
            now=now,
            library=self._library(),
        )
        return Drafts(notes, list(dict.fromkeys(line for d in notes for line in d.suggestions)))

    def polish_notes(
        self,
        interview_id: int,
        drafts: Sequence[Draft],
        environ: Mapping[str, str],
        max_words: int = 150,
    ) -> list[Polished]:
        """Ask the configured language model to polish each draft; a draft it cannot improve
        within the rules stays as it was (each result says why)."""
        import httpx

        from afterword.composer.polish import LLMSettings, polish

        settings = LLMSettings.from_env(environ)
        interview = self.interview(interview_id)
        with httpx.Client() as client:
            return [
                polish(d, interview, settings, max_words=max_words, client=client) for d in drafts
            ]

    def note_eml(self, interview_id: int, to: str) -> tuple[str, bytes]:
        """The saved note to ``to`` as an .eml file (its name and bytes), to open and send."""
        from afterword.composer.draft import eml_name, note_eml

        interview = self.interview(interview_id)
        note = next((n for n in interview.notes if n.to.casefold() == to.casefold()), None)
        if note is None:
            raise NotFoundError(f"there is no note to {to} yet")
        person = interview.interviewer(note.to)
        return eml_name(interview_id, note.to), note_eml(
            note, person.email if person else None, interview.sender
        )

    # Sending over SMTP ----------------------------------------------------------------------
    # The attempt is recorded (the outbox) and committed before the connection opens, so that
    # a send cut off half-way is never forgotten, nor made twice.

    def smtp_settings(self) -> SmtpSettings | None:
        """The ``[smtp]`` settings of ``settings.toml`` (without the password), or None.

        Only local mode's one person sends through them. On a hosted site the settings file
        is the operator's, and its ``[smtp]`` is the site's own server (for links to set a
        new password): a member's thank-you note must come from the member's own mailbox, so
        members download it (.eml) or copy it instead."""
        if self.owner != LOCAL_OWNER:
            return None
        return smtp_settings()

    def send(
        self,
        interview_id: int,
        to: str | None = None,
        *,
        kind: SendKind = "thank_you",
        force: bool = False,
        dry_run: bool = False,
        smtp: SmtpSettings | None = None,
        sleep: Callable[[float], None] = time.sleep,
        shown: SendResult | None = None,
    ) -> SendResult:
        """Send the note (or the draft check-in) to ``to`` over SMTP.

        Refused, with the reason (and the date from when, where there is one), when the
        follow-up policy says not now, when the note still has errors (``force`` sends it
        anyway, with a warning), when the interviewer has no email address, and while an
        earlier send to them may have gone out (see :meth:`resolve_send`). ``dry_run`` makes
        the message and sends nothing. ``smtp`` defaults to the user's settings, with the
        password from the environment or the keyring; ``sleep`` waits between retries.
        ``shown``: the dry run the user confirmed; when the message would now differ (the note
        was saved elsewhere meanwhile), nothing is sent.
        """
        from afterword.mail import deliver
        from afterword.store.outbox import OutboxRepository

        if kind not in ("thank_you", "check_in"):
            raise InputError(f"cannot send a {kind!r}: a thank_you or a check_in")
        settings = smtp if smtp is not None else self._smtp_for_sending(required=not dry_run)
        policy = self.policy_settings()
        checking = self.check_settings(timed=True)

        def prepare(session: Session, record: bool) -> _Prepared:
            return self._prepare_send(
                session, interview_id, to, kind, force, settings, policy, checking, record, shown
            )

        if dry_run:
            with self._transaction() as session:
                ready = prepare(session, False)
            return ready.result("dry_run")
        assert settings is not None
        from sqlalchemy.exc import IntegrityError

        try:
            ready = self._write(lambda session: prepare(session, True))
        except IntegrityError as exc:  # the same attempt, started at the same moment elsewhere
            raise InputError(
                f"the {_KINDS[kind]} to {to or 'them'} is being sent already; nothing more was sent"
            ) from exc
        assert ready.outbox_id is not None
        delivery = deliver(settings, ready.message, ready.sender, [ready.email], sleep=sleep)

        def finish(session: Session) -> None:
            # Under the interview's lock, as every save of it: marking the note sent raises
            # the interview's version, which a concurrent save must not raise to the same value.
            InterviewRepository(session, self.owner).lock(interview_id)
            OutboxRepository(session, self.owner).finish(
                ready.outbox_id or 0, delivery.state, delivery.error, self.now()
            )

        self._write(finish)
        return ready.result(delivery.state, delivery.error, delivery.attempts)

    def resolve_send(
        self, interview_id: int, to: str, *, sent: bool, kind: SendKind = "thank_you"
    ) -> OutboxEntry:
        """Settle a send whose outcome is unknown, once the user has looked in their Sent
        folder: ``sent`` records it as sent (the note too, at the time of the attempt);
        otherwise it is recorded as not sent, and a new send is allowed."""
        from afterword.store.outbox import STALE_SENDING, OutboxRepository

        def work(session: Session) -> OutboxEntry:
            InterviewRepository(session, self.owner).lock(interview_id)
            outbox = OutboxRepository(session, self.owner)
            now = self.now()
            open_ = [
                a
                for a in outbox.attempts(interview_id, kind, to)
                if a.state == "unknown"
                or (a.state == "sending" and now - a.created_at > STALE_SENDING)
            ]
            if not open_:
                raise InputError(
                    f"there is no send to {to} of unknown outcome to settle (see the outbox "
                    "with `afterword send --help`)"
                )
            last = open_[-1]
            if sent:
                return outbox.finish(last.id, "sent", last.error, now, sent_at=last.created_at)
            return outbox.finish(last.id, "failed", "not sent: it was not in your Sent folder", now)

        return self._write(work)

    def last_send(
        self, interview_id: int, to: str, kind: SendKind = "thank_you"
    ) -> OutboxEntry | None:
        """The latest attempt to send to ``to`` (its state and error), if there was one."""
        from afterword.store.outbox import STALE_SENDING, OutboxRepository

        with self._transaction() as session:
            found = OutboxRepository(session, self.owner).attempts(interview_id, kind, to)
        if not found:
            return None
        last = found[-1]
        if last.state == "sending" and self.now() - last.created_at > STALE_SENDING:
            from dataclasses import replace

            return replace(last, state="unknown")
        return last

    def _smtp_for_sending(self, *, required: bool) -> SmtpSettings | None:
        from dataclasses import replace

        from afterword.mail import PASSWORD_VARIABLE, password

        settings = self.smtp_settings()
        if settings is None:
            if not required:
                return None
            if self.owner != LOCAL_OWNER:
                raise InputError(
                    "on this site notes go out from your own mailbox: download the note "
                    "(.eml) to open it in your mail program, or copy it"
                )
            raise InputError(
                f"sending needs your mail server: add an [smtp] table to "
                f"{config.settings_path()} (host, port, security, user, from); see the README"
            )
        if settings.user and required:  # a dry run logs in nowhere: no keyring prompt
            secret = password(settings.user)
            if secret is None and required:
                raise InputError(
                    f"no password for {settings.user}: set {PASSWORD_VARIABLE}, or store it "
                    f"in the system keyring (pip install keyring; keyring set afterword "
                    f"{settings.user})"
                )
            settings = replace(settings, password=secret)
        return settings

    def _prepare_send(
        self,
        session: Session,
        interview_id: int,
        to: str | None,
        kind: SendKind,
        force: bool,
        smtp: SmtpSettings | None,
        policy: PolicySettings,
        checking: CheckSettings,
        record: bool,
        shown: SendResult | None = None,
    ) -> _Prepared:
        """Everything a send checks and makes before the connection opens, under the
        interview's lock; with ``record``, the attempt is added to the outbox."""
        from afterword.checker import check
        from afterword.composer.draft import eml_name, note_eml
        from afterword.mail import outgoing
        from afterword.model import Person
        from afterword.policy import may_check_in, may_thank
        from afterword.store.outbox import STALE_SENDING, OutboxRepository
        from afterword.store.tables import InterviewRow

        repository = InterviewRepository(session, self.owner)
        repository.lock(interview_id)
        interview = repository.get(interview_id)
        row = session.get(InterviewRow, interview_id)
        assert row is not None
        what = _KINDS[kind]
        mails = row.notes if kind == "thank_you" else row.check_ins
        drafts = [m for m in mails if m.status == NoteStatus.draft.value]
        if to is None:
            names = list(dict.fromkeys(m.to for m in (drafts or mails)))
            if len(names) != 1:
                raise InputError(
                    f"say which {what} to send with --to NAME"
                    + (f" (one of: {', '.join(names)})" if names else f"; there is no {what} yet")
                )
            to = names[0]
        folded = to.casefold()
        now = self.now()
        outbox = OutboxRepository(session, self.owner)
        earlier = outbox.attempts(interview_id, kind, to)
        for attempt in earlier:
            stale = attempt.state == "sending" and now - attempt.created_at > STALE_SENDING
            if attempt.state == "unknown" or stale:
                raise InputError(
                    f"the {what} to {attempt.to} may already have gone out: the connection to "
                    f"the mail server was lost after it was handed over ({attempt.message_id}). "
                    "Look in your Sent folder, then run `afterword send "
                    f'{interview_id} --to "{attempt.to}" --mark-sent` (or --mark-not-sent to '
                    "send it again); it is never re-sent blindly"
                )
            if attempt.state == "sending":
                raise InputError(
                    f"the {what} to {attempt.to} is being sent already; nothing more was sent"
                )
        mine = [m for m in mails if m.to.casefold() == folded]
        draft = next((m for m in reversed(mine) if m.status == NoteStatus.draft.value), None)
        if kind == "thank_you":
            decision = may_thank(interview, mine[0].to if mine else to, now, policy)
        else:
            decision = may_check_in(interview, now, policy)
        if not decision.allowed:
            raise InputError(f"not sent: {decision.reason}")
        if draft is None:
            if kind == "check_in":
                raise InputError(
                    f"there is no check-in draft to {to}: write one first (`afterword checkin`)"
                )
            raise NotFoundError(f"there is no note to {to} yet")
        if not draft.body.strip():
            raise InputError(f"the {what} to {draft.to} is empty; write it before sending")
        person = interview.interviewer(draft.to)
        if person is None or not person.email:
            raise InputError(
                f"there is no email address for {draft.to}: add it to the interview "
                f"(`afterword interview edit {interview_id}`)"
            )
        warnings: list[str] = []
        if decision.reason.startswith("late"):
            warnings.append(decision.reason)
        errors = [
            f for f in check(draft.body, interview, checking).findings if f.severity == "error"
        ]
        if errors:
            listed = "; ".join(f"{f.rule}: {f.message}" for f in errors)
            if not force:
                raise InputError(
                    f"not sent: the {what} to {draft.to} still has {len(errors)} thing"
                    f"{'s' if len(errors) > 1 else ''} to fix ({listed}); fix "
                    f"{'them' if len(errors) > 1 else 'it'} (`afterword check`), or send it "
                    "anyway with --force"
                )
            warnings.append(f"sent with {len(errors)} error(s) left, as you asked: {listed}")
        address = (smtp.sender if smtp else None) or (
            interview.sender.email if interview.sender else None
        )
        if not address:
            raise InputError(
                "there is no address to send from: set `from` in [smtp] of "
                f"{config.settings_path()}, or your email as the interview's sender"
            )
        name = interview.sender.name if interview.sender else address
        note = Note(to=draft.to, subject=draft.subject, body=draft.body)
        eml = note_eml(note, person.email, Person(name=name, email=address), now)
        message, message_id = outgoing(eml)
        if shown is not None and _content(shown.message) != _content(message):
            raise InputError(
                f"the {_KINDS[kind]} to {draft.to} changed since it was shown (saved elsewhere "
                "meanwhile); nothing was sent. Look at it again before sending"
            )
        outbox_id = None
        if record:
            outbox_id = outbox.start(
                interview_id,
                kind,
                draft.to,
                person.email,
                message_id,
                draft.version,
                draft.subject,
                draft.body,
                now,
            ).id
        return _Prepared(
            to=draft.to,
            email=person.email,
            sender=address,
            message=message,
            message_id=message_id,
            filename=eml_name(interview_id, draft.to),
            warnings=tuple(warnings),
            outbox_id=outbox_id,
        )

    # Learning across interviews -------------------------------------------------------------

    def insights(self) -> Insights:
        """What the interviews that have ended say, taken together."""
        from afterword.insights import insights

        return insights(self.interviews(), self.now())

    def question_bank(
        self, query: str | None = None, topic: str | None = None
    ) -> list[QuestionGroup]:
        """Every question asked, the same question from different interviews grouped; only
        those that hold ``query`` and have ``topic``, when given."""
        from afterword.question_bank import bank, search

        return search(bank(self.interviews()), query, topic)

    def prep(self, company: str, role: str) -> Checklist:
        """The prep checklist for an interview with ``company`` for ``role``."""
        from afterword.prep import checklist

        if not company.strip() or not role.strip():
            raise InputError("say which company and role the interview is for")
        return checklist(self.interviews(), self._library(), company, role, self.now())

    # Practice -------------------------------------------------------------------------------

    #: FSRS spreads the longer intervals at random; tests turn it off for exact dates.
    practice_fuzzing = True
    _practice_cache: tuple[tuple[int, int], Plan] | None = None

    def practice(
        self,
        *,
        limit: int | None = None,
        before: date | None = None,
        sync: bool = True,
    ) -> Plan:
        """Today's practice: the weak questions with a better answer, due or new, at most
        ``limit`` a day; those likely at the next interview (the soonest logged in the future,
        or the one by ``before``) first. With ``sync``, the questions new to the deck get their
        cards (due now) first."""
        from afterword.insights import ended
        from afterword.practice import DAILY_LIMIT, card_key, likely_for, match, plan, upcoming
        from afterword.question_bank import bank
        from afterword.store.practice import PracticeRepository

        if limit is not None and limit < 1:
            raise InputError("the limit is a number of questions a day, 1 or more")
        now, zone = self.now(), practice_zone()
        interviews = self._all_interviews()
        groups = bank(interviews)
        with self._transaction() as session:
            cards = PracticeRepository(session, self.owner).cards()
        if sync:
            wanted = [(card_key(g.question), g.question) for g, c in match(groups, cards) if not c]
            if wanted:
                self._write(
                    lambda session: PracticeRepository(session, self.owner).add_missing(wanted, now)
                )
        start = datetime.combine(now.astimezone(zone).date(), datetime.min.time(), zone)
        with self._transaction() as session:
            repository = PracticeRepository(session, self.owner)
            cards = repository.cards() if sync else cards
            done = repository.reviews_since(start)
        coming = upcoming(interviews, now, before, zone)
        return plan(
            match(groups, cards),
            now,
            done_today=done,
            limit=limit or DAILY_LIMIT,
            zone=zone,
            upcoming=coming,
            likely=likely_for(groups, ended(interviews, now), coming),
        )

    def practice_today(self) -> int:
        """How many questions are left to practise today (for the dashboard): kept while
        nothing was saved or practised since (every practice write raises the owner's
        revision), within the hour."""
        with self.database.engine.connect() as connection:
            key = (revision(connection, self.owner), int(self.now().timestamp() // 3600))
        cached = self._practice_cache
        if cached is not None and cached[0] == key:
            return len(cached[1].today)
        found = self.practice(sync=False)
        self._practice_cache = (key, found)
        return len(found.today)

    def practise(
        self,
        card_id: int,
        rating: Rating,
        answer: str | None = None,
        expected_reviews: int | None = None,
    ) -> PracticeCard:
        """Record one review of a practice card (and the answer typed, if any) and schedule
        its next; refused when ``expected_reviews`` is given and the card was reviewed since
        (a rating sent twice)."""
        from afterword.errors import ConflictError
        from afterword.practice import review
        from afterword.store.practice import PracticeRepository

        now = self.now()
        answer = answer.strip() if answer and answer.strip() else None

        def work(session: Session) -> PracticeCard:
            repository = PracticeRepository(session, self.owner)
            card = repository.get(card_id, lock=True)
            if expected_reviews is not None and card.reviews != expected_reviews:
                raise ConflictError("this question was rated already (in another tab or window)")
            updated = review(card, rating, now, fuzzing=self.practice_fuzzing)
            return repository.record(updated, rating, answer, now)

        return self._write(work)

    def practice_card(self, card_id: int) -> PracticeCard:
        """One practice card of the owner's deck (:class:`NotFoundError` for any other)."""
        from afterword.store.practice import PracticeRepository

        with self._transaction() as session:
            return PracticeRepository(session, self.owner).get(card_id)

    def practice_answers(self, card_id: int) -> list[tuple[int, datetime, str | None]]:
        """A card's reviews, oldest first: the rating, when, and the answer typed."""
        from afterword.store.practice import PracticeRepository

        with self._transaction() as session:
            return PracticeRepository(session, self.owner).reviews(card_id)

    def change_research(
        self,
        interview_id: int,
        index: int | None,
        item: Research | None,
        was: Research | None = None,
    ) -> Interview:
        """Add a research item (``index`` None), replace the one at ``index`` (0-based), or
        remove it (``item`` None). ``was`` is the item as the user saw it: when another tab
        changed it since, nothing is saved."""

        def change(interview: Interview) -> Interview:
            research = list(interview.research)
            if index is not None:
                if not 0 <= index < len(research):
                    raise InputError("that research item no longer exists; reload the page")
                if was is not None and (research[index].topic, research[index].text) != (
                    was.topic,
                    was.text,
                ):
                    raise InputError(
                        "this research item was changed in another tab or window since this "
                        "page was shown; nothing was saved"
                    )
                if item is None:
                    del research[index]
                else:
                    research[index] = item
            elif item is not None:
                research.append(item)
            return interview.model_copy(update={"research": research})

        return self.update_interview(interview_id, change)

    def _library(self) -> list[Story]:
        return [story for _, story in self.stories()]

    @staticmethod
    def _weak_moment(interview: Interview, number: int) -> Moment:
        moments = interview.debrief.moments
        if not 1 <= number <= len(moments):
            raise InputError(
                f"there is no moment {number}: the debrief has {len(moments)} "
                "(see `afterword show`)"
            )
        moment = moments[number - 1]
        if not moment.kind.is_weak:
            raise InputError(f"moment {number} went well; there is nothing to answer better")
        return moment


def _content(message: bytes) -> tuple[str, ...]:
    """What a person reads of a message: who it is from and to, its subject and text (not its
    Date or Message-ID, which each making of it gives anew)."""
    import email
    from email.policy import default

    parsed = email.message_from_bytes(message, policy=default)
    body = parsed.get_body(preferencelist=("plain",)) if parsed.is_multipart() else parsed
    text = body.get_content() if body is not None else ""
    return (str(parsed["From"]), str(parsed["To"]), str(parsed["Subject"]), str(text))


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def policy_settings(year: int) -> PolicySettings:
    """The user's ``[follow_up]`` settings, with their country's public holidays around
    ``year`` as days off."""
    from afterword.policy import PolicySettings

    try:
        table = config.settings().get("follow_up", {})
        if not isinstance(table, dict):
            raise ValueError("[follow_up] must be a table")
        days: list[date] = []
        country = table.get("country")
        if country:
            import holidays

            try:
                found = holidays.country_holidays(
                    str(country), subdiv=table.get("subdivision"), years=range(year - 1, year + 2)
                )
            except NotImplementedError as exc:
                raise ValueError(f"[follow_up] country: {exc}") from exc
            days = list(found)
        return PolicySettings.from_mapping(table, days)
    except (config.ConfigError, ValueError) as exc:
        raise InputError(f"{config.settings_path()}: {exc}") from exc


def smtp_settings() -> SmtpSettings | None:
    """The user's ``[smtp]`` settings (host, port, security, user, from), or None when there
    is no ``[smtp]`` table; never the password (see :func:`afterword.mail.password`)."""
    try:
        return config.smtp_settings()
    except config.ConfigError as exc:
        raise InputError(str(exc)) from exc


def practice_zone() -> tzinfo:
    """The zone whose days practice counts in: the configured one, else this computer's."""
    return config.local_zone()


def note_is_ready(interview: Interview, note: Note, settings: CheckSettings | None = None) -> bool:
    """Whether a draft passes the checker (no error finding) for this interview."""
    from afterword.checker import check

    return check(note.body, interview, settings).ready


def load_interview(interview_id: int) -> Interview:
    """One interview from the user's default database (for commands that only read one)."""
    with Workspace() as workspace:
        return workspace.interview(interview_id)
