"""The stats plots, drawn on a plotext figure: `stats --plot` and the app's Stats screen draw the same.

Each function draws one plot of a `Stats` on `plt`, which is the `plotext` module (the command
line) or a textual-plotext widget's `plt` (the app); both take the same calls. The caller sets
the size and theme and builds or renders the figure; a plot with nothing to show is never asked
for (see `PLOTS` and `has_data`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .stats import Stats

AVERAGE_OF = 10  # quizzes in the moving average drawn over the scores
LABEL_CELLS = 18  # a tag's label is shortened to this on the bar chart's axis


@dataclass(frozen=True)
class Palette:
    """The colours of the plots: plotext colour names, or (r, g, b) from the app's theme."""

    points: Any = "gray"
    line: Any = "blue+"
    bars: Any = "green"
    target: Any = "red"


def scores(plt: Any, stats: Stats, palette: Palette = Palette()) -> None:
    """Score per quiz over time (% right), with the average of the last quizzes over it."""
    sessions = stats.sessions
    tz = stats.generated_at.tzinfo
    start = sessions[0].started_at
    xs = [(s.started_at - start).total_seconds() / 86400 for s in sessions]
    ys = [round(100 * s.accuracy, 1) for s in sessions]
    window = max(AVERAGE_OF, len(ys) // 40)  # a year of quizzes would make a short average jitter
    if len(ys) > window:
        plt.scatter(xs, ys, marker="dot", color=palette.points)
        averages = [sum(ys[max(0, i - window + 1) : i + 1]) / min(i + 1, window) for i in range(len(ys))]
        plt.plot(xs, averages, marker="braille", color=palette.line)
    else:  # a few quizzes: each one, joined
        plt.plot(xs, ys, marker="braille", color=palette.line)
        plt.scatter(xs, ys, marker="●", color=palette.line)
    plt.ylim(0, 100)
    plt.yticks([0, 25, 50, 75, 100])
    pad = xs[-1] / 40 or 0.5  # room for the first and last points inside the frame
    plt.xlim(-pad, xs[-1] + pad)
    ticks, labels = _time_ticks(start, xs[-1], tz)
    plt.xticks(ticks, labels)
    plt.title(
        f"Score per quiz (% right) · line: average of {window}"
        if len(ys) > window
        else "Score per quiz (% right)"
    )


def tags(plt: Any, stats: Stats, palette: Palette = Palette(), *, rows: int = 10, width: int = 80) -> None:
    """Accuracy by tag, weakest first, one bar a row: as many as the `rows` of the plot."""
    rows = max(1, rows)
    shown = list(stats.by_tag[:rows])
    shown.reverse()  # plotext draws the first bar at the bottom: the weakest goes on top
    cells = max(12, min(30, width // 3 - 5))
    labels = [f"{_short(stats.label(s.tag), cells)} {round(100 * s.accuracy):>3}%" for s in shown]
    values = [round(100 * s.accuracy) for s in shown]
    # Fewer tags than rows would make thick bars run together: blank rows fill the bottom instead.
    blank = rows - len(shown)
    labels = [" " * i for i in range(1, blank + 1)] + labels
    values = [0] * blank + values
    plt.bar(labels, values, orientation="h", color=palette.bars, width=0.6)
    plt.xlim(0, 100)
    plt.xticks([0, 25, 50, 75, 100])
    more = len(stats.by_tag) - len(shown)
    plt.title("Accuracy by tag, weakest first (%)" + (f" · {more} more" if more > 0 else ""))


def eras(plt: Any, stats: Stats, palette: Palette = Palette()) -> None:
    """Accuracy by decade of the films asked about."""
    shown = stats.by_era
    plt.bar(
        [f"{_short(stats.label(s.tag), LABEL_CELLS)} {round(100 * s.accuracy)}%" for s in shown],
        [round(100 * s.accuracy) for s in shown],
        color=palette.bars,
        width=0.5,
    )
    plt.ylim(0, 100)
    plt.yticks([0, 25, 50, 75, 100])
    plt.title("Accuracy by era (%)")


def due(plt: Any, stats: Stats, palette: Palette = Palette(), *, width: int = 80) -> None:
    """Questions due for review on each of the next days, today (with the overdue) first."""
    days = stats.due
    counts = [n for _, n in days]
    plt.bar(list(range(len(days))), counts, color=palette.bars, width=0.6)
    step = max(1, math.ceil(len(days) * 8 / max(width - 8, 8)))  # a label needs about 8 cells
    ticks = list(range(0, len(days), step))
    plt.xticks(ticks, ["today" if i == 0 else days[i][0].strftime("%a %d") for i in ticks])
    top = max(max(counts, default=0), 1)
    step = _step(top, ticks=5)
    ceiling = math.ceil(top / step) * step  # the axis ends at the first tick over the tallest bar
    plt.ylim(0, ceiling * 1.05)
    plt.yticks(list(range(0, ceiling + 1, step)))
    plt.title(f"Due for review, next {len(days)} days · {stats.due_now} now")


def retention(plt: Any, stats: Stats, palette: Palette = Palette()) -> None:
    """The forgetting curve: the share of the questions met still recalled if none is reviewed."""
    r = stats.retention
    xs = [d for d, _ in r.curve]
    plt.plot(
        xs,
        [round(100 * v, 1) for _, v in r.curve],
        marker="braille",
        color=palette.line,
    )
    plt.hline(100 * r.target, palette.target)
    # From a round floor under the curve: a curve from 88% to 80% drawn from 0 would look flat.
    low = min([v for _, v in r.curve] + [r.target])
    floor = max(0, math.floor(low * 10 - 1) * 10)
    plt.ylim(floor, 100)
    plt.yticks(list(range(floor, 101, 10 if 100 - floor <= 50 else 20)))
    last = xs[-1] if xs else 0
    ticks = [d for d in (0, 7, 14, 21, 30) if d <= last]
    plt.xticks(ticks, ["now" if d == 0 else f"{d} d" for d in ticks])
    plt.title(f"Recall if not reviewed (%) · target {round(100 * r.target)}%")


Drawer = Callable[..., None]

# name -> (title for tabs and headings, the drawing function)
PLOTS: dict[str, tuple[str, Drawer]] = {
    "scores": ("Scores", scores),
    "tags": ("Tags", tags),
    "eras": ("Eras", eras),
    "due": ("Due", due),
    "retention": ("Retention", retention),
}


def has_data(name: str, stats: Stats) -> bool:
    """Whether the plot `name` has anything to show for these stats."""
    return bool(
        {
            "scores": stats.sessions,
            "tags": stats.by_tag,
            "eras": stats.by_era,
            "due": stats.due and stats.retention.cards,  # zeros mean something only once cards exist
            "retention": stats.retention.curve,
        }[name]
    )


def _time_ticks(start: datetime, span: float, tz: Any, count: int = 4) -> tuple[list[float], list[str]]:
    """Ticks along `span` days from `start`, labelled with dates (or times within a day)."""
    if span <= 0:
        return [0.0], [start.astimezone(tz).strftime("%b %d")]
    fmt = "%H:%M" if span < 1 else "%b %d" if span < 300 else "%b %Y"
    ticks = [span * i / (count - 1) for i in range(count)]
    return ticks, [(start + timedelta(days=t)).astimezone(tz).strftime(fmt) for t in ticks]


def _step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, 50…) so that `ticks` of them reach `top`."""
    step, factors = 1, (2, 2.5, 2)
    n = 0
    while step * ticks < top:
        step = int(step * factors[n % 3])
        n += 1
    return step


def _short(text: str, cells: int) -> str:
    """`text` in at most `cells` characters, without anything a terminal would read as control."""
    text = "".join(c for c in text if c.isprintable())
    return text if len(text) <= cells else text[: cells - 1].rstrip() + "…"


def draw_all(stats: Stats, *, width: int = 100, height: int = 18, colour: bool = True) -> str:
    """`stats --plot`: the summary, every plot with something to show, then the weakest questions."""
    import plotext

    from .stats import retention_lines, summary_lines, weakest_lines

    parts = [f"Progress of {stats.player}", *summary_lines(stats)]
    if not stats.totals.answers:
        return "\n".join(parts) + "\n"
    for name, (_, draw) in PLOTS.items():
        if not has_data(name, stats):
            continue
        plotext.clf()
        high = min(height, len(stats.by_tag) + 4) if name == "tags" else height  # a bar a row
        plotext.plotsize(width, high)
        plotext.theme("pro" if colour else "clear")
        extra = (
            {"rows": high - 4, "width": width}
            if name == "tags"
            else {"width": width}
            if name == "due"
            else {}
        )
        draw(plotext, stats, **extra)
        drawn = plotext.build()
        parts += ["", drawn if colour else plotext.uncolorize(drawn)]
        if name == "retention":
            parts += retention_lines(stats)
    weak = weakest_lines(stats)
    if weak:
        parts += ["", "Weakest questions", *weak]
    return "\n".join(parts) + "\n"


__all__ = ["PLOTS", "Palette", "draw_all", "due", "eras", "has_data", "retention", "scores", "tags"]
