"""Sending one message over SMTP with :mod:`smtplib`, and telling apart what happened.

Three outcomes, because the difference matters to the person sending a thank-you note:

- ``sent``: the server answered 250 to the message.
- ``failed``: it cannot have gone out. The connection was refused or lost before the message
  was handed over, the login was refused, or the server answered 5xx (to MAIL, RCPT, DATA or
  the message itself). A 4xx ("try again later") is retried a few times, briefly, first.
- ``unknown``: the whole message, up to its final dot, was handed over and the connection
  dropped (or timed out) before the server's answer: the server may have accepted it. It is
  never retried here; the person is asked to look in their Sent folder.

The password is used for the login and nowhere else: it is kept out of every ``repr`` and
scrubbed from any error text (a server could echo what it was given).
"""

from __future__ import annotations

import base64
import ipaddress
import os
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import default
from typing import Any, Literal

Security = Literal["starttls", "tls", "none"]
State = Literal["sent", "failed", "unknown"]

#: The environment variable that holds the SMTP password (else the system keyring has it).
PASSWORD_VARIABLE = "AFTERWORD_SMTP_PASSWORD"
#: The keyring service name: ``keyring set afterword USER`` stores the password.
KEYRING_SERVICE = "afterword"

SECURITIES: tuple[Security, ...] = ("starttls", "tls", "none")
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}


def _is_loopback(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """How to reach the user's mail server (``settings.toml``'s ``[smtp]`` table)."""

    host: str
    port: int
    security: Security = "starttls"
    user: str | None = None
    #: The address the messages come from (the ``from`` setting); the interview's sender
    #: address when not set.
    sender: str | None = None
    password: str | None = field(default=None, repr=False, compare=False)
    timeout: float = 30.0
    #: How many times a 4xx answer ("try again later") is tried in all.
    attempts: int = 3
    #: Seconds before the first retry, doubled for each next one.
    backoff: float = 2.0
    #: The TLS context (tests pass one that trusts their own certificate).
    context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.host or any(c.isspace() for c in self.host):
            raise ValueError("[smtp] host must be a host name such as smtp.example.org")
        if not 0 < self.port < 65536:
            raise ValueError("[smtp] port must be a number from 1 to 65535")
        if self.security not in SECURITIES:
            raise ValueError(f"[smtp] security must be one of: {', '.join(SECURITIES)}")
        if self.security == "none" and self.user and not _is_loopback(self.host):
            raise ValueError(
                '[smtp] security = "none" would send your password unencrypted; use '
                '"starttls" or "tls" (plain connections are for a server on this computer)'
            )
        if self.attempts < 1:
            raise ValueError("[smtp] attempts must be at least 1")

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any]) -> SmtpSettings:
        """Settings from the ``[smtp]`` table: ``host``, ``port``, ``security``, ``user``,
        ``from``. The password is never read from it (see :func:`password`)."""
        known = {"host", "port", "security", "user", "from"}
        unknown = sorted(set(table) - known)
        if "password" in unknown:
            raise ValueError(
                f"[smtp] password: keep the password out of the settings file; set "
                f"{PASSWORD_VARIABLE} or store it in the system keyring (keyring set "
                f"{KEYRING_SERVICE} USER)"
            )
        if unknown:
            raise ValueError(
                f"[smtp] {unknown[0]}: unknown setting (settings: {', '.join(sorted(known))})"
            )
        host = table.get("host")
        if not isinstance(host, str):
            raise ValueError("[smtp] host must be a host name such as smtp.example.org")
        security = table.get("security", "starttls")
        if security not in SECURITIES:
            raise ValueError(f"[smtp] security must be one of: {', '.join(SECURITIES)}")
        port = table.get("port", DEFAULT_PORTS[security])
        if not isinstance(port, int) or isinstance(port, bool):
            raise ValueError("[smtp] port must be a number from 1 to 65535")
        user, sender = table.get("user"), table.get("from")
        for key, value in (("user", user), ("from", sender)):
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ValueError(f"[smtp] {key} must be a non-empty string")
        if sender is not None and "@" not in sender:
            raise ValueError("[smtp] from must be an email address")
        return cls(host=host.strip(), port=port, security=security, user=user, sender=sender)


