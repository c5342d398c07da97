"""Debrief files: the examples parse, bad files are refused clearly, and the format round-trips."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.debrief_file import (
    DebriefFile,
    dump_debrief,
    json_schema,
    load_debrief_file,
    parse_debrief_text,
)
from afterword.errors import InputError
from afterword.model import Cause, InterviewFormat, MomentKind, Outcome
from afterword.services import Workspace
from support import EXAMPLES

GOOD = """\
company: Acme Robotics
role: Product Marketing Manager
ended_at: 2026-11-24T15:30:00-05:00
interviewers:
  - {name: Dana Lee, email: dana.lee@acme.example}
causes: [company_research]
"""


@pytest.mark.parametrize("path", sorted(EXAMPLES.iterdir()), ids=lambda p: p.name)
def test_every_example_parses(path: Path) -> None:
    interview = load_debrief_file(path)
    assert interview.company and interview.interviewers


def test_the_panel_example_has_three_interviewers_and_weak_moments() -> None:
    interview = load_debrief_file(EXAMPLES / "panel-onsite.yaml")
    assert [i.name for i in interview.interviewers] == [
        "Priya Natarajan",
        "Tom Becker",
        "Mei Chen",
    ]
    assert len(interview.debrief.weak_moments) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("causes: [company_research]", "causes: [bad_luck]"),
            "note.yaml:6: causes.0: Input should be 'preparation'",
        ),
        (
            GOOD.replace("ended_at: 2026-11-24T15:30:00-05:00", "ended_at: 2026-11-24T15:30:00"),
            "note.yaml:3: ended_at: ended_at has no time zone",
        ),
        (
            GOOD.replace("company: Acme Robotics\n", ""),
            "note.yaml: company: this field is required",
        ),
        (GOOD.replace("dana.lee@acme.example", "dana.lee"), "note.yaml:5: interviewers.0.email"),
        (GOOD + "feelings: 2\n", "note.yaml:7: feelings: unknown field"),
        (
            GOOD + "started_at: 2026-11-24T16:00:00-05:00\n",
            "ends (2026-11-24T15:30:00-05:00) before",
        ),
        ("company: [unclosed\n", "note.yaml:2: not valid YAML"),
        ("- just\n- a list\n", "expected a mapping of fields"),
        ("   \n", "the file is empty"),
    ],
)
def test_bad_files_name_the_file_the_field_and_the_line(text: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        parse_debrief_text(text, "note.yaml")
    assert expected in str(info.value)


def test_json_errors_name_the_line() -> None:
    with pytest.raises(InputError, match=r"note.json:3: not valid JSON"):
        parse_debrief_text('{\n "company": "Acme",\n "role": }\n', "note.json")


def test_large_and_binary_files_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "cause_notes: " + "x" * 5_000_000 + "\n")
    with pytest.raises(InputError, match=r"5\.0 MB"):
        load_debrief_file(big)
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"company: \xff\xfe\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_debrief_file(binary)
    with pytest.raises(InputError, match="no such file"):
        load_debrief_file(tmp_path / "missing.yaml")


def test_the_schema_describes_the_format() -> None:
    schema = json_schema()
    assert {"company", "role", "ended_at"} <= set(schema["required"])
    assert "moments" in schema["properties"]
    json.dumps(schema)  # serialisable as is


# A strategy for whole debrief files, valid by construction -------------------------------------

words = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P"]), min_size=1, max_size=12
)
phrase = st.lists(words, min_size=1, max_size=5).map(" ".join)
maybe = st.none() | phrase
emails = st.from_regex(r"[a-z]{1,8}\.[a-z]{1,8}@[a-z]{2,10}\.(org|com|example)", fullmatch=True)
zones = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
times = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)),
    zones,
)
stories = st.lists(
    st.fixed_dictionaries(
        {"title": phrase, "result": maybe, "skills": st.lists(phrase, max_size=3)},
        optional={"situation": phrase, "action": phrase, "metrics": st.lists(phrase, max_size=2)},
    ),
    max_size=4,
    unique_by=lambda s: s["title"].casefold(),
)
debrief_files = st.fixed_dictionaries(
    {"company": phrase, "role": phrase, "ended_at": times},
    optional={
        "stage": phrase,
        "format": st.sampled_from(InterviewFormat),
        "decision_expected_by": st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)),
        "timeline": phrase,
        "sender": st.fixed_dictionaries({"name": phrase, "email": emails}),
        "interviewers": st.lists(
            st.fixed_dictionaries(
                {"name": phrase},
                optional={"title": phrase, "email": emails, "topics": st.lists(phrase, max_size=3)},
            ),
            max_size=3,
        ),
        "feeling": st.integers(1, 5),
        "causes": st.lists(st.sampled_from(Cause), unique=True),
        "cause_notes": phrase,
        "moments": st.lists(
            st.fixed_dictionaries(
                {"question": phrase, "kind": st.sampled_from(MomentKind)},
                optional={
                    "what_i_said": phrase,
                    "better_answer": phrase,
                    "topic": phrase,
                    "stories": st.lists(phrase, max_size=2),
                },
            ),
            max_size=4,
        ),
        "stories": stories,
        "research": st.lists(
            st.fixed_dictionaries({"topic": phrase, "text": phrase}, optional={"source": phrase}),
            max_size=2,
        ),
        "lessons": st.lists(phrase, max_size=3),
        "outcome": st.sampled_from(Outcome),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debrief_files, st.sampled_from(["yaml", "json"]))
def test_import_then_export_gives_back_the_same_content(data: dict, fmt: str) -> None:
    original = DebriefFile.model_validate(data).to_interview()
    with Workspace("sqlite://") as workspace:  # a fresh in-memory database per example
        interview_id = workspace.add_interview(parse_debrief_text(dump_debrief(original, fmt)))
        exported = workspace.export(interview_id, fmt)
    again = parse_debrief_text(exported, f"export.{fmt}")
    assert again.model_dump(mode="json") == original.model_dump(mode="json")
