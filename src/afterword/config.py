"""Where Afterword keeps its data and settings, and how the user overrides them.

Read lazily and cheaply: this module is on the start-up path of every command.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from afterword.mail import SmtpSettings

APP_NAME = "afterword"


class ConfigError(Exception):
    """A setting the user gave cannot be used; the message says which and why."""


def data_dir() -> Path:
    """The user's data directory (``AFTERWORD_DATA_DIR`` overrides the platform default)."""
    override = os.environ.get("AFTERWORD_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The user's config directory (``AFTERWORD_CONFIG_DIR`` overrides the platform default)."""
    override = os.environ.get("AFTERWORD_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def database_url() -> str:
    """``AFTERWORD_DATABASE_URL``, or a SQLite file in the data directory."""
    url = os.environ.get("AFTERWORD_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'afterword.db'}"


def timezone() -> ZoneInfo | None:
    """The zone in which naive times are read (``AFTERWORD_TIMEZONE``); None means refuse them."""
    name = os.environ.get("AFTERWORD_TIMEZONE") or str(settings().get("timezone", "")) or None
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"unknown time zone {name!r} (use a name such as Europe/Paris)") from exc


def local_zone() -> tzinfo:
    """The configured zone, or this computer's: the zone a person means when typing a time,
    and whose days "today" counts in."""
    configured = timezone()
    if configured is not None:
        return configured
    from datetime import datetime

    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def settings() -> dict[str, Any]:
    """The user's settings file as a dict (empty when there is none).

    Example ``settings.toml``::

        timezone = "America/New_York"

        [check]
        disable = ["exclamation"]
        max_words = 120
    """
    path = settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the settings file ({exc.strerror})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


MODE_VARIABLE = "AFTERWORD_MODE"
SECRET_KEY_VARIABLE = "AFTERWORD_SECRET_KEY"
SIGNUP_VARIABLE = "AFTERWORD_SIGNUP"
#: The site's address as people open it (https://afterword.example.org): the links the site
#: mails are built from it, never from a request's Host header, which anyone can write.
SITE_URL_VARIABLE = "AFTERWORD_SITE_URL"
#: Set by `afterword serve` for its workers, to the URL of the database it has opened (and
#: upgraded): a worker of that database starts without a query of its own, and one that
#: starts while the server restarts waits for it. Any other database is opened as usual.
DATABASE_OPENED_VARIABLE = "AFTERWORD_DATABASE_OPENED"
#: A secret key shorter than this is too easy to guess for signing the CSRF tokens.
MIN_SECRET_KEY = 32


def mode() -> str:
    """``local`` (the default: one person, no login, this computer only) or ``hosted``
    (accounts, PostgreSQL), as ``AFTERWORD_MODE`` says."""
    value = (os.environ.get(MODE_VARIABLE) or "local").strip().lower()
    if value not in ("local", "hosted"):
        raise ConfigError(f"{MODE_VARIABLE}={value!r}: use local (the default) or hosted")
    return value


class HostedSettings:
    """What hosted mode needs to start: a PostgreSQL database, a secret key, and whether
    anyone may sign up (else only people an admin invited)."""

    def __init__(
        self,
        database_url: str,
        secret_key: str,
        *,
        signup: bool = False,
        mail: SmtpSettings | None = None,
        site_url: str | None = None,
    ) -> None:
        self.database_url = database_url
        self.secret_key = secret_key
        self.signup = signup
        #: The site's mail server, for links to set a new password (None: the operator
        #: prints them with ``afterword account reset``).
        self.mail = mail
        #: The site's https address, without a trailing slash (required with ``mail``).
        self.site_url = site_url

    def __repr__(self) -> str:  # never the secret key, in a log or a traceback
        return f"HostedSettings(signup={self.signup})"


def hosted_settings() -> HostedSettings:
    """Hosted mode's settings from the environment; every missing or unusable one is named
    at once, so that an operator fixes them in one go."""
    problems: list[str] = []
    url = (os.environ.get("AFTERWORD_DATABASE_URL") or "").strip()
    if not url:
        problems.append(
            "AFTERWORD_DATABASE_URL is not set: hosted mode keeps everyone's data in "
            "PostgreSQL (postgresql://USER:PASSWORD@HOST/NAME)"
        )
    elif not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        problems.append(
            "AFTERWORD_DATABASE_URL must name a PostgreSQL database in hosted mode "
            "(postgresql://USER:PASSWORD@HOST/NAME); SQLite is for local mode"
        )
    key = os.environ.get(SECRET_KEY_VARIABLE) or ""
    if len(key) < MIN_SECRET_KEY:
        problems.append(
            f"{SECRET_KEY_VARIABLE} must be a random secret of at least {MIN_SECRET_KEY} "
            "characters (for instance: python -c "
            "'import secrets; print(secrets.token_urlsafe(48))')"
        )
    signup = (os.environ.get(SIGNUP_VARIABLE) or "invite").strip().lower()
    if signup not in ("open", "invite"):
        problems.append(f"{SIGNUP_VARIABLE}={signup!r}: use open or invite (the default)")
    mail = _site_mail(problems)
    site = (os.environ.get(SITE_URL_VARIABLE) or "").strip()
    if site:
        try:
            site = site_url(site)
        except ValueError as exc:
            problems.append(f"{SITE_URL_VARIABLE}: {exc}")
    elif mail is not None:
        problems.append(
            f"{SITE_URL_VARIABLE} is not set: with [smtp] the site mails links to set a new "
            "password, built from the site's address (https://afterword.example.org)"
        )
    if problems:
        raise ConfigError(
            "hosted mode (AFTERWORD_MODE=hosted) cannot start: " + "; ".join(problems)
        )
    return HostedSettings(url, key, signup=signup == "open", mail=mail, site_url=site or None)


def site_url(text: str) -> str:
    """A site's address as links are built from it: https, a host, no path, no slash at the
    end. ValueError says what is wrong."""
    from urllib.parse import urlsplit

    parts = urlsplit(text.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"{text!r}: the site's https address, e.g. https://afterword.example.org")
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError(f"{text!r}: only the scheme and host (and port), no path")
    return f"https://{parts.netloc.lower()}"


def smtp_settings() -> SmtpSettings | None:
    """The ``[smtp]`` table of the settings file (host, port, security, user, from), or None
    when there is none; never the password (see :func:`afterword.mail.password`). A table
    that is not usable raises :class:`ConfigError`, naming the file."""
    from afterword.mail import SmtpSettings

    try:
        table = settings().get("smtp")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ValueError("[smtp] must be a table")
        return SmtpSettings.from_mapping(table)
    except (ConfigError, ValueError) as exc:
        raise ConfigError(f"{settings_path()}: {exc}") from exc


def _site_mail(problems: list[str]) -> SmtpSettings | None:
    """In hosted mode, ``[smtp]`` is the site's own mail server, which mails the links to set
    a new password (from its ``from`` address)."""
    from afterword.mail import password

    try:
        found = smtp_settings()
    except ConfigError as exc:
        problems.append(str(exc))
        return None
    if found is None:
        return None
    if found.sender is None:
        problems.append(
            f"{settings_path()}: [smtp] needs a `from` address in hosted mode (the address "
            "that links to set a new password come from)"
        )
        return None
    secret = password(found.user) if found.user else None
    return replace(found, password=secret)
