"""Classes of phrasing the rules learned from an independent set of notes, and their near-misses.

Each case is worded afresh (not copied from bench/data/checker-notes.jsonl) so that these tests
pin the class of phrasing, not one note.
"""

from __future__ import annotations

import pytest

from afterword.checker import check

NOTE = "Dear Dana,\n\n{}\n\nBest,\nAlex"


def fires(rule: str, sentence: str) -> bool:
    report = check(NOTE.format(sentence))
    return any(f.rule == rule and f.severity != "info" for f in report.findings)


# -- apology -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Apologies for the echo on my line during the call.",
        "Thank you, and apologies again for the late start.",
        "I think I owe you an apology for talking over you.",
        "Let me offer you my apologies for the confusion.",
        "Pardon my rushed answer on the budget question.",
        "Sorry again about the broken video link.",
    ],
)
def test_apology_forms(sentence: str) -> None:
    assert fires("apology", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No apologies needed for the reschedule; it suited me well.",
        "You owe me no apology for the delay.",
        "I was sorry to learn that the project was paused.",
    ],
)
def test_apology_near_misses(sentence: str) -> None:
    assert not fires("apology", sentence)


# -- overt failure -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I know I had blown it by the time we reached the case study.",
        "I made a complete hash of the budgeting exercise.",
        "Honestly I was off my game all afternoon.",
        "I wasn't on form during the presentation.",
        "The interview didn't go the way I had hoped.",
        "It did not go according to plan.",
        "I didn't describe my part in the warehouse project very well.",
        "I came across as flustered in the second half.",
        "My answers were all over the place.",
        "I let my nerves take over on the coding task.",
        "I gave the panel a vague answer about forecasting.",
        "I could have done much better on the written test.",
        "I went to pieces on the final question.",
        "I let myself down on the technical round.",
        "That wasn't exactly my finest hour.",
        "I won't pretend it was my best interview.",
        "I wasn't as prepared as I should have been.",
        "I realise the interview did not reflect my real abilities.",
    ],
)
def test_overt_failure_forms(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was on form after a good night's sleep.",
        "It went according to plan, and I enjoyed the tour.",
        "The interview went the way I had hoped.",
        "I stumbled across your podcast after we spoke.",
        "I was a little nervous at first but enjoyed our talk.",
        "Our first launch failed, and I told you what I learned from it.",
        "I'm not sure the schedule I mentioned is right; it may be Thursday.",
        "I pretend it was easy, but it took weeks.",
        "I will not let you down.",
    ],
)
def test_overt_failure_near_misses(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


# -- pressure ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I need to know by this Thursday whether I am still in the running.",
        "I must hear back before Monday.",
        "Trust me, you won't regret hiring me.",
        "I'm counting on this offer.",
        "My kids are depending on me to land something soon.",
        "This role means everything to me.",
        "I'll swing by your office tomorrow to see where things stand.",
        "I'm going to phone you Friday for your decision.",
        "I cannot afford to miss out on this.",
        "I need a decision sooner than that.",
        "You said two weeks, but could you let me know by Friday?",
    ],
)
def test_pressure_forms(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "As you mentioned, the panel will decide by Friday.",
        "You said you would let candidates know by the end of the month.",
        "I could start as soon as possible if that helped the team.",
        "There is no rush on my side.",
        "I'll be glad to answer any questions before then.",
        "I hope I get the chance to join the team.",
    ],
)
def test_pressure_near_misses(sentence: str) -> None:
    assert not fires("pressure", sentence)