def password(user: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The SMTP password: ``AFTERWORD_SMTP_PASSWORD``, else the system keyring's entry for
    ``user`` (when the optional ``keyring`` package is installed), else None."""
    environ = os.environ if environ is None else environ
    if environ.get(PASSWORD_VARIABLE):
        return environ[PASSWORD_VARIABLE]
    try:
        import importlib

        keyring = importlib.import_module("keyring")
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, user)
    except Exception:  # a keyring with no backend, or a locked one: as if nothing is stored
        return None
    return found if isinstance(found, str) and found else None


@dataclass(frozen=True, slots=True)
class Delivery:
    """What came of one send: its state, why (for ``failed`` and ``unknown``), how many
    connections it took."""

    state: State
    error: str | None = None
    attempts: int = 1


def outgoing(eml: bytes) -> tuple[bytes, str]:
    """A message to send, from an .eml made to open as a draft: without its ``X-Unsent``
    header, byte for byte otherwise; and its Message-ID."""
    head, separator, body = eml.partition(b"\n\n")
    lines = head.split(b"\n")
    kept: list[bytes] = []
    skipping = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):  # a folded continuation of the header before
            if not skipping:
                kept.append(line)
            continue
        skipping = line.lower().startswith(b"x-unsent:")
        if not skipping:
            kept.append(line)
    message = b"\n".join(kept) + separator + body
    found = BytesHeaderParser(policy=default).parsebytes(message)["Message-ID"]
    if not found:
        raise ValueError("the message has no Message-ID")
    return message, str(found).strip()


_EOLS = re.compile(rb"\r\n|\n|\r")
_LEADING_DOT = re.compile(rb"(?m)^\.")


def _payload(message: bytes) -> bytes:
    """The message as DATA carries it: CRLF line ends, leading dots doubled, the final dot."""
    data = _LEADING_DOT.sub(b"..", _EOLS.sub(b"\r\n", message))
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


class _Retry(Exception):
    """A 4xx answer: nothing was accepted, and the server asks to try again later."""


class _Failed(Exception):
    """Nothing was accepted, and trying again now will not help."""


def _reply(text: bytes | str) -> str:
    decoded = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return " ".join(decoded.split())[:300]


def _refused(what: str, code: int, text: bytes | str) -> Exception:
    message = f"the mail server refused {what}: {code} {_reply(text)}".rstrip()
    return _Retry(message) if 400 <= code < 500 else _Failed(message)


class _Attempt:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self.handed_over = False

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        context = settings.context or ssl.create_default_context()
        client: smtplib.SMTP
        if settings.security == "tls":
            client = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            client.ehlo_or_helo_if_needed()
            if settings.security == "starttls":
                if not client.has_extn("starttls"):
                    raise _Failed(
                        "the mail server does not offer STARTTLS; check [smtp] security "
                        '(perhaps "tls", on port 465)'
                    )
                client.starttls(context=context)
                client.ehlo()
            if settings.user:
                if not settings.password:
                    raise _Failed(f"no password for {settings.user}")
                client.login(settings.user, settings.password)
        except BaseException:
            client.close()
            raise
        return client

    def run(self, payload: bytes, sender: str, recipients: Sequence[str]) -> None:
        client = self._connect()
        try:
            options: list[str] = []
            if not all(a.isascii() for a in (sender, *recipients)):
                if not client.has_extn("smtputf8"):
                    raise _Failed("the mail server cannot take addresses that are not ASCII")
                options = ["SMTPUTF8", "BODY=8BITMIME"]
            code, text = client.mail(sender, options)
            if code != 250:
                raise _refused(f"the sender {sender}", code, text)
            for recipient in recipients:
                code, text = client.rcpt(recipient)
                if code not in (250, 251):
                    raise _refused(f"the recipient {recipient}", code, text)
            code, text = client.docmd("DATA")
            if code != 354:
                raise _refused("to take the message (DATA)", code, text)
            # If this raises, the final dot has not gone out: nothing can have been accepted.
            client.send(payload)
            self.handed_over = True
            code, text = client.getreply()
            if code != 250:
                raise _refused("the message", code, text)
        finally:
            try:
                if self.handed_over:
                    client.quit()
            except (OSError, smtplib.SMTPException):
                pass
            client.close()


def deliver(
    settings: SmtpSettings,
    message: bytes,
    sender: str,
    recipients: Sequence[str],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """Send ``message`` (bytes, as :func:`outgoing` makes them) from ``sender`` to
    ``recipients``, and say what came of it (see the module's docstring)."""
    payload = _payload(message)
    last = ""
    for attempt in range(1, settings.attempts + 1):
        current = _Attempt(settings)
        try:
            current.run(payload, sender, recipients)
            return Delivery("sent", None, attempt)
        except _Retry as exc:
            last = str(exc)
        except _Failed as exc:
            return Delivery("failed", _scrub(str(exc), settings), attempt)
        except smtplib.SMTPAuthenticationError as exc:
            return Delivery(
                "failed",
                _scrub(
                    f"the mail server refused the login: {exc.smtp_code} {_reply(exc.smtp_error)}",
                    settings,
                ),
                attempt,
            )
        except smtplib.SMTPResponseException as exc:  # e.g. a 421 greeting, a refused STARTTLS
            if current.handed_over:  # a garbled answer to the message: it may have gone out
                return Delivery("unknown", _lost(_scrub(_reply(str(exc)), settings)), attempt)
            refused = _refused("the connection", exc.smtp_code, exc.smtp_error)
            if isinstance(refused, _Failed):
                return Delivery("failed", _scrub(str(refused), settings), attempt)
            last = str(refused)
        except (OSError, smtplib.SMTPException) as exc:  # refused, lost, timed out, TLS
            what = _scrub(_describe(exc), settings)
            if current.handed_over:
                return Delivery("unknown", _lost(what), attempt)
            return Delivery("failed", f"could not send through {settings.host}: {what}", attempt)
        if attempt < settings.attempts:
            sleep(settings.backoff * 2 ** (attempt - 1))
    return Delivery(
        "failed", _scrub(f"{last} (tried {settings.attempts} times)", settings), settings.attempts
    )


def _lost(what: str) -> str:
    return (
        "the connection to the mail server was lost after the message was handed over, "
        f"before the server confirmed it ({what}): it may have gone out"
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    text = _reply(str(exc))
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _scrub(text: str, settings: SmtpSettings) -> str:
    """``text`` with the password (as given, and as AUTH PLAIN/LOGIN encode it) blanked out."""
    secret = settings.password
    if not secret:
        return text
    forms = {secret, base64.b64encode(secret.encode()).decode()}
    if settings.user:
        plain = f"\0{settings.user}\0{secret}".encode()
        forms.add(base64.b64encode(plain).decode())
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text
