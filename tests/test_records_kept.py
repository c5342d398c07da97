"""What the user wrote or sent is never replaced behind their back, and the CLI records what
went out and how it ended: `sent`, `outcome`, `interview edit`, `answer --save`."""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from afterword.cli.app import app
from afterword.cli.outcomes import OutcomeChoice
from afterword.model import Outcome
from afterword.web.app import create_app
from support import EXAMPLES, NOW, clock

runner = CliRunner(env={"COLUMNS": "120"})


def run(*args: str, **kwargs: Any) -> Any:
    return runner.invoke(app, list(args), **kwargs)


def shown(interview_id: str = "1") -> dict[str, Any]:
    result = run("show", interview_id, "--format", "json")
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


@pytest.fixture
def acme(use_database: str) -> str:
    result = run("import", str(EXAMPLES / "acme-first-round.yaml"))
    assert result.exit_code == 0, result.output
    return str(result.stdout.strip())


def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """$EDITOR is a script that changes the file it is given (``p`` is its path)."""
    script = tmp_path / "editor.py"
    script.write_text(f"import sys\np = sys.argv[1]\n{code}\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    # The edit's temporary file, and the copy kept of a refused edit, stay in this test's
    # folder rather than the machine's.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def test_a_sent_note_is_kept_as_it_went_out(acme: str) -> None:
    assert run("draft", acme, "--save", "--seed", "1").exit_code == 0
    sent = run("sent", acme, "--at", "2026-11-25T09:10:00-05:00")
    assert sent.exit_code == 0, sent.output
    assert "sending it was still right" in sent.stdout
    before = shown(acme)["notes"][0]
    assert before["status"] == "sent"

    again = run("draft", acme, "--save", "--seed", "2")
    assert again.exit_code == 0, again.output
    assert "Kept the note to Dana Lee as it was: it was already sent." in again.stderr
    assert shown(acme)["notes"][0] == before


def test_the_api_refuses_to_change_a_sent_note(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=clock)) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        body = "Dear Dana,\n\nThank you.\n\nBest,\nAlex"
        client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body, "action": "sent"})
        changed = client.put(
            "/api/interviews/1/notes/Dana%20Lee", json={"subject": "", "body": body + "!"}
        )
        assert changed.status_code == 422
        assert "already sent" in changed.json()["detail"]
        note = client.get("/api/interviews/1").json()["notes"][0]
        assert (note["status"], note["body"]) == ("sent", body)
        page = client.get("/interviews/1/notes?to=Dana%20Lee").text
        assert "readonly" in page

        # Replacing the whole interview: leaving the sent note out keeps it; changing it (or
        # its time) is refused; a stale copy (If-Match) is refused whatever it holds.
        whole = client.get("/api/interviews/1")
        etag = whole.headers["ETag"]
        data = {k: v for k, v in whole.json().items() if k != "id"}
        without = {**data, "notes": [], "role": "Senior PMM"}
        assert client.put("/api/interviews/1", json=without).status_code == 200
        after = client.get("/api/interviews/1").json()
        assert after["role"] == "Senior PMM" and after["notes"] == [note]
        for edit in ({"body": "Rewritten."}, {"sent_at": "2026-11-26T09:00:00-05:00"}):
            rewritten = {**data, "notes": [{**note, **edit}]}
            refused = client.put("/api/interviews/1", json=rewritten)
            assert refused.status_code == 422
            assert "already sent" in refused.json()["detail"]
        stale = client.put("/api/interviews/1", json=data, headers={"If-Match": etag})
        assert stale.status_code == 409
        assert client.get("/api/interviews/1").json() == after

        # Marking it sent again never moves the time the follow-up counts from.
        again = client.post(
            "/interviews/1/notes?to=Dana%20Lee", data={"body": body, "action": "sent"}
        )
        assert again.status_code == 400 and "already recorded as sent" in again.text
        assert client.get("/api/interviews/1").json()["notes"] == [note]


