"""Where Afterword keeps its data and settings, and how the user overrides them.

Read lazily and cheaply: this module is on the start-up path of every command.
"""

from __future__ import annotations

import os
import tomllib
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
