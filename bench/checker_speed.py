"""How fast the checker runs, side by side with proselint on the same notes.

Checks every note of the development corpus (read where it lives, see checker_accuracy.py)
many times in one process and prints notes per second, the p50 and p99 time of one check,
the same for proselint 0.16 (a general prose linter), and the ratio.

    .venv/bin/python bench/checker_speed.py [CORPUS.jsonl] [--seconds N]

Targets: >= 2,000 notes/s and p99 <= 5 ms on one core.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from afterword.checker import check
from checker_accuracy import corpus_path


def measure(
    fn: Callable[[str], object], texts: list[str], seconds: float
) -> tuple[float, float, list[float]]:
    """Notes per second (wall clock, and CPU time of this process, which a busy shared machine
    does not distort) over whole passes of the corpus, and the time of each single check."""
    for text in texts:  # warm caches and lazy imports, as a long-lived process would have
        fn(text)
    times: list[float] = []
    start, cpu_start = time.perf_counter(), time.process_time()
    while True:
        for text in texts:
            t0 = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            cpu = time.process_time() - cpu_start
            return len(times) / elapsed, len(times) / cpu, times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def proselint_check() -> Callable[[str], object] | None:
    """proselint 0.16's own lint path: register its checks once, lint a LintFile per note."""
    try:
        from proselint.checks import __register__  # type: ignore[import-untyped]
        from proselint.registry import CheckRegistry  # type: ignore[import-untyped]
        from proselint.tools import LintFile  # type: ignore[import-untyped]
    except ImportError:
        return None
    registry = CheckRegistry()
    if not registry.checks:  # its registry is a singleton: register only once
        registry.register_many(__register__)
    return lambda text: LintFile("note", text).lint()


def main(argv: list[str]) -> int:
    seconds = 3.0
    if "--seconds" in argv:
        i = argv.index("--seconds")
        seconds = float(argv[i + 1])
        del argv[i : i + 2]
    path = corpus_path(argv)
    texts = [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line
    ]
    rate, cpu_rate, times = measure(check, texts, seconds)
    print(f"corpus: {path} ({len(texts)} notes), {len(times)} checks in one process")
    print(
        f"afterword.check: {rate:,.0f} notes/s ({cpu_rate:,.0f}/s of CPU time), "
        f"p50 {percentile(times, 0.5) * 1000:.3f} ms, "
        f"p99 {percentile(times, 0.99) * 1000:.3f} ms, max {max(times) * 1000:.3f} ms"
        f"  (targets >= 2,000 notes/s, p99 <= 5 ms: "
        f"{'ok' if rate >= 2000 and percentile(times, 0.99) <= 0.005 else 'MISSED'})"
    )
    prose = proselint_check()
    if prose is None:
        print("proselint: not installed (pip install proselint==0.16.0) - no comparison")
        return 0
    p_rate, p_cpu_rate, p_times = measure(prose, texts, seconds)
    print(
        f"proselint 0.16:  {p_rate:,.0f} notes/s ({p_cpu_rate:,.0f}/s of CPU time), "
        f"p50 {percentile(p_times, 0.5) * 1000:.3f} ms, "
        f"p99 {percentile(p_times, 0.99) * 1000:.3f} ms"
    )
    print(
        f"ratio: afterword.check is {rate / p_rate:,.1f}x the throughput of proselint "
        f"({cpu_rate / p_cpu_rate:,.1f}x by CPU time)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
