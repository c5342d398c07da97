"""``afterword story``: the library of your stories and achievements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli.common import OutputFormat, console, print_json, workspace
from afterword.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from afterword.services import Workspace

story_app = typer.Typer(
    help="Your library of stories and achievements: the evidence behind better answers.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

StoryRef = Annotated[str, typer.Argument(metavar="STORY", help="The story's id or title.")]


def _resolve(ws: Workspace, ref: str) -> int:
    if ref.strip().isdigit():
        return int(ref)
    found = ws.find_story(ref)
    if found is None:
        raise NotFoundError(f"no story titled {ref!r} (see `afterword story list`)")
    return found


def _validated(**fields: object) -> object:
    from pydantic import ValidationError

    from afterword.model import Story

    try:
        return Story.model_validate(fields)
    except ValidationError as exc:
        raise InputError(
            "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                for e in exc.errors()
            )
        ) from exc


@story_app.command("add")
def add(
    title: Annotated[str | None, typer.Option(help="A short title you will recognise.")] = None,
    situation: Annotated[str | None, typer.Option(help="The situation or task.")] = None,
    action: Annotated[str | None, typer.Option(help="What you did.")] = None,
    result: Annotated[str | None, typer.Option(help="What came of it, with numbers.")] = None,
    metric: Annotated[
        list[str] | None, typer.Option("--metric", help="A number that proves it (repeatable).")
    ] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", help="A skill it shows (repeatable).")
    ] = None,
) -> None:
    """Add a story to your library and print its id.

    Example:

        afterword story add --title "Email capture growth" \\
            --result "Grew email capture 200% in four months" --skill "email marketing"
    """
    from afterword.model import Story

    with workspace() as ws:
        title = title or typer.prompt("Title")
        # Said before asking for the rest, so that nobody types a result for nothing.
        if ws.find_story(title) is not None:
            raise InputError(
                f"a story titled {title!r} is already in your library "
                "(`afterword story edit` changes it)"
            )
        story = _validated(
            title=title,
            situation=situation,
            action=action,
            result=result if result is not None else (typer.prompt("Result", default="") or None),
            metrics=metric or [],
            skills=skill or [],
        )
        assert isinstance(story, Story)
        print(ws.add_story(story))


@story_app.command("list")
def list_(
    search: Annotated[str | None, typer.Option(help="Only stories mentioning this.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
) -> None:
    """List the stories in your library.

    Example:

        afterword story list --search email
    """
    with workspace() as ws:
        stories = ws.stories(search)
    if fmt is OutputFormat.json:
        print_json([{"id": i, **s.model_dump(mode="json")} for i, s in stories])
        return
    from rich.text import Text

    out = console()
    if not stories:
        out.print(
            "No stories yet. Add the achievements you are proud of with `afterword story add`: "
            "they are the evidence for your better answers."
            if not search
            else Text(f"No story mentions {search!r}.")
        )
        return
    from rich.table import Table

    table = Table(title="Stories")
    for column in ("id", "title", "result", "skills"):
        table.add_column(column)
    for story_id, story in stories:
        table.add_row(  # user text, not Rich markup
            str(story_id),
            Text(story.title),
            Text(story.result or ""),
            Text(", ".join(story.skills)),
        )
    out.print(table)


@story_app.command("show")
def show(
    ref: StoryRef,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
) -> None:
    """Show one story.

    Example:

        afterword story show "Email capture growth"
    """
    with workspace() as ws:
        story_id = _resolve(ws, ref)
        story = ws.story(story_id)
    if fmt is OutputFormat.json:
        print_json({"id": story_id, **story.model_dump(mode="json")})
        return
    from afterword.cli.render import render_story

    render_story(console(), story_id, story)


@story_app.command("edit")
def edit(
    ref: StoryRef,
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    situation: Annotated[str | None, typer.Option(help="The situation or task.")] = None,
    action: Annotated[str | None, typer.Option(help="What you did.")] = None,
    result: Annotated[str | None, typer.Option(help="What came of it.")] = None,
    metric: Annotated[
        list[str] | None, typer.Option("--metric", help="Replace the metrics (repeatable).")
    ] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", help="Replace the skills (repeatable).")
    ] = None,
) -> None:
    """Change the fields you name; the others stay as they are.

    Example:

        afterword story edit 2 --result "4,000 sign-ups in the first week"
    """
    from afterword.model import Story

    with workspace() as ws:
        story_id = _resolve(ws, ref)
        current = ws.story(story_id).model_dump()
        changes = {
            "title": title,
            "situation": situation,
            "action": action,
            "result": result,
            "metrics": metric,
            "skills": skill,
        }
        updated = _validated(**{**current, **{k: v for k, v in changes.items() if v is not None}})
        assert isinstance(updated, Story)
        ws.update_story(story_id, updated)
    print(f"Updated story {story_id}.")


@story_app.command("rm")
def remove(
    ref: StoryRef,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a story from your library (interviews that drew on it keep their debriefs and
    notes, but no longer list it among their stories).

    Example:

        afterword story rm 2 --yes
    """
    with workspace() as ws:
        story_id = _resolve(ws, ref)
        story = ws.story(story_id)
        if not yes:
            typer.confirm(f"Delete the story {story.title!r}?", abort=True)
        ws.delete_story(story_id)
    print(f"Deleted story {story_id} ({story.title}).")
