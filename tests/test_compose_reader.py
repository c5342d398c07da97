"""In a note to someone, they are "you" and their organisation "your": what the user wrote
about the reader in the third person is said to them."""

from __future__ import annotations

from afterword.composer import compose
from afterword.composer.facts import to_reader
from afterword.model import Debrief, Interview, Interviewer, Moment, MomentKind, Research


def test_the_readers_name_in_the_possessive_is_your() -> None:
    text = "I watched the webinar Mireille's team ran on kitchen waste."
    assert to_reader(text, "Mireille Dufour", company_theirs=False, reader_pronouns=False) == (
        "I watched the webinar your team ran on kitchen waste."
    )


def test_their_with_nothing_to_point_back_to_is_the_readers_organisation() -> None:
    said = to_reader(
        "I read their last three inspection reports; the booking tool they use exports to CSV. "
        "I asked two drivers about their routes.",
        "Owen Price",
        company_theirs=True,
        reader_pronouns=False,
    )
    assert said == (
        "I read your last three inspection reports; the booking tool you use exports to CSV. "
        "I asked two drivers about their routes."
    )


def test_his_in_an_answer_to_the_readers_question_is_your() -> None:
    answer = "Follow his checklist on the line, not mine, and ask before changing a recipe."
    assert to_reader(answer, "Bram Visser", company_theirs=True, reader_pronouns=True) == (
        "Follow your checklist on the line, not mine, and ask before changing a recipe."
    )
    # With a "he" that would have to change too, the text is left as written.
    told = "He said his line was short, so I offered to help."
    assert to_reader(told, "Bram Visser", company_theirs=True, reader_pronouns=True) == told


def test_a_note_never_names_its_reader_in_the_third_person() -> None:
    interview = Interview(
        company="Marlowe Print Works",
        role="Production Planner",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Hattie Rowe", topics=["their new press schedule"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question="What do you know about our scheduling?",
                    kind=MomentKind.couldnt_answer,
                    topic="press scheduling",
                )
            ]
        ),
        research=[
            Research(
                topic="press scheduling",
                text="I read the case study Hattie's team published on press scheduling, and "
                "their changeover times fell by a third after they grouped jobs by paper stock.",
            )
        ],
    )
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            assert draft.ready, draft.text
            assert "Hattie's" not in draft.text, draft.text
            assert " their " not in draft.text, draft.text


def test_they_in_a_sentence_about_them_is_left_alone() -> None:
    """ "Name them only once they have appeared in court": people, not the reader's firm."""
    text = "Name them only once they have appeared in court, and say they are accused."
    assert to_reader(text, "Nomvula Dlamini", company_theirs=True, reader_pronouns=True) == text


def test_they_after_a_sentence_about_other_people_are_those_people() -> None:
    """Round 19's cold-chain answer told the interviewer "We keep the load closed until you
    decide": the customer's quality people decide, as the sentence before says."""
    text = (
        "I call the customer's quality person, because only they can decide about the "
        "product, and I send them the log. We keep the load closed until they decide."
    )
    assert to_reader(text, "Özlem Çelik", company_theirs=True, reader_pronouns=True) == text
    # ...and a sentence that opens with "They" after one that names things (round 19's
    # wedding note: "You are my favourite part of the job").
    weddings = "It isn't how I feel about these weddings. They are my favourite part of the job."
    assert to_reader(weddings, "Hitesh Mistry", company_theirs=True, reader_pronouns=True) == (
        weddings
    )
    # With no one else named, "they" is still the reader's organisation.
    said = to_reader(
        "I read about the CRM they use. Their team grew by 40 people.",
        "Ann Lee",
        company_theirs=True,
        reader_pronouns=False,
    )
    assert said == "I read about the CRM you use. Your team grew by 40 people."


def test_whom_the_writer_would_tell_is_the_reader() -> None:
    """ "I would tell bec, log it" in the note to Bec tells her she would be told."""
    said = to_reader("I would tell bec, log it.", "Bec", company_theirs=True, reader_pronouns=True)
    assert said == "I would tell you, log it."
    kept = "I would tell Bram, log it."
    assert to_reader(kept, "Bec", company_theirs=True, reader_pronouns=True) == kept


def test_their_after_a_plural_subject_is_left_alone() -> None:
    text = "Councils care because they are required to publish their spending."
    assert to_reader(text, "Owen Price", company_theirs=True, reader_pronouns=False) == text


