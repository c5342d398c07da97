"""The CLI, run in process against real databases: what a person types and what they see."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from afterword.cli.app import app
from support import EXAMPLES

# Wide enough that Rich does not wrap table cells, as on a usual terminal.
runner = CliRunner(env={"COLUMNS": "120"})


def run(*args: str, input: str | None = None) -> object:
    return runner.invoke(app, list(args), input=input)


def test_import_list_show_export_on_the_examples(use_database: str) -> None:
    ids = []
    for name in ("acme-first-round.yaml", "panel-onsite.yaml", "good-interview.json"):
        result = run("import", str(EXAMPLES / name))
        assert result.exit_code == 0, result.output
        ids.append(int(result.stdout.strip()))
    assert ids == [1, 2, 3]

    listing = json.loads(run("list", "--format", "json").stdout)
    assert {row["company"] for row in listing} == {
        "Acme Robotics",
        "Northwind Health",
        "Lumen Books",
    }
    assert {"id", "company", "role", "ended_at", "status", "hours_left"} <= set(listing[0])
    closed = next(row for row in listing if row["company"] == "Lumen Books")
    assert closed["status"] == "closed"

    table = run("list").stdout
    assert "Acme Robotics" in table and "note to write" in table

    shown = run("show", "2").stdout
    assert "Northwind Health" in shown
    assert "Priya Natarajan" in shown and "couldn't answer" in shown
    assert "Practise live SQL" in shown

    exported = run("export", "1").stdout
    assert exported.startswith("company: Acme Robotics")
    assert json.loads(run("show", "1", "--format", "json").stdout)["role"] == (
        "Product Marketing Manager"
    )
    assert json.loads(run("export", "3", "--format", "json").stdout)["outcome"] == "advanced"


def test_import_reads_standard_input(use_database: str) -> None:
    text = (EXAMPLES / "acme-first-round.yaml").read_text()
    result = run("import", "-", input=text)
    assert result.exit_code == 0
    assert result.stdout.strip() == "1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("company: [oops\n", "not valid YAML"),
        ("company: Acme\nrole: PM\n", "ended_at: this field is required"),
        ("company: Acme\nrole: PM\nended_at: 2026-11-24T15:30:00\n", "has no time zone"),
        (
            "company: Acme\nrole: PM\nended_at: 2026-11-24T15:30:00Z\ncauses: [bad_luck]\n",
            "causes.0",
        ),
        (
            "company: Acme\nrole: PM\nstarted_at: 2026-11-24T16:00:00Z\n"
            "ended_at: 2026-11-24T15:30:00Z\n",
            "before it starts",
        ),
    ],
)
def test_a_bad_file_is_refused_with_one_clear_error_and_nothing_is_written(
    use_database: str, tmp_path: Path, content: str, message: str
) -> None:
    assert run("import", str(EXAMPLES / "acme-first-round.yaml")).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    result = run("import", str(bad))
    assert result.exit_code == 2
    assert message in result.stderr
    assert str(bad) in result.stderr
    assert "Traceback" not in result.output
    assert [row["id"] for row in json.loads(run("list", "--format", "json").stdout)] == [1]
    assert len(json.loads(run("story", "list", "--format", "json").stdout)) == 2


def test_a_5_mb_file_is_refused(use_database: str, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"company: Acme\n" + b"# padding\n" * 500_000)
    result = run("import", str(big))
    assert result.exit_code == 2
    assert "5.0 MB" in result.stderr


def test_a_naive_time_is_read_in_the_configured_zone(
    use_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERWORD_TIMEZONE", "Europe/Paris")
    note = tmp_path / "naive.yaml"
    note.write_text("company: Acme\nrole: PM\nended_at: 2026-11-24T15:30:00\n")
    assert run("import", str(note)).exit_code == 0
    assert json.loads(run("list", "--format", "json").stdout)[0]["ended_at"] == (
        "2026-11-24T15:30:00+01:00"
    )


def test_unknown_ids_are_one_line_errors(use_database: str) -> None:
    result = run("show", "42")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: there is no interview 42 (see `afterword list`)"


def test_schema_prints_json_schema() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Afterword debrief file"
    assert "interviewers" in schema["properties"]


def test_interview_add_with_flags_and_prompts(use_database: str) -> None:
    result = run(
        "interview",
        "add",
        "--company",
        "Acme",
        "--role",
        "Analyst",
        "--ended-at",
        "2026-11-24T15:30:00-05:00",
        "-i",
        "Dana Lee <dana.lee@acme.example>",
        "-i",
        "Sam Ortiz",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1"
    assert "afterword debrief 1" in result.stderr
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert [i["name"] for i in shown["interviewers"]] == ["Dana Lee", "Sam Ortiz"]
    assert shown["interviewers"][0]["email"] == "dana.lee@acme.example"

    prompted = run("interview", "add", input="Globex\nEngineer\n2026-11-25T10:00:00+00:00\n")
    assert prompted.exit_code == 0, prompted.output
    assert json.loads(run("show", "2", "--format", "json").stdout)["company"] == "Globex"

    bad = run("interview", "add", "--company", "X", "--role", "Y", "--ended-at", "yesterday")
    assert bad.exit_code == 2
    assert "is not a time" in bad.stderr


def test_the_guided_debrief_saves_every_answer(use_database: str) -> None:
    run("interview", "add", "--company", "Acme", "--role", "Analyst", "--ended-at", "now")
    answers = (
        "\n".join(
            [
                "2",  # feeling
                "2,4",  # causes
                "I skimmed their site.",
                "What do you know about our customers?",  # couldn't answer
                "I guessed.",
                "They are mostly logistics firms; I would start with their case studies.",
                "",  # no more couldn't-answer moments
                "How would you grow the email list?",  # could be better
                "Social ads.",
                "",  # better answer later
                "",
                "My A/B testing results",  # forgot to mention
                "Grew sign-ups 200% with one-field forms.",
                "",
                "",  # went well: none
                "Read three press releases first",
                "",
            ]
        )
        + "\n"
    )
    result = run("debrief", "1", input=answers)
    assert result.exit_code == 0, result.output
    assert "Bad interviews happen to everyone" in result.stdout
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert shown["feeling"] == 2
    assert shown["causes"] == ["company_research", "communication"]
    assert [m["kind"] for m in shown["moments"]] == [
        "couldnt_answer",
        "could_be_better",
        "forgot_to_mention",
    ]
    assert shown["moments"][0]["better_answer"].startswith("They are mostly logistics firms")
    assert "better_answer" not in shown["moments"][1]
    assert shown["lessons"] == ["Read three press releases first"]


def test_quitting_the_debrief_half_way_keeps_what_was_answered(use_database: str) -> None:
    run("interview", "add", "--company", "Acme", "--role", "Analyst", "--ended-at", "now")
    # Input ends (as Ctrl-D would) in the middle of the first moment.
    result = run("debrief", "1", input="1\n3\nNerves.\nWhy us?\n")
    assert result.exit_code == 1
    assert "Everything you answered is saved" in result.stdout
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert shown["feeling"] == 1
    assert shown["causes"] == ["topic_knowledge"]
    assert shown["cause_notes"] == "Nerves."
    # The question typed just before quitting is kept too.
    assert [m["question"] for m in shown["moments"]] == ["Why us?"]

    # Running it again keeps what is there, first asks for the answer left for later, then
    # adds to it.
    again = run(
        "debrief",
        "1",
        input="\n\n\nBecause of the mission.\nTell me about a conflict.\nI rambled.\n" + "\n" * 8,
    )
    assert again.exit_code == 0, again.output
    assert "Earlier you noted: Why us?" in again.stdout
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert shown["feeling"] == 1
    first, second = shown["moments"]
    assert (first["question"], first["better_answer"]) == ("Why us?", "Because of the mission.")
    assert (second["question"], second["what_i_said"]) == (
        "Tell me about a conflict.",
        "I rambled.",
    )


def test_the_story_library_commands(use_database: str) -> None:
    added = run(
        "story",
        "add",
        "--title",
        "Churn turnaround",
        "--result",
        "Churn fell from 9% to 4%",
        "--skill",
        "retention",
        "--skill",
        "onboarding",
    )
    assert added.exit_code == 0, added.output
    story_id = added.stdout.strip()
    assert "Churn fell from 9% to 4%" in run("story", "show", story_id).stdout
    assert run("story", "show", "churn turnaround").exit_code == 0

    duplicate = run("story", "add", "--title", "Churn Turnaround", "--result", "x")
    assert duplicate.exit_code == 2
    assert "already in your library" in duplicate.stderr

    assert run("story", "edit", story_id, "--result", "Churn fell to 3%").exit_code == 0
    listed = json.loads(run("story", "list", "--format", "json").stdout)
    assert listed[0]["result"] == "Churn fell to 3%"
    assert listed[0]["skills"] == ["retention", "onboarding"]

    kept = run("story", "rm", story_id, input="n\n")
    assert kept.exit_code == 1
    assert len(json.loads(run("story", "list", "--format", "json").stdout)) == 1
    assert run("story", "rm", story_id, "--yes").exit_code == 0
    assert "No stories yet" in run("story", "list").stdout
    assert run("story", "show", story_id).exit_code == 2


def test_db_upgrade_and_status(use_database: str) -> None:
    first = run("db", "upgrade")
    assert first.exit_code == 0
    assert "Upgraded the database from empty" in first.stdout
    assert "up to date" in run("db", "upgrade").stdout
    assert "up to date" in run("db", "status").stdout


def test_an_unreachable_database_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERWORD_DATABASE_URL", "postgresql://nobody:secret@127.0.0.1:1/none")
    result = run("list")
    assert result.exit_code == 2
    assert "cannot open the database" in result.stderr
    assert "secret" not in result.stderr


def _commands(group: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    names = [(*prefix, c.name or c.callback.__name__) for c in group.registered_commands]  # type: ignore[union-attr]
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        names += _commands(sub.typer_instance, (*prefix, sub.name or ""))
    return names


@pytest.mark.parametrize("command", _commands(app), ids=" ".join)
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert re.search(r"Example:\s+afterword ", result.stdout), result.stdout


def test_user_text_is_shown_as_written_not_read_as_terminal_markup(
    use_database: str, tmp_path: Path
) -> None:
    """Square brackets in what the user wrote are text: Rich must not read them as styles
    (a stray closing tag used to crash `list`, `show` and `story list`)."""
    source = tmp_path / "brackets.yaml"
    source.write_text(
        "company: 'Acme [/] Labs'\n"
        "role: '[bold]PMM'\n"
        "ended_at: 2026-11-24T15:30:00-05:00\n"
        "interviewers: [{name: 'Dana [/b]', topics: ['x [/]']}]\n"
        "causes: [nerves]\n"
        "cause_notes: '[/] why'\n"
        "moments: [{question: 'What about [/]?', kind: could_be_better, what_i_said: '[red]hi'}]\n"
        "lessons: ['[/] lesson']\n"
        "stories: [{title: '[/] title', result: 'grew [b]200%'}]\n"
    )
    assert run("import", str(source)).exit_code == 0
    listed = run("list")
    assert listed.exit_code == 0, listed.output
    assert "Acme [/] Labs" in listed.stdout and "[bold]PMM" in listed.stdout
    shown = run("show", "1")
    assert shown.exit_code == 0, shown.output
    for text in ("Dana [/b]", "[/] why", "What about [/]?", "[red]hi", "[/] lesson"):
        assert text in shown.stdout
    stories = run("story", "list")
    assert stories.exit_code == 0, stories.output
    assert "[/] title" in stories.stdout and "grew [b]200%" in stories.stdout
    # The guided debrief marks the causes already chosen with [x].
    debriefed = run("debrief", "1", input="\n" * 12)
    assert debriefed.exit_code == 0, debriefed.output
    assert "Debrief: Acme [/] Labs" in debriefed.stdout
    assert "[x] 6. Nerves got the better of me" in debriefed.stdout


def test_an_unknown_time_zone_setting_is_a_one_line_error(
    use_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERWORD_TIMEZONE", "Mars/Olympus_Mons")
    result = run("import", str(EXAMPLES / "acme-first-round.yaml"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: unknown time zone 'Mars/Olympus_Mons' (use a name such as Europe/Paris)"
    )
