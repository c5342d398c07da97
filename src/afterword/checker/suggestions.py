"""Better wordings the rules offer. Kept apart so the composer can reuse the same phrasing."""

from __future__ import annotations

import re

from afterword.checker.text import lazy_re

# "... I couldn't answer your question about churn" -> the topic, to follow up on it instead.
_QUESTION_TOPIC = lazy_re(
    r"\b(?:your|the)\s+question\s+(?:about|on|regarding|around)\s+(?P<topic>[^.,;:!?\n]{2,80})",
    re.IGNORECASE,
)
_TOPIC_AFTER_VERB = lazy_re(
    r"\b(?:about|on|regarding)\s+(?P<topic>[^.,;:!?\n]{2,60})", re.IGNORECASE
)

#: What the user is to write where a rewrite needs their own content: it reads as an
#: instruction, and the placeholder rule keeps a note that still holds it from being ready.
BLANK = "[one concrete example, with a number if you have one]"
FOLLOW_UP = f"I wanted to follow up on our conversation: {BLANK}"
STRONG_CTA = "Please let me know if I can share anything else that would help with next steps."
GRATITUDE = "Thank you for taking the time to meet with me about the role."


def follow_up_for(sentence: str) -> str:
    """Turn an apology or an admission into a follow-up that adds something."""
    m = _QUESTION_TOPIC.search(sentence)
    if m:
        return f"I wanted to follow up on your question about {m.group('topic').strip()}: {BLANK}"
    m = _TOPIC_AFTER_VERB.search(sentence)
    if m:
        return f"I wanted to add to what I said about {m.group('topic').strip()}: {BLANK}"
    return FOLLOW_UP


def clause_end(text: str, start: int, limit: int) -> int:
    """End of the clause starting at ``start`` (the next . ! ? ; or newline), within ``limit``."""
    m = re.compile(r"[.!?;\n]").search(text, start, limit)
    return m.start() if m else limit
