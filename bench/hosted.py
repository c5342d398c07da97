"""Hosted mode under load, and through faults: is every acknowledged write in the database?

Run: ``.venv/bin/python bench/hosted.py [--users 200] [--seconds 60] [--workers 4] [--faults]``

It starts a throwaway PostgreSQL cluster on a free loopback port, makes ``--users`` accounts
with the app's own account code (argon2id, OWASP's profile, as the app hashes them), starts
``afterword serve --workers N`` in hosted mode as its own process, and lets every simulated
person work as a browser would for ``--seconds``: log in (the CSRF token from the login page),
then, over and over, add an interview (the API), go through the debrief's pages and save its
steps (forms with the page's token: the feeling, a moment, the lessons), open the notes page,
and write a note to the interviewer: live checks as they type, then autosaves (the API, with
the version last seen). Between two actions each person thinks for ``--think`` seconds
(uniform from half to one and a half times it; 0: none).

With ``--faults`` it kills one worker process mid-run (SIGKILL to a child of uvicorn's master,
which starts a new one) and, later, restarts PostgreSQL (``pg_ctl restart``, which ends every
connection), and reports for each fault how long until requests succeeded again and which
requests failed: only those in flight during the fault may.

Afterwards it stops the server and compares every acknowledged write with the database, read
back per account: each interview whose creation was acknowledged is there (and nothing is
there that no one sent), and each field holds its last acknowledged value, or the value of a
later attempt whose answer was lost in a fault (such an attempt may or may not have landed).
It prints the requests, acknowledged writes, lost writes, 5xx answers, and p50/p99 latency per
kind of request. Each request goes on a new connection, as nginx's ``proxy_pass`` sends them
by default. Nothing leaves the machine: every request goes to 127.0.0.1. Figures:
bench/hosted_results.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support import PostgresServer, free_port  # the tests' throwaway cluster

PASSWORD = "a bench password, long enough"
SECRET = "bench-secret-for-csrf-tokens-0123456789-abcdefghij"
INTERVIEWER = "Dana Lee"
_TOKEN = re.compile(r'name="csrf(?:token|-token)" (?:value|content)="([^"]+)"')
NOTE = (
    "Dear Dana,\n\nThank you for your time today and for the conversation about the "
    "warehouse robot launch. I wanted to add to my answer about email marketing: at Brightline "
    "I grew email capture 200% in four months by rebuilding the landing pages.\n\n"
    "Could we find time next week to continue?\n\nBest regards,\nAlex Kim"
)
#: Kinds of request that change something (the rest only read).
WRITES = ("create interview", "debrief save", "note save")


# The server and the accounts ----------------------------------------------------------------


def make_accounts(url: str, count: int, hasher: Any = None) -> dict[int, int]:
    """``count`` member accounts (user index -> account id), made by the app's own code."""
    from afterword.accounts import Accounts
    from afterword.store.db import Database

    database = Database(url)  # also brings the schema up to date
    try:
        accounts = Accounts(database, lambda: datetime.now(UTC), hasher)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            made = pool.map(
                lambda i: (i, accounts.create_user(email(i), PASSWORD).id), range(count)
            )
            return dict(made)
    finally:
        database.close()


def email(index: int) -> str:
    return f"person{index}@bench.example.org"


