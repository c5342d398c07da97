"""``afterword account``: make accounts for hosted mode from the command line (the first
admin, above all: the web pages make only members)."""

from __future__ import annotations

from typing import Annotated

import typer

account_app = typer.Typer(
    help="Accounts of a hosted Afterword (AFTERWORD_MODE=hosted).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@account_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="The email the person logs in with.")],
    admin: Annotated[
        bool, typer.Option("--admin", help="An admin: invites and deactivates accounts.")
    ] = False,
) -> None:
    """Make an account on the hosted database (asks for its password twice).

    An admin can invite people and deactivate accounts, but reads nobody's interviews.

    Example:

        afterword account add coach@example.org --admin
    """
    from afterword import config
    from afterword.accounts import Accounts
    from afterword.services import utc_now
    from afterword.store.db import Database

    settings = config.hosted_settings()
    password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    database = Database(settings.database_url)
    try:
        user = Accounts(database, utc_now).create_user(
            email, password, "admin" if admin else "member"
        )
    finally:
        database.close()
    print(f"Made the {'admin' if admin else 'member'} account {user.email}.")


@account_app.command("reset")
def reset(
    email: Annotated[str, typer.Argument(help="The email of the account.")],
    site: Annotated[
        str | None,
        typer.Option(
            "--site",
            help="The site's address as people open it, e.g. https://afterword.example.org "
            "(default: AFTERWORD_SITE_URL).",
        ),
    ] = None,
) -> None:
    """Print a link that sets a new password for an account (it works once, for an hour).

    For someone who forgot their password on a site that sends no mail (with an [smtp]
    table in the settings, the login page mails the link itself). Hand it to them yourself.

    Example:

        afterword account reset ana@example.org --site https://afterword.example.org
    """
    from urllib.parse import urlencode

    from afterword import config
    from afterword.accounts import Accounts
    from afterword.services import utc_now
    from afterword.store.db import Database

    settings = config.hosted_settings()
    try:
        address = config.site_url(site) if site else settings.site_url
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--site") from exc
    if address is None:
        raise typer.BadParameter(
            f"the site's https address (or set {config.SITE_URL_VARIABLE})", param_hint="--site"
        )
    database = Database(settings.database_url)
    try:
        token = Accounts(database, utc_now).reset_link_for(email)
    finally:
        database.close()
    print(f"{address}/password/reset?{urlencode({'token': token})}")
    print("It works once, for an hour; using it logs the account out everywhere else.")
