"""The countries that made a film."""

from __future__ import annotations

from .. import english as en
from ..choice import (
    choice,
    confusable_countries,
    country_draw,
    country_score,
    entity_questions,
    multi,
    one_of,
    pick,
    short,
    truefalse,
)
from ..core import Draft, Skip
from ..recipe import Recipe
from .ctx import FilmCtx
from .words import HOME


def countries(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    countries = list(dict.fromkeys(film.countries))
    if not countries:
        return []
    names = [ctx.ref(c) for c in countries]
    n = len(countries)
    banned = set(countries) | confusable_countries(countries)
    candidates = country_draw(ctx, countries, lambda c: c not in banned)
    out: list[Draft] = []
    if n == 1:
        fact = f"{L} is a film from {names[0]}"
        ask = fc.ask("country", relation="country", explanation=fc.explain(fact))
        return entity_questions(
            ctx,
            ask,
            right=countries,
            kind="country",
            short_prompt=f"Which country is {L} from?",
            multi_prompt=None,
            choice_prompt=f"Which of these countries is {L} from?",
            candidates=candidates,
            score=country_score(ctx, countries),
            unrelated=True,
            statement=lambda c: f"{L} is a film from {ctx.ref(c)}.",
        )
    fact = f"{L} was a co-production between {en.join(names)}"
    ask = fc.ask("country", relation="country", explanation=fc.explain(fact, *names))
    foreign = [c for c in countries if c != HOME]
    if HOME in countries:
        home = ctx.ref(HOME)
        prompt = (
            f"Besides {home}, which country co-produced {L}?"
            if n == 2
            else f"Besides {home}, name one of the countries that co-produced {L}."
        )
    else:
        prompt = f"Name one of the countries that co-produced {L}."
    out += ctx.attempt(lambda: short(ctx, ask, prompt, [ctx.label(c) for c in foreign], kind="country"))
    multi_prompt = f"Name {en.all_of(n)} countries that co-produced {L}."
    out += ctx.attempt(
        lambda: multi(ctx, ask, multi_prompt, [ctx.label(c) for c in countries], kind="country")
    )

    def _choice() -> Draft:
        shown = one_of(ask.qid("choice"), foreign)
        score = country_score(ctx, countries)
        try:  # a country the film is tied to otherwise (a director's) is no clean distractor
            wrong = pick(ctx, ask.qid("choice"), candidates, countries, score=score, unrelated_to=film.id)
        except Skip:
            wrong = pick(ctx, ask.qid("choice"), candidates, countries, score=score)
        others = [ctx.ref(c) for c in countries if c != shown and c == HOME]
        lead = f"with {others[0]}" if others else ""
        prompt = f"Which of these countries co-produced {L}{' ' + lead if lead else ''}?"
        return choice(ctx, ask, prompt, ctx.label(shown), [ctx.label(w) for w in wrong], kind="country")

    out += ctx.attempt(_choice)

    def statement(focus: str, value: str) -> str:
        shown = [ctx.ref(value) if c == focus else ctx.ref(c) for c in countries]
        return f"{L} was a co-production between {en.join(shown)}."

    focus = one_of(ask.qid("true"), foreign)
    out += ctx.attempt(lambda: truefalse(ctx, ask, statement(focus, focus), True))

    def _false() -> Draft:
        focus = one_of(ask.qid("false"), foreign)
        (wrong,) = pick(
            ctx,
            ask.qid("false"),
            candidates,
            countries,
            k=1,
            score=country_score(ctx, countries),
            unrelated_to=film.id,
        )
        return truefalse(ctx, ask, statement(focus, wrong), False)

    out += ctx.attempt(_false)
    wanted = set(countries)
    prompt = "Which {desc} was co-produced by " + en.join(names) + "?"
    out += ctx.attempt(
        lambda: fc.reverse(
            ask,
            countries[0],
            prompt,
            lambda f: set(f.countries) == wanted,
            ctx.films_by_countries.get((film.year, frozenset(wanted)), []),
            bare=True,
        )
    )
    return out


COUNTRIES = Recipe(countries, ("country",))
