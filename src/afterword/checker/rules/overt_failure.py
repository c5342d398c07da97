"""``overt-failure``: the note says outright that the interview or the candidate went badly."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import clause_end, follow_up_for
from afterword.checker.text import lazy_re, lower_re

_ADV = r"(?:(?:totally|completely|really|kind\s+of|sort\s+of|just|probably|definitely|so|badly|"
_ADV += r"pretty\s+much|absolutely|utterly|simply|clearly|obviously|somewhat|a\s+bit)\s+)?"
_I = r"\bI(?:'d|'ve|\s+had|\s+have|\s+must\s+have|\s+may\s+have|\s+might\s+have)?\s+" + _ADV
_FAILURE = lower_re(
    rf"""
    # "I bombed", "I knew I'd messed up", "I blanked on", "I froze"
    {_I}(?:bombed|botched|flubbed|fumbled|tanked|choked|rambled|floundered
         |blanked|froze(?:\s+up)?|(?:blew|blown)\s+(?:it|the\s+interview|my\s+chance|that\s+question)
         |messed\s+(?:up|it\s+up)|screwed\s+(?:up|it\s+up)
         # "stumbled on the budgeting question"; not "stumbled on your blog", "stumbled upon"
         |stumbled(?!\s+upon|\s+across|\s+on\s+(?!(?:the|your|that|a|an|one|my)\s+(?:[\w'-]+\s+){{0,3}}?
            (?:question|answer|part|section|case|problem|exercise|test|task|bit|one)))
         |struggled\s+(?:to|with|through)|failed\s+to\s+(?:answer|explain|show|impress|convey|make)
         |fell\s+(?:short|apart|flat)|fell\s+to\s+pieces|panicked|drew\s+a\s+blank
         |made\s+(?:a\s+|such\s+a\s+)?(?:right\s+|real\s+|complete\s+|total\s+|bit\s+of\s+a\s+)?
            (?:mess|fool|hash|muddle|hash-up|dog's\s+dinner|pig's\s+ear)
         |embarrassed\s+myself|underperformed|lost\s+(?:my\s+(?:train|nerve|cool|way|thread|focus)|the\s+thread)
         |(?:ran|went)\s+(?:(?:well|way|far|a\s+bit|a\s+little|slightly|badly)\s+)?over\s+(?:time|my\s+(?:allotted\s+)?time
            |the\s+(?:allotted\s+)?(?:time|limit|time\s+limit|slot))
         |got\s+(?:(?:a\s+bit|a\s+little|rather|quite|so|very|really|completely|totally)\s+)?(?:muddled|tied\s+(?:up\s+)?in\s+knots|tongue-tied
            |tangled\s+up\s+in\s+(?:my|the)\s+(?:own\s+)?(?:answer|explanation|words|details|numbers))
         |went\s+to\s+pieces|let\s+(?:myself|you|everyone|the\s+(?:team|panel))\s+down
         |let\s+(?:my\s+)?nerves\s+(?:take\s+over|get\s+the\s+better|get\s+to\s+me|win))\b
    # "I didn't do well", "I did not perform my best", "I don't feel I came across well", "I
    # didn't come across as I'd hoped", "I don't think I did myself justice"
    |(?#needs:n't|not)\bI\s+(?:really\s+)?(?:didn't|did\s+not|don't\s+think\s+I|do\s+not\s+think\s+I
        |don't\s+(?:feel|believe)\s+(?:like\s+|that\s+)?I|do\s+not\s+(?:feel|believe)\s+(?:like\s+|that\s+)?I)\s+
        (?:\w+\s+)?(?:do|did|perform|interview|present|come\s+across|came\s+across|get\s+across|got\s+across|answer
        |show\s+(?:up|myself)|express|communicate|articulate|explain|describe|convey|sell|handle|represent|show)\w*\s+
        (?:[\w'-]+\s+){{0,7}}?
        (?:well|good|my\s+best|great|strongly|clearly|as\s+well|my\s+(?:true|real)|at\s+all|justice
        |as\s+I(?:'d|\s+had|\s+would\s+have)?\s+(?:hoped|wanted|intended|planned|meant|liked|expected))\b
    |(?#needs:poorly|badly|terribly|awfully|horribly|miserably|weakly)
    \bI\s+(?:did|performed|interviewed|answered|presented|came\s+across)\s+(?:\w+\s+)?
        (?:poorly|badly|terribly|awfully|horribly|miserably|weakly)\b
    # "I was not at my best", "I wasn't myself"
    |(?#needs:not)\bI(?:\s+was|\s+am|'m)\s+(?:really\s+|definitely\s+|just\s+)?not\s+(?:quite\s+)?
        (?:at\s+my\s+(?:best|sharpest|strongest|finest|brightest|most\s+[\w-]+)|myself|on\s+my\s+game)
    |\bI\s+wasn't\s+(?:quite\s+|really\s+)?(?:at\s+my\s+(?:best|sharpest|strongest|finest|brightest|most\s+[\w-]+)
        |myself|on\s+my\s+game)
    # British "not on form", "off my game", "not my finest hour"
    |\bI(?:\s+was|\s+am|'m)?\s+(?:wasn't|was\s+not|not)\s+(?:really\s+|quite\s+)?(?:on\s+(?:top\s+)?form|on\s+my\s+game)\b
    |\bI(?:\s+was|\s+am|'m|\s+felt)\s+(?:\w+\s+)?off\s+(?:form|my\s+game)\b
    |\b(?:not|hardly|wasn't|was\s+not|isn't)\s+(?:exactly\s+|quite\s+)?my\s+(?:finest|best|proudest|strongest)
        \s+(?:hour|moment|day|interview|performance|showing|work)
    # "I won't pretend it was my best interview"
    |\bpretend\s+(?:that\s+)?(?:it|the\s+interview|that|this)\s+(?:was|went)\s+(?:my\s+best|well|great|smoothly|perfectly)
    # "I wasn't as prepared as I should have been", "I was not well prepared"
    |\bI\s+(?:wasn't|was\s+not)\s+(?:nearly\s+|quite\s+)?(?:as\s+)?(?:prepared|ready|focused|sharp|clear|articulate|composed
        |concise|confident|polished|crisp|strong|calm|organi[sz]ed|structured)
        \s+as\s+I(?:'d|\s+should|\s+could|\s+would|\s+might|\s+needed|\s+wanted|\s+ought|\s+had\s+hoped)
    |\bI\s+(?:wasn't|was\s+not)\s+(?:well|fully|properly|sufficiently|adequately)\s+prepared\b
    |\b(?:not|far\s+from)\s+my\s+(?:best|finest|strongest)\s+(?:day|interview|performance|showing|moment|work)
    # "my poor performance", "my disappointing conduct", "my nervousness"
    |\bmy\s+(?:\w+\s+)?(?:poor|weak|bad|terrible|awful|disappointing|lackluster|lacklustre|subpar
        |sub-par|shaky|nervous|rambling|clumsy|embarrassing|regrettable|unprofessional|inadequate
        |mediocre|disastrous|dismal|botched|incomplete|incoherent)\s+
        (?:performance|answers?|responses?|showing|interview|conduct|behaviou?r|presentation
        |impression|explanation|attempt|demeanou?r|start)
    |\bmy\s+(?:nervousness|nerves\s+got|mind\s+went\s+blank|lapse|blunder|stumble|meltdown|gaffe)
    # an answer owned as poor, on any topic: "my answer on the pricing question was muddled", "my
    # explanation of the model was a bit of a mess" (not "could have been fuller", which adds)
    |\b(?:my\s+(?:[\w-]+\s+)?(?:answers?|responses?|explanations?|presentation|pitch|replies|reply|examples?|walk-?through
        |demo|solution|talk|argument|case\s+study)|the\s+answer\s+I\s+gave)
        (?:\s+(?:on|about|to|regarding|for|in|during|around|at|of)\s+(?:[\w'&.-]+\s+){{0,4}}?[\w'&.-]+)?
        \s+(?:was|were|got|came\s+out|came\s+across|felt|sounded|seemed|ended\s+up)\s+
        (?:(?:a\s+bit|a\s+little|a\s+touch|rather|quite|pretty|very|too|really|so|somewhat|fairly|frankly|honestly
            |totally|completely|probably|definitely|just|far\s+too|slightly|a\s+lot\s+more|more)\s+){{0,2}}
        (?:(?:a|an)\s+(?:(?:bit\s+of\s+a|real|complete|total|absolute|right)\s+)?(?:mess|muddle|jumble|ramble|disaster
            |shambles|tangle)
        |muddled|rambling|rambly|confused|confusing|weak|messy|garbled|incoherent|disjointed|jumbled|all\s+over\s+the\s+place
        |poor|scattered|shaky|woolly|wooly|long-winded|disorgani[sz]ed|clumsy|sloppy|terrible|awful|bad|vague|waffly
        |waffling|off\s+(?:the\s+mark|track|topic)|underwhelming|patchy|half-baked|tangled)\b
    # an answer that lost its way or ran over: "my presentation ran over time and lost its thread"
    |\bmy\s+(?:[\w-]+\s+)?(?:presentation|answers?|talk|pitch|explanation|argument|responses?|demo|walk-?through|case\s+study)
        \b(?:\s+[\w'&.-]+){{0,8}}?\s+(?:lost\s+(?:its|their|the|my)\s+(?:thread|way|focus)
        |(?:ran|went)\s+(?:(?:well|way|far|a\s+bit|a\s+little|slightly|badly|\w+\s+minutes)\s+)?(?:over\s+(?:time
            |my\s+(?:allotted\s+)?time|its\s+time|the\s+(?:allotted\s+)?(?:time|limit|time\s+limit|slot)|by\b)|too\s+long|long\b))
    |\b(?:lapse\s+in\s+judge?ment|mind\s+went\s+(?:completely\s+)?blank|went\s+(?:completely\s+)?blank)\b
    # "the interview was a train wreck", "it went badly", "I am a total screw-up"
    |\b(?:what|such|a\s+total|a\s+complete|an\s+absolute)\s+(?:a\s+)?train[\s-]?wreck
    |\btrain[\s-]?wreck\s+of\s+an?\s+(?:interview|answer|performance|conversation)
    # (an aside may sit after the verb: "that interview was, I think we both know, a disaster";
    # a part may stand for the whole: "the second half of the interview went badly")
    |(?#needs:disaster|mess|failure|fiasco|wreck|dumpster|bad|poorly|terribl|horribl|awful|rough|wrong|n't\s+go|not\s+go|plan)
    \b(?:(?:the|our|my|that|this)\s+interview|it|that|the\s+call|the\s+meeting
        |(?:the|our|my)\s+(?:first|second|last|latter|final|later|middle|technical|closing|opening)\s+
            (?:half|part|portion|section|stretch|hour)(?:\s+of\s+(?:the|our|my)\s+(?:interview|conversation|call|meeting))?
        |my\s+answer|the\s+presentation|today|yesterday)\s+(?:was|went|turned\s+out|felt|did\s+not\s+go
        |didn't\s+go)(?:\s*,\s*(?:[\w']+\s+){{0,6}}?[\w']+\s*,)?\s+(?:(?!not\b|never\b)\w+\s+)?(?:a\s+|an\s+)?
        (?:complete\s+|total\s+|absolute\s+|bit\s+of\s+a\s+)?
        (?:disaster|mess|failure|fiasco|train[\s-]?wreck|dumpster\s+fire|badly|poorly|terribly|horribly|awful|terrible|rough|wrong
        |bad|well|as\s+(?:planned|hoped|I\s+(?:hoped|wanted|planned|intended))
        |(?:the\s+way|how)\s+(?:I|we|either\s+of\s+us|you|anyone|I'd|we'd)\s+(?:had\s+|would\s+have\s+)?
            (?:hoped|wanted|planned|intended|expected|would\s+have\s+liked|liked)
        |(?:according\s+)?to\s+plan)\b
    # "the interview did not reflect what I can do", "... didn't show my true ability"
    # "I don't feel my answer about X did justice to my experience", "my answer didn't do it
    # justice"
    |(?#needs:justice)\bI\s+(?:really\s+)?(?:don't|do\s+not)\s+(?:feel|think|believe)\s+(?:that\s+|like\s+)?
        (?:my|the)\s+(?:[\w-]+\s+)?(?:answers?|responses?|explanations?|presentation|pitch|examples?|replies|reply)
        \b(?:\s+[\w'&.-]+){{0,8}}?\s+(?:really\s+|quite\s+|fully\s+)?(?:did|does|do)\s+(?:(?:it|me|them)\s+)?(?:full\s+|much\s+)?justice\b
    |(?#needs:justice)\bmy\s+(?:[\w-]+\s+)?(?:answers?|responses?|explanations?|presentation|pitch|examples?)
        \b(?:\s+[\w'&.-]+){{0,8}}?\s+(?:didn't|did\s+not|doesn't|does\s+not)\s+(?:really\s+|quite\s+|fully\s+)?do\s+
        (?:(?:it|me|them)\s+)?(?:full\s+|much\s+)?justice\b
    # the damage owned: "I know it made the second half of the interview pretty rough"
    |(?#needs:rough|awkward|uncomfortable|difficult|tense|painful)\b(?:it|that|this|I|my\s+(?:nerves|nervousness|reaction|outburst|mistake|silence|rambling))\s+(?:\w+\s+)?made\s+
        (?:the|our|my)\s+(?:[\w-]+\s+){{0,2}}?(?:(?:half|part|end|rest|portion|stretch)\s+of\s+(?:the|our|my)\s+)?
        (?:interview|conversation|call|meeting)\s+(?:(?:pretty|rather|quite|very|really|a\s+bit|a\s+little|so|more|much)\s+)?
        (?:rough|awkward|uncomfortable|difficult|tense|painful)\b
    |(?#needs:reflect|show|represent)\b(?:the\s+interview|our\s+interview|my\s+interview|it|my\s+answers?|my\s+performance|today|yesterday)
        \s+(?:did\s+not|didn't|does\s+not|doesn't|may\s+not\s+have|might\s+not\s+have)\s+
        (?:really\s+|fully\s+|accurately\s+)?(?:reflect|show|represent|do\s+justice\s+to)\s+
        (?:what\s+I|my\s+(?:true\s+|real\s+|actual\s+|full\s+)?(?:abilit|skill|potential|capabilit|experience|strength))
    |(?#needs:failure|mess|wreck|disaster|fool|idiot|prepared|flustered|tongue|screw)
    \bI\s+(?:am|'m|was|felt|feel)\s+(?:\w+\s+)?(?:a\s+)?(?:total\s+|complete\s+|such\s+a\s+)?
        (?:failure|mess|train[\s-]?wreck|wreck|disaster|fool|idiot|unprepared|underprepared|flustered|tongue-tied
        |screw[\s-]?up)\b(?!\s+(?:analysis|recovery|mode|modes|rate|planning|response))
    |\b(?:could|can)\s+barely\s+(?:finish|speak|talk|answer|think|string|get)
    # "i was rusty on the graph stuff", "I felt a bit out of practice"
    |(?#needs:rusty|out\s+of\s+practice)\bI\s+(?:was|felt|got|seemed|sounded)\s+(?:\w+\s+){{0,2}}?(?:rusty|out\s+of\s+practice)\b
    # conduct owned: "I talked over you", "I kept interrupting you"
    |(?#needs:over\s+you|interrupt)\bI\s+(?:\w+\s+)?(?:talked|spoke|interrupted|kept\s+interrupting)\s+(?:over\s+)?you\b
    # how it came across: "I came across as nervous and unprepared", "I must have seemed flustered"
    |(?#needs:across|seemed|looked|sounded)\bI\s+(?:\w+\s+){{0,2}}?(?:came\s+across|seemed|looked|sounded)\s+
        (?!(?:your|the|a|an|this|that|some|my|our|his|her|their|its)\b)(?:as\s+)?(?:\w+\s+)?
        (?:nervous|unprepared|underprepared|flustered|rattled|scattered|disorganised|disorganized|unfocused
        |out\s+of\s+my\s+depth|tongue-tied|clueless|incompetent|unprofessional|poorly|badly|flat|wooden|stiff
        |lacklust(?:er|re)|distracted|disengaged|half-hearted|unsure\s+of\s+myself)\b
    |(?#needs:all\s+over\s+the\s+place)\b(?:my\s+(?:answers?|responses?|thoughts|presentation)|I)\s+(?:was|were|'m|am)\s+(?:\w+\s+)?all\s+over\s+the\s+place
    # conduct owned as bad: "I was dismissive", "I came across as defensive"
    |\bI\s+(?:was|got|became|must\s+have\s+been)\s+(?:\w+\s+)?(?:dismissive|defensive|rude|curt|abrupt|evasive
        |unprofessional|flippant|argumentative|arrogant)\b
    |\bmy\s+nerves\s+(?:got|took|get|take|were|had)\s+(?:the\s+(?:better|best)|over|hold)
    # pace or nerves owned as the fault: "I was too slow on the grill", "I was far too nervous"
    |(?#needs:too)\bI\s+was\s+(?:far\s+|much\s+|way\s+|a\s+bit\s+|a\s+little\s+|just\s+|simply\s+)?too\s+(?:slow|nervous
        |hesitant|rushed|tense|anxious|flustered|quiet|long-winded|wordy|vague)\b
    |(?#needs:fault)\b(?:was|were)\s+(?:all\s+|entirely\s+|completely\s+|totally\s+)?my\s+(?:own\s+)?fault\b
    # "I could have done (much) better", "I know I can do better than that"
    |(?#needs:better)\bI\s+(?:\w+\s+)?(?:could|should|can|would)\s+(?:have\s+)?(?:done|answered|performed|interviewed|presented)\s+
        (?:\w+\s+)?(?:much\s+|a\s+lot\s+|far\s+|so\s+much\s+|significantly\s+)?better\b
    |(?#needs:n't|not|unable)\bI\s+(?:couldn't|could\s+not|wasn't\s+able\s+to|was\s+unable\s+to|did\s+not|didn't)\s+
        (?:fully\s+|properly\s+|even\s+|really\s+)?
        (?:(?:answer|recall|remember)\s+(?:your|the|a|an|any|that|my|what|how|why|even)\b
        |(?:think\s+of|come\s+up\s+with)\s+(?:an?\s+|the\s+|any\s+)?(?:good\s+|clear\s+|relevant\s+)?
        (?:answer|example|response))
    |(?#needs:answer|response|example|reply)\bI\s+(?:didn't|did\s+not)\s+(?:have|give|know)\s+(?:a\s+|an\s+|the\s+)?(?:good|great|strong|clear
        |better|solid|proper|complete|real)?\s*(?:answer|response|example|reply)
    |(?#needs:answer|response|example)\bI\s+(?:gave|had)\s+(?:you\s+|the\s+panel\s+|him\s+|her\s+|them\s+)?(?:a\s+|an\s+|such\s+a\s+|some\s+
        |a\s+few\s+|a\s+couple\s+of\s+|two\s+|three\s+)?(?:\w+\s+)?(?:poor|weak|bad|terrible|rambling|vague
        |confused|confusing|incomplete|wrong|disappointing|incoherent|half-baked|muddled|garbled|woolly|wooly|shaky|sloppy
        |lacklust(?:er|re)|thin|waffly)\s+(?:answer|response|example)
    # an answer owned as weak: "my answer on the case study missed the mark", "my pitch fell flat"
    |(?#needs:missed\ the|fell\ flat|fell\ short|n't\ land|not\ land)
    \b(?:my|that|the|this)\s+(?:[\w'-]+\s+){{0,8}}?
        (?:missed\s+the\s+mark|fell\s+(?:flat|short)|didn't\s+land|did\s+not\s+land)\b
    # self-reproach: "I'm kicking myself for blanking", "I've been beating myself up"
    |(?#needs:myself)\b(?:kicking|beating|kick)\s+myself\b
    # "I didn't love how I answered", "I'm not happy with my answer on pricing"
    |(?#needs:n't|not)\bI(?:'m|\s+am|\s+was)?\s+(?:still\s+)?(?:didn't|did\s+not|wasn't|was\s+not|not)\s+(?:\w+\s+)?
        (?:love|like|happy\s+with|pleased\s+with|satisfied\s+with|proud\s+of|thrilled\s+with)\s+
        (?:(?:how|the\s+way)\s+I\b|my\s+(?:\w+\s+)?(?:answers?|responses?|performance|presentation|showing))
    # conduct owned: "I talked far too much", "cutting you off several times"
    |(?#needs:too)\bI\s+(?:\w+\s+){{0,3}}?(?:talked|spoke|rambled|went\s+on)\s+(?:\w+\s+)?(?:too\s+much|too\s+long|for\s+too\s+long)\b
    |\b(?:cutting|cut|kept\s+cutting)\s+you\s+off\b
    |(?#needs:impression)\bI\s+(?:made|left)\s+(?:a\s+)?(?:\w+\s+)?(?:poor|bad|terrible|negative|weak)\s+(?:first\s+)?impression
    # a picture not given: "I did not give you a clear picture of my experience"
    |(?#needs:picture|sense|idea|account)\bI\s+(?:\w+\s+){{0,3}}?(?:didn't|did\s+not|failed\s+to|wasn't\s+able\s+to
        |couldn't|could\s+not)\s+(?:really\s+)?(?:give|paint|convey|present)\s+(?:you\s+|the\s+panel\s+)?(?:a|an|the)\s+
        (?:very\s+)?(?:clear|full|good|accurate|complete|true|strong|fair|real)\s+(?:picture|sense|idea|account)\s+of\b
    # "I'm sorry about how our interview went"
    |(?#needs:went)\b(?:sorry|apologi[sz]e|apologies|regret|embarrassed|disappointed)\s+(?:\w+\s+)?(?:about|for|with|by)\s+
        how\s+(?:the|our|my|today's|yesterday's)\s+(?:\w+\s+)?(?:interview|call|conversation|meeting|presentation)\s+went\b
    # "I don't think I did a great job explaining my background"
    |(?#needs:job)\bI\s+(?:really\s+)?(?:didn't|did\s+not|don't\s+think\s+I|do\s+not\s+think\s+I|don't\s+feel\s+(?:like\s+)?I
        |do\s+not\s+feel\s+(?:like\s+)?I)\s+(?:did|do|had\s+done)\s+(?:a\s+|the\s+|my\s+)?(?:very\s+|particularly\s+
        |especially\s+|that\s+|such\s+a\s+)?(?:good|great|strong|solid|fantastic|best|decent)\s+job\b
    # an answer owned as a poor likeness: "it was not a good reflection of me", "it came out far
    # more negative than I intended"
    |(?#needs:reflection)\b(?:it|that|this|(?:my|that|the)\s+(?:\w+\s+)?(?:answer|response|performance|interview)
        (?:\s+(?:on|about|to|regarding)\s+(?:[\w'-]+\s+){{0,3}}?[\w'-]+)?|today|yesterday)\s+(?:was|is)(?:n't|\s+not)\s+(?:really\s+|exactly\s+|quite\s+)?(?:a|an)\s+
        (?:good|great|fair|true|accurate|real|full)\s+reflection\s+of\b
    |(?#needs:reflection)\b(?:was|is)\s+(?:a\s+)?(?:poor|bad|weak)\s+reflection\s+of\b
    |(?#needs:came)\b(?:it|that|(?:my|that|the)\s+(?:\w+\s+)?(?:answer|response|point|explanation)
        (?:\s+(?:on|about|to|regarding)\s+(?:[\w'-]+\s+){{0,3}}?[\w'-]+)?|what\s+I\s+said)\s+came\s+(?:out|across)\s+
        (?:all\s+|completely\s+|totally\s+)?(?:wrong|badly|poorly|(?:far\s+|much\s+|a\s+lot\s+|way\s+)?
        (?:more\s+\w+|harsher|worse)\s+than\s+I\s+(?:intended|meant|wanted))
    """,
    re.VERBOSE,
)
# "It went well", "that went as planned", "not a disaster" are the opposite.
_POSITIVE_AFTER = lazy_re(
    r"(?:well|as\s+(?:planned|hoped|I\s+\w+)|to\s+plan|(?:the\s+way|how)\s+[\w\s']+)$",
    re.IGNORECASE,
)
_NEGATED = lazy_re(r"n't\b|\bnot\b", re.IGNORECASE)
# "sorry about how the interview went" regrets it; "how the interview went" alone may be good.
_REGRETTED = lazy_re(r"sorry|apologi|regret|embarrassed|disappointed", re.IGNORECASE)
_NEGATION_BEFORE = lazy_re(
    r"\b(?:not|never|wasn't|isn't|hardly|no|don't\s+think|didn't\s+think|wouldn't\s+say|"
    r"if|whether|worry\s+that|afraid\s+that|hope)\s+(?:\w+\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


_ASKED_WHERE_BEFORE = lazy_re(
    r"\b(?:on|about|of|know|learn|understand|see|hear|share|me|us)\s+(?:where|how|why|what|in\s+what\s+ways?)\s+$",
    re.IGNORECASE,
)
_REFUSE_BEFORE = lazy_re(r"\b(?:won't|can't|cannot|couldn't|wouldn't)\s+$", re.IGNORECASE)


class OvertFailure(Rule):
    """Saying the interview went badly writes the verdict for the interviewer.

    They may not have noticed the stumble, or weighed it far less than you do. Naming it in
    writing makes it the thing they remember; offer what you would add instead.

    Good:
    - Thank you for the conversation. I wanted to add to my answer about pricing: we moved two
      customers to annual plans and kept both.
    - I stumbled upon your engineering blog after we spoke and enjoyed the post on testing.
    - The interview went well from my side, and I enjoyed meeting the team.
    - My answer on the pricing model could have been fuller, so here are the figures.
    - I hope my example about the audit did justice to the work the team put in.
    Bad:
    - I know I bombed the technical question.
    - I blanked on the SQL question.
    - I didn't do well in the second half of the interview.
    - Sorry the interview was such a train wreck.
    - Please overlook my poor performance yesterday.
    - I don't feel I came across well in the panel.
    - I know my answer on the pricing model was muddled.
    - My presentation ran over time and lost its thread.
    - I think I came across pretty flat in the panel.
    - I was too slow on the practical task.
    - I don't think my answer on hiring did justice to my experience.
    - That interview was, I suspect, a bit of a mess.
    """

    id = "overt-failure"
    title = "Says it went badly"
    severity = "error"
    message = (
        "Saying the interview went badly writes the verdict for the interviewer, who may "
        "have weighed it far less than you do."
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        reported = -1  # where the last finding ends: one sentence's admissions are one finding
        for m in doc.matches(_FAILURE):
            if m.start() < reported:
                continue
            text = m.group()
            if (
                _POSITIVE_AFTER.search(text)
                and not _NEGATED.search(text)
                and not _REGRETTED.match(text)
            ):
                continue  # "it went well", "it went as planned"
            negated = _NEGATION_BEFORE.search(doc.before(m.start(), 30)) is not None
            if text.startswith("pretend"):
                # Only a refusal to pretend admits it: "I won't pretend it was my best".
                if not negated and not _REFUSE_BEFORE.search(doc.before(m.start(), 30)):
                    continue
            elif negated:
                continue  # "I don't think it was a disaster", "if I rambled"
            if _ASKED_WHERE_BEFORE.search(doc.before(m.start(), 30)):
                continue  # "any feedback on where I fell short" asks; it does not admit

            sentence = doc.sentence_at(m.start())
            end = clause_end(doc.work, m.end(), max(sentence[1], m.end()))
            reported = end
            yield doc.finding(
                self.id,
                self.severity,
                self.message,
                m.start(),
                end,
                follow_up_for(doc.work[m.start() : end]),
                replaces_span=True,
            )
