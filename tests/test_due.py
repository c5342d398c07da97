"""What is due, in both shells: `afterword due` and the dashboard's "Today", from the same
follow-up policy, at a time the test chooses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from afterword.cli.app import app
from afterword.web.app import create_app
from support import EXAMPLES, NOW, clock

runner = CliRunner(env={"COLUMNS": "160"})


def due(*args: str) -> Any:
    result = runner.invoke(app, ["due", *args])
    assert result.exit_code == 0, result.output
    return result


def test_due_lists_what_to_do_most_urgent_first(use_database: str) -> None:
    for name in ("acme-first-round.yaml", "panel-onsite.yaml", "good-interview.json"):
        assert runner.invoke(app, ["import", str(EXAMPLES / name)]).exit_code == 0
    found = json.loads(due("--format", "json", "--at", NOW.isoformat()).stdout)
    # The panel's notes are overdue (it ended two days before); Acme's is due by 15:30 today;
    # the good interview has its outcome recorded, so nothing is due about it.
    assert [(s["interview_id"], s["action"]) for s in found] == [
        (2, "thank_you"),
        (2, "thank_you"),
        (2, "thank_you"),
        (1, "thank_you"),
    ]
    acme = found[3]
    assert acme["to"] == "Dana Lee" and acme["due_by"] == "2026-11-25T15:30:00-05:00"
    assert acme["not_before"] is None and "24 hours" in acme["reason"]
    text = due("--at", NOW.isoformat()).stdout
    assert "overdue since" in text and "Dana Lee" in text

    assert runner.invoke(app, ["draft", "1", "--save", "--seed", "1"]).exit_code == 0
    assert runner.invoke(app, ["sent", "1", "--at", NOW.isoformat()]).exit_code == 0
    later = json.loads(due("--format", "json", "--at", NOW.isoformat()).stdout)
    check_in = next(s for s in later if s["interview_id"] == 1)
    # Decision promised for Saturday 5 December: two business days on is Tuesday the 8th.
    assert check_in["action"] == "check_in"
    assert check_in["not_before"] == "2026-12-08T09:00:00-05:00"


def test_public_holidays_of_the_chosen_country_are_days_off(
    use_database: str, isolated_home: Path
) -> None:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text('[follow_up]\ncountry = "US"\n')
    interview = (EXAMPLES / "acme-first-round.yaml").read_text()
    # An interview that ends at 5 pm the day before Thanksgiving (26 November 2026).
    late = interview.replace("2026-11-24T14:45:00", "2026-11-25T16:15:00").replace(
        "2026-11-24T15:30:00", "2026-11-25T17:00:00"
    )
    path = isolated_home / "late.yaml"
    path.write_text(late)
    assert runner.invoke(app, ["import", str(path)]).exit_code == 0
    [step] = json.loads(due("--format", "json", "--at", "2026-11-25T18:00:00-05:00").stdout)
    assert step["due_by"] == "2026-11-27T12:00:00-05:00"
    (config / "settings.toml").write_text('[follow_up]\ncountry = "Atlantis"\n')
    refused = runner.invoke(app, ["due"])
    assert refused.exit_code == 2 and "country" in refused.stderr


def test_the_dashboard_shows_today_and_what_comes_next(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=clock)) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        page = client.get("/").text
        today = page.split('id="today-heading"')[1].split('<ul class="cards"')[0]
        assert "Thank-you note</strong> to Dana Lee" in today
        assert 'href="/interviews/1/notes?to=Dana%20Lee"' in today
        body = "Dear Dana,\n\nThank you for the time today.\n\nBest,\nAlex"
        client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body, "action": "sent"})
        page = client.get("/").text
        today = page.split('id="today-heading"')[1].split('<ul class="cards"')[0]
        assert "Nothing is due today" in today
        assert "Check-in</strong> to Dana Lee" in today and "Tue 08 Dec 2026, 09:00" in today
