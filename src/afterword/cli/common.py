"""What the commands share: opening the workspace, output formats, reading times."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterword.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from afterword.services import Workspace


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@contextmanager
def workspace() -> Iterator[Workspace]:
    from afterword.services import Workspace

    with Workspace() as opened:
        yield opened


#: Control characters shown as their pictures (␛ for ESC), never sent to the terminal: an
#: escape sequence in a company's name must not clear the screen or retitle the window. Tab
#: and line feed stay; a carriage return, which would let text overwrite its line, goes (as
#: Rich drops it); the C1 controls (8-bit escapes) become U+FFFD.
_VISIBLE: dict[int, int | None] = {
    **{code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n\r"},
    ord("\r"): None,
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` with its control characters made visible, to print it as written."""
    return text.translate(_VISIBLE) if _CONTROL.search(text) else text


def escape(text: str) -> str:
    """User text to put inside Rich markup: its square brackets are printed, not read."""
    from rich.markup import escape as escape_markup

    return escape_markup(text)


def console(stderr: bool = False) -> Console:
    import rich.text
    from rich.console import Console

    # Rich drops some control characters from every text it is given (BEL, BS, CR...) but
    # passes ESC through, so that a name holding "\x1b[2J" would clear the screen: make it
    # show them all instead, before it measures the text for tables and panels.
    rich.text.strip_control_codes = terminal_safe  # type: ignore[attr-defined,assignment]
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    # JSON escapes the C0 controls itself; the C1 ones (8-bit escapes) too, here.
    sys.stdout.write(_CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n")


def local_zone() -> tzinfo:
    """The configured zone, or this computer's (see :func:`afterword.config.local_zone`)."""
    from afterword import config

    return config.local_zone()


def parse_time(text: str, what: str) -> datetime:
    """A time typed by the user: ISO 8601, with or without an offset, or ``now``."""
    text = text.strip()
    if text.casefold() == "now":
        return datetime.now(local_zone()).replace(microsecond=0)
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InputError(
            f"{what}: {text!r} is not a time; write it like 2026-11-24 15:30 or "
            "2026-11-24T15:30-05:00"
        ) from exc
    if value.tzinfo is None:
        from afterword import config

        configured = config.timezone()
        if configured is not None:
            return value.replace(tzinfo=configured)
        # This computer's zone, with the offset in force on that date (summer time included),
        # and said out loud: the 24-hour countdown depends on it.
        value = value.astimezone()
        print(
            f"note: {what}: read {text!r} as this computer's local time "
            f"({value.strftime('%z')[:3]}:{value.strftime('%z')[3:]}); write an offset or "
            "set AFTERWORD_TIMEZONE to choose another zone",
            file=sys.stderr,
        )
    return value


def hours_left_label(hours: float) -> str:
    if hours >= 0:
        return f"{hours:.1f} h left"
    passed = -hours
    if passed < 48:
        return f"passed {passed:.0f} h ago"
    return f"passed {passed / 24:.0f} days ago"


def write_new_file(path: Path, text: str) -> None:
    """Write ``text`` to a file that must not exist yet: an export never replaces an earlier
    one (which may be the good copy) without the user removing it first."""
    from afterword.errors import InputError

    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise InputError(
            f"{path}: the file exists already; nothing was written (choose another name, or "
            "remove it first)"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot write it ({exc.strerror})") from exc
