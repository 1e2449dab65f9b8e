"""How far slow work has gone, for a shell to show as a bar: the core reports, the shells draw.

A `Progress` is any callable told `(done, total)` as work goes on. Every function that takes one
reports from the start to `(total, total)` when it returns, and never goes back. `split` cuts one
progress into parts for work done in stages, each part as long as the stage's estimated cost;
`tracked` reports a loop over a list. Neither knows anything of terminals or Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import TypeVar

T = TypeVar("T")

Progress = Callable[[int, int], None]
"""Told `(done, total)` as work goes on: `done` never decreases and ends equal to `total`."""

STEPS = 1000  # what `split` reports in: finer than any bar is drawn, few enough to cost nothing


def no_progress(done: int, total: int) -> None:
    """A progress nobody watches (the default)."""


def split(progress: Progress, *costs: float) -> list[Progress]:
    """One part of `progress` for each stage of the work to come, in order, each as long as its cost.

    Each part is a progress of its own, with its own total. Together they report to `progress`
    in `STEPS`, only when the position moves and never backwards: a stage that ends early (or
    is skipped) is made up for by the next one's first report. With no cost at all, the parts
    share the bar equally.
    """
    weights = [max(float(c), 0.0) for c in costs]
    whole = sum(weights)
    if whole <= 0:
        weights, whole = [1.0] * len(weights), float(len(weights) or 1)
    edges = [0]
    so_far = 0.0
    for w in weights:
        so_far += w
        edges.append(round(STEPS * so_far / whole))
    edges[-1] = STEPS
    shown = [-1]

    def part(start: int, end: int) -> Progress:
        span = end - start

        def report(done: int, total: int) -> None:
            at = end if total <= 0 or done >= total else start + span * max(done, 0) // total
            if at > shown[0]:
                shown[0] = at
                progress(at, STEPS)

        return report

    return [part(edges[i], edges[i + 1]) for i in range(len(weights))]


def tracked(items: Sequence[T], progress: Progress) -> Iterator[T]:
    """The items one by one, telling `progress` how many are done (some sixty times at most)."""
    total = len(items)
    every = max(1, total >> 6)

    def chunk(start: int) -> Sequence[T]:
        progress(min(start, total), total)
        return items[start : start + every]

    # Chained slices rather than a generator: a loop over them costs what a loop over the list does.
    return chain.from_iterable(map(chunk, range(0, total + every, every)))
