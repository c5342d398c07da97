"""``placeholder``: a template placeholder is still in the note."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule

# Matched against the note as written (a placeholder is told by its capitals).
# Lower-case words inside square brackets are often an aside ("[sic]", "[laughs]") - but a
# capitalised or template word in brackets is a placeholder. HTML tags are no placeholders.
_HTML_TAG_NAMES = frozenset(
    [
        "html",
        "head",
        "body",
        "p",
        "br",
        "div",
        "span",
        "a",
        "b",
        "i",
        "u",
        "em",
        "strong",
        "font",
        "table",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "li",
        "hr",
        "img",
    ]
)


class Placeholder(Rule):
    """A placeholder left in the note shows the reader a form letter.

    Why it matters, and good and bad examples: ``checker/data/rules/placeholder.yaml``.
    """

    id = "placeholder"

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.note_matches(self.phrases):
            text = m.group()
            if text.startswith("<") and text[1:-1].strip("/").split(" ")[0].lower() in (
                _HTML_TAG_NAMES
            ):
                continue
            fill = _fill(text, doc)
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                m.end(),
                fill,
                replaces_span=not fill.endswith("…"),
                phrase=self.phrases.phrase_of(m).id,
            )


def _fill(text: str, doc: Document) -> str:
    """What to put in place of a placeholder, from the interview when there is one."""
    interview = doc.interview
    low = text.lower()
    if interview is not None:
        if "compan" in low or "organi" in low:
            return interview.company
        if "role" in low or "position" in low or ("title" in low and "job" in low):
            return interview.role
        if "your name" in low and interview.sender is not None:
            return interview.sender.name
        if ("name" in low or "interviewer" in low or "manager" in low or "_" in text) and (
            len(interview.interviewers) == 1
        ):
            return interview.interviewers[0].name
    return "Replace it with the real detail."
