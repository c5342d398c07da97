"""Readable views of interviews and stories for the terminal (Rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from afterword.cli.common import hours_left_label
from afterword.journey import Card
from afterword.model import MomentKind, Story

KIND_LABELS = {
    MomentKind.couldnt_answer: "couldn't answer",
    MomentKind.could_be_better: "could be better",
    MomentKind.forgot_to_mention: "forgot to mention",
    MomentKind.went_well: "went well",
}
FEELINGS = {1: "very bad", 2: "bad", 3: "so-so", 4: "good", 5: "very good"}


def render_interview(out: Console, card: Card) -> None:
    interview_id, interview = card.id, card.interview
    head = Text()
    head.append(f"{interview.company}", style="bold")
    head.append(f" — {interview.role}")
    if interview.stage:
        head.append(f" ({interview.stage})")
    facts = [
        f"Interview {interview_id} · {interview.format.value} · ended "
        f"{interview.ended_at.strftime('%a %d %b %Y %H:%M %z')}",
        f"Status: {card.state.value} · next: {card.next_step[0].lower()} · note window: "
        f"{hours_left_label(card.hours_left)}",
    ]
    if interview.timeline or interview.decision_expected_by:
        said = [interview.timeline] if interview.timeline else []
        if interview.decision_expected_by:
            said.append(f"decision expected by {interview.decision_expected_by.isoformat()}")
        facts.append("Timeline: " + "; ".join(said))
    if interview.outcome:
        facts.append(f"Outcome: {interview.outcome.value}")
    out.print(Panel(Group(head, *(Text(f) for f in facts)), expand=False))

    if interview.interviewers:
        table = Table(title="Interviewers", title_justify="left")
        for column in ("name", "title", "email", "topics"):
            table.add_column(column)
        for person in interview.interviewers:
            table.add_row(
                *(
                    Text(cell)
                    for cell in (
                        person.name,
                        person.title or "",
                        person.email or "",
                        "; ".join(person.topics),
                    )
                )
            )
        out.print(table)

    debrief = interview.debrief
    if not debrief.is_started:
        out.print(f"No debrief yet: `afterword debrief {interview_id}` walks you through it.")
    else:
        feeling = FEELINGS.get(debrief.feeling or 0, "not said")
        out.print(f"[bold]Debrief[/] · feeling: {feeling}")
        if debrief.causes:
            out.print("Causes: " + "; ".join(c.label for c in debrief.causes))
        if debrief.cause_notes:
            out.print(f"  {escape(debrief.cause_notes)}")
        for number, moment in enumerate(debrief.moments, 1):
            out.print(
                f"\n[bold]{number}. {escape(moment.question)}[/] "
                f"[dim]({KIND_LABELS[moment.kind]})[/]"
            )
            if moment.what_i_said:
                out.print(f"   What I said: {escape(moment.what_i_said)}")
            if moment.better_answer:
                out.print(f"   Better answer: {escape(moment.better_answer)}")
            elif moment.kind.is_weak:
                out.print("   [yellow]No better answer yet.[/]")
            if moment.stories:
                out.print(f"   Backed by: {escape(', '.join(moment.stories))}")
        if debrief.lessons:
            out.print("\n[bold]Lessons[/]")
            for lesson in debrief.lessons:
                out.print(f" • {escape(lesson)}")
    if interview.research:
        out.print("\n[bold]Research since[/]")
        for item in interview.research:
            out.print(f" • {escape(item.topic)}: {escape(item.text)}")
    if interview.stories:
        out.print("\n[bold]Stories[/]: " + escape("; ".join(s.title for s in interview.stories)))
    for note in interview.notes:
        out.print(
            f"\n[bold]Note to {escape(note.to)}[/] ({note.status.value}): {escape(note.subject)}"
        )


def render_story(out: Console, story_id: int, story: Story) -> None:
    lines = [Text(story.title, style="bold"), Text(f"Story {story_id}", style="dim")]
    for label, value in (
        ("Situation", story.situation),
        ("Action", story.action),
        ("Result", story.result),
    ):
        if value:
            lines.append(Text(f"{label}: {value}"))
    if story.metrics:
        lines.append(Text("Metrics: " + "; ".join(story.metrics)))
    if story.skills:
        lines.append(Text("Skills: " + ", ".join(story.skills)))
    out.print(Panel(Group(*lines), expand=False))
