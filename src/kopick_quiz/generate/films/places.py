"""Where a film was shot and where its story is set."""

from __future__ import annotations

from .. import english as en
from ..choice import Draw, entity_questions, multi
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx


def places(fc: FilmCtx) -> list[Draft]:
    out: list[Draft] = []
    for relation, ids, verb_past, verb_q in (
        ("location", fc.film.locations, "was shot in", "was {film} shot"),
        ("setting", fc.film.settings, "is set in", "is {film} set"),
    ):
        if ids:
            out += fc.ctx.attempt(
                lambda relation=relation, ids=ids, vp=verb_past, vq=verb_q: place(
                    fc, relation, list(ids), vp, vq
                )
            )
    return out


def place(fc: FilmCtx, relation: str, ids: list[str], verb_past: str, verb_q: str) -> list[Draft]:
    ctx, L = fc.ctx, fc.L
    names = [ctx.ref(i) for i in ids]
    fact = f"{L} {verb_past} {en.join(names)}"
    ask = fc.ask(relation, relation=relation, explanation=fc.explain(fact, *names))
    kinds = {ctx.base.kind_of[i] for i in ids}
    place_kinds = {getattr(ctx.base.get(i), "kind", "country") for i in ids}
    noun = next(iter(place_kinds)) if len(place_kinds) == 1 and kinds == {"place"} else None
    if noun == "country-side":
        noun = None
    kind = next(iter(kinds)) if len(kinds) == 1 else "place"
    question = verb_q.format(film=L)
    out: list[Draft] = []
    if len(ids) == 1:
        prompt = f"In which {noun} {question}?" if noun else f"Where {question}?"
        like = getattr(ctx.base.get(ids[0]), "kind", "country")
        if kind == "place":
            pool = ctx.pool("places-kind", like)
        else:  # a country has no kind of its own: "country"
            pool = ctx.pool("countries") if like == "country" else ctx.new_pool(())
        same_kind = "cities" if noun == "city" else en.plural(noun) if noun else "places"
        out += entity_questions(
            ctx,
            ask,
            right=ids,
            kind=kind,
            short_prompt=prompt,
            multi_prompt=None,
            choice_prompt=f"In which of these {same_kind} {question}?",
            candidates=Draw(pool, lambda p: p not in ids),
            unrelated=True,
            statement=lambda p: f"{L} {verb_past} {ctx.ref(p)}.",
        )
    else:
        what = en.plural(noun) if noun else ("countries" if kinds == {"country"} else "places")
        prompt = (
            f"Name {en.all_of(len(ids))} {what} {L} {verb_past.split(' ')[0]} {verb_past.split(' ', 1)[1]}."
        )
        out += ctx.attempt(lambda: multi(ctx, ask, prompt, [ctx.label(i) for i in ids], kind=kind))
    wanted = set(ids)
    rev = "Which {desc} " + f"{verb_past} {en.join(names)}?"
    out += ctx.attempt(
        lambda: fc.reverse(
            ask,
            ids[0],
            rev,
            lambda f: wanted <= set(getattr(f, relation + "s")),
            ctx.films_by_place.get((relation + "s", ids[0]), []),
            exclude=ids,
            suffix=("reverse",),
        )
    )
    return out


PLACES = Recipe(places, ("location", "setting"))
