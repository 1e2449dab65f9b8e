"""The events and periods the source ties a film to."""

from __future__ import annotations

from ...facts import model as m
from .. import english as en
from ..choice import Draw, entity_questions
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx


def context(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    out: list[Draft] = []
    for event_id in dict.fromkeys(film.context):
        event = ctx.base.get(event_id)
        during = event.kind == "period" and _during(event, film.year)
        the = ctx.event(event_id)
        plain = f"{L} came out during {the}" if during else f"{L} is tied to {the}, in {event.start}"
        fact = ctx.fresh(f"{L} is tied to {the}: {ctx.lower_first(event.summary.rstrip('.'))}", plain)
        ask = fc.ask("event", event_id, relation="event", explanation=en.sentence(fact))
        if during:

            def outside(e_id: str) -> bool:
                e = ctx.base.get(e_id)
                return e_id not in film.context and not _during(e, film.year)

            wrong_pool = Draw(ctx.pool("events-kind", "period"), outside)
            out += entity_questions(
                ctx,
                ask,
                right=[event_id],
                kind="event",
                short_prompt=None,
                multi_prompt=None,
                choice_prompt=f"During which of these periods did {L} come out?",
                candidates=wrong_pool,
                statement=lambda e: f"{L} came out during {ctx.event(e)}.",
            )
        else:
            wrong_pool = Draw(
                ctx.pool("events"),
                lambda e: e not in film.context,
                (ctx.pool("events-kind", event.kind),),
            )
            out += entity_questions(
                ctx,
                ask,
                right=[event_id],
                kind="event",
                short_prompt=None,
                multi_prompt=None,
                choice_prompt=f"Which of these does the source tie to {L}?",
                candidates=wrong_pool,
                score=lambda e, kind=event.kind: 0 if ctx.base.get(e).kind == kind else 1,
            )
    return out


def _during(event: m.Event, year: int) -> bool:
    """Whether `year` falls in an event's years; a period with no end given runs on (Covid-19)."""
    if event.end is None and event.kind == "period":
        return event.start <= year
    return event.start <= year <= (event.end or event.start)


CONTEXT = Recipe(context, ("event",))