# -- call to action ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you again, and I would be glad to talk further at any time.",
        "Thanks. I'd really value a follow-up conversation.",
        "Thank you. I would appreciate an update when you have one.",
        "Thank you. Have you reached a decision yet?",
        "Thanks for today. Any news on the timeline?",
        "Thanks again. Happy to go deeper on the data model whenever suits.",
        "Thanks again. Let's stay in touch.",
        "Thank you. I'm only an email away if anything comes up.",
        "Thank you. I look forward to the chance to speak with you again.",
        "Thank you. I'd be grateful for the opportunity to discuss it further.",
        "Thank you. If you'd like to chat again, I'm free on Tuesday.",
        "Thanks! lmk if you need anything.",
        "Thanks! Give me a shout if anything comes up.",
        "Thank you. I can't wait to hear what you decide.",
    ],
)
def test_call_to_action_forms(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I look forward to working with you.",
        "Thank you. I look forward to the possibility of joining the team.",
        "Thank you. Who wouldn't want to work somewhere like that?",
        'Thank you. Your question "what would you change?" has stayed with me.',
    ],
)
def test_call_to_action_near_misses(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


# -- new information ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I have since received another offer.",
        "The revised plan is attached.",
        "We moved the close from eight days to three.",
        "Our team processed 900 claims a week.",
        "The launch was in March 2024, not 2023 as I said.",
        "What I meant was that the budget was shared across two teams.",
        "You asked about churn: we kept 94% of customers that year.",
    ],
)
def test_new_information_forms(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "When you asked about my last role, I lost my train of thought.",
        "I enjoyed it when you asked what drives me.",
        "It was the people, not the product, that impressed me.",
    ],
)
def test_new_information_near_misses(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


# -- gratitude ---------------------------------------------------------------------------------
def test_gratitude_only_in_a_closing_does_not_count() -> None:
    for closing in ("Thank you,", "Gratefully,", "With appreciation,", "Thanking you in advance,"):
        text = f"Hi Sam,\n\nGreat to meet you today.\n\n{closing}\nAlex"
        assert check(text).by_rule("missing-gratitude"), closing


# -- body detection ----------------------------------------------------------------------------
@pytest.mark.parametrize("closing", ["Ta,", "Regretfully,", "Warm wishes,", "With thanks,"])
def test_any_short_closing_over_a_name_is_the_sign_off(closing: str) -> None:
    text = f"Hi Sam,\n\nThanks for today.\n\nLet me know if you need anything.\n\n{closing}\nAlex"
    assert check(text).stats.paragraphs == 2


def test_a_short_comma_line_without_a_signature_stays_in_the_body() -> None:
    text = "Hi Sam,\n\nThanks for today.\n\nLet me know if you need anything.\n\nAll in all,"
    assert check(text).stats.paragraphs == 3


def test_greeting_closed_by_a_dash() -> None:
    report = check("Sam -\n\nThanks for today. Let me know if you need anything.\n\n- Alex")
    assert report.stats.paragraphs == 1
    assert report.stats.words == 10


def test_a_long_paragraph_is_advice_not_a_warning() -> None:
    sentence = "Thank you for the interview and the tour of the new plant today. "
    report = check(NOTE.format(sentence * 12))
    long = report.by_rule("too-long")
    assert long and all(f.severity == "info" for f in long)
    many = check(NOTE.format("Thanks.\n\nOne.\n\nTwo."))
    assert [f.severity for f in many.by_rule("too-long")] == ["warning"]


# -- classes found by the blind set (bench/data/checker-blind.jsonl), worded afresh -----------
@pytest.mark.parametrize(
    "sentence",
    [
        "Appreciate you making room for me in a busy week. Let me know if you need more.",
        "Really appreciate the tour of the plant. Let me know if anything else would help.",
        "Good to meet you. Appreciate it! Let me know if you have questions.",
    ],
)
def test_gratitude_without_a_subject(sentence: str) -> None:
    assert not fires("missing-gratitude", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a request, not thanks
        "I would be grateful for any pointers on my case study. Let me know.",
        "I'd appreciate an update when you have one. Let me know.",
        "I would appreciate your feedback on my portfolio. Let me know.",
        # a refusal
        "I'm not going to thank you for a four-hour wait. Let me know.",
        "We won't be thanking the panel any time soon. Let me know.",
        # subjectless "appreciate" only opens a sentence
        "You must appreciate the view from that office. Let me know.",
    ],
)
def test_gratitude_near_misses_requests_and_refusals(sentence: str) -> None:
    assert fires("missing-gratitude", sentence)


