"""A check-in: the one short, polite follow-up the policy allows after the thank-you note.

What makes a check-in worth reading (career-centre and recruiter advice alike): it is short;
it says which interview it is about; it brings something useful rather than "just checking
in" (research done since, or a result that speaks to the weak moment, that the thank-you note
did not already carry); it shows continued interest without pressing for an answer; and it
closes with thanks and an easy offer. Pure: the caller passes the clock.
"""

from __future__ import annotations

from datetime import datetime

from afterword.checker import check
from afterword.composer import facts
from afterword.composer.draft import Draft, EvidenceUsed
from afterword.model import Interview, NoteStatus


def _new_angle(interview: Interview, said: str) -> tuple[str, EvidenceUsed] | None:
    """Something the interviewer has not read from the user yet: research first (it shows
    interest in their business), then a story's result that backs a weak moment."""
    folded = said.casefold()
    for item in interview.research:
        fact = facts.research_fact(item.text, max_words=40)
        if fact and fact.casefold()[:40] not in folded:
            return (
                f"I wanted to add what I found on {facts.topic_phrase(item.topic)} since we "
                f"spoke. {fact}",
                EvidenceUsed("research", item.topic, item.text),
            )
    weak_topics = {(m.topic or "").casefold() for m in interview.debrief.weak_moments if m.topic}
    for story in interview.stories:
        clause = facts.story_clause(story, max_words=30)
        if not clause or clause.casefold()[:40] in folded:
            continue
        about = next((s for s in story.skills if s.casefold() in weak_topics), None)
        lead = f"One more example on {about}" if about else "One more example I wanted to share"
        return (
            f"{lead}: {clause[:1].lower() + clause[1:] if clause[:2] != 'I ' else clause}",
            EvidenceUsed("story", story.title, story.result or clause),
        )
    return None


def draft_check_in(interview: Interview, to: str, now: datetime) -> Draft:
    """A check-in to ``to`` (the interviewer thanked before), checked."""
    person = interview.interviewer(to)
    name = facts.first_name(to)
    role = " ".join(interview.role.split())
    company = " ".join(interview.company.split())
    said = " ".join(n.body for n in interview.notes if n.status is NoteStatus.sent)
    ended = interview.ended_at
    opening = (
        f"I hope your week is going well. I am writing to follow up on our conversation "
        f"about the {role} role on {ended:%A} {ended.day} {ended:%B}."
    )
    decided = interview.decision_expected_by
    if decided is not None and now.astimezone(ended.tzinfo).date() > decided:
        opening += " I know these decisions can take longer than planned."
    angle = _new_angle(interview, said)
    middle = angle[0] if angle else ""
    interest = f"I remain very interested in the role and in the work at {company}."
    first = " ".join(
        p for p in (opening, facts.as_sentence(middle) if middle else "", interest) if p
    )
    second = (
        "Thank you again for your time. If any further detail from me would help, I would be "
        "glad to send it over."
    )
    sender = interview.sender.name if interview.sender else None
    text = "\n\n".join(
        [f"Dear {name},", first, second, "Best regards," + (f"\n{sender}" if sender else "")]
    )
    report = check(text, interview)
    return Draft(
        to=to,
        email=person.email if person else None,
        subject=f"Following up: {role} interview",
        text=text,
        paragraphs=(first, second),
        evidence=(angle[1],) if angle else (),
        findings=tuple(report.findings),
        tone="warm",
        seed=0,
        suggestions=()
        if angle
        else (
            "Add research you did since the interview, or a story with a result, so the "
            "check-in brings something useful rather than only asking.",
        ),
    )
