"""Commands for the 24 hours after the interview: evidence, answer, draft."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli.common import (
    OutputFormat,
    console,
    escape,
    hours_left_label,
    print_json,
    workspace,
)
from afterword.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from afterword.composer import Draft
    from afterword.services import Workspace


class Tone(StrEnum):
    warm = "warm"
    formal = "formal"


class NoteFormat(StrEnum):
    text = "text"
    json = "json"
    eml = "eml"


InterviewId = Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")]


def evidence(
    interview_id: InterviewId,
    top: Annotated[int, typer.Option("--top", min=1, max=20, help="Candidates to show.")] = 3,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
) -> None:
    """Rank your stories and research for each weak moment, and say why.

    Stories come from your whole library, not only the interview's own.

    Example:

        afterword evidence 1
    """
    with workspace() as ws:
        found = list(ws.evidence(interview_id, top).values())
    if fmt is OutputFormat.json:
        print_json({"moments": [f.to_dict() for f in found]})
        return
    out = console()
    if not found:
        out.print(
            "No weak moment in this debrief: there is nothing to find evidence for. "
            f"`afterword debrief {interview_id}` adds moments."
        )
        return
    for item in found:
        out.print(f"\n[bold]{item.number}. {escape(item.moment.question)}[/]")
        if item.asks_about:
            from afterword.matching.themes import describe

            out.print(f"   [dim]asks about: {escape('; '.join(describe(item.asks_about)))}[/]")
        if not item.stories and not item.research:
            out.print("   No stories or research yet: `afterword story add` adds one.")
        for label, candidates in (("Stories", item.stories), ("Research", item.research)):
            if candidates:
                out.print(f"   {label}:")
            for rank, candidate in enumerate(candidates, 1):
                out.print(
                    f"   {rank}. {escape(candidate.title)} [dim](score {candidate.score:.2f})[/]"
                )
                for reason in candidate.reasons or (
                    "nothing in particular ties it to the question",
                ):
                    out.print(f"      - {reason}", markup=False)


#: Lines of the editor's text that start with this are instructions, dropped on saving.
COMMENT = "#"


def _merge_for_editing(own: str, draft: str) -> str:
    # The user's own words come first and stay as they are; the draft is there to borrow from.
    borrowed = "\n".join(f"{COMMENT} {line}".rstrip() for line in draft.splitlines())
    return (
        f"{own.strip()}\n\n{COMMENT} A draft from your story, to borrow from (lines starting "
        f"with {COMMENT} are dropped):\n{borrowed}"
    )


def _without_comments(text: str) -> str:
    return "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith(COMMENT)
    ).strip()


def answer(
    interview_id: InterviewId,
    moment: Annotated[
        int, typer.Argument(metavar="MOMENT", help="The moment's number, as `show` lists it.")
    ],
    story: Annotated[
        str | None, typer.Option("--story", help="Draft from this story instead of the best.")
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the draft in $EDITOR, then save what you keep.")
    ] = False,
    save: Annotated[
        bool, typer.Option("--save", help="Save the draft as the moment's better answer.")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="With --save: replace the better answer you wrote."),
    ] = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = (
        OutputFormat.text
    ),
) -> None:
    """Draft a better answer to a weak moment (situation, action, result) from your best story.

    Print it, edit it in your editor (--edit), and keep it (--save) as the moment's better
    answer; the story it draws on is linked to the moment. An answer you already wrote is
    never replaced silently: --edit opens it with the draft below it, and --save needs
    --replace.

    Example:

        afterword answer 1 3 --edit
    """
    with workspace() as ws:
        drafted = ws.better_answer(interview_id, moment, story)
        own = ws.interview(interview_id).debrief.moments[moment - 1].better_answer
        text = drafted.text
        merged = False
        if text is not None and own and own.strip() != text.strip():
            if edit:
                text, merged = _merge_for_editing(own, text), True
            elif save and not replace:
                raise InputError(
                    f"moment {moment} already has the better answer you wrote; nothing was "
                    "saved (--edit opens it with this draft, --replace overwrites it)"
                )
        if text is not None and edit:
            import click  # Typer's own dependency; its edit() is not re-exported by Typer

            edited = click.edit(text + "\n", extension=".txt", require_save=True)
            if edited is None:
                console(stderr=True).print("The editor closed without saving; nothing kept.")
                raise typer.Exit(1)
            text = _without_comments(edited) if merged else edited.strip()
        saved = False
        if text is not None and (save or edit):
            ws.save_better_answer(
                interview_id, moment, text, [drafted.story] if drafted.story else []
            )
            saved = True
    if fmt is OutputFormat.json:
        print_json({**drafted.to_dict(), "text": text, "saved": saved})
        return
    out = console()
    out.print(f"[bold]{moment}. {escape(drafted.question)}[/]")
    if text is None:
        out.print(drafted.advice or "Nothing to draft from yet.")
        raise typer.Exit(1)
    out.print()
    out.print(text, markup=False, soft_wrap=True)
    out.print()
    if drafted.story:
        out.print(f"[dim]From the story: {escape(drafted.story)}[/]")
    if drafted.research:
        out.print(f"[dim]With your research on: {escape(drafted.research)}[/]")
    if saved:
        out.print(f"Saved as the better answer to moment {moment}.")
    else:
        out.print(
            f"Keep it with `afterword answer {interview_id} {moment} --save`, or edit it first "
            "with --edit."
        )


def draft(
    interview_id: InterviewId,
    to: Annotated[str | None, typer.Option("--to", help="Only the note to this interviewer.")] = (
        None
    ),
    variants: Annotated[
        int, typer.Option("--variants", min=1, max=10, help="Different notes per interviewer.")
    ] = 1,
    tone: Annotated[Tone, typer.Option("--tone", help="warm or formal.")] = Tone.warm,
    words: Annotated[
        int, typer.Option("--words", min=50, max=400, help="Word limit of the body.")
    ] = 150,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Repeat the same drafts (any whole number).")
    ] = None,
    fmt: Annotated[NoteFormat, typer.Option("--format", help="text, json or eml.")] = (
        NoteFormat.text
    ),
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Folder for --format eml (default: here).")
    ] = None,
    polish: Annotated[
        bool,
        typer.Option(
            "--polish", help="Ask the language model in AFTERWORD_LLM_* to polish each note."
        ),
    ] = False,
    save: Annotated[
        bool, typer.Option("--save", help="Save each note (its first variant) as a draft.")
    ] = False,
) -> None:
    """Draft the thank-you note to each interviewer, checked and ready to send.

    Each note thanks the interviewer for a topic you discussed, adds something new on your
    weakest moment (a result from your stories or your research), and ends with a call to
    action. Every draft passes the checker with no error and no warning.

    Example:

        afterword draft 1 --variants 3 --tone formal --seed 7
    """
    from afterword.model import NoteStatus

    err = console(stderr=True)
    with workspace() as ws:
        now = ws.now()
        drafts, _ = ws.draft_notes(
            interview_id,
            to=to,
            variants=variants,
            tone=tone.value,
            max_words=words,
            seed=seed,
            now=now,
        )
        if polish:
            drafts = _polish(ws, interview_id, drafts, words, err)
        interview = ws.interview(interview_id)
        saved: list[str] = []
        kept_sent: list[str] = []
        if save:
            sent = {n.to.casefold() for n in interview.notes if n.status is NoteStatus.sent}
            for note in {d.to: d for d in reversed(drafts)}.values():
                if note.to.casefold() in sent:
                    kept_sent.append(note.to)  # what went out stays on record
                else:
                    ws.save_note(interview_id, note.note())
                    saved.append(note.to)
    sender = interview.sender
    if fmt is NoteFormat.json:
        print_json({"notes": [_json(d) for d in drafts]})
    elif fmt is NoteFormat.eml:
        folder = out_dir or Path.cwd()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{folder}: cannot create the folder ({exc.strerror})") from exc
        from afterword.composer.draft import eml_name

        for d in drafts:
            path = folder / eml_name(interview_id, d.to, d.variant if variants > 1 else None)
            path.write_bytes(d.eml(sender))
            print(path)
    else:
        _print_text(console(), drafts, variants)
        err.print(f"\nNote window: {hours_left_label(interview.hours_left(now))}.")
    if save:
        err.print(f"Saved {len(saved)} note(s) as drafts.")
        for name in kept_sent:
            err.print(f"Kept the note to {name} as it was: it was already sent.", markup=False)
    _print_suggestions(err, drafts)


def _polish(
    ws: Workspace, interview_id: int, drafts: list[Draft], words: int, err: Console
) -> list[Draft]:
    from afterword.composer.polish import PolishError

    try:
        results = ws.polish_notes(interview_id, drafts, os.environ, words)
    except PolishError as exc:
        err.print(
            f"Polishing skipped: {exc}. The notes below are the unpolished drafts.", markup=False
        )
        return drafts
    out = []
    for result in results:
        if not result.used:
            err.print(f"Note to {result.draft.to}: {result.reason}.", markup=False)
        out.append(result.draft)
    return out


def _json(d: Draft) -> dict[str, object]:
    data = d.to_dict()
    return {
        "to": data.pop("to"),
        "email": data.pop("email"),
        "subject": data.pop("subject"),
        "text": data.pop("text"),
        "evidence": data.pop("evidence"),
        "findings": data.pop("findings"),
        **data,
        "mailto": d.mailto(),
    }


def _print_text(out: Console, drafts: list[Draft], variants: int) -> None:
    from rich.rule import Rule
    from rich.text import Text

    for d in drafts:
        head = f"Note to {d.to}" + (f" <{d.email}>" if d.email else "")
        if variants > 1:
            head += f" · variant {d.variant}"
        out.print(Rule(Text(head), align="left"))
        out.print(f"Subject: {d.subject}\n", markup=False)
        # Soft wrap: a hard-wrapped note would carry the terminal's line breaks when copied.
        out.print(d.text, markup=False, soft_wrap=True)
        out.print()
        warned = any(f.severity in ("error", "warning") for f in d.findings)
        status = (
            "ready: no errors, no warnings"
            if not warned
            else ("ready, with warnings" if d.ready else "NOT ready")
        )
        words = f"{d.words} words"
        out.print(
            f"[dim]{status} · {words} · {d.tone} · seed {d.seed}"
            + (" · polished" if d.polished else "")
            + "[/]"
        )
        for finding in d.findings:
            if finding.severity != "info":
                out.print(f"  {finding.severity}: {finding.rule}: {finding.message}", markup=False)
        for item in d.evidence:
            out.print(f"[dim]Adds: {escape(item.title)} ({item.kind.replace('_', ' ')})[/]")
        if d.email:
            out.print(f"Open in your mail program: {d.mailto()}", markup=False, soft_wrap=True)
        else:
            out.print("[dim]No email address on record for this interviewer.[/]")
    if drafts:
        out.print(f"\nSame drafts again: --seed {drafts[0].seed}. Keep them: --save.", markup=False)


def _print_suggestions(err: Console, drafts: list[Draft]) -> None:
    lines = list(dict.fromkeys(s for d in drafts for s in d.suggestions))
    if lines:
        err.print("\nTo make the notes stronger:")
        for line in lines:
            err.print(f" • {line}", markup=False)