class Server:
    """``afterword serve --workers N`` in hosted mode, as its own process on loopback."""

    def __init__(self, url: str, workers: int, folder: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / "serve.log"
        env = {
            **os.environ,
            "AFTERWORD_MODE": "hosted",
            "AFTERWORD_DATABASE_URL": url,
            "AFTERWORD_SECRET_KEY": SECRET,
            "AFTERWORD_ALLOWED_HOSTS": "127.0.0.1",
            "AFTERWORD_SIGNUP": "invite",
            "AFTERWORD_DATA_DIR": str(folder / "data"),
            "AFTERWORD_CONFIG_DIR": str(folder / "config"),
        }
        script = Path(sys.executable).with_name("afterword")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(script), "serve", "--port", str(self.port), "--workers", str(workers)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: {self.log.read_text()[-2000:]}")
            if len(self.workers()) == workers:
                try:
                    if httpx.get(f"{self.base}/login", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("the server did not answer within 60 s")

    def workers(self) -> list[int]:
        """The worker processes: the master's children that run uvicorn's spawned worker."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                cmdline = (stat.parent / "cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid and b"spawn_main" in cmdline:
                found.append(int(stat.parent.name))
        return sorted(found)

    def tracebacks(self) -> list[str]:
        """Tracebacks the server wrote (an unhandled error in a request), each with the
        log lines just before it, which say which request it was."""
        lines = self.log.read_text(errors="replace").splitlines()
        found = []
        for at, line in enumerate(lines):
            if line.startswith("Traceback"):
                end = at + 1
                while end < len(lines) and (lines[end][:1].isspace() or not lines[end]):
                    end += 1
                found.append("\n".join(lines[max(0, at - 2) : end + 1]))
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pid in self.workers():  # none, unless the master died first
            os.kill(pid, signal.SIGKILL)


# What was sent and what came back -----------------------------------------------------------


@dataclass
class Request:
    kind: str
    started: float
    ended: float
    status: int | None  # None: no answer (the connection broke, or a time-out)
    error: str = ""

    @property
    def failed(self) -> bool:
        return self.status is None or self.status >= 500


@dataclass
class Fault:
    name: str
    started: float
    over: float = 0.0  # the fault is done (the worker killed; PostgreSQL accepting again)
    recovered: float | None = None  # the first success of a probe after it was over
    note: str = ""
    replaced: bool = False  # (a worker killed) uvicorn started another in its place


@dataclass
class Run:
    base: str
    stop_at: float
    think: float
    requests: list[Request] = field(default_factory=list)
    #: (user, what) -> the values sent, in order, each with whether it was acknowledged.
    writes: dict[tuple[Any, ...], list[tuple[Any, bool]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    faults: list[Fault] = field(default_factory=list)
    stopping: bool = False
    #: The account the fault probe logs in as (one more than the people).
    probe_index: int = -1

    def over(self) -> bool:
        return self.stopping or time.monotonic() >= self.stop_at

    def wrote(self, key: tuple[Any, ...], value: Any, acknowledged: bool) -> None:
        self.writes[key].append((value, acknowledged))


class Browser:
    """One person's browser: its own connections and cookies (kept here, since the app's
    cookies are ``Secure`` and this client talks plain HTTP on loopback), sending the Origin
    and Fetch Metadata headers a browser sends with its own pages' requests."""

    def __init__(self, run: Run, index: int) -> None:
        self.run = run
        self.index = index
        self.cookies: dict[str, str] = {}
        self.token = ""
        # A new connection per request, as nginx's proxy_pass makes by default (docs/deploy.md):
        # a kept-alive connection that uvicorn closes after 5 s idle, just as a request is
        # sent on it, would fail that request for no fault of the app's.
        self.http = httpx.AsyncClient(
            base_url=run.base,
            timeout=60,
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    async def send(
        self, kind: str, method: str, path: str, *, token: bool = False, **options: Any
    ) -> httpx.Response | None:
        headers = {"sec-fetch-site": "same-origin"}
        if method != "GET":
            headers["origin"] = self.run.base
        if token:
            headers["x-csrftoken"] = self.token
        if self.cookies:
            headers["cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.monotonic()
        try:
            response = await self.http.request(method, path, headers=headers, **options)
        except httpx.HTTPError as exc:
            self.run.requests.append(
                Request(kind, started, time.monotonic(), None, type(exc).__name__)
            )
            return None
        self.run.requests.append(Request(kind, started, time.monotonic(), response.status_code))
        self.http.cookies.clear()
        for header in response.headers.get_list("set-cookie"):
            cookie: SimpleCookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response

    async def page(self, kind: str, path: str) -> bool:
        """Open a page, keeping the CSRF token it carries for its forms."""
        response = await self.send(kind, "GET", path)
        found = _TOKEN.search(response.text) if response is not None else None
        if response is None or response.status_code != 200 or not found:
            return False
        self.token = found.group(1)
        return True

    async def form(self, kind: str, path: str, data: dict[str, str]) -> httpx.Response | None:
        return await self.send(kind, "POST", path, data={**data, "csrftoken": self.token})

    async def think(self) -> None:
        if self.run.think:
            await asyncio.sleep(random.uniform(0.5, 1.5) * self.run.think)

    async def close(self) -> None:
        await self.http.aclose()


# One person's work -----------------------------------------------------------------------


async def log_in(browser: Browser) -> bool:
    while not browser.run.over():
        if await browser.page("login page", "/login"):
            response = await browser.form(
                "log in", "/login", {"email": email(browser.index), "password": PASSWORD}
            )
            if response is not None and response.status_code == 303:
                return True
        await asyncio.sleep(0.5)  # the app is not answering: try again in a moment
    return False


async def person(run: Run, index: int, delay: float) -> None:
    await asyncio.sleep(delay)
    browser = Browser(run, index)
    try:
        if not await log_in(browser):
            return
        for round_ in range(1, 1_000_000):
            if run.over():
                return
            await work(browser, round_)
    finally:
        await browser.close()


async def work(browser: Browser, round_: int) -> None:
    """Debrief one new interview and write its note; stops at the first failure (the next
    round starts over with a new interview, as a person would after an error)."""
    run, me = browser.run, browser.index
    if not await browser.page("page", "/"):
        await asyncio.sleep(0.5)
        return
    company = f"Bench {me}-{round_}"
    created = await browser.send(
        "create interview",
        "POST",
        "/api/interviews",
        token=True,
        json={
            "company": company,
            "role": "Data Analyst",
            "ended_at": "2026-11-24T15:30:00-05:00",
            "interviewers": [{"name": INTERVIEWER}],
        },
    )
    acknowledged = created is not None and created.status_code == 201
    run.wrote((me, "interview", company), True, acknowledged)
    if not acknowledged or created is None:
        return
    interview = created.json()["id"]
    debrief = f"/interviews/{interview}/debrief"
    steps: list[tuple[str, str, dict[str, str], Any]] = [
        ("feeling", "feeling", {"feeling": str(1 + (me + round_) % 5)}, 1 + (me + round_) % 5),
        (
            "moments",
            "moments",
            {"question": f"Why us? ({me}-{round_})", "kind": "could_be_better"},
            f"Why us? ({me}-{round_})",
        ),
        (
            "lessons",
            "lessons",
            {"lessons": f"Prepare a story about conflict ({me}-{round_})"},
            [f"Prepare a story about conflict ({me}-{round_})"],
        ),
    ]
    for step, what, data, value in steps:
        await browser.think()
        if run.over() or not await browser.page("page", f"{debrief}?step={step}"):
            return
        saved = await browser.form("debrief save", f"{debrief}/{step}", data)
        acknowledged = saved is not None and saved.status_code == 303
        run.wrote((me, what, interview), value, acknowledged)
        if not acknowledged:
            return
    await browser.think()
    if run.over() or not await browser.page(
        "page", f"/interviews/{interview}/notes?to={quote(INTERVIEWER)}"
    ):
        return
    note_url = f"/api/interviews/{interview}/notes/{quote(INTERVIEWER)}"
    version = 0
    for draft in range(2):
        body = NOTE.replace("Thank you", f"Thank you ({me}-{round_}-{draft})")
        for typed in (len(body) // 2, len(body)):  # live checks as the person types
            checked = await browser.send(
                "live check",
                "POST",
                "/api/check",
                token=True,
                json={"text": body[:typed], "interview_id": interview},
            )
            if checked is None or checked.status_code != 200:
                return
            await browser.think()
        if run.over():
            return
        saved = await browser.send(
            "note save", "PUT", note_url, token=True, json={"body": body, "version": version}
        )
        acknowledged = saved is not None and saved.status_code == 200
        run.wrote((me, "note", interview), body, acknowledged)
        if saved is not None and acknowledged:
            version = saved.json()["version"]
        else:
            # An answer lost in a fault (or a 409, had the save landed): read the version back.
            seen = await browser.send("note read", "GET", note_url)
            if seen is None or seen.status_code not in (200, 404):
                return
            version = seen.json()["version"] if seen.status_code == 200 else 0


# Faults ----------------------------------------------------------------------------------


async def probe_until_answered(run: Run, fault: Fault, browser: Browser, limit: float) -> None:
    """Ask (as a logged-in person: a page that reads the database) until it answers."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        response = await browser.send("probe", "GET", "/api/interviews")
        if response is not None and response.status_code == 200:
            fault.recovered = time.monotonic()
            return
        await asyncio.sleep(0.1)


async def faults(
    run: Run,
    server: Server,
    postgres: PostgresServer,
    schedule: tuple[float, float],
    limit: float = 60,
) -> None:
    """Kill a worker at ``schedule[0]``, restart PostgreSQL at ``schedule[1]`` (monotonic)."""
    probe = Browser(run, run.probe_index)  # logged in before the first fault
    try:
        while not await log_in(probe):
            if run.over():
                return
        await asyncio.sleep(max(0.0, schedule[0] - time.monotonic()))
        before = server.workers()
        victim = random.choice(before)
        fault = Fault("worker killed", time.monotonic())
        run.faults.append(fault)
        os.kill(victim, signal.SIGKILL)
        fault.over = time.monotonic()
        await probe_until_answered(run, fault, probe, limit)
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            now = server.workers()
            if len(now) == len(before) and victim not in now:
                took = time.monotonic() - fault.over
                fault.note, fault.replaced = (
                    f"uvicorn started a new worker {took:.1f} s after",
                    True,
                )
                break
            await asyncio.sleep(0.1)
        else:
            fault.note = f"no new worker within {limit:.0f} s"

        await asyncio.sleep(max(0.0, schedule[1] - time.monotonic()))
        fault = Fault("PostgreSQL restarted", time.monotonic())
        run.faults.append(fault)
        await asyncio.to_thread(postgres.restart)
        fault.over = time.monotonic()
        fault.note = f"pg_ctl restart took {fault.over - fault.started:.1f} s"
        await probe_until_answered(run, fault, probe, limit)
    finally:
        await probe.close()


# The check against the database ----------------------------------------------------------


@dataclass
class Verdict:
    acknowledged: int  # acknowledged writes
    checked: int  # final values and creations compared with the database
    lost: list[str]  # what an acknowledged write left that the database does not have
    unexpected: list[str]  # what the database has that nobody sent
    interviews_acknowledged: int
    interviews_stored: int


def verify(run: Run, url: str, owners: dict[int, int]) -> Verdict:
    """Read every account's interviews back with the app's own code and compare."""
    from afterword.services import Workspace

    stored: dict[int, dict[str, Any]] = {}  # user -> company -> (id, interview)
    with Workspace(url) as workspace:
        for index, owner in owners.items():
            mine = workspace.for_owner(owner).interviews()
            stored[index] = {interview.company: (iid, interview) for iid, interview in mine}
    ids = {
        (index, iid): interview
        for index, found in stored.items()
        for iid, interview in found.values()
    }
    acknowledged = sum(ok for sent in run.writes.values() for _, ok in sent)
    lost: list[str] = []
    unexpected: list[str] = []
    checked = 0
    sent_companies: dict[int, set[str]] = defaultdict(set)
    for key, sent in run.writes.items():
        index, what, which = key
        acked = [i for i, (_, ok) in enumerate(sent) if ok]
        if what == "interview":
            sent_companies[index].add(which)
            if acked:
                checked += 1
                if which not in stored[index]:
                    lost.append(f"person {index}: interview {which!r} is missing")
            continue
        if not acked:
            continue
        checked += 1
        interview = ids.get((index, which))
        if interview is None:
            lost.append(f"person {index}: interview {which} is missing")
            continue
        last = acked[-1]
        allowed = [sent[last][0]] + [value for value, _ in sent[last + 1 :]]
        if what == "feeling":
            value: Any = interview.debrief.feeling
        elif what == "lessons":
            value = list(interview.debrief.lessons)
        elif what == "moments":
            value = next(
                (m.question for m in interview.debrief.moments if m.question in allowed), None
            )
        else:  # a note
            value = next((n.body for n in interview.notes if n.to == INTERVIEWER), None)
        if value not in allowed:
            lost.append(f"person {index}: {what} of interview {which} is {value!r}")
    for index, found in stored.items():
        for company in found:
            if company not in sent_companies[index]:
                unexpected.append(f"person {index}: interview {company!r} that nobody sent")
    interviews_acknowledged = sum(
        1 for (_, what, _), sent in run.writes.items() if what == "interview" and sent[-1][1]
    )
    return Verdict(
        acknowledged,
        checked,
        lost,
        unexpected,
        interviews_acknowledged,
        sum(len(found) for found in stored.values()),
    )


# Putting it together ---------------------------------------------------------------------

#: Seconds after a fault's recovery during which a failed request still counts as in flight.
GRACE = 1.0


@dataclass
class Outcome:
    run: Run
    verdict: Verdict
    seconds: float
    tracebacks: list[str]
    workers: int
    workers_replaced: int

    def failures(self) -> list[Request]:
        return [r for r in self.run.requests if r.failed]

    def in_fault(self, request: Request) -> Fault | None:
        """The fault this request was in flight during: it ended after the fault began and
        started before the app was seen answering again (or within :data:`GRACE` after: a
        request sent on a kept-alive connection of the killed worker just as it died)."""
        for fault in self.run.faults:
            recovered = fault.recovered if fault.recovered is not None else float("inf")
            if request.started <= recovered + GRACE and request.ended >= fault.started:
                return fault
        return None

    def failures_outside_faults(self) -> list[Request]:
        return [r for r in self.failures() if self.in_fault(r) is None]


def simulate(
    users: int,
    seconds: float,
    workers: int,
    *,
    with_faults: bool = False,
    think: float = 1.0,
    hasher: Any = None,
    postgres: PostgresServer | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Outcome:
    """The whole scenario; ``postgres`` (default: a new cluster, stopped afterwards) must be
    one this run may restart when ``with_faults``."""
    own = postgres is None
    cluster = postgres if postgres is not None else PostgresServer()
    folder = Path(tempfile.mkdtemp(prefix="afterword-hosted-"))
    try:
        url = cluster.new_database()
        progress(f"making {users + 1} accounts")
        owners = make_accounts(url, users + 1, hasher)  # the last one is the fault probe
        progress(f"starting afterword serve --workers {workers}")
        server = Server(url, workers, folder)
        first = set(server.workers())
        try:
            # In a thread of its own: the caller's thread may have an event loop running
            # already (a test run after browser tests driven by Playwright's sync API).
            with ThreadPoolExecutor(max_workers=1) as thread:
                outcome = thread.submit(
                    asyncio.run, _load(server, cluster, users, seconds, think, with_faults)
                ).result()
            replaced = len(first - set(server.workers()))
        finally:
            server.stop()
        tracebacks = server.tracebacks()
        progress("comparing every acknowledged write with the database")
        verdict = verify(outcome[0], url, {i: owners[i] for i in range(users)})
        return Outcome(outcome[0], verdict, outcome[1], tracebacks, workers, replaced)
    finally:
        if not os.environ.get("KEEP_BENCH_FILES"):
            shutil.rmtree(folder, ignore_errors=True)
        if own:
            cluster.stop()


async def _load(
    server: Server,
    postgres: PostgresServer,
    users: int,
    seconds: float,
    think: float,
    with_faults: bool,
) -> tuple[Run, float]:
    started = time.monotonic()
    run = Run(server.base, started + seconds, think, probe_index=users)
    ramp = min(10.0, seconds / 6)  # people arrive over the first moments, not all at once
    tasks = [
        asyncio.create_task(person(run, index, ramp * index / max(users, 1)))
        for index in range(users)
    ]
    if with_faults:
        schedule = (started + seconds / 3, started + 2 * seconds / 3)
        await faults(run, server, postgres, schedule)
        # Keep the load on a little after the last recovery: errors then would be the app's.
        run.stop_at = max(run.stop_at, time.monotonic() + 2)
    await asyncio.gather(*tasks)
    return run, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(outcome: Outcome) -> str:
    run, verdict = outcome.run, outcome.verdict
    lines = []
    requests = [r for r in run.requests if r.kind != "probe"]
    server_errors = sum(1 for r in requests if r.status is not None and r.status >= 500)
    no_answer = sum(1 for r in requests if r.status is None)
    lines.append(
        f"{len(requests)} requests in {outcome.seconds:.1f} s "
        f"({len(requests) / outcome.seconds:.0f}/s), {outcome.workers} workers"
    )
    lines.append(
        f"acknowledged writes: {verdict.acknowledged} "
        f"({verdict.checked} creations and final values compared with the database)"
    )
    lines.append(
        f"interviews: {verdict.interviews_acknowledged} acknowledged, "
        f"{verdict.interviews_stored} stored"
    )
    lines.append(
        f"lost writes: {len(verdict.lost)}; stored but never sent: {len(verdict.unexpected)}"
    )
    for problem in (verdict.lost + verdict.unexpected)[:10]:
        lines.append(f"  {problem}")
    refused = [r for r in requests if r.status is not None and 400 <= r.status < 500]
    lines.append(f"4xx answers: {len(refused)} ({describe(refused)})")
    lines.append(f"5xx answers: {server_errors}; no answer: {no_answer}")
    lines.append(f"failed requests: {describe([r for r in requests if r.failed])}")
    lines.append(f"workers that died and were replaced: {outcome.workers_replaced}")
    lines.append(f"tracebacks in the server's log: {len(outcome.tracebacks)}")
    for traceback in outcome.tracebacks[:3]:  # the cause, where a test fails on it
        lines.append(textwrap.indent(traceback[-3000:], "  | "))
    lines.append("")
    lines.append(f"{'request':<17} {'count':>6} {'failed':>6} {'p50 ms':>8} {'p99 ms':>8}")
    kinds: dict[str, list[Request]] = defaultdict(list)
    for r in requests:
        kinds[r.kind].append(r)
    for kind, done in sorted(kinds.items()):
        times = [(r.ended - r.started) * 1000 for r in done if not r.failed]
        p50 = f"{percentile(times, 0.5):.0f}" if times else "-"
        p99 = f"{percentile(times, 0.99):.0f}" if times else "-"
        failed = sum(r.failed for r in done)
        lines.append(f"{kind:<17} {len(done):>6} {failed:>6} {p50:>8} {p99:>8}")
    if run.faults:
        lines.append("")
        start = min(r.started for r in run.requests) if run.requests else 0.0
        for fault in run.faults:
            failed = [r for r in outcome.failures() if outcome.in_fault(r) is fault]
            recovered = (
                f"answering again {fault.recovered - fault.over:.1f} s after it was over"
                if fault.recovered is not None
                else "NOT answering again"
            )
            lines.append(
                f"{fault.name} at {fault.started - start:.1f} s: {recovered}; "
                f"{len(failed)} requests in flight failed ({describe(failed)}); {fault.note}"
            )
        probes = [r for r in run.requests if r.kind == "probe" and r.failed]
        lines.append(f"the fault probe's failed asks: {len(probes)} ({describe(probes)})")
        outside = outcome.failures_outside_faults()
        lines.append(f"failed requests outside the faults: {len(outside)} ({describe(outside)})")
    return "\n".join(lines)


def describe(failed: list[Request]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in failed:
        counts[str(r.status) if r.status is not None else r.error] += 1
    return ", ".join(f"{n} x {what}" for what, n in sorted(counts.items())) or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between actions")
    parser.add_argument("--faults", action="store_true", help="kill a worker, restart PostgreSQL")
    args = parser.parse_args()
    outcome = simulate(
        args.users,
        args.seconds,
        args.workers,
        with_faults=args.faults,
        think=args.think,
        progress=lambda text: print(f"... {text}", file=sys.stderr),
    )
    print(
        f"{args.users} people, {args.seconds:g} s, think time {args.think:g} s"
        + (", with faults" if args.faults else "")
    )
    print(report(outcome))
    ok = not outcome.verdict.lost and not outcome.failures_outside_faults()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
