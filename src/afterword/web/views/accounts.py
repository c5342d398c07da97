"""Hosted mode's account pages: log in and out, sign up, change the password, log out
elsewhere, delete the account; and the admin's page (invite, deactivate). Only a hosted
app includes these routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import Response

from afterword.accounts import MIN_PASSWORD, Login
from afterword.errors import InputError, NotFoundError
from afterword.store.accounts import User
from afterword.web.common import MAX_ID, redirect, render
from afterword.web.hosted import (
    Hosted,
    clear_reset_cookie,
    clear_session_cookie,
    reset_token,
    set_reset_cookie,
    set_session_cookie,
)

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form()]


def _hosted(request: Request) -> Hosted:
    hosted: Hosted = request.app.state.hosted
    return hosted


def _user(request: Request) -> User:
    user: User | None = getattr(request.state, "user", None)
    if user is None:
        raise NotFoundError("log in first")
    return user


def _safe_next(target: str | None) -> str:
    # Only a path of this site: never "//elsewhere" or "https://elsewhere" (an open redirect).
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def _logged_in(login: Login, target: str) -> Response:
    response = redirect(target)
    set_session_cookie(response, login.token)
    return response


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(
        request,
        "login.html",
        next=_safe_next(next),
        email="",
        signup_open=_hosted(request).accounts.signup_open,
    )


@router.post("/login")
def log_in(
    request: Request, email: Field = "", password: Field = "", next: Field = "/"
) -> Response:
    accounts = _hosted(request).accounts
    try:
        # A new session id whatever the browser had before (no session fixation).
        login = accounts.log_in(email, password, replacing=request.state.session)
    except InputError as exc:
        return render(
            request,
            "login.html",
            401,
            errors=[str(exc)],
            next=_safe_next(next),
            email=email[:320],
            signup_open=accounts.signup_open,
        )
    return _logged_in(login, _safe_next(next))


# Forgotten passwords ----------------------------------------------------------------------

#: The one answer to "I forgot my password", whether or not the email has an account.
RESET_SENT = (
    "If an account here has that email, a link to set a new password is on its way to it. "
    "It works once, for an hour. Nothing arrived? Look in the spam folder, or ask the "
    "person who runs this site for a link."
)


@router.get("/password/forgot")
def forgot_page(request: Request) -> Response:
    return render(request, "forgot.html", mail=_hosted(request).mail is not None, email="")


@router.post("/password/forgot")
def forgot(request: Request, background: BackgroundTasks, email: Field = "") -> Response:
    hosted = _hosted(request)
    if hosted.mail is None:
        return render(request, "forgot.html", 404, mail=False, email="")
    # Looked up, and mailed, after the answer is sent: the answer takes as long, and says
    # the same, whether or not the email has an account.
    background.add_task(hosted.send_reset_link, email[:320])
    return render(request, "forgot.html", mail=True, email="", sent=RESET_SENT)


def _reset_form(request: Request, status_code: int = 200, **context: object) -> Response:
    response = render(request, "reset.html", status_code, min_password=MIN_PASSWORD, **context)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/password/reset")
def reset_page(request: Request, token: str = "") -> Response:
    if token:
        # The link's token moves into a cookie at once, and the address loses it: it is not
        # left in the browser's history, nor in the Referer of what the page loads.
        response = redirect("/password/reset")
        set_reset_cookie(response, token[:200])
        response.headers["Cache-Control"] = "no-store"
        return response
    usable = _hosted(request).accounts.reset_usable(reset_token(request.headers) or "")
    return _reset_form(request, 200 if usable else 400, usable=usable)


@router.post("/password/reset")
def reset_password(request: Request, password: Field = "", password_again: Field = "") -> Response:
    accounts = _hosted(request).accounts
    token = reset_token(request.headers) or ""
    try:
        if password != password_again:
            raise InputError("the two passwords differ; type the same one twice")
        login = accounts.reset_password(token, password)
    except InputError as exc:
        return _reset_form(request, 400, errors=[str(exc)], usable=accounts.reset_usable(token))
    if request.state.session:  # someone else's login in this browser ends too
        accounts.log_out(request.state.session)
    response = _logged_in(
        login, "/?notice=Your+new+password+is+set%3B+every+other+login+has+ended."
    )
    clear_reset_cookie(response)
    return response


@router.post("/logout")
def log_out(request: Request) -> Response:
    token = request.state.session
    if token:
        _hosted(request).accounts.log_out(token)
    response = redirect("/login", "You are logged out.")
    clear_session_cookie(response)
    return response


def _signup_page(request: Request, status_code: int = 200, **context: object) -> Response:
    context.setdefault("email", "")
    context.setdefault("invite", "")
    return render(
        request,
        "signup.html",
        status_code,
        signup_open=_hosted(request).accounts.signup_open,
        min_password=MIN_PASSWORD,
        **context,
    )


@router.get("/signup")
def signup_page(request: Request, invite: str = "") -> Response:
    return _signup_page(request, invite=invite[:200])


@router.post("/signup")
def sign_up(
    request: Request,
    email: Field = "",
    password: Field = "",
    password_again: Field = "",
    invite: Field = "",
) -> Response:
    try:
        if password != password_again:
            raise InputError("the two passwords differ; type the same one twice")
        login = _hosted(request).accounts.sign_up(email, password, invite or None)
    except InputError as exc:
        return _signup_page(request, 400, errors=[str(exc)], email=email[:320], invite=invite[:200])
    if request.state.session:
        _hosted(request).accounts.log_out(request.state.session)
    return _logged_in(login, "/?notice=Welcome%21+Your+account+is+ready.")


def _account_page(request: Request, status_code: int = 200, **context: object) -> Response:
    user = _user(request)
    return render(
        request,
        "account.html",
        status_code,
        active="account",
        user=user,
        sessions=_hosted(request).accounts.sessions(user.id),
        min_password=MIN_PASSWORD,
        **context,
    )


@router.get("/account")
def account_page(request: Request) -> Response:
    return _account_page(request)


@router.post("/account/password")
def change_password(
    request: Request, current: Field = "", new: Field = "", new_again: Field = ""
) -> Response:
    user = _user(request)
    try:
        if new != new_again:
            raise InputError("the two new passwords differ; nothing was changed")
        token = _hosted(request).accounts.change_password(user.id, current, new)
    except InputError as exc:
        return _account_page(request, 400, errors=[str(exc)])
    response = redirect(
        "/account", "Your password is changed, and every other device is logged out."
    )
    set_session_cookie(response, token)
    return response


@router.post("/account/sessions")
def log_out_elsewhere(request: Request) -> Response:
    user = _user(request)
    ended = _hosted(request).accounts.log_out_everywhere(user.id, keep=request.state.session)
    return redirect("/account", f"Logged out of {ended} other device(s) or browser(s).")


@router.post("/account/delete")
def delete_account(request: Request, password: Field = "") -> Response:
    user = _user(request)
    hosted = _hosted(request)
    try:
        hosted.accounts.delete_account(user.id, password)
    except InputError as exc:
        return _account_page(request, 400, errors=[str(exc)])
    response = redirect("/login", "Your account and everything in it are deleted.")
    clear_session_cookie(response)
    return response


# The admin -------------------------------------------------------------------------------


def _admin_page(request: Request, status_code: int = 200, **context: object) -> Response:
    user = _user(request)
    users = _hosted(request).accounts.users(user.id)  # 404 unless an admin asks
    return render(
        request, "admin.html", status_code, active="admin", user=user, users=users, **context
    )


@router.get("/admin")
def admin_page(request: Request) -> Response:
    return _admin_page(request)


@router.post("/admin/invite")
def invite(request: Request, email: Field = "") -> Response:
    user = _user(request)
    try:
        token = _hosted(request).accounts.invite(user.id, email)
    except InputError as exc:
        return _admin_page(request, 400, errors=[str(exc)])
    link = str(request.url_for("signup_page").include_query_params(invite=token))
    return _admin_page(request, link=link, invited=email.strip())


@router.post("/admin/users/{user_id}/active")
def set_active(request: Request, user_id: int, active: Field = "no") -> Response:
    user = _user(request)
    if not 1 <= user_id <= MAX_ID:
        raise NotFoundError("there is no such account")
    try:
        changed = _hosted(request).accounts.set_active(user.id, user_id, active == "yes")
    except InputError as exc:
        return _admin_page(request, 400, errors=[str(exc)])
    what = "reactivated" if changed.active else "deactivated (logged out everywhere)"
    return redirect("/admin", f"{changed.email} is {what}.")


@router.post("/admin/users/{user_id}/role")
def set_role(request: Request, user_id: int, role: Field = "") -> Response:
    user = _user(request)
    if not 1 <= user_id <= MAX_ID:
        raise NotFoundError("there is no such account")
    try:
        changed = _hosted(request).accounts.set_role(user.id, user_id, role)
    except InputError as exc:
        return _admin_page(request, 400, errors=[str(exc)])
    return redirect("/admin", f"{changed.email} is now a {changed.role}.")
