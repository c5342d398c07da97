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
from functools import lru_cache

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
        "used",
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
        # "a time you...", "a project that didn't land": a situation the question describes,
        # not a subject the note can name (and it would repeat the question's failure words).
        if not re.search(
            r"\b(?:a|the)\s+time\b|\b(?:you|that|when|where|which|who|how|what)\b",
            phrase,
            re.IGNORECASE,
        ):
            return phrase
    return None


_NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|thousand|million|half|halved|doubled|tripled|twice"
    r"|\w+fold)\b",
    re.IGNORECASE,
)
# Where a clause can be cut short and still read: before "; ", ", and ...", " and ...".
_CUT = re.compile(r";\s|,\s(?:and|but|so|while|which)\s|,\s|\s(?:and|but|while|so)\s")
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")


def has_number(text: str) -> bool:
    """Whether ``text`` gives a figure: "200%", "$1.2M", "from eight days to three"."""
    return bool(re.search(r"\d", text) or _NUMBER_WORD.search(text))


def _lower_words(story: Story) -> frozenset[str]:
    return _lower_words_of(
        (
            story.title,
            story.situation or "",
            story.action or "",
            story.result or "",
            *story.metrics,
            *story.skills,
        )
    )


@lru_cache(maxsize=4_096)
def _lower_words_of(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(text))


def mid_sentence(text: str, known: frozenset[str] = frozenset()) -> str:
    """``text`` as it reads after a colon or a comma: an ordinary first word ("Monthly churn
    fell") in lower case, a name ("Brightline grew", "SQL", "I") as the user wrote it.

    Which capitals are names cannot be told from the word alone, so a word is lowered only with
    evidence: it is a common opening word, or the user writes it in lower case elsewhere in the
    same story (``known``). Anything else keeps the user's casing."""
    first = text.split(" ", 1)[0]
    word = first.rstrip(",;:.")
    if not word[:1].isupper() or word == "I" or word.startswith("I'"):
        return text
    if word[1:] != word[1:].lower() or any(c.isdigit() for c in word):
        return text  # "SQL", "McKinsey", "iOS", "Q3": written that way on purpose
    folded = word.casefold()
    if folded in _COMMON_STARTS or folded in known:
        return text[:1].lower() + text[1:]
    return text


def _title_phrase(title: str, known: frozenset[str]) -> str:
    """A story's title as the subject of a clause: "Scheduling app launch" -> "the scheduling
    app launch", "Mentoring a new hire" -> "my work mentoring a new hire"."""
    title = re.sub(r"^(?:the|a|an)\s+", "", _strip_end(title), flags=re.IGNORECASE)
    title = mid_sentence(title, known)
    first, _, rest = title.partition(" ")
    if first.casefold().endswith("ing") and re.match(r"(?i)(?:a|an|the|our|my|two|three)\b", rest):
        return f"my work {title}"  # a gerund with its object: "mentoring a new hire"
    return f"the {title}"


def story_clauses(story: Story, max_words: int = 45) -> list[str]:
    """A story's result as clauses that read after a colon ("I grew email capture 200% in four
    months"), the whole one first, then shorter ones that still carry its figure (for a tight
    word limit a shorter fact beats none). Empty when no clause would read."""
    known = _lower_words(story)
    result = _strip_end(story.result or "")
    if not result:
        if not story.metrics:
            return []
        clause = f"{_title_phrase(story.title, known)} came to {story.metrics[0]}"
    else:
        first, _, rest = result.partition(" ")
        if _is_past(first) and rest:
            clause = f"I {first.lower()} {rest}"
        elif _has_verb(result):
            clause = mid_sentence(result, known)
        else:
            title = _strip_end(story.title)
            lead, _, tail = title.partition(" ")
            if _is_past(lead) and tail:
                clause = (
                    f"I {lead.lower()} {tail}, and the result was {mid_sentence(result, known)}"
                )
            else:
                clause = f"{_title_phrase(title, known)} brought {mid_sentence(result, known)}"
    forms = [clause]
    if not has_number(clause) and story.metrics:
        forms.insert(0, f"{clause} ({story.metrics[0]})")
    numbered = has_number(forms[0])
    for cut in _CUT.finditer(clause):
        head = clause[: cut.start()].rstrip(" ,;")
        # A shorter clause must still be one (a verb, or "I ..."), and keep the figure.
        is_clause = head.startswith("I ") or _has_verb(head)
        if word_count(head) >= 4 and is_clause and (has_number(head) or not numbered):
            forms.append(head)
    return _longest_first(forms, max_words)


