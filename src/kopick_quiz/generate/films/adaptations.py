"""What a film is based on: a book, a comic, another film (a remake)."""

from __future__ import annotations

from ...text import normalise
from .. import english as en
from ..choice import Draw, entity_questions, first, person_draw, person_score, short, truefalse
from ..core import Draft, Skip
from ..recipe import Recipe
from .ctx import FilmCtx


def based_on(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    work = film.based_on
    if work is None:
        return []
    kind = en.humanise(work.kind)
    creator = ctx.ref(work.creator) if work.creator else None
    country = ctx.base.by_id.get(work.country) if work.country else None
    by = f" by {creator}" if creator else ""
    described_work = " ".join(
        w for w in (str(work.year) if work.year else "", country.adjective if country else "", kind) if w
    )
    fact = f"{L} is based on {work.title}, {en.with_article(described_work)}{by}"
    ask = fc.ask("based-on", relation="based-on", explanation=fc.explain(fact, work.title))
    out: list[Draft] = []
    if work.year:
        described = f"{work.year} {kind}"
    elif country is not None:
        described = f"{country.adjective} {kind}"
    else:
        described = kind + by
    answer_kind = "film" if work.film else None
    title_prompt = f"{L} is based on which {described}?"
    out += ctx.attempt(lambda: short(ctx, ask, title_prompt, [work.title], kind=answer_kind))

    title = normalise(work.title)
    others = Draw(
        ctx.pool("films-adapted"),
        lambda f: normalise(ctx.films_by_id[f].based_on.title) != title,  # type: ignore[union-attr]
    )

    def said(title: str, k: str) -> str:
        return f"{L} is based on the {k} {title}."

    out += ctx.attempt(lambda: truefalse(ctx, ask, said(work.title, kind), True))

    def _false() -> Draft:
        other_id = first(ask.qid("false"), others)
        if other_id is None:
            raise Skip("no other adaptation to swap in")
        other = ctx.films_by_id[other_id]
        assert other.based_on is not None
        return truefalse(ctx, ask, said(other.based_on.title, en.humanise(other.based_on.kind)), False)

    out += ctx.attempt(_false)
    possessor = en.possessive(creator) + " " if creator else "the "
    prompt = "Which {desc} is based on " + f"{possessor}{kind} {work.title}?"
    out += ctx.attempt(
        lambda: fc.reverse(
            ask,
            work.creator or film.id,
            prompt,
            lambda f: f.based_on is not None and normalise(f.based_on.title) == title,
            ctx.adaptations.get(title, []),
        )
    )
    if work.creator and creator:
        who_ask = fc.ask("based-on", "creator", relation="based-on", explanation=ask.explanation)
        role = next(iter(ctx.base.get(work.creator).roles), None)
        out += entity_questions(
            ctx,
            who_ask,
            right=[work.creator],
            kind="person",
            short_prompt=f"Who created {work.title}, the {kind} behind {L}?",
            multi_prompt=None,
            choice_prompt=f"Which of these people created the {kind} {work.title}?",
            candidates=person_draw(ctx, role, [work.creator]),
            score=person_score(ctx, role, [work.creator], work.year),
            unrelated=True,
            statement=lambda p: f"{ctx.ref(p)} created the {kind} {work.title}.",
        )
    if country is not None:
        where_ask = fc.ask("based-on", "country", relation="based-on", explanation=ask.explanation)
        prompt = f"{L} is based on {en.with_article(kind)} from which country?"
        out += ctx.attempt(lambda: short(ctx, where_ask, prompt, [country.name], kind="country"))
    if work.year:
        year_ask = fc.ask("based-on", "year", relation="based-on", explanation=ask.explanation)
        prompt = f"In what year did {work.title}, the {kind} behind {L}, first appear?"
        out += ctx.attempt(
            lambda: short(ctx, year_ask, prompt, [str(work.year)], kind=None, qtype="year", suffix=("short",))
        )
    return out


def remake(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    if not film.remake_of:
        return []
    original = ctx.base.get(film.remake_of)
    original_label = ctx.film(original)
    fact = f"{L} is a remake of {original_label}"
    if original.directors:
        fact += f", directed by {ctx.names(original.directors)}"
    ask = fc.ask("remake", relation="based-on", explanation=fc.explain(fact, original.title))
    by = f" by {ctx.names(original.directors)}" if original.directors else ""
    others = Draw(
        ctx.pool("films"),
        lambda f: f not in (film.id, original.id) and ctx.films_by_id[f].remake_of != original.id,
    )
    out = entity_questions(
        ctx,
        ask,
        right=[original.id],
        kind="film",
        short_prompt=f"{L} is a remake of which film{by}?",
        multi_prompt=None,
        choice_prompt=f"Which of these films is {L} a remake of?",
        candidates=others,
        unrelated=True,
        statement=lambda f: f"{L} is a remake of {ctx.ref(f)}.",
    )
    prompt = "Which {desc} is a remake of " + original_label + "?"
    out += ctx.attempt(
        lambda: fc.reverse(
            ask,
            original.id,
            prompt,
            lambda f: f.remake_of == original.id,
            ctx.remakes.get(original.id, []),
        )
    )
    return out


BASED_ON = Recipe(based_on, ("based-on",))
REMAKE = Recipe(remake, ("based-on",))
