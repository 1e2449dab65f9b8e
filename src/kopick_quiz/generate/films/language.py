"""The languages a film was made in."""

from __future__ import annotations

from .. import english as en
from ..choice import multi, one_of, pick_text, short, truefalse
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx


def language(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    langs = [lang for lang in film.languages if lang]
    if not langs:
        return []
    fact = f"{L} was made in {en.join(langs)}"
    ask = fc.ask("language", relation="language", explanation=fc.explain(fact))
    out: list[Draft] = []
    if len(langs) == 1:
        out += ctx.attempt(lambda: short(ctx, ask, f"In which language was {L} made?", langs, kind=None))
    else:
        out += ctx.attempt(
            lambda: multi(ctx, ask, f"Name {en.all_of(len(langs))} languages of {L}.", langs, kind=None)
        )
    out += ctx.attempt(
        lambda: truefalse(ctx, ask, f"{L} was made in {one_of(ask.qid('true'), langs)}.", True)
    )
    others = ctx.text_pool("languages", ctx.languages)

    def _false() -> Draft:
        (wrong,) = pick_text(ask.qid("false"), others, langs, k=1)
        return truefalse(ctx, ask, f"{L} was made in {wrong}.", False)

    out += ctx.attempt(_false)
    return out


LANGUAGE = Recipe(language, ("language",))
