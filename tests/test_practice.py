"""Practice: the spaced-repetition deck of weak questions, scheduled by FSRS with fuzzing off,
on real databases and an injected clock: exact due dates, one review row per review, the daily
limit after a break, and the questions of the next interview brought forward."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from afterword.model import Interview, Moment, MomentKind
from afterword.practice import DAILY_LIMIT, Rating, card_key
from afterword.services import Workspace
from support import EXAMPLES, NOW

#: Questions that the question bank keeps apart (they share only "handle").
TOPICS = [
    "pricing", "churn", "onboarding", "retention", "forecasting", "hiring", "budgets",
    "roadmaps", "launches", "partnerships", "analytics", "positioning", "segmentation",
    "outreach", "renewals", "escalations", "dashboards", "migrations", "security",
    "compliance", "localization", "accessibility", "latency", "billing", "refunds",
]  # fmt: skip


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def days(self, n: float) -> None:
        self.now += timedelta(days=n)


@pytest.fixture(autouse=True)
def new_york(monkeypatch: pytest.MonkeyPatch) -> None:
    """Days are counted in the user's zone: the tests' own, whatever this computer's."""
    monkeypatch.setenv("AFTERWORD_TIMEZONE", "America/New_York")


def weak(question: str, answer: str | None = "My better answer.") -> Moment:
    return Moment(question=question, kind=MomentKind.could_be_better, better_answer=answer)


def interview(company: str, role: str, ended_at: datetime, *moments: Moment) -> Interview:
    return Interview(
        company=company, role=role, ended_at=ended_at, debrief={"moments": list(moments)}
    )


def open_workspace(url: str, clock: Clock) -> Workspace:
    workspace = Workspace(url, clock=clock)
    workspace.practice_fuzzing = False
    return workspace


def test_scheduling_is_exact_and_each_review_is_one_row(database_url: str) -> None:
    clock = Clock()
    with open_workspace(database_url, clock) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
        plan = ws.practice()
        # Of four moments, one is weak with a better answer: one card, due now.
        assert [q.group.question for q in plan.today] == ["How would you grow our email list?"]
        card = plan.today[0].card
        assert card is not None and card.is_new and card.due == NOW
        assert plan.today[0].best_answer.startswith("Start with the landing pages")

        first = ws.practise(card.id, Rating.good, "  Landing pages, one field.  ")
        assert first.due == datetime(2026, 11, 27, 14, 0, tzinfo=UTC)  # NOW + 2 days
        assert first.stability == pytest.approx(2.3065)
        assert first.reviews == 1
        assert ws.practice().today == []  # practised: nothing else today

        clock.days(2)
        second = ws.practise(card.id, Rating.good)
        assert second.due == datetime(2026, 12, 8, 14, 0, tzinfo=UTC)  # 11 days later
        assert second.stability == pytest.approx(10.964, abs=1e-3)

        clock.days(11)
        third = ws.practise(card.id, Rating.again, "Forgot the number.")
        # Again: back in 2 days (not 11), its stability cut from 10.96 to 1.54 days.
        assert third.due == datetime(2026, 12, 10, 14, 0, tzinfo=UTC)
        assert third.stability == pytest.approx(1.538, abs=1e-3)
        assert third.reviews == 3
        assert ws.practice_answers(card.id) == [
            (3, datetime(2026, 11, 25, 14, 0, tzinfo=UTC), "Landing pages, one field."),
            (3, datetime(2026, 11, 27, 14, 0, tzinfo=UTC), None),
            (1, datetime(2026, 12, 8, 14, 0, tzinfo=UTC), "Forgot the number."),
        ]


def test_a_rating_sent_twice_is_recorded_once(database_url: str) -> None:
    from afterword.errors import ConflictError

    with open_workspace(database_url, Clock()) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
        card = ws.practice().today[0].card
        assert card is not None
        ws.practise(card.id, Rating.good, expected_reviews=0)
        with pytest.raises(ConflictError):
            ws.practise(card.id, Rating.easy, expected_reviews=0)
        assert [rating for rating, _, _ in ws.practice_answers(card.id)] == [3]


