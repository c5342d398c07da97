"""Write the composer's drafts for a folder of debriefs, to be read as their recipients would.

    .venv/bin/python bench/composer_read.py [DIR] [--variants N] [--seed S] > drafts.md

For every debrief file in DIR (default bench/data/composer-debriefs, written by someone who
never read the composer), one draft per interviewer and variant, warm tone, with the checker's
remaining findings beside it. A person (or a blind reviewer) scores them; the scores and what
they found go into bench/composer_read_results.md.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from afterword.composer import compose
from afterword.debrief_file import load_debrief_file

DEFAULT = Path(__file__).resolve().parent / "data" / "composer-debriefs"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--variants", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for path in sorted(args.folder.glob("*.y*ml")):
        interview = load_debrief_file(path)
        # Written the morning after the interview, as the 24-hour path intends.
        now = interview.ended_at + timedelta(hours=16)
        print(f"## {path.stem}\n")
        for draft in compose(interview, seed=args.seed, variants=args.variants, now=now):
            left = [f"{f.rule} ({f.severity})" for f in draft.findings if f.severity != "info"]
            print(f"### To {draft.to} (variant {draft.variant})\n")
            print(f"Subject: {draft.subject}\n")
            print("\n".join("    " + line for line in draft.text.splitlines()))
            print(f"\nChecker: {', '.join(left) or 'ready'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
