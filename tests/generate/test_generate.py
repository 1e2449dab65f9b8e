"""`generate(base, recipe, pack_id)`: filtered by the recipe, deterministic, ids stable and unique."""

from __future__ import annotations

import re

import pytest
from progress_reports import Reports

from kopick_quiz.facts.base import FactBase
from kopick_quiz.facts.load import load_facts
from kopick_quiz.generate import drafts, generate, generate_all
from kopick_quiz.packs.model import Recipe
from kopick_quiz.paths import shipped_facts
from kopick_quiz.schema import ID_PATTERN
from kopick_quiz.text import normalise


def test_ids_are_unique_and_valid(shipped_base: FactBase) -> None:
    ids = [q.id for q in generate_all(shipped_base)]
    assert len(ids) == len(set(ids))
    assert all(re.match(ID_PATTERN, i) and len(i) <= 120 for i in ids)


def test_prompts_are_unique(shipped_base: FactBase) -> None:
    prompts = [normalise(q.prompt) for q in generate_all(shipped_base)]
    assert len(prompts) == len(set(prompts))


def test_every_question_type_is_generated(shipped_base: FactBase) -> None:
    assert {q.type for q in generate_all(shipped_base)} == {
        "short",
        "multi",
        "number",
        "year",
        "choice",
        "truefalse",
        "order",
    }


def test_generate_all_names_its_pack(small_base: FactBase) -> None:
    assert {q.pack for q in generate_all(small_base)} == {"generated"}


def test_recipe_films_and_pack_id(small_base: FactBase) -> None:
    questions = generate(small_base, Recipe(films=["the-spirit"]), "mine")
    assert questions and all(q.pack == "mine" for q in questions)
    assert all("the-spirit" in q.tags for q in questions)


def test_unknown_film_is_a_value_error_with_a_suggestion(small_base: FactBase) -> None:
    with pytest.raises(ValueError, match="unknown film 'the-spirt'; did you mean 'the-spirit'"):
        generate(small_base, Recipe(films=["the-spirt"]), "mine")


@pytest.mark.parametrize(
    ("recipe", "check"),
    [
        (Recipe(kinds=["choice"]), lambda q, d: q.type == "choice"),
        (Recipe(topics=["people"]), lambda q, d: d.topic == "people"),
        (Recipe(relations=["director"]), lambda q, d: d.relation == "director"),
        (Recipe(eras=["1950s"], topics=["films"]), lambda q, d: "1950s" in q.tags),
        (
            Recipe(profiled_only=True, topics=["films"]),
            lambda q, d: (
                d.topic == "films" and d.films[0] in {"first-love", "the-queen", "the-spirit", "train"}
            ),
        ),
    ],
)
def test_recipe_filters(small_base: FactBase, recipe: Recipe, check) -> None:
    by_id = {d.question.id: d for d in drafts(small_base)}
    questions = generate(small_base, recipe, "p")
    assert questions
    assert all(check(q, by_id[q.id]) for q in questions)
    left_out = [d for d in drafts(small_base) if d.question.id not in {q.id for q in questions}]
    assert not [d for d in left_out if check(d.question, d) and _passes_rest(d, recipe)]


def _passes_rest(d, recipe: Recipe) -> bool:
    return not (recipe.topics and d.topic not in recipe.topics)


def test_count_is_seeded_and_stable(small_base: FactBase) -> None:
    one = generate(small_base, Recipe(count=10, seed=1), "p")
    assert len(one) == 10
    assert one == generate(small_base, Recipe(count=10, seed=1), "p")
    assert {q.id for q in one} != {q.id for q in generate(small_base, Recipe(count=10, seed=2), "p")}
    everything = [q.id for q in generate(small_base, Recipe(), "p")]
    assert [q.id for q in one] == [i for i in everything if i in {q.id for q in one}]  # in the base's order


def test_generation_does_not_touch_the_base(small_base: FactBase) -> None:
    before = small_base.to_json()
    generate_all(small_base)
    assert small_base.to_json() == before


def test_every_relation_and_topic_can_be_chosen_by_a_recipe(shipped_base: FactBase) -> None:
    from typing import get_args

    from kopick_quiz.packs.model import Relation

    relations = set(get_args(Relation))
    topics = set(get_args(Recipe.model_fields["topics"].annotation.__args__[0]))
    for d in drafts(shipped_base):
        assert d.relation is None or d.relation in relations, d.question.id
        assert d.topic in topics, d.question.id


# -- progress --------------------------------------------------------------------------------------


def test_making_every_question_reports_entity_by_entity_to_the_end(reports) -> None:
    base = load_facts(shipped_facts())  # a base of its own: the shipped one's questions are made already
    questions = generate_all(base, reports)
    assert questions
    reports.assert_steady(steps=50)


def test_a_recipe_reports_to_the_end_even_when_its_questions_were_made_before(reports) -> None:
    base = load_facts(shipped_facts())
    recipe = Recipe(films=[base.films[0].id])
    first = generate(base, recipe, "one-film", reports)
    reports.assert_steady(steps=5)
    again = Reports()
    assert generate(base, recipe, "one-film", again) == first
    again.assert_steady(steps=1)
