"""``overt-failure``: the note says outright that the interview or the candidate went badly."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.phrases import PhraseSet, load_phrases
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.suggestions import clause_end, follow_up_for
from afterword.checker.text import lazy_re

_ADV = r"(?:(?:totally|completely|really|kind\s+of|sort\s+of|just|probably|definitely|so|badly|"
_ADV += r"pretty\s+much|absolutely|utterly|simply|clearly|obviously|somewhat|a\s+bit)\s+)?"
_FAILURE = PhraseSet(load_phrases("overt-failure"))
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
                phrase=_FAILURE.phrase_of(m).id,
            )
