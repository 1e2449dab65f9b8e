"""A film's other titles, asked both ways."""

from __future__ import annotations

from dataclasses import replace

from .. import english as en
from ..aliases import source_of
from ..choice import short
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx


def other_titles(fc: FilmCtx) -> list[Draft]:
    """`By what other title is Tyrant (1967) known?` and back: each title a student may meet."""

    ctx, film, L = fc.ctx, fc.film, fc.L
    titles = list(film.aliases)
    if not titles:
        return []
    fact = f"{L} is also known as {en.join_or(titles)}"
    ask = replace(
        fc.ask("title", relation=None, explanation=fc.explain(fact, *titles)),
        source=source_of(film),
    )
    out = ctx.attempt(lambda: short(ctx, ask, f"By what other title is {L} also known?", titles, kind="film"))
    for title in titles:
        prompt = f"{title} is another title of which {film.year} film?"
        out += ctx.attempt(
            lambda prompt=prompt: short(
                ctx, ask, prompt, [film.title], kind="film", template="reverse", suffix=("reverse",)
            )
        )
    return out


OTHER_TITLES = Recipe(other_titles, (None,))
