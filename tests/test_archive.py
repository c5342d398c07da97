"""Everything out and back: `export --all`, `import --all`, `backup` and the Settings page, on
a SQLite file and on PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from afterword.archive import parse_archive_bytes
from afterword.cli.app import app
from afterword.debrief_file import load_debrief_file
from afterword.errors import InputError
from afterword.model import Interview, Interviewer, Note, NoteStatus, Story
from afterword.practice import Rating
from afterword.services import Workspace
from afterword.store.outbox import OutboxRepository
from afterword.store.practice import PracticeRepository
from afterword.web.app import create_app
from support import EXAMPLES, NOW, PostgresServer, clock

runner = CliRunner(env={"COLUMNS": "120"})

#: A company written in other scripts than Latin, with a sent note and a sent check-in.
TOKYO = Interview.model_validate(
    {
        "company": "株式会社みらい Робототехника",
        "role": "Ingénieure produit",
        "format": "video",
        "ended_at": "2026-11-10T18:00:00+09:00",
        "interviewers": [Interviewer(name="佐藤 花子", email="hanako@mirai.example")],
        "debrief": {"feeling": 3, "causes": ["nerves"], "lessons": ["ゆっくり話す"]},
        "notes": [
            Note(
                to="佐藤 花子",
                subject="Thank you",
                body="Dear Hanako,\n\nThank you for your time today.\n\nBest,\nAlex",
                status=NoteStatus.sent,
                sent_at=NOW - timedelta(days=14),
            )
        ],
        "check_ins": [
            Note(
                to="佐藤 花子",
                subject="Checking in",
                body="Dear Hanako,\n\nA short check-in on the role.\n\nBest,\nAlex",
                status=NoteStatus.sent,
                sent_at=NOW - timedelta(days=2),
            )
        ],
    }
)


@pytest.fixture
def second_url(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Another empty database of the same kind as ``database_url``."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("afterword.services.utc_now", clock)


def fill(url: str) -> None:
    """A rich database: the three examples (one with a sent note), a non-Latin company with
    a sent note and check-in, a story no interview uses, a send attempt on record."""
    with Workspace(url, clock=clock) as ws:
        for name in ("acme-first-round.yaml", "panel-onsite.yaml", "good-interview.json"):
            ws.add_interview(load_debrief_file(EXAMPLES / name))
        ws.save_note(1, Note(to="Dana Lee", subject="Thank you", body="Dear Dana,\n\nThanks."))
        ws.mark_sent(1, "Dana Lee", NOW - timedelta(hours=1))
        ws.delete_interview(2)  # a gap in the ids, which a restore keeps
        ws.add_interview(load_debrief_file(EXAMPLES / "panel-onsite.yaml"))
        ws.add_interview(TOKYO)
        ws.add_story(Story(title="Unused: the pricing page", result="Trials up 30%"))

        def attempt(session: Session) -> None:
            repository = OutboxRepository(session)
            entry = repository.start(
                5, "check_in", "佐藤 花子", "hanako@mirai.example", "<1@afterword>", 1,
                "Checking in", "Dear Hanako,", NOW - timedelta(days=2),
            )  # fmt: skip
            repository.finish(entry.id, "failed", "550 no such user", NOW - timedelta(days=2))

        ws._write(attempt)

        # The practice deck: a card per weak question with a better answer, one reviewed.
        ws.practice()
        with ws._transaction() as session:
            cards = PracticeRepository(session).cards()
        ws.practise(cards[0].id, Rating.hard, "Row counts against a rolling baseline")


def cli(url: str, monkeypatch: pytest.MonkeyPatch, *args: str, input: str | None = None) -> Result:
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", url)
    return runner.invoke(app, list(args), input=input)


def snapshot(url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """What a person sees of a database: each interview shown, the list, the story library."""
    with Workspace(url, clock=clock) as ws:
        ids = sorted(i for i, _ in ws.interviews())
    seen = {f"show {i}": cli(url, monkeypatch, "show", str(i)).stdout for i in ids}
    seen["list"] = cli(url, monkeypatch, "list").stdout
    seen["stories"] = cli(url, monkeypatch, "story", "list").stdout
    return seen


def archive_card_id(ws: Workspace) -> int:
    card = ws.export_all().practice[0]
    assert card.id is not None
    return card.id


def counts(url: str) -> tuple[int, int]:
    with Workspace(url, clock=clock) as ws:
        return len(ws.interviews()), len(ws.stories())


def test_a_rich_database_round_trips_exactly(
    database_url: str, second_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_url)
    export = tmp_path / "export.json"
    result = cli(database_url, monkeypatch, "export", "--all", "--out", str(export))
    assert result.exit_code == 0, result.output
    document = json.loads(export.read_text())
    assert (document["format"], document["version"]) == ("afterword-export", 1)
    assert [i["id"] for i in document["interviews"]] == [1, 3, 4, 5]
    assert "Unused: the pricing page" in {s["title"] for s in document["stories"]}
    assert document["outbox"][0]["error"] == "550 no such user"
    assert (
        document["practice"][0]["history"][0]["answer"] == "Row counts against a rolling baseline"
    )
    # The same on standard output.
    assert cli(database_url, monkeypatch, "export", "--all").stdout == export.read_text()

    result = cli(second_url, monkeypatch, "import", "--all", str(export))
    assert result.exit_code == 0, result.output
    assert "Restored 4 interviews" in result.stderr

    before, after = snapshot(database_url, monkeypatch), snapshot(second_url, monkeypatch)
    assert after == before
    assert "株式会社みらい Робототехника" in after["show 5"]
    with Workspace(database_url, clock=clock) as a, Workspace(second_url, clock=clock) as b:
        assert b.stories() == a.stories()
        assert b.interviews() == a.interviews()
        # Exported again, the restored database gives the very same file.
        assert b.export_all() == a.export_all()
        card = archive_card_id(a)
        assert b.practice_answers(card) == a.practice_answers(card) != []
        # New records get fresh ids after the restored ones (PostgreSQL's sequences moved on).
        assert b.add_interview(TOKYO) == 6
        assert b.add_story(Story(title="Another")) == max(i for i, _ in a.stories()) + 1


def test_the_markdown_report(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_url)
    report = cli(database_url, monkeypatch, "export", "--all", "--format", "markdown").stdout
    assert report.startswith("# Afterword: your interviews (as of 25 Nov 2026)")
    acme = report.split("## Acme Robotics: Product Marketing Manager")[1].split("\n## ")[0]
    assert "- **How it felt:** 2/5 (bad)" in acme
    assert "I hadn't researched the company" in acme
    assert "**How would you grow our email list?** (could be better)" in acme
    assert "> Start with the landing pages" in acme
    assert "- Thank-you note to Dana Lee, Wed 25 Nov 2026, 08:00: Thank you" in acme
    assert "Read the company's last three press releases" in acme
    tokyo = report.split("## 株式会社みらい Робототехника: Ingénieure produit")[1]
    assert "- Check-in to 佐藤 花子, Mon 23 Nov 2026, 23:00: Checking in" in tokyo
    # Newest first, and user text is not read as markup.
    assert report.index("Acme Robotics") < report.index("Lumen Books")


def test_import_into_a_database_that_is_not_empty_is_refused(
    database_url: str, second_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_url)
    export = tmp_path / "export.json"
    cli(database_url, monkeypatch, "export", "--all", "--out", str(export))
    with Workspace(second_url, clock=clock) as ws:
        ws.add_interview(load_debrief_file(EXAMPLES / "good-interview.json"))
    result = cli(second_url, monkeypatch, "import", "--all", str(export))
    assert result.exit_code == 2
    assert "the database already has 1 interview; nothing was written" in result.stderr
    assert "--merge" in result.stderr
    assert counts(second_url) == (1, 1)

    # A library alone counts too.
    with Workspace(second_url, clock=clock) as ws:
        ws.delete_interview(1)
    result = cli(second_url, monkeypatch, "import", "--all", str(export))
    assert "already has 1 story in its library" in result.stderr

    # --merge adds them as new interviews, the stories merged by title.
    result = cli(second_url, monkeypatch, "import", "--all", "--merge", str(export))
    assert result.exit_code == 0, result.output
    assert counts(second_url) == counts(database_url)
    result = cli(second_url, monkeypatch, "import", "--all", "--merge", str(export))
    assert counts(second_url)[0] == 2 * counts(database_url)[0]
    assert counts(second_url)[1] == counts(database_url)[1]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda text: text[: len(text) // 2], "not valid JSON"),
        (lambda text: "", "the file is empty"),
        (lambda text: text.replace('"afterword-export"', '"something-else"'), "not an Afterword"),
        (lambda text: text.replace('"version": 1', '"version": 2'), "export of version 2"),
        (
            lambda text: text.replace(
                '"ended_at": "2026-11-20T16:00:00-08:00"', '"ended_at": "yesterday"'
            ),
            "interviews.1.ended_at",
        ),
        (
            lambda text: text.replace('"feeling": 2', '"feeling": 9', 1),
            "interviews.0.feeling: Input should be less than or equal to 5",
        ),
        (lambda text: text.replace('"interview_id": 5', '"interview_id": 99'), "no interview 99"),
        (
            lambda text: text.replace('"id": 1,', '"id": null,', 1),
            "give an id for every one, or for none",
        ),
    ],
)
def test_a_corrupt_or_half_file_is_refused_and_nothing_written(
    damage: Callable[[str], str],
    message: str,
    database_url: str,
    second_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(database_url)
    text = cli(database_url, monkeypatch, "export", "--all").stdout
    bad = tmp_path / "bad.json"
    bad.write_text(damage(text))
    result = cli(second_url, monkeypatch, "import", "--all", str(bad))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert str(bad) in result.stderr
    assert counts(second_url) == (0, 0)


def test_a_field_error_names_the_file_and_line(database_url: str) -> None:
    fill(database_url)
    from afterword.archive import dump

    with Workspace(database_url, clock=clock) as ws:
        text = dump(ws.export_all())
    bad = text.replace('"kind": "couldnt_answer"', '"kind": "blanked"', 1)
    line = bad[: bad.index('"blanked"')].count("\n") + 1
    with pytest.raises(InputError, match=rf"export\.json:{line}: interviews\.0\.moments\.2\.kind"):
        parse_archive_bytes(bad.encode(), "export.json")


def test_a_failure_while_writing_leaves_nothing_written(
    database_url: str, second_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_url)
    with Workspace(database_url, clock=clock) as ws:
        archive = ws.export_all()

    def broken(session: object) -> None:
        raise RuntimeError("the disk is full")

    # After every row is written, before the commit.
    monkeypatch.setattr("afterword.store.archive._advance_sequences", broken)
    with Workspace(second_url, clock=clock) as ws, pytest.raises(RuntimeError):
        ws.import_all(archive)
    assert counts(second_url) == (0, 0)


def test_import_all_reads_standard_input(
    database_url: str, second_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_url)
    text = cli(database_url, monkeypatch, "export", "--all").stdout
    result = cli(second_url, monkeypatch, "import", "--all", "-", input=text)
    assert result.exit_code == 0, result.output
    assert counts(second_url) == counts(database_url)


def test_export_arguments_are_checked(use_database: str) -> None:
    assert "--all" in runner.invoke(app, ["export"]).stderr
    assert "not both" in runner.invoke(app, ["export", "1", "--all"]).stderr
    assert "json or markdown" in runner.invoke(app, ["export", "--all", "--format", "yaml"]).stderr
    assert "--merge goes with --all" in runner.invoke(app, ["import", "--merge", "x.yaml"]).stderr


# Backups -------------------------------------------------------------------------------------


def integrity(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]


def test_backup_while_another_connection_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    fill(url)
    committed = counts(url)[0]
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        with Workspace(url, clock=clock) as ws:
            while not stop.is_set():
                written.append(ws.add_interview(TOKYO))

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 3:  # the writer is under way
            threading.Event().wait(0.01)
        with Workspace(url, clock=clock) as ws:
            done = ws.backup(tmp_path / "copy.db")
    finally:
        stop.set()
        thread.join()
    assert integrity(done.path) == ["ok"]
    assert not (tmp_path / "copy.db-wal").exists()
    # What was committed before is there; the copy is one consistent snapshot of the rest.
    copied_url = f"sqlite:///{done.path}"
    with Workspace(copied_url, clock=clock) as copy, Workspace(url, clock=clock) as live:
        ids = sorted(i for i, _ in copy.interviews())
        assert len(ids) >= committed + 3 and done.interviews == len(ids)
        assert ids == sorted(i for i, _ in live.interviews())[: len(ids)]
        assert copy.interview(5) == live.interview(5)
        assert copy.stories() == live.stories()
    assert not list(tmp_path.glob("*.partial"))


def test_backup_cli_refuses_to_overwrite_and_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    fill(url)
    target = tmp_path / "backup.db"
    result = cli(url, monkeypatch, "backup", str(target))
    assert result.exit_code == 0, result.output
    assert "integrity check: ok" in result.stderr
    assert integrity(target) == ["ok"]
    target.write_bytes(b"keep me")
    result = cli(url, monkeypatch, "backup", str(target))
    assert result.exit_code == 2
    assert "already exists; use --force" in result.stderr
    assert target.read_bytes() == b"keep me"
    assert cli(url, monkeypatch, "backup", str(target), "--force").exit_code == 0
    assert integrity(target) == ["ok"]
    result = cli(url, monkeypatch, "backup", str(tmp_path / "live.db"), "--force")
    assert "is the database itself" in result.stderr
    result = cli(url, monkeypatch, "backup", str(tmp_path / "missing" / "b.db"))
    assert "no such directory" in result.stderr


def test_backup_of_postgresql_names_pg_dump_without_the_password(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = "postgresql://alex:s3cret@db.example:5433/afterword"
    result = cli(url, monkeypatch, "backup", str(tmp_path / "b.db"))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "pg_dump --format=custom" in line
    assert "postgresql://alex@db.example:5433/afterword" in line
    assert "s3cret" not in line


# The Settings page ---------------------------------------------------------------------------


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database_url, clock=clock)) as test_client:
        yield test_client


def test_the_settings_page_downloads_and_restores(
    database_url: str, second_url: str, client: TestClient
) -> None:
    fill(database_url)
    page = client.get("/settings")
    assert page.status_code == 200
    assert '<a href="/settings" aria-current="page">Settings</a>' in page.text
    assert "4 interviews" in page.text

    exported = client.post("/settings/export", data={"format": "json"})
    assert exported.headers["content-disposition"] == (
        'attachment; filename="afterword-export-2026-11-25.json"'
    )
    archive = parse_archive_bytes(exported.content, "download")
    assert len(archive.interviews) == 4

    report = client.post("/settings/export", data={"format": "markdown"})
    assert report.headers["content-type"].startswith("text/markdown")
    assert report.headers["content-disposition"].endswith('"afterword-report-2026-11-25.md"')
    assert "## Lumen Books: Customer Success Lead" in report.text

    with TestClient(create_app(second_url, clock=clock)) as empty:
        assert "0 interviews" in empty.get("/settings").text
        restored = empty.post(
            "/settings/restore",
            files={"file": ("export.json", exported.content, "application/json")},
            follow_redirects=False,
        )
        assert restored.status_code == 303, restored.text
        assert "Restored" in restored.headers["location"]
        again = empty.post("/settings/restore", files={"file": ("export.json", exported.content)})
        assert again.status_code == 422
        assert "the database already has 4 interviews; nothing was written" in again.text
    with Workspace(database_url, clock=clock) as a, Workspace(second_url, clock=clock) as b:
        assert b.interviews() == a.interviews() and b.stories() == a.stories()


def test_the_settings_page_refuses_a_bad_file(second_url: str) -> None:
    with TestClient(create_app(second_url, clock=clock)) as client:
        response = client.post(
            "/settings/restore", files={"file": ("half.json", b'{"format": "afterword-ex')}
        )
        assert response.status_code == 422
        assert "half.json:1: not valid JSON" in response.text
    assert counts(second_url) == (0, 0)


def test_the_settings_page_backup(database_url: str, client: TestClient, tmp_path: Path) -> None:
    fill(database_url)
    response = client.post("/settings/backup")
    if database_url.startswith("postgresql"):
        assert response.status_code == 400
        assert "pg_dump" in response.text
        assert "pg_dump --format=custom" in client.get("/settings").text
        return
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'attachment; filename="afterword-backup-2026-11-25.db"'
    )
    assert response.content.startswith(b"SQLite format 3\x00")
    copy = tmp_path / "downloaded.db"
    copy.write_bytes(response.content)
    assert integrity(copy) == ["ok"]
    with Workspace(f"sqlite:///{copy}", clock=clock) as ws:
        assert len(ws.interviews()) == 4


def test_an_export_never_replaces_an_existing_file(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database_url)
    kept = tmp_path / "yesterday.json"
    kept.write_text("yesterday's good export")
    result = cli(database_url, monkeypatch, "export", "--all", "--out", str(kept))
    assert result.exit_code == 2 and "exists already" in result.stderr
    assert kept.read_text() == "yesterday's good export"
    one = cli(database_url, monkeypatch, "export", "1", "--out", str(kept))
    assert one.exit_code == 2 and kept.read_text() == "yesterday's good export"
    fresh = tmp_path / "today.json"
    assert cli(database_url, monkeypatch, "export", "--all", "--out", str(fresh)).exit_code == 0
    assert json.loads(fresh.read_text())["format"] == "afterword-export"
