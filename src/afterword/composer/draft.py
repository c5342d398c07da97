"""A drafted note, and the forms it leaves Afterword in: JSON, a mailto: link, an .eml file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, formatdate, make_msgid
from typing import TYPE_CHECKING, Any, Literal, NamedTuple
from urllib.parse import quote

from afterword.model import Note, Person

if TYPE_CHECKING:
    from afterword.checker import Finding

EvidenceKind = Literal["story", "research", "better_answer", "topic"]


@dataclass(frozen=True, slots=True)
class EvidenceUsed:
    """What a note drew on, so the user can see (and the web app can link) where it came from."""

    kind: EvidenceKind
    title: str
    text: str
    #: The 1-based number of the moment it follows up, as ``afterword show`` lists them.
    moment: int | None = None
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "moment": self.moment,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class Draft:
    """One note to one interviewer, checked."""

    to: str
    email: str | None
    subject: str
    #: The whole email as it would be sent: greeting, body, sign-off and signature.
    text: str
    #: The body paragraphs (what the word limit counts).
    paragraphs: tuple[str, ...]
    evidence: tuple[EvidenceUsed, ...]
    findings: tuple[Finding, ...]
    tone: str
    seed: int
    variant: int = 1
    topic: str | None = None
    moment: int | None = None
    suggestions: tuple[str, ...] = ()
    polished: bool = False
    #: The choices the grammar made (symbol, alternative), which siblings avoid repeating.
    choices: tuple[tuple[str, int], ...] = field(default=(), repr=False, compare=False)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    @property
    def ready(self) -> bool:
        """No error is left (DESIGN.md's definition of ready)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def adds_nothing(self) -> bool:
        """The debrief gave this note nothing to add: no story, research or written answer
        (its advice says what would)."""
        return not any(e.kind in ("story", "research", "better_answer") for e in self.evidence)

    @property
    def clean(self) -> bool:
        """No error and no warning, but the one that says a note with nothing to add adds
        nothing: what the composer guarantees for its own drafts."""
        return not any(
            f.severity == "error"
            or (
                f.severity == "warning"
                and not (self.adds_nothing and f.rule == "missing-new-information")
            )
            for f in self.findings
        )

    def with_text(
        self, text: str, paragraphs: tuple[str, ...], findings: tuple[Finding, ...]
    ) -> Draft:
        return replace(self, text=text, paragraphs=paragraphs, findings=findings)

    def note(self) -> Note:
        return Note(to=self.to, subject=self.subject, body=self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "to": self.to,
            "email": self.email,
            "subject": self.subject,
            "text": self.text,
            "evidence": [e.to_dict() for e in self.evidence],
            "findings": [f.to_dict() for f in self.findings],
            "ready": self.ready,
            "words": self.words,
            "variant": self.variant,
            "tone": self.tone,
            "seed": self.seed,
            "polished": self.polished,
            "suggestions": list(self.suggestions),
        }

    def mailto(self) -> str:
        """A ``mailto:`` link (RFC 6068) that opens the note in the user's mail program."""
        address = quote(self.email or "", safe="@")
        return (
            f"mailto:{address}?subject={quote(self.subject, safe='')}"
            f"&body={quote(self.text.replace(chr(10), chr(13) + chr(10)), safe='')}"
        )

    def eml(self, sender: Person | None = None, now: datetime | None = None) -> bytes:
        return note_eml(self.note(), self.email, sender, now)


class Drafts(NamedTuple):
    """The drafts of one interview, and what to add to the debrief to make them stronger."""

    notes: list[Draft]
    suggestions: list[str]


def note_eml(
    note: Note, email: str | None, sender: Person | None = None, now: datetime | None = None
) -> bytes:
    """A note as a standards-compliant message (RFC 5322, UTF-8, quoted-printable), marked
    unsent so that mail programs open it as a draft, ready to send.

    RFC 5322 requires a Date; it is ``now`` or, without one, the moment the file is written
    (the one clock this package reads: a message is dated when it is made). The Message-ID's
    domain is the sender's, so that no host name is looked up."""
    addresses = [a for a in (sender.email if sender else None, email) if a]
    # An address with a non-ASCII mailbox (дана@пример.рф) can only be written as UTF-8
    # (RFC 6532); names and subjects in any script are encoded words either way.
    utf8 = not all(map(str.isascii, addresses))
    message = EmailMessage(policy=default.clone(utf8=True) if utf8 else default)
    if sender is not None and sender.email:
        message["From"] = _address(sender.name, sender.email)
    if email:
        message["To"] = _address(note.to, email)
    # One line, whatever was stored: a line break would start a header of its own.
    message["Subject"] = " ".join(note.subject.split())
    message["Date"] = (
        format_datetime(now if now.tzinfo else now.astimezone())
        if now is not None
        else formatdate(localtime=True)
    )
    domain = sender.email.rpartition("@")[2] if sender is not None and sender.email else ""
    message["Message-ID"] = make_msgid(domain=domain or "afterword.invalid")
    # Outlook and Thunderbird open a message with X-Unsent: 1 as a draft to send.
    message["X-Unsent"] = "1"
    message.set_content(note.body.rstrip("\n") + "\n", cte="quoted-printable")
    return bytes(message)


def _address(name: str, email: str) -> Address:
    username, _, domain = email.rpartition("@")
    return Address(display_name=" ".join(name.split()), username=username, domain=domain)


def eml_name(interview_id: int, to: str, variant: int | None = None) -> str:
    slug = "-".join("".join(c if c.isalnum() else " " for c in to.casefold()).split())
    suffix = f"-{variant}" if variant is not None else ""
    return f"interview-{interview_id}-{slug or 'note'}{suffix}.eml"
