"""Accounts for hosted mode: sign-up (open, or by an admin's invitation), logging in and out,
changing the password, server-side sessions, per-account throttling of failed logins, and
the admin's two powers (invite, deactivate), which read nobody's interviews.

Passwords are hashed with argon2id; sessions and invitations are random tokens of which only
the SHA-256 is stored. Everything that counts (failed logins, sessions) lives in the database,
so that any number of workers agree.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from afterword.errors import InputError, NotFoundError
from afterword.store.accounts import AccountRepository, User
from afterword.store.db import Database

if TYPE_CHECKING:
    from argon2 import PasswordHasher

#: The shortest and the longest password taken (a long one costs argon2 nothing more, but a
#: megabyte of it is no password).
MIN_PASSWORD = 12
MAX_PASSWORD = 1024
#: How long a login lasts.
SESSION_LIFETIME = timedelta(days=14)
#: How long an invitation can be used.
INVITE_LIFETIME = timedelta(days=7)
#: How long a link to set a new password works, and how often one is mailed to an account
#: (asking again sooner mails nothing: a stranger cannot flood someone's inbox).
RESET_LIFETIME = timedelta(hours=1)
RESET_INTERVAL = timedelta(minutes=5)
#: Failed logins in a row before the account waits; the first wait, doubled by each further
#: failure, up to a day.
FREE_TRIES = 5
FIRST_WAIT = timedelta(minutes=15)
LONGEST_WAIT = timedelta(days=1)

#: The roles an admin can give an account on the admin page (admins are made on the command
#: line).
ASSIGNABLE_ROLES = ("member", "coach")

#: One message for every failed login: it never tells whether the account exists, is
#: deactivated, or is waiting after too many tries.
LOGIN_FAILED = (
    "That email and password do not match an account that can log in. After "
    f"{FREE_TRIES} failed tries in a row an account waits {FIRST_WAIT.seconds // 60} "
    "minutes before the next."
)


def owasp_hasher() -> PasswordHasher:
    """argon2id as OWASP recommends it (19 MiB, 2 passes, one lane): about 0.1 s a hash."""
    from argon2 import PasswordHasher, Type

    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)


def cheapest_hasher() -> PasswordHasher:
    """The cheapest argon2id there is: for tests only."""
    from argon2 import PasswordHasher, profiles

    return PasswordHasher.from_parameters(profiles.CHEAPEST)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Login:
    """A new session: the token for the cookie, and whose it is."""

    token: str
    user: User


def normal_email(email: str) -> str:
    """An email address as accounts are keyed by it (checked, folded to lower case)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        found = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise InputError(f"email: {exc}") from exc
    return found.normalized.lower()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InputError(f"the password can have at most {MAX_PASSWORD} characters")