def test_the_cli_never_changes_a_sent_note_or_its_time(
    acme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("draft", acme, "--save", "--seed", "1").exit_code == 0
    assert run("sent", acme, "--at", "2026-11-25T09:10:00-05:00").exit_code == 0
    before = shown(acme)["notes"]
    again = run("sent", acme, "--at", "2026-11-27T09:10:00-05:00")
    assert again.exit_code == 2
    assert "already recorded as sent" in again.stderr
    assert shown(acme)["notes"] == before

    # The editor can't rewrite it (the edit is kept), nor drop it.
    editor(
        tmp_path,
        monkeypatch,
        "t = open(p).read().replace('status: sent', 'status: draft')\nopen(p, 'w').write(t)",
    )
    refused = run("interview", "edit", acme)
    assert refused.exit_code == 2
    assert "already sent" in refused.stderr
    kept = Path(refused.stderr.rsplit("your edited text is in ", 1)[1].split()[0])
    assert "status: draft" in kept.read_text()
    assert shown(acme)["notes"] == before


def test_interview_edit_never_replaces_what_was_saved_meanwhile(
    acme: str, use_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The browser autosaves a note while the interview is open in $EDITOR."""
    editor(
        tmp_path,
        monkeypatch,
        "from afterword.model import Note\n"
        "from afterword.services import Workspace\n"
        f"with Workspace({use_database!r}) as ws:\n"
        "    ws.save_note(1, Note(to='Dana Lee', body='Typed in the browser.'))\n"
        "t = open(p).read().replace('Dana Lee', 'Dana Leigh')\nopen(p, 'w').write(t)",
    )
    result = run("interview", "edit", acme)
    assert result.exit_code == 2
    assert "changed elsewhere" in result.stderr
    kept = Path(result.stderr.rsplit("Your edited text is in ", 1)[1].split()[0])
    assert "Dana Leigh" in kept.read_text()
    after = shown(acme)
    assert after["interviewers"][0]["name"] == "Dana Lee"
    assert after["notes"][0]["body"] == "Typed in the browser."


def test_sent_needs_a_note_and_says_which_interviewer(use_database: str) -> None:
    run("import", str(EXAMPLES / "panel-onsite.yaml"))
    nothing = run("sent", "1")
    assert nothing.exit_code == 2
    assert "there is no note yet" in nothing.stderr
    run("draft", "1", "--save", "--seed", "1")
    ambiguous = run("sent", "1")
    assert ambiguous.exit_code == 2
    assert "--to NAME" in ambiguous.stderr and "Tom Becker" in ambiguous.stderr
    assert run("sent", "1", "--to", "tom becker").exit_code == 0
    states = {n["to"]: n.get("status", "draft") for n in shown()["notes"]}
    assert states["Tom Becker"] == "sent"
    assert list(states.values()).count("sent") == 1


def test_outcome_and_lessons_from_the_command_line(acme: str) -> None:
    result = run("outcome", acme, "rejected", "--lesson", "Rehearse the numbers out loud")
    assert result.exit_code == 0, result.output
    data = shown(acme)
    assert data["outcome"] == "rejected"
    assert data["lessons"][-1] == "Rehearse the numbers out loud"
    assert run("outcome", acme, "ghosted").exit_code == 2
    assert [c.value for c in OutcomeChoice] == [o.value for o in Outcome]


def test_answer_never_silently_replaces_the_answer_you_wrote(
    acme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = shown(acme)["moments"][0]["better_answer"]
    assert own  # the example has one written by hand

    refused = run("answer", acme, "1", "--save")
    assert refused.exit_code == 2
    assert "--replace" in refused.stderr
    assert shown(acme)["moments"][0]["better_answer"] == own

    # --edit opens the user's answer with the draft below it, as comments; this "editor"
    # keeps the file as it is, then adds a line.
    editor(tmp_path, monkeypatch, "open(p, 'a').write('And I would test the offer first.\\n')")
    edited = run("answer", acme, "1", "--edit")
    assert edited.exit_code == 0, edited.output
    assert shown(acme)["moments"][0]["better_answer"] == (
        own.strip() + "\n\nAnd I would test the offer first."
    )

    replaced = run("answer", acme, "1", "--save", "--replace", "--format", "json")
    assert replaced.exit_code == 0, replaced.output
    assert shown(acme)["moments"][0]["better_answer"] == json.loads(replaced.stdout)["text"]


def test_interview_edit_in_the_editor(
    acme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor(
        tmp_path,
        monkeypatch,
        "t = open(p).read().replace('Dana Lee', 'Dana Leigh')\nopen(p, 'w').write(t)",
    )
    result = run("interview", "edit", acme)
    assert result.exit_code == 0, result.output
    assert shown(acme)["interviewers"][0]["name"] == "Dana Leigh"

    # An invalid edit is refused, the interview stays as it was, and the typing is kept.
    editor(tmp_path, monkeypatch, "open(p, 'a').write('feeling: 9\\n')")
    before = shown(acme)
    bad = run("interview", "edit", acme)
    assert bad.exit_code == 2
    assert "feeling" in bad.stderr and "left as it was" in bad.stderr
    kept = Path(bad.stderr.rsplit("your edited text is in ", 1)[1].split()[0])
    assert kept.read_text().endswith("feeling: 9\n")
    kept.unlink()
    assert shown(acme) == before


def test_a_bad_date_in_a_file_names_its_line(use_database: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("company: Acme\nrole: PM\nended_at: 2026-13-45T10:00:00Z\n")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert f"{path}:3: ended_at:" in result.stderr
    assert "month" in result.stderr
    assert json.loads(run("list", "--format", "json").stdout) == []


def test_a_typed_time_is_read_in_the_zone_in_force_on_that_day(
    use_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERWORD_TIMEZONE", "America/New_York")
    for day in ("2026-07-01", "2026-12-01"):
        result = run(
            "interview", "add", "--company", "A", "--role", "B", "--ended-at", f"{day} 10:00"
        )
        assert result.exit_code == 0, result.output
    listed = json.loads(run("list", "--format", "json").stdout)
    assert sorted(i["ended_at"][-6:] for i in listed) == ["-04:00", "-05:00"]

    monkeypatch.delenv("AFTERWORD_TIMEZONE")
    unset = run(
        "interview", "add", "--company", "A", "--role", "B", "--ended-at", "2026-07-01 10:00"
    )
    assert unset.exit_code == 0
    assert "this computer's local time" in unset.stderr  # never silently


def test_clear_refusals_before_any_typing(use_database: str) -> None:
    no_name = run(
        "interview", "add", "--company", "A", "--role", "B", "--ended-at", "now",
        "--sender-email", "alex@example.org",
    )  # fmt: skip
    assert no_name.exit_code == 2
    assert "--sender-name" in no_name.stderr

    assert run("story", "add", "--title", "Churn", "--result", "Churn fell 5 points").exit_code == 0
    # The duplicate is refused before the prompt for the result (no input is given for it).
    duplicate = run("story", "add", "--title", "churn")
    assert duplicate.exit_code == 2
    assert "already in your library" in duplicate.stderr
    assert "Result" not in duplicate.output


def test_marking_a_note_with_errors_as_sent_asks_first_and_can_be_undone(
    database_url: str,
) -> None:
    times = [NOW]
    with TestClient(create_app(database_url, clock=lambda: times[0])) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        url = "/interviews/1/notes?to=Dana%20Lee"

        def status() -> str:
            # The API leaves out what has its default value (a draft's status).
            return str(client.get("/api/interviews/1").json()["notes"][0].get("status", "draft"))

        body = "Dear Dana,\n\nThank you. I'm sorry I blanked on your question.\n\nBest,\nAlex"
        asked = client.post(url, data={"body": body, "action": "sent"})
        assert "Not marked as sent yet" in asked.text and "2 things to fix" in asked.text
        assert "Mark as sent anyway" in asked.text
        assert status() == "draft"

        anyway = client.post(url, data={"body": body, "action": "send_anyway"})
        assert "Marked as sent" in anyway.text
        assert "Undo “sent”" in anyway.text
        assert status() == "sent"

        times[0] = NOW + timedelta(minutes=5)
        undone = client.post("/interviews/1/notes/unsend?to=Dana%20Lee")
        assert "No longer marked as sent" in undone.text
        note = client.get("/api/interviews/1").json()["notes"][0]
        assert (status(), note["body"], note.get("sent_at")) == ("draft", body, None)

        client.post(url, data={"body": body, "action": "send_anyway"})
        times[0] = NOW + timedelta(minutes=25)  # sent at NOW + 5 min, 20 minutes ago
        page = client.get(url).text
        assert "Undo “sent”" not in page
        late = client.post("/interviews/1/notes/unsend?to=Dana%20Lee")
        assert late.status_code == 400 and "that record is kept" in late.text
        assert status() == "sent"
