"""`afterword evidence`, `answer` and `draft`, run in process against real databases."""

from __future__ import annotations

import json
import re
import sys
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from afterword.checker import check
from afterword.cli.app import app
from afterword.debrief_file import load_debrief_file
from support import EXAMPLES
from test_composer import POLISHED, FakeLLM, llm  # noqa: F401 - llm is a fixture

runner = CliRunner(env={"COLUMNS": "120"})


def run(*args: str, **kwargs: Any) -> Any:
    return runner.invoke(app, list(args), **kwargs)


@pytest.fixture
def acme(use_database: str) -> str:
    result = run("import", str(EXAMPLES / "acme-first-round.yaml"))
    assert result.exit_code == 0, result.output
    return str(result.stdout.strip())


def test_draft_json_is_send_ready(acme: str) -> None:
    result = run("draft", acme, "--format", "json", "--seed", "3", "--variants", "2")
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["notes"]
    assert len(notes) == 2
    interview = load_debrief_file(EXAMPLES / "acme-first-round.yaml")
    for note in notes:
        assert list(note)[:6] == ["to", "email", "subject", "text", "evidence", "findings"]
        assert note["to"] == "Dana Lee" and note["email"] == "dana.lee@acme.example"
        assert note["text"].startswith(("Hi Dana,", "Hello Dana,", "Dear Dana,"))
        assert note["text"].endswith("Alex Kim")
        assert note["evidence"][0]["kind"] in ("story", "research", "better_answer")
        assert all(f["severity"] == "info" for f in note["findings"])
        report = check(note["text"], interview)
        assert not [f for f in report.findings if f.severity != "info"]
    assert "To make the notes stronger" not in result.stdout  # advice goes to stderr
    again = run("draft", acme, "--format", "json", "--seed", "3", "--variants", "2")
    assert json.loads(again.stdout) == json.loads(result.stdout)


def test_draft_text_offers_a_mailto_link_and_the_seed(acme: str) -> None:
    result = run("draft", acme, "--seed", "8", "--tone", "formal", "--words", "80")
    assert result.exit_code == 0, result.output
    assert "Subject: " in result.stdout
    assert "mailto:dana.lee@acme.example?subject=" in result.stdout
    assert "ready: no errors, no warnings" in result.stdout
    assert "--seed 8" in result.stdout
    assert "Note window" in result.stderr


def test_draft_eml_writes_one_message_per_note(use_database: str, tmp_path: Path) -> None:
    run("import", str(EXAMPLES / "panel-onsite.yaml"))
    out = tmp_path / "mail"
    result = run("draft", "1", "--format", "eml", "--out", str(out), "--seed", "1")
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.eml"))
    assert [f.name for f in files] == [
        "interview-1-mei-chen.eml",
        "interview-1-priya-natarajan.eml",
        "interview-1-tom-becker.eml",
    ]
    message = message_from_bytes(files[1].read_bytes(), policy=policy.default)
    assert message["To"] == "Priya Natarajan <priya.natarajan@northwind.example>"
    assert message["From"] == "Sam Rivera <sam.rivera@example.org>"
    assert message.get_content().startswith(("Hi Priya", "Hello Priya", "Dear Priya"))
    mei = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert mei["To"] is None  # no address on record; the user fills it in
    # RFC 5322: every message has a Date; each has a Message-ID of its own.
    for each in (message, mei):
        assert parsedate_to_datetime(each["Date"]).tzinfo is not None
        assert re.fullmatch(r"<[^<>@\s]+@example\.org>", each["Message-ID"])
    assert message["Message-ID"] != mei["Message-ID"]


