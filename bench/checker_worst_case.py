"""The checker's worst case: long runs of one kind of character, timed per 100,000 characters.

A note is pasted in whole, and the API takes up to its own size limit; some runs (question
marks, blank lines, digits, unclosed ``<!--``) once took the checker minutes, because a pattern
read the rest of the run again from each of its characters. This bench checks runs of every
kind of character at 25k, 50k, 100k and 200k characters, prints the time of one check per
100,000 characters at each size, and the worst; a time that grows faster than the text (the
per-100k figure rising with the size) is the sign of such a pattern.

    .venv/bin/python bench/checker_worst_case.py [--sizes 25000,50000] [--only NAME,...]

Goal: <= 50 ms per 100,000 characters for every run (one core). Lines over it are marked
``OVER``. Each figure is the CPU time of the best of three checks, so that a busy machine does
not inflate it.
The last lines time two one-megabyte notes (the size of a whole pasted mailbox).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from afterword.checker import check

GOAL_MS = 50.0
SIZES = (25_000, 50_000, 100_000, 200_000)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _after(head: str, unit: str) -> Callable[[int], str]:
    return lambda n: (head + unit * (n // len(unit) + 1))[:n]


#: name -> text of n characters
RUNS: dict[str, Callable[[int], str]] = {
    # punctuation and marks
    "question marks": _repeat("?"),
    "exclamation marks": _repeat("!"),
    "periods": _repeat("."),
    "commas": _repeat(","),
    "hyphens": _repeat("-"),
    "ellipses": _repeat("\u2026"),
    "marks then a letter": lambda n: "?" * (n - 1) + "x",
    "periods and spaces": _repeat(". "),
    "quotes": _repeat('"'),
    "apostrophes": _repeat("'"),
    "ampersands": _repeat("&"),
    "hashes": _repeat("#"),
    "underscores": _repeat("_"),
    "slashes": _repeat("/"),
    "at signs": _repeat("@"),
    "dollars": _repeat("$"),
    "percent signs": _repeat("%"),
    "parentheses": _repeat("("),
    "pipes": _repeat("|"),
    # space
    "spaces": _repeat(" "),
    "tabs": _repeat("\t"),
    "newlines": _repeat("\n"),
    "blank lines": _repeat("\n\n"),
    "CRLF": _repeat("\r\n"),
    "spaces then newlines": _repeat("  \n"),
    "non-breaking spaces": _repeat("\u00a0"),
    "zero-width spaces": _repeat("\u200b"),
    "soft hyphens": _repeat("\u00ad"),
    # digits and numbers
    "digits": _repeat("0123456789"),
    "digits and spaces": _repeat("1 "),
    "digits and periods": _repeat("1."),
    "digits and commas": _repeat("1,"),
    "percentages": _repeat("10% "),
    # letters and words
    "letters": _repeat("abcdefghij"),
    "capitals": _repeat("ABCDEFGHIJ"),
    "one letter words": _repeat("a "),
    "words": _repeat("word "),
    "one long word": lambda n: "x" * n,
    "lines of a letter": _repeat("a\n"),
    "sorry": _repeat("sorry "),
    "please": _repeat("please "),
    "I need this job,": _repeat("I really need this job, "),
    "thank you": _repeat("thank you "),
    "Mr. Ms. e.g.": _repeat("Mr. Ms. e.g. "),
    "a question opened by how": _after("How ", "you "),
    # markup, templates and mail
    "less-than signs": _repeat("<"),
    "greater-than signs": _repeat(">"),
    "quoted lines": _repeat("> x\n"),
    "open brackets": _repeat("["),
    "a bracket left open": _after("[", "a"),
    "open braces": _repeat("{{"),
    "a brace left open": _after("{{", "a"),
    "an unclosed comment": _after("<!--", "x"),
    "an unclosed script": _after("<script", " x"),
    "comment openers in HTML": _after("<p>", "<!--"),
    "script openers in HTML": _after("<p>", "<script"),
    "HTML paragraphs": _repeat("<p>"),
    "entities": _after("<p>", "&amp;"),
    "On ... wrote:": _repeat("On Tue "),
    "signature dashes": _repeat("-- \n"),
    "links": _repeat("http://a.io/ "),
    # other scripts and symbols
    "accented letters": _repeat("\u00e9\u00fc\u00df\u00f1\u00f8"),
    "Cyrillic": _repeat("\u043f\u0440\u0438\u0432\u0435\u0442 "),
    "CJK": _repeat("\u9762\u63a5\u306e"),
    "emoji": _repeat("\U0001f44b\U0001f64f"),
    "combining marks": _repeat("a\u0301"),
    "bidi controls": _repeat("a\u202e"),
    "hidden sorry (soft hyphen)": _repeat("so\u00adrry "),
    "hidden sorry (Cyrillic o)": _repeat("s\u043erry "),
    "one word of look-alikes": _after("x", "\u043e"),
    "Latin and look-alikes": _repeat("a\u043e"),
    "fullwidth letters": _repeat("\uff53\uff4f\uff52\uff52\uff59 "),
    "ligatures": _repeat("\ufb01"),
    "mixed": _repeat("Hi \u00e9\U0001f44b 1,2? <b> [x] \u200b\n"),
}


def time_check(text: str, repeat: int) -> float:
    """CPU seconds of the fastest of ``repeat`` checks of ``text`` (CPU time of this process,
    which other work on a shared machine distorts far less than the wall clock)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        check(text)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str]) -> int:
    sizes = SIZES
    only: set[str] | None = None
    if "--sizes" in argv:
        i = argv.index("--sizes")
        sizes = tuple(int(s) for s in argv[i + 1].split(","))
        del argv[i : i + 2]
    if "--only" in argv:
        i = argv.index("--only")
        only = set(argv[i + 1].split(","))
        del argv[i : i + 2]
    check("Thank you for your time today.")  # lazy imports and regexes, as in a server
    header = "".join(f"{n // 1000:>8}k" for n in sizes)
    print(f"CPU ms per 100,000 characters (best of 3; goal <= {GOAL_MS:.0f})")
    print(f"{'run':28}{header}     worst")
    worst_all = (0.0, "")
    started = time.perf_counter()
    for name, make in RUNS.items():
        if only is not None and name not in only:
            continue
        figures = []
        for n in sizes:
            text = make(n)
            assert len(text) == n, name
            figures.append(time_check(text, 3) * 1000 * 100_000 / n)
        worst = max(figures)
        worst_all = max(worst_all, (worst, name))
        cells = "".join(f"{f:9.1f}" for f in figures)
        mark = "  OVER" if worst > GOAL_MS else ""
        print(f"{name:28}{cells}  {worst:8.1f}{mark}", flush=True)
    print(f"worst: {worst_all[0]:.1f} ms per 100,000 characters ({worst_all[1]})", end="")
    print(f"  goal <= {GOAL_MS:.0f}: {'ok' if worst_all[0] <= GOAL_MS else 'MISSED'}")
    if only is None:
        paragraph = (
            "Thank you for meeting me about the role. I'm sorry I rambled. Let me know if I can "
            "help; I grew revenue by 20% last year.\n\n"
        )
        for label, text in (
            ("1 MB of paragraphs", paragraph * (1_000_000 // len(paragraph))),
            ("1 MB without a break", "word " * 200_000),
        ):
            seconds = time_check(text, 1)
            print(
                f"{label}: {seconds * 1000:.0f} ms ({seconds * 1e5 / len(text) * 1000:.1f} ms/100k)"
            )
    print(f"({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
