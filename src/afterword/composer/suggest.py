"""What to add to a thin debrief to make the notes stronger.

A draft is always valid, but a note built on "I have thought more about the role" is weaker
than one that gives a number. These lines tell the user what Afterword was missing, in the
order that helps most.
"""

from __future__ import annotations

from collections.abc import Sequence

from afterword.composer.facts import has_number, story_accounts, story_clauses
from afterword.composer.relevance import asks_for_framing
from afterword.model import Interview, Story


def suggestions_for(interview: Interview, library: Sequence[Story] = ()) -> dict[str, list[str]]:
    """Advice for all notes (key ``""``) and for the note to each interviewer (their name).
    Nothing the user already has is asked for: a library with stories that give a number
    needs no advice to add one."""
    general: list[str] = []
    weak = interview.debrief.weak_moments
    if not interview.interviewers:
        general.append(
            "Add the interviewers (name and email) so each one gets a note of their own, "
            "greeted by name."
        )
    if not interview.debrief.moments:
        general.append(
            "Debrief the interview: the questions that went less well "
            "are what a note can follow up with something new."
        )
    elif not weak:
        general.append(
            "No weak moment is recorded, so the note follows up a topic instead; add a question "
            "you would answer better now, and the note can add to it."
        )
    stories = [*interview.stories, *library]
    if not any(has_number(" ".join(filter(None, (s.result, *s.metrics)))) for s in stories):
        general.append(
            "Add a story with a concrete result and a number to your library: a "
            "result is the strongest thing a note can add."
        )
    if not interview.research:
        general.append(
            f"Look into something about {interview.company} that came up, and add it as "
            "research: it shows you kept thinking after the interview."
        )
    if interview.sender is None:
        general.append("Add your name (the sender) so the note is signed.")
    for moment in weak:
        if not moment.better_answer and asks_for_framing(moment.question):
            general.append(
                f'"{moment.question}" asks why you are moving or what you want: a story does '
                "not answer it. Write your better answer in the debrief, framed toward what "
                "draws you to this role, and the note can add it."
            )
            break
        if not (moment.better_answer or moment.stories or moment.topic):
            general.append(
                f'"{moment.question}": add its topic or a better answer, so the note can '
                "name it and add to it."
            )
            break
    general.extend(_untellable(interview))
    per_person: dict[str, list[str]] = {"": general}
    for person in interview.interviewers:
        lines = []
        if not person.topics:
            lines.append(
                f"Add the topics you discussed with {person.name}: a note that names one reads "
                "as written for them."
            )
        if not person.email:
            lines.append(f"Add {person.name}'s email address to send the note straight away.")
        per_person[person.name] = lines
    return per_person


def _untellable(interview: Interview) -> list[str]:
    """A story linked to a weak moment that the note cannot tell: its result is jotted as
    notes no sentence can be made of ("volunteer at King's Mill since my retirement, done IG
    training"). The note leaves it out rather than paste it; this says how to make it usable."""
    by_title = {s.title.casefold(): s for s in interview.stories}
    lines: list[str] = []
    for moment in interview.debrief.weak_moments:
        for title in moment.stories:
            story = by_title.get(title.casefold())
            if story is None or not story.result or story_clauses(story) or story_accounts(story):
                continue
            lines.append(
                f'The story "{story.title}", linked to "{moment.question}", has a result the '
                f'note cannot put into a sentence ("{story.result}"): write it as one that says '
                "what you did and what came of it, and the note can use it."
            )
    return list(dict.fromkeys(lines))