def story_clause(story: Story, max_words: int = 32) -> str | None:
    """The longest of :func:`story_clauses` within ``max_words``, or None."""
    found = story_clauses(story, max_words)
    return found[0] if found else None


def _longest_first(forms: list[str], max_words: int) -> list[str]:
    fit = {f: word_count(f) for f in forms if 0 < word_count(f) <= max_words}
    return sorted(fit, key=lambda f: -fit[f])


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
        "overtime",
        "night",
        "setup",
        "timing",
        "response",
        "build",
        "tickets",
        "pages",
        "signups",
        "sign-ups",
        "bookings",
        "average",
        "median",
        "total",
        "net",
        "gross",
        "profit",
        "margin",
        "margins",
        "retention",
        "engagement",
        "attendance",
        "turnover",
        "downtime",
        "uptime",
        "latency",
        "throughput",
        "accuracy",
        "quality",
        "output",
        "productivity",
        "satisfaction",
        "complaints",
        "returns",
        "defects",
        "incidents",
        "pipeline",
        "renewals",
        "usage",
        "adoption",
        "scores",
        "grades",
        "readmissions",
        "admissions",
        "enrollment",
        "donations",
        "funding",
        "headcount",
        "hiring",
        "onboarding",
        "spend",
        "budget",
        "waste",
        "we",
        "they",
        "he",
        "she",
        "it",
        "this",
        "that",
        "these",
        "those",
        "all",
        "both",
        "most",
        "half",
        "nearly",
        "almost",
        "about",
        "after",
        "by",
        "in",
        "from",
        "for",
        "with",
    ]
)


# Research is written after the interview and often says so ("I looked it up since we spoke");
# in an interview answer, or after a lead-in that says it already, the phrase is out of place.
_SINCE = re.compile(
    r"(?:^|,?\s+)(?:since|after)\s+(?:we\s+(?:spoke|talked|met)|our\s+(?:conversation|interview"
    r"|meeting|call|talk|chat)|the\s+interview)\b,?",
    re.IGNORECASE,
)
# A lead-in before a colon that only says where a fact came from: "I looked up the market: ..."
_SOURCE_LEAD = re.compile(
    r"^(?:I\s+(?:looked|read|found|learned|learnt|checked|researched|saw|went)|According)\b",
    re.IGNORECASE,
)


def timeless(text: str) -> str:
    """Research without "since we spoke": what was found, not when."""
    out = " ".join(_SINCE.sub("", text).split())
    return out[:1].upper() + out[1:]


def research_facts(text: str, max_words: int = 45) -> list[str]:
    """A research note (or a better answer) as whole sentences for the note: the first two or
    one, then the first cut short at a clause boundary, for a tight word limit."""
    found = sentences(timeless(text))
    if not found:
        return []
    forms: list[str] = []
    out: list[str] = []
    for sentence in found[:2]:
        out.append(as_sentence(sentence))
        forms.append(" ".join(out))
    first = _strip_end(found[0])
    lead, colon, after = first.partition(": ")
    if colon and _SOURCE_LEAD.match(lead) and word_count(after) >= 4:
        forms.append(as_sentence(after))
    for cut in _CUT.finditer(first):
        head = first[: cut.start()].rstrip(" ,;")
        if word_count(head) >= 4:
            forms.append(as_sentence(head))
    if colon and not _SOURCE_LEAD.match(lead) and word_count(lead) >= 3:
        forms.append(as_sentence(lead))
    return _longest_first(forms, max_words)


def research_fact(text: str, max_words: int = 45) -> str | None:
    """The longest of :func:`research_facts` within ``max_words``, or None."""
    found = research_facts(text, max_words)
    return found[0] if found else None


def as_written(phrase: str, *sources: str | None) -> str:
    """``phrase`` in the casing the user gave it where they wrote it: a skill noted as "kafka"
    reads "Kafka" when the question says "Kafka"."""
    pattern = r"\b" + r"\W+".join(map(re.escape, phrase.split())) + r"\b"
    for source in sources:
        if source:
            m = re.search(pattern, source, re.IGNORECASE)
            if m:
                return m.group(0)
    return phrase


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
