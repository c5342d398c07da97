"""Hostile and oversized input through the real app (a SQLite file): every one is refused
with a 4xx that says what is wrong (or handled correctly), never a 500, and nothing saved is
lost."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient

from afterword.debrief_file import parse_debrief_text
from afterword.errors import InputError
from afterword.web.app import create_app
from support import EXAMPLES, clock

BASE: dict[str, Any] = {
    "company": "Acme Robotics",
    "role": "PMM",
    "ended_at": "2026-11-24T15:30:00-05:00",
}
FORM = {
    "company": "Globex",
    "role": "Data Engineer",
    "format": "video",
    "ended_at": "2026-11-24T15:30",
    "timezone": "America/New_York",
    "interviewer_name": ["Priya Natarajan"],
    "action": "save",
}
HUGE = "99999999999999999999999"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'afterword.db'}", clock=clock)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def created(client: TestClient, **fields: Any) -> int:
    response = client.post("/api/interviews", json={**BASE, **fields})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def messages(response: Any) -> str:
    """What the user is told: the API's detail, or the page's text."""
    if response.headers["content-type"].startswith("application/json"):
        return json.dumps(response.json()["detail"])
    return str(response.text)


# Each: how to send it, and what the answer must say. All of these were 500s.
API_CASES: list[tuple[str, str, str, Any, str]] = [
    ("an id past 64 bits", "GET", f"/api/interviews/{HUGE}", None, "interview_id"),
    ("an id past 64 bits, delete", "DELETE", f"/api/interviews/{HUGE}", None, "interview_id"),
    ("an id past 64 bits, export", "GET", f"/api/interviews/{HUGE}/export", None, "interview_id"),
    ("a story id past 64 bits", "GET", f"/api/stories/{HUGE}", None, "story_id"),
    ("a story id, put", "PUT", f"/api/stories/{HUGE}", {"title": "x"}, "story_id"),
    (
        "a check against a huge id",
        "POST",
        "/api/check",
        {"text": "Hi", "interview_id": 10**30},
        "interview_id",
    ),
    ("feeling 10**100", "POST", "/api/interviews", {**BASE, "feeling": 10**100}, "feeling"),
    (
        "year 9999, a negative offset",
        "POST",
        "/api/interviews",
        {**BASE, "ended_at": "9999-12-31T23:00:00-05:00"},
        "the year 9999 is out of range",
    ),
    (
        "year 1, a positive offset",
        "POST",
        "/api/interviews",
        {**BASE, "ended_at": "0001-01-01T01:00:00+05:00"},
        "the year 1 is out of range",
    ),
    (
        "a decision in 9999",
        "POST",
        "/api/interviews",
        {**BASE, "decision_expected_by": "9999-12-31"},
        "decision_expected_by",
    ),
    (
        "a note sent in 9999",
        "POST",
        "/api/interviews",
        {
            **BASE,
            "notes": [{"to": "Dana", "status": "sent", "sent_at": "9999-12-31T23:59:00-05:00"}],
        },
        "sent_at",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [case[1:] for case in API_CASES],
    ids=[case[0] for case in API_CASES],
)
def test_hostile_api_input_is_a_clear_4xx(
    client: TestClient, method: str, path: str, body: Any, expected: str
) -> None:
    response = client.request(method, path, json=body)
    assert 400 <= response.status_code < 500, response.text
    assert expected in messages(response)


def test_deeply_nested_json_is_refused_as_such(client: TestClient) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    for path in ("/api/interviews", "/api/check"):
        response = client.post(path, content=deep, headers={"content-type": "application/json"})
        assert response.status_code == 400
        assert response.json()["detail"] == "The JSON is nested too deeply."
    # The undo link of a deleted story carries JSON too.
    response = client.post("/stories/restore", data={"story": deep}, follow_redirects=True)
    assert response.status_code == 200
    assert "Could not undo: the story is garbled" in response.text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (f"/interviews/{HUGE}", "interview id: Input should be less than or equal to"),
        (f"/interviews/{HUGE}/debrief", "interview id"),
        (f"/stories/{HUGE}/edit", "story id"),
    ],
)
def test_a_huge_id_in_a_page_address_is_an_error_page(
    client: TestClient, path: str, expected: str
) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert "That didn't work" in response.text and expected in response.text


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"timezone": "+99:99"}, "time zone: &#39;+99:99&#39; is not an offset"),
        ({"timezone": "+14:00", "ended_at": "0001-01-01T00:00"}, "the year 1 is out of range"),
        ({"timezone": "-05:00", "ended_at": "9999-12-31T23:30"}, "the year 9999 is out of range"),
    ],
)
def test_impossible_times_in_the_form_are_explained(
    client: TestClient, changes: dict[str, str], expected: str
) -> None:
    response = client.post("/interviews", data={**FORM, **changes})
    assert response.status_code == 422
    assert expected in response.text
    assert "Nothing was lost" in response.text
    assert client.get("/api/interviews").json() == []


def test_numbers_of_thousands_of_digits_in_forms(client: TestClient) -> None:
    interview_id = created(client)
    many = "9" * 5000
    feeling = client.post(f"/interviews/{interview_id}/debrief/feeling", data={"feeling": many})
    assert feeling.status_code == 422 and "feeling: choose one of the five" in feeling.text
    moment = client.post(
        f"/interviews/{interview_id}/debrief/moments",
        data={"index": many, "question": "Why?", "kind": "went_well"},
    )
    assert moment.status_code == 422 and "that moment no longer exists" in moment.text
    answer = client.post(f"/interviews/{interview_id}/debrief/answer", data={"moment": many})
    assert answer.status_code == 400 and "which moment is this answer for?" in answer.text


def test_a_company_in_japanese_exports_under_its_own_name(client: TestClient) -> None:
    interview_id = created(client, company="東京ロボ")
    response = client.get(f"/api/interviews/{interview_id}/export")
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert f'filename="interview-{interview_id}.yaml"' in disposition  # for old clients
    assert "filename*=UTF-8''" + quote("東京ロボ.yaml") in disposition
    assert unquote(disposition.split("UTF-8''")[1]) == "東京ロボ.yaml"
    assert "company: 東京ロボ" in response.text
    plain = client.get(f"/api/interviews/{created(client)}/export?format=json")
    assert plain.headers["content-disposition"] == 'attachment; filename="acme-robotics.json"'


def test_a_cyrillic_name_and_an_injected_subject_in_the_eml(client: TestClient) -> None:
    interview_id = created(
        client,
        interviewers=[{"name": "Дана Ли", "email": "dana@acme.example"}],
        sender={"name": "Алекс Ким", "email": "alex@example.org"},
    )
    saved = client.put(
        f"/api/interviews/{interview_id}/notes/Дана Ли",
        json={"subject": "Спасибо\nBcc: everyone@example.org", "body": "Hi"},
    )
    assert saved.status_code == 200, saved.text
    # Folded into one line: a line break in a subject would start a header of its own.
    assert saved.json()["note"]["subject"] == "Спасибо Bcc: everyone@example.org"
    _, content = client.app.state.workspace.note_eml(interview_id, "Дана Ли")  # type: ignore[attr-defined]
    message = message_from_bytes(content, policy=policy.default)
    assert message["To"] == "Дана Ли <dana@acme.example>"
    assert message["From"] == "Алекс Ким <alex@example.org>"
    assert message["Subject"] == "Спасибо Bcc: everyone@example.org"
    assert message["Bcc"] is None


def test_oversize_input_names_the_field_and_keeps_what_was_saved(client: TestClient) -> None:
    interview_id = created(client, moments=[{"question": "Why?", "kind": "could_be_better"}])
    before = client.get(f"/api/interviews/{interview_id}").json()
    moment = {"question": "Why?", "kind": "could_be_better"}
    too_much = [
        ({"moments": [moment] * 201}, "moments", "at most 200 items"),
        ({"interviewers": [{"name": f"P{i}"} for i in range(51)]}, "interviewers", "at most 50"),
        ({"stories": [{"title": f"S{i}"} for i in range(501)]}, "stories", "at most 500"),
        ({"timeline": "x" * 20_001}, "timeline", "at most 20000 characters"),
        ({"moments": [{**moment, "better_answer": "x" * 20_001}]}, "better_answer", "20000"),
        ({"company": "x" * 201}, "company", "at most 200 characters"),
    ]
    for fields, field, expected in too_much:
        response = client.put(f"/api/interviews/{interview_id}", json={**BASE, **fields})
        assert response.status_code == 422, field
        [error] = response.json()["detail"]
        assert field in error["loc"] and expected in error["msg"]
    story = client.post("/api/stories", json={"title": "Churn", "result": "x" * 20_001})
    assert story.status_code == 422 and story.json()["detail"][0]["loc"] == ["body", "result"]
    assert client.get(f"/api/interviews/{interview_id}").json() == before


def test_a_body_over_a_megabyte_is_refused_before_it_is_read(client: TestClient) -> None:
    interview_id = created(client)
    before = client.get(f"/api/interviews/{interview_id}").json()
    big = {**BASE, "timeline": "x" * (1 << 20)}
    response = client.put(f"/api/interviews/{interview_id}", json=big)
    assert response.status_code == 413
    assert "larger than 1 MB" in response.json()["detail"]
    assert "nothing was saved" in response.json()["detail"]
    page = client.post("/stories", data={"title": "Churn", "result": "x" * (1 << 20)})
    assert page.status_code == 413
    assert "That didn't work" in page.text and "larger than 1 MB" in page.text
    assert client.get(f"/api/interviews/{interview_id}").json() == before
    assert client.get("/api/stories").json() == []


def test_a_streamed_body_is_cut_off_at_a_megabyte(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        yield from (b"x" * 1024 for _ in range(1100))
        yield b'"}'

    response = client.post(
        "/api/check", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "larger than 1 MB" in response.json()["detail"]


def test_a_debrief_file_with_aliases_is_refused(client: TestClient) -> None:
    answer = "I would start with the landing pages. " * 100
    text = (
        "company: Acme\nrole: PM\nended_at: 2026-11-24T15:30:00-05:00\nmoments:\n"
        f"  - {{question: 'Q0', kind: could_be_better, better_answer: &a '{answer}'}}\n"
        + "".join(
            f"  - {{question: 'Q{i}', kind: could_be_better, better_answer: *a}}\n"
            for i in range(1, 100)
        )
    )
    with pytest.raises(InputError, match=r"bomb.yaml:6: .*aliases \(\*a\) are not allowed"):
        parse_debrief_text(text, "bomb.yaml")
    response = client.post(
        "/interviews/import", files={"file": ("bomb.yaml", text.encode())}, follow_redirects=False
    )
    assert response.status_code == 422
    assert "aliases (*a) are not allowed in a debrief file" in response.text
    assert client.get("/api/interviews").json() == []


def test_deeply_nested_debrief_files_are_refused() -> None:
    for name, text in (("deep.json", "[" * 100_000), ("deep.yaml", "a: " + "[" * 100_000)):
        with pytest.raises(InputError, match=r"nested too deeply|not valid"):
            parse_debrief_text(text, name)


def test_a_file_with_a_thousand_mistakes_lists_each_with_its_line() -> None:
    """Once composed per error (minutes for 1,000 errors); bench/hostile_input.py times it."""
    typos = ", ".join(f"tpoic{j}: x" for j in range(4))
    text = (EXAMPLES / "acme-first-round.yaml").read_text().split("moments:")[0] + "moments:\n"
    text += "".join(f"  - {{question: 'Q{i}?', kind: nope, {typos}}}\n" for i in range(200))
    with pytest.raises(InputError) as refused:
        parse_debrief_text(text, "typos.yaml")
    lines = str(refused.value).splitlines()
    assert len(lines) == 1000
    first_moment = text.splitlines().index("moments:") + 2
    assert lines[0].startswith(f"typos.yaml:{first_moment}: moments.0.kind:")
    assert lines[-1].startswith(f"typos.yaml:{first_moment + 199}: moments.199.tpoic3: unknown")
