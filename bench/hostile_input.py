"""Hostile input: how long the import takes to refuse a file with 1,000 errors, and what a
YAML alias bomb costs before it is refused. Prints its figures.

    .venv/bin/python bench/hostile_input.py
"""

from __future__ import annotations

import time

from afterword.debrief_file import parse_debrief_text
from afterword.errors import InputError


def many_errors(count: int) -> str:
    """A debrief file with ``count`` mistakes: moments of an unknown kind, each with four
    misspelt fields (five errors a moment)."""
    head = "company: Acme\nrole: PM\nended_at: 2026-11-24T15:30:00-05:00\nmoments:\n"
    moment = "  - {{question: 'Question {0}?', kind: nope, {1}}}\n"
    typos = ", ".join(f"tpoic{j}: x" for j in range(4))
    return head + "".join(moment.format(i, typos) for i in range(count // 5))


def alias_bomb(moments: int) -> str:
    """One long answer written once, with an anchor, and repeated by aliases in every moment."""
    answer = "I would start with the landing pages. " * 500
    head = "company: Acme\nrole: PM\nended_at: 2026-11-24T15:30:00-05:00\nmoments:\n"
    first = f"  - {{question: 'Q0', kind: could_be_better, better_answer: &answer '{answer}'}}\n"
    rest = "".join(
        f"  - {{question: 'Q{i}', kind: could_be_better, better_answer: *answer}}\n"
        for i in range(1, moments)
    )
    return head + first + rest


def timed(text: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        interview = parse_debrief_text(text, "bench.yaml")
    except InputError as exc:
        message = str(exc)
    else:
        message = f"accepted: {len(interview.model_dump_json()):,} bytes to store"
    return time.perf_counter() - start, message


def main() -> None:
    for count in (100, 1000):
        seconds, message = timed(many_errors(count))
        print(
            f"import refusing a file with {count:>5} errors: {seconds:7.3f} s "
            f"({len(message.splitlines())} lines of errors)"
        )
    bomb = alias_bomb(200)
    seconds, message = timed(bomb)
    print(f"YAML aliases, a {len(bomb):,}-byte file: {seconds:.3f} s, {message.splitlines()[0]}")


if __name__ == "__main__":
    main()