def test_cannot_thank_enough_is_thanks() -> None:
    assert not fires("missing-gratitude", "I can't thank you enough for the time. Let me know.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks for today. Happy to hop on a quick call if that helps.",
        "Thanks for today. Should anything come up, just say the word.",
        "Thanks for today. I'd really welcome a second conversation with the data team.",
        "Thanks for today. I need a decision from you before I sign elsewhere.",
        "Thanks for today. If you have ten minutes on Friday I'd love to pick it up.",
        "thanks for today\n\npls call me when you can",
        "Thanks for today. I'm eager to hear about the outcome.",
    ],
)
def test_call_to_action_idioms_and_requests(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I was excited to hear about the new warehouse in Leeds.",
        "Thank you. Needless to say, I won't ask for another chance to pitch.",
        "Thank you. I'd welcome the chance to work alongside your team.",
    ],
)
def test_call_to_action_near_misses_past_excitement(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you don't hire me, my cat will never forgive you.",
        "Please. Please. I have nothing else lined up.",
    ],
)
def test_pressure_threats_and_repeated_please(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you hire me, I can start in March.",
        "If I am offered the role, I could start on the first of the month.",
    ],
)
def test_pressure_near_miss_availability_if_hired(sentence: str) -> None:
    assert not fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I wasn't as concise as I'd have liked when we covered the roadmap.",
        "I was curt with the second interviewer, and that was not fair to her.",
        "Looking back, I got defensive about the gap in my CV.",
    ],
)
def test_overt_failure_owned_conduct(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I hope I wasn't curt when we ran over time.",
        "The client was dismissive of the first draft, so we rebuilt it.",
        "I was as prepared as I could be, and I enjoyed it.",
    ],
)
def test_overt_failure_near_misses_hedged_or_others(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I am attaching the data dictionary I described.",
        "My notes are in the attached PDF.",
        "I finished the exercise and attached it here.",
        "Let me know if you need referees; two have said yes.",
        "My old team lead has agreed to speak with you.",
        "If you'd like to see some of my lesson plans, just ask.",
        "I hold a current commercial driving licence.",
        "My professional registration is no. 5561203.",
        "Consider this my withdrawal from the process.",
        "I should mention I am holding a competing offer.",
        "What I meant to say is that the model ran nightly.",
        "To give you a straight answer: I would relocate.",
        "Last spring I led three hospital projects in Leeds.",
    ],
)
def test_new_information_attachments_references_offers_credentials(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The office you showed me was beautiful and I'd love to see the rest.",
        "You spoke about two new projects next year, which sounded exciting.",
        "Your references to the old brand made me smile.",
        "I believe my skills would let me hit the ground running.",
    ],
)
def test_new_information_near_misses_reader_facts_and_fit(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


def test_greetings_of_the_day_belongs_to_the_greeting() -> None:
    report = check(
        "Dear Sir,\n\nGreetings of the day!\n\nThank you for the interview.\n\nRegards,\nA"
    )
    assert report.stats.paragraphs == 1


def test_stacked_closings_are_the_sign_off() -> None:
    text = "Dear Sir,\n\nThank you for the interview.\n\nThanking you,\nYours faithfully,\nA. Rao"
    report = check(text)
    assert (report.stats.paragraphs, report.stats.words) == (1, 5)


def test_a_lowercase_last_line_is_no_signature() -> None:
    report = check("hi,\n\nthanks for the interview today!\n\ncall me back whenever")
    assert report.stats.paragraphs == 2


# -- third blind round (bench/data/checker-blind2.jsonl) ----------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I realise my response on the pricing exercise missed the mark.",
        "That example I gave about onboarding fell flat, I think.",
        "I've been kicking myself for forgetting the name of the framework.",
        "I could kick myself for how I handled the budget part.",
        "I didn't like how I answered the question about conflict.",
        "I'm not happy with my answer on the forecasting case.",
        "I was nervous and spoke far too much in the first half.",
        "I'm sorry for cutting you off during the panel.",
        "Even though I stumbled on the second case question, I enjoyed it.",
        "I know the interview did not go the way we had hoped.",
    ],
)
def test_overt_failure_owned_answers_and_self_reproach(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I stumbled on your team's engineering blog last night and loved it.",
        "I hope my note doesn't miss the mark on tone.",
        "I'm not beating myself up about the commute, it's only forty minutes.",
        "I didn't like how long the drive was, but the office is lovely.",
        "You mentioned the team talked too much about tooling last year.",
        "The interview went the way I hoped it would.",
    ],
)
def test_overt_failure_near_misses_found_things_and_other_subjects(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. Hire me or regret it forever.",
        "Thank you. If you want me, you'll have to act quickly.",
        "Thank you. It would mean the world to me to join your studio.",
        "Thank you. I don't know what I'll do if this falls through.",
        "Thank you. I plan to wrap up my job search by Thursday.",
        "Thank you. An answer by Monday would really help me.",
        "Thank you. Since I need to sign the lease before the 15th, please decide soon.",
    ],
)
def test_pressure_ultimatums_neediness_and_own_deadlines(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. As you mentioned, a decision by the 15th would help the team plan.",
        "Thank you. If you want me to send the deck, just say so.",
        "Thank you. The new wing will mean a lot to the patients you serve.",
        "Thank you. I'd love to hear what comes next in your search.",
    ],
)
def test_pressure_near_misses_their_timeline_and_plain_wishes(sentence: str) -> None:
    assert not fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the chat. Would love to hear your thoughts on the draft.",
        "Thank you. I'd appreciate hearing where I could improve.",
        "Thank you. I would be glad to do a short take-home exercise.",
        "Thank you. I'd welcome the chance to address any concerns.",
        "Thank you. I'd be grateful for a second chance to show my work.",
        "Thank you. Any feedback you could share would be hugely appreciated.",
        "Thank you. Your answer this week would really help me plan.",
        "Thank you. Should a call with the director be convenient, I am in town all week.",
        "Thank you. Plz reply when you can!",
    ],
)
def test_call_to_action_requests_as_favours_and_offers(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I look forward to working with you and the team.",
        "Thank you. I would welcome the opportunity to bring my skills to your team.",
        "Thank you. The answer you gave about culture would help any new hire.",
        "Thank you. I'll be in touch.",
    ],
)
def test_call_to_action_near_misses_hopes_and_own_plans(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. Relocation would not be an issue for my family.",
        "Thank you. We are relocating to Leeds in the spring anyway.",
        "Thank you. I am available to start as early as the first of May.",
        "Thank you. I need to give my employer four weeks' notice.",
        "Thank you. Here are two references from my last role.",
        "Thank you. I can send reference letters from both supervisors.",
        "Thank you. I have 8 years of clinical experience on surgical wards.",
        "Thank you. At the clinic I ran a team of twelve.",
        "Thank you. I may have given you the wrong impression about my hours.",
        "Thank you. For the record, the launch was in March, not June.",
    ],
)
def test_new_information_logistics_documents_and_corrections(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I wanted to follow up on my interview for the analyst role.",
        "Thank you. I am ready to start on day one.",
        "Thank you. I have plenty of experience in retail.",
        "Thank you. I was in fact very nervous.",
    ],
)
def test_new_information_near_misses_check_ins_and_eagerness(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


def test_a_memo_header_is_no_quoted_mail() -> None:
    text = (
        "To: Ms. Rao, Hiring Lead\nFrom: Sam Lee\nDate: 3 May\nSubject: Thanks\n\n"
        "Dear Ms. Rao,\n\nThank you for the interview today.\n\nRegards,\nSam Lee"
    )
    report = check(text)
    assert (report.stats.paragraphs, report.stats.words) == (1, 6)


def test_a_subject_line_label_is_header() -> None:
    text = (
        "Email #2: the quick one\n\nSubject line: Thanks, {Name}!\n\nHi {Name},\n\n"
        "Thank you for today.\n\nBest,\n{Me}"
    )
    assert check(text).stats.paragraphs == 1


# -- round four: messy, non-native and forwarded notes -------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I feel awful about logging in ten minutes late.",
        "Thanks again. I hope you can forgive the barking in the background.",
        "Thank you. Kindly overlook the spelling mistakes in my slides.",
        "Thank you, and I hope you'll overlook how long my answers ran.",
    ],
)
def test_apology_disguised_as_remorse_or_pardon(sentence: str) -> None:
    assert fires("apology", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I feel terrible for the candidates who drove in through the snow.",
        "Thank you. I hope you can forget about work over the holiday.",
        "Thank you. It is easy to overlook how much the front desk does.",
    ],
)
def test_apology_near_misses_sympathy_and_plain_overlook(sentence: str) -> None:
    assert not fires("apology", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I don't think I showed the panel my best work today.",
        "Thanks for the session. I was a bit rusty on recursion.",
        "Thank you. I felt out of practice with whiteboard questions.",
        "Thank you. I kept interrupting you, which is not how I work.",
    ],
)
def test_overt_failure_rusty_and_talking_over(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I would be grateful for feedback on where I fell short.",
        "Thank you. My Spanish is a bit rusty, and I am taking evening classes.",
        "Thank you. I showed the demo to my old team and they loved it.",
    ],
)
def test_overt_failure_near_misses_feedback_and_skills(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. Another company's offer expires on Thursday, so please let me know.",
        "Thank you. I'd appreciate a decision soon; please let me know.",
        "Thank you. I await your offer by the end of the week.",
        "Thank you. I need to know within the next two weeks, so please let me know.",
        "thanks. i cant afford to wait much longer, pls call me asap",
        "Thank you. I really really need this one. Please let me know.",
    ],
)
def test_pressure_offers_expiring_and_decisions_asked_soon(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I turned down another offer last month to stay in this process.",
        "Thank you. I look forward to hearing from you soon.",
        "Thank you. No rush at all; please let me know whenever you have an update.",
    ],
)
def test_pressure_near_misses_offers_without_a_clock(sentence: str) -> None:
    assert not fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the interview. Kindly revert with the next steps.",
        "Thank you for the interview. Please do the needful regarding my candidature.",
        "Thank you for the interview. Request you to update me on the result.",
        "Thank you for the interview. For questions I stand at your disposal.",
        "Thank you for the interview. Looking forward your reply.",
        "Thank you for the interview. I am looking forward to hear from you.",
        "Thank you for the interview. I look forward to the committee's decision.",
        "Thank you for the interview. I can provide my transcripts if needed.",
        "thx for the interview! hit me up if u need anything",
        "Thank you for the interview. Happy to sketch the design on a call.",
        "Thank you for the interview. If there's any chance of a second conversation, I'd love it.",
    ],
)
def test_call_to_action_office_english_and_texting(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the interview. I was happy to see the new lab.",
        "Thank you for the interview. I'd welcome the chance to join the team.",
        "Thank you for the interview. I look forward to working with you.",
    ],
)
def test_call_to_action_near_misses_happy_and_welcome(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I have four years at a regional bank as a teller.",
        "Thank you. I have volunteered at the shelter every weekend for three years.",
        "Thank you. Please be advised that my nursing registration was renewed on Monday.",
        "Thank you. My work permit expires in March, so I wanted you to know.",
        "Thank you. PFA my experience letter.",
        "Thank you. About the caching question, the better way is a write-through cache.",
        "Thank you. I went back and solved the puzzle with two pointers.",
        "Thank you. A few things I didn't get to mention: I speak Tagalog and Spanish.",
        "Thank you. The case study is on my website.",
    ],
)
def test_new_information_years_credentials_and_finished_answers(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I stumbled on the pricing question, but I enjoyed the talk.",
        "Thank you. My release process, which I have run for years, came up a lot.",
        "Thank you. I'll reply as soon as I finished it.",
    ],
)
def test_new_information_near_misses_recalled_years_and_finished_it(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    ["tysm for the interview!", "I write to sincerely appreciate you for the interview."],
)
def test_gratitude_texting_and_west_african_forms(sentence: str) -> None:
    assert not fires("missing-gratitude", sentence)


