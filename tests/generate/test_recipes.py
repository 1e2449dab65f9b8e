"""The recipe registries: every relation has a recipe, every recipe is walked, asks something, and
its answers follow from the facts (worked out in generate_checks, apart from the generator)."""

from __future__ import annotations

import importlib
import pkgutil
import typing
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from generate_checks import ambiguity, right_answers, well_formed, wrong_facts

from kopick_quiz.facts.base import FactBase
from kopick_quiz.generate import context, films, generate_all, organisations, people
from kopick_quiz.generate.core import RELATION_LEVEL, RELATION_TAG, Ctx, Draft, Skip
from kopick_quiz.generate.recipe import Recipe
from kopick_quiz.packs.model import Relation

# Each family: how its subject is made, its registry, and the entities it asks about.
FAMILIES: dict[str, tuple[Callable[[Ctx, Any], Any], Sequence[Recipe[Any]], Callable[[FactBase], list]]] = {
    "film": (films.FilmCtx, films.RECIPES, lambda b: b.films),
    "person": (people.PersonQuestions, people.PERSON_RECIPES, lambda b: b.people),
    "organisation": (organisations.OrgQuestions, organisations.ORG_RECIPES, lambda b: b.organisations),
    "festival": (
        organisations.FestivalQuestions,
        organisations.FESTIVAL_RECIPES,
        lambda b: b.facts.festivals,
    ),
    "event": (context.EventQuestions, context.EVENT_RECIPES, lambda b: b.facts.events),
    "term": (context.TermQuestions, context.TERM_RECIPES, lambda b: b.facts.terms),
}
# The small base, with a film credited to a writer alone (a person's job there is the writer's).
WRITER = {
    "extra_people": [
        {
            "id": "kang-pen",
            "name": "Kang Pen",
            "roles": ["writer"],
            "nationality": "south-korea",
            "summary": "A screenwriter in the test base.",
            "source": "src-1",
        }
    ],
    "extra_films": [
        {
            "id": "paper-town",
            "title": "Paper Town",
            "year": 1999,
            "writers": ["kang-pen"],
            "summary": "The story of paper town in the test base.",
            "source": "src-1",
        }
    ],
}
RECIPES = [(kind, recipe) for kind, (_, recipes, _) in FAMILIES.items() for recipe in recipes]
RECIPE_IDS = [f"{kind}-{recipe.name}" for kind, recipe in RECIPES]


def made_by(base: FactBase, kind: str, recipe: Recipe[Any]) -> list[Draft]:
    """The questions one recipe makes on every entity of its kind, run as the generator runs it."""
    subject, _, items = FAMILIES[kind]
    ctx = Ctx(base)
    out: list[Draft] = []
    for item in items(base):
        try:
            made = subject(ctx, item)
        except Skip:  # an entity that cannot be named unambiguously has no questions at all
            continue
        out += ctx.attempt(recipe.on(made))
    return out


def test_every_relation_a_pack_can_ask_for_has_a_recipe() -> None:
    declared = {r for _, recipe in RECIPES for r in recipe.relations} - {None}
    assert declared == set(typing.get_args(Relation))


@pytest.mark.parametrize("relation", sorted(typing.get_args(Relation)))
def test_every_relation_has_a_difficulty_and_a_tag(relation: str) -> None:
    assert relation in RELATION_LEVEL
    assert relation in RELATION_TAG


def test_every_film_recipe_module_has_its_recipes_in_the_registry() -> None:
    """A recipe written but not listed in `films.RECIPES` would never be asked."""
    defined = []
    for info in pkgutil.iter_modules(films.__path__):
        module = importlib.import_module(f"{films.__name__}.{info.name}")
        defined += [(info.name, v.name) for v in vars(module).values() if isinstance(v, Recipe)]
    registered = {recipe.name for recipe in films.RECIPES}
    assert [d for d in defined if d[1] not in registered] == []
    assert len(defined) == len(films.RECIPES) == len(registered)


def test_the_walk_is_the_registry_in_order(shipped_base: FactBase) -> None:
    """A film's questions are its recipes' questions, recipe after recipe."""
    film = next(f for f in shipped_base.films if f.id == "the-medium")
    ctx = Ctx(shipped_base)
    fc = films.FilmCtx(ctx, film)
    by_recipe = [d.question.id for recipe in films.RECIPES for d in ctx.attempt(recipe.on(fc))]
    assert [d.question.id for d in films.film_questions(Ctx(shipped_base), film)] == by_recipe


@pytest.mark.parametrize(("kind", "recipe"), RECIPES, ids=RECIPE_IDS)
def test_no_recipe_silently_asks_nothing(
    shipped_base: FactBase, make_base: Callable[..., FactBase], kind: str, recipe: Recipe[Any]
) -> None:
    """Every recipe asks something of the shipped or the small base, under each relation it declares."""
    made = made_by(shipped_base, kind, recipe) + made_by(make_base(**WRITER), kind, recipe)
    assert made, f"{recipe.name} made no question"
    assert {d.relation for d in made} == set(recipe.relations)


@pytest.mark.parametrize(("kind", "recipe"), RECIPES, ids=RECIPE_IDS)
def test_every_recipe_answer_follows_from_the_facts(
    shipped_base: FactBase, small_base: FactBase, kind: str, recipe: Recipe[Any]
) -> None:
    for base in (shipped_base, small_base):
        for d in made_by(base, kind, recipe):
            q = d.question
            assert right_answers(base, q) is not None, (
                f"{q.id}: no rule in generate_checks says what is right"
            )
            assert well_formed(q, base) + wrong_facts(base, q) + ambiguity(base, q) == []


def test_every_shipped_question_has_a_rule_for_what_is_right(shipped_base: FactBase) -> None:
    """Places' and countries' questions too, which no registry holds."""
    assert [q.id for q in generate_all(shipped_base) if right_answers(shipped_base, q) is None] == []
