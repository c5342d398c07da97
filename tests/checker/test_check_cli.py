"""``afterword check`` run in process through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.checker.phrases import load_phrases
from afterword.cli.app import app

GOOD = (
    "Hi Dana,\n\nThank you for meeting me about the marketing role. One thing I wanted to add: "
    "I grew email capture by 200% at Brightline.\n\nPlease let me know if a short write-up "
    "would help.\n\nBest,\nAlex"
)
BAD = "Hi Dana,\n\nI'm sorry I couldn't answer your question about churn.\n\nBest,\nAlex"


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(config))
    monkeypatch.setenv("AFTERWORD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NO_COLOR", "1")
    return config


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_ready_note_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", write(tmp_path, "good.txt", GOOD)])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().splitlines()[-1].startswith("1 note: ready")


def test_error_exits_1_with_linter_lines(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", BAD)
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:3:1: error apology \"I'm sorry I couldn't answer")
    assert "try: I wanted to follow up on your question about churn" in first
    assert "\x1b[" not in result.output  # plain when not a terminal
    assert "not ready" in result.output.splitlines()[-1]


def test_json_shape(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", BAD)
    result = runner.invoke(app, ["check", "--format", "json", path])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert list(data) == ["files"]
    entry = data["files"][0]
    assert entry["path"] == path and entry["ready"] is False
    assert set(entry) == {"path", "ready", "findings", "stats"}
    apology = entry["findings"][0]
    assert list(apology) == [
        "rule",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "excerpt",
        "suggestion",
        "phrase",
    ]
    assert BAD[apology["start"] : apology["end"]] == apology["excerpt"]
    # which of the rule's phrasings it was: an id of the rule's data file
    assert apology["phrase"] in {p.id for p in load_phrases("apology")}
    whole = next(f for f in entry["findings"] if f["rule"] == "missing-gratitude")
    assert whole["start"] is whole["end"] is whole["line"] is whole["excerpt"] is None
    assert entry["stats"]["paragraphs"] == 1


def test_several_files_and_stdin(runner: CliRunner, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD)
    result = runner.invoke(app, ["check", "--format", "json", good, "-"], input=BAD)
    assert result.exit_code == 1
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert paths == [good, "-"]


def test_disable_and_max_words(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", BAD)
    result = runner.invoke(
        app,
        [
            "check",
            path,
            "--disable",
            "apology",
            "--disable",
            "overt-failure",
            "--disable",
            "missing-gratitude",
        ],
    )
    assert result.exit_code == 0, result.output
    long = write(tmp_path, "long.txt", GOOD)
    result = runner.invoke(app, ["check", "--format", "json", "--max-words", "5", long])
    rules = [f["rule"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert "too-long" in rules


def test_settings_file(runner: CliRunner, tmp_path: Path, _isolated_config: Path) -> None:
    (_isolated_config / "settings.toml").write_text(
        '[check]\ndisable = ["apology", "overt-failure", "missing-gratitude"]\n', encoding="utf-8"
    )
    assert runner.invoke(app, ["check", write(tmp_path, "bad.txt", BAD)]).exit_code == 0
    (_isolated_config / "settings.toml").write_text("[check]\nmax_words = 'many'\n")
    result = runner.invoke(app, ["check", write(tmp_path, "bad.txt", BAD)])
    assert result.exit_code == 2
    assert "max_words" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\n ", "empty"), (b"\xff\xfe bad bytes", "not UTF-8")],
)
def test_input_errors_exit_2(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_file_and_directory_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", str(tmp_path / "nope.txt")]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path)]).exit_code == 2


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "good.txt", GOOD)
    assert runner.invoke(app, ["check", "--format", "xml", path]).exit_code == 2
    result = runner.invoke(app, ["check", "--disable", "no-such-rule", path])
    assert result.exit_code == 2 and "unknown rule" in result.output
    assert runner.invoke(app, ["check", "--max-words", "0", path]).exit_code == 2


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "afterword check note.txt" in result.output


DEBRIEF = """\
company: Acme Robotics
role: Product Marketing Manager
ended_at: 2024-01-10T15:30:00-05:00
sender: {name: Alex Kim}
interviewers:
  - {name: Dana Lee, topics: [the warehouse robot launch]}
causes: [offended_interviewer]
"""


def test_context_file(runner: CliRunner, tmp_path: Path) -> None:
    context = write(tmp_path, "acme.yaml", DEBRIEF)
    note = write(
        tmp_path,
        "note.txt",
        "Dear Priya,\n\nThank you for the talk about the warehouse robot launch. I'm sorry my "
        "joke landed badly.\n\nPlease let me know if I can send anything.\n\nBest,\nAlex",
    )
    result = runner.invoke(app, ["check", "--format", "json", "--context", context, note])
    findings = json.loads(result.output)["files"][0]["findings"]
    by_rule = {f["rule"]: f for f in findings}
    assert by_rule["wrong-recipient"]["excerpt"] == "Priya"
    assert by_rule["apology"]["severity"] == "info"
    assert "late" in by_rule  # the interview ended long before this test runs
    assert result.exit_code == 1


def test_context_and_interview_together_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    context = write(tmp_path, "acme.yaml", DEBRIEF)
    note = write(tmp_path, "good.txt", GOOD)
    result = runner.invoke(app, ["check", "--interview", "1", "--context", context, note])
    assert result.exit_code == 2