def test_a_forwarded_note_keeps_its_body() -> None:
    text = (
        "---------- Forwarded message ---------\nFrom: Sam Lee <sam@example.com>\n"
        "Date: Mon, 3 Mar 2025\nSubject: Thanks\nTo: <rao@example.com>\n\n\n"
        "Hi Ms. Rao,\n\nThank you for the interview today.\n\nBest,\nSam"
    )
    assert (check(text).stats.paragraphs, check(text).stats.words) == (1, 6)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "Dear Sir,\n\nThank you for the interview.\n\nThanks & Regards,\nRavi\n+91 98000 00021",
            (1, 5),
        ),
        ("Good day Sir,\n\nThank you for the interview.\n\nRemain blessed.\nAda Obi", (1, 5)),
        ("mr dobbs,\r\nthanks for having me at the shop today.\r\n- ray", (1, 8)),
        ("hiii!!\n\ntysm for the interview today\n\nxo, kayla", (1, 5)),
    ],
)
def test_sign_offs_of_other_voices(text: str, counts: tuple[int, int]) -> None:
    report = check(text)
    assert (report.stats.paragraphs, report.stats.words) == counts


# -- classes from the fourth blind set ----------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I'm sorry about how our interview went on Friday.",
        "I apologize for how the call went this afternoon.",
        "I was anxious and didn't give you a clear sense of my background.",
        "I don't think I did a good job explaining why I left retail.",
        "I don't feel like I did a great job on the case study.",
        "My answer on pricing was not a fair reflection of my experience.",
        "That answer came out far harsher than I intended.",
        "My point about the budget came out all wrong.",
    ],
)
def test_overt_failure_regretted_interview_and_poor_likeness(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was pleased with how our interview went on Friday.",
        "I hope I gave you a clear picture of my experience.",
        "I think I did a good job of preparing for the case study.",
        "The portfolio is a good reflection of my work.",
        "The launch came out better than we intended.",
    ],
)
def test_overt_failure_near_misses_good_likeness(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I hold two other offers and I'll be accepting one of them on Friday.",
        "I plan to accept the other offer by the end of the week.",
        "I'll be checking my inbox every ten minutes until you reply.",
        "I will take another position unless I hear from you by Monday.",
    ],
)
def test_pressure_own_clock_and_inbox_watching(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I accepted the invitation to the second round on Friday.",
        "I'll be checking my calendar for a time that suits you.",
        "I'll take the train in on Monday for the panel.",
    ],
)
def test_pressure_near_misses_own_plans(sentence: str) -> None:
    assert not fires("pressure", sentence)


