"""Fixtures: real databases (a SQLite file, and a PostgreSQL server started for the session)."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    return str(candidates[0]) if candidates else None


def _free_port() -> int:
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
        self.port = _free_port()
        # PostgreSQL refuses to run as root: run only its own binaries as the postgres user.
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            self.prefix = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
            self.root.chmod(0o755)
        self._run(
            initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
        )
        self._run(
            pg_ctl,
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.root} -F",
        )
        self._pg_ctl = pg_ctl
        self._names = itertools.count(1)

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

    def stop(self) -> None:
        subprocess.run(
            [*self.prefix, self._pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            cwd=self.root,
        )
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer()
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI"):
            raise  # CI installs PostgreSQL; a missing server there is a failure, not a skip
        pytest.skip(f"PostgreSQL is not available here: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'afterword.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config directories; nothing touches the real ones."""
    home = tmp_path / "home"
    monkeypatch.setenv("AFTERWORD_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(home / "config"))
    for name in ("AFTERWORD_DATABASE_URL", "AFTERWORD_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def use_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the CLI at a fresh database of each kind."""
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", database_url)
    return database_url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (no browser can be downloaded here)."""
    from browser import browser_fixture

    yield from browser_fixture()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    """The web app on a fresh SQLite file, served by uvicorn on a free loopback port."""
    from browser import LiveServer

    server = LiveServer(f"sqlite:///{tmp_path / 'web.db'}")
    yield server.url
    server.stop()