def test_draft_to_one_person_save_and_errors(use_database: str) -> None:
    run("import", str(EXAMPLES / "panel-onsite.yaml"))
    result = run("draft", "1", "--to", "Tom Becker", "--save", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [n["to"] for n in json.loads(result.stdout)["notes"]] == ["Tom Becker"]
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert [n["to"] for n in shown["notes"]] == ["Tom Becker"]
    assert shown["notes"][0]["body"].startswith(("Hi Tom", "Hello Tom", "Dear Tom"))

    unknown = run("draft", "1", "--to", "Nobody")
    assert unknown.exit_code == 2
    assert "not an interviewer" in unknown.stderr
    assert run("draft", "1", "--tone", "rude").exit_code == 2
    assert run("draft", "1", "--words", "10").exit_code == 2
    assert run("draft", "99").exit_code == 2


def test_a_thin_interview_gets_a_note_and_advice(use_database: str) -> None:
    run("interview", "add", "--company", "Globex", "--role", "Analyst", "--ended-at", "now")
    result = run("draft", "1")
    assert result.exit_code == 0, result.output
    # Sendable, but it says plainly that it adds nothing, and what would.
    assert "ready, with warnings" in result.stdout
    assert "warning: missing-new-information" in result.stdout
    assert "To make the notes stronger" in result.stderr
    assert "Add a story with a concrete result and a number" in result.stderr


def test_evidence_shows_the_ranking_and_why(use_database: str) -> None:
    run("import", str(EXAMPLES / "panel-onsite.yaml"))
    text = run("evidence", "1")
    assert text.exit_code == 0, text.output
    assert "Claims pipeline monitoring" in text.stdout
    assert "you linked it to this moment" in text.stdout
    data = json.loads(run("evidence", "1", "--format", "json", "--top", "1").stdout)
    assert [m["moment"] for m in data["moments"]] == [1, 2, 3]
    assert data["moments"][0]["stories"][0]["title"] == "Claims pipeline monitoring"
    assert len(data["moments"][0]["stories"]) == 1


def test_answer_drafts_edits_and_saves_a_better_answer(
    use_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("import", str(EXAMPLES / "panel-onsite.yaml"))
    shown = run("answer", "1", "3")
    assert shown.exit_code == 0, shown.output
    assert "I built a weekly arrivals forecast" in shown.stdout
    assert "--save" in shown.stdout

    saved = run("answer", "1", "3", "--save", "--format", "json")
    data = json.loads(saved.stdout)
    assert data["saved"] and data["story"] == "Forecast for the emergency department"
    moment = json.loads(run("show", "1", "--format", "json").stdout)["moments"][2]
    assert moment["better_answer"] == data["text"]

    # --edit opens $EDITOR on the draft; this "editor" appends a sentence to the file.
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\np = sys.argv[1]\nopen(p, 'a').write('I would lead with the range.\\n')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    edited = run("answer", "1", "2", "--edit")
    assert edited.exit_code == 0, edited.output
    moment = json.loads(run("show", "1", "--format", "json").stdout)["moments"][1]
    assert moment["better_answer"].endswith("I would lead with the range.")

    assert run("answer", "1", "9").exit_code == 2


def test_answer_refuses_a_moment_that_went_well(use_database: str) -> None:
    run("import", str(EXAMPLES / "good-interview.json"))
    result = run("answer", "1", "1")
    assert result.exit_code == 2
    assert "went well" in result.stderr


def test_polish_uses_the_configured_endpoint(
    acme: str,
    llm: FakeLLM,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AFTERWORD_LLM_BASE_URL", llm.url)
    monkeypatch.setenv("AFTERWORD_LLM_MODEL", "tiny")
    llm.reply(POLISHED)
    result = run("draft", acme, "--polish", "--format", "json", "--seed", "1")
    assert result.exit_code == 0, result.output
    note = json.loads(result.stdout)["notes"][0]
    assert note["polished"] and note["text"] == POLISHED

    llm.fail(503, '{"error": {"message": "loading model"}}')
    kept = run("draft", acme, "--polish", "--seed", "1")
    assert kept.exit_code == 0
    assert "Polishing skipped" in kept.stderr and "loading model" in kept.stderr
    assert "ready: no errors, no warnings" in kept.stdout


def test_polish_without_an_endpoint_says_how_to_set_one(
    acme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AFTERWORD_LLM_BASE_URL", raising=False)
    result = run("draft", acme, "--polish")
    assert result.exit_code == 0
    assert "AFTERWORD_LLM_BASE_URL" in result.stderr


# -- what a reviewer of the composer noticed, as a user sees it -----------------------------------


@pytest.fixture
def examples(use_database: str) -> None:
    """The three examples, imported as a user would: 1 Acme, 2 Lumen Books, 3 Northwind."""
    for name in ("acme-first-round.yaml", "good-interview.json", "panel-onsite.yaml"):
        assert run("import", str(EXAMPLES / name)).exit_code == 0


def _notes(*args: str) -> list[dict[str, Any]]:
    result = run("draft", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    notes: list[dict[str, Any]] = json.loads(result.stdout)["notes"]
    return notes


def _body_words(text: str) -> int:
    """Words between the greeting line and the sign-off, as a reader would count them."""
    paragraphs = text.split("\n\n")
    return sum(len(p.split()) for p in paragraphs[1:-1])


def test_notes_cite_no_story_from_an_unrelated_job(examples: None) -> None:
    # Lumen Books (onboarding) shares only "first, day, fixed" with the claims story of the
    # health-data job, and a theme-less "first week" with the app launch.
    for note in _notes("2", "--variants", "2", "--seed", "9"):
        stories = {e["title"] for e in note["evidence"] if e["kind"] == "story"}
        assert stories <= {"Churn turnaround"}, note["text"]
        assert "feed failures" not in note["text"] and "sign-ups" not in note["text"]
    # Tom Becker discussed SQL window functions: research on them, not the story that only
    # lists "sql" among its skills.
    (tom,) = _notes("3", "--to", "tom becker", "--words", "60")
    assert [e["kind"] for e in tom["evidence"]] == ["research"]
    assert "window frame" in tom["text"] and "feed failures" not in tom["text"]


def test_an_answer_about_the_company_comes_from_research(examples: None) -> None:
    result = run("answer", "1", "3")
    assert result.exit_code == 0, result.output
    assert "third-party logistics firms" in result.stdout
    assert "churn" not in result.stdout.casefold()
    assert "since we spoke" not in result.stdout
    assert "With your research on: robotics industry" in result.stdout


def test_variants_and_tight_limits_keep_the_evidence_and_the_limit(examples: None) -> None:
    notes = _notes("3", "--words", "50", "--variants", "3", "--seed", "11")
    assert len(notes) == 9
    for note in notes:
        assert note["words"] <= 50 and _body_words(note["text"]) <= 50, note["text"]
        assert note["evidence"][0]["kind"] in ("story", "research"), note["text"]
        # A story's result keeps its figure, however tight the limit.
        stories = [e["text"] for e in note["evidence"] if e["kind"] == "story"]
        assert all(re.search(r"\d", text) for text in stories), stories
        assert not [f for f in note["findings"] if f["severity"] != "info"]
    for note in _notes("2", "--variants", "3", "--seed", "4"):
        assert "9% to 4%" in note["text"], note["text"]
    text = run("draft", "3", "--words", "50", "--variants", "3", "--seed", "11")
    assert text.stdout.count("ready: no errors, no warnings") == 9


def test_a_word_limit_no_note_can_meet_is_said_plainly(use_database: str) -> None:
    run(
        "interview",
        "add",
        "--company",
        "The Northern Regional Consolidated Health and Social Care Partnership Trust of the "
        "Greater Metropolitan Area",
        "--role",
        "Senior Principal Clinical Informatics and Population Health Data Engineering Lead "
        "for Regional Services",
        "--ended-at",
        "now",
        "-i",
        "Ana Ruiz",
    )
    result = run("draft", "1", "--words", "50")
    assert result.exit_code == 0, result.output
    assert "ready: no errors, no warnings" not in result.stdout
    assert "over your limit of 50" in result.stdout
    assert "could not be made to fit the word limit" in result.stderr