def test_call_to_action_a_demanded_answer_still_asks_for_a_reply() -> None:
    assert not fires("missing-call-to-action", "Thank you. I'll need your answer by Monday.")
    assert fires("missing-call-to-action", "Thank you. I need a break before Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "A better example would have been the Ostrander migration, which I ran alone.",
        "Here's how I would approach the caching question with more time.",
        "The short version is that the team was dissolved in the merger.",
        "Please excuse the error in my previous email about the start date.",
        "I referred to the wrong team; I of course meant the platform group.",
        "I've linked it here for reference.",
        "I'm happy to share the intake form I designed for my clinic.",
        "I spent three years running the night shift at a distribution center.",
        "I'm finishing my nursing degree in December.",
        "I'm available for a second interview any time on Thursday.",
    ],
)
def test_new_information_redone_answers_corrections_news(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I wanted to follow up on our conversation from last week about the role.",
        "I'm happy to share my thoughts whenever suits you.",
        "I spent the afternoon thinking about our conversation.",
        "I'm available whenever suits you.",
    ],
)
def test_new_information_near_misses_check_ins(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


def test_a_closing_with_an_aside_over_a_name_is_the_sign_off() -> None:
    report = check("Hi Sam,\n\nThanks for the call. Let me know.\n\nTalk soon (hopefully),\nJo")
    assert report.stats.paragraphs == 1


# -- classes from the fifth blind set ----------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I really valued the conversation about the night rota. Let me know.",
        "We truly treasured the chance to meet your nurses. Let me know.",
        "I value your frankness about the workload. Let me know.",
        "I appreciate that you took the time to show me the lab. Let me know.",
        "I appreciate you are considering me for the post. Let me know.",
    ],
)
def test_gratitude_valued_time_and_appreciated_acts(sentence: str) -> None:
    assert not fires("missing-gratitude", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # "appreciate that ..." of a fact means "I understand"
        "I appreciate that you're busy. Let me know.",
        "I appreciate that you have many applicants to weigh. Let me know.",
        "I appreciate you must be swamped this month. Let me know.",
        "I appreciate it's a hectic time for the department. Let me know.",
        "I appreciate the fact that you are short-staffed. Let me know.",
        "I appreciate that hiring decisions take a while. Let me know.",
        # valuing something else, or a request
        "I valued my years on the ward above all. Let me know.",
        "At my last firm we valued the customer above all. Let me know.",
        "I would value a chance to speak again. Let me know.",
    ],
)
def test_gratitude_near_misses_understanding_and_other_values(sentence: str) -> None:
    assert fires("missing-gratitude", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the interview. Do shout if there's anything more you need.",
        "Thanks for having me. Just shout if the figures would help.",
        "Thanks for having me. Shout if a copy of the figures would help.",
        "Thanks for the tour. Give us a bell if anything comes up.",
        "Thank you for the interview. If anything further would be helpful, I have the slides.",
        "Thank you for your reply. I'd be glad to hear of any similar openings.",
        "Thank you for your reply. I would love to be considered for future roles.",
        "Thank you for your reply. I'd be delighted to be considered should a post open.",
        "Thank you. I'd be grateful if you could pass my CV to the team lead.",
        "Thank you. Would really appreciate it if you could look over my sketch.",
        "Thank you. If there's any chance of another go at the test, I'd take it.",
        "Thank you. I look forward to seeing you and the panel on Thursday.",
        "Thank you. I look forward to meeting everyone at the final round.",
    ],
)
def test_call_to_action_british_idioms_favours_and_arranged_steps(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the interview. I look forward to working with you.",
        "Thank you for the interview. I was sorry to hear about the move.",
        "Thank you for the interview. I was glad to hear about the new office.",
        "Thank you for the interview. I heard of the role from a former colleague.",
        "Thank you for the interview. I look forward to seeing the new wing open.",
        "Thank you for the interview. The crowd began to shout when the team scored.",
        "Thank you for the interview. The chefs shout if an order is late.",
        "Thank you for the interview. I'm thrilled to be considered for the role.",
        "Thank you for the interview. I'm glad to hear about the new funding.",
    ],
)
def test_call_to_action_near_misses_news_heard_and_hopes(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I don't feel I came across well in the panel.",
        "I didn't come across as I'd hoped.",
        "I don't think I did myself justice on the budget task.",
        "I don't think I did well on the role play.",
        "I don't believe I explained the rota clearly.",
        "I wasn't at my sharpest on Tuesday.",
        "I was not at my most articulate after the long drive.",
        "I did not present my portfolio as I had intended.",
    ],
)
def test_overt_failure_came_across_and_not_at_my_sharpest(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I feel I came across well in the panel.",
        "I think I did myself justice on the budget task.",
        "I didn't come across any problems with the demo.",
        "I don't think I mentioned that I did well in the exam.",
        "I was at my sharpest in the afternoon session.",
    ],
)
def test_overt_failure_near_misses_came_across_well(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


def test_overt_failure_one_finding_for_one_sentence_of_admissions() -> None:
    report = check(NOTE.format("Thanks. I fumbled the SQL task and I froze on the last question."))
    assert len(report.by_rule("overt-failure")) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I expect the signed contract on my desk by Friday.",
        "Thank you. I need the offer letter before next Monday.",
        "Thank you. I'd appreciate an answer within 24 hours.",
        "Thank you. I would appreciate a decision within a week, as other firms are moving.",
        "Thank you. I need a response within two working days.",
        "Thank you. I expect to hear from you by Thursday.",
    ],
)
def test_pressure_paperwork_and_spans_counted_in_hours(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. You said you'd decide by Friday; I look forward to hearing from you.",
        "Thank you. As you mentioned, I expect to hear back within two weeks.",
        "Thank you. I have other processes moving, but this role is my first choice.",
        "Thank you. I expect the migration to finish within a week.",
        "Thank you. I understand a decision will be made within two weeks.",
        "Thank you. I can start within two weeks of an offer.",
    ],
)
def test_pressure_near_misses_their_timeline_and_other_processes(sentence: str) -> None:
    assert not fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I've also just received my enhanced disclosure certificate.",
        "Thank you. I've got my forklift licence sorted now.",
        "Thank you. I can send over my lesson portfolio and my tutor's feedback notes.",
        "Thank you. For five years I have coached the under-12s at the local club.",
        "Thank you. I have volunteered at the food bank for the last two years.",
        "Thank you. My manager, Raj Patel, is happy to act as a reference.",
        "Thanks for the intro, Sam. They want me to sit a written test on Monday.",
        "Thanks for the intro, Sam. They'd like me to meet the director next week.",
        "Thanks for the intro, Sam. She mentioned the team is moving to a new site in June.",
    ],
)
def test_new_information_credentials_materials_references_and_passed_on_news(
    sentence: str,
) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I got my answer to you as fast as I could.",
        "Thank you. I'm happy to share my thoughts whenever suits you.",
        "Thank you. You asked me to think about the reference point for the budget.",
        "Thank you. They were all very welcoming.",
        "Thank you. Dana said it was lovely to meet me.",
        "Thank you. They want me to succeed, I could tell.",
    ],
)
def test_new_information_near_misses_no_fact_passed_on(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


# -- classes from the sixth blind set -----------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I can come by any morning next week, just tell me when.",
        "Thank you. Name the day and I'll bring the samples.",
        "Thank you. Tell me which day suits and I'll be there.",
        "Thank you. I would need to hear back from you before Friday.",
        "Thank you. I'd need to know your decision by the 12th.",
        "Thank you. If there is any chance to retake the test, I would welcome it.",
        "Thank you. If there's a possibility of another attempt, I'd jump at it.",
        "Thank you. If useful, I'd be happy to jump on a quick call to walk through it.",
        "Thank you. I'd be glad to join a short call with your team to go through the plan.",
        "Thank you. I'd be happy to set up a meeting with your finance lead.",
        "Thank you. I was wondering whether you could share the job description.",
        "Thank you. I wondered if you might know who runs the graduate scheme.",
        "Thank you. Would you be able to point me towards the right person.",
    ],
)
def test_call_to_action_imperatives_offers_of_a_call_and_polite_requests(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the interview. I look forward to working with you.",
        "Thank you for the interview. I hope you have a lovely weekend.",
        "Thank you for the interview. I'd be glad to join the team.",
        "Thank you for the interview. I was happy to join the call early.",
        "Thank you. The recruiter never told me when the panel meets.",
        "Thank you. She didn't tell me when the panel meets.",
        "Thank you. I wondered whether the role would suit me, and now I know it does.",
        "Thank you. I had the chance to redo the model last year.",
    ],
)
def test_call_to_action_near_misses_narrated_requests_and_hopes(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. My answer on the pension question was muddled.",
        "Thank you. I realise my explanation of the forecast was a bit of a mess.",
        "Thank you. My responses in the second half were rambling.",
        "Thank you. My presentation went over time.",
        "Thank you. I ran over time on the case study.",
        "Thank you. I lost my thread halfway through the pitch.",
        "Thank you. My pitch lost its thread in the middle.",
        "Thank you. I got muddled on the contracts question.",
    ],
)
def test_overt_failure_muddled_answers_and_overrun_talks(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I could have given a fuller answer on pricing, so here is more.",
        "Thank you. My answer on the audit could have been fuller, so here is more.",
        "Thank you. My answer on pricing was brief, so here are the figures.",
        "Thank you. I don't think my answer on pricing was muddled.",
        "Thank you. My presentation was on the bad debt process.",
        "Thank you. The meeting ran over time, so I missed my train.",
        "Thank you. I got lost on the way to your office.",
        "Thank you. The project had lost its way before I joined.",
    ],
)
def test_overt_failure_near_misses_fuller_answers_and_other_overruns(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I see no reason to prolong the search; I am clearly the one.",
        "Thank you. You can stop interviewing now.",
        "Thank you. I'll be in on Monday at 9 to pick up my laptop and badge.",
        "Thank you. See you Monday for my first day.",
        "Thank you. I will start on Monday.",
    ],
)
def test_pressure_presumed_decision_and_announced_start(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I'm available to start on Monday if that helps.",
        "Thank you. I'm available to start whenever suits.",
        "Thank you. If offered the role, I will start on Monday.",
        "Thank you. You said you'd decide by Friday; I look forward to hearing from you.",
        "Thank you for the offer, which I accept. I'll be in on Monday to collect my badge.",
        "Thank you. There is no need to delay the process on my account.",
        "Thank you. I have accepted another offer, so there is no need to prolong the process.",
    ],
)
def test_pressure_near_misses_availability_offers_and_withdrawals(sentence: str) -> None:
    assert not fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks for the intro. Raj said they're switching the CRM to HubSpot next quarter.",
        "Thanks for the intro. The manager mentioned that the team is doubling next year.",
        "Thanks. I used Tableau daily for four years at the council.",
        "Thanks. I trained 15 colleagues on the new rota system.",
        "Thanks. I am available for a second interview on 3 or 4 March.",
        "Thanks. I'm available to meet between the 12th and 14th of May.",
        "Thanks. I'm available on either Tuesday or Thursday.",
    ],
)
def test_new_information_passed_on_news_counted_years_and_dates(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks. As you said, the team is growing fast.",
        "Thanks. You mentioned that the team is growing fast.",
        "Thanks. I mentioned that the role is exciting.",
        "Thanks. As I told you, I am available from the 1st of June.",
        "Thanks. I'm available to start whenever suits.",
        "Thanks. I hope you have a lovely weekend.",
        "Thanks. I have used spreadsheets for years.",
        "Thanks. When you asked about payroll, which I have run for five years, I froze.",
    ],
)
def test_new_information_near_misses_the_readers_own_word_and_restated_facts(
    sentence: str,
) -> None:
    assert fires("missing-new-information", sentence)


