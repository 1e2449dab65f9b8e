"""Order questions: films put in order of release (a film's, a person's, a company's)."""

from __future__ import annotations

from collections.abc import Iterable

from ...facts import model as m
from ...questions import shuffled
from .. import english as en
from ..choice import Ask
from ..core import Ctx, Draft, Skip


def orderable(ctx: Ctx, films: Iterable[m.Film], limit: int | None = None) -> list[m.Film]:
    """Films that can go in an order question: named by title alone, one per year (the first `limit`)."""
    out: list[m.Film] = []
    years: set[int] = set()
    for f in films:
        if len(out) == limit:
            break
        try:
            ctx.title(f)
        except Skip:
            continue
        if f.year not in years:
            out.append(f)
            years.add(f.year)
    return out


def order_question(
    ctx: Ctx, ask: Ask, films: list[m.Film], prompt: str, *, suffix: tuple[str, ...] = ("order",)
) -> Draft:
    """Put 3-4 films (of different years) in release order."""
    if len(films) < 3 or len({f.year for f in films}) != len(films):
        raise Skip("an order question needs three films of different years")
    ordered = sorted(films, key=lambda f: f.year)
    titles = [f.title for f in ordered]
    qid = ask.qid(*suffix)
    explanation = en.sentence("In order: " + en.join([f"{f.title} ({f.year})" for f in ordered]))
    return ctx.make(
        qid,
        "order",
        prompt,
        titles,
        choices=shuffled(titles, qid),
        relation="year",
        topic=ask.topic,
        subject=ask.subject,
        source=ask.source,
        explanation=explanation,
        films=ask.films,
        template="order",
        level=2,
        passing=ask.passing,
    )