def test_near_duplicate_questions_share_one_card_and_a_removed_one_rests(
    database_url: str,
) -> None:
    with open_workspace(database_url, Clock()) as ws:
        first = ws.add_interview(
            interview(
                "Acme", "PMM", NOW - timedelta(days=9), weak("How would you grow our email list?")
            )
        )
        ws.add_interview(
            interview(
                "Beta", "PMM", NOW - timedelta(days=2), weak("How would you grow the email list?")
            )
        )
        plan = ws.practice()
        assert len(plan.today) == 1 and plan.today[0].group.interviews == 2
        ws.delete_interview(first)
        again = ws.practice()
        assert [q.card.id for q in again.today if q.card] == [
            q.card.id for q in plan.today if q.card
        ]
        ws.update_interview(
            ws.interviews()[0][0],
            lambda item: item.model_copy(
                update={"debrief": item.debrief.model_copy(update={"moments": [weak("Why us?")]})}
            ),
        )
        after = ws.practice()
        # The email-list card is kept with its key, but no longer shown; "Why us?" has its own.
        assert [q.group.question for q in after.today] == ["Why us?"]
        assert after.total == 1


def test_after_a_30_day_break_the_day_holds_ten_the_most_overdue_first(database_url: str) -> None:
    clock = Clock()
    with open_workspace(database_url, clock) as ws:
        ws.add_interview(
            interview(
                "Acme",
                "PMM",
                NOW - timedelta(days=1),
                *(weak(f"How did you handle {topic}?") for topic in TOPICS),
            )
        )

        def practise_all(rating: Rating = Rating.good) -> list[int]:
            done = []
            for question in ws.practice().today:
                assert question.card is not None
                ws.practise(question.card.id, rating)
                done.append(question.card.id)
            return done

        assert DAILY_LIMIT == 10
        day0 = practise_all()  # 10 new ones (due in 2 days)
        assert day0 == list(range(1, 11))
        clock.days(1)
        day1 = practise_all()  # 10 more new ones (due in 2 days)
        assert day1 == list(range(11, 21))
        clock.days(1)
        plan = ws.practice()
        # Day 2: the 10 of day 0 are due; they come before new ones, which wait.
        assert [q.card.id for q in plan.today if q.card] == day0
        assert {q.why for q in plan.today} == {"due today"}
        assert (plan.waiting_due, plan.waiting_new) == (0, 5)
        practise_all()  # day 0's again, good: due on day 13; day 1's are due on day 3

        clock.days(30)  # day 32: everything is overdue, and 5 have never been practised
        plan = ws.practice()
        assert [q.card.id for q in plan.today if q.card] == day1  # the most overdue first
        assert plan.today[0].why == "due 29 days ago"
        assert (plan.done_today, plan.waiting_due, plan.waiting_new) == (0, 10, 5)
        assert plan.days_to_clear == 2
        assert ws.practice_today() == 10
        practise_all()
        plan = ws.practice()
        assert plan.today == [] and plan.done_today == 10 and plan.waiting == 15
        assert ws.practice_today() == 0

        clock.days(1)  # day 33: the next ten, day 0's (due 20 days ago), then the new ones
        plan = ws.practice()
        assert [q.card.id for q in plan.today if q.card] == day0
        assert plan.today[0].why == "due 20 days ago"
        assert (plan.waiting_due, plan.waiting_new) == (0, 5)
        assert ws.practice(limit=15).today[10].why == "new: not practised yet"


