"""Each step of a note reads on its own: the close proposes a next step in words a person
would write (not the debrief's topic label), a story never speaks of "the X" it has not
brought in, a better answer jotted as orders to oneself is said as the writer's plan, and no
topic is named twice in one note."""

from __future__ import annotations

import re
from datetime import datetime

from afterword.composer import compose
from afterword.composer.facts import answer_facts, own_plan, story_accounts, story_clauses
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Research, Story
from compose_support import closing, drafts

_HUDDLE = Story(
    title="Night safety huddle",
    situation="On the surgical wards, night handovers missed about one medication change a week.",
    action="Drafted a two-page handover template with the ward sister and piloted a ten-minute "
    "safety huddle at midnight on two wards.",
    result="The huddle caught three medication errors in its first month; the trust rolled it "
    "out to six wards",
    skills=["patient safety", "handover"],
)


def _ward_interview() -> Interview:
    return Interview(
        company="Kestrel Vale Hospitals",
        role="Clinical Nurse Educator",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[
            Interviewer(name="Ottilie Brandt", topics=["the preceptorship refresh"]),
            Interviewer(name="Joaquim Ferraz", topics=["simulation training budgets"]),
        ],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Tell me about a time you improved patient safety on nights.",
                    asked_by="Ottilie Brandt",
                    kind=MomentKind.couldnt_answer,
                    topic="patient safety culture",
                    stories=[_HUDDLE.title],
                ),
                Moment(
                    question="What do you know about our simulation suite?",
                    asked_by="Joaquim Ferraz",
                    kind=MomentKind.could_be_better,
                    topic="simulation suite usage",
                ),
            ]
        ),
        stories=[_HUDDLE],
        research=[
            Research(
                topic="simulation suite usage",
                text="I read the trust's education report: the simulation suite ran at about "
                "40% of its bookable hours last year, mostly for junior doctors.",
            )
        ],
    )


def test_the_close_never_pastes_the_debriefs_topic_label() -> None:
    interview = _ward_interview()
    labels = [m.topic for m in interview.debrief.moments if m.topic]
    for draft in drafts(interview):
        assert draft.ready, draft.text
        said = closing(draft)
        for label in labels:
            assert label.casefold() not in said.casefold(), said


def test_a_story_never_speaks_of_a_thing_its_deed_left_out() -> None:
    # "the huddle" is brought in by the second half of the action: a telling that keeps only
    # the template must not go on with "the huddle caught...".
    for text in [*story_accounts(_HUDDLE), *story_clauses(_HUDDLE)]:
        said = text.casefold()
        assert "the huddle" not in said or said.index("huddle") < said.index("the huddle"), text
    for draft in drafts(_ward_interview(), seeds=4):
        body = " ".join(draft.paragraphs).casefold()
        if "the huddle" in body:
            assert body.index("huddle") < body.index("the huddle"), draft.text


def _site_interview() -> Interview:
    return Interview(
        company="Harlow & Pike Builders",
        role="Site Manager",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Bronwen Tudor", topics=["the school extension job"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question="How would you take over a site mid-build from me?",
                    asked_by="Bronwen Tudor",
                    kind=MomentKind.could_be_better,
                    topic="taking over a live site",
                    better_answer="Take her programme and her permits as the baseline, not "
                    "mine: walk the site with each foreman, check the lift plans, and keep the "
                    "Friday progress meeting.",
                )
            ]
        ),
    )


def test_a_better_answer_jotted_as_orders_is_said_as_the_writers_plan() -> None:
    assert own_plan("Keep his notes as they are. Then tell the client. Discuss the plan.") == (
        "I would keep his notes as they are. Then I would tell the client. I would discuss the "
        "plan."
    )
    assert own_plan("Tickets are called by the head chef.") == (
        "Tickets are called by the head chef."
    )
    for draft in drafts(_site_interview(), seeds=4):
        body = " ".join(draft.paragraphs)
        assert draft.ready, draft.text
        assert not re.search(r"(?:^|[.!?]\s+)Take\b", body), body
        if "programme" in body:
            assert "I would take your programme" in body, body


