"""The checker's settings as the user configured them, resolved once for both shells.

``settings.toml``'s ``[check]`` table (``disable``, ``max_words``) applies to ``afterword
check``, the web editor and the JSON API alike, so a note gets one answer everywhere.
Light to import: ``afterword check`` reads this on start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from afterword import config
from afterword.errors import InputError

if TYPE_CHECKING:
    from afterword.checker import CheckSettings


def check_settings(
    disable: Iterable[str] = (), max_words: int | None = None, now: datetime | None = None
) -> CheckSettings:
    """The user's ``[check]`` settings with ``disable`` added and ``max_words`` overriding;
    ``now`` turns on the rules that need a clock (``late``)."""
    from afterword.checker import UNSUPPORTED_LANGUAGE, CheckSettings, default_registry

    try:
        table = config.settings().get("check", {})
        if not isinstance(table, dict):
            raise ValueError("[check] must be a table")
        settings = CheckSettings.from_mapping(table)
    except (config.ConfigError, ValueError) as exc:
        raise InputError(f"{config.settings_path()}: {exc}") from exc
    disable = list(disable)
    known = [*default_registry().ids, UNSUPPORTED_LANGUAGE]
    unknown = [rule for rule in [*disable, *settings.disable] if rule not in known]
    if unknown:
        raise InputError(f"unknown rule {unknown[0]!r} (rules: {', '.join(known)})")
    return replace(
        settings,
        disable=settings.disable | frozenset(disable),
        max_words=max_words if max_words is not None else settings.max_words,
        now=now,
    )
