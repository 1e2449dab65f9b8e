"""A film's genres."""

from __future__ import annotations

import typing

from ...facts import model as m
from .. import english as en
from ..choice import choice, one_of, pick_text, truefalse
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx

GENRES: tuple[str, ...] = typing.get_args(m.Genre)
# Genres close enough that one is never a fair distractor for another.
GENRE_FAMILIES = (
    {"horror", "folk-horror", "thriller", "monster"},
    {"historical", "period", "martial-arts"},
    {"romance", "melodrama", "drama"},
    {"documentary", "mockumentary"},
    {"science-fiction", "fantasy", "monster", "disaster"},
    {"action", "martial-arts", "thriller", "disaster"},
)


def genre_family(genre: str) -> set[str]:
    out = {genre}
    for family in GENRE_FAMILIES:
        if genre in family:
            out |= family
    return out


def genre(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    genres = list(dict.fromkeys(film.genres))
    if not genres:
        return []
    words = [en.humanise(g) for g in genres]
    fact = (
        f"{L} is {en.with_article(en.join(words))} film"
        if len(words) > 1
        else f"{L} is {en.with_article(words[0])} film"
    )
    if film.kind == "documentary" and genres == ["documentary"]:
        fact = f"{L} is a documentary"
    ask = fc.ask("genre", relation="genre", explanation=fc.explain(fact))
    banned: set[str] = set()
    for g in genres:
        banned |= genre_family(g)
    pool = [en.humanise(g) for g in GENRES if g not in banned]
    out: list[Draft] = []

    def _choice() -> Draft:
        right = en.humanise(one_of(ask.qid("choice"), genres))
        wrong = pick_text(ask.qid("choice"), pool, words)
        return choice(ctx, ask, f"Which of these genres does {L} belong to?", right, wrong, kind=None)

    out += ctx.attempt(_choice)

    def said(genre: str) -> str:
        if genre == "documentary":
            return f"{L} is a documentary."
        return f"{L} is {en.with_article(genre)} film."

    out += ctx.attempt(lambda: truefalse(ctx, ask, said(en.humanise(one_of(ask.qid("true"), genres))), True))

    def _false() -> Draft:
        (wrong,) = pick_text(ask.qid("false"), pool, words, k=1)
        return truefalse(ctx, ask, said(wrong), False)

    out += ctx.attempt(_false)
    return out


GENRE = Recipe(genre, ("genre",))