def test_before_the_next_interview_its_likely_questions_come_first(database_url: str) -> None:
    clock = Clock()
    with open_workspace(database_url, clock) as ws:
        ws.add_interview(
            interview(
                "Globex",
                "Data Analyst",
                NOW - timedelta(days=20),
                weak("Write a query for a rolling average."),
                weak("How would you price a new plan?"),
            )
        )
        ws.add_interview(
            interview(
                "Acme Robotics",
                "Product Marketing Manager",
                NOW - timedelta(days=10),
                weak("How would you grow our email list?"),
                weak("What do you know about our customers?"),
            )
        )
        ws.add_interview(
            interview(
                "Initech",
                "Marketing Manager",
                NOW - timedelta(days=5),
                weak("How would you price the new plan?"),
            )
        )
        plain = ws.practice(sync=False)
        assert plain.upcoming is None
        # The question bank's order: asked in two interviews first, then the most recent.
        assert [q.group.question for q in plain.today] == [
            "How would you price the new plan?",
            "How would you grow our email list?",
            "What do you know about our customers?",
            "Write a query for a rolling average.",
        ]
        # The second round at Acme, on Friday (NOW is a Wednesday morning).
        second = ws.add_interview(
            interview("Acme Robotics", "Product Marketing Manager", NOW + timedelta(days=2))
        )
        plan = ws.practice()
        assert plan.upcoming is not None
        assert (plan.upcoming.interview_id, plan.upcoming.on) == (second, date(2026, 11, 27))
        assert plan.upcoming.label(date(2026, 11, 25)) == "Friday"
        assert [(q.group.question, q.likely) for q in plan.today] == [
            ("How would you grow our email list?", True),
            ("What do you know about our customers?", True),
            ("How would you price the new plan?", True),
            ("Write a query for a rolling average.", False),
        ]
        assert plan.today[0].why == "likely at Acme Robotics (Friday)"

        # Practised today, a likely question is not brought forward again until tomorrow.
        card = plan.today[0].card
        assert card is not None
        ws.practise(card.id, Rating.good)
        assert [q.group.question for q in ws.practice().today][:1] == [
            "What do you know about our customers?"
        ]
        clock.days(1)
        assert ws.practice().today[0].group.question == "How would you grow our email list?"

        # A date with no interview logged by then: what came back in other interviews first.
        clock.days(-1)
        ws.delete_interview(second)
        dated = ws.practice(before=date(2026, 12, 3))
        assert dated.upcoming is not None and dated.upcoming.company is None
        assert [q.group.question for q in dated.today if q.likely] == [
            "How would you price the new plan?"
        ]


def test_a_card_key_is_the_question_as_compared_word_for_word() -> None:
    assert card_key("How would you grow our email list?") == card_key(
        "  how would you GROW our  email list!! "
    )
    assert len(card_key("x" * 10_000)) == 64


# The CLI: `afterword practice` ------------------------------------------------------------


