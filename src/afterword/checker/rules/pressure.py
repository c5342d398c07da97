"""``pressure``: the note begs, sounds needy, pushes, or demands a decision."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import STRONG_CTA
from afterword.checker.text import lazy_re, lower_re

_JOB = r"(?:job|position|role|offer|opportunity|internship|gig)"
_DAY = (
    r"(?:(?:(?:this|next|the\s+coming|coming)\s+)?(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)|tomorrow|tonight|today|"
    r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:day|week|month)|(?:this|next)\s+week|"
    r"\d{1,2}(?::\d\d)?\s*(?:am|pm)|noon|eod|eow|cob|close\s+of\s+business|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}|\d{1,2}/\d{1,2}"
    r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b"
    r"|(?:the\s+)?next\s+(?:few\s+|couple\s+(?:of\s+)?|two\s+|three\s+|\d{1,3}\s+)?"
    r"(?:business\s+|working\s+)?(?:hours?|days?|weeks?)"
    # a span counted: "within 48 hours", "within a week", "within two working days"
    r"|(?:a|one|two|three|four|five|a\s+few|a\s+couple\s+(?:of\s+)?|\d{1,3})\s+(?:business\s+|working\s+)?"
    r"(?:hours?|days?|weeks?)\b)"
)
_PRESSURE = lower_re(
    rf"""
    # begging
    \b(?:give|grant|allow)\s+me\s+(?:just\s+)?(?:another|a\s+second|one\s+more|a\s+(?:new|fresh)
        |one\s+last)\s+(?:chance|shot|try|opportunity|interview)
    |\b(?:I'm|I\s+am)\s+begging\b|\bI\s+beg\s+(?:you|of\s+you)\b|\bplease[,.!]?\s+please\b
    # the job presumed won, and the reader made answerable for it: "I've already told my family
    # that I got the job", "it would be awkward if I didn't"
    |(?#needs:told|telling)\b(?:told|telling)\s+(?:[\w',]+\s+){{0,8}}?that\s+I(?:'ve|\s+have)?\s+(?:got|landed|won|have)\s+
        (?:the|this)\s+(?:[\w-]+\s+)?{_JOB}\b
    |(?#needs:awkward|embarrassing)\b(?:would|'d)\s+be\s+(?:\w+\s+)?(?:awkward|embarrassing)\s+if\s+I\s+(?:didn't|did\s+not
        |don't|do\s+not|wasn't|was\s+not)\b
    # a threat on not hiring: "if you don't hire me, you'll be the ones explaining it"
    |\bif\s+you\s+(?:don't|do\s+not|won't|will\s+not|decide\s+not\s+to|choose\s+not\s+to)\s+
        (?:hire|pick|choose|take|select)\s+me\b
    |\bplease\s+(?:just\s+)?hire\s+me\b|\bhire\s+me\s+or\s+(?:don't|do\s+not|not)\b
    # an ultimatum: "hire me or regret it", "if you want me, you'll need to move fast"
    |\bhire\s+me\s+or\s+(?:\w+\s+)?(?:regret|lose|miss|else|you'll|live)\b
    |\byou(?:'ll|\s+will|'d|\s+would)?\s+(?:need|have)\s+to\s+(?:move|act|decide)\s+(?:fast|quickly|soon|now)\b
    |\bif\s+you\s+want\s+me\s*,
    |\blet's\s+do\s+it\s+or\s+(?:let's\s+)?not\b
    |\bplease\s+(?:reconsider|don't\s+reject|do\s+not\s+reject|don't\s+give\s+up\s+on\s+me)
    |(?#needs:reconsider)\b(?:ask|asking|beg|urge)\s+you\s+to\s+reconsider\b|\breconsider\s+(?:your|the)\s+decision\b
    |\bI(?:'ll|\s+will|\s+would)\s+do\s+(?:absolutely\s+)?anything\b
    # need: "I really need this job", "how badly I need this job"
    |\bI\s+(?:\w+\s+){{0,2}}?need\s+(?:this|the|that)\s+{_JOB}\b|\bI\s+(?:\w+\s+){{0,2}}?need\s+this\s+one\b
    |(?#needs:need)\b(?:really|badly|desperately|truly|seriously|so)\s+need\s+(?:a|this|the|that)\s+{_JOB}\b
    |\bhow\s+(?:badly|desperately|much)\s+I\s+(?:need|needed|want|wanted)\s+(?:this|the|that|a)\s+{_JOB}
    |\bdesperate(?:ly)?\s+(?:for|to\s+(?:get|land|join|work)|need|want|wanted|needed)\b
    |\b(?:I'm|I\s+am|I\s+feel|I'm\s+getting)\s+(?:\w+\s+)?desperate\b
    |(?#needs:depend|count|rely|relies|relying)\b(?:my\s+(?:family|rent|mortgage|bills|future)|I|I'm|I\s+am|we|we're)\s+(?:\w+\s+)?(?:\w+\s+)?
        (?:depends?|depending|count(?:s|ing)?|rel(?:y|ies|ying))\s+on\s+(?:this|you\s+(?:hiring|giving)|getting\s+this)
    # "my family is relying on me to find work"
    |\bmy\s+(?:family|kids|children|wife|husband|partner|parents)\s+(?:is|are)\s+(?:\w+\s+)?
        (?:relying|depending|counting)\s+on\s+me\b
    |\b(?:this|the|that)\s+{_JOB}\s+(?:would\s+)?means?\s+everything\s+to\s+me\b
    # "it would mean the world to me to get this job", "I don't know what I'll do if ..."
    |\b(?:would|will|'d)\s+mean\s+(?:the\s+world|everything)\s+to\s+me\b
    |\bI\s+(?:don't|do\s+not)\s+know\s+what\s+I(?:'ll|\s+will|'d|\s+would)\s+do\s+(?:if|without)\b
    |\bI(?:'ll|\s+will)\s+(?:lose\s+my\s+(?:house|home|apartment)|be\s+(?:homeless|evicted))
    |\b(?:can't|cant|cannot|can\s+not)\s+afford\s+to\s+(?:miss\s+out|lose|not\s+get|be\s+(?:turned\s+down|rejected)|let\s+this
        |wait)
    # another offer with a clock on it: "I have another offer that expires this Friday"
    |(?#needs:offer)\boffers?\s+(?:that\s+|which\s+)?(?:\w+\s+){{0,3}}?(?:expires?|expiring|lapses?|runs\s+out)\b
    |(?#needs:offer)\b(?:another|other|competing|second|outside)\s+(?:job\s+)?offers?\b[^.!?\n]{{0,50}}?
        \b(?:deadline|(?:by|before|until)\s+{_DAY})
    # the decision asked for soon: "I'd appreciate a decision soon", "I await your offer by end
    # of day"
    |\b(?:appreciate|need|want|expect|await|awaiting|require)\s+(?:a|an|your|the)\s+(?:quick\s+|prompt\s+|fast\s+|speedy\s+|swift\s+)?
        (?:decision|answer|response|reply|update|offer|verdict)\s+(?:\w+\s+)?(?:soon|quickly|promptly|shortly|sooner|(?:by|before|within)\s+{_DAY})
    # "I need an answer sooner than that", "I want a decision now"
    |\b(?:need|want|require|expect|I'd\s+like|I\s+would\s+like)\s+(?:an?\s+|your\s+)?(?:answer|decision|response|reply|update|offer)\s+
        (?:sooner|quicker|faster|now|urgently|asap|immediately|today|this\s+week)\b
    # impatience: "I can't keep waiting around", "I cannot wait much longer"
    |(?#needs:wait)\bI\s+(?:can't|cannot|can\s+not|won't|will\s+not)\s+(?:just\s+)?(?:keep\s+(?:on\s+)?waiting|wait\s+(?:around|forever
        |(?:much|any|a\s+lot)\s+longer)(?!\s+to\b))
    # pushing: "I will call you every day", "I'll keep following up until"
    |\bI(?:'ll|\s+will|\s+plan\s+to|\s+intend\s+to|'m\s+going\s+to|\s+am\s+going\s+to)\s+(?:\w+\s+)?
        (?:call|email|e-mail|ring|text|message|check\s+in|follow\s+up|reach\s+out|contact|stop\s+by)
        (?:\s+(?:with\s+)?you)?\s+(?:\w+\s+)?(?:every|each|daily|twice|again\s+and\s+again|until)\b
    |\bI(?:'ll|\s+will)\s+keep\s+(?:calling|emailing|e-mailing|following\s+up|checking\s+in|writing)\b
    # turning up or calling to collect the decision: "I'll call you Monday to get your decision",
    # "I'll drop by your office to find out whether you've decided"
    |\bI(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|\s+plan\s+to)\s+(?:\w+\s+)?
        (?:drop|stop|swing|pop|come)\s+(?:by|in|round|over)\s+(?:to\s+)?(?:your|the)\s+(?:office|building|desk)
    |\bI(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to)\s+[^.!?\n]{{0,40}}?\b
        (?:to\s+(?:get|hear|collect|find\s+out|learn)|for)\s+(?:your|a|the)\s+(?:final\s+)?(?:decision|answer|verdict)
    |\bto\s+find\s+out\s+(?:whether|if)\s+you(?:'ve|\s+have)\s+(?:made\s+a\s+decision|decided)
    # presuming the decision: "I see no reason to prolong the process", "you can stop looking"
    |(?#needs:reason|need|point)\bno\s+(?:reason|need|point)\s+(?:for\s+you\s+|for\s+us\s+)?to\s+
        (?:(?:prolong|extend|drag\s+out|delay|draw\s+out|lengthen)\s+(?:the|this|your|any)\s+(?:\w+\s+)?
            (?:process|search|interviews?|decision|recruitment|hiring|deliberations?)
        |(?:wait|deliberate)\s+(?:any\s+)?(?:longer|further)|keep\s+(?:looking|searching|interviewing)
        |(?:interview|see|meet|consider)\s+(?:anyone|anybody|any\s+other|other|more|further)|look\s+(?:any\s+)?(?:further|elsewhere))
    |\byou\s+(?:can|may|should|could)\s+(?:now\s+|safely\s+)?(?:stop|end|call\s+off|cancel|close)\s+
        (?:your\s+|the\s+)?(?:search|looking|interviewing|other\s+interviews|recruitment|hiring\s+process)\b
    # announcing the start as if hired: "I will be at reception at 9am on Monday to collect my
    # badge", "see you on Monday for my first day" (not "I'm available to start on Monday")
    |(?#needs:badge|pass|keys|key|laptop|lanyard|uniform|card)\bI(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|\s+plan\s+to
        |\s+intend\s+to)\s+[^.!?\n]{{0,60}}?\bto\s+(?:collect|pick\s+up|get|sign\s+for|receive)\s+(?:my|the)\s+(?:[\w-]+\s+){{0,2}}?
        (?:badge|pass|keys?|laptop|lanyard|uniform|access\s+card|id\s+card)\b
    |(?#needs:first\s+day)\b(?:see\s+you|be\s+(?:there|in|at\s+\w+))\s+(?:[\w:]+\s+){{0,4}}?(?:for|on)\s+my\s+first\s+day\b
    |\bI(?:'ll|\s+will)\s+(?:be\s+)?(?:start(?:ing)?(?:\s+work)?|report(?:ing)?\s+(?:for\s+(?:work|duty)|to\s+(?:work|reception
        |the\s+office|your\s+office)))\s+(?:on\s+|from\s+)?(?:(?:this|next|the\s+coming|coming)\s+)?
        (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|first\s+thing|the\s+\d{{1,2}}(?:st|nd|rd|th)\b)
    |(?#needs:expect)\bI\s+(?:\w+\s+)?expect\s+(?:my|the)\s+(?:[\w-]+\s+){{0,2}}?(?:office|desk|workstation|laptop|badge|contract
        |paperwork|start\s+date)\s+to\s+be\b
    # presuming the decision: "you won't regret hiring me"
    |\byou\s+(?:won't|will\s+not|wouldn't|would\s+not)\s+regret\s+(?:hiring|choosing|picking|taking|giving|it)\b
    |\bdrag(?:ging|ged)?\s+(?:this|the|it)\s+(?:\w+\s+)?out\b
    |\bhaven't\s+you\s+(?:called|replied|responded|answered|gotten\s+back|decided)\b
    |\byou\s+(?:won't|will\s+not|couldn't|could\s+not)\s+find\s+(?:a\s+|anyone\s+|anybody\s+)?better\b
    |\byou\s+(?:have|need|ought)\s+to\s+hire\s+me\b|\byou\s+(?:must|should)\s+hire\s+me\b
    |\bI\s+deserve\s+(?:this|the|that)\s+{_JOB}\b
    # the paperwork demanded by a date: "I expect the contract in my inbox by Monday"
    |(?#needs:by|before|later|within)\bI\s+(?:\w+\s+)?(?:expect|need|require|demand|want)\s+(?:the|an?|your|my)\s+
        (?:signed\s+|formal\s+|written\s+|official\s+)?(?:contract|offer\s+letter|paperwork|job\s+offer|offer)\s+
        (?:[\w'-]+\s+){{0,4}}?(?:by|before|within|no\s+later\s+than)\s+{_DAY}
    # demanding a decision: "I expect a decision by Friday"
    |\bI\s+(?:expect|need|require|demand|must\s+have|must\s+get|want|'d\s+like|would\s+like)\s+(?:a|an|your|the)\s+
        (?:final\s+|firm\s+)?(?:decision|answer|response|reply|offer|update|verdict)\s+
        (?:by|before|within|no\s+later\s+than|today|tomorrow|immediately|right\s+away|asap|now)
    |(?#needs:by|before|later)\b(?:let\s+me\s+know|decide|respond|reply|get\s+back\s+to\s+me|make\s+(?:a|your)\s+decision)\s+
        (?:\w+\s+){{0,3}}?(?:by|before|no\s+later\s+than)\s+{_DAY}
    |(?#needs:by|before|later)\b(?:decision|answer|response|reply)\s+(?:by|before|no\s+later\s+than)\s+{_DAY}
    # "I need to know by Friday", "I must hear back before Monday"
    |(?#needs:by|before|later|within)\bI\s+(?:\w+\s+)?(?:need|must|have|want|expect)\s+(?:to\s+)?
        (?:know|hear(?:\s+back)?|have\s+(?:an?\s+|your\s+)?(?:answer|decision|response))\s+
        (?:\w+\s+){{0,3}}?(?:by|before|within|no\s+later\s+than)\s+{_DAY}
    |(?#needs:by|before|later)\b(?:reply|response|answer|decision|word)\s+(?:from\s+you\s+)?
        (?:by|before|no\s+later\s+than)\s+{_DAY}
    |\b(?:asap|immediately|urgently|right\s+away|as\s+soon\s+as\s+possible)\b
    # the writer's own deadline set on the decision: "I'm hoping to wrap up my search by Friday",
    # "a decision this week would really help", "as I need to give notice by the 30th"
    |(?#needs:search)\b(?:wrap\s+up|finali[sz]e|conclude|close\s+out|end|complete)\s+my\s+(?:job\s+)?search\s+
        (?:\w+\s+){{0,2}}?(?:by|before|within)\s+{_DAY}
    |(?#needs:help)\b(?:decision|answer|response)\s+(?:by\s+|before\s+)?{_DAY}\s+would\s+(?:really\s+|greatly\s+)?help\b
    |(?#needs:need)\b(?:as|since|because)\s+I\s+(?:\w+\s+)?need\s+to\s+
        (?:give|hand\s+in|serve|sign|accept|decline|respond|reply|answer|let)\s+(?:[\w'-]+\s+){{0,5}}?
        (?:by|before|within)\s+{_DAY}
    |\bif\s+I\s+(?:don't|do\s+not)\s+hear\s+(?:back\s+)?(?:from\s+you\s+)?(?:by|before|within)\b
    |(?#needs:unless)\bunless\s+I\s+hear\s+(?:back\s+)?(?:from\s+you\s+)?(?:by|before|first|sooner|within)\b
    # the writer's own clock on another offer: "I'll be accepting one of them on Friday"
    |(?#needs:accept|tak|sign|go\s+with)\bI(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|\s+plan\s+to|\s+intend\s+to
        |\s+have\s+to|\s+need\s+to|\s+must)\s+(?:be\s+)?(?:accept\w*|tak(?:e|ing)|sign\w*|go(?:ing)?\s+with)\s+
        (?:one\s+of\s+them|(?:an|another|the\s+other|their|that|a\s+competing)\s+(?:[\w-]+\s+)?(?:offer|job|position|role)s?)\s+
        (?:on\s+|by\s+|before\s+)?{_DAY}
    # watching the inbox: "I'll be checking my email every five minutes until you reply"
    |(?#needs:email|e-mail|inbox|phone)\bI(?:'ll|\s+will|'m|\s+am)\s+(?:be\s+)?(?:checking|refreshing|watching|staring\s+at
        |glued\s+to)\s+(?:my\s+)?(?:email|e-mail|inbox|phone)\s+(?:\w+\s+)?(?:every|until|constantly|nonstop|non-stop
        |all\s+day|hourly)\b
    """,
    re.VERBOSE,
)
# A timeline the interviewer set is theirs to keep, not pressure: "as we discussed, ... by Friday".
_THEIR_TIMELINE = lazy_re(
    r"\b(?:as\s+(?:we|you)\s+(?:discussed|mentioned|said|noted|indicated|suggested|agreed)|"
    r"you\s+(?:mentioned|said|noted|indicated|expect|plan|hope)|your\s+(?:timeline|timeframe)|"
    r"per\s+(?:our|your)\s+(?:conversation|discussion))\b",
    re.IGNORECASE,
)
_CONTRAST = lazy_re(r"\b(?:but|however|although|though|yet)\b", re.IGNORECASE)
_URGENT = lazy_re(
    r"asap|immediately|urgently|right\s+away|as\s+soon\s+as(?:\s+possible)?", re.IGNORECASE
)
_DECISION_WORDS = lazy_re(
    r"\b(?:decision|decide|answer|respond|response|reply|hear|offer|update|get\s+back|let\s+me\s+know"
    r"|call\s+me|text\s+me|email\s+me|contact\s+me)\b",
    re.IGNORECASE,
)
_NEGATION_BEFORE = lazy_re(
    r"(?:\b(?:not|never|no|don't|won't|wouldn't|didn't)\s+(?:\w+\s+)?(?:\w+\s+)?|\bwithout\s+)$",
    re.IGNORECASE,
)
_ABOUT_START_DATE = lazy_re(r"\b(?:start|begin|join)\b", re.IGNORECASE)
# The start announced as if hired ("I'll start on Monday", "my first day"); in a reply to an offer,
# or on a condition ("if offered, I will start on Monday"), it is plain logistics.
_PRESUMED_START = lazy_re(
    r"^I(?:'ll|\s+will)\s+(?:be\s+)?(?:start|report)|\bmy\s+first\s+day$|\bexpect\s.*\sto\s+be$"
    r"|\bto\s+(?:collect|pick\s+up|get|sign\s+for|receive)\s+(?:my|the)\s.*(?:badge|pass|keys?|laptop"
    r"|lanyard|uniform|card)$",
    re.IGNORECASE,
)
_PRESUMED_DECISION = lazy_re(r"no\s|you\s+(?:can|may|should|could)\s")
_CONDITION = lazy_re(
    r"\b(?:if|once|should|when|assuming|subject\s+to|were\s+I|offered|successful)\b", re.IGNORECASE
)
# "No need to prolong the process" steps aside when the writer withdraws or leaves the pace to the
# reader ("on my account"); only otherwise does it presume the decision.
_STEPS_ASIDE = lazy_re(
    r"\b(?:on\s+my\s+account|for\s+my\s+sake|because\s+of\s+me)\b", re.IGNORECASE
)
_WITHDRAWS = lazy_re(
    r"\b(?:withdraw\w*|accepted\s+(?:an(?:other)?|a|the\s+other)\s+(?:[\w-]+\s+)?(?:offer|position|role|job)"
    r"|no\s+longer\s+(?:available|interested|pursuing|looking|seeking|in\s+the\s+market))\b",
    re.IGNORECASE,
)
_OFFER_MADE = lazy_re(
    r"\b(?:accept\w*|thank\w*\s+(?:you\s+)?(?:so\s+much\s+|very\s+much\s+)?for|received|delighted\s+(?:with|by)"
    r"|pleased\s+(?:with|by))\s+(?:your|the)\s+(?:\w+\s+){0,2}?offer\b|\bwelcome\s+(?:aboard|to\s+the\s+team)\b",
    re.IGNORECASE,
)


class _Asked:
    """Searches of a sentence (or of the whole note), each done once: a rule asks the same of a
    sentence for every match in it, and a long sentence full of matches cost time in the square
    of its length."""

    __slots__ = ("_answers", "_texts", "_work")

    def __init__(self, work: str) -> None:
        self._work = work
        self._texts: dict[tuple[int, int], str] = {}
        self._answers: dict[tuple[object, int, int, int], re.Match[str] | None] = {}

    def text(self, s: int, e: int) -> str:
        text = self._texts.get((s, e))
        if text is None:
            text = self._texts[(s, e)] = self._work[s:e]
        return text

    def search(
        self, pattern: re.Pattern[str], s: int, e: int, pos: int = 0
    ) -> re.Match[str] | None:
        """``pattern.search(work[s:e], pos)``."""
        key = (pattern, s, e, pos)
        if key not in self._answers:
            self._answers[key] = pattern.search(self.text(s, e), pos)
        return self._answers[key]

    def contrast(self, s: int, e: int, pos: int, endpos: int) -> bool:
        """Whether ``_CONTRAST.search(work[s:e], pos, endpos)`` finds one, from one search of
        the sentence from ``pos``: a contrast before ``endpos`` is that first one, or a word
        that ``endpos`` cuts short ("but" of "butter"), at most eight letters before it."""
        first = self.search(_CONTRAST, s, e, pos)
        if first is not None and first.end() <= endpos:
            return True
        near = max(pos, endpos - len("although"))
        return _CONTRAST.search(self.text(s, e), near, endpos) is not None


class Pressure(Rule):
    """Begging, neediness and deadlines push the reader away.

    The interviewer weighs several people and answers to others; pressure reads as a risk,
    and a deadline on their decision is one they did not agree to. Restate your interest and
    offer help with the next step instead.

    Good:
    - Thank you for meeting me. As you mentioned, I look forward to hearing about next steps by
      Friday.
    - I'm very excited about the role and happy to send anything that would help.
    - My best quality is that I need a job, said no candidate ever.
    - I have other processes moving, but this role is my first choice.
    - I'm available to start on Monday if that helps.
    - I can't wait much longer to get started on the launch.
    Bad:
    - Please give me another chance to show what I can do.
    - I really need this job.
    - I will call you every day until I hear back.
    - I expect a decision by Friday.
    - I'd like an answer by Thursday, as I can't keep waiting.
    - Hire me or don't, but tell me soon.
    - I would appreciate a decision within the next 48 hours.
    - I see no reason to prolong the process; I will be in on Monday to collect my badge.
    - I've told my whole family that I got the job, so it would be awkward if I didn't.
    """

    id = "pressure"
    title = "Pressure"
    severity = "error"
    message = (
        "Pressure or neediness reads as a risk to the interviewer, and a deadline on their "
        "decision is one they never agreed to."
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        asked = _Asked(doc.work)
        whole = len(doc.work)
        for m in doc.matches(_PRESSURE):
            s, e = doc.sentence_at(m.start())
            if _URGENT.fullmatch(m.group()) and not asked.search(_DECISION_WORDS, s, e):
                continue  # "I can start right away" is eagerness, not pressure
            if _URGENT.fullmatch(m.group()) and asked.search(_ABOUT_START_DATE, s, e):
                continue
            theirs = asked.search(_THEIR_TIMELINE, s, e)
            if theirs and not asked.contrast(s, e, theirs.end(), max(m.start() - s, 0)):
                # "as you mentioned, you'll decide by Friday" is their timeline; "you said two
                # weeks, but I need to know by tomorrow" overrides it.
                continue
            if _NEGATION_BEFORE.search(doc.before(m.start(), 25)):
                continue
            if _PRESUMED_START.search(m.group()) and (
                asked.search(_CONDITION, s, e) or asked.search(_OFFER_MADE, 0, whole)
            ):
                continue  # "if offered, I will start on Monday"; "I accept your offer ..."
            if _PRESUMED_DECISION.match(m.group()) and (
                asked.search(_STEPS_ASIDE, s, e) or asked.search(_WITHDRAWS, 0, whole)
            ):
                continue  # "no need to delay the process on my account", a withdrawal
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                m.end(),
                "I remain very interested in the role. " + STRONG_CTA,
            )
