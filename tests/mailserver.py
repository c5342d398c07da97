"""A real SMTP server on the loopback address (aiosmtpd, in a thread of the test process),
whose answers a test scripts, and which keeps exactly what arrived."""

from __future__ import annotations

import email
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from support import free_port


@dataclass
class Arrival:
    """One message the server accepted (answered 250 to)."""

    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Handler:
    """Answers DATA with the next of ``answers`` (then 250); ``"drop"`` closes the connection
    once the whole message has arrived, without answering."""

    answers: list[str] = field(default_factory=list)
    rcpt_answer: str | None = None
    arrived: list[Arrival] = field(default_factory=list)
    #: Called when a whole message has arrived, before the server answers.
    during_data: Callable[[], None] | None = None
    #: Every message that reached the end of DATA, whatever the answer.
    seen: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.rcpt_answer:
            return self.rcpt_answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.during_data is not None:
            self.during_data()
        with self.lock:
            self.seen += 1
            answer = self.answers.pop(0) if self.answers else "250 OK"
            if answer == "drop":
                server.transport.abort()
                return "250 OK"  # never written: the connection is gone
            if answer.startswith("250"):
                self.arrived.append(
                    Arrival(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
                )
        return answer


class MailServer:
    def __init__(self, user: str | None = None, password: str | None = None) -> None:
        self.handler = Handler()
        self.port = free_port()
        self.logins: list[tuple[bytes, bytes]] = []
        kwargs: dict[str, Any] = {}
        if user is not None:
            kwargs.update(
                authenticator=self._authenticate,
                auth_required=True,
                auth_require_tls=False,
            )
        self.user, self.password = user, password
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)
        self.controller.start()

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        self.logins.append((auth_data.login, auth_data.password))
        ok = (auth_data.login.decode(), auth_data.password.decode()) == (self.user, self.password)
        return AuthResult(success=ok, handled=False)

    @property
    def arrived(self) -> list[Arrival]:
        return self.handler.arrived

    def stop(self) -> None:
        if self.controller._thread is not None:
            self.controller.stop()


def serve(user: str | None = None, password: str | None = None) -> Iterator[MailServer]:
    server = MailServer(user, password)
    try:
        yield server
    finally:
        server.stop()