@pytest.fixture
def cli(use_database: str, monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The CLI on a fresh database holding the three examples, its clock at NOW (moved by
    the test), fuzzing off."""
    clock = Clock()
    monkeypatch.setattr("afterword.services.utc_now", clock)
    monkeypatch.setattr(Workspace, "practice_fuzzing", False)
    with Workspace(use_database) as ws:
        for name in ("acme-first-round.yaml", "panel-onsite.yaml", "good-interview.json"):
            ws.import_file(EXAMPLES / name)
    return clock


def practise(*args: str, input: str | None = None) -> str:
    from typer.testing import CliRunner

    from afterword.cli.app import app

    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["practice", *args], input=input)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_cli_session_reads_answers_and_ratings_from_piped_input(
    cli: Clock, use_database: str
) -> None:
    output = practise(
        input="Landing pages, with one field.\ngood\n\n3\nA window function.\nmaybe\nagain\n\nq\n"
    )
    # The examples' four weak questions with a better answer, the most recent interview's
    # first (Acme ended last, on Nov 24); the fourth is left for later ("q").
    assert "1/4  How would you grow our email list?" in output
    assert "Start with the landing pages" in output
    assert "Good: next on Fri 27 Nov (in 2 days)." in output
    assert "2/4  How would you detect a silent drop in the claims feed?" in output
    assert "3/4  Write a query for the 7-day rolling average of admissions." in output
    assert "Type 1, 2, 3 or 4 (or again, hard, good, easy)." in output  # "maybe"
    assert "Again: next on Thu 26 Nov (in 1 day)." in output
    assert "Practised 3 questions today. 1 more is due today." in output
    with Workspace(use_database) as ws:
        answers = [ws.practice_answers(card_id) for card_id in (1, 2, 3)]
    assert [[(rating, answer) for rating, _, answer in one] for one in answers] == [
        [(3, "Landing pages, with one field.")],
        [(3, None)],  # answered aloud: Enter alone
        [(1, "A window function.")],
    ]
    assert "1 question to practise today:\n  1. What would your first 90 days look like?" in (
        practise(input="")
    )

    cli.days(1)  # the one missed comes back the next day, with what was typed last time
    output = practise(input="Over a window of 7 rows.\n")  # the input ends before the rating
    assert "1/2  Write a query for the 7-day rolling average of admissions." in output
    assert "Last time you typed: A window function." in output
    assert "Practised 0 questions today. 2 more are due today." in output


def test_with_nothing_to_read_the_cli_lists_what_is_due(cli: Clock) -> None:
    output = practise(input="")
    assert "4 questions to practise today:" in output
    assert "1. How would you grow our email list?  (new: not practised yet)" in output
    assert "Your answer" not in output
    assert practise("--list", input="anything\n") == output
    assert "1 questions" not in practise("--limit", "1", input="")
    assert "3 more wait for the next days, 1 a day: you are through them in 3 days." in (
        practise("--limit", "1", input="")
    )


def test_the_cli_prepares_for_the_interview_by_a_date(cli: Clock, use_database: str) -> None:
    with Workspace(use_database) as ws:
        ws.add_interview(
            interview("Northwind Health", "Data Analyst", NOW + timedelta(days=8, hours=2))
        )
    # Within two weeks, without being asked; or by the date given.
    for output in (practise(input=""), practise("--before", "2026-12-03", input="")):
        assert (
            "Before Thu 3 Dec: your interview with Northwind Health (Data Analyst). Its likely "
            "questions come first." in output
        )
        assert "1. How would you detect a silent drop in the claims feed?  (likely at" in output
    assert (
        "Before Monday: no interview is logged by then, and no question has come back in "
        "another interview yet." in practise("--before", "2026-11-30", input="")
    )
    from typer.testing import CliRunner

    from afterword.cli.app import app

    bad = CliRunner().invoke(app, ["practice", "--before", "Thursday"], input="")
    assert bad.exit_code == 2
    assert "--before: 'Thursday' is not a date (write it like 2026-12-03)" in bad.output


# The Practice page -------------------------------------------------------------------------


def test_the_page_asks_reveals_and_records_and_the_dashboard_counts_down(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import html

    from fastapi.testclient import TestClient

    from afterword.web.app import create_app

    monkeypatch.setattr(Workspace, "practice_fuzzing", False)
    clock = Clock()
    app = create_app(database_url, clock=clock)
    with TestClient(app) as client:
        ws: Workspace = app.state.workspace
        for name in ("acme-first-round.yaml", "panel-onsite.yaml"):
            ws.import_file(EXAMPLES / name)

        def page(response: object) -> str:
            assert getattr(response, "status_code", None) == 200, getattr(response, "text", "")
            return html.unescape(str(getattr(response, "text", "")))

        dashboard = page(client.get("/"))
        assert "3 questions to practise today" in dashboard
        assert '<a href="/practice"' in dashboard

        shown = page(client.get("/practice"))
        assert "How would you grow our email list?" in shown
        assert "3 questions left today (10 a day)." in shown
        assert 'href="/practice" aria-current="page">Practice</a>' in shown
        assert "Start with the landing pages" not in shown  # not yet revealed
        assert 'action="/practice/1/reveal"' in shown

        revealed = page(client.post("/practice/1/reveal", data={"answer": "Landing pages."}))
        assert "Start with the landing pages" in revealed
        assert "Landing pages." in revealed
        assert 'name="reviews" value="0"' in revealed
        for rating in ("again", "hard", "good", "easy"):
            assert f'name="rating" value="{rating}"' in revealed

        form = {"rating": "good", "answer": "Landing pages.", "reviews": "0"}
        done = client.post("/practice/1/review", data=form, follow_redirects=False)
        assert done.status_code == 303
        assert "Good: it comes back on Fri 27 Nov." in html.unescape(
            client.get(done.headers["location"]).text
        )
        # The same rating sent again (a double click) is not recorded twice.
        twice = client.post("/practice/1/review", data=form, follow_redirects=True)
        assert "That question was rated already; here is the next one." in page(twice)
        assert ws.practice_answers(1) == [(3, NOW.astimezone(UTC), "Landing pages.")]

        after = page(client.get("/practice"))
        assert "2 questions left today, 1 done (10 a day)." in after
        assert "How would you detect a silent drop in the claims feed?" in after
        assert "2 questions to practise today" in page(client.get("/"))
        # Revealing a question that is no longer next goes back to the next one.
        stale = client.post("/practice/1/reveal", data={}, follow_redirects=False)
        assert stale.status_code == 303 and stale.headers["location"].startswith("/practice?")

        assert client.post("/practice/2/review", data={"rating": "meh"}).status_code == 400
        for card in (2, 3):
            client.post(f"/practice/{card}/review", data={"rating": "easy", "reviews": "0"})
        assert "Nothing more to practise today. Let it rest." in page(client.get("/practice"))
        assert "to practise today" not in page(client.get("/"))
        assert client.get("/practice?before=Thursday").status_code == 400
