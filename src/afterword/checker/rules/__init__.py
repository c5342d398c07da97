"""The rules of the note checker, one small module each.

:func:`default_registry` builds a fresh :class:`Registry` of every rule; build your own to add
or replace rules, or to give a built-in rule phrasings of your own (``OvertFailure(phrases)``:
each rule holds its phrasings, read from its data file unless given). No rule or phrase set is
a module global; the checker shares one registry of the built-in rules between checks. The ids
and severities of DESIGN.md are a stable interface.
"""

from __future__ import annotations

from afterword.checker.rules.apology import Apology
from afterword.checker.rules.base import Registry, Rule
from afterword.checker.rules.call_to_action import MissingCallToAction
from afterword.checker.rules.exclamation import Exclamation
from afterword.checker.rules.grammar_slip import GrammarSlip
from afterword.checker.rules.gratitude import MissingGratitude
from afterword.checker.rules.hedging import Hedging
from afterword.checker.rules.late import Late
from afterword.checker.rules.new_information import MissingNewInformation
from afterword.checker.rules.overt_failure import OvertFailure
from afterword.checker.rules.personalization import MissingPersonalization
from afterword.checker.rules.placeholder import Placeholder
from afterword.checker.rules.pressure import Pressure
from afterword.checker.rules.readability import Readability
from afterword.checker.rules.spelling import Spelling
from afterword.checker.rules.third_person import ReaderInThirdPerson
from afterword.checker.rules.too_long import TooLong
from afterword.checker.rules.wrong_recipient import WrongRecipient

RULE_CLASSES: tuple[type[Rule], ...] = (
    Apology,
    OvertFailure,
    Pressure,
    MissingGratitude,
    Placeholder,
    WrongRecipient,
    ReaderInThirdPerson,
    MissingCallToAction,
    MissingNewInformation,
    TooLong,
    MissingPersonalization,
    Hedging,
    Exclamation,
    Late,
    Readability,
    Spelling,
    GrammarSlip,
)


def default_registry() -> Registry:
    """A new registry holding one instance of every built-in rule."""
    return Registry(cls() for cls in RULE_CLASSES)


__all__ = [
    *(cls.__name__ for cls in RULE_CLASSES),
    "RULE_CLASSES",
    "Registry",
    "Rule",
    "default_registry",
]
