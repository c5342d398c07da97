"""What the pages share: templates, the workspace, form handling and time formatting."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import Path as PathParam
from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import ValidationError
from starlette.datastructures import FormData

from afterword.checker import default_registry
from afterword.errors import InputError
from afterword.services import Workspace

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")

#: The largest id a database row can have (a signed 64-bit integer): a larger one in a URL
#: names nothing, and is refused before it reaches the database, which cannot compare it.
MAX_ID = 2**63 - 1
InterviewId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="An interview's id.")]
StoryId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="A story's id.")]


def attachment(filename: str, fallback: str) -> dict[str, str]:
    """The Content-Disposition header of a download named ``filename``, whatever its script:
    the name in UTF-8 (RFC 6266, RFC 5987) and, for clients that read only plain ASCII names,
    ``fallback``."""
    if filename.isascii() and filename.isprintable() and not any(c in filename for c in '"\\'):
        return {"Content-Disposition": f'attachment; filename="{filename}"'}
    return {
        "Content-Disposition": f'attachment; filename="{fallback}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    }


def hours_label(hours: float) -> str:
    if hours < 0:
        passed = -hours
        return f"passed {passed:.0f} h ago" if passed < 48 else f"passed {passed / 24:.0f} days ago"
    whole = int(hours)
    minutes = int((hours - whole) * 60)
    return f"{whole} h {minutes:02d} min left"


def when(moment: datetime | None) -> str:
    return moment.strftime("%a %d %b %Y, %H:%M (UTC%z)") if moment else ""


templates.env.filters["hours_label"] = hours_label
templates.env.filters["when"] = when
#: What a finding's severity means to the person fixing the note.
SEVERITY_WORDS = {"error": "To fix", "warning": "Worth a look", "info": "A thought"}
templates.env.globals["severity_words"] = SEVERITY_WORDS
templates.env.globals["rule_title"] = default_registry().title


async def workspace(request: Request) -> Workspace:
    """The workspace of whoever asks: local mode's one, or, hosted, the logged-in account's
    (every record of another account is, to it, one that does not exist)."""
    # A coroutine, so that FastAPI does not hand this lookup to a thread on every request.
    hosted = request.app.state.hosted
    if hosted is None:
        ws: Workspace = request.app.state.workspace
        return ws
    user = getattr(request.state, "user", None)
    if user is None:  # the Authenticate middleware lets no such request through
        from afterword.errors import NotFoundError

        raise NotFoundError("log in first")
    found: Workspace = hosted.workspace_for(user.id)
    return found


def csrf_field(request: Request) -> Markup:
    """The hidden CSRF field of a form that posts (hosted mode); nothing in local mode."""
    token = request.scope.get("csrftoken")
    if token is None:
        return Markup("")
    return Markup('<input type="hidden" name="csrftoken" value="{}">').format(token())


def csrf_token(request: Request) -> str | None:
    token = request.scope.get("csrftoken")
    return str(token()) if token is not None else None


def current_user(request: Request) -> Any:
    """The logged-in account (hosted mode), else None."""
    return getattr(request.state, "user", None)


templates.env.globals["csrf_field"] = csrf_field
templates.env.globals["current_user"] = current_user
templates.env.globals["csrf_token"] = csrf_token


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    context.setdefault("notice", request.query_params.get("notice"))
    response: Response = templates.TemplateResponse(request, name, context, status_code=status_code)
    return response


def redirect(url: str, notice: str | None = None) -> RedirectResponse:
    if notice:
        from urllib.parse import urlencode

        url, hash_, fragment = url.partition("#")
        url += ("&" if "?" in url else "?") + urlencode({"notice": notice}) + hash_ + fragment
    return RedirectResponse(url, status_code=303)


def errors_of(exc: ValidationError | InputError) -> list[str]:
    """Validation errors as sentences for the top of a form."""
    if isinstance(exc, InputError):
        return str(exc).splitlines()
    messages = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"]).replace("_", " ") or "form"
        messages.append(f"{field}: {error['msg'].removeprefix('Value error, ')}")
    return messages


def text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def lines(form: FormData, name: str) -> list[str]:
    """A textarea of one item a line (topics, skills, metrics, lessons)."""
    value = text(form, name) or ""
    return [line.strip(" -•\t") for line in value.splitlines() if line.strip(" -•\t")]


def zone_named(name: str | None) -> tzinfo:
    """A zone from its name (Europe/Paris) or an offset (-05:00), else the local zone."""
    if name and re.fullmatch(r"[+-]\d\d:?\d\d", name):
        sign = -1 if name[0] == "-" else 1
        digits = name[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            raise InputError(
                f"time zone: {name!r} is not an offset (from -23:59 to +23:59, e.g. -05:00)"
            )
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InputError(f"time zone: unknown zone {name!r} (e.g. Europe/Paris)") from exc
    from afterword.cli.common import local_zone

    return local_zone()


def local_zone_name() -> str:
    from afterword import config

    configured = config.timezone()
    if configured is not None:
        return str(configured)
    try:
        return Path("/etc/timezone").read_text().strip() or "UTC"
    except OSError:
        link = Path("/etc/localtime")
        if link.is_symlink():
            return "/".join(link.resolve().parts[-2:])
        return "UTC"


def parse_local_time(value: str | None, zone: str | None, what: str) -> datetime | None:
    """A ``datetime-local`` field read in the zone the form names."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{what}: {value!r} is not a date and time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone_named(zone))
    return moment


def still_to_fix(ws: Workspace, text: str, interview_id: int) -> str | None:
    """What still keeps a note from being ready, as a page says it ("2 things to fix (...)"),
    or None when nothing does: asked before marking a note sent or sending it."""
    left = [f for f in ws.check(text, interview_id).findings if f.severity == "error"]
    if not left:
        return None
    return (
        f"{len(left)} thing{'s' if len(left) > 1 else ''} to fix "
        f"({'; '.join(f.message for f in left)})"
    )
