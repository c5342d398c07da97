"""``spelling``: common misspellings, from a small list that works offline."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checker.document import Document
from afterword.checker.report import Finding
from afterword.checker.rules.base import Rule
from afterword.checker.text import lazy_re

# A curated subset of Wikipedia's "Lists of common misspellings/For machines", weighted to the
# words of job-search mail. A full dictionary (pyspellchecker) would cost ~0.2 s to load on
# every `afterword check`; a fixed list costs nothing and has no false alarms on names.
_MISSPELLINGS = {
    "accomodate": "accommodate",
    "acheive": "achieve",
    "acheived": "achieved",
    "adress": "address",
    "agressive": "aggressive",
    "apparant": "apparent",
    "appriciate": "appreciate",
    "apreciate": "appreciate",
    "appreicate": "appreciate",
    "arguement": "argument",
    "begining": "beginning",
    "beleive": "believe",
    "buisness": "business",
    "calender": "calendar",
    "collegue": "colleague",
    "collegues": "colleagues",
    "comittee": "committee",
    "commited": "committed",
    "concious": "conscious",
    "definately": "definitely",
    "definatly": "definitely",
    "dissapointed": "disappointed",
    "embarass": "embarrass",
    "enviroment": "environment",
    "excelent": "excellent",
    "existance": "existence",
    "experiance": "experience",
    "familar": "familiar",
    "finaly": "finally",
    "foward": "forward",
    "freind": "friend",
    "goverment": "government",
    "grammer": "grammar",
    "gratefull": "grateful",
    "greatful": "grateful",
    "harrass": "harass",
    "immediatly": "immediately",
    "independant": "independent",
    "intrested": "interested",
    "intresting": "interesting",
    "interveiw": "interview",
    "intervew": "interview",
    "knowlege": "knowledge",
    "liason": "liaison",
    "managment": "management",
    "neccessary": "necessary",
    "necesary": "necessary",
    "noticable": "noticeable",
    "occassion": "occasion",
    "occured": "occurred",
    "occurence": "occurrence",
    "oportunity": "opportunity",
    "oppurtunity": "opportunity",
    "opprotunity": "opportunity",
    "oppertunity": "opportunity",
    "persue": "pursue",
    "posession": "possession",
    "posistion": "position",
    "postion": "position",
    "prefered": "preferred",
    "profesional": "professional",
    "proffesional": "professional",
    "publically": "publicly",
    "realy": "really",
    "recieve": "receive",
    "recieved": "received",
    "recomend": "recommend",
    "recomendation": "recommendation",
    "refered": "referred",
    "relevent": "relevant",
    "responsability": "responsibility",
    "resposibility": "responsibility",
    "seperate": "separate",
    "sincerly": "sincerely",
    "sincerley": "sincerely",
    "succesful": "successful",
    "successfull": "successful",
    "sucess": "success",
    "supercede": "supersede",
    "thier": "their",
    "tommorow": "tomorrow",
    "tommorrow": "tomorrow",
    "truely": "truly",
    "untill": "until",
    "wich": "which",
    "writting": "writing",
    "youre": "you're",
    "teh": "the",
    "thankyou": "thank you",
    "alot": "a lot",
}
# Words are looked up in the dict one by one: a regex alternation of a hundred words costs
# more than the rest of the checker together.
_WORD = lazy_re(r"[a-z]{3,}")
# Lower-case ASCII letters kept and every other byte blanked out: a cheap look at the letter runs
# of an ASCII body before any regex runs.
_LETTER_BYTES = bytes(c if ord("a") <= c <= ord("z") else 32 for c in range(256))
# "Thank your for" is the classic slip of a fast typist.
_THANK_YOUR = lazy_re(r"thank\s+your\s+for\b")


class Spelling(Rule):
    """A misspelling in a three-sentence note is the thing the reader notices.

    Why it matters, and good and bad examples: ``checker/data/rules/spelling.yaml``.
    """

    id = "spelling"

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in doc.matches(_THANK_YOUR):
            yield doc.finding(
                self.id,
                self.severity,
                "\u201cThank your for\u201d: a typo for \u201cthank you for\u201d.",
                m.start(),
                m.end(),
                _case(doc.work[m.start() : m.start() + 1], "thank you for"),
                replaces_span=True,
            )
        if _MISSPELLINGS.keys().isdisjoint(_letter_runs(doc.scan[doc.body.start : doc.body.end])):
            return
        for m in doc.matches(_WORD):
            right = _MISSPELLINGS.get(m.group())
            if right is None:
                continue
            word = doc.work[m.start() : m.end()]
            yield doc.finding(
                self.id,
                self.severity,
                f"\u201c{word}\u201d looks misspelled.",
                m.start(),
                m.end(),
                _case(word, right),
                replaces_span=True,
            )


def _letter_runs(text: str) -> list[str]:
    """The runs of lower-case letters that ``_WORD`` finds in ``text``, and maybe shorter ones
    (no misspelling is shorter than three letters)."""
    if text.isascii():
        return text.encode("ascii").translate(_LETTER_BYTES).decode("ascii").split()
    return _WORD.findall(text)


def _case(original: str, word: str) -> str:
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
