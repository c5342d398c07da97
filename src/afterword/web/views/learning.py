"""Learning across interviews: the insights (with their charts), the question bank and the
prep checklist."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from afterword.errors import NotFoundError
from afterword.services import Workspace
from afterword.web.common import attachment, render, workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(workspace)]

#: What each chart shows, for its text alternative (its table is next to it).
CHART_ALT = {
    "causes": "Bar chart: how many interviews named each cause, in the earlier and the later "
    "half of your interviews. The same figures are in the table next to it.",
    "feelings": "Chart: how each interview felt, from very bad to very good, over time, each "
    "point shaped by how it ended. The same figures are in the table below it.",
    "topics": "Bar chart: the topics most often weak, against the times each came up. The "
    "same figures are in the table next to it.",
}


@router.get("/insights")
def insights_page(request: Request, ws: WS) -> Response:
    from afterword.insights import MOMENT_KIND_NAMES, RECENT

    found = ws.insights()
    return render(
        request,
        "insights.html",
        found=found,
        recent=min(RECENT, found.interviews),
        alt=CHART_ALT,
        kind_names=MOMENT_KIND_NAMES,
        active="insights",
    )


@router.get("/insights/{name}.svg")
def chart(ws: WS, name: str) -> Response:
    """One chart of the insights, drawn on the server."""
    from afterword.charts import CHARTS

    draw = CHARTS.get(name)
    if draw is None:
        raise NotFoundError(f"there is no chart {name!r}")
    return Response(
        draw(ws.insights(), "svg"),
        media_type="image/svg+xml",
        headers={"Cache-Control": "no-cache"},
    )


@router.get("/questions")
def questions_page(
    request: Request, ws: WS, q: str | None = None, topic: str | None = None
) -> Response:
    every = ws.question_bank()
    groups = ws.question_bank(q, topic)
    topics = sorted({t for g in every for t in g.topics}, key=str.casefold)
    return render(
        request,
        "questions.html",
        groups=groups,
        total=len(every),
        q=q or "",
        topic=topic or "",
        topics=topics,
        active="questions",
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "interview"


@router.get("/prep")
def prep_page(
    request: Request,
    ws: WS,
    company: str | None = None,
    role: str | None = None,
    format: str | None = None,
) -> Response:
    """The prep checklist (a form until a company and a role are given); ``format=markdown``
    downloads it."""
    from urllib.parse import urlencode

    from afterword.prep import to_markdown

    company, role = (company or "").strip(), (role or "").strip()
    found = ws.prep(company, role) if company and role else None
    if found is not None and format == "markdown":
        name = f"prep-{_slug(company)}-{_slug(role)}.md"
        return Response(
            to_markdown(found),
            media_type="text/markdown; charset=utf-8",
            headers=attachment(name, name.encode("ascii", "ignore").decode() or "prep.md"),
        )
    download = (
        "/prep?" + urlencode({"company": company, "role": role, "format": "markdown"})
        if found
        else None
    )
    return render(
        request,
        "prep.html",
        found=found,
        company=company,
        role=role,
        download=download,
        active="prep",
    )
