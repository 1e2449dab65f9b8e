"""When a film came out: its year (and its place among other films), its month."""

from __future__ import annotations

import itertools

from ...facts import model as m
from .. import english as en
from ..choice import Ask, Draw, choice, near_years, pick_text, ranked, short, truefalse
from ..core import Ctx, Draft, Skip
from ..recipe import Recipe
from .ctx import FilmCtx
from .order import order_question, orderable


def year(fc: FilmCtx) -> list[Draft]:
    ctx, film = fc.ctx, fc.film
    title = ctx.title(film)
    fact = f"{title} came out in {film.year}"
    ask = fc.ask("year", relation="year", explanation=fc.explain(fact))
    out = ctx.attempt(
        lambda: short(
            ctx, ask, f"In what year was {title} released?", [str(film.year)], kind=None, qtype="year"
        )
    )

    def _choice() -> Draft:
        wrong = near_years(ask.qid("choice"), film.year, ctx.latest_year)
        return choice(
            ctx, ask, f"When was {title} released?", str(film.year), [str(y) for y in wrong], kind=None
        )

    out += ctx.attempt(_choice)
    out += ctx.attempt(lambda: truefalse(ctx, ask, f"{title} came out in {film.year}.", True))

    def _false() -> Draft:
        (wrong,) = near_years(ask.qid("false"), film.year, ctx.latest_year, k=1)
        return truefalse(ctx, ask, f"{title} came out in {wrong}.", False)

    out += ctx.attempt(_false)
    if film.profiled:
        out += ctx.attempt(lambda: order_around(ctx, film, ask))
    return out


def release_month(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    release = film.release
    if release is None or release.month is None:
        return []
    month = en.month_name(release.month)
    try:
        name = ctx.title(film)
    except Skip:
        name = L
    fact = f"{name} opened in {month} {release.year}"
    ask = fc.ask("release", relation="year", explanation=fc.explain(fact))
    prompt = f"In which month of {release.year} was {name} released?"
    out = ctx.attempt(lambda: short(ctx, ask, prompt, [month], kind=None))

    def _choice() -> Draft:
        near = [en.month_name((release.month - 1 + d) % 12 + 1) for d in (-3, -2, -1, 1, 2, 3)]
        wrong = pick_text(ask.qid("choice"), near, [month])
        return choice(ctx, ask, f"When in {release.year} was {name} released?", month, wrong, kind=None)

    out += ctx.attempt(_choice)
    return out


def order_around(ctx: Ctx, film: m.Film, ask: Ask) -> Draft:
    """The film and three others, the source's profiled films first, in release order.

    The films picked are the answer, not distractors; like distractors, they are drawn from the
    ring of a large pool a window at a time (a pool ranked whole for every film's question would
    cost as much as there are profiled films, each time), and the rest are reached only when the
    profiled films cannot fill it.
    """
    by_id = ctx.films_by_id
    key = ask.qid("order")

    def other(f: str) -> bool:
        return f != film.id and by_id[f].year != film.year

    pool = itertools.chain(
        ranked(key, Draw(ctx.pool("films-profiled"), other)),
        ranked(key, Draw(ctx.pool("films-unprofiled"), other)),
    )
    picked = orderable(ctx, itertools.chain([film], (by_id[f] for f in pool)), limit=4)
    title = ctx.title(film)
    prompt = (
        f"Put {title} and {en.number_word(len(picked) - 1)} other films in order of release, earliest first."
    )
    return order_question(ctx, ask, picked, prompt)


YEAR = Recipe(year, ("year",))
RELEASE_MONTH = Recipe(release_month, ("year",))
