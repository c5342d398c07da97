"""Afterword: turn a bad interview into a second chance.

The public Python API. Names are imported on first use so that ``import afterword`` (and so
every CLI command) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "compose"]

if TYPE_CHECKING:
    from afterword.checker import check
    from afterword.composer import compose


def __getattr__(name: str) -> Any:
    if name == "check":
        from afterword.checker import check

        return check
    if name == "compose":
        from afterword.composer import compose

        return compose
    raise AttributeError(f"module 'afterword' has no attribute {name!r}")
