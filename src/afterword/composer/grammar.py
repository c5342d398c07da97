"""A small generative grammar: symbols with alternatives, slots, tones and seeded choice.

An alternative is text with ``{slot}`` references (filled from the note's facts) and
``<symbol>`` references (expanded in turn). An alternative is only eligible when every slot it
names has a value, so the grammar degrades gracefully: without a topic, the lines about the
topic are simply never chosen. A tag at the start restricts an alternative to one tone:
``w:`` for warm, ``f:`` for formal; untagged ones suit both. A slot whose name starts with
``opt_`` may be empty (the sentence reads well with or without it).

Choices are made by a seeded :class:`random.Random`, so a seed gives the same note again; the
choices of sibling notes (the other interviewers of a panel, the other variants) are passed in
as ``avoid`` so that each note takes wording of its own wherever the grammar offers another.
Within one note, an alternative that would repeat four words in a row of wording already used
("...that I would be glad to share. I would be glad to share...") is passed over where there is
another (``used``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

_REFERENCE = re.compile(r"\{(\w+)\}|<(\w+)>")

Grammar = Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class Alternative:
    symbol: str
    index: int
    tone: str | None
    text: str
    slots: frozenset[str]
    symbols: tuple[str, ...]
    #: Word 4-grams of its own wording (the text between references), to spot repetition.
    grams: frozenset[tuple[str, ...]] = frozenset()


_GRAM_WORD = re.compile(r"[a-z']+|\{\}")


def _grams(text: str) -> frozenset[tuple[str, ...]]:
    """Word 4-grams of an alternative; a slot counts as one word ("our discussion of {topic}"
    and "our discussion of {mtopic}" repeat each other), a symbol ends a run of words."""
    out: set[tuple[str, ...]] = set()
    for part in re.split(r"<\w+>", text):
        words = _GRAM_WORD.findall(re.sub(r"\{\w+\}", " {} ", part).casefold())
        out.update(zip(words, words[1:], words[2:], words[3:], strict=False))
    return frozenset(out)


def _parse(grammar: Grammar) -> dict[str, list[Alternative]]:
    parsed: dict[str, list[Alternative]] = {}
    for symbol, alternatives in grammar.items():
        parsed[symbol] = []
        for index, raw in enumerate(alternatives):
            tone, text = None, raw
            if raw[:2] in ("w:", "f:"):
                tone, text = ("warm" if raw[0] == "w" else "formal"), raw[2:]
            slots = frozenset(m.group(1) for m in _REFERENCE.finditer(text) if m.group(1))
            symbols = tuple(m.group(2) for m in _REFERENCE.finditer(text) if m.group(2))
            for name in symbols:
                if name not in grammar:
                    raise ValueError(f"<{name}> in {symbol!r} is not a symbol of the grammar")
            parsed[symbol].append(
                Alternative(symbol, index, tone, text, slots, symbols, _grams(text))
            )
    return parsed


@dataclass(slots=True)
class Expansion:
    """The text a symbol expanded to, and the choices made on the way."""

    text: str
    choices: list[tuple[str, int]] = field(default_factory=list)


class Generator:
    """Expands symbols of one grammar for one note's slots and tone."""

    def __init__(self, grammar: Grammar) -> None:
        self._grammar = _parse(grammar)

    def symbols(self) -> list[str]:
        return list(self._grammar)

    def expand(
        self,
        symbol: str,
        slots: Mapping[str, str],
        rng: random.Random,
        *,
        tone: str,
        avoid: frozenset[tuple[str, int]] = frozenset(),
        also_avoid: frozenset[tuple[str, int]] = frozenset(),
        shortest: bool = False,
        used: set[tuple[str, ...]] | None = None,
    ) -> Expansion | None:
        """Expand ``symbol``, or None when no alternative can be filled from ``slots``.

        ``used`` collects the 4-grams of the note's wording so far (it is updated)."""
        eligible = [a for a in self._grammar[symbol] if self._eligible(a, slots, tone, set())]
        if not eligible:
            return None
        if used:
            eligible = [a for a in eligible if not a.grams & used] or eligible
        # Wording a sibling note used is avoided; wording of a note further away (another
        # variant) only if there is still a choice.
        fresh = [a for a in eligible if (a.symbol, a.index) not in avoid] or eligible
        fresher = [a for a in fresh if (a.symbol, a.index) not in also_avoid]
        fresh = fresher or fresh
        if shortest:
            # The shortest wording a sibling has not used yet (a panel's notes still differ).
            chosen = min(fresh, key=lambda a: len(a.text.format_map(_Lengths(slots))))
        else:
            chosen = rng.choice(fresh)
        choices = [(chosen.symbol, chosen.index)]
        if used is not None:
            used |= chosen.grams
        parts: list[str] = []
        at = 0
        for m in _REFERENCE.finditer(chosen.text):
            parts.append(chosen.text[at : m.start()])
            if m.group(1):
                parts.append(slots.get(m.group(1), ""))
            else:
                inner = self.expand(
                    m.group(2),
                    slots,
                    rng,
                    tone=tone,
                    avoid=avoid,
                    also_avoid=also_avoid,
                    shortest=shortest,
                    used=used,
                )
                assert inner is not None  # eligibility checked the whole tree
                parts.append(inner.text)
                choices.extend(inner.choices)
            at = m.end()
        parts.append(chosen.text[at:])
        return Expansion(tidy("".join(parts)), choices)

    def _eligible(
        self, alternative: Alternative, slots: Mapping[str, str], tone: str, seen: set[str]
    ) -> bool:
        if alternative.tone not in (None, tone):
            return False
        if any(not slots.get(s) and not s.startswith("opt_") for s in alternative.slots):
            return False
        for name in alternative.symbols:
            if name in seen:
                raise ValueError(f"<{name}> refers to itself")
            inner_seen = seen | {name}
            if not any(self._eligible(a, slots, tone, inner_seen) for a in self._grammar[name]):
                return False
        return True


class _Lengths(dict[str, str]):
    """Fills slots for measuring an alternative's length; nested symbols count as short."""

    def __init__(self, slots: Mapping[str, str]) -> None:
        super().__init__(slots)

    def __missing__(self, key: str) -> str:
        return ""


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?])")


#: A name ending in a full stop ("Acme Inc.", "Dr.") at the end of a sentence: one stop, not two
#: (an ellipsis of three stays).
_DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")


def tidy(text: str) -> str:
    """Collapse the spaces an empty optional slot leaves behind, and the second full stop of a
    name that ends a sentence with its own."""
    return _DOUBLE_STOP.sub(".", _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", text)).strip())