def test_a_name_that_is_also_a_month_is_left_alone() -> None:
    text = "May's figures showed a dip, and June's recovered."
    assert to_reader(text, "June Okafor", company_theirs=False, reader_pronouns=False) == text


def _claims_interview(source: str | None = None, name: str = "Hannah's") -> Interview:
    return Interview(
        company="Larchmont Mutual",
        role="Data Scientist",
        ended_at="2026-12-01T14:05:00-05:00",
        interviewers=[
            Interviewer(name="Hannah Whitcombe", topics=["how adjusters would use a score"]),
            Interviewer(name="Stefan Ionescu", topics=["model monitoring"]),
        ],
        debrief=Debrief(
            moments=[
                Moment(
                    question="So what should the claims team do with this on Monday?",
                    asked_by="Hannah Whitcombe",
                    kind=MomentKind.couldnt_answer,
                    topic="business recommendation",
                    better_answer="Fast-track the claims the model puts in the bottom 40% of "
                    "predicted severity. On the holdout only 3% of them end up above the $5,000 "
                    "threshold.",
                )
            ]
        ),
        research=[
            Research(
                topic="business recommendation",
                text=f"{name} LinkedIn post from October says their target is to cut average "
                "cycle time on simple claims from 11 days to 5.",
                source=source,
            )
        ],
    )


def test_research_that_restates_the_readers_own_post_is_no_finding_to_them() -> None:
    for interview in (
        _claims_interview(),
        _claims_interview("https://example.org/hannah-whitcombe/claims-cycle-time", "A"),
    ):
        told = 0
        for seed in range(6):
            for draft in compose(interview, seed=seed, variants=2):
                assert draft.ready, draft.text
                if draft.to != "Hannah Whitcombe":
                    continue
                assert "LinkedIn post" not in draft.text, draft.text
                # The answer she asked for, written in the debrief, is what the note gives.
                told += "bottom 40%" in draft.text
        assert told


def test_research_on_a_person_of_the_panel_is_never_sent() -> None:
    """ "Looked Stefan up. Data engineer 2012-2018..." is the writer's homework: to Stefan it
    recites his own CV, to Hannah it talks about her colleague."""
    interview = _claims_interview("A")
    interview.research.append(
        Research(
            topic="model monitoring",
            text="Looked Stefan up. Data engineer 2012-2018, then head of the model risk "
            "team since 2022. So I told the model monitoring lead monitoring is easy.",
        )
    )
    for seed in range(6):
        for draft in compose(interview, seed=seed, variants=2):
            assert "Stefan up" not in draft.text and "2012-2018" not in draft.text, draft.text


def test_a_formal_note_reads_like_a_professional_not_a_legal_letter() -> None:
    """Formal is "Dear Bethan," to a reader with no title on record (not "Dear Bethan
    Morgan,", a mail merge, nor a guessed "Ms"), and no stacked formulas: "In connection
    with...", "Regarding your question...", "Respectfully,", "With appreciation,"."""
    interview = Interview(
        company="Westmarch Borough Council",
        role="Senior Social Worker",
        stage="formal panel interview",
        ended_at="2026-11-24T15:30:00+00:00",
        interviewers=[Interviewer(name="Bethan Morgan", topics=["newly qualified staff"])],
        debrief=Debrief(
            moments=[
                Moment(
                    question="Tell me about supporting newly qualified social workers.",
                    kind=MomentKind.forgot_to_mention,
                    topic="supervision",
                    better_answer="I ran weekly reflective supervision for two new colleagues.",
                )
            ]
        ),
    )
    for tone in ("warm", "formal"):
        for seed in range(12):
            for draft in compose(interview, seed=seed, variants=2, tone=tone):
                assert draft.text.startswith("Dear Bethan,\n"), draft.text
                assert "Bethan Morgan" not in f"{draft.subject} {draft.text}", draft.text
                for stiff in (
                    "In connection with",
                    "egarding",
                    "Further to",
                    "At your convenience",
                    "Respectfully",
                    "appreciation",
                ):
                    assert stiff not in draft.text, draft.text


def test_a_titled_name_s_possessive_becomes_your_with_its_title() -> None:
    """ "Dr Weber's poster" in a note to Dr Weber is "your poster", not "Dr your poster"."""
    text = "I found Dr Weber's poster from the ESACT meeting in 2025."
    said = to_reader(text, "Dr Annika Weber", company_theirs=False, reader_pronouns=False)
    assert said == "I found your poster from the ESACT meeting in 2025."
