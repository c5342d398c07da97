"""A learned second opinion on each sentence of a note.

The rules find the phrasings someone listed; a person says the same thing in words nobody
listed ("I had not done my best", "I was not performing well"). The judge is a linear model
(logistic regression) over a sentence's words, word pairs and triples, trained on labelled sentences
(``tools/train_judge.py`` says from which sets and how it was measured).
It gives each sentence a probability per judgment:

- ``apology``, ``overt_failure``, ``pressure``: the rules of those ids report a sentence the
  judge is confident about that no listed phrasing matched;
- ``new_information``, ``call_to_action``: a "missing ..." rule stays quiet when the judge is
  confident a sentence does the job the rule looked for and did not recognise.

Scoring is a sum of weights looked up in a dictionary: no numeric library, a few hundred
microseconds a note. The weights load the first time a note is judged.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

import re2

LABELS = ("apology", "overt_failure", "pressure", "new_information", "call_to_action")

MODEL_PATH = Path(__file__).resolve().parent / "data" / "judge.json"

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*%?|[$£€]|[?!,;:]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_NUMBER = re.compile(r"\d")
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "hardly"})
_CLAUSE_END = frozenset(
    {"?", "!", ",", ";", ":", "but", "however", "although", "though", "because", "so"}
)


def tokens(sentence: str) -> list[str]:
    """The sentence's words in lower case, "n't" as "not", every number as one token."""
    low = sentence.lower().translate(_APOSTROPHES)
    low = low.replace("can't", "can not").replace("won't", "will not").replace("n't", " not")
    return ["<num>" if _NUMBER.match(t) else t for t in _TOKEN.findall(low)]


#: Kinds of pushing, each a few dozen words and phrases: a word the training sentences never
#: held still counts when it is of a kind they did ("callous" as "rude", "within 48 hours" as
#: "by Friday"). In cross-validation they raised pressure's F1 from 0.41 to 0.47 and moved
#: no other judgment.
_CUES: dict[str, str] = {
    "hostile": r"\b(?:unprofessional|discourte\w*|courtesy|courteous|rude\w*|disrespect\w*"
    r"|idiots?|stupid|despicable|callous|indifferent|snooty|cruel|shunned|ghost(?:ed|ing)"
    r"|insult\w*|ridiculous|disgrace\w*|shameful|appalling|unacceptable|vexing|dismay|damn"
    r"|hell|freakin\w*|pathetic|incompeten\w*|mind-boggling|decency|manners|outrage\w*"
    r"|disgust\w*|deceptive|false hope)\b",
    "silence": r"\b(?:(?:haven't|have not|hasn't|has not|never|not yet)\s+"
    r"(?:heard|received|had)|hear(?:d)? (?:back|a word|anything|nothing)"
    r"|no (?:response|reply|word|answer|news|acknowledge?ment)"
    r"|never (?:called|replied|responded|heard|got back|wrote)"
    r"|still (?:waiting|haven't|have not|no)|waited|left (?:a|two|three|several)"
    r" (?:message|voicemail)s?|get back to me|return(?:ed)? (?:a|my) (?:call|email)|ignor\w+"
    r"|silence|stood up|(?:\d+|several|two|three|four|five|multiple)\s+(?:\w+\s+)?"
    r"(?:emails|calls|messages|times))\b",
    "urgency": r"\b(?:as soon as possible|asap|urgent\w*|immediately|right away"
    r"|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|end of (?:the )?(?:day|week))"
    r"|within (?:\d+|a|the next)\s*(?:hours?|days?|business days?)"
    r"|(?:another|other|competing|second) (?:job )?offers?|must (?:make|decide|give)"
    r"|need (?:an answer|to know|a decision)|deadline|decision (?:soon|now|yet))\b",
    "plea": r"\b(?:beg\w*|plead\w*|desperate\w*|implore|another chance|second chance"
    r"|one more chance|reconsider|favou?rably|(?:really|truly|badly) need"
    r"|need (?:this|the) job|give me (?:a|another|one more)|anything (?:it takes|you need)"
    r"|do anything)\b",
    "accuse": r"\b(?:you (?:never|didn't|did not|should(?: have)?|could have|people|guys)"
    r"|your kind|the least (?:you|they) could|how (?:hard|difficult) (?:is|was|can|would)"
    r"|why (?:didn't|did not|haven't|won't) you|you(?:'d| would) think|do better"
    r"|enough is enough|for (?:the|a) (?:\w+ )?time|wast(?:e|ed|ing) (?:my|our) time)\b",
    "threat": r"\b(?:lawyer|legal action|attorney|sue|report (?:you|this)|glassdoor"
    r"|review (?:site|online)|social media|post (?:about|online)|complain\w* (?:to|about)"
    r"|hr department|your (?:boss|manager|superior)s?|otherwise)\b",
}
_SHOUTED = re.compile(r"\b[A-Z]{3,}\b")
# A rhetorical question: "How hard is it to reply?", "Why didn't you call?".
_QUESTION_WORD = re.compile(r"\s*(?:how|why|what|who)\b", re.I)
_ADDRESSED = re.compile(r"\b(?:you|they|it)\b", re.I)


