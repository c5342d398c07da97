"""Hosted mode's guards: who is logged in (server-side sessions behind a ``__Host-`` cookie),
CSRF tokens on every change (asgi-csrf), and requests that a browser marks as coming from
another site refused. Local mode uses none of this."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from http.cookies import CookieError, SimpleCookie
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from afterword.accounts import SESSION_LIFETIME, Accounts
from afterword.services import Workspace

if TYPE_CHECKING:
    from afterword.mail import SmtpSettings

log = logging.getLogger(__name__)

#: The session cookie. ``__Host-`` makes the browser keep it only if it is Secure, has no
#: Domain and the Path /: no sibling subdomain can set or overwrite it.
SESSION_COOKIE = "__Host-afterword-session"
CSRF_COOKIE = "__Host-afterword-csrf"
#: Holds a link's token to set a new password while its form is open (see reset_page).
RESET_COOKIE = "__Host-afterword-reset"
#: The pages open to someone not logged in (and the styles and scripts they load).
PUBLIC = frozenset({"/login", "/signup", "/password/forgot", "/password/reset"})
PUBLIC_PREFIXES = ("/static/",)
#: How many people's workspaces (and their dashboard caches) one worker keeps at once.
KEPT_WORKSPACES = 256


class Hosted:
    """What a hosted app holds: the accounts, and a workspace per owner (caches included)."""

    def __init__(
        self,
        workspace: Workspace,
        accounts: Accounts,
        mail: SmtpSettings | None = None,
        site_url: str | None = None,
    ) -> None:
        from afterword.sharing import Sharing

        self.workspace = workspace
        self.accounts = accounts
        #: The site's mail server (for links to set a new password), if it has one, and the
        #: address the links lead to (never a request's Host header: anyone can write that).
        self.mail = mail
        self.site_url = site_url
        self.sharing = Sharing(workspace.database, workspace.now, accounts)
        self._workspaces: OrderedDict[int, Workspace] = OrderedDict()
        self._lock = threading.Lock()

    def send_reset_link(self, email: str) -> None:
        """Mail a link to set a new password to the account of ``email``, if there is one
        that may have one now (see :meth:`Accounts.request_reset`). Whatever comes of it is
        logged for the operator, never the link: it is as good as the password until used."""
        found = self.accounts.request_reset(email)
        if found is None or self.site_url is None:
            return
        token, address = found
        self._mail_reset_link(
            address, f"{self.site_url}/password/reset?{urlencode({'token': token})}"
        )

    def _mail_reset_link(self, email: str, link: str) -> None:
        from email.message import EmailMessage
        from email.utils import format_datetime, make_msgid

        from afterword.mail import deliver

        settings = self.mail
        if settings is None or settings.sender is None:
            return
        message = EmailMessage()
        message["From"] = settings.sender
        message["To"] = email
        message["Subject"] = "Set a new password for Afterword"
        message["Date"] = format_datetime(self.workspace.now())
        message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2])
        message.set_content(
            "Someone (we hope you) asked to set a new password for your Afterword account.\n\n"
            f"Open this link to choose one (it works once, for an hour):\n\n{link}\n\n"
            "Setting it logs you out everywhere else. If you did not ask, ignore this "
            "message: your password stays as it is.\n"
        )
        outcome = deliver(settings, message.as_bytes(), settings.sender, [email])
        if outcome.state == "sent":
            log.info("mailed a link to set a new password")
        else:
            log.warning("a link to set a new password was not mailed: %s", outcome.error)

    def workspace_for(self, owner: int) -> Workspace:
        with self._lock:
            found = self._workspaces.get(owner)
            if found is None:
                found = self._workspaces[owner] = self.workspace.for_owner(owner)
                while len(self._workspaces) > KEPT_WORKSPACES:
                    self._workspaces.popitem(last=False)
            else:
                self._workspaces.move_to_end(owner)
            return found


def _cookie(headers: Headers, name: str) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(raw)
    except CookieError:
        return None
    found = cookies.get(name)
    return found.value if found is not None else None


def session_token(headers: Headers) -> str | None:
    return _cookie(headers, SESSION_COOKIE)


def reset_token(headers: Headers) -> str | None:
    return _cookie(headers, RESET_COOKIE)


def set_reset_cookie(response: Any, token: str) -> None:
    # Lax, not Strict: the link is opened from a mail, a navigation from another site.
    response.set_cookie(
        RESET_COOKIE, token, max_age=3600, path="/", secure=True, httponly=True, samesite="lax"
    )


def clear_reset_cookie(response: Any) -> None:
    response.delete_cookie(RESET_COOKIE, path="/", secure=True, httponly=True, samesite="lax")


def set_session_cookie(response: Any, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        secure=True,
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(response: Any) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="lax")


class Authenticate:
    """Every request but the login and sign-up pages needs a live session: without one, a
    page redirects to the login, and anything else (the API, a form post) is answered 401.
    Protecting by default means a new route cannot be left open by forgetting to guard it.
    The account found is put in ``request.state.user`` (and the token in ``.session``)."""

    def __init__(self, app: ASGIApp, hosted: Hosted) -> None:
        self.app = app
        self.hosted = hosted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = session_token(Headers(scope=scope))
        user = await run_in_threadpool(self.hosted.accounts.user, token) if token else None
        state = scope.setdefault("state", {})
        state["user"], state["session"] = user, token if user else None
        path: str = scope["path"]
        if user is None and path not in PUBLIC and not path.startswith(PUBLIC_PREFIXES):
            if path.startswith("/api/"):
                response: Any = JSONResponse({"detail": "log in first"}, status_code=401)
            elif scope["method"] in ("GET", "HEAD"):
                response = RedirectResponse(f"/login?next={quote(path)}", status_code=303)
            else:
                response = PlainTextResponse(
                    "You are not logged in (any more): log in, then try again.", status_code=401
                )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _csrf_failed(scope: Scope, send: Send, message_id: object) -> None:
    response = PlainTextResponse(
        "This form is too old or did not come from this site, so nothing was done: reload "
        "the page and try again.",
        status_code=403,
    )

    async def nothing() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, nothing, send)


class Csrf:
    """asgi-csrf: a signed token in a ``__Host-`` cookie, to be sent back with every change
    as the form field ``csrftoken`` or the header ``X-CSRFToken``. The login and sign-up forms
    are checked even without cookies (login CSRF: logging a victim into the attacker's
    account)."""

    def __init__(self, app: ASGIApp, secret: str) -> None:
        from asgi_csrf import asgi_csrf  # type: ignore[import-untyped]

        self.app = asgi_csrf(
            app,
            cookie_name=CSRF_COOKIE,
            signing_secret=secret,
            always_protect=set(PUBLIC) | {"/logout"},
            cookie_secure=True,
            cookie_samesite="Lax",
            send_csrf_failed=_csrf_failed,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if (
            scope["method"] not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and headers.get("content-type", "").startswith("multipart/form-data")
            and "x-csrftoken" not in headers
        ):
            # asgi-csrf 0.11 reads multipart forms through an argument python-multipart
            # 0.0.2x dropped (it fails with a TypeError): read the form's token here and hand
            # it on as the header, which asgi-csrf checks against the cookie as it would the
            # field. The body is bounded by BodyLimit, outside this middleware.
            messages: list[Message] = []
            more = True
            while more:
                message = await receive()
                messages.append(message)
                more = message["type"] == "http.request" and message.get("more_body", False)
            body = b"".join(m.get("body", b"") for m in messages)
            field = _multipart_field(body, headers["content-type"], "csrftoken")
            if field is None:
                await _csrf_failed(scope, send, None)
                return
            scope = {**scope, "headers": [*scope["headers"], (b"x-csrftoken", field.encode())]}

            async def replay() -> Message:
                return messages.pop(0) if messages else await receive()

            receive = replay
        await self.app(scope, receive, send)


def _multipart_field(body: bytes, content_type: str, name: str) -> str | None:
    """The value of the form field ``name`` in a multipart body, if it has one."""
    from python_multipart import FormParser
    from python_multipart.multipart import parse_options_header

    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        return None
    found: list[str] = []

    def on_field(field: Any) -> None:
        if field.field_name == name.encode() and field.value is not None:
            found.append(field.value.decode("utf-8", "replace"))

    try:
        parser = FormParser("multipart/form-data", on_field, lambda file: None, boundary=boundary)
        parser.write(body)
        parser.finalize()
    except Exception:  # a malformed body has no token worth reading
        return None
    return found[0] if found else None


def fetched_from_elsewhere(headers: Headers) -> bool:
    """Whether the browser says (Fetch Metadata) that another site made this request."""
    site = headers.get("sec-fetch-site")
    return site is not None and site not in ("same-origin", "none")