def test_no_topic_is_named_twice_in_one_note() -> None:
    for interview in (_ward_interview(), _site_interview()):
        for draft in drafts(interview):
            body = " ".join(draft.paragraphs).casefold()
            topics = [t for i in interview.interviewers for t in i.topics]
            topics += [m.topic for m in interview.debrief.moments if m.topic]
            for topic in topics:
                said = body.count(topic.casefold()) + draft.subject.casefold().count(
                    topic.casefold()
                )
                assert said <= 1, (topic, draft.subject, draft.text)


def test_a_line_on_a_topic_that_holds_the_follow_ups_is_left_out() -> None:
    # "our conversation about rota planning for the new bakery", then "about rota planning".
    rota = Story(
        title="Bakery rota rebuild",
        situation="At the Eastgate bakery, early shifts went unfilled about twice a week.",
        action="Rebuilt the rota around the bakers' own preferred start times.",
        result="Unfilled early shifts fell to one a month within a quarter",
        skills=["rota planning"],
    )
    interview = Interview(
        company="Crumb & Kettle",
        role="Bakery Operations Lead",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[
            Interviewer(name="Ruairi Nolan", topics=["rota planning for the new bakery"])
        ],
        debrief=Debrief(
            moments=[
                Moment(
                    question="How do you plan staff rotas?",
                    kind=MomentKind.could_be_better,
                    topic="rota planning",
                    stories=[rota.title],
                )
            ]
        ),
        stories=[rota],
    )
    for draft in drafts(interview):
        text = f"{draft.subject} {' '.join(draft.paragraphs)}".casefold()
        assert text.count("rota planning") <= 1, draft.text


def test_a_close_can_name_the_decision_the_interviewers_gave() -> None:
    from datetime import UTC, date

    from afterword.composer.facts import decision_phrase

    interview = _ward_interview().model_copy(update={"decision_expected_by": date(2026, 11, 27)})
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert decision_phrase(interview, now) == "on Friday"
    assert decision_phrase(interview, None) == ""
    later = interview.model_copy(update={"decision_expected_by": date(2026, 12, 11)})
    assert decision_phrase(later, now) == "on 11 December"
    assert decision_phrase(interview, datetime(2026, 11, 28, tzinfo=UTC)) == ""
    closings = []
    for draft in drafts(interview, now=now):
        assert draft.ready, draft.text
        closings.append(closing(draft))
    assert any("before your decision on Friday" in c for c in closings), closings


def test_a_story_told_in_the_present_still_has_its_deed_and_setting() -> None:
    # A non-native writer: "I meet ..., give ..."; the result's "they" needs the setting that
    # brings in whom it means, which only a telling with the deed can carry.
    story = Story(
        title="Keeping the Porto hotel group",
        situation="Hotel group in Porto with 60 rooms was planning to cancel because only 20% "
        "of staff used the booking tool.",
        action="I meet with the general manager, give trainings in Portuguese for 25 staff and "
        "a check-in each week.",
        result="Tool usage went from 20% to 85% in three months and they renew for three years",
    )
    accounts = story_accounts(story)
    assert accounts, accounts
    assert "I met with the general manager" in accounts[0], accounts
    assert accounts[0].index("Hotel group") < accounts[0].index("they renewed"), accounts


def test_an_order_that_goes_by_a_preposition_is_said_as_the_writers_plan() -> None:
    """A better answer jotted as "Lead with the range." is the writer's plan, not an order to
    the reader; a noun that a preposition follows is left alone."""
    assert own_plan("Lead with the range.") == "I would lead with the range."
    assert own_plan("Start by calling them. Focus on the three biggest accounts.") == (
        "I would start by calling them. I would focus on the three biggest accounts."
    )
    for kept in ("Time with the kids matters.", "Data from the pilot was clear."):
        assert own_plan(kept) == kept


def test_an_order_whose_object_has_no_article_is_said_as_the_writers_plan() -> None:
    """ "Track row counts per day..., alert on a z-score, and reconcile..." and "Use AVG() over
    a window" are orders too; a noun with a verb of its own stays as written."""
    assert own_plan(
        "Track row counts per day against a rolling baseline, alert on a z-score, and "
        "reconcile totals with finance each week."
    ) == (
        "I would track row counts per day against a rolling baseline, alert on a z-score, and "
        "reconcile totals with finance each week."
    )
    assert own_plan("Use AVG() over a window of seven rows.") == (
        "I would use AVG() over a window of seven rows."
    )
    for kept in ("Track record matters.", "Use of force is rare.", "Review meetings were weekly."):
        assert own_plan(kept) == kept


