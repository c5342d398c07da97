"""Sending over STARTTLS and implicit TLS, to a real SMTP server on the loopback address with
a certificate made for the test (by the openssl command), logging in over the encrypted
connection only."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from afterword.mail import SmtpSettings
from afterword.services import Workspace
from mailserver import Handler
from support import EXAMPLES, clock, free_port

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SECRET = "tls-secret-5521"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def authenticate(
    server: object, session: object, envelope: object, mechanism: str, auth_data: object
) -> AuthResult:
    assert isinstance(auth_data, LoginPassword)
    return AuthResult(success=auth_data.password == SECRET.encode(), handled=False)


@pytest.fixture(params=["starttls", "tls"])
def tls_server(
    request: pytest.FixtureRequest, certificate: tuple[Path, Path]
) -> Iterator[tuple[str, int, Handler, ssl.SSLContext]]:
    cert, key = certificate
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    client_context = ssl.create_default_context(cafile=str(cert))
    handler = Handler()
    port = free_port()
    options: dict[str, object] = {"authenticator": authenticate, "auth_required": True}
    if request.param == "starttls":
        options.update(tls_context=server_context, require_starttls=True)
    else:
        # aiosmtpd cannot tell that a connection it wrapped in TLS itself is encrypted.
        options.update(ssl_context=server_context, auth_require_tls=False)
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield request.param, port, handler, client_context
    finally:
        controller.stop()


def test_a_note_goes_out_over_an_encrypted_connection(
    tmp_path: Path, tls_server: tuple[str, int, Handler, ssl.SSLContext]
) -> None:
    security, port, handler, context = tls_server
    settings = SmtpSettings(
        "127.0.0.1",
        port,
        security,  # type: ignore[arg-type]
        user="alex",
        password=SECRET,
        timeout=5,
        backoff=0,
        context=context,
    )
    with Workspace(f"sqlite:///{tmp_path / 'a.db'}", clock=clock) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
        drafts, _ = ws.draft_notes(1, to="Dana Lee", seed=1)
        ws.save_note(1, drafts[0].note())
        result = ws.send(1, "Dana Lee", smtp=settings)
    assert result.state == "sent", result.error
    [arrival] = handler.arrived
    assert arrival.message["Message-ID"] == result.message_id


def test_an_untrusted_certificate_is_a_clear_failure(
    tmp_path: Path, tls_server: tuple[str, int, Handler, ssl.SSLContext]
) -> None:
    security, port, handler, _ = tls_server
    settings = SmtpSettings(
        "127.0.0.1",
        port,
        security,
        user="alex",
        password=SECRET,
        timeout=5,  # type: ignore[arg-type]
    )
    with Workspace(f"sqlite:///{tmp_path / 'a.db'}", clock=clock) as ws:
        ws.import_file(EXAMPLES / "acme-first-round.yaml")
        drafts, _ = ws.draft_notes(1, to="Dana Lee", seed=1)
        ws.save_note(1, drafts[0].note())
        result = ws.send(1, "Dana Lee", smtp=settings)
    assert result.state == "failed" and "CERTIFICATE_VERIFY_FAILED" in (result.error or "")
    assert SECRET not in (result.error or "") and handler.seen == 0
