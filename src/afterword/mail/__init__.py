"""The mail adapter: sending a prepared message over SMTP, and the password it needs.

Nothing in the core imports this package; the use cases in :mod:`afterword.services` do.
"""

from afterword.mail.smtp import (
    PASSWORD_VARIABLE,
    Delivery,
    SmtpSettings,
    deliver,
    outgoing,
    password,
)

__all__ = [
    "PASSWORD_VARIABLE",
    "Delivery",
    "SmtpSettings",
    "deliver",
    "outgoing",
    "password",
]