_RELEASE = Story(
    title="Pushed back on the release date",
    situation="My director wanted to ship the billing rewrite before the holidays, with known "
    "defects in refunds.",
    action="Brought him the defect data and two customer tickets, and proposed a two-week slip.",
    result="We shipped two weeks later with zero refund incidents",
    skills=["release management"],
)


def test_a_story_never_says_him_or_her_before_it_brings_the_person_in() -> None:
    """Without its situation, "I brought him the defect data" leaves "him" standing for no one:
    such a clause is no form of the story (the whole telling, which has "my director", is)."""
    clauses = story_clauses(_RELEASE)
    assert clauses
    assert not any(re.search(r"\b(?:him|her|he|she|them)\b", c) for c in clauses), clauses
    assert any("director" in a and "him" in a for a in story_accounts(_RELEASE))


def test_a_story_for_a_question_on_what_the_writer_would_do_is_told_in_either_tone() -> None:
    """A hypothetical question answered with a story told in whole sentences (its clause alone
    would say "him" before it brings in "my director"): the formal tone, too, has a wording
    that answers the reader's question, so a variant tells the story rather than a general
    line."""
    interview = Interview(
        company="Lumen Books",
        role="Senior Data Analyst",
        ended_at="2026-11-24T15:30:00-05:00",
        interviewers=[Interviewer(name="Dr. Mei Chen")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="How would you handle a release that still has known defects?",
                    asked_by="Dr. Mei Chen",
                    kind=MomentKind.could_be_better,
                    topic="release management",
                )
            ]
        ),
        stories=[_RELEASE],
    )
    for tone in ("warm", "formal"):
        for seed in range(4):
            notes = compose(interview, seed=seed, tone=tone, variants=2)
            assert all(n.clean for n in notes)
            told = [n for n in notes if [e.kind for e in n.evidence] == ["story"]]
            assert told, (tone, seed, [n.text for n in notes])
            assert all("My director" in n.text and "brought him" in n.text for n in told)


def test_a_general_line_on_a_plural_topic_says_no_it() -> None:
    """ "about dbt models and about my first priorities in it": a topic may be plural, so a
    general line on it never points back at it with "it"."""
    interview = Interview(
        company="Lumen Books",
        role="Senior Data Analyst",
        ended_at="2026-11-24T15:30:00-05:00",
        interviewers=[Interviewer(name="José Álvarez", topics=["dbt models"])],
    )
    for draft in drafts(interview):
        body = " ".join(draft.paragraphs)
        assert "dbt models" in body, body
        assert not re.search(r"\b(?:in|of|on) it\b", body), body


def test_a_better_answer_jotted_in_lower_case_notes_is_told_in_whole_sentences() -> None:
    """Notes with sentences begun in lower case ("...ring the casuals list. tell control...")
    are told one sentence at a time, each order in the list as the writer's plan; clauses a
    comma splices take an "and"."""
    interview = Interview(
        company="Tamaki Metro Buses",
        role="Depot Supervisor",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Craig Donnelly")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Three drivers call in sick at 4am. What do you do?",
                    kind=MomentKind.couldnt_answer,
                    topic="rosters",
                    better_answer="check the spare board first, then ring the casuals list. "
                    "tell control which runs might drop. drive one myself last.",
                ),
                Moment(
                    question="Have you done depot work before?",
                    kind=MomentKind.could_be_better,
                    topic="depot work",
                    better_answer="Yes, in my last year I covered the yard at Onehunga with "
                    "my supervisor, we fuel and wash 40 buses a night.",
                ),
            ]
        ),
    )
    texts = [d.text for d in drafts(interview, seeds=12)]
    for text in texts:
        assert not re.search(r"[.!?] [a-z]", text), text
        assert "supervisor, we" not in text, text
    assert any("I would tell control which runs might drop." in t for t in texts)
    assert any("my supervisor, and we fuel" in t for t in texts)


