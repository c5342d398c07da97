"""Reminders as an iCalendar file: parsed back, stable UIDs, SEQUENCE raised by a change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from icalendar import Calendar
from typer.testing import CliRunner

from afterword.cli.app import app
from afterword.web.app import create_app
from support import EXAMPLES, NOW, clock

runner = CliRunner()


def events(content: bytes) -> dict[str, dict[str, object]]:
    parsed = Calendar.from_ical(content)
    return {
        str(e["UID"]): {
            "summary": str(e["SUMMARY"]),
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "sequence": int(e["SEQUENCE"]),
            "stamp": e.decoded("DTSTAMP"),
            "alarms": [(str(a["ACTION"]), a.decoded("TRIGGER")) for a in e.walk("VALARM")],
        }
        for e in parsed.walk("VEVENT")
    }


def test_the_calendar_file_round_trips_and_updates_in_place(
    use_database: str, tmp_path: Path
) -> None:
    assert runner.invoke(app, ["import", str(EXAMPLES / "acme-first-round.yaml")]).exit_code == 0
    ics = tmp_path / "reminders.ics"
    result = runner.invoke(app, ["remind", "--ics", str(ics), "--at", NOW.isoformat()])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 reminder" in result.stderr
    [(uid, thank_you)] = events(ics.read_bytes()).items()
    assert uid == "interview-1-thank-you-dana-lee@afterword.invalid"
    assert thank_you["summary"] == "Thank-you note to Dana Lee due (Acme Robotics)"
    assert thank_you["end"] == datetime(2026, 11, 25, 20, 30, tzinfo=UTC)  # the 24-hour mark
    assert thank_you["stamp"] == NOW.astimezone(UTC)
    assert thank_you["alarms"] == [("DISPLAY", -timedelta(hours=3))]

    # The same export again is byte for byte the same; after a change, the same UIDs come
    # back with a higher SEQUENCE, so a calendar updates rather than duplicates them.
    again = tmp_path / "again.ics"
    runner.invoke(app, ["remind", "--ics", str(again), "--at", NOW.isoformat()])
    assert again.read_bytes() == ics.read_bytes()
    assert runner.invoke(app, ["draft", "1", "--save", "--seed", "1"]).exit_code == 0
    assert runner.invoke(app, ["sent", "1", "--at", NOW.isoformat()]).exit_code == 0
    runner.invoke(app, ["remind", "--ics", str(again), "--at", NOW.isoformat()])
    later = events(again.read_bytes())
    assert set(later) == {
        "interview-1-check-in-dana-lee@afterword.invalid",
        "interview-1-outcome@afterword.invalid",
    }
    check_in = later["interview-1-check-in-dana-lee@afterword.invalid"]
    assert check_in["start"] == datetime(2026, 12, 8, 14, 0, tzinfo=UTC)  # 09:00 in New York
    assert check_in["sequence"] > thank_you["sequence"]  # type: ignore[operator]


def test_the_dashboard_offers_the_file(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=clock)) as client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        assert 'href="/reminders.ics"' in client.get("/").text
        response = client.get("/reminders.ics")
        assert response.headers["content-type"].startswith("text/calendar")
        assert list(events(response.content)) == [
            "interview-1-thank-you-dana-lee@afterword.invalid"
        ]
