"""Learning across interviews, on the seeded history of bench/seed_interviews.py (30
interviews, seed 12): the insights, the question bank and the prep checklist, through the CLI
against real databases, checked on exact figures."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from afterword.cli.app import app
from afterword.model import Interview, Moment, MomentKind
from afterword.question_bank import bank
from support import NOW, bench_module

runner = CliRunner(env={"COLUMNS": "120"})


def seed_module() -> ModuleType:
    return bench_module("seed_interviews")


@pytest.fixture
def seeded(use_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seeded history in a fresh database, and the CLI's clock at NOW."""
    seed_module().seed_database(use_database)
    monkeypatch.setattr("afterword.services.utc_now", lambda: NOW)
    return use_database


def run_json(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_seed_is_the_same_every_time_and_counts_from_its_base_date() -> None:
    seed = seed_module()
    first, again = seed.generate(), seed.generate()
    assert [i.model_dump() for i in first] == [i.model_dump() for i in again]
    assert len(first) == 30
    assert first[0].ended_at == seed.BASE
    assert all(item.ended_at < NOW for item in first)
    assert seed.generate(seed=13)[0].company != first[0].company or (
        seed.generate(seed=13)[0].debrief != first[0].debrief
    )


def test_insights_count_the_causes_and_their_trend(seeded: str) -> None:
    found = run_json("insights", "--format", "json")
    assert isinstance(found, dict)
    assert found["interviews"] == 30
    # Every interview that named each cause (and the same counted straight from the seed).
    assert found["causes"] == {
        "company_research": 16,
        "communication": 12,
        "topic_knowledge": 11,
        "preparation": 8,
        "nerves": 6,
        "forgot_details": 5,
        "offended_interviewer": 1,
        "other": 1,
    }
    counted = Counter(c.value for item in seed_module().generate() for c in item.debrief.causes)
    assert found["causes"] == dict(counted)
    # The seed makes company research more frequent over time and nerves rarer.
    assert found["halves"] == [15, 15]
    research = found["cause_trends"]["company_research"]
    assert (research["earlier_half"], research["later_half"], research["recent"]) == (4, 12, 5)
    assert research["direction"] == "rising"
    nerves = found["cause_trends"]["nerves"]
    assert (nerves["earlier_half"], nerves["later_half"], nerves["direction"]) == (5, 1, "falling")
    assert sum(research["by_month"].values()) == 16
    assert sum(found["months"].values()) == 30
    # Feelings improve; outcomes; notes after bad interviews.
    assert found["feeling_by_half"] == [2.53, 3.53]
    assert found["outcomes"] == {"rejected": 12, "advanced": 7, "no_response": 5, "offer": 3}
    assert found["notes_after_bad_interviews"] == {
        "with_note": 4,
        "with_note_advanced": 1,
        "without_note": 4,
        "without_note_advanced": 1,
    }
    assert found["weak_topics"][0] == {"topic": "sql", "weak": 5, "asked": 5}
    assert found["moment_kinds"] == {
        "could_be_better": 34,
        "couldnt_answer": 21,
        "forgot_to_mention": 16,
    }
    assert [step["text"] for step in found["next_steps"][:2]] == [
        "Company research came up in 5 of your last 5 interviews: research the company first "
        "(its products, recent news, the team).",
        "Communication came up in 3 of your last 5 interviews: practise your answers out loud, "
        "situation, action, result.",
    ]


def test_insights_print_tables_and_write_the_chart(seeded: str, tmp_path: Path) -> None:
    chart = tmp_path / "causes.png"
    result = runner.invoke(app, ["insights", "--png", str(chart)])
    assert result.exit_code == 0, result.output
    assert "What to work on next" in result.stdout
    assert "Company research came up in 5 of your last 5 interviews" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "Company research  " in line)
    assert row.split()[2:] == ["16", "4", "12", "5", "rising"]
    assert "with a note, 1 of 4 advanced" in " ".join(result.stdout.split())
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert chart.stat().st_size > 10_000


def test_no_interview_yet_says_so(use_database: str) -> None:
    result = runner.invoke(app, ["insights"])
    assert result.exit_code == 0
    assert "No interviews have ended yet" in result.stdout
    found = run_json("insights", "--format", "json")
    assert isinstance(found, dict)
    assert (found["interviews"], found["causes"], found["next_steps"]) == (0, {}, [])


def test_the_question_bank_groups_the_same_question_from_different_interviews(
    seeded: str,
) -> None:
    groups = run_json("questions", "--format", "json")
    assert isinstance(groups, list)
    assert len(groups) == 51  # 98 moments
    assert sum(len(g["asked"]) for g in groups) == 98
    assert sum(g["interviews"] > 1 for g in groups) == 11
    assert [(g["question"], g["interviews"]) for g in groups[:3]] == [
        ("How would you position our product against a cheaper rival?", 9),
        ("How would you set the price of a new product?", 7),
        ("Why do you want to work here?", 6),
    ]
    why = groups[2]
    assert sorted(why["wordings"]) == [
        "So, why do you want to work with us?",
        "Why do you want to work for us?",
        "Why do you want to work here?",
    ]
    assert why["shared_words"] == ["want", "work"]
    assert [a["interview_id"] for a in why["asked"]] == [28, 24, 23, 20, 9, 2]
    # Asked once: listed after every question that came back.
    assert groups[11]["interviews"] == 1


