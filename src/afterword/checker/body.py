"""Find the body of a note: what lies between the greeting and the sign-off.

Real mail carries more than the message: a ``Subject:`` line, a letter header (addresses and a
date at the top), a greeting, a sign-off with a signature block, and quoted earlier mail. The
rules and the counts apply to the body alone; a P.S. after the signature is part of it.
Everything here works on the same-length working copy, so every span is an offset into the
text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.checker.report import Body, Span
from afterword.checker.text import lazy_re

# -- quoted earlier mail ---------------------------------------------------------------------
_WROTE = lazy_re(r"^\s*+On\s.{3,300}\bwrote:\s*$", re.IGNORECASE | re.DOTALL)
_ON_LINE = lazy_re(r"^\s*+On\s", re.IGNORECASE)
_FORWARD = lazy_re(
    r"^\s*+(?:-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}|Begin forwarded message:"
    r"|_{8,}\s*$)",
    re.IGNORECASE,
)
_MAIL_HEADER = lazy_re(r"^\s*+(?:From|Sent|Date|To|Cc|Bcc|Subject)\s*:", re.IGNORECASE)
_SIG_DELIMITER = lazy_re(r"^-- ?$")
_QUOTED_LINE = lazy_re(r"^\s*+>")
_DEVICE_LINE = lazy_re(r"^\s*+Sent from my \w+", re.IGNORECASE)

# -- header and greeting ---------------------------------------------------------------------
_SUBJECT = lazy_re(
    r"^\s*+(?:(?:e-?mail\s+)?Subject(?:\s+lines?)?|Re|Fwd?|Fw|To|From|Cc|Date|Sent)\s*:",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_LINE = lazy_re(
    rf"^\s*+(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf",?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}|\d{{1,4}}[/.-]\d{{1,2}}"
    r"[/.-]\d{1,4})\s*$",
    re.IGNORECASE,
)
_PLACEHOLDER_LINE = lazy_re(r"^\s*+[\[{<(][^\]}>)\n]{1,40}[\]}>)]\s*$")
_GREETING_WORD = lazy_re(
    r"^\s*+(?:dear|hi+|hello+|hey+|heya|hiya|yo|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|to\s+whom\s+it\s+may\s+concern|attn|attention)\b",
    re.IGNORECASE,
)
# Where a greeting that shares its line with the body ends: "Hi Dana, thanks for ...".
_GREETING_END = lazy_re(r"[,:!\u2014\u2013]|\s-\s")
# The rest of a greeting that names several readers: "Dear Ms. Achebe, Mr. Lowry and Ms. Tan,"
# (matched from the first comma on, so no "^").
_MORE_NAMES = lazy_re(
    r"\s*+(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z][\w'\u00c0-\u024f-]*(?:\s+[A-Z][\w'\u00c0-\u024f-]*)?"
    r"(?:\s*(?:,|,?\s+and|,?\s+&)\s+(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z][\w'\u00c0-\u024f-]*"
    r"(?:\s+[A-Z][\w'\u00c0-\u024f-]*)?)*\s*[,:!]?\s*$"
)
# "Dana -", "Hello all —": a greeting closed by a dash.
_DASH_END = lazy_re(r"\s[-\u2013\u2014]$|[\u2013\u2014]$")
_TITLE_GREETING = lazy_re(
    r"^\s*+(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s[^\n,:]{1,60}[,:]\s*$", re.IGNORECASE
)
_SENTENCE_INSIDE = lazy_re(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St))(?<!\bMrs)[.!?]\s")

# -- sign-off and signature -------------------------------------------------------------------
_CLOSING_ALWAYS = lazy_re(
    r"^\s*+(?:(?:best|kind|kindest|warm|warmest|warmly|with\s+kind|many\s+thanks\s+and)"
    r"(?:\s+regards)?|regards|best\s+wishes|all\s+the\s+best|sincerely(?:\s+yours)?"
    r"|yours(?:\s+(?:sincerely|truly|faithfully|respectfully))?|respectfully(?:\s+yours)?"
    r"|cordially|cheers|take\s+care|talk\s+soon|gratefully|appreciatively|thankfully"
    r"|many\s+thanks|with\s+(?:gratitude|appreciation|thanks|many\s+thanks|best\s+wishes)"
    r"|very\s+truly\s+yours|best\s+of\s+luck|until\s+then|(?:remain|stay|be)\s+blessed"
    r"|god\s+bless(?:\s+you)?)\s*[,.!\u2014-]?\s*$",
    re.IGNORECASE,
)
_CLOSING_THANKS = lazy_re(
    r"^\s*+(?:thanks|thank\s+you|thanking\s+you|thx)(?:\s+(?:again|so\s+much|very\s+much|a\s+lot|again"
    r"\s+for\s+everything|\s*(?:&|and)\s+(?:best\s+|warm\s+|kind\s+)?regards))?\s*(?P<p>[,.!\u2014-]?)\s*$",
    re.IGNORECASE,
)
# Any short closing the lists above miss ("Ta,", "Regretfully,", "Warm wishes,", "With thanks,"):
# a few words and a comma, no sentence. Taken as the sign-off only with a signature under it.
# A short aside may ride along: "Talk soon (hopefully today),".
_CLOSING_SHORT = lazy_re(
    # a playful twist rides along too: "Warmly-ish,", "Gratefully, eternally,"
    r"^\s*+[A-Za-z][a-z']*(?:-[a-z']+)?(?:,?\s+(?:[a-z']+(?:-[a-z']+)?|&)){0,3}"
    r"(?:\s+\([a-z' ]{1,30}\))?\s*,\s*$"
    # a playful "Your future Head of Everything," or "Yours in anticipation,"
    r"|^\s*+Yours?\s+[\w'-]+(?:\s+[\w'-]+){0,5}\s*,\s*$"
)
# A salutation on its own line under the greeting ("Greetings of the day!", "Good morning!") is
# part of the greeting, not a body paragraph.
_SALUTATION_LINE = lazy_re(
    r"^\s*+(?:(?:warm\s+|season's\s+)?greetings(?:\s+(?:of|for)\s+the\s+day)?"
    r"|good\s+(?:morning|afternoon|evening|day))\s*[!.,]?\s*$",
    re.IGNORECASE,
)
_PS = lazy_re(r"^\s*+(?:P\.?\s?){1,2}S\b\.?|^\s*+PP?S\s*[:.-]", re.IGNORECASE)
_CONTACT = lazy_re(
    r"@|https?://|www\.|\+?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}|\d{3}-\d{4}|linkedin|github",
    re.IGNORECASE,
)
_SIGNATURE_VETO = lazy_re(
    r"\b(?:you|your|thank|thanks|please|hope|look(?:ing)?\s+forward|let\s+me|I|I'm|I'd|we)\b",
    re.IGNORECASE,
)
_SENTENCE_WORDS = lazy_re(
    r"\b(?:thank|thanks|please|hope|look(?:ing)?|let|best|regards|sincerely)\b", re.IGNORECASE
)
# A sign-off glued to the end of the last sentence of a note written as one block under a greeting
# on its line: "Hi Aisha, thank you ... once you have it? Thanks, Pedro".
_INLINE_SIGNOFF = lazy_re(
    r"(?<=[.!?])\s+((?i:thanks(?:\s+again|\s+so\s+much)?|thank\s+you(?:\s+again)?|many\s+thanks|cheers|best"
    r"|best\s+wishes|(?:kind|warm|best|warmest|kindest)\s+regards|regards|all\s+the\s+best|sincerely"
    r"|take\s+care|talk\s+soon|warmly|ta)\s*[,\u2014\u2013-]\s*"
    r"([A-Z][\w'\u00c0-\u024f-]*(?:\s+[A-Z][\w'\u00c0-\u024f-]*){0,2})\.?)\s*$"
)
_DASH_SIGNATURE = lazy_re(r"^\s*+[-\u2013\u2014~]+\s*[A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*)?\s*$")
_NAME_LINE = lazy_re(
    r"^\s*+(?:[A-Z][\w'\u00c0-\u024f-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w'\u00c0-\u024f-]*\.?|[A-Z]\.)){0,3}"
    r"(?:,\s*[A-Z][\w.,' -]{0,40})?\s*$"
)


@dataclass(slots=True)
class _Line:
    index: int
    start: int
    end: int
    text: str


def _lines(work: str) -> list[_Line]:
    """The lines of ``work`` that hold more than whitespace; ``index`` counts every line.

    Blank lines only separate paragraphs, which the indexes tell: a note of a hundred thousand
    newlines need not become as many objects.
    """
    out: list[_Line] = []
    start = 0
    for i, text in enumerate(work.split("\n")):
        if text and not text.isspace():
            out.append(_Line(i, start, start + len(text), text))
        start += len(text) + 1
    return out


def _next_line(work: str, line: _Line) -> str | None:
    """The text of the line under ``line``, blank or not; None after the last line."""
    if line.end >= len(work):
        return None
    end = work.find("\n", line.end + 1)
    return work[line.end + 1 : end if end >= 0 else len(work)]


def _may_quote(work: str) -> bool:
    """Whether quoted mail or a signature delimiter can be in the note at all: what every
    marker of them needs ("--", "wrote", "From:", a forward line, a rule of underscores)."""
    if "--" in work or "________" in work:
        return True
    low = work.lower()
    return "wrote" in low or "from" in low or "forwarded" in low


def _quoted_cutoff(lines: list[_Line], work: str) -> int:
    """Index (in ``lines``, the lines that are not blank) of the first line of quoted earlier
    mail or a signature after ``-- ``."""
    if not _may_quote(work):
        return len(lines)
    seen_text = False
    for i, line in enumerate(lines):
        t = line.text
        if _SIG_DELIMITER.match(t):
            return i
        if _FORWARD.match(t):
            if seen_text:
                return i
            continue  # a note forwarded as it is: its header block opens it
        if _ON_LINE.match(t):
            under = _next_line(work, line)
            two = t if under is None else t + " " + under
            if _WROTE.match(t) or (len(two) < 320 and _WROTE.match(two)):
                return i
        if seen_text and t.lstrip().lower().startswith("from:"):
            # the four lines under it (a blank one is no header)
            nxt = [x.text for x in lines[i + 1 : i + 5] if x.index <= line.index + 4]
            if any(_MAIL_HEADER.match(x) for x in nxt):
                return i
        # A memo header at the top ("To: ...", "From: ...", "Date: ...") is no quoted mail.
        if not _QUOTED_LINE.match(t) and not _MAIL_HEADER.match(t):
            seen_text = True
    return len(lines)


def _short(text: str, limit: int) -> bool:
    return len(text.split()) <= limit


def _greeting_end(line: _Line, first_content: bool, next_blank: bool) -> int | None:
    """Offset where a greeting on this line ends, or None if the line is no greeting."""
    t = line.text
    if _GREETING_WORD.match(t):
        lead = len(t) - len(t.lstrip())
        m = _GREETING_END.search(t, lead + 2)
        if (
            m
            and _short(t[: m.start()], 8)
            and len(t[m.end() :].split()) >= 3
            and not _MORE_NAMES.match(t, m.end())
        ):
            # The body starts on the greeting's line: "Hi Dana, thanks for ...".
            return line.start + m.end()
        if _short(t, 10):
            return line.end
        return None
    stripped = t.strip()
    if _TITLE_GREETING.match(t) and _short(t, 8):
        return line.end
    if (
        first_content
        and next_blank
        and (stripped.endswith((",", ":")) or (_DASH_END.search(stripped) and _short(stripped, 5)))
        and _short(stripped, 25)
        and not _SENTENCE_INSIDE.search(stripped)
        and not _CLOSING_ALWAYS.match(t)
        and not _CLOSING_THANKS.match(t)
    ):
        return line.end
    return None


def _header_like(text: str) -> bool:
    """A line of a letter header: a subject, a date, an address line, a name and title."""
    if _SUBJECT.match(text) or _DATE_LINE.match(text) or _PLACEHOLDER_LINE.match(text):
        return True
    stripped = text.strip()
    return _short(stripped, 10) and not stripped.endswith((".", "!", "?", ";"))


def _strict_header(text: str) -> bool:
    return bool(_SUBJECT.match(text) or _DATE_LINE.match(text) or _PLACEHOLDER_LINE.match(text))


def _signature_first_line(text: str) -> bool:
    stripped = text.strip()
    # Length too: a line of Chinese or Japanese is one "word" to split().
    if not stripped or not _short(stripped, 7) or len(stripped) > 60:
        return False
    if _PLACEHOLDER_LINE.match(stripped):
        return True
    if len(stripped.split()) >= 3 and not any(c.isupper() for c in stripped):
        return False  # "pls call me back": a name is written with capitals
    if (
        _NAME_LINE.match(stripped)
        and not _SENTENCE_WORDS.search(stripped)
        and (not stripped.endswith(".") or len(stripped.split()) >= 2)
    ):
        return True  # "Your Name", "Laura Smith, RN", "Susan Candidate."
    if _SIGNATURE_VETO.search(stripped):
        return False
    if stripped.endswith((".", "!", "?", ":", ";", ",")):
        # "Susan Candidate." is a name with a stray period; "Goodbye." is a sentence.
        return bool(_NAME_LINE.match(stripped.rstrip(".")) and len(stripped.split()) >= 2)
    return True


def _signature_line(text: str) -> bool:
    stripped = text.strip()
    return bool(
        _CONTACT.search(stripped)
        or _PLACEHOLDER_LINE.match(stripped)
        or (_short(stripped, 8) and not stripped.endswith((".", "!", "?")))
    )


def detect_body(work: str) -> Body:
    """Find greeting, sign-off and body paragraphs in the working copy of a note."""
    lines = _lines(work)
    cutoff = _quoted_cutoff(lines, work)
    # Quoted lines ("> ...") anywhere are set aside like blank lines.
    content = [
        ln
        for ln in lines[:cutoff]
        if not _QUOTED_LINE.match(ln.text) and not _DEVICE_LINE.match(ln.text)
    ]
    is_content = {ln.index for ln in content}

    # 1. Header and greeting, from the top.
    body_from = 0  # index into content
    body_start_offset: int | None = None
    greeting: Span | None = None
    for k, ln in enumerate(content[:25]):
        next_blank = ln.index + 1 not in is_content
        end = _greeting_end(ln, first_content=True, next_blank=next_blank)
        if end is not None:
            greeting = Span(ln.start + len(ln.text) - len(ln.text.lstrip()), end)
            if end < ln.end and work[end : ln.end].strip():
                body_from, body_start_offset = k, end
            else:
                body_from = k + 1
                # "Greetings of the day!" standing alone under the greeting.
                while (
                    body_from < len(content)
                    and _SALUTATION_LINE.match(content[body_from].text)
                    and content[body_from].index + 1 not in is_content
                ):
                    body_from += 1
            break
        if not _header_like(ln.text):
            break
    if greeting is None:
        body_from = 0
        while body_from < len(content) and _strict_header(content[body_from].text):
            body_from += 1

    # 2. Sign-off and signature, from the end.
    body_to = len(content)  # exclusive
    ps_from: int | None = None
    signoff: Span | None = None
    tail = content[body_from:]
    for k in range(len(tail) - 1, max(-1, len(tail) - 16), -1):
        ln = tail[k]
        after = tail[k + 1 :]
        thanks = _CLOSING_THANKS.match(ln.text)
        short = False
        if not (_CLOSING_ALWAYS.match(ln.text) or thanks):
            if not (after and _CLOSING_SHORT.match(ln.text)):
                continue
            short = True
        sig: list[_Line] = []
        ps: int | None = None
        for j, a in enumerate(after):
            if _PS.match(a.text):
                ps = k + 1 + j
                break
            sig.append(a)
        if len(sig) > 8 or not all(_signature_line(a.text) for a in sig[1:]):
            continue
        if sig and not (_signature_first_line(sig[0].text) or _signature_line(sig[0].text)):
            continue
        if short and not (sig and _signature_first_line(sig[0].text)):
            continue
        if thanks and not sig and thanks.group("p") not in (",", "\u2014", "-"):
            # A last "Thank you." with nothing after it is a sentence of the body.
            continue
        # Stacked closings: "Thanking you,\nYours faithfully," or "Thanks again,\nBest,".
        while k > 0 and tail[k - 1].index == tail[k].index - 1 and _stacked_closing(tail[k - 1]):
            k -= 1
            ln = tail[k]
        body_to = body_from + k
        ps_from = body_from + ps if ps is not None else None
        signoff = Span(ln.start + len(ln.text) - len(ln.text.lstrip()), ln.end)
        break
    else:
        # No closing line: a bare name may still sign the note, above a P.S. ("...!\n\nJade
        # \n\nP.S. ...").
        hi = len(content)
        ps_at = _ps_block(content, body_from)
        if ps_at is not None:
            body_to = _strip_signature(content, body_from, ps_at, body_start_offset)
            if body_to < ps_at:
                ps_from = ps_at
            else:
                body_to = _strip_signature(content, body_from, hi, body_start_offset)
        else:
            body_to = _strip_signature(content, body_from, hi, body_start_offset)

    paragraphs = _paragraphs(work, content, body_from, body_to, body_start_offset)
    if signoff is None and greeting is not None and body_start_offset is not None and paragraphs:
        last = paragraphs[-1]
        inline = _INLINE_SIGNOFF.search(work, last.start, last.end)
        # "Thank you, Aisha." to the reader named in the greeting stays a sentence of the body.
        if inline and inline.group(2).split()[0] not in work[greeting.start : greeting.end]:
            paragraphs[-1] = Span(last.start, inline.start())
            signoff = Span(inline.start(1), inline.end(1))
    if ps_from is not None:
        paragraphs += _paragraphs(work, content, ps_from, len(content), None)
    if paragraphs:
        start, end = paragraphs[0].start, paragraphs[-1].end
    else:
        start = end = greeting.end if greeting else 0
    return Body(
        start=start,
        end=end,
        text=work[start:end],
        paragraphs=tuple(paragraphs),
        greeting=greeting,
        signoff=signoff,
    )


def _ps_block(content: list[_Line], lo: int) -> int | None:
    """Index of the last P.S. that opens a block of its own after the first line, or None."""
    for k in range(len(content) - 1, lo, -1):
        if content[k - 1].index != content[k].index - 1 and _PS.match(content[k].text):
            return k
    return None


def _stacked_closing(line: _Line) -> bool:
    """A closing line above the sign-off, ending in a comma ("Thanking you,")."""
    text = line.text.rstrip()
    return text.endswith(",") and bool(_CLOSING_ALWAYS.match(text) or _CLOSING_THANKS.match(text))


def _strip_signature(content: list[_Line], lo: int, hi: int, first_offset: int | None) -> int:
    """Without a closing line, drop a trailing block that reads as a signature."""
    if hi <= lo:
        return hi
    # The last block: content lines after the last gap.
    k = hi - 1
    while k > lo and content[k - 1].index == content[k].index - 1:
        k -= 1
    block = content[k:hi]
    if (
        k > lo
        and len(block) <= 6
        and _signature_first_line(block[0].text)
        and all(_signature_line(b.text) for b in block[1:])
    ):
        return k
    # "- ray" glued under the last line: a dash and a name sign a quick note.
    if hi - 1 > k and _DASH_SIGNATURE.match(content[hi - 1].text):
        return hi - 1
    # A name glued under the last sentence: "... from you.\nAlex Kim\n555-0100".
    n = hi
    while n - 1 > k and _NAME_OR_CONTACT(content[n - 1].text):
        n -= 1
    if n < hi and content[n - 1].text.rstrip().endswith((".", "!", "?")):
        return n
    return hi


def _NAME_OR_CONTACT(text: str) -> bool:
    stripped = text.strip()
    return bool(
        (_CONTACT.search(stripped) and _short(stripped, 6))
        or (_NAME_LINE.match(stripped) and not _SIGNATURE_VETO.search(stripped))
    )


def _paragraphs(
    work: str, content: list[_Line], lo: int, hi: int, first_offset: int | None
) -> list[Span]:
    out: list[Span] = []
    cur: list[_Line] = []

    def flush() -> None:
        if not cur:
            return
        s = cur[0].start
        if first_offset is not None and cur[0] is content[lo]:
            s = first_offset
        # Trimmed of whitespace by str.strip, not a character at a time (a paragraph of
        # masked HTML can be all spaces but a letter).
        segment = work[s : cur[-1].end]
        kept = segment.strip()
        if kept:
            s += len(segment) - len(segment.lstrip())
            out.append(Span(s, s + len(kept)))

    for ln in content[lo:hi]:
        if cur and ln.index != cur[-1].index + 1:
            flush()
            cur = []
        cur.append(ln)
    flush()
    return out
