"""Errors the user can act on. The shells print their message as one line, never a traceback."""

from __future__ import annotations


class AfterwordError(Exception):
    """Base of every error that is the input's or the environment's fault, not a bug."""

    exit_code = 2


class InputError(AfterwordError):
    """A file, an argument or a form field that cannot be used as given."""


class NotFoundError(AfterwordError):
    """An interview, story or note that does not exist (any more)."""


class ConflictError(AfterwordError):
    """A save based on a copy that is no longer current: someone (another tab, the CLI) saved
    a newer version since. Nothing was saved; the newer version is kept."""