class Accounts:
    """The account use cases over one database; ``clock`` as in :class:`Workspace`."""

    def __init__(
        self,
        database: Database,
        clock: Callable[[], datetime],
        hasher: PasswordHasher | None = None,
        *,
        signup: bool = False,
    ) -> None:
        self.database = database
        self.clock = clock
        self.hasher = hasher or owasp_hasher()
        self.signup_open = signup
        # Verified against when no account has the email, so that a login takes as long
        # either way and its timing does not tell which emails have accounts.
        self._decoy = self.hasher.hash(secrets.token_urlsafe(16))

    def create_user(self, email: str, password: str, role: str = "member") -> User:
        """Make an account outright (the command line's way to make the first admin)."""
        email = normal_email(email)
        _check_password(password)
        hashed = self.hasher.hash(password)
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            if repository.row_by_email(email) is not None:
                raise InputError(f"there is already an account for {email}")
            return repository.add(email, hashed, role, self.clock())

    def sign_up(self, email: str, password: str, invite: str | None = None) -> Login:
        """Make an account and log it in: anyone's when sign-up is open, else only with an
        unused, unexpired invitation for this very email."""
        email = normal_email(email)
        _check_password(password)
        hashed = self.hasher.hash(password)
        now = self.clock()
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            if invite:
                found = repository.invite(digest(invite), lock=True)
                if (
                    found is None
                    or found.used_at is not None
                    or found.expires_at <= now
                    or found.email != email
                ):
                    raise InputError(
                        "this invitation cannot be used (it was for another email, was used "
                        "already, or has expired): ask for a new one"
                    )
                found.used_at = now
            elif not self.signup_open:
                raise InputError("sign-up is by invitation here: ask the admin for one")
            if repository.row_by_email(email) is not None:
                raise InputError(f"there is already an account for {email}: log in instead")
            user = repository.add(email, hashed, "member", now)
            return Login(self._new_session(repository, user.id, now), user)

    def log_in(self, email: str, password: str, *, replacing: str | None = None) -> Login:
        """A new session for the account (a new id, whatever session the browser had: the
        one in ``replacing`` is ended), or :data:`LOGIN_FAILED`.

        Failures are counted per account, under the account's row lock, so that guesses
        sent at once, to any worker, all count."""
        try:
            email = normal_email(email)
        except InputError:
            email = ""
        now = self.clock()
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            row = repository.row_by_email(email, lock=True) if email else None
            if row is None or row.password_hash is None:
                self._verify(self._decoy, password)
                raise InputError(LOGIN_FAILED)
            if row.locked_until is not None and row.locked_until > now:
                raise InputError(LOGIN_FAILED)
            if not self._verify(row.password_hash, password) or not row.active:
                row.failed_logins = (row.failed_logins or 0) + 1
                beyond = row.failed_logins - FREE_TRIES
                if beyond >= 0:
                    row.locked_until = now + min(FIRST_WAIT * 2**beyond, LONGEST_WAIT)
                failed = True
            else:
                failed = False
                row.failed_logins = 0
                row.locked_until = None
                if self.hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = self.hasher.hash(password)
                if replacing:
                    repository.drop_session(digest(replacing))
                token = self._new_session(repository, row.id, now)
                user = User(row.id, row.email or "", row.role, row.active)
        # The failure is committed (the count must stand) before it is reported.
        if failed:
            raise InputError(LOGIN_FAILED)
        return Login(token, user)

    def _verify(self, hashed: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(self.hasher.verify(hashed, password[:MAX_PASSWORD]))
        except (VerificationError, InvalidHashError):
            return False

    @staticmethod
    def _new_session(repository: AccountRepository, user_id: int, now: datetime) -> str:
        repository.drop_expired_sessions(user_id, now)
        token = secrets.token_urlsafe(32)
        repository.add_session(digest(token), user_id, now, now + SESSION_LIFETIME)
        return token

    def user(self, token: str | None) -> User | None:
        """Whose live session ``token`` is (None: nobody's, or an ended one)."""
        if not token or len(token) > 200:
            return None
        with self.database.session() as session, session.begin():
            return AccountRepository(session).session_user(digest(token), self.clock())

    def log_out(self, token: str) -> None:
        with self.database.write_session() as session, session.begin():
            AccountRepository(session).drop_session(digest(token))

    def log_out_everywhere(self, user_id: int, keep: str | None = None) -> int:
        """End every session of the account but ``keep``; how many were ended."""
        with self.database.write_session() as session, session.begin():
            return AccountRepository(session).drop_sessions(user_id, digest(keep) if keep else None)

    def sessions(self, user_id: int) -> int:
        with self.database.session() as session, session.begin():
            return AccountRepository(session).sessions(user_id)

    def change_password(self, user_id: int, current: str, new: str) -> str:
        """Set a new password (the current one is asked again) and end every session of
        the account: the token of a new one, for the browser that asked, is returned."""
        _check_password(new)
        now = self.clock()
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            row = repository.row(user_id, lock=True)
            if row is None or row.password_hash is None:
                raise NotFoundError("there is no such account")
            if not self._verify(row.password_hash, current):
                raise InputError("the current password is not right; nothing was changed")
            row.password_hash = self.hasher.hash(new)
            repository.drop_sessions(user_id)
            repository.drop_resets(user_id)
            return self._new_session(repository, user_id, now)

    # Forgotten passwords ------------------------------------------------------------------

    def request_reset(self, email: str) -> tuple[str, str] | None:
        """A link's token to set a new password for the active account of ``email``, and the
        address to mail it to (the account's own, not what was typed): None
        when there is no such account, or one was made for it within the last few minutes
        (the page answers the same either way, so it tells nobody which emails have
        accounts)."""
        try:
            email = normal_email(email)
        except InputError:
            return None
        now = self.clock()
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            row = repository.row_by_email(email, lock=True)
            if row is None or not row.active or row.password_hash is None:
                return None
            latest = repository.latest_reset(row.id)
            if latest is not None and latest > now - RESET_INTERVAL:
                return None
            return self._new_reset(repository, row.id, now), row.email or email

    def reset_link_for(self, email: str) -> str:
        """A link's token to set a new password for ``email``'s account, for the operator
        to hand over (``afterword account reset``) when the site sends no mail. Not an
        admin's power on the web: an admin who could set someone's password could read
        their notes."""
        now = self.clock()
        email = normal_email(email)
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            row = repository.row_by_email(email, lock=True)
            if row is None:
                raise NotFoundError(f"there is no account for {email}")
            if not row.active:
                raise InputError(f"{email} is deactivated: reactivate the account first")
            return self._new_reset(repository, row.id, now)

    @staticmethod
    def _new_reset(repository: AccountRepository, user_id: int, now: datetime) -> str:
        repository.drop_expired_resets(user_id, now)
        token = secrets.token_urlsafe(32)
        repository.add_reset(digest(token), user_id, now, now + RESET_LIFETIME)
        return token

    def reset_usable(self, token: str) -> bool:
        """Whether the link still works (the page asks before showing its form)."""
        if not token or len(token) > 200:
            return False
        with self.database.session() as session, session.begin():
            found = AccountRepository(session).reset(digest(token))
            return found is not None and found.used_at is None and found.expires_at > self.clock()

    def reset_password(self, token: str, new: str) -> Login:
        """Set a new password through a link: it works once, within its hour, for an active
        account; every session of the account ends, every other link stops working, the
        count of failed logins starts again, and the browser that used it is logged in."""
        _check_password(new)
        now = self.clock()
        unusable = InputError(
            "this link to set a new password cannot be used (it was used already, or is "
            "more than an hour old): ask for a new one"
        )
        if not token or len(token) > 200:
            raise unusable
        hashed = self.hasher.hash(new)
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            # The account's row is locked first, as a change of password locks it, and the
            # link read again under that lock: two uses at once, or a use racing a change,
            # wait for each other rather than deadlock.
            found = repository.reset(digest(token))
            row = repository.row(found.user_id, lock=True) if found is not None else None
            found = repository.reset(digest(token), lock=True)
            if (
                found is None
                or row is None
                or found.user_id != row.id
                or found.used_at is not None
                or found.expires_at <= now
                or not row.active
            ):
                raise unusable
            row.password_hash = hashed
            row.failed_logins = 0
            row.locked_until = None
            repository.drop_sessions(row.id)
            repository.drop_resets(row.id)
            user = User(row.id, row.email or "", row.role, row.active)
            return Login(self._new_session(repository, row.id, now), user)

    def confirm(self, user_id: int, password: str) -> None:
        """Ask for the password again before something that cannot be undone."""
        with self.database.session() as session, session.begin():
            row = AccountRepository(session).row(user_id)
            hashed = row.password_hash if row is not None else None
        if hashed is None or not self._verify(hashed, password):
            raise InputError("the password is not right; nothing was done")

    # The admin's powers -------------------------------------------------------------------

    def _admin(self, repository: AccountRepository, admin_id: int) -> None:
        row = repository.row(admin_id)
        if row is None or row.role != "admin" or not row.active:
            # Not "forbidden": to anyone else, the admin's pages do not exist.
            raise NotFoundError("there is no such page")

    def users(self, admin_id: int) -> list[User]:
        """Every account (email, role, whether active): nothing of what they wrote."""
        with self.database.session() as session, session.begin():
            repository = AccountRepository(session)
            self._admin(repository, admin_id)
            return repository.users()

    def invite(self, admin_id: int, email: str) -> str:
        """An invitation for ``email`` (its token, for the link the admin sends)."""
        email = normal_email(email)
        now = self.clock()
        token = secrets.token_urlsafe(32)
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            self._admin(repository, admin_id)
            if repository.row_by_email(email) is not None:
                raise InputError(f"there is already an account for {email}")
            repository.add_invite(digest(token), email, admin_id, now, now + INVITE_LIFETIME)
        return token

    def set_active(self, admin_id: int, user_id: int, active: bool) -> User:
        """Deactivate an account (its sessions end at once; its data stays) or reactivate
        it. An admin cannot deactivate themselves."""
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            self._admin(repository, admin_id)
            row = repository.row(user_id, lock=True)
            if row is None:
                raise NotFoundError("there is no such account")
            if row.id == admin_id and not active:
                raise InputError("you cannot deactivate your own account")
            row.active = active
            if not active:
                repository.drop_sessions(user_id)
                repository.drop_resets(user_id)
            return User(row.id, row.email or "", row.role, row.active)

    def set_role(self, admin_id: int, user_id: int, role: str) -> User:
        """Make a member a coach, or a coach a member again (what was shared with them stays
        shared, but out of their reach while they are not a coach). Admins stay admins."""
        if role not in ASSIGNABLE_ROLES:
            raise InputError(f"an account can be made {' or '.join(ASSIGNABLE_ROLES)}")
        with self.database.write_session() as session, session.begin():
            repository = AccountRepository(session)
            self._admin(repository, admin_id)
            row = repository.row(user_id, lock=True)
            if row is None:
                raise NotFoundError("there is no such account")
            if row.role not in ASSIGNABLE_ROLES:
                raise InputError(f"{row.email} is an {row.role}, and stays one")
            row.role = role
            return User(row.id, row.email or "", row.role, row.active)

    def delete_account(self, user_id: int, password: str) -> None:
        """Delete the account and everything in it (interviews, notes, stories, practice),
        once the password is given again. Nothing of it is kept."""
        self.confirm(user_id, password)
        with self.database.write_session() as session, session.begin():
            row = AccountRepository(session).row(user_id, lock=True)
            if row is None:
                raise NotFoundError("there is no such account")
            session.delete(row)
