"""Fixtures: real databases (a SQLite file, and a PostgreSQL server started for the session)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import PostgresServer


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
