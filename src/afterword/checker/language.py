"""Is the body English? Function words decide; no model, no download.

The rules are English language work. On a note in another language they would report nonsense
(no "thank you", so "missing gratitude"), so the engine reports one ``unsupported-language``
finding instead.
"""

from __future__ import annotations

import re

from afterword.checker.text import lazy_re

_EN = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "a",
        "i",
        "you",
        "for",
        "in",
        "is",
        "it",
        "that",
        "with",
        "my",
        "me",
        "your",
        "on",
        "was",
        "this",
        "be",
        "at",
        "as",
        "have",
        "are",
        "we",
        "our",
        "am",
        "will",
        "would",
        "about",
        "from",
        "an",
        "so",
        "but",
        "not",
        "all",
        "very",
        "what",
        "can",
        "if",
        "more",
        "could",
        "do",
        "had",
        "time",
        "thank",
        "thanks",
        "team",
        "role",
        "meet",
        "meeting",
        "forward",
        "hear",
    ]
)
_OTHER = frozenset(
    # Spanish, French, German, Italian, Portuguese, Dutch: their most frequent function words.
    [
        "el",
        "la",
        "los",
        "las",
        "de",
        "del",
        "que",
        "y",
        "en",
        "por",
        "para",
        "con",
        "una",
        "un",
        "es",
        "su",
        "muy",
        "le",
        "les",
        "des",
        "et",
        "est",
        "pour",
        "avec",
        "une",
        "nous",
        "vous",
        "je",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ich",
        "sie",
        "wir",
        "mit",
        "für",
        "den",
        "dem",
        "ein",
        "eine",
        "zu",
        "auf",
        "il",
        "di",
        "che",
        "non",
        "per",
        "con",
        "sono",
        "della",
        "mi",
        "ti",
        "gli",
        "och",
        "och",
        "är",
        "att",
        "det",
        "en",
        "jag",
        "het",
        "een",
        "van",
        "ik",
        "dat",
        "niet",
        "voor",
        "zijn",
        "não",
        "com",
        "uma",
        "os",
        "às",
        "ao",
        "obrigado",
        "obrigada",
        "gracias",
        "merci",
        "danke",
        "grazie",
        "muchas",
        "vielen",
    ]
)
_TOKEN = lazy_re(r"[^\W\d_]+", re.UNICODE)
_ASCII_TOKEN = lazy_re(r"[A-Za-z]+")  # the same in ASCII text, found faster
# Letters outside the Latin script (Latin-1 and Latin Extended-A/B count as Latin).
_NON_LATIN = lazy_re(r"[^\W\d_A-Za-z\u00c0-\u024f]")
#: Below this many words there is too little to judge ("Thx 4 the intervu!").
MIN_WORDS = 6


def detect(text: str) -> str:
    """'en', 'other', or 'unknown' (too short to tell)."""
    if not text.isascii() and _NON_LATIN.search(text) is not None:
        tokens = _TOKEN.findall(text)
        letters = sum(map(len, tokens))
        # Chinese and Japanese put no spaces between words: judge the script by letters.
        if letters >= 8 and len(_NON_LATIN.findall(text)) / letters > 0.5:
            return "other"  # mostly a non-Latin script: Cyrillic, CJK, Arabic, Devanagari...
    else:
        token = _ASCII_TOKEN if text.isascii() else _TOKEN
        tokens = token.findall(text, 0, 400)
        if len(tokens) > 40 and sum(map(_EN.__contains__, map(str.lower, tokens[:40]))) >= 8:
            return "en"  # the common case, decided on the first words
        tokens = token.findall(text)
    if len(tokens) < MIN_WORDS:
        return "unknown"
    en = other = 0
    for t in tokens:
        low = t.lower()
        if low in _EN:
            en += 1
        elif low in _OTHER:
            other += 1
    if other > en and en / len(tokens) < 0.12:
        return "other"
    return "en"
