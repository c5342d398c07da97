"""``missing-call-to-action``: the note invites no next step (or only a passive one)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import STRONG_CTA
from afterword.checker.text import lazy_re, lower_re

_CONTACT_VERB = (
    r"(?:contact|reach(?:\s+out)?|call|phone|ring|e-?mail|write|get\s+in\s+touch|let\s+me\s+know"
    r"|ask|send|text|message|ping|follow\s+up|get\s+back\s+to\s+me|respond|reply|write\s+back)"
)
_STRONG = lower_re(
    rf"""
    \blet\s+me\s+know\b|\blmk\b|\bkeep\s+me\s+(?:posted|updated|informed|in\s+mind|in\s+the\s+loop)\b
    # a later opening asked to be told of: "if a role ever opens in Leeds, I'd love to hear
    # about it"
    |(?#needs:hear|know)\bif\s+(?:a|an|any|another|something)\s+(?:[\w-]+\s+){{0,2}}?(?:role|position|post|job|vacancy|opening
        |opportunity|similar)\s+(?:[\w-]+\s+)?(?:opens|comes\s+up|becomes\s+available|arises|crops\s+up)\b[^.!?\n]{{0,60}}?
        \b(?:hear|know)\s+(?:about|of)\s+(?:it|that|them)\b
    |\bhear\s+(?:about|of)\s+it\s+if\s+(?:a|an|any|another|something)\s+(?:[\w-]+\s+){{0,2}}?(?:role|position|post|job
        |vacancy|opening|opportunity|similar)\b
    # a reply asked for, pushily or not: "I'll need your answer by Monday"
    # (the subject may be shared: "I've had another offer and need your decision by Friday")
    |(?#needs:answer|reply|response|decision)\b(?:I(?:'ll|\s+will|'d|\s+would)?|and|so)\s+(?:\w+\s+)?(?:need|expect|require|want)\s+
        (?:to\s+(?:hear|have|get|receive|know)\s+)?(?:an?|your|the)\s+(?:\w+\s+)?(?:answer|reply|response|decision)\s+
        (?:from\s+you\s+)?(?:by|before|within|today|tomorrow|asap|soon)\b
    # "I'd need to hear back by Friday", "I need to know before Monday"
    |(?#needs:by|before|within)\b(?:I(?:'ll|\s+will|'d|\s+would)?|and|so)\s+(?:\w+\s+)?(?:need|want|must)\s+to\s+(?:hear|know)\s+
        (?:back\s+)?(?:from\s+you\s+)?(?:by|before|within)\b
    |\b(?:feel\s+free|(?:do\s+not|don't|never)\s+hesitate|be\s+sure|you\s+are\s+welcome|you're\s+welcome)
        \s+to\s+{_CONTACT_VERB}\b
    |\b(?:please|pls|plz)\s+(?:do\s+)?(?:{_CONTACT_VERB}|keep\s+me|consider\s+me|share|advise|forward|include)\b
    |\bdo\s+(?:let\s+me\s+know|get\s+in\s+touch|reach\s+out|call|e-?mail|contact)\b
    # "give me a shout", "drop me a line", "shoot me an email", "give us a bell"
    |\b(?:give|drop|shoot|send)\s+(?:me|us)\s+(?:a|an)\s+(?:quick\s+)?(?:shout|line|note|call|email|e-mail|message|text
        |bell|buzz|ring|holler)\b
    # British "do shout if ...", "just shout", "shout if you need anything" (the bare imperative
    # only opening a sentence, see MissingCallToAction.check)
    |\b(?:do|just|please|simply)\s+shout\b|\bshout\s+(?:if|whenever|me)\b
    # an offer left to the reader: "if anything else would be useful", "should anything more be
    # needed"
    |\bif\s+(?:anything|something)\s+(?:else\s+|more\s+|further\s+)?(?:would|could|might|will)\s+(?:\w+\s+)?
        (?:be\s+)?(?:useful|helpful|help|of\s+use|needed)\b
    |\bshould\s+(?:anything|something)\s+(?:else\s+|more\s+|further\s+)?(?:be\s+)?(?:needed|required|useful|helpful)\b
    |\bif\s+(?:you|there)\s+(?:have|need|are|is|would|'d|want|require|think|should)\s+
        (?:\w+\s+){{0,4}}?(?:questions?|information|details|materials|documents|references|samples
        |anything|clarification|help|more|else|examples?|interested)\b
    # "if you'd like to chat again", "if it would help to talk"
    |\bif\s+(?:you(?:'d|\s+would)\s+like|you\s+want|it\s+would\s+help)\s+to\s+(?:\w+\s+)?
        (?:chat|talk|speak|meet|discuss|see|hear|go\s+over|follow\s+up)\b
    |\bshould\s+you\s+(?:need|have|want|require|wish)\b
    # An offer or a wish for the next conversation, with or without its "I": "I'd be happy to
    # send", "... and would be glad to talk further", "I would really value a second call".
    |\b(?:I(?:'d|\s+would|'m|\s+am)|I'll|I\s+will|would)\s+(?:be\s+)?(?:\w+\s+)?
        (?:happy|glad|delighted|pleased|eager|keen|available|free|love|welcome|like|value|appreciate
        |grateful|thrilled)
        \s+(?:\w+\s+)?
        (?:to\s+)?(?:talk|discuss|send|share|provide|meet|chat|answer|continue|walk|connect|speak
        |come\s+in|follow\s+up|elaborate|expand|help|clarify|go\s+over|put\s+together|schedule
        |pick\s+(?:up|(?:this|that|it|things)\s+up|(?:this|that|the|our)\s+conversation)
        |the\s+(?:chance|opportunity)\s+to\s+(?:talk|discuss|continue|speak|meet|show|walk|present|share|chat
            |provide|answer|send|clarify|follow\s+up|address|revisit|explain|expand|elaborate|demonstrate)
        |(?:a|another|the|any)\s+(?:further\s+|other\s+)?(?:chance|opportunity)\s+to\s+(?:talk|discuss|continue|speak|meet|chat)
        |an?\s+(?:call|chance|follow-up|conversation|update|reply|response)
        # a call offered: "I'd be glad to join a short follow-up call", "happy to set up a meeting"
        |(?:join|have|set\s+up|arrange|book|jump\s+on|hop\s+on|get\s+on)\s+(?:a|an|another)\s+(?:[\w-]+\s+){{0,2}}?
            (?:call|chat|meeting|conversation|zoom|video\s+call|session)
        |(?:a|another)\s+(?:second|further|follow-up|short|quick|brief)\s+(?:call|chat|conversation|meeting|interview)
        |any\s+(?:feedback|questions|update|news)|being\s+considered
        # asking for a reply: "would love to hear what you think", "I'd appreciate hearing how",
        # or to be told: "I'd be glad to hear of any future vacancies"
        |hear(?:ing)?\s+(?:from|back|what|how|where|your|any|whether|if
            |(?:of|about)\s+(?:(?:any|future|upcoming|similar|further|other|new)\s+){{1,2}}(?:vacanc\w*|openings?
                |roles?|positions?|posts?|jobs?|opportunit\w*)
            |(?:of|about)\s+(?:the\s+outcome|your\s+decision|the\s+next\s+steps?))
        # offering a further step: "I'd be glad to complete a take-home version"
        |(?:complete|do|take\s+on|tackle|try|work\s+through)\s+(?:a|an|the|another|any)\s+(?:[\w-]+\s+){{0,2}}?
            (?:take-home|exercise|assignment|test|task|case|challenge|trial|version|assessment))\b
    |\b(?:I'm|I\s+am)\s+(?:free|available)\s+(?:to|on|at|most|any|all|this|next|whenever|for)\b
    # asking to be considered: "I'd love to be considered for future openings" (not "I'm thrilled
    # to be considered", which thanks)
    |\b(?:I'd|I\s+would|would)\s+(?:\w+\s+)?(?:be\s+)?(?:\w+\s+)?(?:love|like|welcome|appreciate|glad|happy|delighted
        |pleased|thrilled|grateful|keen|eager|honou?red)\s+(?:the\s+(?:chance|opportunity)\s+)?to\s+be\s+considered\b
    |\b(?:look|looking)\s+forward\s+to\s+(?:hearing|the\s+next\s+steps?|next\s+steps?|speaking|talking
        |continuing|our\s+next|discussing|meeting\s+(?:with\s+)?(?:you\s+)?(?:again|soon|further|the)
        |the\s+(?:opportunity|chance|possibility)\s+(?:to|of)\s+(?:speak|talk|meet|discuss|continu|chat)\w*
        |seeing\s+you\s+(?:again|soon)|your\s+(?:reply|response|decision|feedback|thoughts|call|email)
        # a next step already arranged: "seeing you and Dr Lee at the second round on the 14th"
        |(?:seeing|meeting|speaking\s+(?:with|to)|talking\s+(?:with|to)|catching\s+up\s+with)\s+
            (?:you|everyone|the\s+(?:team|panel))\s+(?:[\w.'&-]+\s+){{0,6}}?(?:again|soon|then
            |(?:at|in|for|during)\s+(?:the|our|my)\s+(?:second|next|final|follow-up|upcoming|panel|onsite|on-site)
            |(?:on|next|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)
            |on\s+the\s+\d{{1,2}}(?:st|nd|rd|th)?\b)
        |an?\s+(?:reply|response|update|call|conversation|follow-up|decision|second|next|final)
        |the\s+(?:second|next|final|follow-up)\s+(?:interview|round|conversation|meeting|step)
        |learning\s+(?:about|of)\s+(?:the\s+)?next|receiving|getting\s+(?:an?\s+|your\s+)?(?:update|reply|answer|response))
    # "excited to hear about next steps"; not "I was excited to hear about your new office"
    |\b(?:excited|eager|keen)\s+to\s+(?:hear|learn|talk|speak)\s+(?:back|from|more\s+about\s+(?:the\s+)?next
        |about\s+(?:the\s+|any\s+)?(?:next|your\s+decision|the\s+outcome|how\s+things|where\s+things))\b
    |\b(?:can't|cannot|can\s+not)\s+wait\s+to\s+(?:hear|learn|talk|speak)\b
    |\bnext\s+steps\b|\bnext\s+step\s+(?:in|of)\s+(?:the|your)\s+(?:process|hiring|interview)\b
    |\b(?:any|an)\s+(?:update|news|feedback)\s+(?:you\s+can|you\s+could|would|on)\b
    |\b(?:I'm|I\s+am|I\s+wanted\s+to\s+be)\s+checking\s+in\b|\bchecking\s+in\s+(?:to|on|about)\b
    |\b(?:would|could|can)\s+(?:we|you)\s+(?:schedule|set\s+up|find|arrange|share|send|let|tell|advise
        |recommend|suggest|spare|give|point)\b
    |\b(?:are|would)\s+you\s+(?:be\s+)?(?:available|open|free|willing)\b
    |\b(?:welcome|appreciate)\s+(?:any|your)\s+(?:feedback|thoughts|advice|questions)\b
    |\b(?:would\s+)?welcome\s+(?:being|the\s+(?:chance|opportunity)\s+to\s+be)\s+considered\b
    |\bconsider\s+me\s+for\b|\bkeep\s+(?:my\s+(?:application|resume|résumé|name|details)|me)\s+on\s+file\b
    |\bwhen\s+(?:would|will|might)\s+(?:be\s+a\s+good\s+time|you\s+be\s+available|it\s+suit)\b
    # a time left to the reader: "whenever suits you", "at your convenience"
    |\bwhenever\s+(?:it\s+)?suits\b|\bat\s+your\s+(?:earliest\s+)?convenience\b
    |\bcallback\b|\b(?:happy|glad)\s+to\s+(?:provide|send|share|answer|discuss|talk|help|chat|walk|go\s+(?:over|into|through|deeper)
        |dig|expand|elaborate|explain|clarify)\b
    # the time left to the reader: "just tell me when", "tell me which day suits", "name the day"
    # (only as an imperative, see MissingCallToAction.check)
    |\btell\s+me\s+(?:when|where|what\s+time|which\s+(?:day|date|time|slot)|the\s+(?:day|date|time))\b
    |\bname\s+(?:the|a|your)\s+(?:day|date|time|place)\b
    # a polite request: "I wondered if you might be able to", "would you be able to point me"
    |(?#needs:wonder)\b(?:wondered|wondering|wonder)\s+(?:if|whether)\s+you(?:'d|\s+(?:could|might|would|can|may|had
        |have|were|are|'d))?\b
    |\b(?:would|could|might|will)\s+you\s+(?:\w+\s+)?be\s+able\s+to\b
    # another attempt asked for: "if there's any chance to redo it", "if there is a way to retake"
    |\bif\s+there(?:'s|\s+is|\s+was|\s+were|\s+would\s+be)\s+(?:any|a|some)\s+(?:\w+\s+)?(?:chance|possibility|opportunity
        |way)\s+(?:to|of|for|that)\b
    # idioms of an open door: "just say the word", "happy to jump on a call"
    |\bsay\s+the\s+word\b|\byou\s+know\s+where\s+to\s+find\s+me\b
    |\b(?:jump|hop|get)\s+on\s+a\s+(?:quick\s+|short\s+|brief\s+)?(?:call|zoom|video\s+call|phone\s+call|chat)\b
    # asking for another round: "would love another shot", "I'd welcome a second interview"
    |\b(?:love|welcome|appreciate|value|like|grateful\s+for)\s+(?:another|a\s+second|one\s+more|a\s+further)\s+
        (?:shot|chance|opportunity|go|try|conversation|call|interview|round|meeting)\b
    # asking for the answer: "I need an answer from you by Monday"
    |\b(?:need|want|expect)\s+(?:an?\s+|your\s+)(?:answer|decision|response|reply)\s+from\s+you\b
    # the reply asked for as a favour: "any update you can share would be great", "a decision
    # this week would really help", "any word at all would be a huge relief"
    |(?#needs:would)\b(?:decision|answer|update|reply|response|word|news|feedback|thoughts)\b(?:\s+[\w']+){{0,5}}?\s+would\s+(?:\w+\s+)?(?:help\s+(?:me|us)\b|be\s+(?:\w+\s+){{0,2}}?
        (?:appreciated|great|helpful|wonderful|welcome|lovely|useful|relief))\b
    # a next step offered on the reader's terms: "should a meeting with the CEO be convenient"
    |(?#needs:convenient|of\s+interest|of\s+use)\bshould\s+(?:[\w'-]+\s+){{1,6}}?be\s+(?:convenient|of\s+(?:use|interest))\b
    |\b(?:keep|stay)\s+in\s+touch\b|\b(?:only|just)\s+(?:an?\s+)?(?:email|e-mail|phone\s+call|call|message|text)\s+away\b
    # Indian and West African office English: "kindly revert", "do the needful", "request you
    # to update me", "I stand at your disposal"
    |\bkindly\s+(?:\w+\s+){{0,4}}?(?:revert|advise|update|inform|let|confirm|respond|reply|get\s+back|consider|share
        |contact|call|acknowledge|intimate)\b
    |\brevert\s+(?:back\s+)?(?:to\s+me|with|at|on|soon|regarding|about)\b|\band\s+revert\b|\bdo\s+the\s+needful\b
    |\brequest\s+you\s+to\b|\b(?:update|inform|intimate)\s+me\s+(?:on|about|of|regarding|with|when|if|whether)\b
    |\bat\s+your\s+(?:disposal|service)\b
    # a texted imperative: "call me if u need anything", "hit me up", "ping me if ..."
    |\b(?:call|text|ping|email|e-mail|message|ring|contact|hit)\s+me\b(?!\s+(?:by|as|a\s+name))
    |\bif\s+(?:u|you)\s+(?:need|want|have)\s+(?:\w+\s+){{0,3}}?(?:anything|more|refs|references|questions?|info|details)\b
    # an offer: "I can provide the SF-86 confirmation if needed", "happy to sketch it out"
    |\bI\s+(?:can|could)\s+(?:also\s+|easily\s+|gladly\s+)?(?:provide|send|share|forward|supply|walk|demo|show\s+you)\b
    |\b(?:happy|glad|delighted)\s+to\s+(?!(?:have|hear|be|see|learn|meet|know|say|report|join|read|find|get
        |finally|been|had|work|contribute|start|call\s+\w+\s+home)\b)[a-z]+\b
    |\bif\s+(?:needed|required|necessary|helpful|useful)\b
    # asking for the answer or a next conversation: "share where things stand", "any chance of
    # a second conversation", "I'd appreciate a few minutes to answer it properly"
    |\bwhere\s+things\s+stand\b|\bif\s+there(?:'s|\s+is)\s+any\s+way\s+to\b
    |\bchance\s+(?:of|for)\s+(?:a|another)\s+(?:\w+\s+)?(?:conversation|call|chat|interview|meeting|round|talk|go|shot
        |try|attempt)\b
    # a favour asked of the reader: "I'd really appreciate it if you could take a look"
    |\b(?:appreciate\s+it|be\s+(?:\w+\s+)?(?:grateful|thankful|obliged))\s+if\s+you\s+(?:could|would|can|might
        |were\s+able\s+to|had\s+(?:a|the)\s+(?:chance|moment|minute))\b
    |\b(?:I'd|I\s+would)\s+(?:really\s+|greatly\s+)?(?:appreciate|value|welcome|love)\s+(?:a|an|the|any|some|your)\s+
        (?:\w+\s+){{0,2}}?(?:minutes|call|update|feedback|answer|reply|response|word|conversation)\b
    |\b(?:excited|eager|keen)\s+to\s+(?:hear|learn|see)\s+what(?:'s|\s+is|\s+comes)?\s+next\b
    |\blook(?:ing)?\s+forward\s+(?:to\s+)?(?:hear(?:ing)?\s+(?:from|back)|your\s+(?:reply|response|answer|call|feedback|decision))\b
    |\blook(?:ing)?\s+forward\s+to\s+the\s+(?:[\w-]+(?:'s)?\s+)?(?:decision|outcome|response|reply|feedback|result)\b
    """,
    re.VERBOSE,
)
# Passive closings: a hope, not an invitation (DESIGN.md: only a weak call to action).
_WEAK = lower_re(
    r"""
    \b(?:I\s+)?(?:hope|hoping)\s+to\s+(?:hear|receive|get)\s+(?:back|from\s+you|something|a\s+(?:reply|response)
        |(?:an?|your|some)\s+(?:\w+\s+)?(?:answer|update|reply|response|word)
        |(?:some\s+)?(?:good|great|positive|happy|exciting)\s+(?:news|things))
    |\b(?:I\s+)?(?:hope|hoping)\s+to\s+(?:speak|talk|meet|chat)\s+(?:with|to)\s+you\s+(?:again|soon|further)
    |\b(?:I\s+)?(?:hope|hoping)\s+(?:that\s+)?(?:we\s+(?:can|will|get\s+to)\s+(?:speak|talk|meet|chat)
        |I\s+(?:will|'ll)\s+hear|you'?ll\s+(?:keep|consider)|you\s+will\s+(?:keep|consider))
    |\b(?:await(?:ing)?|wait(?:ing)?\s+(?:for|on)|hop(?:e|ing)\s+for)\s+(?:your|a|an|the)\s+(?:\w+\s+){0,2}?
        (?:reply|response|decision|answer|call|word|instructions?|feedback|news|update|outcome|result)
    |\b(?:hope|hoping)\s+(?:that\s+)?you\s+(?:can|could|will|'ll)\s+(?:reply|respond|revert|answer|write\s+back|get\s+back)\b
    |\blook(?:ing)?\s+forward\s+to\s+(?:learning|finding\s+out)\s+more\b
    |\bfingers\s+crossed\b
    """,
    re.VERBOSE,
)
# A question put to the reader invites a reply ("Would Thursday work for a follow-up call?",
# "Any news on your side?"); a question about something else ("Who wouldn't love that?") does
# not. Checked per sentence ending in "?", which real notes rarely have, so it costs little.
_QUESTION_OPENER = lazy_re(
    r"(?:could|would|can|will|shall|may|when|what|how|where|is|are|was|were|have|has|had|did"
    r"|do|does|any|anything)\b",
    re.IGNORECASE,
)
_ADDRESSED = lazy_re(r"\b(?:you|your)\b", re.IGNORECASE)
_NEGATION_BEFORE = lazy_re(
    r"\b(?:don't|do\s+not|never|no\s+need\s+to|not)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_SENTENCE_START_BEFORE = lazy_re(
    r"(?:^|[.!?:;,\u2013\u2014-]\s*|\n\s*|\b(?:and|so|then)\s+)$", re.IGNORECASE
)
# An imperative opens its clause or follows a softener: "just tell me when", "so name the day".
_IMPERATIVE_BEFORE = lazy_re(
    r"(?:^|[.!?:;,\u2013\u2014-]\s*|\n\s*|\b(?:and|so|then|just|please|simply|kindly|do)\s+)$",
    re.IGNORECASE,
)
_IMPERATIVES = ("shout", "tell", "name")


class MissingCallToAction(Rule):
    """A note that invites no next step leaves the reader nothing to do.

    Close by inviting a reply or offering something ("Please let me know if a short write-up
    on the churn model would help"). A passive closing such as "hope to hear from you" is a
    weak call to action: it passes at ``info`` with a stronger wording. "I look forward to
    working with you" states a hope, not an invitation.

    Good:
    - Thank you for your time. Please let me know if I can send anything else.
    - Thank you again. I look forward to hearing about next steps.
    - Thanks for the chat. If you have any questions, feel free to reach out.
    - Thanks for having me in. Do shout if anything else would help.
    - Thank you for the tour. I can come back any afternoon, just tell me when.
    - Thank you. If a similar post ever comes up, I would love to hear about it.
    - Thank you for the tour. I'd welcome any chance to continue our talk.
    Bad:
    - Thank you for meeting me. I look forward to the chance to work with you.
    - Thank you for your time. I hope we can work together in the future.
    - Thank you for the interview.
    - Thank you for the interview. I was glad to hear about the new office.
    - Thank you for the interview. The recruiter didn't tell me when the panel meets.
    - Thank you for the visit. The porter did not wait for a reply before he left.
    """

    id = "missing-call-to-action"
    title = "No next step"
    severity = "warning"
    message = (
        "The note invites no next step, so the reader has nothing to answer; close by offering "
        "something or inviting a reply."
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.matches(_STRONG, ordered=False):
            before = doc.before(m.start(), 20)
            if m.group().startswith(_IMPERATIVES):
                opener = _SENTENCE_START_BEFORE if m.group()[0] == "s" else _IMPERATIVE_BEFORE
                if not opener.search(before):
                    # "they shout if the kettle is left on", "she didn't tell me when" tell; they
                    # do not invite
                    continue
            if not _NEGATION_BEFORE.search(before):
                return
        if _asks_the_reader(doc):
            return
        # "he did not wait for an answer" tells a story; it hopes for nothing
        weak = next(
            (
                w
                for w in doc.matches(_WEAK)
                if not _NEGATION_BEFORE.search(doc.before(w.start(), 20))
            ),
            None,
        )
        if weak is not None:
            yield doc.finding(
                self.id,
                "info",
                "A passive closing only hopes for a reply; inviting one gives the reader a "
                "reason to write back.",
                weak.start(),
                weak.end(),
                STRONG_CTA,
            )
            return
        if doc.judge_finds("call_to_action"):
            return  # an invitation in words no pattern lists (see checker/judge.py)
        yield doc.finding(self.id, self.severity, self.message, suggestion=STRONG_CTA)


def _asks_the_reader(doc: Document) -> bool:
    scan = doc.scan
    pos = scan.find("?", doc.body.start, doc.body.end)
    while pos >= 0:
        if not doc.in_quote(pos, pos + 1):
            start, end = doc.sentence_at(pos)
            # The question may be the sentence's last clause: "...a short gist; shall I send
            # it over?" asks as plainly as a sentence of its own.
            clause = max(doc.work.rfind(mark, start, pos) for mark in ";:\u2013\u2014") + 1
            clause = max(clause, start)
            while clause < pos and doc.work[clause].isspace():
                clause += 1
            if (
                _QUESTION_OPENER.match(doc.work, start, end)
                or _QUESTION_OPENER.match(doc.work, clause, end)
                or _ADDRESSED.search(doc.work, start, end)
            ):
                return True
            # Every other "?" of this sentence asks the same of it: one look at a sentence,
            # not one for each of its question marks ("?????..." was quadratic).
            pos = max(pos, end - 1)
        pos = scan.find("?", pos + 1, doc.body.end)
    return False