@cache
def _cue_set() -> tuple[Any, list[str]]:
    """The kinds of pushing as one RE2 set: one pass finds them all (a search per kind in
    ``re`` cost a third of the judge's time)."""
    options = re2.Options()
    options.never_capture = True
    found = re2.Set.SearchSet(options)
    for pattern in _CUES.values():
        found.Add(pattern)
    found.Compile()
    return found, [f"c:{name}" for name in _CUES]


def _cue_features(low: str) -> list[str]:
    found, names = _cue_set()
    return [names[i] for i in found.Match(low.encode()) or ()]


def _rhetorical(sentence: str) -> bool:
    """A question word first, then "you", "they" or "it", then a closing "?" on the same line
    (one regular expression with two ".*" took seconds on a long run of words)."""
    opener = _QUESTION_WORD.match(sentence)
    stripped = sentence.rstrip()
    if opener is None or not stripped.endswith("?"):
        return False
    mark = len(stripped) - 1
    if "\n" in sentence[opener.end() : mark]:
        return False
    return _ADDRESSED.search(sentence, opener.end(), mark) is not None


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|er|ers)$")


def _stem(word: str) -> str:
    """A crude stem, so that a word no training sentence held counts where its kin did
    ("fumbling" reads as "fumbled" did)."""
    return _SUFFIX.sub("", word) if len(word) > 5 else word


def features(sentence: str) -> set[str]:
    """What the model reads in a sentence: its words (marked when negated) and their crude
    stems, pairs and triples of words from the sentence's start, the kinds of pushing it
    holds (:data:`_CUES`), shouting, and a rhetorical question. (Four-letter runs inside
    words were tried: no better in cross-validation, twice the features, half the speed.)"""
    words = tokens(sentence)
    padded = ["<s>", *words]
    # A word after "not", "no" or "never" (to the end of the clause) is read as negated:
    # "I don't think it was a disaster" shares no word feature with "it was a disaster".
    out: set[str] = set()
    negated = False
    for w in words:
        if w in _CLAUSE_END:
            negated = False
        out.add(("n:" if negated else "w:") + w)
        stem = _stem(w)
        if stem != w:
            out.add(("ns:" if negated else "s:") + stem)
        if w in _NEGATIONS:
            negated = True
    out.update("b:" + " ".join(padded[i : i + 2]) for i in range(len(padded) - 1))
    out.update("t:" + " ".join(padded[i : i + 3]) for i in range(len(padded) - 2))
    low = sentence.lower().translate(_APOSTROPHES)
    out.update(_cue_features(low))
    if len(_SHOUTED.findall(sentence)) >= 2:
        out.add("c:shout")
    if _rhetorical(sentence):
        out.add("c:rhetorical")
    return out


class Judge:
    """A trained model: a bias, a threshold and a weight per feature for each judgment."""

    __slots__ = ("_by_label", "bias", "labels", "thresholds")

    def __init__(
        self,
        labels: tuple[str, ...],
        bias: tuple[float, ...],
        thresholds: dict[str, float],
        weights: dict[str, list[float]],
    ) -> None:
        self.labels = labels
        self.bias = bias
        self.thresholds = thresholds
        # One dictionary per judgment: a sentence's score is then one C-level sum per
        # judgment (``sum(map(get, ...))``) instead of a Python loop over its features.
        self._by_label: list[dict[str, float]] = [
            {f: w[i] for f, w in weights.items() if w[i]} for i in range(len(labels))
        ]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Judge:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            labels=tuple(data["labels"]),
            bias=tuple(data["bias"]),
            thresholds=dict(data["thresholds"]),
            weights=data["weights"],
        )

    def scores(self, sentence: str) -> dict[str, float]:
        """The probability of each judgment for one sentence."""
        found = features(sentence)
        return {
            label: _sigmoid(bias + sum(map(weights.get, found, repeat(0.0))))
            for label, bias, weights in zip(self.labels, self.bias, self._by_label, strict=True)
        }

    def says(self, label: str, scores: dict[str, float]) -> bool:
        """Whether the judge is confident enough of ``label`` to act on it."""
        return scores.get(label, 0.0) >= self.thresholds.get(label, 1.0)


def _sigmoid(z: float) -> float:
    if z < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@cache
def default_judge() -> Judge:
    """The judge shipped with the checker, loaded once per process."""
    return Judge.load()
