"""A save the app acknowledged is never lost: concurrent saves to one interview (two tabs, the
CLI and the browser, autosave racing Save) each land, and a stale copy is refused, never
silently written over newer work. On a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from afterword.errors import ConflictError
from afterword.model import Interview, Note
from afterword.services import Workspace
from afterword.web.app import create_app
from support import EXAMPLES, clock

PEOPLE = [f"Interviewer {n}" for n in range(6)]


def panel(database_url: str) -> int:
    interview = Interview.model_validate(
        {
            "company": "Northwind Health",
            "role": "Data Analyst",
            "ended_at": "2026-11-24T15:30:00-05:00",
            "interviewers": [{"name": name} for name in PEOPLE],
        }
    )
    with Workspace(database_url) as workspace:
        return workspace.add_interview(interview)


def in_threads(work: Callable[[int], None], count: int) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(index: int) -> None:
        try:
            start.wait()
            work(index)
        except BaseException as exc:  # reported below, with the others
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


@pytest.fixture
def workspaces(database_url: str) -> Iterator[list[Workspace]]:
    """Two workspaces on one database, like two app workers, or the CLI beside the browser."""
    opened = [Workspace(database_url) for _ in range(2)]
    yield opened
    for workspace in opened:
        workspace.close()


def test_concurrent_saves_of_different_notes_all_land(
    database_url: str, workspaces: list[Workspace]
) -> None:
    interview_id = panel(database_url)
    saves = 15
    acknowledged: dict[str, str] = {}

    def client(index: int) -> None:
        to, workspace = PEOPLE[index], workspaces[index % 2]
        for n in range(saves):
            body = f"Dear {to},\n\nThank you. Draft {n}.\n\nBest,\nSam"
            workspace.save_note(interview_id, Note(to=to, body=body))
            acknowledged[to] = body

    in_threads(client, len(PEOPLE))
    stored = {n.to: n.body for n in workspaces[0].interview(interview_id).notes}
    assert stored == acknowledged


def test_whole_interview_changes_never_drop_a_concurrent_note(
    database_url: str, workspaces: list[Workspace]
) -> None:
    """Recording lessons (a change of the whole interview) while notes are being saved."""
    interview_id = panel(database_url)
    acknowledged: dict[str, str] = {}

    def client(index: int) -> None:
        workspace = workspaces[index % 2]
        for n in range(10):
            if index == 0:
                workspace.record_outcome(interview_id, None, [f"Lesson {n}"])
            else:
                to = PEOPLE[index]
                body = f"Dear {to},\n\nThank you ({n}).\n\nBest,\nSam"
                workspace.save_note(interview_id, Note(to=to, body=body))
                acknowledged[to] = body

    in_threads(client, 4)
    interview = workspaces[1].interview(interview_id)
    assert {n.to: n.body for n in interview.notes} == acknowledged
    assert interview.debrief.lessons == [f"Lesson {n}" for n in range(10)]


def test_a_save_from_a_stale_copy_is_refused_and_the_newer_text_kept(
    database_url: str, workspaces: list[Workspace]
) -> None:
    interview_id = panel(database_url)
    first, second = workspaces
    to = PEOPLE[0]
    opened = first.save_note(interview_id, Note(to=to, body="Dear Ana,\n\nFirst."))
    # Another tab opens the same version and saves a newer text...
    newer = second.save_note(interview_id, Note(to=to, body="Newer."), opened.version)
    assert newer.version == opened.version + 1
    # ...so the first tab's save from the older version is refused.
    with pytest.raises(ConflictError, match="changed elsewhere"):
        first.save_note(interview_id, Note(to=to, body="Older edit."), opened.version)
    stored = first.note(interview_id, to)
    assert stored is not None and stored.note.body == "Newer."
    # Two tabs that both start a note that did not exist yet: the second is refused too.
    second.save_note(interview_id, Note(to=PEOPLE[1], body="One."), 0)
    with pytest.raises(ConflictError):
        first.save_note(interview_id, Note(to=PEOPLE[1], body="Two."), 0)


def test_concurrent_guarded_saves_of_one_note_keep_exactly_one(
    database_url: str, workspaces: list[Workspace]
) -> None:
    """Many tabs saving over the same version at once: one wins, the others are told."""
    interview_id = panel(database_url)
    to = PEOPLE[0]
    base = workspaces[0].save_note(interview_id, Note(to=to, body="Base.")).version
    won: list[str] = []
    refused: list[str] = []

    def tab(index: int) -> None:
        body = f"Tab {index}."
        try:
            workspaces[index % 2].save_note(interview_id, Note(to=to, body=body), base)
            won.append(body)
        except ConflictError:
            refused.append(body)

    in_threads(tab, 8)
    assert len(won) == 1 and len(refused) == 7
    stored = workspaces[0].note(interview_id, to)
    assert stored is not None and stored.note.body == won[0]


def test_the_api_answers_409_to_a_stale_autosave(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=clock)) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        url = "/api/interviews/1/notes/Dana%20Lee"
        first = client.put(url, json={"body": "Dear Dana,\n\nOne.", "version": 0})
        assert first.status_code == 200 and first.json()["version"] == 1
        second = client.put(url, json={"body": "Dear Dana,\n\nTwo.", "version": 1})
        assert second.json()["version"] == 2
        stale = client.put(url, json={"body": "Dear Dana,\n\nStale.", "version": 1})
        assert stale.status_code == 409
        assert "changed elsewhere" in stale.json()["detail"]
        current = client.get(url).json()
        assert (current["note"]["body"], current["version"]) == ("Dear Dana,\n\nTwo.", 2)
        # The page's form carries the version it showed; a stale Save is refused the same way.
        page = client.post(
            "/interviews/1/notes?to=Dana%20Lee", data={"body": "Form.", "version": "1"}
        )
        assert page.status_code == 409
        assert client.get("/api/interviews/1").json()["notes"][0]["body"].endswith("Two.")