# -- round 7: documents come through, points supplied, research since, recaps --------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks for Monday. My CSCS card came through this morning, so I can go on site.",
        "Thank you again. My enhanced background check came back clear today.",
        "Thanks for your time. My work permit has now arrived, so paperwork is no obstacle.",
        "Thank you. I never got to the point about escalation, which is to log it the same day.",
        "Thank you for the interview. I didn't get to the part about audits: I run one monthly.",
        "Thanks. I've spent the past three years on a six-station line at a busy bistro.",
        "Thank you. I am available to start any day from the 3rd of next month.",
        "Thanks again. I can pass on the names of my two referees from the clinic.",
        "Thanks for the invitation. I'll bring the design samples we talked about on Thursday.",
        "Thank you. Looking through your annual report since, I noticed two new depots opening.",
        "Thank you for the offer of a final round. I have decided to withdraw for family reasons.",
        "Thanks for setting it up. Sam said he'd get back to you by Monday.",
    ],
)
def test_new_information_documents_points_supplied_and_research_since(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a recap of what the interview already heard
        "Thank you. As I mentioned in the interview, I bring six years in payroll and a team of 5.",
        "Thanks. As I said on the call, I grew the account base by 40% last year.",
        # a card or check with no news in it
        "Thank you. I keep my card details up to date and will check my email often.",
        # a point made in the interview, not a point left out
        "Thank you. I was glad to get to the point where we discussed the rota.",
        # a start date with no date
        "Thank you for your time. I am ready to start whenever suits you.",
        # the reader's own word about who gets back to whom
        "Thank you. You said she'd get back to me by the end of the week.",
        # referees named only in general
        "Thank you. I value good referees and strong references in any hiring process.",
    ],
)
def test_new_information_near_misses_recaps_and_empty_mentions(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your time on Friday meant a great deal to me.",
        "The chance to see the ward in action meant a lot, especially the handover.",
    ],
)
def test_gratitude_what_the_time_meant(sentence: str) -> None:
    assert not fires("missing-gratitude", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Joining your team would mean a lot to me.",
        "The role means a lot to me and I would love to work with you.",
        "I wonder what the last question meant for the role.",
    ],
)
def test_gratitude_near_misses_hopes_and_meanings(sentence: str) -> None:
    assert fires("missing-gratitude", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks. I hold another offer and need your decision by Friday noon.",
        "Thank you. If a similar vacancy opens later in the year, I'd love to hear about it.",
        "Thank you. I would be glad to hear of it if a role in Leeds comes up.",
    ],
)
def test_call_to_action_decision_needed_and_later_openings(sentence: str) -> None:
    assert not fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I heard about it from a friend when the role opened last spring.",
        "Thank you. If a role opens in the new office, I hope it goes to a strong candidate.",
    ],
)
def test_call_to_action_near_misses_openings_without_an_ask(sentence: str) -> None:
    assert fires("missing-call-to-action", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I think I came across rather flat after the long drive.",
        "Thank you. I gave you a few muddled answers on the budget questions.",
        "Thank you. I was far too nervous in the first half of the panel.",
        "Thank you. The dropped tray during the trial was my own fault.",
    ],
)
def test_overt_failure_flat_delivery_muddled_answers_and_owned_faults(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I came across your flat-pack design blog while preparing.",
        "Thank you. I gave you a few examples from my time at the clinic.",
        "Thank you. I was never too nervous to ask for help on a busy shift.",
        "Thank you. I know the delay was not my fault, and the train company agreed.",
    ],
)
def test_overt_failure_near_misses_finds_examples_and_denials(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you! I have already told my friends that I got the job.",
        "Thank you. It would be really awkward if I didn't get it now.",
    ],
)
def test_pressure_job_presumed_won(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. My mentor told me that I have the right skills for this role.",
        "Thank you. It was awkward when the projector failed, but you handled it well.",
    ],
)
def test_pressure_near_misses_advice_and_awkward_moments(sentence: str) -> None:
    assert not fires("pressure", sentence)


