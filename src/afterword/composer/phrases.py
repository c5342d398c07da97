"""The grammar of a thank-you note: every way Afterword knows to say each part.

Rules of the craft that shape these lines (the checker enforces them, see DESIGN.md):

- every follow-up adds something and says so ("I wanted to add", "you asked about", "since we
  spoke, I looked into"), and never apologizes or admits a weak answer;
- every closing invites a reply or offers something, and never sets a deadline; a hope ("I look
  forward to hearing about next steps") waits for the reader instead of inviting them;
- the only employer named is the interview's own, and only after "the role at";
- no "just", "I think I might": hedges undersell.

Slots: ``name`` (the first name, or title and surname where a title is known: never both names),
``role``, ``company``, ``opt_when`` ("today", "yesterday", "on Tuesday", or empty), ``topic``
(one the interviewer discussed), ``ttopic`` (the topic the thanks names, where the note names
one there), ``mtopic`` (what the weak moment was about), ``clause`` (a result, as a clause that
reads after a colon: in lower case unless it opens with "I" or a name), ``iclause`` (one that
starts with "I", so it reads after "that"), ``story`` (a story told in whole sentences: its
situation, the writer's deed and what came of it), ``fact`` (whole sentences of research or of a
better answer), ``offer`` (what the closing offers to share), ``decision`` (when the
interviewers said they would decide: "on Friday", "on 11 December"; empty when unknown or past).

Each part has a short alternative for both tones, so that a tight word limit shortens the note
around its evidence instead of dropping it.
"""

from __future__ import annotations

