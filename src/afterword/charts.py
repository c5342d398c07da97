"""Charts of the insights, drawn on the server as SVG (for the page) or PNG (for a file).

matplotlib's ``Figure`` API with the Agg backend: no pyplot and its global state, so that the
web app's threads can draw at once. matplotlib is imported inside the functions that draw: a
command that draws nothing does not pay for it.

Colours are the Okabe-Ito palette, told apart by people with any common colour blindness, and
never the only cue: bars carry a hatch and their number, points a shape.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from afterword.insights import Insights, Point
from afterword.model import Outcome

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ticker import Locator

Format = Literal["svg", "png"]

BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
GREEN = "#009E73"
GREY = "#595959"

#: outcome -> (label, colour, marker)
OUTCOME_STYLE: dict[Outcome | None, tuple[str, str, str]] = {
    Outcome.offer: ("offer", GREEN, "*"),
    Outcome.advanced: ("next round", BLUE, "o"),
    Outcome.rejected: ("rejected", VERMILLION, "X"),
    Outcome.no_response: ("no response", GREY, "s"),
    Outcome.withdrew: ("withdrew", GREY, "D"),
    None: ("not known yet", GREY, "."),
}


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure


def _whole_numbers() -> Locator:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _save(figure: Figure, fmt: Format) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    # Stable output: no date in the file, the same element ids every time, text kept as
    # text (which screen readers and search can read) rather than paths.
    with matplotlib.rc_context({"svg.hashsalt": "afterword", "svg.fonttype": "none"}):
        if fmt == "svg":
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            figure.savefig(buffer, format="png", dpi=120, metadata={"Software": None})
    return buffer.getvalue()


def causes_chart(found: Insights, fmt: Format = "svg") -> bytes:
    """The main chart: how many interviews named each cause, in the earlier and the later
    half of them, so that a cause on the rise stands out."""
    trends = found.trends
    figure = _figure(7.5, 0.55 * max(len(trends), 3) + 1.4)
    axes = figure.add_subplot()
    earlier_n, later_n = found.halves
    if not trends:
        axes.text(0.5, 0.5, "No causes named yet", ha="center", va="center")
        axes.set_axis_off()
        return _save(figure, fmt)
    names = [t.name for t in trends][::-1]
    positions = range(len(names))
    height = 0.38
    earlier = [t.earlier for t in trends][::-1]
    later = [t.later for t in trends][::-1]
    bars_earlier = axes.barh(
        [p + height / 2 for p in positions],
        earlier,
        height,
        color=ORANGE,
        hatch="//",
        edgecolor="#7a5300",
        label=f"earlier {earlier_n} interviews",
    )
    bars_later = axes.barh(
        [p - height / 2 for p in positions],
        later,
        height,
        color=BLUE,
        edgecolor="#00324f",
        label=f"later {later_n} interviews",
    )
    axes.bar_label(bars_earlier, padding=3, fontsize=9)
    axes.bar_label(bars_later, padding=3, fontsize=9)
    axes.set_yticks(list(positions), names)
    axes.set_xlabel("Interviews that named it")
    axes.set_ylabel("What played a part")
    axes.set_title("Why interviews went badly: earlier and later")
    axes.xaxis.set_major_locator(_whole_numbers())
    axes.set_xlim(0, max([*earlier, *later, 1]) * 1.15)
    axes.legend(loc="lower right", frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)


def feelings_chart(found: Insights, fmt: Format = "svg") -> bytes:
    """How each interview felt (1 very bad to 5 very good) over time, and how it ended."""
    figure = _figure(7.5, 3.6)
    axes = figure.add_subplot()
    points = [p for p in found.timeline if p.feeling is not None]

    def at(shown: list[Point]) -> tuple[list[float], list[float]]:
        # Dates as matplotlib reads them: days since its epoch, 1970-01-01 UTC.
        return [p.ended_at.timestamp() / 86400 for p in shown], [
            float(p.feeling or 0) for p in shown
        ]

    axes.plot(*at(points), color="#9a9a9a", linewidth=1)
    axes.xaxis_date()
    for outcome, (label, colour, marker) in OUTCOME_STYLE.items():
        shown = [p for p in points if p.outcome is outcome]
        if shown:
            axes.scatter(
                *at(shown),
                color=colour,
                marker=marker,
                s=60 if marker != "." else 120,
                label=label,
                zorder=3,
            )
    axes.set_ylim(0.5, 5.5)
    axes.set_yticks([1, 2, 3, 4, 5], ["very bad", "bad", "so-so", "good", "very good"])
    axes.set_ylabel("How it felt")
    axes.set_xlabel("When the interview ended")
    axes.set_title("How interviews felt, and how they ended")
    figure.autofmt_xdate()
    if points:
        axes.legend(loc="upper left", frameon=False, fontsize=8, ncols=3)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)


def topics_chart(found: Insights, fmt: Format = "svg", top: int = 8) -> bytes:
    """The topics most often weak: weak moments against the times the topic came up."""
    rows = found.topics[:top][::-1]
    figure = _figure(7.5, 0.45 * max(len(rows), 3) + 1.4)
    axes = figure.add_subplot()
    if not rows:
        axes.text(0.5, 0.5, "No topics given to moments yet", ha="center", va="center")
        axes.set_axis_off()
        return _save(figure, fmt)
    positions = list(range(len(rows)))
    axes.barh(positions, [w.asked for w in rows], 0.6, color="#d9d9d9", label="came up")
    weak = axes.barh(
        positions, [w.weak for w in rows], 0.6, color=VERMILLION, hatch="..", label="weak"
    )
    axes.bar_label(weak, [f"{w.weak} of {w.asked}" for w in rows], padding=3, fontsize=9)
    axes.set_yticks(positions, [w.name for w in rows])
    axes.set_xlabel("Moments")
    axes.set_ylabel("Topic")
    axes.set_title("Topics you were weakest on")
    axes.xaxis.set_major_locator(_whole_numbers())
    axes.legend(loc="lower right", frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)


CHARTS: dict[str, Callable[[Insights, Format], bytes]] = {
    "causes": causes_chart,
    "feelings": feelings_chart,
    "topics": topics_chart,
}
