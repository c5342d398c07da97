"""Turn what the user wrote (story results, research, better answers, topics) into pieces that
fit the grammar's slots, or say that a piece does not fit.

The user writes fragments ("Grew email capture 200% in four months", "4,000 sign-ups in the
first week"); a note needs clauses ("I grew email capture 200% in four months"). The rules here
are deliberately modest: when a fragment cannot be made into a clause with confidence, the
composer uses another piece of evidence rather than print a broken sentence.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from afterword.model import Interview, Moment, Story

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")
_WORD = re.compile(r"\S+")

# Irregular past tenses that open a result ("Grew email capture 200%"); regular ones end in -ed.
_PAST = frozenset(
    [
        "grew",
        "built",
        "cut",
        "ran",
        "led",
        "won",
        "wrote",
        "made",
        "drove",
        "took",
        "brought",
        "set",
        "saw",
        "sold",
        "shipped",
        "fell",
        "rose",
        "began",
        "became",
        "caught",
        "chose",
        "did",
        "found",
        "gave",
        "got",
        "held",
        "hit",
        "kept",
        "knew",
        "left",
        "lent",
        "lost",
        "met",
        "paid",
        "put",
        "read",
        "said",
        "sent",
        "shut",
        "sped",
        "spent",
        "stood",
        "taught",
        "thought",
        "told",
        "understood",
        "went",
    ]
)
_NOT_PAST = frozenset(
    [
        "need",
        "speed",
        "feed",
        "seed",
        "red",
        "bed",
        "hundred",
        "shed",
        "bred",
        "led",
        "used",
        "based",
        "sized",
    ]
) - {"led", "used"}
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"])


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _strip_end(text: str) -> str:
    return " ".join(text.split()).rstrip(" .;:,")


_PREFIXES = ("re", "co-", "co", "over", "out", "under", "up")


def _is_past(word: str) -> bool:
    w = word.casefold()
    if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST):
        return True
    # "rebuilt", "oversaw", "co-led", "undertook": an irregular past behind a prefix.
    return any(w.startswith(p) and w[len(p) :] in _PAST for p in _PREFIXES)


def _has_verb(text: str) -> bool:
    return any(_is_past(w.strip(",;:")) for w in text.split()) or bool(
        re.search(r"\b(?:is|are|was|were|has|have|had)\b", text, re.IGNORECASE)
    )


def first_name(name: str) -> str:
    parts = [p for p in name.split() if p.rstrip(".").casefold() not in _TITLES]
    return parts[0] if parts else name


def formal_name(name: str) -> str:
    return " ".join(name.split())


def topic_phrase(topic: str) -> str:
    """A topic as the note can say it to the interviewer: their program is "your program"."""
    topic = _strip_end(topic)
    return re.sub(r"^(?:their|our|the company's)\s+", "your ", topic, flags=re.IGNORECASE)


def moment_topic(moment: Moment) -> str | None:
    """What a moment was about, as a noun phrase: its topic, or what its question asks about."""
    if moment.topic:
        return topic_phrase(moment.topic)
    question = _strip_end(moment.question).rstrip("?")
    m = re.search(r"\babout\s+(.{3,60})$", question, re.IGNORECASE)
    if m:
        phrase = m.group(1)
        # The interviewer's "our customers" are "your customers" in the note, and their
        # "your background" is the writer's "my background".
        phrase = re.sub(r"\bour\b", "your", re.sub(r"\byour\b", "my", phrase))
        if not re.search(r"\b(?:a|the)\s+time\b", phrase, re.IGNORECASE):
            return phrase
    return None


def story_clause(story: Story, max_words: int = 32) -> str | None:
    """A story's result as a clause that reads after a colon, or None if it would not read."""
    result = _strip_end(story.result or "")
    if not result:
        if not story.metrics:
            return None
        title = _strip_end(re.sub(r"^(?:the|a|an)\s+", "", story.title, flags=re.IGNORECASE))
        clause = f"my work on {title[:1].lower() + title[1:]} came to {story.metrics[0]}"
    else:
        first, _, rest = result.partition(" ")
        if _is_past(first) and rest:
            clause = f"I {first.lower()} {rest}"
        elif _has_verb(result):
            clause = result
        else:
            title = _strip_end(story.title)
            lead, _, tail = title.partition(" ")
            if _is_past(lead) and tail:
                clause = f"I {lead.lower()} {tail}, and the result was {_lower_first(result)}"
            else:
                title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)
                clause = f"the {_lower_first(title)} project brought {_lower_first(result)}"
        if not re.search(r"\d", clause) and story.metrics:
            clause += f" ({story.metrics[0]})"
    clause = clause[:1].upper() + clause[1:]
    return clause if word_count(clause) <= max_words else None


def _lower_first(text: str) -> str:
    # Lower-case only a common word: "Monthly churn" -> "monthly churn", but "Brightline"
    # and "SQL" stay as they are.
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.casefold() in _COMMON_STARTS:
        return text[:1].lower() + text[1:]
    return text


_COMMON_STARTS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "my",
        "monthly",
        "weekly",
        "daily",
        "annual",
        "yearly",
        "sales",
        "revenue",
        "churn",
        "costs",
        "cost",
        "time",
        "conversion",
        "traffic",
        "errors",
        "setup",
        "search",
        "website",
        "organic",
        "nightly",
        "random",
        "wait",
        "every",
        "everyone",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "within",
        "over",
        "close",
    ]
)


def research_fact(text: str, max_words: int = 45) -> str | None:
    """The first sentence or two of a research note, or None when even one is too long."""
    out: list[str] = []
    for sentence in sentences(text):
        candidate = " ".join([*out, as_sentence(sentence)])
        if word_count(candidate) > max_words:
            break
        out.append(as_sentence(sentence))
    return " ".join(out) or None


def when_phrase(interview: Interview, now: datetime | None) -> str:
    """ "today", "yesterday" or "on Tuesday", as the interviewer will read it; empty without
    a clock (the core never reads one) or when the interview is more than a few days old."""
    if now is None:
        return ""
    zone = interview.ended_at.tzinfo
    ended = interview.ended_at.date()
    today = now.astimezone(zone).date()
    days = (today - ended).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 6:
        return "on " + (interview.ended_at).strftime("%A")
    if days < 0 and now + timedelta(days=1) >= interview.ended_at:
        return "today"
    return ""