GRAMMAR: dict[str, tuple[str, ...]] = {
    # No subject on a topic: one the body names says it twice, and one it does not read as a
    # mismatch ("Thank you for our discussion of alert fatigue" over a note on ransomware:
    # rounds 13 and 20).
    "subject": (
        "w:Thank you, {name}",
        "w:Thanks for your time, {name}",
        "w:Great talking with you about the {role} role",
        "w:Thank you for the conversation {opt_when}",
        "f:Thank you: {role} interview",
        "f:Thank you for your time, {name}",
        "f:Following up on the {role} interview",
        "f:{role} interview: a follow-up",
    ),
    # With the debrief's "offended the interviewer" the one apology the craft allows: owned,
    # one sentence, no excuse and no dwelling, then the note moves on.
    "amends": (
        "w:I also want to apologize for my remark during our conversation; it was out of place.",
        "w:I'm sorry for my comment in the interview; it was out of line, and I own that.",
        "f:I would also like to apologize for my remark during our conversation; it was "
        "inappropriate.",
        "f:I apologize for my comment during our conversation; it was out of place.",
    ),
    "greeting": (
        "w:Hi {name},",
        "w:Hello {name},",
        "w:Dear {name},",
        "f:Dear {name},",
    ),
    "thanks": (
        "f:Thank you for the time you set aside {opt_when} to speak with me about the {role} "
        "role at {company}.",
        "f:Many thanks for our conversation {opt_when} about the {role} position at {company}.",
        "w:Thank you for taking the time to talk with me {opt_when} about the {role} role at "
        "{company}.",
        "w:Thanks so much for meeting with me {opt_when}; I enjoyed learning more about the "
        "{role} role at {company}.",
        "w:I really appreciated your time {opt_when} and the chance to hear more about the "
        "{role} role at {company}.",
        "w:It was a pleasure to meet you {opt_when}, and thank you for telling me so much about "
        "the {role} role at {company}.",
        "f:Thank you for the opportunity to interview for the {role} position at {company} "
        "{opt_when}.",
        "f:I appreciate the time you took {opt_when} to discuss the {role} role at {company}.",
        "f:I am grateful for the time you spent with me {opt_when} discussing the {role} "
        "position at {company}.",
        "f:Thank you for meeting with me {opt_when} about the {role} position at {company}.",
        "w:Thanks for talking with me {opt_when} about the {role} role at {company}.",
        "w:Thank you for the conversation {opt_when} about the {role} role at {company}.",
        "f:Thank you for discussing the {role} position at {company} with me {opt_when}.",
        "f:Thank you for your time {opt_when} and for the thoughtful conversation about the "
        "{role} role at {company}.",
    ),
    # The thanks that names what the reader told about a topic they discussed: a plain fact
    # of the conversation, not a "highlight" any note could claim ("I especially enjoyed our
    # conversation about...", "...has stayed with me since" read as a template).
    "thanks_topic": (
        "w:Thank you for talking with me {opt_when} about the {role} role, and for telling me "
        "about {ttopic}.",
        "w:Thanks for your time {opt_when}, and for filling me in on {ttopic}.",
        "w:Thank you for meeting with me {opt_when}. What you told me about {ttopic} gave me a "
        "clearer picture of the {role} role.",
        "w:Thanks for the conversation {opt_when} about the {role} role at {company}; it helped "
        "to hear about {ttopic} first-hand.",
        "f:Thank you for meeting with me {opt_when} to discuss the {role} position at "
        "{company}, and for explaining {ttopic}.",
        "f:Thank you for your time {opt_when}, and for the detail you gave me on {ttopic}.",
        "f:Thank you for speaking with me {opt_when} about the {role} role, and for the "
        "context you gave on {ttopic}.",
    ),
    # Following up a weak moment with a story's result.
    "story_couldnt_answer": (
        "You asked about {mtopic}, and I wanted to share a concrete example: {clause}.",
        "w:On your question about {mtopic}, here is one example I wanted to add: {clause}.",
        "w:I kept thinking about your question on {mtopic}, and I wanted to share an example: "
        "{clause}.",
        "f:On your question about {mtopic}, I would like to add a concrete example: {clause}.",
        "I wanted to add one example on {mtopic}: {clause}.",
    ),
    "story_could_be_better": (
        "I wanted to add to what I said about {mtopic}: {clause}.",
        "w:When we talked about {mtopic}, I wanted to add that {iclause}.",
        "w:To build on my answer about {mtopic}, {iclause}.",
        "f:To expand on my answer about {mtopic}: {clause}.",
        "f:I would like to add one result to our discussion of {mtopic}: {clause}.",
        "To add to my answer on {mtopic}: {clause}.",
    ),
    "story_forgot_to_mention": (
        "w:When we talked about {mtopic}, I wanted to add that {iclause}.",
        "w:One more thing I wanted to mention about {mtopic}: {clause}.",
        "w:When we talked about {mtopic}, I meant to mention that {iclause}.",
        "f:When we discussed {mtopic}, I meant to add that {iclause}.",
        "f:I would also like to add one point on {mtopic}: {clause}.",
        "One thing I wanted to add on {mtopic}: {clause}.",
    ),
    # A question about what the writer would do ("How would you design...?"): a bridge to how
    # they would approach it, then the past result it rests on.
    "story_hypothetical": (
        "w:I kept thinking about your question on {mtopic}. I would approach it the way I "
        "approached a similar problem before: {iclause}.",
        "f:On your question about {mtopic}, I would approach it as I approached a similar "
        "problem before: {iclause}.",
        "w:If I were taking on {mtopic} at {company}, I would start the way I did before: "
        "{iclause}.",
        "On {mtopic}, I would start from what worked on a similar problem: {iclause}.",
        "f:On {mtopic}, I would build on an approach that has worked for me before: {iclause}.",
        "On {mtopic}, one result I would build on: {clause}.",
    ),
    # The same, with the story told in whole sentences (``story``): the situation that gives
    # its figures their baseline, what the writer did, and what came of it.
    "told_couldnt_answer": (
        "You asked about {mtopic}, and I wanted to share a concrete example. {story}",
        "w:On your question about {mtopic}, here is one example I wanted to add. {story}",
        "f:On your question about {mtopic}, I would like to add a concrete example. {story}",
        "I wanted to add one example on {mtopic}. {story}",
    ),
    "told_could_be_better": (
        "I wanted to add an example to what I said about {mtopic}. {story}",
        "w:To build on my answer about {mtopic}, here is one example from my work. {story}",
        "f:To expand on my answer about {mtopic}, I would like to add one example. {story}",
        "To add to my answer on {mtopic}, here is one example. {story}",
    ),
    "told_forgot_to_mention": (
        "w:When we talked about {mtopic}, I meant to mention one example. {story}",
        "w:I meant to mention one example when we talked about {mtopic}. {story}",
        "f:When we discussed {mtopic}, I meant to add one example from my work. {story}",
        "I wanted to add one example on {mtopic}. {story}",
    ),
    "told_hypothetical": (
        "w:If I were taking on {mtopic} at {company}, I would start from what has worked for "
        "me before. {story}",
        "f:Were I to take on {mtopic} at {company}, I would build on an approach that has worked "
        "for me before. {story}",
        "On {mtopic}, I would start from an approach that has worked for me before. {story}",
        "w:I kept thinking about your question on {mtopic}; I would start from something that "
        "worked for me before. {story}",
        "f:On your question about {mtopic}, I would build on what has worked for me before. "
        "{story}",
    ),
    "told_topic": (
        "w:Since we talked about {topic}, I wanted to share a related example. {story}",
        "w:Our conversation about {topic} reminded me of an example I wanted to add. {story}",
        "f:Following our discussion of {topic}, I would like to share a relevant example. {story}",
        "I wanted to add one example on {topic}. {story}",
    ),
    "story_topic": (
        "w:Since we talked about {topic}, I wanted to share a related result: {clause}.",
        "w:Our conversation about {topic} reminded me of something I wanted to add: {clause}.",
        "f:Following our discussion of {topic}, I would like to share a relevant result: {clause}.",
        "I wanted to add one result on {topic}: {clause}.",
    ),
    # Adding the result behind an answer that went well (no weak moment of the reader's has
    # evidence): the example given, with what came of it.
    "story_went_well": (
        "w:When we talked about {mtopic}, I mentioned an example, and I wanted to add what came "
        "of it: {clause}.",
        "f:When we discussed {mtopic}, I mentioned an example, and I would like to add its "
        "result: {clause}.",
        "To add to what I said about {mtopic}: {clause}.",
    ),
    "told_went_well": (
        "w:When we talked about {mtopic}, I mentioned an example; here it is in brief. {story}",
        "f:When we discussed {mtopic}, I mentioned an example; here it is in brief. {story}",
        "To add to what I said about {mtopic}, here is the example in brief. {story}",
    ),
    # Following up with research done since the interview.
    "research_couldnt_answer": (
        "You asked about {mtopic}, and since we spoke I looked into it further. {fact}",
        "w:On your question about {mtopic}, I wanted to share what I found after our "
        "conversation. {fact}",
        "f:On your question about {mtopic}, I would like to share what I have found since. {fact}",
        "I wanted to add what I found on {mtopic}. {fact}",
    ),
    "research_could_be_better": (
        "I wanted to follow up on {mtopic} with something I found since we spoke. {fact}",
        "w:Since we talked about {mtopic}, I have looked into it further. {fact}",
        "f:I would like to follow up on our discussion of {mtopic} with some further research. "
        "{fact}",
        "There is one thing I wanted to add on {mtopic}. {fact}",
    ),
    "research_forgot_to_mention": (
        "w:Since we talked about {mtopic}, I have found something I wanted to add. {fact}",
        "One more thing I wanted to share about {mtopic}. {fact}",
        "f:I would also like to add some research on {mtopic}. {fact}",
    ),
    "research_topic": (
        "w:Since we talked about {topic}, I wanted to share something I looked into. {fact}",
        "f:Following our discussion of {topic}, I would like to share some further research. "
        "{fact}",
        "I wanted to add what I found on {topic}. {fact}",
    ),
    # Following up with the better answer the user wrote in the debrief.
    "answer_couldnt_answer": (
        "You asked about {mtopic}, and I wanted to share how I would approach it. {fact}",
        "f:On your question about {mtopic}, I would like to add how I would approach it. {fact}",
        "Here is how I would approach {mtopic}. {fact}",
    ),
    "answer_could_be_better": (
        "I wanted to add to my answer about {mtopic}. {fact}",
        "f:I would like to expand on my answer about {mtopic}. {fact}",
    ),
    # The right answer to a question of fact the writer missed or got wrong: back to the
    # question, then the answer; no "how I would approach it" (it is no plan), no "clearer"
    # (a weak answer named).
    "answer_fact": (
        "w:I wanted to follow up on {qref}. {fact}",
        "w:I wanted to come back to {qref}. {fact}",
        "f:I would like to follow up on {qref}. {fact}",
        "f:I would like to return to {qref}. {fact}",
    ),
    # The same, where the reader put the writer right in the interview: they were right,
    # said once and plainly (no apology, no "I was wrong"), then the answer.
    "answer_corrected": (
        # Not "Thank you for putting me right": the note's first paragraph thanks already.
        "w:You were right about {ctopic}, and I wanted to come back to your question. {fact}",
        "w:I wanted to come back to {qref}, where you put me right. {fact}",
        "f:You were right about {ctopic}, and I would like to return to your question. {fact}",
        "f:I would like to return to {qref}, on which you corrected me. {fact}",
    ),
    "answer_forgot_to_mention": (
        "w:One more thing I wanted to mention about {mtopic}. {fact}",
        "f:I would also like to add one point on {mtopic}. {fact}",
    ),
    # Nothing to add from the debrief: one plain line of interest that claims no thinking it
    # does not show. "Since we spoke, I have thought more about X" promises more than the
    # note then gives (and names a weak moment with nothing to follow it up); the checker
    # marks such a note as adding nothing, and the advice beside it says what would.
    "generic_topic": (
        "w:What you said about {topic} made me keener still on the {role} role.",
        "w:Hearing about {topic} made me keener still to join {company}.",
        "w:I especially enjoyed hearing about {topic}.",
        "f:Our discussion of {topic} confirmed my interest in the {role} role.",
        "f:I particularly valued our discussion of {topic}.",
    ),
    "generic_role": (
        "w:Our conversation made me keener still on the {role} role.",
        "w:I came away even more interested in the {role} role.",
        "f:Our conversation confirmed my interest in the {role} role.",
        "w:I left our conversation keener than ever on the role.",
        "f:I left our meeting with a clearer picture of the role and a stronger interest in it.",
        "Our conversation made me keener still on the role.",
        "w:I came away from our conversation even keener on the job.",
        "f:Our conversation has strengthened my interest in the position.",
        "w:Meeting you made me keener still to join the team.",
        "f:Having met you, I am all the more interested in the {role} role.",
    ),
    # A document the reader asked for in the interview (``request``: "the file", "a copy of
    # the slides"), sent with the note.
    "sent_request": (
        "w:As you asked, I have attached {request}.",
        "w:As promised, I have attached {request}.",
        "f:As you requested, I have attached {request}.",
        "f:As promised, please find {request} attached.",
    ),
    # The close of a note with nothing to add: an open question to the reader, not an offer
    # to talk through what the note never said.
    # A credential the writer forgot to mention, after the follow-up: ``also`` is the clause
    # that tells it ("I gained the ANAC flight dispatcher licence in 2021").
    "also_credential": (
        "w:I also wanted to mention that {also}.",
        "w:One more thing worth mentioning: {also}.",
        "f:I would also like to mention that {also}.",
        "f:I should add that {also}.",
    ),
    "also_thing": (
        "w:I also wanted to mention {also}.",
        "f:I would also like to mention {also}.",
    ),
    "cta_plain": (
        # Closes that look ahead: interest in the role and the next step, or time offered
        # before the decision. Rounds 14 to 16 read "Please let me know if I can tell you
        # anything further." and its kin as passive in about half of all notes.
        # Not "glad to take the next step whenever suits you": round 17's readers found that
        # it presumes the next stage is coming.
        "w:I'm excited about the role and would be glad to talk further whenever suits you.",
        "w:I'd be glad to talk further whenever suits you.",
        "w:If a further conversation would help before your decision {decision}, I'd be glad "
        "to make time.",
        "w:I'm keen to take the next step, and happy to answer anything else before your "
        "decision {decision}.",
        "w:I'm keen to hear about next steps, and happy to answer anything else in the meantime.",
        "f:I remain very interested in the position and would welcome the opportunity to "
        "continue our conversation.",
        "f:I would be pleased to continue the conversation at a time that suits you.",
        "f:I am very interested in the role and would be glad to meet again, should that help "
        "your decision {decision}.",
        "f:Is there anything further I can tell you before your decision {decision}?",
        "f:I would welcome the next step in the process, and I am glad to answer anything "
        "further before then.",
    ),
    # The close follows from the note: an offer of what the writer can really send, or a next
    # step on what the note was about (``next``); never a line that would close any note.
    "cta": (
        "w:Please let me know if {offer} would be useful.",
        "w:I'd be happy to send you {offer}.",
        "w:Would it help if I sent {offer}?",
        "w:If it would help, I can send {offer}.",
        "w:Let me know if it would help to see {offer}.",
        "w:I'd be glad to send {offer}.",
        "w:If it would help before your decision {decision}, I can send {offer}.",
        "f:If it would be useful before your decision {decision}, I would be glad to send {offer}.",
        "f:I would be glad to share {offer} if it would be useful.",
        "f:I would be glad to send {offer} and to discuss it further.",
        "f:Please let me know if {offer} would be helpful.",
    ),
    "signoff": (
        "w:Best,",
        "w:All the best,",
        "w:Warm regards,",
        "w:Thanks again,",
        "w:Best wishes,",
        "w:Warmly,",
        "f:Kind regards,",
        "f:Best regards,",
        "f:Sincerely,",
        "f:Many thanks,",
        "f:With thanks,",
    ),
}
