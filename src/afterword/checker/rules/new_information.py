"""``missing-new-information``: the note adds nothing the reader did not already have."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.text import lazy_re, lower_re

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|hundred)"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ACHIEVEMENT_VERB = (
    r"(?:increas|grew|grow|reduc|cut|sav|boost|improv|rais|lower|decreas|generat|driv|drove|doubl"
    r"|tripl|quadrupl|ship|launch|led|lead|manag|hir|train|mentor|built|build|clos|sold|sell|won"
    r"|deliver|scal|migrat|automat|streamlin|expand|onboard|recruit|publish|secur|negotiat"
    r"|accelerat|shortened|shrank|halv|achiev|exceed|surpass|coordinat|organi[sz]|rais)\w*"
)
_METRIC_NOUN = (
    r"(?:users|customers|clients|subscribers|accounts|leads|downloads|students|patients"
    r"|employees|engineers|developers|reports|people|members|projects|stores|locations|countries"
    r"|markets|deals|sales|sign-?ups|visitors|installs|transactions|requests|tickets|orders"
    r"|volunteers|hires|partners|products|features|campaigns|events|attendees|followers"
    r"|articles|papers|applications|services|servers|teams|sites|schools|hospitals|beds"
    r"|images|samples|records|files|items|titles|books|courses|modules|videos|pages|tests|bugs"
    r"|incidents|releases|apps|branches|shops|sessions|workshops|classes|pupils|families|homes"
    r"|units|machines|vehicles|trucks|routes|shipments|invoices|languages|technicians|staff"
    r"|nurses|agents|reps|suppliers|vendors|contracts|claims|cases|calls|interviews|donors"
    r"|grants|patents|publications|certifications|clinics|wards|sites|properties|listings|colleagues"
    r"|co-?workers|peers|analysts|managers|trainees|apprentices|interns|learners|graduates|juniors)"
)
_NEW_INFO = lower_re(
    rf"""
    # a flagged addition: "one thing I wanted to add", "I forgot to mention"
    \b(?:one|another|a|a\s+few|a\s+couple\s+(?:of\s+)?|two|three|some)\s+(?:more\s+|other\s+|last\s+|quick\s+)?
        (?:things?|points?|details?|examples?|ideas?|notes?|items?)\s+(?:that\s+)?I(?:'d\s+like|\s+(?:\w+\s+)?(?:wanted
        |want|meant|forgot|neglected|didn't|did\s+not|should|would\s+like|'d\s+like))\b
    |\bI\s+(?:didn't|did\s+not|never)\s+get\s+to\s+(?:mention|share|add|say|tell|show)\b
    # the point left out, now supplied: "I never got to the point about documenting it"
    |\b(?:never|didn't|did\s+not)\s+(?:get|got|make|made)\s+(?:it\s+)?to\s+(?:the|my)\s+(?:main\s+|key\s+|real\s+)?
        (?:point|part|bit)\s+(?:about|on|where|that)\b
    # news flagged as such: "please be advised that", "FYI", "just so you know", "addendum"
    |\bplease\s+(?:be\s+advised|note\s+that)\b|\bfyi\b|\baddendum\b
    # an answer finished after the interview: "about the SQL question, ...", "quick follow-up on
    # the system design:", "here's the fix", "the bug was my base case", "a better way is"
    |(?#needs:question|problem|exercise|challenge|design|case)\b(?:about|regarding|re|as\s+for
        |(?:follow[\s-]?up|update|addendum|note)\s+(?:on|to))\s+the\s+(?:[\w-]+\s+){{0,3}}?
        (?:question|problem|exercise|challenge|design|case\s+study)\s*[,:\u2014]
    |\bhere(?:'s|\s+is)\s+(?:the|my|a)\s+(?:\w+\s+)?(?:fix|solution|corrected|revised|working|updated)\b
    |\bthe\s+(?:bug|fix|mistake|error|issue)\s+(?:is|was)\b
    |\b(?:a|the)\s+better\s+(?:way|approach|solution|answer|example)\s+(?:is|would\s+(?:be|have\s+been))\b
    # an answer redone: "here is how I would approach it", "the honest version is that"
    |\bhere(?:'s|\s+is)\s+how\s+I\s+(?:would|'d|should|could|might|will)\s+(?:have\s+)?
        (?:approach|solv|answer|handl|tackl|structur|explain|fix)\w*
    |\bthe\s+(?:honest|real|short|shorter|full|fuller|longer|accurate|true|clearer)\s+
        (?:version|answer|story|explanation|reason)\s+(?:is|was)\b
    # a slip corrected: "the error in my previous email", "I of course meant the Associate role"
    |\b(?:error|mistake|typo)\s+in\s+my\s+(?:previous|last|earlier|first)\s+(?:email|e-mail|message|note|letter)\b
    |\bI\s+(?:of\s+course|actually|obviously)\s+meant\b
    |\bI\s+went\s+back\s+(?:and|to|over)\b
    |\bI\s+(?:said|mentioned|suggested|proposed|answered)\b[^.!?\n]{{0,80}},\s+but\s+(?:for|in|with|actually|on)\b
    # a document or licence that changed: "my security clearance was reinstated on March 3",
    # "my contract with my previous BPO ended last week", "my visa expires on 30 June"
    # or a check or card that has just come in: "my DBS check came back clear", "my CSCS card
    # came through"
    |(?#needs:expire|ended|ends|renewed|reinstated|approved|issued|granted|came\s+through|came\s+back|runs\s+out|ran\s+out
        |arrived|cleared)
    \bmy\s+(?:[\w-]+\s+){{0,2}}?(?:visa|permit|lease|contract|licen[cs]e|clearance|certification|registration|authori[sz]ation
        |card|check|certificate|results?|paperwork|badge|ticket|passport)\b
        [^.!?\n]{{0,40}}?\b(?:expires|expired|ended|ends|renewed|reinstated|approved|issued|granted|came\s+through
        |came\s+back|(?:has|have)\s+(?:now\s+|just\s+)?(?:arrived|cleared)|arrived\s+(?:today|yesterday|this)
        |runs\s+out|ran\s+out)\b
    |(?#needs:expired|broken|n't\s+work|not\s+work|n't\s+open|not\s+open|n't\s+load)\b(?:link|file|attachment|portal|form)\s+(?:[\w']+\s+){{0,4}}?
        (?:expired|(?:is|was)\s+broken|(?:doesn't|does\s+not|didn't|did\s+not|won't)\s+(?:work|open|load))\b
    |\bI\s+(?:just\s+|finally\s+|recently\s+|also\s+)?(?:got|received|earned|passed|obtained)\s+my\s+[^.!?\n]{{0,30}}?
        \b(?:yesterday|today|this\s+(?:morning|week)|(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday
        |sunday|week|month))\b
    # experience counted in years: "i have 3 years at dollar general", "every Saturday for two
    # years"
    |\bI\s+(?:have|'ve|had|bring)\s+(?:over\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:\d{{1,2}}|{_WORD_NUMBER})\+?\s+years?\s+
        (?:at|with|in|as|of)\b
    |(?#needs:years)\bI(?:'ve|\s+have)\s+(?:\w+\s+){{0,2}}?(?:worked|volunteered|served|taught|coached|nursed)\b[^.!?\n]{{0,60}}?
        \bfor\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|the\s+(?:past|last)\s+)?(?:\d{{1,2}}|{_WORD_NUMBER}|several|many)
        \s+years\b
    # "I used it every day for three years", "which I ran for 4 years" (a count: "for years" is
    # no fact)
    |(?#needs:years)\bI\s+(?:\w+\s+){{0,2}}?(?:used|ran|run|managed|led|worked|taught|coached|nursed|volunteered|served
        |supported|maintained|owned|handled|supervised|trained|administered|operated|looked\s+after|cared\s+for)\b
        [^.!?\n]{{0,60}}?\bfor\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|the\s+(?:past|last)\s+|about\s+|around\s+
        |roughly\s+)?(?:\d{{1,2}}|{_WORD_NUMBER})\+?\s+(?:full\s+)?years\b
    # the years first: "For three years I have volunteered every Saturday at the play group"
    |(?#needs:years)\bfor\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|the\s+(?:past|last)\s+)?
        (?:\d{{1,2}}|{_WORD_NUMBER}|several|many)\s+years,?\s+(?:now,?\s+)?I(?:'ve|\s+have)?\s+(?:\w+\s+)?
        (?:worked|volunteered|served|taught|coached|nursed|run|ran|managed|led|helped|supported|cared|looked\s+after)\b
    # office English for an attachment: "PFA", "I enclose herewith", "on my site"
    |\bpfa\b|\bherewith\b|\b(?:I|we)\s+(?:hereby\s+)?(?:enclose|attach)\b
    |\bon\s+my\s+(?:web)?(?:site|portfolio|github|blog)\b
    |\bI\s+(?:also\s+|just\s+|really\s+)?(?:wanted|want|meant|would\s+like|'d\s+like|wish)\s+to\s+
        (?:\w+\s+)?(?:add|mention|share|clarify|correct|expand\s+on|elaborate
        # "follow up on my interview" is a check-in, not an addition
        |follow\s+up\s+on(?!\s+(?:my\s+(?:[\w-]+\s+)?(?:interview|application|candidacy)
            |the\s+(?:status|position|role|job|interview|opening)
            |our\s+(?:\w+\s+)?(?:conversation|interview|meeting|chat|call|discussion)\s+(?:from|last|on|about|regarding)\b))
        |build\s+on|revisit|return\s+to|circle\s+back|highlight|point\s+out|note\s+that
        |give\s+you\s+a\s+(?:better|fuller|clearer|more))\b
    |\bI\s+(?:\w+\s+)?(?:forgot|neglected|failed|omitted)\s+to\s+(?:mention|add|say|share|tell|note)\b
    |\bI\s+(?:didn't|did\s+not)\s+(?:\w+\s+)?(?:get|have|find)\s+(?:\w+\s+)?(?:chance|time|opportunity)
        \s+to\s+(?:mention|share|discuss|add|tell|talk\s+about|explain|show)\b
    |\bI\s+(?:should|could)\s+(?:also\s+)?have\s+(?:mentioned|said|added|shared|explained|noted)\b
    |\bto\s+(?:add\s+to|expand\s+on|build\s+on|clarify|elaborate\s+on|correct
        |follow\s+up\s+on(?!\s+my\s+(?:[\w-]+\s+)?(?:interview|application|candidacy)\b
            |\s+our\s+(?:\w+\s+)?(?:conversation|interview|meeting|chat|call|discussion)\s+(?:from|last|on|about|regarding)\b)
        |complete|round\s+out)\s+(?:my|what\s+I|our|the\s+(?:answer|point))
    |(?#needs:question)\b(?:regarding|about|on|as\s+for|re|following\s+up\s+on|in\s+(?:response|answer)\s+to)\s+your\s+
        question\s+(?:about|on|regarding|of|around)\b
    |\byou\s+asked\s+(?:me\s+)?(?:about|how|what|why|whether|if|which|for)\b
    |\bto\s+clarify\b|\bto\s+be\s+(?:clear|more\s+precise)\b|\bI\s+misspoke\b
    |\b(?:correction|clarification)\s*:|\bfor\s+the\s+record\b|\bset\s+the\s+record\s+straight\b
    |\b(?:gave|given|give|left|leave)\s+(?:you\s+)?(?:the|a)\s+(?:wrong|false|mistaken|misleading)\s+impression\b
    |\b(?:I|we)\s+(?:can|could|did|do|will)\s+in\s+fact\b|\bin\s+fact,?\s+(?:the|it|we|our)\s+\w+\s+(?:was|is|were)\b
    |\bI\s+(?:said|mentioned|stated|told\s+you)\b[^.!?\n]{{0,80}}\bbut\s+(?:actually|in\s+fact|it\s+was)\b
    # the answer that would not come: "the answer I was reaching for was a write-through cache"
    |(?#needs:reaching|looking|searching|groping|fishing|trying|should|meant)\bthe\s+(?:[\w-]+\s+)?(?:answer|point|example|word|term
        |approach|solution|name|figure|number|design|pattern|structure|method)\s+I\s+(?:was\s+(?:reaching|looking|searching|groping|fishing)\s+for
        |was\s+trying\s+to\s+(?:find|give|make|recall|remember|think\s+of|get\s+to)|should\s+have\s+(?:given|used|made|said)
        |meant(?:\s+to\s+give)?)\s+(?:was|is)\b
    |\bwhat\s+I\s+(?:meant|was\s+trying\s+to\s+say)\s+(?:to\s+say\s+)?(?:was|is)\b|\bI\s+should\s+have\s+said\b
    |\bto\s+give\s+you\s+(?:a|the)\s+(?:proper|fuller|better|clearer|complete|more\s+complete|real|straight
        |direct|full)\s+answer\b
    |\bthe\s+(?:correct|right|actual|accurate|exact)\s+(?:figure|number|date|answer|amount|total)\s+(?:is|was)\b
    # a corrected figure: "the cohort was 2,400 samples, not 240", "due in June 2026, not May"
    |(?#needs:,\s+not\s)\b(?:is|was|are|were)\s+[^,.;!?\n]{{0,40}}?\d[^,.;!?\n]{{0,30}},\s+not\s
    # attachments, links and references offered
    |\b(?:attached|enclosed|included|linked)\s+(?:is\s+|are\s+|below\s+|here\s+)?
        (?:a|an|the|my|some|two|three|both|links?)\b
    |\b(?:find|see)\s+(?:\w+\s+){{0,3}}?(?:attached|enclosed|below|linked)\b
    |\b(?:is|are|I've|I\s+have|have\s+been|has\s+been)\s+(?:also\s+)?(?:attached|enclosed)\b
    |\b(?:attached|enclosed)\s+(?:here|below|above|to\s+this)\b
    # "I am attaching", "in the attached one-pager", "attached it here"
    |\b(?:attaching|enclosing)\b|\bthe\s+attached\s+[\w-]+|\b(?:attached|linked)\s+(?:it|them|both)\b
    |\[(?:link|url|attachment|portfolio\s+link)\]
    |\bhere(?:\s+is|'s|\s+are)\s+(?:a|an|the|my|some)\s+(?:\w+\s+)?(?:link|copy|sample|summary|deck
        |portfolio|write-?up|draft|outline|example|demo|repo|repository|article|report|mock-?up
        |references|referees|contacts)\b
    |\bhere\s+are\s+(?:{_WORD_NUMBER}|{_NUMBER})\s+(?:[\w-]+\s+)?(?:references|referees|examples|samples|links|ideas)\b
    # documents that only exist to be sent: "my publication list or reference letters"
    |\b(?:reference|recommendation)\s+letters?\b|\bletters?\s+of\s+(?:reference|recommendation)\b
    |\bpublication\s+list\b|\blist\s+of\s+(?:my\s+)?(?:publications|references|referees)\b
    |https?://\S+|\bwww\.\w\S*|\.(?:com|org|io|dev|net|ai|app|co)/\S+|\bgithub\.com\b
    |\b(?:send|share|provide|forward|pass\s+along|email)\s+(?:you\s+)?(?:over\s+|along\s+)?
        (?:my\s+|a\s+few\s+|some\s+|the\s+|a\s+(?:short\s+|brief\s+|quick\s+)?|two\s+|three\s+)?
        (?:references|case\s+stud(?:y|ies)|(?:work|writing|code)\s+samples?|samples?\s+of\s+my
        |portfolio|examples?\s+of\s+my|deck|slides|proposal|plan|write-?up|summary|outline|mock-?ups?
        |demo|prototype|analysis|recommendation\s+letters?|letters?\s+of\s+recommendation|article
        |transcripts?|certificates?|report
        |(?:[\w'-]+\s+){{1,3}}?(?:data|results|figures|lesson\s+plans?|verification|licen[cs]e|certificates?|payslips?
            |score\s*cards?|dashboards?|spreadsheets?|code|repo|portfolio|notes|observations?|appraisals?|evaluations?
            |testimonials?|transcripts?|reports?|samples?|designs?|drawings|sketches|photos|certifications?)
        |(?:[\w-]+\s+)?(?:data|results|figures|lesson\s+plans?|dashboards?|spreadsheets?|repo))\b
    # references offered: "let me know if you need references", "referees available"
    |\b(?:need|want|like|require|request|see|contact)\s+(?:any\s+|some\s+|my\s+|the\s+)?(?:references|referees|refs)\b
    |\b(?:references|referees)\s+(?:are\s+)?(?:available|on\s+request|upon\s+request|ready)\b
    # "I can send contact details for my two referees", "the names of my references"
    |\b(?:details|names?|numbers?|emails?)\s+(?:for|of)\s+(?:my|two|three|both)\s+(?:[\w-]+\s+)?(?:references|referees)\b
    # a named reference: "happy for you to contact my supervisor, Jo Kent, as a reference"
    |\bas\s+(?:a|my|one\s+of\s+my)\s+(?:reference|referee)s?\b(?!\s+(?:point|book|guide|manual))
    |\bagreed\s+to\s+(?:act\s+as\s+(?:a\s+|my\s+)?(?:reference|referee)s?|be\s+(?:a\s+|my\s+)?(?:reference|referee)s?
        |speak\s+(?:with|to)\s+you)\b
    # work brought to the next round: "I'll bring the portfolio pieces we talked about"
    |\bI(?:'ll|\s+will|\s+can|\s+could)\s+(?:also\s+)?bring\s+(?:along\s+)?(?:the|my|some|a\s+few|a\s+copy\s+of|copies\s+of)\s+
        (?:[\w-]+\s+){{0,3}}?(?:portfolio|samples|examples|pieces|designs|drawings|sketches|certificates|references
        |prototype|mock-?ups?|report|plan|slides|deck)\b
    # own work offered to look at: "if you'd like to see any of my dashboards"
    |\b(?:like|want|care)\s+to\s+see\s+(?:any\s+of\s+|some\s+of\s+|more\s+of\s+)?my\b
    # a credential held: "I hold a current prescriber licence", "registration no. 2087342"
    |\bI\s+(?:hold|have)\s+(?:a|an)\s+(?:current|valid|full|active)\s+[\w-]+(?:\s+[\w-]+){{0,2}}?\s+
        (?:licen[cs]e|registration|certification|certificate|annotation|clearance|visa|permit)\b
    # or one that is valid to a date: "I have a food handler's card that's valid until March"
    |(?#needs:valid|good\s+until|good\s+through)\bI\s+(?:hold|have|'ve\s+got|have\s+got|also\s+have|also\s+hold)\s+(?:a|an|my)\s+
        (?:[\w'-]+\s+){{0,3}}?(?:licen[cs]e|card|certificate|certification|permit|visa|clearance|registration|ticket
        |qualification|passport)\s+(?:that's\s+|that\s+is\s+|which\s+is\s+|which's\s+)?(?:still\s+)?(?:valid|good)\s+
        (?:until|till|through|to|for)\b
    |\b(?:no\.|number|\#)\s?\d{{5,}}|\#[a-z]{{1,3}}-?\d{{4,}}
    # experience counted: "6 years experience", "twelve years of experience"
    |(?#needs:years)\b\d{{1,2}}\+?\s+(?:(?:full|more)\s+)?years'?\s+(?:of\s+)?(?:\w+\s+)?experience\b
    # own work offered: "happy to share the onboarding flow I built at my last company"
    |\b(?:send|share|show|forward)\s+(?:you\s+)?(?:the|a|my|some)\s+(?:[\w-]+\s+){{0,3}}?I\s+
        (?:built|wrote|made|designed|created|developed|drafted|put\s+together)\b
    # time spent, counted: "I spent four years handling scheduling"
    |(?#needs:spent)\bI(?:'ve|'d)?\s+(?:\w+\s+)?spent\s+(?:over\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:the\s+(?:last|past)\s+)?
        (?:\d{{1,2}}|{_WORD_NUMBER})\s+years?\b
    # news ahead with its date: "I'm finishing my MBA in May"
    |(?#needs:finishing|completing|graduating|wrapping)\b(?:I'm|I\s+am|I'll\s+be|I\s+will\s+be)\s+(?:\w+\s+)?
        (?:finishing|completing|graduating|wrapping\s+up)\s+(?:[\w-]+\s+){{0,4}}?(?:in|this|next|by)\s+
        (?:january|february|march|april|may|june|july|august|september|october|november|december
        |(?:the\s+)?(?:spring|summer|fall|autumn|winter)|(?:this|next|the)\s+(?:month|semester|term|year))\b
    # availability offered: "I'm available for a second interview any time Tuesday through Thursday"
    # or on dates: "I am available for the final interview on either 14 or 15 July"
    |(?#needs:available)\b(?:I'm|I\s+am)\s+(?:also\s+|still\s+)?available\s+
        (?:(?:for\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:interview|call|meeting|visit|assessment|session|conversation|chat)
        |to\s+(?:meet|talk|speak|come\s+in|interview|chat|visit)(?:\s+again)?)\s+)?
        (?:any\s?time\s+|all\s+day\s+)?(?:on\s+|between\s+|from\s+)?(?:either\s+|both\s+)?
        (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday
        |\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:or|and|to|-|&|,)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}
        |{_MONTH}\s+\d{{1,2}}|the\s+\d{{1,2}}(?:st|nd|rd|th)|\d{{1,2}}/\d{{1,2}})\b
    # a size that is a fact: "a team of nine", "a budget of two million"
    |\bteam\s+of\s+(?:{_NUMBER}|{_WORD_NUMBER})\b
    # logistics the reader did not have: a start date, relocation, a notice period
    |(?#needs:start)\b(?:can|could|able\s+to|available\s+to|ready\s+to)\s+(?:in\s+fact\s+|actually\s+|now\s+)?start\s+
        (?:work\s+)?(?:any\s+(?:day|time|date)\s+)?(?:on|in|as\s+early\s+as|from|by|within)\s+(?!day\s+one)
    |(?#needs:relocat|move)\brelocation\s+(?:would|will|is|should)\s+(?:not|never)\s+be\s+(?:an?\s+)?(?:issue|problem|concern)\b
    |\b(?:arranged|planning|plan|decided|already\s+set)\s+to\s+(?:move|relocate)\s+to\b|\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:\w+\s+)?(?:moving|relocating)\s+to\b
    |\b(?:give|hand\s+in|serve)\s+(?:my\s+)?(?:[\w']+\s+){{0,3}}?notice\b|\bnotice\s+period\b
    # research done since the interview
    |\b(?:since|after)\s+(?:our|the|we|my)\s+(?:\w+\s+)?(?:conversation|interview|meeting|call|talk
        |chat|spoke|talked|met|visit)\b,?\s+I(?:'ve|\s+have)?\s+(?:also\s+|already\s+)?
        (?:read|looked|researched|learned|found|dug|reviewed|studied|put|sketched|drafted|built|tried
        |completed|finished|spoke|talked|thought|mapped|written|wrote|prepared|outlined|checked
        |created|made|signed|enrolled|started|run|ran|tested|analy[sz]ed|compiled|gathered|realized)\b
    |(?#needs:since)\b(?:reading|looking\s+(?:at|into|through)|going\s+through|reviewing|studying)\s+(?:your|the)\s+
        (?:[\w-]+\s+){{0,3}}?since\b,?\s+I\s+(?:\w+\s+)?(?:see|saw|noticed|found|learned|learnt|read|noted)\b
    |\bI\s+(?:\w+\s+)?(?:looked\s+into|read\s+up\s+on|dug\s+into|did\s+(?:some|a\s+bit\s+of|more)
        \s+(?:\w+\s+)?research|researched|put\s+together|sketched\s+out|drafted|mocked\s+up)\b
    # news
    |\b(?:withdraw|withdrawing|withdrew)\s+(?:my\s+(?:application|candidacy|name)|from)\b|\bmy\s+withdrawal\b
    |\b(?:decided|decision|chosen|need|have|had)\s+to\s+withdraw\b
    # another offer in hand: "the other offer I'm holding", "turned down two other offers"
    |\b(?:another|other|competing)\s+(?:job\s+)?offers?\b
    |\b(?:accepted|received|got|have|'ve|had|hold|holding|considering)\s+(?:an|another|a\s+competing
        |a\s+job|a\s+firm|other|two\s+other|several|\w+\s+other|(?:an|another|a)\s+\w+)\s+(?:job\s+)?offers?\b
    |\bI(?:'ve|\s+have)?\s+(?:(?:just|recently|since|now|also|finally)\s+){{0,2}}(?:passed|earned|completed|finished
        |been\s+awarded|won|published|been\s+promoted|relocated|moved\s+to|obtained|received\s+my|launched|released)
        \b(?!'|\s+(?:it|that|this|them|up|off|speaking|talking|writing)\b)
    |\b(?:good|great|exciting|some)\s+news\b|\bupdate\s*:
    # a credential now in hand: "I've got my forklift licence sorted", "I received my DBS
    # certificate"
    |\bI(?:'ve|\s+have)?\s+(?:(?:just|recently|since|now|also|finally|already)\s+){{0,2}}(?:got|gotten|received|obtained
        |renewed|secured)\s+my\s+(?:[\w'-]+\s+){{0,3}}?(?:certificate|certification|card|licen[cs]e|ticket|check|clearance
        |visa|permit|registration|qualification|degree|diploma|accreditation|badge)s?\b
    # news passed on to someone who was not there (a recruiter, a referee): "they want me to do
    # a take-home task", "he also mentioned the team is moving to three office days"
    |\bthey(?:\s+(?:\w+\s+)?(?:want|would\s+like)|'d\s+like)\s+me\s+to\s+(?:do|complete|come|meet|attend|present
        |prepare|submit|take|sit|join|start|send|interview|travel|visit|go|speak|talk|fill)\b
    |\bthey(?:'ve|\s+have)\s+(?:\w+\s+)?(?:asked|invited|offered|booked|scheduled)\s+me\b
    # (read from the verb: "Mark said they're moving", "the recruiter mentioned that the team is";
    # not "you said the team is", see MissingNewInformation.check)
    |\b(?:said|mentioned|told\s+me|confirmed)\s+(?:that\s+)?(?:he|she|they)(?:'d|'ll|\s+would|\s+will)\s+
        (?:come\s+back|get\s+back|call|ring|email|contact|be\s+in\s+touch|let|send|pass|speak|talk)\b
    |\b(?:mentioned|said|told\s+me|confirmed|explained)\s+(?:that\s+)?
        (?:(?:the|their|they|there)\s+(?:[\w-]+\s+)?(?:is|are|was|were|will|would|'ll|'s|'re|has|have)
        |they(?:'re|'ll|'ve|'d)|there(?:'s|'ll)|the\s+[\w-]+(?:'s|'ll|'re))\b
    # numbers that carry a fact: 18%, $2M, 3x, 40 customers, "reduced churn by 18"
    # one pass over the digits for every "number and unit" fact: 18%, 40 percent, $2M, 3x,
    # 1,200 images
    |\b{_NUMBER}(?:\s?%|\s+percent\b|\s?(?:k|m|bn|million|billion|thousand)\b(?!\s*(?:run|walk|miles?|km))
        |\+?\s+(?:[\w-]+\s+)?{_METRIC_NOUN}\b|(?:x|-fold)\b)
    |(?#needs:percent)\b{_WORD_NUMBER}(?:-\w+)?\s+percent\b
    # a counted result in words, done by the writer: "I worked on two Passivhaus projects"
    |\bI\s+(?:\w+\s+){{0,2}}?(?:worked\s+on|led|ran|managed|built|delivered|completed|shipped|launched|trained|mentored
        |coached|onboarded|hired|supervised)\s+
        {_WORD_NUMBER}\s+(?:[\w-]+\s+)?{_METRIC_NOUN}\b
    |[$€£¥]\s?{_NUMBER}
    |\b(?:doubled|tripled|quadrupled|halved)\b

    # a change in a measure: "from ten working days to five", "from 120 to 45"
    |(?#needs:from)\bfrom\s+(?:{_NUMBER}|{_WORD_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:down\s+|up\s+)?to\s+
        (?:{_NUMBER}|{_WORD_NUMBER}|{_WORD_NUMBER}|one|two)\b
    """,
    re.VERBOSE,
)
# A change done by the writer and measured: "reduced churn by 18", "grew the list to 4,000".
# Found from the number back (a leading alternation of verbs would be tried at every position
# of every note): a number after "by", "to", "from", "of" or "over", then a verb before it in
# the same sentence.
_MEASURE = lazy_re(r"\b(?:by|to|from|of|over)\s+\d")
_ACHIEVED_BEFORE = lazy_re(rf"\b{_ACHIEVEMENT_VERB}\b[^.!?\n]{{0,60}}$")


# A count the writer achieved, as the object of their own deed: "I caught 11 feed failures",
# "I closed 14 deals", "I cut lag 40%" (no "by" or "to" before the figure).
_OWN_COUNT = lazy_re(
    r"\bi\s+(?:[a-z]+ly\s+)?(?:caught|flagged|fixed|resolved|closed|won|shipped|launched"
    r"|hired|trained|mentored|recruited|onboarded|published|cut|saved|raised|secured"
    r"|handled|processed|led|delivered|built|automated|migrated|sold|signed)\s+"
    r"(?:(?:over|about|nearly|almost|more\s+than|roughly|some)\s+)?[$£€]?\d"
)


def _measured_change(doc: Document) -> bool:
    scan, body = doc.scan, doc.body
    for m in _OWN_COUNT.finditer(scan, body.start, body.end):
        if not _restated(doc, m.start()):
            return True
    for m in _MEASURE.finditer(scan, body.start, body.end):
        # The word and its spaces within six characters of the number, as when each number
        # was looked back from (a search per number cost more than this one pass).
        if m.end() - m.start() > 7:
            continue
        if _ACHIEVED_BEFORE.search(
            scan, max(body.start, m.start() - 90), m.start()
        ) and not _restated(doc, m.start()):
            return True
    return False


# "hoping to hear good news" hopes for news; it brings none.
_NEWS_HOPED = lazy_re(
    r"\b(?:hear(?:ing)?|receiv\w*|get(?:ting)?|for|await\w*|bring\s+me|send\s+me)\s+(?:some\s+|any\s+)?$",
    re.IGNORECASE,
)
_NEWS = lazy_re(r"(?:good|great|exciting|some)\s+news$", re.IGNORECASE)


# A date or a phone number is not news: "January 6th", "(000) 745-5247", "10/12".
_NOT_A_FACT = lazy_re(r"^(?:\d{1,2}/\d{1,2}|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})$", re.IGNORECASE)


# "You asked about X: ..." opens an answer; "when you asked about X" only recalls the moment.
_RECALLED = lazy_re(
    r"\b(?:when|while|as|after|before|and|what|that|because|since|if|how|where)\s+$", re.IGNORECASE
)


# News passed on is someone else's word; the reader's own, or the writer's, is nothing new.
_TOLD = ("mentioned", "said", "told", "confirmed", "explained")
_OWN_OR_READERS = lazy_re(
    r"\b(?:you|I|we)(?:'d|'ve)?\s+(?:\w+\s+)?$|\b(?:as|like)\s+(?:was\s+|I\s+|we\s+)?$",
    re.IGNORECASE,
)

# Availability and years of experience are facts the interview itself often gave; a sentence that
# says so ("as I told you", "when you asked about X, which I have run for three years") restates.
_RESTATABLE = lazy_re(
    r"^I(?:'m|\s+am)\s+(?:also\s+|still\s+)?available\b|\bfor\s.*\byears$"
    # a step already done, recapped: "as we discussed, I completed my articles at ..."
    r"|^I(?:'ve|\s+have)?\s+(?:(?:just|recently|since|now|also|finally)\s+){0,2}(?:passed|earned|completed"
    r"|finished|obtained|won|published|relocated|moved\s+to)\b",
    re.IGNORECASE,
)
# A counted result restated: a sentence (or a list) that opens with the writer's own recap, "As I
# mentioned during the interview, I would bring: six years in AP, a team of four". "As we
# discussed, I ..." may still add the figure, and a link or an attachment is new whatever the
# sentence opens with.
_COUNTED = lazy_re(r"\d|\byears?\b|\bteam\s+of\b|\bpercent\b", re.IGNORECASE)
_NOT_COUNTED = lazy_re(r"https?:|www\.|\.(?:com|org|io)|\battach|\benclos", re.IGNORECASE)
_RECAP_OPENING = lazy_re(
    r"\s*+(?:and\s+|so\s+|but\s+)?(?:as|when)\s+I\s+(?:(?:already|briefly)\s+)?(?:mentioned|said|told\s+you|explained"
    r"|noted|described|outlined)\b",
    re.IGNORECASE,
)
_ALREADY_HEARD = lazy_re(
    r"\b(?:as\s+I\s+(?:told|mentioned\s+to|said\s+to)\s+you|as\s+I\s+(?:said|mentioned|explained)"
    r"|as\s+(?:we\s+)?discussed|as\s+you\s+know|when\s+you\s+asked|you\s+asked\s+(?:me\s+)?about)\b",
    re.IGNORECASE,
)


def _restated(doc: Document, pos: int) -> bool:
    start = doc.sentence_at(pos)[0]
    return start < pos and _RECAP_OPENING.match(doc.work, start, pos) is not None


class MissingNewInformation(Rule):
    """A note that only repeats the interview gives the reader no reason to think again.

    After a weak interview the note is the one chance to add what was missing: a fact, a
    number, a result, a link, research done since, or a clarified answer. General claims of fit
    ("I am confident my skills match") add nothing the interviewer did not already have.

    Good:
    - One thing I wanted to add: at Brightline I cut onboarding time by 30%.
    - Since our conversation, I looked into your churn data and sketched a retention plan.
    - Here is a link to the dashboard I mentioned: https://example.org/demo
    - I've also just received my updated first-aid certificate.
    - Thanks for the referral. Priya said they're moving the warehouse onto SAP next spring.
    - I can confirm I am available for the second interview on 3 or 4 March.
    - The pattern I was reaching for was an event queue in front of the billing service.
    - I also hold a forklift licence that is valid until 2028.
    Bad:
    - Thank you for meeting me. I am confident my skills make me a strong fit for the role.
    - Thank you for the interview on January 6th. Call me at (555) 745-5247.
    - I enjoyed learning about the team and I'm eager to contribute.
    - Thank you. As you said, the team is growing fast.
    - Thank you for the chat today. Hoping to hear some good news soon.
    - I wanted to follow up on my second-round interview for the analyst role.
    - Thank you. As we discussed, I completed my training at a city clinic.
    """

    id = "missing-new-information"
    title = "Nothing new"
    severity = "warning"
    message = (
        "The note adds nothing the interviewer did not already have; a fact, a result, a link "
        "or a clarified answer gives them a reason to think again."
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.matches(_NEW_INFO, ordered=False):
            if _NOT_A_FACT.match(m.group()):
                continue
            if _NEWS.match(m.group()) and _NEWS_HOPED.search(doc.before(m.start(), 20)):
                continue  # "hoping to hear good news soon"
            if m.group().startswith("you asked") and _RECALLED.search(doc.before(m.start(), 12)):
                continue  # "when you asked about X, I froze" recalls the question, adds nothing
            if m.group().startswith(_TOLD) and _OWN_OR_READERS.search(doc.before(m.start(), 20)):
                continue  # "as you said, the team is growing" is what the reader already has
            if _RESTATABLE.search(m.group()):
                start = doc.sentence_at(m.start())[0]
                if _ALREADY_HEARD.search(doc.work, start, m.start()):
                    continue  # "as I told you, I am available from June": they have it
            if (
                _COUNTED.search(m.group())
                and not _NOT_COUNTED.search(m.group())
                and _restated(doc, m.start())
            ):
                continue  # "as I mentioned, I bring six years in AP": a recap
            return
        if _measured_change(doc):
            return
        if doc.judge_finds("new_information"):
            return  # added in words no pattern lists (see checker/judge.py)
        yield doc.finding(
            self.id,
            self.severity,
            self.message,
            suggestion="One thing I wanted to add to our conversation: [a result, a number, "
            "or something you looked into since].",
        )
