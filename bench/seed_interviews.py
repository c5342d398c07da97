"""A seeded history of interviews, to try the insights, the question bank and the prep
checklist on (and to test them against exact figures).

The same seed always gives the same interviews: everything random comes from one
``random.Random(seed)``, and the dates count from a fixed base date, never from today. Over the
months, company research comes up more often and nerves less; feelings improve; a few
questions come back in other words, and one comes back word for word.

    .venv/bin/python bench/seed_interviews.py history.db          # 30 interviews, seed 12
    AFTERWORD_DATABASE_URL=sqlite:///history.db afterword insights
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from afterword.model import (
    Cause,
    Debrief,
    Interview,
    Interviewer,
    InterviewFormat,
    Moment,
    MomentKind,
    Note,
    NoteStatus,
    Outcome,
    Person,
    Research,
    Story,
)

SEED = 12
COUNT = 30
#: The first interview ended here; the others follow every 8 to 11 days.
BASE = datetime(2026, 1, 12, 16, 0, tzinfo=ZoneInfo("America/New_York"))

COMPANIES = [
    "Acme Robotics",
    "Northwind Health",
    "Lumen Books",
    "Globex",
    "Initech",
    "Umbrella Foods",
    "Hooli",
    "Vandelay Imports",
    "Stark Logistics",
    "Wayne Energy",
]
ROLES = [
    "Product Marketing Manager",
    "Senior Product Marketing Manager",
    "Growth Marketing Manager",
    "Marketing Analyst",
]
PEOPLE = ["Dana Lee", "Tom Becker", "Priya Natarajan", "Sam Okafor", "Ana Ruiz", "Lee Chen"]

#: (topic, wordings of the same question, the story that backs a better answer)
QUESTIONS: list[tuple[str, list[str], str | None]] = [
    (
        "company knowledge",
        [
            "Why do you want to work here?",
            "Why do you want to work for us?",
            "So, why do you want to work with us?",
        ],
        None,
    ),
    (
        "pricing",
        [
            "How would you price a new product?",
            "How would you set the price of a new product?",
            "How do you approach pricing a new product?",
        ],
        "Pricing test on the Pro plan",
    ),
    (
        "email marketing",
        ["How would you grow our email list?", "How would you grow an email list from scratch?"],
        "Email list from 2k to 40k",
    ),
    (
        "failure",
        ["Tell me about a time you failed.", "Describe a time you failed at work."],
        "Churn turnaround",
    ),
    (
        "conflict",
        ["Tell me about a time you disagreed with a manager."],
        "Disagreeing on the release date",
    ),
    (
        "launches",
        ["Walk me through a product launch you led.", "Walk us through a launch you led."],
        "Launch of the warehouse robot",
    ),
    (
        "measurement",
        [
            "How do you measure the success of a campaign?",
            "How would you measure campaign success?",
        ],
        "Dashboard that caught a silent drop",
    ),
    (
        "competitors",
        ["Who are our main competitors?", "Who are our main competitors, in your view?"],
        None,
    ),
    ("about me", ["Tell me about yourself."], None),
    ("positioning", ["How would you position our product against a cheaper rival?"], None),
    ("first 90 days", ["What would you do in your first 90 days?"], None),
    ("sql", ["Write a query that finds our top ten customers by revenue."], None),
]

#: Questions asked once each (topic, question): most of what an interview asks is its own.
ONE_OFF: list[tuple[str, str]] = [
    ("analytics", "Which metric would you watch first on our dashboard?"),
    ("analytics", "How would you explain a sudden drop in sign-ups?"),
    ("brand", "What do you think of our latest ad campaign?"),
    ("brand", "How would you describe our brand to a friend?"),
    ("budget", "How would you spend a marketing budget of fifty thousand dollars?"),
    ("budget", "Which channel would you cut first if the budget halved?"),
    ("content", "What makes a case study convincing?"),
    ("content", "How do you decide what goes into a newsletter?"),
    ("customers", "Who is our ideal customer?"),
    ("customers", "How would you interview ten customers in a week?"),
    ("events", "Is a trade show worth its cost?"),
    ("events", "How would you follow up with leads from a webinar?"),
    ("hiring", "How would you hire your first marketer?"),
    ("leadership", "How do you keep a remote team aligned?"),
    ("leadership", "What is the hardest feedback you have given?"),
    ("partners", "How would you pick a partner for a co-marketing campaign?"),
    ("product", "Which feature of our product would you drop?"),
    ("product", "How would you get engineers to care about positioning?"),
    ("research", "How would you size the market for a new warehouse robot?"),
    ("research", "What did you learn from our annual report?"),
    ("sales", "How do you work with a sales team that ignores your leads?"),
    ("sales", "What should a sales deck leave out?"),
    ("seo", "How would you win a search term a competitor owns?"),
    ("social", "Which social network matters most for us?"),
    ("strategy", "Where should we be in three years?"),
    ("strategy", "What would you not do in your first year?"),
    ("tools", "Which marketing automation tools have you set up?"),
    ("writing", "Rewrite our home page headline."),
    ("writing", "What is wrong with our pricing page?"),
    ("data", "How do you tell correlation from causation in campaign results?"),
    ("data", "How would you design an A/B test for a signup form?"),
    ("motivation", "What kind of manager brings out your best work?"),
    ("motivation", "What are you most proud of?"),
    ("culture", "What would your last team say about you?"),
    ("culture", "How do you handle a week with three deadlines?"),
    ("international", "How would you launch in Germany?"),
    ("international", "What changes when you market in another language?"),
    ("ethics", "Would you run an ad that overstates a feature?"),
    ("growth", "What growth loop would you build for us?"),
    ("growth", "How would you reduce churn in the first month?"),
]

LESSONS: dict[Cause, list[str]] = {
    Cause.company_research: [
        "Read the company's last three press releases",
        "Know their main competitors before the call",
    ],
    Cause.preparation: ["Rehearse the five likely questions out loud"],
    Cause.topic_knowledge: ["Revise pricing models", "Practise live SQL"],
    Cause.communication: ["Answer in situation, action, result"],
    Cause.forgot_details: ["Bring one page of numbers"],
    Cause.nerves: ["Do a mock interview the day before"],
    Cause.offended_interviewer: ["Ask before criticising their product"],
    Cause.other: ["Check the video link the day before"],
}


def library() -> list[Story]:
    """The stories the seeded interviews link to."""
    return [
        Story(title="Churn turnaround", result="Churn fell from 9% to 4% in two quarters"),
        Story(title="Pricing test on the Pro plan", result="Revenue per account up 12%"),
        Story(title="Email list from 2k to 40k", result="40,000 subscribers in a year"),
        Story(title="Launch of the warehouse robot", result="120 qualified leads in a month"),
        Story(title="Disagreeing on the release date", result="Shipped two weeks later, no bugs"),
        Story(title="Dashboard that caught a silent drop", result="Caught a 30% drop in a day"),
    ]


def _chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def interview(
    rng: random.Random,
    index: int,
    count: int,
    ended_at: datetime,
    one_offs: list[tuple[str, str]],
) -> Interview:
    """The ``index``-th interview (0-based) of ``count``, ending at ``ended_at``, asking
    questions of :data:`QUESTIONS` and taking one-off questions from ``one_offs``."""
    t = index / max(1, count - 1)  # 0 at the first interview, 1 at the last
    company = rng.choice(COMPANIES)
    role = rng.choice(ROLES)
    people = rng.sample(PEOPLE, rng.randint(1, 2))
    chances = {
        Cause.preparation: 0.3,
        Cause.company_research: 0.15 + 0.6 * t,
        Cause.topic_knowledge: 0.35,
        Cause.communication: 0.25,
        Cause.forgot_details: 0.2,
        Cause.nerves: 0.6 - 0.45 * t,
        Cause.offended_interviewer: 0.05,
        Cause.other: 0.05,
    }
    causes = [cause for cause, p in chances.items() if _chance(rng, p)]
    feeling = min(5, max(1, round(rng.gauss(2 + 1.5 * t, 0.9))))

    asked = [
        (topic, rng.choice(wordings), story)
        for topic, wordings, story in rng.sample(QUESTIONS, rng.randint(1, 3))
    ]
    for _ in range(rng.randint(1, 2)):
        if one_offs:
            topic, question = one_offs.pop()
            asked.append((topic, question, None))
    moments = []
    for topic, question, story in asked:
        kind = rng.choices(
            list(MomentKind),
            weights=[3, 4, 2, 2 + 2 * t],
        )[0]
        weak = kind.is_weak
        answered = weak and _chance(rng, 0.6)
        moments.append(
            Moment(
                question=question,
                kind=kind,
                topic=topic,
                better_answer=f"My better answer on {topic}, with a number." if answered else None,
                stories=[story] if story and answered else [],
            )
        )
    lessons = [rng.choice(LESSONS[cause]) for cause in causes if _chance(rng, 0.5)]
    research = []
    if Cause.company_research in causes and _chance(rng, 0.5):
        research.append(
            Research(
                topic="expansion plans",
                text=f"{company} is expanding into two new markets this year.",
                source="their annual report",
            )
        )
    sent = _chance(rng, 0.75)
    notes = [
        Note(
            to=people[0],
            subject="Thank you",
            body=f"Dear {people[0]},\n\nThank you for your time.\n\nBest,\nAlex Kim",
            status=NoteStatus.sent if sent else NoteStatus.draft,
            sent_at=ended_at + timedelta(hours=3) if sent else None,
        )
    ]
    outcome = None
    if index < count - 3:  # the last three are still open
        advance = 0.15 + (0.2 if sent else 0) + 0.1 * (feeling - 2)
        roll = rng.random()
        if roll < advance:
            outcome = Outcome.offer if _chance(rng, 0.25) else Outcome.advanced
        elif roll < advance + 0.15:
            outcome = Outcome.no_response
        else:
            outcome = Outcome.rejected
    return Interview(
        company=company,
        role=role,
        stage="first round",
        format=rng.choice(list(InterviewFormat)),
        ended_at=ended_at,
        sender=Person(name="Alex Kim", email="alex@example.org"),
        interviewers=[Interviewer(name=name) for name in people],
        debrief=Debrief(feeling=feeling, causes=causes, moments=moments, lessons=lessons),
        research=research,
        notes=notes,
        outcome=outcome,
    )


def generate(seed: int = SEED, count: int = COUNT, base: datetime = BASE) -> list[Interview]:
    """``count`` interviews, oldest first, the first ending at ``base``."""
    rng = random.Random(seed)
    found = []
    ended_at = base
    one_offs = list(ONE_OFF)
    rng.shuffle(one_offs)
    for index in range(count):
        found.append(interview(rng, index, count, ended_at, one_offs))
        ended_at += timedelta(days=rng.randint(8, 11))
    return found


def seed_database(
    database_url: str, seed: int = SEED, count: int = COUNT, base: datetime = BASE
) -> list[int]:
    """Store the story library and the interviews; the interviews' ids, oldest first."""
    from afterword.services import Workspace

    with Workspace(database_url) as ws:
        for story in library():
            ws.add_story(story)
        return [ws.add_interview(item) for item in generate(seed, count, base)]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", help="a SQLite file to create, or a SQLAlchemy URL")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--count", type=int, default=COUNT)
    args = parser.parse_args(argv)
    url = args.database if "://" in args.database else f"sqlite:///{args.database}"
    ids = seed_database(url, args.seed, args.count)
    print(f"{len(ids)} interviews (seed {args.seed}) in {url}")


if __name__ == "__main__":
    main()
