"""``afterword serve``: the local web app."""

from __future__ import annotations

from typing import Annotated

import typer

from afterword.errors import InputError


def is_loopback(host: str) -> bool:
    """Whether ``host`` is an address of this computer only (127.0.0.1, ::1, localhost)."""
    import ipaddress

    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any address


def serve(
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8765,
    host: Annotated[
        str,
        typer.Option(
            help="The address to listen on: one of this computer's own (loopback) addresses "
            "(hosted mode: the address the reverse proxy reaches)."
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the app in your web browser.")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes (for hosting on PostgreSQL).")
    ] = 1,
) -> None:
    """Start the web app on this computer, on the same database as the CLI.

    The database schema is upgraded first. Stop it with Ctrl-C.

    Example:

        afterword serve --open
    """
    import os
    import sys

    from afterword import config

    hosted = config.mode() == "hosted"
    if hosted:
        # Refuse to start, naming every missing setting, rather than serve without accounts.
        settings = config.hosted_settings()
    if not hosted and not is_loopback(host):
        raise InputError(
            f"--host {host}: other computers could reach your interviews there; the app "
            "serves this computer only (keep --host 127.0.0.1)"
        )

    import uvicorn

    from afterword.config import database_url
    from afterword.store.db import Database
    from afterword.web.app import ALLOWED_HOSTS_VARIABLE, LOOPBACK_NAMES
    from afterword.web.common import HERE

    if hosted and not os.environ.get(ALLOWED_HOSTS_VARIABLE) and settings.site_url is None:
        raise config.ConfigError(
            f"hosted mode (AFTERWORD_MODE=hosted) cannot start: set {ALLOWED_HOSTS_VARIABLE} "
            f"to the site's host name (or {config.SITE_URL_VARIABLE} to its address), so that "
            "requests addressed to any other name are refused (see docs/deploy.md)"
        )
    if not hosted:
        # Private to this computer: answer only to its own names (see SameOriginOnly).
        names = dict.fromkeys([*LOOPBACK_NAMES.split(","), host.strip("[]").lower()])
        os.environ.setdefault(ALLOWED_HOSTS_VARIABLE, ",".join(names))
    # Upgrade once here, before any worker starts, so that workers never race to migrate.
    Database(database_url()).close()
    os.environ[config.DATABASE_OPENED_VARIABLE] = database_url()
    if not (HERE / "static" / "vendor" / "pico.min.css").exists():
        print(
            "note: the page styles are not installed (run ./scripts/assets); "
            "the app works, but plainer.",
            file=sys.stderr,
        )
    url = f"http://{host}:{port}/"
    print(f"Afterword is running at {url} (Ctrl-C to stop)", file=sys.stderr)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(
        "afterword.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
