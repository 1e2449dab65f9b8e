"""Where a film premiered, and the prize it won there."""

from __future__ import annotations

from ..choice import entity_questions, pick_text, short, truefalse
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx
from .words import short_name


def premiere(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    prem = film.premiere
    if prem is None:
        return []
    fest = ctx.ref(prem.festival)
    fact = f"{L} premiered at {fest}" + (f", where it won {prem.prize}" if prem.prize else "")
    ask = fc.ask("premiere", relation="premiere", explanation=fc.explain(fact, fest))
    out = entity_questions(
        ctx,
        ask,
        right=[prem.festival],
        kind="festival",
        short_prompt=f"At which festival did {L} premiere?",
        multi_prompt=None,
        choice_prompt=f"At which of these festivals did {L} premiere?",
        candidates=ctx.pool("festivals"),
        unrelated=True,
        statement=lambda f: f"{L} premiered at {ctx.ref(f)}.",
    )
    won = f" and won {prem.prize}" if prem.prize else ""
    prompt = "Which {desc} premiered at " + fest + won + "?"
    out += ctx.attempt(
        lambda: fc.reverse(
            ask,
            prem.festival,
            prompt,
            lambda f: f.premiere is not None and f.premiere.festival == prem.festival,
            ctx.films_by_festival.get(prem.festival, []),
        )
    )
    if prem.prize:
        prize_ask = fc.ask("prize", relation="prize", explanation=ask.explanation)
        short_fest = short_name(ctx, prem.festival, avoid=[prem.prize])
        out += ctx.attempt(
            lambda: short(
                ctx, prize_ask, f"Which prize did {L} win at {short_fest}?", [prem.prize], kind=None
            )
        )
        out += ctx.attempt(lambda: truefalse(ctx, prize_ask, f"{L} won {prem.prize} at {short_fest}.", True))
        other_prizes = ctx.text_pool("prizes", ctx.prizes)

        def _false() -> Draft:
            wrong = pick_text(prize_ask.qid("false"), other_prizes, [prem.prize], k=1)
            return truefalse(ctx, prize_ask, f"{L} won {wrong[0]} at {short_fest}.", False)

        out += ctx.attempt(_false)
    return out


PREMIERE = Recipe(premiere, ("premiere", "prize"))
