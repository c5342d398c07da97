"""What the tests share besides fixtures (conftest.py modules cannot be imported reliably:
tests/checker has one of its own)."""

from __future__ import annotations

import importlib.util
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def bench_module(stem: str) -> ModuleType:
    """bench/<stem>.py, loaded once (bench/ is scripts, not a package). It is registered
    before it runs: its dataclasses look their module up while being made."""
    name = f"bench_{stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{stem}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


#: The time the shells' tests run at, whatever today's date: the morning after the example
#: interviews (examples/acme-first-round.yaml ended the afternoon before, 17.5 hours earlier,
#: and its decision is expected ten days later).
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def clock() -> datetime:
    return NOW


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    return str(candidates[0]) if candidates else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A throwaway cluster in a temporary directory, on a free loopback port."""

    def __init__(self) -> None:
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not (initdb and pg_ctl):
            raise FileNotFoundError("initdb/pg_ctl not found (install Debian's postgresql)")
        self.root = Path(tempfile.mkdtemp(prefix="afterword-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        # PostgreSQL refuses to run as root: run only its own binaries as the postgres user.
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            self.prefix = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
            self.root.chmod(0o755)
        self._run(
            initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
        )
        self._pg_ctl = pg_ctl
        self.start()
        self._names = itertools.count(1)

    def start(self) -> None:
        """Start the server (again), waiting until it accepts connections."""
        self._run(
            self._pg_ctl,
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.root} -F",
        )

    def shut_down(self) -> None:
        """Stop the server (fast: open sessions are ended), keeping its data for start()."""
        self._run(self._pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, cwd=self.root)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"test_{next(self._names)}"
        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def restart(self) -> None:
        """``pg_ctl restart`` (fast: every open session is ended), waiting until the server
        accepts connections again: what an upgrade or a crash-restart does to the app."""
        log = str(self.root / "log")  # else the server would hold this call's output open
        self._run(self._pg_ctl, "-D", str(self.data), "-l", log, "-m", "fast", "-w", "restart")

    def stop(self) -> None:
        subprocess.run(
            [*self.prefix, self._pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            cwd=self.root,
        )
        shutil.rmtree(self.root, ignore_errors=True)