# -- an answer owned as not doing justice, an aside in the verdict, the damage owned ---------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I don't think my answer about stakeholder conflict did justice to my record.",
        "Thank you. I do not feel that my example on the audit really did it justice.",
        "Thank you. My response to the budgeting question didn't do justice to the work.",
        "Thank you. The interview was, to be frank, a bit of a mess on my side.",
        "Thank you. This interview was, honestly, a disaster from start to finish.",
        "Thank you. The second half of our interview went badly after the fire alarm.",
        "Thank you. I'm afraid my nerves made the final part of the interview rather awkward.",
        "Thank you. I know it made the rest of the conversation pretty tense.",
    ],
)
def test_overt_failure_justice_asides_and_damage_owned(sentence: str) -> None:
    assert fires("overt-failure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I hope my answer about stakeholder conflict did justice to the team's work.",
        "Thank you. I don't think the summary on your site does justice to the product.",
        "Thank you. The interview was, I thought, a really good conversation.",
        "Thank you. That interview was, for me, well worth the trip.",
        "Thank you. The second half of the interview went well, I felt.",
        "Thank you. I don't think it made the conversation awkward at all.",
        "Thank you. You made the interview feel relaxed and easy.",
    ],
)
def test_overt_failure_near_misses_justice_hoped_and_parts_that_went_well(sentence: str) -> None:
    assert not fires("overt-failure", sentence)


