"""Nothing one request does holds up the others: the checker and the composer run in worker
threads, never on the server's event loop. Each test holds one slow call open (it waits for
the test's signal, however fast the machine) and shows another page is answered meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from afterword.web.app import create_app
from browser import LiveServer
from support import EXAMPLES, clock


def held(original: Callable[..., Any], entered: threading.Event, release: threading.Event):
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        assert release.wait(30), "the test never released the held call"
        return original(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize("held_call", ["check", "draft_notes"])
def test_a_slow_call_does_not_hold_up_other_pages(tmp_path: Path, held_call: str) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'loop.db'}", clock=clock)
    workspace = app.state.workspace
    interview_id = workspace.import_file(EXAMPLES / "acme-first-round.yaml")
    entered, release = threading.Event(), threading.Event()
    setattr(workspace, held_call, held(getattr(workspace, held_call), entered, release))
    server = LiveServer("", app=app)
    slow: dict[str, int] = {}

    def slow_request() -> None:
        with httpx.Client(base_url=server.url, timeout=60, follow_redirects=True) as http:
            if held_call == "check":
                response = http.post("/api/check", json={"text": "Dear Dana, thank you."})
            else:
                response = http.post(
                    f"/interviews/{interview_id}/notes/draft?to=Dana%20Lee", data={"variants": "1"}
                )
            slow["status"] = response.status_code

    thread = threading.Thread(target=slow_request)
    try:
        thread.start()
        assert entered.wait(30)
        # The slow call is under way (and stays so until released): another page answers.
        with httpx.Client(base_url=server.url, timeout=10) as http:
            assert http.get("/api/interviews").status_code == 200
            assert http.get("/static/afterword.css").status_code == 200
        assert "status" not in slow
    finally:
        release.set()
        thread.join(30)
        server.stop()
    assert slow["status"] == 200
