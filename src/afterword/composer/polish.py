"""Optional polishing of a draft by a language model the user configured.

Any OpenAI-compatible chat-completions endpoint works: a local Ollama or llama.cpp server, or a
hosted one. The model's answer is a suggestion, never trusted: it goes through the same checker
as the draft, gets one retry with the checker's findings when it fails, and is dropped for the
unpolished draft when it fails again. Afterword never sends interview notes anywhere unless the
user both configures an endpoint and asks for ``--polish``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from afterword.composer.draft import Draft
from afterword.errors import AfterwordError

if TYPE_CHECKING:
    from afterword.model import Interview

DEFAULT_TIMEOUT = 60.0

SYSTEM_PROMPT = """\
You edit thank-you emails that a job candidate sends after an interview. Improve the wording of
the email you are given so it reads naturally and warmly, and keep every fact in it. Rules:
- Keep the greeting line, the sign-off and the signature as they are.
- At most two short body paragraphs and at most {max_words} words in the body.
- Keep the thanks, the one new fact or result (with its numbers), and the closing invitation to
  reply or to talk further.
- Never apologize, never say the interview or an answer went badly, never beg or ask for a
  decision by a date, never name any other person or company, never use placeholders.
Answer with the email only: no subject line, no commentary, no quotation marks around it."""


class PolishError(AfterwordError):
    """The language model could not be asked (not configured, unreachable, slow or broken)."""


@dataclass(frozen=True, slots=True)
class LLMSettings:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> LLMSettings:
        """``AFTERWORD_LLM_BASE_URL`` (e.g. http://localhost:11434/v1), ``AFTERWORD_LLM_MODEL``
        and, for hosted endpoints, ``AFTERWORD_LLM_API_KEY``; ``AFTERWORD_LLM_TIMEOUT`` in
        seconds."""
        base_url = environ.get("AFTERWORD_LLM_BASE_URL", "").strip()
        model = environ.get("AFTERWORD_LLM_MODEL", "").strip()
        if not base_url or not model:
            raise PolishError(
                "polishing needs a language model: set AFTERWORD_LLM_BASE_URL (an "
                "OpenAI-compatible endpoint such as http://localhost:11434/v1) and "
                "AFTERWORD_LLM_MODEL"
            )
        raw_timeout = environ.get("AFTERWORD_LLM_TIMEOUT", "").strip()
        try:
            timeout = float(raw_timeout) if raw_timeout else DEFAULT_TIMEOUT
        except ValueError as exc:
            raise PolishError(
                f"AFTERWORD_LLM_TIMEOUT must be a number of seconds, not {raw_timeout!r}"
            ) from exc
        return cls(base_url, model, environ.get("AFTERWORD_LLM_API_KEY") or None, timeout)


@dataclass(frozen=True, slots=True)
class Polished:
    """What polishing gave: the draft to use, and why the model's text was not used if not."""

    draft: Draft
    used: bool
    reason: str | None = None
    attempts: int = 0


def _endpoint(base_url: str) -> str:
    base = base_url.rstrip("/")
    return base if base.endswith("/chat/completions") else base + "/chat/completions"


def _ask(client: Any, settings: LLMSettings, messages: list[dict[str, str]]) -> str:
    import httpx

    headers = {"Content-Type": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    url = _endpoint(settings.base_url)
    try:
        response = client.post(
            url,
            headers=headers,
            json={"model": settings.model, "messages": messages, "temperature": 0.4},
            timeout=settings.timeout,
        )
    except httpx.TimeoutException as exc:
        raise PolishError(
            f"the language model at {url} did not answer within {settings.timeout:g} s "
            "(raise AFTERWORD_LLM_TIMEOUT for a slow local model)"
        ) from exc
    except httpx.HTTPError as exc:
        raise PolishError(f"cannot reach the language model at {url}: {exc}") from exc
    if response.status_code >= 400:
        detail = _error_detail(response.text)
        hint = " (check AFTERWORD_LLM_API_KEY)" if response.status_code in (401, 403) else ""
        raise PolishError(
            f"the language model at {url} answered {response.status_code}: {detail}{hint}"
        )
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise PolishError(
            f"the language model at {url} gave an answer that is not a chat completion"
        ) from exc
    if not isinstance(content, str) or not content.strip():
        raise PolishError(f"the language model at {url} gave an empty answer")
    return content


def _error_detail(body: str) -> str:
    try:
        data = json.loads(body)
        message = data.get("error", {}).get("message") if isinstance(data, dict) else None
        if isinstance(message, str) and message:
            return message[:200]
    except (ValueError, AttributeError):
        pass
    return " ".join(body.split())[:200] or "no details"


_FENCE = re.compile(r"^```\w*\n|\n```\s*$")
_SUBJECT_LINE = re.compile(r"^\s*subject\s*:.*\n+", re.IGNORECASE)


def _clean(answer: str) -> str:
    text = _FENCE.sub("", answer.strip()).strip()
    text = _SUBJECT_LINE.sub("", text).strip()
    if len(text) > 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


def polish(
    draft: Draft,
    interview: Interview,
    settings: LLMSettings,
    *,
    max_words: int = 150,
    client: Any = None,
) -> Polished:
    """Ask the model to improve ``draft``; keep its answer only if the checker passes it.

    Raises :class:`PolishError` when the endpoint cannot be asked at all (the caller keeps the
    unpolished draft and tells the user why).
    """
    import httpx

    from afterword.checker import check

    own_client = client is None
    http = client if client is not None else httpx.Client()
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT.format(max_words=max_words)},
        {"role": "user", "content": draft.text},
    ]
    reason = None
    try:
        for attempt in (1, 2):
            text = _clean(_ask(http, settings, messages))
            report = check(text, interview)
            faults = [f for f in report.findings if f.severity in ("error", "warning")]
            paragraphs = tuple(text[p.start : p.end] for p in report.body.paragraphs)
            words = sum(len(p.split()) for p in paragraphs)
            if not faults and words <= max_words and paragraphs:
                polished = replace(
                    draft.with_text(text, paragraphs, tuple(report.findings)), polished=True
                )
                return Polished(polished, used=True, attempts=attempt)
            problems = [
                f"{f.rule}: {f.message}" + (f' ("{f.excerpt}")' if f.excerpt else "")
                for f in faults
            ]
            if words > max_words:
                problems.append(f"too-long: the body has {words} words; the limit is {max_words}")
            if not paragraphs:
                problems.append("the answer has no body between the greeting and the sign-off")
            reason = "; ".join(problems)
            messages += [
                {"role": "assistant", "content": text},
                {
                    "role": "user",
                    "content": "The checker found these problems; fix them and answer with the "
                    "whole email again:\n- " + "\n- ".join(problems),
                },
            ]
    finally:
        if own_client:
            http.close()
    return Polished(
        draft,
        used=False,
        reason=f"the model's version still had problems after a retry ({reason}); "
        "kept the unpolished draft",
        attempts=2,
    )