# -- pressure: an answer wanted today, impatience ------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "It has been a week. I'd like an answer today, please.",
        "I would like a decision by Wednesday at the latest.",
        "I cannot keep waiting on this, so please tell me.",
        "Honestly, I can't wait much longer for your reply.",
    ],
)
def test_pressure_answer_wanted_now_and_impatience(sentence: str) -> None:
    assert fires("pressure", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I can't wait to hear what the team decides.",
        "Thank you. I can't wait much longer to tell my mentor how it went.",
        "Thank you. I'd like to send an update on the pilot today.",
        "Thank you. I would like a chance to meet the wider team.",
    ],
)
def test_pressure_near_misses_eagerness_and_offers(sentence: str) -> None:
    assert not fires("pressure", sentence)


# -- call to action: any chance to continue, hopes for good news, stories of waiting --------------
def cta(sentence: str) -> str | None:
    found = check(NOTE.format(sentence)).by_rule("missing-call-to-action")
    return found[0].severity if found else None


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I would welcome any chance to continue our discussion.",
        "Thank you. I'd value any further opportunity to talk about the role.",
    ],
)
def test_call_to_action_any_chance_to_continue(sentence: str) -> None:
    assert cta(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the chat! Hoping to hear some good news soon.",
        "Thank you. I hope to get an update before the holidays.",
        "Thank you. Hoping to hear great things from your side.",
    ],
)
def test_call_to_action_hopes_for_news_are_passive(sentence: str) -> None:
    assert cta(sentence) == "info"


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for the tour. The guard did not wait for an answer before opening the gate.",
        "Thank you. My old boss never waited for a reply either.",
    ],
)
def test_call_to_action_near_misses_stories_of_waiting(sentence: str) -> None:
    assert cta(sentence) == "warning"


# -- new information: the answer reached for, a credential valid to a date, recaps ---------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. The answer I was reaching for was a sharded queue behind the API.",
        "Thank you. The approach I should have given is a staged rollout by region.",
        "Thank you. The term I was trying to recall is 'blue-green deployment'.",
        "Thank you. I also hold a first-aid certificate that is valid until 2027.",
        "Thank you. I have a CSCS card which is still valid through next spring.",
    ],
)
def test_new_information_answers_reached_for_and_valid_credentials(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for chatting with me. Hoping to hear good news soon!",
        "Thank you. I'm waiting for some good news from you.",
        "I wanted to follow up on my second-round interview for the analyst post.",
        "Thanks again. I'm writing to follow up on my on-site interview last week.",
        "Thank you. As we discussed, I completed my training at a rural practice.",
        "Thank you. When I said I led a team of four, I meant it loosely.",
        "Thank you. I have a valid passport and I enjoyed the talk.",
    ],
)
def test_new_information_near_misses_news_hoped_for_and_recaps(sentence: str) -> None:
    assert fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. I caught 11 feed failures in the first quarter, each fixed within a day.",
        "Thank you. Last year I closed 14 deals over $50k.",
        "Thank you. I cut page load time 40% on the checkout.",
    ],
)
def test_new_information_a_count_the_writer_achieved(sentence: str) -> None:
    assert not fires("missing-new-information", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you. As I mentioned, I closed 14 deals in 2024.",
        "Thank you. I was one of 3 candidates you saw today.",
    ],
)
def test_new_information_near_misses_a_recapped_count(sentence: str) -> None:
    assert fires("missing-new-information", sentence)
