"""Load on the web app: the dashboard and the live-check endpoint under 50 concurrent clients.

Run: ``.venv/bin/python bench/web.py [--clients 50] [--seconds 10] [--workers 2]``

It builds a database of 500 interviews (with notes) in a temporary directory, starts
``afterword serve`` as its own process on a free loopback port, measures how long the first
request takes to be answered after the start, then runs closed-loop clients (each sends its
next request as soon as the last is answered) for a bounded time, and prints requests per
second and p50/p99 latency per endpoint. The load comes from ``wrk`` (Debian's package) when it
is installed, since a Python client would take much of the CPU it measures on a 2-core
machine; otherwise from httpx (``--client httpx`` forces it). Targets: live check p99 <= 50 ms,
dashboard p99 <= 150 ms, no errors, first answer within 1.5 s of the start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
NOTE = (
    "Dear Dana,\n\nThank you for your time today and for the conversation about the warehouse "
    "robot launch at Acme Robotics. I wanted to add to my answer about email marketing: at "
    "Brightline I grew email capture 200% in four months by rebuilding the landing pages.\n\n"
    "I would welcome the chance to continue the conversation. Could we find time next week?"
    "\n\nBest regards,\nAlex Kim"
)


def build_database(url: str, count: int) -> None:
    from afterword.model import Debrief, Interview, Interviewer, Moment, Note
    from afterword.services import Workspace

    rng = random.Random(7)
    now = datetime.now(UTC)
    with Workspace(url) as workspace:
        for index in range(count):
            ended = now - timedelta(hours=rng.uniform(0, 24 * 60))
            names = [f"Person {index}-{k}" for k in range(rng.randint(1, 3))]
            notes = []
            if rng.random() < 0.6:
                notes = [
                    Note(to=n, subject="Thank you", body=NOTE.replace("Dana", n)) for n in names
                ]
            workspace.add_interview(
                Interview(
                    company=f"Company {index}",
                    role=rng.choice(["Analyst", "Engineer", "Product Manager", "Designer"]),
                    stage="first round",
                    ended_at=ended,
                    interviewers=[Interviewer(name=n, topics=["the roadmap"]) for n in names],
                    debrief=Debrief(
                        feeling=rng.randint(1, 5),
                        causes=["preparation"],
                        moments=[Moment(question="Why us?", kind="could_be_better")],
                    ),
                    notes=notes,
                )
            )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    env: dict[str, str], port: int, workers: int
) -> tuple[subprocess.Popen[bytes], float]:
    script = Path(sys.executable).with_name("afterword")
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(script), "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = started + 30
    while time.perf_counter() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return process, time.perf_counter() - started
        except httpx.HTTPError:
            time.sleep(0.01)
    process.kill()
    raise RuntimeError("the server did not answer within 30 s")


async def load(
    base: str, clients: int, seconds: float, max_requests: int, request: dict[str, object]
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < stop_at and len(latencies) + errors < max_requests:
            start = time.perf_counter()
            try:
                response = await http.request(**request)  # type: ignore[arg-type]
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - start)
            else:
                errors += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        began = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - began
    return latencies, errors, elapsed


def wrk_load(
    base: str, clients: int, seconds: float, request: dict[str, object]
) -> tuple[float, float, float, int]:
    """Requests/s, p50 and p99 (seconds) and errors, measured by wrk."""
    script = ""
    if request["method"] == "POST":
        body = json.dumps(request["json"])
        script = (
            'wrk.method = "POST"\n'
            f"wrk.body = {json.dumps(body)}\n"
            'wrk.headers["Content-Type"] = "application/json"\n'
        )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = [
        "wrk",
        "-t1",
        f"-c{clients}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "-s",
        handle.name,
        base + str(request["url"]),
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(handle.name)

    def duration(text: str) -> float:
        found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
        if found is None:
            raise RuntimeError(f"cannot read wrk's output:\n{output}")
        number, unit = found.groups()
        return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]

    p50 = duration(re.search(r"50%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    p99 = duration(re.search(r"99%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = sum(
        int(n)
        for n in re.findall(
            r"(?:Non-2xx or 3xx responses|timeout|read|write|connect) (\d+)", output
        )
    )
    return rate, p50, p99, errors


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--interviews", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2, help="one per core by default")
    parser.add_argument("--client", choices=["auto", "wrk", "httpx"], default="auto")
    options = parser.parse_args()
    use_wrk = options.client == "wrk" or (options.client == "auto" and shutil.which("wrk"))

    with tempfile.TemporaryDirectory() as home:
        url = f"sqlite:///{home}/bench.db"
        build_database(url, options.interviews)
        env = {**os.environ, "AFTERWORD_DATABASE_URL": url, "AFTERWORD_CONFIG_DIR": home}
        # The first answer is measured as a user starts it: one worker, the default, on an
        # installed app (its bytecode compiled, as an install does), five starts.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "afterword")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        firsts = []
        for _ in range(5):
            process, first = start_server(env, free_port(), 1)
            firsts.append(first)
            process.terminate()
            process.wait(timeout=10)
        port = free_port()
        process, _ = start_server(env, port, options.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            interview_id = options.interviews // 2
            cases = {
                "dashboard GET /": {"method": "GET", "url": "/"},
                "live check POST /api/check": {
                    "method": "POST",
                    "url": "/api/check",
                    "json": {"text": NOTE, "interview_id": interview_id},
                },
            }
            print(
                f"{options.interviews} interviews, {options.clients} concurrent clients "
                f"({'wrk' if use_wrk else 'httpx'}), {options.workers} server worker(s), "
                f"{options.seconds:.0f} s each"
            )
            print(
                f"first answer after start: median {statistics.median(firsts) * 1000:.0f} ms, "
                f"max {max(firsts) * 1000:.0f} ms of {len(firsts)} starts (target <= 1500 ms)"
            )
            print(f"{'endpoint':<28} {'req/s':>8} {'p50':>8} {'p99':>8} {'errors':>7}")
            for name, request in cases.items():
                asyncio.run(load(base, 5, 1, 200, request))  # warm up
                if use_wrk:
                    rate, p50, p99, errors = wrk_load(
                        base, options.clients, options.seconds, request
                    )
                else:
                    latencies, errors, elapsed = asyncio.run(
                        load(base, options.clients, options.seconds, options.max_requests, request)
                    )
                    rate = len(latencies) / elapsed
                    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
                print(f"{name:<28} {rate:8.0f} {p50 * 1000:6.1f}ms {p99 * 1000:6.1f}ms {errors:7d}")
        finally:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