def test_a_figure_given_as_an_answer_is_said_in_a_sentence() -> None:
    """A better answer that opens with a bare figure ("1.37 ohms from the table in BS 7671.")
    is no sentence: the note says it is the answer."""
    interview = Interview(
        company="Brightline Electrical",
        role="Approved Electrician",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Steve Marchetti")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="What's the max Zs for a 32 amp type B breaker?",
                    kind=MomentKind.couldnt_answer,
                    topic="testing and inspection",
                    better_answer="1.37 ohms from the table in BS 7671. On site I accept 80 "
                    "percent of it, around 1.1 ohms, as the conductors are cold.",
                )
            ]
        ),
    )
    texts = [d.text for d in drafts(interview, seeds=8)]
    for text in texts:
        assert not re.search(r"(?:^|[.:] )1\.37 ohms", text, re.MULTILINE), text
    assert any("The answer is 1.37 ohms from the table in BS 7671." in t for t in texts)


def test_steps_of_a_better_answer_listed_with_commas_end_on_an_and() -> None:
    """A plan jotted as steps split by commas ("..., ring the two suppliers we use most, move
    the fish special to tomorrow.") splices its clauses: the last step takes an "and"."""
    answer = (
        "I would check the stock sheet first, ring the two suppliers we use most, move the fish "
        "special to tomorrow."
    )
    assert answer_facts(answer)[0] == (
        "I would check the stock sheet first, ring the two suppliers we use most, and move the "
        "fish special to tomorrow."
    )
    orders = "Count the float (coins and notes), check the safe log, lock the office."
    assert answer_facts(orders)[0] == (
        "I would count the float (coins and notes), check the safe log, and lock the office."
    )
    # A list of orders the lists of verbs miss is known by its steps, and is the writer's plan.
    listed = "Confirm the booking, call the venue, tell the guests, send the invoice."
    assert answer_facts(listed)[0] == (
        "I would confirm the booking, call the venue, tell the guests, and send the invoice."
    )
    # Cut short to fit, the list is still the writer's plan, never an order to the reader.
    leave = (
        "Confirm eligibility under FMLA, explain Paid Leave Oregon and how it runs alongside "
        "FMLA, give the notices within five business days, track the dates in the HRIS, and "
        "plan coverage with the store manager."
    )
    shorter = answer_facts(leave)
    assert len(shorter) > 2, shorter
    assert all(fact.startswith("I would confirm eligibility") for fact in shorter), shorter
    assert shorter[2].endswith(", and give the notices within five business days."), shorter
    # A list that has its "and", a list of nouns and a step after "then" are left as written.
    for kept in (
        "I would check the rota, call the agency, and ring the casuals.",
        "Planning has three stages: placement, layering, integration.",
        "I would check the spare board first, then the split shifts, then ring the casuals.",
    ):
        assert answer_facts(kept)[0] == kept
    interview = Interview(
        company="Harbour Kitchen",
        role="Sous Chef",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Bram Visser")],
        debrief=Debrief(
            moments=[
                Moment(
                    question="The fish delivery has not come on a Saturday. What do you do?",
                    kind=MomentKind.couldnt_answer,
                    topic="supplier problems",
                    better_answer=answer,
                )
            ]
        ),
    )
    texts = [d.text for d in drafts(interview, seeds=6)]
    for text in texts:
        assert "use most, move" not in text, text
    assert any("we use most, and move the fish special to tomorrow." in t for t in texts)


def test_orders_joined_by_and_or_led_by_a_time_are_the_writers_plan() -> None:
    """ "Pick work I admire and say how I'd push it further" and "Next morning: speak with
    him..." read as orders to the reader in a note: they are said as the writer's plan."""
    assert own_plan("Pick work I admire and say how I'd push it further.") == (
        "I would pick work I admire and say how I'd push it further."
    )
    assert own_plan("Week one, split the shrink into known and unknown.") == (
        "Week one, I would split the shrink into known and unknown."
    )
    assert own_plan("Next morning: speak with him and his probation officer.") == (
        "Next morning, I would speak with him and his probation officer."
    )
    assert own_plan("That night: record it and check welfare.") == (
        "That night, I would record it and check welfare."
    )
    for kept in (
        "Track record and use of data matter.",
        "Call and text volumes rose.",
        "Week one, the team was new.",
        "Next day: nothing happened.",
    ):
        assert own_plan(kept) == kept


def test_an_order_given_with_a_threshold_is_the_writers_plan() -> None:
    """ "Close at 15 m/s sustained" is what the writer would do at a wind speed; in a note it
    read as an order to the reader. A noun that opens a sentence stays as written."""
    assert own_plan("Close at 15 m/s sustained, and point the telescope away from the wind.") == (
        "I would close at 15 m/s sustained, and point the telescope away from the wind."
    )
    assert own_plan("Open the dome at dusk.") == "I would open the dome at dusk."
    for kept in ("Close to 40% of users left.", "Point taken.", "Open questions remain."):
        assert own_plan(kept) == kept


