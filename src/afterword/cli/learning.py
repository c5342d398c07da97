"""Learning across interviews: ``afterword insights``, ``questions`` and ``prep``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from afterword.cli.common import OutputFormat, console, print_json, workspace
from afterword.errors import InputError

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format: text or json.")
]


def _write(path: Path, content: bytes, what: str) -> None:
    try:
        path.expanduser().write_bytes(content)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the file ({exc.strerror})") from exc
    console(stderr=True).print(f"Wrote {what} to {path}.", markup=False)


def insights(
    fmt: FormatOption = OutputFormat.text,
    png: Annotated[
        Path | None,
        typer.Option(
            "--png", help="Also write the main chart (causes) to this PNG file.", metavar="FILE"
        ),
    ] = None,
) -> None:
    """What your interviews say, taken together: the causes that keep coming back (earlier
    and later), the topics and kinds of question you were weakest on, how feelings and
    outcomes moved, whether a note after a bad interview still paid off, and what to work on
    next.

    Example:

        afterword insights --png causes.png
    """
    with workspace() as ws:
        found = ws.insights()
    if png is not None:
        from afterword.charts import causes_chart

        _write(png, causes_chart(found, "png"), "the chart of causes")
    if fmt is OutputFormat.json:
        print_json(found.to_dict())
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from afterword.insights import MOMENT_KIND_NAMES, RECENT

    out = console()
    if not found.interviews:
        out.print("No interviews have ended yet: insights come after a few debriefs.", markup=False)
        return
    if found.next_steps:
        out.print("What to work on next", style="bold")
        for advice in found.next_steps:
            out.print(Text(f"  • {advice.text}"))
        out.print()
    earlier, later = found.halves
    recent = min(RECENT, found.interviews)
    causes = Table(title=f"Causes, in {found.interviews} interviews", box=box.SIMPLE_HEAD)
    for column in (
        "cause",
        "interviews",
        f"earlier {earlier}",
        f"later {later}",
        f"last {recent}",
        "trend",
    ):
        causes.add_column(column, justify="left" if column in ("cause", "trend") else "right")
    for t in found.trends:
        causes.add_row(
            t.name, str(t.total), str(t.earlier), str(t.later), str(t.recent), t.direction
        )
    out.print(causes)
    if found.topics:
        topics = Table(title="Topics you were weakest on", box=box.SIMPLE_HEAD)
        for column in ("topic", "weak", "came up"):
            topics.add_column(column, justify="left" if column == "topic" else "right")
        for w in found.topics[:10]:
            topics.add_row(Text(w.name), str(w.weak), str(w.asked))
        out.print(topics)
    if found.question_kinds:
        kinds = Table(title="Kinds of question you were weakest on", box=box.SIMPLE_HEAD)
        for column in ("questions about", "weak", "came up"):
            kinds.add_column(column, justify="left" if column == "questions about" else "right")
        for w in found.question_kinds[:8]:
            kinds.add_row(w.name, str(w.weak), str(w.asked))
        out.print(kinds)
    moments = ", ".join(f"{MOMENT_KIND_NAMES[k]} {n}" for k, n in found.moment_kinds.items())
    if moments:
        out.print(f"Weak moments: {moments}.", markup=False)
    before, after = found.feeling_by_half
    if before is not None and after is not None:
        out.print(
            f"Feeling (1 very bad to 5 very good): {before:.1f} on average in the earlier "
            f"{earlier} interviews, {after:.1f} in the later {later}.",
            markup=False,
        )
    if found.outcomes:
        outcomes = ", ".join(f"{o.value.replace('_', ' ')} {n}" for o, n in found.outcomes.items())
        out.print(f"Outcomes: {outcomes}.", markup=False)
    bad = found.after_bad
    if bad.with_note or bad.without_note:
        out.print(
            f"After a bad interview (feeling 2 or less): with a note, {bad.with_note_advanced} "
            f"of {bad.with_note} advanced; without one, {bad.without_note_advanced} of "
            f"{bad.without_note}.",
            markup=False,
        )


def questions(
    query: Annotated[str | None, typer.Argument(help="Words to look for.")] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", help="Only questions on this topic.")
    ] = None,
    fmt: FormatOption = OutputFormat.text,
) -> None:
    """The question bank: every question of your debriefs, with your better answer and the
    stories behind it. The same question asked in different interviews (in the same or in
    similar words) is grouped and listed first: it is the most likely to come up again.

    Example:

        afterword questions pricing
        afterword questions --topic "email marketing"
    """
    with workspace() as ws:
        groups = ws.question_bank(query, topic)
    if fmt is OutputFormat.json:
        print_json([g.to_dict() for g in groups])
        return
    from rich.text import Text

    out = console()
    if not groups:
        out.print(
            "No question matches."
            if query or topic
            else "No questions yet: add the moments of an interview in its debrief.",
            markup=False,
        )
        return
    for group in groups:
        head = Text(group.question, style="bold")
        if group.recurs:
            head.append(f"  asked in {group.interviews} interviews", style="yellow")
            if group.same_wording:
                head.append(", word for word", style="yellow")
        out.print(head)
        for wording in group.wordings[1:]:
            out.print(Text(f"  also: {wording}"))
        where = "; ".join(f"#{a.interview_id} {a.company} {a.ended_at:%b %Y}" for a in group.asked)
        out.print(Text(f"  {where}", style="dim"))
        if group.topics:
            out.print(Text(f"  topic: {', '.join(group.topics)}"))
        if group.better_answer:
            out.print(Text(f"  better answer: {group.better_answer}"))
        if group.stories:
            out.print(Text(f"  stories: {', '.join(group.stories)}"))
        out.print()


class PrepFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def prep(
    company: Annotated[str, typer.Option("--company", "-c", help="The company you will meet.")],
    role: Annotated[str, typer.Option("--role", "-r", help="The role you are interviewing for.")],
    fmt: Annotated[
        PrepFormat, typer.Option("--format", "-f", help="Output format: text, json or markdown.")
    ] = PrepFormat.text,
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write it to this file.", metavar="FILE")
    ] = None,
) -> None:
    """A prep checklist for your next interview, from your own history: what to do first (the
    causes that keep coming back), your lessons, the questions most likely to come up again
    for this role, and the stories to have ready.

    Example:

        afterword prep --company "Acme Robotics" --role "Marketing Manager" --format markdown
    """
    with workspace() as ws:
        found = ws.prep(company, role)
    if fmt is PrepFormat.json:
        print_json(found.to_dict())
        return
    from afterword.prep import to_markdown

    text = to_markdown(found)
    if out_file is not None:
        _write(out_file, text.encode(), "the checklist")
        return
    if fmt is PrepFormat.markdown:
        print(text, end="")
        return
    from rich.markdown import Markdown

    console().print(Markdown(text))
