"""Concurrent saves to one interview: is every acknowledged save stored?

Run: ``.venv/bin/python bench/concurrency.py [--clients 20] [--saves 25] [--workers 2]``

For SQLite (a file) and PostgreSQL (a throwaway cluster on a free loopback port, when its
binaries are installed), it starts ``afterword serve`` as its own process(es) on loopback and
runs three bounded scenarios over HTTP against one interview with one interviewer per client:

- ``own notes``: each client saves its own note ``--saves`` times (no version sent);
- ``one note``: every client edits the same note, sending the version it last saw, and on a
  409 re-reads it and tries again (two tabs, CLI and browser);
- ``with edits``: as ``own notes`` while one more client keeps replacing the whole interview
  through ``PUT /api/interviews/{id}`` with the copy it just read (If-Match).

It prints, per database and scenario, the saves acknowledged (200), refused as stale (409),
answered 5xx, and lost: acknowledged saves whose text is not what is stored at the end (for
``own notes``, each client's last save; for ``one note``, the last acknowledged save). Goal:
zero lost, zero 5xx. Nothing leaves the machine: every request goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from web import free_port, start_server  # the web bench's server start

INTERVIEW = {
    "company": "Northwind Health",
    "role": "Data Analyst",
    "ended_at": "2026-11-24T15:30:00-05:00",
}


def in_threads(work: Callable[[int], None], count: int) -> None:
    start = threading.Barrier(count)

    def run(index: int) -> None:
        start.wait()
        work(index)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ok = self.stale = self.errors = 0

    def count(self, status: int) -> None:
        with self.lock:
            if status == 200:
                self.ok += 1
            elif status == 409:
                self.stale += 1
            else:
                self.errors += 1


def scenario(base: str, name: str, clients: int, saves: int) -> tuple[Tally, int]:
    people = [f"Person {n}" for n in range(clients)]
    with httpx.Client(base_url=base, timeout=60) as http:
        created = http.post(
            "/api/interviews",
            json={
                **INTERVIEW,
                "company": f"{name} Co",
                "interviewers": [{"name": p} for p in people],
            },
        )
        created.raise_for_status()
        interview_id = created.json()["id"]
    tally = Tally()
    last: dict[str, str] = {}
    url = f"/api/interviews/{interview_id}"

    def own_notes(index: int) -> None:
        to = people[index]
        with httpx.Client(base_url=base, timeout=60) as http:
            for n in range(saves):
                body = f"Dear {to},\n\nThank you. Save {n}.\n\nBest,\nSam"
                response = http.put(f"{url}/notes/{quote(to)}", json={"body": body})
                tally.count(response.status_code)
                if response.status_code == 200:
                    last[to] = body

    def one_note(index: int) -> None:
        note_url = f"{url}/notes/{quote(people[0])}"
        with httpx.Client(base_url=base, timeout=60) as http:
            for n in range(saves):
                body = f"Dear Person 0,\n\nClient {index}, save {n}.\n\nBest,\nSam"
                for _ in range(100):  # bounded: re-read and try again after each 409
                    seen = http.get(note_url)
                    version = seen.json()["version"] if seen.status_code == 200 else 0
                    response = http.put(note_url, json={"body": body, "version": version})
                    tally.count(response.status_code)
                    if response.status_code == 200:
                        with tally.lock:
                            last[people[0]] = body
                    if response.status_code != 409:
                        break

    def with_edits(index: int) -> None:
        if index < clients:
            own_notes(index)
            return
        with httpx.Client(base_url=base, timeout=60) as http:
            for _ in range(saves):
                current = http.get(url)
                data = {k: v for k, v in current.json().items() if k != "id"}
                data["role"] = "Data Analyst II"
                response = http.put(url, json=data, headers={"If-Match": current.headers["ETag"]})
                tally.count(response.status_code)

    work = {"own notes": own_notes, "one note": one_note, "with edits": with_edits}[name]
    in_threads(work, clients + (1 if name == "with edits" else 0))
    with httpx.Client(base_url=base, timeout=60) as http:
        stored = {n["to"]: n["body"] for n in http.get(url).json().get("notes", [])}
    lost = sum(1 for to, body in last.items() if stored.get(to) != body)
    return tally, lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--saves", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    databases: list[tuple[str, Callable[[], str], Callable[[], None]]] = []
    folder = Path(tempfile.mkdtemp(prefix="afterword-bench-"))
    databases.append(("SQLite", lambda: f"sqlite:///{folder / 'bench.db'}", lambda: None))
    try:
        from support import PostgresServer

        server = PostgresServer()
        databases.append(("PostgreSQL", server.new_database, server.stop))
    except (FileNotFoundError, OSError) as exc:
        print(f"PostgreSQL: skipped ({exc})")

    print(f"{args.clients} clients x {args.saves} saves, {args.workers} worker(s)")
    print(f"{'database':<11} {'scenario':<11} {'acked':>6} {'stale':>6} {'5xx':>5} {'lost':>5}")
    for name, make_url, stop in databases:
        try:
            url = make_url()
            env = {**os.environ, "AFTERWORD_DATABASE_URL": url}
            env["AFTERWORD_DATA_DIR"] = str(folder)
            port = free_port()
            # SQLite in local mode is one process; PostgreSQL takes several workers.
            workers = args.workers if name == "PostgreSQL" else 1
            process, _ = start_server(env, port, workers)
            try:
                for kind in ("own notes", "one note", "with edits"):
                    tally, lost = scenario(
                        f"http://127.0.0.1:{port}", kind, args.clients, args.saves
                    )
                    print(
                        f"{name:<11} {kind:<11} {tally.ok:>6} {tally.stale:>6} "
                        f"{tally.errors:>5} {lost:>5}"
                    )
            finally:
                process.terminate()
                process.wait(timeout=10)
        finally:
            stop()


if __name__ == "__main__":
    main()