def test_the_writers_own_move_is_no_topic_to_thank_for() -> None:
    """ "Hearing about relocating to Stockholm made me keener still" thanks the reader for
    the writer's own move."""
    interview = Interview(
        company="Gråsparv Studios",
        role="Systems Designer",
        ended_at="2026-12-01T15:00:00+01:00",
        interviewers=[Interviewer(name="Jonatan Ek", topics=["relocating to Stockholm"])],
        debrief=Debrief(moments=[]),
    )
    for draft in drafts(interview, seeds=4):
        assert "relocating to Stockholm" not in draft.text, draft.text


def test_steps_jotted_with_numbers_are_said_in_words_as_the_writers_plan() -> None:
    """ "1 stop the turbine, rotor lock in, yaw off. 2 call control room..." went out as
    written; a numbered list of orders is the writer's plan, in words."""
    said = answer_facts(
        "1 stop the turbine, rotor lock in. 2 call control room, they get the ctv going. "
        "3 then him, airway breathing, first aid.",
        90,
    )[0]
    assert said.startswith("First I would stop the turbine, rotor lock in. Then I would call"), said
    assert "1 " not in said and "2 " not in said, said
    assert answer_facts("We had 3 weeks. 2 people left.") == ["We had 3 weeks. 2 people left."]


def test_an_order_after_a_jotted_label_is_the_writers_plan() -> None:
    """ "Me: receive the permit, ..." and "First the contract: check the clauses" read as notes
    to oneself, or as orders to the reader."""
    assert own_plan("Me: receive the permit, check the isolation points.") == (
        "I would receive the permit, check the isolation points."
    )
    assert own_plan("First the contract: check the cancellation clauses.") == (
        "First the contract: I would check the cancellation clauses."
    )
    for kept in ("Result: sales grew 20%.", "Exact duplicates first: same vendor and amount."):
        assert own_plan(kept) == kept


def test_what_the_writer_has_done_is_never_an_order() -> None:
    """ "done the climbs, the hub work..." became "I would done the climbs"; under a question
    of motive, an answer that opens with a figure is no "The answer is..."."""
    said = answer_facts(
        "7 yrs onshore, last 4 as senior tech. done the climbs, the hub work at 2am.", figure=False
    )[0]
    assert said == (
        "7 years onshore, last 4 as senior tech. I have done the climbs, the hub work at 2am."
    ), said
    assert own_plan("Made sure it worked. Read the policy first.") == (
        "Made sure it worked. I would read the policy first."
    )
    assert answer_facts("Twelve hours.")[0].startswith("The answer is twelve hours")
    # A state jotted without its "I" is the writer's now, not "I would want".
    assert own_plan("Want the hard end of the job.") == "I want the hard end of the job."


def test_an_answer_keeps_its_point_in_its_later_sentences() -> None:
    """Answers cut after two sentences lost their point (round 17: "When the referent is not
    clear I do not guess." with what the interpreter does instead cut off)."""
    answer = (
        'Creole "li" is he, and she or it. When the referent is not clear I do not guess. I say '
        '"The interpreter requests clarification," ask the witness, and then render it. If I '
        "already guessed wrong, I correct it on the record."
    )
    said = answer_facts(answer)[0]
    assert "requests clarification" in said and said.endswith("on the record."), said
    # A condition before a comma is no clause of its own to join with "and".
    assert "wrong, I correct it" in said, said


def test_a_jotted_dont_is_what_the_writer_would_not_do() -> None:
    said = answer_facts(
        "1 stop the turbine. 2 call control room. 3 then him, first aid. dont go in the hub "
        "if its not locked."
    )[0]
    assert said == (
        "First I would stop the turbine. Then I would call control room. I would not go in "
        "the hub if it's not locked."
    ), said


def test_a_noun_put_first_is_no_order() -> None:
    """ "Letter first" became "I would letter first" (round 18)."""
    assert own_plan("Letter first. Call first.") == "Letter first. I would call first."
    assert answer_facts("no deductions w/o written consent.")[0] == (
        "No deductions without written consent."
    )
