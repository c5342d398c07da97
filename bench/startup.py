"""How long ``afterword --help`` (and other cold starts) take, as a whole process.

Run: ``.venv/bin/python bench/startup.py [--runs N]``. Prints min / median / max wall time.
Targets: ``afterword --help`` and ``afterword check note.txt`` under 0.3 s. The last line is
``import afterword.checker`` alone, with the interpreter's own start: what the checker adds to
every command that checks a note.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def afterword() -> list[str]:
    script = Path(sys.executable).with_name("afterword")
    return [str(script)] if script.exists() else [shutil.which("afterword") or "afterword"]


def time_command(args: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, env=env)
        timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    import os

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "AFTERWORD_DATA_DIR": home, "AFTERWORD_CONFIG_DIR": home}
        subprocess.run(
            [*afterword(), "import", str(ROOT / "examples" / "acme-first-round.yaml")],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        note = Path(home) / "note.txt"
        note.write_text(
            "Dear Dana,\n\nThank you for your time today. I wanted to add that I grew email "
            "capture 200% in four months.\n\nCould we talk next week?\n\nBest,\nAlex\n"
        )
        cases = {
            "afterword --help": [*afterword(), "--help"],
            "afterword check note.txt": [*afterword(), "check", str(note)],
            "afterword list": [*afterword(), "list"],
            "afterword show 1": [*afterword(), "show", "1"],
            "import afterword.checker": [sys.executable, "-c", "import afterword.checker"],
        }
        print(f"{'command':<26} {'min':>8} {'median':>8} {'max':>8}   ({options.runs} runs)")
        for name, args in cases.items():
            t = time_command(args, options.runs, env)
            print(
                f"{name:<26} {min(t) * 1000:7.0f}ms {statistics.median(t) * 1000:7.0f}ms "
                f"{max(t) * 1000:7.0f}ms"
            )


if __name__ == "__main__":
    main()
