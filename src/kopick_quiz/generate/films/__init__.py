"""Questions on films, one recipe per relation, and the registry the generator walks.

The recipes: crew, cast and characters, companies, countries, adaptations and remakes, places,
dates, money, festivals, archives, events, language, genre, story and other titles. Each lives in
a module of its own; a recipe is a function from one film (`FilmCtx`: the film, how to name it and
the helpers every recipe shares) to its questions, with the relations they carry. `RECIPES` is
the registry, in the order the questions come out: to add a relation, write its recipe and list
it there (docs/contributing.md, "Adding a relation").
"""

from __future__ import annotations

from ...facts import model as m
from ..core import Ctx, Draft
from ..recipe import Recipe, questions_on
from . import (
    adaptations,
    archive,
    cast,
    companies,
    countries,
    crew,
    dates,
    events,
    festivals,
    genre,
    language,
    money,
    places,
    plot,
    titles,
)
from .ctx import FilmCtx

__all__ = ["RECIPES", "FilmCtx", "film_drafts", "film_questions"]

# Every recipe, in the order a film's questions come out (question ids do not depend on it).
RECIPES: tuple[Recipe, ...] = (
    crew.CREW_RECIPE,
    cast.CAST,
    cast.CHARACTERS,
    companies.STUDIOS,
    countries.COUNTRIES,
    adaptations.BASED_ON,
    adaptations.REMAKE,
    places.PLACES,
    dates.YEAR,
    dates.RELEASE_MONTH,
    money.BUDGET,
    money.AUDIENCE,
    festivals.PREMIERE,
    archive.ARCHIVE,
    events.CONTEXT,
    language.LANGUAGE,
    genre.GENRE,
    plot.PLOT,
    titles.OTHER_TITLES,
)


def film_questions(ctx: Ctx, film: m.Film) -> list[Draft]:
    """Every question on one film, recipe by recipe."""
    return questions_on(ctx, film, FilmCtx, RECIPES)


def film_drafts(ctx: Ctx) -> list[Draft]:
    return [d for film in ctx.base.films for d in film_questions(ctx, film)]