def test_the_question_bank_searches_by_words_and_topic(seeded: str) -> None:
    found = run_json("questions", "pricing", "--format", "json")
    assert [g["question"] for g in found] == [  # type: ignore[union-attr]
        "How would you set the price of a new product?",
        "What is wrong with our pricing page?",
    ]
    by_topic = run_json("questions", "--topic", "SQL", "--format", "json")
    assert [(g["question"], g["interviews"]) for g in by_topic] == [  # type: ignore[union-attr]
        ("Write a query that finds our top ten customers by revenue.", 5)
    ]
    shown = runner.invoke(app, ["questions", "price"]).stdout
    assert "How would you set the price of a new product?  asked in 7 interviews" in shown
    assert "also: How would you price a new product?" in shown
    assert "stories: Pricing test on the Pro plan" in shown
    assert "No question matches." in runner.invoke(app, ["questions", "zeppelin"]).stdout


def _asked(*questions: str) -> list[tuple[int, Interview]]:
    return [
        (
            number,
            Interview(
                company=f"Company {number}",
                role="Analyst",
                ended_at=NOW - timedelta(days=10 - number),
                debrief={"moments": [Moment(question=q, kind=MomentKind.couldnt_answer)]},
            ),
        )
        for number, q in enumerate(questions, start=1)
    ]


def test_the_very_same_question_comes_before_a_similar_one() -> None:
    groups = bank(
        _asked(
            "What is your greatest weakness?",
            "Tell me about a time you disagreed with your manager.",
            "Describe a disagreement with a manager of yours.",  # another word: disagreement
            "Tell me about a time you disagreed with a manager.",
            "What is your greatest weakness?",
        )
    )
    assert [(g.question, g.interviews, g.same_wording) for g in groups] == [
        ("What is your greatest weakness?", 2, True),
        ("Tell me about a time you disagreed with a manager.", 2, False),
        ("Describe a disagreement with a manager of yours.", 1, False),
    ]
    assert groups[1].shared == {"disagre", "manag"}


def test_the_prep_checklist_puts_research_first_and_likely_questions_next(seeded: str) -> None:
    found = run_json(
        "prep", "--company", "Acme Robotics", "--role", "Product Marketing Manager", "-f", "json"
    )
    assert isinstance(found, dict)
    first = found["first"]
    assert first[0] == {
        "text": "Research Acme Robotics: its products, recent news, and the people you will meet",
        "why": "Company research came up in 5 of your last 5 interviews (16 in all)",
    }
    assert [i["why"].split(" came up")[0] for i in first] == [
        "Company research",
        "Communication",
        "Topic knowledge",
        "Preparation",
        "Forgotten details",
    ]
    assert found["lessons"][0] == {
        "text": "Answer in situation, action, result",
        "why": "you wrote this after 7 interviews",
    }
    questions = found["questions"]
    assert len(questions) == 8
    assert [(q["question"], q["score"]) for q in questions[:3]] == [
        ("How would you position our product against a cheaper rival?", 14.0),
        ("How would you set the price of a new product?", 11.75),
        ("Why do you want to work here?", 11.0),
    ]
    assert questions[1]["why"] == (
        "asked in 7 interviews, 6 for a role like this one, at Acme Robotics before; "
        "the very same question came back"
    )
    assert [s["title"] for s in found["stories"]] == [
        "Pricing test on the Pro plan",
        "Email list from 2k to 40k",
    ]
    assert found["stories"][0]["result"] == "Revenue per account up 12%"


def test_the_prep_checklist_as_markdown(seeded: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["prep", "-c", "Acme Robotics", "-r", "Product Marketing Manager", "-f", "markdown"]
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Prep: Product Marketing Manager at Acme Robotics\n\n## First\n")
    assert "- [ ] Research Acme Robotics: its products" in text
    assert text.index("## First") < text.index("## Your lessons") < text.index("## Questions")
    assert "1. **How would you position our product against a cheaper rival?**" in text
    assert (
        "- [ ] **Pricing test on the Pro plan**: Revenue per account up 12% (for 1 question)"
        in (text)
    )
    out = tmp_path / "prep.md"
    assert (
        runner.invoke(app, ["prep", "-c", "Acme", "-r", "Analyst", "-o", str(out)]).exit_code == 0
    )
    assert out.read_text().startswith("# Prep: Analyst at Acme")
    refused = runner.invoke(app, ["prep", "-c", " ", "-r", "Analyst"])
    assert refused.exit_code == 2
    assert "say which company and role" in refused.stderr
