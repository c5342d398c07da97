"""Records stay tied to what they belong to, whatever it is renamed or however it moves: a
note follows its renamed interviewer, a moment keeps its renamed story, a stale tab cannot
overwrite another moment, and no name can steer a form into another route."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from afterword.web.app import create_app
from support import EXAMPLES, clock


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database_url, clock=clock)) as test_client:
        with (EXAMPLES / "acme-first-round.yaml").open("rb") as handle:
            test_client.post("/interviews/import", files={"file": ("a.yaml", handle)})
        yield test_client


def edit_form(client: TestClient, **changes: object) -> dict[str, object]:
    """The interview's edit form as the page shows it (boxes unticked), with ``changes``."""
    page = client.get("/interviews/1/edit").text
    fields: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and 'type="checkbox"' not in tag:
            fields.setdefault(name.group(1), []).append(value.group(1))
    form: dict[str, object] = {k: v[0] if len(v) == 1 else v for k, v in fields.items()}
    return {**form, "interviewer_topics": "", "action": "save", **changes}


def notes(client: TestClient) -> list[dict[str, object]]:
    return list(client.get("/api/interviews/1").json().get("notes", []))


def test_a_renamed_interviewer_keeps_their_note_draft_or_sent(client: TestClient) -> None:
    body = "Dear Dana,\n\nThank you for the time today.\n\nBest,\nAlex"
    client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body})
    response = client.post(
        "/interviews/1/edit", data=edit_form(client, interviewer_name="Dana Leigh")
    )
    assert response.status_code in (200, 303), response.text
    assert [(n["to"], n["body"]) for n in notes(client)] == [("Dana Leigh", body)]
    page = client.get("/interviews/1/notes").text
    assert page.count('role="tab"') == 1  # no stranded tab for the old name

    client.post("/interviews/1/notes?to=Dana%20Leigh", data={"body": body, "action": "sent"})
    sent = notes(client)[0]
    client.post("/interviews/1/edit", data=edit_form(client, interviewer_name="Dana Lee"))
    assert notes(client) == [{**sent, "to": "Dana Lee"}]


def test_removing_one_interviewer_and_adding_another_moves_no_note(client: TestClient) -> None:
    body = "Dear Dana,\n\nThank you.\n\nBest,\nAlex"
    client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": body})
    form = edit_form(
        client,
        interviewer_name=["Dana Lee", "Mei Chen"],
        interviewer_was=["Dana Lee", ""],
        interviewer_title=["", ""],
        interviewer_email=["", ""],
        interviewer_topics=["", ""],
        interviewer_remove=["0"],
    )
    client.post("/interviews/1/edit", data=form)
    stored = client.get("/api/interviews/1").json()
    assert [p["name"] for p in stored["interviewers"]] == ["Mei Chen"]
    assert [(n["to"], n["body"]) for n in stored["notes"]] == [("Dana Lee", body)]


