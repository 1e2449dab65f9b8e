"""Money and audiences: a film's budget and its ticket sales or admissions."""

from __future__ import annotations

from .. import english as en
from ..choice import choice, far_numbers, round_like, short, truefalse
from ..core import Draft, stable_hash
from ..recipe import Recipe
from .ctx import FilmCtx
from .words import CURRENCY, NUMBER_TOLERANCE, money_text


def budget(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    money = film.budget
    if money is None:
        return []
    fact = f"{L} had a budget of {money_text(money)}"
    ask = fc.ask("budget", relation="budget", explanation=fc.explain(fact, "budget"))
    # The whole amount is the answer: a student's "20 billion" or "20bn" reads as 20000000000.
    lead = {"over": "over ", "under": "under ", "about": "about ", "exact": ""}[money.qualifier]
    prompt = f"{L} had a budget of {lead}how much, in {CURRENCY[money.currency]}? Answer within 5%."
    answer = str(money.amount)
    out = ctx.attempt(
        lambda: short(
            ctx,
            ask,
            prompt,
            [answer],
            kind=None,
            qtype="number",
            tolerance=NUMBER_TOLERANCE,
            template="number",
        )
    )
    out += ctx.attempt(lambda: truefalse(ctx, ask, f"{L} had a budget of {money_text(money)}.", True))
    factor = 4 if stable_hash(ask.qid("false")) % 2 else 0.25
    qualifier = {"over": "under", "under": "over"}.get(money.qualifier, money.qualifier)
    if money.qualifier == "over":
        factor = 0.25
    elif money.qualifier == "under":
        factor = 4

    wrong = round_like(round(money.amount * factor), money.amount)
    out += ctx.attempt(
        lambda: truefalse(ctx, ask, f"{L} had a budget of {money_text(money, wrong, qualifier)}.", False)
    )
    return out


def audience(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    aud = film.audience
    if aud is None:
        return []
    where = f" in {ctx.ref(aud.country)}" if aud.country else ""
    count = en.format_int(aud.count)
    if aud.unit == "tickets":
        said = f"{L} sold {{n}} tickets{where}"
        prompt = f"How many tickets did {L} sell{where}? Answer within 5%."
        choice_prompt = f"Roughly how many tickets did {L} sell{where}?"
    else:
        said = f"{L} drew {{n}} admissions{where}"
        prompt = f"How many admissions did {L} draw{where}? Answer within 5%."
        choice_prompt = f"Roughly how many admissions did {L} draw{where}?"
    fact = said.format(n=count) + (f" ({aud.note})" if aud.note else "")
    ask = fc.ask("audience", relation="audience", explanation=fc.explain(fact))
    out = ctx.attempt(
        lambda: short(
            ctx,
            ask,
            prompt,
            [str(aud.count)],
            kind=None,
            qtype="number",
            tolerance=NUMBER_TOLERANCE,
            template="number",
        )
    )

    def _choice() -> Draft:
        wrong = far_numbers(ask.qid("choice"), aud.count)
        return choice(ctx, ask, choice_prompt, count, [en.format_int(w) for w in wrong], kind=None)

    out += ctx.attempt(_choice)
    out += ctx.attempt(lambda: truefalse(ctx, ask, said.format(n=count) + ".", True))

    def _false() -> Draft:
        (wrong,) = far_numbers(ask.qid("false"), aud.count, k=1)
        return truefalse(ctx, ask, said.format(n=en.format_int(wrong)) + ".", False)

    out += ctx.attempt(_false)
    return out


BUDGET = Recipe(budget, ("budget",))
AUDIENCE = Recipe(audience, ("audience",))
