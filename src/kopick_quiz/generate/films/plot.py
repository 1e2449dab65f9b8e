"""Which film is this? A profiled film told by its story."""

from __future__ import annotations

from ...text import normalise
from ..choice import Ask, Draw, entity_questions
from ..core import Draft, question_id
from ..recipe import Recipe
from .ctx import FilmCtx


def plot(fc: FilmCtx) -> list[Draft]:
    """Which film is this? A profiled film told by its story."""
    ctx, film = fc.ctx, fc.film
    if not film.profiled:
        return []
    ctx.title(film)  # the answer is the bare title: it must name one film
    summary = film.summary.strip()
    if any(normalise(t) in normalise(summary) for t in (film.title, *film.aliases)):
        return []
    kind_of = ctx.base.kind_of
    if any(f != film.id and kind_of[f] == "film" for f in ctx.summary_owners.get(normalise(summary), ())):
        return []
    ask = Ask(
        key=question_id(film.id, "plot"),
        relation=None,
        topic="films",
        subject=film.id,
        source=film.source,
        explanation=fc.told_story(),
        films=(film.id,),
        passing=False,
        level=3,
    )
    profiled = Draw(ctx.pool("films-profiled"), lambda f: f != film.id)
    text = summary if summary.endswith((".", "!", "?")) else summary + "."
    return entity_questions(
        ctx,
        ask,
        right=[film.id],
        kind="film",
        short_prompt=f"Which film tells this story? {text}",
        multi_prompt=None,
        choice_prompt=f"Which of these films tells this story? {text}",
        candidates=profiled,
    )


PLOT = Recipe(plot, (None,))