def test_a_renamed_story_stays_linked_to_its_moments(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    story = next(s for s in stories if s["title"] == "Email capture growth")
    renamed = {k: v for k, v in story.items() if k != "id"} | {"title": "Sign-up growth"}
    assert client.put(f"/api/stories/{story['id']}", json=renamed).status_code == 200
    moments = client.get("/api/interviews/1").json()["moments"]
    assert moments[0]["stories"] == ["Sign-up growth"]


def test_a_stale_tab_cannot_overwrite_another_moment(client: TestClient) -> None:
    page = client.get("/interviews/1/debrief?step=moments").text
    assert 'name="was_question" value="Tell me about your marketing background."' in page
    # Another tab removes the first moment: the second now stands first.
    client.post(
        "/interviews/1/debrief/moments",
        data={
            "index": "0",
            "was_question": "How would you grow our email list?",
            "action": "delete",
        },
    )
    before = client.get("/api/interviews/1").json()["moments"]
    # The first tab saves "moment 2" as it showed it, at its old place (index 1).
    stale = client.post(
        "/interviews/1/debrief/moments",
        data={
            "index": "1",
            "was_question": "Tell me about your marketing background.",
            "question": "Tell me about your marketing background.",
            "kind": "forgot_to_mention",
            "better_answer": "Six years in B2B marketing.",
        },
    )
    assert stale.status_code == 422
    assert "changed in another tab" in stale.text
    assert "Six years in B2B marketing." in stale.text  # the typing is shown again
    assert client.get("/api/interviews/1").json()["moments"] == before


@pytest.mark.parametrize("name", ["Dana / HR", "../../../stories/1/delete", "R&D #2 + QA?"])
def test_any_interviewer_name_saves_its_own_note_and_nothing_else(
    client: TestClient, name: str
) -> None:
    stories = client.get("/api/stories").json()
    form = edit_form(client, interviewer_name=name)
    assert client.post("/interviews/1/edit", data=form).status_code in (200, 303)
    page = client.get("/interviews/1/notes").text
    actions = re.findall(r'<form method="post" action="([^"?]*)', page)
    assert actions and all(a.startswith("/interviews/1/notes") for a in actions)
    assert all(".." not in a and a.count("/") <= 4 for a in actions)
    action = re.search(r'action="(/interviews/1/notes\?to=[^"]*)" class="editor-form"', page)
    assert action is not None
    url = action.group(1).replace("&amp;", "&")
    saved = client.post(url, data={"body": f"Dear {name},\n\nThank you."})
    assert saved.status_code == 200  # after the redirect
    assert [(n["to"], n["body"]) for n in notes(client)] == [(name, f"Dear {name},\n\nThank you.")]
    assert client.get("/api/stories").json() == stories
    # The JSON API takes the same name in its path (encoded).
    from urllib.parse import quote

    api = client.put(f"/api/interviews/1/notes/{quote(name, safe='')}", json={"body": "Hi."})
    assert api.status_code == 200, api.text
    assert notes(client)[0]["body"] == "Hi."


def test_hostile_values_in_the_note_routes_get_clear_answers(client: TestClient) -> None:
    huge = "9" * 30
    assert client.get(f"/api/interviews/{huge}/notes/Dana%20Lee").status_code == 422
    assert client.put(f"/api/interviews/{huge}/notes/Dana%20Lee", json={}).status_code == 422
    assert client.get(f"/interviews/{huge}/notes").status_code in (400, 404, 422)
    variants = client.post("/interviews/1/notes/draft?to=Dana%20Lee", data={"variants": huge * 200})
    assert variants.status_code == 400 and "choose from 1 to 5" in variants.text
    whole = {k: v for k, v in client.get("/api/interviews/1").json().items() if k != "id"}
    stale = client.put("/api/interviews/1", json=whole, headers={"If-Match": f'"{huge}"'})
    assert stale.status_code == 422 and "If-Match" in stale.json()["detail"]
    version = client.put(
        "/api/interviews/1/notes/Dana%20Lee", json={"body": "Hi.", "version": int(huge)}
    )
    assert version.status_code == 422
    # A name in any script downloads as an .eml named for it (with a plain fallback).
    form = edit_form(client, interviewer_name="Дана Ли")
    client.post("/interviews/1/edit", data=form)
    client.post(
        "/interviews/1/notes?to=%D0%94%D0%B0%D0%BD%D0%B0%20%D0%9B%D0%B8", data={"body": "Hi."}
    )
    eml = client.get("/interviews/1/notes/eml?to=%D0%94%D0%B0%D0%BD%D0%B0%20%D0%9B%D0%B8")
    assert eml.status_code == 200
    assert "filename*=UTF-8''" in eml.headers["content-disposition"]


def test_who_asked_a_question_is_kept_and_follows_a_rename(database_url: str) -> None:
    with TestClient(create_app(database_url, clock=clock)) as client:
        with (EXAMPLES / "panel-onsite.yaml").open("rb") as handle:
            client.post("/interviews/import", files={"file": ("p.yaml", handle)})
        page = client.get("/interviews/1/debrief?step=moments").text
        assert 'name="asked_by"' in page
        first = client.get("/api/interviews/1").json()["moments"][0]
        client.post(
            "/interviews/1/debrief/moments",
            data={
                "index": "0",
                "was_question": first["question"],
                "question": first["question"],
                "kind": first["kind"],
                "asked_by": "Tom Becker",
            },
        )
        assert client.get("/api/interviews/1").json()["moments"][0]["asked_by"] == "Tom Becker"
        page = client.get("/interviews/1/edit").text
        names = re.findall(r'name="interviewer_name" value="([^"]*)"', page)
        form = {
            k: v
            for k, v in [
                ("company", "Northwind Health"),
                ("role", "Senior Data Analyst"),
                ("ended_at", "2026-11-23T12:00"),
                ("timezone", "+01:00"),
                ("action", "save"),
            ]
        }
        renamed = ["Thomas Becker" if n == "Tom Becker" else n for n in names]
        client.post(
            "/interviews/1/edit",
            data={
                **form,
                "interviewer_name": renamed,
                "interviewer_was": names,
                "interviewer_title": [""] * len(names),
                "interviewer_email": [""] * len(names),
                "interviewer_topics": [""] * len(names),
            },
        )
        stored = client.get("/api/interviews/1").json()
        assert "Thomas Becker" in [p["name"] for p in stored["interviewers"]]
        assert stored["moments"][0]["asked_by"] == "Thomas Becker"


def test_a_stale_edit_form_never_undoes_a_newer_save(client: TestClient) -> None:
    first = edit_form(client)  # two tabs open the form
    second = edit_form(client, interviewer_email="dana@acme.example")
    assert client.post("/interviews/1/edit", data=second).status_code in (200, 303)
    # A note saved meanwhile is no conflict for the form...
    client.post("/interviews/1/notes?to=Dana%20Lee", data={"body": "Dear Dana,\n\nHi."})
    stale = client.post("/interviews/1/edit", data={**first, "role": "Senior PMM"})
    assert stale.status_code == 422 and "changed elsewhere" in stale.text
    stored = client.get("/api/interviews/1").json()
    assert stored["interviewers"][0]["email"] == "dana@acme.example"
    assert stored["role"] == "Product Marketing Manager"
    # ...and a fresh form saves.
    fresh = edit_form(client, role="Senior PMM")
    assert client.post("/interviews/1/edit", data=fresh).status_code in (200, 303)
    assert client.get("/api/interviews/1").json()["role"] == "Senior PMM"
