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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from afterword import config
from afterword.debrief_file import dump_debrief, load_debrief_file
from afterword.errors import InputError, NotFoundError
from afterword.journey import Card, agenda
from afterword.model import Interview, Moment, Note, NoteStatus, Outcome, Story
from afterword.store.db import Database
from afterword.store.repository import InterviewRepository, StoryRepository, revision

if TYPE_CHECKING:
    from afterword.checker import CheckSettings, Report
    from afterword.composer import BetterAnswer, Draft, Drafts
    from afterword.composer.polish import Polished
    from afterword.matching import MomentEvidence
    from afterword.policy import Decision, PolicySettings, Step

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


def utc_now() -> datetime:
    return datetime.now(UTC)


class Workspace:
    """The use cases over one database.

    ``clock`` is the one place both shells read the time from (tests pass a fixed one); the
    user's checker settings are read once, on first use, so the CLI, the editor and the API
    give a note the same answer.
    """

    def __init__(
        self, database_url: str | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.database = Database(database_url or config.database_url())
        # Looked up when the workspace opens, so that the CLI's tests can set the time too.
        self.clock = clock or utc_now
        self._check_settings: CheckSettings | None = None
        self._policy_settings: PolicySettings | None = None
        self._agenda: _AgendaCache | None = None
        self._agenda_lock = threading.Lock()
        self._contexts: dict[int, tuple[int, Interview]] = {}

    def close(self) -> None:
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

        # The dashboard asks right after the agenda: reuse its interviews while current.
        cache = self._agenda
        interviews = None
        if cache is not None:
            with self.database.engine.connect() as connection:
                if revision(connection) == cache.version:
                    interviews = cache.interviews
        if interviews is None:
            interviews = self.interviews()
        return policy_agenda(interviews, now or self.now(), self.policy_settings())

    def reminders(self, now: datetime | None = None) -> bytes:
        """An iCalendar file of the upcoming deadlines and earliest follow-up dates."""
        from afterword.policy import agenda as policy_agenda
        from afterword.reminders import calendar

        now = now or self.now()
        with self._transaction() as session:
            repository = InterviewRepository(session)
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
        return self._write(lambda session: InterviewRepository(session).add(interview))

    def import_file(self, path: Path) -> int:
        return self.add_interview(load_debrief_file(path, config.timezone()))

    def interview(self, interview_id: int) -> Interview:
        with self._transaction() as session:
            return InterviewRepository(session).get(interview_id)

    def context(self, interview_id: int) -> Interview:
        """The interview a note is checked against. The live editor asks on every pause in
        typing, so a copy is kept, and used only while the revision counter says nothing was
        saved since, through any worker: one cheap query, and no grace period."""
        with self.database.engine.connect() as connection:
            current = revision(connection)
        cached = self._contexts.get(interview_id)
        if cached is not None and cached[0] == current:
            return cached[1]
        with self._transaction() as session:
            current = revision(session)
            interview = InterviewRepository(session).get(interview_id)
        if len(self._contexts) > 256:
            self._contexts.clear()
        self._contexts[interview_id] = (current, interview)
        return interview

    def interviews(self) -> list[tuple[int, Interview]]:
        """Every interview with its id, newest first."""
        with self._transaction() as session:
            return InterviewRepository(session).list()

    def cached_agenda(self, now: datetime) -> list[Card] | None:
        """The agenda as last built, when one cheap query says nothing changed since and its
        countdowns are recent; None when :meth:`agenda` has work to do."""
        with self.database.engine.connect() as connection:
            version = revision(connection)
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
            version = revision(connection)
        bucket = int(now.timestamp() // AGENDA_STEP_SECONDS)
        with self._agenda_lock:
            cache = self._agenda
            if cache is None or cache.version != version:
                with self._transaction() as session:
                    interviews = InterviewRepository(session).list()
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
            repository = InterviewRepository(session)
            repository.lock(interview_id)
            updated = change(repository.get(interview_id))
            # Validate the whole again: a change must not smuggle in an invalid interview.
            updated = Interview.model_validate(updated.model_dump())
            repository.replace(interview_id, updated, expected_version)
            return updated

        return self._write(work)

    def interview_version(self, interview_id: int) -> tuple[Interview, int]:
        """The interview and its version, read together (for a later guarded save)."""
        with self._transaction() as session:
            repository = InterviewRepository(session)
            return repository.get(interview_id), repository.version(interview_id)

    def delete_interview(self, interview_id: int) -> None:
        self._write(lambda session: InterviewRepository(session).delete(interview_id))

    def export(self, interview_id: int, fmt: str = "yaml") -> str:
        return dump_debrief(self.interview(interview_id), fmt)

    # Saving and sending notes ---------------------------------------------------------------

    def note(self, interview_id: int, to: str) -> SavedNote | None:
        """The note to ``to`` as stored, with its version, if there is one."""
        with self._transaction() as session:
            found = InterviewRepository(session).note(interview_id, to)
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
                lambda session: InterviewRepository(session).save_note(
                    interview_id, note, expected_version
                )
            )
        )

    def mark_sent(self, interview_id: int, to: str, when: datetime) -> Note:
        """Record that the note to ``to`` went out at ``when`` (once: the time is kept)."""
        note, _ = self._write(
            lambda session: InterviewRepository(session).mark_sent(interview_id, to, when)
        )
        return note

    def unmark_sent(self, interview_id: int, to: str) -> Note:
        """Undo "mark as sent" within :data:`UNDO_SENT` of it (a slip of the finger)."""
        note, _ = self._write(
            lambda session: InterviewRepository(session).unmark_sent(
                interview_id, to, self.now(), UNDO_SENT
            )
        )
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

    def save_check_in(self, interview_id: int, note: Note) -> Note:
        """Keep ``note`` as the draft check-in to its interviewer (replacing the draft that
        was there); a check-in the policy does not allow now is refused."""

        def change(interview: Interview) -> Interview:
            from afterword.policy import may_check_in

            decision = may_check_in(interview, self.now(), self.policy_settings())
            if not decision.allowed:
                raise InputError(f"no check-in yet: {decision.reason}")
            to = self._check_in_to(interview, note.to)
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
            return StoryRepository(session).list(search)

    def story(self, story_id: int) -> Story:
        with self._transaction() as session:
            return StoryRepository(session).get(story_id)

    def find_story(self, title: str) -> int | None:
        with self._transaction() as session:
            return StoryRepository(session).find(title)

    def add_story(self, story: Story) -> int:
        return self._write(lambda session: StoryRepository(session).add(story))

    def update_story(self, story_id: int, story: Story) -> None:
        self._write(lambda session: StoryRepository(session).update(story_id, story))

    def delete_story(self, story_id: int) -> Story:
        return self._write(lambda session: StoryRepository(session).delete(story_id))

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

        notes = compose(
            self.interview(interview_id),
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


def note_is_ready(interview: Interview, note: Note, settings: CheckSettings | None = None) -> bool:
    """Whether a draft passes the checker (no error finding) for this interview."""
    from afterword.checker import check

    return check(note.body, interview, settings).ready


def load_interview(interview_id: int) -> Interview:
    """One interview from the user's default database (for commands that only read one)."""
    with Workspace() as workspace:
        return workspace.interview(interview_id)
